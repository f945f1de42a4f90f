//! `followup doctor`: is this setup ready to draft? One line per check, each failure with the
//! fix. It reads what a scan reads (config, secrets, server, folders, state directory, clock)
//! and writes nothing to the mailbox.

use std::path::Path;

use chrono::{Datelike, Utc};

use crate::config::{AccountConfig, Config};
use crate::mailbox::imap::{ImapError, ImapStore};
use crate::mailbox::maildir::Maildir;
use crate::mailbox::MailStore;

/// The outcome of one check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub name: String,
    pub ok: bool,
    /// What was found, or what is wrong and how to fix it.
    pub detail: String,
}

impl Check {
    fn ok(name: &str, detail: impl Into<String>) -> Check {
        Check {
            name: name.into(),
            ok: true,
            detail: detail.into(),
        }
    }
    fn fail(name: &str, detail: impl Into<String>) -> Check {
        Check {
            name: name.into(),
            ok: false,
            detail: detail.into(),
        }
    }
}

impl std::fmt::Display for Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mark = if self.ok { "ok  " } else { "FAIL" };
        write!(f, "{mark} {}: {}", self.name, self.detail)
    }
}

/// The checks that don't depend on an account: the clock and the state directory.
pub fn local_checks(cfg: &Config) -> Vec<Check> {
    let mut out = Vec::new();
    let now = Utc::now();
    out.push(if (2024..2100).contains(&now.year()) {
        Check::ok("clock", format!("{} UTC", now.format("%Y-%m-%d %H:%M")))
    } else {
        Check::fail(
            "clock",
            format!(
                "the system clock says {now}; due dates are computed from it: set the time (enable NTP)"
            ),
        )
    });
    out.push(state_dir(&cfg.state_dir));
    out
}

/// The state directory exists (or can be made), is writable, and is not open to other users.
fn state_dir(dir: &Path) -> Check {
    let shown = dir.display();
    if let Err(e) = std::fs::create_dir_all(dir) {
        return Check::fail(
            "state dir",
            format!("cannot create {shown} ({e}); set state.dir to a directory you own"),
        );
    }
    let probe = dir.join(format!(".doctor-{}", std::process::id()));
    if let Err(e) = crate::state::create_private(&probe) {
        return Check::fail(
            "state dir",
            format!("{shown} is not writable ({e}); check its permissions and free space"),
        );
    }
    let _ = std::fs::remove_file(&probe);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(m) = std::fs::metadata(dir) {
            if m.permissions().mode() & 0o022 != 0 {
                return Check::fail(
                    "state dir",
                    format!("{shown} is writable by other users; run `chmod go-w {shown}`"),
                );
            }
        }
        if let Ok(rd) = std::fs::read_dir(dir) {
            for e in rd.flatten() {
                let p = e.path();
                let open = p.extension().is_some_and(|x| x == "json")
                    && e.metadata()
                        .is_ok_and(|m| m.permissions().mode() & 0o077 != 0);
                if open {
                    return Check::fail(
                        "state dir",
                        format!(
                            "{} can be read by other users; run `chmod 600 {}`",
                            p.display(),
                            p.display()
                        ),
                    );
                }
            }
        }
    }
    Check::ok("state dir", format!("{shown} is writable and private"))
}

/// Check one account's mailbox: reachable, logged in, Sent and Drafts found.
pub async fn account_checks(cfg: &Config, account: &AccountConfig) -> Vec<Check> {
    let mut out = Vec::new();
    let name = |what: &str| format!("{} {what}", account.name);
    out.push(match account.identity.timezone.parse::<chrono_tz::Tz>() {
        Ok(_) => Check::ok(
            &name("identity"),
            format!(
                "{} <{}>, time zone {}",
                account.identity.name,
                account.identity.addresses.join(", "),
                account.identity.timezone
            ),
        ),
        Err(_) => Check::fail(
            &name("identity"),
            format!(
                "time zone `{}` is not an IANA name; write e.g. America/New_York",
                account.identity.timezone
            ),
        ),
    });
    if let Some(m) = &account.maildir {
        match Maildir::open(Path::new(&m.path)) {
            Err(e) => out.push(Check::fail(&name("maildir"), e.to_string())),
            Ok(mut md) => {
                out.push(Check::ok(&name("maildir"), m.path.clone()));
                out.push(folders(&mut md, account, &name("folders")).await);
            }
        }
        return out;
    }
    let Some(imap) = &account.imap else {
        out.push(Check::fail(
            &name("mailbox"),
            "no [accounts.imap] or maildir; add one (see config.example.toml)",
        ));
        return out;
    };
    let ep = crate::mailbox::imap::Endpoint::from_config(imap);
    let source = if imap.oauth2_token_command.is_some() {
        "oauth2_token_command".to_string()
    } else if imap.password_command.is_some() {
        "password_command".to_string()
    } else {
        format!(
            "password_env {}",
            imap.password_env.as_deref().unwrap_or("(unset)")
        )
    };
    let place = format!("{}:{}", ep.host, ep.port);
    match ImapStore::open(&ep, super::run::imap_cache_dir(cfg, account)).await {
        Err(ImapError::Secret(e)) => {
            out.push(Check::fail(&name("secret"), e));
        }
        Err(e @ ImapError::Connect { .. }) => {
            out.push(Check::ok(&name("secret"), format!("from {source}")));
            out.push(Check::fail(&name("connect"), e.to_string()));
        }
        Err(ImapError::Tls(e)) => {
            out.push(Check::ok(&name("secret"), format!("from {source}")));
            out.push(Check::fail(&name("tls"), e));
        }
        Err(e @ ImapError::Login { .. }) => {
            out.push(Check::ok(&name("secret"), format!("from {source}")));
            out.push(Check::ok(&name("connect"), place));
            out.push(Check::fail(&name("login"), e.to_string()));
        }
        Err(e) => out.push(Check::fail(&name("imap"), e.to_string())),
        Ok(mut store) => {
            out.push(Check::ok(&name("secret"), format!("from {source}")));
            let tls = match imap.tls.as_str() {
                "none" => "plaintext (tls = \"none\")".to_string(),
                mode => format!("TLS ({mode}), certificate verified"),
            };
            out.push(Check::ok(&name("connect"), format!("{place}, {tls}")));
            out.push(Check::ok(&name("login"), format!("as {}", imap.user)));
            out.push(folders(&mut store, account, &name("folders")).await);
            store.logout().await;
        }
    }
    out
}

/// Sent and Drafts resolve (configured, SPECIAL-USE, or by name), and Sent can be read.
async fn folders<S: MailStore>(store: &mut S, account: &AccountConfig, check: &str) -> Check {
    let f = match store.folders(&account.folders).await {
        Ok(f) => f,
        Err(e) => return Check::fail(check, e.to_string()),
    };
    match store.load(&f.sent).await {
        Ok(l) if !l.warnings.iter().any(|w| w.contains("does not exist")) => Check::ok(
            check,
            format!(
                "Sent = {} ({} messages), Drafts = {}, replies from {}",
                f.sent,
                l.mails.len(),
                f.drafts,
                f.replies.join(", ")
            ),
        ),
        Ok(_) => Check::fail(
            check,
            format!(
                "no Sent folder `{}`; set accounts.folders.sent to the folder your client saves sent mail in",
                f.sent
            ),
        ),
        Err(e) => Check::fail(check, e.to_string()),
    }
}
