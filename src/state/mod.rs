//! The durable record of drafted follow-ups, so a follow-up is never drafted twice and a draft
//! the rep deleted stays dismissed. One JSON file per account, replaced atomically
//! (write a temp file, fsync, rename, fsync the directory).

pub mod memo;
pub mod rendered;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("cannot read state file {path}: {source}. Check its permissions, or set state.dir in config")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("state file {path} is damaged ({message}). Move it aside to start afresh: drafts still in the Drafts folder are recognised by their X-Followup-Key header, but deleted ones may be drafted again")]
    Corrupt { path: String, message: String },
    #[error("another followup is already scanning this account (lock {path} is held); wait for it to finish")]
    Busy { path: String },
    #[error("cannot write state file {path}: {source}. Check free space and permissions of the state directory")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

/// One drafted follow-up.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct DraftRecord {
    pub thread: String,
    pub stage: u32,
    /// The reason the draft was written for (kept here, never in the draft itself).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub message_id: String,
    pub drafted_at: DateTime<Utc>,
    /// The template file the draft was rendered from (absent in records from older versions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Default)]
struct StateFile {
    version: u32,
    /// Keyed by the draft key (opaque; `<stage>:<thread id>` in files from before it was).
    drafts: BTreeMap<String, DraftRecord>,
}

/// The loaded state of one account.
#[derive(Debug)]
pub struct State {
    path: PathBuf,
    file: StateFile,
    dirty: bool,
}

impl State {
    /// Load the state at `path`; a missing file is an empty state.
    pub fn load(path: &Path) -> Result<State, StateError> {
        let shown = path.display().to_string();
        let file = match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| StateError::Corrupt {
                path: shown,
                message: e.to_string(),
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => StateFile {
                version: 1,
                drafts: BTreeMap::new(),
            },
            Err(source) => {
                return Err(StateError::Read {
                    path: shown,
                    source,
                })
            }
        };
        Ok(State {
            path: path.to_path_buf(),
            file,
            dirty: false,
        })
    }

    /// Load the state, or, when the file is damaged (truncated, garbage, a foreign format),
    /// start from an empty one and say so: the scan then rebuilds the records of drafts still
    /// in the Drafts folder from their `X-Followup-Key` header, so none is drafted twice. With
    /// `keep_aside`, the damaged file is renamed beside itself for inspection.
    pub fn load_or_recover(
        path: &Path,
        keep_aside: bool,
    ) -> Result<(State, Option<String>), StateError> {
        match State::load(path) {
            Ok(s) => Ok((s, None)),
            Err(StateError::Corrupt {
                path: shown,
                message,
            }) => {
                let mut note = format!(
                    "state file {shown} is damaged ({message}); rebuilt from the drafts in the Drafts folder (a draft you deleted before may be drafted again)"
                );
                if keep_aside {
                    let stamp = Utc::now().format("%Y%m%dT%H%M%S");
                    let aside = path.with_extension(format!("json.damaged-{stamp}"));
                    std::fs::rename(path, &aside).map_err(|source| StateError::Write {
                        path: shown.clone(),
                        source,
                    })?;
                    note.push_str(&format!(
                        "; the damaged file is kept as {}",
                        aside.display()
                    ));
                }
                let mut state = State {
                    path: path.to_path_buf(),
                    file: StateFile {
                        version: 1,
                        drafts: BTreeMap::new(),
                    },
                    dirty: false,
                };
                // Write the rebuilt state even when no draft is found again.
                state.dirty = keep_aside;
                Ok((state, Some(note)))
            }
            Err(e) => Err(e),
        }
    }

    /// Every record, by draft key.
    pub fn records(&self) -> impl Iterator<Item = (&String, &DraftRecord)> {
        self.file.drafts.iter()
    }

    pub fn get(&self, key: &str) -> Option<&DraftRecord> {
        self.file.drafts.get(key)
    }

