//! The command line: templates check, config errors, exit codes, demo.

mod support;

use support::followup;

/// `followup templates check` on a fresh directory holding these template files
/// (`(relative path, text)`); the directory lives as long as the returned handle.
fn check_templates(files: &[(&str, &str)]) -> (tempfile::TempDir, std::process::Output) {
    let dir = tempfile::tempdir().unwrap();
    for (rel, text) in files {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let out = followup(&["templates", "check", "--dir", dir.path().to_str().unwrap()]);
    (dir, out)
}

#[test]
fn builtin_and_shipped_templates_pass_the_check() {
    let out = followup(&[
        "templates",
        "check",
        "--dir",
        concat!(env!("CARGO_MANIFEST_DIR"), "/templates"),
    ]);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("144 templates"));
}

#[test]
fn templates_check_names_file_line_and_rule() {
    let (dir, out) = check_templates(&[
        ("pricing/1.txt", "Hi {{ greeting_name }},\n\nHere is {{ value.title }} for {{ company }}, with the details you need.\n\nJust checking in on the numbers, and happy to walk through them.\n\n{{ rep.signature }}\n"),
        ("pricing/2.txt", "Hi {{ greeting_name }},\n\nI wanted to ask whether the numbers we discussed last week still work for your team and your budget this quarter.\n\n{{ rep.signature }}\n"),
    ]);
    assert_eq!(out.status.code(), Some(3));
    let text = String::from_utf8_lossy(&out.stdout);
    let one = dir.path().join("pricing/1.txt").display().to_string();
    let two = dir.path().join("pricing/2.txt").display().to_string();
    assert!(
        text.contains(&format!("{one}:5: banned_phrase: \"just checking in\"")),
        "{text}"
    );
    assert!(text.contains(&format!("{two}: no_value_item")), "{text}");
}

#[test]
fn a_tera_syntax_error_names_file_line_and_column() {
    let (_dir, out) = check_templates(&[(
        "pricing/1.txt",
        "Hi {{ greeting_name }},\n\n{% if stage %}\nunclosed\n",
    )]);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("pricing/1.txt:"), "{err}");
    assert!(err.contains("Fix the template syntax"), "{err}");
}

#[test]
fn an_undefined_variable_is_reported_by_the_check() {
    let (_dir, out) = check_templates(&[(
        "close.txt",
        "Hi {{ prospect.nickname }}, {{ value.title }}\n",
    )]);
    assert_eq!(out.status.code(), Some(3));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("close.txt: render_error") && text.contains(":1:"),
        "{text}"
    );
}

