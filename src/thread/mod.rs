//! Rebuild conversations from Message-ID, In-Reply-To and References (the connected components
//! JWZ threading finds), then join reply fragments whose threading headers were lost by
//! normalized subject, but only where the participants overlap.

use std::collections::HashMap;

use crate::message::text::{base_subject, has_reply_prefix};
use crate::message::Mail;

/// One conversation: indices into the message slice, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thread {
    /// Message-ID of the thread's first message: the stable thread identifier.
    pub id: String,
    pub messages: Vec<usize>,
}

/// Disjoint sets over `0..n`, for joining messages into threads and threads into groups.
pub(crate) struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    pub(crate) fn new() -> Self {
        UnionFind { parent: Vec::new() }
    }
    pub(crate) fn add(&mut self) -> usize {
        self.parent.push(self.parent.len());
        self.parent.len() - 1
    }
    pub(crate) fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
    pub(crate) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[rb.max(ra)] = rb.min(ra);
        }
    }
}

/// Group messages into threads. The same message stored in two folders (Sent and INBOX, or
/// Gmail's All Mail) appears once; two different messages sharing a Message-ID are kept apart
/// and the later one does not pull its replies' threads together.
pub fn build(mails: &[Mail]) -> Vec<Thread> {
    let mut uf = UnionFind::new();
    let mut node_of_id: HashMap<&str, usize> = HashMap::with_capacity(mails.len() * 2);
    let mut node_of_mail: Vec<Option<usize>> = vec![None; mails.len()];
    let mut owner_of_id: HashMap<&str, usize> = HashMap::with_capacity(mails.len());

    for (i, m) in mails.iter().enumerate() {
        let id = m.message_id.as_str();
        if let Some(&other) = owner_of_id.get(id) {
            if same_message(&mails[other], m) {
                continue; // a copy: skipped entirely
            }
            // A colliding Message-ID: give this message its own node, linked to nothing by id.
            node_of_mail[i] = Some(uf.add());
        } else {
            owner_of_id.insert(id, i);
            let n = match node_of_id.get(id) {
                Some(&n) => n,
                None => {
                    let n = uf.add();
                    node_of_id.insert(id, n);
                    n
                }
            };
            node_of_mail[i] = Some(n);
        }
        let me = node_of_mail[i].expect("set above");
        for r in m.references.iter().chain(m.in_reply_to.iter()) {
            if r == id {
                continue;
            }
            let n = match node_of_id.get(r.as_str()) {
                Some(&n) => n,
                None => {
                    let n = uf.add();
                    node_of_id.insert(r.as_str(), n);
                    n
                }
            };
            uf.union(me, n);
        }
    }

    // Outlook's Thread-Index: its 22-byte header block (a time stamp and a conversation GUID)
    // is shared by every message of one conversation, even when Exchange dropped References.
    let mut by_conversation: HashMap<Vec<u8>, usize> = HashMap::new();
    for (i, m) in mails.iter().enumerate() {
        let (Some(node), Some(ti)) = (node_of_mail[i], m.signals.rare().thread_index.as_deref())
        else {
            continue;
        };
        let Some(head) = thread_index_head(ti) else {
            continue;
        };
        match by_conversation.get(&head) {
            Some(&other) => uf.union(node, other),
            None => {
                by_conversation.insert(head, node);
            }
        }
    }

    // Components → threads.
    let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, n) in node_of_mail.iter().enumerate() {
        if let Some(n) = n {
            by_root.entry(uf.find(*n)).or_default().push(i);
        }
    }
    let mut groups: Vec<Vec<usize>> = by_root.into_values().collect();
    for g in &mut groups {
        sort_by_date(mails, g);
    }
    groups.sort_by_key(|g| (mails[g[0]].date, g[0]));

    // Subject fallback: a group whose first message is a reply ("Re: …") that references
    // nothing we hold joins the latest earlier group with the same base subject and a shared
    // participant.
    let mut merged_into: Vec<Option<usize>> = vec![None; groups.len()];
    let mut by_subject: HashMap<String, Vec<usize>> = HashMap::new();
    for (gi, g) in groups.iter().enumerate() {
        let first = &mails[g[0]];
        let subject = base_subject(&first.subject);
        // An auto-responder's "Automatic reply: <subject>" without References is one too.
        let orphan_reply = (has_reply_prefix(&first.subject)
            || crate::message::text::has_auto_reply_prefix(&first.subject))
            && !first
                .references
                .iter()
                .chain(first.in_reply_to.iter())
                .any(|r| owner_of_id.contains_key(r.as_str()));
        if orphan_reply && !subject.is_empty() {
            if let Some(candidates) = by_subject.get(&subject) {
                if let Some(&target) = candidates.iter().rev().find(|&&c| {
                    let root = resolve(&merged_into, c);
                    participants_overlap(mails, &groups[root], g)
                }) {
                    merged_into[gi] = Some(resolve(&merged_into, target));
                    continue;
                }
            }
        }
        if !subject.is_empty() {
            by_subject.entry(subject).or_default().push(gi);
        }
    }
    let mut final_groups: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for (gi, g) in groups.iter().enumerate() {
        final_groups[resolve(&merged_into, gi)].extend(g);
    }
    final_groups
        .into_iter()
        .filter(|g| !g.is_empty())
        .map(|mut g| {
            sort_by_date(mails, &mut g);
            Thread {
                id: mails[g[0]].message_id.clone(),
                messages: g,
            }
        })
        .collect()
}

