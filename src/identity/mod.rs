//! Who is who on a thread: the rep (any of their addresses, plus-addressed variants included),
//! internal colleagues, and prospects (everyone else).

use crate::message::Address;

/// Free-mail domains: never a "company", never an internal domain, never a domain-wide match.
pub const FREEMAIL: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "hotmail.com",
    "hotmail.co.uk",
    "live.com",
    "msn.com",
    "yahoo.com",
    "yahoo.co.uk",
    "yahoo.fr",
    "yahoo.de",
    "ymail.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "aol.com",
    "proton.me",
    "protonmail.com",
    "pm.me",
    "gmx.de",
    "gmx.net",
    "gmx.com",
    "web.de",
    "t-online.de",
    "orange.fr",
    "free.fr",
    "laposte.net",
    "wanadoo.fr",
    "libero.it",
    "virgilio.it",
    "mail.com",
    "zoho.com",
    "yandex.ru",
    "yandex.com",
    "mail.ru",
    "qq.com",
    "163.com",
    "126.com",
    "fastmail.com",
    "hey.com",
    "tutanota.com",
    "seznam.cz",
    "bluewin.ch",
    "telia.com",
    "ziggo.nl",
    "kpnmail.nl",
    "uol.com.br",
    "bol.com.br",
    "terra.com.br",
];

/// Whether the domain belongs to a free-mail provider.
pub fn is_freemail(domain: &str) -> bool {
    FREEMAIL.contains(&domain.to_ascii_lowercase().as_str())
}

/// Addresses that send notifications, not replies (`noreply@`, `notifications@`, …).
pub fn is_machine_sender(email: &str) -> bool {
    let local = email.split('@').next().unwrap_or("").to_ascii_lowercase();
    let local = local.replace(['-', '_', '.'], "");
    [
        "noreply",
        "donotreply",
        "notreply",
        "notification",
        "notifications",
        "notify",
        "mailer",
        "mailerdaemon",
        "postmaster",
        "bounce",
        "bounces",
        "alerts",
        "automated",
        "system",
    ]
    .iter()
    .any(|m| local == *m || local.starts_with(&format!("{m}+")))
        || local.starts_with("noreply")
        || local.starts_with("donotreply")
}

/// The rep's addresses and the domains counted as internal.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Identity {
    addresses: Vec<String>,
    internal_domains: Vec<String>,
}

/// The role of an address on a thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Rep,
    Internal,
    Prospect,
}

/// Split `local+tag@domain` into (`local@domain`, `tag`).
pub fn split_plus(email: &str) -> (String, Option<String>) {
    let email = email.to_ascii_lowercase();
    match email.split_once('@') {
        Some((local, domain)) => match local.split_once('+') {
            Some((base, tag)) if !base.is_empty() => {
                (format!("{base}@{domain}"), Some(tag.to_string()))
            }
            _ => (email.clone(), None),
        },
        None => (email.clone(), None),
    }
}

/// Whether `email` is `base` (an address as [`split_plus`] leaves it: lower case, no
/// plus-tag) once lower-cased and stripped of its plus-tag; [`split_plus`] without the copies.
fn same_base(email: &str, base: &str) -> bool {
    match (email.split_once('@'), base.split_once('@')) {
        (Some((local, domain)), Some((base_local, base_domain))) => {
            let local = match local.split_once('+') {
                Some((b, _)) if !b.is_empty() => b,
                _ => local,
            };
            local.eq_ignore_ascii_case(base_local) && domain.eq_ignore_ascii_case(base_domain)
        }
        (None, None) => email.eq_ignore_ascii_case(base),
        _ => false,
    }
}

impl Identity {
    /// `internal_domains` empty means: the rep's own non-free-mail domains.
    pub fn new(addresses: &[String], internal_domains: &[String]) -> Self {
        let addresses: Vec<String> = addresses.iter().map(|a| split_plus(a.trim()).0).collect();
        let mut internal: Vec<String> = internal_domains
            .iter()
            .map(|d| d.trim().trim_start_matches('@').to_ascii_lowercase())
            .collect();
        if internal.is_empty() {
            for a in &addresses {
                if let Some((_, d)) = a.rsplit_once('@') {
                    if !is_freemail(d) && !internal.iter().any(|x| x == d) {
                        internal.push(d.to_string());
                    }
                }
            }
        }
        Identity {
            addresses,
            internal_domains: internal,
        }
    }

    pub fn is_rep(&self, email: &str) -> bool {
        // Asked for every address of every message: compared in place, no copy made.
        self.addresses.iter().any(|a| same_base(email, a))
    }

    /// The plus-tag of an address of the rep's (`alex+pricing@…` → `pricing`).
    pub fn rep_plus_tag(&self, email: &str) -> Option<String> {
        let (base, tag) = split_plus(email);
        if self.addresses.contains(&base) {
            tag
        } else {
            None
        }
    }

