//! The scan: read the mailbox through a [`MailStore`], thread, classify, decide, and draft what
//! is due. The only module that joins the pure core to the I/O edges.

pub mod doctor;
pub mod fetch_plan;
pub mod incremental;
pub mod run;

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::classify::{classify, Kind};
use crate::config::{AccountConfig, Config};
use crate::draft::compose::{
    compose, draft_key, draft_message_id, legacy_draft_key, ComposeError, Rep, Request,
};
use crate::draft::{DraftMessage, Lint, Templates, Violation};
use crate::mailbox::{MailStore, MailboxError};
use crate::message::Mail;
use crate::policy::{decide, Calendar, Inputs, ReplyIndex, Status};
use crate::reason::Source;
use crate::state::memo::{MemoMail, MemoThread, MemoThreadRef, ScanMemo, ScanMemoRef};
use crate::state::rendered::{Entry, RenderMemo};
use crate::state::{DraftRecord, ScanLock, State, StateError};
use crate::thread;

#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    // The inner error is shown in the message, not chained as a source: `{:#}` would print it
    // once per level.
    #[error("account {account}: {error}")]
    Mailbox {
        account: String,
        error: MailboxError,
    },
    #[error("account {account}: {error}")]
    State { account: String, error: StateError },
}

/// The draft part of a thread's report (the JSON contract's `draft` object).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DraftReport {
    pub from: String,
    pub subject: String,
    pub to: Vec<String>,
    pub cc: Vec<String>,
    pub in_reply_to: String,
    pub references: Vec<String>,
    pub body: String,
    pub message_id: String,
    pub key: String,
    /// The whole message as written to Drafts (not serialized; for `preview`).
    #[serde(skip)]
    pub raw: Vec<u8>,
    /// The template variables it was rendered with (not serialized; `preview --annotate`).
    #[serde(skip)]
    pub vars: Vec<(String, String)>,
    /// The language the draft is written in (`en`, `de`, `fr`, `es`, `it`, `nl`, `pt`, `sv`).
    pub language: String,
    /// True when the thread's language has no template or value item and the draft is in
    /// English instead.
    pub language_fallback: bool,
    /// The language the thread reads as (another than `language` on a fallback).
    pub language_detected: String,
    /// Formal address (Sie, vous, usted, Lei, u).
    pub formal: bool,
    /// Why this language (for `preview`; not serialized).
    #[serde(skip)]
    pub language_why: String,
}

impl DraftReport {
    /// The report of a built draft; `message_id` overrides its Message-ID (the one in Drafts).
    /// `keep` keeps the whole message and its variables (for `preview` of one thread; a full
    /// scan would otherwise hold every due draft twice over).
    fn of(msg: &DraftMessage, message_id: Option<String>, keep: bool) -> DraftReport {
        let s = &msg.spec;
        DraftReport {
            from: s.from.email.clone(),
            subject: s.subject.clone(),
            to: s.to.iter().map(|a| a.email.clone()).collect(),
            cc: s.cc.iter().map(|a| a.email.clone()).collect(),
            in_reply_to: s.in_reply_to.clone(),
            references: s.references.clone(),
            body: s.body.clone(),
            message_id: message_id.unwrap_or_else(|| s.message_id.clone()),
            key: s.key.clone(),
            raw: if keep { msg.raw.clone() } else { Vec::new() },
            vars: if keep { s.vars.clone() } else { Vec::new() },
            language: s.language.clone(),
            language_fallback: s.language_fallback,
            language_detected: s.language_detected.clone(),
            formal: s.formal,
            language_why: s.language_why.clone(),
        }
    }
}

/// One line of `scan --format json`: the contract scripts rely on. Fields are only ever added.
#[derive(Debug, Clone, Serialize)]
pub struct ThreadReport {
    pub account: String,
    pub thread: String,
    pub subject: String,
    pub prospects: Vec<String>,
    pub status: Status,
    pub reason: Option<String>,
    pub reason_source: Option<Source>,
    pub commitment: Option<String>,
    pub stage: Option<u32>,
    pub close_the_loop: bool,
    pub due_at: Option<DateTime<Utc>>,
    pub last_message_at: Option<DateTime<Utc>>,
    pub waiting_for: Option<String>,
    pub note: Option<String>,
    pub bounced: Vec<String>,
    pub messages: usize,
    pub draft: Option<Box<DraftReport>>,
    /// For `rejected`: the lint rules that fired (or the template error).
    pub rejected_by: Vec<String>,
    /// For `replied`: the message that counted as the reply.
    pub reply: Option<Box<crate::policy::ReplyInfo>>,
    /// For `reason_source: "learned"`: the rep's tagged message whose wording matched.
    pub learned_from: Option<String>,
    /// What the reason reader saw (for `explain`; not part of the JSON).
    #[serde(skip)]
    pub reading: Option<Box<crate::reason::Reading>>,
}

/// The outcome of scanning one account.
#[derive(Debug, Default)]
pub struct ScanReport {
    /// The folders read and written.
    pub folders: Option<crate::mailbox::Folders>,
    pub threads: Vec<ThreadReport>,
    pub warnings: Vec<String>,
    pub messages_read: usize,
    pub drafts_written: usize,
    /// Follow-ups the rep sent from this program's drafts, and whether they got a reply.
    pub followups_sent: Vec<SentFollowup>,
}

/// A follow-up drafted here and sent by the rep (for `report`: what works).
#[derive(Debug, Clone, Serialize)]
pub struct SentFollowup {
    pub account: String,
    pub thread: String,
    pub reason: Option<String>,
    pub stage: u32,
    pub template: Option<String>,
    pub drafted_at: DateTime<Utc>,
    pub sent_at: DateTime<Utc>,
    /// `key`: the sent message kept the draft's `X-Followup-Key`; `thread`: the rep's first
    /// message in the thread after the draft (mail clients that drop unknown headers).
    pub matched_by: &'static str,
    /// The first answer from the prospect after it, in the thread or elsewhere.
    pub replied_at: Option<DateTime<Utc>>,
}

/// Longest a draft may wait in Drafts and still count as the follow-up the rep then sent.
const SENT_WITHIN_DAYS: i64 = 21;

