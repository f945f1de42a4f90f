//! Who decides, named as the thread named them, for the decision-maker templates: "To make the
//! conversation with your CISO easier", "damit die Abstimmung mit Ihrem Vorstand leichter
//! fällt", "per facilitare il confronto con il vostro CdA". A draft that names the board the
//! prospect spoke of reads as written for this thread; "the deciders on your side" does not.

use std::sync::OnceLock;

use regex::Regex;

/// The decider a text names, as the phrase the `lang` template puts after its "with" (English
/// "your CFO", German dative "Ihrem Vorstand", French "votre direction"…). In the rep's own
/// words "our", "unser", "notre"… are the rep's side, so those roles are skipped there.
pub fn named(text: &str, theirs: bool, lang: &str, formal: bool) -> Option<String> {
    if lang == "en" {
        return english(text, theirs);
    }
    let table = ROLES.iter().find(|(l, _)| *l == lang)?.1;
    let lower = text.to_lowercase();
    let mut best: Option<(usize, &Role)> = None;
    for role in table {
        for key in role.keys {
            let Some(at) = find_word(&lower, key) else {
                continue;
            };
            if !theirs && own_side_before(&lower[..at]) {
                continue;
            }
            if best.is_none_or(|(b, _)| at < b) {
                best = Some((at, role));
            }
        }
    }
    best.map(|(_, r)| if formal { r.formal } else { r.informal }.to_string())
}

/// The English form: "our CISO needs to approve" → "your CISO", "the management committee
/// decides" → "your management committee".
fn english(text: &str, theirs: bool) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"(?i)\b(our|my|the|your)\s+((?:(?:ops|operations|finance|procurement|security|it|legal|management|steering|investment|executive|leadership|purchasing|sales|hr)\s+)?(?-i:CFO|CEO|CTO|COO|CIO|CISO|CMO|CRO|MD|GM)|(?-i:VP|SVP|EVP)(?:\s+(?:of\s+)?(?-i:[A-Z][a-z]+))?|(?:(?:ops|operations|finance|procurement|security|it|legal|management|steering|investment|executive|leadership|purchasing|managing|finance|sales)\s+)?(?:boss|manager|director|board|committee|partners?|founders?|owner|stakeholders|controller|leadership\s+team|exec\s+team|legal\s+team|security\s+team|it\s+team|finance\s+team))\b",
        )
        .expect("decider regex")
    });
    re.captures_iter(text)
        .find(|c| theirs || matches!(c[1].to_ascii_lowercase().as_str(), "your" | "the"))
        .map(|c| format!("your {}", &c[2]))
}

/// `key` in `text` as whole words: the byte offset of the first such occurrence.
fn find_word(text: &str, key: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find(key).map(|i| i + from) {
        let before = text[..i].chars().next_back();
        let after = text[i + key.len()..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some(i);
        }
        from = i + key.len();
    }
    None
}

/// The rep's own side named just before a role ("unser Vorstand", "notre direction", "il
/// nostro CdA", "vår styrelse").
fn own_side_before(before: &str) -> bool {
    let last: Vec<&str> = before.split_whitespace().rev().take(2).collect();
    last.iter().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        matches!(
            w,
            "unser"
                | "unsere"
                | "unserem"
                | "unseren"
                | "unserer"
                | "mein"
                | "meine"
                | "meinem"
                | "notre"
                | "nos"
                | "mon"
                | "ma"
                | "mes"
                | "nuestro"
                | "nuestra"
                | "nuestros"
                | "mi"
                | "nostro"
                | "nostra"
                | "nostri"
                | "mio"
                | "mia"
                | "onze"
                | "mijn"
                | "nosso"
                | "nossa"
                | "meu"
                | "minha"
                | "vår"
                | "vårt"
                | "våra"
                | "min"
                | "mitt"
        )
    })
}

/// A role as the text may name it (lower case, whole words) and as each voice of the template
/// puts it after its "with".
struct Role {
    keys: &'static [&'static str],
    formal: &'static str,
    informal: &'static str,
}

const fn role(keys: &'static [&'static str], formal: &'static str, informal: &'static str) -> Role {
    Role {
        keys,
        formal,
        informal,
    }
}

