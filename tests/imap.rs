//! The IMAP backend against a real Dovecot started by the tests; what the rep's mail client
//! would see is checked with Python's imaplib.

mod support;

use std::path::Path;
use std::process::{Command, Output};

use support::dovecot::{
    all_flags, append_to_inbox, imaplib, messages, DemoServer, Options, PASSWORD,
};
use support::{collect_stderr, thread, wait_for, NOW};

/// The demo on Dovecot with its config (see [`DemoServer`]), and how these tests run the binary.
struct Setup(DemoServer);

impl std::ops::Deref for Setup {
    type Target = DemoServer;
    fn deref(&self) -> &DemoServer {
        &self.0
    }
}

impl std::ops::DerefMut for Setup {
    fn deref_mut(&mut self) -> &mut DemoServer {
        &mut self.0
    }
}

impl Setup {
    fn new(opts: Options) -> Setup {
        Setup(DemoServer::start(opts))
    }

    fn followup(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_followup"))
            .args(args)
            .env("FOLLOWUP_TEST_PASSWORD", PASSWORD)
            .env("RUST_LOG", "followup=debug")
            .output()
            .unwrap()
    }

    /// `followup run` with this config text, its stderr lines collected as they come; returns
    /// once the first scan has finished.
    fn start_run(
        &self,
        config: String,
    ) -> (
        std::process::Child,
        std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    ) {
        std::fs::write(self.dir.path().join("config.toml"), config).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_followup"))
            .args(["run", "--config", &self.config()])
            .env("FOLLOWUP_TEST_PASSWORD", PASSWORD)
            .env("RUST_LOG", "followup=info")
            .stderr(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let lines = collect_stderr(&mut child);
        assert!(
            wait_for(&lines, "scan finished", 1, 20),
            "first scan: {:?}",
            lines.lock().unwrap()
        );
        (child, lines)
    }

    fn scan(&self) -> (Vec<serde_json::Value>, String) {
        let out = self.followup(&[
            "scan",
            "--config",
            &self.config(),
            "--now",
            NOW,
            "--format",
            "json",
        ]);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(
            out.status.success(),
            "scan failed: {err}\n{}",
            self.server.log()
        );
        let lines = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (lines, err)
    }
}

#[test]
fn imap_scan_decides_every_thread_as_on_maildir_and_leaves_other_mail_alone() {
    let s = Setup::new(Options::default());
    let before = all_flags(&s.server);
    let (lines, _) = s.scan();
    support::assert_demo_statuses(&lines);

    let after = all_flags(&s.server);
    assert_eq!(
        before["INBOX"], after["INBOX"],
        "INBOX flags (\\Seen included) must not change"
    );
    assert_eq!(before["Sent"], after["Sent"], "Sent flags must not change");

    let drafts = messages(&s.server, "Drafts");
    assert_eq!(drafts.len(), 11, "ten new drafts and the one already there");
    let northwind = drafts
        .iter()
        .find(|d| {
            d["x-followup-key"] == followup::draft::compose::draft_key("CH2PR11MB4411.1@acme.io", 1)
        })
        .expect("Northwind draft");
    assert!(
        northwind["_flags"].as_str().unwrap().contains("\\Draft"),
        "{}",
        northwind["_flags"]
    );
    assert!(northwind["_flags"].as_str().unwrap().contains("\\Seen"));
    assert_eq!(northwind["in-reply-to"], "<CH2PR11MB4411.3@acme.io>");
    assert_eq!(northwind["references"], "<CH2PR11MB4411.1@acme.io> <DB9PR03MB7723.2@northwind-traders.com> <CH2PR11MB4411.3@acme.io>");
    assert_eq!(northwind["subject"], "Re: Order routing for Northwind");
    assert!(northwind["thread-index"]
        .as_str()
        .is_some_and(|t| !t.is_empty()));
    assert!(northwind["_body"].as_str().unwrap().starts_with("Hi Dana,"));
}

#[test]
fn a_second_imap_scan_appends_nothing_and_fetches_nothing_old() {
    let s = Setup::new(Options::default());
    s.scan();
    let n = messages(&s.server, "Drafts").len();
    let (_, log) = s.scan();
    assert_eq!(messages(&s.server, "Drafts").len(), n);
    assert!(
        log.contains("headers_fetched=0"),
        "a rescan with nothing new must fetch no headers: {log}"
    );
    assert!(log.contains("texts_fetched=0"), "{log}");
}

#[test]
fn a_draft_deleted_in_the_mail_client_is_not_recreated() {
    let s = Setup::new(Options::default());
    s.scan();
    let key = followup::draft::compose::draft_key("CH2PR11MB4411.1@acme.io", 1);
    imaplib(
        &s.server,
        &format!(
            r#"
IMAP.select('Drafts')
typ, data = IMAP.uid('SEARCH', None, 'HEADER', 'X-Followup-Key', '{key}')
IMAP.uid('STORE', data[0].decode(), '+FLAGS', '(\\Deleted)')
IMAP.expunge()
"#
        ),
    );
    let n = messages(&s.server, "Drafts").len();
    let (lines, _) = s.scan();
    assert_eq!(
        thread(&lines, "CH2PR11MB4411.1@acme.io")["status"],
        "dismissed"
    );
    assert_eq!(messages(&s.server, "Drafts").len(), n);
}

#[test]
fn incremental_sync_sees_a_new_reply_and_drafts_nothing_for_it() {
    let s = Setup::new(Options::default());
    let (lines, _) = s.scan();
    assert_eq!(thread(&lines, "contoso-1@acme.io")["status"], "waiting");
    let drafts_before = messages(&s.server, "Drafts").len();
    append_to_inbox(
        &s.server,
        r"From: =?utf-8?q?J=C3=BCrgen_Wei=C3=9F?= <juergen.weiss@contoso.de>\r\nTo: alex@acme.io\r\nSubject: AW: Angebot Lagerverwaltung\r\nDate: Fri, 20 Nov 2026 09:00:00 +0100\r\nMessage-ID: <reply-contoso@contoso.de>\r\nIn-Reply-To: <contoso-1@acme.io>\r\nReferences: <contoso-1@acme.io>\r\n\r\nDanke, wir melden uns.\r\n",
    );
    let (lines, log) = s.scan();
    assert_eq!(thread(&lines, "contoso-1@acme.io")["status"], "replied");
    assert!(
        log.lines().any(|l| l.contains("folder synced")
            && l.contains("folder=INBOX")
            && l.contains("headers_fetched=1")),
        "only the new message is fetched: {log}"
    );
    // A later clock makes nothing due for it either.
    let out = s.followup(&[
        "scan",
        "--config",
        &s.config(),
        "--now",
        "2026-12-15T12:00:00-05:00",
        "--format",
        "json",
    ]);
    assert!(out.status.success());
    let later: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(thread(&later, "contoso-1@acme.io")["status"], "replied");
    assert!(messages(&s.server, "Drafts").iter().all(
        |d| d["x-followup-key"] != followup::draft::compose::draft_key("contoso-1@acme.io", 1)
    ));
    assert!(messages(&s.server, "Drafts").len() >= drafts_before);
}

#[test]
fn a_uidvalidity_change_refetches_the_folder_cleanly() {
    let s = Setup::new(Options::default());
    s.scan();
    let n = messages(&s.server, "Drafts").len();
    // Forget Dovecot's UID list and index for INBOX: it hands out a new UIDVALIDITY.
    let md = s.server.maildir();
    for entry in std::fs::read_dir(&md).unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if name == "dovecot-uidlist" || name.starts_with("dovecot.index") {
            std::fs::remove_file(&p).unwrap();
        }
    }
    std::thread::sleep(std::time::Duration::from_millis(1100)); // UIDVALIDITY is a timestamp
    s.server.resync();
    let (lines, log) = s.scan();
    assert!(log.contains("UIDVALIDITY changed"), "{log}");
    support::assert_demo_statuses(&lines);
    assert_eq!(
        messages(&s.server, "Drafts").len(),
        n,
        "nothing drafted twice after the refetch"
    );
}

