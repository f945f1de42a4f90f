//! The RFC 5322 draft, built with lettre: threaded under the conversation (In-Reply-To,
//! References, Outlook's Thread-Index/Thread-Topic), marked with the (thread, stage) key, and
//! safe against header injection (every value from mail is stripped of control characters and
//! encoded by lettre).

use std::str::FromStr;
use std::time::SystemTime;

use chrono::{DateTime, Utc};
use lettre::message::header::{ContentType, HeaderName, HeaderValue, MIME_VERSION_1_0};
use lettre::message::Mailbox;
use lettre::Message;
use serde::Serialize;

use crate::message::Address;

/// Everything that goes into a draft's headers and body.
#[derive(Debug, Clone, Serialize)]
pub struct DraftSpec {
    pub from: Address,
    pub to: Vec<Address>,
    pub cc: Vec<Address>,
    /// Full subject, `Re: ` included.
    pub subject: String,
    /// Message-IDs without angle brackets.
    pub in_reply_to: String,
    pub references: Vec<String>,
    pub message_id: String,
    pub date: DateTime<Utc>,
    pub reason: String,
    pub stage: u32,
    pub key: String,
    pub thread_index: Option<String>,
    pub thread_topic: Option<String>,
    pub body: String,
    /// Files attached below the text: (file name, MIME type, bytes).
    #[serde(skip)]
    pub attachments: Vec<(String, String, Vec<u8>)>,
    /// The template variables it was rendered with (for `preview --annotate`).
    #[serde(skip)]
    pub vars: Vec<(String, String)>,
    /// The language the draft is written in.
    pub language: String,
    /// The language the thread reads as (differs from `language` on a fallback).
    pub language_detected: String,
    /// Written in English because the thread's language has no template or value item.
    pub language_fallback: bool,
    /// Why this language (for `preview`).
    pub language_why: String,
    /// Formal address (Sie, vous, usted, Lei, u).
    pub formal: bool,
    /// The template file it was rendered from (recorded, for the report of what works).
    pub template: String,
}

/// A built draft: its bytes (CRLF line ends) and what it says.
#[derive(Debug, Clone)]
pub struct DraftMessage {
    pub raw: Vec<u8>,
    pub spec: DraftSpec,
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("address `{0}` cannot be written into a draft header; correct it in the thread or in identity.addresses")]
    Address(String),
    #[error("building the draft failed: {0}")]
    Lettre(String),
}

/// The MIME type of an attachment, from its file name.
pub fn mime_for(name: &str) -> &'static str {
    let ext = name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "pdf" => "application/pdf",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt" => "application/vnd.ms-powerpoint",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "csv" => "text/csv",
        "txt" => "text/plain",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "zip" => "application/zip",
        "ics" => "text/calendar",
        _ => "application/octet-stream",
    }
}

