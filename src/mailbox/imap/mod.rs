//! IMAP backend (async-imap over tokio, TLS by rustls). Read-only by construction: folders are
//! opened with EXAMINE, messages fetched with BODY.PEEK, and the only write is APPEND to Drafts.
//! Incremental: headers are cached per folder by UIDVALIDITY; a rescan fetches only new UIDs,
//! flag changes since the last HIGHESTMODSEQ (CONDSTORE), and detects expunges by count.

pub mod cache;
pub mod connect;
pub mod texts;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use async_imap::types::{Flag, NameAttribute};
use chrono::{DateTime, TimeZone, Utc};
use futures_util::TryStreamExt;

pub use connect::{connect, Endpoint, ImapSession, SecretSource, TlsMode};

use super::{followup_key_of, DraftsSeen, Folders, Loaded, MailStore, MailboxError};
use crate::config::FoldersConfig;
use crate::message::{parse, Location, Mail};
use cache::{Entry, FolderCache, Header};
use texts::TextLog;

#[derive(Debug, thiserror::Error)]
pub enum ImapError {
    #[error("cannot connect to IMAP server {place}: {message}. Check accounts.imap.host and port, and that the server is reachable")]
    Connect { place: String, message: String },
    #[error("TLS: {0}")]
    Tls(String),
    #[error("login as {user} at {place} failed: {message}. Check the user name and the password/token source")]
    Login {
        user: String,
        place: String,
        message: String,
    },
    #[error("credentials: {0}")]
    Secret(String),
    #[error("IMAP {command} failed: {message}")]
    Protocol { command: String, message: String },
    #[error("folder `{folder}`: {message}")]
    Folder { folder: String, message: String },
}

impl ImapError {
    pub fn protocol(command: &str, e: impl std::fmt::Display) -> ImapError {
        ImapError::Protocol {
            command: command.to_string(),
            message: concise(&e),
        }
    }
}

/// An IMAP library error as one readable line. A response the parser can't read is reported
/// with the start of the offending line, not the whole buffer as a list of bytes (that can be
/// megabytes of mail).
pub fn concise(e: &impl std::fmt::Display) -> String {
    let text = e.to_string();
    if let Some((_, rest)) = text.split_once("during parsing of \"") {
        let near: String = rest
            .chars()
            .take(100)
            .collect::<String>()
            .replace("\\r\\n", " ");
        return format!(
            "the server sent a response the IMAP parser cannot read (near \"{near}…\"); the session was dropped, the next scan starts a fresh one"
        );
    }
    if text.chars().count() > 300 {
        format!("{}…", text.chars().take(300).collect::<String>())
    } else {
        text
    }
}

/// Header fields fetched for threading and classification (never the whole message).
pub const HEADER_FIELDS: &str = "MESSAGE-ID IN-REPLY-TO REFERENCES FROM SENDER REPLY-TO TO CC BCC DATE SUBJECT \
    AUTO-SUBMITTED X-AUTOREPLY X-AUTOREPLY-FROM X-AUTORESPOND X-AUTORESPONDER PRECEDENCE X-AUTO-RESPONSE-SUPPRESS \
    LIST-UNSUBSCRIBE LIST-ID RETURN-PATH CONTENT-TYPE CONTENT-TRANSFER-ENCODING MIME-VERSION THREAD-INDEX THREAD-TOPIC \
    X-FOLLOWUP-KEY X-MS-EXCHANGE-GENERATED-MESSAGE-SOURCE X-MS-EXCHANGE-INBOX-RULES-LOOP X-FAILED-RECIPIENTS";

/// A text to parse: UID, cache entry, its header block and its text.
type TextJob<'a> = (u32, &'a Entry, Option<Cow<'a, [u8]>>, Option<Vec<u8>>);

/// UIDs per FETCH on a first sync of a large folder.
pub const SYNC_CHUNK: u32 = 5000;

pub use super::{REPORT_CAP, TEXT_CAP};

/// Counters of what one sync did, for logs and the benchmark.
#[derive(Debug, Default, Clone, Copy)]
pub struct SyncStats {
    pub headers_fetched: usize,
    pub flags_fetched: usize,
    pub texts_fetched: usize,
    pub full_resyncs: usize,
}

