//! The language a draft is written in, and how that language writes the parts the program
//! fills in itself: the greeting, dates, the quote header, the framing of thread substance.
//! A German prospect who wrote "Melden Sie sich im Januar" gets a German draft in the `Sie`
//! form; a thread in a language the templates don't speak gets English, and says so. Pure.

pub mod detect;
pub mod formality;

use chrono::{DateTime, Datelike, TimeZone, Timelike};

use crate::draft::slots::{month_name, weekday_name};
use detect::Detected;

/// The languages drafts are written in (English first: the fallback).
pub const SUPPORTED: [&str; 8] = ["en", "de", "fr", "es", "it", "nl", "pt", "sv"];

/// Whether drafts can be written in `code`.
pub fn is_supported(code: &str) -> bool {
    SUPPORTED.contains(&code)
}

/// The language chosen for one thread's draft, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The language of the thread as read (may be one the drafts don't speak).
    pub detected: String,
    /// The language the draft is (to be) written in.
    pub lang: String,
    /// `formal` address (Sie, vous, usted, Lei, u); informal only when the thread used it.
    pub formal: bool,
    /// The text it was read from: `prospect`, `rep` or `default` (identity.language).
    pub from: &'static str,
    /// A sentence for `preview`.
    pub why: String,
}

/// Choose from the prospect's own words first (their last message), else the rep's last
/// message, else `default` (`identity.language`). Formality is read from the same texts in
/// the same order.
pub fn choose(prospect: Option<&str>, rep: Option<&str>, default: &str) -> Choice {
    let sources = [("prospect", prospect), ("rep", rep)];
    let mut chosen: Option<(String, &'static str)> = None;
    for (who, text) in sources {
        let Some(t) = text.filter(|t| !t.trim().is_empty()) else {
            continue;
        };
        match detect::detect(t) {
            Detected::Supported(l) => {
                chosen = Some((l.to_string(), who));
                break;
            }
            Detected::Other(code) => {
                chosen = Some((code, who));
                break;
            }
            Detected::Unsure => {}
        }
    }
    let (detected, from) = chosen.unwrap_or_else(|| (default.to_string(), "default"));
    let lang = if is_supported(&detected) {
        detected.clone()
    } else {
        "en".to_string()
    };
    let formal = [prospect, rep]
        .into_iter()
        .flatten()
        .find_map(|t| formality::of_text(t, &lang))
        .unwrap_or(true);
    let whose = match from {
        "prospect" => "the prospect's last message",
        "rep" => "your last message (the prospect's words were too short to tell)",
        _ => "identity.language (no message told)",
    };
    let why = if detected == lang {
        format!("{} from {whose}", name(&lang))
    } else {
        format!("{whose} reads as `{detected}`, which the templates don't speak: English")
    };
    Choice {
        detected,
        lang,
        formal,
        from,
        why,
    }
}

/// The language's name in English, for notes.
pub fn name(code: &str) -> &'static str {
    match code {
        "en" => "English",
        "de" => "German",
        "fr" => "French",
        "es" => "Spanish",
        "it" => "Italian",
        "nl" => "Dutch",
        "pt" => "Portuguese",
        "sv" => "Swedish",
        _ => "another language",
    }
}

