//! Fast regex matching on text that is mostly but not wholly ASCII (the reason lexicons, the
//! auto-reply and bounce phrases).
//!
//! The regex crate's fast engine (a lazy DFA) gives up on a Unicode word boundary (`\b`) as
//! soon as the text holds one non-ASCII byte, and the slower engines are 5–30× slower on the
//! large alternations of the reason lexicons. One curly quote, euro sign or accented name in
//! a sentence was enough. A [`Haystack`] also keeps an ASCII stand-in of the text where each
//! non-ASCII character becomes an ASCII one of the same regex class (word, digit, space,
//! other), so `\b`, `\w`, `\s` and `.` read it as they read the original; an accented letter
//! becomes its base letter (é → e, Ü → U), in the text and in the pattern alike, so a lexicon
//! that names "geschäftsführung" or "cotización" reads the stand-in too, typed with accents or
//! without. A pattern is matched as written only if it names a character that has no base
//! letter (ß, ø, a curly quote) and the text holds it.

use std::sync::OnceLock;

use regex::Regex;

/// A text to match, with its ASCII stand-in when it has non-ASCII characters.
pub struct Haystack<'a> {
    text: &'a str,
    ascii: Option<String>,
}

impl<'a> Haystack<'a> {
    pub fn new(text: &'a str) -> Haystack<'a> {
        // The Kelvin sign and the long s match ASCII `k` and `s` case-insensitively: a text
        // with either is always matched as it is.
        let ascii = (!text.is_ascii() && !text.contains(['\u{212A}', '\u{17F}'])).then(|| {
            text.chars()
                .map(|c| base_letter(c).unwrap_or_else(|| stand_in(c)))
                .collect()
        });
        Haystack { text, ascii }
    }
}

/// The text with each accented letter as its base letter ("Geschäftsführung" →
/// "Geschaftsfuhrung"): what a [`Pattern`] reads, typed with accents or without.
pub fn fold_accents(text: &str) -> String {
    text.chars().map(|c| base_letter(c).unwrap_or(c)).collect()
}

/// The ASCII letter an accented letter is typed as without its accent, in its case.
fn base_letter(c: char) -> Option<char> {
    if c.is_ascii() {
        return None;
    }
    let lower = c.to_lowercase().next()?;
    let base = crate::message::text::fold(lower);
    (base != lower && base.is_ascii()).then(|| {
        if c.is_uppercase() {
            base.to_ascii_uppercase()
        } else {
            base
        }
    })
}

/// The ASCII character that regex classes treat as they treat `c`.
fn stand_in(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    static CLASSES: OnceLock<[Regex; 3]> = OnceLock::new();
    let [digit, word, space] = CLASSES
        .get_or_init(|| [r"^\d$", r"^\w$", r"^\s$"].map(|p| Regex::new(p).expect("class regex")));
    let mut buf = [0u8; 4];
    let s = c.encode_utf8(&mut buf);
    if digit.is_match(s) {
        '0'
    } else if word.is_match(s) {
        '_'
    } else if space.is_match(s) {
        '\t'
    } else {
        '\u{1}'
    }
}

/// A regex that is only asked whether and where it matches, compiled without its capturing
/// groups ([`without_captures`]): the same matches, a fraction of the slower engine's cache.
pub fn bare(pattern: &str) -> Result<Regex, regex::Error> {
    unicode_regex(&without_captures(pattern)).or_else(|_| unicode_regex(pattern))
}

/// A lexicon's Unicode automaton: large alternations of words in eight languages, with
/// Unicode `\w` and case folding, outgrow the regex crate's default 10 MiB compile limit long
/// before they are slow, and would then fail at the first text that needs them.
fn unicode_regex(pattern: &str) -> Result<Regex, regex::Error> {
    regex::RegexBuilder::new(pattern)
        .size_limit(64 << 20)
        .build()
}

/// The pattern with its capturing groups made non-capturing. A [`Pattern`] is only asked
/// whether and where it matches, and the regex crate's slower engine keeps a slot per group for
/// each state of the automaton: a Unicode lexicon of 40 groups held 100 MiB of such cache.
fn without_captures(src: &str) -> String {
    let mut out = String::with_capacity(src.len() + 32);
    let mut chars = src.chars().peekable();
    // Depth inside a character class (`[a[^b]]`, `[[:alpha:]]` nest), where `(` is literal.
    let mut class = 0usize;
    while let Some(c) = chars.next() {
        out.push(c);
        match c {
            '\\' => out.extend(chars.next()),
            '[' => {
                class += 1;
                // A `]` first in a class (after an optional `^`) is a literal.
                if chars.peek() == Some(&'^') {
                    out.extend(chars.next());
                }
                if chars.peek() == Some(&']') {
                    out.extend(chars.next());
                }
            }
            ']' if class > 0 => class -= 1,
            '(' if class == 0 && chars.peek() != Some(&'?') => out.push_str("?:"),
            _ => {}
        }
    }
    out
}

/// A regex that knows which non-ASCII characters its pattern names.
///
/// Most texts, and the accent-folded text the reason lexicons read, are matched on ASCII, so
/// each pattern is compiled a second time without Unicode classes (on ASCII text the two agree
/// to the byte). Those automata are a fraction of the Unicode ones' size, and are what almost
/// every match runs; the Unicode regex is compiled on first need and then kept.
#[derive(Debug, Clone)]
pub struct Pattern {
    src: String,
    /// The pattern without Unicode classes, for ASCII text (`None` if it doesn't compile so).
    ascii: Option<regex::bytes::Regex>,
    unicode: OnceLock<Regex>,
    /// Non-ASCII characters of the pattern, with their case variants.
    named: Vec<char>,
    /// The pattern names non-ASCII characters by a class the stand-in can't answer for (a
    /// Unicode property such as `\p{L}`, a range such as `[à-ÿ]`): always matched as is.
    as_is: bool,
}

impl Pattern {
    pub fn new(re: Regex) -> Pattern {
        let src = without_captures(re.as_str());
        let chars: Vec<char> = src.chars().collect();
        let non_ascii_range = chars
            .windows(2)
            .any(|w| (w[0] == '-' && !w[1].is_ascii()) || (!w[0].is_ascii() && w[1] == '-'));
        let as_is = src.contains("\\p") || src.contains("\\P") || non_ascii_range;
        let mut named: Vec<char> = Vec::new();
        for c in src
            .chars()
            .filter(|&c| !c.is_ascii() && base_letter(c).is_none())
        {
            named.push(c);
            named.extend(c.to_lowercase());
            named.extend(c.to_uppercase());
        }
        named.sort_unstable();
        named.dedup();
        // On the ASCII path an accented letter is its base letter, as in the text; the text
        // holds none of the pattern's other non-ASCII characters, so each becomes a byte no
        // ASCII text has.
        let ascii_src: String = src
            .chars()
            .map(|c| match base_letter(c) {
                _ if c.is_ascii() => c.to_string(),
                Some(b) => b.to_string(),
                None => r"\xFF".to_string(),
            })
            .collect();
        let ascii = regex::bytes::RegexBuilder::new(&ascii_src)
            .unicode(false)
            .build()
            .ok();
        // Kept only when it has to answer for the ASCII one anyway.
        let unicode = OnceLock::new();
        if ascii.is_none() {
            let _ = unicode.set(unicode_regex(&src).unwrap_or(re));
        }
        Pattern {
            src,
            ascii,
            unicode,
            named,
            as_is,
        }
    }

