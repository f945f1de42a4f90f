//! Business-day arithmetic in the rep's time zone: waits skip weekends, holidays and the rep's
//! own time off, and a due time always lands inside working hours.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;

/// The rep's working calendar.
#[derive(Debug, Clone)]
pub struct Calendar {
    pub business_days: bool,
    pub work_week: Vec<Weekday>,
    pub holidays: Vec<NaiveDate>,
    pub tz: Tz,
    pub start: NaiveTime,
    pub end: NaiveTime,
    /// The rep's own away periods (inclusive).
    pub away: Vec<(NaiveDate, NaiveDate)>,
}

impl Calendar {
    /// Monday to Friday, 09:00–17:00, no holidays: for samples (`templates check`).
    pub fn plain(tz: Tz) -> Calendar {
        Calendar {
            business_days: true,
            work_week: vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ],
            holidays: Vec::new(),
            tz,
            start: NaiveTime::from_hms_opt(9, 0, 0).expect("valid"),
            end: NaiveTime::from_hms_opt(17, 0, 0).expect("valid"),
            away: Vec::new(),
        }
    }

    /// A day on which a wait counts and a draft may fall due.
    pub fn is_workday(&self, d: NaiveDate) -> bool {
        !self.business_days
            || (self.work_week.contains(&d.weekday()) && !self.holidays.contains(&d))
    }

    fn rep_away(&self, d: NaiveDate) -> bool {
        self.away.iter().any(|(a, b)| d >= *a && d <= *b)
    }

    /// Whether the rep is away (`identity.away`) on this day.
    pub fn is_away(&self, d: NaiveDate) -> bool {
        self.rep_away(d)
    }

    /// A local date and time in the rep's zone, as an instant.
    pub fn at_local(&self, d: NaiveDate, t: NaiveTime) -> DateTime<Utc> {
        self.at(d, t)
    }

    fn at(&self, d: NaiveDate, t: NaiveTime) -> DateTime<Utc> {
        let naive = d.and_time(t);
        // Around a DST gap, take the later valid instant.
        match self.tz.from_local_datetime(&naive) {
            chrono::LocalResult::Single(x) => x.with_timezone(&Utc),
            chrono::LocalResult::Ambiguous(x, _) => x.with_timezone(&Utc),
            chrono::LocalResult::None => self
                .tz
                .from_local_datetime(&(naive + Duration::hours(1)))
                .earliest()
                .map(|x| x.with_timezone(&Utc))
                .unwrap_or_else(|| Utc.from_utc_datetime(&naive)),
        }
    }

    /// The local date of an instant.
    pub fn local_date(&self, t: DateTime<Utc>) -> NaiveDate {
        t.with_timezone(&self.tz).date_naive()
    }

    /// `days` waits after `from` (business days when enabled), at the same local time of day,
    /// moved into working hours and out of the rep's time off.
    pub fn add_wait(&self, from: DateTime<Utc>, days: u32) -> DateTime<Utc> {
        let local = from.with_timezone(&self.tz);
        let mut d = local.date_naive();
        let mut left = days;
        while left > 0 {
            d += Duration::days(1);
            if self.is_workday(d) {
                left -= 1;
            }
        }
        self.fit_window(d, local.time())
    }

    /// The start of the first working day on or after `d`.
    pub fn first_workday_from(&self, d: NaiveDate) -> DateTime<Utc> {
        self.fit_window(d, self.start)
    }

    fn fit_window(&self, mut d: NaiveDate, mut t: NaiveTime) -> DateTime<Utc> {
        if t < self.start {
            t = self.start;
        }
        if t >= self.end {
            t = self.start;
            d += Duration::days(1);
        }
        let mut guard = 0;
        while (!self.is_workday(d) || self.rep_away(d)) && guard < 800 {
            d += Duration::days(1);
            t = self.start;
            guard += 1;
        }
        self.at(d, t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cal() -> Calendar {
        Calendar {
            holidays: vec![NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()],
            ..Calendar::plain("America/New_York".parse().unwrap())
        }
    }

    #[test]
    fn waits_skip_weekends_and_holidays() {
        // Friday 20 Nov 2026, 10:00 New York; 3 business days → Wed 25 Nov.
        let from = Utc.with_ymd_and_hms(2026, 11, 20, 15, 0, 0).unwrap();
        let due = cal().add_wait(from, 3);
        assert_eq!(due, Utc.with_ymd_and_hms(2026, 11, 25, 15, 0, 0).unwrap());
        // 4 business days skips Thanksgiving (26th) → Fri 27 Nov.
        assert_eq!(
            cal().add_wait(from, 4).date_naive(),
            NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
        );
    }

    #[test]
    fn evening_mail_falls_due_next_morning() {
        // Wed 18 Nov 2026 22:00 New York = Thu 03:00 UTC; +1 → Thu 19th evening → Fri 20th 09:00.
        let from = Utc.with_ymd_and_hms(2026, 11, 19, 3, 0, 0).unwrap();
        assert_eq!(
            cal().add_wait(from, 1),
            Utc.with_ymd_and_hms(2026, 11, 20, 14, 0, 0).unwrap()
        );
    }

    #[test]
    fn rep_time_off_pauses_drafts() {
        let mut c = cal();
        c.away = vec![(
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        )];
        let from = Utc.with_ymd_and_hms(2026, 11, 20, 15, 0, 0).unwrap();
        assert_eq!(
            c.add_wait(from, 1),
            Utc.with_ymd_and_hms(2026, 12, 1, 14, 0, 0).unwrap()
        );
    }
}
