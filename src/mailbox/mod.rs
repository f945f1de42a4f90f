//! Mailbox backends behind one trait: a local Maildir and an IMAP server. Reading is always
//! read-only; the one write is adding a draft to the Drafts folder.

pub mod imap;
pub mod maildir;

use std::collections::HashMap;

use crate::message::{Location, Mail};

#[derive(Debug, thiserror::Error)]
pub enum MailboxError {
    #[error(transparent)]
    Maildir(#[from] maildir::MaildirError),
    #[error(transparent)]
    Imap(#[from] imap::ImapError),
}

/// The folders a scan reads and writes, resolved for one account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folders {
    pub sent: String,
    pub drafts: String,
    pub replies: Vec<String>,
}

/// The largest prefix of a message's body read for reason rules, auto-replies and bounces:
/// the text comes first in nearly all mail, and attachments are never read whole. The same on
/// IMAP and Maildir, so both backends decide a thread from the same bytes.
pub const TEXT_CAP: usize = 16 * 1024;
/// The prefix read of a message that may be a delivery report: some mail systems put a long
/// HTML notice before the machine-readable part that names the failed recipient.
pub const REPORT_CAP: usize = 256 * 1024;

impl Mail {
    /// Become `full` (the same message parsed with its text), so everything the body tells is
    /// known (the text, report parts, failed recipients, embedded Message-IDs), keeping what
    /// the backend and threading already hold: where it is, its tags and its identity (a
    /// synthesized Message-ID hashes the bytes read, which now include the text).
    pub fn absorb_text(&mut self, mut full: Mail) {
        full.location = self.location.take();
        full.keywords = std::mem::take(&mut self.keywords);
        full.message_id = std::mem::take(&mut self.message_id);
        full.synthetic_id = self.synthetic_id;
        *self = full;
    }
}

/// Messages read from one folder, with the warnings about messages that had to be repaired or
/// skipped.
#[derive(Debug, Default)]
pub struct Loaded {
    pub mails: Vec<Mail>,
    pub warnings: Vec<String>,
}

/// What the Drafts folder holds that a scan needs to know.
#[derive(Debug, Default, Clone)]
pub struct DraftsSeen {
    /// This program's drafts still there: `X-Followup-Key` → Message-ID.
    pub keys: HashMap<String, String>,
    /// Message-IDs that drafts *without* a key (the rep's own) reply to or reference.
    pub rep_drafts_refer_to: std::collections::HashSet<String>,
}

impl DraftsSeen {
    /// Record one draft from its header block.
    pub fn add(&mut self, raw_headers: &[u8]) {
        let Ok((m, _)) = crate::message::parse(raw_headers, None, None, true) else {
            return;
        };
        match m.signals.rare.and_then(|r| r.followup_key) {
            Some(k) => {
                self.keys.insert(k, m.message_id);
            }
            None => self
                .rep_drafts_refer_to
                .extend(m.in_reply_to.into_iter().chain(m.references)),
        }
    }
}

/// The `X-Followup-Key` and Message-ID of a message this program wrote (headers are enough).
pub fn followup_key_of(raw: &[u8]) -> Option<(String, String)> {
    let (m, _) = crate::message::parse(raw, None, None, true).ok()?;
    Some((m.signals.rare?.followup_key?, m.message_id))
}

/// The capabilities a scan needs from a mail store. Implementations never modify, flag, move
/// or delete existing mail.
#[allow(async_fn_in_trait)]
pub trait MailStore {
    /// Resolve folder names (configured, discovered, or the usual defaults).
    async fn folders(
        &mut self,
        configured: &crate::config::FoldersConfig,
    ) -> Result<Folders, MailboxError>;
    /// Read a folder's messages: threading headers, flags/keywords, and the body where cheap.
    async fn load(&mut self, folder: &str) -> Result<Loaded, MailboxError>;
    /// A short token that changes whenever anything `load` reads from `folder` changes (a
    /// message added, removed or re-flagged), read without loading the folder; `None` when
    /// the store can't tell cheaply. Equal tokens let a rescan reuse its last decisions.
    async fn token(&mut self, folder: &str) -> Result<Option<String>, MailboxError>;
    /// The header blocks of these messages again, as `load` gave them (`None` for one no
    /// longer there): the few threads a reused decision drafts for.
    async fn load_at(&mut self, at: &[Location]) -> Result<Vec<Option<Mail>>, MailboxError>;
    /// Fill in `body` for the given messages from the first `cap` bytes of their body.
    async fn fetch_bodies(
        &mut self,
        mails: &mut [Mail],
        which: &[usize],
        cap: usize,
    ) -> Result<(), MailboxError>;
    /// Nothing more will be read by `load`, `load_at` or `fetch_bodies` in this scan: keep
    /// what was fetched and let go of the copies held for reading (a large mailbox's header
    /// cache need not sit in memory while threads are decided and drafts written).
    fn done_reading(&mut self) {}
    /// What the Drafts folder holds: this program's drafts by key, and what the rep's own
    /// drafts reply to.
    async fn drafts(&mut self, drafts: &str) -> Result<DraftsSeen, MailboxError>;
    /// Add a draft (flagged \Draft and \Seen) to `drafts`.
    async fn append_draft(&mut self, drafts: &str, raw: &[u8]) -> Result<(), MailboxError>;
}
