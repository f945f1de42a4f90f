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