    /// `Regex::is_match` on the haystack's text, answered from ASCII (the text itself or its
    /// stand-in) where the two cannot differ.
    pub fn is_match(&self, hay: &Haystack<'_>) -> bool {
        let ascii_text = match &hay.ascii {
            Some(ascii) if !self.as_is && !self.names_any(hay.text) => Some(ascii.as_str()),
            Some(_) => None,
            None => hay.text.is_ascii().then_some(hay.text),
        };
        match (ascii_text, &self.ascii) {
            (Some(t), Some(re)) => re.is_match(t.as_bytes()),
            (Some(t), None) => self.regex().is_match(t),
            (None, _) => self.regex().is_match(hay.text),
        }
    }

    /// Whether the text holds a non-ASCII character the pattern names, in either case.
    fn names_any(&self, text: &str) -> bool {
        let named = |c: char| self.named.binary_search(&c).is_ok();
        !self.named.is_empty()
            && text
                .chars()
                .filter(|c| !c.is_ascii())
                .any(|c| named(c) || c.to_lowercase().any(named) || c.to_uppercase().any(named))
    }

    /// What [`Pattern::is_match`] answers, written out: the pattern as written, accents folded,
    /// on the text with its accents folded. For tests of the ASCII path.
    #[cfg(test)]
    pub fn folded_reference(&self) -> Regex {
        unicode_regex(&fold_accents(&self.src)).expect("a pattern with its accents folded")
    }

