//! Which language a text is written in. Short business mail defeats statistical detectors
//! alone ("Sounds good, send it over" reads as German to a trigram model), so the words that
//! only one of the eight languages uses decide first; `whatlang` then settles longer texts and
//! recognises languages the drafts don't speak (Finnish, Polish, Japanese…), so such a thread
//! falls back to English openly instead of being read as Portuguese.

use super::SUPPORTED;

/// Function words and mail formulas that belong to one of the eight languages only (after
/// lower-casing and folding accents; words two languages share are left out).
const MARKERS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "you", "your", "our", "with", "this", "that", "will", "would", "have",
            "for", "please", "thanks", "thank", "be", "it", "my", "at", "but", "not", "from",
            "about", "us", "are", "i'm", "i'll", "let", "know", "could", "should", "there", "they",
            "what", "when", "which", "next", "hi", "regards", "best", "just", "can", "get", "send",
            "back", "after", "been", "any", "some", "ok", "great", "sounds",
        ],
    ),
    (
        "de",
        &[
            "und",
            "der",
            "ich",
            "sie",
            "wir",
            "ihnen",
            "ihr",
            "ihre",
            "nicht",
            "mit",
            "fur",
            "ist",
            "ein",
            "eine",
            "einen",
            "auf",
            "dem",
            "zu",
            "sich",
            "auch",
            "noch",
            "gerne",
            "gern",
            "bitte",
            "danke",
            "uns",
            "bei",
            "oder",
            "dass",
            "aber",
            "schon",
            "wenn",
            "mich",
            "mir",
            "dich",
            "dir",
            "haben",
            "habe",
            "hat",
            "werden",
            "wird",
            "kann",
            "konnen",
            "im",
            "vom",
            "zum",
            "zur",
            "uber",
            "melden",
            "grusse",
            "gruss",
            "viele",
            "vielen",
            "hallo",
            "liebe",
            "lieber",
            "sehr",
            "geehrte",
            "geehrter",
            "freundlichen",
            "nachste",
            "woche",
            "januar",
            "bis",
            "nach",
        ],
    ),
    (
        "fr",
        &[
            "et",
            "vous",
            "votre",
            "nous",
            "notre",
            "est",
            "pour",
            "avec",
            "pas",
            "une",
            "dans",
            "sur",
            "ce",
            "cette",
            "merci",
            "bonjour",
            "sera",
            "suis",
            "avons",
            "avez",
            "sommes",
            "sont",
            "au",
            "aux",
            "leur",
            "tres",
            "plus",
            "faire",
            "peux",
            "pouvez",
            "qu",
            "j",
            "c'est",
            "n'est",
            "cordialement",
            "semaine",
            "prochaine",
            "janvier",
            "je",
            "reviens",
            "vers",
            "toi",
            "ton",
        ],
    ),
    (
        "es",
        &[
            "el",
            "los",
            "las",
            "y",
            "usted",
            "ustedes",
            "muy",
            "gracias",
            "hola",
            "hay",
            "estoy",
            "sus",
            "nosotros",
            "puede",
            "tambien",
            "entonces",
            "quedo",
            "pueden",
            "ahora",
            "manana",
            "necesita",
            "eso",
            "esto",
            "ese",
            "yo",
            "mucho",
            "cuando",
            "cual",
            "donde",
            "tiene",
            "tienen",
            "hacer",
            "saludos",
            "enero",
            "contigo",
            "tienes",
            "puedes",
            "saludo",
            "cualquier",
            "duda",
            "dudas",
            "hasta",
            "luego",
            "ya",
            "teneis",
            "podeis",
            "vosotros",
            "llamada",
            "reunion",
            "propuesta",
            "pruebas",
            "enlace",
            "adjunto",
            "atentamente",
            "nuestra",
            "nuestro",
            "nuestros",
            "vuestra",
            "vuestro",
            "correo",
            "quedamos",
            "dices",
            "muchas",
            "hemos",
            "puedo",
            "despues",
            "encantado",
            "sin",
            "buen",
            "buena",
            "buenas",
            "buenos",
            "mejor",
            "gustaria",
            "presupuesto",
            "precios",
            "coste",
            "equipo",
            "prueba",
            "hablamos",
            "hablar",
            "llamo",
            "llamar",
            "escribo",
            "vaya",
        ],
    ),
    (
        "it",
        &[
            "gli",
            "della",
            "delle",
            "dei",
            "di",
            "che",
            "sono",
            "siamo",
            "abbiamo",
            "ho",
            "grazie",
            "ciao",
            "buongiorno",
            "cordiali",
            "saluti",
            "anche",
            "questo",
            "questa",
            "molto",
            "alla",
            "nel",
            "nella",
            "sulla",
            "possiamo",
            "essere",
            "fare",
            "perche",
            "ancora",
            "gia",
            "quindi",
            "settimana",
            "prossima",
            "mio",
            "vostro",
            "nostro",
            "gennaio",
            "sentiamo",
            "tuo",
            "lei",
            "ci",
            "per",
            "gentile",
            "allego",
            "allegato",
            "preventivo",
            "riunione",
            "buonasera",
            "dopo",
            "ricontatto",
            "volentieri",
            "presto",
        ],
    ),
    (
        "nl",
        &[
            "het",
            "een",
            "van",
            "ik",
            "jij",
            "uw",
            "wij",
            "ons",
            "onze",
            "zijn",
            "niet",
            "voor",
            "dat",
            "naar",
            "maar",
            "ook",
            "nog",
            "wel",
            "bij",
            "graag",
            "bedankt",
            "groeten",
            "hartelijk",
            "kunnen",
            "heb",
            "hebben",
            "wordt",
            "deze",
            "dit",
            "jullie",
            "bent",
            "wat",
            "geen",
            "weer",
            "hoe",
            "zal",
            "moet",
            "zoals",
            "omdat",
            "zodra",
            "tot",
            "vandaag",
            "hieronder",
            "bijlage",
            "dus",
            "mijn",
            "mij",
            "waar",
            "welke",
            "laten",
            "zullen",
            "elkaar",
            "zou",
            "gaan",
            "volgende",
            "januari",
            "hoi",
            "beste",
            "jou",
            "jouw",
            "u",
            "op",
            "met",
            "zoals",
            "besproken",
            "hierbij",
            "laat",
            "weten",
            "groet",
            "vriendelijke",
            "alvast",
            "hoor",
            "zullen",
            "moeten",
        ],
    ),
    (
        "pt",
        &[
            "um",
            "uma",
            "dos",
            "nao",
            "voce",
            "voces",
            "seu",
            "obrigado",
            "obrigada",
            "ola",
            "abraco",
            "muito",
            "estou",
            "isso",
            "isto",
            "ao",
            "aos",
            "pelo",
            "pela",
            "entao",
            "nosso",
            "nossa",
            "vou",
            "tenho",
            "fico",
            "atenciosamente",
            "cumprimentos",
            "em",
            "com",
            "os",
            "janeiro",
            "gostaria",
            "tambem",
            "segue",
            "aguardar",
            "aguardo",
            "desconto",
            "vosso",
            "vossa",
            "reuniao",
            "equipa",
            "prezado",
            "prezada",
            "agradeco",
            "abracos",
            "seus",
            "suas",
            "pode",
            "qualquer",
            "duvida",
            "duvidas",
            "ate",
            "lhe",
            "falei",
            "consigo",
            "depois",
            "ainda",
        ],
    ),
    (
        "sv",
        &[
            "och",
            "att",
            "det",
            "som",
            "ett",
            "jag",
            "inte",
            "med",
            "till",
            "av",
            "ar",
            "har",
            "vill",
            "ska",
            "skulle",
            "tack",
            "hej",
            "halsningar",
            "mvh",
            "nasta",
            "vecka",
            "ocksa",
            "bara",
            "eller",
            "nar",
            "hur",
            "vad",
            "kommer",
            "aterkommer",
            "oss",
            "vi",
            "ni",
            "pa",
            "januari",
            "vanliga",
        ],
    ),
];