/// The salutation line, as a native rep would open: "Guten Tag Jürgen Schneider," (Sie) or
/// "Hallo Jürgen," (du), "Bonjour Claire,", "Buenos días, Carmen:", "Buongiorno Marco,",
/// "Beste Jan,", "Bom dia, João,", "Hej Anna,". English templates write their own.
pub fn greeting(lang: &str, formal: bool, first: &str, full: &str) -> String {
    let first = first.trim();
    let full = if full.split_whitespace().count() >= 2 {
        full.trim()
    } else {
        first
    };
    let named = |hello: &str, name: &str, end: &str| {
        if name.is_empty() {
            format!("{hello}{end}")
        } else {
            format!("{hello} {name}{end}")
        }
    };
    match (lang, formal) {
        ("de", true) => named("Guten Tag", full, ","),
        ("de", false) => named(
            "Hallo",
            if first.is_empty() { "zusammen" } else { first },
            ",",
        ),
        ("fr", _) => named("Bonjour", first, ","),
        ("es", true) => named("Buenos días,", first, ":").replace(",:", ":"),
        ("es", false) => named("Hola,", first, ":").replace(",:", ":"),
        ("it", true) => named("Buongiorno", first, ","),
        ("it", false) => named("Ciao", first, ","),
        ("nl", true) => named(
            "Beste",
            if first.is_empty() {
                "heer, mevrouw"
            } else {
                first
            },
            ",",
        ),
        ("nl", false) => named("Hoi", first, ","),
        ("pt", true) => named("Bom dia,", first, ",").replace(",,", ","),
        ("pt", false) => named("Olá,", first, ",").replace(",,", ","),
        ("sv", _) => named("Hej", first, ","),
        _ => named("Hi", if first.is_empty() { "there" } else { first }, ","),
    }
}

/// The rep opened in English with "Dear …": a follow-up keeps that register ("Dear Mr.
/// Kowalski," or "Dear Sir," rather than "Hi Sir,").
pub fn opens_with_dear(text: &str) -> bool {
    salutation(text, "en").is_some_and(|(first, _)| first.to_lowercase().starts_with("dear"))
}

/// The rep's own opening line when it greets several people in the draft's language ("Hi
/// Paul, hi Emma,", "Hallo Herr Kraus, hallo Frau Lenz,", "Hola Ana y Luis:"): a draft to the
/// same people opens the same way instead of greeting only the first.
pub fn group_opening(text: &str, lang: &str) -> Option<String> {
    let (first, _) = salutation(text, lang)?;
    let words = first.split_whitespace().count();
    let several = first.matches(',').count() >= 2
        || [
            " and ", " und ", " et ", " y ", " e ", " en ", " och ", " & ",
        ]
        .iter()
        .any(|w| first.to_lowercase().contains(w));
    ((3..=10).contains(&words) && first.ends_with([',', ':']) && several).then(|| first.to_string())
}

/// The first non-blank line of `text`, trimmed, when it opens with a salutation of `lang`
/// ("Hallo Frau Keller,"), with the salutation regex's captures: one group per salutation (in
/// table order), then the name.
fn salutation<'t>(text: &'t str, lang: &str) -> Option<(&'t str, regex::Captures<'t>)> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        let words: Vec<String> = SALUTATIONS.iter().map(|(w, _)| format!("({w})")).collect();
        regex::Regex::new(&format!(
            r"(?i)^\s*(?:{})\b[\s,]*([^,:;!?\n]+?)\s*(?:[,:;!]|$)",
            words.join("|")
        ))
        .expect("salutation regex")
    });
    let first = text.lines().find(|l| !l.trim().is_empty())?.trim();
    let caps = re.captures(first)?;
    let said = (1..=SALUTATIONS.len()).find(|&i| caps.get(i).is_some())?;
    SALUTATIONS[said - 1]
        .1
        .contains(&lang)
        .then_some((first, caps))
}

