//! The times someone offers for a call ("Would Thursday at 10 or Friday at 2 work?", "je vous
//! propose mardi 8 à 14h ou mercredi 9 à 10h", "Passt Ihnen Dienstag, 8.12. um 14 Uhr?"): a
//! follow-up re-offers the rep's own times while they are still ahead, instead of three new
//! ones that contradict them. Pure.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use regex::Regex;

use super::{find_date_spans, next_weekday, order_hint, patterns, DateMention, WEEKDAYS};

/// A time of day right after a day: "at 10", "at 2pm", "à 14h", "um 14 Uhr", "alle 15:30",
/// "a las 10", "om 14.00 uur", "às 14h", "kl. 14". A bare number counts only with a
/// preposition, minutes or a unit, so "Tuesday 8" stays a day.
fn time_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)^[\s,]*(?:(?P<prep>at|@|um|à|a\s+las?|alle(?:\s+ore)?|om|às|as|kl\.?|klockan|from|von|dès|desde|dalle|vanaf|från)\s*)?(?P<h>\d{1,2})(?:[:.h](?P<m>\d{2}))?\s*(?P<unit>heures?\b|h\b|uhr\b|uur\b|horas?\b|ore\b|a\.m\.|p\.m\.|am\b|pm\b)?",
        )
        .expect("time regex")
    })
}

/// A day of the month right after a weekday ("mardi 8", "Tuesday the 8th", "martes 8"),
/// not a time ("Tuesday 10:00") nor a written date ("Dienstag, 8.12.").
fn day_number_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)^[,\s]+(?:(?:the|den|le|el|il|de|o|dia)\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th|er|e|º|°)?\.?(?:[\s,;)?!]|$)")
            .expect("day-number regex")
    })
}

/// The time of day at the start of `rest`, if one is written there.
fn time_after(rest: &str) -> Option<NaiveTime> {
    let c = time_re().captures(rest)?;
    let unit = c.name("unit").map(|u| u.as_str().to_lowercase());
    if c.name("prep").is_none() && c.name("m").is_none() && unit.is_none() {
        return None;
    }
    let mut h: u32 = c["h"].parse().ok()?;
    let m: u32 = c.name("m").map_or(Some(0), |m| m.as_str().parse().ok())?;
    match unit.as_deref() {
        Some("pm" | "p.m.") if h < 12 => h += 12,
        Some("am" | "a.m.") => {}
        // "Friday at 2": an office hour, so the afternoon.
        _ if (1..=6).contains(&h) => h += 12,
        _ => {}
    }
    // Only office hours: "at 0" or "at 23" is no meeting time.
    (7..=20)
        .contains(&h)
        .then(|| NaiveTime::from_hms_opt(h, m, 0))?
}

/// Every day with a time of day written in `text` (written on `reference`), in the order
/// written: the times offered for a call.
pub fn offered_times(text: &str, reference: NaiveDate) -> Vec<NaiveDateTime> {
    let mut days: Vec<(usize, usize, NaiveDate)> =
        find_date_spans(text, reference, order_hint(text))
            .into_iter()
            .filter_map(|(s, e, m)| match m {
                DateMention::Date(d) => Some((s, e, d)),
                DateMention::Ambiguous(_) => None,
            })
            .collect();
    // A weekday before a number the date reader leaves alone: "mardi 8" is the next Tuesday
    // the 8th, "Tuesday 10:00" the next Tuesday at ten.
    for w in patterns().weekday.find_iter(text) {
        let rest = &text[w.end()..];
        let next = w.end() + (rest.len() - rest.trim_start_matches([',', ' ', '\u{a0}']).len());
        if days
            .iter()
            .any(|(s, e, _)| (w.start() < *e && *s < w.end()) || *s == next)
        {
            continue;
        }
        let lower = w.as_str().to_lowercase();
        let Some(&(_, wd)) = WEEKDAYS.iter().find(|(n, _)| *n == lower) else {
            continue;
        };
        if let Some(c) = day_number_re().captures(rest) {
            let Ok(n) = c["n"].parse::<u32>() else {
                continue;
            };
            let day = (0..4)
                .filter_map(|k| {
                    let base = reference.checked_add_months(chrono::Months::new(k))?;
                    NaiveDate::from_ymd_opt(base.year(), base.month(), n)
                })
                .find(|d| *d > reference && d.weekday() == wd);
            if let Some(d) = day {
                let end = w.end() + c.get(0).expect("match").end();
                days.push((w.start(), end, d));
            }
            continue;
        }
        days.push((w.start(), w.end(), next_weekday(reference, wd)));
    }
    days.sort_by_key(|(s, _, _)| *s);
    days.into_iter()
        .filter_map(|(_, end, d)| time_after(&text[end..]).map(|t| d.and_time(t)))
        .collect()
}

/// Which part of the day a proposal names ("Tuesday afternoon", "am Vormittag", "en
/// matinée"): the slots offered on a day the rep proposed keep to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartOfDay {
    Morning,
    Afternoon,
    Any,
}

