//! The quality lint: a follow-up that nags ("just checking in") or brings nothing new is never
//! written. Runs on every rendered draft and, through `templates check`, on every template.

use serde::Serialize;

use crate::message::text::word_count;

/// One rule that fired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    /// `banned_phrase`, `no_value_item`, `too_long` or `too_short`.
    pub rule: String,
    pub detail: String,
    /// 1-based line in the text checked, when the rule points at one.
    pub line: Option<usize>,
}

/// Lint settings.
#[derive(Debug, Clone)]
pub struct Lint {
    /// Private: the normalised copy below is made from it once.
    banned: Vec<String>,
    pub max_words: usize,
    pub min_words: usize,
    /// `banned`, normalised once, and a set that finds in one pass which of them occur at
    /// all (every draft is checked against every phrase).
    banned_normalized: std::sync::OnceLock<(Vec<String>, Option<regex::RegexSet>)>,
}

/// Lower-case, straighten quotes and collapse white space, so "Just  checking-in" style
/// variations still match.
fn normalize(s: &str) -> String {
    s.to_lowercase()
        .replace(['’', '‘', '`'], "'")
        .replace(['-', '_'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Lint {
    /// The lint for these banned phrases and body length bounds (in words).
    pub fn new(banned: Vec<String>, max_words: usize, min_words: usize) -> Lint {
        Lint {
            banned,
            max_words,
            min_words,
            banned_normalized: Default::default(),
        }
    }

    /// Banned phrases in `text`, with the line each is on.
    pub fn banned_in(&self, text: &str) -> Vec<Violation> {
        let mut out = Vec::new();
        let whole = normalize(text);
        let (normalized, set) = self.banned_normalized.get_or_init(|| {
            let normalized: Vec<String> = self.banned.iter().map(|p| normalize(p)).collect();
            let set = regex::RegexSet::new(normalized.iter().map(|p| regex::escape(p))).ok();
            (normalized, set)
        });
        // The phrases present anywhere (a superset); word boundaries are checked below.
        let present: Vec<bool> = match set {
            Some(set) => {
                let m = set.matches(&whole);
                (0..normalized.len()).map(|i| m.matched(i)).collect()
            }
            None => vec![true; normalized.len()],
        };
        let found: Vec<(&String, &String)> = self
            .banned
            .iter()
            .zip(normalized)
            .zip(present)
            .filter(|((_, p), present)| *present && !p.is_empty() && contains_words(&whole, p))
            .map(|(pair, _)| pair)
            .collect();
        for &(phrase, p) in &found {
            // One nudge, one violation: "kurz nachhaken" inside "wollte nur kurz nachhaken"
            // is the same words.
            if found
                .iter()
                .any(|(_, q)| q.len() > p.len() && contains_words(q, p))
            {
                continue;
            }
            let line = text
                .lines()
                .position(|l| contains_words(&normalize(l), p))
                .map(|i| i + 1);
            out.push(Violation {
                rule: "banned_phrase".into(),
                detail: format!("\"{phrase}\""),
                line,
            });
        }
        out
    }

    /// All rules over a rendered follow-up body (the part above the quote).
    pub fn check(&self, body: &str, value: &crate::config::ValueItem) -> Vec<Violation> {
        self.check_quoting(body, value, None)
    }

    /// [`Lint::check`], except that a banned phrase inside `theirs` (the prospect's own
    /// sentence, quoted verbatim) is not the draft nagging: "You mentioned: “…then we can touch
    /// base.”" cannot be reworded without misquoting them.
    pub fn check_quoting(
        &self,
        body: &str,
        value: &crate::config::ValueItem,
        theirs: Option<&str>,
    ) -> Vec<Violation> {
        let mut out = match theirs.map(str::trim).filter(|t| !t.is_empty()) {
            // Same lines, so a violation still points at the right one.
            Some(t) => self.banned_in(&body.replace(t, &"\n".repeat(t.matches('\n').count()))),
            None => self.banned_in(body),
        };
        let value_title = value.title.as_str();
        if value_title.trim().is_empty() || !normalize(body).contains(&normalize(value_title)) {
            out.push(Violation {
                rule: "no_value_item".into(),
                detail: "the draft does not bring the value item (`{{ value.title }}`)".into(),
                line: None,
            });
        }
        // The value must be in the draft, not only named: its text or its link.
        let content = value.content.as_deref().unwrap_or("").trim();
        let url = value.url.as_deref().unwrap_or("").trim();
        let carries_file = value
            .attachment
            .as_deref()
            .is_some_and(|a| !a.trim().is_empty());
        let first_line = content.lines().next().unwrap_or("");
        if !content.is_empty() && !normalize(body).contains(&normalize(first_line)) {
            out.push(Violation {
                rule: "value_not_carried".into(),
                detail: "the value item's content is not in the draft (add `{{ value.content }}` to the template)".into(),
                line: None,
            });
        } else if content.is_empty() && !url.is_empty() && !body.contains(url) {
            out.push(Violation {
                rule: "value_not_carried".into(),
                detail: "the value item's link is not in the draft (add `{{ value.url }}` to the template)".into(),
                line: None,
            });
        } else if content.is_empty() && url.is_empty() && !carries_file {
            out.push(Violation {
                rule: "no_substance".into(),
                detail: "claims a value it doesn't carry: give the value item a url, an attachment or content".into(),
                line: None,
            });
        }
        let words = word_count(body);
        if words > self.max_words {
            out.push(Violation {
                rule: "too_long".into(),
                detail: format!("{words} words; keep it under {}", self.max_words),
                line: None,
            });
        }
        if words < self.min_words {
            out.push(Violation {
                rule: "too_short".into(),
                detail: format!("{words} words; say at least {}", self.min_words),
                line: None,
            });
        }
        out
    }
}

/// Phrase match on word boundaries ("any update" must not fire inside "many updates").
fn contains_words(hay: &str, needle: &str) -> bool {
    let mut from = 0;
    while let Some(pos) = hay[from..].find(needle) {
        let start = from + pos;
        let end = start + needle.len();
        let before = hay[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = hay[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if before && after {
            return true;
        }
        from = start + needle.len().max(1);
        while !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lint() -> Lint {
        Lint::new(
            crate::config::DEFAULT_BANNED
                .iter()
                .map(|s| s.to_string())
                .collect(),
            200,
            5,
        )
    }

    /// A value item that carries its link.
    fn item(title: &str) -> crate::config::ValueItem {
        crate::config::ValueItem {
            title: title.into(),
            summary: String::new(),
            url: Some("https://acme.io/roi".into()),
            attachment: None,
            content: None,
            from_thread: None,
            lang: None,
        }
    }

    #[test]
    fn a_banned_phrase_only_inside_the_prospects_quoted_words_is_not_a_nudge() {
        let theirs = "I need to run this by our VP first, then we can touch base.";
        let body = format!(
            "Hi Olivia,\n\nHere is the ROI sheet for your VP: https://acme.io/roi\n\nYou mentioned: \"{theirs}\" I hope this helps."
        );
        let v = lint().check_quoting(&body, &item("ROI sheet"), Some(theirs));
        assert!(v.is_empty(), "{v:?}");
        // The same phrase in the draft's own words is still refused, on its line.
        let nudge = format!("{body}\nJust touching base on this.");
        let v = lint().check_quoting(&nudge, &item("ROI sheet"), Some(theirs));
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(
            (v[0].detail.as_str(), v[0].line),
            ("\"touching base\"", Some(6))
        );
        // Without the quote to exempt, the quoted phrase counts.
        assert_eq!(lint().check(&body, &item("ROI sheet")).len(), 1);
    }

    #[test]
    fn a_nudge_inside_a_longer_banned_phrase_is_reported_once_by_the_longer() {
        let v = lint().banned_in("Ich wollte nur kurz nachhaken, ob die Zahlen passen.");
        let details: Vec<&str> = v.iter().map(|v| v.detail.as_str()).collect();
        assert_eq!(details, ["\"wollte nur kurz nachhaken\""]);
    }

    #[test]
    fn a_value_that_is_named_but_not_carried_is_refused() {
        let body =
            "Hi Dana, here is the ROI sheet for your three regions, built from your volumes.";
        let v = lint().check(body, &item("ROI sheet"));
        assert!(v.iter().any(|v| v.rule == "value_not_carried"), "{v:?}");
        let with_link = format!("{body} https://acme.io/roi");
        assert!(lint().check(&with_link, &item("ROI sheet")).is_empty());
        let hollow = crate::config::ValueItem {
            url: None,
            ..item("ROI sheet")
        };
        let v = lint().check(body, &hollow);
        assert!(v.iter().any(|v| v.rule == "no_substance"), "{v:?}");
        let text = crate::config::ValueItem {
            content: Some("Payback: 7 months at your volumes.".into()),
            ..hollow
        };
        assert!(lint()
            .check(body, &text)
            .iter()
            .any(|v| v.rule == "value_not_carried"));
        let carried = format!("{body}\n\nPayback: 7 months at your volumes.");
        assert!(lint().check(&carried, &text).is_empty());
    }

    #[test]
    fn nags_are_refused_whatever_the_spelling() {
        let v = lint().check(
            "Hi Dana,\nJust  Checking-In on the pricing. Here is the ROI sheet: https://acme.io/roi",
            &item("ROI sheet"),
        );
        // "just checking in", reported once ("checking in" is inside it).
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].rule, "banned_phrase");
        assert_eq!(v[0].line, Some(2));
        assert!(lint()
            .check(
                "Did you get a chance to look? Here is the ROI sheet, five words.",
                &item("ROI sheet")
            )
            .iter()
            .any(|v| v.detail.contains("did you get a chance")));
        assert!(lint()
            .check(
                "Any update? Here is the ROI sheet for you all.",
                &item("ROI sheet")
            )
            .iter()
            .any(|v| v.rule == "banned_phrase"));
    }

    #[test]
    fn phrases_match_whole_words_only() {
        assert!(lint()
            .banned_in("We shipped many updates this month.")
            .is_empty());
    }

    #[test]
    fn a_draft_without_the_value_item_fails() {
        let v = lint().check(
            "Hi Dana, thoughts on the pricing I sent over last week?",
            &item("ROI sheet"),
        );
        assert_eq!(
            v.iter().map(|v| v.rule.as_str()).collect::<Vec<_>>(),
            vec!["no_value_item", "value_not_carried"]
        );
    }
}
