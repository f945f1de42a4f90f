//! What the rep actually did, in the rep's own tense: a draft may say "the pricing I sent on
//! Monday" only when the rep's words handed it over, and "the pricing I promised" when they
//! only promised it. Pure; read from the sentence that stated the reason (or, for a tag, the
//! rep's message).

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;

/// Something is promised for later: I'll send, I will, by Friday.
fn promise_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:[-*•]\s*)?(?:me|myself|us|ich|moi|yo|io|ik|eu|jag)\s*:\s*\w|\b(i'?ll|i\s+will|i\s+shall|i'?m\s+going\s+to|i\s+am\s+going\s+to|let\s+me|i'?m\s+(putting|getting|preparing|finali[sz]ing|working)|will\s+(send|share|get|have|prepare|follow)|ich\s+(werde|schicke|sende|melde|rechne|kl[äa]re|richte|bereite|stelle|k[üu]mmere)|wir\s+werden|je\s+(vais|vous\s+(enverrai|mets|mettrai|pr[ée]pare|ferai)|t'(enverrai|envoie)|enverrai|pr[ée]pare|reviendrai|mettrai|m'occupe)|(le|te)\s+(env[ií]o|enviar[ée]|preparo|preparar[ée]|voy\s+a)|voy\s+a\s+\w+|(preparar|enviar|mandar|activar|configurar)[ée]|estoy\s+preparando|sto\s+preparando|(le|ti)\s+(invier[òo]|mander[òo]|attiver[òo]|preparer[òo])|\w+(er|ir)ò|ik\s+(stuur|werk|kom|zal|ga)|wij\s+zullen|estou\s+a\s+preparar|vou\s+\w+|\w+(arei|erei|irei)|jag\s+(skickar|tar\s+fram|h[öo]r|kommer\s+att|ska|s[äa]tter\s+upp|fixar|ordnar))\b")
            .expect("promise regex")
    })
}

/// `sent`, `promised`, or `other` (the sentence neither hands over nor promises anything).
pub fn kind_of(text: &str) -> &'static str {
    if crate::message::text::hands_over(text) {
        "sent"
    } else if promise_re().is_match(text) {
        "promised"
    } else {
        "other"
    }
}

/// The words a reason's object goes by in the rep's sentence.
fn object_words(reason: &str) -> Option<&'static str> {
    Some(match reason {
        "pricing" => {
            r"pricing|prices|price\s+list|quote|quotation|estimate|costs?|costing|numbers|figures|rate\s+card|breakdown|offer|commercials"
        }
        "proposal" => {
            r"proposal|contract|agreement|sow|statement\s+of\s+work|order\s+form|msa|paperwork|terms|renewal\s+form|amendment"
        }
        "information" => {
            r"case\s+stud(?:y|ies)|white\s?paper|deck|slides|documentation|docs|guide|overview|report|recording|answers?|information|details|data\s?sheet|brochure|materials?|one-pager|checklist|faq|video|summary|references|specs?"
        }
        "trial" => {
            r"(?:pilot|demo|test|trial|poc|sandbox)\s+(?:environment|workspace|account|instance|site)|trial|pilot|poc|pov|proof\s+of\s+(?:concept|value)|sandbox|evaluation"
        }
        "meeting" => r"call|demo|meeting|walk-?through|workshop|session|invite|invitation",
        _ => return None,
    })
}

/// The two object patterns of a reason, compiled once: with a determiner ("the quote for…",
/// "our proposal", up to two words between: "the updated quote"), and the object alone
/// ("pricing for 50 seats").
fn object_patterns(reason: &str) -> Option<&'static (Regex, Regex)> {
    static P: OnceLock<HashMap<&'static str, (Regex, Regex)>> = OnceLock::new();
    P.get_or_init(|| {
        let tail = r"\b(?:\s+(?:for|on|of|with|from|about|covering)\s+[^,.;:!?()]{1,40}?)?(?:[,.;:!?()]|\s+(?:and|so|which|that|as|by|to|today|tomorrow|this|next|before|once|if|when|we|you|i|is|are|was|will|should|set|ready|live|now)\b|$)";
        ["pricing", "proposal", "information", "trial", "meeting"]
            .into_iter()
            .filter_map(|r| {
                let words = object_words(r)?;
                let with_det = Regex::new(&format!(
                    r"(?i)\b(?:the|our|a|an|my|your|this|that|these|some)\s+(?:[\w-]+\s+){{0,2}}?(?:{words}){tail}"
                ))
                .expect("object regex");
                let bare = Regex::new(&format!(r"(?i)\b(?:{words}){tail}")).expect("object regex");
                Some((r, (with_det, bare)))
            })
            .collect()
    })
    .get(reason)
}