/// How the rep named the prospect in their own salutation ("Hallo Frau Keller," → "Frau
/// Keller", "Hola Marta:" → "Marta", "Dear Mr. Schmidt," → "Mr. Schmidt"): a follow-up opens
/// the way the rep already does, nickname and title included. `None` when the text opens with
/// no salutation, greets a group ("Hi all", "Hi Dana and Tom"), or greets in another language
/// than the draft's `lang` (no "Hi Herr Weiß").
pub fn addressed_as(text: &str, lang: &str) -> Option<String> {
    let (_, caps) = salutation(text, lang)?;
    let name = caps.get(SALUTATIONS.len() + 1)?.as_str().trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    const GROUP: &[&str] = &[
        "all", "everyone", "team", "there", "folks", "guys", "both", "and", "&", "zusammen",
        "alle", "und", "tous", "à", "et", "todos", "todas", "y", "tutti", "e", "allemaal",
        "iedereen", "en", "alla", "och", "allihopa", "pessoal",
    ];
    // Particles of names ("van der Berg", "de la Cruz") and titles ("Beste mevrouw De Vries",
    // "Buongiorno dott. Bianchi") may be lower case.
    const PARTICLES: &[&str] = &[
        "van",
        "der",
        "den",
        "de",
        "la",
        "le",
        "da",
        "di",
        "del",
        "dos",
        "das",
        "von",
        "zu",
        "af",
        "mevrouw",
        "meneer",
        "heer",
        "madame",
        "monsieur",
        "mme",
        "m.",
        "señor",
        "señora",
        "sr.",
        "sra.",
        "signor",
        "signora",
        "sig.",
        "sig.ra",
        "dott.",
        "dottor",
        "dottoressa",
        "ing.",
        "avv.",
        "senhor",
        "senhora",
        "dr.",
        "dra.",
        "doutor",
        "doutora",
        "prof.",
        "herr",
        "frau",
    ];
    let ok = words.iter().all(|w| {
        let lw = w.to_lowercase();
        !GROUP.contains(&lw.as_str())
            && (PARTICLES.contains(&lw.as_str())
                || w.chars().next().is_some_and(char::is_uppercase))
    });
    ok.then(|| name.to_string())
}

/// Salutations that open a message (regex, case-insensitive, tried in this order) and the
/// languages they open it in: one table for [`addressed_as`]'s pattern and its language check.
const SALUTATIONS: &[(&str, &[&str])] = &[
    ("hi", &["en"]),
    ("hello", &["en"]),
    ("hey", &["en"]),
    ("dear", &["en"]),
    (r"good\s+(?:morning|afternoon|evening)", &["en"]),
    ("hallo", &["de", "nl"]),
    ("liebe[rs]?", &["de"]),
    (r"sehr\s+geehrte[r]?", &["de"]),
    (r"guten\s+(?:tag|morgen)", &["de"]),
    ("moin", &["de"]),
    ("servus", &["de"]),
    ("bonjour", &["fr"]),
    ("bonsoir", &["fr"]),
    ("cher", &["fr"]),
    ("chère", &["fr"]),
    ("chers", &["fr"]),
    ("salut", &["fr"]),
    ("hola", &["es"]),
    ("estimad[oa]s?", &["es"]),
    (r"buen[oa]s\s+(?:días|dias|tardes)", &["es"]),
    ("querid[oa]", &["es"]),
    ("ciao", &["it"]),
    ("buongiorno", &["it"]),
    ("buonasera", &["it"]),
    ("gentil(?:e|issim[oa])", &["it"]),
    ("car[oa]", &["it", "pt"]),
    ("salve", &["it"]),
    ("hoi", &["nl"]),
    ("beste", &["nl"]),
    ("geachte", &["nl"]),
    ("dag", &["nl"]),
    ("goedemorgen", &["nl"]),
    ("goedemiddag", &["nl"]),
    ("olá", &["pt"]),
    ("ola", &["pt"]),
    (r"bom\s+dia", &["pt"]),
    (r"boa\s+tarde", &["pt"]),
    ("prezad[oa]", &["pt"]),
    ("hej(?:san)?", &["sv"]),
    (r"god\s+morgon", &["sv"]),
    ("hallå", &["sv"]),
    ("kära", &["sv"]),
];

/// A day the way the language writes it in running text: "Tuesday 24 November", "Dienstag,
/// 24. November", "mardi 24 novembre", "martes 24 de noviembre", "martedì 24 novembre",
/// "dinsdag 24 november", "terça-feira, 24 de novembro", "tisdag den 24 november".
pub fn format_day<Tz: TimeZone>(t: &DateTime<Tz>, lang: &str) -> String
where
    Tz::Offset: std::fmt::Display,
{
    let (d, m, wd) = (t.day(), t.month(), t.weekday());
    let w = weekday_name(wd, lang);
    let mo = month_name(m, lang, false);
    match lang {
        "de" => format!("{w}, {d}. {mo}"),
        "es" => format!("{w} {d} de {mo}"),
        "pt" => format!("{w}, {d} de {mo}"),
        "sv" => format!("{w} den {d} {mo}"),
        "fr" | "it" | "nl" => format!("{w} {d} {mo}"),
        _ => t.format("%A %-d %B").to_string(),
    }
}

