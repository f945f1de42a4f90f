//! The Maildir baseline of the benchmark (`bench/run.py`): read every message file's header
//! block (up to the first empty line) with plain buffered reads, no parsing. Prints the count
//! of files and header bytes.
//!
//! `cargo run --release --example bench_header_read -- MAILDIR_ROOT`

use std::io::{BufRead, BufReader};
use std::path::Path;

fn main() {
    let root = std::env::args()
        .nth(1)
        .expect("usage: bench_header_read MAILDIR_ROOT");
    let (mut files, mut bytes) = (0usize, 0usize);
    let mut dirs = vec![Path::new(&root).to_path_buf()];
    if let Ok(rd) = std::fs::read_dir(&root) {
        for e in rd.flatten() {
            let n = e.file_name();
            if n.to_string_lossy().starts_with('.') && e.path().is_dir() {
                dirs.push(e.path());
            }
        }
    }
    let mut line = Vec::new();
    for d in dirs {
        for sub in ["cur", "new"] {
            let Ok(rd) = std::fs::read_dir(d.join(sub)) else {
                continue;
            };
            for e in rd.flatten() {
                let Ok(f) = std::fs::File::open(e.path()) else {
                    continue;
                };
                let mut r = BufReader::with_capacity(8192, f);
                files += 1;
                loop {
                    line.clear();
                    match r.read_until(b'\n', &mut line) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => bytes += n,
                    }
                    if line == b"\n" || line == b"\r\n" {
                        break;
                    }
                }
            }
        }
    }
    println!("{files} files, {bytes} header bytes");
}
