//! The value a follow-up brings must be in it: a link, an attached file, text the rep wrote
//! once, or substance taken from the thread itself (the figures the rep sent, the prospect's
//! question with the rep's answer, where things were left, real times). An item that would
//! only *claim* value is never used; with none that carries anything, the thread is refused
//! and the note names the `value_items` entry to complete. Pure.

use std::sync::OnceLock;

use regex::Regex;

use crate::config::ValueItem;
use crate::language::Framing;
use crate::message::text::sentences;

/// What the thread offers as substance.
#[derive(Debug, Clone, Default)]
pub struct ThreadFacts<'a> {
    /// The rep's own words in the thread's messages, newest first.
    pub rep_texts: Vec<String>,
    /// The prospect's own words in their last message, if any.
    pub prospect_text: Option<String>,
    /// The sentence that stated the reason, if any.
    pub commitment: Option<String>,
    /// The commitment is the prospect's sentence ("let's pick this up in Q2"), which the
    /// template quotes itself: a recap then quotes the rep's words, and none of theirs twice.
    pub commitment_is_theirs: bool,
    /// Real times, already written in the draft's language.
    pub slots: Vec<String>,
    /// The rep's invitation to an event on a fixed day still ahead: offered instead of times.
    pub event: Option<String>,
    /// How the draft's language introduces quoted substance.
    pub framing: Option<Framing>,
    /// The thread's subject without "Re:": what a bare hand-over ("See attached.") sent.
    pub subject: Option<String>,
    /// The draft's lint: a sentence with a banned phrase ("circling back on the below") is
    /// never quoted back, or the whole draft would be refused for the rep's old words.
    pub lint: Option<&'a crate::draft::Lint>,
}

impl ThreadFacts<'_> {
    /// A sentence worth quoting into this draft.
    fn quotable(&self, s: &str) -> bool {
        quotable(s) && self.lint.as_ref().is_none_or(|l| l.banned_in(s).is_empty())
    }

    /// The prospect's sentence the template itself quotes as the reason (their commitment),
    /// which a recap must not quote again: compared as quoted, without greeting, sentence case.
    fn quoted_by_template(&self, s: &str) -> bool {
        use crate::message::text::{sentence_case, without_greeting};
        self.commitment_is_theirs
            && self.commitment.as_deref().is_some_and(|c| {
                sentence_case(&without_greeting(c)) == sentence_case(&without_greeting(s))
            })
    }

    /// A sentence a recap may quote: quotable, no check-in, and saying something.
    fn recappable(&self, s: &str) -> bool {
        self.quotable(s) && !crate::reason::is_nudge(s) && !says_nothing_to_recap(s)
    }
}

fn money_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)[$€£]\s?\d|\d[\d,.]*(\s?(k|usd|eur|euros?|gbp|chf|sek|kr|kronor)\b|\s?[€$£])|\d[\d,.]*\s+(per|a|/)\s*(year|month|seat|user|licen[cs]e|site|shipment)|\b\d+\s?%")
            .expect("money regex")
    })
}

