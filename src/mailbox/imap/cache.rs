//! The per-folder header cache behind incremental sync: what was fetched, keyed by
//! UIDVALIDITY, so a rescan asks only for UIDs above the last one seen. A compact binary file,
//! replaced atomically; the texts live in their own append-only file (see `texts`).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 4] = b"FUC3";

/// One cached message: its threading headers, flags and INTERNALDATE.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub internal_date: i64,
    pub flags: Vec<String>,
    pub header: Header,
}

/// A cached header block: in memory, or (once parsed and saved) only in the cache file, read
/// back for the few messages whose text is parsed with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Header {
    Held(Vec<u8>),
    Saved { at: u64, len: u32 },
}

impl Header {
    /// The bytes, from memory or from `file` (the cache file this entry was saved in).
    pub fn bytes<'a>(&'a self, file: Option<&std::fs::File>) -> Option<Cow<'a, [u8]>> {
        match self {
            Header::Held(h) => Some(Cow::Borrowed(h)),
            Header::Saved { at, len } => {
                let mut out = vec![0u8; *len as usize];
                std::os::unix::fs::FileExt::read_exact_at(file?, &mut out, *at).ok()?;
                Some(Cow::Owned(out))
            }
        }
    }
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
    /// Returns where each entry's header block starts in the output, in entry order.
    fn encode_into(&self, out: &mut dyn Write) -> std::io::Result<Vec<u64>> {
        out.write_all(MAGIC)?;
        out.write_all(&self.uid_validity.to_le_bytes())?;
        out.write_all(&self.uid_next.to_le_bytes())?;
        out.write_all(&self.highest_modseq.to_le_bytes())?;
        out.write_all(&(self.entries.len() as u32).to_le_bytes())?;
        let mut pos = 24u64;
        let mut offsets = Vec::with_capacity(self.entries.len());
        for (uid, e) in &self.entries {
            let Header::Held(header) = &e.header else {
                // Only a cache read whole is saved; a released one is on disk already.
                return Err(std::io::Error::other("header cache entry not in memory"));
            };
            let flags = e.flags.join(" ");
            out.write_all(&uid.to_le_bytes())?;
            out.write_all(&e.internal_date.to_le_bytes())?;
            put_bytes(out, flags.as_bytes())?;
            put_bytes(out, header)?;
            pos += 4 + 8 + 4 + flags.len() as u64 + 4;
            offsets.push(pos);
            pos += header.len() as u64;
        }
        Ok(offsets)
    }

    /// Drop the header blocks from memory once they are in the cache file at `offsets` (as
    /// [`FolderCache::save`] or [`FolderCache::load_with_offsets`] gave them).
    pub fn release(&mut self, offsets: &[u64]) {
        if offsets.len() != self.entries.len() {
            return;
        }
        for (e, &at) in self.entries.values_mut().zip(offsets) {
            if let Header::Held(h) = &e.header {
                e.header = Header::Saved {
                    at,
                    len: h.len() as u32,
                };
            }
        }
    }

    /// Decode; `None` for a damaged or foreign file (the folder is then fetched afresh).
    pub fn decode(data: &[u8]) -> Option<FolderCache> {
        Self::decode_only(data, None)
    }

    pub fn decode_only(
        data: &[u8],
        only: Option<&std::collections::HashSet<u32>>,
    ) -> Option<FolderCache> {
        Self::decode_inner(data, only).map(|(c, _)| c)
    }

    /// Decode keeping only the entries of `only` (all with `None`): a reused decision needs a
    /// few messages of a large folder, not a copy of all of them. Also where each kept
    /// entry's header starts in `data`.
    fn decode_inner(
        data: &[u8],
        only: Option<&std::collections::HashSet<u32>>,
    ) -> Option<(FolderCache, Vec<u64>)> {
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
        let mut offsets = Vec::new();
        for _ in 0..n {
            let uid = r.u32()?;
            let internal_date = r.u64()? as i64;
            let flags = r.bytes()?;
            let header = r.bytes()?;
            let at = (r.pos - header.len()) as u64;
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
                    header: Header::Held(header.to_vec()),
                },
            );
            offsets.push(at);
        }
        (r.pos == data.len()).then_some((c, offsets))
    }

    /// A folder's cache read from its file (`None` when missing or damaged), with where each
    /// header starts and the file, open, to read
    /// them back from once they are released.
    pub fn load_with_offsets(path: &Path) -> Option<(FolderCache, Vec<u64>, std::fs::File)> {
        let mut f = std::fs::File::open(path).ok()?;
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut data).ok()?;
        let (c, offsets) = Self::decode_inner(&data, None)?;
        Some((c, offsets, f))
    }

    /// A folder's cache read from its file, keeping only the entries of `only`.
    pub fn load_only(path: &Path, only: &std::collections::HashSet<u32>) -> Option<FolderCache> {
        FolderCache::decode_only(&std::fs::read(path).ok()?, Some(only))
    }

    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        self.save_with_offsets(path).map(|_| ())
    }

    /// [`FolderCache::save`], returning where each entry's header starts in the file.
    pub fn save_with_offsets(&self, path: &Path) -> std::io::Result<Vec<u64>> {
        let mut offsets = Vec::new();
        crate::state::write_atomic_with(path, |w| {
            offsets = self.encode_into(w)?;
            Ok(())
        })?;
        Ok(offsets)
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
                header: Header::Held(b"Subject: x\r\n\r\n".to_vec()),
            },
        );
        c.entries.insert(
            11,
            Entry {
                internal_date: 1,
                flags: vec![],
                header: Header::Held(b"Subject: y\r\n\r\n".to_vec()),
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

    #[test]
    fn released_headers_are_read_back_from_the_file_they_were_saved_in() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Sent.cache");
        let mut c = FolderCache {
            uid_validity: 1,
            uid_next: 40,
            ..FolderCache::default()
        };
        for uid in [2u32, 17, 39] {
            c.entries.insert(
                uid,
                Entry {
                    internal_date: uid as i64,
                    flags: vec!["\\Seen".into(); uid as usize % 3],
                    header: Header::Held(format!("Message-ID: <{uid}@x>\r\n\r\n").into_bytes()),
                },
            );
        }
        let held = c.clone();
        let offsets = c.save_with_offsets(&path).unwrap();
        let file = std::fs::File::open(&path).unwrap();
        c.release(&offsets);
        assert!(c
            .entries
            .values()
            .all(|e| matches!(e.header, Header::Saved { .. })));
        for (uid, e) in &c.entries {
            assert_eq!(
                e.header.bytes(Some(&file)),
                held.entries[uid].header.bytes(None)
            );
        }
        // A released cache is never written over the file its headers live in.
        assert!(c.save(&path).is_err());
        // Offsets read with a cache loaded from the file are the same.
        let (mut again, offsets2, f2) = FolderCache::load_with_offsets(&path).unwrap();
        assert_eq!((&again, &offsets2), (&held, &offsets));
        again.release(&offsets2);
        assert_eq!(
            again.entries[&17].header.bytes(Some(&f2)),
            held.entries[&17].header.bytes(None)
        );
    }
}