/// Find, for each drafted follow-up on record, the message the rep sent from it and the first
/// reply that came after.
fn sent_followups(
    account: &str,
    state: &State,
    threads: &[thread::Thread],
    mails: &[Mail],
    kinds: &[Kind],
    identity: &crate::identity::Identity,
    reports: &[ThreadReport],
) -> Vec<SentFollowup> {
    let by_id: std::collections::HashMap<&str, &thread::Thread> =
        threads.iter().map(|t| (t.id.as_str(), t)).collect();
    // The reply each thread's decision counted (possibly outside the thread), by thread id.
    let reply_at: std::collections::HashMap<&str, DateTime<Utc>> = reports
        .iter()
        .filter_map(|r| Some((r.thread.as_str(), r.reply.as_ref()?.date?)))
        .collect();
    let is_rep = |m: &Mail| m.author().is_some_and(|a| identity.is_rep(&a.email));
    let mut out = Vec::new();
    for (key, rec) in state.records() {
        let Some(t) = by_id.get(rec.thread.as_str()) else {
            continue;
        };
        let rep_msgs = || t.messages.iter().copied().filter(|&i| is_rep(&mails[i]));
        let by_key =
            rep_msgs().find(|&i| mails[i].signals.rare().followup_key.as_deref() == Some(key));
        let (sent, matched_by) = match by_key {
            Some(i) => (i, "key"),
            None => match rep_msgs().find(|&i| {
                mails[i].date.is_some_and(|d| {
                    d >= rec.drafted_at
                        && d <= rec.drafted_at + chrono::Duration::days(SENT_WITHIN_DAYS)
                })
            }) {
                Some(i) => (i, "thread"),
                None => continue,
            },
        };
        let Some(sent_at) = mails[sent].date else {
            continue;
        };
        let in_thread = t
            .messages
            .iter()
            .copied()
            .filter(|&i| mails[i].date.is_some_and(|d| d > sent_at))
            .filter(|&i| kinds[i].is_human())
            .filter(|&i| {
                mails[i]
                    .author()
                    .is_some_and(|a| identity.role(a) == crate::identity::Role::Prospect)
            })
            .filter_map(|i| mails[i].date)
            .min();
        let elsewhere = reply_at
            .get(rec.thread.as_str())
            .copied()
            .filter(|d| *d > sent_at);
        out.push(SentFollowup {
            account: account.to_string(),
            thread: rec.thread.clone(),
            reason: rec.reason.clone(),
            stage: rec.stage,
            template: rec.template.clone(),
            drafted_at: rec.drafted_at,
            sent_at,
            matched_by,
            replied_at: in_thread.or(elsewhere),
        });
    }
    out.sort_by(|a, b| a.sent_at.cmp(&b.sent_at).then(a.thread.cmp(&b.thread)));
    out
}

/// How far back message texts are read (for reasons, auto-replies and bounces). Older
/// threads are decided from headers alone; past `policy.max_age_days` they are stale anyway.
pub const BODY_WINDOW_DAYS: i64 = 400;

/// Options of one scan.
pub struct ScanOptions<'a> {
    pub now: DateTime<Utc>,
    pub dry_run: bool,
    /// Only this thread (Message-ID of its first message), for `preview`.
    pub only_thread: Option<&'a str>,
    /// Keep each draft's whole message and variables in the report (`preview` of many
    /// threads); one thread's are always kept.
    pub keep_drafts: bool,
    /// Find the follow-ups the rep sent from earlier drafts (for `report`): needs every
    /// message, so the scan never reuses the last decisions.
    pub sent_followups: bool,
    /// Render again the drafts already in Drafts, so the report shows them (`scan`,
    /// `preview`); `run` only logs counts and skips that work.
    pub show_drafted: bool,
}

/// Build the rep's calendar from the config.
pub fn calendar(cfg: &Config, account: &AccountConfig, now: DateTime<Utc>) -> Calendar {
    let p = &cfg.policy;
    Calendar {
        business_days: p.business_days,
        work_week: p.work_week.clone(),
        holidays: {
            // Configured dates plus the computed public holidays of the configured countries,
            // for the years a wait can span.
            let mut h = p.holidays.clone();
            let this_year = chrono::Datelike::year(&now);
            for y in this_year - 2..=this_year + 2 {
                for c in &p.holiday_countries {
                    h.extend(crate::policy::holidays::holidays(c, y).unwrap_or_default());
                }
                if p.holiday_countries.is_empty() {
                    // With no country set, still the two days every supported country keeps:
                    // "let's talk in January" never drafts on New Year's Day.
                    h.extend(crate::policy::holidays::universal(y));
                }
            }
            h
        },
        tz: account.identity.timezone.parse().unwrap_or(chrono_tz::UTC),
        start: p.work_start,
        end: p.work_end,
        away: account
            .identity
            .away
            .iter()
            .filter_map(|r| {
                Some((
                    NaiveDate::parse_from_str(&r.from, "%Y-%m-%d").ok()?,
                    NaiveDate::parse_from_str(&r.until, "%Y-%m-%d").ok()?,
                ))
            })
            .collect(),
    }
}

/// Everything `templates check` reports for a template set: each file rendered in every
/// language, address form and tense the thread can show, then linted; and value items that
/// only claim value.
pub fn template_findings(cfg: &Config, templates: &Templates) -> Vec<String> {
    let lint = lint(cfg);
    let now = Utc::now();
    let rep = Rep {
        name: "Alex Morgan",
        email: "alex@acme.example",
        signature: "Alex Morgan\nAcme",
        tz: chrono_tz::UTC,
        locale: "en-US",
        booking_url: None,
        calendar: None,
        language: "en",
    };
    let prospect = [crate::message::Address::new(
        Some("Dana Whitfield"),
        "dana@northwind.example",
    )];
    // Templates are checked in each tense the thread can show (see `commitment.kind`).
    // An invitation to an event a month ahead, for the meeting drafts' event branch.
    let invitation = format!(
        "I've reserved a spot for you at our customer roundtable on {}.",
        (now + chrono::Duration::days(30)).format("%B %-d")
    );
    let sample = |kind: &str, lang: &str, reason: &str, stage: u32, close: bool| {
        let items = cfg.value_items.get(reason).cloned().unwrap_or_default();
        let event = kind == "event";
        // A thread with figures, a question and a commitment, so every kind of item
        // shows its substance in the check.
        let facts = crate::draft::value::ThreadFacts {
            rep_texts: vec![
                "Attached is the quote: the total comes to $24,000 per year for the three regions."
                    .into(),
            ],
            prospect_text: Some("Thanks. Does that include onboarding for the Lyon team?".into()),
            commitment: Some("Attached is the quote for the three regions.".into()),
            slots: vec![
                "Tuesday, Nov 24 at 10 a.m. EST".into(),
                "Wednesday, Nov 25 at 2 p.m. EST".into(),
            ],
            framing: Some(crate::language::framing(lang, true)),
            subject: Some("Quote for Northwind".into()),
            commitment_is_theirs: false,
            event: event.then(|| invitation.clone()),
            lint: None,
        };
        let value = crate::draft::value::pick(reason, &items, stage, &facts, lang, "en").unwrap_or(
            crate::config::ValueItem {
                title: "a sample value item".into(),
                summary: "why it matters".into(),
                url: None,
                attachment: None,
                content: Some("The sample value itself.".into()),
                from_thread: None,
                lang: None,
            },
        );
        let total = cfg.policy.cadence_for(Some(reason)).len() as u32;
        crate::draft::compose::context(
            &prospect,
            "Pricing for the three regions",
            &rep,
            reason,
            if close { total + 1 } else { stage },
            total,
            close,
            now - chrono::Duration::days(4),
            now,
            value,
            crate::draft::compose::Stated {
                text: Some(match kind {
                    "event" => invitation.as_str(),
                    "sent" => "Attached is the quote for the three regions.",
                    "promised" => "I'll send the quote for the three regions by Friday.",
                    // The prospect's words, so `prospect_text` branches are checked too.
                    _ => "Could you send the pricing for the three regions by Friday?",
                }),
                source: if kind == "other" {
                    "prospect_text"
                } else {
                    "rep_text"
                },
                at: now - chrono::Duration::days(4),
                rep_text: if event {
                    invitation.as_str()
                } else {
                    "Thanks, Dana."
                },
                prospect_text: None,
            },
            // The prospect-worded pass checks the informal forms, the others the formal.
            &crate::draft::compose::Voice {
                lang: lang.to_string(),
                formal: kind != "other",
            },
        )
    };
    let mut findings = Vec::new();
    // Value items that would only claim value: name the entry to complete.
    for (reason, items) in &cfg.value_items {
        for (i, item) in items.iter().enumerate() {
            if !item.has_asset() && item.from_thread.is_none() {
                findings.push(format!(
                    "value_items.{reason}[{i}] (\"{}\"): no_substance: claims a value it doesn't carry; give it a url, an attachment (a file path) or content (the text itself)",
                    item.title
                ));
            }
            // An item that nags makes every draft that brings it fail the lint.
            for (field, text) in [
                ("title", Some(item.title.as_str())),
                ("summary", Some(item.summary.as_str())),
                ("content", item.content.as_deref()),
            ] {
                for v in lint.banned_in(text.unwrap_or("")) {
                    findings.push(format!(
                        "value_items.{reason}[{i}] (\"{}\"): banned_phrase {} in its {field}: every draft that brings it would be refused; reword it to say what it gives",
                        item.title, v.detail
                    ));
                }
            }
        }
    }
    for kind in ["sent", "promised", "other", "event"] {
        for f in templates.check(&lint, &|l: &str, r: &str, st: u32, c: bool| {
            sample(kind, l, r, st, c)
        }) {
            let f = f.to_string();
            if !findings.contains(&f) {
                findings.push(f);
            }
        }
    }
    findings
}

