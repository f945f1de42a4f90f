//! `followup doctor` and `followup templates list` on a real Maildir and a real Dovecot: one
//! line per check, every failure with its fix, and no secret in the output.

mod support;

use std::process::Command;

use support::dovecot::{Dovecot, Options, PASSWORD};
use support::{followup, Demo};

fn doctor(config: &str, password: &str) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_followup"))
        .args(["doctor", "--config", config])
        .env("FOLLOWUP_TEST_PASSWORD", password)
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), text)
}

#[test]
fn doctor_passes_a_working_maildir_setup_line_by_line() {
    let demo = Demo::new();
    // The demo ships one value item that nags on purpose: doctor names it and the fix.
    let (code, text) = doctor(demo.config.to_str().unwrap(), "");
    assert_ne!(code, Some(0), "{text}");
    assert!(
        text.contains("value_items.pricing[0]") && text.contains("reword it"),
        "{text}"
    );
    demo.reword_the_nagging_item();
    let (code, text) = doctor(demo.config.to_str().unwrap(), "");
    assert_eq!(code, Some(0), "{text}");
    for check in [
        "ok   config:",
        "ok   templates: 144 in built-in, all pass",
        "ok   clock:",
        "ok   state dir:",
        "ok   demo identity: Alex Morgan <alex@acme.io>, time zone America/New_York",
        "ok   demo maildir:",
        "ok   demo folders: Sent = Sent (",
    ] {
        assert!(text.contains(check), "{check}\n{text}");
    }
    assert!(!text.contains("FAIL"));
}

#[test]
fn doctor_names_each_broken_piece_with_its_fix() {
    let demo = Demo::new();
    let dir = demo.dir.path();
    // A template with a syntax error and a Maildir that isn't there.
    std::fs::create_dir_all(dir.join("tpl/pricing")).unwrap();
    std::fs::write(dir.join("tpl/pricing/1.txt"), "{{ greeting }\n").unwrap();
    let cfg = std::fs::read_to_string(&demo.config).unwrap().replace(
        "maildir = { path = \"mailbox\" }",
        "maildir = { path = \"nowhere\" }",
    ) + "\n[templates]\ndir = \"tpl\"\n";
    std::fs::write(&demo.config, cfg).unwrap();
    let (code, text) = doctor(demo.config.to_str().unwrap(), "");
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("FAIL templates:") && text.contains("pricing/1.txt"),
        "{text}"
    );
    assert!(
        text.contains("FAIL demo maildir:") && text.contains("Set maildir.path"),
        "{text}"
    );
    assert!(text.contains("checks failed; each FAIL line says what to fix"));
    // A config that doesn't parse is the first and only line.
    std::fs::write(&demo.config, "[[accounts]\n").unwrap();
    let (code, text) = doctor(demo.config.to_str().unwrap(), "");
    assert_eq!(code, Some(2));
    assert!(text.starts_with("FAIL config:"), "{text}");
}

#[test]
fn doctor_checks_the_imap_secret_server_login_and_folders() {
    let demo = Demo::new();
    let server = Dovecot::start(Some(&demo.dir.path().join("mailbox")), Options::default());
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("c.toml");
    // Without the demo's deliberately nagging value item (doctor would name it).
    let config = server.config("").replace(
        "ich wollte nur kurz nachhaken, ob die Zahlen für Sie passen",
        "sie zeigt, was jede Stufe bei 50 Nutzern kostet",
    );
    std::fs::write(&cfg, config).unwrap();
    let (code, text) = doctor(cfg.to_str().unwrap(), PASSWORD);
    assert_eq!(code, Some(0), "{text}");
    for check in [
        "ok   imap-demo secret: from password_env FOLLOWUP_TEST_PASSWORD",
        "ok   imap-demo connect: 127.0.0.1:",
        "ok   imap-demo login: as rep",
        "ok   imap-demo folders: Sent = Sent (",
    ] {
        assert!(text.contains(check), "{check}\n{text}");
    }
    // A wrong password: the login line fails with the fix, and never shows what was tried.
    let (code, text) = doctor(cfg.to_str().unwrap(), "Not-The-Password-7");
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("FAIL imap-demo login:") && text.contains("Check the user name"),
        "{text}"
    );
    assert!(!text.contains("Not-The-Password-7"));
}

#[test]
fn templates_list_shows_the_file_behind_each_reason_stage_and_language() {
    let out = followup(&["templates", "list", "--lang", "de"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(
        text.contains("de    pricing         1      de/pricing/1.txt"),
        "{text}"
    );
    assert!(
        text.contains("de    trial           close  de/close.txt"),
        "{text}"
    );
    // A set with only an English pricing template: German falls back, other reasons are missing.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("pricing")).unwrap();
    std::fs::write(dir.path().join("pricing/1.txt"), "{{ greeting }}\n").unwrap();
    let out = followup(&[
        "templates",
        "list",
        "--lang",
        "de",
        "--dir",
        dir.path().to_str().unwrap(),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("de    pricing         1      pricing/1.txt (English: no de template)"),
        "{text}"
    );
    assert!(
        text.contains("de    proposal        1      MISSING: no template for reason `proposal`"),
        "{text}"
    );
}
