//! Which message texts a scan needs, so an IMAP scan fetches only those (Maildir has them all).
//! Pure: decided from headers (and texts fetched in an earlier round).

use chrono::{DateTime, Utc};

use crate::classify::{classify, Kind};
use crate::config::AccountConfig;
use crate::identity::Identity;
use crate::message::Mail;
use crate::thread::Thread;

/// The rep's identity for this scan. Everything in Sent was sent by the rep: an address there
/// that the config doesn't list (an alias, an old address) still counts, with a warning.
pub fn rep_identity(
    account: &AccountConfig,
    mails: &[Mail],
    in_reply_folder: &[bool],
    sent: &str,
    warnings: &mut Vec<String>,
) -> Identity {
    let configured = Identity::new(
        &account.identity.addresses,
        &account.identity.internal_domains,
    );
    let mut addresses = account.identity.addresses.clone();
    for (m, in_reply) in mails.iter().zip(in_reply_folder) {
        if *in_reply || m.signals.rare().auto_submitted.is_some() {
            continue;
        }
        if let Some(a) = m.author() {
            if !configured.is_rep(&a.email)
                && !addresses.iter().any(|x| x.eq_ignore_ascii_case(&a.email))
            {
                warnings.push(format!(
                    "messages in {sent} are from {}, which is not in identity.addresses; treated as the rep's (add it to the config)",
                    a.email
                ));
                addresses.push(a.email.clone());
            }
        }
    }
    Identity::new(&addresses, &account.identity.internal_domains)
}

fn recent(m: &Mail, since: DateTime<Utc>) -> bool {
    m.date.is_none_or(|d| d >= since)
}

/// Messages that may be delivery reports (by header) since `since`: their text names the
/// original message and the failed recipient. Headers alone can't tell a report whose
/// subject or sender gives it away from one that only says so in its text, so any hint counts.
pub fn bounces(mails: &[Mail], since: DateTime<Utc>, max_recipients: usize) -> Vec<usize> {
    (0..mails.len())
        .filter(|&i| mails[i].body.is_none() && recent(&mails[i], since))
        .filter(|&i| {
            crate::classify::bounce::may_be_report(&mails[i])
                || matches!(
                    classify(&mails[i], max_recipients),
                    Kind::Bounce { .. } | Kind::Notice
                )
        })
        .collect()
}

/// Threads worth reading: the rep wrote in them and they moved since `since`.
pub fn candidates<'a>(
    threads: &'a [Thread],
    mails: &[Mail],
    identity: &Identity,
    since: DateTime<Utc>,
    only: Option<&str>,
) -> Vec<&'a Thread> {
    threads
        .iter()
        .filter(|t| only.is_none_or(|o| o == t.id))
        .filter(|t| t.messages.last().is_some_and(|&i| recent(&mails[i], since)))
        .filter(|t| t.messages.iter().any(|&i| is_rep_mail(&mails[i], identity)))
        .collect()
}

fn is_rep_mail(m: &Mail, identity: &Identity) -> bool {
    m.author().is_some_and(|a| identity.is_rep(&a.email))
}

/// Written on the rep's side: by the rep or a colleague (an internal side conversation is no
/// reply from the prospect).
fn is_our_side(m: &Mail, identity: &Identity) -> bool {
    m.author()
        .is_some_and(|a| identity.role(a) != crate::identity::Role::Prospect)
}

/// Round one: the last message of each thread (a human reply, an auto-reply, a bounce?).
pub fn last_messages(candidates: &[&Thread], mails: &[Mail]) -> Vec<usize> {
    candidates
        .iter()
        .filter_map(|t| t.messages.last().copied())
        .filter(|&i| mails[i].body.is_none())
        .collect()
}

/// Round two, for threads where the rep spoke last: the rep's unanswered messages (the
/// reason), what came after them (auto-replies), the prospect's last reply (a deferral), and
/// two earlier rep messages (a reason stated before). `kinds` are the messages' kinds as read
/// so far.
pub fn quiet_thread_texts(
    candidates: &[&Thread],
    mails: &[Mail],
    kinds: &[Kind],
    identity: &Identity,
    pauses: impl Fn(&Mail) -> bool,
) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for t in candidates {
        let human: Vec<usize> = t
            .messages
            .iter()
            .copied()
            .filter(|&i| kinds[i].is_human())
            .collect();
        let Some(&last_human) = human.last() else {
            continue;
        };
        if !is_our_side(&mails[last_human], identity) {
            // Replied: nothing more to read, unless the reply is the prospect's pause (its
            // text read in round one), which drafts later from the rep's earlier words.
            if pauses(&mails[last_human]) {
                out.extend(
                    t.messages
                        .iter()
                        .rev()
                        .filter(|&&i| is_rep_mail(&mails[i], identity))
                        .take(2)
                        .copied(),
                );
            }
            continue;
        }
        let first_trailing = human
            .iter()
            .rev()
            .take_while(|&&i| is_our_side(&mails[i], identity))
            .last()
            .copied()
            .unwrap_or(last_human);
        let before = human
            .iter()
            .rev()
            .find(|&&i| !is_our_side(&mails[i], identity))
            .copied();
        let pos = t
            .messages
            .iter()
            .position(|&i| i == first_trailing)
            .unwrap_or(0);
        // An out-of-office guessed from the subject alone ("Urlaub", no Auto-Submitted) may be
        // the prospect writing that they are away ("Hallo Alex, ich bin ab morgen im Urlaub"):
        // its text tells, and then it is their last word.
        out.extend(
            t.messages[..pos]
                .iter()
                .rev()
                .filter(|&&i| !is_our_side(&mails[i], identity))
                .take_while(|&&i| Some(i) != before)
                .filter(|&&i| {
                    matches!(kinds[i], Kind::AutoReply { .. })
                        && !crate::classify::auto_reply_by_headers(&mails[i])
                })
                .copied(),
        );
        out.extend(t.messages[pos..].iter().rev().take(8).copied());
        out.extend(before);
        out.extend(
            t.messages[..pos]
                .iter()
                .rev()
                .filter(|&&i| is_rep_mail(&mails[i], identity))
                .take(2)
                .copied(),
        );
    }
    out.retain(|&i| mails[i].body.is_none());
    out.sort_unstable();
    out.dedup();
    out
}

