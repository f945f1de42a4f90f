//! Train the reason model on the corpus (held-out fifth excluded) and write
//! `src/reason/model.tsv`. `--cv` instead prints a 5-fold cross-validation on the training part
//! only, for tuning features without looking at the held-out sentences (`--cv --errors` also
//! lists the misread training sentences).
//!
//! cargo run --release --example train_reasons [-- --cv [--errors]]

use followup::reason::corpus::{self, evaluate, report, train_on};

fn main() {
    let all = corpus::load(&corpus::default_dir()).unwrap_or_else(|e| {
        eprintln!("error: {e}");
        std::process::exit(2)
    });
    let train: Vec<_> = all.iter().filter(|l| !l.held_out()).cloned().collect();
    let show_errors = std::env::args().any(|a| a == "--errors");
    if std::env::args().any(|a| a == "--cv") {
        // Folds by position within the training part; the held-out fifth is never touched.
        let mut scores = corpus::Scores::default();
        let mut langs: Vec<(String, corpus::Scores)> = Vec::new();
        for k in 0..5 {
            let fit: Vec<_> = train
                .iter()
                .enumerate()
                .filter(|(i, _)| i % 5 != k)
                .map(|(_, l)| l.clone())
                .collect();
            let test: Vec<_> = train
                .iter()
                .enumerate()
                .filter(|(i, _)| i % 5 == k)
                .map(|(_, l)| l.clone())
                .collect();
            // `train_on` skips held-out sentences, and none are in `fit`.
            let m = train_on(&fit);
            let (s, by) = evaluate(&m, test.iter());
            if show_errors {
                for l in &test {
                    let p = m.classify(&l.text);
                    let v = followup::reason::model::verdict(&p);
                    let want = followup::reason::model::Verdict::Reason(l.label);
                    let ok = if l.label == followup::reason::model::NONE {
                        v == followup::reason::model::Verdict::NoReason
                    } else {
                        v == want
                    };
                    if !ok {
                        let (b, pb) =
                            p.iter()
                                .enumerate()
                                .fold((0, 0f32), |a, (i, &x)| if x > a.1 { (i, x) } else { a });
                        println!(
                            "ERR {:<14} -> {:<14} {:.2} [{}] {}",
                            followup::reason::model::CLASSES[l.label],
                            followup::reason::model::CLASSES[b],
                            pb,
                            l.lang,
                            l.text
                        );
                    }
                }
            }
            for r in 0..s.confusion.len() {
                for c in 0..s.confusion[r].len() {
                    scores.confusion[r][c] += s.confusion[r][c];
                }
            }
            for (lang, ls) in by {
                let e = match langs.iter_mut().find(|(g, _)| *g == lang) {
                    Some(e) => e,
                    None => {
                        langs.push((lang.clone(), corpus::Scores::default()));
                        langs.last_mut().unwrap()
                    }
                };
                for r in 0..ls.confusion.len() {
                    for c in 0..ls.confusion[r].len() {
                        e.1.confusion[r][c] += ls.confusion[r][c];
                    }
                }
            }
        }
        println!(
            "5-fold cross-validation on the training part ({} sentences):\n",
            train.len()
        );
        print!("{}", report(&scores, &langs));
        return;
    }
    let model = train_on(&all);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/reason/model.tsv");
    let tsv = model.to_tsv();
    std::fs::write(&path, &tsv).expect("write model");
    println!(
        "trained on {} of {} sentences; wrote {} ({} features, {} KiB)",
        train.len(),
        all.len(),
        path.display(),
        tsv.lines().count() - 1,
        tsv.len() / 1024
    );
    println!(
        "rebuild, then measure on the held-out fifth: cargo run --release --example reason_eval"
    );
}