/// A promise to send or share something, in the eight languages ("will send by Friday",
/// "schicke ich Ihnen morgen", "je vous l'envoie", "te lo mando"), not to reach out again.
pub fn promises_to_send(s: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // Spanish and Italian stems end where English words begin: "envío" not "environment",
        // "mando" not "mandatory", "invio" not "invitation", "te lo paso" not "password".
        Regex::new(r"(?i)\b((have|get|send)\s+(it|them|this|that)\s+back\s+to\s+you|(get|give)\s+(you|back\s+to\s+you\s+with)\s+(a|an|the|my)\s+(\w+\s+)?(answer|response|reply)|(gebe|geben)\s+(ich\s+|wir\s+)?(ihnen|dir)\s+(\S+\s+){0,5}(antwort|bescheid)|(vous|te)\s+(apporterai|donnerai|ferai)\s+(une\s+)?r[ée]ponse|(le|te)\s+dar[ée]\s+(una\s+)?respuesta|(le|ti)\s+dar[òo]\s+(una\s+)?risposta|(geef|geven)\s+(ik\s+|we\s+)?(je|u)\s+(\S+\s+){0,3}(uitsluitsel|antwoord)|(lhe|te)\s+(darei|dou)\s+(uma\s+)?resposta|(ger|ge)\s+(jag\s+)?(dig|er)\s+(\S+\s+){0,2}svar|send\w*|share|forward|get\s+(it|them|this)\s+(over|to\s+you)|schick\w*|envo[iy]\w*|env[ií][oóaáeé]\w*|mand(o|a|as|an|ar|are|ar[ée]|arei|er[òo]|erei|ei|amos|aremos|ado|ato|ata)|pass(\s+(it|them|this|that))?\s+(on|along)|pas(o|ar[ée]?)|passo|passar(ei)?|passer[òo]|invi[aoeò]\w*|stuur\w*|verstuur\w*|skick\w*|(have|get)\s+(it|them|this|that|something|those|these)\s+(over\s+)?to\s+you|(get|come)\s+back\s+to\s+you\s+with|you'?ll\s+(have|get|receive)\s+(it|them)|(bekommen|erhalten)\s+(sie|du)\s+(es|sie|das|die|den)|melde\s+mich\s+(\S+\s+){0,3}mit|vous\s+l'aurez|tu\s+l'auras|(je\s+reviens|je\s+reviendrai)\s+vers\s+(vous|toi)\s+(\S+\s+){0,3}avec|(te|le|les|os)\s+(respondo|responder[ée]|contesto|contestar[ée])|(ti|le|vi)\s+(rispondo|risponder[òo])|(lo|la|los|las)\s+tendr[áa]s|(te|se)\s+(lo|la|los|las)\s+hago\s+llegar|(ti|le|vi)\s+faccio\s+avere|(te|glie|ve)\s*l[oaie]\s+faccio\s+avere|(krijg|heb)\s+(je|u)\s+(het|ze)|kom\s+(ik\s+)?(\S+\s+){0,4}terug\s+met|fa[çc]o-(lhe|te)\s+chegar|volto\s+(a\s+falar\s+)?com|volto\s+a\s+(contact|falar|escrever)\S*\s+(\S+\s+){0,4}com|f[åa]r\s+du\s+(den|det|dem)|[åa]terkommer\s+(\S+\s+){0,2}med)\b")
            .expect("send regex")
    })
    .is_match(s)
}

/// The rep holding an answer back until they have checked it ("We have customers on Sage 200,
/// but I want to double-check the stock sync before I promise anything"), in eight
/// languages: no answer to quote, whatever words it shares with the question.
pub(crate) fn hedged(s: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        crate::message::haystack::bare(r"(?i)\b(double-?check\w*|check(ing)?\s+(with|on)|confirm(ing)?\s+with|verify\w*|not\s+(yet\s+)?sure|before\s+i\s+(promise|commit|confirm)|want\s+to\s+(make\s+sure|confirm)|need\s+to\s+(check|confirm)|nachpr[üu]f\w*|pr[üu]fe\s+(ich|gerade|noch)|kl[äa]re\s+(ich|gerade|noch)|nicht\s+(ganz\s+)?sicher|v[ée]rifi\w*|je\s+ne\s+suis\s+pas\s+(s[ûu]r|certain)|verific\w*|comprob\w*|no\s+estoy\s+segur[oa]|controll\w*|non\s+sono\s+sicur[oa]|na\s+te\s+gaan|check\s+(ik\s+)?even|niet\s+(helemaal\s+)?zeker|confirmar\s+com|n[ãa]o\s+tenho\s+(a\s+)?certeza|dubbelkoll\w*|kollar\s+(med|upp)|os[äa]ker)\b")
            .expect("hedge regex")
    })
    .is_match(s)
}

/// A sentence a recap would quote in vain: an offer to answer questions ("Let me know if your
/// security team needs anything else") or a hand-over that names nothing ("Attached.").
fn says_nothing_to_recap(s: &str) -> bool {
    crate::reason::invites_comments(s)
        || crate::reason::offers_optional_call(s)
        || (crate::reason::model::bare_hand_over(s) && words(s).len() <= 3)
}

