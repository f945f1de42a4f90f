//! Raw RFC 5322 bytes to [`Mail`], via mail-parser. Tolerant: a message is only refused when
//! nothing at all can be read from it; missing pieces are synthesized and reported.

use super::{Address, DsnFailure, Location, Mail, RareSignals, Signals};
use chrono::{DateTime, TimeZone, Utc};
use mail_parser::{HeaderValue, MessageParser, MimeHeaders, PartType};

/// Longest body text kept per message; reason rules and quoting never need more.
pub const BODY_CAP: usize = 64 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    #[error("{location}: not an email message (no headers could be parsed); move or delete the file if it is not mail")]
    NotMail { location: String },
}

/// Parse one message. `fallback_date` (file mtime, IMAP INTERNALDATE) stands in for a missing
/// or unreadable Date header. `headers_only` skips the body for cheap threading passes.
/// The returned warnings name what was repaired, for the scan's counted warnings.
pub fn parse(
    raw: &[u8],
    location: Option<Location>,
    fallback_date: Option<DateTime<Utc>>,
    headers_only: bool,
) -> Result<(Mail, Vec<String>), ParseError> {
    let where_ = location
        .as_ref()
        .map(|l| format!("{}/{}", l.folder, l.key))
        .unwrap_or_else(|| "message".into());
    let parser = MessageParser::default();
    let msg = if headers_only {
        parser.parse_headers(raw)
    } else {
        parser.parse(raw)
    }
    .filter(|m| !m.parts.is_empty() && !m.parts[0].headers.is_empty())
    .ok_or_else(|| ParseError::NotMail {
        location: where_.clone(),
    })?;

    let mut warnings = Vec::new();
    let mut mail = Mail {
        location,
        ..Mail::default()
    };

    match msg.message_id().map(clean_id).filter(|s| !s.is_empty()) {
        Some(id) => mail.message_id = id,
        None => {
            mail.message_id = format!("{:016x}@followup.invalid", fnv1a(raw));
            mail.synthetic_id = true;
            warnings.push(format!(
                "{where_}: no Message-ID; treated as its own thread unless replies reference it"
            ));
        }
    }
    mail.in_reply_to = id_list(msg.in_reply_to());
    mail.references = id_list(msg.references());
    mail.subject = msg.subject().unwrap_or("").trim().to_string();

    mail.date = msg
        .date()
        .filter(|d| d.year >= 1970 && d.month >= 1 && d.month <= 12 && d.day >= 1)
        .and_then(|d| Utc.timestamp_opt(d.to_timestamp(), 0).single());
    if mail.date.is_none() {
        // Some mail systems write no time zone ("Wed, 3 May 2007 23:34:45"): read it as UTC.
        mail.date = msg.header_raw("Date").and_then(lenient_date);
    }
    if mail.date.is_none() {
        if msg.header("Date").is_some() {
            warnings.push(format!(
                "{where_}: unreadable Date header; using the server/file date"
            ));
        }
        mail.date = fallback_date;
    }

    mail.from = addresses(msg.from());
    mail.sender = addresses(msg.sender()).into_iter().next().map(Box::new);
    mail.reply_to = addresses(msg.reply_to());
    mail.to = addresses(msg.to());
    mail.cc = addresses(msg.cc());
    mail.bcc = addresses(msg.bcc());
    // An encoded word in a local part (`=?utf-8?B?…?=@example.org`, not allowed but written)
    // decodes to nothing: keep the address as written, as delivery reports quote it.
    for (list, name) in [
        (&mut mail.from, "From"),
        (&mut mail.to, "To"),
        (&mut mail.cc, "Cc"),
    ] {
        for a in list.iter_mut().filter(|a| a.email.starts_with('@')) {
            if let Some(w) = msg.header_raw(name).and_then(|raw| {
                raw.split([',', '<', '>', ' ', '\t', '\r', '\n'])
                    .find(|w| w.len() > a.email.len() && w.to_ascii_lowercase().ends_with(&a.email))
                    .map(|w| w.to_ascii_lowercase())
            }) {
                a.email = w;
            }
        }
    }

    let text = |name: &str| header_text(msg.header(name));
    let ct = msg.content_type();
    let content_type = ct
        .map(|c| format!("{}/{}", c.ctype(), c.subtype().unwrap_or("")).to_ascii_lowercase())
        .unwrap_or_else(|| "text/plain".into());
    let raw_to = msg.header_raw("To").unwrap_or("").to_ascii_lowercase();
    mail.signals = Signals {
        x_autoreply: msg.header("X-Autoreply").is_some()
            || msg.header("X-Autoreply-From").is_some(),
        x_autorespond: msg.header("X-Autorespond").is_some()
            || msg.header("X-Autoresponder").is_some(),
        list_unsubscribe: msg.header("List-Unsubscribe").is_some(),
        list_id: msg.header("List-Id").is_some(),
        return_path_empty: msg
            .header_raw("Return-Path")
            .map(|r| r.trim() == "<>")
            .unwrap_or(false),
        content_type,
        has_calendar: false,
        undisclosed_recipients: raw_to.contains("undisclosed") || raw_to.trim() == ":;",
        ms_exchange_autoreply: msg
            .header_raw("X-MS-Exchange-Generated-Message-Source")
            .is_some_and(|v| v.to_ascii_lowercase().contains("mailbox rules"))
            || msg.header("X-MS-Exchange-Inbox-Rules-Loop").is_some(),
        from_raw: msg.header_raw("From").unwrap_or("").trim().to_string(),
        has_dsn_part: false,
        has_original: false,
        rare: None,
    };
    mail.signals.set_rare(RareSignals {
        auto_submitted: text("Auto-Submitted").map(|s| s.to_ascii_lowercase()),
        precedence: text("Precedence").map(|s| s.to_ascii_lowercase()),
        x_auto_response_suppress: text("X-Auto-Response-Suppress"),
        report_type: ct
            .and_then(|c| c.attribute("report-type"))
            .map(|s| s.to_ascii_lowercase()),
        x_failed_recipients: msg
            .header_raw("X-Failed-Recipients")
            .map(|v| {
                v.split(',')
                    .map(|a| {
                        a.trim()
                            .trim_matches(|c| c == '<' || c == '>')
                            .to_ascii_lowercase()
                    })
                    .filter(|a| a.contains('@'))
                    .collect()
            })
            .unwrap_or_default(),
        thread_index: msg
            .header_raw("Thread-Index")
            .map(|s| s.split_whitespace().collect()),
        thread_topic: text("Thread-Topic"),
        followup_key: text("X-Followup-Key"),
    });

    if !headers_only {
        for part in &msg.parts {
            let pct = part
                .content_type()
                .map(|c| {
                    format!("{}/{}", c.ctype(), c.subtype().unwrap_or("")).to_ascii_lowercase()
                })
                .unwrap_or_default();
            if pct == "text/calendar" || pct == "application/ics" {
                mail.signals.has_calendar = true;
            }
            if matches!(
                pct.as_str(),
                "message/rfc822" | "text/rfc822-headers" | "message/rfc822-headers"
            ) || matches!(part.body, PartType::Message(_))
            {
                mail.signals.has_original = true;
            }
            if pct == "message/delivery-status" || pct == "message/global-delivery-status" {
                let body = match &part.body {
                    PartType::Text(t) | PartType::Html(t) => t.to_string(),
                    PartType::Binary(b) | PartType::InlineBinary(b) => {
                        String::from_utf8_lossy(b).into_owned()
                    }
                    PartType::Message(m) => String::from_utf8_lossy(m.raw_message()).into_owned(),
                    PartType::Multipart(_) => String::new(),
                };
                // An empty report ("Delivery report unavailable") says nothing: the text does.
                if body.to_ascii_lowercase().contains("action:") {
                    mail.signals.has_dsn_part = true;
                }
                mail.dsn_failed.extend(parse_delivery_status(&body));
            }
        }
        // A bounce carries the original's headers; linking it to that Message-ID puts it in
        // the right thread even though bounces set no In-Reply-To.
        use crate::classify::bounce;
        let bounce_like = mail.signals.content_type == "multipart/report"
            || !mail.signals.rare().x_failed_recipients.is_empty()
            || bounce::daemon_sender(&mail.signals.from_raw)
            || mail.signals.return_path_empty
            || bounce::bounce_subject(&mail.subject)
            || msg
                .body_text(0)
                .is_some_and(|t| t.contains("notificationType") && t.contains("Bounce"));
        if bounce_like {
            let text = String::from_utf8_lossy(raw);
            let body_start = text
                .find("\r\n\r\n")
                .or_else(|| text.find("\n\n"))
                .unwrap_or(0);
            for cap in embedded_id_re().captures_iter(&text[body_start..]) {
                let id = clean_id(&cap[1]);
                if id != mail.message_id && !mail.references.contains(&id) {
                    mail.references.push(id);
                }
            }
        }
        // A notice with no RFC 3464 part names the failed recipients in its own text.
        let mut raw_text: Option<String> = None;
        if bounce_like
            && !mail.signals.has_dsn_part
            && mail.dsn_failed.is_empty()
            && mail.signals.rare().x_failed_recipients.is_empty()
        {
            let own: Vec<String> = (0..)
                .map_while(|i| msg.body_text(i))
                .take(8)
                .map(|t| t.into_owned())
                .collect();
            let mut own = own.join("\n");
            if own.trim().is_empty() {
                // MIME that mail-parser could not split: read the raw text after the headers.
                let text = String::from_utf8_lossy(raw);
                let start = text
                    .find("\r\n\r\n")
                    .or_else(|| text.find("\n\n"))
                    .unwrap_or(0);
                own = text[start..].chars().take(BODY_CAP).collect();
            }
            let exclude: Vec<String> = mail
                .from
                .iter()
                .chain(mail.to.iter())
                .chain(mail.cc.iter())
                .map(|a| a.email.clone())
                .collect();
            // Report fields written as text (or in a part mail-parser could not split) first;
            // when they say "delayed" or "delivered", that is the whole truth.
            mail.dsn_failed = parse_delivery_status(&own);
            if mail.dsn_failed.is_empty() && dsn_action_re().is_match(&own) {
                mail.signals.has_dsn_part = true;
            } else if mail.dsn_failed.is_empty() {
                mail.dsn_failed = bounce::ses_failures(&own);
                if mail.dsn_failed.is_empty() {
                    mail.dsn_failed = bounce::text_failures(&own, &exclude);
                }
                if mail.dsn_failed.is_empty() {
                    // A report forwarded as an attachment carries its fields one level down.
                    mail.dsn_failed = parse_delivery_status(&String::from_utf8_lossy(raw));
                }
            }
            raw_text = Some(own);
        }
        let mut body = match msg
            .text_body
            .first()
            .and_then(|&i| msg.parts.get(i as usize))
            .map(|p| &p.body)
        {
            // HTML-only mail: read with its blocks and table cells apart.
            Some(PartType::Html(html)) => html_text(html),
            _ => msg.body_text(0).map(|b| b.into_owned()).unwrap_or_default(),
        };
        if body.trim().is_empty() {
            if let Some(t) = raw_text {
                body = t;
            }
        }
        if msg.parts.iter().any(|p| p.is_encoding_problem) {
            warnings.push(format!(
                "{where_}: a body part could not be decoded; read as far as possible"
            ));
        }
        if body.len() > BODY_CAP {
            let mut cut = BODY_CAP;
            while !body.is_char_boundary(cut) {
                cut -= 1;
            }
            body.truncate(cut);
        }
        mail.body = Some(body.replace("\r\n", "\n"));
    }
    Ok((mail, warnings))
}

