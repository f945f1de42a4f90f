//! The decision memo: what the last full scan of an account decided, kept so a rescan that
//! finds nothing changed (same folders, same config, same program, same day) reads no mail and
//! decides nothing again, and a rescan after new mail decides again only the threads it
//! touched. It is a cache: a missing, damaged or outdated memo only means a full scan, never a
//! different outcome.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::identity::Identity;
use crate::message::Location;
use crate::policy::Decision;

/// Bumped whenever the memo's meaning changes, so an old file is ignored rather than misread.
const FORMAT: u32 = 3;

/// A 128-bit FNV-1a digest (two lanes with different offsets): enough to tell states apart,
/// no dependency, stable across builds and platforms.
#[derive(Debug, Clone)]
pub struct Hasher {
    a: u64,
    b: u64,
}

impl Default for Hasher {
    fn default() -> Self {
        Hasher {
            a: 0xcbf2_9ce4_8422_2325,
            b: 0x6c62_272e_07bb_0142,
        }
    }
}

impl Hasher {
    /// Add one field; fields are length-prefixed so ("ab","c") and ("a","bc") differ.
    pub fn add(&mut self, bytes: &[u8]) {
        for &x in (bytes.len() as u64).to_le_bytes().iter().chain(bytes) {
            self.a = (self.a ^ x as u64).wrapping_mul(0x0100_0000_01b3);
            self.b = (self.b ^ x as u64).wrapping_mul(0x0000_0100_0000_01b3 ^ 0x2_0000);
        }
    }

    pub fn hex(&self) -> String {
        format!("{:016x}{:016x}", self.a, self.b)
    }
}

/// One message of a thread whose decision may draft: enough to read it again and to see
/// whether a draft of the rep's refers to it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MemoMail {
    pub at: Location,
    pub message_id: String,
    /// The text prefix the decision read from it (`None`: headers only).
    pub text_cap: Option<usize>,
}

/// One thread as the last full scan left it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MemoThread {
    pub id: String,
    /// Everything this thread's decision was made from (see `service::thread_key`): equal
    /// keys let a scan after new mail reuse the decision of a thread the mail didn't touch.
    pub key: String,
    /// The thread's headers alone (see `service::incremental`): a thread whose group's
    /// digests are all unchanged keeps its decision without a text being read.
    pub hkey: String,
    pub subject: String,
    pub messages: usize,
    pub decision: Decision,
    /// Filled only for a decision with a due time (it may draft, now or later today).
    pub mails: Vec<MemoMail>,
}

/// Everything a rescan with nothing new needs besides Drafts and the state file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ScanMemo {
    pub format: u32,
    /// What the decisions were made from; see `service::memo_key`.
    pub key: String,
    /// The part of `key` that isn't the folders (program, config, day): under the same base,
    /// threads whose own key is unchanged keep their decisions.
    pub base: String,
    pub identity: Identity,
    pub messages_read: usize,
    pub warnings: Vec<String>,
    pub threads: Vec<MemoThread>,
}

/// [`MemoThread`] borrowed from the scan that decided it: written as the same JSON, so a
/// large mailbox's decisions are not copied to be saved.
#[derive(Debug, Serialize)]
pub struct MemoThreadRef<'a> {
    pub id: &'a str,
    pub key: &'a str,
    pub hkey: &'a str,
    pub subject: &'a str,
    pub messages: usize,
    pub decision: &'a Decision,
    pub mails: std::borrow::Cow<'a, [MemoMail]>,
}

/// [`ScanMemo`] borrowed from the scan that made it; [`ScanMemo::load`] reads what it writes.
#[derive(Debug, Serialize)]
pub struct ScanMemoRef<'a> {
    pub format: u32,
    pub key: &'a str,
    pub base: &'a str,
    pub identity: &'a Identity,
    pub messages_read: usize,
    pub warnings: &'a [String],
    pub threads: Vec<MemoThreadRef<'a>>,
}

impl<'a> ScanMemoRef<'a> {
    pub fn new(key: &'a str, base: &'a str, identity: &'a Identity) -> ScanMemoRef<'a> {
        ScanMemoRef {
            format: FORMAT,
            key,
            base,
            identity,
            messages_read: 0,
            warnings: &[],
            threads: Vec::new(),
        }
    }

    /// Write atomically, private to the user, as [`ScanMemo::save`] does.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        super::write_json_atomic(path, self)
    }
}

