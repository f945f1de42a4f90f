//! SIGKILL at every moment of a drafting scan on a real Maildir tree: whatever step the process
//! dies in (reading, deciding, writing a draft, recording it), the state file is whole, no
//! draft is doubled or half-written, and the next complete scan leaves exactly one draft per
//! due follow-up.

mod support;

use std::process::{Command, Stdio};
use std::time::Instant;

use support::{Demo, NOW};

fn scan_cmd(demo: &Demo, dry: bool) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_followup"));
    c.args([
        "scan",
        "--config",
        demo.config.to_str().unwrap(),
        "--now",
        NOW,
    ])
    .stdout(Stdio::null())
    .stderr(Stdio::null());
    if dry {
        c.arg("--dry-run");
    }
    c
}

#[test]
fn sigkill_at_any_moment_leaves_no_duplicate_no_torn_state_and_no_lost_draft() {
    let demo = Demo::new();
    // How long a whole scan takes here, to spread the kills over it.
    let t = Instant::now();
    assert!(scan_cmd(&demo, true).status().unwrap().success());
    let mut whole = t.elapsed();
    let state = demo.dir.path().join("state/demo.json");
    let mut killed = 0;
    // Twelve moments over the scan; a run that ends before its moment (the machine is less
    // busy than when the scan was timed) shows how long a scan takes now, and its moment is
    // tried again.
    let mut k = 1u32;
    for _attempt in 0..36 {
        if k > 12 {
            break;
        }
        let mut child = scan_cmd(&demo, false).spawn().unwrap();
        let start = Instant::now();
        let deadline = whole * k / 12;
        let mut ended = None;
        while start.elapsed() < deadline {
            if child.try_wait().unwrap().is_some() {
                ended = Some(start.elapsed());
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        match ended {
            Some(took) => whole = took,
            None => {
                if child.try_wait().unwrap().is_none() {
                    child.kill().unwrap(); // SIGKILL
                    killed += 1;
                }
                k += 1;
            }
        }
        child.wait().unwrap();
        if let Ok(bytes) = std::fs::read(&state) {
            serde_json::from_slice::<serde_json::Value>(&bytes)
                .unwrap_or_else(|e| panic!("kill {k}: torn state file: {e}"));
        }
        demo.assert_unique_drafts(&format!("kill {k}"));
    }
    assert!(killed >= 6, "only {killed} of 12 runs were killed mid-scan");
    // A scan that completes leaves one draft per due follow-up, and the next changes nothing.
    for round in 0..2 {
        assert!(scan_cmd(&demo, false).status().unwrap().success());
        demo.assert_unique_drafts(&format!("round {round}"));
        assert_eq!(demo.draft_keys().len(), 11, "round {round}");
    }
}