/// The lint settings from the config.
pub fn lint(cfg: &Config) -> Lint {
    Lint::new(cfg.banned_phrases.clone(), cfg.max_words, 20)
}

/// One thread ready for the drafting step: its decision and the messages a draft reads.
struct Item {
    id: String,
    subject: String,
    messages: usize,
    d: crate::policy::Decision,
    /// Indexes into [`Decided::mails`], oldest first; empty for a reused decision that
    /// cannot draft.
    mail_idx: Vec<usize>,
    /// The text prefix read from each of those messages (for the memo).
    text_caps: Vec<Option<usize>>,
    /// A reused decision's messages, read only if the thread drafts.
    to_load: Vec<MemoMail>,
    /// What the decision was made from (see [`thread_key`]).
    key: String,
    /// The thread's headers alone (see [`incremental::header_key`]).
    hkey: String,
}

/// Every thread's decision, and the mail the drafting step needs.
struct Decided {
    mails: Vec<Mail>,
    identity: crate::identity::Identity,
    items: Vec<Item>,
    warnings: Vec<String>,
    messages_read: usize,
}

impl Decided {
    /// Free every message no draft can read: only a thread that is due, waiting or asks for a
    /// reason renders (or is checked against Drafts). Its facts are in the decision already,
    /// so a large mailbox's headers and texts don't stay resident through drafting.
    fn release_undraftable(&mut self) {
        let mut keep = vec![false; self.mails.len()];
        for it in &mut self.items {
            if matches!(
                it.d.status,
                Status::Due | Status::Waiting | Status::NeedsReason
            ) {
                for &i in &it.mail_idx {
                    keep[i] = true;
                }
            } else {
                it.mail_idx = Vec::new();
                it.text_caps = Vec::new();
            }
        }
        // The kept messages move to a new, short list (at 100k messages the old one's slots
        // alone held some 70 MiB), and the threads' indexes follow them.
        let mut moved = vec![usize::MAX; self.mails.len()];
        let mut kept = Vec::with_capacity(keep.iter().filter(|k| **k).count());
        for (i, (m, keep)) in self.mails.iter_mut().zip(keep).enumerate() {
            if keep {
                moved[i] = kept.len();
                kept.push(std::mem::take(m));
            }
        }
        self.mails = kept;
        for it in &mut self.items {
            for i in &mut it.mail_idx {
                *i = moved[*i];
            }
        }
        crate::mem::return_free_memory();
    }

    /// What a later rescan reuses when nothing has changed, borrowed from this scan (at 100k
    /// messages a copy of every decision cost 57 MiB while the drafts were made).
    fn memo<'a>(&'a self, key: &'a str, base: &'a str) -> ScanMemoRef<'a> {
        let mut m = ScanMemoRef::new(key, base, &self.identity);
        m.messages_read = self.messages_read;
        m.warnings = &self.warnings;
        m.threads = self
            .items
            .iter()
            .map(|it| MemoThreadRef {
                id: &it.id,
                key: &it.key,
                hkey: &it.hkey,
                subject: &it.subject,
                messages: it.messages,
                decision: &it.d,
                mails: if !it.to_load.is_empty() {
                    // A settled thread's, as the scan that decided it read them.
                    std::borrow::Cow::Borrowed(&it.to_load[..])
                } else if it.d.unsettled.is_some() {
                    it.mail_idx
                        .iter()
                        .zip(&it.text_caps)
                        .filter_map(|(&i, &cap)| {
                            Some(MemoMail {
                                at: self.mails[i].location.clone()?,
                                message_id: self.mails[i].message_id.clone(),
                                text_cap: cap,
                            })
                        })
                        .collect::<Vec<_>>()
                        .into()
                } else {
                    std::borrow::Cow::Borrowed(&[])
                },
            })
            .collect();
        m
    }
}

/// What the decisions of a scan depend on besides the mail: the program, the config and the
/// day (the calendar's years and the text window move with it); then, with each folder read,
/// the key of the whole scan. The key is `None` when a folder can't say cheaply whether it
/// changed (then only threads can be reused, one by one).
async fn memo_key<S: MailStore>(
    store: &mut S,
    cfg: &Config,
    read: &[(String, bool)],
    now: DateTime<Utc>,
) -> Result<(String, Option<String>), MailboxError> {
    let mut h = crate::state::memo::Hasher::default();
    // A rebuilt program (another model, other rules) decides afresh.
    h.add(program_id().as_bytes());
    h.add(cfg.digest.as_bytes());
    h.add(now.date_naive().to_string().as_bytes());
    let base = h.hex();
    for (folder, is_reply) in read {
        let Some(token) = store.token(folder).await? else {
            return Ok((base, None));
        };
        h.add(folder.as_bytes());
        h.add(&[*is_reply as u8]);
        h.add(token.as_bytes());
    }
    Ok((base, Some(h.hex())))
}

/// A file's modification time and size: it changed when this does (empty when unreadable).
fn file_stamp(path: &std::path::Path) -> String {
    std::fs::metadata(path)
        .map(|m| format!("{:?}/{}", m.modified().ok(), m.len()))
        .unwrap_or_default()
}

