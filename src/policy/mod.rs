//! The quiet-thread policy: given one thread, decide its status, the follow-up stage due, the
//! reason, and when it falls due. Pure; the service applies the drafted/dismissed record and
//! the lint afterwards.

pub mod calendar;
pub mod holidays;

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub use calendar::Calendar;

use crate::classify::Kind;
use crate::config::Policy;
use crate::dates::{deferral_date, promise_deadline, DateMention};
use crate::identity::{is_freemail, Identity, Role};
use crate::message::text::{ellipsize, own_text};
use crate::message::{Address, DsnFailure, Mail};
use crate::reason::{self, Finding, Rules, Source};

/// Every status a thread can have. The JSON contract spells them in snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A follow-up is due now (and `--dry-run` kept it from being written).
    Due,
    /// The follow-up for this stage is in the Drafts folder.
    Drafted,
    /// Quiet, but not yet due.
    Waiting,
    /// A human other than the rep wrote last (in the thread or, for the prospect, anywhere).
    Replied,
    /// Due or coming due, but no stated reason was found: tag the message to get a draft.
    NeedsReason,
    /// The cadence and the close-the-loop note were sent: nothing more until the prospect writes.
    Finished,
    /// The rep deleted the draft for this stage; it is not drafted again.
    Dismissed,
    /// The rendered draft failed the quality lint; nothing was written.
    Rejected,
    /// Not a prospect conversation (no prospect, bulk mail, calendar, notes to self, never written by the rep).
    Ignored,
    /// The rep's last message bounced for a prospect address: fix the address.
    Bounced,
    /// Overdue by more than `policy.max_age_days`: too late for a follow-up to make sense.
    Stale,
    /// The rep's last message expects no answer (thanks, congratulations, greetings, an FYI):
    /// no draft, and nothing for the rep to do.
    NoReplyExpected,
}

impl Status {
    /// Display order: what needs the rep's attention first.
    pub fn rank(&self) -> u8 {
        match self {
            Status::Due => 0,
            Status::Drafted => 1,
            Status::Rejected => 2,
            Status::NeedsReason => 3,
            Status::Bounced => 4,
            Status::Waiting => 5,
            Status::Replied => 6,
            Status::Dismissed => 7,
            Status::Finished => 8,
            Status::Stale => 9,
            Status::NoReplyExpected => 10,
            Status::Ignored => 11,
        }
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Due => "due",
            Status::Drafted => "drafted",
            Status::Waiting => "waiting",
            Status::Replied => "replied",
            Status::NeedsReason => "needs_reason",
            Status::Finished => "finished",
            Status::Dismissed => "dismissed",
            Status::Rejected => "rejected",
            Status::Ignored => "ignored",
            Status::Bounced => "bounced",
            Status::Stale => "stale",
            Status::NoReplyExpected => "no_reply_expected",
        }
    }
}

/// One inbound human message, for finding replies outside the thread.
#[derive(Debug, Clone)]
pub struct Inbound {
    pub date: DateTime<Utc>,
    pub message_id: String,
    pub from: String,
    pub subject: String,
    /// The rep's conversation this message belongs to instead, if any: its own thread has a
    /// message of the rep's, its sender is on a thread with the rep, or its subject is that
    /// of one of the rep's threads. A colleague's message that answers another conversation
    /// never answers this one.
    pub belongs_to: Option<String>,
    /// For a message that belongs to no conversation: the pause it states for the thread's
    /// people ("O Sr. Rui Almeida está de férias até dia 30 de novembro", written by his
    /// assistant), and the day it ends.
    pub pause: Option<(Finding, NaiveDate)>,
    /// For a message that belongs to no conversation: the words of its subject and text
    /// ([`topic_words`]), to tell whether it is about a given thread at all; `None` when its
    /// text was not read.
    pub words: Option<Vec<String>>,
}

