//! Public holidays computed from each country's statutory rules (fixed dates, Easter-based
//! feasts, "n-th weekday" rules and weekend substitutions), so no list needs yearly upkeep.
//! Countries: US (federal), GB (England & Wales), IE, CA (federal), DE (nationwide), FR, ES
//! (national), IT, NL, PT, SE (including the de-facto days off: Midsummer Eve, Christmas Eve,
//! New Year's Eve). Regional holidays go in `policy.holidays`.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// The countries with built-in rules.
pub const COUNTRIES: &[&str] = &[
    "US", "GB", "IE", "CA", "DE", "FR", "ES", "IT", "NL", "PT", "SE",
];

/// The days off every country in [`COUNTRIES`] keeps (New Year's Day, Christmas Day): the
/// calendar of a rep who set no country.
pub fn universal(year: i32) -> Vec<NaiveDate> {
    vec![ymd(year, 1, 1), ymd(year, 12, 25)]
}

/// Easter Sunday (Gregorian; the anonymous "Meeus/Jones/Butcher" algorithm).
pub fn easter(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("valid Easter date")
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid fixed holiday")
}

/// The n-th (1-based) `wd` of a month; n = -1 is the last.
fn nth_weekday(y: i32, m: u32, wd: Weekday, n: i32) -> NaiveDate {
    if n > 0 {
        let mut d = ymd(y, m, 1);
        while d.weekday() != wd {
            d += Duration::days(1);
        }
        d + Duration::weeks((n - 1) as i64)
    } else {
        let mut d = if m == 12 {
            ymd(y + 1, 1, 1)
        } else {
            ymd(y, m + 1, 1)
        } - Duration::days(1);
        while d.weekday() != wd {
            d -= Duration::days(1);
        }
        d
    }
}

/// US federal rule: Saturday → Friday before, Sunday → Monday after.
fn observed_us(d: NaiveDate) -> NaiveDate {
    match d.weekday() {
        Weekday::Sat => d - Duration::days(1),
        Weekday::Sun => d + Duration::days(1),
        _ => d,
    }
}

/// UK/IE/CA rule: a holiday on a weekend moves to the next weekday not already a holiday.
fn substitute(days: &mut Vec<NaiveDate>, d: NaiveDate) {
    let mut x = d;
    while matches!(x.weekday(), Weekday::Sat | Weekday::Sun) || days.contains(&x) {
        x += Duration::days(1);
    }
    days.push(x);
}

