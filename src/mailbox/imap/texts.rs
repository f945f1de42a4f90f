//! The message texts fetched for one folder, in an append-only file beside its header cache.
//! A text never changes for a UID (within one UIDVALIDITY), so each is written once as it
//! arrives and read back when a decision needs it: a scan never holds every text it fetched
//! in memory twice (as bytes to cache and as the parsed message), and a rescan loads none.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::fs::{FileExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 4] = b"FUT1";
/// Magic and UIDVALIDITY.
const HEAD: u64 = 8;

/// The texts of one folder: where each UID's text sits in the file.
#[derive(Debug)]
pub struct TextLog {
    path: PathBuf,
    uid_validity: u32,
    index: HashMap<u32, (u64, u32)>,
    /// Where the valid records end (a record cut short by a crash is overwritten).
    end: u64,
    file: Option<File>,
}

impl TextLog {
    /// The log at `path` for this UIDVALIDITY: its records when the file belongs to it, empty
    /// otherwise (a missing, damaged or older file is started afresh at the first append).
    pub fn open(path: &Path, uid_validity: u32) -> TextLog {
        let mut log = TextLog {
            path: path.to_path_buf(),
            uid_validity,
            index: HashMap::new(),
            end: 0,
            file: None,
        };
        let Ok(mut f) = File::open(path) else {
            return log;
        };
        let mut head = [0u8; HEAD as usize];
        if f.read_exact(&mut head).is_err()
            || &head[..4] != MAGIC
            || u32::from_le_bytes(head[4..8].try_into().expect("4 bytes")) != uid_validity
        {
            return log;
        }
        let size = f.metadata().map(|m| m.len()).unwrap_or(0);
        let mut r = std::io::BufReader::with_capacity(64 * 1024, f);
        let mut pos = HEAD;
        let mut rec = [0u8; 8];
        // Record headers only: each text is skipped, not read.
        while pos + 8 <= size && r.read_exact(&mut rec).is_ok() {
            let uid = u32::from_le_bytes(rec[..4].try_into().expect("4 bytes"));
            let len = u32::from_le_bytes(rec[4..].try_into().expect("4 bytes"));
            if pos + 8 + len as u64 > size || r.seek_relative(len as i64).is_err() {
                break;
            }
            log.index.insert(uid, (pos + 8, len));
            pos += 8 + len as u64;
        }
        log.end = pos;
        log
    }

    pub fn uid_validity(&self) -> u32 {
        self.uid_validity
    }