fn tls_config(s: &Setup, port: u16, tls: &str, ca: Option<&Path>) -> String {
    let base = s.server.config("");
    let mut cfg = base
        .replace(
            &format!("port = {}", s.server.port),
            &format!("port = {port}"),
        )
        .replace("tls = \"none\"", &format!("tls = \"{tls}\""))
        .replace("host = \"127.0.0.1\"", "host = \"localhost\"");
    if let Some(ca) = ca {
        cfg = cfg.replace(
            "password_env",
            &format!("ca_file = \"{}\"\npassword_env", ca.display()),
        );
    }
    cfg
}

#[test]
fn implicit_tls_and_starttls_work_with_a_configured_ca() {
    let s = Setup::new(Options {
        tls: true,
        require_tls: true,
        ..Options::default()
    });
    let tls = s.server.tls.as_ref().unwrap();
    for (port, mode) in [
        (s.server.tls_port.unwrap(), "implicit"),
        (s.server.port, "starttls"),
    ] {
        std::fs::write(
            s.dir.path().join("config.toml"),
            tls_config(&s, port, mode, Some(&tls.ca)),
        )
        .unwrap();
        let (lines, _) = s.scan();
        assert_eq!(
            thread(&lines, "CH2PR11MB4411.1@acme.io")["status"],
            "drafted",
            "{mode}"
        );
    }
}

