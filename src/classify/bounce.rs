//! Delivery reports from every common mail system: what marks a message as one, and which
//! recipients it reports as failed when it has no RFC 3464 part (qmail, Exim, Sendmail and
//! Postfix text notices, Lotus Notes/Domino, Exchange 2003, OpenSMTPD, Courier, mobile
//! carriers, list servers, …). Pure text rules, measured against the real reports in
//! `shared/corpora/sisimai-bsd` by `cargo run --example bounce_corpus`.

use std::sync::OnceLock;

use regex::Regex;

use crate::message::haystack::{Haystack, Pattern};

use crate::message::DsnFailure;

/// A sender that speaks for a mail system, not a person (`From:` as written, lower case).
pub fn daemon_sender(from_raw: &str) -> bool {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(Regex::new(
            r"(?i)mailer[-_ ]?daemon|postmaster|mail[-_ ]daemon|mail\s+delivery|mail\s+deliver\s+system|delivery\s+(status|subsystem|system|notification|service)|mail\s+(administrator|system|server)|system\s+administrator|ndr\s+administrator|mail\s+transport|post\s*office|mdaemon|^\s*<>\s*$|<\s*>|\bdaemon@|\bmta@|\bbounces?@|\bnotify@|internet\s+mail\s+service|administrator@|sysadmin@|root@|-admin@",
        )
        .expect("daemon sender regex"))
    })
    .is_match(&Haystack::new(from_raw))
}

/// From the headers alone, whether a message may be a delivery report (cheap: asked of every
/// message that threaded nowhere before the full classification).
pub fn may_be_report(m: &crate::message::Mail) -> bool {
    let s = &m.signals;
    s.content_type == "multipart/report"
        || !s.rare().x_failed_recipients.is_empty()
        || s.return_path_empty
        || daemon_sender(&s.from_raw)
        || bounce_subject(&m.subject)
        || m.body
            .as_deref()
            .is_some_and(|b| b.contains("notificationType"))
}

/// A subject that announces a failed delivery, in the languages mail systems use.
pub fn bounce_subject(subject: &str) -> bool {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(Regex::new(
            r"(?ix)
            undeliver|undelivered|not\s+delivered|non[-\s]?deliver|nondeliverable|delivery\s+(status\s+notification\s*\(failure\)|status\s+notification:\s*error|has\s+failed|failed|failure|problem|report|status$|error|notification\s+failure)
            |delivery\s+status\s*$|mail\s+delivery\s+(failed|failure|system|problem)|mail\s+failed|returning\s+to\s+sender|failure\s+notice|returned\s+mail|returned\s+to\s+sender|could\s+not\s+(be\s+)?(delivered|sent|send)|couldn'?t\s+be\s+delivered
            |message\s+(not\s+delivered|delivery\s+failure|rejected|blocked)|address\s+not\s+found|mail\s+system\s+error|permanent\s+(error|failure)|are\s+not\s+member|loop\s+alert|rejected|bounced?
            |メールエラー|エラー通知|不達|配信エラー|未配達
            |unzustellbar|nicht\s+zustellbar|fehlgeschlagen|non\s+remis|non\s+distribu|échec\s+de\s+(la\s+)?(remise|distribution)|no\s+se\s+(puede|pudo)\s+entregar|no\s+entregado|non\s+recapitabile|mancato\s+recapito|impossibile\s+recapitare|onbestelbaar|niet\s+afgeleverd|não\s+entregue|não\s+(é|foi)\s+possível\s+entregar|kan\s+inte\s+levereras|kunde\s+inte\s+levereras|olevererbar|ej\s+levererat
            ",
        )
        .expect("bounce subject regex"))
    })
    .is_match(&Haystack::new(subject))
}

