//! Output of `scan`: a table for people, one JSON object per line for scripts.

use chrono_tz::Tz;

use crate::message::text::ellipsize;

use crate::service::ThreadReport;

/// One JSON object per line, one per thread considered.
pub fn json_lines(threads: &[ThreadReport]) -> String {
    let mut out = String::new();
    for t in threads {
        out.push_str(&serde_json::to_string(t).expect("report serializes"));
        out.push('\n');
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
