//! From a decided thread to a finished draft: pick the recipients, build the template context,
//! render, lint, quote the last message, and assemble the threading headers.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::build::{build_message, BuildError, DraftMessage, DraftSpec};
use super::lint::{Lint, Violation};
use super::templates::{TemplateError, Templates};
use super::{commitment, thread_index, CommitmentCtx, DraftContext, ProspectCtx, RepCtx};
use crate::config::ValueItem;
use crate::identity::{company, first_name, Identity, Role};
use crate::message::fnv1a as fnv;
use crate::message::text::base_subject;
use crate::message::{Address, Mail};

/// Why no draft came out.
#[derive(Debug, thiserror::Error)]
pub enum ComposeError {
    #[error("{0}")]
    Template(#[from] TemplateError),
    #[error("{0}")]
    Build(#[from] BuildError),
    /// No value item carries anything for this thread: the message names what to complete.
    #[error("{0}")]
    NoValue(String),
    #[error("value_items.{reason}: attachment {path} cannot be read ({message}); fix the path or remove the attachment")]
    Attachment {
        reason: String,
        path: String,
        message: String,
    },
    #[error("the rep's last message has no recipient outside the rep's own addresses")]
    NoRecipient,
    /// The draft was built but refused; it comes along so the rep can see what was refused.
    #[error("lint: {}", .0.iter().map(|v| format!("{} {}", v.rule, v.detail)).collect::<Vec<_>>().join("; "))]
    Lint(Vec<Violation>, Box<DraftMessage>),
}

/// The rep's details for drafting.
pub struct Rep<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub signature: &'a str,
    pub tz: Tz,
    /// How dates and times are written (`identity.locale`, else from the time zone).
    pub locale: &'a str,
    /// `identity.booking_url`, offered instead of slots.
    pub booking_url: Option<&'a str>,
    /// The working calendar the slots are taken from (a plain Mon–Fri 9–17 one when absent).
    pub calendar: Option<&'a crate::policy::Calendar>,
    /// `identity.language`: drafts are in it when the thread doesn't tell.
    pub language: &'a str,
}

/// The language and address form a draft is written in.
#[derive(Debug, Clone)]
pub struct Voice {
    pub lang: String,
    pub formal: bool,
}

impl Voice {
    /// English, as the built-in set and `templates check` default to.
    pub fn english() -> Voice {
        Voice {
            lang: "en".into(),
            formal: true,
        }
    }

    /// The locale slots and dates are written in: the draft's language (English ones in the
    /// rep's own English locale, else British).
    pub fn locale<'a>(&'a self, rep: &'a Rep) -> &'a str {
        if self.lang != "en" {
            &self.lang
        } else if rep.locale.starts_with("en") {
            rep.locale
        } else {
            "en-GB"
        }
    }
}

/// What to draft.
pub struct Request<'a> {
    pub thread_id: &'a str,
    /// The thread's messages, oldest first.
    pub mails: &'a [&'a Mail],
    /// The message the draft replies to (the rep's last).
    pub reply_to: &'a Mail,
    pub reason: &'a str,
    pub commitment: Option<&'a str>,
    /// When the message that stated the reason was written.
    pub commitment_at: Option<DateTime<Utc>>,
    /// Where the reason came from (`rep_text`, `prospect_text`, `tag`, `plus_tag`, `learned`).
    pub reason_source: &'a str,
    pub stage: u32,
    pub stages_total: u32,
    pub close: bool,
    pub now: DateTime<Utc>,
    /// Keep every template variable with its value (for `preview --vars` and `--annotate`).
    pub vars: bool,
}

/// A draft's Message-ID, made at `now` on the rep's domain. Opaque like the key: nothing in
/// it names the tool, the reason or the stage.
pub fn draft_message_id(key: &str, now: DateTime<Utc>, rep_email: &str) -> String {
    let domain = rep_email
        .rsplit_once('@')
        .map(|(_, d)| d)
        .unwrap_or("localhost");
    format!(
        "{:016x}.{}@{}",
        fnv(key.as_bytes()),
        now.timestamp(),
        domain
    )
}

/// The (thread, stage) key carried in `X-Followup-Key` and the state file: opaque, so a
/// prospect who sees the header learns nothing (reason, stage and thread stay in the state).
pub fn draft_key(thread_id: &str, stage: u32) -> String {
    let text = format!("{stage}:{thread_id}");
    // Two independent 64-bit FNV-1a hashes (different offset bases): 128 bits, stable.
    let mut b: u64 = 0x6c62_272e_07bb_0142;
    for x in text.as_bytes() {
        b ^= *x as u64;
        b = b.wrapping_mul(0x0100_0000_01b3);
    }
    format!("fu1-{:016x}{:016x}", fnv(text.as_bytes()), b)
}

/// The readable key of drafts written before keys were opaque (`1:<thread id>`): still
/// recognised in Drafts and in the state file.
pub fn legacy_draft_key(thread_id: &str, stage: u32) -> String {
    format!("{stage}:{thread_id}")
}