/// A Date header without a time zone, or with a zone mail-parser does not know, as UTC.
fn lenient_date(raw: &str) -> Option<DateTime<Utc>> {
    let t = raw.trim();
    let t = t.split(" (").next().unwrap_or(t);
    // The weekday is dropped: mail systems get it wrong too ("Wed, 3 May 2007").
    let t = match t.split_once(',') {
        Some((day, rest)) if day.trim().chars().all(|c| c.is_ascii_alphabetic()) => rest,
        _ => t,
    };
    for fmt in ["%d %b %Y %H:%M:%S", "%b %d %H:%M:%S %Y"] {
        let mut words: Vec<&str> = t.split_whitespace().collect();
        // "Thu Apr 29 23:34:45 2009" (asctime): the weekday goes here too.
        if words.len() == 5
            && words[0].chars().all(|c| c.is_ascii_alphabetic())
            && fmt.starts_with("%b")
        {
            words.remove(0);
        }
        // Drop a trailing zone word chrono cannot read ("JST", "CEST").
        if words.len() > 4
            && words
                .last()
                .is_some_and(|w| w.chars().all(|c| c.is_ascii_alphabetic()))
        {
            words.pop();
        }
        if let Ok(n) = chrono::NaiveDateTime::parse_from_str(&words.join(" "), fmt) {
            return Some(Utc.from_utc_datetime(&n));
        }
    }
    None
}