/// Per language, the roles a prospect names most: bodies before the people in them, longer
/// names before their heads ("comité de direction" before "comité").
const ROLES: &[(&str, &[Role])] = &[
    (
        "de",
        &[
            role(
                &["geschäftsführerin"],
                "Ihrer Geschäftsführerin",
                "eurer Geschäftsführerin",
            ),
            role(
                &["geschäftsführer"],
                "Ihrem Geschäftsführer",
                "eurem Geschäftsführer",
            ),
            role(
                &["geschäftsführung"],
                "Ihrer Geschäftsführung",
                "eurer Geschäftsführung",
            ),
            role(
                &["geschäftsleitung"],
                "Ihrer Geschäftsleitung",
                "eurer Geschäftsleitung",
            ),
            role(
                &["aufsichtsrat"],
                "Ihrem Aufsichtsrat",
                "eurem Aufsichtsrat",
            ),
            role(&["betriebsrat"], "Ihrem Betriebsrat", "eurem Betriebsrat"),
            role(&["vorstand"], "Ihrem Vorstand", "eurem Vorstand"),
            role(
                &["rechtsabteilung", "juristen"],
                "Ihrer Rechtsabteilung",
                "eurer Rechtsabteilung",
            ),
            role(
                &["finanzabteilung"],
                "Ihrer Finanzabteilung",
                "eurer Finanzabteilung",
            ),
            role(
                &["einkauf", "einkaufsabteilung"],
                "Ihrem Einkauf",
                "eurem Einkauf",
            ),
            role(&["controlling"], "Ihrem Controlling", "eurem Controlling"),
            role(&["it-leiterin"], "Ihrer IT-Leiterin", "eurer IT-Leiterin"),
            role(
                &["it-leiter", "it-leitung"],
                "Ihrer IT-Leitung",
                "eurer IT-Leitung",
            ),
            role(
                &["finanzchefin"],
                "Ihrer Finanzchefin",
                "eurer Finanzchefin",
            ),
            role(&["finanzchef"], "Ihrem Finanzchef", "eurem Finanzchef"),
            role(&["inhaberin"], "Ihrer Inhaberin", "eurer Inhaberin"),
            role(&["inhaber"], "Ihrem Inhaber", "eurem Inhaber"),
            role(&["chefin"], "Ihrer Chefin", "deiner Chefin"),
            role(&["chef"], "Ihrem Chef", "deinem Chef"),
            role(&["cfo"], "Ihrem CFO", "eurem CFO"),
            role(&["ceo"], "Ihrem CEO", "eurem CEO"),
            role(&["cto"], "Ihrem CTO", "eurem CTO"),
            role(&["cio"], "Ihrem CIO", "eurem CIO"),
        ],
    ),
    (
        "fr",
        &[
            role(
                &["comité de direction", "codir"],
                "votre comité de direction",
                "ton comité de direction",
            ),
            role(
                &["conseil d'administration"],
                "votre conseil d'administration",
                "ton conseil d'administration",
            ),
            role(
                &["directrice financière"],
                "votre directrice financière",
                "ta directrice financière",
            ),
            role(
                &["directeur financier"],
                "votre directeur financier",
                "ton directeur financier",
            ),
            role(
                &["directrice générale"],
                "votre directrice générale",
                "ta directrice générale",
            ),
            role(
                &["directeur général"],
                "votre directeur général",
                "ton directeur général",
            ),
            role(&["directrice"], "votre directrice", "ta directrice"),
            role(&["directeur"], "votre directeur", "ton directeur"),
            role(&["direction"], "votre direction", "ta direction"),
            role(&["comité"], "votre comité", "ton comité"),
            role(&["conseil"], "votre conseil", "ton conseil"),
            role(&["daf"], "votre DAF", "ton DAF"),
            role(&["dsi"], "votre DSI", "ta DSI"),
            role(
                &["service juridique", "juridique", "juristes"],
                "votre service juridique",
                "ton service juridique",
            ),
            role(
                &["service achats", "achats"],
                "votre service achats",
                "ton service achats",
            ),
            role(&["patronne"], "votre patronne", "ta patronne"),
            role(&["patron"], "votre patron", "ton patron"),
            role(&["associée"], "votre associée", "ton associée"),
            role(&["associé"], "votre associé", "ton associé"),
            role(&["pdg"], "votre PDG", "ton PDG"),
        ],
    ),
    (
        "es",
        &[
            role(
                &["consejo de administración"],
                "su consejo de administración",
                "tu consejo de administración",
            ),
            role(
                &["comité de dirección"],
                "su comité de dirección",
                "tu comité de dirección",
            ),
            role(
                &["junta directiva", "junta"],
                "su junta directiva",
                "tu junta directiva",
            ),
            role(
                &["directora financiera"],
                "su directora financiera",
                "tu directora financiera",
            ),
            role(
                &["director financiero"],
                "su director financiero",
                "tu director financiero",
            ),
            role(
                &["directora general"],
                "su directora general",
                "tu directora general",
            ),
            role(
                &["director general"],
                "su director general",
                "tu director general",
            ),
            role(&["directora"], "su directora", "tu directora"),
            role(&["director"], "su director", "tu director"),
            role(&["dirección"], "su dirección", "tu dirección"),
            role(&["consejo"], "su consejo", "tu consejo"),
            role(&["comité"], "su comité", "tu comité"),
            role(&["gerente"], "su gerente", "tu gerente"),
            role(&["jefa"], "su jefa", "tu jefa"),
            role(&["jefe"], "su jefe", "tu jefe"),
            role(
                &["departamento de compras", "compras"],
                "su departamento de compras",
                "tu departamento de compras",
            ),
            role(
                &["departamento jurídico", "asesoría jurídica", "jurídico"],
                "su departamento jurídico",
                "tu departamento jurídico",
            ),
            role(&["socia"], "su socia", "tu socia"),
            role(&["socio"], "su socio", "tu socio"),
        ],
    ),
    (
        "it",
        &[
            role(
                &["consiglio di amministrazione", "cda"],
                "il vostro CdA",
                "il vostro CdA",
            ),
            role(
                &["amministratore delegato"],
                "il vostro amministratore delegato",
                "il vostro amministratore delegato",
            ),
            role(
                &["direttrice"],
                "la vostra direttrice",
                "la vostra direttrice",
            ),
            role(
                &["direttore generale"],
                "il vostro direttore generale",
                "il vostro direttore generale",
            ),
            role(
                &["direttore finanziario"],
                "il vostro direttore finanziario",
                "il vostro direttore finanziario",
            ),
            role(&["direttore"], "il vostro direttore", "il vostro direttore"),
            role(&["direzione"], "la vostra direzione", "la vostra direzione"),
            role(&["comitato"], "il vostro comitato", "il vostro comitato"),
            role(&["consiglio"], "il vostro consiglio", "il vostro consiglio"),
            role(&["titolare"], "il vostro titolare", "il vostro titolare"),
            role(
                &["ufficio acquisti", "acquisti"],
                "il vostro ufficio acquisti",
                "il vostro ufficio acquisti",
            ),
            role(
                &["ufficio legale", "legale"],
                "il vostro ufficio legale",
                "il vostro ufficio legale",
            ),
            role(&["capo"], "il vostro capo", "il tuo capo"),
            role(&["socia"], "la vostra socia", "la tua socia"),
            role(&["socio"], "il vostro socio", "il tuo socio"),
        ],
    ),
    (
        "nl",
        &[
            role(
                &["raad van bestuur"],
                "uw raad van bestuur",
                "jullie raad van bestuur",
            ),
            role(
                &["managementteam", "mt"],
                "uw managementteam",
                "jullie managementteam",
            ),
            role(&["directie"], "uw directie", "jullie directie"),
            role(&["directeur"], "uw directeur", "je directeur"),
            role(
                &["juridische afdeling", "juristen"],
                "uw juridische afdeling",
                "jullie juridische afdeling",
            ),
            role(
                &["inkoopafdeling", "inkoop"],
                "uw inkoopafdeling",
                "jullie inkoopafdeling",
            ),
            role(&["compagnon"], "uw compagnon", "je compagnon"),
            role(&["baas"], "uw leidinggevende", "je baas"),
            role(&["eigenaar"], "de eigenaar", "de eigenaar"),
            role(&["cfo"], "uw CFO", "jullie CFO"),
            role(&["ceo"], "uw CEO", "jullie CEO"),
        ],
    ),
    (
        "pt",
        &[
            role(
                &["conselho de administração"],
                "o seu conselho de administração",
                "o teu conselho de administração",
            ),
            role(
                &["diretora financeira"],
                "a sua diretora financeira",
                "a tua diretora financeira",
            ),
            role(
                &["diretor financeiro"],
                "o seu diretor financeiro",
                "o teu diretor financeiro",
            ),
            role(&["diretora"], "a sua diretora", "a tua diretora"),
            role(&["diretor"], "o seu diretor", "o teu diretor"),
            role(&["direção", "direcção"], "a sua direção", "a tua direção"),
            role(
                &["administração"],
                "a sua administração",
                "a tua administração",
            ),
            role(&["conselho"], "o seu conselho", "o teu conselho"),
            role(&["chefe"], "o seu chefe", "o teu chefe"),
            role(&["sócia"], "a sua sócia", "a tua sócia"),
            role(&["sócio"], "o seu sócio", "o teu sócio"),
            role(
                &["compras"],
                "o seu departamento de compras",
                "o teu departamento de compras",
            ),
            role(
                &["jurídico"],
                "o seu departamento jurídico",
                "o teu departamento jurídico",
            ),
        ],
    ),
    (
        "sv",
        &[
            role(
                &["ledningsgruppen", "ledningsgrupp"],
                "er ledningsgrupp",
                "er ledningsgrupp",
            ),
            role(&["styrelsen", "styrelse"], "er styrelse", "er styrelse"),
            role(&["ledningen", "ledning"], "er ledning", "er ledning"),
            role(
                &["ekonomichefen", "ekonomichef"],
                "er ekonomichef",
                "er ekonomichef",
            ),
            role(
                &["inköpsavdelningen", "inköp"],
                "er inköpsavdelning",
                "er inköpsavdelning",
            ),
            role(&["juristerna", "jurister"], "era jurister", "era jurister"),
            role(&["vd"], "er vd", "er vd"),
            role(&["chefen", "chef"], "din chef", "din chef"),
            role(&["delägare", "ägaren", "ägare"], "er ägare", "er ägare"),
            role(&["cfo"], "er CFO", "er CFO"),
        ],
    ),
];

