//! Maildir++ as Dovecot lays it out: INBOX is the root (`cur/`, `new/`), other folders are
//! `.Sent/`, `.Drafts/`, `.Archive.2024/`. Dovecot's `dovecot-keywords` file maps the
//! lower-case flag letters of a file name to the rep's tags.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use chrono::{DateTime, Utc};

#[cfg(test)]
use super::TEXT_CAP;
use super::{DraftsSeen, Folders, Loaded, MailStore, MailboxError};
use crate::config::FoldersConfig;
use crate::message::{parse, Location, Mail};

#[derive(Debug, thiserror::Error)]
pub enum MaildirError {
    #[error("{path} is not a Maildir (no cur/ or new/ inside, nor in an INBOX/ folder). Set maildir.path to the folder that holds cur/, new/ and tmp/ (or INBOX/)")]
    NotMaildir { path: String },
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot write the draft into {path}: {source}. Check free space and permissions")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

/// A local Maildir++ tree.
pub struct Maildir {
    root: PathBuf,
    /// INBOX: the root itself (Dovecot), or `INBOX/` under it (mbsync/offlineimap layouts).
    inbox: PathBuf,
    /// Each loaded folder's directory, for reading a message's text later from its
    /// `cur/` or `new/` file (a path per message of a large mailbox held 20 MB at 100k).
    dirs: HashMap<String, PathBuf>,
}

/// Where a message of a folder's directory is: `cur/` once a client has seen it, else `new/`.
fn message_file(dir: &Path, key: &str) -> PathBuf {
    let cur = dir.join("cur").join(key);
    if cur.exists() {
        cur
    } else {
        dir.join("new").join(key)
    }
}

/// A header block longer than this is cut (a 10,000-entry References header is ~500 KiB).
const HEADER_CAP: usize = 4 * 1024 * 1024;

/// The start of a message file: its header block, and with `text` that many bytes of the body
/// at most. A large attachment is never read.
fn read_prefix(path: &Path, text: Option<usize>) -> std::io::Result<Vec<u8>> {
    let mut r = BufReader::with_capacity(16 * 1024, std::fs::File::open(path)?);
    let mut out = Vec::with_capacity(4096);
    loop {
        let start = out.len();
        if r.read_until(b'\n', &mut out)? == 0 || out.len() > HEADER_CAP {
            break;
        }
        if matches!(&out[start..], b"\n" | b"\r\n") {
            break;
        }
    }
    if let Some(cap) = text {
        r.take(cap as u64).read_to_end(&mut out)?;
    }
    Ok(out)
}

/// One message file's header block, parsed, with the rep's tags from its flag letters.
fn read_headers(
    path: &Path,
    folder: &str,
    keywords: &HashMap<char, String>,
) -> Result<(Mail, Vec<String>), String> {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_string();
    let raw = read_prefix(path, None)
        .map_err(|e| format!("{}: unreadable ({e}); skipped", path.display()))?;
    let mtime: Option<DateTime<Utc>> = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .map(DateTime::<Utc>::from);
    let loc = Location {
        folder: folder.to_string(),
        key: name.clone(),
    };
    let (mut mail, warnings) =
        parse(&raw, Some(loc), mtime, true).map_err(|e| format!("{e}; skipped"))?;
    if let Some((_, flags)) = name.rsplit_once(":2,") {
        mail.keywords = flags
            .chars()
            .filter_map(|c| keywords.get(&c).cloned())
            .collect();
    }
    Ok((mail, warnings))
}

static SEQ: AtomicU32 = AtomicU32::new(0);

impl Maildir {
    pub fn open(root: &Path) -> Result<Maildir, MaildirError> {
        let is_maildir = |p: &Path| p.join("cur").is_dir() || p.join("new").is_dir();
        let inbox = if is_maildir(root) {
            root.to_path_buf()
        } else if let Some(i) = ["INBOX", "Inbox", "inbox"]
            .iter()
            .map(|n| root.join(n))
            .find(|p| is_maildir(p))
        {
            i
        } else {
            return Err(MaildirError::NotMaildir {
                path: root.display().to_string(),
            });
        };
        Ok(Maildir {
            root: root.to_path_buf(),
            inbox,
            dirs: HashMap::new(),
        })
    }

    /// The directory of a folder name (`INBOX`, `Sent`, `Archive/2024`): Maildir++ (`.Sent`)
    /// as Dovecot lays it out, or the plain "fs" layout (`Sent/`) some tools write.
    pub fn folder_path(&self, folder: &str) -> PathBuf {
        if folder.eq_ignore_ascii_case("inbox") {
            return self.inbox.clone();
        }
        let plusplus = self.root.join(format!(".{}", folder.replace('/', ".")));
        let fs = self.root.join(folder);
        if !plusplus.is_dir() && (fs.join("cur").is_dir() || fs.join("new").is_dir()) {
            fs
        } else {
            plusplus
        }
    }

    fn exists(&self, folder: &str) -> bool {
        let p = self.folder_path(folder);
        p.join("cur").is_dir() || p.join("new").is_dir()
    }