/// `s` with the sentence before it in its paragraph, when `s` is short and leans on that one
/// ("We can do 15% off list for two years. I've updated the order form to reflect that.") and
/// that one says something itself (not a greeting, small talk or a check-in).
fn with_context(s: &str, facts: &ThreadFacts) -> String {
    let n = s.split_whitespace().count();
    if n > 10 {
        return s.to_string();
    }
    let found = facts
        .rep_texts
        .iter()
        .flat_map(|t| t.split("\n\n"))
        .find_map(|para| {
            let sents = sentences(para);
            let i = sents.iter().position(|x| x == s)?;
            Some(i.checked_sub(1).map(|j| sents[j].clone()))
        });
    match found.flatten() {
        Some(prev)
            if facts.recappable(&prev)
                && prev.split_whitespace().count() + n <= 50
                && telling(&prev) >= 0.5 =>
        {
            format!("{prev} {s}")
        }
        _ => s.to_string(),
    }
}

/// How clearly a sentence states some reason (one minus the model's "none").
fn telling(s: &str) -> f32 {
    1.0 - crate::reason::model::classify_shipped(s)[crate::reason::model::NONE]
}

fn words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 3)
        .map(str::to_string)
        .collect()
}

/// The prospect's sentences as a recap quotes them: without the greeting the first opens with.
fn their_sentences(p: &str) -> Vec<String> {
    sentences(p)
        .iter()
        .map(|s| crate::message::text::without_greeting(s))
        .collect()
}

/// A sentence worth quoting: not a greeting line, not a sign-off.
fn quotable(s: &str) -> bool {
    let w = s.split_whitespace().count();
    (4..=45).contains(&w) && !s.trim_end().ends_with(',')
}

fn quote(s: &str, f: &Framing) -> String {
    format!("{}{}{}", f.quotes.0, s.trim(), f.quotes.1)
}