/// What detection made of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detected {
    /// One of the eight languages drafts are written in.
    Supported(&'static str),
    /// A language the drafts don't speak (ISO 639-1 where known, else 639-3).
    Other(String),
    /// Too short or too mixed to tell.
    Unsure,
}

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .chars()
        // The model's accent fold, plus ß → s ("Grüße" → "grusse").
        .map(|c| {
            if c == 'ß' {
                's'
            } else {
                crate::message::text::fold(c)
            }
        })
        .map(|c| if c == '’' { '\'' } else { c })
        .collect::<String>()
        .split(|c: char| !(c.is_alphabetic() || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .flat_map(|w| {
            // "j'ai", "qu'il": the elided French word counts on its own.
            let mut v = vec![w.to_string()];
            if let Some((head, _)) = w.split_once('\'') {
                if matches!(head, "j" | "qu" | "c" | "n" | "l" | "d" | "m" | "s") {
                    v.push(head.to_string());
                }
            }
            v
        })
        .collect()
}

/// Marker hits per supported language, in [`SUPPORTED`] order.
pub fn marker_scores(text: &str) -> [u32; 8] {
    let mut scores = [0u32; 8];
    let index = marker_index();
    for w in words(text) {
        if let Some(&langs) = index.get(w.as_str()) {
            for (i, s) in scores.iter_mut().enumerate() {
                *s += u32::from(langs >> i & 1);
            }
        }
    }
    scores
}

/// Each marker word with the languages (bits in [`SUPPORTED`] order) whose list holds it:
/// one lookup per word of a text instead of a scan of every list.
fn marker_index() -> &'static std::collections::HashMap<&'static str, u8> {
    static INDEX: std::sync::OnceLock<std::collections::HashMap<&'static str, u8>> =
        std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = std::collections::HashMap::new();
        for (lang, list) in MARKERS {
            let i = SUPPORTED.iter().position(|l| l == lang).unwrap_or(0);
            for w in *list {
                *index.entry(*w).or_insert(0u8) |= 1 << i;
            }
        }
        index
    })
}

