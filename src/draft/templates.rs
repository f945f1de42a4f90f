//! The template set: `<reason>/<stage>.txt` per reason and stage, `<reason>/close.txt` or
//! `close.txt` for the close-the-loop note. Loaded from a directory or the built-in set.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use tera::{Context, ErrorKind, Kwargs, State, Tera, TeraResult};

use super::lint::{Lint, Violation};
use super::DraftContext;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// The demo mailbox files embedded at build time (path relative to `demo/`, contents).
pub fn demo_files() -> &'static [(&'static str, &'static [u8])] {
    embedded::DEMO
}

#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("{file}:{line}:{col}: {message}. Fix the template syntax (Tera 2: {{{{ var }}}}, {{% if %}}…{{% endif %}})")]
    Syntax {
        file: String,
        line: usize,
        col: usize,
        message: String,
    },
    #[error("{file}:{line}:{col}: {message}. Use only the variables README lists under 'Template variables'")]
    Render {
        file: String,
        line: usize,
        col: usize,
        message: String,
    },
    #[error("no template for reason `{reason}` stage {stage}: add {dir}/{reason}/{stage}.txt (or {reason}/default.txt)")]
    Missing {
        reason: String,
        stage: String,
        dir: String,
    },
    #[error("cannot read templates in {dir}: {source}. Point templates.dir at the folder holding <reason>/<stage>.txt files")]
    Io { dir: String, source: std::io::Error },
    #[error("template {file}: {message}")]
    Other { file: String, message: String },
}

fn convert(
    e: tera::Error,
    fallback_file: &str,
    render: bool,
    base: &Option<PathBuf>,
) -> TemplateError {
    match e.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => {
            let file = if r.filename().is_empty() {
                fallback_file.to_string()
            } else {
                display_name(base, r.filename())
            };
            let (line, col) = (r.span().start_line, r.span().start_col + 1);
            let message = r.message().to_string();
            if matches!(e.kind(), ErrorKind::SyntaxError(_)) && !render {
                TemplateError::Syntax {
                    file,
                    line,
                    col,
                    message,
                }
            } else {
                TemplateError::Render {
                    file,
                    line,
                    col,
                    message,
                }
            }
        }
        _ => TemplateError::Other {
            file: fallback_file.to_string(),
            message: e.to_string(),
        },
    }
}

/// One finding of `templates check`.
#[derive(Debug, Clone)]
pub struct CheckFinding {
    pub file: String,
    pub line: Option<usize>,
    pub rule: String,
    pub detail: String,
}

impl std::fmt::Display for CheckFinding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}: {}", self.file, l, self.rule, self.detail),
            None => write!(f, "{}: {}: {}", self.file, self.rule, self.detail),
        }
    }
}

/// A loaded, syntax-checked template set.
/// The longest a template may take to render one draft (real templates take microseconds).
pub const RENDER_LIMIT: Duration = Duration::from_secs(2);

/// The most items `range()` gives a template loop.
const MAX_RANGE: i128 = 1000;

/// Tera's `range(start=, end=, step_by=)`, limited to [`MAX_RANGE`] items.
fn capped_range(kwargs: Kwargs, _: &State) -> TeraResult<Vec<i128>> {
    let start = kwargs.get::<i128>("start")?.unwrap_or_default();
    let end = kwargs.must_get::<i128>("end")?;
    let step = kwargs.get::<i128>("step_by")?.unwrap_or(1);
    if step == 0 {
        return Err(tera::Error::message("range: step_by must not be 0"));
    }
    let span = end
        .checked_sub(start)
        .ok_or_else(|| tera::Error::message("range: start and end are out of range"))?;
    let len = span / step + i128::from(span % step != 0);
    if len > MAX_RANGE {
        return Err(tera::Error::message(format!(
            "range would give {len} items; a template loop may have at most {MAX_RANGE}"
        )));
    }
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < end) || (step < 0 && i > end) {
        out.push(i);
        i += step;
    }
    Ok(out)
}

pub struct Templates {
    /// Shared with the render worker threads (see [`RENDER_LIMIT`]).
    tera: Arc<Tera>,
    /// Where the files came from, for messages (`built-in` for the embedded set).
    pub origin: String,
    base: Option<PathBuf>,
    sources: Vec<(String, String)>,
}

impl Templates {
    /// A digest of every template's name and text: drafts rendered from another set differ.
    pub fn digest(&self) -> String {
        let mut h = crate::state::memo::Hasher::default();
        h.add(self.origin.as_bytes());
        for (name, text) in &self.sources {
            h.add(name.as_bytes());
            h.add(text.as_bytes());
        }
        h.hex()
    }

