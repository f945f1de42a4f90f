//! Property tests (proptest) of every parser the project owns: raw mail to `Mail`, headers to
//! threads, reason reading, return and deferral dates, and the names and companies derived
//! from addresses for templates. Bounded in CI (256 cases each by default); a long run:
//! `PROPTEST_CASES=100000 cargo test --release --test fuzz`.

use chrono::NaiveDate;
use proptest::prelude::*;

use followup::message::{parse, Address, Mail};

/// Real messages from the demo mailbox, as seeds for mutation.
fn seeds() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for dir in ["demo/mailbox/cur", "demo/mailbox/.Sent/cur"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        for e in std::fs::read_dir(path).unwrap() {
            out.push(std::fs::read(e.unwrap().path()).unwrap());
        }
    }
    out.sort();
    out
}

/// A real message with bytes flipped, inserted and cut at random places.
fn mutated() -> impl Strategy<Value = Vec<u8>> {
    let seeds = seeds();
    (
        0..seeds.len(),
        prop::collection::vec((any::<usize>(), any::<u8>(), 0u8..3), 0..24),
    )
        .prop_map(move |(i, edits)| {
            let mut m = seeds[i].clone();
            for (at, byte, op) in edits {
                if m.is_empty() {
                    break;
                }
                let at = at % m.len();
                match op {
                    0 => m[at] = byte,
                    1 => m.insert(at, byte),
                    _ => {
                        m.truncate(at.max(1));
                    }
                }
            }
            m
        })
}

proptest! {
    // Cases from PROPTEST_CASES (256 by default); a failure is printed with its minimal input
    // rather than written into the source tree.
    #![proptest_config(ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn parsing_never_panics_on_any_bytes(raw in prop::collection::vec(any::<u8>(), 0..4096)) {
        let _ = parse(&raw, None, None, true);
        let _ = parse(&raw, None, None, false);
    }

    #[test]
    fn parsing_real_mail_with_damage_never_panics(raw in mutated()) {
        if let Ok((m, _)) = parse(&raw, None, None, false) {
            prop_assert!(!m.message_id.is_empty());
            // Ids end up in a draft's In-Reply-To and References: never a line break or space.
            for id in std::iter::once(&m.message_id).chain(&m.references).chain(&m.in_reply_to) {
                prop_assert!(!id.contains(char::is_whitespace) && !id.contains(char::is_control), "{id:?}");
            }
        }
        let _ = parse(&raw, None, None, true);
    }

    #[test]
    fn every_message_lands_in_exactly_one_thread(
        links in prop::collection::vec(
            (0u8..12, prop::collection::vec(0u8..12, 0..5), prop::option::of(0u8..12)),
            1..60,
        )
    ) {
        // Message-IDs from a small pool: duplicates, self-references and loops happen.
        let id = |n: u8| format!("m{n}@x.example");
        // Each a different message (distinct subjects): only exact copies of one message may
        // be merged, and those are not generated here.
        let mails: Vec<Mail> = links
            .iter()
            .enumerate()
            .map(|(i, (me, refs, parent))| Mail {
                message_id: id(*me),
                subject: format!("s{i}"),
                references: refs.iter().map(|r| id(*r)).collect(),
                in_reply_to: parent.iter().map(|p| id(*p)).collect(),
                ..Mail::default()
            })
            .collect();
        let threads = followup::thread::build(&mails);
        let mut seen = vec![0u32; mails.len()];
        for t in &threads {
            prop_assert!(!t.id.is_empty());
            for &i in &t.messages {
                seen[i] += 1;
            }
        }
        prop_assert!(seen.iter().all(|&n| n == 1), "{seen:?}");
    }

    #[test]
    fn the_reason_model_gives_a_distribution_for_any_text(text in ".{0,400}") {
        let p = followup::reason::model::shipped().classify(&text);
        let sum: f32 = p.iter().sum();
        prop_assert!(p.iter().all(|v| v.is_finite() && *v >= 0.0));
        prop_assert!((sum - 1.0).abs() < 1e-3, "{p:?}");
    }

    #[test]
    fn dates_read_from_any_text_are_sane(
        text in "(?s).{0,200}|(back|until|after|in|next|bis|jusqu'au|hasta|fino al|tot|até|till) [0-9A-Za-z ./-]{0,30}",
        day in 0i64..3650,
    ) {
        let reference = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Duration::days(day);
        let _ = followup::dates::return_date(&text, reference);
        if let Some(d) = followup::dates::deferral_date(&text, reference) {
            prop_assert!(d >= reference, "{text:?} at {reference}: {d}");
        }
    }

    #[test]
    fn names_and_companies_from_any_address_are_one_clean_line(
        name in prop::option::of(".{0,60}"),
        local in "[A-Za-z0-9._%+\\-]{1,30}",
        domain in "[A-Za-z0-9\\-]{1,20}(\\.[A-Za-z]{2,6}){1,2}",
    ) {
        let addr = Address::new(name.as_deref(), &format!("{local}@{domain}"));
        for derived in [followup::identity::first_name(&addr), followup::identity::company(&addr)]
            .into_iter()
            .flatten()
        {
            prop_assert!(!derived.chars().any(char::is_control), "{derived:?}");
            prop_assert!(!derived.trim().is_empty());
        }
    }
}