fn prospect_ctx(a: &Address) -> ProspectCtx {
    ProspectCtx {
        first_name: first_name(a).unwrap_or_default(),
        name: a.name.clone().unwrap_or_default(),
        email: a.email.clone(),
        company: company(a).unwrap_or_default(),
    }
}

/// The reason as the thread states it: the sentence, its source, when it was written, and the
/// rep's own words in the message the draft answers (for the tense when a tag gave the reason).
#[derive(Clone, Copy)]
pub struct Stated<'a> {
    pub text: Option<&'a str>,
    pub source: &'a str,
    pub at: DateTime<Utc>,
    pub rep_text: &'a str,
    /// The prospect's last words of their own, when the thread has them: who decides is often
    /// named only there ("Freigeben muss es unser Geschäftsführer").
    pub prospect_text: Option<&'a str>,
}

/// What the thread shows the rep did, for `{{ commitment.* }}`.
pub fn commitment_ctx(reason: &str, stated: &Stated, tz: Tz, lang: &str) -> CommitmentCtx {
    let sentence = stated.text.unwrap_or("");
    let from_sentence = matches!(stated.source, "rep_text" | "learned") && !sentence.is_empty();
    let mut kind = if from_sentence {
        commitment::kind_of(sentence)
    } else {
        "other"
    };
    // Only what is still to be prepared waits on an answer; a meeting question is the
    // suggestion itself ("the call I suggested"), and the other reasons read the whole email.
    let prepared = matches!(reason, "pricing" | "proposal" | "information");
    if prepared && from_sentence && kind != "sent" && commitment::asks_prospect(sentence) {
        kind = "asked";
    }
    // "Could we schedule 30 minutes next week?": the call was suggested, as a question.
    if reason == "meeting"
        && from_sentence
        && kind == "other"
        && crate::reason::asks_to_book(sentence)
    {
        kind = "promised";
    }
    if kind == "other" {
        kind = commitment::kind_of(stated.rep_text);
    }
    let what = if stated.source == "prospect_text" {
        // The prospect's "your SOC 2 report" is ours in the rep's draft.
        let what = commitment::what_of(reason, sentence);
        match what.strip_prefix("your ") {
            Some(rest) => format!("our {rest}"),
            None => what,
        }
    } else if from_sentence {
        commitment::what_of(reason, sentence)
    } else {
        commitment::what_of(reason, stated.rep_text)
    };
    CommitmentCtx {
        text: sentence.to_string(),
        kind: kind.to_string(),
        what,
        when: crate::language::format_day(&stated.at.with_timezone(&tz), lang),
    }
}

/// The rep's invitation to an event on a fixed day ("I've reserved a spot for you at our
/// customer roundtable in Munich on January 21"), when the reason is a meeting and the day is
/// still ahead at `now`: the sentence and the day.
pub fn event_ahead(
    reason: &str,
    stated: &Stated,
    tz: Tz,
    now: DateTime<Utc>,
) -> Option<(String, chrono::NaiveDate)> {
    if reason != "meeting" || !matches!(stated.source, "rep_text" | "learned") {
        return None;
    }
    let written = stated.at.with_timezone(&tz).date_naive();
    let today = now.with_timezone(&tz).date_naive();
    crate::message::text::sentences(stated.rep_text)
        .into_iter()
        .filter(|s| crate::reason::invites_to_event(s))
        .find_map(|s| match crate::dates::return_date(&s, written)? {
            crate::dates::DateMention::Date(d) if d >= today => Some((s, d)),
            _ => None,
        })
}

/// Three times to offer for a call, written in `locale`: the times the rep already offered
/// in the sentence that stated the reason, while they are at least half a day ahead (a new
/// set would contradict them); failing those, for a meeting, times on the day it proposed;
/// and the next working slots after `due` for the rest.
pub fn slots_for(
    rep: &Rep,
    due: DateTime<Utc>,
    locale: &str,
    reason: &str,
    stated: &Stated,
) -> Vec<String> {
    let plain;
    let cal = match rep.calendar {
        Some(c) => c,
        None => {
            plain = crate::policy::Calendar::plain(rep.tz);
            &plain
        }
    };
    let mut times: Vec<DateTime<Utc>> = match stated.text {
        Some(sentence) if matches!(stated.source, "rep_text" | "learned") => {
            crate::dates::offered_times(sentence, cal.local_date(stated.at))
                .into_iter()
                .map(|t| cal.at_local(t.date(), t.time()))
                .filter(|t| *t >= due + chrono::Duration::hours(12))
                .take(3)
                .collect()
        }
        _ => Vec::new(),
    };
    // A day proposed without a time ("at the summit on January 12 – would a 20-minute slot in
    // the afternoon work?"): the slots are on that day, not the next working days.
    if times.is_empty() && reason == "meeting" {
        if let Some(sentence) = stated
            .text
            .filter(|_| matches!(stated.source, "rep_text" | "learned"))
        {
            // The ask may follow the sentence that names the day ("…at the summit on January
            // 12. Would a 20-minute slot in the afternoon work?").
            // Split as the reason reader split it, so the sentence is found among them.
            let all = crate::reason::model_sentences(stated.rep_text);
            let before = crate::reason::sentence_beside(&all, sentence, -1);
            let written = cal.local_date(stated.at);
            let after = cal.local_date(due + chrono::Duration::hours(12));
            let (mut days, mut part) = crate::dates::offered_days(sentence, written);
            if days.iter().all(|d| *d <= after) {
                if let Some(b) = before {
                    let (d, p) = crate::dates::offered_days(b, written);
                    days = d;
                    if part == crate::dates::PartOfDay::Any {
                        part = p;
                    }
                }
            }
            days.retain(|d| *d > after);
            times = super::slots::slots_on_days(cal, &days, part, 3);
        }
    }
    let taken: Vec<_> = times.iter().map(|t| cal.local_date(*t)).collect();
    let fill = super::slots::next_slots(cal, due, 3 + taken.len())
        .into_iter()
        .filter(|t| !taken.contains(&cal.local_date(*t)))
        .take(3 - times.len());
    times.extend(fill);
    times.sort();
    times
        .into_iter()
        .map(|t| super::slots::format_slot(cal, t, locale))
        .collect()
}

