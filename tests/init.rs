//! `followup init`, non-interactive, against the test Dovecot and a Maildir: from nothing to
//! a first draft in Drafts with `init` and `scan` alone.

mod support;

use std::process::{Command, Output};

use support::dovecot::{messages, Dovecot, Options, PASSWORD};
use support::{Demo, NOW};

/// `followup` with the test password, and its default state directory (`XDG_STATE_HOME`) in
/// the test's own temp dir: a config `init` writes keeps the default, which must not be the
/// machine's.
fn followup(args: &[&str], password: &str, home: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_followup"))
        .args(args)
        .env("FOLLOWUP_TEST_PASSWORD", password)
        .env("XDG_STATE_HOME", home.join("state"))
        .output()
        .unwrap()
}

fn init_imap(server: &Dovecot, config: &str, password: &str, home: &std::path::Path) -> Output {
    let port = server.port.to_string();
    followup(
        &[
            "init",
            "--email",
            "alex@acme.io",
            "--name",
            "Alex Morgan",
            "--host",
            "127.0.0.1",
            "--port",
            &port,
            "--tls",
            "none",
            "--user",
            "rep",
            "--password-env",
            "FOLLOWUP_TEST_PASSWORD",
            "--timezone",
            "America/New_York",
            "--config",
            config,
        ],
        password,
        home,
    )
}

#[test]
fn init_then_scan_puts_a_first_draft_in_drafts() {
    use std::os::unix::fs::PermissionsExt;
    let demo = Demo::new();
    let server = Dovecot::start(Some(&demo.dir.path().join("mailbox")), Options::default());
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("followup/config.toml");
    let config = config.to_str().unwrap();
    let before = messages(&server, "Drafts").len();

    let out = init_imap(&server, config, PASSWORD, dir.path());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("logged in; Sent = Sent, Drafts = Drafts"),
        "{err}"
    );
    assert!(err.contains("copied 144 templates"), "{err}");
    let text = std::fs::read_to_string(config).unwrap();
    assert!(
        text.contains("password_env = \"FOLLOWUP_TEST_PASSWORD\""),
        "{text}"
    );
    assert!(text.contains("sent = \"Sent\""), "{text}");
    let mode = std::fs::metadata(config).unwrap().permissions().mode();
    assert_eq!(mode & 0o077, 0, "config mode {mode:o}");
    let templates = dir.path().join("followup/templates");
    assert!(templates.join("pricing/1.txt").exists());

    let out = followup(
        &["scan", "--config", config, "--now", NOW, "--format", "json"],
        PASSWORD,
        dir.path(),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let drafted = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.contains("\"status\":\"drafted\""))
        .count();
    let after = messages(&server, "Drafts").len();
    assert!(after > before, "{err}");
    assert!(drafted >= after - before);

    // Once written, init leaves the config alone unless told.
    let again = init_imap(&server, config, PASSWORD, dir.path());
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
}

#[test]
fn a_login_that_fails_writes_nothing_and_says_why() {
    let server = Dovecot::start(None, Options::default());
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    let out = init_imap(
        &server,
        config.to_str().unwrap(),
        "wrong-Secret-42",
        dir.path(),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("login as rep") && err.contains("nothing was written"),
        "{err}"
    );
    assert!(!err.contains("wrong-Secret-42"));
    assert!(!config.exists());
    assert!(!dir.path().join("templates").exists());
}

#[test]
fn init_for_a_local_maildir_needs_only_the_address_and_the_path() {
    let demo = Demo::new();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    let out = followup(
        &[
            "init",
            "--email",
            "alex@acme.io",
            "--name",
            "Alex Morgan",
            "--maildir",
            demo.dir.path().join("mailbox").to_str().unwrap(),
            "--config",
            config.to_str().unwrap(),
            "--no-templates",
        ],
        "",
        dir.path(),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("Sent = Sent, Drafts = Drafts"), "{err}");
    let out = followup(
        &["doctor", "--config", config.to_str().unwrap()],
        "",
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // Without an address there is nothing to set up, and no terminal to ask on.
    let out = followup(
        &[
            "init",
            "--config",
            dir.path().join("x.toml").to_str().unwrap(),
        ],
        "",
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing --email"));
}

#[test]
fn on_a_terminal_init_asks_for_what_is_missing() {
    // `script` gives init a terminal; the answers come in on it: the default time zone, then
    // "2" (an environment variable) and its name.
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    let cmd = format!(
        "{} init --email alex@acme.io --name 'Alex Morgan' --host 127.0.0.1 --port 1 --tls none --no-test --no-templates --config {}",
        env!("CARGO_BIN_EXE_followup"),
        config.display()
    );
    let mut child = Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .env("XDG_STATE_HOME", dir.path().join("state"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("`script` (util-linux) gives init a terminal");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"\n2\nACME_MAIL_PW\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(
        shown.contains("How should followup get the password?"),
        "{shown}"
    );
    let text = std::fs::read_to_string(&config).unwrap_or_default();
    assert!(
        text.contains("password_env = \"ACME_MAIL_PW\""),
        "{shown}\n{text}"
    );
}