/// What the rep named, as a short noun phrase ("the quote for the three regions"), or the
/// reason's plain name when the sentence does not name it in a way that can be quoted.
pub fn what_of(reason: &str, text: &str) -> String {
    let fallback = match reason {
        "pricing" => "the pricing",
        "proposal" => "the proposal",
        "information" => "the material",
        "trial" => "the trial",
        "meeting" => "a call",
        "decision_maker" => "the review",
        _ => "this",
    };
    let Some((with_det, bare)) = object_patterns(reason) else {
        return fallback.into();
    };
    let Some(m) = with_det.find(text).or_else(|| bare.find(text)) else {
        return fallback.into();
    };
    let mut phrase = m
        .as_str()
        .trim_end_matches(|c: char| ",.;:!?()".contains(c))
        .trim()
        .to_string();
    for stop in [
        " and",
        " so",
        " which",
        " that",
        " as",
        " by",
        " to",
        " today",
        " tomorrow",
        " this",
        " next",
        " before",
        " once",
        " if",
        " when",
        " we",
        " you",
        " i",
        " is",
        " are",
        " was",
        " will",
        " should",
        " set",
        " ready",
        " live",
        " now",
    ] {
        if phrase.to_lowercase().ends_with(stop) {
            phrase.truncate(phrase.len() - stop.len());
        }
    }
    // Start it the way a draft would refer back to it.
    let lower = phrase.to_lowercase();
    let body = [
        "a ", "an ", "our ", "my ", "some ", "this ", "that ", "these ",
    ]
    .iter()
    .find_map(|d| lower.starts_with(d).then(|| phrase[d.len()..].to_string()));
    let phrase = match body {
        Some(rest) => format!("the {rest}"),
        None if lower.starts_with("the ") || lower.starts_with("your ") => phrase,
        None => format!("the {phrase}"),
    };
    // Verbs and pronouns dragged in front ("put together pricing") are not the object.
    if phrase.split_whitespace().count() > 9 || phrase.to_lowercase().contains(" i ") {
        return fallback.into();
    }
    phrase
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tense_follows_the_reps_words() {
        assert_eq!(
            kind_of("As promised, attached is the quote for the three regions."),
            "sent"
        );
        assert_eq!(kind_of("Here's the case study from Globex."), "sent");
        assert_eq!(
            kind_of("I'll put together pricing for 50 seats and send it over."),
            "promised"
        );
        assert_eq!(kind_of("I'll keep you posted."), "promised");
        for promise in [
            "Ich richte Ihnen den Testzugang morgen ein.",
            "Je vais vous envoyer le devis demain.",
            "Le prepararé la propuesta mañana.",
            "Le invierò il preventivo domani.",
            "Ik zal de offerte morgen sturen.",
            "Vou enviar a proposta amanhã.",
            "Jag kommer att skicka offerten i morgon.",
        ] {
            assert_eq!(kind_of(promise), "promised", "{promise}");
        }
        // A word that merely ends like a future is no promise.
        assert_eq!(kind_of("Il numero di licenze è cambiato."), "other");
        assert_eq!(kind_of("Anbei wie besprochen unser Angebot."), "sent");
        // The rep's own line in a list of next steps is a promise.
        assert_eq!(kind_of("Me: send the revised quote by Friday"), "promised");
        assert_eq!(
            kind_of("- Ich: überarbeitetes Angebot bis Freitag"),
            "promised"
        );
        assert_eq!(kind_of("You: share the SKU list with me"), "other");
        assert_eq!(
            kind_of("I understand the board must approve it first."),
            "other"
        );
    }

    #[test]
    fn the_object_is_quoted_as_the_rep_named_it() {
        assert_eq!(
            what_of(
                "pricing",
                "As promised, attached is the quote for the three regions."
            ),
            "the quote for the three regions"
        );
        assert_eq!(
            what_of("proposal", "Please find attached our proposal for review."),
            "the proposal for review"
        );
        assert_eq!(what_of("pricing", "Anbei unser Angebot."), "the pricing");
        assert_eq!(
            what_of(
                "trial",
                "I'll get the pilot environment set up as soon as you give the go-ahead."
            ),
            "the pilot environment"
        );
        assert_eq!(what_of("timing", "Let's talk in January."), "this");
    }
}