/// Build the template context (also used with sample data by `templates check`).
#[allow(clippy::too_many_arguments)]
pub fn context(
    prospects: &[Address],
    subject: &str,
    rep: &Rep,
    reason: &str,
    stage: u32,
    stages_total: u32,
    close: bool,
    last_sent: DateTime<Utc>,
    now: DateTime<Utc>,
    value: ValueItem,
    stated: Stated,
    voice: &Voice,
) -> DraftContext {
    let lang = voice.lang.as_str();
    let locale = voice.locale(rep);
    let commitment = commitment_ctx(reason, &stated, rep.tz, lang);
    let slots = slots_for(rep, now, locale, reason, &stated);
    let event_day = event_ahead(reason, &stated, rep.tz, now)
        .and_then(|(_, d)| d.and_hms_opt(12, 0, 0))
        .and_then(|t| t.and_local_timezone(rep.tz).single())
        .map(|t| crate::language::format_day(&t, lang))
        .unwrap_or_default();
    let ps: Vec<ProspectCtx> = prospects.iter().map(prospect_ctx).collect();
    let main = ps.first().cloned().unwrap_or(ProspectCtx {
        first_name: String::new(),
        name: String::new(),
        email: String::new(),
        company: String::new(),
    });
    // Open the way the rep already did in this thread ("Hallo Frau Keller", "Hi Bob"), when
    // the draft greets one prospect; else by the display name's first name.
    let addressed = (prospects.len() == 1)
        .then(|| crate::language::addressed_as(stated.rep_text, lang))
        .flatten();
    let group = (prospects.len() > 1)
        .then(|| crate::language::group_opening(stated.rep_text, lang))
        .flatten();
    let greeting_line = match (&addressed, group) {
        (_, Some(line)) => line,
        (Some(named), None)
            if lang == "en" && crate::language::opens_with_dear(stated.rep_text) =>
        {
            format!("Dear {named},")
        }
        (Some(named), None) => crate::language::greeting(lang, voice.formal, named, named),
        (None, None) => crate::language::greeting(lang, voice.formal, &main.first_name, &main.name),
    };
    let greeting = match addressed {
        Some(named) => named,
        None if main.first_name.is_empty() => "there".to_string(),
        None => main.first_name.clone(),
    };
    let company = if main.company.is_empty() {
        "your team".to_string()
    } else {
        main.company.clone()
    };
    let decider = if reason == "decision_maker" {
        let theirs = stated.source == "prospect_text";
        let named =
            |text: &str, theirs: bool| super::decider::named(text, theirs, lang, voice.formal);
        named(stated.text.unwrap_or(""), theirs)
            .or_else(|| named(stated.rep_text, false))
            .or_else(|| stated.prospect_text.and_then(|p| named(p, true)))
            .unwrap_or_default()
    } else {
        String::new()
    };
    let local = last_sent.with_timezone(&rep.tz);
    DraftContext {
        decider,
        greeting: greeting_line,
        language: lang.to_string(),
        formal: voice.formal,
        greeting_name: greeting,
        company,
        prospect: main,
        prospects: ps,
        subject: subject.to_string(),
        rep: RepCtx {
            name: rep.name.to_string(),
            first_name: rep.name.split_whitespace().next().unwrap_or("").to_string(),
            email: rep.email.to_string(),
            signature: if rep.signature.trim().is_empty() {
                rep.name.to_string()
            } else {
                rep.signature.trim_end().to_string()
            },
        },
        reason: reason.to_string(),
        stage,
        stages_total,
        is_close: close,
        days_since: (now - last_sent).num_days().max(0),
        last_sent: crate::language::format_day(&local, lang),
        value,
        commitment,
        reason_source: stated.source.to_string(),
        slot_list: super::slots::join_or(&slots, locale),
        slots,
        booking_url: rep.booking_url.unwrap_or("").to_string(),
        event_day,
        options: commitment::lays_out_options(stated.rep_text),
    }
}

/// Write the draft in English instead, and say in the language note what was missing.
fn english_instead(voice: &mut Voice, why: &mut String, missing: &str, reason: &str) {
    *why = format!(
        "{why}; no {} {missing} for `{reason}`: English",
        crate::language::name(&voice.lang)
    );
    *voice = Voice::english();
}

