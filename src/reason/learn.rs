//! The rep teaches the reader: every sent message the rep tagged (IMAP keyword, Dovecot
//! keyword, plus-tag Bcc) is a labelled example of that rep's own phrasing. A later untagged
//! message worded like one of them gets its reason, by nearest neighbour over content words
//! and word pairs. Pure; the service collects the examples from the mailbox.

use std::collections::{HashMap, HashSet};

use super::model::{self, tokens, NONE};
use super::{model_sentences, Rules};
use crate::identity::Identity;
use crate::message::text::own_text;
use crate::message::Mail;

/// How alike two sentences must be (cosine over content words and pairs) to share a reason.
pub const SIMILAR: f32 = 0.6;
/// Sentences the model is this sure state no reason (greetings, thanks) teach nothing.
const COURTESY: f32 = 0.8;
/// A sentence found in this many of the rep's messages is boilerplate.
const BOILERPLATE: usize = 3;
/// How many of the rep's newest untagged messages are read to find boilerplate.
pub const BOILERPLATE_SAMPLE: usize = 300;
/// A sentence needs this many content features to be compared at all.
const MIN_FEATURES: usize = 3;

#[derive(Debug, Clone)]
struct Example {
    reason: String,
    message_id: String,
    sentence: String,
    feats: HashSet<String>,
}

/// The rep's tagged sentences.
#[derive(Debug, Clone, Default)]
pub struct Examples {
    items: Vec<Example>,
}

/// A match between an untagged sentence and a tagged one.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub reason: String,
    /// The tagged message.
    pub message_id: String,
    /// The untagged sentence that matched.
    pub sentence: String,
    /// The tagged sentence it matched.
    pub example: String,
    pub similarity: f32,
}

const STOP: &[&str] = &[
    "the", "and", "for", "you", "your", "with", "this", "that", "our", "are", "was", "will",
    "have", "has", "can", "just", "also", "here", "there", "please", "let", "know", "i'll", "i've",
    "i'm", "we'll", "we're", "it's", "from", "but", "not", "all", "any", "some", "about", "what",
    "when", "once", "would", "could", "should", "hi", "hello", "thanks", "best",
];

/// Content words and pairs of adjacent content words of a sentence.
fn content(sentence: &str) -> HashSet<String> {
    let words: Vec<String> = tokens(sentence)
        .into_iter()
        .filter(|t| t.chars().count() > 2 && !STOP.contains(&t.as_str()))
        .collect();
    let mut out: HashSet<String> = words.iter().cloned().collect();
    for w in words.windows(2) {
        out.insert(format!("{} {}", w[0], w[1]));
    }
    out
}

fn cosine(a: &HashSet<String>, b: &HashSet<String>) -> f32 {
    let common = a.intersection(b).count() as f32;
    common / ((a.len() * b.len()) as f32).sqrt()
}

/// The sentences of a text worth comparing: not courtesy, enough content.
fn comparable(text: &str) -> Vec<(String, HashSet<String>)> {
    model_sentences(text)
        .into_iter()
        .filter(|s| model::classify_shipped(s)[NONE] < COURTESY)
        .map(|s| {
            let f = content(&s);
            (s, f)
        })
        .filter(|(_, f)| f.len() >= MIN_FEATURES)
        .collect()
}