    /// The templates shipped inside the binary.
    pub fn builtin() -> Result<Templates, TemplateError> {
        let sources = embedded::TEMPLATES
            .iter()
            .filter(|(n, _)| n.ends_with(".txt"))
            .map(|(n, b)| (n.to_string(), String::from_utf8_lossy(b).into_owned()))
            .collect();
        Self::from_sources(sources, "built-in".into(), None)
    }

    /// Write the built-in templates under `dir` (for `init`: a copy the rep can edit); files
    /// already there are kept. Returns how many were written.
    pub fn write_builtin(dir: &Path) -> std::io::Result<usize> {
        let mut n = 0;
        for (name, bytes) in embedded::TEMPLATES
            .iter()
            .filter(|(n, _)| n.ends_with(".txt"))
        {
            let dest = dir.join(name);
            if dest.exists() {
                continue;
            }
            if let Some(parent) = dest.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(&dest, bytes)?;
            n += 1;
        }
        Ok(n)
    }

    /// Every `*.txt` under `dir`, named by relative path.
    pub fn from_dir(dir: &Path) -> Result<Templates, TemplateError> {
        let mut files = Vec::new();
        collect(dir, dir, &mut files).map_err(|source| TemplateError::Io {
            dir: dir.display().to_string(),
            source,
        })?;
        Self::from_sources(files, dir.display().to_string(), Some(dir.to_path_buf()))
    }

    /// Load a named set; `None` is the built-in one.
    pub fn load(dir: Option<&Path>) -> Result<Templates, TemplateError> {
        match dir {
            Some(d) => Self::from_dir(d),
            None => Self::builtin(),
        }
    }

    fn from_sources(
        sources: Vec<(String, String)>,
        origin: String,
        base: Option<PathBuf>,
    ) -> Result<Templates, TemplateError> {
        let mut tera = Tera::new();
        tera.autoescape_on(Vec::<&str>::new());
        // Templates are trusted less than code: a loop is capped (Tera's own `range` allows
        // 100,000 items, and nested loops multiply), and rendering has a time limit.
        tera.register_function("range", capped_range);
        // Add one at a time so a syntax error names its own file.
        for (name, text) in &sources {
            tera.add_raw_template(name, text)
                .map_err(|e| convert(e, &display_name(&base, name), false, &base))?;
        }
        Ok(Templates {
            tera: Arc::new(tera),
            origin,
            base,
            sources,
        })
    }

    fn shown(&self, name: &str) -> String {
        display_name(&self.base, name)
    }

    /// The template for a reason and stage (or the close-the-loop note) in `lang`, from
    /// `<lang>/…` (English also from the top level). The flag is set when `lang` has none and
    /// the English one is used instead.
    pub fn pick_in(
        &self,
        lang: &str,
        reason: &str,
        stage: u32,
        close: bool,
    ) -> Result<(String, bool), TemplateError> {
        if lang != "en" {
            if let Some(n) = self.find(&format!("{lang}/"), reason, stage, close) {
                return Ok((n, false));
            }
        }
        let english = self
            .find("en/", reason, stage, close)
            .or_else(|| self.find("", reason, stage, close));
        match english {
            Some(n) => Ok((n, lang != "en")),
            None => Err(TemplateError::Missing {
                reason: reason.into(),
                stage: if close {
                    "close".into()
                } else {
                    stage.to_string()
                },
                dir: self.origin.clone(),
            }),
        }
    }

    /// The English template for a reason and stage (or the close-the-loop note).
    pub fn pick(&self, reason: &str, stage: u32, close: bool) -> Result<String, TemplateError> {
        self.pick_in("en", reason, stage, close).map(|(n, _)| n)
    }

    fn find(&self, prefix: &str, reason: &str, stage: u32, close: bool) -> Option<String> {
        let names: Vec<&str> = self.tera.get_template_names().collect();
        let mut candidates = if close {
            vec![
                format!("{prefix}{reason}/close.txt"),
                format!("{prefix}close.txt"),
            ]
        } else {
            vec![
                format!("{prefix}{reason}/{stage}.txt"),
                format!("{prefix}{reason}/default.txt"),
            ]
        };
        if !close {
            // Past the last numbered template, reuse the highest one (the value item still rotates).
            let dir = format!("{prefix}{reason}/");
            let mut numbered: Vec<u32> = names
                .iter()
                .filter_map(|n| n.strip_prefix(&dir)?.strip_suffix(".txt")?.parse().ok())
                .filter(|n| *n < stage)
                .collect();
            numbered.sort();
            if let Some(n) = numbered.last() {
                candidates.push(format!("{dir}{n}.txt"));
            }
        }
        candidates.into_iter().find(|c| names.contains(&c.as_str()))
    }

