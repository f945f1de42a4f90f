//! The stated reason for following up, which picks the template. Sources, strongest first:
//! a tag the rep set on a sent message in the mail client (IMAP keyword), a plus-tag in a Bcc
//! to the rep's own address (`alex+pricing@…`), and the rep's own words in the thread matched by
//! per-reason rules. The prospect's own "not now" can also give the reason (`away`, `timing`).

mod rules;

pub use rules::{default_prospect_rules, default_request_rules, default_rules, DEFAULT_PRIORITY};

use std::collections::HashMap;

use regex::Regex;
use serde::Serialize;

use crate::identity::Identity;
use crate::message::text::{own_text, sentences};
use crate::message::Mail;

/// Where the reason came from, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Tag,
    PlusTag,
    RepText,
    ProspectText,
}

impl Source {
    /// The name used in JSON and templates.
    pub fn as_str(&self) -> &'static str {
        match self {
            Source::Tag => "tag",
            Source::PlusTag => "plus_tag",
            Source::RepText => "rep_text",
            Source::ProspectText => "prospect_text",
        }
    }
}

/// A reason found on a thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub reason: String,
    pub source: Source,
    /// The sentence that stated the reason, when it came from text.
    pub commitment: Option<String>,
}

/// Which rules to match a text against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleSet {
    /// The rep's own words.
    Rep,
    /// The prospect's last reply: deferrals ("ping me in January").
    ProspectDeferral,
    /// The prospect's last reply: requests ("could you send pricing?").
    ProspectRequest,
}

/// Compiled reason rules (from config, defaults filled in).
#[derive(Debug, Clone)]
pub struct Rules {
    /// Reasons in the order they win when one message matches several.
    pub priority: Vec<String>,
    pub rep_rules: HashMap<String, Vec<Regex>>,
    pub prospect_rules: HashMap<String, Vec<Regex>>,
    /// What the prospect asked for ("could you send pricing?"): a fallback after the rep's words.
    pub request_rules: HashMap<String, Vec<Regex>>,
    /// Client tag or plus-tag (lower-case) → reason.
    pub aliases: HashMap<String, String>,
}

impl Rules {
    /// Map a tag (IMAP keyword or plus-tag) to a reason: an explicit alias, else a reason name,
    /// ignoring case, a leading `$`, and `followup-`/`fu-`/`fu:` prefixes.
    pub fn reason_for_tag(&self, tag: &str) -> Option<String> {
        let t = tag.trim().to_lowercase();
        if let Some(r) = self.aliases.get(&t) {
            return Some(r.clone());
        }
        let t = t.trim_start_matches('$');
        let t = ["followup-", "followup_", "followup:", "fu-", "fu_", "fu:"]
            .iter()
            .find_map(|p| t.strip_prefix(p))
            .unwrap_or(t);
        let t = t.replace('-', "_");
        if let Some(r) = self.aliases.get(&t) {
            return Some(r.clone());
        }
        self.priority.iter().find(|r| **r == t).cloned()
    }

    /// The first reason (by priority) whose rule matches the text, with the matching sentence.
    pub fn match_text(&self, text: &str, set: RuleSet) -> Option<(String, String)> {
        let rules = match set {
            RuleSet::Rep => &self.rep_rules,
            RuleSet::ProspectDeferral => &self.prospect_rules,
            RuleSet::ProspectRequest => &self.request_rules,
        };
        // Pleasantries ("great meeting you", "thanks for the call") state no reason.
        let text = small_talk_re().replace_all(text, "");
        let text = text.as_ref();
        let sents = sentences(text);
        for reason in &self.priority {
            let Some(res) = rules.get(reason) else {
                continue;
            };
            // Sentence by sentence so the commitment can be quoted; then the whole text for
            // rules that span a line break.
            for s in &sents {
                if res.iter().any(|re| re.is_match(s)) {
                    return Some((reason.clone(), s.clone()));
                }
            }
            if let Some(m) = res.iter().find_map(|re| re.find(text)) {
                let sentence = sents
                    .iter()
                    .find(|s| s.contains(m.as_str()))
                    .cloned()
                    .unwrap_or_else(|| m.as_str().to_string());
                return Some((reason.clone(), sentence));
            }
        }
        None
    }
}

fn small_talk_re() -> &'static Regex {
    static RE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)\b((it\s+was\s+)?(so\s+)?(nice|great|good|lovely|a\s+pleasure)\s+(meeting|to\s+meet|speaking\s+(with|to)|talking\s+(with|to)|chatting\s+(with|to)|catching\s+up\s+with)\s+you|thanks?(\s+you)?\s+(again\s+)?for\s+(the|your|our)\s+(time|call|meeting|chat|demo)(\s+(today|yesterday|earlier))?)\b",
        )
        .expect("small talk regex")
    })
}

