//! The `followup` command line. Exit codes: 0 success, 1 a mailbox/state/runtime failure,
//! 2 a usage or config error, 3 templates that fail `templates check` (or a broken template).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{anyhow, Result};
use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand, ValueEnum};

use followup::config::{self, AccountConfig, Config};
use followup::draft::Templates;
use followup::policy::Status;
use followup::service::{self, ScanOptions, ScanReport};
use followup::{demo, report};

#[derive(Parser)]
#[command(
    name = "followup",
    version,
    about = "Drafts reasoned, value-bearing follow-ups for prospect threads that went quiet.",
    after_help = "Examples:\n  followup demo                          try it on the bundled demo mailbox\n  followup init                          set up your mailbox (asks what it needs)\n  followup doctor                        check the setup, one line per check\n  followup scan --dry-run                what it would draft, and why\n  followup scan                          write the due drafts into Drafts\n  followup preview <thread> --annotate   one draft, each value marked by its variable\n  followup report --out report.html      what's quiet and what works\n\nExit codes: 0 ok, 1 mailbox/state/runtime failure, 2 usage or config error, 3 template problem."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Table,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ReportFormat {
    Html,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum LogFormat {
    Human,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Decide every thread and write the due drafts into Drafts.
    Scan {
        #[arg(long)]
        config: Option<PathBuf>,
        /// The clock, as RFC 3339 (default: now).
        #[arg(long)]
        now: Option<String>,
        /// Decide and render, but write nothing.
        #[arg(long)]
        dry_run: bool,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
        /// Only this account.
        #[arg(long)]
        account: Option<String>,
    },
    /// Render the draft one thread gets (or, without a thread, every draft a scan would write
    /// now) to stdout, writing nothing.
    Preview {
        /// Message-ID of the thread's first message (as in `scan`'s `thread` field).
        thread: Option<String>,
        #[arg(long)]
        config: Option<PathBuf>,
        #[arg(long)]
        now: Option<String>,
        #[arg(long)]
        account: Option<String>,
        /// Print the exact RFC 5322 message (encoded) instead of a readable view.
        #[arg(long)]
        raw: bool,
        /// Mark which words come from which template variable (`«value»{variable}`); the rest
        /// is the template's own text.
        #[arg(long, conflicts_with = "raw")]
        annotate: bool,
        /// After the draft, list every template variable with the value it had.
        #[arg(long, conflicts_with = "raw")]
        vars: bool,
    },
    /// Explain one thread's reason: the sentence that decided, the scores, the source.
    Explain {
        /// Message-ID of the thread's first message (as in `scan`'s `thread` field).
        thread: String,
        #[arg(long)]
        config: Option<PathBuf>,
        #[arg(long)]
        now: Option<String>,
        #[arg(long)]
        account: Option<String>,
    },
    /// Set up in two minutes: suggest the server for your address, test the login, find Sent
    /// and Drafts, and write a commented config.toml plus a copy of the templates to edit.
    /// Asks for what is missing on a terminal; give every answer as a flag for scripts:
    ///
    ///   followup init --email alex@acme.io --name "Alex Morgan" --password-command "pass show mail"
    ///   followup init --email alex@acme.io --name "Alex Morgan" --maildir ~/Maildir
    Init {
        /// The address you send from.
        #[arg(long)]
        email: Option<String>,
        /// Your name as it signs the drafts.
        #[arg(long)]
        name: Option<String>,
        /// Name of the account in the config (default: the address's domain).
        #[arg(long)]
        account: Option<String>,
        /// IMAP server (default: suggested from the address).
        #[arg(long)]
        host: Option<String>,
        #[arg(long)]
        port: Option<u16>,
        /// implicit, starttls or none (none: loopback only).
        #[arg(long)]
        tls: Option<String>,
        /// Login name (default: the address).
        #[arg(long)]
        user: Option<String>,
        /// A command that prints the password (e.g. `pass show mail/work`, `secret-tool lookup
        /// …`, `security find-generic-password -w …` for the OS keyring).
        #[arg(long)]
        password_command: Option<String>,
        /// An environment variable that holds the password.
        #[arg(long)]
        password_env: Option<String>,
        /// A command that prints an OAuth2 access token (Gmail, Microsoft 365).
        #[arg(long)]
        oauth2_token_command: Option<String>,
        /// A local Maildir instead of an IMAP server.
        #[arg(long, conflicts_with_all = ["host", "port", "tls", "user", "password_command", "password_env", "oauth2_token_command"])]
        maildir: Option<PathBuf>,
        /// IANA time zone (default: the system's).
        #[arg(long)]
        timezone: Option<String>,
        /// Where to write the config (default: ~/.config/followup/config.toml).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Don't copy the default templates next to the config.
        #[arg(long)]
        no_templates: bool,
        /// Write the config without testing the login.
        #[arg(long)]
        no_test: bool,
        /// Replace an existing config.
        #[arg(long)]
        force: bool,
    },
    /// Check the setup: config, templates, state directory, clock, and for each account the
    /// secret, the server (TLS, login) and the folders. One line per check, with the fix.
    Doctor {
        #[arg(long)]
        config: Option<PathBuf>,
        /// Only this account.
        #[arg(long)]
        account: Option<String>,
    },
    /// Check templates: Tera syntax, banned phrases, and that each brings the value item.
    Templates {
        #[command(subcommand)]
        action: TemplatesCmd,
    },
    /// Watch the mailboxes and draft follow-ups as threads fall due (until SIGINT/SIGTERM).
    Run {
        #[arg(long)]
        config: Option<PathBuf>,
        /// Log format on stderr.
        #[arg(long, value_enum, default_value = "human")]
        log_format: LogFormat,
    },
    /// What's quiet and what works: the pipeline, reply rates of the follow-ups you sent from
    /// these drafts (by reason, stage and template), and what needs attention. One HTML page
    /// with its charts inline (opens anywhere, fetches nothing), or JSON.
    Report {
        #[arg(long)]
        config: Option<PathBuf>,
        #[arg(long)]
        now: Option<String>,
        /// Only follow-ups sent on or after this day (YYYY-MM-DD).
        #[arg(long)]
        since: Option<String>,
        /// Where to write the HTML page.
        #[arg(long, default_value = "report.html")]
        out: PathBuf,
        /// `json` prints the same figures to stdout instead.
        #[arg(long, value_enum, default_value = "html")]
        format: ReportFormat,
        #[arg(long)]
        account: Option<String>,
    },
    /// Print a shell completion script: `followup completions bash > ~/.local/share/bash-completion/completions/followup`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): `followup man > ~/.local/share/man/man1/followup.1`.
    Man,
    /// Run a scan on the bundled demo mailbox in a temporary directory.
    Demo {
        #[arg(long)]
        now: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
        /// Keep the demo here instead of a fresh temporary directory.
        #[arg(long)]
        dir: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum TemplatesCmd {
    /// Which file serves each reason and stage, in each language.
    List {
        #[arg(long)]
        config: Option<PathBuf>,
        /// A template directory (default: the config's, or the built-in set).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Only this language (en, de, fr, es, it, nl, pt, sv).
        #[arg(long)]
        lang: Option<String>,
    },
    /// Scaffold a new reason: its templates (stages 1–2 and the close-the-loop note, started
    /// from a built-in reason's) in the templates directory, and the config stanza to add.
    New {
        /// The new reason's name (letters, digits, `_`).
        reason: String,
        #[arg(long)]
        config: Option<PathBuf>,
        /// The templates directory (default: the config's `templates.dir`).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// The built-in reason whose templates to start from.
        #[arg(long, default_value = "information")]
        like: String,
    },
    /// Render every template in every language and address form, and lint the result.
    Check {
        #[arg(long)]
        config: Option<PathBuf>,
        /// A template directory to check (default: the config's, or the built-in set).
        #[arg(long)]
        dir: Option<PathBuf>,
    },
}

/// An error with the exit code it maps to.
struct Failure {
    code: u8,
    err: anyhow::Error,
}

fn usage(err: anyhow::Error) -> Failure {
    Failure { code: 2, err }
}
fn runtime(err: anyhow::Error) -> Failure {
    Failure { code: 1, err }
}

fn parse_now(now: Option<&str>) -> Result<DateTime<Utc>, Failure> {
    match now {
        None => Ok(Utc::now()),
        Some(s) => DateTime::parse_from_rfc3339(s)
            .map(|d| d.with_timezone(&Utc))
            .map_err(|e| usage(anyhow!("--now `{s}` is not an RFC 3339 time ({e}); write e.g. 2026-11-20T16:00:00-05:00"))),
    }
}

fn load_config(path: Option<&Path>) -> Result<Config, Failure> {
    let p = path
        .map(Path::to_path_buf)
        .unwrap_or_else(config::default_path);
    Config::load(&p).map_err(|e| usage(e.into()))
}

/// A dry-run scan of each account (or the one named), for `preview` and `report`.
async fn dry_scans(
    config: Option<&Path>,
    now: DateTime<Utc>,
    account: Option<&str>,
    keep_drafts: bool,
    sent_followups: bool,
) -> Result<Vec<ScanReport>, Failure> {
    let cfg = load_config(config)?;
    let templates = load_templates(&cfg)?;
    let opts = ScanOptions {
        now,
        dry_run: true,
        only_thread: None,
        keep_drafts,
        sent_followups,
        show_drafted: true,
    };
    let mut out = Vec::new();
    for a in accounts(&cfg, account)? {
        out.push(
            service::run::scan_once(&cfg, a, &templates, &opts)
                .await
                .map_err(runtime)?,
        );
    }
    Ok(out)
}

/// How many accounts `scan` reads at the same time.
const SCAN_ACCOUNTS_AT_ONCE: usize = 4;

/// How `preview` shows a draft.
#[derive(Clone, Copy)]
struct Show {
    raw: bool,
    annotate: bool,
    vars: bool,
}

/// One draft as `preview` shows it, with notes for the rep on stderr (why this language, this
/// reason, and a refusal by the lint with the rules that fired).
fn print_draft(t: &service::ThreadReport, d: &service::DraftReport, show: Show) {
    if t.status == Status::Rejected {
        eprintln!(
            "note: this draft is refused and will not be written ({}); fix the template or the text it quotes",
            t.rejected_by.join("; ")
        );
    } else if t.status != Status::Due {
        eprintln!(
            "note: this thread is `{}`{}; the draft below is what it would get",
            t.status.as_str(),
            t.due_at
                .map(|d| format!(", due {}", d.to_rfc3339()))
                .unwrap_or_default()
        );
    }
    if show.raw {
        print!("{}", String::from_utf8_lossy(&d.raw).replace("\r\n", "\n"));
        return;
    }
    println!("From: {}\nTo: {}", d.from, d.to.join(", "));
    if !d.cc.is_empty() {
        println!("Cc: {}", d.cc.join(", "));
    }
    println!(
        "Subject: {}\nIn-Reply-To: <{}>\nReferences: {}\n\n{}",
        d.subject,
        d.in_reply_to,
        d.references
            .iter()
            .map(|r| format!("<{r}>"))
            .collect::<Vec<_>>()
            .join(" "),
        if show.annotate {
            followup::draft::annotate::annotate_draft(&d.body, &d.vars)
        } else {
            d.body.clone()
        }
    );
    if show.vars {
        println!("\n--- template variables ---");
        for (name, value) in &d.vars {
            println!("{name} = {}", value.replace('\n', "\\n"));
        }
    }
    // For the rep only: none of this is in the draft.
    eprintln!(
        "note: language {} ({}): {}",
        d.language,
        if d.formal { "formal" } else { "informal" },
        d.language_why
    );
    // A promise the draft only recalls: what was promised is the rep's to attach.
    let var = |k: &str| d.vars.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    // The same test as the scan's "you promised" note: not an offer that waits on the
    // prospect, not sending held until an event.
    if var("commitment.kind") == Some("promised")
        && var("commitment.text").is_some_and(followup::draft::commitment::owed)
    {
        eprintln!(
            "note: you promised {} on {} (\"{}\"); the draft recalls the promise but does not contain it: attach or paste it before you send",
            var("commitment.what").unwrap_or("something"),
            var("commitment.when").unwrap_or("an earlier day"),
            var("commitment.text").unwrap_or("")
        );
    }
    eprintln!(
        "note: reason `{}` ({}), stage {}{}",
        t.reason.as_deref().unwrap_or(""),
        t.reason_source.map(|s| s.as_str()).unwrap_or(""),
        t.stage.unwrap_or(0),
        t.learned_from
            .as_ref()
            .map(|m| format!("; learned from your tag on <{m}>, a message worded like this one"))
            .unwrap_or_default()
    );
}

/// A value from its flag, else asked on a terminal (with a default), else an error naming
/// the flag.
fn ask(
    given: Option<String>,
    flag: &str,
    question: &str,
    default: Option<&str>,
) -> Result<String, Failure> {
    use std::io::{BufRead, IsTerminal, Write};
    if let Some(v) = given {
        return Ok(v);
    }
    if !std::io::stdin().is_terminal() {
        return match default {
            Some(d) if !d.is_empty() => Ok(d.to_string()),
            _ => Err(usage(anyhow!(
                "missing {flag} (or run init in a terminal to be asked)"
            ))),
        };
    }
    loop {
        match default {
            Some(d) => eprint!("{question} [{d}]: "),
            None => eprint!("{question}: "),
        }
        let _ = std::io::stderr().flush();
        let mut line = String::new();
        if std::io::stdin().lock().read_line(&mut line).unwrap_or(0) == 0 {
            return Err(usage(anyhow!("missing {flag}")));
        }
        let line = line.trim();
        match (line.is_empty(), default) {
            (false, _) => return Ok(line.to_string()),
            (true, Some(d)) if !d.is_empty() => return Ok(d.to_string()),
            _ => continue,
        }
    }
}

/// The system's IANA time zone (TZ, /etc/timezone, the /etc/localtime link), else UTC.
fn system_timezone() -> String {
    let valid = |z: &str| z.parse::<chrono_tz::Tz>().is_ok().then(|| z.to_string());
    std::env::var("TZ")
        .ok()
        .and_then(|z| valid(z.trim_start_matches(':')))
        .or_else(|| {
            std::fs::read_to_string("/etc/timezone")
                .ok()
                .and_then(|z| valid(z.trim()))
        })
        .or_else(|| {
            let link = std::fs::read_link("/etc/localtime").ok()?;
            let s = link.to_string_lossy().into_owned();
            valid(s.split("zoneinfo/").nth(1)?)
        })
        .unwrap_or_else(|| "UTC".into())
}

/// The template set the `templates` commands work on: `--dir`, else the config's, else the
/// built-in set; the config too when there is one (a `--dir` alone needs none).
fn templates_for(
    config: Option<&Path>,
    dir: Option<PathBuf>,
) -> Result<(Option<Config>, Templates), Failure> {
    let cfg = match (config, &dir) {
        (None, Some(_)) => None,
        (None, None) if !config::default_path().exists() => None,
        _ => Some(load_config(config)?),
    };
    let dir = dir.or_else(|| cfg.as_ref().and_then(|c| c.templates_dir.clone()));
    let templates = Templates::load(dir.as_deref()).map_err(|e| Failure {
        code: 3,
        err: e.into(),
    })?;
    Ok((cfg, templates))
}

fn load_templates(cfg: &Config) -> Result<Templates, Failure> {
    Templates::load(cfg.templates_dir.as_deref()).map_err(|e| Failure {
        code: 3,
        err: e.into(),
    })
}

fn accounts<'a>(cfg: &'a Config, only: Option<&str>) -> Result<Vec<&'a AccountConfig>, Failure> {
    let list: Vec<&AccountConfig> = cfg
        .accounts
        .iter()
        .filter(|a| only.is_none_or(|o| o == a.name))
        .collect();
    if list.is_empty() {
        return Err(usage(anyhow!(
            "no account named `{}` in the config; the accounts are: {}",
            only.unwrap_or(""),
            cfg.accounts
                .iter()
                .map(|a| a.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    Ok(list)
}

fn print_report(reports: &[ScanReport], cfg: &Config, format: Format) {
    match format {
        Format::Json => {
            // Line by line: a 100,000-message mailbox has tens of thousands of threads.
            use std::io::Write;
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for t in reports.iter().flat_map(|r| r.threads.iter()) {
                let _ = serde_json::to_writer(&mut out, t);
                let _ = out.write_all(b"\n");
            }
            let _ = out.flush();
        }
        Format::Table => {
            let all: Vec<_> = reports
                .iter()
                .flat_map(|r| r.threads.iter().cloned())
                .collect();
            let tz = cfg
                .accounts
                .first()
                .and_then(|a| a.identity.timezone.parse().ok())
                .unwrap_or(chrono_tz::UTC);
            print!("{}", report::table(&all, tz));
        }
    }
    for r in reports {
        for w in &r.warnings {
            eprintln!("warning: {w}");
        }
    }
    let written: usize = reports.iter().map(|r| r.drafts_written).sum();
    let read: usize = reports.iter().map(|r| r.messages_read).sum();
    let warnings: usize = reports.iter().map(|r| r.warnings.len()).sum();
    let mut by_status: Vec<(Status, usize)> = Vec::new();
    let all: Vec<&followup::service::ThreadReport> =
        reports.iter().flat_map(|r| r.threads.iter()).collect();
    for t in &all {
        match by_status.iter_mut().find(|(s, _)| *s == t.status) {
            Some((_, n)) => *n += 1,
            None => by_status.push((t.status, 1)),
        }
    }
    by_status.sort_by_key(|(s, _)| s.rank());
    let summary = by_status
        .iter()
        .map(|(s, n)| format!("{n} {}", s.as_str()))
        .collect::<Vec<_>>()
        .join(", ");
    eprintln!(
        "{} threads from {read} messages ({summary}); {written} drafts written; {warnings} warnings",
        all.len()
    );
}

/// Decide one thread without writing anything (for `preview` and `explain`): its report, or a
/// usage error naming how to find thread ids.
async fn one_thread(
    config: Option<&Path>,
    now: Option<&str>,
    account: Option<&str>,
    thread: &str,
) -> Result<service::ThreadReport, Failure> {
    let now = parse_now(now)?;
    let cfg = load_config(config)?;
    let templates = load_templates(&cfg)?;
    let id = followup::message::clean_id(thread);
    let opts = ScanOptions {
        now,
        dry_run: true,
        only_thread: Some(&id),
        keep_drafts: false,
        sent_followups: false,
        show_drafted: true,
    };
    for a in accounts(&cfg, account)? {
        let r = service::run::scan_once(&cfg, a, &templates, &opts)
            .await
            .map_err(runtime)?;
        if let Some(t) = r.threads.into_iter().next() {
            return Ok(t);
        }
    }
    Err(usage(anyhow!(
        "no thread <{id}> found; `followup scan --format json` lists thread ids"
    )))
}

async fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Scan {
            config,
            now,
            dry_run,
            format,
            account,
        } => {
            let now = parse_now(now.as_deref())?;
            let cfg = load_config(config.as_deref())?;
            let templates = load_templates(&cfg)?;
            let opts = ScanOptions {
                now,
                dry_run,
                only_thread: None,
                keep_drafts: false,
                sent_followups: false,
                show_drafted: true,
            };
            // Accounts side by side (a few at a time, to bound memory): a slow or failing
            // server holds up only its own account. Results stay in config order.
            use futures_util::StreamExt;
            let results: Vec<_> = futures_util::stream::iter(accounts(&cfg, account.as_deref())?)
                .map(|a| service::run::scan_once(&cfg, a, &templates, &opts))
                .buffered(SCAN_ACCOUNTS_AT_ONCE)
                .collect()
                .await;
            let mut reports = Vec::new();
            let mut failed = Vec::new();
            for r in results {
                match r {
                    Ok(r) => reports.push(r),
                    Err(e) => failed.push(e),
                }
            }
            print_report(&reports, &cfg, format);
            if let Some(e) = failed.into_iter().next() {
                return Err(runtime(e));
            }
            Ok(())
        }
        Command::Preview {
            thread,
            config,
            now,
            account,
            raw,
            annotate,
            vars,
        } => {
            let show = Show {
                raw,
                annotate,
                vars,
            };
            let Some(thread) = thread else {
                // Every draft a scan would write now, one after the other.
                let now = parse_now(now.as_deref())?;
                let mut shown = 0;
                for r in dry_scans(config.as_deref(), now, account.as_deref(), true, false).await? {
                    for t in r
                        .threads
                        .iter()
                        .filter(|t| matches!(t.status, Status::Due | Status::Rejected))
                    {
                        let Some(d) = &t.draft else { continue };
                        println!(
                            "=== <{}> {} ({}, stage {}) ===",
                            t.thread,
                            t.subject,
                            t.reason.as_deref().unwrap_or(""),
                            t.stage.unwrap_or(0)
                        );
                        print_draft(t, d, show);
                        println!();
                        shown += 1;
                    }
                }
                eprintln!("{shown} drafts a scan would write now (nothing written)");
                return Ok(());
            };
            let t = one_thread(
                config.as_deref(),
                now.as_deref(),
                account.as_deref(),
                &thread,
            )
            .await?;
            match &t.draft {
                Some(d) => {
                    print_draft(&t, d, show);
                    Ok(())
                }
                None => Err(runtime(anyhow!(
                    "thread <{}> is `{}`{}: nothing to draft now",
                    t.thread,
                    t.status.as_str(),
                    t.note
                        .as_deref()
                        .map(|n| format!(" ({n})"))
                        .unwrap_or_default()
                ))),
            }
        }
        Command::Explain {
            thread,
            config,
            now,
            account,
        } => {
            let t = one_thread(
                config.as_deref(),
                now.as_deref(),
                account.as_deref(),
                &thread,
            )
            .await?;
            print!("{}", followup::report::explain(&t));
            Ok(())
        }
        Command::Templates {
            action: TemplatesCmd::Check { config, dir },
        } => {
            // With no config at hand, check the given directory (or the built-in set) with the
            // built-in value items.
            let (cfg, templates) = templates_for(config.as_deref(), dir)?;
            let base_cfg;
            let cfg = match cfg {
                Some(c) => c,
                None => {
                    base_cfg =
                        Config::from_str(SAMPLE_ACCOUNT, None).map_err(|e| usage(e.into()))?;
                    base_cfg
                }
            };
            let findings = service::template_findings(&cfg, &templates);
            for f in &findings {
                println!("{f}");
            }
            if findings.is_empty() {
                eprintln!(
                    "{} templates in {}: all pass",
                    templates.names().len(),
                    templates.origin
                );
                Ok(())
            } else {
                Err(Failure {
                    code: 3,
                    err: anyhow!(
                        "{} problems in {} templates",
                        findings.len(),
                        templates.origin
                    ),
                })
            }
        }
        Command::Init {
            email,
            name,
            account,
            host,
            port,
            tls,
            user,
            password_command,
            password_env,
            oauth2_token_command,
            maildir,
            timezone,
            config,
            no_templates,
            no_test,
            force,
        } => {
            use followup::config::init::{self as setup, Answers, Mailbox, Secret};
            let path = config.unwrap_or_else(config::default_path);
            if path.exists() && !force {
                return Err(usage(anyhow!(
                    "{} already exists; edit it, or pass --force to replace it",
                    path.display()
                )));
            }
            let email = ask(email, "--email", "The address you send from", None)?;
            if !email.contains('@') {
                return Err(usage(anyhow!("--email `{email}` is not an address")));
            }
            let local = email.split('@').next().unwrap_or("");
            let name = ask(
                name,
                "--name",
                "Your name, as it signs the drafts",
                Some(local),
            )?;
            let timezone = ask(
                timezone,
                "--timezone",
                "Your time zone",
                Some(&system_timezone()),
            )?;
            let domain = email.rsplit('@').next().unwrap_or("mail").to_string();
            let account =
                account.unwrap_or_else(|| domain.split('.').next().unwrap_or("work").to_string());
            let mailbox = match maildir {
                Some(m) => Mailbox::Maildir {
                    path: std::path::absolute(&m).unwrap_or(m).display().to_string(),
                },
                None => {
                    let p = setup::preset(&email);
                    eprintln!(
                        "{}: {}:{} ({}); {}",
                        p.provider, p.host, p.port, p.tls, p.hint
                    );
                    let secret = match (password_command, password_env, oauth2_token_command) {
                        (Some(c), _, _) => Secret::Command(c),
                        (_, Some(v), _) => Secret::Env(v),
                        (_, _, Some(c)) => Secret::OAuth2Command(c),
                        _ => {
                            let how = ask(
                                None,
                                "--password-command (or --password-env, --oauth2-token-command)",
                                "How should followup get the password? 1 = a command that prints it (pass, secret-tool, security), 2 = an environment variable, 3 = an OAuth2 token command",
                                Some("1"),
                            )?;
                            match how.trim() {
                                "2" => Secret::Env(ask(
                                    None,
                                    "--password-env",
                                    "The environment variable",
                                    Some("FOLLOWUP_PASSWORD"),
                                )?),
                                "3" => Secret::OAuth2Command(ask(
                                    None,
                                    "--oauth2-token-command",
                                    "The command that prints an access token",
                                    None,
                                )?),
                                _ => Secret::Command(ask(
                                    None,
                                    "--password-command (or --password-env, --oauth2-token-command)",
                                    "The command (e.g. pass show mail/work)",
                                    None,
                                )?),
                            }
                        }
                    };
                    Mailbox::Imap {
                        host: host.unwrap_or(p.host),
                        port: port.unwrap_or(p.port),
                        tls: tls.unwrap_or_else(|| p.tls.to_string()),
                        user: user.unwrap_or_else(|| email.clone()),
                        secret,
                        sent: None,
                        drafts: None,
                    }
                }
            };
            let dir = path
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from("."));
            let templates_dir = (!no_templates).then(|| {
                std::path::absolute(dir.join("templates")).unwrap_or_else(|_| dir.join("templates"))
            });
            let mut answers = Answers {
                account,
                name,
                email,
                timezone,
                mailbox,
                templates_dir: templates_dir.as_ref().map(|d| d.display().to_string()),
            };
            let text = setup::render(&answers).map_err(|e| usage(anyhow!(e)))?;
            let mut cfg = Config::from_str(&text, Some(&path)).map_err(|e| usage(e.into()))?;
            // Test the login and find Sent and Drafts before anything is written.
            if !no_test {
                use followup::mailbox::MailStore;
                let a = &cfg.accounts[0];
                let folders = if let Some(imap) = &a.imap {
                    let ep = followup::mailbox::imap::Endpoint::from_config(imap);
                    let mut store = followup::mailbox::imap::ImapStore::open(
                        &ep,
                        service::run::imap_cache_dir(&cfg, a),
                    )
                    .await
                    .map_err(|e| runtime(anyhow!("{e}; nothing was written")))?;
                    let f = store.folders(&a.folders).await;
                    store.logout().await;
                    f
                } else {
                    let m = a.maildir.as_ref().expect("a mailbox");
                    let mut store = followup::mailbox::maildir::Maildir::open(Path::new(&m.path))
                        .map_err(|e| runtime(anyhow!("{e}; nothing was written")))?;
                    store.folders(&a.folders).await
                };
                let f = folders.map_err(|e| runtime(anyhow!("{e}; nothing was written")))?;
                eprintln!(
                    "logged in; Sent = {}, Drafts = {}, replies from {}",
                    f.sent,
                    f.drafts,
                    f.replies.join(", ")
                );
                if let Mailbox::Imap { sent, drafts, .. } = &mut answers.mailbox {
                    *sent = Some(f.sent);
                    *drafts = Some(f.drafts);
                }
            }
            let text = setup::render(&answers).map_err(|e| usage(anyhow!(e)))?;
            cfg = Config::from_str(&text, Some(&path)).map_err(|e| usage(e.into()))?;
            std::fs::create_dir_all(&dir)
                .map_err(|e| runtime(anyhow!("cannot create {}: {e}", dir.display())))?;
            if let Some(t) = &templates_dir {
                let n = Templates::write_builtin(t).map_err(|e| {
                    runtime(anyhow!("cannot copy the templates to {}: {e}", t.display()))
                })?;
                eprintln!("copied {n} templates to {} (edit them there)", t.display());
            }
            followup::state::write_atomic(&path, text.as_bytes())
                .map_err(|e| runtime(anyhow!("cannot write {}: {e}", path.display())))?;
            eprintln!("wrote {} ({} account)", path.display(), cfg.accounts.len());
            let flag = if config::default_path() == path {
                String::new()
            } else {
                format!(" --config {}", path.display())
            };
            eprintln!(
                "next: followup doctor{flag}   then   followup scan{flag} --dry-run   then   followup scan{flag}"
            );
            Ok(())
        }
        Command::Doctor { config, account } => {
            let cfg = match load_config(config.as_deref()) {
                Ok(c) => c,
                Err(f) => {
                    println!("FAIL config: {:#}", f.err);
                    return Err(f);
                }
            };
            let mut checks = Vec::new();
            let path = config.clone().unwrap_or_else(config::default_path);
            checks.push(service::doctor::Check {
                name: "config".into(),
                ok: true,
                detail: format!("{} ({} accounts)", path.display(), cfg.accounts.len()),
            });
            checks.push(match Templates::load(cfg.templates_dir.as_deref()) {
                Err(e) => service::doctor::Check {
                    name: "templates".into(),
                    ok: false,
                    detail: e.to_string(),
                },
                Ok(t) => {
                    let problems = service::template_findings(&cfg, &t);
                    service::doctor::Check {
                        name: "templates".into(),
                        ok: problems.is_empty(),
                        detail: if problems.is_empty() {
                            format!("{} in {}, all pass", t.names().len(), t.origin)
                        } else {
                            format!(
                                "{} problems, the first: {}; run `followup templates check` for all",
                                problems.len(),
                                problems[0]
                            )
                        },
                    }
                }
            });
            checks.extend(service::doctor::local_checks(&cfg));
            for a in accounts(&cfg, account.as_deref())? {
                checks.extend(service::doctor::account_checks(&cfg, a).await);
            }
            for c in &checks {
                println!("{c}");
            }
            let failed = checks.iter().filter(|c| !c.ok).count();
            if failed == 0 {
                eprintln!("{} checks, all ok", checks.len());
                Ok(())
            } else {
                Err(runtime(anyhow!(
                    "{failed} of {} checks failed; each FAIL line says what to fix",
                    checks.len()
                )))
            }
        }
        Command::Templates {
            action:
                TemplatesCmd::New {
                    reason,
                    config,
                    dir,
                    like,
                },
        } => {
            if reason.is_empty()
                || !reason
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            {
                return Err(usage(anyhow!(
                    "`{reason}`: a reason name is lower-case letters, digits and `_` (e.g. renewal)"
                )));
            }
            let dir = match dir {
                Some(d) => d,
                None => load_config(config.as_deref())?.templates_dir.ok_or_else(|| {
                    usage(anyhow!(
                        "no templates directory: pass --dir, or set templates.dir in the config (`followup init` makes one)"
                    ))
                })?,
            };
            let target = dir.join(&reason);
            if target.exists() {
                return Err(usage(anyhow!(
                    "{} already exists; edit the templates there",
                    target.display()
                )));
            }
            let builtin = Templates::builtin().map_err(|e| runtime(e.into()))?;
            let mut written = Vec::new();
            for (stage, close) in [(1, false), (2, false), (3, true)] {
                let (from, _) = builtin
                    .pick_in("en", &like, stage, close)
                    .map_err(|_| usage(anyhow!("--like {like}: not a built-in reason")))?;
                let text = builtin.source(&from).unwrap_or_default().to_string();
                let file = if close {
                    "close.txt".to_string()
                } else {
                    format!("{stage}.txt")
                };
                std::fs::create_dir_all(&target)
                    .and_then(|_| std::fs::write(target.join(&file), text))
                    .map_err(|e| runtime(anyhow!("cannot write {}: {e}", target.display())))?;
                written.push(target.join(file));
            }
            for w in &written {
                eprintln!("wrote {}", w.display());
            }
            println!(
                "# Add to config.toml, then edit the templates and run `followup templates check`:\n\
                 [reasons.rules]\n\
                 {reason} = ['\\b{reason}\\b']          # regexes over your own words that state this reason\n\n\
                 [policy.cadence]\n\
                 {reason} = [3, 5, 10]                  # business days before each follow-up\n\n\
                 [[value_items.{reason}]]               # what each follow-up brings\n\
                 title = \"…\"\n\
                 summary = \"why it helps the prospect\"\n\
                 url = \"https://…\"                     # or content = \"…\", or attachment = \"path\"\n\
                 # Tag a sent message `{reason}` (or Bcc yourself+{reason}) to choose it by hand."
            );
            Ok(())
        }
        Command::Templates {
            action: TemplatesCmd::List { config, dir, lang },
        } => {
            let (cfg, templates) = templates_for(config.as_deref(), dir)?;
            let langs: Vec<&str> = match lang.as_deref() {
                Some(l) if followup::language::is_supported(l) => vec![l],
                Some(l) => {
                    return Err(usage(anyhow!(
                        "--lang {l}: the drafts speak {}",
                        followup::language::SUPPORTED.join(", ")
                    )))
                }
                None => followup::language::SUPPORTED.to_vec(),
            };
            let mut reasons: Vec<String> = followup::reason::model::CLASSES
                [..followup::reason::model::NONE]
                .iter()
                .map(|r| r.to_string())
                .collect();
            if let Some(c) = &cfg {
                for r in &c.rules.priority {
                    if !reasons.contains(r) {
                        reasons.push(r.clone());
                    }
                }
            }
            println!("{:<5} {:<15} {:<6} file", "lang", "reason", "stage");
            for l in &langs {
                for r in &reasons {
                    let stages = cfg
                        .as_ref()
                        .map_or(3, |c| c.policy.cadence_for(Some(r)).len() as u32);
                    let rows = (1..=stages)
                        .map(|st| (st.to_string(), templates.pick_in(l, r, st, false)))
                        .chain(std::iter::once((
                            "close".to_string(),
                            templates.pick_in(l, r, stages + 1, true),
                        )));
                    for (stage, picked) in rows {
                        let file = match picked {
                            Ok((name, false)) => name,
                            Ok((name, true)) => format!("{name} (English: no {l} template)"),
                            Err(e) => format!("MISSING: {e}"),
                        };
                        println!("{l:<5} {r:<15} {stage:<6} {file}");
                    }
                }
            }
            eprintln!("templates from {}", templates.origin);
            Ok(())
        }
        Command::Run { config, .. } => {
            let cfg = load_config(config.as_deref())?;
            let templates = load_templates(&cfg)?;
            tracing::info!(accounts = cfg.accounts.len(), "followup run: watching");
            let path = config.clone().unwrap_or_else(config::default_path);
            let live = service::run::Live::new(path, cfg, templates);
            service::run::run_all(&live).await;
            Ok(())
        }
        Command::Report {
            config,
            now,
            since,
            out,
            format,
            account,
        } => {
            let now = parse_now(now.as_deref())?;
            let since = since
                .map(|d| {
                    chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                        .map(|d| d.and_hms_opt(0, 0, 0).expect("midnight").and_utc())
                        .map_err(|e| {
                            usage(anyhow!(
                                "--since `{d}` is not a date ({e}); write e.g. 2026-11-01"
                            ))
                        })
                })
                .transpose()?;
            let (mut threads, mut sent) = (Vec::new(), Vec::new());
            for r in dry_scans(config.as_deref(), now, account.as_deref(), false, true).await? {
                threads.extend(r.threads);
                sent.extend(r.followups_sent);
            }
            let figures = report::insights::figures(&threads, &sent, now, since);
            match format {
                ReportFormat::Json => {
                    println!(
                        "{}",
                        serde_json::to_string_pretty(&figures).expect("figures serialize")
                    );
                }
                ReportFormat::Html => {
                    std::fs::write(&out, report::insights::html(&figures))
                        .map_err(|e| runtime(anyhow!("cannot write {}: {e}", out.display())))?;
                    eprintln!(
                        "wrote {} ({} threads, {} follow-ups sent, {} replied)",
                        out.display(),
                        figures.pipeline.threads,
                        figures.worked.sent,
                        figures.worked.replied
                    );
                }
            }
            Ok(())
        }
        Command::Completions { shell } => {
            use clap::CommandFactory;
            let mut cmd = Cli::command();
            clap_complete::generate(shell, &mut cmd, "followup", &mut std::io::stdout());
            Ok(())
        }
        Command::Man => {
            use clap::CommandFactory;
            clap_mangen::Man::new(Cli::command())
                .render(&mut std::io::stdout())
                .map_err(|e| runtime(anyhow!("cannot write the man page: {e}")))
        }
        Command::Demo { now, format, dir } => {
            let now = parse_now(Some(now.as_deref().unwrap_or(demo::DEMO_NOW)))?;
            let (tmp, root) = match dir {
                Some(d) => (None, d),
                None => {
                    let base = std::env::temp_dir().join(format!(
                        "followup-demo-{}-{}",
                        std::process::id(),
                        now.timestamp()
                    ));
                    (Some(()), base)
                }
            };
            let _ = tmp;
            if root.exists() {
                std::fs::remove_dir_all(&root)
                    .map_err(|e| runtime(anyhow!("cannot clear {}: {e}", root.display())))?;
            }
            let cfg_path = demo::install(&root).map_err(|e| {
                runtime(anyhow!(
                    "cannot write the demo into {}: {e}",
                    root.display()
                ))
            })?;
            let cfg = load_config(Some(&cfg_path))?;
            let templates = load_templates(&cfg)?;
            let opts = ScanOptions {
                now,
                dry_run: false,
                only_thread: None,
                keep_drafts: false,
                sent_followups: false,
                show_drafted: true,
            };
            let mut reports = Vec::new();
            for a in &cfg.accounts {
                reports.push(
                    service::run::scan_once(&cfg, a, &templates, &opts)
                        .await
                        .map_err(runtime)?,
                );
            }
            println!(
                "followup demo: the bundled mailbox of Alex Morgan (Acme), scanned as of {}\n",
                now.format("%a %d %b %Y %H:%M UTC")
            );
            print_report(&reports, &cfg, format);
            if format == Format::Table {
                if let Some(t) = reports
                    .iter()
                    .flat_map(|r| r.threads.iter())
                    .filter(|t| t.status == Status::Drafted && t.draft.is_some())
                    .min_by_key(|t| (t.reason.as_deref() != Some("pricing"), t.due_at))
                {
                    let d = t.draft.as_ref().expect("checked");
                    println!(
                        "\nOne of the drafts ({} follow-up, stage {}):\n",
                        t.reason.as_deref().unwrap_or("?"),
                        t.stage.unwrap_or(0)
                    );
                    println!(
                        "To: {}\nSubject: {}\nIn-Reply-To: <{}>\n\n{}",
                        d.to.join(", "),
                        d.subject,
                        d.in_reply_to,
                        d.body
                    );
                }
                println!(
                    "Drafts written to {}",
                    root.join("mailbox/.Drafts/cur").display()
                );
                println!(
                    "Config used: {} (scan again with: followup scan --config {} --now {})",
                    cfg_path.display(),
                    cfg_path.display(),
                    demo::DEMO_NOW
                );
            }
            Ok(())
        }
    }
}

/// A minimal account used when `templates check --dir` runs without a config.
const SAMPLE_ACCOUNT: &str = "[[accounts]]\nname = \"sample\"\nmaildir = { path = \"/nonexistent\" }\n[accounts.identity]\nname = \"Alex Morgan\"\naddresses = [\"alex@acme.example\"]\n";

fn main() -> ExitCode {
    // Output piped into `head` or `less` that closes early ends the program like any Unix
    // tool, not with a panic about a broken pipe.
    #[cfg(unix)]
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    // Logs go to stderr; RUST_LOG refines them (e.g. RUST_LOG=followup=debug).
    let (default_level, json) = match &cli.command {
        Command::Run { log_format, .. } => ("info", *log_format == LogFormat::Json),
        _ => ("warn", false),
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default_level));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false);
    if json {
        builder.json().init();
    } else {
        builder
            // Colour only on a terminal, and never when NO_COLOR is set (no-color.org).
            .with_ansi(
                std::io::IsTerminal::is_terminal(&std::io::stderr())
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            )
            .init();
    }
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::from(1);
        }
    };
    match rt.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("error: {:#}", f.err);
            ExitCode::from(f.code)
        }
    }
}
