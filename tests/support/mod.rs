//! Helpers shared by the integration tests: the demo mailbox in a temp dir, running the binary,
//! and reading what a mail client would see with Python's `email` package.
#![allow(dead_code)]

pub mod dovecot;
pub mod proxy;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const NOW: &str = "2026-11-20T16:00:00-05:00";

/// A fresh copy of the demo mailbox and its config.
pub struct Demo {
    pub dir: tempfile::TempDir,
    pub config: PathBuf,
}

impl Demo {
    pub fn new() -> Demo {
        let dir = tempfile::tempdir().expect("tempdir");
        let config = followup::demo::install(dir.path()).expect("install demo");
        Demo { dir, config }
    }

    /// Reword the demo's deliberately nagging value item (its German pricing summary) the way
    /// `templates check` asks, for tests that need a config with no finding.
    pub fn reword_the_nagging_item(&self) {
        let cfg = std::fs::read_to_string(&self.config).unwrap();
        let nag = "summary = \"ich wollte nur kurz nachhaken, ob die Zahlen für Sie passen\"";
        assert!(
            cfg.contains(nag),
            "the demo config still has its nagging item"
        );
        let fixed = cfg.replace(
            nag,
            "summary = \"sie zeigt, was jede Stufe bei 50 Nutzern kostet\"",
        );
        std::fs::write(&self.config, fixed).unwrap();
    }

    pub fn drafts_dir(&self) -> PathBuf {
        self.dir.path().join("mailbox/.Drafts/cur")
    }

    /// Files in Drafts, sorted.
    pub fn drafts(&self) -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(self.drafts_dir())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        v.sort();
        v
    }

    /// The draft file of this thread and stage (found by its opaque `X-Followup-Key`).
    pub fn draft_for(&self, thread: &str, stage: u32) -> PathBuf {
        let key = followup::draft::compose::draft_key(thread, stage);
        let header = format!("X-Followup-Key: {key}");
        self.drafts()
            .into_iter()
            .find(|p| String::from_utf8_lossy(&std::fs::read(p).unwrap()).contains(&header))
            .unwrap_or_else(|| panic!("no draft for stage {stage} of {thread} (key {key})"))
    }

    /// The `X-Followup-Key` of every draft in the folder, sorted; each file must be a whole
    /// message. Duplicates stay in, so `assert_unique` can find them.
    pub fn draft_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .drafts()
            .iter()
            .map(|p| {
                let raw = String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned();
                assert!(
                    raw.contains("\n\n"),
                    "{} is not a whole message",
                    p.display()
                );
                raw.lines()
                    .find_map(|l| l.strip_prefix("X-Followup-Key: "))
                    .map(str::to_string)
                    .unwrap_or_else(|| format!("(no key) {}", p.display()))
            })
            .collect();
        keys.sort();
        keys
    }

    /// No two drafts in the folder carry the same key.
    pub fn assert_unique_drafts(&self, what: &str) {
        let keys = self.draft_keys();
        let mut unique = keys.clone();
        unique.dedup();
        assert_eq!(unique, keys, "{what}: a draft is doubled");
    }

    /// `followup preview <thread>` on the demo; returns (stdout, stderr) after checking success.
    pub fn preview(&self, thread: &str, extra: &[&str]) -> (String, String) {
        let mut args = vec![
            "preview",
            thread,
            "--config",
            self.config.to_str().unwrap(),
            "--now",
            NOW,
        ];
        args.extend_from_slice(extra);
        let out = followup(&args);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "preview failed: {err}");
        (String::from_utf8(out.stdout).unwrap(), err)
    }

    pub fn scan(&self, extra: &[&str]) -> Output {
        let mut args = vec![
            "scan",
            "--config",
            self.config.to_str().unwrap(),
            "--now",
            NOW,
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        followup(&args)
    }

    /// One JSON object per thread, from `scan --format json`.
    pub fn scan_json(&self, extra: &[&str]) -> Vec<serde_json::Value> {
        let out = self.scan(extra);
        assert!(
            out.status.success(),
            "scan failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).expect("each line is JSON"))
            .collect()
    }
}

/// A copy of the shipped templates in `dir/tpl`, as a rep keeps to edit.
pub fn copy_templates(dir: &Path) -> PathBuf {
    let tpl = dir.join("tpl");
    let status = Command::new("cp")
        .arg("-r")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/templates"))
        .arg(&tpl)
        .status()
        .unwrap();
    assert!(status.success());
    tpl
}

pub fn followup(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_followup"))
        .args(args)
        .output()
        .expect("run followup")
}

/// The report line for the thread whose first message has this Message-ID.
pub fn thread<'a>(lines: &'a [serde_json::Value], id: &str) -> &'a serde_json::Value {
    lines
        .iter()
        .find(|l| l["thread"] == id)
        .unwrap_or_else(|| panic!("no thread {id} in {lines:#?}"))
}

/// Every file under a directory with its contents, for "nothing else changed" checks.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    fn walk(d: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    walk(dir, &mut out);
    out.sort();
    out
}

