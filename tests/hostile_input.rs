//! Mail that breaks the rules, a damaged state file, and header injection, each through the
//! whole path on a real Maildir tree (issue: reliability and security). The scan must finish,
//! name what it skipped, decide the rest of the mailbox as before, and never let input add a
//! header to a draft.

mod support;

use std::io::Write;
use std::process::{Command, Stdio};

use support::{assert_demo_statuses, thread, Demo};

fn put(demo: &Demo, rel: &str, bytes: &[u8]) {
    std::fs::write(demo.dir.path().join("mailbox").join(rel), bytes).unwrap();
}

#[test]
fn broken_mail_is_counted_by_path_and_the_rest_of_the_mailbox_is_decided_as_before() {
    let demo = Demo::new();
    // Two different messages under one Message-ID.
    for (n, who) in [(1, "one"), (2, "two")] {
        put(&demo, &format!("cur/1795300000.M{n}P1.dup:2,S"), format!(
            "From: {who} <{who}@dup.example>\nTo: alex@acme.io\nSubject: Same id {n}\nDate: Mon, 16 Nov 2026 10:00:00 +0000\nMessage-ID: <same@dup.example>\n\nhello {n}\n").as_bytes());
    }
    // A References loop.
    put(&demo, "cur/1795300010.M3P1.loopa:2,S", b"From: a@loop.example\nTo: alex@acme.io\nSubject: loop\nDate: Mon, 16 Nov 2026 10:00:00 +0000\nMessage-ID: <a@loop.example>\nReferences: <b@loop.example>\nIn-Reply-To: <b@loop.example>\n\na\n");
    put(&demo, "cur/1795300011.M4P1.loopb:2,S", b"From: b@loop.example\nTo: alex@acme.io\nSubject: Re: loop\nDate: Mon, 16 Nov 2026 11:00:00 +0000\nMessage-ID: <b@loop.example>\nReferences: <a@loop.example>\nIn-Reply-To: <a@loop.example>\n\nb\n");
    // A 10,000-entry References header, folded.
    let refs: Vec<String> = (0..10_000)
        .map(|i| format!("<r{i}@refs.example>"))
        .collect();
    put(&demo, "cur/1795300020.M5P1.refs:2,S", format!(
        "From: r@refs.example\nTo: alex@acme.io\nSubject: Re: long\nDate: Mon, 16 Nov 2026 10:00:00 +0000\nMessage-ID: <long@refs.example>\nReferences: {}\n\nlong\n",
        refs.join("\n ")).as_bytes());
    // NUL bytes, a bogus charset, an encoded word in an unknown charset.
    put(&demo, "cur/1795300030.M6P1.nul:2,S", b"From: n@nul.example\nTo: alex@acme.io\nSubject: nul\0here\nDate: Mon, 16 Nov 2026 10:00:00 +0000\nMessage-ID: <nul@nul.example>\n\nbody\0with\0nuls\n");
    put(&demo, "cur/1795300031.M7P1.charset:2,S", b"From: c@cs.example\nTo: alex@acme.io\nSubject: =?x-unknown-42?Q?caf=E9?=\nDate: Mon, 16 Nov 2026 10:00:00 +0000\nMessage-ID: <cs@cs.example>\nContent-Type: text/plain; charset=\"x-bogus-42\"\nContent-Transfer-Encoding: 8bit\n\ncaf\xe9 \xff\xfe mixed \xc3\xa9\n");
    // Dates at both ends of time.
    put(&demo, "cur/1795300040.M8P1.old:2,S", b"From: o@old.example\nTo: alex@acme.io\nSubject: epoch\nDate: Thu, 01 Jan 1970 00:00:00 +0000\nMessage-ID: <old@old.example>\n\nold\n");
    put(&demo, "cur/1795300041.M9P1.future:2,S", b"From: f@future.example\nTo: alex@acme.io\nSubject: future\nDate: Fri, 01 Jan 2100 00:00:00 +0000\nMessage-ID: <future@future.example>\n\nfuture\n");
    // Not mail at all: an empty file and binary garbage.
    put(&demo, "cur/1795300050.M10P1.empty:2,S", b"");
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    put(&demo, "cur/1795300051.M11P1.garbage:2,S", &garbage);
    // The rep's quote with a 50 MB attachment: decided from its header block and text prefix.
    let mut big = b"From: Alex Morgan <alex@acme.io>\nTo: Priya Shah <priya@bigfile.example>\nSubject: Quote for the Pune site\nDate: Tue, 10 Nov 2026 10:00:00 -0500\nMessage-ID: <bigfile@acme.io>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nHi Priya,\n\nAttached is the quote for the 40 seats at the Pune site: $18,000 a year.\n\nAlex\n--b\nContent-Type: application/pdf; name=\"quote.pdf\"\nContent-Transfer-Encoding: base64\n\n".to_vec();
    let line = b"QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\n";
    while big.len() < 50 * 1024 * 1024 {
        big.extend_from_slice(line);
    }
    big.extend_from_slice(b"--b--\n");
    put(&demo, ".Sent/cur/1795300060.M12P1.big:2,S", &big);

    let out = demo.scan(&[]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Every thread the demo decides is decided the same way.
    assert_demo_statuses(&lines);
    // What could not be read is named by its path and counted.
    for bad in ["M10P1.empty", "M11P1.garbage"] {
        assert!(
            err.lines()
                .any(|l| l.starts_with("warning:") && l.contains(bad)),
            "{bad} not reported: {err}"
        );
    }
    let summary = err.lines().last().unwrap_or("");
    assert!(summary.contains(" warnings"), "{summary}");
    // The odd-but-readable ones are scanned, not dropped.
    for id in [
        "a@loop.example",
        "long@refs.example",
        "nul@nul.example",
        "cs@cs.example",
    ] {
        assert!(
            lines
                .iter()
                .any(|l| l["thread"] == id
                    || l["thread"] == "b@loop.example" && id == "a@loop.example"),
            "{id} missing"
        );
    }
    let big = thread(&lines, "bigfile@acme.io");
    assert_eq!(big["status"], "drafted", "{big:#}");
    assert_eq!(big["reason"], "pricing");
}

fn state_file(demo: &Demo) -> std::path::PathBuf {
    demo.dir.path().join("state/demo.json")
}

#[test]
fn a_damaged_state_file_is_set_aside_and_rebuilt_from_drafts_without_a_duplicate() {
    for damage in ["garbage", "truncated"] {
        let demo = Demo::new();
        let first = demo.scan_json(&[]);
        let drafted = first.iter().filter(|l| l["status"] == "drafted").count();
        assert!(drafted > 0);
        let drafts_before = demo.drafts();
        let state = state_file(&demo);
        let good = std::fs::read(&state).unwrap();
        match damage {
            "garbage" => std::fs::write(&state, b"\x00\x01not json at all").unwrap(),
            _ => std::fs::write(&state, &good[..good.len() / 2]).unwrap(),
        }
        let dismissed = first.iter().filter(|l| l["status"] == "dismissed").count();
        let out = demo.scan(&[]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{damage}: {err}");
        assert!(
            err.contains("is damaged") && err.contains("demo.json"),
            "{damage}: {err}"
        );
        // Every draft is still there and none is doubled; what the lost records alone knew
        // (drafts the rep had deleted) is drafted again, as the warning says.
        let after = demo.drafts();
        assert!(drafts_before.iter().all(|d| after.contains(d)), "{damage}");
        assert_eq!(after.len(), drafts_before.len() + dismissed, "{damage}");
        demo.assert_unique_drafts(damage);
        let drafts_before = after;
        let aside: Vec<_> = std::fs::read_dir(state.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("demo.json.damaged-"))
            .collect();
        assert_eq!(
            aside.len(),
            1,
            "{damage}: the damaged file is kept: {aside:?}"
        );
        // The rebuilt state is whole again: it records every draft in the folder.
        let rebuilt: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&state).unwrap()).unwrap();
        assert_eq!(
            rebuilt["drafts"].as_object().unwrap().len(),
            drafted + dismissed,
            "{damage}"
        );
        let again = demo.scan(&[]);
        assert!(!String::from_utf8_lossy(&again.stderr).contains("is damaged"));
        assert_eq!(demo.drafts(), drafts_before);
    }
}