/// Words of a report's own text that say delivery failed.
pub fn bounce_text(text: &str) -> bool {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(Regex::new(
            r"(?ix)
            could\s+not\s+be\s+delivered|couldn'?t\s+be\s+delivered|was\s+not\s+delivered|has\s+not\s+been\s+delivered|could\s+not\s+deliver|unable\s+to\s+deliver|undeliverable|delivery\s+(has\s+)?failed|failed\s+permanently|permanent(\s+fatal)?\s+error
            |this\s+is\s+the\s+(mail\s+system|qmail-send|postfix|mailer-daemon)|addresses\s+had\s+(permanent\s+)?(fatal\s+|delivery\s+)?(errors|problems)|i'?m\s+sorry\s+to\s+(have\s+to\s+)?inform\s+you|following\s+addresses?\s+had\s+(permanent\s+)?(fatal\s+)?errors|delivery\s+to\s+the\s+following\s+recipients?\s+failed
            |(user|mailbox)\s+unknown|unknown\s+(user|recipient|mailbox)|no\s+such\s+(user|mailbox|recipient)|does\s+not\s+exist|recipient\s+address\s+rejected|mailbox\s+(unavailable|full|is\s+full|not\s+found)|over\s*quota|quota\s+exceeded
            |message\s+(was\s+)?(rejected|refused|blocked|returned)|returned\s+to\s+(the\s+)?sender|smtp\s+error|550[\s-]|5\.\d{1,3}\.\d{1,3}|not\s+a\s+member|are\s+not\s+member
            |\x22notificationtype\x22\s*:\s*\x22bounce\x22
            |konnte\s+nicht\s+zugestellt|unzustellbar|n'a\s+pas\s+pu\s+être\s+(remis|distribué)|no\s+se\s+ha\s+podido\s+entregar|non\s+è\s+stato\s+possibile\s+recapitare|kon\s+niet\s+worden\s+afgeleverd|não\s+foi\s+possível\s+entregar|kunde\s+inte\s+levereras
            ",
        )
        .expect("bounce text regex"))
    })
    .is_match(&Haystack::new(text))
}

/// An abuse or spam complaint (a feedback loop's report): a notice, never a reply.
pub fn complaint(subject: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)complaint\s+about\s+message|abuse\s+report|spam\s+report|feedback\s+report|fbl\s+report")
            .expect("complaint regex")
    })
    .is_match(subject)
}

/// A delay warning or a success notice: neither a bounce nor a reply.
pub fn delay_or_success(subject: &str, text: &str) -> bool {
    static SUBJ: OnceLock<Regex> = OnceLock::new();
    static TEXT: OnceLock<Regex> = OnceLock::new();
    let subj = SUBJ.get_or_init(|| {
        Regex::new(r"(?i)\bdelay(ed)?\b|warning:\s+(could\s+not|message)|still\s+being\s+retried|will\s+(continue\s+to\s+)?retry|\(delay\)|\(relay\)|\(success\)|^delivered:|successful\s+(mail\s+)?delivery|relayed|verzögert|retardé|retrasado|ritardat")
            .expect("delay subject regex")
    });
    let text_re = TEXT.get_or_init(|| {
        Regex::new(r"(?i)temporary\s+failure\s+report|do\s+not\s+need\s+to\s+re-?send|warning\s+message\s+only|will\s+(continue\s+to\s+)?(retry|try)|not\s+yet\s+been\s+delivered|is\s+still\s+being\s+retried|delivery\s+(attempts\s+)?will\s+continue|no\s+action\s+is\s+required|delivery\s+to\s+the\s+following\s+recipients?\s+(was\s+)?(complete|succeeded|has\s+been\s+delayed)|has\s+been\s+delayed")
            .expect("delay text regex")
    });
    subj.is_match(subject) || (text_re.is_match(text) && !permanent_re().is_match(text))
}

fn permanent_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)permanent|fatal|gave\s+up|giving\s+up|failed|rejected|unknown|does\s+not\s+exist|could\s+not\s+be\s+delivered")
            .expect("permanent regex")
    })
}

/// An email address in running text.
pub(super) fn address_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"[A-Za-z0-9][A-Za-z0-9._%+=-]*@[A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z]{2,}")
            .expect("address regex")
    })
}