/// How long after the rep's message a delivery report can still be about it.
pub const BOUNCE_TIE_DAYS: i64 = 7;

/// Move each delivery report that threaded nowhere (it carried no copy of the original
/// Message-ID) into the thread of the rep's latest message to one of its failed recipients,
/// sent at most [`BOUNCE_TIE_DAYS`] before the report. `failed(i)` lists report `i`'s failed
/// recipients (`None`: not a report; asked only of messages in threads the rep is not in); a
/// report naming none is tied by a rep recipient's address in its text.
pub fn attach_orphan_bounces(
    threads: &mut Vec<Thread>,
    mails: &[Mail],
    failed: impl Fn(usize) -> Option<Vec<String>>,
    is_rep: impl Fn(&Mail) -> bool,
) {
    let window = chrono::Duration::days(BOUNCE_TIE_DAYS);
    let mut moves: Vec<(usize, usize, usize)> = Vec::new(); // (from thread, mail, to thread)
    for (ti, t) in threads.iter().enumerate() {
        if t.messages.iter().any(|&i| is_rep(&mails[i])) {
            continue;
        }
        for &b in &t.messages {
            let (Some(names), Some(at)) = (failed(b), mails[b].date) else {
                continue;
            };
            let body = mails[b].body.as_deref().unwrap_or("").to_ascii_lowercase();
            let hits = |m: &Mail| {
                m.recipients().any(|a| {
                    if names.is_empty() {
                        body.contains(&a.email)
                    } else {
                        names.iter().any(|n| n.eq_ignore_ascii_case(&a.email))
                    }
                })
            };
            let target = threads
                .iter()
                .enumerate()
                .filter(|(tj, _)| *tj != ti)
                .flat_map(|(tj, u)| u.messages.iter().map(move |&i| (tj, i)))
                .filter(|&(_, i)| is_rep(&mails[i]) && hits(&mails[i]))
                .filter(|&(_, i)| mails[i].date.is_some_and(|d| d <= at && at - d <= window))
                .max_by_key(|&(_, i)| mails[i].date);
            if let Some((tj, _)) = target {
                moves.push((ti, b, tj));
            }
        }
    }
    if moves.is_empty() {
        return;
    }
    for (from, b, to) in &moves {
        threads[*from].messages.retain(|i| i != b);
        threads[*to].messages.push(*b);
        sort_by_date(mails, &mut threads[*to].messages);
    }
    // Only the threads that changed can have a new first message (and so a new id).
    for &(from, _, to) in &moves {
        for t in [from, to] {
            if let Some(&first) = threads[t].messages.first() {
                threads[t].id = mails[first].message_id.clone();
            }
        }
    }
    threads.retain(|t| !t.messages.is_empty());
}

/// The conversation part (first 22 bytes) of a base64 Thread-Index.
fn thread_index_head(ti: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(ti.trim())
        .ok()?;
    (bytes.len() >= 22).then(|| bytes[..22].to_vec())
}

fn resolve(merged: &[Option<usize>], mut i: usize) -> usize {
    while let Some(j) = merged[i] {
        i = j;
    }
    i
}

fn sort_by_date(mails: &[Mail], g: &mut [usize]) {
    g.sort_by_key(|&i| (mails[i].date, i));
}

/// Copies of one message agree on author, date and subject.
fn same_message(a: &Mail, b: &Mail) -> bool {
    a.date == b.date
        && a.subject == b.subject
        && a.author().map(|x| &x.email) == b.author().map(|x| &x.email)
}

