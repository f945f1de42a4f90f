//! Reading the dates people write in mail ("until Monday, November 30", "bis zum 16.11.",
//! "de retour le 2 décembre", "back on 12/3", "ping me in January", "next quarter"), in
//! English, German, French, Spanish, Italian, Dutch, Portuguese and Swedish.
//!
//! Pure: every function takes the reference date (when the message was written).

use std::sync::OnceLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;

use crate::message::haystack::{Haystack, Pattern};

/// What a text says about a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateMention {
    /// A date read unambiguously.
    Date(NaiveDate),
    /// A date was written but could be read two ways (`9/8` with no locale hint).
    Ambiguous(String),
}

/// The reader's hint for numeric dates: month-first (US) or day-first (most of the world).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumericOrder {
    Unknown,
    DayFirst,
    MonthFirst,
}

const MONTHS: &[(&str, u32)] = &[
    // English
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("okt", 10),
    ("dez", 12),
    // French
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    // Spanish
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    // Italian
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("marco", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    // Swedish
    ("mars", 3),
    ("augusti", 8),
    ("maj", 5),
];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("montag", Weekday::Mon),
    ("dienstag", Weekday::Tue),
    ("mittwoch", Weekday::Wed),
    ("donnerstag", Weekday::Thu),
    ("freitag", Weekday::Fri),
    ("lundi", Weekday::Mon),
    ("mardi", Weekday::Tue),
    ("mercredi", Weekday::Wed),
    ("jeudi", Weekday::Thu),
    ("vendredi", Weekday::Fri),
    ("lunes", Weekday::Mon),
    ("martes", Weekday::Tue),
    ("miércoles", Weekday::Wed),
    ("jueves", Weekday::Thu),
    ("viernes", Weekday::Fri),
    ("lunedì", Weekday::Mon),
    ("martedì", Weekday::Tue),
    ("mercoledì", Weekday::Wed),
    ("giovedì", Weekday::Thu),
    ("venerdì", Weekday::Fri),
    ("maandag", Weekday::Mon),
    ("dinsdag", Weekday::Tue),
    ("woensdag", Weekday::Wed),
    ("donderdag", Weekday::Thu),
    ("vrijdag", Weekday::Fri),
    ("segunda-feira", Weekday::Mon),
    ("terça-feira", Weekday::Tue),
    ("quarta-feira", Weekday::Wed),
    ("quinta-feira", Weekday::Thu),
    ("sexta-feira", Weekday::Fri),
    ("måndag", Weekday::Mon),
    ("tisdag", Weekday::Tue),
    ("onsdag", Weekday::Wed),
    ("torsdag", Weekday::Thu),
    ("fredag", Weekday::Fri),
];

fn month_alternation() -> String {
    let mut names: Vec<&str> = MONTHS.iter().map(|(n, _)| *n).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names.dedup();
    names.join("|")
}

pub(crate) fn month_num(name: &str) -> Option<u32> {
    let n = name.to_lowercase();
    let n = n.trim_end_matches('.');
    MONTHS.iter().find(|(m, _)| *m == n).map(|(_, v)| *v)
}

/// Words that introduce the date someone is back or wants to be contacted.
const TRIGGERS: &str = r"until|till|til|through|thru|back|return|returning|returns|after|from|on|by|bis|einschließlich|einschliesslich|ab|zurück|wieder|retour|jusqu'au|jusqu’au|jusqu|au|partir|hasta|vuelta|regreso|regresaré|volveré|desde|fino|rientro|rientrerò|tornerò|dal|al|tot|terug|vanaf|até|ate|retorno|volta|voltarei|till|tillbaka|åter|från|efter|t\.o\.m\.|tom|to";

struct Patterns {
    day_month: Regex,
    month_day: Regex,
    iso: Regex,
    dotted: Regex,
    slashed: Regex,
    weekday: Regex,
    ordinal: Regex,
    /// A day of the month named without its month in the other languages ("de retour le 15",
    /// "am 15. wieder im Büro", "vuelvo el día 15"); group 1 is the day, and a match with
    /// group 2 (a percentage, an amount, a time, a decimal) is no date.
    day_only: Vec<Regex>,
    trigger: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let months = month_alternation();
        let weekdays = WEEKDAYS.iter().map(|(n, _)| *n).collect::<Vec<_>>().join("|");
        Patterns {
            day_month: Regex::new(&format!(
                r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th|er|e|º|°|\.)?\s*(?:de\s+|of\s+)?({months})\.?(?:\s*(?:de\s+)?,?\s*(\d{{4}}))?\b"
            ))
            .expect("day_month"),
            month_day: Regex::new(&format!(
                r"(?i)\b({months})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s*(\d{{4}}))?"
            ))
            .expect("month_day"),
            iso: Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("iso"),
            dotted: Regex::new(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?(?:\D|$)").expect("dotted"),
            slashed: Regex::new(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?\b").expect("slashed"),
            weekday: Regex::new(&format!(r"(?i)\b({weekdays})\b")).expect("weekday"),
            ordinal: Regex::new(r"(?i)\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b").expect("ordinal"),
            day_only: [
                r"(?i)\b(?:le|du|au|jusqu'au|d'ici\s+le)\s+(\d{1,2})(?:er)?\b(\s*(?:%|€|h\b|heures?\b|[.,:/]\d|\d))?",
                r"(?i)\b(?:am|bis\s+zum|ab\s+dem|zum)\s+(\d{1,2})\.(\d)?",
                r"(?i)\b(?:el|hasta\s+el)\s+(?:d[íi]a\s+)?(\d{1,2})\b(\s*(?:%|€|h\b|horas?\b|[.,:/]\d|\d))?",
                r"(?i)\b(?:il|dal|fino\s+al)\s+(\d{1,2})\b(\s*(?:%|€|[.,:/]\d|\d))?",
                r"(?i)\bop\s+de\s+(\d{1,2})(?:e|ste|de)\b",
                r"(?i)\bdia\s+(\d{1,2})\b(\s*(?:%|€|[.,:/]\d|\d))?",
                r"(?i)\bden\s+(\d{1,2}):?(?:e|a)\b",
            ]
            .iter()
            .map(|p| Regex::new(p).expect("day-only"))
            .collect(),
            trigger: Regex::new(&format!(r"(?i)(?:^|[^\p{{L}}])(?:{TRIGGERS})(?:[^\p{{L}}]|$)")).expect("trigger"),
        }
    })
}

/// A guess at the numeric date order from the words of the text.
pub fn order_hint(text: &str) -> NumericOrder {
    let lower = text.to_lowercase();
    let day_first_words = [
        " bis ", " ich ", " je ", " suis ", " estoy ", " sono ", " ik ben", " estou ", " jag ",
        " und ", " avec ", " hasta ", " fino ", " tot ", " até ", " och ",
    ];
    if day_first_words.iter().any(|w| lower.contains(w)) {
        NumericOrder::DayFirst
    } else {
        NumericOrder::Unknown
    }
}

