//! End-to-end scans of a real Maildir tree (the bundled demo mailbox) through the binary.

mod support;

use support::{python_view, snapshot, thread, Demo};

#[test]
fn every_status_appears_where_the_mail_says_it_should() {
    let demo = Demo::new();
    support::assert_demo_statuses(&demo.scan_json(&[]));
}

#[test]
fn the_json_contract_has_every_documented_field() {
    let demo = Demo::new();
    let lines = demo.scan_json(&["--dry-run"]);
    for l in &lines {
        for k in [
            "account",
            "thread",
            "subject",
            "prospects",
            "status",
            "reason",
            "stage",
            "due_at",
            "last_message_at",
            "waiting_for",
            "note",
            "draft",
        ] {
            assert!(l.get(k).is_some(), "missing {k} in {l}");
        }
    }
    let t = thread(&lines, "CH2PR11MB4411.1@acme.io");
    assert_eq!(t["account"], "demo");
    assert_eq!(t["status"], "due", "--dry-run leaves due threads due");
    assert_eq!(t["stage"], 1);
    assert_eq!(t["due_at"], "2026-11-19T15:15:00Z");
    assert_eq!(t["last_message_at"], "2026-11-16T15:15:00Z");
    assert_eq!(
        t["prospects"],
        serde_json::json!(["dana.whitfield@northwind-traders.com"])
    );
    let d = &t["draft"];
    assert_eq!(d["subject"], "Re: Order routing for Northwind");
    assert_eq!(
        d["to"],
        serde_json::json!(["dana.whitfield@northwind-traders.com"])
    );
    assert_eq!(d["cc"], serde_json::json!([]));
    assert_eq!(d["in_reply_to"], "CH2PR11MB4411.3@acme.io");
    assert_eq!(
        d["references"],
        serde_json::json!([
            "CH2PR11MB4411.1@acme.io",
            "DB9PR03MB7723.2@northwind-traders.com",
            "CH2PR11MB4411.3@acme.io"
        ])
    );
    assert!(d["body"].as_str().unwrap().starts_with("Hi Dana,"));
    let w = thread(&lines, "fabrikam-1@acme.io");
    assert_eq!(w["waiting_for"], "auto_reply");
    assert_eq!(
        w["due_at"], "2026-12-01T14:00:00Z",
        "next business day after 30 Nov, 09:00 New York"
    );
    let r = thread(&lines, "wonka-1@acme.io");
    assert_eq!(r["reply"]["from"], "charlie@wonka-industries.com");
    assert_eq!(r["reply"]["message_id"], "wonka-new@wonka-industries.com");
    assert_eq!(r["reply"]["in_thread"], false);
    let r = thread(&lines, "hooli-b-1@acme.io");
    assert_eq!(
        r["reply"]["from"], "mike.patel@hooli.com",
        "a colleague at the prospect's company"
    );
    assert_eq!(
        thread(&lines, "hooli-a-1@acme.io")["reply"]["in_thread"],
        true
    );
    let b = thread(&lines, "initrode-1@acme.io");
    assert_eq!(
        b["bounced"],
        serde_json::json!(["ben@initrode-global.example"])
    );
}

#[test]
fn dry_run_writes_nothing_and_a_second_scan_writes_nothing_new() {
    let demo = Demo::new();
    let before = snapshot(demo.dir.path());
    demo.scan_json(&["--dry-run"]);
    // Only caches may appear: the decision memo and the rendered drafts, which make the next
    // scan quick.
    let memo = demo.dir.path().join("state/demo.memo.json");
    let rendered = demo.dir.path().join("state/demo.rendered.json");
    assert!(memo.exists() && rendered.exists());
    let after: Vec<_> = snapshot(demo.dir.path())
        .into_iter()
        .filter(|(p, _)| *p != memo && *p != rendered)
        .collect();
    assert_eq!(after, before, "--dry-run must not touch any file");

    let first = demo.scan_json(&[]);
    let written = first.iter().filter(|l| l["status"] == "drafted").count();
    assert_eq!(
        demo.drafts().len(),
        1 + 10,
        "one pre-existing draft plus ten new ones"
    );
    assert_eq!(written, 11);

    let after_first = snapshot(demo.dir.path());
    let second = demo.scan_json(&[]);
    assert_eq!(
        snapshot(demo.dir.path()),
        after_first,
        "the second scan must write nothing"
    );
    let statuses = |v: &[serde_json::Value]| {
        v.iter()
            .map(|l| (l["thread"].to_string(), l["status"].to_string()))
            .collect::<Vec<_>>()
    };
    assert_eq!(statuses(&first), statuses(&second));
}

