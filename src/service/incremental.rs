//! Which threads a rescan may leave as the last scan decided them, told from headers alone.
//! One thread's decision reads another's mail only through the reply index, which is keyed by
//! sender address and company domain and links mail to conversations by subject. So threads
//! that share a prospect, a company domain (not free mail) or a subject form a group, and a
//! group whose every thread reads, header for header, as the last scan read it is *settled*:
//! its decisions are reused and none of its texts is read again. New mail re-decides only the
//! groups it joins.

use std::collections::HashMap;

use crate::identity::{is_freemail, Identity, Role};
use crate::message::text::base_subject;
use crate::message::Mail;
use crate::state::memo::Hasher;
use crate::thread::{Thread, UnionFind};

/// Add what a message's headers say to a thread's digest: ids, subject, date, every address
/// (two copies can share a Message-ID: Sent, and a Bcc to self), keywords, and whether it was
/// read from a folder replies land in.
pub fn add_headers(h: &mut Hasher, m: &Mail, in_reply_folder: bool) {
    h.add(m.message_id.as_bytes());
    h.add(m.subject.as_bytes());
    h.add(&m.date.map_or(0, |d| d.timestamp()).to_le_bytes());
    for list in [&m.from, &m.reply_to, &m.to, &m.cc, &m.bcc] {
        h.add(&list.len().to_le_bytes());
        for a in list.iter() {
            h.add(a.name.as_deref().unwrap_or("\0").as_bytes());
            h.add(a.email.as_bytes());
        }
    }
    match &m.sender {
        Some(a) => {
            h.add(a.name.as_deref().unwrap_or("\0").as_bytes());
            h.add(a.email.as_bytes());
        }
        None => h.add(b"\0no sender"),
    }
    h.add(&m.keywords.len().to_le_bytes());
    for k in &m.keywords {
        h.add(k.as_bytes());
    }
    h.add(&[in_reply_folder as u8]);
}

/// A thread's header digest under `global` (program, config, day, the rep's identity and
/// tagged examples): equal digests mean the thread holds the same messages, as addressed.
pub fn header_key(global: &Hasher, t: &Thread, mails: &[Mail], reply_folder: &[bool]) -> String {
    let mut h = global.clone();
    for &i in &t.messages {
        add_headers(&mut h, &mails[i], reply_folder[i]);
    }
    h.hex()
}

/// What ties a thread to others in the reply index: its prospects (`a:`), their company
/// domains (`d:`, free mail excepted: no one answers for a Gmail user's colleagues) and, by
/// subject (`s:`), the subject a conversation of the rep's is known by and those of the
/// replies that may be matched to one by it.
pub fn links(
    t: &Thread,
    mails: &[Mail],
    reply_folder: &[bool],
    identity: &Identity,
) -> Vec<String> {
    let mut out = Vec::new();
    let by_rep = |m: &Mail| m.author().is_some_and(|a| identity.is_rep(&a.email));
    let mut subject = |m: &Mail| {
        let s = base_subject(&m.subject).to_lowercase();
        if !s.is_empty() {
            out.push(format!("s:{s}"));
        }
    };
    if t.messages.iter().any(|&i| by_rep(&mails[i])) {
        if let Some(&i) = t.messages.first() {
            subject(&mails[i]);
        }
    }
    for &i in &t.messages {
        if reply_folder[i] && !by_rep(&mails[i]) {
            subject(&mails[i]);
        }
    }
    for &i in &t.messages {
        let m = &mails[i];
        for a in m.from.iter().chain(&m.to).chain(&m.cc).chain(&m.reply_to) {
            if identity.role(a) == Role::Prospect {
                out.push(format!("a:{}", a.email));
                if !is_freemail(a.domain()) {
                    out.push(format!("d:{}", a.domain()));
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// For each thread, whether its group is settled: every thread of the group is in `before`
/// (thread id → header digest of the last scan) with the digest it has now.
pub fn settled(
    threads: &[Thread],
    keys: &[String],
    links: &[Vec<String>],
    before: &HashMap<&str, &str>,
) -> Vec<bool> {
    let mut uf = UnionFind::new();
    for _ in threads {
        uf.add();
    }
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (ti, ls) in links.iter().enumerate() {
        for l in ls {
            match first.get(l.as_str()) {
                Some(&o) => uf.union(o, ti),
                None => {
                    first.insert(l, ti);
                }
            }
        }
    }
    let mut changed = vec![false; threads.len()];
    for (ti, t) in threads.iter().enumerate() {
        if before.get(t.id.as_str()) != Some(&keys[ti].as_str()) {
            let root = uf.find(ti);
            changed[root] = true;
        }
    }
    (0..threads.len()).map(|ti| !changed[uf.find(ti)]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn thread(id: &str) -> Thread {
        Thread {
            id: id.into(),
            messages: Vec::new(),
        }
    }

    #[test]
    fn new_mail_unsettles_its_group_and_no_other() {
        let threads = [thread("a"), thread("b"), thread("c"), thread("d")];
        let keys: Vec<String> = ["ka", "kb2", "kc", "kd"].map(String::from).to_vec();
        // a and b share a company; c shares b's subject; d stands alone.
        let links: Vec<Vec<String>> = vec![
            vec!["d:globex.example".into()],
            vec!["d:globex.example".into(), "s:pricing".into()],
            vec!["s:pricing".into(), "a:x@initech.example".into()],
            vec!["a:y@umbrella.example".into()],
        ];
        let before: HashMap<&str, &str> =
            [("a", "ka"), ("b", "kb"), ("c", "kc"), ("d", "kd")].into();
        // b changed: a (same company) and c (same subject) are decided again with it.
        assert_eq!(
            settled(&threads, &keys, &links, &before),
            [false, false, false, true]
        );
        // Nothing changed: all settled. A thread the last scan never saw unsettles its group.
        let keys_same: Vec<String> = ["ka", "kb", "kc", "kd"].map(String::from).to_vec();
        assert_eq!(
            settled(&threads, &keys_same, &links, &before),
            [true, true, true, true]
        );
        let before_no_d: HashMap<&str, &str> = [("a", "ka"), ("b", "kb"), ("c", "kc")].into();
        assert_eq!(
            settled(&threads, &keys_same, &links, &before_no_d),
            [true, true, true, false]
        );
    }
}