fn iso(lang: whatlang::Lang) -> String {
    use whatlang::Lang::*;
    let two = match lang {
        Eng => "en",
        Deu => "de",
        Fra => "fr",
        Spa => "es",
        Ita => "it",
        Nld => "nl",
        Por => "pt",
        Swe => "sv",
        Fin => "fi",
        Pol => "pl",
        Dan => "da",
        Nob => "no",
        Ces => "cs",
        Slk => "sk",
        Hun => "hu",
        Ron => "ro",
        Tur => "tr",
        Rus => "ru",
        Ukr => "uk",
        Jpn => "ja",
        Cmn => "zh",
        Kor => "ko",
        Ell => "el",
        Ara => "ar",
        Heb => "he",
        Hin => "hi",
        Hrv => "hr",
        Srp => "sr",
        Slv => "sl",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Ind => "id",
        Vie => "vi",
        Tha => "th",
        Cat => "ca",
        _ => return lang.code().to_string(),
    };
    two.to_string()
}

/// The language of `text`. Marker words decide when one language clearly leads (at least
/// three hits and twice the next); otherwise a reliable `whatlang` reading decides; otherwise
/// the text is [`Detected::Unsure`] and the caller looks at the next text.
pub fn detect(text: &str) -> Detected {
    let scores = marker_scores(text);
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(scores[i]));
    let (best, second) = (scores[order[0]], scores[order[1]]);
    if best >= 3 && best >= 2 * second {
        return Detected::Supported(SUPPORTED[order[0]]);
    }
    if let Some(info) = whatlang::detect(text) {
        let code = iso(info.lang());
        let latin = info.script() == whatlang::Script::Latin;
        let long_enough = if latin {
            text.split_whitespace().count() >= 4
        } else {
            text.chars().filter(|c| c.is_alphabetic()).count() >= 10
        };
        let reliable = info.is_reliable() && long_enough;
        // Two signals that agree: the only language with marker words, and whatlang's first
        // guess (not sure enough alone: Spanish, Portuguese and Italian share most of theirs).
        if !reliable && long_enough && best >= 1 && second == 0 && SUPPORTED[order[0]] == code {
            return Detected::Supported(SUPPORTED[order[0]]);
        }
        if reliable {
            if let Some(l) = SUPPORTED.iter().find(|l| **l == code) {
                // Never against the markers' own leader.
                if best == 0 || SUPPORTED[order[0]] == *l {
                    return Detected::Supported(l);
                }
            } else if (best < 3 && !latin) || best < 2 {
                return Detected::Other(code);
            }
        }
    }
    Detected::Unsure
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_business_mail_is_read_by_its_function_words() {
        let cases = [
            ("Melden Sie sich bitte im Januar wieder bei mir.", "de"),
            (
                "Merci pour le devis, je reviens vers vous après les vacances.",
                "fr",
            ),
            (
                "Gracias, lo vemos con el equipo y te digo algo la semana que viene.",
                "es",
            ),
            (
                "Grazie, ne parliamo con il direttore e ci sentiamo a gennaio.",
                "it",
            ),
            (
                "Dank je, we bespreken het intern en ik laat het volgende week weten.",
                "nl",
            ),
            (
                "Obrigado, vou falar com a diretoria e depois volto a falar consigo.",
                "pt",
            ),
            ("Tack för offerten, vi återkommer efter semestern.", "sv"),
            (
                "Hola Lucía, te comparto el enlace al entorno de pruebas; tenéis acceso durante 14 días. Cualquier duda me dices.",
                "es",
            ),
            (
                "Olá Rui, conforme combinado, segue a proposta revista com o desconto de 10%. Fico a aguardar o vosso feedback.",
                "pt",
            ),
            (
                "Buongiorno dott. Ferri, come da lei suggerito, la ricontatto a gennaio, dopo la chiusura del bilancio.",
                "it",
            ),
            (
                "Hoi Daan, zoals besproken stuur ik je hierbij de offerte.",
                "nl",
            ),
            (
                "Thanks, I'll run it by the CFO and get back to you next week.",
                "en",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text), Detected::Supported(want), "{text}");
        }
    }

    #[test]
    fn too_little_text_is_unsure_rather_than_guessed() {
        for t in ["Danke!", "Merci", "Ok", "Perfekt.", "Super, top 👍", ""] {
            assert_eq!(detect(t), Detected::Unsure, "{t}");
        }
    }

    #[test]
    fn a_language_the_drafts_do_not_speak_is_named_not_mistaken() {
        let fi = "Kiitos tarjouksesta. Käymme sen läpi tiimin kanssa ja palaamme asiaan tammikuussa, kun budjetti on vahvistettu.";
        assert_eq!(detect(fi), Detected::Other("fi".into()));
        let ja = "お見積もりありがとうございます。社内で検討して、来月またご連絡します。";
        assert_eq!(detect(ja), Detected::Other("ja".into()));
    }
}
