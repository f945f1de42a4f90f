//! The parsed, owned view of one email that the rest of the program reasons about.
//!
//! Backends hand raw bytes (or headers only) to [`parse`]; nothing downstream touches
//! mail-parser types, so the domain logic stays independent of the parser and the store.

pub mod haystack;
mod parse;
pub mod text;

pub use parse::{clean_id, fnv1a, parse, ParseError};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One address as it appeared in a header; `email` is lower-cased for comparisons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub name: Option<String>,
    pub email: String,
}

impl Address {
    pub fn new(name: Option<&str>, email: &str) -> Self {
        let name = name
            .map(|n| n.trim().trim_matches('"').trim().to_string())
            .filter(|n| !n.is_empty() && !n.eq_ignore_ascii_case(email));
        Address {
            name,
            email: email.trim().to_ascii_lowercase(),
        }
    }

    /// The domain part, lower-cased (empty when the address has none).
    pub fn domain(&self) -> &str {
        self.email.rsplit_once('@').map(|(_, d)| d).unwrap_or("")
    }
}

/// Where a message was read from, for diagnostics and for fetching its body later.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Location {
    pub folder: String,
    /// A Maildir file name or an IMAP UID, as text.
    pub key: String,
}

/// The threading, classification and text facts of one message.
#[derive(Debug, Clone, Default)]
pub struct Mail {
    pub location: Option<Location>,
    /// Message-ID without angle brackets. Synthesized (`…@followup.invalid`) when missing.
    pub message_id: String,
    /// True when `message_id` was synthesized because the header was absent or unreadable.
    pub synthetic_id: bool,
    pub in_reply_to: Vec<String>,
    pub references: Vec<String>,
    pub subject: String,
    pub date: Option<DateTime<Utc>>,
    pub from: Vec<Address>,
    /// Boxed: rarely set, and one `Address` inline in every message of a large mailbox.
    pub sender: Option<Box<Address>>,
    pub reply_to: Vec<Address>,
    pub to: Vec<Address>,
    pub cc: Vec<Address>,
    pub bcc: Vec<Address>,
    /// IMAP keywords (client tags) on the message; empty on Maildir.
    pub keywords: Vec<String>,
    /// Header facts used to classify automatic mail.
    pub signals: Signals,
    /// Plain text of the body (HTML converted), capped; `None` when only headers were read.
    pub body: Option<String>,
    /// Recipients a delivery status notification reports as failed.
    pub dsn_failed: Vec<DsnFailure>,
}

/// One failed recipient of a bounce, with the server's explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DsnFailure {
    pub recipient: String,
    pub diagnostic: Option<String>,
}

/// Raw header facts that mark automatic, bulk or calendar mail.
#[derive(Debug, Clone, Default)]
pub struct Signals {
    pub x_autoreply: bool,
    pub x_autorespond: bool,
    pub list_unsubscribe: bool,
    pub list_id: bool,
    pub return_path_empty: bool,
    /// `type/subtype` of the top-level part, lower-cased.
    pub content_type: String,
    pub has_calendar: bool,
    pub undisclosed_recipients: bool,
    /// Outlook/Exchange markers (`X-MS-Exchange-Generated-Message-Source`, `X-MS-Exchange-Inbox-Rules-Loop`).
    pub ms_exchange_autoreply: bool,
    /// The `From:` header as written (a bounce's is often `MAILER-DAEMON <>`, with no address).
    pub from_raw: String,
    /// A `message/delivery-status` part is present (so its actions are the whole truth).
    pub has_dsn_part: bool,
    /// The original message (or its headers) is attached, as delivery reports do.
    pub has_original: bool,
    /// The header facts most messages lack, boxed only when one is present: inline, their
    /// empty slots took 192 bytes in every message of a large mailbox.
    pub rare: Option<Box<RareSignals>>,
}

/// Header facts of automatic mail, bounces, Outlook threading and our own drafts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RareSignals {
    pub auto_submitted: Option<String>,
    pub precedence: Option<String>,
    pub x_auto_response_suppress: Option<String>,
    /// `report-type` of a multipart/report.
    pub report_type: Option<String>,
    /// Google's vacation responder marks its mail with `X-Autoreply`/`Auto-Submitted`, and its bounces with `X-Failed-Recipients`.
    pub x_failed_recipients: Vec<String>,
    pub thread_index: Option<String>,
    pub thread_topic: Option<String>,
    /// Our own marker, present on drafts this program wrote.
    pub followup_key: Option<String>,
}

/// What [`Signals::rare`] gives for a message without any of these facts.
static NO_RARE_SIGNALS: RareSignals = RareSignals {
    auto_submitted: None,
    precedence: None,
    x_auto_response_suppress: None,
    report_type: None,
    x_failed_recipients: Vec::new(),
    thread_index: None,
    thread_topic: None,
    followup_key: None,
};

impl Signals {
    /// The rarely present header facts (all empty when the message has none).
    pub fn rare(&self) -> &RareSignals {
        self.rare.as_deref().unwrap_or(&NO_RARE_SIGNALS)
    }

    /// The rarely present header facts, to set one.
    pub fn rare_mut(&mut self) -> &mut RareSignals {
        self.rare.get_or_insert_with(Default::default)
    }

    /// Keep the rare facts only when one is present.
    pub fn set_rare(&mut self, rare: RareSignals) {
        self.rare = (rare != NO_RARE_SIGNALS).then(|| Box::new(rare));
    }
}

impl Mail {
    /// All addresses the message was sent to (To, Cc, Bcc).
    pub fn recipients(&self) -> impl Iterator<Item = &Address> {
        self.to.iter().chain(self.cc.iter()).chain(self.bcc.iter())
    }

    /// The author: the first From address, or Sender when From is missing.
    pub fn author(&self) -> Option<&Address> {
        self.from.first().or(self.sender.as_deref())
    }
}