#[test]
fn a_broken_config_exits_2_naming_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    std::fs::write(&cfg, "[[accounts]]\nname = \"a\"\nmaildir = { path = \"m\" }\n[accounts.identity]\nname = \"A\"\naddresses = [\"a@x.io\"]\n[policy]\nwork_hours = \"9 to 5\"\n").unwrap();
    let out = followup(&["scan", "--config", cfg.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("policy.work_hours") && err.contains("09:00-17:00"),
        "{err}"
    );

    let out = followup(&[
        "scan",
        "--config",
        dir.path().join("missing.toml").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("config.example.toml"));
}

#[test]
fn a_missing_maildir_exits_1_with_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    std::fs::write(&cfg, "[[accounts]]\nname = \"a\"\nmaildir = { path = \"nowhere\" }\n[accounts.identity]\nname = \"A\"\naddresses = [\"a@x.io\"]\n").unwrap();
    let out = followup(&["scan", "--config", cfg.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a Maildir"));
}

#[test]
fn bad_now_is_a_usage_error() {
    let out = followup(&["demo", "--now", "yesterday"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("RFC 3339"));
}

#[test]
fn demo_runs_with_nothing_set_up() {
    let dir = tempfile::tempdir().unwrap();
    let out = followup(&["demo", "--dir", dir.path().join("d").to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    for status in [
        "drafted",
        "waiting",
        "replied",
        "needs_reason",
        "finished",
        "dismissed",
        "rejected",
        "ignored",
        "bounced",
        "stale",
    ] {
        assert!(text.contains(status), "demo table lacks {status}:\n{text}");
    }
    assert!(text.contains("Drafts written to"));
    assert_eq!(
        std::fs::read_dir(dir.path().join("d/mailbox/.Drafts/cur"))
            .unwrap()
            .count(),
        11
    );
}

#[test]
fn config_example_parses() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/config.example.toml"))
        .unwrap();
    std::fs::write(dir.path().join("config.toml"), text).unwrap();
    followup::config::Config::load(&dir.path().join("config.toml"))
        .expect("config.example.toml is valid");
}

#[test]
fn one_failing_account_does_not_stop_the_others() {
    let demo = support::Demo::new();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut cfg = std::fs::read_to_string(&demo.config).unwrap();
    cfg = cfg.replacen(
        "[[accounts]]",
        &format!("[[accounts]]\nname = \"broken\"\n[accounts.imap]\nhost = \"127.0.0.1\"\nport = {port}\ntls = \"none\"\nuser = \"x\"\npassword_env = \"NOPE\"\n[accounts.identity]\nname = \"B\"\naddresses = [\"b@acme.io\"]\n\n[[accounts]]"),
        1,
    );
    std::fs::write(&demo.config, cfg).unwrap();
    let out = demo.scan(&["--dry-run"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a failed account makes the run fail"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout
            .lines()
            .filter(|l| l.contains("\"account\":\"demo\""))
            .count()
            >= 30,
        "the healthy account was still scanned"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("account broken") && err.contains("cannot connect"),
        "{err}"
    );
}

#[test]
fn templates_check_without_any_config_checks_the_built_in_set() {
    let home = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_followup"))
        .args(["templates", "check"])
        .env("HOME", home.path())
        .env_remove("XDG_CONFIG_HOME")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("144 templates in built-in: all pass"));
}

#[test]
fn run_on_a_maildir_logs_json_and_stops_on_sigterm() {
    use std::io::BufRead;
    let demo = support::Demo::new();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_followup"))
        .args([
            "run",
            "--config",
            demo.config.to_str().unwrap(),
            "--log-format",
            "json",
        ])
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
    let finished = lines
        .by_ref()
        .map_while(Result::ok)
        .take(50)
        .find(|l| l.contains("scan finished"))
        .expect("a scan-finished log line");
    let v: serde_json::Value = serde_json::from_str(&finished).expect("JSON log line");
    assert_eq!(v["fields"]["account"], "demo");
    // The service runs on the real clock, so how many are due depends on the day it runs.
    let drafted_now = v["fields"]["drafted_now"].as_u64().expect("a count");
    support::sigterm(&child).unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "{status}");
    assert_eq!(
        demo.drafts().len() as u64,
        1 + drafted_now,
        "every draft it counted is in Drafts"
    );
}

#[test]
fn a_password_typed_into_the_config_is_refused_and_never_echoed() {
    let dir = tempfile::tempdir().unwrap();
    for line in ["password = \"hunter2-Secret\"", "password = hunter2-Secret"] {
        let cfg = dir.path().join("c.toml");
        std::fs::write(
            &cfg,
            format!("[[accounts]]\nname = \"a\"\n[accounts.imap]\nhost = \"imap.example.com\"\nuser = \"alex\"\n{line}\n[accounts.identity]\nname = \"A\"\naddresses = [\"a@b.io\"]\n"),
        )
        .unwrap();
        let out = followup(&["scan", "--config", cfg.to_str().unwrap()]);
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.status.code(), Some(2), "{all}");
        assert!(!all.contains("hunter2"), "the secret was echoed: {all}");
        assert!(all.contains("line 6"), "{all}");
        if line.contains('"') {
            assert!(all.contains("set password_command"), "{all}");
        }
    }
}

#[test]
fn a_runaway_template_is_stopped_at_the_render_limit_and_named() {
    let t = std::time::Instant::now();
    let (_dir, out) = check_templates(&[
        // A billion iterations: three nested loops at the 1000-item cap.
        (
            "close.txt",
            "{{ greeting }}\n{% for i in range(end=1000) %}{% for j in range(end=1000) %}{% for k in range(end=1000) %}{% endfor %}{% endfor %}{% endfor %}\n",
        ),
        // And one loop past the cap.
        (
            "pricing/1.txt",
            "{{ greeting }}\n{% for i in range(end=100000) %}x{% endfor %}\n",
        ),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(3), "{text}");
    assert!(
        text.contains("close.txt") && text.contains("took longer than 2 s"),
        "{text}"
    );
    assert!(
        text.contains("pricing/1.txt") && text.contains("at most 1000"),
        "{text}"
    );
    assert!(t.elapsed().as_secs() < 60, "{:?}", t.elapsed());
}

#[test]
fn run_picks_up_an_edited_template_and_keeps_the_last_good_one_when_an_edit_breaks_it() {
    let demo = support::Demo::new();
    demo.reword_the_nagging_item();
    let dir = demo.dir.path();
    // The rep's own copy of the templates, and a Maildir watched every 5 s.
    let tpl = support::copy_templates(dir);
    let (mut child, lines) = run_demo_polling(&demo, "\n[templates]\ndir = \"tpl\"\n", "info");
    let wait = |what: &str, n: usize| support::wait_for(&lines, what, n, 30);
    assert!(wait("scan finished", 1), "{:?}", lines.lock().unwrap());
    // An edit, and a new quote that falls due: its draft uses the edited template.
    let pricing = tpl.join("pricing/1.txt");
    let edited = std::fs::read_to_string(&pricing).unwrap().replacen(
        "{{ greeting }}",
        "{{ greeting }}\n\nReloaded-template marker sentence here.",
        1,
    );
    std::fs::write(&pricing, edited).unwrap();
    std::fs::write(
        dir.join("mailbox/.Sent/cur/1794900000.M77P1.reload:2,S"),
        "From: Alex Morgan <alex@acme.io>\nTo: Ravi Iyer <ravi@reload-corp.example>\nSubject: Quote for Reload Corp\nDate: Mon, 16 Nov 2026 10:00:00 -0500\nMessage-ID: <reload-1@acme.io>\n\nHi Ravi,\n\nAttached is the quote for the 30 seats: $9,000 a year.\n\nAlex\n",
    )
    .unwrap();
    assert!(
        wait("config and templates reloaded", 1),
        "{:?}",
        lines.lock().unwrap()
    );
    assert!(wait("scan finished", 2));
    let draft = std::fs::read_to_string(demo.draft_for("reload-1@acme.io", 1)).unwrap();
    assert!(
        draft.contains("Reloaded-template marker sentence here."),
        "{draft}"
    );
    // A broken edit: reported, the service goes on with the last good templates. Then one
    // that parses but names a variable that doesn't exist: refused the same way.
    std::fs::write(&pricing, "{{ greeting }\n").unwrap();
    assert!(
        wait("keeping the last good config and templates", 1),
        "{:?}",
        lines.lock().unwrap()
    );
    assert!(wait("scan finished", 3));
    std::fs::write(&pricing, "{{ greeting }}\n\n{{ prospect.nickname }}\n").unwrap();
    assert!(
        wait("keeping the last good config and templates", 2),
        "{:?}",
        lines.lock().unwrap()
    );
    assert!(wait("scan finished", 4));
    support::sigterm(&child).unwrap();
    assert!(child.wait().unwrap().success());
    let all = lines.lock().unwrap().clone();
    assert_eq!(
        all.iter()
            .filter(|l| l.contains("keeping the last good"))
            .count(),
        2,
        "reported once per edit: {all:#?}"
    );
}

#[test]
fn templates_new_scaffolds_a_reason_that_drafts_once_its_stanza_is_added() {
    let demo = support::Demo::new();
    demo.reword_the_nagging_item();
    let dir = demo.dir.path();
    let tpl = support::copy_templates(dir);
    let out = followup(&[
        "templates",
        "new",
        "renewal",
        "--dir",
        tpl.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for f in ["1.txt", "2.txt", "close.txt"] {
        assert!(tpl.join("renewal").join(f).exists(), "{f}");
    }
    // The printed stanza, pasted into the config as is, gives a reason that drafts.
    let stanza = String::from_utf8(out.stdout).unwrap();
    let cfg = std::fs::read_to_string(&demo.config).unwrap();
    std::fs::write(
        &demo.config,
        format!("{cfg}\n[templates]\ndir = \"tpl\"\n\n{stanza}"),
    )
    .unwrap();
    let check = followup(&[
        "templates",
        "check",
        "--config",
        demo.config.to_str().unwrap(),
    ]);
    assert!(
        check.status.success(),
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
    std::fs::write(
        dir.join("mailbox/.Sent/cur/1794900000.M88P1.renewal:2,S"),
        "From: Alex Morgan <alex@acme.io>\nTo: Ravi Iyer <ravi@renew-co.example>\nSubject: Your subscription\nDate: Mon, 16 Nov 2026 10:00:00 -0500\nMessage-ID: <renewal-1@acme.io>\n\nHi Ravi,\n\nYour renewal is due next month and I can hold this year's price for you.\n\nAlex\n",
    )
    .unwrap();
    let lines = demo.scan_json(&["--dry-run"]);
    let t = support::thread(&lines, "renewal-1@acme.io");
    assert_eq!(t["reason"], "renewal", "{t:#}");
    assert_eq!(t["status"], "due", "{t:#}");
    // A second `new` for the same reason leaves the files alone.
    let again = followup(&[
        "templates",
        "new",
        "renewal",
        "--dir",
        tpl.to_str().unwrap(),
    ]);
    assert_eq!(again.status.code(), Some(2));
}

#[test]
fn completions_and_the_man_page_come_from_the_command_definition() {
    let out = followup(&["completions", "bash"]);
    assert!(out.status.success());
    let script = String::from_utf8(out.stdout).unwrap();
    for sub in ["scan", "preview", "doctor", "init", "templates"] {
        assert!(script.contains(sub), "{sub}");
    }
    // The script is valid bash.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("followup.bash");
    std::fs::write(&path, &script).unwrap();
    let syntax = std::process::Command::new("bash")
        .arg("-n")
        .arg(&path)
        .status()
        .unwrap();
    assert!(syntax.success());
    for shell in ["zsh", "fish"] {
        let out = followup(&["completions", shell]);
        assert!(out.status.success() && String::from_utf8_lossy(&out.stdout).contains("doctor"));
    }
    let man = followup(&["man"]);
    let page = String::from_utf8(man.stdout).unwrap();
    assert!(page.contains(".TH followup 1"), "{page}");
    assert!(
        page.contains("followup\\-doctor") || page.contains("doctor"),
        "{page}"
    );
}

/// The `N` of `key=N` in the log line `nth` (0-based) that contains `what`.
fn logged_count(lines: &[String], what: &str, nth: usize, key: &str) -> usize {
    let line = lines
        .iter()
        .filter(|l| l.contains(what))
        .nth(nth)
        .unwrap_or_else(|| panic!("no line {nth} with {what:?}: {lines:#?}"));
    let at = line.find(&format!("{key}=")).expect("key in line") + key.len() + 1;
    line[at..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect::<String>()
        .parse()
        .unwrap()
}

/// `followup run` on the demo, its Maildir polled every 5 s and `extra` appended to its
/// config, logging at `level`; its stderr lines are collected as they come.
fn run_demo_polling(
    demo: &support::Demo,
    extra: &str,
    level: &str,
) -> (
    std::process::Child,
    std::sync::Arc<std::sync::Mutex<Vec<String>>>,
) {
    let cfg = std::fs::read_to_string(&demo.config).unwrap().replace(
        "maildir = { path = \"mailbox\" }",
        "maildir = { path = \"mailbox\", poll_seconds = 5 }",
    ) + extra;
    std::fs::write(&demo.config, cfg).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_followup"))
        .args(["run", "--config", demo.config.to_str().unwrap()])
        .env("RUST_LOG", format!("followup={level}"))
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let lines = support::collect_stderr(&mut child);
    (child, lines)
}

#[test]
fn run_rescans_without_reading_or_rendering_what_it_already_drafted() {
    let demo = support::Demo::new();
    let (mut child, lines) = run_demo_polling(&demo, "", "debug");
    assert!(
        support::wait_for(&lines, "scan finished", 2, 30),
        "{:?}",
        lines.lock().unwrap()
    );
    support::sigterm(&child).unwrap();
    assert!(child.wait().unwrap().success());
    let all = lines.lock().unwrap().clone();
    let written = logged_count(&all, "scan finished", 0, "drafted_now");
    assert!(written > 0, "the first scan drafts: {all:#?}");
    assert_eq!(logged_count(&all, "scan finished", 1, "drafted_now"), 0);
    // The second scan finds nothing new: decisions reused, and the drafts already in Drafts
    // are not rendered again (only a due draft the lint refuses is tried each time).
    assert!(
        all.iter().any(|l| l.contains("decisions reused")),
        "{all:#?}"
    );
    let first = logged_count(&all, "scan phase done: render", 0, "rendered");
    let second = logged_count(&all, "scan phase done: render", 1, "rendered");
    assert!(
        second + written <= first,
        "rendered {first} then {second} after writing {written}"
    );
}