fn dsn_action_re() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(r"(?im)^action:\s*(delayed|delivered|relayed|expanded)")
            .expect("dsn action regex")
    })
}

fn embedded_id_re() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(r"(?im)^\s*message-id:\s*(<[^>\s]+>)").expect("embedded id regex")
    })
}

/// Strip angle brackets and white space from a Message-ID.
pub fn clean_id(id: &str) -> String {
    // A Message-ID has no white space or control characters; whatever a broken header put
    // there (a folded CR/LF, a NUL) is dropped, so an id never carries a line break into the
    // In-Reply-To and References of a draft.
    id.trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control() && *c != '<' && *c != '>')
        .collect()
}

fn id_list(v: &HeaderValue) -> Vec<String> {
    let items: Vec<String> = match v {
        HeaderValue::Text(t) => t.split_whitespace().map(clean_id).collect(),
        HeaderValue::TextList(l) => l
            .iter()
            .flat_map(|t| t.split_whitespace().map(clean_id))
            .collect(),
        _ => Vec::new(),
    };
    let mut ids: Vec<String> = items.into_iter().filter(|s| !s.is_empty()).collect();
    // Kept for every message: no spare room (a collect starts at four).
    ids.shrink_to_fit();
    ids
}

fn header_text(v: Option<&HeaderValue>) -> Option<String> {
    match v? {
        HeaderValue::Text(t) => Some(t.trim().to_string()),
        HeaderValue::TextList(l) => Some(l.join(", ")),
        _ => None,
    }
}

