//! What a dry run rendered for each due thread, kept between scans. A dry run (`scan
//! --dry-run`, the benchmark, a script polling the JSON) renders every due draft again on each
//! scan, though nothing it reads has changed: the thread (its decision key), the config and
//! program (the memo's base), the templates and value-item files, and the clock only through
//! the slots offered and the days since the message answered. Equal inputs give the same
//! draft, so it is kept, keyed by all of them; only the Message-ID, which follows the clock,
//! is made again.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

/// Bumped when the entries' meaning changes: an older file is then ignored.
const FORMAT: u32 = 1;

/// One thread's rendered outcome and what it was rendered from.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry<T> {
    /// Everything the render read but the clock (see `service`'s render key).
    pub key: String,
    /// The date of the message the draft answers, and whole days from it to the scan's clock:
    /// a template may say "6 days ago", so a later day renders afresh.
    pub last_sent: Option<DateTime<Utc>>,
    pub days_since: i64,
    pub outcome: T,
}

/// The rendered outcomes of one account's last dry run, under one base.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RenderMemo<T> {
    pub format: u32,
    pub base: String,
    pub entries: HashMap<String, Entry<T>>,
}

impl<T: Serialize + DeserializeOwned> RenderMemo<T> {
    pub fn new(base: String) -> Self {
        RenderMemo {
            format: FORMAT,
            base,
            entries: HashMap::new(),
        }
    }

    /// The memo at `path` made under `base`, else an empty one (no file, damage, another
    /// format, program, config, day, template set or slot window).
    pub fn load_or_new(path: &Path, base: &str) -> Self {
        let Ok(data) = std::fs::read(path) else {
            return Self::new(base.to_string());
        };
        let head = String::from_utf8_lossy(&data[..data.len().min(256)]).into_owned();
        if !head.contains(&format!("\"base\":\"{base}\"")) {
            return Self::new(base.to_string());
        }
        match serde_json::from_slice::<RenderMemo<T>>(&data) {
            Ok(m) if m.format == FORMAT && m.base == base => m,
            Ok(_) => Self::new(base.to_string()),
            Err(e) => {
                tracing::debug!(path = %path.display(), error = %e, "render memo unreadable; rendering afresh");
                Self::new(base.to_string())
            }
        }
    }

    /// The outcome kept for `thread` when it was rendered from `key`, for a message written
    /// `last_sent`, the same whole number of days before `now`.
    pub fn get(&self, thread: &str, key: &str, now: DateTime<Utc>) -> Option<&T> {
        let e = self.entries.get(thread)?;
        let same_days = e
            .last_sent
            .is_none_or(|t| (now - t).num_days().max(0) == e.days_since);
        (e.key == key && same_days).then_some(&e.outcome)
    }

    /// Write atomically, private to the user (drafts quote the prospects' mail).
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        super::write_json_atomic(path, self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn an_outcome_is_kept_for_the_same_inputs_and_day_count_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.rendered.json");
        let sent = Utc.with_ymd_and_hms(2026, 11, 16, 15, 0, 0).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap();
        let mut m: RenderMemo<String> = RenderMemo::new("base-1".into());
        m.entries.insert(
            "t1".into(),
            Entry {
                key: "k1".into(),
                last_sent: Some(sent),
                days_since: (now - sent).num_days(),
                outcome: "the draft".into(),
            },
        );
        m.save(&path).unwrap();
        let back: RenderMemo<String> = RenderMemo::load_or_new(&path, "base-1");
        assert_eq!(
            back.get("t1", "k1", now).map(String::as_str),
            Some("the draft")
        );
        // Later the same day: still 3 whole days.
        let later = now + chrono::Duration::hours(5);
        assert!(back.get("t1", "k1", later).is_some());
        // Another day count, another key, another base: nothing kept.
        assert!(back
            .get("t1", "k1", now + chrono::Duration::days(1))
            .is_none());
        assert!(back.get("t1", "k2", now).is_none());
        let other: RenderMemo<String> = RenderMemo::load_or_new(&path, "base-2");
        assert!(other.entries.is_empty());
        // A damaged file is no memo.
        std::fs::write(&path, b"{\"format\":1,\"base\":\"base-1\",\"entr").unwrap();
        let damaged: RenderMemo<String> = RenderMemo::load_or_new(&path, "base-1");
        assert!(damaged.entries.is_empty());
    }
}
