//! The reason model against its labelled corpus (`tests/fixtures/reasons/`): the shipped model
//! is the one the corpus trains, and its scores on the held-out fifth do not fall below what
//! was measured when it was shipped (see README, "How well it reads reasons").

use followup::reason::corpus::{self, evaluate, train_on};
use followup::reason::model;

#[test]
fn the_shipped_model_is_what_the_corpus_trains() {
    let all = corpus::load(&corpus::default_dir()).expect("corpus loads");
    let trained = train_on(&all).to_tsv();
    let shipped = include_str!("../src/reason/model.tsv");
    assert!(
        trained == shipped,
        "src/reason/model.tsv is stale: run `cargo run --release --example train_reasons` after changing the corpus, features or lexicons"
    );
}

#[test]
fn the_corpus_is_large_enough_and_every_language_has_every_reason() {
    let all = corpus::load(&corpus::default_dir()).expect("corpus loads");
    let count = |lang: &str| all.iter().filter(|l| l.lang == lang).count();
    assert!(count("en") >= 800, "en: {}", count("en"));
    for lang in ["de", "fr", "es", "it", "nl", "pt", "sv"] {
        assert!(count(lang) >= 60, "{lang}: {}", count(lang));
        for (c, name) in model::CLASSES.iter().enumerate() {
            assert!(
                all.iter().any(|l| l.lang == lang && l.label == c),
                "{lang} has no `{name}` sentence"
            );
        }
    }
    let held = all.iter().filter(|l| l.held_out()).count();
    let share = held as f64 / all.len() as f64;
    assert!((0.15..0.25).contains(&share), "held out {share:.2}");
}

#[test]
fn held_out_scores_stay_at_their_measured_level() {
    let all = corpus::load(&corpus::default_dir()).expect("corpus loads");
    let (s, _) = evaluate(model::shipped(), all.iter().filter(|l| l.held_out()));
    // Measured when shipped (6,747 sentences, 1,293 held out; the regression blended with
    // naive Bayes; thresholds chosen by `train_reasons --tune`, at most 1.25% wrong templates in
    // cross-validation): 91.7% right, 1.6% wrong template, 95.7% no reason right (the
    // regression alone, 5,353 sentences: 89.3% / 1.4% / 96.2%). The goal is 95% / at most 2% /
    // 95%; these floors catch a regression on the way there.
    assert!(
        s.reason_right() >= 0.91,
        "reason right {:.3}",
        s.reason_right()
    );
    assert!(
        s.wrong_template() <= 0.02,
        "wrong template {:.3}",
        s.wrong_template()
    );
    assert!(
        s.none_right() >= 0.95,
        "no reason right {:.3}",
        s.none_right()
    );
}

#[test]
fn the_whole_reader_on_held_out_sentences_stays_at_its_measured_level() {
    // The model with the rules that read around it, each sentence read as a rep's email: what
    // a scan does. Measured when shipped: 91.2% right, 2.2% wrong template, 92.0% no reason
    // right (a question with no reason, "Qu'en pensez-vous ?", expects an answer, so the
    // reader asks the rep for a tag where the corpus says "none"). Floors against regression.
    let all = corpus::load(&corpus::default_dir()).expect("corpus loads");
    let held = all.iter().filter(|l| l.held_out());
    let (s, _) = corpus::evaluate_with(followup::reason::reader_verdict, held);
    assert!(
        s.reason_right() >= 0.90,
        "reason right {:.3}",
        s.reason_right()
    );
    assert!(
        s.wrong_template() <= 0.025,
        "wrong template {:.3}",
        s.wrong_template()
    );
    assert!(
        s.none_right() >= 0.91,
        "no reason right {:.3}",
        s.none_right()
    );
}

/// A wrong-language draft is worse than an English one: no corpus sentence long enough to
/// tell (eight words or more) may be read as another language, and four in five are read as
/// their own.
#[test]
fn corpus_sentences_are_read_as_their_own_language_never_another() {
    use followup::language::detect::{detect, Detected};
    let mut wrong = Vec::new();
    let mut read = 0usize;
    for lang in followup::language::SUPPORTED {
        let path = format!(
            "{}/tests/fixtures/reasons/{lang}.txt",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).expect("corpus file");
        let (mut own, mut total) = (0usize, 0usize);
        for line in text.lines() {
            let Some((_, sentence)) = line.split_once(" | ") else {
                continue;
            };
            if sentence.split_whitespace().count() < 8 {
                continue;
            }
            total += 1;
            match detect(sentence) {
                Detected::Supported(l) if l == lang => own += 1,
                Detected::Supported(l) => wrong.push(format!("{lang} read as {l}: {sentence}")),
                Detected::Other(code) => wrong.push(format!("{lang} read as {code}: {sentence}")),
                Detected::Unsure => {}
            }
        }
        eprintln!("{lang}: {own} of {total} read as {lang}");
        assert!(
            own * 100 >= total * 80,
            "{lang}: only {own} of {total} sentences of eight words or more read as {lang}"
        );
        read += own;
    }
    assert!(
        read > 1500,
        "only {read} sentences read as their own language"
    );
    assert!(
        wrong.is_empty(),
        "{} misread:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