/// Header names and values of a message as Python's `email` package reads them.
fn python_headers(raw: &[u8]) -> Vec<(String, String)> {
    let script = r#"
import email, email.policy, json, sys
m = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)
out = [[k, str(v)] for k, v in m.items()]
out.append(["_to_addrs", " ".join(a.addr_spec for a in m["to"].addresses)])
print(json.dumps(out))
"#;
    let mut child = Command::new("python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3");
    child.stdin.take().unwrap().write_all(raw).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    serde_json::from_slice::<Vec<(String, String)>>(&out.stdout).unwrap()
}

#[test]
fn crlf_in_names_and_subjects_never_adds_a_header_to_a_draft() {
    let demo = Demo::new();
    // Encoded words that decode to CR/LF plus a header, in the display name and the subject.
    // "Dana\r\nBcc: evil@evil.example\r\nX-Injected: yes", base64.
    let name = "RGFuYQ0KQmNjOiBldmlsQGV2aWwuZXhhbXBsZQ0KWC1JbmplY3RlZDogeWVz";
    let raw = format!(
        "From: Alex Morgan <alex@acme.io>\nTo: =?utf-8?b?{name}?= <dana@inject.example>\nSubject: =?utf-8?q?Pricing=0D=0ABcc:_evil2@evil.example?=\nDate: Tue, 10 Nov 2026 10:00:00 -0500\nMessage-ID: <inject@acme.io>\n\nHi Dana,\n\nAttached is the quote for the 50 seats: $12,000 a year.\n\nAlex\n"
    );
    put(
        &demo,
        ".Sent/cur/1795300070.M13P1.inject:2,S",
        raw.as_bytes(),
    );
    let lines = demo.scan_json(&[]);
    let t = thread(&lines, "inject@acme.io");
    assert_eq!(t["status"], "drafted", "{t:#}");
    let draft = std::fs::read(demo.draft_for("inject@acme.io", 1)).unwrap();
    let headers = python_headers(&draft);
    let names: Vec<String> = headers
        .iter()
        .map(|(k, _)| k.to_ascii_lowercase())
        .collect();
    assert!(
        !names.iter().any(|n| n == "bcc" || n == "x-injected"),
        "{headers:?}"
    );
    assert_eq!(names.iter().filter(|n| *n == "to").count(), 1);
    // The decoded name is only text inside the one address (quoted, line breaks gone).
    let to = &headers.iter().find(|(k, _)| k == "_to_addrs").unwrap().1;
    assert_eq!(to, "dana@inject.example");
    for (k, v) in &headers {
        assert!(!v.contains('\r') && !v.contains('\n'), "{k}: {v:?}");
    }
    // Nor in the raw bytes a mail client reads.
    let text = String::from_utf8_lossy(&draft);
    assert!(
        !text
            .lines()
            .any(|l| l.to_ascii_lowercase().starts_with("bcc:")),
        "{text}"
    );
}

