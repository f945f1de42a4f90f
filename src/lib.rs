//! `followup`: finds prospect threads that went quiet in a rep's mailbox and drafts a reasoned,
//! value-bearing follow-up for each, into the Drafts folder.
//!
//! The domain core (`message`, `thread`, `identity`, `classify`, `dates`, `reason`, `policy`,
//! `draft`) is pure and synchronous; `mailbox` holds the I/O backends behind one trait, and
//! `service` joins the two.

pub mod classify;
pub mod config;
pub mod dates;
pub mod demo;
pub mod draft;
pub mod identity;
pub mod language;
pub mod mailbox;
pub mod mem;
pub mod message;
pub mod par;
pub mod policy;
pub mod reason;
pub mod report;
pub mod service;
pub mod state;
pub mod thread;
