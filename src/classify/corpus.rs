//! Checking the classifier against a labelled corpus of real-world-shaped messages
//! (`tests/fixtures/classify/expected.tsv`): used by the test suite and by
//! `cargo run --example classify_table`, which prints the measured table for the docs.

use std::path::Path;

use super::{classify, Kind};
use crate::dates::DateMention;
use crate::message::parse;

/// One labelled message and what the classifier said.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub file: String,
    pub expected_kind: String,
    pub expected_detail: String,
    pub got_kind: String,
    pub got_detail: String,
}

impl Outcome {
    pub fn ok(&self) -> bool {
        self.expected_kind == self.got_kind
            && (self.expected_detail == "-" || self.expected_detail == self.got_detail)
    }
}

fn describe(k: &Kind) -> (String, String) {
    match k {
        Kind::Human => ("human".into(), "-".into()),
        Kind::AutoReply { returns } => (
            "auto_reply".into(),
            match returns {
                Some(DateMention::Date(d)) => d.format("%Y-%m-%d").to_string(),
                Some(DateMention::Ambiguous(_)) => "ambiguous".into(),
                None => "-".into(),
            },
        ),
        Kind::Bounce { failed } => (
            "bounce".into(),
            failed
                .first()
                .map(|f| f.recipient.clone())
                .unwrap_or_else(|| "-".into()),
        ),
        Kind::Notice => ("notice".into(), "-".into()),
        Kind::Bulk => ("bulk".into(), "-".into()),
        Kind::Calendar => ("calendar".into(), "-".into()),
    }
}

/// Classify every message listed in `dir/expected.tsv`.
pub fn run(dir: &Path) -> std::io::Result<Vec<Outcome>> {
    let manifest = std::fs::read_to_string(dir.join("expected.tsv"))?;
    let mut out = Vec::new();
    for line in manifest
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let (file, kind, detail) = (
            cols[0],
            cols.get(1).copied().unwrap_or(""),
            cols.get(2).copied().unwrap_or("-"),
        );
        let raw = std::fs::read(dir.join(file))?;
        let (got_kind, got_detail) = match parse(&raw, None, None, false) {
            Ok((m, _)) => describe(&classify(&m, 15)),
            Err(e) => ("unparsable".into(), e.to_string()),
        };
        out.push(Outcome {
            file: file.into(),
            expected_kind: kind.into(),
            expected_detail: detail.into(),
            got_kind,
            got_detail,
        });
    }
    Ok(out)
}