/// Decide the reason for the thread whose messages (oldest first) are `msgs`. `rep_recent`
/// lists the rep's messages to read, most relevant (the newest unanswered) first;
/// `prospect_last` is the prospect's last human reply, if any.
pub fn detect(
    rep_recent: &[&Mail],
    prospect_last: Option<&Mail>,
    identity: &Identity,
    rules: &Rules,
) -> Option<Finding> {
    for m in rep_recent {
        for k in &m.keywords {
            if let Some(reason) = rules.reason_for_tag(k) {
                return Some(Finding {
                    reason,
                    source: Source::Tag,
                    commitment: None,
                });
            }
        }
    }
    for m in rep_recent {
        for a in m.recipients() {
            if let Some(tag) = identity.rep_plus_tag(&a.email) {
                if let Some(reason) = rules.reason_for_tag(&tag) {
                    return Some(Finding {
                        reason,
                        source: Source::PlusTag,
                        commitment: None,
                    });
                }
            }
        }
    }
    if let Some(p) = prospect_last {
        if let Some(body) = &p.body {
            if let Some((reason, sentence)) =
                rules.match_text(&own_text(body), RuleSet::ProspectDeferral)
            {
                return Some(Finding {
                    reason,
                    source: Source::ProspectText,
                    commitment: Some(sentence),
                });
            }
        }
    }
    for m in rep_recent {
        if let Some(body) = &m.body {
            if let Some((reason, sentence)) = rules.match_text(&own_text(body), RuleSet::Rep) {
                return Some(Finding {
                    reason,
                    source: Source::RepText,
                    commitment: Some(sentence),
                });
            }
        }
    }
    // Last: what the prospect asked for, when the rep's reply doesn't say ("Will do!").
    let body = prospect_last.and_then(|p| p.body.as_deref())?;
    let (reason, sentence) = rules.match_text(&own_text(body), RuleSet::ProspectRequest)?;
    Some(Finding {
        reason,
        source: Source::ProspectText,
        commitment: Some(sentence),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Address;

    pub(super) fn rules() -> Rules {
        Rules {
            priority: DEFAULT_PRIORITY.iter().map(|s| s.to_string()).collect(),
            rep_rules: default_rules(),
            prospect_rules: default_prospect_rules(),
            request_rules: default_request_rules(),
            aliases: HashMap::new(),
        }
    }

    fn rep_mail(body: &str) -> Mail {
        Mail {
            from: vec![Address::new(None, "alex@acme.io")],
            to: vec![Address::new(None, "dana@northwind.com")],
            body: Some(body.into()),
            ..Mail::default()
        }
    }

    fn reason_of(body: &str) -> Option<String> {
        let id = Identity::new(&["alex@acme.io".into()], &[]);
        let m = rep_mail(body);
        detect(&[&m], None, &id, &rules()).map(|f| f.reason)
    }

    #[test]
    fn common_phrasings_map_to_reasons() {
        let cases = [
            (
                "As promised, attached is the quote for the three regions.",
                "pricing",
            ),
            (
                "I'll put together pricing for 50 seats and send it over.",
                "pricing",
            ),
            (
                "Here's a breakdown of what it would cost for your team.",
                "pricing",
            ),
            ("Please find attached our proposal for review.", "proposal"),
            ("I've sent over the contract via DocuSign.", "proposal"),
            ("Attached is the SOW we discussed.", "proposal"),
            (
                "Once you've had a chance to run it by your CFO, let me know.",
                "decision_maker",
            ),
            (
                "I understand you need sign-off from the board first.",
                "decision_maker",
            ),
            (
                "Happy to loop in your head of IT if that helps.",
                "decision_maker",
            ),
            (
                "As requested, here's the case study from Globex.",
                "information",
            ),
            (
                "I've attached the whitepaper on data residency you asked about.",
                "information",
            ),
            (
                "Would Tuesday or Thursday work for a 30-minute demo?",
                "meeting",
            ),
            (
                "Let me know a good time to get a call on the calendar.",
                "meeting",
            ),
            (
                "Understood, I'll reach back out next quarter once budgets are set.",
                "timing",
            ),
            (
                "Makes sense to revisit after your product launch.",
                "timing",
            ),
            ("Enjoy your trip! I'll follow up when you're back.", "away"),
            ("Have a great vacation, talk when you return.", "away"),
            (
                "Your trial account is set up, I'll check how the pilot is going.",
                "trial",
            ),
            ("Your 14-day trial is now active.", "trial"),
            ("I've attached the numbers for year one.", "pricing"),
            ("The total comes to $24,000 per year.", "pricing"),
            ("I'll send over the paperwork this afternoon.", "proposal"),
            (
                "Once you've discussed it internally, let me know.",
                "decision_maker",
            ),
            ("Happy to hop on a call next week.", "meeting"),
            ("I've attached the overview you asked for.", "information"),
            ("Enjoy the holidays, let's speak once you're back.", "away"),
        ];
        for (text, want) in cases {
            assert_eq!(reason_of(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn small_talk_has_no_reason() {
        assert_eq!(
            reason_of("Great to meet you at the conference yesterday!"),
            None
        );
        assert_eq!(reason_of("Thanks for your time today."), None);
        assert_eq!(reason_of("Great meeting you!\n\nBest regards,\nAlex Morgan\nBook a demo: acme.io/demo | See our case studies"), None, "the signature states no reason");
    }

    #[test]
    fn quoted_text_does_not_state_the_rep_reason() {
        assert_eq!(
            reason_of(
                "Thanks!\n\nOn Mon, Nov 2, 2026, Dana <d@n.com> wrote:\n> please send the pricing"
            ),
            None
        );
    }

    #[test]
    fn tags_beat_plus_tags_beat_text() {
        let id = Identity::new(&["alex@acme.io".into()], &[]);
        let mut m = rep_mail("Here is the pricing.");
        m.bcc = vec![Address::new(None, "alex+meeting@acme.io")];
        let f = detect(&[&m], None, &id, &rules()).unwrap();
        assert_eq!((f.reason.as_str(), f.source), ("meeting", Source::PlusTag));
        m.keywords = vec!["$FollowUp-Proposal".into()];
        let f = detect(&[&m], None, &id, &rules()).unwrap();
        assert_eq!((f.reason.as_str(), f.source), ("proposal", Source::Tag));
    }

    #[test]
    fn the_prospects_request_gives_the_reason_when_the_rep_only_said_yes() {
        let id = Identity::new(&["alex@acme.io".into()], &[]);
        let rep = rep_mail("Will do, Dana!");
        let mut p = rep_mail("Could you send me pricing for the three regions?");
        p.from = vec![Address::new(None, "dana@northwind.com")];
        let f = detect(&[&rep], Some(&p), &id, &rules()).unwrap();
        assert_eq!(
            (f.reason.as_str(), f.source),
            ("pricing", Source::ProspectText)
        );
        // The rep's own words, when they state a reason, come first.
        let rep2 = rep_mail("Sure, let's set up a 30-minute demo first.");
        assert_eq!(
            detect(&[&rep2], Some(&p), &id, &rules()).unwrap().reason,
            "meeting"
        );
        p.body = Some("Can you send over a case study from retail?".into());
        assert_eq!(
            detect(&[&rep], Some(&p), &id, &rules()).unwrap().reason,
            "information"
        );
    }

    #[test]
    fn prospect_not_now_gives_the_reason() {
        let id = Identity::new(&["alex@acme.io".into()], &[]);
        let rep = rep_mail("Sounds good.");
        let mut p = rep_mail("I'm travelling until the 14th, let's talk after that.");
        p.from = vec![Address::new(None, "dana@northwind.com")];
        let f = detect(&[&rep], Some(&p), &id, &rules()).unwrap();
        assert_eq!(
            (f.reason.as_str(), f.source),
            ("away", Source::ProspectText)
        );
        let mut p2 = p.clone();
        p2.body = Some("Ping me in January, budgets are frozen until then.".into());
        assert_eq!(
            detect(&[&rep], Some(&p2), &id, &rules()).unwrap().reason,
            "timing"
        );
    }
}

#[cfg(test)]
mod multilingual_tests {
    use super::tests::rules;
    use super::*;
    use crate::message::Address;

    fn mail(from: &str, body: &str) -> Mail {
        Mail {
            from: vec![Address::new(None, from)],
            body: Some(body.into()),
            ..Mail::default()
        }
    }

    #[test]
    fn reps_writing_in_other_languages() {
        let id = Identity::new(&["alex@acme.io".into()], &[]);
        let cases = [
            (
                "Anbei wie besprochen unser Angebot für die drei Standorte.",
                "pricing",
            ),
            (
                "Vous trouverez ci-joint le devis pour les trois sites.",
                "pricing",
            ),
            ("Adjunto el presupuesto que me pidió.", "pricing"),
            ("In allegato il preventivo richiesto.", "pricing"),
            ("Hierbij de offerte voor drie locaties.", "pricing"),
            ("Segue em anexo o orçamento.", "pricing"),
            ("Här kommer offerten för tre kontor.", "pricing"),
            ("Anbei der Vertragsentwurf zur Prüfung.", "proposal"),
            (
                "Können wir einen Termin für eine kurze Demo finden?",
                "meeting",
            ),
            ("Schönen Urlaub und bis bald!", "away"),
            ("Je vous recontacterai le trimestre prochain.", "timing"),
        ];
        for (text, want) in cases {
            let m = mail("alex@acme.io", text);
            assert_eq!(
                detect(&[&m], None, &id, &rules())
                    .map(|f| f.reason)
                    .as_deref(),
                Some(want),
                "{text}"
            );
        }
    }

    #[test]
    fn prospects_deferring_in_other_languages() {
        let id = Identity::new(&["alex@acme.io".into()], &[]);
        let rep = mail("alex@acme.io", "Alles klar.");
        let cases = [
            (
                "Melden Sie sich bitte im Januar wieder, dann ist das Budget frei.",
                "timing",
            ),
            ("Ich bin bis zum 14.12. unterwegs.", "away"),
            ("Recontactez-moi en janvier, s'il vous plaît.", "timing"),
            ("Estoy de viaje hasta el 3 de diciembre.", "away"),
            ("Hör av dig efter nyår.", "timing"),
        ];
        for (text, want) in cases {
            let p = mail("dana@northwind.example", text);
            let f = detect(&[&rep], Some(&p), &id, &rules()).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                (f.reason.as_str(), f.source),
                (want, Source::ProspectText),
                "{text}"
            );
        }
    }
}
