//! Real meeting times for a draft: the next working slots after the draft falls due, inside
//! the rep's working hours, skipping weekends, holidays and the rep's time off, written the
//! way the rep's locale writes dates and times ("Tuesday, Nov 24 at 10 a.m." in en-US,
//! "Dienstag, 24. November, 10 Uhr" in German). Pure.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Timelike, Utc, Weekday};

use crate::policy::Calendar;

/// Locales the slots can be written in.
pub const LOCALES: &[&str] = &["en-US", "en-GB", "de", "fr", "es", "it", "nl", "pt", "sv"];

/// The locale a time zone's country writes in, for when `identity.locale` is not set.
pub fn locale_for_timezone(tz: &str) -> &'static str {
    let city = tz.rsplit('/').next().unwrap_or("");
    match tz {
        "Europe/London" | "Europe/Dublin" | "Europe/Belfast" | "Europe/Gibraltar" => "en-GB",
        "Europe/Berlin" | "Europe/Vienna" | "Europe/Zurich" | "Europe/Busingen" => "de",
        "Europe/Paris" | "Europe/Brussels" | "Europe/Luxembourg" | "Europe/Monaco" => "fr",
        "Europe/Madrid"
        | "Atlantic/Canary"
        | "America/Mexico_City"
        | "America/Bogota"
        | "America/Lima"
        | "America/Santiago"
        | "America/Argentina/Buenos_Aires" => "es",
        "Europe/Rome" => "it",
        "Europe/Amsterdam" => "nl",
        "Europe/Lisbon" | "America/Sao_Paulo" | "Atlantic/Azores" => "pt",
        "Europe/Stockholm" => "sv",
        _ if tz.starts_with("America/")
            || tz.starts_with("US/")
            || tz.starts_with("Pacific/Honolulu") =>
        {
            "en-US"
        }
        _ if tz.starts_with("Australia/")
            || tz.starts_with("Pacific/Auckland")
            || city == "Singapore" =>
        {
            "en-GB"
        }
        _ => "en-GB",
    }
}

/// The next `n` working slots after `due`: one per working day from the next one on, at
/// 10:00, 14:00 and 11:00 in turn (moved inside `[start, end − 30 min]`).
pub fn next_slots(cal: &Calendar, due: DateTime<Utc>, n: usize) -> Vec<DateTime<Utc>> {
    let mut out = Vec::new();
    let mut d = cal.local_date(due);
    let times = [(10, 0), (14, 0), (11, 0)];
    let latest = cal.end - Duration::minutes(30);
    let mut guard = 0;
    while out.len() < n && guard < 400 {
        guard += 1;
        d += Duration::days(1);
        if !slot_day(cal, d) {
            continue;
        }
        let (h, m) = times[out.len() % times.len()];
        let mut t = NaiveTime::from_hms_opt(h, m, 0).expect("valid time");
        if t < cal.start {
            t = cal.start;
        }
        if t > latest {
            t = latest.max(cal.start);
        }
        out.push(cal.at_local(d, t));
    }
    out
}

/// Up to `n` slots on the days the rep proposed, in the part of the day named, inside the
/// rep's working hours: spread over the days ("Tuesday or Wednesday"), at most three a day.
/// Days off (weekends, holidays, the rep's time off) are left out.
pub fn slots_on_days(
    cal: &Calendar,
    days: &[NaiveDate],
    part: crate::dates::PartOfDay,
    n: usize,
) -> Vec<DateTime<Utc>> {
    use crate::dates::PartOfDay;
    let days: Vec<NaiveDate> = days.iter().copied().filter(|&d| slot_day(cal, d)).collect();
    let times = match part {
        PartOfDay::Morning => [(9, 30), (10, 30), (11, 30)],
        PartOfDay::Afternoon => [(13, 30), (14, 30), (16, 0)],
        PartOfDay::Any => [(10, 0), (14, 0), (16, 0)],
    };
    let latest = cal.end - Duration::minutes(30);
    let mut out: Vec<DateTime<Utc>> = Vec::new();
    for i in 0..n.min(days.len() * times.len()) {
        let d = days[i % days.len()];
        let (h, m) = times[i / days.len()];
        let t = NaiveTime::from_hms_opt(h, m, 0)
            .expect("valid time")
            .clamp(cal.start, latest.max(cal.start));
        let at = cal.at_local(d, t);
        if !out.contains(&at) {
            out.push(at);
        }
    }
    out
}