/// Compose the draft for a request. Lint failures come back as [`ComposeError::Lint`].
pub fn compose(
    req: &Request,
    rep: &Rep,
    identity: &Identity,
    templates: &Templates,
    value_items: &[ValueItem],
    lint: &Lint,
) -> Result<DraftMessage, ComposeError> {
    let last = req.reply_to;
    let not_rep = |a: &&Address| !identity.is_rep(&a.email);
    // Answering the prospect's own message (their pause was the last word): reply to all, the
    // author (or their Reply-To) first.
    let author_first: Vec<Address> = match last.author() {
        Some(a) if !identity.is_rep(&a.email) => {
            if last.reply_to.is_empty() {
                vec![a.clone()]
            } else {
                last.reply_to.clone()
            }
        }
        _ => Vec::new(),
    };
    let mut to: Vec<Address> = author_first
        .iter()
        .chain(last.to.iter())
        .filter(not_rep)
        .fold(Vec::new(), |mut v: Vec<Address>, a| {
            if !v.iter().any(|b| b.email.eq_ignore_ascii_case(&a.email)) {
                v.push(a.clone());
            }
            v
        });
    let mut cc: Vec<Address> = last
        .cc
        .iter()
        .filter(not_rep)
        .filter(|a| !to.iter().any(|b| b.email.eq_ignore_ascii_case(&a.email)))
        .cloned()
        .collect();
    if to.is_empty() {
        to = std::mem::take(&mut cc);
    }
    if to.is_empty() {
        return Err(ComposeError::NoRecipient);
    }
    // Greet the first prospect among the recipients (not a colleague in To).
    let mut greet: Vec<Address> = to
        .iter()
        .chain(cc.iter())
        .filter(|a| identity.role(a) == Role::Prospect)
        .cloned()
        .collect();
    if greet.is_empty() {
        greet = to.clone();
    }
    let first = req.mails.first().copied().unwrap_or(last);
    let subject = base_subject(&first.subject);
    let last_sent = last.date.unwrap_or(req.now);
    let own = |m: &Mail| crate::message::text::own_text(m.body.as_deref().unwrap_or(""));
    let is_rep = |m: &Mail| m.author().is_some_and(|a| identity.is_rep(&a.email));
    // The rep's own words in the thread, newest first, read once: the greeting, the tense and
    // the value item all use them.
    let rep_texts: Vec<String> = req
        .mails
        .iter()
        .rev()
        .filter(|m| is_rep(m) && m.body.is_some())
        .map(|m| own(m))
        .collect();
    // The rep's newest words (the message replied to is the prospect's when their pause was
    // the last word): how the rep greets and what the rep promised are read from them.
    let rep_text = match req.mails.iter().rev().find(|m| is_rep(m)) {
        Some(m) if m.body.is_some() => rep_texts[0].clone(),
        Some(_) => String::new(),
        None => own(last),
    };
    // The language: the prospect's own words first, then the rep's, then identity.language.
    // Their own words only: an out-of-office reply is their mail system's, never quoted back
    // as "you wrote".
    let prospect_text = req
        .mails
        .iter()
        .rev()
        .find(|m| {
            m.author()
                .is_some_and(|a| identity.role(a) == Role::Prospect)
                && m.body.is_some()
                && crate::classify::classify(m, usize::MAX).is_human()
        })
        .map(|m| own(m));
    let choice = crate::language::choose(prospect_text.as_deref(), Some(&rep_text), rep.language);
    let mut voice = Voice {
        lang: choice.lang.clone(),
        formal: choice.formal,
    };
    let mut why = choice.why.clone();
    let stated = Stated {
        text: req.commitment,
        source: req.reason_source,
        at: req.commitment_at.unwrap_or(last_sent),
        rep_text: &rep_text,
        prospect_text: prospect_text.as_deref(),
    };
    // What the thread itself offers as substance for the value item.
    let facts_in = |voice: &Voice| super::value::ThreadFacts {
        rep_texts: rep_texts.clone(),
        prospect_text: prospect_text.clone(),
        commitment: req.commitment.map(str::to_string),
        commitment_is_theirs: req.reason_source == "prospect_text",
        slots: slots_for(rep, req.now, voice.locale(rep), req.reason, &stated),
        event: event_ahead(req.reason, &stated, rep.tz, req.now).map(|(s, _)| s),
        framing: Some(crate::language::framing(&voice.lang, voice.formal)),
        subject: Some(subject.clone()),
        lint: Some(lint),
    };
    // A language without its own template or value item falls back to English, openly.
    let (mut name, no_template) =
        templates.pick_in(&voice.lang, req.reason, req.stage, req.close)?;
    if no_template {
        english_instead(&mut voice, &mut why, "template", req.reason);
    }
    let value = match super::value::pick(
        req.reason,
        value_items,
        req.stage,
        &facts_in(&voice),
        &voice.lang,
        rep.language,
    ) {
        Ok(v) => v,
        Err(e) if voice.lang == "en" => return Err(ComposeError::NoValue(e)),
        Err(first) => {
            english_instead(
                &mut voice,
                &mut why,
                "value item carries anything",
                req.reason,
            );
            name = templates.pick(req.reason, req.stage, req.close)?;
            // Nothing in English either: the fix named is the one in the thread's language.
            super::value::pick(
                req.reason,
                value_items,
                req.stage,
                &facts_in(&voice),
                "en",
                rep.language,
            )
            .map_err(|_| ComposeError::NoValue(first))?
        }
    };
    let mut attachments = Vec::new();
    if let Some(path) = value.attachment.as_deref().filter(|p| !p.trim().is_empty()) {
        let bytes = std::fs::read(path).map_err(|e| ComposeError::Attachment {
            reason: req.reason.to_string(),
            path: path.to_string(),
            message: e.to_string(),
        })?;
        let name = std::path::Path::new(path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "attachment".into());
        let mime = super::mime_for(&name).to_string();
        attachments.push((name, mime, bytes));
    }
    let ctx = context(
        &greet,
        &subject,
        rep,
        req.reason,
        req.stage,
        req.stages_total,
        req.close,
        last_sent,
        req.now,
        value,
        stated,
        &voice,
    );
    let text = crate::language::agree_contractions(&templates.render(&name, &ctx)?, &voice.lang);
    let theirs = (req.reason_source == "prospect_text").then_some(ctx.commitment.text.as_str());
    let violations = lint.check_quoting(&text, &ctx.value, theirs);

    // Quote the message replied to, as mail clients of the draft's language do.
    let who = last
        .author()
        .map(|a| a.name.clone().unwrap_or_else(|| a.email.clone()))
        .unwrap_or_default();
    let header =
        crate::language::quote_header(&last_sent.with_timezone(&rep.tz), &who, &voice.lang);
    let quoted: Vec<String> = last
        .body
        .as_deref()
        .unwrap_or("")
        .trim_end()
        .lines()
        .take(200)
        .map(|l| {
            if l.starts_with('>') {
                format!(">{l}")
            } else if l.is_empty() {
                ">".into()
            } else {
                format!("> {l}")
            }
        })
        .collect();
    let body = format!("{}\n{header}\n{}\n", text, quoted.join("\n"));

    // Threading: the parent's References (or In-Reply-To) plus the parent itself.
    let mut references: Vec<String> = if !last.references.is_empty() {
        last.references.clone()
    } else if !last.in_reply_to.is_empty() {
        last.in_reply_to.clone()
    } else {
        req.mails
            .iter()
            .take_while(|m| !std::ptr::eq(**m, last))
            .filter(|m| !m.synthetic_id)
            .map(|m| m.message_id.clone())
            .collect()
    };
    if !last.synthetic_id {
        references.push(last.message_id.clone());
    }
    references.dedup();
    let in_reply_to = if last.synthetic_id {
        references.last().cloned().unwrap_or_default()
    } else {
        last.message_id.clone()
    };
    let key = draft_key(req.thread_id, req.stage);
    let message_id = draft_message_id(&key, req.now, rep.email);
    let thread_index =
        last.signals.rare().thread_index.as_deref().and_then(|ti| {
            thread_index::child(ti, req.now, (fnv(message_id.as_bytes()) & 0xff) as u8)
        });
    let thread_topic = thread_index.as_ref().map(|_| {
        last.signals
            .rare()
            .thread_topic
            .clone()
            .unwrap_or_else(|| subject.clone())
    });
    let spec = DraftSpec {
        template: name.clone(),
        from: {
            // Reply from the address the rep used on the thread (an alias, a second domain).
            let used = last
                .author()
                .filter(|a| identity.is_rep(&a.email))
                .map(|a| crate::identity::split_plus(&a.email).0);
            Address::new(Some(rep.name), used.as_deref().unwrap_or(rep.email))
        },
        to,
        cc,
        subject: if subject.is_empty() {
            "Re:".into()
        } else {
            format!("Re: {subject}")
        },
        in_reply_to,
        references,
        message_id,
        date: req.now,
        reason: req.reason.to_string(),
        stage: req.stage,
        key,
        thread_index,
        thread_topic,
        body,
        attachments,
        vars: if req.vars {
            super::annotate::flatten(&ctx)
        } else {
            Vec::new()
        },
        language: voice.lang.clone(),
        language_detected: choice.detected.clone(),
        // English although the thread reads as another language (unsupported, or no
        // template or value item in it).
        language_fallback: voice.lang != choice.detected,
        language_why: why,
        formal: voice.formal,
    };
    let msg = build_message(spec)?;
    if violations.is_empty() {
        Ok(msg)
    } else {
        Err(ComposeError::Lint(violations, Box::new(msg)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_prospect_asked_for_is_named_in_the_reps_voice() {
        let stated = Stated {
            text: Some("Thanks Alex. Can you send me your SOC 2 report?"),
            source: "prospect_text",
            at: chrono::Utc::now(),
            rep_text: "Attached.",
            prospect_text: None,
        };
        let c = commitment_ctx("information", &stated, chrono_tz::UTC, "en");
        assert_eq!(c.what, "our SOC 2 report");
    }
    use crate::config::default_value_items;
    use chrono::TimeZone;

    /// Per reason: a sentence that hands the thing over, and one that only promises it.
    const TENSES: &[(&str, &str, &str)] = &[
        (
            "pricing",
            "Attached is the quote for the three regions.",
            "I'll send the quote for the three regions by Friday.",
        ),
        (
            "proposal",
            "Please find attached our proposal for the rollout.",
            "I'll have the proposal for the rollout to you by Wednesday.",
        ),
        (
            "information",
            "Here's the case study from Globex.",
            "I'll send you the case study from Globex.",
        ),
        (
            "meeting",
            "I've sent a calendar invite for Thursday.",
            "I'll send an invite for a call next week.",
        ),
        (
            "decision_maker",
            "I've attached a one-page summary for your CFO.",
            "I'll write a one-page summary for your CFO.",
        ),
        (
            "timing",
            "I've attached our planning template for the new year.",
            "I'll reach back out in January.",
        ),
        (
            "away",
            "Here's a short recap for when you're back.",
            "I'll follow up when you're back.",
        ),
        (
            "trial",
            "I've set up your trial account, logins attached.",
            "I'll set up your trial account this afternoon.",
        ),
    ];

    /// Phrases that assert the rep handed something over.
    fn asserts_sent(text: &str) -> bool {
        regex::Regex::new(r"(?i)\bI sent\b|\bwe discussed\b|\bas agreed\b|\bthe quote I sent\b")
            .unwrap()
            .is_match(text)
    }

    fn render(reason: &str, sentence: &str, stage: u32, close: bool) -> String {
        let templates = Templates::builtin().unwrap();
        let items = default_value_items();
        let value = items[reason][0].clone();
        let rep = test_rep(chrono_tz::America::New_York, "en-US", "en");
        let at = Utc.with_ymd_and_hms(2026, 11, 16, 15, 0, 0).unwrap();
        let ctx = context(
            &[Address::new(
                Some("Dana Whitfield"),
                "dana@northwind.example",
            )],
            "Order routing",
            &rep,
            reason,
            stage,
            3,
            close,
            at,
            at + chrono::Duration::days(4),
            value,
            Stated {
                text: Some(sentence),
                source: "rep_text",
                at,
                rep_text: sentence,
                prospect_text: None,
            },
            &Voice::english(),
        );
        let name = templates.pick(reason, stage, close).unwrap();
        templates.render(&name, &ctx).unwrap()
    }

    /// Alex Morgan of acme.io, in `tz`, writing dates in `locale` and mail in `language`.
    fn test_rep(tz: Tz, locale: &'static str, language: &'static str) -> Rep<'static> {
        Rep {
            name: "Alex Morgan",
            email: "alex@acme.io",
            signature: "Alex",
            tz,
            locale,
            booking_url: None,
            calendar: None,
            language,
        }
    }

    #[test]
    fn a_call_is_offered_at_the_times_the_rep_already_offered_while_they_are_ahead() {
        let rep = test_rep(chrono_tz::Europe::Paris, "fr", "fr");
        let sentence = "je vous propose un rendez-vous mardi 8 à 14h ou mercredi 9 à 10h pour la démonstration.";
        let stated = Stated {
            text: Some(sentence),
            source: "rep_text",
            // Saturday 21 November.
            at: Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap(),
            rep_text: sentence,
            prospect_text: None,
        };
        // Due on Tuesday 1 December: the rep's two times, and one new slot on another day
        // to make three, in time order.
        let due = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        assert_eq!(
            slots_for(&rep, due, "fr", "meeting", &stated),
            [
                "mercredi 2 décembre à 10 h",
                "mardi 8 décembre à 14 h",
                "mercredi 9 décembre à 10 h"
            ]
        );
        // Once they are past (or less than half a day ahead), three new ones.
        let late = Utc.with_ymd_and_hms(2026, 12, 9, 8, 0, 0).unwrap();
        assert_eq!(
            slots_for(&rep, late, "fr", "meeting", &stated),
            [
                "jeudi 10 décembre à 10 h",
                "vendredi 11 décembre à 14 h",
                "lundi 14 décembre à 11 h"
            ]
        );
        // A tag gave the reason: no sentence of the rep's is read for times.
        let tagged = Stated {
            source: "tag",
            ..stated
        };
        let slots = slots_for(&rep, due, "fr", "meeting", &tagged);
        assert!(!slots.iter().any(|s| s.starts_with("mardi 8")), "{slots:?}");
    }

    #[test]
    fn a_meeting_proposed_for_a_day_is_offered_on_that_day_not_the_next_working_days() {
        let rep = test_rep(chrono_tz::Europe::Berlin, "en-GB", "en");
        let text = "Our CEO would love to meet your CEO at the summit in Berlin on January 12. \
                    Would a 20-minute slot in the afternoon work?";
        let stated = Stated {
            text: Some("Would a 20-minute slot in the afternoon work?"),
            source: "rep_text",
            at: Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap(),
            rep_text: text,
            prospect_text: None,
        };
        let due = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        let slots = slots_for(&rep, due, "en-GB", "meeting", &stated);
        assert_eq!(slots.len(), 3, "{slots:?}");
        assert!(
            slots
                .iter()
                .all(|s| s.contains("12 January") && !s.contains(" 10:00")),
            "{slots:?}"
        );
        // A date in a pricing email is a deadline, not a day to meet.
        let slots = slots_for(&rep, due, "en-GB", "pricing", &stated);
        assert!(!slots.iter().any(|s| s.contains("January")), "{slots:?}");
        // Nor does a deadline in a meeting email give the day.
        let by = "Could we meet before January 12 to go through the rollout?";
        let stated = Stated {
            text: Some(by),
            rep_text: by,
            prospect_text: None,
            ..stated
        };
        let slots = slots_for(&rep, due, "en-GB", "meeting", &stated);
        assert!(!slots.iter().any(|s| s.contains("January")), "{slots:?}");
    }

    #[test]
    fn a_pricing_draft_asks_which_option_only_when_the_rep_laid_out_options() {
        let one = render(
            "pricing",
            "Attached is the renewal quote: it keeps your current rate for another 12 months.",
            1,
            false,
        );
        assert!(!one.contains("option"), "{one}");
        assert!(one.contains("reply with what you'd change"), "{one}");
        let several = render(
            "pricing",
            "Attached are three options: Team, Business and Enterprise, priced per seat.",
            1,
            false,
        );
        assert!(several.contains("which option fits"), "{several}");
        assert!(commitment::lays_out_options(
            "Anbei zwei Varianten des Angebots."
        ));
        assert!(commitment::lays_out_options(
            "Option B includes onboarding."
        ));
        assert!(!commitment::lays_out_options(
            "Attached is the quote for 40 seats."
        ));
        assert!(commitment::lays_out_options(
            "We can't go below $15/seat for a 1-year term, but on a 2-year term I can do $13.50."
        ));
        assert!(commitment::lays_out_options(
            "Here is the pricing for the Team and Business plans, annual or monthly."
        ));
        assert!(commitment::lays_out_options(
            "Preise jährlich oder monatlich, wie Sie möchten."
        ));
        assert!(!commitment::lays_out_options(
            "Attached is the 3-year renewal quote; it keeps your current rate."
        ));
    }

    #[test]
    fn no_default_template_says_the_rep_sent_what_was_only_promised() {
        for (reason, sent, promised) in TENSES {
            for (stage, close) in [(1, false), (2, false), (3, false), (4, true)] {
                let text = render(reason, promised, stage, close);
                assert!(
                    !asserts_sent(&text),
                    "{reason} stage {stage}, promised: {text}"
                );
                // Either tense renders; a sent thing may be called sent.
                render(reason, sent, stage, close);
            }
        }
    }

    /// A stage-1 draft for `reason` in `lang` (formal), the rep's `sentence` giving the reason:
    /// the commitment kind read from it and the rendered text.
    fn render_in(lang: &str, reason: &str, sentence: &str) -> (String, String) {
        let templates = Templates::builtin().unwrap();
        let value = default_value_items()[reason]
            .iter()
            .find(|i| i.lang.as_deref() == Some(lang) || (lang == "en" && i.lang.is_none()))
            .unwrap_or_else(|| panic!("a {lang} {reason} item"))
            .clone();
        let rep = test_rep(chrono_tz::Europe::Berlin, "en-GB", "en");
        let at = Utc.with_ymd_and_hms(2026, 11, 16, 15, 0, 0).unwrap();
        let voice = Voice {
            lang: lang.into(),
            formal: true,
        };
        let ctx = context(
            &[Address::new(Some("Dana Weiss"), "dana@northwind.example")],
            "Scope",
            &rep,
            reason,
            1,
            3,
            false,
            at,
            at + chrono::Duration::days(4),
            value,
            Stated {
                text: Some(sentence),
                source: "rep_text",
                at,
                rep_text: sentence,
                prospect_text: None,
            },
            &voice,
        );
        let (name, _) = templates.pick_in(lang, reason, 1, false).unwrap();
        let text = templates.render(&name, &ctx).unwrap();
        (ctx.commitment.kind, text)
    }

    #[test]
    fn a_decision_maker_draft_names_who_decides_in_the_threads_language() {
        for (lang, sentence, named) in [
            (
                "de",
                "Damit Ihr Vorstand schnell entscheiden kann, habe ich eine Zusammenfassung angehängt.",
                "mit Ihrem Vorstand leichter",
            ),
            (
                "it",
                "Se può essere utile per il CdA, posso preparare una breve presentazione.",
                "con il vostro CdA,",
            ),
            (
                "sv",
                "Jag har gjort en sammanfattning som du kan visa er vd, den ligger bifogad.",
                "med er vd har",
            ),
        ] {
            let (_, text) = render_in(lang, "decision_maker", sentence);
            assert!(text.contains(named), "{lang}: {text}");
        }
        // Nobody named: the template's own words for whoever decides.
        let (_, text) = render_in(
            "fr",
            "decision_maker",
            "J'ai préparé une synthèse d'une page, en pièce jointe.",
        );
        assert!(text.contains("avec les décideurs de votre côté"), "{text}");
    }

    #[test]
    fn a_rep_who_opened_with_dear_is_followed_up_with_dear() {
        let (_, text) = render_in(
            "en",
            "pricing",
            "Dear Mr. Kowalski,\n\nas per our discussion I am sending you the offer for the implementation.",
        );
        assert!(text.starts_with("Dear Mr. Kowalski,\n"), "{text}");
        let (_, text) = render_in(
            "en",
            "pricing",
            "Dear Sir,\n\nkindly find the revised commercials.",
        );
        assert!(text.starts_with("Dear Sir,\n"), "{text}");
        // "Hi Dana," stays as the rep wrote it.
        let (_, text) = render_in("en", "pricing", "Hi Dana,\n\nhere's the quote.");
        assert!(text.starts_with("Hi Dana,\n"), "{text}");
    }

    #[test]
    fn a_trial_only_offered_is_an_offer_in_every_language() {
        for (lang, promise, offer) in [
            (
                "de",
                "Ich richte Ihnen den Testzugang morgen ein.",
                "hatte ich Ihnen zugesagt, den Testzugang einzurichten",
            ),
            (
                "fr",
                "Je vais vous mettre en place l'essai demain.",
                "je vous ai proposé de mettre en place l'essai",
            ),
            (
                "es",
                "Le voy a preparar la prueba mañana.",
                "le ofrecí preparar la prueba",
            ),
            (
                "it",
                "Le attiverò la prova domani.",
                "Le avevo proposto di attivare la prova",
            ),
            (
                "nl",
                "Ik zal de proefomgeving morgen voor u inrichten.",
                "bood ik u aan de proefomgeving in te richten",
            ),
            (
                "pt",
                "Vou preparar o teste amanhã.",
                "ofereci-me para preparar o teste",
            ),
            (
                "sv",
                "Jag kommer att sätta upp testet i morgon.",
                "erbjöd jag mig att sätta upp testet",
            ),
        ] {
            let (kind, text) = render_in(lang, "trial", promise);
            assert_eq!(kind, "promised", "{lang}: {promise}");
            assert!(text.contains(offer), "{lang}: {text}");
        }
    }

    #[test]
    fn a_question_the_next_step_waits_on_is_asked_again_in_every_language() {
        let questions = [
            ("en", "Quick question before I put the quote together: how many sites would be in scope for phase 1?", "I only need your answer to the question I asked on"),
            ("de", "Eine kurze Frage, bevor ich das Angebot erstelle: Wie viele Standorte wären in der ersten Phase dabei?", "brauche ich nur noch Ihre Antwort auf meine Frage vom"),
            ("fr", "Avant de préparer le devis : combien de sites seraient concernés par la première phase ?", "il ne me manque que votre réponse à la question que je vous ai posée le"),
            ("es", "Antes de preparar el presupuesto: ¿cuántas sedes entrarían en la primera fase?", "solo me falta su respuesta a la pregunta que le hice el"),
            ("it", "Prima di preparare il preventivo: quante sedi sarebbero coinvolte nella prima fase?", "mi manca solo la Sua risposta alla domanda che Le ho fatto"),
            ("nl", "Voordat ik de offerte maak: hoeveel vestigingen zouden in de eerste fase meedoen?", "heb ik alleen nog uw antwoord nodig op de vraag die ik u op"),
            ("pt", "Antes de preparar a proposta: quantas lojas entrariam na primeira fase?", "só me falta a sua resposta à pergunta que lhe fiz na"),
            ("sv", "Innan jag tar fram offerten: hur många anläggningar skulle ingå i första fasen?", "behöver jag bara ditt svar på frågan jag ställde"),
        ];
        for (lang, question, ask) in questions {
            for reason in ["pricing", "proposal", "information"] {
                let (kind, text) = render_in(lang, reason, question);
                assert_eq!(kind, "asked", "{lang}: {question}");
                assert!(text.contains(ask), "{lang} {reason}: {text}");
                assert!(!asserts_sent(&text), "{lang} {reason}: {text}");
            }
        }
    }

    #[test]
    fn first_follow_ups_name_what_was_sent_or_promised_in_the_reps_tense() {
        let cases = [
            ("pricing", "To make the quote for the three regions I sent on Monday 16 November", "On Monday 16 November I said I'd come back to you with the quote for the three regions."),
            ("proposal", "To make the proposal for the rollout I sent on Monday 16 November", "On Monday 16 November I promised you the proposal for the rollout."),
            ("information", "Building on the case study from Globex I sent on Monday 16 November", "On Monday 16 November I said I'd follow up with the case study from Globex."),
            ("meeting", "To make the calendar invite for Thursday I sent on Monday 16 November easy to fit in", "To make the call I suggested on Monday 16 November easy to fit in"),
        ];
        for (reason, sent_phrase, promised_phrase) in cases {
            let (_, sent, promised) = TENSES.iter().find(|t| t.0 == reason).unwrap();
            let s = render(reason, sent, 1, false);
            assert!(s.contains(sent_phrase), "{reason} sent: {s}");
            let p = render(reason, promised, 1, false);
            assert!(p.contains(promised_phrase), "{reason} promised: {p}");
            assert!(!asserts_sent(&p), "{reason} promised: {p}");
        }
    }
}