impl ScanMemo {
    pub fn new(key: String, base: String, identity: Identity) -> ScanMemo {
        ScanMemo {
            format: FORMAT,
            key,
            base,
            identity,
            messages_read: 0,
            warnings: Vec::new(),
            threads: Vec::new(),
        }
    }

    /// The memo at `path` when it was made under `base`; anything else (no file, damage,
    /// another format or base) is `None`.
    pub fn load(path: &Path, base: &str) -> Option<ScanMemo> {
        let data = std::fs::read(path).ok()?;
        // Compare before parsing the whole file: another config or day costs no parse.
        let head = String::from_utf8_lossy(&data[..data.len().min(512)]).into_owned();
        if !head.contains(&format!("\"base\":\"{base}\"")) {
            return None;
        }
        match serde_json::from_slice::<ScanMemo>(&data) {
            Ok(m) if m.format == FORMAT && m.base == base => Some(m),
            Ok(_) => None,
            Err(e) => {
                tracing::debug!(path = %path.display(), error = %e, "decision memo unreadable; scanning in full");
                None
            }
        }
    }

    /// Write atomically, private to the user (it holds subjects and addresses).
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        super::write_json_atomic(path, self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hasher_separates_fields_and_is_stable() {
        let h = |parts: &[&str]| {
            let mut h = Hasher::default();
            for p in parts {
                h.add(p.as_bytes());
            }
            h.hex()
        };
        assert_ne!(h(&["ab", "c"]), h(&["a", "bc"]));
        assert_eq!(h(&["x"]), h(&["x"]));
        assert_eq!(h(&["x"]).len(), 32);
    }

    #[test]
    fn memo_round_trips_and_rejects_another_base_or_damage() {
        let dir = std::env::temp_dir().join(format!("memo-test-{}", std::process::id()));
        let path = dir.join("a.memo");
        let mut m = ScanMemo::new(
            "k1".into(),
            "b1".into(),
            Identity::new(&["rep@x.example".into()], &[]),
        );
        m.messages_read = 7;
        m.save(&path).unwrap();
        assert_eq!(ScanMemo::load(&path, "b1").unwrap().messages_read, 7);
        assert!(ScanMemo::load(&path, "b2").is_none());
        let mut data = std::fs::read(&path).unwrap();
        data.truncate(data.len() - 3);
        std::fs::write(&path, data).unwrap();
        assert!(ScanMemo::load(&path, "b1").is_none());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_borrowed_memo_reads_back_as_the_owned_one() {
        let dir = std::env::temp_dir().join(format!("memo-ref-test-{}", std::process::id()));
        let path = dir.join("a.memo");
        let id = Identity::new(&["rep@x.example".into()], &[]);
        let decision = Decision::new(crate::policy::Status::Replied);
        let warnings = vec!["w".to_string()];
        let mut m = ScanMemoRef::new("k1", "b1", &id);
        m.messages_read = 3;
        m.warnings = &warnings;
        m.threads.push(MemoThreadRef {
            id: "t1@x",
            key: "k",
            hkey: "h",
            subject: "Pricing",
            messages: 2,
            decision: &decision,
            mails: std::borrow::Cow::Owned(vec![MemoMail {
                at: Location {
                    folder: "Sent".into(),
                    key: "1".into(),
                },
                message_id: "m1@x".into(),
                text_cap: Some(4096),
            }]),
        });
        m.save(&path).unwrap();
        let back = ScanMemo::load(&path, "b1").expect("the owned memo reads the borrowed one");
        assert_eq!(back.messages_read, 3);
        assert_eq!(back.warnings, warnings);
        assert_eq!(back.threads.len(), 1);
        assert_eq!(back.threads[0].subject, "Pricing");
        assert_eq!(back.threads[0].mails[0].message_id, "m1@x");
        assert_eq!(back.threads[0].mails[0].text_cap, Some(4096));
        let _ = std::fs::remove_dir_all(dir);
    }
}