/// The public holidays of `country` (ISO 3166 alpha-2) in `year`; `None` for a country
/// without built-in rules.
pub fn holidays(country: &str, year: i32) -> Option<Vec<NaiveDate>> {
    let e = easter(year);
    let ed = |n: i64| e + Duration::days(n);
    let mut v: Vec<NaiveDate> = Vec::new();
    match country.to_ascii_uppercase().as_str() {
        "US" => {
            v.extend(
                [
                    ymd(year, 1, 1),
                    ymd(year, 6, 19),
                    ymd(year, 7, 4),
                    ymd(year, 11, 11),
                    ymd(year, 12, 25),
                ]
                .map(observed_us),
            );
            v.push(nth_weekday(year, 1, Weekday::Mon, 3));
            v.push(nth_weekday(year, 2, Weekday::Mon, 3));
            v.push(nth_weekday(year, 5, Weekday::Mon, -1));
            v.push(nth_weekday(year, 9, Weekday::Mon, 1));
            v.push(nth_weekday(year, 10, Weekday::Mon, 2));
            v.push(nth_weekday(year, 11, Weekday::Thu, 4));
        }
        "GB" => {
            substitute(&mut v, ymd(year, 1, 1));
            v.extend([
                ed(-2),
                ed(1),
                nth_weekday(year, 5, Weekday::Mon, 1),
                nth_weekday(year, 5, Weekday::Mon, -1),
                nth_weekday(year, 8, Weekday::Mon, -1),
            ]);
            substitute(&mut v, ymd(year, 12, 25));
            substitute(&mut v, ymd(year, 12, 26));
        }
        "IE" => {
            substitute(&mut v, ymd(year, 1, 1));
            let feb1 = ymd(year, 2, 1);
            v.push(if feb1.weekday() == Weekday::Fri {
                feb1
            } else {
                nth_weekday(year, 2, Weekday::Mon, 1)
            });
            substitute(&mut v, ymd(year, 3, 17));
            v.extend([
                ed(1),
                nth_weekday(year, 5, Weekday::Mon, 1),
                nth_weekday(year, 6, Weekday::Mon, 1),
                nth_weekday(year, 8, Weekday::Mon, 1),
                nth_weekday(year, 10, Weekday::Mon, -1),
            ]);
            substitute(&mut v, ymd(year, 12, 25));
            substitute(&mut v, ymd(year, 12, 26));
        }
        "CA" => {
            substitute(&mut v, ymd(year, 1, 1));
            v.push(ed(-2));
            let mut victoria = ymd(year, 5, 24);
            while victoria.weekday() != Weekday::Mon {
                victoria -= Duration::days(1);
            }
            v.push(victoria);
            substitute(&mut v, ymd(year, 7, 1));
            v.push(nth_weekday(year, 9, Weekday::Mon, 1));
            substitute(&mut v, ymd(year, 9, 30));
            v.push(nth_weekday(year, 10, Weekday::Mon, 2));
            substitute(&mut v, ymd(year, 11, 11));
            substitute(&mut v, ymd(year, 12, 25));
            substitute(&mut v, ymd(year, 12, 26));
        }
        "DE" => v.extend([
            ymd(year, 1, 1),
            ed(-2),
            ed(1),
            ymd(year, 5, 1),
            ed(39),
            ed(50),
            ymd(year, 10, 3),
            ymd(year, 12, 25),
            ymd(year, 12, 26),
        ]),
        "FR" => v.extend([
            ymd(year, 1, 1),
            ed(1),
            ymd(year, 5, 1),
            ymd(year, 5, 8),
            ed(39),
            ed(50),
            ymd(year, 7, 14),
            ymd(year, 8, 15),
            ymd(year, 11, 1),
            ymd(year, 11, 11),
            ymd(year, 12, 25),
        ]),
        "ES" => v.extend([
            ymd(year, 1, 1),
            ymd(year, 1, 6),
            ed(-2),
            ymd(year, 5, 1),
            ymd(year, 8, 15),
            ymd(year, 10, 12),
            ymd(year, 11, 1),
            ymd(year, 12, 6),
            ymd(year, 12, 8),
            ymd(year, 12, 25),
        ]),
        "IT" => v.extend([
            ymd(year, 1, 1),
            ymd(year, 1, 6),
            ed(1),
            ymd(year, 4, 25),
            ymd(year, 5, 1),
            ymd(year, 6, 2),
            ymd(year, 8, 15),
            ymd(year, 11, 1),
            ymd(year, 12, 8),
            ymd(year, 12, 25),
            ymd(year, 12, 26),
        ]),
        "NL" => {
            let kings = ymd(year, 4, 27);
            let kings = if kings.weekday() == Weekday::Sun {
                kings - Duration::days(1)
            } else {
                kings
            };
            v.extend([
                ymd(year, 1, 1),
                ed(-2),
                ed(1),
                kings,
                ymd(year, 5, 5),
                ed(39),
                ed(50),
                ymd(year, 12, 25),
                ymd(year, 12, 26),
            ]);
        }
        "PT" => v.extend([
            ymd(year, 1, 1),
            ed(-2),
            ymd(year, 4, 25),
            ymd(year, 5, 1),
            ed(60),
            ymd(year, 6, 10),
            ymd(year, 8, 15),
            ymd(year, 10, 5),
            ymd(year, 11, 1),
            ymd(year, 12, 1),
            ymd(year, 12, 8),
            ymd(year, 12, 25),
        ]),
        "SE" => {
            let mut midsummer_eve = ymd(year, 6, 19);
            while midsummer_eve.weekday() != Weekday::Fri {
                midsummer_eve += Duration::days(1);
            }
            v.extend([
                ymd(year, 1, 1),
                ymd(year, 1, 6),
                ed(-2),
                ed(1),
                ymd(year, 5, 1),
                ed(39),
                ymd(year, 6, 6),
                midsummer_eve,
                ymd(year, 12, 24),
                ymd(year, 12, 25),
                ymd(year, 12, 26),
                ymd(year, 12, 31),
            ]);
        }
        _ => return None,
    }
    v.sort();
    v.dedup();
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_dates() {
        assert_eq!(easter(2026), ymd(2026, 4, 5));
        assert_eq!(easter(2027), ymd(2027, 3, 28));
        assert_eq!(easter(2024), ymd(2024, 3, 31));
    }

    #[test]
    fn us_2026() {
        let h = holidays("US", 2026).unwrap();
        assert!(h.contains(&ymd(2026, 11, 26)), "Thanksgiving");
        assert!(
            h.contains(&ymd(2026, 7, 3)),
            "July 4th on a Saturday is observed Friday"
        );
        assert!(h.contains(&ymd(2026, 5, 25)), "Memorial Day");
        assert!(h.contains(&ymd(2026, 1, 19)), "MLK Day");
        assert_eq!(h.len(), 11);
    }

    #[test]
    fn gb_2026_boxing_day_substitute() {
        let h = holidays("GB", 2026).unwrap();
        // 26 Dec 2026 is a Saturday: the substitute day is Monday 28 December.
        assert!(h.contains(&ymd(2026, 12, 28)));
        assert!(
            h.contains(&ymd(2026, 4, 3)) && h.contains(&ymd(2026, 4, 6)),
            "Good Friday, Easter Monday"
        );
        assert_eq!(h.len(), 8);
    }

    #[test]
    fn european_movable_feasts() {
        assert!(
            holidays("DE", 2026).unwrap().contains(&ymd(2026, 5, 14)),
            "Ascension"
        );
        assert!(
            holidays("FR", 2026).unwrap().contains(&ymd(2026, 5, 25)),
            "Whit Monday"
        );
        assert!(
            holidays("SE", 2026).unwrap().contains(&ymd(2026, 6, 19)),
            "Midsummer Eve"
        );
        assert!(
            holidays("PT", 2026).unwrap().contains(&ymd(2026, 6, 4)),
            "Corpus Christi"
        );
        assert_eq!(holidays("XX", 2026), None);
    }

    #[test]
    fn every_country_keeps_the_universal_days() {
        // 2026: both fall on weekdays, so no country moves them to an observed day.
        for c in COUNTRIES {
            let days = holidays(c, 2026).unwrap();
            for d in universal(2026) {
                assert!(days.contains(&d), "{c} {d}");
            }
        }
    }
}