#[test]
fn an_unknown_certificate_is_refused_and_names_the_fix() {
    let s = Setup::new(Options {
        tls: true,
        require_tls: true,
        ..Options::default()
    });
    std::fs::write(
        s.dir.path().join("config.toml"),
        tls_config(&s, s.server.tls_port.unwrap(), "implicit", None),
    )
    .unwrap();
    let out = s.followup(&["scan", "--config", &s.config(), "--now", NOW]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("TLS") && err.contains("ca_file"), "{err}");
    assert!(!err.contains(PASSWORD));
}

#[test]
fn when_tls_is_required_no_password_crosses_a_plaintext_connection() {
    let s = Setup::new(Options::default());
    // Implicit TLS against a plaintext port: the handshake fails before any login.
    std::fs::write(
        s.dir.path().join("config.toml"),
        tls_config(&s, s.server.port, "implicit", None),
    )
    .unwrap();
    let out = s.followup(&["scan", "--config", &s.config(), "--now", NOW]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("TLS"), "{err}");
    // STARTTLS against a server that offers no TLS: refused, no login either.
    std::fs::write(
        s.dir.path().join("config.toml"),
        tls_config(&s, s.server.port, "starttls", None),
    )
    .unwrap();
    let out = s.followup(&["scan", "--config", &s.config(), "--now", NOW]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("STARTTLS"), "{err}");
    assert!(!err.contains(PASSWORD));
    assert!(
        !s.server.log().contains("Login: user=<rep>"),
        "no login may have happened: {}",
        s.server.log()
    );
    // Plaintext only when configured, and then with a warning.
    std::fs::write(s.dir.path().join("config.toml"), s.server.config("")).unwrap();
    let out = s.followup(&["scan", "--config", &s.config(), "--now", NOW]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("without TLS"), "{err}");
    assert!(!err.contains(PASSWORD), "{err}");
    assert!(
        s.server.log().contains("Login: user=<rep>"),
        "the log records logins (so the check above means something)"
    );
}

#[test]
fn an_unreachable_server_is_a_clear_error() {
    let s = Setup::new(Options::default());
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    std::fs::write(
        s.dir.path().join("config.toml"),
        s.server.config("").replace(
            &format!("port = {}", s.server.port),
            &format!("port = {port}"),
        ),
    )
    .unwrap();
    let out = s.followup(&["scan", "--config", &s.config(), "--now", NOW]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot connect to IMAP server 127.0.0.1")
            && err.contains("Check accounts.imap.host"),
        "{err}"
    );
}