fn addresses(a: Option<&mail_parser::Address>) -> Vec<Address> {
    let Some(a) = a else { return Vec::new() };
    let mut v: Vec<Address> = a
        .iter()
        .filter_map(|addr| {
            let email = addr.address()?;
            email
                .contains('@')
                .then(|| Address::new(addr.name(), email))
        })
        .collect();
    // A filtered collect starts at room for four: a one-address From or To kept for every
    // message of a large mailbox held three empty slots (144 bytes) each.
    v.shrink_to_fit();
    v
}

/// Failed recipients of an RFC 3464 delivery-status body.
pub fn parse_delivery_status(body: &str) -> Vec<DsnFailure> {
    let mut out = Vec::new();
    // Per-recipient groups are separated by blank lines (the first group is per-message); some
    // servers leave the blank line out, so a second Final-Recipient starts a group too.
    let body = body.replace("\r\n", "\n");
    let mut groups: Vec<String> = Vec::new();
    for block in body.split("\n\n") {
        let mut cur = String::new();
        for line in block.lines() {
            if line.to_ascii_lowercase().starts_with("final-recipient:")
                && cur.to_ascii_lowercase().contains("final-recipient:")
            {
                groups.push(std::mem::take(&mut cur));
            }
            cur.push_str(line);
            cur.push('\n');
        }
        groups.push(cur);
    }
    for group in &groups {
        let mut recipient = None;
        let mut action = None;
        let mut status = None;
        let mut diagnostic = None;
        let mut current: Option<&str> = None;
        for line in group.lines() {
            if line.starts_with([' ', '\t']) {
                if current == Some("diagnostic-code") {
                    if let Some(d) = diagnostic.as_mut() {
                        let d: &mut String = d;
                        d.push(' ');
                        d.push_str(line.trim());
                    }
                }
                continue;
            }
            let Some((k, v)) = line.split_once(':') else {
                continue;
            };
            let k = k.trim().to_ascii_lowercase();
            let v = v.trim();
            match k.as_str() {
                "final-recipient" | "original-recipient" => {
                    let addr = v.split_once(';').map(|(_, a)| a).unwrap_or(v);
                    let addr = addr
                        .trim()
                        .trim_matches(|c| c == '<' || c == '>')
                        .to_ascii_lowercase();
                    if k == "final-recipient" || recipient.is_none() {
                        recipient = Some(addr);
                    }
                    current = Some("recipient");
                }
                "action" => {
                    action = Some(v.to_ascii_lowercase());
                    current = Some("action");
                }
                "status" => {
                    status = Some(v.to_string());
                    current = Some("status");
                }
                "diagnostic-code" => {
                    let d = v
                        .split_once(';')
                        .map(|(_, d)| d)
                        .unwrap_or(v)
                        .trim()
                        .to_string();
                    diagnostic = Some(d);
                    current = Some("diagnostic-code");
                }
                _ => current = None,
            }
        }
        // `expired` (not in RFC 3464, written by some MTAs) means it gave up: a failure too.
        let failed = action
            .as_deref()
            .map(|a| a.starts_with("failed") || a.starts_with("expired"))
            .unwrap_or(false)
            || (action.is_none() && status.as_deref().is_some_and(|s| s.starts_with('5')));
        if let (Some(r), true) = (recipient, failed) {
            if r.contains('@') {
                out.push(DsnFailure {
                    recipient: r,
                    diagnostic: diagnostic.or(status),
                });
            }
        }
    }
    out
}