/// This program's version and build (the executable's time and size).
fn program_id() -> String {
    let exe = std::env::current_exe()
        .map(|p| file_stamp(&p))
        .unwrap_or_default();
    format!("{}/{exe}", env!("CARGO_PKG_VERSION"))
}

/// What a dry run's drafts read besides each thread: the program, the config, the templates,
/// the value items' files, and the clock through the day and the slots a draft offers.
fn render_base(cfg: &Config, templates: &Templates, cal: &Calendar, now: DateTime<Utc>) -> String {
    let mut h = crate::state::memo::Hasher::default();
    h.add(program_id().as_bytes());
    h.add(cfg.digest.as_bytes());
    h.add(templates.digest().as_bytes());
    h.add(now.date_naive().to_string().as_bytes());
    for items in cfg.value_items.values() {
        for path in items.iter().filter_map(|i| i.attachment.as_deref()) {
            h.add(path.as_bytes());
            h.add(file_stamp(std::path::Path::new(path)).as_bytes());
        }
    }
    h.add(format!("{:?}", crate::draft::slots::next_slots(cal, now, 3)).as_bytes());
    h.hex()
}

/// What one thread's render reads of it: its decision's key and what was decided.
fn render_key(it: &Item, was_due: bool, drafted: bool) -> String {
    let mut h = crate::state::memo::Hasher::default();
    h.add(it.id.as_bytes());
    h.add(it.key.as_bytes());
    let d = &it.d;
    h.add(
        format!(
            "{:?}|{:?}|{}|{:?}|{was_due}|{drafted}",
            d.stage, d.reason, d.close, d.reply_to
        )
        .as_bytes(),
    );
    h.hex()
}

/// Why a draft was refused: the rules that fired (or the error) and the note saying so.
fn refusal(e: &ComposeError) -> (Vec<String>, String) {
    match e {
        ComposeError::Lint(v, _) => {
            let by: Vec<String> = v
                .iter()
                .map(|Violation { rule, detail, .. }| format!("{rule}: {detail}"))
                .collect();
            let note = format!("lint: {}", by.join("; "));
            (by, note)
        }
        e => (vec![e.to_string()], e.to_string()),
    }
}

/// A dry run's rendered outcome for one thread, kept between scans (`state::rendered`).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct CachedRender {
    /// The draft (its Message-ID is made again at each scan).
    draft: Option<DraftReport>,
    /// Refused: the rules that fired and the note.
    refused: Option<(Vec<String>, String)>,
}

/// Everything one thread's decision reads besides the config and the clock: the rep's
/// identity and tagged examples (`global`), each message as read (id, people, subject, date,
/// tags, kind, folder, how much text), and the mail from the thread's people and their
/// companies anywhere (`replies`, by [`ReplyIndex::digests`]).
#[allow(clippy::too_many_arguments)]
fn thread_key(
    global: &crate::state::memo::Hasher,
    t: &thread::Thread,
    mails: &[Mail],
    kinds: &[Kind],
    caps: &[Option<usize>],
    reply_folder: &[bool],
    identity: &crate::identity::Identity,
    replies: &std::collections::HashMap<String, String>,
) -> String {
    let mut h = global.clone();
    let mut people: Vec<String> = Vec::new();
    for &i in &t.messages {
        let m = &mails[i];
        incremental::add_headers(&mut h, m, reply_folder[i]);
        h.add(format!("{:?}", kinds[i]).as_bytes());
        h.add(&caps[i].unwrap_or(0).to_le_bytes());
        h.add(&m.body.as_ref().map_or(0, |b| b.len() + 1).to_le_bytes());
        for a in m.from.iter().chain(&m.to).chain(&m.cc) {
            if identity.role(a) == crate::identity::Role::Prospect {
                people.push(format!("a:{}", a.email));
                people.push(format!("d:{}", a.domain()));
            }
        }
    }
    people.sort_unstable();
    people.dedup();
    for p in &people {
        h.add(p.as_bytes());
        h.add(replies.get(p).map_or("", String::as_str).as_bytes());
    }
    h.hex()
}

/// The decisions of a memo settled for `now`. No mail is read here: the messages of the few
/// threads that draft are read later, once Drafts and the state file have said which.
fn reuse(memo: ScanMemo, now: DateTime<Utc>) -> Decided {
    let items = memo
        .threads
        .into_iter()
        .map(|t| {
            let mut d = t.decision;
            crate::policy::settle(&mut d, now);
            Item {
                id: t.id,
                subject: t.subject,
                messages: t.messages,
                d,
                mail_idx: Vec::new(),
                text_caps: Vec::new(),
                to_load: t.mails,
                key: t.key,
                hkey: t.hkey,
            }
        })
        .collect();
    Decided {
        mails: Vec::new(),
        identity: memo.identity,
        items,
        warnings: memo.warnings,
        messages_read: memo.messages_read,
    }
}

/// Read again the messages a reused decision drafts from, with the text prefixes the deciding
/// scan read. `None` when one is gone (the mailbox changed since its folders were compared).
async fn load_memo_mails<S: MailStore>(
    store: &mut S,
    wanted: &[&MemoMail],
) -> Result<Option<Vec<Mail>>, MailboxError> {
    let at: Vec<crate::message::Location> = wanted.iter().map(|m| m.at.clone()).collect();
    let loaded = store.load_at(&at).await?;
    let mut mails = Vec::with_capacity(loaded.len());
    for (m, w) in loaded.into_iter().zip(wanted) {
        match m {
            Some(m) if m.message_id == w.message_id => mails.push(m),
            _ => return Ok(None),
        }
    }
    // A report's larger cap first, as the deciding scan read it.
    let mut caps: Vec<usize> = wanted.iter().filter_map(|m| m.text_cap).collect();
    caps.sort_unstable_by(|a, b| b.cmp(a));
    caps.dedup();
    for cap in caps {
        let which: Vec<usize> = (0..wanted.len())
            .filter(|&i| wanted[i].text_cap == Some(cap))
            .collect();
        store.fetch_bodies(&mut mails, &which, cap).await?;
    }
    Ok(Some(mails))
}

/// Read bodies for `which` and note the cap each text was first read with.
async fn fetch_texts<S: MailStore>(
    store: &mut S,
    mails: &mut [Mail],
    caps: &mut [Option<usize>],
    which: &[usize],
    cap: usize,
) -> Result<(), MailboxError> {
    if which.is_empty() {
        return Ok(());
    }
    store.fetch_bodies(mails, which, cap).await?;
    for &i in which {
        if caps[i].is_none() && mails[i].body.is_some() {
            caps[i] = Some(cap);
        }
    }
    Ok(())
}

/// A debug line at the end of each phase of a scan, with the time since it started
/// (`RUST_LOG=followup=debug`).
fn phase_done(started: &std::time::Instant, name: &str) {
    tracing::debug!(
        ms = started.elapsed().as_millis() as u64,
        rss_mib = crate::mem::resident_mib(),
        peak_mib = crate::mem::peak_mib(),
        "scan phase done: {name}"
    )
}

/// The last scan's decisions, and the base (program, config, day) this scan decides under.
struct Earlier<'a> {
    memo: Option<&'a ScanMemo>,
    base: &'a str,
}