#[test]
fn existing_mail_is_never_modified() {
    let demo = Demo::new();
    let mailbox = demo.dir.path().join("mailbox");
    let before: Vec<_> = snapshot(&mailbox)
        .into_iter()
        .filter(|(p, _)| !p.starts_with(mailbox.join(".Drafts")))
        .collect();
    demo.scan_json(&[]);
    let after: Vec<_> = snapshot(&mailbox)
        .into_iter()
        .filter(|(p, _)| !p.starts_with(mailbox.join(".Drafts")))
        .collect();
    assert_eq!(before, after);
}

#[test]
fn a_deleted_draft_is_dismissed_and_not_recreated() {
    let demo = Demo::new();
    demo.scan_json(&[]);
    let victim = demo.draft_for("CH2PR11MB4411.1@acme.io", 1);
    std::fs::remove_file(&victim).unwrap();
    let n = demo.drafts().len();
    let lines = demo.scan_json(&[]);
    assert_eq!(
        thread(&lines, "CH2PR11MB4411.1@acme.io")["status"],
        "dismissed"
    );
    assert_eq!(demo.drafts().len(), n);
}

#[test]
fn a_lost_state_file_still_never_duplicates_drafts_in_the_folder() {
    let demo = Demo::new();
    demo.scan_json(&[]);
    std::fs::remove_file(demo.dir.path().join("state/demo.json")).unwrap();
    let lines = demo.scan_json(&[]);
    assert_eq!(
        thread(&lines, "CH2PR11MB4411.1@acme.io")["status"],
        "drafted"
    );
    // Every key is in Drafts exactly once (the demo's dismissed thread, whose record was lost,
    // is drafted once now: the documented cost of deleting the state file).
    let mut keys: Vec<String> = demo
        .drafts()
        .iter()
        .filter_map(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .lines()
                .find_map(|l| l.strip_prefix("X-Followup-Key: ").map(str::to_string))
        })
        .collect();
    let n = keys.len();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), n, "a key appears twice in Drafts");
    assert_eq!(n, 12);
}

#[test]
fn a_sent_follow_up_moves_the_thread_to_the_next_stage() {
    let demo = Demo::new();
    demo.scan_json(&[]);
    // The rep sends the Northwind draft: it leaves Drafts and lands in Sent.
    let draft = demo.draft_for("CH2PR11MB4411.1@acme.io", 1);
    let sent = demo
        .dir
        .path()
        .join("mailbox/.Sent/cur")
        .join("1795300000.M1P1.rep:2,S");
    std::fs::rename(&draft, &sent).unwrap();
    let lines = demo.scan_json(&[]);
    let t = thread(&lines, "CH2PR11MB4411.1@acme.io");
    assert_eq!(t["stage"], 2);
    assert_eq!(
        t["status"], "waiting",
        "stage 2 waits five business days after the sent follow-up"
    );
}

#[test]
fn drafts_parse_in_python_email_with_threading_headers() {
    let demo = Demo::new();
    demo.scan_json(&[]);
    let raw = std::fs::read(demo.draft_for("gm-vandelay-1@acme.io", 1)).unwrap();
    let v = python_view(&raw);
    assert_eq!(v["_defects"], serde_json::json!([]));
    assert_eq!(v["subject"], "Re: Integración con SAP");
    assert_eq!(v["to"], "Sofía Ramírez <sofia.ramirez@vandelay.es>");
    assert_eq!(v["from"], "Alex Morgan <alex@acme.io>");
    assert_eq!(v["in-reply-to"], "<gm-vandelay-1@acme.io>");
    assert_eq!(v["references"], "<gm-vandelay-1@acme.io>");
    // Nothing a prospect could read says this was an automated stage-1 follow-up.
    assert!(v.get("x-followup-reason").is_none(), "{v}");
    assert!(v.get("x-followup-stage").is_none(), "{v}");
    let key = v["x-followup-key"].as_str().unwrap();
    assert!(
        key.starts_with("fu1-") && !key.contains("vandelay") && !key.contains(':'),
        "opaque key: {key}"
    );
    assert!(v["_body"].as_str().unwrap().starts_with("Hi Sofía,"));
    assert!(v["_body"]
        .as_str()
        .unwrap()
        .contains("\n> Great to meet you at the expo in Madrid."));
    assert!(
        v.get("bcc").is_none(),
        "the rep's plus-tag Bcc must not be copied into the draft"
    );
}

