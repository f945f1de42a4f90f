//! Mailbox backends behind one trait: a local Maildir and an IMAP server. Reading is always
//! read-only; the one write is adding a draft to the Drafts folder.

pub mod imap;
pub mod maildir;

use std::collections::HashMap;

use crate::message::Mail;

#[derive(Debug, thiserror::Error)]
pub enum MailboxError {
    #[error("{0}")]
    Maildir(#[from] maildir::MaildirError),
    #[error("{0}")]
    Imap(#[from] imap::ImapError),
}

/// The folders a scan reads and writes, resolved for one account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folders {
    pub sent: String,
    pub drafts: String,
    pub replies: Vec<String>,
}

/// Messages read from one folder, with the warnings about messages that had to be repaired or
/// skipped.
#[derive(Debug, Default)]
pub struct Loaded {
    pub mails: Vec<Mail>,
    pub warnings: Vec<String>,
}

/// A draft this program wrote earlier and that is still in Drafts, by its key.
pub type DraftKeys = HashMap<String, String>;

/// The `X-Followup-Key` and Message-ID of a message this program wrote (headers are enough).
pub fn followup_key_of(raw: &[u8]) -> Option<(String, String)> {
    let (m, _) = crate::message::parse(raw, None, None, true).ok()?;
    Some((m.signals.followup_key?, m.message_id))
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
    /// Fill in `body` for the given messages (no-op where `load` already read it).
    async fn fetch_bodies(
        &mut self,
        mails: &mut [Mail],
        which: &[usize],
    ) -> Result<(), MailboxError>;
    /// Keys (`X-Followup-Key`) of the drafts present in `drafts`, mapped to their Message-IDs.
    async fn draft_keys(&mut self, drafts: &str) -> Result<DraftKeys, MailboxError>;
    /// Add a draft (flagged \Draft and \Seen) to `drafts`.
    async fn append_draft(&mut self, drafts: &str, raw: &[u8]) -> Result<(), MailboxError>;
}