#[test]
fn the_run_service_wakes_on_idle_and_stops_cleanly_on_sigterm() {
    let s = Setup::new(Options::default());
    // A poll interval of an hour: only IDLE can wake the service within the test.
    let (mut child, lines) = s.start_run(s.server.config("poll_seconds = 3600"));
    std::thread::sleep(std::time::Duration::from_millis(500)); // let IDLE start
    append_to_inbox(
        &s.server,
        r"From: Dana Whitfield <dana.whitfield@northwind-traders.com>\r\nTo: alex@acme.io\r\nSubject: RE: Order routing for Northwind\r\nDate: Fri, 20 Nov 2026 09:00:00 +0000\r\nMessage-ID: <dana-reply-2@northwind-traders.com>\r\nIn-Reply-To: <CH2PR11MB4411.3@acme.io>\r\n\r\nThanks, reviewing with finance now.\r\n",
    );
    assert!(
        wait_for(&lines, "woken by new mail", 1, 10),
        "IDLE did not wake the service: {:?}",
        lines.lock().unwrap()
    );
    assert!(
        wait_for(&lines, "scan finished", 2, 20),
        "no rescan after the wake: {:?}",
        lines.lock().unwrap()
    );
    let woke = lines
        .lock()
        .unwrap()
        .iter()
        .find(|l| l.contains("woken by new mail"))
        .cloned()
        .unwrap();
    assert!(woke.contains("by=INBOX"), "{woke}");

    support::sigterm(&child).unwrap();
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "run did not stop on SIGTERM"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert!(status.success(), "{status}");
    assert!(
        wait_for(&lines, "stopped", 1, 2),
        "{:?}",
        lines.lock().unwrap()
    );
    // Drafts written by the service are never duplicated by its rescans.
    let keys: Vec<String> = messages(&s.server, "Drafts")
        .iter()
        .map(|d| d["x-followup-key"].as_str().unwrap_or("").to_string())
        .collect();
    let mut dedup = keys.clone();
    dedup.sort();
    dedup.dedup();
    assert_eq!(keys.len(), dedup.len(), "{keys:?}");
}