/// FNV-1a, for stable synthetic identifiers (not for security).
pub fn fnv1a(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in data {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// Text of an HTML-only body. mail-parser's conversion breaks lines only at `<br>` and `</p>`:
/// table cells, rows, list items and `<div>` lines ran together ("Plant A$4,200/moPlant B…").
fn html_text(html: &str) -> String {
    static CELL: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    static BLOCK: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    static GAPS: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let cell = CELL.get_or_init(|| regex::Regex::new(r"(?i)</t[dh]\s*>").expect("cell regex"));
    let block = BLOCK.get_or_init(|| {
        regex::Regex::new(r"(?i)</(?:tr|table|div|li|h[1-6]|ul|ol|blockquote)\s*>|<hr\b[^>]*>")
            .expect("block regex")
    });
    let gaps =
        GAPS.get_or_init(|| regex::Regex::new(r"\n[ \t]*\n(?:[ \t]*\n)+").expect("gaps regex"));
    let spaced = cell.replace_all(html, " $0");
    let broken = block.replace_all(&spaced, "<br>$0");
    let text = mail_parser::decoders::html::html_to_text(&broken);
    gaps.replace_all(&text, "\n\n").into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_html_only_body_keeps_its_table_cells_rows_and_blocks_apart() {
        let raw = "From: Alex <alex@acme.io>\r\nTo: paul@ridge.example\r\nSubject: Pricing\r\nMessage-ID: <h@acme.io>\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><div>Hi Paul,</div><div><br></div><p>Here is the pricing:</p><table><tr><td>Plant A</td><td>$4,200/mo</td></tr><tr><td>Plant B</td><td>$3,100/mo</td></tr></table><ul><li>Onboarding included</li><li>Cancel monthly</li></ul><p>Best,<br>Alex</p></body></html>";
        let (m, _) = parse(raw.as_bytes(), None, None, false).unwrap();
        let body = m.body.unwrap();
        for line in [
            "Hi Paul,",
            "Plant A $4,200/mo",
            "Plant B $3,100/mo",
            "Onboarding included",
            "Cancel monthly",
        ] {
            assert!(
                body.lines().any(|l| l.trim() == line),
                "{line:?} in {body:?}"
            );
        }
        assert!(!body.contains("\n\n\n"), "{body:?}");
    }

    #[test]
    fn missing_message_id_is_synthesized_and_warned() {
        let raw =
            b"From: a@b.com\r\nSubject: hi\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\n\r\nbody\r\n";
        let (m, w) = parse(raw, None, None, false).unwrap();
        assert!(m.synthetic_id);
        assert!(m.message_id.ends_with("@followup.invalid"));
        assert_eq!(w.len(), 1);
        assert_eq!(m.body.as_deref(), Some("body\n"));
    }

    #[test]
    fn broken_date_falls_back_to_server_date() {
        let raw = b"From: a@b.com\r\nMessage-ID: <x@y>\r\nDate: yesterday-ish\r\n\r\nbody\r\n";
        let fallback = Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap();
        let (m, w) = parse(raw, None, Some(fallback), false).unwrap();
        assert_eq!(m.date, Some(fallback));
        assert!(w[0].contains("Date"));
    }

    #[test]
    fn references_and_in_reply_to_are_split_and_unbracketed() {
        let raw = b"From: a@b.com\r\nMessage-ID: <c@x>\r\nIn-Reply-To: <b@x>\r\nReferences: <a@x>\r\n <b@x>\r\n\r\n.\r\n";
        let (m, _) = parse(raw, None, None, true).unwrap();
        assert_eq!(m.references, vec!["a@x", "b@x"]);
        assert_eq!(m.in_reply_to, vec!["b@x"]);
        assert_eq!(m.message_id, "c@x");
    }

    #[test]
    fn delivery_status_names_the_failed_recipient() {
        let ds = "Reporting-MTA: dns; mx.example.net\n\nFinal-Recipient: rfc822; ben@nowhere.example\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 user unknown\n";
        let f = parse_delivery_status(ds);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].recipient, "ben@nowhere.example");
        assert_eq!(f[0].diagnostic.as_deref(), Some("550 5.1.1 user unknown"));
    }

    #[test]
    fn japanese_iso_2022_jp_mail_is_decoded() {
        let raw = b"From: tanaka@soylent.co.jp\r\nMessage-ID: <jp@x>\r\nSubject: =?ISO-2022-JP?B?GyRCJDMkcyRLJEEkTxsoQg==?=\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\n\r\n\x1b$B$3$s$K$A$O\x1b(B\r\n";
        let (m, w) = parse(raw, None, None, false).unwrap();
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(m.subject, "こんにちは");
        assert_eq!(m.body.as_deref().map(str::trim), Some("こんにちは"));
    }

    #[test]
    fn delayed_delivery_is_not_a_failure() {
        let ds = "Final-Recipient: rfc822; ben@slow.example\nAction: delayed\nStatus: 4.4.1\n";
        assert!(parse_delivery_status(ds).is_empty());
    }
}
#[cfg(test)]
mod lenient_tests {
    #[test]
    fn a_date_without_a_zone_is_read_as_utc() {
        let d = super::lenient_date(" Wed, 3 May 2007 23:34:45").expect("parsed");
        assert_eq!(d.to_rfc3339(), "2007-05-03T23:34:45+00:00");
        let d = super::lenient_date("Thu, 29 Apr 2009 23:34:45 JST").expect("parsed");
        assert_eq!(d.to_rfc3339(), "2009-04-29T23:34:45+00:00");
    }
}