/// Resolve a day and month without a year to the first such date no more than a week before
/// the reference date (so "30 November" written on 1 December means this year's).
fn infer_year(day: u32, month: u32, year: Option<i32>, reference: NaiveDate) -> Option<NaiveDate> {
    if let Some(y) = year {
        let y = if y < 100 { 2000 + y } else { y };
        return NaiveDate::from_ymd_opt(y, month, day);
    }
    let this = NaiveDate::from_ymd_opt(reference.year(), month, day);
    match this {
        Some(d) if d >= reference - Duration::days(7) => Some(d),
        _ => NaiveDate::from_ymd_opt(reference.year() + 1, month, day),
    }
}

mod times;
pub use times::{offered_days, offered_times, PartOfDay};

/// The first `wd` after `reference` (never `reference` itself).
fn next_weekday(reference: NaiveDate, wd: Weekday) -> NaiveDate {
    let mut d = reference + Duration::days(1);
    while d.weekday() != wd {
        d += Duration::days(1);
    }
    d
}

/// Every date in the text, with the byte offset where it starts.
pub fn find_dates(
    text: &str,
    reference: NaiveDate,
    order: NumericOrder,
) -> Vec<(usize, DateMention)> {
    find_date_spans(text, reference, order)
        .into_iter()
        .map(|(s, _, m)| (s, m))
        .collect()
}

/// Every date in the text, with the byte offsets where it starts and ends, in text order.
fn find_date_spans(
    text: &str,
    reference: NaiveDate,
    order: NumericOrder,
) -> Vec<(usize, usize, DateMention)> {
    let p = patterns();
    let mut out: Vec<(usize, usize, DateMention)> = Vec::new();
    let push = |start: usize,
                end: usize,
                m: Option<DateMention>,
                out: &mut Vec<(usize, usize, DateMention)>| {
        if let Some(m) = m {
            if !out.iter().any(|(s, e, _)| start < *e && *s < end) {
                out.push((start, end, m));
            }
        }
    };
    for c in p.iso.captures_iter(text) {
        let m = c.get(0).expect("match");
        let d = NaiveDate::from_ymd_opt(
            c[1].parse().unwrap_or(0),
            c[2].parse().unwrap_or(0),
            c[3].parse().unwrap_or(0),
        );
        push(m.start(), m.end(), d.map(DateMention::Date), &mut out);
    }
    for c in p.day_month.captures_iter(text) {
        let m = c.get(0).expect("match");
        let (Ok(day), Some(month)) = (c[1].parse::<u32>(), month_num(&c[2])) else {
            continue;
        };
        // "may" is also an English verb: require a day before or after it to count.
        let year = c.get(3).and_then(|y| y.as_str().parse().ok());
        push(
            m.start(),
            m.end(),
            infer_year(day, month, year, reference).map(DateMention::Date),
            &mut out,
        );
    }
    for c in p.month_day.captures_iter(text) {
        let m = c.get(0).expect("match");
        let (Some(month), Ok(day)) = (month_num(&c[1]), c[2].parse::<u32>()) else {
            continue;
        };
        let year = c.get(3).and_then(|y| y.as_str().parse().ok());
        push(
            m.start(),
            m.end(),
            infer_year(day, month, year, reference).map(DateMention::Date),
            &mut out,
        );
    }
    for c in p.dotted.captures_iter(text) {
        let m = c.get(0).expect("match");
        let (Ok(day), Ok(month)) = (c[1].parse::<u32>(), c[2].parse::<u32>()) else {
            continue;
        };
        if c.get(3).is_none() && !m.as_str()[c[1].len() + c[2].len() + 1..].starts_with('.') {
            continue; // "3.5" is a number, not a date
        }
        let year = c.get(3).and_then(|y| y.as_str().parse().ok());
        push(
            m.start(),
            c.get(2).expect("g2").end() + 1,
            infer_year(day, month, year, reference).map(DateMention::Date),
            &mut out,
        );
    }
    for c in p.slashed.captures_iter(text) {
        let m = c.get(0).expect("match");
        let (Ok(a), Ok(b)) = (c[1].parse::<u32>(), c[2].parse::<u32>()) else {
            continue;
        };
        let year = c.get(3).and_then(|y| y.as_str().parse().ok());
        let day_first = infer_year(a, b, year, reference).filter(|_| b <= 12);
        let month_first = infer_year(b, a, year, reference).filter(|_| a <= 12);
        let mention = match (order, day_first, month_first) {
            (_, Some(d), None) | (_, None, Some(d)) => Some(DateMention::Date(d)),
            (_, Some(x), Some(y)) if x == y => Some(DateMention::Date(x)),
            (NumericOrder::DayFirst, Some(d), _) => Some(DateMention::Date(d)),
            (NumericOrder::MonthFirst, _, Some(d)) => Some(DateMention::Date(d)),
            (NumericOrder::Unknown, Some(x), Some(y)) => {
                // An absence is short: if exactly one reading lies within six weeks, it is that one.
                let near = |d: NaiveDate| d >= reference && d <= reference + Duration::days(42);
                match (near(x), near(y)) {
                    (true, false) => Some(DateMention::Date(x)),
                    (false, true) => Some(DateMention::Date(y)),
                    _ => Some(DateMention::Ambiguous(m.as_str().to_string())),
                }
            }
            _ => None,
        };
        push(m.start(), m.end(), mention, &mut out);
    }
    let day_only = p
        .day_only
        .iter()
        .flat_map(|re| re.captures_iter(text).filter(|c| c.get(2).is_none()));
    for c in p.ordinal.captures_iter(text).chain(day_only) {
        let m = c.get(0).expect("match");
        let Ok(day) = c[1].parse::<u32>() else {
            continue;
        };
        let mut d = None;
        for k in 0..3 {
            let base = reference
                .checked_add_months(chrono::Months::new(k))
                .unwrap_or(reference);
            // "Back on the 9th" written on the 9th means next month's.
            if let Some(x) = NaiveDate::from_ymd_opt(base.year(), base.month(), day) {
                if x > reference {
                    d = Some(x);
                    break;
                }
            }
        }
        push(m.start(), m.end(), d.map(DateMention::Date), &mut out);
    }
    for c in p.weekday.captures_iter(text) {
        let m = c.get(0).expect("match");
        // A weekday right before a written date belongs to it ("Monday, November 30").
        let after = &text[m.end()..];
        let rest = after.trim_start_matches([',', ' ', '\u{a0}']);
        if rest.chars().next().is_some_and(|ch| ch.is_ascii_digit())
            || p.month_day.find(rest).is_some_and(|x| x.start() == 0)
            || p.day_month.find(rest).is_some_and(|x| x.start() == 0)
        {
            continue;
        }
        let lower = m.as_str().to_lowercase();
        let Some((_, wd)) = WEEKDAYS.iter().find(|(n, _)| *n == lower) else {
            continue;
        };
        let d = next_weekday(reference, *wd);
        push(m.start(), m.end(), Some(DateMention::Date(d)), &mut out);
    }
    out.sort_by_key(|(s, _, _)| *s);
    out
}

