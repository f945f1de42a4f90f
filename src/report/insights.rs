//! `followup report`: the figures (pure, from scan results) and one self-contained HTML page
//! with server-drawn SVG charts (no script, no external request), or the same figures as JSON.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::policy::Status;
use crate::service::{SentFollowup, ThreadReport};

/// Everything the report shows.
#[derive(Debug, Clone, Serialize)]
pub struct Figures {
    pub generated_at: DateTime<Utc>,
    pub since: Option<DateTime<Utc>>,
    pub pipeline: Pipeline,
    pub worked: Worked,
    pub attention: Attention,
}

/// The quiet threads today.
#[derive(Debug, Clone, Serialize)]
pub struct Pipeline {
    pub threads: usize,
    pub by_status: Vec<Count>,
    /// Open threads (due, drafted, waiting, needing a reason) by reason and by stage.
    pub by_reason: Vec<Count>,
    pub by_stage: Vec<Count>,
    /// The open threads quiet the longest.
    pub oldest: Vec<Quiet>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Count {
    pub key: String,
    pub n: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Quiet {
    pub thread: String,
    pub subject: String,
    pub prospect: String,
    pub status: String,
    pub days_quiet: i64,
}

/// Follow-ups sent from this program's drafts, and the replies they got.
#[derive(Debug, Clone, Serialize)]
pub struct Worked {
    pub sent: usize,
    pub replied: usize,
    pub reply_rate: Option<f64>,
    pub median_hours_to_reply: Option<f64>,
    pub by_reason: Vec<Rate>,
    pub by_stage: Vec<Rate>,
    pub by_template: Vec<Rate>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Rate {
    pub key: String,
    pub sent: usize,
    pub replied: usize,
    pub rate: f64,
}

/// What needs the rep.
#[derive(Debug, Clone, Serialize)]
pub struct Attention {
    pub bounced: Vec<Item>,
    pub needs_reason: Vec<Item>,
    pub dismissed: Vec<Item>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub thread: String,
    pub subject: String,
    pub detail: String,
}

fn is_open(s: Status) -> bool {
    matches!(
        s,
        Status::Due | Status::Drafted | Status::Waiting | Status::NeedsReason
    )
}

fn counts(keys: impl Iterator<Item = String>) -> Vec<Count> {
    let mut v: Vec<Count> = Vec::new();
    for k in keys {
        match v.iter_mut().find(|c| c.key == k) {
            Some(c) => c.n += 1,
            None => v.push(Count { key: k, n: 1 }),
        }
    }
    v.sort_by(|a, b| b.n.cmp(&a.n).then(a.key.cmp(&b.key)));
    v
}

fn rates(sent: &[&SentFollowup], key: impl Fn(&SentFollowup) -> String) -> Vec<Rate> {
    let mut v: Vec<Rate> = Vec::new();
    for f in sent {
        let k = key(f);
        let i = match v.iter().position(|r| r.key == k) {
            Some(i) => i,
            None => {
                v.push(Rate {
                    key: k,
                    sent: 0,
                    replied: 0,
                    rate: 0.0,
                });
                v.len() - 1
            }
        };
        v[i].sent += 1;
        v[i].replied += usize::from(f.replied_at.is_some());
    }
    for r in &mut v {
        r.rate = r.replied as f64 / r.sent as f64;
    }
    v.sort_by(|a, b| b.sent.cmp(&a.sent).then(a.key.cmp(&b.key)));
    v
}

/// The report's figures from scan results (`threads` decided at `now`) and the follow-ups sent
/// since `since`.
pub fn figures(
    threads: &[ThreadReport],
    sent: &[SentFollowup],
    now: DateTime<Utc>,
    since: Option<DateTime<Utc>>,
) -> Figures {
    let open: Vec<&ThreadReport> = threads.iter().filter(|t| is_open(t.status)).collect();
    let mut by_status = counts(threads.iter().map(|t| t.status.as_str().to_string()));
    by_status.sort_by_key(|c| {
        threads
            .iter()
            .find(|t| t.status.as_str() == c.key)
            .map(|t| t.status.rank())
    });
    let mut oldest: Vec<Quiet> = open
        .iter()
        .filter_map(|t| {
            Some(Quiet {
                thread: t.thread.clone(),
                subject: t.subject.clone(),
                prospect: t.prospects.first().cloned().unwrap_or_default(),
                status: t.status.as_str().to_string(),
                days_quiet: (now - t.last_message_at?).num_days(),
            })
        })
        .collect();
    oldest.sort_by(|a, b| {
        b.days_quiet
            .cmp(&a.days_quiet)
            .then(a.thread.cmp(&b.thread))
    });
    oldest.truncate(10);

    let sent: Vec<&SentFollowup> = sent
        .iter()
        .filter(|f| since.is_none_or(|s| f.sent_at >= s))
        .collect();
    let replied = sent.iter().filter(|f| f.replied_at.is_some()).count();
    let mut hours: Vec<f64> = sent
        .iter()
        .filter_map(|f| Some((f.replied_at? - f.sent_at).num_minutes() as f64 / 60.0))
        .collect();
    hours.sort_by(f64::total_cmp);
    let median = match hours.len() {
        0 => None,
        n if n % 2 == 1 => Some(hours[n / 2]),
        n => Some((hours[n / 2 - 1] + hours[n / 2]) / 2.0),
    };
    let item = |t: &ThreadReport, detail: String| Item {
        thread: t.thread.clone(),
        subject: t.subject.clone(),
        detail,
    };
    Figures {
        generated_at: now,
        since,
        pipeline: Pipeline {
            threads: threads.len(),
            by_status,
            by_reason: counts(
                open.iter()
                    .map(|t| t.reason.clone().unwrap_or_else(|| "(no reason)".into())),
            ),
            by_stage: {
                let mut v = counts(
                    open.iter()
                        .filter_map(|t| t.stage)
                        .map(|s| format!("stage {s}")),
                );
                v.sort_by(|a, b| a.key.cmp(&b.key));
                v
            },
            oldest,
        },
        worked: Worked {
            sent: sent.len(),
            replied,
            reply_rate: (!sent.is_empty()).then(|| replied as f64 / sent.len() as f64),
            median_hours_to_reply: median,
            by_reason: rates(&sent, |f| {
                f.reason.clone().unwrap_or_else(|| "(none)".into())
            }),
            by_stage: rates(&sent, |f| format!("stage {}", f.stage)),
            by_template: rates(&sent, |f| {
                f.template
                    .clone()
                    .unwrap_or_else(|| "(not recorded)".into())
            }),
        },
        attention: Attention {
            bounced: threads
                .iter()
                .filter(|t| t.status == Status::Bounced)
                .map(|t| item(t, t.bounced.join(", ")))
                .collect(),
            needs_reason: threads
                .iter()
                .filter(|t| t.status == Status::NeedsReason)
                .map(|t| item(t, t.note.clone().unwrap_or_default()))
                .collect(),
            dismissed: threads
                .iter()
                .filter(|t| t.status == Status::Dismissed)
                .map(|t| item(t, t.note.clone().unwrap_or_default()))
                .collect(),
        },
    }
}

/// Text for HTML: `&`, `<`, `>`, `"` escaped.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A horizontal bar chart as inline SVG; `fmt` writes each bar's value label.
fn bars(title: &str, data: &[(String, f64)], fmt: impl Fn(f64) -> String) -> String {
    if data.is_empty() {
        return format!("<p class=\"empty\">{}: nothing yet.</p>", esc(title));
    }
    let (row, label_w, bar_w) = (26.0, 190.0, 360.0);
    let max = data.iter().map(|(_, v)| *v).fold(0.0, f64::max).max(1e-9);
    let h = 30.0 + row * data.len() as f64;
    let mut svg = format!(
        "<svg role=\"img\" aria-label=\"{t}\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{t}</title><text x=\"0\" y=\"16\" class=\"ct\">{t}</text>",
        t = esc(title),
        w = label_w + bar_w + 80.0,
    );
    for (i, (label, v)) in data.iter().enumerate() {
        let y = 26.0 + row * i as f64;
        let len = (v / max * bar_w).max(1.0);
        svg.push_str(&format!(
            "<text x=\"{lx}\" y=\"{ty}\" text-anchor=\"end\">{l}</text><rect x=\"{bx}\" y=\"{y}\" width=\"{len:.1}\" height=\"18\" rx=\"3\"/><text x=\"{vx:.1}\" y=\"{ty}\">{v}</text>",
            lx = label_w - 8.0,
            ty = y + 13.0,
            l = esc(label),
            bx = label_w,
            vx = label_w + len + 6.0,
            v = esc(&fmt(*v)),
        ));
    }
    svg.push_str("</svg>");
    svg
}

fn table(head: &[&str], rows: &[Vec<String>]) -> String {
    if rows.is_empty() {
        return "<p class=\"empty\">None.</p>".into();
    }
    let mut t = String::from("<table><thead><tr>");
    for h in head {
        t.push_str(&format!("<th>{}</th>", esc(h)));
    }
    t.push_str("</tr></thead><tbody>");
    for r in rows {
        t.push_str("<tr>");
        for c in r {
            t.push_str(&format!("<td>{}</td>", esc(c)));
        }
        t.push_str("</tr>");
    }
    t.push_str("</tbody></table>");
    t
}

fn pct(v: f64) -> String {
    format!("{:.0}%", v * 100.0)
}

/// The whole report as one HTML page: inline CSS and SVG, no script, nothing fetched.
pub fn html(f: &Figures) -> String {
    let p = &f.pipeline;
    let w = &f.worked;
    let a = &f.attention;
    let count_bars = |title: &str, c: &[Count]| {
        bars(
            title,
            &c.iter()
                .map(|c| (c.key.clone(), c.n as f64))
                .collect::<Vec<_>>(),
            |v| format!("{v:.0}"),
        )
    };
    let rate_rows = |r: &[Rate]| -> Vec<Vec<String>> {
        r.iter()
            .map(|r| {
                vec![
                    r.key.clone(),
                    r.sent.to_string(),
                    r.replied.to_string(),
                    pct(r.rate),
                ]
            })
            .collect()
    };
    let items = |v: &[Item]| -> Vec<Vec<String>> {
        v.iter()
            .map(|i| vec![i.subject.clone(), i.detail.clone(), i.thread.clone()])
            .collect()
    };
    let mut out = String::from(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>followup report</title><style>\
         body{font:15px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:980px;padding:0 1rem;color:#1d2329}\
         h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #d8dee4;padding-bottom:.3rem}\
         .kpis{display:flex;gap:1rem;flex-wrap:wrap}.kpi{border:1px solid #d8dee4;border-radius:8px;padding:.7rem 1rem;min-width:9rem}\
         .kpi b{display:block;font-size:1.6rem}table{border-collapse:collapse;width:100%;margin:.6rem 0}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eaeef2;vertical-align:top}\
         svg{display:block;margin:.8rem 0;max-width:100%;height:auto;font-size:13px}svg rect{fill:#2f6feb}svg .ct{font-weight:600}.empty{color:#57606a}small{color:#57606a}\
         </style></head><body>",
    );
    out.push_str(&format!(
        "<h1>Follow-ups: what's quiet, what works</h1><small>Generated {}{}</small>",
        f.generated_at.format("%Y-%m-%d %H:%M UTC"),
        f.since
            .map(|s| format!("; follow-ups sent since {}", s.format("%Y-%m-%d")))
            .unwrap_or_default()
    ));
    out.push_str("<div class=\"kpis\">");
    let open: usize = p
        .by_status
        .iter()
        .filter(|c| {
            matches!(
                c.key.as_str(),
                "due" | "drafted" | "waiting" | "needs_reason"
            )
        })
        .map(|c| c.n)
        .sum();
    for (label, value, id) in [
        ("open threads", open.to_string(), "kpi-open"),
        ("follow-ups sent", w.sent.to_string(), "kpi-sent"),
        (
            "reply rate",
            w.reply_rate.map(pct).unwrap_or_else(|| "–".into()),
            "kpi-rate",
        ),
        (
            "median time to reply",
            w.median_hours_to_reply
                .map(|h| {
                    if h >= 48.0 {
                        format!("{:.1} days", h / 24.0)
                    } else {
                        format!("{h:.0} h")
                    }
                })
                .unwrap_or_else(|| "–".into()),
            "kpi-median",
        ),
        (
            "need attention",
            (a.bounced.len() + a.needs_reason.len()).to_string(),
            "kpi-attention",
        ),
    ] {
        out.push_str(&format!(
            "<div class=\"kpi\" id=\"{id}\"><b>{}</b>{}</div>",
            esc(&value),
            esc(label)
        ));
    }
    out.push_str("</div>");

    out.push_str("<h2>The pipeline today</h2>");
    out.push_str(&count_bars("Threads by status", &p.by_status));
    out.push_str(&count_bars("Open threads by reason", &p.by_reason));
    out.push_str(&count_bars("Open threads by stage", &p.by_stage));
    out.push_str("<h3>Quiet the longest</h3>");
    out.push_str(&table(
        &["subject", "prospect", "status", "days quiet"],
        &p.oldest
            .iter()
            .map(|q| {
                vec![
                    q.subject.clone(),
                    q.prospect.clone(),
                    q.status.clone(),
                    q.days_quiet.to_string(),
                ]
            })
            .collect::<Vec<_>>(),
    ));

    out.push_str("<h2>What worked</h2>");
    let rate_bars = |title: &str, r: &[Rate]| {
        bars(
            title,
            &r.iter()
                .map(|r| (format!("{} ({} sent)", r.key, r.sent), r.rate))
                .collect::<Vec<_>>(),
            pct,
        )
    };
    out.push_str(&rate_bars("Reply rate by reason", &w.by_reason));
    out.push_str(&rate_bars("Reply rate by stage", &w.by_stage));
    out.push_str("<h3>By template</h3>");
    out.push_str(&table(
        &["template", "sent", "replied", "reply rate"],
        &rate_rows(&w.by_template),
    ));

    out.push_str("<h2>Needs attention</h2><h3>Bounced</h3>");
    out.push_str(&table(
        &["subject", "failed address", "thread"],
        &items(&a.bounced),
    ));
    out.push_str("<h3>No stated reason</h3>");
    out.push_str(&table(
        &["subject", "note", "thread"],
        &items(&a.needs_reason),
    ));
    out.push_str("<h3>Drafts you deleted</h3>");
    out.push_str(&table(&["subject", "note", "thread"], &items(&a.dismissed)));
    out.push_str("</body></html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(reason: &str, stage: u32, replied_h: Option<i64>) -> SentFollowup {
        let at = DateTime::parse_from_rfc3339("2026-11-10T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        SentFollowup {
            account: "a".into(),
            thread: format!("{reason}{stage}"),
            reason: Some(reason.into()),
            stage,
            template: Some(format!("{reason}/{stage}.txt")),
            drafted_at: at,
            sent_at: at,
            matched_by: "key",
            replied_at: replied_h.map(|h| at + chrono::Duration::hours(h)),
        }
    }

    #[test]
    fn reply_rates_and_the_median_come_from_the_sent_follow_ups() {
        let s = vec![
            sent("pricing", 1, Some(10)),
            sent("pricing", 2, None),
            sent("meeting", 1, Some(30)),
        ];
        let now = Utc::now();
        let f = figures(&[], &s, now, None);
        assert_eq!((f.worked.sent, f.worked.replied), (3, 2));
        assert_eq!(f.worked.median_hours_to_reply, Some(20.0));
        let pricing = f
            .worked
            .by_reason
            .iter()
            .find(|r| r.key == "pricing")
            .unwrap();
        assert_eq!((pricing.sent, pricing.replied, pricing.rate), (2, 1, 0.5));
        // A `since` after every sending leaves nothing to rate.
        let later = figures(&[], &s, now, Some(now));
        assert_eq!(later.worked.sent, 0);
        assert_eq!(later.worked.reply_rate, None);
        // The page escapes what it shows and draws its charts inline.
        let page = html(&f);
        assert!(page.contains("<svg"));
        for fetch in ["<script", "src=", "href=", "url(", "@import"] {
            assert!(!page.contains(fetch), "{fetch}");
        }
        assert!(page.contains("67%"), "{page}");
    }
}