/// The contractions a template can't know in advance: Portuguese templates write "na
/// {{ commitment.when }}" for the weekdays ("na segunda-feira"), but "sábado" and "domingo" are
/// masculine ("no sábado").
pub fn agree_contractions(text: &str, lang: &str) -> String {
    if lang != "pt" {
        return text.to_string();
    }
    text.replace("na sábado", "no sábado")
        .replace("na domingo", "no domingo")
        .replace("Na sábado", "No sábado")
        .replace("Na domingo", "No domingo")
}

/// The line above the quoted message, as the language's mail clients write it.
pub fn quote_header<Tz: TimeZone>(t: &DateTime<Tz>, who: &str, lang: &str) -> String
where
    Tz::Offset: std::fmt::Display,
{
    let (d, m, y) = (t.day(), t.month(), t.year());
    let hm = format!("{:02}:{:02}", t.hour(), t.minute());
    match lang {
        "de" => format!("Am {d:02}.{m:02}.{y} um {hm} schrieb {who}:"),
        "fr" => format!("Le {d:02}/{m:02}/{y} à {hm}, {who} a écrit :"),
        "es" => format!("El {d:02}/{m:02}/{y} a las {hm}, {who} escribió:"),
        "it" => format!("Il giorno {d:02}/{m:02}/{y} alle {hm} {who} ha scritto:"),
        "nl" => format!("Op {d:02}-{m:02}-{y} om {hm} schreef {who}:"),
        "pt" => format!("Em {d:02}/{m:02}/{y} às {hm}, {who} escreveu:"),
        "sv" => format!("Den {y}-{m:02}-{d:02} kl. {hm} skrev {who}:"),
        _ => format!("On {}, {who} wrote:", t.format("%a, %-d %b %Y at %H:%M")),
    }
}

/// How substance taken from the thread is introduced, in the draft's language.
#[derive(Debug, Clone, Copy)]
pub struct Framing {
    /// Before the rep's own figures: "In one line:".
    pub in_one_line: &'static str,
    /// Before the prospect's question: "You asked:".
    pub you_asked: &'static str,
    /// Before the rep's answer: "My answer:".
    pub my_answer: &'static str,
    /// When no sentence of the rep's answers the question.
    pub answer_below: &'static str,
    /// "Where we left it: you wrote {theirs}, and I wrote {mine}" — `{}` twice.
    pub left_both: &'static str,
    /// "Where we left it: I wrote {mine}".
    pub left_mine: &'static str,
    /// "Where we left it: I sent you {subject}" (a hand-over with no sentence to quote).
    pub left_sent: &'static str,
    /// Opening and closing quotation marks.
    pub quotes: (&'static str, &'static str),
    /// "Where we left it: you wrote {theirs}" (the rep's own words recap nothing).
    pub left_theirs: &'static str,
}