/// `followup scan` on the demo with a file-size limit (RLIMIT_FSIZE) standing in for a full
/// disk: writes past `limit` bytes fail (EFBIG instead of ENOSPC; SIGXFSZ is ignored so the
/// write returns the error).
fn scan_with_file_limit(demo: &Demo, limit: u64) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_followup"));
    cmd.args([
        "scan",
        "--config",
        demo.config.to_str().unwrap(),
        "--now",
        support::NOW,
    ]);
    unsafe {
        cmd.pre_exec(move || {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let lim = libc::rlimit {
                rlim_cur: limit as libc::rlim_t,
                rlim_max: limit as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    cmd.output().unwrap()
}

#[test]
fn a_full_disk_is_a_clear_error_and_leaves_no_partial_file() {
    // No room at all: nothing is written, nothing half-written stays, the fix is named.
    let demo = Demo::new();
    // Every file with its size and a hash, leaving out the empty markers a scan may create
    // (the Maildir `maildirfolder` flag, the scan lock).
    let files = || -> Vec<(std::path::PathBuf, usize, u64)> {
        support::snapshot(demo.dir.path())
            .into_iter()
            .filter(|(p, _)| {
                let n = p.file_name().unwrap().to_string_lossy();
                n != "maildirfolder" && !n.ends_with(".lock")
            })
            .map(|(p, b)| {
                let h = b.iter().fold(0xcbf29ce484222325u64, |h, &x| {
                    (h ^ x as u64).wrapping_mul(0x100000001b3)
                });
                (p, b.len(), h)
            })
            .collect()
    };
    let before = files();
    let out = scan_with_file_limit(&demo, 1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("Check free space and permissions"), "{err}");
    assert_eq!(files(), before, "nothing changed");
    // Room for the small drafts only (the disk fills up mid-scan): those are written whole,
    // and once there is room the rest follow, none twice.
    let out = scan_with_file_limit(&demo, 1100);
    assert_eq!(out.status.code(), Some(1));
    let partial = demo.drafts().len();
    let lines = demo.scan_json(&[]);
    assert_demo_statuses(&lines);
    let after = demo.drafts();
    assert!(after.len() >= partial);
    demo.assert_unique_drafts("after a full disk");
    for d in ["mailbox/.Drafts/tmp", "state"] {
        for e in std::fs::read_dir(demo.dir.path().join(d)).unwrap() {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            assert!(
                !name.contains(".tmp.") && d != "mailbox/.Drafts/tmp",
                "{d}/{name} left behind"
            );
        }
    }
}

#[test]
fn the_state_file_is_private_to_the_rep() {
    use std::os::unix::fs::PermissionsExt;
    let demo = Demo::new();
    demo.scan_json(&[]);
    let mode = std::fs::metadata(state_file(&demo))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o077, 0, "state file mode {mode:o}");
}
