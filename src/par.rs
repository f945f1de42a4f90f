//! Data parallelism for the pure, CPU-bound steps of a scan (parsing, classifying, deciding):
//! plain scoped threads over chunks, results in input order, no extra dependency.

/// `f` over `items` on every available core, results in order. Falls back to one thread for
/// small inputs, where starting threads costs more than it saves.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(8);
    if workers < 2 || items.len() < 64 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(workers);
    std::thread::scope(|s| {
        let f = &f;
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a decision thread panicked"))
            .collect()
    })
}