/// The [`Framing`] of a language (`formal` picks the address form).
pub fn framing(lang: &str, formal: bool) -> Framing {
    let f = |a, b, c, d, e, g, h, q, t| Framing {
        in_one_line: a,
        you_asked: b,
        my_answer: c,
        answer_below: d,
        left_both: e,
        left_mine: g,
        left_sent: h,
        quotes: q,
        left_theirs: t,
    };
    match (lang, formal) {
        ("de", true) => f("Kurz zusammengefasst:", "Ihre Frage:", "Meine Antwort:", "Die kurze Antwort steht in meiner Nachricht unten; sagen Sie mir, welchen Teil ich vertiefen soll.", "Stand der Dinge: Sie schrieben {}, und ich schrieb {}", "Stand der Dinge: Ich schrieb {}", "Stand der Dinge: Ich habe Ihnen {} geschickt", ("„", "“"), "Stand der Dinge: Sie schrieben {}"),
        ("de", false) => f("Kurz zusammengefasst:", "Deine Frage:", "Meine Antwort:", "Die kurze Antwort steht in meiner Nachricht unten; sag mir, welchen Teil ich vertiefen soll.", "Stand der Dinge: Du schriebst {}, und ich schrieb {}", "Stand der Dinge: Ich schrieb {}", "Stand der Dinge: Ich habe dir {} geschickt", ("„", "“"), "Stand der Dinge: Du schriebst {}"),
        ("fr", true) => f("En une ligne :", "Votre question :", "Ma réponse :", "La réponse courte est dans mon message ci-dessous ; dites-moi quelle partie développer.", "Où nous en sommes : vous m'avez écrit {}, et je vous ai répondu {}", "Où nous en sommes : je vous ai écrit {}", "Où nous en sommes : je vous ai envoyé {}", ("« ", " »"), "Où nous en sommes : vous m'avez écrit {}"),
        ("fr", false) => f("En une ligne :", "Ta question :", "Ma réponse :", "La réponse courte est dans mon message ci-dessous ; dis-moi quelle partie développer.", "Où nous en sommes : tu m'as écrit {}, et je t'ai répondu {}", "Où nous en sommes : je t'ai écrit {}", "Où nous en sommes : je t'ai envoyé {}", ("« ", " »"), "Où nous en sommes : tu m'as écrit {}"),
        ("es", true) => f("En una línea:", "Su pregunta:", "Mi respuesta:", "La respuesta breve está en mi mensaje de abajo; dígame qué parte quiere que amplíe.", "Dónde lo dejamos: usted escribió {} y yo le respondí {}", "Dónde lo dejamos: le escribí {}", "Dónde lo dejamos: le envié {}", ("«", "»"), "Dónde lo dejamos: usted escribió {}"),
        ("es", false) => f("En una línea:", "Tu pregunta:", "Mi respuesta:", "La respuesta breve está en mi mensaje de abajo; dime qué parte quieres que amplíe.", "Dónde lo dejamos: escribiste {} y te respondí {}", "Dónde lo dejamos: te escribí {}", "Dónde lo dejamos: te envié {}", ("«", "»"), "Dónde lo dejamos: escribiste {}"),
        ("it", true) => f("In una riga:", "La Sua domanda:", "La mia risposta:", "La risposta breve è nel mio messaggio qui sotto; mi dica quale parte approfondire.", "Dove eravamo rimasti: Lei ha scritto {}, e io ho risposto {}", "Dove eravamo rimasti: Le ho scritto {}", "Dove eravamo rimasti: Le ho inviato {}", ("«", "»"), "Dove eravamo rimasti: Lei ha scritto {}"),
        ("it", false) => f("In una riga:", "La tua domanda:", "La mia risposta:", "La risposta breve è nel mio messaggio qui sotto; dimmi quale parte approfondire.", "Dove eravamo rimasti: hai scritto {}, e io ho risposto {}", "Dove eravamo rimasti: ti ho scritto {}", "Dove eravamo rimasti: ti ho inviato {}", ("«", "»"), "Dove eravamo rimasti: hai scritto {}"),
        ("nl", true) => f("In één regel:", "Uw vraag:", "Mijn antwoord:", "Het korte antwoord staat in mijn bericht hieronder; laat u mij weten welk deel ik moet uitwerken.", "Waar we gebleven waren: u schreef {}, en ik schreef {}", "Waar we gebleven waren: ik schreef {}", "Waar we gebleven waren: ik stuurde u {}", ("‘", "’"), "Waar we gebleven waren: u schreef {}"),
        ("nl", false) => f("In één regel:", "Je vraag:", "Mijn antwoord:", "Het korte antwoord staat in mijn bericht hieronder; laat me weten welk deel ik moet uitwerken.", "Waar we gebleven waren: je schreef {}, en ik schreef {}", "Waar we gebleven waren: ik schreef {}", "Waar we gebleven waren: ik stuurde je {}", ("‘", "’"), "Waar we gebleven waren: je schreef {}"),
        ("pt", _) => f("Numa linha:", "A sua pergunta:", "A minha resposta:", "A resposta curta está na minha mensagem abaixo; diga-me que parte devo desenvolver.", "Da última vez, escreveu {}, e eu respondi {}", "Da última vez, escrevi {}", "Da última vez, enviei-lhe {}", ("«", "»"), "Da última vez, escreveu {}"),
        ("sv", _) => f("På en rad:", "Din fråga:", "Mitt svar:", "Det korta svaret finns i mitt mejl nedan; säg vilken del jag ska utveckla.", "Där vi slutade: du skrev {}, och jag skrev {}", "Där vi slutade: jag skrev {}", "Där vi slutade: jag skickade {}", ("”", "”"), "Där vi slutade: du skrev {}"),
        _ => f("In one line:", "You asked:", "My answer:", "The short answer is in my note below; tell me which part to expand.", "Where we left it: you wrote {}, and I wrote {}", "Where we left it: I wrote {}", "Where we left it: I sent you {}", ("\u{201c}", "\u{201d}"), "Where we left it: you wrote {}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    #[test]
    fn the_prospects_words_decide_then_the_reps_then_the_default() {
        let c = choose(
            Some("Melden Sie sich bitte im Januar wieder bei mir."),
            Some("Hi Jürgen, here is the quote."),
            "en",
        );
        assert_eq!(
            (c.lang.as_str(), c.formal, c.from),
            ("de", true, "prospect")
        );
        let c = choose(
            Some("Danke!"),
            Some(
                "Hallo Jürgen, anbei das Angebot, wie besprochen. Sag mir, ob du noch Fragen hast.",
            ),
            "en",
        );
        assert_eq!((c.lang.as_str(), c.formal, c.from), ("de", false, "rep"));
        let c = choose(Some("Ok"), None, "fr");
        assert_eq!((c.lang.as_str(), c.from), ("fr", "default"));
    }

    #[test]
    fn portuguese_weekend_days_take_the_masculine_contraction() {
        let t = chrono::Utc
            .with_ymd_and_hms(2026, 11, 21, 10, 0, 0)
            .unwrap();
        let text = format!("a proposta que lhe enviei na {}", format_day(&t, "pt"));
        assert_eq!(
            agree_contractions(&text, "pt"),
            "a proposta que lhe enviei no sábado, 21 de novembro"
        );
        let weekday = "Na segunda-feira, 23 de novembro prometi enviar-lhe os preços.";
        assert_eq!(agree_contractions(weekday, "pt"), weekday);
        // Only Portuguese: "na" is another word elsewhere.
        assert_eq!(agree_contractions("na sábado", "es"), "na sábado");
    }

    #[test]
    fn an_unsupported_language_falls_back_to_english_and_says_so() {
        let c = choose(Some("Kiitos tarjouksesta. Käymme sen läpi tiimin kanssa ja palaamme asiaan tammikuussa, kun budjetti on vahvistettu."), None, "en");
        assert_eq!((c.detected.as_str(), c.lang.as_str()), ("fi", "en"));
        assert!(c.why.contains("`fi`"), "{}", c.why);
    }

    #[test]
    fn a_group_opening_is_kept_for_a_draft_to_the_same_people() {
        for (text, lang) in [
            ("Hi Paul, hi Emma,\n\nHere is the pricing.", "en"),
            ("Hi Paul and Emma,\n\nHere is the pricing.", "en"),
            (
                "Hallo Herr Kraus, hallo Frau Lenz,\n\nanbei das Angebot.",
                "de",
            ),
            ("Hola Ana y Luis:\n\nos adjunto la propuesta.", "es"),
        ] {
            let first = text.lines().next().unwrap();
            assert_eq!(group_opening(text, lang).as_deref(), Some(first), "{text}");
        }
        // One person, or another language than the draft's: no group opening.
        assert_eq!(group_opening("Hi Paul,\n\nHere it is.", "en"), None);
        assert_eq!(
            group_opening("Hallo Herr Kraus, hallo Frau Lenz,", "en"),
            None
        );
    }

    #[test]
    fn the_rep_s_own_salutation_names_the_prospect() {
        for (text, lang, want) in [
            (
                "Hallo Frau Keller,\n\nanbei das Angebot.",
                "de",
                Some("Frau Keller"),
            ),
            (
                "Sehr geehrter Herr Dr. Braun,\n\nvielen Dank.",
                "de",
                Some("Herr Dr. Braun"),
            ),
            (
                "Hola Marta:\n\nTe adjunto la propuesta.",
                "es",
                Some("Marta"),
            ),
            (
                "Dear Mr. Schmidt,\n\nPlease find enclosed our offer.",
                "en",
                Some("Mr. Schmidt"),
            ),
            (
                "Hi Bob, quick one: the quote is attached.",
                "en",
                Some("Bob"),
            ),
            (
                "Bonjour Madame Dubois,\n\nVoici la proposition.",
                "fr",
                Some("Madame Dubois"),
            ),
            (
                "Beste Joost van der Berg,\n\nHierbij de offerte.",
                "nl",
                Some("Joost van der Berg"),
            ),
            ("Hej Karin!\n\nTack för senast.", "sv", Some("Karin")),
            (
                "Beste mevrouw De Vries,\n\nHierbij de offerte.",
                "nl",
                Some("mevrouw De Vries"),
            ),
            (
                "Buongiorno dott. Bianchi,\n\nin allegato il preventivo.",
                "it",
                Some("dott. Bianchi"),
            ),
            // A salutation in another language than the draft's is not carried over.
            (
                "Hallo Herr Weiß,\n\nas promised, here is the pricing.",
                "en",
                None,
            ),
            ("Hi all,\n\nHere are the notes.", "en", None),
            ("Hi Dana and Tom,\n\nHere are the notes.", "en", None),
            ("Hallo zusammen,\n\nanbei die Folien.", "de", None),
            ("Hi there,\n\nHere are the notes.", "en", None),
            ("Attached is the quote.", "en", None),
            ("Hi,\n\nAttached is the quote.", "en", None),
        ] {
            assert_eq!(addressed_as(text, lang).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn dates_greetings_and_quote_headers_are_written_the_local_way() {
        let t = Utc.with_ymd_and_hms(2026, 11, 24, 9, 5, 0).unwrap();
        assert_eq!(format_day(&t, "de"), "Dienstag, 24. November");
        assert_eq!(format_day(&t, "fr"), "mardi 24 novembre");
        assert_eq!(format_day(&t, "es"), "martes 24 de noviembre");
        assert_eq!(format_day(&t, "en"), "Tuesday 24 November");
        assert_eq!(
            quote_header(&t, "Alex Morgan", "de"),
            "Am 24.11.2026 um 09:05 schrieb Alex Morgan:"
        );
        assert_eq!(
            quote_header(&t, "Alex Morgan", "fr"),
            "Le 24/11/2026 à 09:05, Alex Morgan a écrit :"
        );
        assert_eq!(
            greeting("de", true, "Jürgen", "Jürgen Schneider"),
            "Guten Tag Jürgen Schneider,"
        );
        assert_eq!(
            greeting("de", false, "Jürgen", "Jürgen Schneider"),
            "Hallo Jürgen,"
        );
        assert_eq!(
            greeting("es", true, "Carmen", "Carmen Ruiz"),
            "Buenos días, Carmen:"
        );
        assert_eq!(greeting("es", true, "", ""), "Buenos días:");
        assert_eq!(greeting("pt", false, "", ""), "Olá,");
    }
}