#[test]
fn a_large_first_sync_fetches_every_header_once_in_ranges() {
    let s = Setup::new(Options::default());
    // 6,000 newsletters in INBOX: two fetch ranges of 5,000 UIDs.
    let cur = s.server.maildir().join("cur");
    for i in 0..6_000u32 {
        let body = format!(
            "From: news{n}@list.example\nTo: alex@acme.io\nSubject: Issue {i}\nDate: Mon, 2 Nov 2026 10:00:00 +0000\nMessage-ID: <n{i}@list.example>\nList-Id: <news.list.example>\n\nhello\n",
            n = i % 7
        );
        std::fs::write(cur.join(format!("17000{i:05}.M{i}P1.bulk:2,S")), body).unwrap();
    }
    s.server.resync();
    let (lines, log) = s.scan();
    assert!(
        log.lines().any(|l| l.contains("folder synced")
            && l.contains("folder=INBOX")
            && l.contains("headers_fetched=6012")),
        "{}",
        log.lines()
            .filter(|l| l.contains("folder synced"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert_eq!(lines.len(), 34 + 6_000);
    let (_, log) = s.scan();
    assert!(log.contains("headers_fetched=0"));
}

#[test]
fn gmail_folders_are_found_by_special_use_and_all_mail_holds_archived_replies() {
    let s = Setup::new(Options {
        gmail: true,
        ..Options::default()
    });
    // Gavin's reply was archived: it is only in All Mail now.
    let cur = s.server.maildir().join("cur");
    let mut archived = 0;
    for e in std::fs::read_dir(&cur).unwrap() {
        let p = e.unwrap().path();
        if std::fs::read_to_string(&p)
            .unwrap()
            .contains("Message-ID: <CAF=hooli-a-2@mail.gmail.com>")
        {
            std::fs::remove_file(p).unwrap();
            archived += 1;
        }
    }
    assert_eq!(archived, 1);
    s.server.resync();
    let (lines, _) = s.scan();
    support::assert_demo_statuses(&lines);
    assert_eq!(thread(&lines, "hooli-a-1@acme.io")["status"], "replied");
    let drafts = messages(&s.server, "[Gmail]/Drafts");
    assert_eq!(drafts.len(), 11);
    assert!(drafts
        .iter()
        .all(|d| d["_flags"].as_str().unwrap().contains("\\Draft")));
}

#[test]
fn a_password_command_logs_in_and_a_failing_one_is_a_clear_error() {
    let s = Setup::new(Options::default());
    let cfg = s.server.config("").replace(
        "password_env = \"FOLLOWUP_TEST_PASSWORD\"",
        &format!("password_command = \"printf '%s\\\\n' {PASSWORD}\""),
    );
    std::fs::write(s.dir.path().join("config.toml"), &cfg).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_followup"))
        .args(["scan", "--config", &s.config(), "--now", NOW, "--dry-run"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(
        s.dir.path().join("config.toml"),
        cfg.replace("printf", "exit 7; printf"),
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_followup"))
        .args(["scan", "--config", &s.config(), "--now", NOW])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("password_command exited"), "{err}");
    assert!(!err.contains(PASSWORD));
}

#[test]
fn a_dovecot_crash_under_run_is_logged_once_and_scanning_resumes_after_the_restart() {
    let mut s = Setup::new(Options::default());
    let (mut child, lines) = s.start_run(s.server.config("poll_seconds = 5\ntimeout_seconds = 5"));
    std::thread::sleep(std::time::Duration::from_millis(500)); // IDLE is up
    let drafted = messages(&s.server, "Drafts").len();
    s.server.kill();
    // Down long enough for several retries (the clock wakes within 5 s, then 1, 2, 4 s apart).
    std::thread::sleep(std::time::Duration::from_secs(14));
    s.server.restart();
    assert!(
        wait_for(&lines, "scanning again after an outage", 1, 30),
        "{:?}",
        lines.lock().unwrap()
    );
    assert!(wait_for(&lines, "scan finished", 2, 10));
    support::sigterm(&child).unwrap();
    let _ = child.wait();
    let all = lines.lock().unwrap().clone();
    let failed = all.iter().filter(|l| l.contains("scan failed")).count();
    assert_eq!(failed, 1, "one outage, one error line: {all:#?}");
    let back = all
        .iter()
        .find(|l| l.contains("scanning again after an outage"))
        .unwrap();
    assert!(
        !back.contains("failed_attempts=1 "),
        "several attempts failed during the outage: {back}"
    );
    // Nothing was drafted twice across the crash.
    let drafts = messages(&s.server, "Drafts");
    let mut keys: Vec<&str> = drafts
        .iter()
        .map(|d| d["x-followup-key"].as_str().unwrap_or(""))
        .collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), drafts.len());
    assert_eq!(
        drafts.len(),
        drafted,
        "the rescans after the restart add nothing"
    );
}

#[test]
fn a_connection_cut_mid_idle_falls_back_to_the_clock_and_scanning_goes_on() {
    use support::proxy::{Fault, Proxy};
    let s = Setup::new(Options::default());
    // Connection 0 is the first scan; 1 is an IDLE watcher, cut once it is idling.
    let proxy = Proxy::start_on(s.server.port, Some(Fault::CutServer(1500)), Some(1));
    let (mut child, lines) = s.start_run(s.server.config("poll_seconds = 5").replace(
        &format!("port = {}", s.server.port),
        &format!("port = {}", proxy.port),
    ));
    assert!(
        wait_for(&lines, "IDLE failed", 1, 20),
        "{:?}",
        lines.lock().unwrap()
    );
    assert!(
        wait_for(&lines, "scan finished", 2, 20),
        "the clock takes over: {:?}",
        lines.lock().unwrap()
    );
    support::sigterm(&child).unwrap();
    let _ = child.wait();
    let all = lines.lock().unwrap().clone();
    assert!(!all.iter().any(|l| l.contains("scan failed")), "{all:#?}");
}

#[test]
fn a_rescan_reuses_its_decisions_until_a_flag_or_a_message_changes() {
    let s = Setup::new(Options::default());
    let memo = s.dir.path().join("state/imap-demo.memo.json");
    let reused = "decisions reused";
    let (_, log) = s.scan();
    assert!(!log.contains(reused), "{log}");
    let (second, log) = s.scan();
    assert!(log.contains(reused), "nothing changed: {log}");
    assert!(
        !log.contains("folder synced"),
        "a reused scan syncs no folder: {log}"
    );
    std::fs::remove_file(&memo).unwrap();
    let (full, log) = s.scan();
    assert!(!log.contains(reused), "{log}");
    assert!(
        log.contains("texts_fetched=0"),
        "deciding again reads the texts fetched before from disk: {log}"
    );
    assert_eq!(second, full, "reused decisions differ from a full scan");

    // The rep tags a sent message in the mail client: HIGHESTMODSEQ moves, nothing is reused.
    imaplib(
        &s.server,
        r#"
IMAP.select('Sent')
typ, data = IMAP.uid('SEARCH', None, 'HEADER', 'Message-ID', 'pied-1@acme.io')
uid = data[0].split()[0]
IMAP.uid('STORE', uid, '+FLAGS', '(pricing)')
"#,
    );
    let (tagged, log) = s.scan();
    assert!(!log.contains(reused), "a new tag must be read: {log}");
    assert_eq!(thread(&tagged, "pied-1@acme.io")["reason"], "pricing");
    assert_eq!(thread(&tagged, "pied-1@acme.io")["reason_source"], "tag");
    let (same, log) = s.scan();
    assert!(log.contains(reused), "{log}");
    assert_eq!(same, tagged);

    // A new message arrives: read, and decided as a full scan decides it.
    append_to_inbox(
        &s.server,
        r"From: Juergen Weiss <juergen.weiss@contoso.de>\r\nTo: alex@acme.io\r\nSubject: AW: Angebot\r\nDate: Fri, 20 Nov 2026 09:00:00 +0100\r\nMessage-ID: <reply-contoso@contoso.de>\r\nIn-Reply-To: <contoso-1@acme.io>\r\nReferences: <contoso-1@acme.io>\r\n\r\nDanke, wir melden uns.\r\n",
    );
    let (after, log) = s.scan();
    assert!(!log.contains(reused), "new mail must be read: {log}");
    assert_eq!(thread(&after, "contoso-1@acme.io")["status"], "replied");
    std::fs::remove_file(&memo).unwrap();
    let (full, _) = s.scan();
    assert_eq!(after, full);
}

#[test]
fn fetched_texts_are_kept_on_disk_privately_and_a_torn_texts_file_is_refetched() {
    let s = Setup::new(Options::default());
    let (_, log) = s.scan();
    assert!(!log.contains("texts_fetched=0"), "{log}");
    // Decided once more with the drafts in place: what every later scan must say.
    let (first, _) = s.scan();
    let cache = s.dir.path().join("state/imap-cache/imap-demo");
    let texts: Vec<_> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "texts"))
        .collect();
    assert!(!texts.is_empty(), "no texts file in {}", cache.display());
    use std::os::unix::fs::PermissionsExt;
    for t in &texts {
        let mode = std::fs::metadata(t).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "{} is readable by others", t.display());
        // A crash mid-write: the last text cut short.
        let len = std::fs::metadata(t).unwrap().len();
        let f = std::fs::OpenOptions::new().write(true).open(t).unwrap();
        f.set_len(len - 3).unwrap();
    }
    std::fs::remove_file(s.dir.path().join("state/imap-demo.memo.json")).unwrap();
    let (again, log) = s.scan();
    assert!(
        !log.contains("texts_fetched=0"),
        "the cut texts are fetched again: {log}"
    );
    assert_eq!(
        first, again,
        "decisions changed after the texts file was cut"
    );
    std::fs::remove_file(s.dir.path().join("state/imap-demo.memo.json")).unwrap();
    let (repaired, log) = s.scan();
    assert!(log.contains("texts_fetched=0"), "repaired: {log}");
    assert_eq!(first, repaired);
}