fn slot_day(cal: &Calendar, d: NaiveDate) -> bool {
    // Slots are always on working days, even when waits count calendar days.
    cal.work_week.contains(&d.weekday()) && !cal.holidays.contains(&d) && !cal.is_away(d)
}

pub(crate) fn weekday_name(w: Weekday, locale: &str) -> &'static str {
    let i = w.num_days_from_monday() as usize;
    let names: [&str; 7] = match locale {
        "de" => [
            "Montag",
            "Dienstag",
            "Mittwoch",
            "Donnerstag",
            "Freitag",
            "Samstag",
            "Sonntag",
        ],
        "fr" => [
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        ],
        "es" => [
            "lunes",
            "martes",
            "miércoles",
            "jueves",
            "viernes",
            "sábado",
            "domingo",
        ],
        "it" => [
            "lunedì",
            "martedì",
            "mercoledì",
            "giovedì",
            "venerdì",
            "sabato",
            "domenica",
        ],
        "nl" => [
            "maandag",
            "dinsdag",
            "woensdag",
            "donderdag",
            "vrijdag",
            "zaterdag",
            "zondag",
        ],
        "pt" => [
            "segunda-feira",
            "terça-feira",
            "quarta-feira",
            "quinta-feira",
            "sexta-feira",
            "sábado",
            "domingo",
        ],
        "sv" => [
            "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
        ],
        _ => [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ],
    };
    names[i]
}