/// Remove CR, LF and other control characters from a header value taken from mail.
pub fn header_safe(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn mailbox(a: &Address) -> Result<Mailbox, BuildError> {
    let email = lettre::Address::from_str(&header_safe(&a.email))
        .map_err(|_| BuildError::Address(a.email.clone()))?;
    Ok(Mailbox::new(
        a.name.as_deref().map(header_safe).filter(|n| !n.is_empty()),
        email,
    ))
}

fn bracket(id: &str) -> String {
    format!("<{}>", header_safe(id).replace(['<', '>', ' '], ""))
}

/// Build the draft's bytes.
pub fn build_message(spec: DraftSpec) -> Result<DraftMessage, BuildError> {
    let mut b = Message::builder()
        .from(mailbox(&spec.from)?)
        .subject(header_safe(&spec.subject))
        .message_id(Some(bracket(&spec.message_id)))
        .in_reply_to(bracket(&spec.in_reply_to))
        .date(SystemTime::from(spec.date));
    for a in &spec.to {
        b = b.to(mailbox(a)?);
    }
    for a in &spec.cc {
        b = b.cc(mailbox(a)?);
    }
    if !spec.references.is_empty() {
        // One call with the whole chain: lettre replaces the value on a second call.
        b = b.references(
            spec.references
                .iter()
                .map(|r| bracket(r))
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    let custom = |name: &'static str, v: String| {
        HeaderValue::new(HeaderName::new_from_ascii_str(name), header_safe(&v))
    };
    // Only the opaque key travels with the draft; reason and stage stay in the local state.
    b = b.raw_header(custom("X-Followup-Key", spec.key.clone()));
    if let Some(ti) = &spec.thread_index {
        b = b.raw_header(custom("Thread-Index", ti.clone()));
    }
    if let Some(tt) = &spec.thread_topic {
        b = b.raw_header(custom("Thread-Topic", tt.clone()));
    }
    let body = spec.body.replace("\r\n", "\n");
    let msg = if spec.attachments.is_empty() {
        b.header(ContentType::TEXT_PLAIN)
            .header(MIME_VERSION_1_0)
            .body(body)
    } else {
        use lettre::message::{Attachment, MultiPart, SinglePart};
        let mut parts = MultiPart::mixed().singlepart(SinglePart::plain(body));
        for (name, mime, bytes) in &spec.attachments {
            let ct = ContentType::parse(mime)
                .unwrap_or(ContentType::parse("application/octet-stream").expect("valid type"));
            parts = parts.singlepart(Attachment::new(header_safe(name)).body(bytes.clone(), ct));
        }
        b.header(MIME_VERSION_1_0).multipart(parts)
    }
    .map_err(|e| BuildError::Lettre(e.to_string()))?;
    Ok(DraftMessage {
        raw: msg.formatted(),
        spec,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn spec() -> DraftSpec {
        DraftSpec {
            template: "pricing/1.txt".into(),
            from: Address::new(Some("Alex Morgan"), "alex@acme.io"),
            to: vec![Address::new(Some("Jürgen Weiß"), "juergen@contoso.de")],
            cc: vec![],
            subject: "Re: Angebot für München".into(),
            in_reply_to: "a@acme.io".into(),
            references: vec!["root@acme.io".into(), "a@acme.io".into()],
            message_id: "followup.1.x@acme.io".into(),
            date: Utc.with_ymd_and_hms(2026, 11, 20, 14, 0, 0).unwrap(),
            reason: "pricing".into(),
            stage: 1,
            key: "1:root@acme.io".into(),
            thread_index: None,
            thread_topic: None,
            body: "Hallo Jürgen,\n\nhier ist die Übersicht.\n".into(),
            vars: Vec::new(),
            attachments: Vec::new(),
            language: "de".into(),
            language_detected: "de".into(),
            language_fallback: false,
            language_why: String::new(),
            formal: false,
        }
    }

    #[test]
    fn non_ascii_names_and_subjects_are_encoded() {
        let m = build_message(spec()).unwrap();
        let text = String::from_utf8(m.raw.clone()).unwrap();
        assert!(text.is_ascii(), "headers and body must be 7-bit encoded");
        let (parsed, _) = crate::message::parse(&m.raw, None, None, false).unwrap();
        assert_eq!(parsed.subject, "Re: Angebot für München");
        assert_eq!(parsed.to[0].name.as_deref(), Some("Jürgen Weiß"));
        assert_eq!(parsed.references, vec!["root@acme.io", "a@acme.io"]);
        assert_eq!(parsed.in_reply_to, vec!["a@acme.io"]);
        assert_eq!(
            parsed.body.as_deref(),
            Some("Hallo Jürgen,\n\nhier ist die Übersicht.\n")
        );
    }

    #[test]
    fn a_long_key_survives_header_folding() {
        let mut sp = spec();
        sp.key = format!(
            "2:{}@BN8PR12MB3361.namprd12.prod.outlook.com",
            "CAKx".repeat(20)
        );
        let m = build_message(sp.clone()).unwrap();
        let (key, mid) = crate::mailbox::followup_key_of(&m.raw).unwrap();
        assert_eq!(key, sp.key);
        assert_eq!(mid, sp.message_id);
    }

    #[test]
    fn crlf_in_input_cannot_inject_a_header() {
        let mut s = spec();
        s.subject = "Re: hi\r\nBcc: evil@attacker.example".into();
        s.to[0].name = Some("Eve\r\nX-Injected: yes".into());
        s.thread_topic = Some("topic\nBcc: evil@attacker.example".into());
        let m = build_message(s).unwrap();
        let text = String::from_utf8(m.raw).unwrap();
        let header_block = text.split("\r\n\r\n").next().unwrap();
        assert!(
            !header_block
                .lines()
                .any(|l| l.to_ascii_lowercase().starts_with("bcc:")),
            "{header_block}"
        );
        assert!(
            !header_block.lines().any(|l| l.starts_with("X-Injected")),
            "{header_block}"
        );
    }
}
