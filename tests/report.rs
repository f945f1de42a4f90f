//! `followup report` on the demo mailbox after the rep sent two of the drafts (one keeping its
//! `X-Followup-Key`, one without it, as some mail clients do) and got one reply: the figures as
//! JSON, and the HTML page opened in headless Chromium (no console error, the key figures on
//! the page, a screenshot saved).

mod support;

use std::process::Command;

use support::{followup, thread, Demo};

/// The draft file of a thread, sent by the rep an hour after it was drafted: into Sent with a
/// new Date, with or without its key header.
fn send_draft(demo: &Demo, id: &str, stage: u32, keep_key: bool, file: &str) -> String {
    let raw = std::fs::read_to_string(demo.draft_for(id, stage)).unwrap();
    let mut mid = String::new();
    let sent: String = raw
        .lines()
        .filter(|l| keep_key || !l.starts_with("X-Followup-Key:"))
        .map(|l| {
            if l.starts_with("Date:") {
                "Date: Fri, 20 Nov 2026 17:00:00 -0500".to_string()
            } else {
                if let Some(m) = l.strip_prefix("Message-ID: ") {
                    mid = m.trim_matches(['<', '>']).to_string();
                }
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(demo.dir.path().join("mailbox/.Sent/cur").join(file), sent).unwrap();
    mid
}

#[test]
fn the_report_rates_the_follow_ups_sent_and_renders_in_chromium() {
    let demo = Demo::new();
    let lines = demo.scan_json(&[]);
    let drafted: Vec<(String, u32)> = lines
        .iter()
        .filter(|l| l["status"] == "drafted" && l["stage"].as_u64().is_some())
        .filter(|l| l["thread"] != "soylent-1@acme.io") // drafted before the scan, no record
        .map(|l| {
            (
                l["thread"].as_str().unwrap().to_string(),
                l["stage"].as_u64().unwrap() as u32,
            )
        })
        .take(2)
        .collect();
    assert_eq!(drafted.len(), 2, "{lines:#?}");
    let with_key = send_draft(
        &demo,
        &drafted[0].0,
        drafted[0].1,
        true,
        "1795298800.M90P1.sent1:2,S",
    );
    send_draft(
        &demo,
        &drafted[1].0,
        drafted[1].1,
        false,
        "1795298800.M91P1.sent2:2,S",
    );
    // The prospect answers the first five hours later.
    let first = thread(&lines, &drafted[0].0);
    let prospect = first["prospects"][0].as_str().unwrap();
    std::fs::write(
        demo.dir.path().join("mailbox/cur/1795316800.M92P1.reply:2,S"),
        format!("From: {prospect}\nTo: alex@acme.io\nSubject: Re: {subject}\nDate: Fri, 20 Nov 2026 22:00:00 -0500\nMessage-ID: <report-reply@prospect.example>\nIn-Reply-To: <{with_key}>\nReferences: <{with_key}>\n\nThanks, this helps. Let's talk Monday.\n", subject = first["subject"].as_str().unwrap()),
    )
    .unwrap();

    let later = "2026-11-23T12:00:00-05:00";
    let config = demo.config.to_str().unwrap();
    let out = followup(&[
        "report", "--config", config, "--now", later, "--format", "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let f: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let w = &f["worked"];
    assert_eq!(w["sent"], 2, "{f:#}");
    assert_eq!(w["replied"], 1, "{f:#}");
    assert_eq!(w["reply_rate"], 0.5);
    assert_eq!(w["median_hours_to_reply"], 5.0);
    assert!(
        w["by_template"][0]["key"]
            .as_str()
            .unwrap()
            .ends_with(".txt"),
        "{w:#}"
    );
    assert_eq!(
        f["attention"]["bounced"][0]["detail"],
        "ben@initrode-global.example"
    );
    assert!(f["pipeline"]["threads"].as_u64().unwrap() > 20);

    // The page, in a real browser.
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("report");
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("report.html");
    let out = followup(&[
        "report",
        "--config",
        config,
        "--now",
        later,
        "--out",
        page.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
        .expect("no Chromium: install Debian's `chromium` package (.ci/run does)");
    let url = format!("file://{}", page.display());
    let shot = dir.join("report.png");
    let run = |extra: &[&str]| {
        Command::new(chromium)
            .args([
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--enable-logging=stderr",
                "--v=0",
            ])
            .args(extra)
            .arg(&url)
            .output()
            .unwrap()
    };
    let dom = run(&["--dump-dom"]);
    assert!(dom.status.success());
    let html = String::from_utf8_lossy(&dom.stdout);
    let log = String::from_utf8_lossy(&dom.stderr);
    assert!(
        !log.contains("CONSOLE") && !log.contains("net::ERR"),
        "{log}"
    );
    for figure in [
        "<b>2</b>follow-ups sent",
        "<b>50%</b>reply rate",
        "<b>5 h</b>median time to reply",
        "Reply rate by reason",
        "ben@initrode-global.example",
    ] {
        assert!(html.contains(figure), "{figure} not on the page");
    }
    let shot_arg = format!("--screenshot={}", shot.display());
    let out = run(&[&shot_arg, "--window-size=1100,2400"]);
    assert!(out.status.success());
    assert!(
        std::fs::metadata(&shot).unwrap().len() > 10_000,
        "screenshot at {}",
        shot.display()
    );
}
