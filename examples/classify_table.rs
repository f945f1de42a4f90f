//! Prints the measured classification table for the docs:
//! `cargo run --example classify_table`.

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/classify");
    let outcomes = followup::classify::corpus::run(&dir).expect("read the fixture corpus");
    let mut kinds: Vec<String> = outcomes.iter().map(|o| o.expected_kind.clone()).collect();
    kinds.sort();
    kinds.dedup();
    println!("| expected kind | messages | classified right | with the right return date / failed address |");
    println!("| --- | --- | --- | --- |");
    for k in &kinds {
        let of: Vec<_> = outcomes.iter().filter(|o| &o.expected_kind == k).collect();
        let kind_ok = of.iter().filter(|o| o.got_kind == o.expected_kind).count();
        let detail: Vec<_> = of.iter().filter(|o| o.expected_detail != "-").collect();
        let detail_ok = detail.iter().filter(|o| o.ok()).count();
        println!(
            "| {k} | {} | {kind_ok} | {detail_ok} of {} |",
            of.len(),
            detail.len()
        );
    }
    let ok = outcomes.iter().filter(|o| o.ok()).count();
    println!("| **all** | {} | {ok} | |", outcomes.len());
    for o in outcomes.iter().filter(|o| !o.ok()) {
        eprintln!(
            "MISS {}: expected {} {}, got {} {}",
            o.file, o.expected_kind, o.expected_detail, o.got_kind, o.got_detail
        );
    }
}
