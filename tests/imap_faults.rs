//! Faults between `followup` and a real Dovecot, injected by a TCP proxy on loopback: a server
//! that stalls mid-FETCH, a connection cut mid-FETCH, and cuts inside the APPENDs of drafts.
//! After each, the next scan completes and every due thread has exactly one draft.

mod support;

use std::process::{Command, Output};

use support::dovecot::{messages, DemoServer, Dovecot, Options, PASSWORD};
use support::proxy::{Fault, Proxy};
use support::NOW;

/// The demo mailbox on Dovecot, with two configs sharing one state directory: straight to the
/// server (`config.toml`), and through a proxy.
struct Setup(DemoServer);

impl std::ops::Deref for Setup {
    type Target = DemoServer;
    fn deref(&self) -> &DemoServer {
        &self.0
    }
}

/// Drafts the demo scan leaves in the Drafts folder (nine new, one there before).
const DRAFTS: usize = 11;

impl Setup {
    fn new() -> Setup {
        Setup(DemoServer::start(Options::default()))
    }

    fn via(&self, proxy: &Proxy, timeout: u64) -> String {
        let cfg = self
            .server
            .config(&format!("timeout_seconds = {timeout}"))
            .replace(
                &format!("port = {}", self.server.port),
                &format!("port = {}", proxy.port),
            );
        let path = self.dir.path().join("proxy.toml");
        std::fs::write(&path, cfg).unwrap();
        path.display().to_string()
    }

    fn scan(&self, config: &str, dry: bool) -> Output {
        let mut args = vec!["scan", "--config", config, "--now", NOW, "--format", "json"];
        if dry {
            args.push("--dry-run");
        }
        Command::new(env!("CARGO_BIN_EXE_followup"))
            .args(&args)
            .env("FOLLOWUP_TEST_PASSWORD", PASSWORD)
            .output()
            .unwrap()
    }

    /// Scan straight to the server and check: success, and one draft per due follow-up.
    fn recovers(&self, what: &str) {
        for round in 0..2 {
            let out = self.scan(&self.config(), false);
            assert!(
                out.status.success(),
                "{what}: rescan {round} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let drafts = messages(&self.server, "Drafts");
            let mut keys: Vec<String> = drafts
                .iter()
                .map(|d| d["x-followup-key"].as_str().unwrap_or("").to_string())
                .collect();
            keys.sort();
            keys.dedup();
            assert_eq!(drafts.len(), DRAFTS, "{what}: round {round}: {keys:?}");
            assert_eq!(keys.len(), DRAFTS, "{what}: two drafts share a key");
        }
    }
}

/// `followup scan` on a config, with the test password in the environment.
fn scan_cmd(config: &str, password: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_followup"));
    c.args(["scan", "--config", config, "--now", NOW])
        .env("FOLLOWUP_TEST_PASSWORD", password);
    c
}

#[test]
fn a_server_that_stalls_mid_fetch_times_out_naming_the_fix() {
    let s = Setup::new();
    // Enough for the greeting, login, LIST and EXAMINE, then silence inside the first FETCH.
    let proxy = Proxy::start(s.server.port, Some(Fault::StallServer(2500)));
    // Without a stall limit the scan would wait forever: give it a minute, then fail.
    let mut child = scan_cmd(&s.via(&proxy, 2), PASSWORD)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let t = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if t.elapsed().as_secs() > 60 {
            let _ = child.kill();
            panic!("the scan hung on a silent server");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("sent nothing for 2 s") && err.contains("timeout_seconds"),
        "{err}"
    );
    assert!(
        t.elapsed().as_secs() < 30,
        "gave up after {:?}",
        t.elapsed()
    );
    assert_eq!(messages(&s.server, "Drafts").len(), 1, "nothing written");
    s.recovers("stall");
}

#[test]
fn a_connection_cut_mid_fetch_fails_cleanly_and_the_next_scan_completes() {
    let s = Setup::new();
    for at in [600, 2500, 9000] {
        let proxy = Proxy::start(s.server.port, Some(Fault::CutServer(at)));
        let out = s.scan(&s.via(&proxy, 5), false);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "cut at {at}: {err}");
        assert!(err.contains("error"), "cut at {at}: {err}");
        assert_eq!(messages(&s.server, "Drafts").len(), 1, "cut at {at}");
    }
    s.recovers("cut mid-FETCH");
}