/// An IMAP account as a [`MailStore`].
pub struct ImapStore {
    session: ImapSession,
    condstore: bool,
    cache_dir: PathBuf,
    caches: BTreeMap<String, FolderCache>,
    /// Each folder's fetched texts, on disk (see `texts`).
    texts: BTreeMap<String, TextLog>,
    /// Each folder's cache file as its cache in memory matches it: open, with where each
    /// entry's header starts, so the headers leave memory once parsed (see `load`).
    disk: HashMap<String, (std::fs::File, Vec<u64>)>,
    dirty: HashSet<String>,
    /// Folders whose cache holds only some entries (read for reused decisions): never saved,
    /// and read afresh before a sync.
    partial: HashSet<String>,
    /// The header cache being written beside the rest of the scan (see `done_reading`);
    /// joined before a cache file is read again and when the store goes.
    saving: Option<std::thread::JoinHandle<()>>,
    pub stats: SyncStats,
}

impl Drop for ImapStore {
    fn drop(&mut self) {
        self.wait_saved();
    }
}

fn flag_text(f: &Flag) -> String {
    match f {
        Flag::Seen => "\\Seen".into(),
        Flag::Answered => "\\Answered".into(),
        Flag::Flagged => "\\Flagged".into(),
        Flag::Deleted => "\\Deleted".into(),
        Flag::Draft => "\\Draft".into(),
        Flag::Recent => "\\Recent".into(),
        Flag::MayCreate => "\\*".into(),
        Flag::Custom(c) => c.to_string(),
    }
}

/// Compress UIDs into an IMAP sequence set ("1:5,9,12:13").
pub fn uid_set(uids: &[u32]) -> String {
    let mut sorted = uids.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut parts = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let start = sorted[i];
        let mut end = start;
        while i + 1 < sorted.len() && sorted[i + 1] == end + 1 {
            i += 1;
            end = sorted[i];
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}:{end}")
        });
        i += 1;
    }
    parts.join(",")
}

impl ImapStore {
    /// Log in and prepare the cache directory.
    pub async fn open(ep: &Endpoint, cache_dir: PathBuf) -> Result<ImapStore, ImapError> {
        let (session, condstore) = connect(ep).await?;
        Ok(ImapStore {
            session,
            condstore,
            cache_dir,
            caches: BTreeMap::new(),
            texts: BTreeMap::new(),
            disk: HashMap::new(),
            dirty: HashSet::new(),
            partial: HashSet::new(),
            saving: None,
            stats: SyncStats::default(),
        })
    }

    /// Save the caches (once per scan: every fetched header and text) and log out.
    pub async fn logout(mut self) {
        self.save_caches();
        let st = self.stats;
        tracing::debug!(
            headers_fetched = st.headers_fetched,
            flags_fetched = st.flags_fetched,
            texts_fetched = st.texts_fetched,
            full_resyncs = st.full_resyncs,
            "IMAP scan done"
        );
        let _ = self.session.logout().await;
    }

    /// Wait for the cache writer `done_reading` started, if any.
    fn wait_saved(&mut self) {
        if let Some(h) = self.saving.take() {
            let _ = h.join();
        }
    }

    fn save_caches(&mut self) {
        self.wait_saved();
        for folder in std::mem::take(&mut self.dirty) {
            if self.partial.contains(&folder) {
                continue;
            }
            if let Some(c) = self.caches.get(&folder) {
                if let Err(e) = std::fs::create_dir_all(&self.cache_dir)
                    .and_then(|_| c.save(&cache::path_for(&self.cache_dir, &folder)))
                {
                    tracing::warn!(folder = %folder, error = %e, "cannot save the header cache; the next scan refetches this folder");
                }
            }
        }
    }

    /// Run one UID FETCH and collect every response (drained before the next command).
    async fn fetch_all(
        &mut self,
        folder: &str,
        set: &str,
        query: &str,
    ) -> Result<Vec<async_imap::types::Fetch>, ImapError> {
        let ferr = |e: async_imap::error::Error| ImapError::Folder {
            folder: folder.to_string(),
            message: concise(&e),
        };
        self.session
            .uid_fetch(set, query)
            .await
            .map_err(ferr)?
            .try_collect()
            .await
            .map_err(ferr)
    }

    fn drain_unsolicited(&mut self) {
        while self.session.unsolicited_responses.try_recv().is_ok() {}
    }

