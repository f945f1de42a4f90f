//! Drafting: the template context built from a thread, rendering with Tera, the quality lint,
//! and the RFC 5322 message (built with lettre) that goes into Drafts.

pub mod annotate;
mod build;
pub mod commitment;
pub mod compose;
mod decider;
pub mod lint;
pub mod slots;
pub mod templates;
pub mod thread_index;
pub mod value;

pub use build::{build_message, mime_for, DraftMessage, DraftSpec};
pub use lint::{Lint, Violation};
pub use templates::{TemplateError, Templates};

use serde::Serialize;

use crate::config::ValueItem;

/// The prospect as the template sees it.
#[derive(Debug, Clone, Serialize)]
pub struct ProspectCtx {
    /// First name, or empty when none can be told from the address.
    pub first_name: String,
    pub name: String,
    pub email: String,
    pub company: String,
}

/// The rep as the template sees it.
#[derive(Debug, Clone, Serialize)]
pub struct RepCtx {
    pub name: String,
    pub first_name: String,
    pub email: String,
    pub signature: String,
}

/// Every variable a template may use (documented in README).
#[derive(Debug, Clone, Serialize)]
pub struct DraftContext {
    /// The salutation line in the draft's language and address form ("Guten Tag Jürgen
    /// Schneider,", "Hola, Carmen:", "Hi Dana,").
    pub greeting: String,
    /// The draft's language (`en`, `de`, `fr`, `es`, `it`, `nl`, `pt`, `sv`).
    pub language: String,
    /// Formal address: Sie, vous, usted, Lei, u (from how the thread was written; default).
    pub formal: bool,
    pub prospect: ProspectCtx,
    pub prospects: Vec<ProspectCtx>,
    /// `prospect.first_name`, or "there" — for "Hi {{ greeting_name }},".
    pub greeting_name: String,
    /// The prospect's company, or "your team" when unknown.
    pub company: String,
    /// Who decides, as the thread names them, in the form the language's templates put after
    /// "with" ("your CISO", "Ihrem Vorstand", "il vostro CdA"), or empty: "the conversation
    /// with your CISO" says more than "with whoever decides".
    pub decider: String,
    /// The thread's subject without Re:/Fwd: prefixes.
    pub subject: String,
    pub rep: RepCtx,
    pub reason: String,
    pub stage: u32,
    /// Follow-ups in this reason's cadence (the close-the-loop note comes after them).
    pub stages_total: u32,
    pub is_close: bool,
    pub days_since: i64,
    /// The weekday and date of the rep's last message, e.g. "Tuesday 10 November".
    pub last_sent: String,
    pub value: ValueItem,
    /// What the thread shows the rep did about the reason.
    pub commitment: CommitmentCtx,
    /// Where the reason came from: `tag`, `plus_tag`, `prospect_text`, `rep_text`, `learned`.
    pub reason_source: String,
    /// The next working slots after the draft falls due, written in the rep's locale.
    pub slots: Vec<String>,
    /// The slots as one phrase: "A; B or C".
    pub slot_list: String,
    /// `identity.booking_url`, or empty: offered instead of slots when set.
    pub booking_url: String,
    /// The day of an event the rep invited the prospect to (a roundtable, a dinner, a
    /// webinar), still ahead, in the draft's language; empty otherwise. The meeting drafts
    /// then ask whether they can make it, never offer other times.
    pub event_day: String,
    /// The rep's newest message lays out options to choose from (tiers, packages, scenarios,
    /// "option A"): a pricing draft may then ask which one fits; with one quote it asks what
    /// they'd change.
    pub options: bool,
}

/// The reason as the thread states it, for templates that refer back to it truthfully.
#[derive(Debug, Clone, Serialize)]
pub struct CommitmentCtx {
    /// The sentence that stated the reason (the rep's or the prospect's), or empty.
    pub text: String,
    /// `sent` (the rep's words handed it over), `promised` (they promised it), `asked` (the rep
    /// asked the prospect something the pricing, proposal or information waits on), or `other`.
    pub kind: String,
    /// The thing as the rep named it ("the quote for the three regions"), or the reason's plain
    /// name ("the pricing").
    pub what: String,
    /// The weekday and date of the message that stated it, e.g. "Monday 16 November".
    pub when: String,
}
