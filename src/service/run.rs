//! `followup run`: the long-running watcher. Per account: scan, then sleep until something
//! changes (IDLE on INBOX and Sent, re-issued before the 29-minute limit), the poll interval
//! passes, or the next thread falls due; reconnect with backoff after errors; stop cleanly on
//! SIGINT/SIGTERM. Accounts run side by side and one failing never stops the others.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use chrono::Utc;
use futures_util::future::{select, Either};
use tokio::sync::watch;

use super::{scan, ScanOptions, ScanReport};
use crate::config::{AccountConfig, Config};
use crate::draft::Templates;
use crate::mailbox::imap::{connect, Endpoint, ImapError, ImapStore};
use crate::mailbox::maildir::Maildir;
use crate::policy::Status;

/// Longest IDLE before it is re-issued (servers drop IDLE after 30 minutes).
pub const IDLE_MAX: Duration = Duration::from_secs(25 * 60);
const BACKOFF_MAX: Duration = Duration::from_secs(300);

/// What ended a wait.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wake {
    /// New data in this folder (IDLE).
    Folder(String),
    /// The poll interval or the next due time.
    Clock,
    Stop,
}

/// The header cache directory of an IMAP account.
pub fn imap_cache_dir(cfg: &Config, account: &AccountConfig) -> std::path::PathBuf {
    match account.imap.as_ref().and_then(|i| i.cache_dir.as_deref()) {
        Some(d) => crate::config::expand_home(d).join(&account.name),
        None => cfg.state_dir.join("imap-cache").join(&account.name),
    }
}

/// Scan one account once, with either backend.
pub async fn scan_once(
    cfg: &Config,
    account: &AccountConfig,
    templates: &Templates,
    opts: &ScanOptions<'_>,
) -> anyhow::Result<ScanReport> {
    use anyhow::Context;
    if let Some(m) = &account.maildir {
        let mut store = Maildir::open(Path::new(&m.path))
            .with_context(|| format!("account {}", account.name))?;
        return Ok(scan(&mut store, cfg, account, templates, opts).await?);
    }
    let imap = account
        .imap
        .as_ref()
        .ok_or_else(|| anyhow::anyhow!("account {}: no mailbox configured", account.name))?;
    let ep = Endpoint::from_config(imap);
    let mut store = ImapStore::open(&ep, imap_cache_dir(cfg, account))
        .await
        .with_context(|| format!("account {}", account.name))?;
    let report = scan(&mut store, cfg, account, templates, opts).await;
    store.logout().await;
    Ok(report?)
}

/// IDLE on one folder until it reports new data or `dur` passes. `Ok(None)` when the server
/// has no IDLE (the caller then relies on the clock).
async fn idle_once(
    ep: &Endpoint,
    folder: &str,
    dur: Duration,
) -> Result<Option<String>, ImapError> {
    // IDLE is silence by design: the stall limit covers the whole wait, plus the usual margin.
    let mut ep = ep.clone();
    ep.timeout += dur;
    let (mut session, _) = connect(&ep).await?;
    let caps = session
        .capabilities()
        .await
        .map_err(|e| ImapError::protocol("CAPABILITY", e))?;
    if !caps.has_str("IDLE") {
        let _ = session.logout().await;
        return Ok(None);
    }
    session
        .examine(folder)
        .await
        .map_err(|e| ImapError::Folder {
            folder: folder.to_string(),
            message: crate::mailbox::imap::concise(&e),
        })?;
    let mut idle = session.idle();
    idle.init()
        .await
        .map_err(|e| ImapError::protocol("IDLE", e))?;
    let (fut, _stop) = idle.wait_with_timeout(dur);
    let res = fut.await.map_err(|e| ImapError::protocol("IDLE", e))?;
    let woke = matches!(res, async_imap::extensions::idle::IdleResponse::NewData(_));
    if let Ok(mut s) = idle.done().await {
        let _ = s.logout().await;
    }
    Ok(woke.then(|| folder.to_string()))
}