    fn keywords(dir: &Path) -> HashMap<char, String> {
        let mut map = HashMap::new();
        if let Ok(text) = std::fs::read_to_string(dir.join("dovecot-keywords")) {
            for line in text.lines() {
                if let Some((n, name)) = line.split_once(' ') {
                    if let Ok(n) = n.parse::<u8>() {
                        if n < 26 {
                            map.insert((b'a' + n) as char, name.trim().to_string());
                        }
                    }
                }
            }
        }
        map
    }

    /// Everything listed in a folder's `cur/` and `new/` (a missing one is empty), sorted, each
    /// with whether it is a file (from the directory listing itself where the file system
    /// says, so a folder of 100,000 messages needs no `stat` per file).
    fn entries(dir: &Path) -> Result<Vec<(PathBuf, bool)>, MaildirError> {
        let mut out = Vec::new();
        for sub in ["cur", "new"] {
            let d = dir.join(sub);
            let rd = match std::fs::read_dir(&d) {
                Ok(rd) => rd,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(source) => {
                    return Err(MaildirError::Read {
                        path: d.display().to_string(),
                        source,
                    })
                }
            };
            out.extend(rd.flatten().map(|e| {
                let path = e.path();
                let is_file = match e.file_type() {
                    Ok(t) if t.is_symlink() => path.is_file(),
                    Ok(t) => t.is_file(),
                    Err(_) => path.is_file(),
                };
                (path, is_file)
            }));
        }
        // Byte order of the whole path is the path order here (one parent, names without '/'),
        // and much cheaper than comparing component by component.
        out.sort_unstable_by(|a, b| a.0.as_os_str().cmp(b.0.as_os_str()));
        Ok(out)
    }

    /// The message files of a folder, sorted (hidden files and directories left out).
    fn files(dir: &Path) -> Result<Vec<PathBuf>, MaildirError> {
        Ok(Self::entries(dir)?
            .into_iter()
            .filter(|(p, is_file)| {
                *is_file
                    && !p
                        .file_name()
                        .and_then(|n| n.to_str())
                        .unwrap_or(".")
                        .starts_with('.')
            })
            .map(|(p, _)| p)
            .collect())
    }

    /// Write a draft: into `tmp/`, synced, then linked into `cur/` with the Draft and Seen flags.
    pub fn write_draft(&self, folder: &str, raw: &[u8]) -> Result<PathBuf, MaildirError> {
        let dir = self.folder_path(folder);
        let werr = |source: std::io::Error| MaildirError::Write {
            path: dir.display().to_string(),
            source,
        };
        for sub in ["cur", "new", "tmp"] {
            std::fs::create_dir_all(dir.join(sub)).map_err(werr)?;
        }
        if dir != self.inbox && dir.starts_with(&self.inbox) && !dir.join("maildirfolder").exists()
        {
            std::fs::write(dir.join("maildirfolder"), b"").map_err(werr)?;
        }
        // Maildir files hold LF line ends, as Dovecot writes them.
        let data = String::from_utf8_lossy(raw)
            .replace("\r\n", "\n")
            .into_bytes();
        let now = Utc::now();
        let host = std::fs::read_to_string("/etc/hostname").unwrap_or_else(|_| "localhost".into());
        let host = host.trim().replace(['/', ':'], "_");
        let base = format!(
            "{}.M{}P{}Q{}.{}",
            now.timestamp(),
            now.timestamp_subsec_micros(),
            std::process::id(),
            SEQ.fetch_add(1, Ordering::Relaxed),
            if host.is_empty() { "localhost" } else { &host }
        );
        let tmp = dir.join("tmp").join(&base);
        let dest = dir
            .join("cur")
            .join(format!("{base},S={}:2,DS", data.len()));
        let written = (|| {
            let mut f = crate::state::create_private(&tmp)?;
            f.write_all(&data)?;
            f.sync_all()?;
            std::fs::rename(&tmp, &dest)
        })();
        if let Err(e) = written {
            // Nothing half-written stays behind in tmp/ (a full disk, a quota).
            let _ = std::fs::remove_file(&tmp);
            return Err(werr(e));
        }
        if let Ok(d) = std::fs::File::open(dir.join("cur")) {
            let _ = d.sync_all();
        }
        Ok(dest)
    }
}

impl MailStore for Maildir {
    async fn folders(&mut self, configured: &FoldersConfig) -> Result<Folders, MailboxError> {
        let pick = |wanted: &Option<String>, candidates: &[&str]| -> String {
            if let Some(w) = wanted {
                return w.clone();
            }
            candidates
                .iter()
                .find(|c| self.exists(c))
                .unwrap_or(&candidates[0])
                .to_string()
        };
        let sent = pick(
            &configured.sent,
            &["Sent", "Sent Items", "Sent Messages", "Sent Mail"],
        );
        let drafts = pick(&configured.drafts, &["Drafts", "Draft"]);
        let replies = configured.replies.clone().unwrap_or_else(|| {
            let mut r = vec!["INBOX".to_string()];
            for extra in ["Archive", "All Mail"] {
                if self.exists(extra) {
                    r.push(extra.to_string());
                }
            }
            r
        });
        Ok(Folders {
            sent,
            drafts,
            replies,
        })
    }