/// A thread to decide, its header digest, and whether its group is settled.
type Wanted<'a> = (&'a thread::Thread, &'a String, bool);

/// The full read: load every folder, thread, fetch the texts decisions read, and decide each
/// thread (or the one asked for). Also returns the threads and kinds `report` needs.
async fn decide_all<S: MailStore>(
    store: &mut S,
    cfg: &Config,
    account: &AccountConfig,
    opts: &ScanOptions<'_>,
    (read, sent): (&[(String, bool)], &str),
    started: &std::time::Instant,
    earlier: Earlier<'_>,
) -> Result<(Decided, (Vec<thread::Thread>, Vec<Kind>)), ScanError> {
    let merr = |error| ScanError::Mailbox {
        account: account.name.clone(),
        error,
    };
    let phase = |name: &str| phase_done(started, name);
    let mut warnings = Vec::new();
    // Every folder first, then one vector of exactly their size: growing it folder by folder
    // would briefly hold a large mailbox's messages twice.
    let mut folders = Vec::with_capacity(read.len());
    for (folder, is_reply) in read {
        let loaded = store.load(folder).await.map_err(merr)?;
        warnings.extend(loaded.warnings);
        folders.push((loaded.mails, *is_reply));
    }
    let total = folders.iter().map(|(m, _)| m.len()).sum();
    let mut mails: Vec<Mail> = Vec::with_capacity(total);
    let mut reply_folder: Vec<bool> = Vec::with_capacity(total);
    for (loaded, is_reply) in folders {
        reply_folder.extend(std::iter::repeat_n(is_reply, loaded.len()));
        mails.extend(loaded);
    }
    let messages_read = mails.len();
    let mut caps: Vec<Option<usize>> = vec![None; mails.len()];
    phase("load");
    let identity = fetch_plan::rep_identity(account, &mails, &reply_folder, sent, &mut warnings);
    // Bodies are fetched on demand (IMAP), for recent mail only: first the bounces, whose
    // text names the original message (so they thread), then, in two rounds, what a decision
    // reads (see `fetch_plan`).
    let window = opts.now - chrono::Duration::days(BODY_WINDOW_DAYS);
    let bounces = fetch_plan::bounces(&mails, window, cfg.policy.max_recipients);
    fetch_texts(
        store,
        &mut mails,
        &mut caps,
        &bounces,
        crate::mailbox::REPORT_CAP,
    )
    .await
    .map_err(merr)?;
    phase("report texts");
    let mut threads = thread::build(&mails);
    // Reports that carried no copy of the original's Message-ID join by failed recipient.
    let failed = |i: usize| {
        if !crate::classify::bounce::may_be_report(&mails[i]) {
            return None;
        }
        match classify(&mails[i], cfg.policy.max_recipients) {
            Kind::Bounce { failed } => Some(failed.into_iter().map(|f| f.recipient).collect()),
            _ => None,
        }
    };
    thread::attach_orphan_bounces(&mut threads, &mails, failed, |m| {
        m.author().is_some_and(|a| identity.is_rep(&a.email))
    });
    phase("threads");
    // Groups of threads the last scan decided that no new mail has joined keep their
    // decisions, and none of their texts is read (see `incremental`).
    // The examples are chosen from headers, so every scan learns from the same messages.
    let example_idx = fetch_plan::example_mails(&mails, &identity, &cfg.rules, window);
    let mut hglobal = crate::state::memo::Hasher::default();
    hglobal.add(earlier.base.as_bytes());
    hglobal.add(format!("{identity:?}").as_bytes());
    for &i in &example_idx {
        hglobal.add(mails[i].message_id.as_bytes());
    }
    let hkeys = crate::par::map(&threads, |t| {
        incremental::header_key(&hglobal, t, &mails, &reply_folder)
    });
    let before: std::collections::HashMap<&str, &MemoThread> = earlier
        .memo
        .map(|m| m.threads.iter().map(|t| (t.id.as_str(), t)).collect())
        .unwrap_or_default();
    let settled: Vec<bool> = if before.is_empty() || opts.only_thread.is_some() {
        vec![false; threads.len()]
    } else {
        let digests: std::collections::HashMap<&str, &str> = before
            .iter()
            .map(|(id, t)| (*id, t.hkey.as_str()))
            .collect();
        let links = crate::par::map(&threads, |t| {
            incremental::links(t, &mails, &reply_folder, &identity)
        });
        incremental::settled(&threads, &hkeys, &links, &digests)
    };
    let settled_ids: HashSet<&str> = threads
        .iter()
        .zip(&settled)
        .filter(|(_, s)| **s)
        .map(|(t, _)| t.id.as_str())
        .collect();
    phase("settled groups");
    let mut candidates =
        fetch_plan::candidates(&threads, &mails, &identity, window, opts.only_thread);
    candidates.retain(|t| !settled_ids.contains(t.id.as_str()));
    let round1 = fetch_plan::last_messages(&candidates, &mails);
    fetch_texts(
        store,
        &mut mails,
        &mut caps,
        &round1,
        crate::mailbox::TEXT_CAP,
    )
    .await
    .map_err(merr)?;
    phase("last messages' texts");
    // Every message's kind as read so far, on every core; only the messages whose texts
    // round two reads are classified again below.
    let kind_of = |m: &Mail| {
        let by_rep = m.author().is_some_and(|a| identity.is_rep(&a.email));
        crate::classify::classify_for(m, cfg.policy.max_recipients, by_rep)
    };
    let mut kinds: Vec<Kind> = crate::par::map(&mails, kind_of);
    let cal = calendar(cfg, account, opts.now);
    // The pause a message states and the day it ends (see `policy::pause_in`): the prospect's
    // last word in a thread here, a colleague's note in a new email below.
    let pause_of = |m: &Mail| crate::policy::pause_in(m, &cfg.rules, &cal);
    let mut round2 = fetch_plan::quiet_thread_texts(&candidates, &mails, &kinds, &identity, |m| {
        pause_of(m).is_some() || crate::policy::promised_by(m, &cal).is_some()
    });
    round2.extend(
        example_idx
            .iter()
            .copied()
            .filter(|&i| mails[i].body.is_none()),
    );
    round2.extend(fetch_plan::orphan_inbound(
        &threads,
        &candidates,
        &mails,
        &kinds,
        &reply_folder,
        &identity,
        window,
    ));
    round2.sort_unstable();
    round2.dedup();
    fetch_texts(
        store,
        &mut mails,
        &mut caps,
        &round2,
        crate::mailbox::TEXT_CAP,
    )
    .await
    .map_err(merr)?;
    store.done_reading();

    phase("quiet threads' texts");
    // Classification is a function of the message as read: only round two's changed.
    let again = crate::par::map(&round2, |&i| kind_of(&mails[i]));
    for (&i, k) in round2.iter().zip(again) {
        kinds[i] = k;
    }
    let replies = ReplyIndex::build(
        &mails,
        &kinds,
        &reply_folder,
        &threads,
        &identity,
        &pause_of,
    );
    let examples = crate::reason::Examples::from_mails(
        example_idx.iter().map(|&i| &mails[i]),
        &identity,
        &cfg.rules,
    );
    let inputs = Inputs {
        identity: &identity,
        policy: &cfg.policy,
        calendar: &cal,
        rules: &cfg.rules,
        examples: &examples,
        replies: &replies,
        now: opts.now,
    };

    phase("classify");
    // Deciding is pure and most of a scan's work (reading reasons): spread the threads over
    // the cores. Drafting below stays in thread order, one APPEND at a time.
    let wanted: Vec<Wanted> = threads
        .iter()
        .zip(&hkeys)
        .zip(&settled)
        .filter(|((t, _), _)| opts.only_thread.is_none_or(|o| o == t.id))
        .map(|((t, h), s)| (t, h, *s))
        .collect();
    // A thread whose own key is what the last scan (same program, config and day) decided
    // from keeps that decision: new mail is decided where it lands, and where it answers.
    let mut global = crate::state::memo::Hasher::default();
    global.add(earlier.base.as_bytes());
    global.add(format!("{identity:?}{examples:?}").as_bytes());
    let reply_digests = replies.digests();
    let keys = crate::par::map(&wanted, |(t, _, settled)| {
        (!settled).then(|| {
            thread_key(
                &global,
                t,
                &mails,
                &kinds,
                &caps,
                &reply_folder,
                &identity,
                &reply_digests,
            )
        })
    });
    phase("thread keys");
    let keyed: Vec<(Wanted, Option<String>)> = wanted.into_iter().zip(keys).collect();
    let decide_one = |((t, _, _), key): &(Wanted, Option<String>)| {
        let earlier = before.get(t.id.as_str());
        // A settled group's thread, or a thread whose own key is unchanged.
        if let Some(p) = earlier.filter(|p| key.as_ref().is_none_or(|k| *k == p.key)) {
            let mut d = p.decision.clone();
            crate::policy::settle(&mut d, opts.now);
            return (d, p.key.clone(), true);
        }
        let key = key.clone().unwrap_or_default();
        let tm: Vec<&Mail> = t.messages.iter().map(|&i| &mails[i]).collect();
        let tk: Vec<Kind> = t.messages.iter().map(|&i| kinds[i].clone()).collect();
        let mut d = decide(&tm, &tk, &inputs);
        if opts.only_thread.is_none() {
            // Per-sentence scores are for `explain` (one thread); a full scan keeps none.
            d.reading = None;
        }
        (d, key, false)
    };
    let decisions = crate::par::map(&keyed, decide_one);
    tracing::debug!(
        ms = started.elapsed().as_millis() as u64,
        threads = decisions.len(),
        reused = decisions.iter().filter(|d| d.2).count(),
        settled = settled_ids.len(),
        rss_mib = crate::mem::resident_mib(),
        peak_mib = crate::mem::peak_mib(),
        "scan phase done: decide"
    );
    let items = keyed
        .into_iter()
        .zip(decisions)
        .map(|(((t, hkey, settled), _), (d, key, _))| {
            // A settled thread's messages are read only if it drafts, as the last scan left them.
            let (mail_idx, text_caps, to_load) = if settled {
                let memo = before.get(t.id.as_str());
                (
                    Vec::new(),
                    Vec::new(),
                    memo.map(|p| p.mails.clone()).unwrap_or_default(),
                )
            } else {
                let caps = t.messages.iter().map(|&i| caps[i]).collect();
                (t.messages.clone(), caps, Vec::new())
            };
            Item {
                id: t.id.clone(),
                subject: mails[t.messages[0]].subject.clone(),
                messages: t.messages.len(),
                d,
                mail_idx,
                text_caps,
                to_load,
                key,
                hkey: hkey.clone(),
            }
        })
        .collect();
    Ok((
        Decided {
            mails,
            identity,
            items,
            warnings,
            messages_read,
        },
        (threads, kinds),
    ))
}