impl Examples {
    /// Collect the examples from the rep's tagged sent messages that have text.
    pub fn from_mails<'a>(
        mails: impl Iterator<Item = &'a Mail>,
        identity: &Identity,
        rules: &Rules,
    ) -> Self {
        // The tagged messages teach; the newest untagged ones (a bounded sample: a signature is
        // in nearly all of them) show which lines are boilerplate.
        let mut tagged: Vec<(&Mail, String, String)> = Vec::new(); // (mail, reason, own text)
        let mut others: Vec<&Mail> = Vec::new();
        for m in mails {
            if !m.author().is_some_and(|a| identity.is_rep(&a.email)) {
                continue;
            }
            let Some(body) = m.body.as_deref() else {
                continue;
            };
            match rules.tagged_reason(m, identity) {
                Some((reason, _)) => tagged.push((m, reason, own_text(body))),
                None => others.push(m),
            }
        }
        if tagged.is_empty() {
            return Examples::default();
        }
        others.sort_by_key(|m| std::cmp::Reverse(m.date));
        others.truncate(BOILERPLATE_SAMPLE);
        let sample: Vec<String> = others
            .iter()
            .map(|m| own_text(m.body.as_deref().unwrap_or("")))
            .collect();
        // A line the rep writes in many messages (a signature, a standard closing, a booking
        // link) says nothing about any one message's reason, so it teaches nothing.
        let mut seen: HashMap<String, usize> = HashMap::new();
        for text in tagged.iter().map(|(.., t)| t).chain(sample.iter()) {
            let lines: HashSet<String> = model_sentences(text)
                .iter()
                .map(|s| tokens(s).join(" "))
                .collect();
            for l in lines {
                *seen.entry(l).or_default() += 1;
            }
        }
        let mut items = Vec::new();
        for (m, reason, text) in &tagged {
            for (sentence, feats) in comparable(text) {
                if seen.get(&tokens(&sentence).join(" ")).copied().unwrap_or(0) >= BOILERPLATE {
                    continue;
                }
                items.push(Example {
                    reason: reason.clone(),
                    message_id: m.message_id.clone(),
                    sentence,
                    feats,
                });
            }
        }
        Examples { items }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The most similar tagged sentence to any sentence of `text`, when similar enough.
    pub fn nearest(&self, text: &str) -> Option<Hit> {
        if self.items.is_empty() {
            return None;
        }
        let mut best: Option<Hit> = None;
        for (sentence, feats) in comparable(text) {
            for ex in &self.items {
                let sim = cosine(&feats, &ex.feats);
                if sim >= SIMILAR && best.as_ref().is_none_or(|b| sim > b.similarity) {
                    best = Some(Hit {
                        reason: ex.reason.clone(),
                        message_id: ex.message_id.clone(),
                        sentence: sentence.clone(),
                        example: ex.sentence.clone(),
                        similarity: sim,
                    });
                }
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Address;

    fn rules() -> Rules {
        super::super::tests::rules()
    }

    fn sent(id: &str, body: &str, keywords: &[&str]) -> Mail {
        Mail {
            message_id: id.into(),
            from: vec![Address::new(None, "alex@acme.io")],
            to: vec![Address::new(None, "dana@northwind.com")],
            keywords: keywords.iter().map(|k| k.to_string()).collect(),
            body: Some(body.into()),
            ..Mail::default()
        }
    }

    #[test]
    fn a_sentence_worded_like_a_tagged_one_gets_its_reason() {
        let id = Identity::new(&["alex@acme.io".into()], &[]);
        let tagged = sent(
            "t1@acme.io",
            "Hi Dana,\n\nI'll ping the fleet desk about your lane volumes and come back with the numbers.\n\nBest,\nAlex",
            &["timing"],
        );
        let untagged = sent("u1@acme.io", "Thanks, Bo!", &[]);
        let ex = Examples::from_mails([&tagged, &untagged].into_iter(), &id, &rules());
        assert_eq!(
            ex.len(),
            1,
            "only the tagged message's reasoned sentence teaches"
        );
        let hit = ex
            .nearest("I'll ping the fleet desk about your lane volumes and come back with numbers.")
            .expect("worded alike");
        assert_eq!(
            (hit.reason.as_str(), hit.message_id.as_str()),
            ("timing", "t1@acme.io")
        );
        assert!(ex
            .nearest("Attached is the contract for signature.")
            .is_none());
        assert!(ex.nearest("Thanks again for lunch!").is_none());
    }

    #[test]
    fn a_line_the_rep_writes_in_many_messages_teaches_nothing() {
        let id = Identity::new(&["alex@acme.io".into()], &[]);
        let sig = "Book your slot at acme.example/alex for the quarterly product review session.";
        let body = |s: &str| format!("Hi,\n\n{s}\n\n{sig}");
        let tagged = sent(
            "t1@acme.io",
            &body(
                "I'll ping the fleet desk about your lane volumes and come back with the numbers.",
            ),
            &["timing"],
        );
        let others: Vec<Mail> = (0..3)
            .map(|i| sent(&format!("u{i}@acme.io"), &body("Here is the deck."), &[]))
            .collect();
        let ex = Examples::from_mails(std::iter::once(&tagged).chain(others.iter()), &id, &rules());
        assert_eq!(ex.len(), 1, "the shared line is not an example");
        assert!(ex.nearest(&body("Attached is the contract.")).is_none());
        assert!(ex
            .nearest("I'll ping the fleet desk about your lane volumes and come back with numbers.")
            .is_some());
    }
}