/// The day by which the rep asked for an answer ("Could you let me know by December 10
/// whether you can make it?", "Geben Sie mir bitte bis Freitag Bescheid", "merci de me
/// confirmer d'ici le 10 décembre"), in eight languages, when it is after `reference`.
pub fn answer_deadline(sentence: &str, reference: NaiveDate) -> Option<NaiveDate> {
    // Matched through a `Haystack` (read on every last sentence of every thread); the
    // Unicode regex only finds where the ask starts, in the rare sentence that has one.
    static RE: OnceLock<Pattern> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Pattern::new(Regex::new(r"(?i)\b((let\s+me\s+know|confirm|reply|respond|get\s+back\s+to\s+me|rsvp|tell\s+me|send\s+me\s+(your|a)\s+(answer|decision|reply))\b.{0,80}?\b(by|before|no\s+later\s+than)\b|(bescheid|r[üu]ckmeldung|antwort|zusage|best[äa]tig\w*)\b.{0,60}?\b(bis|sp[äa]testens|vor)\b|\b(bis|sp[äa]testens)\b.{0,40}?\b(bescheid|r[üu]ckmeldung|zusage|best[äa]tig\w*)|(confirmer|me\s+dire|me\s+faire\s+savoir|r[ée]pondre|votre\s+r[ée]ponse|ton\s+retour|votre\s+retour)\b.{0,60}?(d'ici|\bavant|\bau\s+plus\s+tard)|(confirmar(me)?|conf[íi]rm[ae]me|decirme|d[íi]game|dime|responder(me)?|av[íi]same|av[íi]seme|avisarme)\b.{0,60}?\b(antes\s+del?|a\s+m[áa]s\s+tardar|para\s+el)\b|(confermar\w*|conferma|farmi\s+sapere|fammi\s+sapere|mi\s+faccia\s+sapere|rispondermi|rispondere)\b.{0,60}?\b(entro|prima\s+del?)\b|(laten\s+weten|laat\s+(me|mij)\s+(\w+\s+)?weten|bevestig\w*|reageren)\b.{0,60}?\b(voor|uiterlijk)\b|\b(uiterlijk|voor)\b.{0,40}?\b(laten\s+weten|bevestigen)|(confirmar|confirme|dizer|diga|diz|responder|avisar|avise)\b.{0,60}?\b(at[ée]|antes\s+de)\b|(bekr[äa]fta|h[öo]ra\s+av\s+dig|svara|meddela|l[åa]ta\s+mig\s+veta)\b.{0,60}?\b(senast|innan|f[öo]re)\b)")
            .expect("answer-deadline regex"))
    });
    if !re.is_match(&Haystack::new(sentence)) {
        return None;
    }
    let m = re.regex().find(sentence)?;
    match return_date(&sentence[m.start()..], reference)? {
        DateMention::Date(d) if d > reference => Some(d),
        _ => None,
    }
}

/// The date an out-of-office or "I'm away" text gives for the person's return: the first date
/// introduced by "until", "back", "bis", "retour", … (the last such one when several), else the
/// latest date in the coming months.
pub fn return_date(text: &str, reference: NaiveDate) -> Option<DateMention> {
    let order = order_hint(text);
    let dates = find_dates(text, reference, order);
    if dates.is_empty() {
        return None;
    }
    let p = patterns();
    let triggered: Vec<&DateMention> = dates
        .iter()
        .filter(|(pos, _)| {
            let start = text[..*pos]
                .char_indices()
                .rev()
                .nth(40)
                .map(|(i, _)| i)
                .unwrap_or(0);
            p.trigger.is_match(&text[start..*pos])
        })
        .map(|(_, m)| m)
        .collect();
    let pool: Vec<&DateMention> = if triggered.is_empty() {
        dates.iter().map(|(_, m)| m).collect()
    } else {
        triggered
    };
    let horizon = reference + Duration::days(400);
    let best = pool
        .iter()
        .filter_map(|m| match m {
            DateMention::Date(d) if *d >= reference && *d <= horizon => Some(*d),
            _ => None,
        })
        .max();
    match best {
        Some(d) => Some(DateMention::Date(d)),
        None => pool
            .iter()
            .find(|m| matches!(m, DateMention::Ambiguous(_)))
            .map(|m| (*m).clone()),
    }
}

/// What may stand before a month in "come back then" ("in January", "Mitte Januar", "à la
/// mi-janvier", "a principios de enero", "a metà gennaio", "begin januari", "em meados de
/// janeiro", "i slutet av januari"): longer phrases first, so "a metà" is not read as "a".
const MONTH_PREPOSITIONS: &str = r"(?:the\s+)?(?:second|third|fourth|last)\s+week\s+(?:of|in)|(?:la\s+)?(?:deuxième|troisième|dernière)\s+semaine\s+de|(?:la\s+)?(?:segunda|tercera|última)\s+semana\s+de|(?:la\s+)?(?:seconda|terza|ultima)\s+settimana\s+di|(?:de\s+)?(?:tweede|derde|laatste)\s+week\s+van|(?:na\s+)?(?:segunda|terceira|última)\s+semana\s+de|(?:den\s+|i\s+)?(?:andra|tredje|sista)\s+veckan\s+(?:i|av)|(?:the\s+)?first\s+(?:week|days|few\s+days)\s+of|(?:la\s+)?première\s+semaine\s+de|(?:la\s+)?primera\s+semana\s+de|(?:la\s+)?prima\s+settimana\s+di|(?:de\s+)?eerste\s+week\s+van|(?:na\s+)?primeira\s+semana\s+de|(?:den\s+|i\s+)?första\s+veckan\s+(?:i|av)|(?:some\s*time|sometime|later)\s+in|during|dans\s+le\s+courant\s+d[eu]|courant|au\s+cours\s+d[eu]|im\s+laufe\s+des?|durante|nel\s+corso\s+di|in\s+de\s+loop\s+van|ao\s+longo\s+de|under|end\s+of|start\s+of|beginning\s+of|the\s+middle\s+of|middle\s+of|early|mid|late|after|until|till|from|by|in|anfang|mitte|ende|nach|ab|bis|im|à\s+la\s+mi|la\s+mi|mi|début|fin|après|à\s+partir\s+de|d'ici|en|a\s+mediados\s+de|mediados\s+de|a\s+principios\s+de|principios\s+de|a\s+finales\s+de|finales\s+de|después\s+de|a\s+partir\s+de|hasta|a\s+metà|metà|all'inizio\s+di|inizio|a\s+fine|fine|dopo|entro|da|a|half|begin|eind|vanaf|na|em\s+meados\s+de|meados\s+de|no\s+início\s+de|início\s+de|no\s+final\s+de|final\s+de|depois\s+de|até|em|i\s+mitten\s+av|mitten\s+av|i\s+början\s+av|början\s+av|i\s+slutet\s+av|slutet\s+av|efter|från|i";

/// A month preposition that names a deadline at the month's start ("by January", "bis Januar",
/// "d'ici janvier", "entro gennaio", "até janeiro").
fn promise_by_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)^(by|before|until|till|bis|d'ici|hasta|entro|até|tot)$").expect("by regex")
    })
}

/// A month preposition that names its first part ("early", "the first week of", "Anfang",
/// "début", "principios", "inizio", "begin", "início", "början").
fn first_part_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(first|early|start|beginning|anfang|première|début|primera|principios|prima|inizio|eerste|begin|primeira|início|första|början)\b")
            .expect("first-part regex")
    })
}