/// Wait on IDLE for the given folders (each on its own connection), the clock, or a stop.
async fn wait(
    ep: Option<&Endpoint>,
    folders: &[String],
    dur: Duration,
    stop: &mut watch::Receiver<bool>,
) -> Wake {
    let sleep = Box::pin(tokio::time::sleep(dur));
    let stopped = Box::pin(async {
        while !*stop.borrow() {
            if stop.changed().await.is_err() {
                std::future::pending::<()>().await;
            }
        }
    });
    let idles = Box::pin(async {
        let Some(ep) = ep else {
            return std::future::pending::<Wake>().await;
        };
        let watchers = folders.iter().map(|f| {
            Box::pin(async move {
                loop {
                    match idle_once(ep, f, dur.min(IDLE_MAX)).await {
                        Ok(Some(folder)) => return Wake::Folder(folder),
                        Ok(None) => std::future::pending::<()>().await,
                        Err(e) => {
                            tracing::warn!(folder = %f, error = %e, "IDLE failed; relying on the clock");
                            std::future::pending::<()>().await;
                        }
                    }
                }
            })
        });
        futures_util::future::select_all(watchers).await.0
    });
    match select(stopped, select(idles, sleep)).await {
        Either::Left(_) => Wake::Stop,
        Either::Right((Either::Left((w, _)), _)) => w,
        Either::Right((Either::Right(_), _)) => Wake::Clock,
    }
}

/// The config and templates a running service works with, reloaded when their files change:
/// an edit takes effect at the next scan, and an edit that breaks them is logged while the last
/// good version stays in use.
pub struct Live {
    config_path: PathBuf,
    state: Mutex<LiveState>,
}

struct LiveState {
    cfg: Arc<Config>,
    templates: Arc<Templates>,
    stamp: Vec<(PathBuf, Option<SystemTime>)>,
}

/// Modification times of the config file and of every file under the templates directory.
fn stamp(config_path: &Path, templates_dir: Option<&Path>) -> Vec<(PathBuf, Option<SystemTime>)> {
    fn mtime(p: &Path) -> Option<SystemTime> {
        std::fs::metadata(p).and_then(|m| m.modified()).ok()
    }
    fn walk(d: &Path, out: &mut Vec<(PathBuf, Option<SystemTime>)>) {
        let Ok(rd) = std::fs::read_dir(d) else { return };
        let mut entries: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else {
                let t = mtime(&p);
                out.push((p, t));
            }
        }
    }
    let mut out = vec![(config_path.to_path_buf(), mtime(config_path))];
    if let Some(d) = templates_dir {
        walk(d, &mut out);
    }
    out
}

impl Live {
    pub fn new(config_path: PathBuf, cfg: Config, templates: Templates) -> Live {
        let stamp = stamp(&config_path, cfg.templates_dir.as_deref());
        Live {
            config_path,
            state: Mutex::new(LiveState {
                cfg: Arc::new(cfg),
                templates: Arc::new(templates),
                stamp,
            }),
        }
    }

    /// The config and templates for the next scan, reloaded first if a file changed.
    pub fn current(&self) -> (Arc<Config>, Arc<Templates>) {
        let mut st = self.state.lock().expect("live config lock");
        let now = stamp(&self.config_path, st.cfg.templates_dir.as_deref());
        if now != st.stamp {
            // Remembered even when the edit is broken: it is reported once, not every scan.
            st.stamp = now;
            let loaded = Config::load(&self.config_path)
                .map_err(|e| e.to_string())
                .and_then(|cfg| {
                    let t =
                        Templates::load(cfg.templates_dir.as_deref()).map_err(|e| e.to_string())?;
                    // A template that parses can still fail to render or be refused by the lint:
                    // the same check as `templates check` decides whether the edit is taken.
                    match super::template_findings(&cfg, &t).first() {
                        Some(problem) => Err(problem.clone()),
                        None => Ok((cfg, t)),
                    }
                });
            match loaded {
                Ok((cfg, templates)) => {
                    tracing::info!(config = %self.config_path.display(), "config and templates reloaded");
                    st.stamp = stamp(&self.config_path, cfg.templates_dir.as_deref());
                    st.cfg = Arc::new(cfg);
                    st.templates = Arc::new(templates);
                }
                Err(e) => tracing::warn!(
                    "{e}; keeping the last good config and templates until this is fixed"
                ),
            }
        }
        (Arc::clone(&st.cfg), Arc::clone(&st.templates))
    }
}

