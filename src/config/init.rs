//! `followup init`: server settings suggested for the big providers, and the commented
//! `config.toml` written from the answers. Pure: the login test and the file writes are the
//! caller's.

/// Server settings for an address, from its domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preset {
    pub provider: &'static str,
    pub host: String,
    pub port: u16,
    pub tls: &'static str,
    /// What the rep must do at the provider before a mail program may log in.
    pub hint: &'static str,
}

/// The usual IMAP settings for an address (Gmail, Microsoft 365/Outlook.com, Fastmail, iCloud,
/// Yahoo), else `imap.<domain>` on 993 with TLS.
pub fn preset(email: &str) -> Preset {
    let domain = email
        .rsplit_once('@')
        .map(|(_, d)| d.to_ascii_lowercase())
        .unwrap_or_default();
    let p = |provider, host: &str, hint| Preset {
        provider,
        host: host.to_string(),
        port: 993,
        tls: "implicit",
        hint,
    };
    match domain.as_str() {
        "gmail.com" | "googlemail.com" => p(
            "Gmail",
            "imap.gmail.com",
            "use an app password (Google Account → Security → App passwords) or an OAuth2 token command",
        ),
        "outlook.com" | "hotmail.com" | "live.com" | "msn.com" => p(
            "Outlook.com",
            "outlook.office365.com",
            "Microsoft requires OAuth2: set oauth2_token_command (e.g. `oama access you@outlook.com`)",
        ),
        "fastmail.com" | "fastmail.fm" | "messagingengine.com" => p(
            "Fastmail",
            "imap.fastmail.com",
            "use an app password (Settings → Privacy & Security → App passwords)",
        ),
        "icloud.com" | "me.com" | "mac.com" => p(
            "iCloud",
            "imap.mail.me.com",
            "use an app-specific password (appleid.apple.com → Sign-In and Security)",
        ),
        "yahoo.com" | "ymail.com" | "rocketmail.com" => p(
            "Yahoo",
            "imap.mail.yahoo.com",
            "use an app password (Account security → Generate app password)",
        ),
        d => Preset {
            provider: "IMAP",
            host: format!("imap.{d}"),
            port: 993,
            tls: "implicit",
            hint: "a Microsoft 365 company mailbox is outlook.office365.com with oauth2_token_command; a Google Workspace one is imap.gmail.com",
        },
    }
}

/// Where the password or token comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Secret {
    Command(String),
    Env(String),
    OAuth2Command(String),
}

/// The mailbox part of a new config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mailbox {
    Imap {
        host: String,
        port: u16,
        tls: String,
        user: String,
        secret: Secret,
        /// Sent and Drafts as found on the server (SPECIAL-USE), written out when known.
        sent: Option<String>,
        drafts: Option<String>,
    },
    Maildir {
        path: String,
    },
}

/// The answers `init` collected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answers {
    pub account: String,
    pub name: String,
    pub email: String,
    pub timezone: String,
    pub mailbox: Mailbox,
    /// The copy of the default templates the rep can edit.
    pub templates_dir: Option<String>,
}

/// A TOML basic string: quotes and backslashes escaped, control characters refused.
pub fn toml_str(s: &str) -> Result<String, String> {
    if let Some(c) = s.chars().find(|c| c.is_control()) {
        return Err(format!("{s:?} holds a control character ({c:?})"));
    }
    Ok(format!(
        "\"{}\"",
        s.replace('\\', "\\\\").replace('"', "\\\"")
    ))
}