/// The part of a month a preposition points to.
fn month_part(prep: &str) -> MonthPart {
    static MID: OnceLock<Regex> = OnceLock::new();
    static END: OnceLock<Regex> = OnceLock::new();
    let mid = MID.get_or_init(|| {
        Regex::new(r"(?i)^(mid|the\s+middle|middle|mitte|à\s+la\s+mi|la\s+mi|mi|a\s+mediados|mediados|a\s+metà|metà|half|em\s+meados|meados|i\s+mitten|mitten)\b")
            .expect("mid regex")
    });
    let end = END.get_or_init(|| {
        Regex::new(r"(?i)^(end|late|after|ende|nach|fin|après|a\s+finales|finales|después|a\s+fine|fine|dopo|eind|na|no\s+final|final|depois|i\s+slutet|slutet|efter)\b")
            .expect("end regex")
    });
    let lower = prep.to_lowercase();
    // "the second week of January", "la troisième semaine de janvier", "sista veckan i januari".
    const LATER_WEEKS: [(&str, i64); 21] = [
        ("second", 1),
        ("deuxième", 1),
        ("segunda", 1),
        ("seconda", 1),
        ("tweede", 1),
        ("andra", 1),
        ("third", 2),
        ("troisième", 2),
        ("tercera", 2),
        ("terza", 2),
        ("derde", 2),
        ("terceira", 2),
        ("tredje", 2),
        ("fourth", 3),
        ("last", 3),
        ("dernière", 3),
        ("última", 3),
        ("ultima", 3),
        ("laatste", 3),
        ("sista", 3),
        ("quarta", 3),
    ];
    // The preposition is one of MONTH_PREPOSITIONS, so an ordinal in it always names a week.
    if let Some((_, k)) = LATER_WEEKS
        .iter()
        .find(|(w, _)| lower.split_whitespace().any(|x| x == *w))
    {
        MonthPart::Week(*k)
    } else if first_part_re().is_match(prep) {
        // "na primeira semana de janeiro": the first week, whatever the preposition before it.
        MonthPart::Early
    } else if mid.is_match(prep) {
        MonthPart::Middle
    } else if end.is_match(prep) {
        MonthPart::After
    } else if promise_by_re().is_match(prep) {
        MonthPart::By
    } else {
        MonthPart::Start
    }
}

enum MonthPart {
    Start,
    /// "by January": the month's start is the deadline.
    By,
    /// "early January", "the first week of January": its first half.
    Early,
    /// The month's second, third or last week: how many weeks in it begins.
    Week(i64),
    Middle,
    After,
}

/// A quarter named by its number in words, in the eight languages ("the second quarter", "im
/// zweiten Quartal", "no segundo trimestre", "under andra kvartalet").
const QUARTER_ORDINALS: [(&str, u32); 34] = [
    ("first", 1),
    ("1st", 1),
    ("ersten", 1),
    ("premier", 1),
    ("primer", 1),
    ("primo", 1),
    ("eerste", 1),
    ("primeiro", 1),
    ("första", 1),
    ("second", 2),
    ("2nd", 2),
    ("zweiten", 2),
    ("deuxième", 2),
    ("segundo", 2),
    ("secondo", 2),
    ("tweede", 2),
    ("andra", 2),
    ("third", 3),
    ("3rd", 3),
    ("dritten", 3),
    ("troisième", 3),
    ("tercer", 3),
    ("terzo", 3),
    ("derde", 3),
    ("terceiro", 3),
    ("tredje", 3),
    ("fourth", 4),
    ("4th", 4),
    ("vierten", 4),
    ("quatrième", 4),
    ("cuarto", 4),
    ("quarto", 4),
    ("vierde", 4),
    ("fjärde", 4),
];

fn relative_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"(?ix)\b(?:
                (?P<nq>next\s+quarter|nächste[nm]?\s+quartal|prochain\s+trimestre|próximo\s+trimestre|prossimo\s+trimestre|volgend\s+kwartaal|nästa\s+kvartal
                  # After this quarter closes: the next one's first day.
                  |(?:after|once|when)\s+(?:the\s+|this\s+|your\s+)?(?:quarter|quarter-end|quarter\s+end)(?:\s+(?:closes|close|ends|end|is\s+(?:closed|over|done)))?|after\s+(?:the\s+)?(?:end|close)\s+of\s+(?:the|this|your)\s+quarter
                  |nach\s+(?:dem\s+)?(?:quartalsende|quartalsabschluss|ende\s+des\s+quartals|abschluss\s+des\s+quartals)
                  |apr[èe]s\s+la\s+(?:cl[ôo]ture|fin)\s+du\s+trimestre
                  |(?:despu[ée]s\s+del|tras\s+el)\s+(?:cierre|final|fin)\s+del\s+trimestre
                  |dopo\s+la\s+(?:chiusura|fine)\s+del\s+trimestre
                  |na\s+(?:het\s+einde|het\s+eind|de\s+afsluiting)\s+van\s+het\s+kwartaal
                  |(?:depois|ap[óo]s)\s+(?:do\s+)?(?:o\s+)?(?:fecho|fechamento|fim|final)\s+do\s+trimestre
                  |efter\s+(?:kvartalsskiftet|kvartalets\s+slut|kvartalsbokslutet))
              | (?P<q>(?:(?P<qafter>after|nach|après|después\s+del|dopo\s+il|após\s+o|efter)|in|by|from|until|im|ab|au|dès|en|nel|dal|na|vanaf|no|a\s+partir\s+do|under|i|från)\s+(?:el\s+|het\s+|le\s+|o\s+)?[QT](?P<qn>[1-4]))
              | (?P<oq>(?P<ord>{ordinals})\s+(?:quarter|quartal|trimestre|kwartaal|kvartal(?:et)?))
              | (?P<nm>next\s+month|nächste[nm]?\s+monat|le\s+mois\s+prochain|el\s+mes\s+que\s+viene|el\s+próximo\s+mes|il\s+mese\s+prossimo|volgende\s+maand|nästa\s+månad)
              | (?P<enw>(?:the\s+)?end\s+of\s+next\s+week|ende\s+n[äa]chster\s+woche|fin\s+de\s+la\s+semaine\s+prochaine|(?:a\s+)?finales\s+de\s+la\s+(?:pr[óo]xima\s+semana|semana\s+que\s+viene)|fine\s+(?:della\s+)?settimana\s+prossima|eind\s+volgende\s+week|final\s+da\s+pr[óo]xima\s+semana|slutet\s+av\s+n[äa]sta\s+vecka)
              | (?P<em>(?:the\s+)?end\s+of\s+(?:the|this)\s+month|(?:ende\s+(?:des|dieses)\s+monats|monatsende)|fin\s+(?:du|de\s+ce)\s+mois|finales\s+de(?:l|\s+este)?\s+mes|fine\s+(?:del\s+)?mese|eind(?:e)?\s+van\s+(?:de|deze)\s+maand|final\s+do\s+m[êe]s|slutet\s+av\s+(?:m[åa]naden|denna\s+m[åa]nad)|m[åa]nadsskiftet)
              | (?P<ew>(?:the\s+)?end\s+of\s+(?:the|this)\s+week|ende\s+(?:der|dieser)\s+woche|fin\s+de\s+(?:la\s+|cette\s+)?semaine|(?:a\s+)?finales\s+de\s+(?:la\s+|esta\s+)?semana|fine\s+settimana|eind\s+van\s+(?:de|deze)\s+week|final\s+da\s+semana|slutet\s+av\s+veckan)
              | (?P<tm>tomorrow|demain|domani|amanh[ãa]|imorgon)
              | (?P<nw>next\s+week|(?:nächste|kommende)\s+woche|(?:la\s+)?semaine\s+prochaine|la\s+próxima\s+semana|la\s+semana\s+que\s+viene|(?:la\s+)?settimana\s+prossima|la\s+prossima\s+settimana|(?:volgende|komende)\s+week|(?:na\s+|a\s+)?próxima\s+semana|semana\s+que\s+vem|nästa\s+vecka)
              | (?P<ny>next\s+year|after\s+(?:the\s+)?(?:new\s+year(?:'s)?|holidays|christmas)|in\s+the\s+new\s+year|nächste[ns]?\s+jahr|nach\s+(?:neujahr|silvester|den\s+feiertagen|dem\s+jahreswechsel|weihnachten)|im\s+neuen\s+jahr|l'année\s+prochaine|après\s+(?:le\s+nouvel\s+an|les\s+fêtes|noël)|en\s+début\s+d'année|el\s+año\s+que\s+viene|después\s+de\s+(?:año\s+nuevo|las\s+fiestas|navidad)|l'anno\s+prossimo|dopo\s+(?:capodanno|le\s+feste|natale)|nel\s+nuovo\s+anno|volgend\s+jaar|na\s+(?:nieuwjaar|de\s+feestdagen|kerst)|in\s+het\s+nieuwe\s+jaar|(?:depois|após)\s+(?:do\s+ano\s+novo|das\s+festas|do\s+natal)|no\s+ano\s+novo|nästa\s+år|efter\s+(?:nyår|helgerna|jul(?:\s+och\s+nyår)?|årsskiftet)
                  |after\s+the\s+(?:christmas|holiday|festive|year-end)\s+(?:break|holidays|season|period)|nach\s+den\s+(?:weihnachtsferien|weihnachtsfeiertagen|festtagen)|après\s+les\s+(?:vacances|congés)\s+de\s+(?:noël|fin\s+d'année)|después\s+de\s+las\s+(?:vacaciones|fiestas)\s+de\s+navidad|dopo\s+le\s+(?:vacanze|feste)\s+di\s+natale|na\s+de\s+kerst(?:vakantie|dagen)|(?:depois|após)\s+(?:d?as\s+)?(?:férias|festas)\s+d[eo]\s+natal|efter\s+jul(?:ledigheten|lovet|helgen))
              | (?P<inm>(?P<prep>{preps})[\s-]+(?P<month>{months})\b)
              | (?P<days>(?:(?:in|within|over)\s+(?:the\s+next\s+)?|the\s+next\s+|(?:take|takes|taking|last|lasts)\s+(?:(?:no\s+)?more\s+than\s+|about\s+|around\s+|roughly\s+|up\s+to\s+|at\s+most\s+|less\s+than\s+)?)(?P<dn>\d{{1,2}}|two|three|four|five|six|a\s+couple\s+of|couple\s+of|a\s+few)\s+(?P<du>days|weeks|months))
            )",
            months = month_alternation(),
            preps = MONTH_PREPOSITIONS,
            ordinals = QUARTER_ORDINALS
                .iter()
                .map(|(w, _)| *w)
                .collect::<Vec<_>>()
                .join("|"),
        ))
        .expect("relative regex")
    })
}