/// Scan one account: decide every thread and, unless `dry_run`, write the due drafts.
pub async fn scan<S: MailStore>(
    store: &mut S,
    cfg: &Config,
    account: &AccountConfig,
    templates: &Templates,
    opts: &ScanOptions<'_>,
) -> Result<ScanReport, ScanError> {
    let serr = |error| ScanError::State {
        account: account.name.clone(),
        error,
    };
    // Held until the scan returns: no concurrent scan of this account can draft twice.
    // A dry run writes nothing, so it may look while the service works.
    let _lock = if opts.dry_run {
        None
    } else {
        Some(
            ScanLock::acquire(&cfg.state_dir.join(format!("{}.lock", account.name)))
                .map_err(serr)?,
        )
    };
    let started = std::time::Instant::now();
    match scan_locked(store, cfg, account, templates, opts, &started, true).await? {
        Some(report) => Ok(report),
        // A message a reused decision drafts from is gone (the mailbox changed during the
        // scan): read everything.
        None => {
            tracing::debug!("a message a reused decision drafts from is gone; reading everything");
            Ok(
                scan_locked(store, cfg, account, templates, opts, &started, false)
                    .await?
                    .expect("a scan that reuses nothing always finishes"),
            )
        }
    }
}

/// [`scan`] under the account's lock. `None` only when `reuse` is allowed and a reused
/// decision's messages could not be read again; nothing has been written then.
async fn scan_locked<S: MailStore>(
    store: &mut S,
    cfg: &Config,
    account: &AccountConfig,
    templates: &Templates,
    opts: &ScanOptions<'_>,
    started: &std::time::Instant,
    reuse_allowed: bool,
) -> Result<Option<ScanReport>, ScanError> {
    let merr = |error| ScanError::Mailbox {
        account: account.name.clone(),
        error,
    };
    let serr = |error| ScanError::State {
        account: account.name.clone(),
        error,
    };
    let mut report = ScanReport::default();
    let phase = |name: &str| phase_done(started, name);

    let folders = store.folders(&account.folders).await.map_err(merr)?;
    report.folders = Some(folders.clone());
    let mut seen = HashSet::new();
    let read: Vec<(String, bool)> = std::iter::once((folders.sent.clone(), false))
        .chain(folders.replies.iter().map(|f| (f.clone(), true)))
        .filter(|(f, _)| seen.insert(f.to_lowercase()) && f != &folders.drafts)
        .collect();

    // A full scan of an account whose folders, config and program are as the last full scan
    // found them (the same day) reuses that scan's decisions: it reads no mail but the few
    // threads that may draft, and only applies the clock.
    let memo_path = cfg.state_dir.join(format!("{}.memo.json", account.name));
    let (base, key) = if reuse_allowed && opts.only_thread.is_none() && !opts.sent_followups {
        let (base, key) = memo_key(store, cfg, &read, opts.now).await.map_err(merr)?;
        (Some(base), key)
    } else {
        (None, None)
    };
    phase("folder tokens");
    let memo = base.as_deref().and_then(|b| ScanMemo::load(&memo_path, b));
    phase("memo read");
    let (decided, full) = match memo {
        Some(m) if key.as_deref() == Some(m.key.as_str()) => {
            let d = reuse(m, opts.now);
            tracing::debug!(
                threads = d.items.len(),
                mails = d.mails.len(),
                ms = started.elapsed().as_millis() as u64,
                "nothing changed since the last scan: its decisions reused"
            );
            (d, None)
        }
        memo => {
            let (d, full) = decide_all(
                store,
                cfg,
                account,
                opts,
                (&read, &folders.sent),
                started,
                Earlier {
                    memo: memo.as_ref(),
                    base: base.as_deref().unwrap_or(""),
                },
            )
            .await?;
            drop(memo);
            if let Some(b) = base {
                // Written from the decisions themselves, before the drafting frees any mail.
                let key = key.unwrap_or_default();
                if let Err(e) = d.memo(&key, &b).save(&memo_path) {
                    tracing::warn!(path = %memo_path.display(), error = %e, "cannot save the decision memo; the next scan reads everything again");
                }
                phase("memo written");
            }
            (d, Some(full))
        }
    };
    let (mut decided, mut full) = (decided, full);
    if opts.only_thread.is_none() && !opts.sent_followups {
        // Only the `followups` report reads every message and thread again.
        drop(full.take());
        decided.release_undraftable();
        phase("released");
    }
    let Decided {
        mut mails,
        identity,
        items,
        warnings,
        messages_read,
    } = decided;
    report.warnings.extend(warnings);
    report.messages_read = messages_read;
    let cal = calendar(cfg, account, opts.now);

    let drafts_seen = store.drafts(&folders.drafts).await.map_err(merr)?;
    let state_path = cfg.state_dir.join(format!("{}.json", account.name));
    let (mut state, recovered) =
        State::load_or_recover(&state_path, !opts.dry_run).map_err(serr)?;
    report.warnings.extend(recovered);
    let lint = lint(cfg);
    let locale = account.identity.locale.clone().unwrap_or_else(|| {
        crate::draft::slots::locale_for_timezone(&account.identity.timezone).into()
    });
    let rep = Rep {
        name: &account.identity.name,
        email: identity.primary(),
        signature: &account.identity.signature,
        tz: cal.tz,
        locale: &locale,
        booking_url: account.identity.booking_url.as_deref(),
        calendar: Some(&cal),
        language: account.identity.language.as_deref().unwrap_or("en"),
    };

    let keep = opts.only_thread.is_some() || opts.keep_drafts;
    // First the cheap part, in order: each thread's report and what Drafts and the state
    // file say of it.
    let mut pending = Vec::with_capacity(items.len());
    for it in items {
        let (t, d) = (&it, &it.d);
        let mut r = ThreadReport {
            account: account.name.clone(),
            thread: t.id.clone(),
            subject: it.subject.clone(),
            prospects: d.prospects.iter().map(|a| a.email.clone()).collect(),
            status: d.status,
            reason: d.reason.as_ref().map(|f| f.reason.clone()),
            reason_source: d.reason.as_ref().map(|f| f.source),
            commitment: d.reason.as_ref().and_then(|f| f.commitment.clone()),
            stage: d.stage,
            close_the_loop: d.close,
            due_at: d.due_at,
            last_message_at: d.last_message_at,
            waiting_for: d.waiting_for.clone(),
            note: d.note.clone(),
            bounced: d.bounced.iter().map(|b| b.recipient.clone()).collect(),
            messages: it.messages,
            draft: None,
            rejected_by: Vec::new(),
            reply: d.reply.clone(),
            learned_from: d.reason.as_ref().and_then(|f| f.learned_from.clone()),
            reading: d.reading.clone(),
        };
        // The Message-ID of our draft for this stage when it is (still) in Drafts.
        let mut our_draft: Option<String> = None;
        if matches!(
            d.status,
            Status::Due | Status::Waiting | Status::NeedsReason
        ) {
            if let Some(stage) = d.stage {
                // Drafts written before keys were opaque carry the readable key.
                let legacy = legacy_draft_key(&t.id, stage);
                let key = if drafts_seen.keys.contains_key(&legacy) || state.get(&legacy).is_some()
                {
                    legacy
                } else {
                    draft_key(&t.id, stage)
                };
                if let Some(mid) = drafts_seen.keys.get(&key) {
                    r.status = Status::Drafted;
                    our_draft = Some(mid.clone());
                    if state.get(&key).is_none() {
                        // Written by an earlier run that stopped before recording it.
                        state.record(
                            &key,
                            DraftRecord {
                                thread: t.id.clone(),
                                stage,
                                reason: d.reason.as_ref().map(|f| f.reason.clone()),
                                message_id: mid.clone(),
                                drafted_at: opts.now,
                                template: None,
                            },
                        );
                    }
                } else if it
                    .mail_idx
                    .iter()
                    .map(|&i| &mails[i].message_id)
                    .chain(it.to_load.iter().map(|m| &m.message_id))
                    .any(|id| drafts_seen.rep_drafts_refer_to.contains(id))
                {
                    // The rep is writing a reply in this thread (their own, or ours edited
                    // without its key): don't add a second one.
                    r.status = Status::Drafted;
                    r.note = Some("a draft of yours in this thread is in Drafts".into());
                } else if state.get(&key).is_some() {
                    r.status = Status::Dismissed;
                    r.note = Some("draft deleted by the rep; not drafted again".into());
                }
            }
        }
        // `preview` renders the draft of a thread that isn't due yet (or was drafted or
        // dismissed) too, without writing it.
        let previewing = opts.only_thread.is_some()
            && opts.dry_run
            && matches!(
                r.status,
                Status::Waiting | Status::Drafted | Status::Dismissed
            );
        // A drafted thread reports its draft too (rendered again; the Message-ID is the one in
        // Drafts), so `draft` is there for every due and drafted thread.
        let was_due = r.status == Status::Due;
        let render = was_due || previewing || (our_draft.is_some() && opts.show_drafted);
        // A thread that renders nothing needs no more than its report: its decision and
        // message indexes go now, not after every draft is made.
        pending.push((render.then_some(it), r, our_draft, render));
    }

    report.threads.reserve_exact(pending.len());
    // A dry run keeps what it rendered: a thread whose inputs are unchanged is neither read
    // nor rendered again (see `state::rendered`).
    let render_path = cfg
        .state_dir
        .join(format!("{}.rendered.json", account.name));
    let render_memo: Option<RenderMemo<CachedRender>> = (opts.dry_run && !keep).then(|| {
        RenderMemo::load_or_new(&render_path, &render_base(cfg, templates, &cal, opts.now))
    });
    let render_keys: Vec<Option<String>> = pending
        .iter()
        .map(|(it, r, our, render)| {
            it.as_ref()
                .filter(|_| render_memo.is_some() && *render)
                .map(|it| render_key(it, r.status == Status::Due, our.is_some()))
        })
        .collect();
    let cached: Vec<Option<CachedRender>> = pending
        .iter_mut()
        .zip(&render_keys)
        .map(|((it, _, _, render), key)| {
            let hit = key
                .as_deref()
                .zip(it.as_ref())
                .and_then(|(k, it)| render_memo.as_ref()?.get(&it.id, k, opts.now).cloned());
            if hit.is_some() {
                *render = false;
            }
            hit
        })
        .collect();
    // The messages of reused decisions that draft, read now.
    let wanted: Vec<&MemoMail> = pending
        .iter()
        .filter_map(|(it, _, _, render)| it.as_ref().filter(|_| *render))
        .flat_map(|it| &it.to_load)
        .collect();
    if !wanted.is_empty() {
        let Some(loaded) = load_memo_mails(store, &wanted).await.map_err(merr)? else {
            return Ok(None);
        };
        store.done_reading();
        let mut next = mails.len();
        mails.extend(loaded);
        for (it, _, _, render) in pending.iter_mut() {
            let Some(it) = it.as_mut().filter(|_| *render) else {
                continue;
            };
            if !it.to_load.is_empty() {
                it.mail_idx = (next..next + it.to_load.len()).collect();
                next += it.to_load.len();
            }
        }
    }
    phase("drafts and state read");
    // Rendering is pure and the costliest part left: on every core. Writing stays in order.
    let rendered = crate::par::map(&pending, |(it, _, _, render)| {
        let it = it.as_ref()?;
        let d = &it.d;
        let (true, Some(reason), Some(stage), Some(reply_idx)) =
            (*render, d.reason.as_ref(), d.stage, d.reply_to)
        else {
            return None;
        };
        let tm: Vec<&Mail> = it.mail_idx.iter().map(|&i| &mails[i]).collect();
        let req = Request {
            thread_id: &it.id,
            mails: &tm,
            reply_to: tm[reply_idx],
            reason: &reason.reason,
            commitment: reason.commitment.as_deref(),
            commitment_at: reason.at,
            reason_source: reason.source.as_str(),
            stage,
            stages_total: cfg.policy.cadence_for(Some(&reason.reason)).len() as u32,
            close: d.close,
            now: opts.now,
            vars: keep,
        };
        let items = cfg
            .value_items
            .get(&reason.reason)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let mut composed = compose(&req, &rep, &identity, templates, items, &lint);
        if opts.dry_run && !keep {
            // Nothing is written and nothing shown whole: the report keeps the text only.
            match &mut composed {
                Ok(msg) => msg.raw = Vec::new(),
                Err(ComposeError::Lint(_, msg)) => msg.raw = Vec::new(),
                Err(_) => {}
            }
        }
        Some(composed)
    });

    tracing::debug!(
        ms = started.elapsed().as_millis() as u64,
        rendered = rendered.iter().filter(|r| r.is_some()).count(),
        rss_mib = crate::mem::resident_mib(),
        "scan phase done: render"
    );
    let mut kept = render_memo
        .as_ref()
        .map(|m| RenderMemo::new(m.base.clone()));
    let mut fresh = 0usize;
    for ((((it, mut r, our_draft, _), composed), hit), render_key) in pending
        .into_iter()
        .zip(rendered)
        .zip(cached)
        .zip(render_keys)
    {
        let was_due = r.status == Status::Due;
        if let Some(c) = hit {
            let mut draft = c.draft;
            if let Some(d) = &mut draft {
                d.message_id = our_draft
                    .clone()
                    .unwrap_or_else(|| draft_message_id(&d.key, opts.now, rep.email));
            }
            match c.refused {
                None => r.draft = draft.map(Box::new),
                Some(_) if !was_due => {}
                Some((by, note)) => {
                    r.status = Status::Rejected;
                    r.draft = draft.map(Box::new);
                    r.rejected_by = by;
                    r.note = Some(note);
                }
            }
            if let (Some(k), Some(old)) = (&mut kept, render_memo.as_ref()) {
                if let Some(e) = old.entries.get(&r.thread) {
                    k.entries.insert(r.thread.clone(), e.clone());
                }
            }
            report.threads.push(r);
            continue;
        }
        let (Some(composed), Some(it)) = (composed, it) else {
            report.threads.push(r);
            continue;
        };
        if let (Some(k), Some(key)) = (&mut kept, render_key) {
            let outcome = match &composed {
                Ok(msg) => CachedRender {
                    draft: Some(DraftReport::of(msg, None, false)),
                    refused: None,
                },
                Err(e) => CachedRender {
                    draft: match e {
                        ComposeError::Lint(_, msg) => Some(DraftReport::of(msg, None, false)),
                        _ => None,
                    },
                    refused: Some(refusal(e)),
                },
            };
            let last_sent =
                it.d.reply_to
                    .and_then(|i| it.mail_idx.get(i))
                    .and_then(|&i| mails[i].date);
            k.entries.insert(
                it.id.clone(),
                Entry {
                    key,
                    last_sent,
                    days_since: last_sent.map_or(0, |t| (opts.now - t).num_days().max(0)),
                    outcome,
                },
            );
            fresh += 1;
        }
        let (t, d) = (&it, &it.d);
        let (Some(reason), Some(stage)) = (d.reason.as_ref(), d.stage) else {
            unreachable!("only a thread with a reason and a stage is rendered")
        };
        match composed {
            Ok(msg) => {
                let s = &msg.spec;
                r.draft = Some(Box::new(DraftReport::of(&msg, our_draft.clone(), keep)));
                if !opts.dry_run && r.status == Status::Due {
                    store
                        .append_draft(&folders.drafts, &msg.raw)
                        .await
                        .map_err(merr)?;
                    state.record(
                        &s.key,
                        DraftRecord {
                            thread: t.id.clone(),
                            stage,
                            reason: Some(reason.reason.clone()),
                            message_id: s.message_id.clone(),
                            drafted_at: opts.now,
                            template: Some(s.template.clone()),
                        },
                    );
                    state.save().map_err(serr)?;
                    report.drafts_written += 1;
                    r.status = Status::Drafted;
                }
            }
            Err(_) if !was_due => {} // only a due draft can be rejected
            Err(e) => {
                let (by, note) = refusal(&e);
                r.status = Status::Rejected;
                if let ComposeError::Lint(_, msg) = &e {
                    r.draft = Some(Box::new(DraftReport::of(msg, None, keep)));
                }
                r.rejected_by = by;
                r.note = Some(note);
            }
        }
        report.threads.push(r);
    }
    if !opts.dry_run {
        state.save().map_err(serr)?;
    }
    if let Some(k) = kept {
        let before = render_memo.as_ref().map_or(0, |m| m.entries.len());
        if fresh > 0 || k.entries.len() != before {
            if let Err(e) = k.save(&render_path) {
                tracing::warn!(path = %render_path.display(), error = %e, "cannot save the rendered drafts; the next dry run renders them again");
            }
        }
    }
    if let (true, Some((threads, kinds))) = (opts.sent_followups, full) {
        report.followups_sent = sent_followups(
            &account.name,
            &state,
            &threads,
            &mails,
            &kinds,
            &identity,
            &report.threads,
        );
    }
    phase("draft");
    report.threads.sort_by(|a, b| {
        a.status
            .rank()
            .cmp(&b.status.rank())
            .then(a.due_at.cmp(&b.due_at))
            .then(a.thread.cmp(&b.thread))
    });
    Ok(Some(report))
}