#[cfg(test)]
mod tests {
    use super::named;

    #[test]
    fn the_decider_is_named_as_the_prospect_named_them() {
        for (text, theirs, want) in [
            (
                "Our CISO needs to approve any new SaaS vendor.",
                true,
                Some("your CISO"),
            ),
            (
                "Alex, the management committee decides on this in January.",
                true,
                Some("your management committee"),
            ),
            (
                "I've put it in front of our ops director, she holds the purse strings.",
                true,
                Some("your ops director"),
            ),
            // In the rep's words "our" is the rep's own side.
            (
                "Our counsel is happy to get on a call with your legal team.",
                false,
                Some("your legal team"),
            ),
            (
                "I'll need to get buy-in from our VP Engineering though.",
                true,
                Some("your VP Engineering"),
            ),
            ("Our CEO would love to meet.", false, None),
            ("Thanks for the quick reply.", true, None),
        ] {
            assert_eq!(named(text, theirs, "en", true).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn the_decider_is_named_in_each_language_as_its_template_puts_it() {
        for (lang, text, formal, want) in [
            (
                "de",
                "Freigeben muss es aber unser Geschäftsführer, Herr Kühn.",
                true,
                "Ihrem Geschäftsführer",
            ),
            (
                "de",
                "Die Entscheidung liegt bei der Geschäftsleitung.",
                false,
                "eurer Geschäftsleitung",
            ),
            (
                "fr",
                "La décision finale revient à notre comité de direction.",
                true,
                "votre comité de direction",
            ),
            (
                "fr",
                "J'aimerais voir une démo avec mon associé.",
                false,
                "ton associé",
            ),
            (
                "es",
                "Tenemos que consultarlo con el consejo de administración.",
                true,
                "su consejo de administración",
            ),
            (
                "it",
                "Alex, la decisione finale spetta al nostro CdA.",
                true,
                "il vostro CdA",
            ),
            (
                "nl",
                "Ik moet dit eerst voorleggen aan de directie.",
                true,
                "uw directie",
            ),
            (
                "pt",
                "A decisão final cabe ao conselho de administração.",
                true,
                "o seu conselho de administração",
            ),
            ("sv", "Det är vår vd som bestämmer.", true, "er vd"),
        ] {
            assert_eq!(
                named(text, true, lang, formal).as_deref(),
                Some(want),
                "{lang}: {text}"
            );
        }
        // In the rep's words, the rep's own side is not theirs; a word inside another is no role.
        assert_eq!(
            named(
                "Unser Vorstand freut sich auf das Gespräch.",
                false,
                "de",
                true
            ),
            None
        );
        assert_eq!(
            named("Le agradezco la llamada de ayer.", true, "es", true),
            None
        );
        assert_eq!(named("Il preventivo è allegato.", true, "it", true), None);
    }
}
