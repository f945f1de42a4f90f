//! Output of `scan`: a table for people, one JSON object per line for scripts; and `report`.

pub mod insights;

use chrono_tz::Tz;

use crate::message::text::ellipsize;

use crate::service::ThreadReport;

/// `followup explain`: how the thread's reason was decided, for the rep or a sales-ops person
/// checking the reader.
pub fn explain(t: &ThreadReport) -> String {
    use crate::reason::model::{CLASSES, NONE};
    let mut out = format!("thread   <{}>  {}\n", t.thread, t.subject);
    out.push_str(&format!(
        "status   {}{}\n",
        t.status.as_str(),
        t.note
            .as_deref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default()
    ));
    let reading = t.reading.as_ref();
    match reading.and_then(|r| r.finding.as_ref()) {
        Some(f) => {
            out.push_str(&format!(
                "reason   {} from {}: {}\n",
                f.reason,
                f.source.as_str(),
                f.why
            ));
            if let Some(c) = &f.commitment {
                out.push_str(&format!("decided  \"{c}\"\n"));
            }
            if let Some(m) = &f.learned_from {
                out.push_str(&format!("learned  from your tagged message <{m}>\n"));
            }
        }
        None => {
            out.push_str("reason   none\n");
            if let Some(r) = reading {
                if !r.candidates.is_empty() {
                    let c: Vec<String> = r
                        .candidates
                        .iter()
                        .map(|(n, p)| format!("{n} {p:.2}"))
                        .collect();
                    let need = r
                        .candidates
                        .first()
                        .and_then(|(n, _)| crate::reason::model::class_index(n))
                        .and_then(|i| crate::reason::model::CONFIDENT.get(i))
                        .copied()
                        .unwrap_or(0.7);
                    let lead = r.candidates.first().map_or(0.0, |(_, p)| *p);
                    let why = if lead < need {
                        format!("below the {need:.2} the reader needs")
                    } else {
                        // Sure enough, but set aside by a rule: a hand-over that names
                        // nothing (and a subject that names no reason), an offer of help.
                        "set aside: its sentence hands over or offers something without naming a reason, and the subject names none".to_string()
                    };
                    out.push_str(&format!("leading  {} ({why})\n", c.join(", ")));
                }
                if !r.expects_reply {
                    out.push_str("         the rep's unanswered mail expects no answer\n");
                }
            }
        }
    }
    let Some(r) = reading.filter(|r| !r.sentences.is_empty()) else {
        out.push_str("(no text of the rep's was read for this thread)\n");
        return out;
    };
    out.push_str("\nreason scores (best sentence of the rep's newest message):\n");
    let mut best: Vec<(usize, f32)> = (0..NONE)
        .map(|c| {
            let p = r.sentences.iter().map(|(_, p)| p[c]).fold(0f32, f32::max);
            (c, p)
        })
        .collect();
    best.sort_by(|a, b| b.1.total_cmp(&a.1));
    for (c, p) in best {
        out.push_str(&format!("  {:<15} {p:.2}\n", CLASSES[c]));
    }
    out.push_str("\nsentences (the model's top class and score):\n");
    for (s, p) in &r.sentences {
        let (c, v) = p
            .iter()
            .enumerate()
            .fold((0, 0f32), |a, (i, &v)| if v > a.1 { (i, v) } else { a });
        out.push_str(&format!(
            "  [{:<14} {v:.2}] {}\n",
            CLASSES[c],
            ellipsize(s, 90)
        ));
    }
    out
}

/// The table for people: prospect, subject, status, reason, stage, due date, and a short note
/// explaining any status that isn't obvious.
pub fn table(threads: &[ThreadReport], tz: Tz) -> String {
    let headers = [
        "PROSPECT", "SUBJECT", "STATUS", "REASON", "STAGE", "DUE", "NOTE",
    ];
    let rows: Vec<[String; 7]> = threads
        .iter()
        .map(|t| {
            [
                ellipsize(
                    &t.prospects
                        .first()
                        .cloned()
                        .map(|p| {
                            if t.prospects.len() > 1 {
                                format!("{p} +{}", t.prospects.len() - 1)
                            } else {
                                p
                            }
                        })
                        .unwrap_or_else(|| "-".into()),
                    30,
                ),
                ellipsize(&t.subject, 34),
                t.status.as_str().to_string(),
                t.reason.clone().unwrap_or_else(|| "-".into()),
                match (t.stage, t.close_the_loop) {
                    (Some(_), true) => "close".into(),
                    (Some(s), false) => s.to_string(),
                    (None, _) => "-".into(),
                },
                t.due_at
                    .map(|d| d.with_timezone(&tz).format("%a %d %b %H:%M").to_string())
                    .unwrap_or_else(|| "-".into()),
                ellipsize(t.note.as_deref().unwrap_or(""), 60),
            ]
        })
        .collect();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.len()).collect();
    for r in &rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    let mut out = String::new();
    let line = |cells: Vec<&str>, out: &mut String| {
        let mut l = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                l.push_str(c);
            } else {
                l.push_str(c);
                l.push_str(&" ".repeat(widths[i] - c.chars().count() + 2));
            }
        }
        out.push_str(l.trim_end());
        out.push('\n');
    };
    line(headers.to_vec(), &mut out);
    for r in &rows {
        line(r.iter().map(String::as_str).collect(), &mut out);
    }
    out
}
