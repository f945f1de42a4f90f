//! The real-report check: for each delivery report and auto-reply in the sisimai corpus
//! (`shared/corpora/sisimai-bsd`, read in place), build a one-rep Maildir with the rep's
//! message and the real report, scan it, and check the outcome against
//! `tests/fixtures/sisimai-bounces.tsv`: a permanent failure must come out `bounced` naming
//! its failed address; no report and no auto-reply may come out `replied` (a person forwarding
//! a bounce, `other`, only has to scan). Exits 1 on any miss or crash.
//!
//! cargo run --example bounce_corpus [-- CORPUS_DIR] [--verbose]

use std::path::{Path, PathBuf};

use chrono::{Duration, Utc};
use followup::config::Config;
use followup::draft::Templates;
use followup::message::parse;
use followup::service::{run::scan_once, ScanOptions};

const CONFIG: &str = r#"[[accounts]]
name = "corpus"
maildir = { path = "mail" }

[accounts.identity]
name = "Alex Morgan"
addresses = ["alex@acme.io"]
timezone = "UTC"

[state]
dir = "state"
"#;

struct Case {
    file: String,
    kind: String,
    address: String,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus: PathBuf = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("../shared/corpora/sisimai-bsd"));
    let labels = std::fs::read_to_string(manifest.join("tests/fixtures/sisimai-bounces.tsv"))
        .expect("tests/fixtures/sisimai-bounces.tsv");
    let cases: Vec<Case> = labels
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            Case {
                file: c[0].into(),
                kind: c[1].into(),
                address: c.get(2).copied().unwrap_or("").into(),
            }
        })
        .collect();
    if !corpus.is_dir() {
        eprintln!(
            "error: no corpus at {}: pass its path (shared/corpora/sisimai-bsd)",
            corpus.display()
        );
        std::process::exit(2);
    }
    let templates = Templates::builtin().expect("built-in templates");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let mut tally: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    let mut misses: Vec<String> = Vec::new();
    for (n, case) in cases.iter().enumerate() {
        let raw = match std::fs::read(corpus.join(&case.file)) {
            Ok(r) => r,
            Err(e) => {
                misses.push(format!("{}: cannot read: {e}", case.file));
                continue;
            }
        };
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            check(case, &raw, n, &templates, &rt)
        }));
        let entry = tally.entry(case.kind.clone()).or_default();
        entry.0 += 1;
        match outcome {
            Ok(Ok(())) => entry.1 += 1,
            Ok(Err(why)) => misses.push(format!("{} ({}): {why}", case.file, case.kind)),
            Err(_) => misses.push(format!("{}: the scan panicked", case.file)),
        }
        if verbose {
            eprint!(".");
        }
    }
    println!("real reports from shared/corpora/sisimai-bsd, each in a one-rep mailbox:\n");
    println!("| expected | reports | right |\n|---|---|---|");
    for (k, (n, ok)) in &tally {
        println!("| {k} | {n} | {ok} |");
    }
    let total: usize = tally.values().map(|v| v.0).sum();
    let right: usize = tally.values().map(|v| v.1).sum();
    println!("\n{right} passed, {} failed", total - right);
    if !misses.is_empty() {
        for m in &misses {
            println!("MISS {m}");
        }
        std::process::exit(1);
    }
}

/// Build the mailbox for one report, scan it, and judge the rep's thread.
fn check(
    case: &Case,
    raw: &[u8],
    n: usize,
    templates: &Templates,
    rt: &tokio::runtime::Runtime,
) -> Result<(), String> {
    let (report, _) = parse(raw, None, None, false).map_err(|e| e.to_string())?;
    let at = report
        .date
        .unwrap_or_else(|| Utc::now() - Duration::days(30));
    // The rep wrote to the failed address (for other kinds, to whoever sent the report) two
    // hours before it, under the Message-ID the report quotes when it quotes one.
    // (`other`: a person forwarding a bounce; the rep wrote to the failed address inside.)
    let to = if case.address.is_empty() {
        report
            .author()
            .map(|a| a.email.clone())
            .unwrap_or_else(|| "someone@example.net".into())
    } else {
        case.address.clone()
    };
    let original = report
        .references
        .iter()
        .find(|r| !r.ends_with("@followup.invalid"))
        .cloned()
        .unwrap_or_else(|| format!("rep-{n}@acme.io"));
    let sent = at - Duration::hours(2);
    let rep = format!(
        "From: Alex Morgan <alex@acme.io>\r\nTo: <{to}>\r\nSubject: Proposal for your team\r\nDate: {}\r\nMessage-ID: <{original}>\r\n\r\nHi,\r\n\r\nAttached is the quote for the three sites.\r\n\r\nBest,\r\nAlex\r\n",
        sent.to_rfc2822()
    );
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let mail = dir.path().join("mail");
    for f in ["", ".Sent", ".Drafts"] {
        for sub in ["cur", "new", "tmp"] {
            std::fs::create_dir_all(mail.join(f).join(sub)).map_err(|e| e.to_string())?;
        }
    }
    std::fs::write(mail.join(".Sent/cur/1.rep:2,S"), rep).map_err(|e| e.to_string())?;
    std::fs::write(mail.join("cur/2.report:2,S"), raw).map_err(|e| e.to_string())?;
    let cfg_path = dir.path().join("config.toml");
    std::fs::write(&cfg_path, CONFIG).map_err(|e| e.to_string())?;
    let cfg = Config::load(&cfg_path).map_err(|e| e.to_string())?;
    let opts = ScanOptions {
        now: at + Duration::days(1),
        dry_run: true,
        only_thread: None,
        keep_drafts: false,
        sent_followups: false,
        show_drafted: true,
    };
    let report_out = rt
        .block_on(scan_once(&cfg, &cfg.accounts[0], templates, &opts))
        .map_err(|e| e.to_string())?;
    let t = report_out
        .threads
        .iter()
        .find(|t| t.thread == original)
        .ok_or("the rep's thread is missing")?;
    let status = t.status.as_str();
    if case.kind == "other" {
        return Ok(()); // a person's message: it only has to scan
    }
    if status == "replied" {
        return Err(format!(
            "taken for a reply ({})",
            t.note.as_deref().unwrap_or("")
        ));
    }
    match case.kind.as_str() {
        "bounce" if status != "bounced" => Err(format!(
            "`{status}`, not bounced ({})",
            t.note.as_deref().unwrap_or("")
        )),
        "bounce"
            if !t
                .bounced
                .iter()
                .any(|b| b.eq_ignore_ascii_case(&case.address)) =>
        {
            Err(format!(
                "bounced, but names {:?}, not {}",
                t.bounced, case.address
            ))
        }
        _ => Ok(()),
    }
}