/// The substance an item carries for this thread: its own content, or what `from_thread`
/// finds. `None` when it would carry nothing but a promise (a url or attachment carry
/// themselves and need no text: `Some("")`).
pub fn substance(item: &ValueItem, facts: &ThreadFacts) -> Option<String> {
    if let Some(c) = item.content.as_deref().filter(|c| !c.trim().is_empty()) {
        return Some(c.trim().to_string());
    }
    if item.has_asset() {
        return Some(String::new());
    }
    let f = facts
        .framing
        .unwrap_or_else(|| crate::language::framing("en", true));
    let f = &f;
    match item.from_thread.as_deref()? {
        "figures" => {
            let found: Vec<String> = facts
                .rep_texts
                .iter()
                .flat_map(|t| sentences(t))
                .filter(|s| facts.quotable(s) && money_re().is_match(s))
                .take(2)
                .collect();
            (!found.is_empty()).then(|| {
                format!(
                    "{} {}",
                    f.in_one_line,
                    found
                        .iter()
                        .map(|s| quote(s, f))
                        .collect::<Vec<_>>()
                        .join(" ")
                )
            })
        }
        "question" => {
            let p = facts.prospect_text.as_deref()?;
            let q = their_sentences(p)
                .into_iter()
                .rev()
                .find(|s| s.ends_with('?') && facts.quotable(s))?;
            let qw = words(&q);
            // The rep's sentence that shares the most words with the question answers it.
            let answer = facts
                .rep_texts
                .iter()
                .flat_map(|t| sentences(t))
                .filter(|s| facts.quotable(s) && !s.ends_with('?') && !hedged(s))
                .map(|s| {
                    let n = words(&s).iter().filter(|w| qw.contains(w)).count();
                    (n, s)
                })
                .filter(|(n, _)| *n >= 2)
                .max_by_key(|(n, _)| *n)
                .map(|(_, s)| s);
            // "The short answer is in my note below" only when the note says something: a
            // promise to answer ("Sure thing, will send by Friday.") answers nothing.
            let note_answers = || {
                facts.rep_texts.first().is_some_and(|t| {
                    sentences(t).iter().any(|s| {
                        facts.quotable(s)
                            && !s.ends_with('?')
                            && words(s).len() >= 4
                            && super::commitment::kind_of(s) != "promised"
                            && !crate::reason::is_nudge(s)
                            && !hedged(s)
                    })
                })
            };
            match answer {
                Some(a) => Some(format!(
                    "{} {}\n{} {}",
                    f.you_asked,
                    quote(&q, f),
                    f.my_answer,
                    quote(&a, f)
                )),
                None if note_answers() => Some(format!(
                    "{} {}\n{}",
                    f.you_asked,
                    quote(&q, f),
                    f.answer_below
                )),
                None => None,
            }
        }
        "recap" => {
            // The sentence that stated the reason, else the rep's sentence that states one most
            // clearly (never a pleasantry: the reason reader scores them).
            let own_commitment = facts
                .commitment
                .clone()
                .filter(|_| !facts.commitment_is_theirs);
            let hand_over = own_commitment
                .as_deref()
                .is_some_and(crate::message::text::hands_over);
            let mine = own_commitment
                .filter(|c| facts.quotable(c) && !crate::reason::is_nudge(c))
                .or_else(|| {
                    // Each rep message's most telling sentence (never a check-in: "had a
                    // chance to look?" is no recap), newest message first.
                    let best: Vec<(f32, String)> = facts
                        .rep_texts
                        .iter()
                        .filter_map(|t| {
                            sentences(t)
                                .into_iter()
                                .filter(|s| facts.recappable(s))
                                .map(|s| (telling(&s), s))
                                .filter(|(p, _)| *p >= 0.3)
                                .max_by(|a, b| a.0.total_cmp(&b.0))
                        })
                        .collect();
                    // The newest message that states something ("Sounds good!" states nothing:
                    // the message before it then speaks for the rep); else the most telling
                    // sentence of any, as long as it is more than a pleasantry.
                    // What was sent or said before a promise to come back, which the
                    // template itself recalls.
                    best.iter()
                        .find(|(p, s)| *p >= 0.5 && !crate::reason::model::defers(s))
                        .or_else(|| best.iter().find(|(p, _)| *p >= 0.5))
                        .or_else(|| best.iter().max_by(|a, b| a.0.total_cmp(&b.0)))
                        .map(|(_, s)| s.clone())
                });
            let Some(mine) = mine else {
                // A bare hand-over of the rep's ("See attached.") under a subject that names
                // what was sent ("Case study: how Globex cut onboarding time"): the subject is
                // the recap.
                let subject = facts
                    .subject
                    .as_deref()
                    .map(str::trim)
                    .filter(|s| hand_over && s.split_whitespace().count() >= 3);
                if let Some(subject) = subject {
                    return Some(f.left_sent.replacen("{}", &quote(subject, f), 1));
                }
                // Else what the prospect answered it with ("Danke! Ich bespreche das mit
                // meinem Chef und melde mich Ende nächster Woche."): where things were left.
                // When the template already quotes the prospect's sentence that states the
                // reason ("our CISO has to approve any new vendor"), another of theirs ("I've
                // forwarded her your security pack") still says where things stand.
                let theirs = facts.prospect_text.as_deref().and_then(|p| {
                    their_sentences(p).into_iter().find(|s| {
                        facts.quotable(s)
                            && !says_nothing_to_recap(s)
                            && s.split_whitespace().count() >= 4
                            && !facts.quoted_by_template(s)
                    })
                })?;
                return Some(f.left_theirs.replacen("{}", &quote(&theirs, f), 1));
            };
            // "Me: send the revised quote" is quoted as "send the revised quote".
            let mine = with_context(crate::reason::without_own_step(&mine), facts);
            let theirs = facts.prospect_text.as_deref().and_then(|p| {
                let candidates: Vec<String> = their_sentences(p)
                    .into_iter()
                    .filter(|s| facts.quotable(s) && !facts.quoted_by_template(s))
                    .collect();
                candidates
                    .iter()
                    .find(|s| s.ends_with('?'))
                    .or_else(|| candidates.first())
                    .cloned()
            });
            match theirs {
                Some(t) => Some(f.left_both.replacen("{}", &quote(&t, f), 1).replacen(
                    "{}",
                    &quote(&mine, f),
                    1,
                )),
                // "Where we left it: I wrote “Sure thing, will send by Friday.”" recaps nothing:
                // a promise to send that names nothing is no recap (the rep owes the thing
                // itself). "I'll reach back out next quarter" still says where things stand.
                None if super::commitment::kind_of(&mine) == "promised"
                    && !crate::reason::model::names_an_object(&mine)
                    && promises_to_send(&mine) =>
                {
                    None
                }
                None => Some(f.left_mine.replacen("{}", &quote(&mine, f), 1)),
            }
        }
        // An event has its day: other times would contradict it.
        "event" => facts
            .event
            .as_deref()
            .filter(|e| facts.quotable(e))
            .map(|e| f.left_mine.replacen("{}", &quote(e, f), 1)),
        "slots" => (!facts.slots.is_empty() && facts.event.is_none()).then(|| {
            facts
                .slots
                .iter()
                .map(|s| format!("- {s}"))
                .collect::<Vec<_>>()
                .join("\n")
        }),
        _ => None,
    }
}