    pub fn role(&self, addr: &Address) -> Role {
        if self.is_rep(&addr.email) {
            return Role::Rep;
        }
        let domain = addr.domain();
        if self.internal_domains.iter().any(|d| {
            domain == d
                || domain
                    .strip_suffix(d.as_str())
                    .is_some_and(|head| head.ends_with('.'))
        }) {
            Role::Internal
        } else {
            Role::Prospect
        }
    }

    pub fn is_prospect(&self, addr: &Address) -> bool {
        self.role(addr) == Role::Prospect
    }

    /// The rep's primary address (first configured).
    pub fn primary(&self) -> &str {
        self.addresses.first().map(String::as_str).unwrap_or("")
    }
}

const GENERIC_LOCAL: &[&str] = &[
    "info",
    "sales",
    "contact",
    "hello",
    "hi",
    "team",
    "office",
    "admin",
    "support",
    "mail",
    "enquiries",
    "inquiries",
    "purchasing",
    "procurement",
    "accounts",
    "billing",
    "noreply",
    "no-reply",
    "help",
    "service",
    "kontakt",
    "bonjour",
];

/// A first name to greet the prospect with, from the display name or else the address's local
/// part; `None` for role addresses such as `info@`.
pub fn first_name(addr: &Address) -> Option<String> {
    if let Some(name) = &addr.name {
        // Control characters (NUL, CR, LF, tabs) never reach a greeting: they split words.
        let name = name.replace(char::is_control, " ");
        let name = name.trim();
        // "Whitfield, Dana" → Dana
        let candidate = match name.split_once(',') {
            Some((last, first)) if !first.trim().is_empty() && !last.contains(' ') => first.trim(),
            _ => name,
        };
        let titles = [
            "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "prof", "prof.",
        ];
        let word = candidate
            .split_whitespace()
            .find(|w| !titles.contains(&w.to_ascii_lowercase().as_str()));
        if let Some(w) = word {
            if !w.contains('@') && w.chars().any(|c| c.is_alphabetic()) {
                return Some(capitalize(
                    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'),
                ));
            }
        }
    }
    let local = addr.email.split('@').next().unwrap_or("");
    let local = split_plus(local).0;
    if GENERIC_LOCAL.contains(&local.as_str()) {
        return None;
    }
    let first = local.split(['.', '_', '-']).next().unwrap_or("");
    if first.len() >= 2
        && first.chars().all(|c| c.is_alphabetic())
        && local.contains(['.', '_', '-'])
    {
        Some(capitalize(first))
    } else {
        None
    }
}

/// The company name guessed from the domain (`northwind-traders.co.uk` → `Northwind Traders`);
/// `None` for free-mail addresses.
pub fn company(addr: &Address) -> Option<String> {
    let domain = addr.domain();
    if domain.is_empty() || is_freemail(domain) {
        return None;
    }
    let labels: Vec<&str> = domain.split('.').collect();
    // Skip second-level public suffixes such as co.uk, com.au, co.jp.
    let sld = if labels.len() >= 3
        && ["co", "com", "org", "net", "ac", "gov", "ne", "or"].contains(&labels[labels.len() - 2])
    {
        labels[labels.len() - 3]
    } else if labels.len() >= 2 {
        labels[labels.len() - 2]
    } else {
        labels[0]
    };
    let name = sld
        .split(['-', '_'])
        .filter(|w| !w.is_empty())
        .flat_map(split_business_word)
        .map(capitalize)
        .collect::<Vec<_>>()
        .join(" ")
        .replace(char::is_control, "");
    (!name.trim().is_empty()).then_some(name)
}

/// Words a company name often ends in, which domains run together with the name
/// (`summitpartners` → `Summit Partners`, `kellerbau` → `Keller Bau`). Longer ones first.
const BUSINESS_WORDS: &[&str] = &[
    "technologies",
    "construction",
    "construcoes",
    "engineering",
    "consultants",
    "consulting",
    "immobilien",
    "immobilier",
    "healthcare",
    "automation",
    "automazione",
    "installatie",
    "properties",
    "publishing",
    "logistics",
    "logistik",
    "logistiek",
    "logistica",
    "transports",
    "solutions",
    "marketing",
    "insurance",
    "financial",
    "fastigheter",
    "industries",
    "industrie",
    "maschinen",
    "meccanica",
    "spedition",
    "advocaten",
    "analytics",
    "holdings",
    "partners",
    "software",
    "services",
    "security",
    "ventures",
    "textiles",
    "robotics",
    "plumbing",
    "hoteles",
    "hotels",
    "trading",
    "systems",
    "capital",
    "digital",
    "studios",
    "freight",
    "finance",
    "holding",
    "gruppe",
    "groupe",
    "grupo",
    "gruppo",
    "retail",
    "design",
    "studio",
    "pharma",
    "health",
    "energy",
    "motors",
    "realty",
    "agency",
    "agentur",
    "foods",
    "textil",
    "frutas",
    "freres",
    "homes",
    "media",
    "group",
    "labs",
    "tech",
    "bank",
    "bygg",
    "insure",
    "invest",
    "build",
    "works",
    "trans",
    "care",
    "food",
    "law",
    "bau",
];