/// The calendar days `text` proposes without a time ("at the summit on January 12", "le 8
/// décembre", "am 12.1."), in the order written: a call proposed for a day is offered on it.
/// Weekday names alone are not read: "as discussed on Tuesday" names a day already past.
pub fn offered_days(text: &str, reference: NaiveDate) -> (Vec<NaiveDate>, PartOfDay) {
    static MORNING: OnceLock<Regex> = OnceLock::new();
    static AFTERNOON: OnceLock<Regex> = OnceLock::new();
    static DEADLINE: OnceLock<Regex> = OnceLock::new();
    // "before January 15", "bis zum 15.1.", "avant le 15 janvier": a deadline, not the day.
    let deadline = DEADLINE.get_or_init(|| {
        Regex::new(r"(?i)\b(before|by|until|till|no\s+later\s+than|bis|vor|avant|d'ici|antes|hasta|entro|prima|v[óo]{1,2}r|uiterlijk|tot|at[ée]|f[öo]re|senast|innan)(\s+(the|zum|dem|le|el|del|de|il|al|o|den))?\s*$")
            .expect("deadline regex")
    });
    let days = find_date_spans(text, reference, order_hint(text))
        .into_iter()
        .filter_map(|(start, end, m)| match m {
            DateMention::Date(d)
                if text[start..end].contains(|c: char| c.is_ascii_digit())
                    && time_after(&text[end..]).is_none()
                    && !deadline.is_match(&text[..start]) =>
            {
                Some(d)
            }
            _ => None,
        })
        .collect();
    let afternoon = AFTERNOON.get_or_init(|| {
        Regex::new(r"(?i)\b(afternoon|nachmittag\w*|apr[eè]s-midi|tarde|pomeriggio|middag|eftermiddag\w*)\b")
            .expect("afternoon regex")
    });
    let morning = MORNING.get_or_init(|| {
        Regex::new(r"(?i)\b(morning|vormittag\w*|morgens|matin\w*|ma[ñn]ana|mattin\w*|ochtend|manh[ãa]|f[öo]rmiddag\w*)\b")
            .expect("morning regex")
    });
    let part = if afternoon.is_match(text) {
        PartOfDay::Afternoon
    } else if morning.is_match(text) {
        PartOfDay::Morning
    } else {
        PartOfDay::Any
    };
    (days, part)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    // Saturday 21 November 2026.
    fn reference() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    #[test]
    fn the_days_a_rep_proposes_without_a_time_with_the_part_of_day() {
        let d = |m: u32, day: u32| {
            NaiveDate::from_ymd_opt(if m < 6 { 2027 } else { 2026 }, m, day).unwrap()
        };
        let cases: &[(&str, &[NaiveDate], PartOfDay)] = &[
            (
                "Could we meet at the summit on January 12 in the afternoon?",
                &[d(1, 12)],
                PartOfDay::Afternoon,
            ),
            (
                "Hätten Sie am 12.1. vormittags Zeit für ein Gespräch?",
                &[d(1, 12)],
                PartOfDay::Morning,
            ),
            (
                "Je serai à Paris le 8 décembre, seriez-vous disponible ?",
                &[d(12, 8)],
                PartOfDay::Any,
            ),
            // A time written after the day makes it an offered time, not a day.
            ("Would December 8 at 10am work?", &[], PartOfDay::Any),
            // A deadline is no day to meet.
            ("Could we talk before December 18?", &[], PartOfDay::Any),
            ("Können wir bis zum 18.12. sprechen?", &[], PartOfDay::Any),
            // Weekday names alone are not read: "on Tuesday" may be a day already past.
            (
                "As discussed on Tuesday, could we book a demo?",
                &[],
                PartOfDay::Any,
            ),
        ];
        for (text, days, part) in cases {
            assert_eq!(
                offered_days(text, reference()),
                (days.to_vec(), *part),
                "{text}"
            );
        }
    }

    #[test]
    fn the_times_a_rep_offers_for_a_call_in_every_language() {
        let cases: &[(&str, &[NaiveDateTime])] = &[
            (
                "Would Thursday at 10 or Friday at 2 work instead?",
                &[at(11, 26, 10, 0), at(11, 27, 14, 0)],
            ),
            (
                "je vous propose un rendez-vous mardi 8 à 14h ou mercredi 9 à 10h pour la démonstration.",
                &[at(12, 8, 14, 0), at(12, 9, 10, 0)],
            ),
            (
                "Passt Ihnen Dienstag, 8.12. um 14 Uhr oder Mittwoch um 10:30?",
                &[at(12, 8, 14, 0), at(11, 25, 10, 30)],
            ),
            (
                "¿Te viene bien el martes 8 a las 10?",
                &[at(12, 8, 10, 0)],
            ),
            (
                "Ti andrebbe bene giovedì alle 15:30?",
                &[at(11, 26, 15, 30)],
            ),
            (
                "Schikt donderdag 3 december om 14.00 uur?",
                &[at(12, 3, 14, 0)],
            ),
            (
                "Pode ser na quinta-feira às 14h?",
                &[at(11, 26, 14, 0)],
            ),
            (
                "Passar det på torsdag kl. 14?",
                &[at(11, 26, 14, 0)],
            ),
            (
                "How about December 3rd at 2pm, or Tuesday 10:00?",
                &[at(12, 3, 14, 0), at(11, 24, 10, 0)],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(offered_times(text, reference()), *want, "{text}");
        }
    }

    #[test]
    fn a_day_without_a_time_or_a_number_that_is_no_time_offers_nothing() {
        for text in [
            "lmk when ur free next wk for a proper demo, thurs works for me",
            "I'm out on Friday 27 November.",
            "Our prices hold until 31 March 2027.",
            "We spoke on Tuesday about the 3 options.",
            "Dienstag, 8.12. passt mir gut.",
        ] {
            assert_eq!(offered_times(text, reference()), vec![], "{text}");
        }
    }
}
