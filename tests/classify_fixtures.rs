//! Every labelled message in tests/fixtures/classify (auto-replies, bounces, human replies and
//! more, from many mail systems and eight languages) is classified as labelled, with the
//! return date or failed address it states.

#[test]
fn every_fixture_is_classified_as_labelled() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/classify");
    let outcomes = followup::classify::corpus::run(&dir).unwrap();
    assert!(
        outcomes.len() >= 60,
        "the corpus must hold at least 60 messages"
    );
    for kind in ["auto_reply", "bounce", "human"] {
        assert!(
            outcomes.iter().filter(|o| o.expected_kind == kind).count() >= 8,
            "too few {kind} fixtures"
        );
    }
    let misses: Vec<String> = outcomes
        .iter()
        .filter(|o| !o.ok())
        .map(|o| {
            format!(
                "{}: expected {} {}, got {} {}",
                o.file, o.expected_kind, o.expected_detail, o.got_kind, o.got_detail
            )
        })
        .collect();
    assert!(
        misses.is_empty(),
        "{} of {} misclassified:\n{}",
        misses.len(),
        outcomes.len(),
        misses.join("\n")
    );
}