/// Watch one account until `stop` turns true.
pub async fn run_account(live: &Live, name: &str, mut stop: watch::Receiver<bool>) {
    let mut backoff = Duration::from_secs(1);
    // One outage (server down, network gone) is logged once when it starts and once when it
    // ends, not at every retry.
    let mut outage: Option<(std::time::Instant, u32)> = None;
    loop {
        if *stop.borrow() {
            break;
        }
        let (cfg, templates) = live.current();
        let (cfg, templates) = (cfg.as_ref(), templates.as_ref());
        let Some(account) = cfg.accounts.iter().find(|a| a.name == name) else {
            tracing::warn!(account = %name, "no longer in the config; stopping its watcher");
            break;
        };
        let poll = Duration::from_secs(
            account
                .imap
                .as_ref()
                .map(|i| i.poll_seconds)
                .or(account.maildir.as_ref().map(|m| m.poll_seconds))
                .unwrap_or(300)
                .max(5),
        );
        let now = Utc::now();
        let opts = ScanOptions {
            now,
            dry_run: false,
            only_thread: None,
            keep_drafts: false,
            sent_followups: false,
            show_drafted: false,
        };
        match scan_once(cfg, account, templates, &opts).await {
            Ok(report) => {
                backoff = Duration::from_secs(1);
                if let Some((since, failures)) = outage.take() {
                    tracing::info!(
                        account = %account.name,
                        failed_attempts = failures,
                        outage_s = since.elapsed().as_secs(),
                        "scanning again after an outage"
                    );
                }
                let count = |s: Status| report.threads.iter().filter(|t| t.status == s).count();
                tracing::info!(
                    account = %account.name,
                    threads = report.threads.len(),
                    drafted_now = report.drafts_written,
                    waiting = count(Status::Waiting),
                    needs_reason = count(Status::NeedsReason),
                    "scan finished"
                );
                for w in &report.warnings {
                    tracing::warn!(account = %account.name, "{w}");
                }
                // Wake for the next thread that falls due, or after the poll interval.
                let next_due = report
                    .threads
                    .iter()
                    .filter(|t| t.status == Status::Waiting)
                    .filter_map(|t| t.due_at)
                    .filter(|d| *d > now)
                    .min();
                let mut dur = poll;
                if let Some(d) = next_due {
                    dur = dur
                        .min((d - now).to_std().unwrap_or(Duration::ZERO) + Duration::from_secs(1));
                }
                let ep = account.imap.as_ref().map(Endpoint::from_config);
                let sent = report
                    .folders
                    .as_ref()
                    .map(|f| f.sent.clone())
                    .unwrap_or_else(|| "Sent".into());
                let folders = ["INBOX".to_string(), sent];
                match wait(ep.as_ref(), &folders, dur, &mut stop).await {
                    Wake::Stop => break,
                    Wake::Folder(f) => {
                        tracing::info!(account = %account.name, by = %f, "woken by new mail")
                    }
                    Wake::Clock => tracing::debug!(account = %account.name, "woken by the clock"),
                }
            }
            Err(e) => {
                match &mut outage {
                    None => {
                        tracing::error!(account = %account.name, error = %format!("{e:#}"), retry_in_s = backoff.as_secs(), "scan failed; retrying with backoff (up to 5 min apart), logged again when it recovers");
                        outage = Some((std::time::Instant::now(), 1));
                    }
                    Some((_, failures)) => {
                        *failures += 1;
                        tracing::debug!(account = %account.name, error = %format!("{e:#}"), retry_in_s = backoff.as_secs(), "scan failed again");
                    }
                }
                if let Wake::Stop = wait(None, &[], backoff, &mut stop).await {
                    break;
                }
                backoff = (backoff * 2).min(BACKOFF_MAX);
            }
        }
    }
    tracing::info!(account = %name, "stopped");
}

/// Run every account until SIGINT or SIGTERM.
pub async fn run_all(live: &Live) {
    let (cfg, _) = live.current();
    let (tx, rx) = watch::channel(false);
    // Installed before the first scan: a SIGTERM that arrives while it runs is still a clean stop.
    #[cfg(unix)]
    let (mut term, mut int) = {
        use tokio::signal::unix::{signal, SignalKind};
        (
            signal(SignalKind::terminate()).expect("SIGTERM handler"),
            signal(SignalKind::interrupt()).expect("SIGINT handler"),
        )
    };
    let signals = async move {
        #[cfg(unix)]
        {
            tokio::select! {
                _ = int.recv() => {},
                _ = term.recv() => {},
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
        }
        tracing::info!("stopping");
        let _ = tx.send(true);
    };
    let accounts = futures_util::future::join_all(
        cfg.accounts
            .iter()
            .map(|a| run_account(live, &a.name, rx.clone())),
    );
    let signals = tokio::spawn(signals);
    accounts.await;
    signals.abort();
}