#[test]
fn outlook_threads_get_a_child_thread_index() {
    let demo = Demo::new();
    demo.scan_json(&[]);
    let raw = std::fs::read(demo.draft_for("CH2PR11MB4411.1@acme.io", 1)).unwrap();
    let v = python_view(&raw);
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD;
    let parent = std::fs::read_dir(demo.dir.path().join("mailbox/.Sent/cur"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .find(|t| t.contains("Message-ID: <CH2PR11MB4411.3@acme.io>"))
        .unwrap();
    let parent_ti = parent
        .lines()
        .find_map(|l| l.strip_prefix("Thread-Index: "))
        .unwrap();
    let child = b64.decode(v["thread-index"].as_str().unwrap()).unwrap();
    let parent = b64.decode(parent_ti).unwrap();
    assert_eq!(child.len(), parent.len() + 5);
    assert_eq!(&child[..parent.len()], &parent[..]);
    assert_eq!(v["thread-topic"], "Order routing for Northwind");
}

#[test]
fn rendered_draft_matches_the_golden_file() {
    let demo = Demo::new();
    let (got, _) = demo.preview("CH2PR11MB4411.1@acme.io", &["--raw"]);
    let golden = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/northwind_pricing_stage1.eml");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &got).unwrap();
    }
    let want = std::fs::read_to_string(&golden)
        .expect("golden file (run with UPDATE_GOLDEN=1 to create it)");
    assert_eq!(got, want);
}

#[test]
fn malformed_mail_is_counted_not_fatal() {
    let demo = Demo::new();
    let out = demo.scan(&["--dry-run"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no Message-ID"), "{err}");
    assert!(err.contains("1 warnings"), "{err}");
}

#[test]
fn an_unlisted_address_in_sent_still_counts_as_the_rep() {
    let demo = Demo::new();
    let sent = demo
        .dir
        .path()
        .join("mailbox/.Sent/cur/1795000000.M9P9.alias:2,S");
    std::fs::write(
        &sent,
        "From: Alex Morgan <a.morgan@acme-sales.example>\nTo: Rita Moreno <rita@initech-labs.example>\nSubject: Quote for the lab\nDate: Thu, 12 Nov 2026 10:00:00 -0500\nMessage-ID: <alias-1@acme-sales.example>\n\nHi Rita,\n\nAttached is the quote for the lab.\n\nAlex\n",
    )
    .unwrap();
    let out = demo.scan(&["--dry-run"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("a.morgan@acme-sales.example, which is not in identity.addresses"),
        "{err}"
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let t = thread(&lines, "alias-1@acme-sales.example");
    assert_eq!(t["status"], "due");
    assert_eq!(t["reason"], "pricing");
    assert_eq!(
        t["draft"]["to"],
        serde_json::json!(["rita@initech-labs.example"])
    );
    assert_eq!(
        t["draft"]["from"], "a.morgan@acme-sales.example",
        "the draft comes from the address the rep used"
    );
}

#[test]
fn a_quick_correction_is_not_a_follow_up() {
    let demo = Demo::new();
    std::fs::write(
        demo.dir.path().join("mailbox/.Sent/cur/1795100000.M8P8.fix:2,S"),
        "From: Alex Morgan <alex@acme.io>\nTo: juergen.weiss@contoso.de\nSubject: Re: Angebot Lagerverwaltung\nDate: Thu, 19 Nov 2026 11:20:00 -0500\nMessage-ID: <contoso-fix@acme.io>\nIn-Reply-To: <contoso-1@acme.io>\nReferences: <contoso-1@acme.io>\n\nSorry, forgot the attachment - here it is.\n",
    )
    .unwrap();
    let lines = demo.scan_json(&["--dry-run"]);
    let t = thread(&lines, "contoso-1@acme.io");
    assert_eq!(t["stage"], 1, "two messages 20 minutes apart are one touch");
    assert_eq!(t["due_at"], "2026-11-24T16:20:00Z");
}

#[test]
fn the_reps_own_time_off_holds_new_drafts() {
    let demo = Demo::new();
    let cfg = std::fs::read_to_string(&demo.config).unwrap();
    let cfg = cfg.replace("timezone = \"America/New_York\"", "timezone = \"America/New_York\"\naway = [{ from = \"2026-11-16\", until = \"2026-11-20\" }]");
    std::fs::write(&demo.config, cfg).unwrap();
    let lines = demo.scan_json(&["--dry-run"]);
    let t = thread(&lines, "CH2PR11MB4411.1@acme.io");
    assert_eq!(t["status"], "waiting");
    assert_eq!(
        t["due_at"], "2026-11-23T14:00:00Z",
        "the first working morning after the rep is back"
    );
}

#[test]
fn preview_shows_a_readable_draft_even_before_it_is_due() {
    let demo = Demo::new();
    let (text, err) = demo.preview("contoso-1@acme.io", &[]);
    assert!(
        text.contains("To: juergen.weiss@contoso.de\nSubject: Re: Angebot Lagerverwaltung\n"),
        "{text}"
    );
    assert!(
        text.contains("\n\nHi Jürgen,\n"),
        "decoded, not quoted-printable: {text}"
    );
    assert!(err.contains("`waiting`, due 2026-11-24"));
    assert!(demo.drafts().len() == 1, "preview writes nothing");
}

#[test]
fn a_single_account_config_and_an_fs_layout_maildir_work() {
    let demo = Demo::new();
    let mb = demo.dir.path().join("mailbox");
    std::fs::rename(mb.join(".Sent"), mb.join("Sent")).unwrap();
    std::fs::rename(mb.join(".Drafts"), mb.join("Drafts")).unwrap();
    std::fs::write(
        &demo.config,
        "[identity]\nname = \"Alex Morgan\"\naddresses = [\"alex@acme.io\"]\ntimezone = \"America/New_York\"\n\n[maildir]\npath = \"mailbox\"\n\n[policy]\nholidays = [\"2026-11-26\"]\n\n[state]\ndir = \"state2\"\n",
    )
    .unwrap();
    let lines = demo.scan_json(&[]);
    let t = thread(&lines, "CH2PR11MB4411.1@acme.io");
    assert_eq!(t["account"], "default");
    assert_eq!(t["status"], "drafted");
    assert!(
        std::fs::read_dir(mb.join("Drafts/cur")).unwrap().count() > 1,
        "drafts land in the fs-layout Drafts folder"
    );
    assert!(!mb.join(".Drafts").exists());
}

#[test]
fn an_mbsync_layout_with_an_inbox_folder_works() {
    let demo = Demo::new();
    let mb = demo.dir.path().join("mailbox");
    let inbox = demo.dir.path().join("INBOX");
    std::fs::create_dir_all(&inbox).unwrap();
    for sub in ["cur", "new", "tmp"] {
        std::fs::rename(mb.join(sub), inbox.join(sub)).unwrap();
    }
    std::fs::rename(&inbox, mb.join("INBOX")).unwrap();
    std::fs::rename(mb.join(".Sent"), mb.join("Sent")).unwrap();
    std::fs::rename(mb.join(".Drafts"), mb.join("Drafts")).unwrap();
    let lines = demo.scan_json(&[]);
    support::assert_demo_statuses(&lines);
    assert!(std::fs::read_dir(mb.join("Drafts/cur")).unwrap().count() == 11);
}

#[test]
fn an_internal_side_conversation_is_neither_a_follow_up_nor_a_reply() {
    let demo = Demo::new();
    // After the pricing went out, Alex forwards the thread to Sam, and Sam answers Alex.
    std::fs::write(
        demo.dir.path().join("mailbox/.Sent/cur/1795200000.M7P7.fwd:2,S"),
        "From: Alex Morgan <alex@acme.io>\nTo: Sam Ortiz <sam@acme.io>\nSubject: Fwd: RE: Order routing for Northwind\nDate: Tue, 17 Nov 2026 09:00:00 -0500\nMessage-ID: <fwd-northwind@acme.io>\nReferences: <CH2PR11MB4411.1@acme.io> <DB9PR03MB7723.2@northwind-traders.com> <CH2PR11MB4411.3@acme.io>\n\nSam, can you sanity-check the Lyon numbers?\n",
    )
    .unwrap();
    std::fs::write(
        demo.dir.path().join("mailbox/cur/1795200500.M6P6.sam:2,S"),
        "From: Sam Ortiz <sam@acme.io>\nTo: Alex Morgan <alex@acme.io>\nSubject: Re: Fwd: RE: Order routing for Northwind\nDate: Tue, 17 Nov 2026 11:00:00 -0500\nMessage-ID: <sam-northwind@acme.io>\nIn-Reply-To: <fwd-northwind@acme.io>\nReferences: <CH2PR11MB4411.1@acme.io> <fwd-northwind@acme.io>\n\nLooks right to me.\n",
    )
    .unwrap();
    let lines = demo.scan_json(&["--dry-run"]);
    let t = thread(&lines, "CH2PR11MB4411.1@acme.io");
    assert_eq!(t["messages"], 5, "the side conversation is in the thread");
    assert_eq!(t["status"], "due");
    assert_eq!(t["stage"], 1);
    assert_eq!(
        t["draft"]["to"],
        serde_json::json!(["dana.whitfield@northwind-traders.com"])
    );
    assert_eq!(
        t["draft"]["in_reply_to"], "CH2PR11MB4411.3@acme.io",
        "the draft answers the rep's last message to the prospect"
    );
}

#[test]
fn a_reply_the_rep_is_already_drafting_gets_no_second_draft() {
    let demo = Demo::new();
    // The rep started a reply to Dana in their mail client (no X-Followup-Key).
    std::fs::write(
        demo.dir.path().join("mailbox/.Drafts/cur/1795250000.M5P5.rep:2,DS"),
        "From: Alex Morgan <alex@acme.io>\nTo: dana.whitfield@northwind-traders.com\nSubject: RE: Order routing for Northwind\nDate: Thu, 19 Nov 2026 09:00:00 -0500\nMessage-ID: <rep-draft@acme.io>\nIn-Reply-To: <CH2PR11MB4411.3@acme.io>\nReferences: <CH2PR11MB4411.1@acme.io> <CH2PR11MB4411.3@acme.io>\n\nHi Dana, quick add-on\n",
    )
    .unwrap();
    let lines = demo.scan_json(&[]);
    let t = thread(&lines, "CH2PR11MB4411.1@acme.io");
    assert_eq!(t["status"], "drafted");
    assert!(t["note"].as_str().unwrap().contains("a draft of yours"));
    assert!(t["draft"].is_null(), "nothing new was written");
    assert_eq!(
        demo.drafts().len(),
        1 + 1 + 9,
        "the two existing drafts and nine new ones"
    );
}

#[test]
fn a_drafted_thread_reports_its_draft_in_later_scans() {
    let demo = Demo::new();
    let first = demo.scan_json(&[]);
    let second = demo.scan_json(&[]);
    for t in second
        .iter()
        .filter(|t| t["status"] == "drafted" && t["thread"] != "soylent-1@acme.io")
    {
        let d = &t["draft"];
        assert!(d.is_object(), "{t:#}");
        let before = first.iter().find(|f| f["thread"] == t["thread"]).unwrap();
        assert_eq!(
            d["message_id"], before["draft"]["message_id"],
            "the Message-ID is the one in Drafts"
        );
        assert_eq!(d["body"], before["draft"]["body"]);
    }
    let raw = std::fs::read_to_string(demo.draft_for("CH2PR11MB4411.1@acme.io", 1)).unwrap();
    let mid = thread(&second, "CH2PR11MB4411.1@acme.io")["draft"]["message_id"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(raw.contains(&format!("Message-ID: <{mid}>")));
}

#[test]
fn a_dry_run_again_reuses_its_drafts_until_an_input_changes() {
    let demo = Demo::new();
    let first = demo.scan_json(&["--dry-run"]);
    let kept = demo.dir.path().join("state/demo.rendered.json");
    assert!(kept.exists(), "the rendered drafts are kept");
    // The same scan again: the same report, draft for draft (Message-IDs included: same clock).
    let second = demo.scan_json(&["--dry-run"]);
    assert_eq!(first, second);
    let before = std::fs::metadata(&kept).unwrap().modified().unwrap();
    // An edited template is another input: the drafts are rendered from it.
    let tpl = support::copy_templates(demo.dir.path());
    let pricing = tpl.join("pricing/1.txt");
    let edited = std::fs::read_to_string(&pricing).unwrap().replacen(
        "{{ greeting }}",
        "{{ greeting }}\n\nEdited-template marker.",
        1,
    );
    std::fs::write(&pricing, edited).unwrap();
    let cfg = std::fs::read_to_string(&demo.config).unwrap();
    std::fs::write(&demo.config, format!("{cfg}\n[templates]\ndir = \"tpl\"\n")).unwrap();
    let third = demo.scan_json(&["--dry-run"]);
    let body = thread(&third, "CH2PR11MB4411.1@acme.io")["draft"]["body"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(body.contains("Edited-template marker."), "{body}");
    assert_ne!(
        std::fs::metadata(&kept).unwrap().modified().unwrap(),
        before
    );
}

#[test]
fn a_rejected_draft_shows_what_was_refused_and_why() {
    let demo = Demo::new();
    let lines = demo.scan_json(&[]);
    // The rep's own German value item nags: the draft is refused, once, by the longest phrase.
    let t = thread(&lines, "hanse-1@acme.io");
    assert_eq!(t["status"], "rejected");
    assert_eq!(
        t["rejected_by"],
        serde_json::json!(["banned_phrase: \"wollte nur kurz nachhaken\""])
    );
    let body = t["draft"]["body"].as_str().unwrap();
    assert!(body.contains("ich wollte nur kurz nachhaken"), "{body}");
    assert!(body.starts_with("Guten Tag Herr Weber,"), "{body}");
    assert!(
        demo.drafts().iter().all(|p| !std::fs::read_to_string(p)
            .unwrap()
            .contains("hanse-1@acme.io")),
        "nothing written"
    );
    let (text, err) = demo.preview("hanse-1@acme.io", &[]);
    assert!(err.contains("refused"), "{err}");
    assert!(text.contains("Guten Tag Herr Weber,"));
    // `templates check` names the entry to reword before any draft is refused.
    let text = templates_check_findings(&demo);
    assert!(
        text.contains("value_items.pricing[0] (\"eine Übersicht der Preisstufen\"): banned_phrase \"wollte nur kurz nachhaken\" in its summary"),
        "{text}"
    );
}

/// What `templates check` prints for the demo's config, which must have findings (exit 3).
fn templates_check_findings(demo: &Demo) -> String {
    let out = support::followup(&[
        "templates",
        "check",
        "--config",
        demo.config.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(3));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_prospects_own_nudge_words_quoted_back_do_not_refuse_the_draft() {
    let demo = Demo::new();
    let lines = demo.scan_json(&[]);
    let t = thread(&lines, "stark-1@acme.io");
    assert_eq!(t["status"], "drafted", "{t}");
    assert_eq!(t["reason_source"], "prospect_text");
    let body = t["draft"]["body"].as_str().unwrap();
    // Their sentence, verbatim, is the reason the draft gives; the draft's own words never nag.
    assert!(
        body.contains("\"I need to run this by our VP first, then we can touch base.\""),
        "{body}"
    );
    let own = body.replace(
        "I need to run this by our VP first, then we can touch base.",
        "",
    );
    assert!(!own.to_lowercase().contains("touch base"), "{body}");
    let raw = std::fs::read_to_string(demo.draft_for("stark-1@acme.io", 1)).unwrap();
    assert!(raw.contains("In-Reply-To: <stark-3@acme.io>"), "{raw}");
}

/// Python's `email` view of every attachment of a message: (file name, content type, size).
fn python_attachments(raw: &[u8]) -> serde_json::Value {
    let script = r#"
import email, email.policy, json, sys
m = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)
out = [[p.get_filename(), p.get_content_type(), len(p.get_content())] for p in m.iter_attachments()]
print(json.dumps({"attachments": out, "multipart": m.is_multipart(), "defects": [type(d).__name__ for d in m.defects]}))
"#;
    let mut child = std::process::Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3");
    use std::io::Write;
    child.stdin.take().unwrap().write_all(raw).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_value_item_with_a_file_attaches_it_with_its_real_name_and_type() {
    let demo = Demo::new();
    // The rep's real asset: a PDF next to the config.
    let pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    std::fs::write(demo.dir.path().join("Acme ROI model.pdf"), pdf).unwrap();
    let mut cfg = std::fs::read_to_string(&demo.config).unwrap();
    cfg.push_str("\n[[value_items.pricing]]\ntitle = \"our ROI model for a three-region rollout\"\nsummary = \"it is attached, with your volumes already filled in\"\nattachment = \"Acme ROI model.pdf\"\n");
    std::fs::write(&demo.config, cfg).unwrap();
    let lines = demo.scan_json(&[]);
    assert_eq!(
        thread(&lines, "CH2PR11MB4411.1@acme.io")["status"],
        "drafted"
    );
    let raw = std::fs::read(demo.draft_for("CH2PR11MB4411.1@acme.io", 1)).unwrap();
    let v = python_attachments(&raw);
    assert_eq!(v["multipart"], true, "{v}");
    assert_eq!(
        v["attachments"],
        serde_json::json!([["Acme ROI model.pdf", "application/pdf", pdf.len()]]),
        "{v}"
    );
    assert_eq!(v["defects"], serde_json::json!([]));
    let body = python_view(&raw);
    assert!(body["_body"]
        .as_str()
        .unwrap()
        .contains("our ROI model for a three-region rollout"));
}

#[test]
fn a_value_item_that_only_claims_value_is_refused_with_the_entry_to_complete() {
    let demo = Demo::new();
    let mut cfg = std::fs::read_to_string(&demo.config).unwrap();
    cfg.push_str("\n[[value_items.pricing]]\ntitle = \"a case study from your industry\"\nsummary = \"it shows the results they measured\"\n");
    std::fs::write(&demo.config, cfg).unwrap();
    let lines = demo.scan_json(&["--dry-run"]);
    let t = thread(&lines, "CH2PR11MB4411.1@acme.io");
    assert_eq!(t["status"], "rejected", "{t}");
    assert!(
        t["note"]
            .as_str()
            .unwrap()
            .contains("give [[value_items.pricing]] a url, an attachment or content"),
        "{t}"
    );
    // `templates check` names the entry too.
    let text = templates_check_findings(&demo);
    assert!(
        text.contains("value_items.pricing[1] (\"a case study from your industry\"): no_substance"),
        "{text}"
    );
}

#[test]
fn preview_annotate_marks_each_value_with_its_variable() {
    let demo = Demo::new();
    let (out, _) = demo.preview("CH2PR11MB4411.1@acme.io", &["--annotate"]);
    assert!(out.contains("«Hi Dana,»{greeting}"), "{out}");
    assert!(
        out.contains("«the quote for the three regions»{commitment.what} I sent on «Monday 16 November»{commitment.when}"),
        "{out}"
    );
    assert!(out.contains("»{slots[0]}"), "{out}");
    // The quoted message below is the prospect's and the rep's, not the template's.
    let quote = out.split("wrote:").nth(1).unwrap_or("");
    assert!(!quote.contains('«'), "{quote}");
}

#[test]
fn preview_vars_lists_every_template_variable_with_its_value() {
    let demo = Demo::new();
    let (out, _) = demo.preview("CH2PR11MB4411.1@acme.io", &["--vars"]);
    let (draft, vars) = out
        .split_once("\n--- template variables ---\n")
        .expect("a variables section after the draft");
    assert!(draft.starts_with("From: "));
    for line in [
        "greeting = Hi Dana,",
        "reason = pricing",
        "stage = 1",
        "commitment.what = the quote for the three regions",
        "prospect.email = dana.whitfield@northwind-traders.com",
    ] {
        assert!(vars.lines().any(|l| l == line), "{line}\n{vars}");
    }
}

#[test]
fn preview_without_a_thread_shows_every_draft_a_scan_would_write_and_writes_none() {
    let demo = Demo::new();
    let before = demo.drafts();
    let out = support::followup(&[
        "preview",
        "--config",
        demo.config.to_str().unwrap(),
        "--now",
        support::NOW,
        "--vars",
    ]);
    let (text, err) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(out.status.success(), "{err}");
    assert_eq!(demo.drafts(), before, "nothing written");
    let lines = demo.scan_json(&["--dry-run"]);
    let expected = lines
        .iter()
        .filter(|l| l["status"] == "due" || l["status"] == "rejected")
        .count();
    assert_eq!(
        text.matches("\n=== <").count() + usize::from(text.starts_with("=== <")),
        expected,
        "{text}"
    );
    assert!(text.contains(
        "=== <CH2PR11MB4411.1@acme.io> Order routing for Northwind (pricing, stage 1) ==="
    ));
    assert_eq!(text.matches("--- template variables ---").count(), expected);
    // A draft the lint refuses is shown with the rule that fired.
    assert!(
        err.contains("refused and will not be written (banned_phrase"),
        "{err}"
    );
}

/// `scan --dry-run --format json` at `now` with debug logging: (stdout, stderr).
fn scan_logged(demo: &Demo, now: &str) -> (String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_followup"))
        .args(["scan", "--config", demo.config.to_str().unwrap()])
        .args(["--now", now, "--format", "json", "--dry-run"])
        .env("RUST_LOG", "followup=debug")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "scan failed: {err}");
    (String::from_utf8(out.stdout).unwrap(), err)
}

const REUSED: &str = "decisions reused";

#[test]
fn a_rescan_reuses_its_decisions_only_while_nothing_changed() {
    let demo = Demo::new();
    let memo = demo.dir.path().join("state/demo.memo.json");
    // contoso-1 falls due at 16:00Z on the 24th: the clock alone turns it from waiting to due.
    let (morning, evening) = ("2026-11-24T10:00:00Z", "2026-11-24T17:00:00Z");
    let (first, log) = scan_logged(&demo, morning);
    assert!(!log.contains(REUSED), "{log}");
    assert!(memo.exists());
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&memo).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "the memo holds subjects and addresses");
    }
    let (again, log) = scan_logged(&demo, morning);
    assert!(log.contains(REUSED), "{log}");
    assert_eq!(again, first);
    let status = |out: &str, id: &str| {
        let lines: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        thread(&lines, id)["status"].as_str().unwrap().to_string()
    };
    assert_eq!(status(&first, "contoso-1@acme.io"), "waiting");

    // Later the same day: the reused decisions settle on the new clock exactly as a full scan.
    let (reused, log) = scan_logged(&demo, evening);
    assert!(log.contains(REUSED), "{log}");
    assert_eq!(status(&reused, "contoso-1@acme.io"), "due");
    std::fs::remove_file(&memo).unwrap();
    let (full, log) = scan_logged(&demo, evening);
    assert!(!log.contains(REUSED), "{log}");
    assert_eq!(reused, full, "reused decisions differ from a full scan");

    // New mail: the prospect answers. Nothing is reused, and the result is a full scan's.
    let reply = "From: Juergen Weiss <juergen.weiss@contoso.de>\nTo: alex@acme.io\n\
        Subject: AW: Angebot Lagerverwaltung\nDate: Tue, 24 Nov 2026 09:00:00 +0100\n\
        Message-ID: <reply-contoso@contoso.de>\nIn-Reply-To: <contoso-1@acme.io>\n\
        References: <contoso-1@acme.io>\n\nDanke, wir melden uns.\n";
    std::fs::write(
        demo.dir.path().join("mailbox/new/1795000000.M1P1.test"),
        reply,
    )
    .unwrap();
    let (after, log) = scan_logged(&demo, evening);
    assert!(!log.contains(REUSED), "new mail must be read: {log}");
    assert_eq!(status(&after, "contoso-1@acme.io"), "replied");
    // Only the thread the reply joined is decided again (and none is new).
    let decide = log
        .lines()
        .find(|l| l.contains("scan phase done: decide"))
        .expect("decide phase logged");
    let count = |key: &str| -> usize {
        let at = decide.find(&format!("{key}=")).unwrap() + key.len() + 1;
        decide[at..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .unwrap()
    };
    assert_eq!(count("reused") + 1, count("threads"), "{decide}");
    // Threads at other companies are settled: their texts are not read again.
    let settled = count("settled");
    assert!(settled > 0 && settled < count("threads"), "{decide}");
    std::fs::remove_file(&memo).unwrap();
    let (full, _) = scan_logged(&demo, evening);
    assert_eq!(after, full);

    // A colleague's new email in no conversation of its own, about the offer to her
    // colleague: the threads at that company are decided again, and as a full scan decides.
    assert_eq!(status(&after, "fabrikam-1@acme.io"), "waiting");
    let colleague = "From: Sabine Roth <s.roth@fabrikam.de>\nTo: alex@acme.io\n\
        Subject: Ihr Angebot\nDate: Tue, 24 Nov 2026 12:00:00 +0100\n\
        Message-ID: <roth-1@fabrikam.de>\n\nHallo Herr Morgan,\n\nFrau Vogel ist bis Monatsende \
        im Urlaub. Ich habe mir das Angebot angesehen und melde mich morgen dazu.\n\nSabine Roth\n";
    std::fs::write(
        demo.dir.path().join("mailbox/new/1795000100.M2P1.test"),
        colleague,
    )
    .unwrap();
    let (answered, log) = scan_logged(&demo, evening);
    assert!(!log.contains(REUSED), "new mail must be read: {log}");
    // She is away until the month's end ("bis Monatsende") and the colleague will answer:
    // the thread waits for the first day after it, then follows up.
    let fabrikam = |key: &str| {
        let lines: Vec<serde_json::Value> = answered
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        thread(&lines, "fabrikam-1@acme.io")[key].clone()
    };
    assert_eq!(
        (fabrikam("status"), fabrikam("due_at")),
        (
            serde_json::json!("waiting"),
            serde_json::json!("2026-12-01T14:00:00Z")
        ),
        "{}",
        fabrikam("note")
    );
    std::fs::remove_file(&memo).unwrap();
    let (full, _) = scan_logged(&demo, evening);
    assert_eq!(answered, full);

    // A changed config decides afresh too.
    let cfg = std::fs::read_to_string(&demo.config).unwrap();
    std::fs::write(&demo.config, format!("{cfg}\n# edited\n")).unwrap();
    let (_, log) = scan_logged(&demo, evening);
    assert!(
        !log.contains(REUSED),
        "an edited config must be read: {log}"
    );
}

#[test]
fn a_reused_decision_whose_message_is_gone_falls_back_to_a_full_scan() {
    let demo = Demo::new();
    let memo = demo.dir.path().join("state/demo.memo.json");
    let now = "2026-11-24T17:00:00Z";
    let (full, _) = scan_logged(&demo, now);
    // Point a due thread's first message at a file that isn't there (as if it vanished
    // between the folder check and the read).
    let mut m: serde_json::Value = serde_json::from_slice(&std::fs::read(&memo).unwrap()).unwrap();
    let t = m["threads"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|t| t["decision"]["status"] == "due" && !t["mails"].as_array().unwrap().is_empty())
        .expect("a due thread in the memo");
    t["mails"][0]["at"]["key"] = "gone".into();
    std::fs::write(&memo, serde_json::to_vec(&m).unwrap()).unwrap();
    // Without the kept drafts, so the due threads' messages are read to render them.
    std::fs::remove_file(demo.dir.path().join("state/demo.rendered.json")).unwrap();
    let (again, log) = scan_logged(&demo, now);
    assert!(log.contains(REUSED), "{log}");
    assert!(log.contains("reading everything"), "{log}");
    assert_eq!(again, full);
}