/// Round two, too: recent human mail in the reply folders that is in no thread of the rep's,
/// from a person (or the company domain) of a thread that may draft. It may be someone
/// answering for them ("O Sr. Rui Almeida está de férias até dia 30"), which sets a date
/// instead of ending the thread as replied (see `ReplyIndex::build`).
pub fn orphan_inbound(
    threads: &[Thread],
    candidates: &[&Thread],
    mails: &[Mail],
    kinds: &[Kind],
    in_reply_folder: &[bool],
    identity: &Identity,
    since: DateTime<Utc>,
) -> Vec<usize> {
    use crate::identity::{is_freemail, Role};
    use std::collections::HashSet;
    let mut people: HashSet<&str> = HashSet::new();
    let mut domains: HashSet<&str> = HashSet::new();
    for t in candidates {
        for &i in &t.messages {
            let m = &mails[i];
            for a in m.from.iter().chain(m.to.iter()).chain(m.cc.iter()) {
                if identity.role(a) == Role::Prospect {
                    people.insert(a.email.as_str());
                    if !is_freemail(a.domain()) {
                        domains.insert(a.domain());
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    for t in threads {
        if t.messages.iter().any(|&i| is_rep_mail(&mails[i], identity)) {
            continue;
        }
        out.extend(t.messages.iter().copied().filter(|&i| {
            let m = &mails[i];
            in_reply_folder[i]
                && m.body.is_none()
                && kinds[i].is_human()
                && recent(m, since)
                && m.author().is_some_and(|a| {
                    people.contains(a.email.as_str()) || domains.contains(a.domain())
                })
        }));
    }
    out
}

/// How many of the rep's newest tagged messages teach the reader the rep's wording.
pub const MAX_EXAMPLES: usize = 500;

/// What the reader learns the rep's wording from (see `reason::Examples`), chosen from headers
/// alone so that every scan reads the same set whatever else it reads: the rep's newest tagged
/// sent messages (IMAP keyword or plus-tag Bcc) and, when there are any, the rep's newest
/// untagged ones, which show which lines are boilerplate. Oldest first; some may still need
/// their text.
pub fn example_mails(
    mails: &[Mail],
    identity: &Identity,
    rules: &crate::reason::Rules,
    since: DateTime<Utc>,
) -> Vec<usize> {
    let (mut tagged, mut others): (Vec<usize>, Vec<usize>) = (0..mails.len())
        .filter(|&i| recent(&mails[i], since) && is_rep_mail(&mails[i], identity))
        .partition(|&i| rules.tagged_reason(&mails[i], identity).is_some());
    if tagged.is_empty() {
        return Vec::new();
    }
    tagged.sort_by_key(|&i| std::cmp::Reverse(mails[i].date));
    tagged.truncate(MAX_EXAMPLES);
    others.sort_by_key(|&i| std::cmp::Reverse(mails[i].date));
    others.truncate(crate::reason::BOILERPLATE_SAMPLE);
    tagged.extend(others);
    tagged.sort_unstable();
    tagged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Address;
    use chrono::TimeZone;

    fn m(from: &str, day: u32) -> Mail {
        Mail {
            message_id: format!("{from}{day}"),
            from: vec![Address::new(None, from)],
            to: vec![Address::new(None, "x@y.com")],
            date: Some(Utc.with_ymd_and_hms(2026, 11, day, 10, 0, 0).unwrap()),
            ..Mail::default()
        }
    }

    #[test]
    fn quiet_threads_read_the_unanswered_run_and_the_reply_before_it() {
        let id = Identity::new(&["rep@acme.io".into()], &[]);
        let mails = vec![
            m("rep@acme.io", 1),
            m("p@y.com", 2),
            m("rep@acme.io", 3),
            m("rep@acme.io", 9),
        ];
        let t = Thread {
            id: "a".into(),
            messages: vec![0, 1, 2, 3],
        };
        let kinds: Vec<Kind> = mails.iter().map(|m| classify(m, 15)).collect();
        let texts = quiet_thread_texts(&[&t], &mails, &kinds, &id, |_| false);
        assert_eq!(texts, vec![0, 1, 2, 3]);
        // A thread the prospect answered last needs nothing beyond round one.
        let replied = Thread {
            id: "b".into(),
            messages: vec![0, 1],
        };
        assert!(quiet_thread_texts(&[&replied], &mails, &kinds, &id, |_| false).is_empty());
        assert_eq!(last_messages(&[&t, &replied], &mails), vec![3, 1]);
    }
}