    pub fn record(&mut self, key: &str, rec: DraftRecord) {
        self.file.drafts.insert(key.to_string(), rec);
        self.dirty = true;
    }

    pub fn len(&self) -> usize {
        self.file.drafts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.file.drafts.is_empty()
    }

    /// Write the state if it changed, atomically.
    pub fn save(&mut self) -> Result<(), StateError> {
        if !self.dirty {
            return Ok(());
        }
        write_atomic(
            &self.path,
            &serde_json::to_vec_pretty(&self.file).expect("state serializes"),
        )
        .map_err(|source| StateError::Write {
            path: self.path.display().to_string(),
            source,
        })?;
        self.dirty = false;
        Ok(())
    }
}

/// An exclusive lock on one account's state, held for a whole scan so two runs (a `scan`
/// beside `run`, or two cron jobs) never draft the same follow-up twice. Released on drop.
pub struct ScanLock {
    _file: std::fs::File,
}

impl ScanLock {
    pub fn acquire(path: &Path) -> Result<ScanLock, StateError> {
        let shown = path.display().to_string();
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| StateError::Write {
                path: shown.clone(),
                source,
            })?;
        }
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(|source| StateError::Write {
                path: shown.clone(),
                source,
            })?;
        match file.try_lock() {
            Ok(()) => Ok(ScanLock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => Err(StateError::Busy { path: shown }),
            Err(std::fs::TryLockError::Error(source)) => Err(StateError::Write {
                path: shown,
                source,
            }),
        }
    }
}

/// Create a file only its owner can read: drafts, state and caches hold mail content.
pub fn create_private(path: &Path) -> std::io::Result<std::fs::File> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path)
}

/// Replace `path` with `data` so a crash leaves either the old or the new file, never a mix.
pub fn write_atomic(path: &Path, data: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, |w| w.write_all(data))
}

/// [`write_atomic`] with the content written by `fill` through a buffer, so a large file is
/// never held in memory whole.
/// Write `value` as JSON to `path`, atomically and private to the user (see
/// [`write_atomic_with`]): the caches hold subjects, addresses and drafts.
pub fn write_json_atomic<T: serde::Serialize>(path: &Path, value: &T) -> std::io::Result<()> {
    write_atomic_with(path, |w| {
        serde_json::to_writer(w, value).map_err(std::io::Error::other)
    })
}

pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(
        ".{}.tmp.{}",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("state"),
        std::process::id()
    ));
    let written = (|| {
        let mut w = std::io::BufWriter::with_capacity(256 * 1024, create_private(&tmp)?);
        fill(&mut w)?;
        let f = w.into_inner().map_err(|e| e.into_error())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = written {
        // A full disk or a read-only directory: the old file stays whole, no temp file stays.
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_round_trips_and_survives_reload() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("acct.json");
        let mut s = State::load(&p).unwrap();
        assert!(s.is_empty());
        s.record(
            "1:a@x",
            DraftRecord {
                thread: "a@x".into(),
                stage: 1,
                reason: Some("pricing".into()),
                message_id: "m@x".into(),
                drafted_at: Utc::now(),
                template: Some("pricing/1.txt".into()),
            },
        );
        s.save().unwrap();
        let s2 = State::load(&p).unwrap();
        assert_eq!(s2.get("1:a@x").unwrap().stage, 1);
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp file left behind"
        );
    }

    #[test]
    fn a_second_scan_of_the_same_account_is_refused_while_the_first_runs() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("acct.lock");
        let first = ScanLock::acquire(&p).unwrap();
        assert!(matches!(
            ScanLock::acquire(&p),
            Err(StateError::Busy { .. })
        ));
        drop(first);
        ScanLock::acquire(&p).unwrap();
    }

    #[test]
    fn damaged_state_is_an_error_that_says_what_to_do() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("acct.json");
        std::fs::write(&p, b"{not json").unwrap();
        let e = State::load(&p).unwrap_err().to_string();
        assert!(e.contains("Move it aside"), "{e}");
    }
}