/// The words a message or a thread is about: lower case, accents folded, three letters or
/// more, digits dropped.
pub fn topic_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && !w.chars().any(|c| c.is_ascii_digit()))
        .map(|w| {
            w.to_lowercase()
                .chars()
                .map(crate::message::text::fold)
                .collect()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// What a thread is about, for telling whether a colleague's new email concerns it: its
/// people's names and the content words of its subject, without the company's own name
/// (which a colleague's signature carries whatever they write about).
pub fn thread_topic(subject: &str, prospects: &[Address]) -> Vec<String> {
    const FUNCTION_WORDS: &[&str] = &[
        "the", "and", "for", "your", "with", "from", "about", "our", "der", "die", "das", "und",
        "fur", "ihr", "ihre", "les", "des", "pour", "votre", "avec", "los", "las", "para", "con",
        "del", "per", "della", "het", "een", "voor", "van", "met", "dos", "com", "sua", "seu",
        "och", "fran", "med", "ert", "era",
    ];
    let company: Vec<String> = prospects
        .iter()
        .map(|p| {
            let d = p.domain();
            d.split('.').next().unwrap_or(d).to_lowercase()
        })
        .collect();
    let mut out: Vec<String> = topic_words(&crate::message::text::base_subject(subject))
        .into_iter()
        .filter(|w| !FUNCTION_WORDS.contains(&w.as_str()))
        .filter(|w| !company.iter().any(|c| c.contains(w.as_str())))
        .collect();
    for p in prospects {
        let local = p.email.split('@').next().unwrap_or("");
        out.extend(topic_words(&format!(
            "{} {local}",
            p.name.as_deref().unwrap_or("")
        )));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// What an out-of-thread message says of a pause (see [`Inbound::pause`]).
pub type PauseOf<'a> = &'a (dyn Fn(&Mail) -> Option<(Finding, NaiveDate)> + Sync);

/// Inbound human mail by sender address and by sender domain.
#[derive(Debug, Default)]
pub struct ReplyIndex {
    /// Each inbound message once; the maps below hold positions in it (a mailbox's INBOX
    /// indexed twice, by address and by domain, held every entry twice).
    entries: Vec<Inbound>,
    by_address: HashMap<String, Vec<u32>>,
    by_domain: HashMap<String, Vec<u32>>,
}

impl ReplyIndex {
    /// Index the human, non-rep mail of the reply folders (`in_reply_folder`), each with the
    /// rep's conversation it belongs to (see [`Inbound::belongs_to`]).
    pub fn build(
        mails: &[Mail],
        kinds: &[Kind],
        in_reply_folder: &[bool],
        threads: &[crate::thread::Thread],
        identity: &Identity,
        pause_of: PauseOf,
    ) -> Self {
        use crate::message::text::base_subject;
        let is_rep = |m: &Mail| m.author().is_some_and(|a| identity.is_rep(&a.email));
        // The rep's conversations: their ids, the people on them, their subjects.
        let mut thread_of: Vec<Option<usize>> = vec![None; mails.len()];
        let mut rep_thread = vec![false; threads.len()];
        let mut person_thread: HashMap<String, usize> = HashMap::new();
        let mut subject_thread: HashMap<String, Option<usize>> = HashMap::new();
        for (ti, t) in threads.iter().enumerate() {
            for &i in &t.messages {
                thread_of[i] = Some(ti);
            }
            rep_thread[ti] = t.messages.iter().any(|&i| is_rep(&mails[i]));
            if !rep_thread[ti] {
                continue;
            }
            for &i in &t.messages {
                let m = &mails[i];
                for a in m.from.iter().chain(m.to.iter()).chain(m.cc.iter()) {
                    if identity.role(a) == Role::Prospect {
                        person_thread.entry(a.email.clone()).or_insert(ti);
                    }
                }
            }
            let subj = base_subject(&mails[t.messages[0]].subject).to_lowercase();
            if !subj.is_empty() {
                // A subject two conversations share names neither.
                subject_thread
                    .entry(subj)
                    .and_modify(|e| {
                        if *e != Some(ti) {
                            *e = None
                        }
                    })
                    .or_insert(Some(ti));
            }
        }
        let mut idx = ReplyIndex::default();
        for (i, m) in mails.iter().enumerate() {
            if !in_reply_folder[i] {
                continue;
            }
            let (Some(a), Some(date)) = (m.author(), m.date) else {
                continue;
            };
            // Notification senders (noreply@…) are already not human: classify makes them notices.
            if !kinds[i].is_human() || identity.role(a) == Role::Rep {
                continue;
            }
            let own = thread_of[i].filter(|&t| rep_thread[t]);
            let by_subject = subject_thread
                .get(&base_subject(&m.subject).to_lowercase())
                .copied()
                .flatten();
            // Its own thread, or the sender's: what it belongs to besides the subject.
            let direct = own.or_else(|| person_thread.get(&a.email).copied());
            let belongs_to = direct.or(by_subject).map(|t| threads[t].id.clone());
            // The pause is read for a message that answers a thread by subject alone, too
            // ("Re: Proposal" from the assistant: "She is travelling until 14 December").
            let (pause, words) = if belongs_to.is_none() {
                let text = m.body.as_deref().map(crate::message::text::own_text);
                let words = text.map(|t| {
                    let cut = t.char_indices().nth(4096).map_or(t.len(), |(i, _)| i);
                    topic_words(&format!("{} {}", m.subject, &t[..cut]))
                });
                (pause_of(m), words)
            } else if direct.is_none() {
                (pause_of(m), None)
            } else {
                (None, None)
            };
            let entry = Inbound {
                date,
                message_id: m.message_id.clone(),
                from: a.email.clone(),
                subject: m.subject.clone(),
                belongs_to,
                pause,
                words,
            };
            let at = idx.entries.len() as u32;
            idx.entries.push(entry);
            idx.by_domain
                .entry(a.domain().to_string())
                .or_default()
                .push(at);
            idx.by_address.entry(a.email.clone()).or_default().push(at);
        }
        idx.entries.shrink_to_fit();
        idx
    }

    /// A digest of the inbound mail indexed under each sender address and each sender domain:
    /// what [`ReplyIndex::reply_after`] can see for a thread's people, so a thread whose people
    /// got no new mail keeps its decision.
    pub fn digests(&self) -> HashMap<String, String> {
        let digest = |at: &[u32]| {
            let mut h = crate::state::memo::Hasher::default();
            for e in at.iter().map(|&i| &self.entries[i as usize]) {
                h.add(e.message_id.as_bytes());
                h.add(&e.date.timestamp().to_le_bytes());
                h.add(e.from.as_bytes());
                h.add(e.subject.as_bytes());
                h.add(e.belongs_to.as_deref().unwrap_or("").as_bytes());
                h.add(format!("{:?}{:?}", e.pause, e.words).as_bytes());
            }
            h.hex()
        };
        let mut out = HashMap::new();
        for (a, v) in &self.by_address {
            out.insert(format!("a:{a}"), digest(v));
        }
        for (d, v) in &self.by_domain {
            out.insert(format!("d:{d}"), digest(v));
        }
        out
    }

    /// The earliest message after `after` that answers thread `thread`: from one of
    /// `prospects` anywhere, or (with `by_domain`) from someone else at their non-free-mail
    /// company domain when it belongs to no other conversation of the rep's and is about this
    /// one: it names one of its people or a word of its subject (the assistant who answers for
    /// the boss), or its text was not read. A colleague asking for last month's invoice again
    /// answers nothing. `exclude` are the thread's own messages; `subject` is the thread's,
    /// read (with [`thread_topic`]) only when such an email is there to weigh.
    #[allow(clippy::too_many_arguments)]
    pub fn reply_after(
        &self,
        thread: &str,
        prospects: &[Address],
        after: DateTime<Utc>,
        by_domain: bool,
        exclude: &[&str],
        identity: &Identity,
        subject: &str,
    ) -> Option<&Inbound> {
        let topic = std::cell::OnceCell::new();
        let about = |i: &Inbound| {
            i.belongs_to.as_deref() == Some(thread)
                || prospects.iter().any(|p| p.email == i.from)
                || i.words.as_ref().is_none_or(|w| {
                    let topic = topic.get_or_init(|| thread_topic(subject, prospects));
                    w.iter().any(|x| topic.binary_search(x).is_ok())
                })
        };
        let mut found: Vec<&Inbound> = Vec::new();
        for p in prospects {
            let entry = |&i: &u32| &self.entries[i as usize];
            found.extend(
                self.by_address
                    .get(&p.email)
                    .into_iter()
                    .flatten()
                    .map(entry),
            );
            if by_domain && !is_freemail(p.domain()) && identity.role(p) == Role::Prospect {
                found.extend(
                    self.by_domain
                        .get(p.domain())
                        .into_iter()
                        .flatten()
                        .map(entry)
                        .filter(|i| i.belongs_to.as_deref().is_none_or(|t| t == thread))
                        .filter(|i| about(i)),
                );
            }
        }
        found
            .into_iter()
            .filter(|i| i.date > after && !exclude.contains(&i.message_id.as_str()))
            .min_by_key(|i| i.date)
    }
}

/// The message that made a thread `replied`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyInfo {
    pub from: String,
    pub message_id: String,
    pub date: Option<DateTime<Utc>>,
    pub subject: String,
    /// False when the reply came in a new email rather than in the thread.
    pub in_thread: bool,
}

/// What the policy decided for one thread. Serialisable so a rescan can reuse it (see
/// `state::memo`); only [`settle`] depends on the clock.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Decision {
    pub status: Status,
    pub stage: Option<u32>,
    pub reason: Option<Finding>,
    pub due_at: Option<DateTime<Utc>>,
    pub last_message_at: Option<DateTime<Utc>>,
    pub prospects: Vec<Address>,
    /// The rep's last message: the one a draft replies to (index into the thread's messages).
    pub reply_to: Option<usize>,
    /// Machine-readable cause of a wait beyond the cadence (`auto_reply`, `prospect_date`, …).
    pub waiting_for: Option<String>,
    /// A short human explanation ("away until 30 Nov", "bounced: ben@…").
    pub note: Option<String>,
    pub bounced: Vec<DsnFailure>,
    /// Whether the stage due is the close-the-loop note.
    pub close: bool,
    /// For `replied`: the message that counted.
    pub reply: Option<Box<ReplyInfo>>,
    /// What the reason reader saw (for `explain`).
    #[serde(skip)]
    pub reading: Option<Box<reason::Reading>>,
    /// For a thread with a due time: what [`settle`] needs to decide again at another `now`.
    pub unsettled: Option<Box<Unsettled>>,
}

/// The clock-free end of a decision: the thread falls due at `due_at`; whether it is due,
/// waiting or stale is a comparison with `now` made by [`settle`].
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Unsettled {
    /// The note before the clock is applied.
    pub note: Option<String>,
    /// Set when no reason was found: the note that asks the rep for one.
    pub needs_reason: Option<String>,
    pub max_age_days: u32,
    /// The rep's time zone, for the "overdue since" note.
    pub tz: String,
}

impl Decision {
    pub(crate) fn new(status: Status) -> Self {
        Decision {
            status,
            stage: None,
            reason: None,
            due_at: None,
            last_message_at: None,
            prospects: Vec::new(),
            reply_to: None,
            waiting_for: None,
            note: None,
            bounced: Vec::new(),
            close: false,
            reply: None,
            reading: None,
            unsettled: None,
        }
    }
    fn note(mut self, n: impl Into<String>) -> Self {
        self.note = Some(n.into());
        self
    }
}

/// Everything the policy needs besides the thread.
pub struct Inputs<'a> {
    pub identity: &'a Identity,
    pub policy: &'a Policy,
    pub calendar: &'a Calendar,
    pub rules: &'a Rules,
    /// The rep's tagged messages, to learn the rep's wording from.
    pub examples: &'a reason::Examples,
    pub replies: &'a ReplyIndex,
    pub now: DateTime<Utc>,
}

fn short_date(cal: &Calendar, t: DateTime<Utc>) -> String {
    t.with_timezone(&cal.tz).format("%-d %b").to_string()
}

/// Decide one thread. `mails` and `kinds` are the thread's messages, oldest first.
pub fn decide(mails: &[&Mail], kinds: &[Kind], inp: &Inputs) -> Decision {
    let id = inp.identity;
    let is_rep = |m: &Mail| m.author().is_some_and(|a| id.is_rep(&a.email));
    let last_at = mails.iter().filter_map(|m| m.date).max();

    let rep_idx: Vec<usize> = (0..mails.len()).filter(|&i| is_rep(mails[i])).collect();
    let Some(&last_rep_any) = rep_idx.last() else {
        return with_last(
            Decision::new(Status::Ignored).note("the rep never wrote in this thread"),
            last_at,
        );
    };
    match &kinds[last_rep_any] {
        Kind::Bulk => return with_last(Decision::new(Status::Ignored).note("bulk mail"), last_at),
        Kind::Calendar => {
            return with_last(
                Decision::new(Status::Ignored).note("calendar message"),
                last_at,
            )
        }
        _ => {}
    }
    let note_to_self = |m: &Mail| m.recipients().all(|a| id.is_rep(&a.email));
    if rep_idx.iter().all(|&i| note_to_self(mails[i])) && mails.iter().all(|m| is_rep(m)) {
        return with_last(Decision::new(Status::Ignored).note("note to self"), last_at);
    }

    // Prospects: everyone on the human messages who is neither the rep nor internal.
    let mut prospects: Vec<Address> = Vec::new();
    for (m, k) in mails.iter().zip(kinds) {
        if !k.is_human() {
            continue;
        }
        for a in m.from.iter().chain(m.to.iter()).chain(m.cc.iter()) {
            if id.role(a) == Role::Prospect && !prospects.iter().any(|p| p.email == a.email) {
                prospects.push(a.clone());
            }
        }
    }
    if prospects.is_empty() {
        return with_last(
            Decision::new(Status::Ignored).note("internal only: no prospect on the thread"),
            last_at,
        );
    }

    // Only messages the prospect is part of decide who spoke last: the rep forwarding the
    // thread to a colleague, and the colleague's answer, are an internal side conversation.
    let facing = |m: &Mail| {
        m.author().is_some_and(|a| id.role(a) == Role::Prospect)
            || m.recipients().any(|a| id.role(a) == Role::Prospect)
    };
    let human: Vec<usize> = (0..mails.len())
        .filter(|&i| kinds[i].is_human() && facing(mails[i]))
        .collect();
    let mut d = Decision::new(Status::Waiting);
    d.prospects = prospects.clone();
    d.last_message_at = last_at;
    let Some(&last_human) = human.last() else {
        return with_last(
            Decision::new(Status::Ignored).note("no human message"),
            last_at,
        );
    };
    if !is_rep(mails[last_human]) {
        d.status = Status::Replied;
        let who = mails[last_human]
            .author()
            .map(|a| a.email.clone())
            .unwrap_or_default();
        d.reply = Some(Box::new(ReplyInfo {
            from: who.clone(),
            message_id: mails[last_human].message_id.clone(),
            date: mails[last_human].date,
            subject: mails[last_human].subject.clone(),
            in_thread: true,
        }));
        d.note = mails[last_human]
            .date
            .map(|t| format!("{who} replied {}", short_date(inp.calendar, t)));
        let rep_before: Vec<&Mail> = human
            .iter()
            .rev()
            .filter(|&&i| is_rep(mails[i]))
            .map(|&i| mails[i])
            .collect();
        return prospect_paused(&d, mails[last_human], last_human, &rep_before, inp).unwrap_or(d);
    }

    // The rep's unanswered run at the end of the thread (prospect-facing, so never a note to
    // self); it ends with `last_human`, which is the rep's.
    let run = human
        .iter()
        .rev()
        .take_while(|&&i| is_rep(mails[i]))
        .count();
    let trailing: Vec<usize> = human[human.len() - run..].to_vec();
    let last_rep = last_human;
    let Some(last_rep_at) = mails[last_rep].date else {
        return d.note("the rep's last message has no date");
    };
    d.reply_to = Some(last_rep);
    let first_trailing_at = mails[trailing[0]].date.unwrap_or(last_rep_at);

    // A reply outside the thread (a new email, a reply from a colleague at the prospect).
    let thread_ids: Vec<&str> = mails.iter().map(|m| m.message_id.as_str()).collect();
    let thread_id = mails[0].message_id.as_str();
    let reply = inp.replies.reply_after(
        thread_id,
        &prospects,
        last_rep_at,
        inp.policy.domain_replies,
        &thread_ids,
        id,
        &mails[0].subject,
    );
    // Someone at the company writing, in a new email, that the person is away until a date
    // (the assistant answering for the boss): no answer to the rep's question, but a date to
    // come back on.
    let proxy: Option<(Finding, NaiveDate, String, DateTime<Utc>)> = reply.and_then(|r| {
        let (mut finding, day) = r.pause.clone()?;
        // Their words are not the prospect's own: no draft quotes them back as "you wrote".
        finding.commitment = None;
        Some((finding, day, r.from.clone(), r.date))
    });
    if let (None, Some(r)) = (&proxy, reply) {
        d.status = Status::Replied;
        d.reply = Some(Box::new(ReplyInfo {
            from: r.from.clone(),
            message_id: r.message_id.clone(),
            date: Some(r.date),
            subject: r.subject.clone(),
            in_thread: false,
        }));
        d.note = Some(format!(
            "{} replied in new thread {}",
            r.from,
            short_date(inp.calendar, r.date)
        ));
        d.waiting_for = None;
        return d;
    }

    // A bounce of the rep's recent mail for a prospect address.
    let recent_recipients: Vec<&str> = trailing
        .iter()
        .flat_map(|&i| mails[i].recipients().map(|a| a.email.as_str()))
        .collect();
    for (m, k) in mails.iter().zip(kinds) {
        if let Kind::Bounce { failed } = k {
            if m.date.is_some_and(|t| t < first_trailing_at) {
                continue;
            }
            let mut hits: Vec<DsnFailure> = failed
                .iter()
                .filter(|f| recent_recipients.contains(&f.recipient.as_str()))
                .cloned()
                .collect();
            if failed.is_empty() {
                // A bounce that names no address: look for a recipient's address in its text.
                let body = m.body.as_deref().unwrap_or("").to_lowercase();
                hits = recent_recipients
                    .iter()
                    .filter(|r| body.contains(*r) && !id.is_rep(r))
                    .map(|r| DsnFailure {
                        recipient: r.to_string(),
                        diagnostic: None,
                    })
                    .collect();
            }
            if !hits.is_empty() {
                d.status = Status::Bounced;
                let diag = hits[0]
                    .diagnostic
                    .clone()
                    .map(|s| format!(" {}", ellipsize(&s, 61)))
                    .unwrap_or_default();
                d.note = Some(format!("bounced: {}{}", hits[0].recipient, diag));
                d.bounced = hits;
                return d;
            }
        }
    }

    // The reason, from tags, plus-tags, the prospect's last reply, or the rep's own words.
    let prospect_last = human.iter().rev().map(|&i| mails[i]).find(|m| !is_rep(m));
    let mut rep_recent: Vec<&Mail> = trailing.iter().rev().map(|&i| mails[i]).collect();
    rep_recent.extend(
        rep_idx
            .iter()
            .rev()
            .filter(|i| !trailing.contains(i))
            .map(|&i| mails[i]),
    );
    let reading = reason::detect(
        &rep_recent,
        trailing.len(),
        prospect_last,
        id,
        inp.rules,
        inp.examples,
    );
    d.reason = match &proxy {
        Some((finding, ..)) => Some(finding.clone()),
        None => reading.finding.clone(),
    };
    // The rep's last message (it ends the thread) in their own words, sentence by sentence:
    // read once for a booked call, a break-up note and a promise still owed.
    let last_rep_text = mails[last_rep]
        .body
        .as_deref()
        .map(own_text)
        .unwrap_or_default();
    let last_rep_sentences = reason::model_sentences(&last_rep_text);
    // A call or meeting the rep confirmed for a day ("I'll give you a call on Thursday the
    // 3rd"): the reason when the reader found none, and nothing is due before that day.
    let agreed_meeting = {
        let reference = inp.calendar.local_date(last_rep_at);
        last_rep_sentences
            .iter()
            .filter(|s| reason::model::agreed_meeting(s))
            .find_map(|s| deferral_date(s, reference).map(|day| (s.clone(), day)))
    };
    if d.reason.is_none() {
        if let Some((sentence, _)) = &agreed_meeting {
            d.reason = Some(Finding {
                reason: "meeting".into(),
                source: Source::RepText,
                commitment: Some(sentence.clone()),
                learned_from: None,
                why: "the rep confirmed a call or meeting for a day".into(),
                at: Some(last_rep_at),
            });
        }
    }
    let expects_reply = reading.expects_reply || proxy.is_some();
    let candidates = reading.candidates.clone();
    d.reading = Some(Box::new(reading));
    // The rep closed the loop by hand ("I'll assume the timing isn't right"): nothing more
    // to draft until the prospect writes.
    if reason::closes_the_loop(&last_rep_text) {
        d.status = Status::Finished;
        d.note = Some(
            "your last message closed the loop; nothing more until the prospect writes".into(),
        );
        return d;
    }
    if d.reason.is_none() && !expects_reply {
        d.status = Status::NoReplyExpected;
        let declined = d.reading.as_ref().is_some_and(|r| r.declined);
        let won = d.reading.as_ref().is_some_and(|r| r.won);
        d.note = Some(if declined {
            "the prospect said no and the rep's answer asks nothing more".into()
        } else if won {
            "the prospect sent the signed order or contract and the rep's answer asks nothing more"
                .into()
        } else {
            "the rep's last message expects no answer (thanks, greetings, FYI)".into()
        });
        return d;
    }

    // Stage = the rep's unanswered touches. Messages within `same_touch_minutes` of the previous
    // one ("forgot the attachment") are one touch, not a follow-up.
    let window = Duration::minutes(inp.policy.same_touch_minutes as i64);
    let n = trailing
        .windows(2)
        .filter(|w| match (mails[w[0]].date, mails[w[1]].date) {
            (Some(a), Some(b)) => b - a > window,
            _ => true,
        })
        .count() as u32
        + 1;
    let cadence = inp
        .policy
        .cadence_for(d.reason.as_ref().map(|f| f.reason.as_str()));
    let k = cadence.len() as u32;
    d.stage = Some(n);
    if n > k + 1 {
        d.status = Status::Finished;
        d.note = Some(format!(
            "{n} messages sent without reply; the loop is closed"
        ));
        return d;
    }
    d.close = n == k + 1;
    let wait = if d.close {
        inp.policy.close_wait.unwrap_or(cadence[cadence.len() - 1])
    } else {
        cadence[(n - 1) as usize]
    };
    let mut due = inp.calendar.add_wait(last_rep_at, wait);

    // A date the prospect gave ("until the 14th", "in January"), or the rep's own commitment
    // for timing/away reasons, pushes the follow-up to that date instead of the cadence.
    let reference = inp.calendar.local_date(last_rep_at);
    let deferral = match &d.reason {
        _ if proxy.is_some() => proxy.as_ref().map(|(_, day, ..)| (*day, "prospect_date")),
        Some(f) if f.source == Source::ProspectText => prospect_last
            .and_then(|p| Some((p.body.as_deref()?, p.date.unwrap_or(last_rep_at))))
            .and_then(|(b, at)| deferral_date(&own_text(b), inp.calendar.local_date(at)))
            .map(|x| (x, "prospect_date")),
        Some(f) if f.reason == "timing" || f.reason == "away" => f
            .commitment
            .as_deref()
            .and_then(|c| deferral_date(c, reference))
            .or_else(|| {
                // The date may sit in the next sentence ("Enjoy your trip! Talk when you're back on the 30th.").
                deferral_date(&last_rep_text, reference)
            })
            .map(|x| (x, "agreed_date"))
            .or_else(|| {
                // "I'll reach back out when you're back" answers the prospect's "I'm out until
                // January 6th" (their own words, or their out-of-office): the date is theirs.
                let i = (0..mails.len()).rev().find(|&i| {
                    !is_rep(mails[i])
                        && mails[i].date.is_some_and(|t| t <= last_rep_at)
                        && matches!(kinds[i], Kind::Human | Kind::AutoReply { .. })
                })?;
                let day = match &kinds[i] {
                    Kind::AutoReply {
                        returns: Some(DateMention::Date(d)),
                    } => Some(*d + Duration::days(1)),
                    _ => deferral_date(
                        &own_text(mails[i].body.as_deref()?),
                        inp.calendar.local_date(mails[i].date?),
                    ),
                };
                day.map(|x| (x, "prospect_date"))
            }),
        // Any other reason the rep tied to a later day ("I'll loop back after your board
        // meeting on the 15th"): the reason stays, the follow-up waits for that day.
        Some(f) if f.source == Source::RepText => f
            .commitment
            .as_deref()
            .filter(|c| reason::model::comes_back_after(c) || reason::model::comes_back_then(c))
            .and_then(|c| {
                // "…which you expect by mid-January. I'll follow up then to kick off the
                // pilot.": "then" is the time the sentence before names.
                // The rep's own absence there is the away rule's (below), with its own note.
                if !reason::model::comes_back_after(c) {
                    let before = reason::sentence_beside(&last_rep_sentences, c, -1)?;
                    if reason::rep_is_away(before) {
                        return None;
                    }
                    return deferral_date(before, reference);
                }
                // The time may sit in the sentence after it ("I'll wait until procurement has
                // onboarded us. Shouldn't take more than a couple of weeks."); not anywhere in
                // the email ("…our prices hold until 31 March" is no wait).
                deferral_date(c, reference).or_else(|| {
                    let next = reason::sentence_beside(&last_rep_sentences, c, 1)?;
                    // A sentence about a thing of its own ("our prices hold until 31
                    // March") gives no length to the wait.
                    if reason::model::names_an_object(next) {
                        None
                    } else {
                        deferral_date(next, reference)
                    }
                })
            })
            .map(|x| (x, "agreed_date")),
        _ => None,
    };
    let deferral = deferral.or_else(|| {
        agreed_meeting
            .as_ref()
            .map(|(_, day)| (*day, "agreed_date"))
    });
    if let Some((day, why)) = deferral {
        let at = inp.calendar.first_workday_from(day);
        if at > due {
            due = at;
            d.waiting_for = Some(why.into());
            d.note = Some(match &proxy {
                Some((_, _, from, on)) => format!(
                    "{from} wrote in a new email ({}) to wait until {}",
                    short_date(inp.calendar, *on),
                    short_date(inp.calendar, at)
                ),
                None => format!(
                    "{} until {}",
                    if why == "prospect_date" {
                        "prospect asked to wait"
                    } else {
                        "agreed to wait"
                    },
                    short_date(inp.calendar, at)
                ),
            });
        }
    }

    // An out-of-office reply after the rep's last message: wait until the person is back.
    let ooo = (0..mails.len()).rev().find(|&i| {
        matches!(kinds[i], Kind::AutoReply { .. })
            && mails[i].date.is_some_and(|t| t >= first_trailing_at)
    });
    if let Some(i) = ooo {
        let Kind::AutoReply { returns } = &kinds[i] else {
            unreachable!()
        };
        let (at, note) = match returns {
            Some(DateMention::Date(day)) => (
                inp.calendar.first_workday_from(*day + Duration::days(1)),
                format!("away until {}", day.format("%-d %b")),
            ),
            Some(DateMention::Ambiguous(raw)) => (
                inp.calendar.add_wait(
                    mails[i].date.unwrap_or(last_rep_at),
                    inp.policy.autoreply_wait,
                ),
                format!("auto-reply, unclear date \"{raw}\""),
            ),
            None => (
                inp.calendar.add_wait(
                    mails[i].date.unwrap_or(last_rep_at),
                    inp.policy.autoreply_wait,
                ),
                "auto-reply without a return date".to_string(),
            ),
        };
        if at > due {
            due = at;
            d.waiting_for = Some("auto_reply".into());
            d.note = Some(note);
        } else if d.note.is_none() {
            d.note = Some(note);
        }
    }
    // The rep away themselves ("I'm out of office from Dec 1-4 at a conference, back on Monday
    // the 7th. I'll follow up then."): nothing is due before the day after they are back.
    // An absence still to come ("I'll be out from Dec 18 through Jan 4, so wanted to get this
    // to you before the break") leaves the follow-up before it, unless the rep tied it to
    // their return ("I'll follow up then").
    if !d.close {
        let due_day = inp.calendar.local_date(due);
        let back = last_rep_sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| reason::rep_is_away(s))
            .find_map(|(i, s)| {
                let day = deferral_date(s, reference)?;
                let dates: Vec<NaiveDate> =
                    crate::dates::find_dates(s, reference, crate::dates::order_hint(s))
                        .into_iter()
                        .filter_map(|(_, m)| match m {
                            DateMention::Date(d) => Some(d),
                            DateMention::Ambiguous(_) => None,
                        })
                        .collect();
                let starts_later =
                    dates.len() >= 2 && dates.iter().min().is_some_and(|st| *st > due_day);
                let tied = last_rep_sentences[i..]
                    .iter()
                    .take(2)
                    .any(|x| reason::follows_up_on_return(x));
                (!starts_later || tied).then_some(day)
            })
            .map(|day| inp.calendar.first_workday_from(day));
        if let Some(back) = back.filter(|b| *b > due) {
            due = back;
            d.note.get_or_insert_with(|| {
                format!(
                    "you said you are away; back by {}",
                    short_date(inp.calendar, back)
                )
            });
        }
    }
    // What the rep promised to send and still owes ("te la mando entro lunedì"), in the
    // sentence that gave the reason or another of their last message: the draft recalls it
    // but cannot contain it, so the rep is told.
    if d.note.is_none() && d.reason.is_some() && !d.close {
        let owed = d
            .reason
            .as_ref()
            .filter(|f| matches!(f.source, Source::RepText | Source::Learned))
            .and_then(|f| f.commitment.clone())
            .filter(|c| crate::draft::commitment::owed(c))
            .or_else(|| {
                // "Vous l'aurez d'ici vendredi." names what it owes in the sentence before (a
                // whole sentence: not a greeting line or a list item).
                let i = last_rep_sentences
                    .iter()
                    .position(|s| crate::draft::commitment::owed(s))?;
                let owed = &last_rep_sentences[i];
                Some(match i.checked_sub(1).map(|j| &last_rep_sentences[j]) {
                    Some(before)
                        if owed.split_whitespace().count() <= 6
                            && before.trim_end().ends_with(['.', '!', '?']) =>
                    {
                        format!("{before} {owed}")
                    }
                    _ => owed.clone(),
                })
            });
        if let Some(c) = owed {
            // "Should have it to you by Wednesday": the draft that carries it is not due
            // before the day the rep named (the thread is quiet because the rep owes it).
            if let Some(DateMention::Date(day)) = crate::dates::return_date(&c, reference) {
                let promised = inp.calendar.first_workday_from(day);
                if day >= reference && promised > due {
                    due = promised;
                }
            }
            d.note = Some(format!(
                "you promised: \u{201c}{}\u{201d}; attach or paste it before you send",
                ellipsize(&c, 90)
            ));
        }
    }
    // An answer the rep asked for by a day ("Could you let me know by December 10 whether you
    // can make it?"): the prospect has until then, so the reminder comes on the last working
    // day before it, not a cadence wait after the ask.
    if !d.close {
        if let Some(day) = last_rep_sentences
            .iter()
            .find_map(|s| crate::dates::answer_deadline(s, reference))
        {
            let mut before = day - Duration::days(1);
            while before > reference && !inp.calendar.is_workday(before) {
                before -= Duration::days(1);
            }
            let at = inp.calendar.first_workday_from(before);
            if at > due {
                due = at;
                d.note.get_or_insert_with(|| {
                    format!(
                        "you asked for an answer by {}",
                        short_date(inp.calendar, inp.calendar.first_workday_from(day))
                    )
                });
            }
        }
    }
    d.due_at = Some(due);
    d.unsettled = Some(Box::new(Unsettled {
        note: d.note.clone(),
        needs_reason: d.reason.is_none().then(|| match candidates.as_slice() {
            [] => "no stated reason: tag the sent message or Bcc yourself+reason".into(),
            c => format!(
                "unclear reason ({}): tag the sent message or Bcc yourself+reason",
                c.iter()
                    .map(|(r, p)| format!("{r} {p:.2}"))
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
        }),
        max_age_days: inp.policy.max_age_days,
        tz: inp.calendar.tz.name().to_string(),
    }));
    settle(&mut d, inp.now);
    d
}

/// A thread whose last word is the prospect's pause with a date ("let's pick this up in Q2"),
/// which asked for no answer: not `replied` (nothing more would ever be drafted), but waiting
/// until that date, the draft answering the prospect's message. `None` when the message is no
/// such pause (the thread stays `replied`).
///
/// So is their promise to look at it or come back by a date ("Will take a look next week"),
/// the draft then keyed to the reason the rep's own messages before it state.
fn prospect_paused(
    replied: &Decision,
    p: &Mail,
    p_idx: usize,
    rep_before: &[&Mail],
    inp: &Inputs,
) -> Option<Decision> {
    let (finding, day, promised) = match pause_in(p, inp.rules, inp.calendar) {
        Some((f, day)) => (f, day, false),
        None => {
            let day = promised_by(p, inp.calendar)?;
            let f = reason::detect(rep_before, 1, None, inp.identity, inp.rules, inp.examples)
                .finding?;
            (f, day, true)
        }
    };
    let due = inp.calendar.first_workday_from(day);
    let mut d = Decision::new(Status::Waiting);
    d.prospects = replied.prospects.clone();
    d.last_message_at = replied.last_message_at;
    d.reason = Some(finding);
    d.stage = Some(1);
    d.reply_to = Some(p_idx);
    d.due_at = Some(due);
    d.waiting_for = Some("prospect_date".into());
    d.note = Some(format!(
        "{} {} (their last message needed no answer)",
        if promised {
            "prospect said they would come back before"
        } else {
            "prospect asked to wait until"
        },
        short_date(inp.calendar, due)
    ));
    d.unsettled = Some(Box::new(Unsettled {
        note: d.note.clone(),
        needs_reason: None,
        max_age_days: inp.policy.max_age_days,
        tz: inp.calendar.tz.name().to_string(),
    }));
    settle(&mut d, inp.now);
    Some(d)
}

/// The first day a message's promise to come back has run out ("Will take a look next week":
/// the Monday after next week), when it asks nothing (see [`reason::promise_to_review`]).
pub fn promised_by(m: &Mail, calendar: &Calendar) -> Option<NaiveDate> {
    let sentence = reason::promise_to_review(&own_text(m.body.as_deref()?))?;
    promise_deadline(&sentence, calendar.local_date(m.date?))
}

/// The pause a message's own text states ("let's pick this up in Q2", "Mr Almeida is on
/// holiday until the 30th") with nothing else asked, and the day it ends: read the same way
/// for the prospect's last word in a thread and for a colleague's note in a new email.
pub fn pause_in(m: &Mail, rules: &Rules, calendar: &Calendar) -> Option<(Finding, NaiveDate)> {
    let text = own_text(m.body.as_deref()?);
    let finding = reason::prospect_pause(&text, m.date, rules)?;
    let day = deferral_date(&text, calendar.local_date(m.date?))?;
    Some((finding, day))
}

/// Apply the clock to a decision with a due time: due, waiting, or stale past
/// `policy.max_age_days`. A decision reused from an earlier scan is settled again this way.
pub fn settle(d: &mut Decision, now: DateTime<Utc>) {
    let (Some(u), Some(due)) = (d.unsettled.as_ref(), d.due_at) else {
        return;
    };
    d.note = u.note.clone();
    if now > due + Duration::days(u.max_age_days as i64) {
        let tz: chrono_tz::Tz = u.tz.parse().unwrap_or(chrono_tz::UTC);
        d.status = Status::Stale;
        d.note = Some(format!(
            "overdue since {}; too late to follow up",
            due.with_timezone(&tz).format("%-d %b")
        ));
        return;
    }
    if let Some(ask) = &u.needs_reason {
        d.status = Status::NeedsReason;
        d.note.get_or_insert_with(|| ask.clone());
        return;
    }
    if d.close {
        d.note.get_or_insert_with(|| "close the loop".into());
    }
    d.status = if now >= due {
        Status::Due
    } else {
        Status::Waiting
    };
}

fn with_last(mut d: Decision, last: Option<DateTime<Utc>>) -> Decision {
    d.last_message_at = last;
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_threads_topic_is_its_peoples_names_and_its_subject_without_the_company() {
        let p = [Address::new(
            Some("Sanne de Vries"),
            "sanne.devries@tulpgroep.example",
        )];
        let t = thread_topic("Re: Voorstel Tulp Groep voor de vestigingen", &p);
        for w in ["voorstel", "vestigingen", "sanne", "vries", "devries"] {
            assert!(t.contains(&w.to_string()), "{w}: {t:?}");
        }
        for w in ["tulp", "groep", "voor"] {
            assert!(!t.contains(&w.to_string()), "{w}: {t:?}");
        }
        assert_eq!(
            topic_words("Rui Almeida está de FÉRIAS 2026"),
            ["almeida", "esta", "ferias", "rui"]
        );
    }
}