    /// Render a template with the draft context.
    pub fn render(&self, name: &str, ctx: &DraftContext) -> Result<String, TemplateError> {
        let context = Context::from_serialize(ctx).map_err(|e| TemplateError::Other {
            file: self.shown(name),
            message: e.to_string(),
        })?;
        // Rendered on a worker thread so a runaway template costs at most RENDER_LIMIT: the
        // draft is refused with the reason, and the scan goes on (the worker is abandoned).
        let (tx, rx) = std::sync::mpsc::channel();
        let (tera, owned) = (Arc::clone(&self.tera), name.to_string());
        std::thread::Builder::new()
            .name("render".into())
            .spawn(move || {
                let _ = tx.send(tera.render(&owned, &context));
            })
            .map_err(|e| TemplateError::Other {
                file: self.shown(name),
                message: format!("cannot start rendering: {e}"),
            })?;
        let out = match rx.recv_timeout(RENDER_LIMIT) {
            Ok(r) => r.map_err(|e| convert(e, &self.shown(name), true, &self.base))?,
            Err(_) => {
                return Err(TemplateError::Other {
                    file: self.shown(name),
                    message: format!(
                        "rendering took longer than {} s and was stopped; look for a loop that is too large",
                        RENDER_LIMIT.as_secs()
                    ),
                })
            }
        };
        Ok(tidy(&out))
    }

    /// Check every template: render it with a sample context and lint the result; banned
    /// phrases are reported at their line in the source.
    pub fn check(
        &self,
        lint: &Lint,
        sample: &dyn Fn(&str, &str, u32, bool) -> DraftContext,
    ) -> Vec<CheckFinding> {
        let mut out = Vec::new();
        for (name, source) in &self.sources {
            let file = self.shown(name);
            for v in lint.banned_in(source) {
                out.push(CheckFinding {
                    file: file.clone(),
                    line: v.line,
                    rule: v.rule,
                    detail: v.detail,
                });
            }
            let stem = name
                .rsplit('/')
                .next()
                .unwrap_or(name)
                .trim_end_matches(".txt");
            // `<lang>/<reason>/<stage>.txt`, `<lang>/close.txt` or the English `<reason>/…`.
            let (lang, rest) = match name.split_once('/') {
                Some((l, rest)) if crate::language::is_supported(l) => (l, rest),
                _ => ("en", name.as_str()),
            };
            let reason = rest.split_once('/').map(|(r, _)| r).unwrap_or("pricing");
            let (stage, close) = match stem.parse::<u32>() {
                Ok(n) => (n, false),
                Err(_) => (1, stem == "close"),
            };
            let ctx = sample(lang, reason, stage, close);
            match self.render(name, &ctx) {
                Err(e) => out.push(CheckFinding {
                    file: file.clone(),
                    line: None,
                    rule: "render_error".into(),
                    detail: e.to_string(),
                }),
                Ok(body) => {
                    for Violation { rule, detail, .. } in lint.check(&body, &ctx.value) {
                        if rule != "banned_phrase" {
                            out.push(CheckFinding {
                                file: file.clone(),
                                line: None,
                                rule,
                                detail,
                            });
                        }
                    }
                }
            }
        }
        out
    }

    /// Template names, sorted.
    /// The source text of a template, by name.
    pub fn source(&self, name: &str) -> Option<&str> {
        self.sources
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.as_str())
    }

    pub fn names(&self) -> Vec<String> {
        let mut n: Vec<String> = self.tera.get_template_names().map(str::to_string).collect();
        n.sort();
        n
    }
}

fn display_name(base: &Option<PathBuf>, name: &str) -> String {
    match base {
        Some(b) => b.join(name).display().to_string(),
        None => format!("templates/{name} (built-in)"),
    }
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            collect(root, &p, out)?;
        } else if p.extension().is_some_and(|x| x == "txt") {
            let rel = p
                .strip_prefix(root)
                .unwrap_or(&p)
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, std::fs::read_to_string(&p)?));
        }
    }
    Ok(())
}

/// Collapse runs of blank lines a template's conditionals leave behind; trim the ends.
fn tidy(s: &str) -> String {
    let mut out = String::new();
    let mut blank = 0;
    for line in s.trim().lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}
