//! `preview --annotate`: which words of a draft come from the template and which from which
//! variable, so a rep or sales-ops person sees at a glance what a template really says about
//! this thread. Values are marked `«value»{variable}`; everything else is the template's. Pure.

use super::DraftContext;

/// Every string (and number) a template can print, by its dotted name.
pub fn flatten(ctx: &DraftContext) -> Vec<(String, String)> {
    fn walk(prefix: &str, v: &serde_json::Value, out: &mut Vec<(String, String)>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    let p = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    walk(&p, x, out);
                }
            }
            serde_json::Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    walk(&format!("{prefix}[{i}]"), x, out);
                }
            }
            serde_json::Value::String(s) => out.push((prefix.to_string(), s.clone())),
            serde_json::Value::Number(n) => out.push((prefix.to_string(), n.to_string())),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk("", &serde_json::to_value(ctx).unwrap_or_default(), &mut out);
    out
}

/// Mark a draft's own text (the quoted message below it is left as it is).
pub fn annotate_draft(body: &str, vars: &[(String, String)]) -> String {
    let cut = body.match_indices("\nOn ").map(|(i, _)| i).find(|&i| {
        body[i + 1..]
            .lines()
            .next()
            .is_some_and(|l| l.ends_with("wrote:"))
    });
    match cut {
        Some(i) => format!("{}{}", annotate(&body[..i], vars), &body[i..]),
        None => annotate(body, vars),
    }
}

/// Mark in `text` every occurrence of a variable's value (longest values first; one mark
/// per span; values under four characters, which would match everywhere, are left out).
pub fn annotate(text: &str, vars: &[(String, String)]) -> String {
    let mut vars: Vec<&(String, String)> = vars
        .iter()
        .filter(|(name, v)| {
            // Values that are choices between template branches, not text the draft prints.
            let internal = matches!(name.as_str(), "reason" | "reason_source")
                || name.ends_with(".kind")
                || name.ends_with(".from_thread");
            v.trim().chars().count() >= 4 && !internal
        })
        .collect();
    vars.sort_by_key(|(_, v)| std::cmp::Reverse(v.len()));
    // Spans already marked: (start, end, name).
    let mut marks: Vec<(usize, usize, &str)> = Vec::new();
    for (name, value) in vars {
        let mut from = 0;
        while let Some(pos) = text[from..].find(value.as_str()) {
            let (s, e) = (from + pos, from + pos + value.len());
            if !marks.iter().any(|(a, b, _)| s < *b && e > *a) {
                marks.push((s, e, name));
            }
            from = e;
        }
    }
    marks.sort();
    let mut out = String::new();
    let mut at = 0;
    for (s, e, name) in marks {
        out.push_str(&text[at..s]);
        out.push_str(&format!("«{}»{{{name}}}", &text[s..e]));
        at = e;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_marked_with_their_variable_and_template_text_is_left_alone() {
        let vars = vec![
            ("greeting_name".to_string(), "Dana".to_string()),
            (
                "commitment.what".to_string(),
                "the quote for the three regions".to_string(),
            ),
            ("company".to_string(), "Northwind Traders".to_string()),
            ("stage".to_string(), "1".to_string()),
        ];
        let text = "Hi Dana,\n\nTo make the quote for the three regions easier to weigh for Northwind Traders.";
        assert_eq!(
            annotate(text, &vars),
            "Hi «Dana»{greeting_name},\n\nTo make «the quote for the three regions»{commitment.what} easier to weigh for «Northwind Traders»{company}."
        );
    }
}