pub(crate) fn month_name(m: u32, locale: &str, short: bool) -> &'static str {
    let i = (m - 1) as usize;
    let names: [&str; 12] = match locale {
        "de" => [
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ],
        "fr" => [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
        "es" => [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ],
        "it" => [
            "gennaio",
            "febbraio",
            "marzo",
            "aprile",
            "maggio",
            "giugno",
            "luglio",
            "agosto",
            "settembre",
            "ottobre",
            "novembre",
            "dicembre",
        ],
        "nl" => [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ],
        "pt" => [
            "janeiro",
            "fevereiro",
            "março",
            "abril",
            "maio",
            "junho",
            "julho",
            "agosto",
            "setembro",
            "outubro",
            "novembro",
            "dezembro",
        ],
        "sv" => [
            "januari",
            "februari",
            "mars",
            "april",
            "maj",
            "juni",
            "juli",
            "augusti",
            "september",
            "oktober",
            "november",
            "december",
        ],
        _ if short => [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ],
        _ => [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
    };
    names[i]
}

/// One slot as the locale writes it, in the rep's time zone.
pub fn format_slot(cal: &Calendar, t: DateTime<Utc>, locale: &str) -> String {
    let l = t.with_timezone(&cal.tz);
    let (day, month, wd) = (l.day(), l.month(), l.weekday());
    let (h, m) = (l.hour(), l.minute());
    let zone = l.format("%Z").to_string();
    match locale {
        "en-US" => {
            let (h12, ampm) = match h {
                0 => (12, "a.m."),
                1..=11 => (h, "a.m."),
                12 => (12, "p.m."),
                _ => (h - 12, "p.m."),
            };
            let time = if m == 0 {
                format!("{h12} {ampm}")
            } else {
                format!("{h12}:{m:02} {ampm}")
            };
            format!(
                "{}, {} {day} at {time} {zone}",
                weekday_name(wd, "en"),
                month_name(month, "en", true)
            )
        }
        "de" => {
            let time = if m == 0 {
                format!("{h} Uhr")
            } else {
                format!("{h}:{m:02} Uhr")
            };
            format!(
                "{}, {day}. {}, {time}",
                weekday_name(wd, "de"),
                month_name(month, "de", false)
            )
        }
        "fr" => format!(
            "{} {day} {} à {h} h{}",
            weekday_name(wd, "fr"),
            month_name(month, "fr", false),
            if m == 0 {
                String::new()
            } else {
                format!("{m:02}")
            }
        ),
        "es" => format!(
            "{} {day} de {} a las {h}:{m:02}",
            weekday_name(wd, "es"),
            month_name(month, "es", false)
        ),
        "it" => format!(
            "{} {day} {} alle {h}:{m:02}",
            weekday_name(wd, "it"),
            month_name(month, "it", false)
        ),
        "nl" => format!(
            "{} {day} {} om {h}.{m:02} uur",
            weekday_name(wd, "nl"),
            month_name(month, "nl", false)
        ),
        "pt" => format!(
            "{}, {day} de {}, às {h}h{}",
            weekday_name(wd, "pt"),
            month_name(month, "pt", false),
            if m == 0 {
                String::new()
            } else {
                format!("{m:02}")
            }
        ),
        "sv" => format!(
            "{} {day} {} kl. {h}.{m:02}",
            weekday_name(wd, "sv"),
            month_name(month, "sv", false)
        ),
        _ => format!(
            "{} {day} {} at {h:02}:{m:02} {zone}",
            weekday_name(wd, "en"),
            month_name(month, "en", false)
        ),
    }
}

/// "A, B or C" in the locale's words.
pub fn join_or(items: &[String], locale: &str) -> String {
    let or = match locale {
        "de" => "oder",
        "fr" => "ou",
        "es" => "o",
        "it" => "o",
        "nl" => "of",
        "pt" => "ou",
        "sv" => "eller",
        _ => "or",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {or} {last}", rest.join("; ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn cal(tz: chrono_tz::Tz, holidays: &[(i32, u32, u32)]) -> Calendar {
        Calendar {
            holidays: holidays
                .iter()
                .map(|&(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
                .collect(),
            ..Calendar::plain(tz)
        }
    }

    #[test]
    fn us_slots_skip_thanksgiving_and_the_weekend_in_12_hour_time() {
        // Due Wednesday 25 Nov 2026; Thursday 26 is Thanksgiving, then Friday, then Monday.
        let c = cal(chrono_tz::America::New_York, &[(2026, 11, 26)]);
        let due = Utc.with_ymd_and_hms(2026, 11, 25, 15, 0, 0).unwrap();
        let s: Vec<String> = next_slots(&c, due, 3)
            .into_iter()
            .map(|t| format_slot(&c, t, "en-US"))
            .collect();
        assert_eq!(
            s,
            [
                "Friday, Nov 27 at 10 a.m. EST",
                "Monday, Nov 30 at 2 p.m. EST",
                "Tuesday, Dec 1 at 11 a.m. EST"
            ]
        );
    }

    #[test]
    fn british_and_german_slots_in_their_own_words() {
        let c = cal(chrono_tz::Europe::London, &[(2026, 12, 25), (2026, 12, 28)]);
        // Due Thursday 24 Dec: Christmas Friday, weekend, the substitute Boxing Day Monday.
        let due = Utc.with_ymd_and_hms(2026, 12, 24, 10, 0, 0).unwrap();
        let s: Vec<String> = next_slots(&c, due, 2)
            .into_iter()
            .map(|t| format_slot(&c, t, "en-GB"))
            .collect();
        assert_eq!(
            s,
            [
                "Tuesday 29 December at 10:00 GMT",
                "Wednesday 30 December at 14:00 GMT"
            ]
        );
        let c = cal(chrono_tz::Europe::Berlin, &[]);
        // Due Friday 20 Nov: the weekend is skipped.
        let due = Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap();
        let s: Vec<String> = next_slots(&c, due, 2)
            .into_iter()
            .map(|t| format_slot(&c, t, "de"))
            .collect();
        assert_eq!(
            s,
            [
                "Montag, 23. November, 10 Uhr",
                "Dienstag, 24. November, 14 Uhr"
            ]
        );
        assert_eq!(
            join_or(&s, "de"),
            "Montag, 23. November, 10 Uhr oder Dienstag, 24. November, 14 Uhr"
        );
    }

    #[test]
    fn slots_stay_inside_short_working_hours_and_out_of_the_reps_time_off() {
        let mut c = cal(chrono_tz::UTC, &[]);
        c.start = NaiveTime::from_hms_opt(12, 0, 0).unwrap();
        c.end = NaiveTime::from_hms_opt(13, 0, 0).unwrap();
        c.away = vec![(
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
        )];
        let due = Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap();
        let s = next_slots(&c, due, 2);
        assert_eq!(s[0], Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap());
        assert_eq!(s[1], Utc.with_ymd_and_hms(2026, 11, 26, 12, 30, 0).unwrap());
        assert_eq!(locale_for_timezone("America/New_York"), "en-US");
        assert_eq!(locale_for_timezone("Europe/Berlin"), "de");
        assert_eq!(locale_for_timezone("Europe/London"), "en-GB");
    }
}