/// Lines of an embedded header block or about the original's identity: never a failed address.
fn header_line_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)^\s*(from|reply-to|return-path|sender|message-id|references|in-reply-to|received|envelope-from|x-[\w-]+|dkim-signature|list-[\w-]+|errors-to|by|with|id|for|original-envelope-id|reporting-mta|received-from-mta|remote-mta|x-postfix-sender|arrival-date|date)\s*[:=;]|message-?id|mail\s+from|smtp\.mailfrom|envelope-from|\bsender\b|\bfrom\s*:")
            .expect("header line regex")
    })
}

/// Words near a failed address in a text notice.
fn failure_cue_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)unknown|malformed|syntax|no\s+such|not\s+(found|exist|a\s+member|member|listed|delivered|accept)|does\s+not|doesn'?t|invalid|rejected|refused|denied|blocked|unavailable|disabled|inactive|suspended|full|quota|undeliver|couldn'?t|could\s+not|unable|failed|failure|error|bounced|[45]\d\d[\s-]|[45]\.\d{1,3}\.\d{1,3}|rcpt\s+to|recipient|to:|delivered\s+to|was\s+not|expired|timed?\s*out|gave\s+up|unrouteable|relay|spam|policy")
            .expect("failure cue regex")
    })
}

/// A local part that names a mail system or a list robot, not a person.
fn machine_local(local: &str) -> bool {
    let l = local.to_ascii_lowercase();
    matches!(
        l.as_str(),
        "mailer-daemon"
            | "postmaster"
            | "mail-daemon"
            | "mailerdaemon"
            | "root"
            | "abuse"
            | "daemon"
            | "mail"
            | "sysadmin"
            | "noreply"
            | "no-reply"
            | "bounce"
            | "bounces"
            | "support"
    ) || l.ends_with("-admin")
        || l.ends_with("-ctl")
        || l.starts_with("owner-")
        || l.ends_with("-request")
}

/// A message or queue identifier written like an address (`20240624.44446.qmail@…`).
fn message_id_like(local: &str) -> bool {
    let digits = local.chars().filter(|c| c.is_ascii_digit()).count();
    let hex = local.chars().filter(|c| c.is_ascii_hexdigit()).count();
    (digits >= 6 && local.chars().any(|c| c == '.' || c == '$'))
        || (local.len() >= 20 && hex * 10 >= local.len() * 8)
}

