//! Measure the shipped reason model on the held-out fifth of the corpus: per language, per
//! reason, and the confusion matrix.
//!
//! cargo run --release --example reason_eval [-- <corpus dir>]

use followup::reason::corpus::{self, evaluate, report};
use followup::reason::model;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(corpus::default_dir);
    let all = corpus::load(&dir).unwrap_or_else(|e| {
        eprintln!("error: {e}");
        std::process::exit(2)
    });
    let held: Vec<_> = all.iter().filter(|l| l.held_out()).collect();
    let (s, by) = evaluate(model::shipped(), held.iter().copied());
    println!(
        "held-out fifth: {} of {} sentences\n",
        held.len(),
        all.len()
    );
    print!("{}", report(&s, &by));
    let (s, by) = corpus::evaluate_with(followup::reason::reader_verdict, held.iter().copied());
    println!("\nthe whole reader (the model and its rules), each sentence read as an email:\n");
    print!("{}", report(&s, &by));
}