/// The item for a stage, rotating over the items that carry something for this thread (so a
/// second follow-up never repeats the first), with `content` filled in. `Err` names what to
/// complete.
///
/// Only items in the draft's language `lang` are offered (an item without `lang` is in
/// `own_lang`, the account's `identity.language`).
pub fn pick(
    reason: &str,
    items: &[ValueItem],
    stage: u32,
    facts: &ThreadFacts,
    lang: &str,
    own_lang: &str,
) -> Result<ValueItem, String> {
    // An event the rep invited to is what every meeting follow-up carries: its details, or
    // the rep's own material, never a recap of "what the call would cover".
    let event = reason == "meeting" && facts.event.is_some();
    let carrying: Vec<ValueItem> = items
        .iter()
        .filter(|i| i.lang.as_deref().unwrap_or(own_lang) == lang)
        .filter(|i| !event || i.from_thread.as_deref().is_none_or(|f| f == "event"))
        .filter_map(|i| {
            substance(i, facts).map(|c| ValueItem {
                content: (!c.is_empty()).then_some(c),
                ..i.clone()
            })
        })
        .collect();
    if carrying.is_empty() {
        return Err(format!(
            "no value item for `{reason}` in `{lang}` carries anything for this thread (no url, attachment or content, and the thread gives no figures, question or recap): give [[value_items.{reason}]] a url, an attachment or content{}",
            if lang == own_lang { String::new() } else { format!(" (an item with lang = \"{lang}\")") }
        ));
    }
    Ok(carrying[(stage.saturating_sub(1) as usize) % carrying.len()].clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::default_value_items;

    fn facts() -> ThreadFacts<'static> {
        ThreadFacts {
            rep_texts: vec!["Hi Dana,\n\nAttached is the quote: the total comes to $24,000 per year for 50 seats.\n\nBest,\nAlex".into()],
            prospect_text: Some("Thanks Alex. Does the price include onboarding for the Lyon team?".into()),
            commitment: Some("Attached is the quote: the total comes to $24,000 per year for 50 seats.".into()),
            slots: vec!["Monday, Nov 23 at 10 a.m. EST".into()],
            event: None,
            framing: None,
            subject: Some("Quote for Northwind".into()),
            commitment_is_theirs: false,
            lint: None,
        }
    }

    #[test]
    fn thread_substance_restates_what_the_thread_says() {
        let items = default_value_items();
        let v = pick("pricing", &items["pricing"], 1, &facts(), "en", "en").unwrap();
        assert_eq!(
            v.content.as_deref(),
            Some("In one line: \u{201c}Attached is the quote: the total comes to $24,000 per year for 50 seats.\u{201d}")
        );
        let v = pick("pricing", &items["pricing"], 2, &facts(), "en", "en").unwrap();
        let c = v.content.unwrap();
        assert!(
            c.starts_with(
                "You asked: \u{201c}Does the price include onboarding for the Lyon team?\u{201d}"
            ),
            "{c}"
        );
        let v = pick("meeting", &items["meeting"], 1, &facts(), "en", "en").unwrap();
        assert_eq!(
            v.content.as_deref(),
            Some("- Monday, Nov 23 at 10 a.m. EST")
        );
    }

    /// An item whose substance is the thread's recap.
    fn recap_item() -> ValueItem {
        ValueItem {
            title: "a recap".into(),
            summary: String::new(),
            url: None,
            attachment: None,
            content: None,
            from_thread: Some("recap".into()),
            lang: None,
        }
    }

    #[test]
    fn a_recap_never_quotes_the_prospect_twice_nor_the_prospect_as_the_rep() {
        let recap = recap_item();
        let theirs = "Not a priority right now, let's pick this up in Q2.";
        let facts = ThreadFacts {
            rep_texts: vec!["Please find attached our proposal for the two depots.".into()],
            prospect_text: Some(format!("Thanks Alex. {theirs}")),
            commitment: Some(theirs.into()),
            commitment_is_theirs: true,
            ..ThreadFacts::default()
        };
        let got = substance(&recap, &facts).unwrap();
        assert!(got.contains("our proposal for the two depots"), "{got}");
        assert!(
            !got.contains("Q2"),
            "the template quotes the pause itself: {got}"
        );
    }

    #[test]
    fn a_short_recap_sentence_brings_the_one_it_leans_on() {
        let facts = ThreadFacts {
            rep_texts: vec!["Hi Dana,\n\nHope the offsite went well! I saw the photos.\n\nOn our side, I spoke with our CFO about the multi-year discount. We can do 15% off list if you commit to two years, which brings the Growth plan to $16.15 per seat. I've updated the order form to reflect that.\n\nCheers,\nAlex".into()],
            commitment: Some("I've updated the order form to reflect that.".into()),
            ..ThreadFacts::default()
        };
        let got = substance(&recap_item(), &facts).unwrap();
        assert!(
            got.contains("$16.15 per seat. I've updated the order form to reflect that."),
            "{got}"
        );
        assert!(!got.contains("offsite"), "{got}");
        // A sentence that stands alone is quoted alone.
        let facts = ThreadFacts {
            rep_texts: vec![
                "Hope the offsite went well! Please find attached our proposal for the two depots."
                    .into(),
            ],
            ..ThreadFacts::default()
        };
        let got = substance(&recap_item(), &facts).unwrap();
        assert!(!got.contains("offsite"), "{got}");
    }

    #[test]
    fn a_recap_never_quotes_a_banned_phrase_back() {
        let lint = crate::draft::Lint::new(vec!["circling back".into()], 200, 20);
        let facts = ThreadFacts {
            rep_texts: vec![
                "Circling back on the below, any update on the budget approval from finance?"
                    .into(),
                "I sent the proposal for the two depots with the rollout plan.".into(),
            ],
            lint: Some(&lint),
            ..ThreadFacts::default()
        };
        let got = substance(&recap_item(), &facts).unwrap();
        assert!(got.contains("proposal for the two depots"), "{got}");
        assert!(!got.to_lowercase().contains("circling back"), "{got}");
    }

    #[test]
    fn a_recap_quotes_substance_not_a_check_in() {
        let facts = ThreadFacts {
            rep_texts: vec![
                "Sehr geehrter Herr Weiß,\n\nhatten Sie schon Gelegenheit, sich das Angebot anzusehen?".into(),
                "Sehr geehrter Herr Weiß,\n\nanbei unser Angebot für die Lagerverwaltung an beiden Standorten.".into(),
            ],
            commitment: Some("hatten Sie schon Gelegenheit, sich das Angebot anzusehen?".into()),
            ..ThreadFacts::default()
        };
        let got = substance(&recap_item(), &facts).unwrap();
        assert!(got.contains("anbei unser Angebot"), "{got}");
        assert!(!got.contains("Gelegenheit"), "{got}");
    }

    #[test]
    fn a_recap_skips_offers_to_help_and_prefers_substance_to_a_promise_to_come_back() {
        // "Let me know if … needs anything else" and "Attached." recap nothing.
        let facts = ThreadFacts {
            rep_texts: vec![
                "Attached. Let me know if your security team needs anything else.".into(),
            ],
            ..ThreadFacts::default()
        };
        assert_eq!(substance(&recap_item(), &facts), None);
        // What was sent comes before "I'll be in touch after the 7th", which the template
        // itself recalls.
        let facts = ThreadFacts {
            rep_texts: vec![
                "Thanks for letting me know, I'll get back in touch after the 7th.".into(),
                "Please find attached our proposal for the two depots with the rollout plan."
                    .into(),
            ],
            ..ThreadFacts::default()
        };
        let got = substance(&recap_item(), &facts).unwrap();
        assert!(got.contains("proposal for the two depots"), "{got}");
    }

    #[test]
    fn a_bare_hand_over_answered_by_the_prospect_recaps_their_words() {
        // "anbei das Angebot." recaps nothing; Dora's answer says where things were left.
        let facts = ThreadFacts {
            rep_texts: vec!["Hallo Dora,\n\nanbei das Angebot.\n\nAlex".into()],
            prospect_text: Some(
                "Danke! Ich bespreche das mit meinem Chef und melde mich Ende nächster Woche."
                    .into(),
            ),
            framing: Some(crate::language::framing("de", true)),
            ..ThreadFacts::default()
        };
        assert_eq!(
            substance(&recap_item(), &facts).as_deref(),
            Some("Stand der Dinge: Sie schrieben „Ich bespreche das mit meinem Chef und melde mich Ende nächster Woche.“")
        );
        // A thanks alone is no recap either.
        let facts = ThreadFacts {
            prospect_text: Some("Thanks!".into()),
            ..facts
        };
        assert_eq!(substance(&recap_item(), &facts), None);
    }

    #[test]
    fn a_bare_promise_is_no_recap() {
        // The prospect's request is the reason the template names; the rep only said yes.
        let ask = "Can you send over two or three customer references in retail?";
        let facts = ThreadFacts {
            rep_texts: vec!["Sure thing, will send by Friday.".into()],
            prospect_text: Some(ask.into()),
            commitment: Some(ask.into()),
            commitment_is_theirs: true,
            ..ThreadFacts::default()
        };
        assert_eq!(substance(&recap_item(), &facts), None);
        // A promise that says what it is still recaps where things were left.
        let facts = ThreadFacts {
            rep_texts: vec![
                "I'll send the revised quote with the three-year terms and the onboarding plan by Friday."
                    .into(),
            ],
            ..ThreadFacts::default()
        };
        assert!(substance(&recap_item(), &facts).is_some());
    }

    #[test]
    fn when_the_template_quotes_the_prospects_reason_another_of_their_sentences_recaps() {
        // The rep only offered a call (no recap); the template quotes the CISO sentence, so
        // the recap is the prospect's other news, never that sentence twice.
        let theirs = "Our CISO has to approve any new vendor with access to patient data.";
        let facts = ThreadFacts {
            rep_texts: vec![
                "Thanks Amanda. If it speeds things up, our security lead is happy to \
                             get on a call with your CISO to answer questions directly."
                    .into(),
            ],
            prospect_text: Some(format!(
                "Alex, {}. I've forwarded her your security pack.",
                theirs.trim_end_matches('.').replacen("Our", "our", 1)
            )),
            commitment: Some(theirs.into()),
            commitment_is_theirs: true,
            ..ThreadFacts::default()
        };
        let got = substance(&recap_item(), &facts).unwrap();
        assert!(
            got.contains("I've forwarded her your security pack."),
            "{got}"
        );
        assert!(!got.contains("CISO has to approve"), "{got}");
    }

    #[test]
    fn a_bare_hand_over_is_recapped_by_its_subject() {
        let recap = recap_item();
        let facts = ThreadFacts {
            rep_texts: vec!["Hi Priya,\n\nSee attached.".into()],
            commitment: Some("See attached.".into()),
            subject: Some("Case study: how Globex cut onboarding time".into()),
            ..ThreadFacts::default()
        };
        assert_eq!(
            substance(&recap, &facts).unwrap(),
            "Where we left it: I sent you \u{201c}Case study: how Globex cut onboarding time\u{201d}"
        );
        // A subject of two words says too little to recap.
        let short = ThreadFacts {
            subject: Some("Quick question".into()),
            ..facts
        };
        assert_eq!(substance(&recap, &short), None);
    }

    #[test]
    fn an_item_that_only_claims_value_is_never_used() {
        let hollow = ValueItem {
            title: "a case study".into(),
            summary: "it shows results".into(),
            url: None,
            attachment: None,
            content: None,
            from_thread: None,
            lang: None,
        };
        let e = pick(
            "information",
            std::slice::from_ref(&hollow),
            1,
            &facts(),
            "en",
            "en",
        )
        .unwrap_err();
        assert!(e.contains("[[value_items.information]]"), "{e}");
        let linked = ValueItem {
            url: Some("https://acme.io/cases/globex".into()),
            ..hollow.clone()
        };
        let v = pick(
            "information",
            &[hollow, linked.clone()],
            1,
            &facts(),
            "en",
            "en",
        )
        .unwrap();
        assert_eq!(v.url, linked.url, "the item with substance is chosen");
        // No figures in the thread: the figures item is skipped, not used hollow.
        let bare = ThreadFacts::default();
        assert!(pick(
            "pricing",
            &default_value_items()["pricing"],
            1,
            &bare,
            "en",
            "en"
        )
        .is_err());
    }
}
