//! The per-folder header cache behind incremental sync: what was fetched, keyed by
//! UIDVALIDITY, so a rescan asks only for UIDs above the last one seen. A compact binary file,
//! replaced atomically; the texts live in their own append-only file (see `texts`).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 4] = b"FUC3";

/// One cached message: its threading headers, flags and INTERNALDATE.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub internal_date: i64,
    pub flags: Vec<String>,
    pub header: Vec<u8>,
}

/// The cached state of one folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FolderCache {
    pub uid_validity: u32,
    pub uid_next: u32,
    pub highest_modseq: u64,
    pub entries: BTreeMap<u32, Entry>,
}

/// Where a folder's cache lives.
pub fn path_for(dir: &Path, folder: &str) -> PathBuf {
    dir.join(format!("{}.cache", base_for(folder)))
}

/// Where a folder's fetched texts live.
pub fn texts_path_for(dir: &Path, folder: &str) -> PathBuf {
    dir.join(format!("{}.texts", base_for(folder)))
}

/// A file name for a folder: safe characters, and a hash so distinct names never collide.
fn base_for(folder: &str) -> String {
    let safe: String = folder
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!(
        "{safe}.{:08x}",
        crate::message::fnv1a(folder.as_bytes()) as u32
    )
}

fn put_bytes(out: &mut dyn Write, b: &[u8]) -> std::io::Result<()> {
    out.write_all(&(b.len() as u32).to_le_bytes())?;
    out.write_all(b)
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.data.get(self.pos..self.pos + n)?;
        self.pos += n;
        Some(s)
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.u32()? as usize;
        self.take(n)
    }
}

impl FolderCache {
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + self.entries.len() * 600);
        self.encode_into(&mut out)
            .expect("writing into memory cannot fail");
        out
    }

    /// [`FolderCache::encode`] into a writer, so saving a large cache never holds its
    /// encoding in memory whole.
    fn encode_into(&self, out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(MAGIC)?;
        out.write_all(&self.uid_validity.to_le_bytes())?;
        out.write_all(&self.uid_next.to_le_bytes())?;
        out.write_all(&self.highest_modseq.to_le_bytes())?;
        out.write_all(&(self.entries.len() as u32).to_le_bytes())?;
        for (uid, e) in &self.entries {
            out.write_all(&uid.to_le_bytes())?;
            out.write_all(&e.internal_date.to_le_bytes())?;
            put_bytes(out, e.flags.join(" ").as_bytes())?;
            put_bytes(out, &e.header)?;
        }
        Ok(())
    }

    /// Decode; `None` for a damaged or foreign file (the folder is then fetched afresh).
    pub fn decode(data: &[u8]) -> Option<FolderCache> {
        Self::decode_only(data, None)
    }

    /// Decode keeping only the entries of `only` (all with `None`): a reused decision needs a
    /// few messages of a large folder, not a copy of all of them.
    pub fn decode_only(
        data: &[u8],
        only: Option<&std::collections::HashSet<u32>>,
    ) -> Option<FolderCache> {
        let mut r = Reader { data, pos: 0 };
        if r.take(4)? != MAGIC {
            return None;
        }
        let mut c = FolderCache {
            uid_validity: r.u32()?,
            uid_next: r.u32()?,
            highest_modseq: r.u64()?,
            entries: BTreeMap::new(),
        };
        let n = r.u32()?;
        for _ in 0..n {
            let uid = r.u32()?;
            let internal_date = r.u64()? as i64;
            let flags = r.bytes()?;
            let header = r.bytes()?;
            if only.is_some_and(|o| !o.contains(&uid)) {
                continue;
            }
            let flags = std::str::from_utf8(flags)
                .ok()?
                .split_whitespace()
                .map(str::to_string)
                .collect();
            c.entries.insert(
                uid,
                Entry {
                    internal_date,
                    flags,
                    header: header.to_vec(),
                },
            );
        }
        (r.pos == data.len()).then_some(c)
    }

    pub fn load(path: &Path) -> Option<FolderCache> {
        FolderCache::decode(&std::fs::read(path).ok()?)
    }

    /// [`FolderCache::load`] keeping only the entries of `only`.
    pub fn load_only(path: &Path, only: &std::collections::HashSet<u32>) -> Option<FolderCache> {
        FolderCache::decode_only(&std::fs::read(path).ok()?, Some(only))
    }

    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        crate::state::write_atomic_with(path, |w| self.encode_into(w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_round_trips_and_rejects_damage() {
        let mut c = FolderCache {
            uid_validity: 7,
            uid_next: 12,
            highest_modseq: 99,
            entries: BTreeMap::new(),
        };
        c.entries.insert(
            3,
            Entry {
                internal_date: 1_700_000_000,
                flags: vec!["\\Seen".into(), "pricing".into()],
                header: b"Subject: x\r\n\r\n".to_vec(),
            },
        );
        c.entries.insert(
            11,
            Entry {
                internal_date: 1,
                flags: vec![],
                header: b"Subject: y\r\n\r\n".to_vec(),
            },
        );
        let bytes = c.encode();
        // Only the entries asked for, with the folder's counters.
        let only: std::collections::HashSet<u32> = [11].into();
        let part = FolderCache::decode_only(&bytes, Some(&only)).unwrap();
        assert_eq!(part.entries.keys().copied().collect::<Vec<_>>(), [11]);
        assert_eq!(part.entries[&11], c.entries[&11]);
        assert_eq!((part.uid_next, part.highest_modseq), (12, 99));
        assert_eq!(FolderCache::decode(&bytes), Some(c));
        assert_eq!(FolderCache::decode(&bytes[..bytes.len() - 1]), None);
        assert_eq!(FolderCache::decode(b"nope"), None);
    }
}