#[test]
fn cuts_inside_the_appends_never_leave_a_duplicate_or_a_missing_draft() {
    // What the client sends before the first APPEND (a dry run) and in a whole drafting scan,
    // measured through the proxy; the cuts fall at seven points in between.
    let sent = |dry: bool| {
        let probe = Setup::new();
        let counter = Proxy::start(probe.server.port, None);
        assert!(probe.scan(&probe.via(&counter, 5), dry).status.success());
        counter
            .client_bytes
            .load(std::sync::atomic::Ordering::SeqCst)
    };
    let (before_appends, all) = (sent(true), sent(false));
    assert!(all > before_appends + 7000, "{before_appends} → {all}");
    let mut cut = 0;
    let points: Vec<usize> = (1..8).map(|k| (all - before_appends) * k / 8).collect();
    for &extra in &points {
        let s = Setup::new();
        let proxy = Proxy::start(
            s.server.port,
            Some(Fault::CutClient(before_appends + extra)),
        );
        let out = s.scan(&s.via(&proxy, 5), false);
        let n = messages(&s.server, "Drafts").len();
        assert!(
            !out.status.success() || n == DRAFTS,
            "cut at +{extra}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(n <= DRAFTS, "cut at +{extra}: {n} drafts");
        if !out.status.success() {
            cut += 1;
            eprintln!("cut at +{extra}: {n} drafts in the folder before the rescan");
        }
        s.recovers(&format!("cut at +{extra} into the APPENDs"));
    }
    assert_eq!(cut, points.len(), "every cut falls inside the drafting");
}

#[test]
fn a_failed_login_never_shows_the_password_even_at_trace_level() {
    let s = Setup::new();
    let secret = "Wr0ng-Secret-9b1f";
    let out = scan_cmd(&s.config(), secret)
        .env("RUST_LOG", "trace")
        .output()
        .unwrap();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(1), "{all}");
    assert!(all.contains("login as"), "{all}");
    assert!(!all.contains(secret), "the password leaked: {all}");
    let state: Vec<u8> = std::fs::read_dir(s.dir.path().join("state"))
        .unwrap()
        .flat_map(|e| std::fs::read(e.unwrap().path()).unwrap_or_default())
        .collect();
    assert!(!String::from_utf8_lossy(&state).contains(secret));
}

#[test]
fn plaintext_login_to_another_host_is_refused_before_connecting() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("c.toml");
    let write = |extra: &str| {
        std::fs::write(
            &cfg,
            format!("[[accounts]]\nname = \"remote\"\n[accounts.imap]\nhost = \"192.0.2.10\"\nport = 143\ntls = \"none\"\nuser = \"alex\"\npassword_env = \"FOLLOWUP_TEST_PASSWORD\"\ntimeout_seconds = 2\n{extra}\n[accounts.identity]\nname = \"Alex\"\naddresses = [\"alex@acme.io\"]\n"),
        )
        .unwrap();
    };
    write("");
    let t = std::time::Instant::now();
    let out = scan_cmd(cfg.to_str().unwrap(), PASSWORD).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("refusing to send the password") && err.contains("allow_plaintext_login"),
        "{err}"
    );
    assert!(
        t.elapsed().as_secs() < 2,
        "refused without trying the network"
    );
    // With the explicit opt-in it tries (and, TEST-NET being unreachable, times out).
    write("allow_plaintext_login = true");
    let out = scan_cmd(cfg.to_str().unwrap(), PASSWORD).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("refusing to send the password"), "{err}");
    assert!(
        err.contains("cannot connect to IMAP server 192.0.2.10:143"),
        "{err}"
    );
}

#[test]
fn a_response_the_parser_cannot_read_fails_the_scan_cleanly_and_the_next_completes() {
    let s = Setup::new();
    for at in [700, 2600, 8000] {
        let proxy = Proxy::start(s.server.port, Some(Fault::GarbleServer(at)));
        let out = s.scan(&s.via(&proxy, 5), false);
        let err = String::from_utf8_lossy(&out.stderr);
        // Either the session recovers or the scan stops with an error naming IMAP; never a
        // hang, a panic, or a draft written from a mismatched answer.
        assert!(!err.contains("panicked"), "garbled at {at}: {err}");
        assert!(
            out.status.success() || err.contains("IMAP parser cannot read"),
            "garbled at {at}: {err}"
        );
        // One readable line, not the receive buffer as a list of bytes.
        assert!(err.lines().all(|l| l.len() < 800), "garbled at {at}: {err}");
        let n = messages(&s.server, "Drafts").len();
        assert!(n == 1 || n == DRAFTS, "garbled at {at}: {n} drafts");
        eprintln!(
            "garbled at {at}: exit {:?}, {n} drafts; {}",
            out.status.code(),
            err.lines().find(|l| l.contains("error")).unwrap_or("")
        );
    }
    s.recovers("garbled responses");
}

#[test]
fn an_empty_mailbox_scans_to_nothing() {
    let server = Dovecot::start(None, Options::default());
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("c.toml");
    std::fs::write(&cfg, server.config("")).unwrap();
    let out = scan_cmd(cfg.to_str().unwrap(), PASSWORD).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("0 threads from 0 messages"), "{err}");
    assert!(messages(&server, "Drafts").is_empty());
}

#[test]
fn a_slow_server_within_the_time_limit_is_waited_for() {
    let s = Setup::new();
    // Every chunk the server sends is held for 150 ms: slow, but never silent for 5 s.
    let proxy = Proxy::start(s.server.port, Some(Fault::SlowServer(150)));
    let out = s.scan(&s.via(&proxy, 5), false);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(proxy.server_bytes.load(std::sync::atomic::Ordering::SeqCst) > 0);
    s.recovers("slow server");
}