    /// Bring a folder's cache up to date with the server.
    async fn sync(&mut self, folder: &str) -> Result<(), ImapError> {
        let ferr = |e: async_imap::error::Error| ImapError::Folder {
            folder: folder.to_string(),
            message: concise(&e),
        };
        let mbox = self.session.examine(folder).await.map_err(ferr)?;
        let validity = mbox.uid_validity.unwrap_or(0);
        let uid_next = mbox.uid_next.unwrap_or(0);
        let modseq = mbox.highest_modseq.unwrap_or(0);
        self.wait_saved();
        if self.partial.remove(folder) {
            self.caches.remove(folder);
            self.dirty.remove(folder);
        }
        let mut c = match self.caches.remove(folder) {
            Some(c) => c,
            None => match FolderCache::load_with_offsets(&cache::path_for(&self.cache_dir, folder))
            {
                Some((c, offsets, file)) => {
                    self.disk.insert(folder.to_string(), (file, offsets));
                    c
                }
                None => FolderCache::default(),
            },
        };
        let mut changed = false;
        if c.uid_validity != validity {
            if c.uid_validity != 0 {
                tracing::info!(folder, "UIDVALIDITY changed: refetching the folder");
                self.stats.full_resyncs += 1;
            }
            c = FolderCache {
                uid_validity: validity,
                ..FolderCache::default()
            };
            changed = true;
        }
        let unchanged = c.uid_next == uid_next
            && c.entries.len() as u32 == mbox.exists
            && self.condstore
            && modseq != 0
            && c.highest_modseq == modseq;
        let fetched_before = self.stats.headers_fetched;
        if !unchanged {
            // Flags of messages fetched just now are fresh; only older entries need a refresh.
            let had_entries = !c.entries.is_empty();
            // New messages, in UID ranges so a first sync of a large folder streams in
            // bounded pieces (with a progress line on a terminal).
            if uid_next == 0 || uid_next > c.uid_next {
                let from = c.uid_next.max(1);
                let query =
                    format!("(UID FLAGS INTERNALDATE BODY.PEEK[HEADER.FIELDS ({HEADER_FIELDS})])");
                let expected = mbox.exists.saturating_sub(c.entries.len() as u32) as usize;
                let ranges: Vec<String> = if uid_next > from && expected > SYNC_CHUNK as usize {
                    (from..uid_next)
                        .step_by(SYNC_CHUNK as usize)
                        .map(|a| format!("{a}:{}", (a + SYNC_CHUNK - 1).min(uid_next - 1)))
                        .collect()
                } else {
                    vec![format!("{from}:*")]
                };
                let progress =
                    ranges.len() > 1 && std::io::IsTerminal::is_terminal(&std::io::stderr());
                let mut done = 0usize;
                for range in ranges {
                    let mut stream = self.session.uid_fetch(range, &query).await.map_err(ferr)?;
                    while let Some(f) = stream.try_next().await.map_err(ferr)? {
                        let Some(uid) = f.uid else { continue };
                        if uid < from {
                            continue; // "n:*" returns the last message when n is past the end
                        }
                        let header = f.header().map(<[u8]>::to_vec).unwrap_or_default();
                        let internal_date = f.internal_date().map(|d| d.timestamp()).unwrap_or(0);
                        c.entries.insert(
                            uid,
                            Entry {
                                internal_date,
                                flags: f.flags().map(|x| flag_text(&x)).collect(),
                                header: Header::Held(header),
                            },
                        );
                        self.stats.headers_fetched += 1;
                        done += 1;
                    }
                    drop(stream);
                    if progress {
                        eprint!("\r{folder}: {done}/{expected} message headers");
                    }
                }
                if progress {
                    eprintln!();
                }
                changed = true;
            }
            // Expunged messages: the count tells cheaply whether any went.
            if c.entries.len() as u32 != mbox.exists {
                let present = self.session.uid_search("ALL").await.map_err(ferr)?;
                c.entries.retain(|uid, _| present.contains(uid));
                changed = true;
            }
            // Flag changes (the rep tagging a sent message): only what changed since the last
            // modseq with CONDSTORE, all flags otherwise.
            if had_entries
                && !c.entries.is_empty()
                && (!self.condstore || c.highest_modseq != modseq || modseq == 0)
            {
                let query = if self.condstore && c.highest_modseq != 0 && modseq != 0 {
                    format!("(UID FLAGS) (CHANGEDSINCE {})", c.highest_modseq)
                } else {
                    "(UID FLAGS)".to_string()
                };
                let fetches = self.fetch_all(folder, "1:*", &query).await?;
                for f in &fetches {
                    if let Some(e) = f.uid.and_then(|uid| c.entries.get_mut(&uid)) {
                        e.flags = f.flags().map(|x| flag_text(&x)).collect();
                        self.stats.flags_fetched += 1;
                    }
                }
                changed = true;
            }
            // A server that doesn't report UIDNEXT: continue after the highest UID seen.
            c.uid_next = if uid_next != 0 {
                uid_next
            } else {
                c.entries.keys().next_back().map_or(c.uid_next, |u| u + 1)
            };
            c.highest_modseq = modseq;
        }
        self.drain_unsolicited();
        tracing::debug!(folder = %folder, headers_fetched = self.stats.headers_fetched - fetched_before, cached = c.entries.len(), unchanged, "folder synced");
        if changed {
            self.dirty.insert(folder.to_string());
            // The file no longer holds what memory does: it is written again after parsing.
            self.disk.remove(folder);
        }
        self.caches.insert(folder.to_string(), c);
        Ok(())
    }

