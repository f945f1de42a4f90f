//! The labelled corpus of rep sentences (`tests/fixtures/reasons/<lang>.txt`, one
//! `label | sentence` a line) and its measurement: a fixed fifth of it, chosen by a hash of
//! the sentence, is held out from training, so every change is measured on text the model
//! and the rules were not fitted to.

use std::path::Path;

use super::model::{class_index, features, train, verdict, Model, Verdict, CLASSES, NONE};

/// One labelled sentence.
#[derive(Debug, Clone)]
pub struct Labelled {
    pub lang: String,
    pub label: usize,
    pub text: String,
}

impl Labelled {
    /// The fixed held-out fifth: FNV-1a of the sentence, modulo 5.
    pub fn held_out(&self) -> bool {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in self.text.trim().as_bytes() {
            h ^= *b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h.is_multiple_of(5)
    }
}

/// Read every `<lang>.txt` in `dir`. A line with an unknown label is an error naming it.
pub fn load(dir: &Path) -> Result<Vec<Labelled>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let lang = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (label, sentence) = line.split_once(" | ").ok_or_else(|| {
                format!("{}:{}: expected `label | sentence`", path.display(), n + 1)
            })?;
            let label = class_index(label.trim())
                .ok_or_else(|| format!("{}:{}: unknown label {label:?}", path.display(), n + 1))?;
            out.push(Labelled {
                lang: lang.clone(),
                label,
                text: sentence.trim().to_string(),
            });
        }
    }
    Ok(out)
}

/// Epochs of training; fixed so the shipped model is reproducible.
pub const EPOCHS: usize = 40;

/// Train on the part that is not held out.
pub fn train_on(corpus: &[Labelled]) -> Model {
    let ex: Vec<(Vec<String>, usize)> = corpus
        .iter()
        .filter(|l| !l.held_out())
        .map(|l| (features(&l.text), l.label))
        .collect();
    train(&ex, EPOCHS)
}

/// Counts of one evaluation: `confusion[label][predicted]`, the last column for abstentions.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub confusion: [[u32; CLASSES.len() + 1]; CLASSES.len()],
}

impl Scores {
    pub fn add(&mut self, label: usize, v: Verdict) {
        let col = match v {
            Verdict::Reason(c) => c,
            Verdict::NoReason => NONE,
            Verdict::Abstain => CLASSES.len(),
        };
        self.confusion[label][col] += 1;
    }
    fn reasoned(&self) -> u32 {
        (0..NONE)
            .map(|r| self.confusion[r].iter().sum::<u32>())
            .sum()
    }
    /// Share of reasoned sentences given their reason.
    pub fn reason_right(&self) -> f64 {
        ratio(
            (0..NONE).map(|r| self.confusion[r][r]).sum(),
            self.reasoned(),
        )
    }
    /// Share of reasoned sentences given another reason (a wrong template).
    pub fn wrong_template(&self) -> f64 {
        let wrong = (0..NONE)
            .flat_map(|r| (0..NONE).filter(move |&p| p != r).map(move |p| (r, p)))
            .map(|(r, p)| self.confusion[r][p])
            .sum();
        ratio(wrong, self.reasoned())
    }
    /// Share of reasonless sentences read as stating no reason (`no_reply_expected`).
    pub fn none_right(&self) -> f64 {
        ratio(
            self.confusion[NONE][NONE],
            self.confusion[NONE].iter().sum(),
        )
    }
    /// Share of reasonless sentences that would get a draft (a reason was read into them).
    pub fn none_drafted(&self) -> f64 {
        ratio(
            (0..NONE).map(|p| self.confusion[NONE][p]).sum(),
            self.confusion[NONE].iter().sum(),
        )
    }
}

fn ratio(a: u32, b: u32) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Evaluate `model` on `items`: overall and per language.
pub fn evaluate<'a>(
    model: &Model,
    items: impl Iterator<Item = &'a Labelled>,
) -> (Scores, Vec<(String, Scores)>) {
    evaluate_with(|s| verdict(&model.classify(s)), items)
}

/// Evaluate any sentence reader on `items` (e.g. [`super::reader_verdict`]).
pub fn evaluate_with<'a>(
    read: impl Fn(&str) -> Verdict,
    items: impl Iterator<Item = &'a Labelled>,
) -> (Scores, Vec<(String, Scores)>) {
    let mut all = Scores::default();
    let mut by_lang: Vec<(String, Scores)> = Vec::new();
    for l in items {
        let v = read(&l.text);
        all.add(l.label, v);
        match by_lang.iter_mut().find(|(g, _)| *g == l.lang) {
            Some((_, s)) => s.add(l.label, v),
            None => {
                let mut s = Scores::default();
                s.add(l.label, v);
                by_lang.push((l.lang.clone(), s));
            }
        }
    }
    (all, by_lang)
}

/// The printed report: per language, per reason, and the confusion matrix.
pub fn report(all: &Scores, by_lang: &[(String, Scores)]) -> String {
    let pct = |x: f64| format!("{:.1}%", x * 100.0);
    let mut out = String::new();
    out.push_str("| language | reasoned | reason right | wrong template | reasonless | no_reply_expected right |\n|---|---|---|---|---|---|\n");
    let mut row = |name: &str, s: &Scores| {
        out.push_str(&format!(
            "| {name} | {} | {} | {} | {} | {} |\n",
            s.reasoned(),
            pct(s.reason_right()),
            pct(s.wrong_template()),
            s.confusion[NONE].iter().sum::<u32>(),
            pct(s.none_right())
        ));
    };
    for (lang, s) in by_lang {
        row(lang, s);
    }
    row("**all**", all);
    out.push_str("\nper reason (recall on its sentences):\n");
    for (r, name) in CLASSES.iter().enumerate() {
        let n: u32 = all.confusion[r].iter().sum();
        out.push_str(&format!(
            "  {name:<15} {:>4} sentences  {:>6}\n",
            n,
            pct(ratio(all.confusion[r][r], n))
        ));
    }
    out.push_str("\nconfusion (rows: label, columns: predicted; ? = abstained):\n");
    out.push_str(&format!("{:<15}", ""));
    for c in CLASSES.iter() {
        out.push_str(&format!("{:>6}", &c[..c.len().min(5)]));
    }
    out.push_str(&format!("{:>6}\n", "?"));
    for (r, name) in CLASSES.iter().enumerate() {
        out.push_str(&format!("{name:<15}"));
        for v in all.confusion[r] {
            out.push_str(&format!("{v:>6}"));
        }
        out.push('\n');
    }
    out
}

/// The corpus shipped in this repository.
pub fn default_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reasons")
}