    /// The Unicode regex, for text outside ASCII and for a search that needs positions (rare:
    /// the answer to `is_match` decides whether to search).
    pub fn regex(&self) -> &Regex {
        self.unicode
            .get_or_init(|| unicode_regex(&self.src).expect("a given regex without its captures"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agree(pattern: &str, texts: &[&str]) {
        let given = Regex::new(pattern).unwrap();
        let p = Pattern::new(given.clone());
        for t in texts {
            assert_eq!(
                p.is_match(&Haystack::new(t)),
                given.is_match(t),
                "{pattern} on {t:?}"
            );
        }
    }

    #[test]
    fn patterns_keep_no_capturing_group_and_match_as_given() {
        let cases = [
            (
                r"(?i)\b(price|pric(e|ing))\s+(\w+\s+)?list\b",
                "(?i)\\b(?:price|pric(?:e|ing))\\s+(?:\\w+\\s+)?list\\b",
            ),
            (
                r"[(]x[^)(]\(y\)(?:z)(?P<n>w)",
                r"[(]x[^)(]\(y\)(?:z)(?P<n>w)",
            ),
            (r"[]()][^]()]([[:alpha:]]+)", r"[]()][^]()](?:[[:alpha:]]+)"),
            (r"[a[^(]](b)", r"[a[^(]](?:b)"),
        ];
        for (given, bare) in cases {
            assert_eq!(without_captures(given), bare, "{given}");
            let p = Pattern::new(Regex::new(given).unwrap());
            for t in [
                "price list",
                "Pricing old list",
                "(x)(y)zw",
                "ab",
                "]abc",
                "(ok",
            ] {
                assert_eq!(
                    p.regex().is_match(t),
                    Regex::new(given).unwrap().is_match(t),
                    "{given} on {t}"
                );
            }
        }
        // Only the implicit whole-match group is left for the engines to keep slots for.
        let p = Pattern::new(Regex::new(r"(a)(b(c))|(?P<d>e)").unwrap());
        assert_eq!(p.regex().captures_len(), 2);
    }

    #[test]
    fn word_boundaries_read_non_ascii_letters_as_letters() {
        // "präsentation" must not yield a match of "sentation" after a boundary.
        agree(
            r"\b(sentation|preis\w*|tid)\b",
            &[
                "präsentation",
                "Preisliste ist da",
                "übertid",
                "tid ö",
                "¿tid?",
            ],
        );
    }

    #[test]
    fn accented_letters_match_their_base_letter_either_way() {
        let p = Pattern::new(
            Regex::new(r"(?i)\b(cotización|orçamento|r[eé]union|gesch[äa]ftsf[üu]hrung)\b")
                .unwrap(),
        );
        for t in [
            "la cotización",
            "O ORÇAMENTO",
            "réunion",
            "reunion",
            // Typed without its accents, as people do.
            "cotizacion",
            "orcamento",
            "Die GESCHÄFTSFÜHRUNG entscheidet",
            "Hallo Jürgen, die Geschaeftsfuehrung? Nein: die Geschäftsführung.",
        ] {
            assert!(p.is_match(&Haystack::new(t)), "{t}");
        }
        for t in ["cotizaciones", "Jürgen", "präsentation"] {
            assert!(!p.is_match(&Haystack::new(t)), "{t}");
        }
        // A letter with no base letter (ß) is still matched as written.
        agree(r"(?i)stra(ß|ss)e", &["Straße", "STRASSE", "strase"]);
    }

    #[test]
    fn case_insensitive_letters_outside_ascii_still_match() {
        agree(
            r"(?i)stra(ß|ss)e|kelvin|\bsend\b",
            &["STRAẞE", "\u{212A}elvin", "ſend", "Straße"],
        );
    }

    #[test]
    fn unicode_classes_and_ranges_are_matched_as_written() {
        agree(r"\p{L}{4}\b|[à-ÿ]x", &["übé", "éx", "ñx y", "abc"]);
    }

    #[test]
    fn lexicon_shapes_get_an_ascii_automaton() {
        // Accented literals, negated classes and `.` all compile without Unicode; were they
        // to fall back, every match would run the large Unicode automaton.
        for pat in [
            r"(?i)\b(cotización|r[eé]union)\b",
            r"^\W*(thanks)[^.!?]{0,5}$",
            r"(?i)\bwho\s+else\b.{0,40}\bdecide",
        ] {
            assert!(
                Pattern::new(Regex::new(pat).unwrap()).ascii.is_some(),
                "{pat}"
            );
        }
    }

    #[test]
    fn spaces_digits_and_symbols_keep_their_class() {
        agree(
            r"[$€£]\s?\d|\d\s?k\b|rate card|\d{2}",
            &[
                "€ 24.000",
                "rate\u{a0}card",
                "rate card",
                "٣٤ k",
                "x—y",
                "١٢",
            ],
        );
        agree(r"^\W*(thanks)[^.!?]{0,5}$", &["“thanks” — ok", "thanks…"]);
    }
}