/// The commented config for these answers (it parses with [`super::Config::from_str`]).
pub fn render(a: &Answers) -> Result<String, String> {
    let q = toml_str;
    let mut out = String::from(
        "# followup configuration, written by `followup init`. Every key is documented in\n\
         # config.example.toml; check the setup with `followup doctor`.\n\n[[accounts]]\n",
    );
    out.push_str(&format!("name = {}\n", q(&a.account)?));
    match &a.mailbox {
        Mailbox::Maildir { path } => {
            out.push_str(&format!(
                "maildir = {{ path = {} }}   # a Maildir++ tree (INBOX at the root, .Sent, .Drafts)\n",
                q(path)?
            ));
        }
        Mailbox::Imap {
            host,
            port,
            tls,
            user,
            secret,
            sent,
            drafts,
        } => {
            out.push_str("\n[accounts.imap]\n");
            out.push_str(&format!("host = {}\n", q(host)?));
            out.push_str(&format!("port = {port}\n"));
            out.push_str(&format!(
                "tls = {}                    # implicit (993), starttls (143), or none (loopback only)\n",
                q(tls)?
            ));
            out.push_str(&format!("user = {}\n", q(user)?));
            match secret {
                Secret::Command(c) => out.push_str(&format!(
                    "password_command = {}   # run once per connection; never stored\n",
                    q(c)?
                )),
                Secret::Env(v) => out.push_str(&format!(
                    "password_env = {}       # the password is read from this variable\n",
                    q(v)?
                )),
                Secret::OAuth2Command(c) => out.push_str(&format!(
                    "oauth2_token_command = {}   # prints a fresh access token (XOAUTH2)\n",
                    q(c)?
                )),
            }
            if sent.is_some() || drafts.is_some() {
                out.push_str("\n[accounts.folders]             # found on the server\n");
                if let Some(s) = sent {
                    out.push_str(&format!("sent = {}\n", q(s)?));
                }
                if let Some(d) = drafts {
                    out.push_str(&format!("drafts = {}\n", q(d)?));
                }
            }
        }
    }
    out.push_str("\n[accounts.identity]\n");
    out.push_str(&format!("name = {}\n", q(&a.name)?));
    out.push_str(&format!(
        "addresses = [{}]   # every address you send from\n",
        q(&a.email)?
    ));
    out.push_str(&format!(
        "timezone = {}      # business days and hours are counted here\n",
        q(&a.timezone)?
    ));
    if let Some(t) = &a.templates_dir {
        out.push_str(&format!(
            "\n[templates]\ndir = {}   # your copy of the default templates: edit freely, then `followup templates check`\n",
            q(t)?
        ));
    }
    out.push_str(
        "\n# Quiet-thread thresholds: waits in business days between follow-ups, per reason.\n\
         # [policy]\n# default_cadence = [3, 5, 10]\n# cadence.pricing = [2, 4, 8]\n",
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_providers_get_their_servers_and_others_a_guess() {
        assert_eq!(preset("dana@gmail.com").host, "imap.gmail.com");
        assert_eq!(preset("x@Outlook.com").host, "outlook.office365.com");
        assert_eq!(preset("x@fastmail.com").provider, "Fastmail");
        assert_eq!(preset("x@me.com").host, "imap.mail.me.com");
        assert_eq!(preset("x@yahoo.com").host, "imap.mail.yahoo.com");
        let other = preset("alex@acme.io");
        assert_eq!(
            (other.host.as_str(), other.port, other.tls),
            ("imap.acme.io", 993, "implicit")
        );
    }

    #[test]
    fn the_written_config_parses_and_quotes_what_it_is_given() {
        let a = Answers {
            account: "work".into(),
            name: "Alex \"Al\" Morgan".into(),
            email: "alex@acme.io".into(),
            timezone: "Europe/Berlin".into(),
            mailbox: Mailbox::Imap {
                host: "imap.acme.io".into(),
                port: 993,
                tls: "implicit".into(),
                user: "alex@acme.io".into(),
                secret: Secret::Command("pass show mail/acme".into()),
                sent: Some("Sent Items".into()),
                drafts: Some("Drafts".into()),
            },
            templates_dir: Some("/home/alex/.config/followup/templates".into()),
        };
        let text = render(&a).unwrap();
        let cfg = crate::config::Config::from_str(&text, None).unwrap();
        assert_eq!(cfg.accounts[0].identity.name, "Alex \"Al\" Morgan");
        assert_eq!(cfg.accounts[0].folders.sent.as_deref(), Some("Sent Items"));
        assert_eq!(
            cfg.accounts[0]
                .imap
                .as_ref()
                .unwrap()
                .password_command
                .as_deref(),
            Some("pass show mail/acme")
        );
        // No line break can smuggle a key in.
        let mut bad = a.clone();
        bad.name = "Alex\nuser = \"x\"".into();
        assert!(render(&bad).is_err());
    }
}