fn participants_overlap(mails: &[Mail], a: &[usize], b: &[usize]) -> bool {
    let people = |g: &[usize]| -> Vec<String> {
        g.iter()
            .flat_map(|&i| {
                let m = &mails[i];
                m.from
                    .iter()
                    .chain(m.to.iter())
                    .chain(m.cc.iter())
                    .map(|x| x.email.clone())
            })
            .collect()
    };
    // The rep is on nearly every thread, so require two shared addresses: the rep and the other party.
    let pa = people(a);
    let pb = people(b);
    let shared: std::collections::HashSet<&String> = pa.iter().filter(|x| pb.contains(x)).collect();
    shared.len() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Address;
    use chrono::{TimeZone, Utc};

    fn mail(id: &str, refs: &[&str], subject: &str, from: &str, to: &str, day: u32) -> Mail {
        Mail {
            message_id: id.into(),
            references: refs.iter().map(|s| s.to_string()).collect(),
            subject: subject.into(),
            from: vec![Address::new(None, from)],
            to: vec![Address::new(None, to)],
            date: Some(Utc.with_ymd_and_hms(2026, 11, day, 10, 0, 0).unwrap()),
            ..Mail::default()
        }
    }

    #[test]
    fn replies_join_through_references_even_with_a_missing_middle() {
        let m = vec![
            mail("a", &[], "Pricing", "rep@x.io", "p@y.com", 1),
            mail("c", &["a", "b"], "Re: Pricing", "p@y.com", "rep@x.io", 3),
            mail("z", &[], "Other", "rep@x.io", "q@z.com", 2),
        ];
        let t = build(&m);
        assert_eq!(t.len(), 2);
        let pricing = t.iter().find(|t| t.id == "a").unwrap();
        assert_eq!(pricing.messages, vec![0, 1]);
    }

    #[test]
    fn duplicate_message_ids_do_not_merge_unrelated_threads() {
        let m = vec![
            mail("dup", &[], "Pricing", "rep@x.io", "p@y.com", 1),
            mail("dup", &[], "Lunch", "rep@x.io", "q@z.com", 2),
        ];
        assert_eq!(build(&m).len(), 2);
    }

    #[test]
    fn copies_in_two_folders_count_once() {
        let a = mail("a", &[], "Pricing", "rep@x.io", "p@y.com", 1);
        let t = build(&[a.clone(), a]);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].messages, vec![0]);
    }

    #[test]
    fn subject_fallback_requires_shared_participants() {
        let m = vec![
            mail("a", &[], "Pricing", "rep@x.io", "p@y.com", 1),
            // Reply that lost its headers, from the same prospect: joins.
            mail("b", &[], "RE: Pricing", "p@y.com", "rep@x.io", 2),
            // Same subject from a stranger: stays apart.
            mail("c", &[], "Re: Pricing", "q@z.com", "rep@x.io", 3),
            // A new, non-reply message with the same subject: stays apart.
            mail("d", &[], "Pricing", "rep@x.io", "p@y.com", 4),
        ];
        let t = build(&m);
        assert_eq!(t.len(), 3);
        assert!(t.iter().any(|t| t.messages == vec![0, 1]));
    }

    #[test]
    fn an_auto_reply_without_references_joins_by_its_prefixed_subject() {
        let m = vec![
            mail("a", &[], "Pricing", "rep@x.io", "p@y.com", 1),
            mail(
                "b",
                &[],
                "Abwesenheitsnotiz: Pricing",
                "p@y.com",
                "rep@x.io",
                1,
            ),
            mail(
                "c",
                &[],
                "Automatic reply: Pricing",
                "q@z.com",
                "rep@x.io",
                2,
            ),
        ];
        let t = build(&m);
        assert!(t.iter().any(|t| t.messages == vec![0, 1]), "{t:?}");
        assert_eq!(t.len(), 2, "a stranger's auto-reply stays apart");
    }

    #[test]
    fn outlook_thread_index_joins_a_reply_without_references() {
        let mut a = mail("a", &[], "Angebot", "rep@x.io", "p@y.com", 1);
        a.signals.rare_mut().thread_index = Some("AdsE0F+Kq8Vd3b5pTuWzXvXqJ3kp2g==".into());
        let mut b = mail("b", &[], "AW: Angebot", "p@y.com", "rep@x.io", 2);
        b.signals.rare_mut().thread_index = Some("AdsE0F+Kq8Vd3b5pTuWzXvXqJ3kp2gAAAkL4YA==".into());
        let mut c = mail("c", &[], "Angebot", "rep@x.io", "q@z.com", 3);
        c.signals.rare_mut().thread_index = Some("AdsE0F+Kq8Vd3b5pTuWzXvXqJ3kp2w==".into());
        let t = build(&[a, b, c]);
        assert_eq!(t.len(), 2);
        assert!(t.iter().any(|t| t.messages == vec![0, 1]));
    }

    #[test]
    fn missing_ids_never_join_each_other() {
        let mut a = mail(
            "h1@followup.invalid",
            &[],
            "Hello",
            "rep@x.io",
            "p@y.com",
            1,
        );
        a.synthetic_id = true;
        let mut b = mail(
            "h2@followup.invalid",
            &[],
            "Hello",
            "rep@x.io",
            "p@y.com",
            2,
        );
        b.synthetic_id = true;
        assert_eq!(build(&[a, b]).len(), 2);
    }
}