    /// The text log of a folder whose cache is read, for that cache's UIDVALIDITY.
    fn text_log(&mut self, folder: &str) -> Option<&mut TextLog> {
        let validity = self.caches.get(folder)?.uid_validity;
        let log = self.texts.entry(folder.to_string()).or_insert_with(|| {
            TextLog::open(&cache::texts_path_for(&self.cache_dir, folder), validity)
        });
        if log.uid_validity() != validity {
            *log = TextLog::open(&cache::texts_path_for(&self.cache_dir, folder), validity);
        }
        Some(log)
    }

    /// The cache file a released header of this folder is read back from.
    fn file_of(&self, folder: &str) -> Option<&std::fs::File> {
        self.disk.get(folder).map(|(f, _)| f)
    }

    /// Parse a cached entry (its header block given): headers only, or with its text.
    fn mail_from_entry(
        folder: &str,
        uid: u32,
        e: &Entry,
        header: &[u8],
        text: Option<&[u8]>,
        warnings: &mut Vec<String>,
    ) -> Option<Mail> {
        let loc = Location {
            folder: folder.to_string(),
            key: uid.to_string(),
        };
        let fallback: Option<DateTime<Utc>> = Utc.timestamp_opt(e.internal_date, 0).single();
        let (raw, headers_only) = match text {
            Some(t) => {
                let mut raw = header.to_vec();
                if !raw.ends_with(b"\r\n\r\n") && !raw.ends_with(b"\n\n") {
                    raw.extend_from_slice(b"\r\n");
                }
                raw.extend_from_slice(t);
                (raw, false)
            }
            None => (header.to_vec(), true),
        };
        match parse(&raw, Some(loc), fallback, headers_only) {
            Ok((mut m, w)) => {
                warnings.extend(w);
                // Client tags are the keywords (system flags start with a backslash).
                m.keywords = e
                    .flags
                    .iter()
                    .filter(|f| !f.starts_with('\\'))
                    .cloned()
                    .collect();
                Some(m)
            }
            Err(err) => {
                warnings.push(format!("{err}; skipped"));
                None
            }
        }
    }
}

