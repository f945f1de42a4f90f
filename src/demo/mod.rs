//! `followup demo`: the bundled demo mailbox (a Maildir of realistic threads covering every
//! status) and its config, copied to a temporary directory so nothing of the user's is touched.

use std::path::{Path, PathBuf};

use crate::draft::templates::demo_files;

/// The instant the demo mailbox is written around: a Friday afternoon in New York.
pub const DEMO_NOW: &str = "2026-11-20T16:00:00-05:00";

/// Copy the demo mailbox and config into `dir`; returns the config path.
pub fn install(dir: &Path) -> std::io::Result<PathBuf> {
    for (rel, bytes) in demo_files() {
        let dest = dir.join(rel);
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent)?;
        }
        if rel.starts_with("state/") {
            // The state is private to the rep, as every state file followup writes.
            use std::io::Write;
            crate::state::create_private(&dest)?.write_all(bytes)?;
        } else {
            std::fs::write(&dest, bytes)?;
        }
    }
    // Empty Maildir folders are not in git: make sure every folder has cur/ new/ tmp/.
    for folder in ["mailbox", "mailbox/.Sent", "mailbox/.Drafts"] {
        for sub in ["cur", "new", "tmp"] {
            std::fs::create_dir_all(dir.join(folder).join(sub))?;
        }
    }
    Ok(dir.join("config.toml"))
}