    async fn load(&mut self, folder: &str) -> Result<Loaded, MailboxError> {
        let dir = self.folder_path(folder);
        if !self.exists(folder) {
            return Ok(Loaded {
                mails: Vec::new(),
                warnings: vec![format!(
                    "folder {folder} ({}) does not exist; nothing read from it",
                    dir.display()
                )],
            });
        }
        let keywords = Self::keywords(&dir);
        let mut loaded = Loaded::default();
        self.dirs.insert(folder.to_string(), dir.clone());
        // Reading and parsing header blocks is independent per file: done on every core.
        let files = Self::files(&dir)?;
        let read = crate::par::map(&files, |path| read_headers(path, folder, &keywords));
        for r in read {
            match r {
                Ok((mail, warnings)) => {
                    loaded.warnings.extend(warnings);
                    loaded.mails.push(mail);
                }
                Err(w) => loaded.warnings.push(w),
            }
        }
        Ok(loaded)
    }

    async fn token(&mut self, folder: &str) -> Result<Option<String>, MailboxError> {
        // File names are unique and carry the flags (`:2,S`), so the sorted listing changes
        // whenever a message arrives, goes, or is tagged; the tag letters' meanings too.
        // The listing alone, without a stat per file: a stray entry only costs a full scan.
        let dir = self.folder_path(folder);
        let names = Self::entries(&dir)?;
        let mut h = crate::state::memo::Hasher::default();
        for (n, _) in &names {
            h.add(n.as_os_str().as_encoded_bytes());
        }
        h.add(&std::fs::read(dir.join("dovecot-keywords")).unwrap_or_default());
        Ok(Some(format!("{}:{}", names.len(), h.hex())))
    }

    async fn load_at(&mut self, at: &[Location]) -> Result<Vec<Option<Mail>>, MailboxError> {
        let mut keywords: HashMap<String, HashMap<char, String>> = HashMap::new();
        let jobs: Vec<(PathBuf, &Location)> = at
            .iter()
            .map(|loc| {
                let dir = self.folder_path(&loc.folder);
                keywords
                    .entry(loc.folder.clone())
                    .or_insert_with(|| Self::keywords(&dir));
                (message_file(&dir, &loc.key), loc)
            })
            .collect();
        let read = crate::par::map(&jobs, |(path, loc)| {
            read_headers(path, &loc.folder, &keywords[&loc.folder])
                .ok()
                .map(|(m, _)| m)
        });
        for ((_, loc), m) in jobs.iter().zip(&read) {
            if m.is_some() && !self.dirs.contains_key(&loc.folder) {
                self.dirs
                    .insert(loc.folder.clone(), self.folder_path(&loc.folder));
            }
        }
        Ok(read)
    }

    async fn fetch_bodies(
        &mut self,
        mails: &mut [Mail],
        which: &[usize],
        cap: usize,
    ) -> Result<(), MailboxError> {
        let jobs: Vec<(usize, &PathBuf)> = which
            .iter()
            // A text already read (a report's, with the larger cap) is kept, as over IMAP.
            .filter(|&&i| mails[i].body.is_none())
            .filter_map(|&i| Some((i, self.dirs.get(&mails[i].location.as_ref()?.folder)?)))
            .collect();
        let texts = crate::par::map(&jobs, |&(i, dir)| {
            // A file renamed or removed since `load` (a mail client at work) keeps its headers.
            let path = message_file(dir, &mails[i].location.as_ref()?.key);
            let raw = read_prefix(&path, Some(cap)).ok()?;
            parse(&raw, mails[i].location.clone(), mails[i].date, false)
                .ok()
                .map(|(full, _)| full)
        });
        for (&(i, _), full) in jobs.iter().zip(texts) {
            if let Some(full) = full {
                mails[i].absorb_text(full);
            }
        }
        Ok(())
    }

    async fn drafts(&mut self, drafts: &str) -> Result<DraftsSeen, MailboxError> {
        let dir = self.folder_path(drafts);
        let mut seen = DraftsSeen::default();
        if !self.exists(drafts) {
            return Ok(seen);
        }
        for path in Self::files(&dir)? {
            if let Ok(raw) = read_prefix(&path, None) {
                seen.add(&raw);
            }
        }
        Ok(seen)
    }

    async fn append_draft(&mut self, drafts: &str, raw: &[u8]) -> Result<(), MailboxError> {
        self.write_draft(drafts, raw)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scan_reads_the_header_block_and_a_capped_text_never_a_whole_attachment() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big");
        let mut raw = b"From: a@b.c\nSubject: x\n\nHello\n".to_vec();
        raw.extend(std::iter::repeat_n(b'A', 3 * 1024 * 1024));
        std::fs::write(&path, &raw).unwrap();
        assert_eq!(
            read_prefix(&path, None).unwrap(),
            b"From: a@b.c\nSubject: x\n\n"
        );
        let with_text = read_prefix(&path, Some(TEXT_CAP)).unwrap();
        assert_eq!(with_text.len(), 24 + TEXT_CAP);
        assert!(with_text.ends_with(b"AAAA") && with_text[24..].starts_with(b"Hello\n"));
    }
}