impl MailStore for ImapStore {
    async fn folders(&mut self, configured: &FoldersConfig) -> Result<Folders, MailboxError> {
        let names: Vec<_> = self
            .session
            .list(Some(""), Some("*"))
            .await
            .map_err(|e| ImapError::protocol("LIST", e))?
            .try_collect()
            .await
            .map_err(|e| ImapError::protocol("LIST", e))?;
        let find = |attr: NameAttribute<'static>, fallbacks: &[&str]| -> Option<String> {
            names
                .iter()
                .find(|n| n.attributes().contains(&attr))
                .map(|n| n.name().to_string())
                .or_else(|| {
                    names
                        .iter()
                        .find(|n| fallbacks.iter().any(|f| n.name().eq_ignore_ascii_case(f)))
                        .map(|n| n.name().to_string())
                })
        };
        let sent = configured.sent.clone().or_else(|| {
            find(
                NameAttribute::Sent,
                &["Sent", "Sent Items", "Sent Messages", "[Gmail]/Sent Mail"],
            )
        });
        let drafts = configured
            .drafts
            .clone()
            .or_else(|| find(NameAttribute::Drafts, &["Drafts", "[Gmail]/Drafts"]));
        let (Some(sent), Some(drafts)) = (sent, drafts) else {
            return Err(ImapError::Folder {
                folder: "Sent/Drafts".into(),
                message:
                    "no folder is marked \\Sent or \\Drafts; set accounts.folders.sent and .drafts"
                        .into(),
            }
            .into());
        };
        let replies = configured.replies.clone().unwrap_or_else(|| {
            let mut r = vec!["INBOX".to_string()];
            for extra in [
                find(NameAttribute::All, &[]),
                find(NameAttribute::Archive, &["Archive"]),
            ]
            .into_iter()
            .flatten()
            {
                if !r.contains(&extra) {
                    r.push(extra);
                }
            }
            r
        });
        self.drain_unsolicited();
        Ok(Folders {
            sent,
            drafts,
            replies,
        })
    }

    async fn load(&mut self, folder: &str) -> Result<Loaded, MailboxError> {
        self.sync(folder).await?;
        let mut loaded = Loaded::default();
        let path = cache::path_for(&self.cache_dir, folder);
        let save = self.dirty.contains(folder) && !self.partial.contains(folder);
        let mut saved = None;
        if let Some(c) = self.caches.get(folder) {
            let file = self.file_of(folder);
            let cache_dir = &self.cache_dir;
            let parsed = std::thread::scope(|s| {
                // A changed cache is written while its headers are parsed, so they can leave
                // memory right after (they are read back for the texts parsed with them).
                let saver = save.then(|| {
                    s.spawn(|| {
                        std::fs::create_dir_all(cache_dir).and_then(|_| c.save_with_offsets(&path))
                    })
                });
                // Parsing the cached header blocks is independent per message: on every core.
                let entries: Vec<(&u32, &Entry)> = c.entries.iter().collect();
                let parsed = crate::par::map(&entries, |(uid, e)| {
                    let mut w = Vec::new();
                    let m = e
                        .header
                        .bytes(file)
                        .and_then(|h| Self::mail_from_entry(folder, **uid, e, &h, None, &mut w));
                    (m, w)
                });
                saved = saver.map(|h| h.join());
                parsed
            });
            loaded.mails.reserve(parsed.len());
            for (m, w) in parsed {
                loaded.warnings.extend(w);
                loaded.mails.extend(m);
            }
        }
        match saved {
            Some(Ok(Ok(offsets))) => {
                if let Ok(f) = std::fs::File::open(&path) {
                    self.disk.insert(folder.to_string(), (f, offsets));
                    self.dirty.remove(folder);
                }
            }
            Some(Ok(Err(e))) => {
                tracing::warn!(folder = %folder, error = %e, "cannot save the header cache; the next scan refetches this folder");
            }
            _ => {}
        }
        if let (Some(c), Some((_, offsets))) =
            (self.caches.get_mut(folder), self.disk.get_mut(folder))
        {
            c.release(&std::mem::take(offsets));
            crate::mem::return_free_memory();
        }
        Ok(loaded)
    }

    async fn token(&mut self, folder: &str) -> Result<Option<String>, MailboxError> {
        // With CONDSTORE, UIDVALIDITY + UIDNEXT + EXISTS + HIGHESTMODSEQ change whenever a
        // message arrives, goes or changes flags. Without it a flag change can't be seen cheaply.
        let ferr = |e: async_imap::error::Error| ImapError::Folder {
            folder: folder.to_string(),
            message: concise(&e),
        };
        let mbox = self.session.examine(folder).await.map_err(ferr)?;
        self.drain_unsolicited();
        let modseq = mbox.highest_modseq.unwrap_or(0);
        Ok((self.condstore && modseq != 0).then(|| {
            format!(
                "{}:{}:{}:{modseq}",
                mbox.uid_validity.unwrap_or(0),
                mbox.uid_next.unwrap_or(0),
                mbox.exists
            )
        }))
    }

    async fn load_at(&mut self, at: &[Location]) -> Result<Vec<Option<Mail>>, MailboxError> {
        // Read from the header cache the last scan saved (no server round trip), keeping only
        // the entries asked for.
        self.wait_saved();
        let mut wanted: BTreeMap<&str, HashSet<u32>> = BTreeMap::new();
        for loc in at {
            if let Ok(uid) = loc.key.parse::<u32>() {
                wanted.entry(&loc.folder).or_default().insert(uid);
            }
        }
        for (folder, uids) in wanted {
            if !self.caches.contains_key(folder) {
                let c = FolderCache::load_only(&cache::path_for(&self.cache_dir, folder), &uids)
                    .unwrap_or_default();
                self.caches.insert(folder.to_string(), c);
                self.partial.insert(folder.to_string());
            }
        }
        let mut w = Vec::new();
        Ok(at
            .iter()
            .map(|loc| {
                let uid = loc.key.parse::<u32>().ok()?;
                let e = self.caches.get(&loc.folder)?.entries.get(&uid)?;
                let h = e.header.bytes(self.file_of(&loc.folder))?;
                Self::mail_from_entry(&loc.folder, uid, e, &h, None, &mut w)
            })
            .collect())
    }

    async fn fetch_bodies(
        &mut self,
        mails: &mut [Mail],
        which: &[usize],
        cap: usize,
    ) -> Result<(), MailboxError> {
        // Group the wanted UIDs by folder; fetch only those whose text isn't cached yet.
        let mut by_folder: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for &i in which {
            if let Some(loc) = &mails[i].location {
                if let Ok(uid) = loc.key.parse::<u32>() {
                    by_folder.entry(loc.folder.clone()).or_default().push(uid);
                }
            }
        }
        for (folder, uids) in by_folder {
            if self.text_log(&folder).is_none() {
                continue; // a folder never read: no header to parse a text with
            }
            let missing: Vec<u32> = {
                let c = self.caches.get(&folder);
                let log = self.texts.get(&folder);
                uids.iter()
                    .copied()
                    .filter(|&u| c.is_some_and(|c| c.entries.contains_key(&u)))
                    .filter(|&u| !log.is_some_and(|l| l.has(u)))
                    .collect()
            };
            // Texts the log could not take (a full disk) are kept here for this scan.
            let mut unlogged: HashMap<u32, Vec<u8>> = HashMap::new();
            if !missing.is_empty() {
                let ferr = |e: async_imap::error::Error| ImapError::Folder {
                    folder: folder.clone(),
                    message: concise(&e),
                };
                self.session.examine(&folder).await.map_err(ferr)?;
                for chunk in missing.chunks(500) {
                    let query = format!("(UID BODY.PEEK[TEXT]<0.{cap}>)");
                    let fetches = self.fetch_all(&folder, &uid_set(chunk), &query).await?;
                    let got: Vec<(u32, Vec<u8>)> = fetches
                        .iter()
                        .filter_map(|f| {
                            Some((f.uid?, f.text().map(<[u8]>::to_vec).unwrap_or_default()))
                        })
                        .filter(|(uid, _)| chunk.contains(uid))
                        .collect();
                    self.stats.texts_fetched += got.len();
                    let log = self.texts.get_mut(&folder).expect("opened above");
                    if let Err(e) = log.append(&got) {
                        tracing::warn!(folder = %folder, error = %e, "cannot save fetched texts; the next scan fetches them again");
                        unlogged.extend(got);
                    }
                }
                self.drain_unsolicited();
            }
            let c = self.caches.get(&folder).expect("read above");
            let log = self.texts.get(&folder).expect("opened above");
            let wanted: Vec<(usize, u32, &Entry)> = which
                .iter()
                .filter_map(|&i| {
                    let loc = mails[i].location.as_ref().filter(|l| l.folder == folder)?;
                    let uid = loc.key.parse::<u32>().ok()?;
                    Some((i, uid, c.entries.get(&uid)?))
                })
                .collect();
            // Read back and parsed a slice at a time, so only a slice's raw texts are held.
            for part in wanted.chunks(2048) {
                let file = self.disk.get(&folder).map(|(f, _)| f);
                let jobs: Vec<TextJob> = part
                    .iter()
                    .map(|&(_, uid, e)| {
                        let text = unlogged.remove(&uid).or_else(|| log.read(uid));
                        (uid, e, e.header.bytes(file), text)
                    })
                    .collect();
                // Parsing each text (MIME, HTML to text) is independent per message: on every core.
                let parsed = crate::par::map(&jobs, |(uid, e, h, t)| {
                    let (h, t) = (h.as_deref()?, t.as_deref()?);
                    Self::mail_from_entry(&folder, *uid, e, h, Some(t), &mut Vec::new())
                });
                for ((i, ..), full) in part.iter().zip(parsed) {
                    if let Some(full) = full {
                        mails[*i].absorb_text(full);
                    }
                }
            }
        }
        Ok(())
    }

    fn done_reading(&mut self) {
        // Encoding and writing the cache (over 100 MB at 100,000 messages) runs beside the
        // deciding; the caches it writes are dropped when it is done.
        self.wait_saved();
        // Texts of messages gone from a folder go once they are most of its log.
        for (folder, log) in self.texts.iter_mut() {
            if let Some(c) = self
                .caches
                .get(folder)
                .filter(|_| !self.partial.contains(folder))
            {
                if let Err(e) = log.compact(|u| c.entries.contains_key(&u)) {
                    tracing::warn!(folder = %folder, error = %e, "cannot compact the texts cache");
                }
            }
        }
        let mut caches = std::mem::take(&mut self.caches);
        let to_save: Vec<(PathBuf, FolderCache)> = std::mem::take(&mut self.dirty)
            .into_iter()
            .filter(|f| !self.partial.contains(f))
            .filter_map(|f| {
                let c = caches.remove(&f)?;
                Some((cache::path_for(&self.cache_dir, &f), c))
            })
            .collect();
        self.partial.clear();
        drop(caches);
        if to_save.is_empty() {
            return;
        }
        let dir = self.cache_dir.clone();
        self.saving = Some(std::thread::spawn(move || {
            let t = std::time::Instant::now();
            for (path, c) in to_save {
                if let Err(e) = std::fs::create_dir_all(&dir).and_then(|_| c.save(&path)) {
                    tracing::warn!(path = %path.display(), error = %e, "cannot save the header cache; the next scan refetches this folder");
                }
            }
            tracing::debug!(ms = t.elapsed().as_millis() as u64, "header cache saved");
        }));
    }

    async fn drafts(&mut self, drafts: &str) -> Result<DraftsSeen, MailboxError> {
        let ferr = |e: async_imap::error::Error| ImapError::Folder {
            folder: drafts.to_string(),
            message: concise(&e),
        };
        let mbox = self.session.examine(drafts).await.map_err(ferr)?;
        let mut seen = DraftsSeen::default();
        if mbox.exists > 0 {
            let fetches = self
                .fetch_all(
                    drafts,
                    "1:*",
                    "(UID BODY.PEEK[HEADER.FIELDS (X-FOLLOWUP-KEY MESSAGE-ID IN-REPLY-TO REFERENCES)])",
                )
                .await?;
            for f in &fetches {
                if let Some(h) = f.header() {
                    seen.add(h);
                }
            }
        }
        self.drain_unsolicited();
        Ok(seen)
    }

    async fn append_draft(&mut self, drafts: &str, raw: &[u8]) -> Result<(), MailboxError> {
        // Check again just before writing: a crash between an earlier APPEND and the state
        // write must not produce a second copy. Keys are compared exactly (SEARCH HEADER
        // matches substrings, and "1:<id>" is inside "11:<id>").
        if let Some((key, _)) = followup_key_of(raw) {
            if self.drafts(drafts).await?.keys.contains_key(&key) {
                return Ok(());
            }
        }
        self.session
            .append(drafts, Some("(\\Draft \\Seen)"), None, raw)
            .await
            .map_err(|e| ImapError::Folder {
                folder: drafts.to_string(),
                message: format!(
                    "APPEND failed ({}); check that the Drafts folder exists and is writable",
                    concise(&e)
                ),
            })?;
        self.drain_unsolicited();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uid_sets_compress_runs() {
        assert_eq!(uid_set(&[5, 1, 2, 3, 9, 12, 13]), "1:3,5,9,12:13");
        assert_eq!(uid_set(&[7]), "7");
    }
}