/// The time expression a deferral is about: the first one after the words that defer ("Since
/// your contract renews in March, let's revisit this in early February": February), else the
/// first one.
fn relative_capture(text: &str) -> Option<regex::Captures<'_>> {
    static VERB: OnceLock<Regex> = OnceLock::new();
    let verb = VERB.get_or_init(|| {
        Regex::new(r"(?i)\b(revisit|reach\s+(back\s+)?out|get\s+back|come\s+back|circle\s+back|loop\s+back|follow\s+up|check\s+(back|in)|touch\s+base|pick\s+(this|it|things)\s+(back\s+)?up|reconnect|talk|speak|resume|wieder|melde|sprechen|recontact\w*|reviens|reviendrai|relance\w*|reparl\w*|reprendre|retom\w*|volver\w*|hablamos|ricontatt\w*|risentiamo|riprend\w*|sentiamo|weer|spreken|oppakken|volto|voltar|voltarei|retomar|falamos|[åa]terkomm\w*|h[öo]r\s+av|h[öo]rs|ta\s+upp)\b")
            .expect("deferring-verb regex")
    });
    let all: Vec<regex::Captures<'_>> = relative_re().captures_iter(text).collect();
    let at = verb
        .find(text)
        .filter(|_| all.len() > 1)
        .and_then(|v| {
            all.iter()
                .position(|c| c.get(0).is_some_and(|m| m.start() >= v.start()))
        })
        .unwrap_or(0);
    all.into_iter().nth(at)
}

/// When someone asks to be contacted later ("ping me in January", "next quarter", "after the
/// board meets on Dec 3", "I'm travelling until the 14th"): the first day it makes sense to
/// write again (the day after an explicit date; the start of a named period).
pub fn deferral_date(text: &str, reference: NaiveDate) -> Option<NaiveDate> {
    deferral(text, reference).map(|(d, _)| d)
}

/// When someone promises to come back within a time ("I'll review it with the team and get
/// back to you next week", "Te digo algo el mes que viene"): the first day after that time has
/// run out. They have the whole week or month they named, so asking on its first day would be
/// pushy; an explicit day or a time already ending in "the day after" is its own deadline.
pub fn promise_deadline(text: &str, reference: NaiveDate) -> Option<NaiveDate> {
    deferral(text, reference).map(|(_, end)| end)
}