    pub fn has(&self, uid: u32) -> bool {
        self.index.contains_key(&uid)
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    fn writer(&mut self) -> std::io::Result<&mut File> {
        if self.file.is_none() {
            if let Some(dir) = self.path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            // Mail text is the rep's private data: readable by its owner only.
            let mut f = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .mode(0o600)
                .open(&self.path)?;
            if self.end < HEAD {
                // A new file, or one of another UIDVALIDITY: start it again.
                f.set_len(0)?;
                f.write_all(MAGIC)?;
                f.write_all(&self.uid_validity.to_le_bytes())?;
                self.index.clear();
                self.end = HEAD;
            } else {
                f.set_len(self.end)?;
            }
            self.file = Some(f);
        }
        Ok(self.file.as_mut().expect("opened above"))
    }

    /// Add texts (UID, bytes) in one write. A UID already present keeps its first text.
    pub fn append(&mut self, texts: &[(u32, Vec<u8>)]) -> std::io::Result<()> {
        let mut buf = Vec::new();
        let mut added = Vec::new();
        let start = {
            self.writer()?;
            self.end
        };
        for (uid, t) in texts {
            if self.index.contains_key(uid) || added.iter().any(|(u, _)| u == uid) {
                continue;
            }
            let len = t.len().min(u32::MAX as usize) as u32;
            buf.extend_from_slice(&uid.to_le_bytes());
            buf.extend_from_slice(&len.to_le_bytes());
            added.push((*uid, (start + buf.len() as u64, len)));
            buf.extend_from_slice(&t[..len as usize]);
        }
        if buf.is_empty() {
            return Ok(());
        }
        let f = self.writer()?;
        f.seek(SeekFrom::Start(start))?;
        f.write_all(&buf)?;
        self.end = start + buf.len() as u64;
        self.index.extend(added);
        Ok(())
    }

    /// The text of a UID, read from the file.
    pub fn read(&self, uid: u32) -> Option<Vec<u8>> {
        let &(at, len) = self.index.get(&uid)?;
        let mut out = vec![0u8; len as usize];
        match &self.file {
            Some(f) => f.read_exact_at(&mut out, at).ok()?,
            None => File::open(&self.path)
                .ok()?
                .read_exact_at(&mut out, at)
                .ok()?,
        }
        Some(out)
    }

    /// Rewrite the file without the texts of messages gone from the folder, once they are
    /// most of it (expunged mail would otherwise grow it forever).
    pub fn compact(&mut self, live: impl Fn(u32) -> bool) -> std::io::Result<()> {
        let dead = self.index.keys().filter(|&&u| !live(u)).count();
        if dead < 256 || dead * 2 < self.index.len() {
            return Ok(());
        }
        let mut keep: Vec<(u32, Vec<u8>)> = Vec::new();
        let mut uids: Vec<u32> = self.index.keys().copied().filter(|&u| live(u)).collect();
        uids.sort_unstable();
        for u in uids {
            if let Some(t) = self.read(u) {
                keep.push((u, t));
            }
        }
        self.file = None;
        let _ = std::fs::remove_file(&self.path);
        self.index.clear();
        self.end = 0;
        self.append(&keep)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_survive_a_reopen_and_a_torn_last_record_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("INBOX.texts");
        let mut log = TextLog::open(&path, 7);
        assert!(log.is_empty());
        log.append(&[(3, b"hello".to_vec()), (9, b"".to_vec())])
            .unwrap();
        log.append(&[(3, b"other".to_vec()), (12, b"world".to_vec())])
            .unwrap();
        assert_eq!(log.read(3).as_deref(), Some(&b"hello"[..]));
        drop(log);

        let log = TextLog::open(&path, 7);
        assert_eq!(log.len(), 3);
        assert_eq!(log.read(12).as_deref(), Some(&b"world"[..]));
        assert_eq!(log.read(9).as_deref(), Some(&b""[..]));
        assert_eq!(log.read(4), None);

        // A crash mid-write leaves a record cut short: it is left out, and overwritten.
        let full = std::fs::metadata(&path).unwrap().len();
        let f = OpenOptions::new().write(true).open(&path).unwrap();
        f.set_len(full - 2).unwrap();
        let mut log = TextLog::open(&path, 7);
        assert_eq!((log.len(), log.has(12)), (2, false));
        log.append(&[(12, b"again".to_vec())]).unwrap();
        assert_eq!(
            TextLog::open(&path, 7).read(12).as_deref(),
            Some(&b"again"[..])
        );

        // Another UIDVALIDITY: the old texts belong to other messages.
        let mut log = TextLog::open(&path, 8);
        assert!(log.is_empty());
        log.append(&[(1, b"new".to_vec())]).unwrap();
        let log = TextLog::open(&path, 8);
        assert_eq!((log.len(), log.read(1).as_deref()), (1, Some(&b"new"[..])));
    }

    #[test]
    fn compaction_drops_texts_of_expunged_messages_once_they_are_most_of_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Sent.texts");
        let mut log = TextLog::open(&path, 1);
        let texts: Vec<(u32, Vec<u8>)> = (0..1000).map(|u| (u, vec![b'x'; 100])).collect();
        log.append(&texts).unwrap();
        let before = std::fs::metadata(&path).unwrap().len();
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "texts readable by others: {mode:o}");
        log.compact(|u| u >= 400).unwrap();
        assert_eq!(log.len(), 1000, "40% gone: not worth a rewrite yet");
        log.compact(|u| u >= 900).unwrap();
        assert_eq!(log.len(), 100);
        assert!(std::fs::metadata(&path).unwrap().len() < before / 5);
        let log = TextLog::open(&path, 1);
        assert_eq!((log.len(), log.has(899), log.has(900)), (100, false, true));
    }
}