/// A domain label split before a business word it ends with, when a name of at least four
/// letters stands before it (`initech` stays `Initech`).
fn split_business_word(label: &str) -> Vec<&str> {
    let all_letters = label.chars().all(|c| c.is_ascii_lowercase());
    if all_letters && label.len() >= 7 {
        for w in BUSINESS_WORDS {
            if let Some(head) = label.strip_suffix(w) {
                if head.len() >= 4 {
                    return vec![head, &label[head.len()..]];
                }
            }
        }
    }
    vec![label]
}

fn capitalize(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plus_addressed_variants_are_the_rep() {
        let id = Identity::new(&["Alex@Acme.io".into()], &[]);
        assert!(id.is_rep("alex+pricing@acme.io"));
        assert_eq!(
            id.rep_plus_tag("alex+pricing@acme.io").as_deref(),
            Some("pricing")
        );
        assert_eq!(id.role(&Address::new(None, "sam@acme.io")), Role::Internal);
        assert_eq!(
            id.role(&Address::new(None, "dana@northwind.com")),
            Role::Prospect
        );
    }

    #[test]
    fn freemail_rep_has_no_internal_domain() {
        let id = Identity::new(&["alex@gmail.com".into()], &[]);
        assert_eq!(
            id.role(&Address::new(None, "someone@gmail.com")),
            Role::Prospect
        );
    }

    #[test]
    fn first_names_from_display_names_and_addresses() {
        assert_eq!(
            first_name(&Address::new(Some("Dana Whitfield"), "d@x.com")).as_deref(),
            Some("Dana")
        );
        assert_eq!(
            first_name(&Address::new(Some("Whitfield, Dana"), "d@x.com")).as_deref(),
            Some("Dana")
        );
        assert_eq!(
            first_name(&Address::new(Some("Dr. Jürgen Weiß"), "j@x.de")).as_deref(),
            Some("Jürgen")
        );
        assert_eq!(
            first_name(&Address::new(None, "dana.whitfield@x.com")).as_deref(),
            Some("Dana")
        );
        assert_eq!(first_name(&Address::new(None, "info@x.com")), None);
        assert_eq!(first_name(&Address::new(None, "dwhitfield@x.com")), None);
    }

    #[test]
    fn company_from_domain() {
        assert_eq!(
            company(&Address::new(None, "d@northwind-traders.co.uk")).as_deref(),
            Some("Northwind Traders")
        );
        assert_eq!(
            company(&Address::new(None, "d@mail.globex.com")).as_deref(),
            Some("Globex")
        );
        assert_eq!(company(&Address::new(None, "d@gmail.com")), None);
        // A business word run together with the name is split off it.
        for (email, want) in [
            ("grace@summitpartners.com", "Summit Partners"),
            ("mike@evansplumbing.com", "Evans Plumbing"),
            ("ian@dunmoretech.ie", "Dunmore Tech"),
            ("f@kellermaschinen.de", "Keller Maschinen"),
            ("d@fischerlabs.com", "Fischer Labs"),
            // No business word at its end, or too short a name before one: as it is.
            ("d@copperleaf.com", "Copperleaf"),
            ("d@fieldstone.com", "Fieldstone"),
            ("d@zylaw.com", "Zylaw"),
            ("d@initech.com", "Initech"),
        ] {
            assert_eq!(
                company(&Address::new(None, email)).as_deref(),
                Some(want),
                "{email}"
            );
        }
    }

    #[test]
    fn notification_senders_are_not_people() {
        for a in [
            "noreply@x.com",
            "no-reply@x.com",
            "do_not_reply@x.com",
            "notifications@github.com",
            "noreply-billing@x.com",
            "MAILER-DAEMON@x.com",
        ] {
            assert!(is_machine_sender(a), "{a}");
        }
        for a in ["dana@x.com", "norbert@x.com", "sysadmin@x.com"] {
            assert!(!is_machine_sender(a), "{a}");
        }
    }

    #[test]
    fn the_rep_is_known_in_any_case_and_with_any_plus_tag() {
        let id = Identity::new(
            &["Alex.Morgan@Acme.io".into(), "sales+eu@acme.io".into()],
            &[],
        );
        for yes in [
            "alex.morgan@acme.io",
            "ALEX.MORGAN@ACME.IO",
            "alex.morgan+pricing@acme.io",
            "sales@acme.io",
            "sales+us@acme.io",
        ] {
            assert!(id.is_rep(yes), "{yes}");
        }
        for no in [
            "alex@acme.io",
            "alex.morgan@acme.com",
            "+x@acme.io",
            "alex.morgan",
            "",
        ] {
            assert!(!id.is_rep(no), "{no}");
        }
        for email in ["a+b@x.io", "A@X.IO", "+x@y.io", "plain"] {
            let by_copy = split_plus(email).0;
            assert!(same_base(email, &by_copy), "{email}");
        }
    }
}