/// The time a text names as two days: the first day it makes sense to write again after a
/// pause for it, and the first day after it is over (when a promise for it has run out).
fn deferral(text: &str, reference: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    // An explicit date is the last day away (or the day of the event): come back the day after.
    if let Some(DateMention::Date(d)) = return_date(text, reference) {
        if d >= reference {
            let after = d + Duration::days(1);
            return Some((after, after));
        }
    }
    let c = relative_capture(text)?;
    let first_of_month = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1);
    let next_month_start = |d: NaiveDate| {
        let (y, m) = if d.month() == 12 {
            (d.year() + 1, 1)
        } else {
            (d.year(), d.month() + 1)
        };
        first_of_month(y, m)
    };
    let quarter_after = |d: NaiveDate| d.checked_add_months(chrono::Months::new(3));
    if c.name("nq").is_some() {
        let q = (reference.month0() / 3 + 1) % 4;
        let year = if q == 0 {
            reference.year() + 1
        } else {
            reference.year()
        };
        return first_of_month(year, q * 3 + 1).and_then(|d| Some((d, quarter_after(d)?)));
    }
    // A quarter's first day, next year's when this year's has begun.
    let quarter_start = |q: u32| {
        let d = first_of_month(reference.year(), (q - 1) * 3 + 1)?;
        if d <= reference {
            first_of_month(reference.year() + 1, (q - 1) * 3 + 1)
        } else {
            Some(d)
        }
    };
    if let Some(o) = c.name("ord") {
        let word = o.as_str().to_lowercase();
        let (_, q) = QUARTER_ORDINALS.iter().find(|(w, _)| *w == word)?;
        return quarter_start(*q).and_then(|d| Some((d, quarter_after(d)?)));
    }
    if let Some(qn) = c.name("qn") {
        let d = quarter_start(qn.as_str().parse().ok()?)?;
        // "after Q1", "nach Q1", "après le T1": the quarter after it.
        if c.name("qafter").is_some() {
            let d = quarter_after(d)?;
            return Some((d, quarter_after(d)?));
        }
        return Some((d, quarter_after(d)?));
    }
    if c.name("nm").is_some() {
        let d = next_month_start(reference)?;
        return Some((d, next_month_start(d)?));
    }
    // The first Monday after a day: next week's start; "by the end of (next) week" is over
    // by the Monday after that week, the first day to ask.
    let monday_after = |d: NaiveDate| next_weekday(d, Weekday::Mon);
    if c.name("enw").is_some() {
        let d = monday_after(monday_after(reference));
        return Some((d, d));
    }
    // The month's end: the first day of the next month, for a pause and a promise alike.
    if c.name("em").is_some() {
        let d = next_month_start(reference)?;
        return Some((d, d));
    }
    if c.name("ew").is_some() {
        let d = monday_after(reference);
        return Some((d, d));
    }
    // Something happens tomorrow ("I'll get it signed tomorrow"): the day after is the first
    // to ask about it.
    if c.name("tm").is_some() {
        let d = reference + Duration::days(2);
        return Some((d, d));
    }
    if c.name("nw").is_some() {
        let d = monday_after(reference);
        return Some((d, monday_after(d)));
    }
    if c.name("ny").is_some() {
        let d = first_of_month(reference.year() + 1, 1)? + Duration::days(4);
        return Some((d, d));
    }
    if let Some(m) = c.name("month") {
        let month = month_num(m.as_str())?;
        let mut d = first_of_month(reference.year(), month)?;
        if d <= reference {
            d = first_of_month(reference.year() + 1, month)?;
        }
        let after = next_month_start(d)?;
        let prep = c.name("prep")?.as_str();
        return Some(match month_part(prep) {
            MonthPart::After => (after, after),
            MonthPart::Middle => (d + Duration::days(14), after),
            MonthPart::Week(k) => (
                d + Duration::days(7 * k),
                (d + Duration::days(7 * (k + 1))).min(after),
            ),
            // "by January" is over when January begins; "the first week of January" or
            // "early January" in its first half; "in January" at its end.
            MonthPart::By => (d, d),
            MonthPart::Early => (d, d + Duration::days(14)),
            MonthPart::Start => (d, after),
        });
    }
    if c.name("days").is_some() {
        let dn = c.name("dn")?.as_str().to_lowercase();
        let dn = dn.split_whitespace().collect::<Vec<_>>().join(" ");
        let n: i64 = match dn.as_str() {
            "two" | "a couple of" | "couple of" => 2,
            "three" | "a few" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            x => x.parse().ok()?,
        };
        let days = match c.name("du")?.as_str().to_lowercase().as_str() {
            "days" => n,
            "weeks" => n * 7,
            _ => n * 30,
        };
        let d = reference + Duration::days(days);
        return Some((d, d));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn an_answer_asked_for_by_a_day_names_that_day_in_every_language() {
        // Sunday 22 November 2026.
        let r = d(2026, 11, 22);
        for (text, day) in [
            ("I've reserved a spot for you at our roundtable on January 21. Could you let me know by December 10 whether you can make it?", d(2026, 12, 10)),
            ("Please confirm by Friday so I can hold the price.", d(2026, 11, 27)),
            ("Geben Sie mir bitte bis Freitag Bescheid, ob der Termin passt.", d(2026, 11, 27)),
            ("Merci de me confirmer d'ici le 10 décembre.", d(2026, 12, 10)),
            ("¿Podrías confirmarme antes del 10 de diciembre?", d(2026, 12, 10)),
            ("Mi faccia sapere entro il 10 dicembre.", d(2026, 12, 10)),
            ("Kun je me uiterlijk 10 december laten weten of je erbij bent?", d(2026, 12, 10)),
            ("Pode confirmar até 10 de dezembro?", d(2026, 12, 10)),
            ("Kan du bekräfta senast den 10 december?", d(2026, 12, 10)),
        ] {
            assert_eq!(answer_deadline(text, r), Some(day), "{text}");
        }
        // The rep's own promise, an open offer and a day already past are no such thing.
        for text in [
            "I'll send the revised quote by Friday.",
            "Let me know if you have any questions.",
            "Could you let me know by November 20 whether you can make it?",
        ] {
            assert_eq!(answer_deadline(text, r), None, "{text}");
        }
    }
    const REF: (i32, u32, u32) = (2026, 11, 20);
    fn r() -> NaiveDate {
        d(REF.0, REF.1, REF.2)
    }

    #[test]
    fn a_promise_to_come_back_runs_out_when_the_time_it_names_is_over() {
        // Friday 20 Nov: "next week" is kept until Monday 30 Nov, in every language.
        for t in [
            "I'll review it with the team and get back to you next week.",
            "Ich melde mich nächste Woche bei Ihnen.",
            "Je reviens vers vous la semaine prochaine.",
            "Te digo algo la próxima semana.",
            "Ti faccio sapere la prossima settimana.",
            "Ik laat het je volgende week weten.",
            "Dou-lhe uma resposta na próxima semana.",
            "Jag återkommer nästa vecka.",
        ] {
            assert_eq!(promise_deadline(t, r()), Some(d(2026, 11, 30)), "{t}");
            // A pause for next week ends when that week begins.
            assert_eq!(deferral_date(t, r()), Some(d(2026, 11, 23)), "{t}");
        }
        let cases = [
            ("We'll come back to you in January.", d(2027, 2, 1)),
            ("We'll have an answer by January.", d(2027, 1, 1)),
            ("I'll get back to you early January.", d(2027, 1, 15)),
            ("I'll get back to you mid-January.", d(2027, 2, 1)),
            ("Ich melde mich Anfang Januar.", d(2027, 1, 15)),
            ("I'll let you know next month.", d(2027, 1, 1)),
            (
                "I'll let you know by the end of next week.",
                d(2026, 11, 30),
            ),
            ("We'll decide in Q1.", d(2027, 4, 1)),
            ("I'll get back to you on 3 December.", d(2026, 12, 4)),
            (
                "Ne parlo con il mio socio e ti faccio sapere entro fine mese.",
                d(2026, 12, 1),
            ),
            ("Ich melde mich bis Ende des Monats.", d(2026, 12, 1)),
            (
                "Je vous fais un retour d'ici la fin du mois.",
                d(2026, 12, 1),
            ),
            ("Te digo algo a finales de mes.", d(2026, 12, 1)),
            (
                "Ik laat het je voor het eind van de maand weten.",
                d(2026, 12, 1),
            ),
            ("Dou-lhe uma resposta até ao final do mês.", d(2026, 12, 1)),
            ("Jag återkommer i slutet av månaden.", d(2026, 12, 1)),
            ("I'll let you know by the end of the month.", d(2026, 12, 1)),
        ];
        for (t, want) in cases {
            assert_eq!(promise_deadline(t, r()), Some(want), "{t}");
        }
    }

    #[test]
    fn a_deferral_reads_the_time_the_rep_defers_to_not_an_earlier_one() {
        assert_eq!(
            deferral_date(
                "Since your current contract renews in March, it probably makes sense to revisit this in early February so there's time to plan a switch.",
                r()
            ),
            Some(d(2027, 2, 1))
        );
        // With one time named, that one.
        assert_eq!(
            deferral_date("Let's revisit this in March.", r()),
            Some(d(2027, 3, 1))
        );
    }

    #[test]
    fn the_first_week_of_a_month_and_after_the_christmas_holidays_in_every_language() {
        for t in [
            "I'll reach back out the first week of January.",
            "Je reviens vers vous la première semaine de janvier.",
            "Te escribo la primera semana de enero.",
            "Ti ricontatto la prima settimana di gennaio.",
            "Ik neem de eerste week van januari weer contact op.",
            "Volto a contactá-la na primeira semana de janeiro.",
            "Jag hör av mig första veckan i januari.",
        ] {
            assert_eq!(deferral_date(t, r()), Some(d(2027, 1, 1)), "{t}");
        }
        for t in [
            "I'll check back in the second week of January.",
            "Je reviens vers vous la deuxième semaine de janvier.",
            "Te escribo la segunda semana de enero.",
            "Ti ricontatto la seconda settimana di gennaio.",
            "Ik neem de tweede week van januari weer contact op.",
            "Volto a contactá-la na segunda semana de janeiro.",
            "Jag hör av mig andra veckan i januari.",
        ] {
            assert_eq!(deferral_date(t, r()), Some(d(2027, 1, 8)), "{t}");
        }
        assert_eq!(
            deferral_date("Let's talk the last week of January.", r()),
            Some(d(2027, 1, 22))
        );
        for t in [
            "Let's pick this up after the Christmas break.",
            "Combinámos falar depois das férias de Natal.",
            "Wir sprechen uns nach den Weihnachtsferien.",
            "On en reparle après les vacances de Noël.",
        ] {
            assert_eq!(deferral_date(t, r()), Some(d(2027, 1, 5)), "{t}");
        }
    }

    #[test]
    fn after_the_quarter_closes_is_the_next_quarters_first_day_in_every_language() {
        for t in [
            "I'll check back after the quarter closes.",
            "Ich melde mich nach dem Quartalsende wieder.",
            "Je reviens vers vous après la clôture du trimestre.",
            "Hablamos después del cierre del trimestre.",
            "Come d'accordo, ci risentiamo dopo la chiusura del trimestre.",
            "We spreken elkaar na het einde van het kwartaal.",
            "Falamos após o fecho do trimestre.",
            "Jag hör av mig efter kvartalsskiftet.",
        ] {
            assert_eq!(deferral_date(t, r()), Some(d(2027, 1, 1)), "{t}");
        }
    }

    #[test]
    fn a_day_named_without_its_month_in_every_language() {
        for t in [
            "Je serai de retour le 15.",
            "Ich bin am 15. wieder im Büro.",
            "Vuelvo a la oficina el día 15.",
            "Rientro in ufficio il 15.",
            "Ik ben op de 15e weer terug.",
            "Estarei de volta no dia 15.",
            "Jag är tillbaka den 15:e.",
        ] {
            assert_eq!(
                return_date(t, r()),
                Some(DateMention::Date(d(2026, 12, 15))),
                "{t}"
            );
        }
        for t in [
            "Nous pouvons offrir le 15 % de remise.",
            "Rabatt am 15.5 Prozent.",
            "Il 15% del budget.",
        ] {
            assert_eq!(return_date(t, r()), None, "{t}");
        }
        // A written date still reads whole.
        assert_eq!(
            return_date("Zurück am 15.12.2026.", r()),
            Some(DateMention::Date(d(2026, 12, 15)))
        );
    }

    #[test]
    fn english_return_dates() {
        assert_eq!(
            return_date(
                "I am out of the office until Monday, November 30, with limited access to email.",
                r()
            ),
            Some(DateMention::Date(d(2026, 11, 30)))
        );
        assert_eq!(
            return_date("I'll be back on 12/3.", r()),
            Some(DateMention::Date(d(2026, 12, 3)))
        );
        assert_eq!(
            return_date("Back on the 2nd of December", r()),
            Some(DateMention::Date(d(2026, 12, 2)))
        );
        assert_eq!(
            return_date("Out from Nov 20 to Dec 1 2026.", r()),
            Some(DateMention::Date(d(2026, 12, 1)))
        );
    }

    #[test]
    fn every_month_is_named_in_every_language() {
        // Portuguese "novembro" was missing: "até 30 de novembro" gave no date.
        let names: [[&str; 8]; 12] = [
            [
                "january", "januar", "janvier", "enero", "gennaio", "januari", "janeiro", "januari",
            ],
            [
                "february",
                "februar",
                "février",
                "febrero",
                "febbraio",
                "februari",
                "fevereiro",
                "februari",
            ],
            [
                "march", "märz", "mars", "marzo", "marzo", "maart", "março", "mars",
            ],
            [
                "april", "april", "avril", "abril", "aprile", "april", "abril", "april",
            ],
            ["may", "mai", "mai", "mayo", "maggio", "mei", "maio", "maj"],
            [
                "june", "juni", "juin", "junio", "giugno", "juni", "junho", "juni",
            ],
            [
                "july", "juli", "juillet", "julio", "luglio", "juli", "julho", "juli",
            ],
            [
                "august", "august", "août", "agosto", "agosto", "augustus", "agosto", "augusti",
            ],
            [
                "september",
                "september",
                "septembre",
                "septiembre",
                "settembre",
                "september",
                "setembro",
                "september",
            ],
            [
                "october", "oktober", "octobre", "octubre", "ottobre", "oktober", "outubro",
                "oktober",
            ],
            [
                "november",
                "november",
                "novembre",
                "noviembre",
                "novembre",
                "november",
                "novembro",
                "november",
            ],
            [
                "december",
                "dezember",
                "décembre",
                "diciembre",
                "dicembre",
                "december",
                "dezembro",
                "december",
            ],
        ];
        for (m, row) in names.iter().enumerate() {
            for name in row {
                assert_eq!(month_num(name), Some(m as u32 + 1), "{name}");
            }
        }
        assert_eq!(
            deferral_date(
                "O Sr. Rui Almeida está de férias até dia 30 de novembro.",
                r()
            ),
            Some(d(2026, 12, 1))
        );
    }

    #[test]
    fn european_return_dates() {
        assert_eq!(
            return_date("Ich bin bis zum 16.12. nicht im Büro.", r()),
            Some(DateMention::Date(d(2026, 12, 16)))
        );
        assert_eq!(
            return_date("Je serai de retour le 2 décembre.", r()),
            Some(DateMention::Date(d(2026, 12, 2)))
        );
        assert_eq!(
            return_date("Estaré fuera hasta el 30 de noviembre.", r()),
            Some(DateMention::Date(d(2026, 11, 30)))
        );
        assert_eq!(
            return_date("Sono fuori ufficio fino al 3 dicembre.", r()),
            Some(DateMention::Date(d(2026, 12, 3)))
        );
        assert_eq!(
            return_date("Ik ben afwezig tot en met 1 december.", r()),
            Some(DateMention::Date(d(2026, 12, 1)))
        );
        assert_eq!(
            return_date("Estou ausente até 4 de dezembro.", r()),
            Some(DateMention::Date(d(2026, 12, 4)))
        );
        assert_eq!(
            return_date("Jag är tillbaka den 7 december.", r()),
            Some(DateMention::Date(d(2026, 12, 7)))
        );
        assert_eq!(
            return_date("Ich bin bis 3/12 weg und", r()),
            Some(DateMention::Date(d(2026, 12, 3)))
        );
    }

    #[test]
    fn numeric_date_without_hint_is_ambiguous() {
        assert_eq!(
            return_date("Back on 9/8.", r()),
            Some(DateMention::Ambiguous("9/8".into()))
        );
    }

    #[test]
    fn a_date_early_next_year_rolls_over() {
        assert_eq!(
            return_date("Out until January 5th", r()),
            Some(DateMention::Date(d(2027, 1, 5)))
        );
    }

    #[test]
    fn deferrals() {
        assert_eq!(
            deferral_date("Ping me in January.", r()),
            Some(d(2027, 1, 1))
        );
        assert_eq!(
            deferral_date("Let's revisit next quarter.", r()),
            Some(d(2027, 1, 1))
        );
        assert_eq!(
            deferral_date("let's talk after the board meets on Dec 3", r()),
            Some(d(2026, 12, 4))
        );
        assert_eq!(
            deferral_date("I'm travelling until the 14th", r()),
            Some(d(2026, 12, 15))
        );
        assert_eq!(
            deferral_date("Can we pick this up next week?", r()),
            Some(d(2026, 11, 23))
        );
        assert_eq!(deferral_date("after Q1", r()), Some(d(2027, 4, 1)));
        // Written on the 20th, "the 20th" is next month's.
        assert_eq!(
            deferral_date("I'll hold off until you're back on the 20th.", r()),
            Some(d(2026, 12, 21))
        );
        assert_eq!(deferral_date("No idea.", r()), None);
        assert_eq!(
            deferral_date("they'll review it in the next couple of weeks", r()),
            Some(d(2026, 12, 4))
        );
        assert_eq!(
            deferral_date("within a few days", r()),
            Some(d(2026, 11, 23))
        );
        // How long the awaited step takes ("procurement has to onboard us first; shouldn't
        // take more than a couple of weeks") is when it is through.
        assert_eq!(
            deferral_date(
                "Shouldn't take more than a couple of weeks from what you said.",
                r()
            ),
            Some(d(2026, 12, 4))
        );
        assert_eq!(
            deferral_date("The vendor onboarding takes about two weeks.", r()),
            Some(d(2026, 12, 4))
        );
        assert_eq!(
            deferral_date("I'll get it signed tomorrow.", r()),
            Some(d(2026, 11, 22))
        );
        // Written on Friday 20 November.
        assert_eq!(
            deferral_date("will get back to you by end of next week", r()),
            Some(d(2026, 11, 30))
        );
        assert_eq!(
            deferral_date("je vous réponds d'ici la fin de la semaine prochaine", r()),
            Some(d(2026, 11, 30))
        );
        assert_eq!(
            deferral_date("I'll have it signed by the end of the week", r()),
            Some(d(2026, 11, 23))
        );
    }

    #[test]
    fn the_turn_of_the_year_is_early_january_in_every_language() {
        for text in [
            "I'll reach out after New Year's.",
            "Ich melde mich nach dem Jahreswechsel.",
            "Je reviens vers vous après les fêtes.",
            "Te escribo después de año nuevo.",
            "Ci sentiamo dopo le feste.",
            "Ik neem na de feestdagen contact op.",
            "Volto a falar depois do ano novo.",
            "Jag hör av mig efter nyår när ni har fått budgeten på plats.",
        ] {
            assert_eq!(deferral_date(text, r()), Some(d(2027, 1, 5)), "{text}");
        }
        for text in [
            "Je me permettrai de revenir vers vous courant février.",
            "I'll check back sometime in February.",
            "Ich melde mich im Laufe des Februar.",
            "Jag hör av mig under februari.",
        ] {
            assert_eq!(deferral_date(text, r()), Some(d(2027, 2, 1)), "{text}");
        }
    }

    #[test]
    fn a_named_quarter_in_every_language() {
        for text in [
            "let's pick this up in the second quarter",
            "lassen Sie uns im zweiten Quartal wieder sprechen",
            "reprenons au deuxième trimestre",
            "retomémoslo en el segundo trimestre",
            "riparliamone nel secondo trimestre",
            "laten we het in het tweede kwartaal weer oppakken",
            "retomamos no segundo trimestre",
            "vi tar upp det igen under andra kvartalet",
            "lassen Sie uns im Q2 wieder sprechen",
            "on en reparle au T2",
            "hablamos en el Q2",
        ] {
            assert_eq!(deferral_date(text, r()), Some(d(2027, 4, 1)), "{text}");
        }
        // After a quarter in another language is the quarter after it.
        assert_eq!(deferral_date("nach Q1 gerne", r()), Some(d(2027, 4, 1)));
        assert_eq!(deferral_date("après le T1", r()), Some(d(2027, 4, 1)));
        // A quarter still to come this year is this year's.
        assert_eq!(
            deferral_date("in the fourth quarter", d(2026, 3, 2)),
            Some(d(2026, 10, 1))
        );
    }

    #[test]
    fn the_start_middle_or_end_of_a_month_in_every_language() {
        let jan1 = Some(d(2027, 1, 1));
        let jan15 = Some(d(2027, 1, 15));
        let feb1 = Some(d(2027, 2, 1));
        for (text, want) in [
            ("I'll check back in mid-January.", jan15),
            ("Let's pick this up in the middle of January.", jan15),
            ("Ich melde mich Mitte Januar wieder.", jan15),
            ("Ich melde mich Anfang Januar wieder.", jan1),
            ("Ich melde mich Ende Januar wieder.", feb1),
            ("Je reviens vers vous à la mi-janvier.", jan15),
            ("Je reviens vers vous début janvier.", jan1),
            ("Je reviens vers vous fin janvier.", feb1),
            ("Le escribo a mediados de enero.", jan15),
            ("Le escribo a principios de enero.", jan1),
            ("Le escribo a finales de enero.", feb1),
            ("Ti ricontatto a metà gennaio.", jan15),
            ("Ti ricontatto a inizio gennaio.", jan1),
            ("Ti ricontatto a fine gennaio.", feb1),
            ("Ik neem half januari weer contact op.", jan15),
            ("Ik neem begin januari weer contact op.", jan1),
            ("Ik neem eind januari weer contact op.", feb1),
            ("Volto a contactá-lo em meados de janeiro.", jan15),
            ("Volto a contactá-lo no início de janeiro.", jan1),
            ("Volto a contactá-lo no final de janeiro.", feb1),
            ("Jag hör av mig i mitten av januari.", jan15),
            ("Jag hör av mig i början av januari.", jan1),
            ("Jag hör av mig i slutet av januari.", feb1),
        ] {
            assert_eq!(deferral_date(text, r()), want, "{text}");
        }
    }
}