/// Amazon SES's JSON bounce notification (often JSON inside JSON, its quotes escaped).
pub fn ses_failures(text: &str) -> Vec<DsnFailure> {
    static KIND: OnceLock<Regex> = OnceLock::new();
    static ADDR: OnceLock<Regex> = OnceLock::new();
    let kind = KIND.get_or_init(|| {
        Regex::new(r#"notificationType\\?"\s*:\s*\\?"Bounce"#).expect("ses kind regex")
    });
    if !kind.is_match(text) {
        return Vec::new();
    }
    let addr = ADDR.get_or_init(|| {
        Regex::new(r#"emailAddress\\?"\s*:\s*\\?"([^"\\]+@[^"\\]+)"#).expect("ses address regex")
    });
    let mut out: Vec<DsnFailure> = Vec::new();
    for c in addr.captures_iter(text) {
        let a = c[1].to_ascii_lowercase();
        if !out.iter().any(|f| f.recipient == a) {
            out.push(DsnFailure {
                recipient: a,
                diagnostic: None,
            });
        }
    }
    out
}

/// The failed recipients a text-only notice names: addresses of the report's own text (lines
/// of embedded headers and message identifiers excluded) that stand on or around a line
/// saying what failed. `parties` are the report's own From/To/Cc addresses, chosen only when
/// nothing else is named (the sender of the original is almost never its failed recipient),
/// and mail-system addresses (postmaster@…) likewise come last.
pub fn text_failures(text: &str, parties: &[String]) -> Vec<DsnFailure> {
    struct Found {
        address: String,
        cued: bool,
        machine: bool,
        party: bool,
        diagnostic: Option<String>,
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut found: Vec<Found> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if header_line_re().is_match(line) {
            continue;
        }
        for m in address_re().find_iter(line) {
            let a = m.as_str().trim_end_matches('.').to_ascii_lowercase();
            let (local, _) = a.split_once('@').unwrap_or(("", ""));
            if message_id_like(local) {
                continue;
            }
            let window = lines[i.saturating_sub(1)..(i + 3).min(lines.len())].join(" ");
            let cued = failure_cue_re().is_match(&window);
            let diagnostic = cued.then(|| {
                let d = lines[i..(i + 3).min(lines.len())]
                    .iter()
                    .map(|l| l.trim())
                    .filter(|l| !l.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                crate::message::text::ellipsize(&d, 120)
            });
            match found.iter_mut().find(|f| f.address == a) {
                Some(f) if cued && !f.cued => {
                    f.cued = true;
                    f.diagnostic = diagnostic;
                }
                Some(_) => {}
                None => found.push(Found {
                    machine: machine_local(local),
                    party: parties.iter().any(|p| p.eq_ignore_ascii_case(&a)),
                    address: a,
                    cued,
                    diagnostic,
                }),
            }
        }
    }
    // Tiers: a cued person's address; a cued mail-system address; a cued report party.
    let tiers: [fn(&Found) -> bool; 3] = [
        |f| f.cued && !f.machine && !f.party,
        |f| f.cued && !f.party,
        |f| f.cued,
    ];
    for keep in tiers {
        let picked: Vec<DsnFailure> = found
            .iter()
            .filter(|f| keep(f))
            .map(|f| DsnFailure {
                recipient: f.address.clone(),
                diagnostic: f.diagnostic.clone(),
            })
            .collect();
        if !picked.is_empty() {
            return picked;
        }
    }
    // One address and nothing else: a terse notice ("You are not a member").
    let plain: Vec<&Found> = found.iter().filter(|f| !f.party).collect();
    match plain.as_slice() {
        [only] => vec![DsnFailure {
            recipient: only.address.clone(),
            diagnostic: None,
        }],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qmail_and_sendmail_text_notices_name_the_recipient() {
        let qmail = "Hi. This is the qmail-send program at mx.example.net.\nI'm afraid I wasn't able to deliver your message to the following addresses.\nThis is a permanent error; I've given up. Sorry it didn't work out.\n\n<ben@globex.example>:\n192.0.2.1 does not like recipient.\nRemote host said: 550 5.1.1 User unknown\n\n--- Below this line is a copy of the message.\n";
        let f = text_failures(qmail, &["alex@acme.io".into()]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].recipient, "ben@globex.example");
        let sendmail = "   ----- The following addresses had permanent fatal errors -----\n<kate@hooli.example>\n    (reason: 550 5.1.1 <kate@hooli.example>... User unknown)\n\n   ----- Transcript of session follows -----\nMessage-ID: <1234567.89012@acme.io>\nFrom: alex@acme.io\n";
        let f = text_failures(sendmail, &["alex@acme.io".into()]);
        assert_eq!(
            f.iter().map(|x| x.recipient.as_str()).collect::<Vec<_>>(),
            ["kate@hooli.example"]
        );
    }

    #[test]
    fn the_sender_and_message_ids_are_never_failed_recipients() {
        let t = "Your message to dana@northwind.example couldn't be delivered.\nOriginal message ID: <20240624085201.44446.qmail@nq.example.jp>\nSent by alex@acme.io";
        let f = text_failures(t, &["alex@acme.io".into()]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].recipient, "dana@northwind.example");
    }

    #[test]
    fn senders_and_subjects_of_mail_systems() {
        assert!(daemon_sender("MAILER-DAEMON <>"));
        assert!(daemon_sender(
            "\"System Administrator\" <admin@contoso.example>"
        ));
        assert!(daemon_sender(
            "MMSC NDR Administrator <sysadmin@m01.example.com>"
        ));
        assert!(!daemon_sender("Dana Whitfield <dana@northwind.example>"));
        assert!(bounce_subject("Undeliverable: Pricing for Northwind"));
        assert!(bounce_subject("Delivery Status Notification (Failure)"));
        assert!(bounce_subject("Unzustellbar: Angebot"));
        assert!(!bounce_subject("Re: Pricing for Northwind"));
        assert!(delay_or_success(
            "Delivery Status Notification (Delay)",
            "Delivery to the following recipient has been delayed"
        ));
    }
}