/// Parse a message with Python's `email` package (an independent parser) and return the
/// headers and decoded body it sees, as JSON.
pub fn python_view(raw: &[u8]) -> serde_json::Value {
    let script = r#"
import email, email.policy, json, sys
m = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)
out = {k.lower(): str(v) for k, v in m.items()}
out["_body"] = m.get_body(preferencelist=("plain",)).get_content()
out["_defects"] = [type(d).__name__ for d in m.defects]
print(json.dumps(out))
"#;
    let mut child = Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 is needed for the independent-client checks; install python3");
    use std::io::Write;
    child.stdin.take().unwrap().write_all(raw).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// What each demo thread must come out as after one (writing) scan: the status, reason and
/// reason source; the same on Maildir and over IMAP.
pub const EXPECTED: &[(&str, &str, Option<&str>, &str)] = &[
    (
        "CH2PR11MB4411.1@acme.io",
        "drafted",
        Some("pricing"),
        "rep_text",
    ),
    (
        "prop-globex-1@acme.io",
        "drafted",
        Some("proposal"),
        "rep_text",
    ),
    ("tb-initech-1@acme.io", "drafted", Some("meeting"), "tag"),
    (
        "gm-vandelay-1@acme.io",
        "drafted",
        Some("information"),
        "plus_tag",
    ),
    (
        "umb-1@acme.io",
        "drafted",
        Some("decision_maker"),
        "rep_text",
    ),
    ("vehement-1@acme.io", "drafted", Some("timing"), "rep_text"),
    ("gringotts-1@acme.io", "drafted", Some("away"), "rep_text"),
    ("soylent-1@acme.io", "drafted", Some("trial"), "rep_text"),
    ("prestige-1@acme.io", "drafted", Some("meeting"), "rep_text"),
    (
        "cyberdyne-0@acme.io",
        "drafted",
        Some("proposal"),
        "rep_text",
    ),
    // The prospect's own "then we can touch base" is quoted, not the draft nagging.
    (
        "stark-1@acme.io",
        "drafted",
        Some("decision_maker"),
        "prospect_text",
    ),
    // The rep's German value item nags ("wollte nur kurz nachhaken"): refused.
    ("hanse-1@acme.io", "rejected", Some("pricing"), "rep_text"),
    ("duff-1@acme.io", "dismissed", Some("meeting"), "rep_text"),
    ("contoso-1@acme.io", "waiting", Some("pricing"), "rep_text"),
    ("fabrikam-1@acme.io", "waiting", Some("pricing"), "rep_text"),
    (
        "massive-1@acme.io",
        "waiting",
        Some("timing"),
        "prospect_text",
    ),
    ("oscorp-1@acme.io", "waiting", Some("away"), "rep_text"),
    ("pied-1@acme.io", "needs_reason", None, ""),
    ("tyrell-0@acme.io", "finished", Some("pricing"), "rep_text"),
    ("aperture-1@acme.io", "stale", Some("pricing"), "rep_text"),
    ("hooli-a-1@acme.io", "replied", None, ""),
    ("wonka-1@acme.io", "replied", None, ""),
    ("hooli-b-1@acme.io", "replied", None, ""),
    ("sterling-1@acme.io", "replied", None, ""),
    ("initrode-1@acme.io", "bounced", None, ""),
    ("internal-1@acme.io", "ignored", None, ""),
    ("bulk-1@acme.io", "ignored", None, ""),
    ("cal-1@acme.io", "ignored", None, ""),
    ("self-1@acme.io", "ignored", None, ""),
    ("news-77@list.saasweekly.example", "ignored", None, ""),
];

/// Check a scan of the demo mailbox against [`EXPECTED`].
pub fn assert_demo_statuses(lines: &[serde_json::Value]) {
    for (id, status, reason, source) in EXPECTED {
        let t = thread(lines, id);
        assert_eq!(t["status"], *status, "{id}: {t:#}");
        if *status != "replied" && *status != "bounced" && *status != "ignored" {
            assert_eq!(t["reason"].as_str(), *reason, "{id}");
        }
        if !source.is_empty() {
            assert_eq!(t["reason_source"], *source, "{id}");
        }
    }
}

/// Collect a child's stderr lines as they come, on a thread.
/// Send SIGTERM to a child (`followup run`, Dovecot), as a service manager stops it.
pub fn sigterm(child: &std::process::Child) -> std::io::Result<std::process::ExitStatus> {
    std::process::Command::new("kill")
        .arg("-TERM")
        .arg(child.id().to_string())
        .status()
}

pub fn collect_stderr(
    child: &mut std::process::Child,
) -> std::sync::Arc<std::sync::Mutex<Vec<String>>> {
    use std::io::BufRead;
    let lines = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = lines.clone();
    let err = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for l in std::io::BufReader::new(err).lines().map_while(Result::ok) {
            sink.lock().unwrap().push(l);
        }
    });
    lines
}

/// Wait up to `secs` for `count` collected lines containing `what`.
pub fn wait_for(
    lines: &std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    what: &str,
    count: usize,
    secs: u64,
) -> bool {
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_secs(secs) {
        if lines
            .lock()
            .unwrap()
            .iter()
            .filter(|l| l.contains(what))
            .count()
            >= count
        {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    false
}
