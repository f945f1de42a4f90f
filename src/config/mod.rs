//! `config.toml`: accounts, identity, quiet-thread cadences, reason rules, value items, lint.
//! Parsing is strict (unknown keys are errors, so typos surface); every error names the key
//! and the fix. [`Config::compile`] turns the text form into the checked runtime form.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime, Weekday};
use regex::Regex;
use serde::Deserialize;

pub mod init;
mod value_defaults;

use crate::reason::{default_prospect_rules, default_request_rules, Rules, DEFAULT_PRIORITY};

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}. Pass --config PATH, or copy config.example.toml to {path}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Parse { path: String, message: String },
    #[error("{path}: key `{key}`: {message}")]
    Invalid {
        path: String,
        key: String,
        message: String,
    },
}

/// The file as written.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    #[serde(default)]
    pub accounts: Vec<RawAccount>,
    /// The single-account form: `[identity]` with `[maildir]` or `[imap]` at the top level
    /// (an account named "default"). With `[[accounts]]`, `[identity]` is their default.
    #[serde(default)]
    pub identity: Option<IdentityConfig>,
    #[serde(default)]
    pub maildir: Option<MaildirConfig>,
    #[serde(default)]
    pub imap: Option<ImapConfig>,
    #[serde(default)]
    pub folders: Option<FoldersConfig>,
    #[serde(default)]
    pub policy: PolicyConfig,
    #[serde(default)]
    pub reasons: ReasonsConfig,
    #[serde(default)]
    pub templates: TemplatesConfig,
    #[serde(default)]
    pub value_items: BTreeMap<String, Vec<ValueItem>>,
    #[serde(default)]
    pub lint: LintConfig,
    #[serde(default)]
    pub state: StateConfig,
}

/// An `[[accounts]]` table as written; `identity` may come from the top-level `[identity]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAccount {
    pub name: String,
    #[serde(default)]
    pub identity: Option<IdentityConfig>,
    #[serde(default)]
    pub maildir: Option<MaildirConfig>,
    #[serde(default)]
    pub imap: Option<ImapConfig>,
    #[serde(default)]
    pub folders: FoldersConfig,
}

/// One mailbox and the rep who owns it (a [`RawAccount`] with its identity resolved).
#[derive(Debug, Clone)]
pub struct AccountConfig {
    pub name: String,
    pub identity: IdentityConfig,
    pub maildir: Option<MaildirConfig>,
    pub imap: Option<ImapConfig>,
    pub folders: FoldersConfig,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentityConfig {
    /// The From name of the drafts (empty: the address alone).
    #[serde(default)]
    pub name: String,
    pub addresses: Vec<String>,
    #[serde(default)]
    pub internal_domains: Vec<String>,
    #[serde(default)]
    pub signature: String,
    #[serde(default = "default_tz")]
    pub timezone: String,
    /// The rep's own time off: no new drafts are due inside it.
    #[serde(default)]
    pub away: Vec<DateRange>,
    /// How drafts write dates and times (`en-US`, `en-GB`, `de`, `fr`, `es`, `it`, `nl`,
    /// `pt`, `sv`); default: from the time zone's country.
    #[serde(default)]
    pub locale: Option<String>,
    /// A booking page offered instead of proposed times (Calendly, HubSpot, …).
    #[serde(default)]
    pub booking_url: Option<String>,
    /// The language drafts are written in when the thread doesn't tell (`en` by default).
    #[serde(default)]
    pub language: Option<String>,
}

fn default_tz() -> String {
    "UTC".into()
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateRange {
    pub from: String,
    pub until: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaildirConfig {
    pub path: String,
    /// `followup run`: how often a Maildir is scanned again (it has no IDLE).
    #[serde(default = "default_poll")]
    pub poll_seconds: u64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImapConfig {
    pub host: String,
    #[serde(default)]
    pub port: Option<u16>,
    /// `implicit` (993, the default), `starttls` (143) or `none` (plaintext; warned about).
    #[serde(default = "default_tls")]
    pub tls: String,
    pub user: String,
    #[serde(default)]
    pub password_command: Option<String>,
    #[serde(default)]
    pub password_env: Option<String>,
    #[serde(default)]
    pub oauth2_token_command: Option<String>,
    #[serde(default)]
    pub ca_file: Option<String>,
    #[serde(default)]
    pub cache_dir: Option<String>,
    #[serde(default = "default_poll")]
    pub poll_seconds: u64,
    /// How long the server may stay silent while an answer is awaited before the scan gives
    /// up on it (connect, greeting, login and every command).
    #[serde(default = "default_imap_timeout")]
    pub timeout_seconds: u64,
    /// Allow `tls = "none"` to send the password to a host other than this machine.
    #[serde(default)]
    pub allow_plaintext_login: bool,
}

fn default_imap_timeout() -> u64 {
    60
}

fn default_tls() -> String {
    "implicit".into()
}
fn default_poll() -> u64 {
    300
}

/// Folder names; empty means "find it" (SPECIAL-USE on IMAP, Dovecot's names on Maildir).
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct FoldersConfig {
    #[serde(default)]
    pub sent: Option<String>,
    #[serde(default)]
    pub drafts: Option<String>,
    /// Folders where replies land; INBOX by default (plus All Mail/Archive found on IMAP).
    #[serde(default)]
    pub replies: Option<Vec<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyConfig {
    #[serde(default = "yes")]
    pub business_days: bool,
    #[serde(default = "default_work_week")]
    pub work_week: Vec<String>,
    #[serde(default)]
    pub holidays: Vec<String>,
    /// Countries whose public holidays are computed from their statutory rules.
    #[serde(default)]
    pub holiday_countries: Vec<String>,
    #[serde(default = "default_work_hours")]
    pub work_hours: String,
    #[serde(default = "default_cadence")]
    pub default_cadence: Vec<u32>,
    #[serde(default)]
    pub cadence: BTreeMap<String, Vec<u32>>,
    /// Wait before the close-the-loop note; the last cadence wait when unset.
    #[serde(default)]
    pub close_wait: Option<u32>,
    /// Threads whose last message is older than this are `stale`: too late for a follow-up.
    #[serde(default = "default_max_age")]
    pub max_age_days: u32,
    /// More recipients than this on the rep's message make it bulk mail.
    #[serde(default = "default_max_recipients")]
    pub max_recipients: usize,
    /// Wait (days) after an auto-reply whose return date can't be read.
    #[serde(default = "default_autoreply_wait")]
    pub autoreply_wait: u32,
    /// Count mail from anyone at the prospect's company (not free-mail) as a reply.
    #[serde(default = "yes")]
    pub domain_replies: bool,
    /// Rep messages this close together count as one touch (a correction is not a follow-up).
    #[serde(default = "default_same_touch")]
    pub same_touch_minutes: u32,
}

fn default_same_touch() -> u32 {
    120
}

fn yes() -> bool {
    true
}
fn default_work_week() -> Vec<String> {
    ["mon", "tue", "wed", "thu", "fri"]
        .iter()
        .map(|s| s.to_string())
        .collect()
}
fn default_work_hours() -> String {
    "09:00-17:00".into()
}
fn default_cadence() -> Vec<u32> {
    vec![3, 5, 10]
}
fn default_max_age() -> u32 {
    60
}
fn default_max_recipients() -> usize {
    15
}
fn default_autoreply_wait() -> u32 {
    7
}

impl Default for PolicyConfig {
    fn default() -> Self {
        toml::from_str("").expect("empty policy parses")
    }
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ReasonsConfig {
    #[serde(default)]
    pub priority: Option<Vec<String>>,
    /// Per reason, regexes over the rep's own words; a reason listed here replaces its defaults.
    #[serde(default)]
    pub rules: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub prospect_rules: BTreeMap<String, Vec<String>>,
    /// Per reason, regexes over what the prospect asked for (a fallback after the rep's words).
    #[serde(default)]
    pub request_rules: BTreeMap<String, Vec<String>>,
    /// Client tag or plus-tag → reason (e.g. `"$label1" = "pricing"`).
    #[serde(default)]
    pub tags: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct TemplatesConfig {
    /// Directory of templates; the built-in set when unset.
    #[serde(default)]
    pub dir: Option<String>,
}

/// Something new and useful to bring in a follow-up.
#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ValueItem {
    pub title: String,
    #[serde(default)]
    pub summary: String,
    /// A link to the asset.
    #[serde(default)]
    pub url: Option<String>,
    /// A file attached to the draft (its real name and type).
    #[serde(default)]
    pub attachment: Option<String>,
    /// Text the rep wrote once, inserted into the draft.
    #[serde(default)]
    pub content: Option<String>,
    /// Substance taken from the thread at draft time: `figures` (the numbers the rep sent),
    /// `question` (the prospect's question and the rep's answer), `recap` (where things were
    /// left), `slots` (three real times).
    #[serde(default)]
    pub from_thread: Option<String>,
    /// The language of the item's text (`en`, `de`, `fr`, `es`, `it`, `nl`, `pt`, `sv`): it is
    /// offered only to drafts in that language. Absent: `identity.language`.
    #[serde(default)]
    pub lang: Option<String>,
}

impl ValueItem {
    /// Whether the item carries what it promises without looking at the thread.
    pub fn has_asset(&self) -> bool {
        [&self.url, &self.attachment, &self.content]
            .iter()
            .any(|v| v.as_deref().is_some_and(|s| !s.trim().is_empty()))
    }
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct LintConfig {
    /// Replaces the default banned phrases when set.
    #[serde(default)]
    pub banned_phrases: Option<Vec<String>>,
    #[serde(default)]
    pub extra_banned_phrases: Vec<String>,
    #[serde(default)]
    pub max_words: Option<usize>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct StateConfig {
    /// Directory for the drafted-follow-ups record and IMAP caches.
    #[serde(default)]
    pub dir: Option<String>,
}

/// The phrases that make a follow-up a nag rather than a reason to reply.
pub const DEFAULT_BANNED: &[&str] = &[
    "just checking in",
    "just following up",
    "just wanted to follow up",
    "following up on my last email",
    "touch base",
    "touching base",
    "circling back",
    "circle back",
    "bumping this",
    "bump this",
    "any update",
    "any updates",
    "did you get a chance",
    "did you have a chance",
    "as per my last email",
    "per my last email",
    "just a friendly reminder",
    "just wanted to check",
    "checking in",
    // The same bare nudges in the other languages drafts are written in.
    "nur kurz nachhaken",
    "wollte nur kurz nachhaken",
    "kurz nachhaken",
    "wollte mich nur kurz melden",
    "gibt es schon neuigkeiten",
    "je me permets de revenir vers vous",
    "je me permets de vous relancer",
    "petite relance",
    "avez-vous eu le temps",
    "solo quería saber",
    "solo quería hacer seguimiento",
    "hay alguna novedad",
    "volevo solo sapere",
    "volevo solo fare un follow-up",
    "ci sono novità",
    "even checken",
    "even navragen",
    "even opvolgen",
    "só queria saber",
    "só para saber",
    "alguma novidade",
    "ville bara kolla läget",
    "ville bara följa upp",
    "några nyheter",
];

/// Built-in value items, rotated by stage; config replaces a reason's list. With no asset
/// configured, their substance comes from the thread itself (`from_thread`): the figures the
/// rep sent, the prospect's question with the rep's answer, where things were left, real
/// times. A rep's own assets (`url`, `attachment`, `content`) are better; `templates check`
/// says so.
pub fn default_value_items() -> BTreeMap<String, Vec<ValueItem>> {
    let mut m: BTreeMap<String, Vec<ValueItem>> = BTreeMap::new();
    for (reason, lang, from, title, summary) in value_defaults::DEFAULTS {
        m.entry(reason.to_string()).or_default().push(ValueItem {
            title: title.to_string(),
            summary: summary.to_string(),
            url: None,
            attachment: None,
            content: None,
            from_thread: Some(from.to_string()),
            lang: Some(lang.to_string()),
        });
    }
    m
}

/// Why a language setting is refused (it must name one drafts can be written in).
fn unsupported_language(lang: &str) -> Option<String> {
    (!crate::language::is_supported(lang)).then(|| {
        format!(
            "`{lang}` is not a language drafts can be written in; use one of {}",
            crate::language::SUPPORTED.join(", ")
        )
    })
}

/// The checked, compiled configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub path: Option<PathBuf>,
    /// A digest of the text this config was read from (and its path, which relative paths
    /// depend on): a rescan reuses its last decisions only under the same config.
    pub digest: String,
    pub accounts: Vec<AccountConfig>,
    pub policy: Policy,
    pub rules: Rules,
    pub templates_dir: Option<PathBuf>,
    pub value_items: BTreeMap<String, Vec<ValueItem>>,
    pub banned_phrases: Vec<String>,
    pub max_words: usize,
    pub state_dir: PathBuf,
}

/// Cadence and calendar settings in runtime form.
#[derive(Debug, Clone)]
pub struct Policy {
    pub business_days: bool,
    pub work_week: Vec<Weekday>,
    pub holidays: Vec<NaiveDate>,
    pub holiday_countries: Vec<String>,
    pub work_start: NaiveTime,
    pub work_end: NaiveTime,
    pub default_cadence: Vec<u32>,
    pub cadence: HashMap<String, Vec<u32>>,
    pub close_wait: Option<u32>,
    pub max_age_days: u32,
    pub max_recipients: usize,
    pub autoreply_wait: u32,
    pub domain_replies: bool,
    pub same_touch_minutes: u32,
}

impl Policy {
    pub fn cadence_for(&self, reason: Option<&str>) -> &[u32] {
        reason
            .and_then(|r| self.cadence.get(r))
            .map(Vec::as_slice)
            .unwrap_or(&self.default_cadence)
    }
}

/// Expand a leading `~/` to the home directory.
pub fn expand_home(p: &str) -> PathBuf {
    if let Some(rest) = p.strip_prefix("~/") {
        if let Some(home) = std::env::var_os("HOME") {
            return PathBuf::from(home).join(rest);
        }
    }
    PathBuf::from(p)
}

/// The default config path: `$XDG_CONFIG_HOME/followup/config.toml` or `~/.config/followup/config.toml`.
pub fn default_path() -> PathBuf {
    match std::env::var_os("XDG_CONFIG_HOME") {
        Some(x) if !x.is_empty() => PathBuf::from(x).join("followup/config.toml"),
        _ => expand_home("~/.config/followup/config.toml"),
    }
}

impl Config {
    /// Read, parse and check a config file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Self::from_str(&text, Some(path))
    }

    /// Parse and check config text; `path` is used in messages and to resolve relative paths.
    pub fn from_str(text: &str, path: Option<&Path>) -> Result<Config, ConfigError> {
        let shown = path
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "config".into());
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let msg = redact_secrets(&e.to_string());
            let hint = if msg.contains("unknown field `password`")
                || msg.contains("unknown field `token`")
            {
                "A password is never read from the config file: set password_command (e.g. `pass show mail/work`) or password_env instead."
            } else {
                "Fix the TOML at that place; config.example.toml documents every key."
            };
            ConfigError::Parse {
                path: shown.clone(),
                message: format!("{msg}{hint}"),
            }
        })?;
        let mut cfg = raw.compile(path)?;
        let mut h = crate::state::memo::Hasher::default();
        h.add(text.as_bytes());
        h.add(
            path.map(|p| p.as_os_str().as_encoded_bytes())
                .unwrap_or_default(),
        );
        cfg.digest = h.hex();
        Ok(cfg)
    }
}

/// A TOML error quotes the offending line: blank out the value of any key that may hold a
/// secret, so a password typed into the config never reaches the terminal or a log.
fn redact_secrets(message: &str) -> String {
    static RE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?im)^(\s*\d*\s*\|\s*[\w.-]*(?:pass|secret|token|key)[\w.-]*\s*=\s*).+$")
            .expect("redaction regex")
    });
    re.replace_all(message, "${1}(hidden)").into_owned()
}

impl RawConfig {
    /// Check every value and build the runtime form.
    pub fn compile(self, path: Option<&Path>) -> Result<Config, ConfigError> {
        let shown = path
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "config".into());
        let base = path
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let invalid = |key: &str, message: String| ConfigError::Invalid {
            path: shown.clone(),
            key: key.to_string(),
            message,
        };
        let resolve = |p: &str| {
            let e = expand_home(p);
            if e.is_absolute() {
                e
            } else {
                base.join(e)
            }
        };

        let mut raw_accounts = self.accounts;
        if self.maildir.is_some() || self.imap.is_some() {
            if !raw_accounts.is_empty() {
                return Err(invalid("maildir", "a top-level [maildir]/[imap] and [[accounts]] can't be mixed; move the mailbox into an [[accounts]] table".into()));
            }
            raw_accounts.push(RawAccount {
                name: "default".into(),
                identity: None,
                maildir: self.maildir,
                imap: self.imap,
                folders: self.folders.unwrap_or_default(),
            });
        }
        if raw_accounts.is_empty() {
            return Err(invalid("accounts", "no account configured; add [identity] with [maildir] (or [imap]), or [[accounts]] tables (see config.example.toml)".into()));
        }
        let mut accounts = Vec::new();
        for (i, a) in raw_accounts.into_iter().enumerate() {
            let identity = a
                .identity
                .or_else(|| self.identity.clone())
                .ok_or_else(|| {
                    invalid(
                        &format!("accounts[{i}].identity"),
                        "the rep's identity is missing; add [identity] with name and addresses"
                            .into(),
                    )
                })?;
            accounts.push(AccountConfig {
                name: a.name,
                identity,
                maildir: a.maildir,
                imap: a.imap,
                folders: a.folders,
            });
        }
        let mut names = Vec::new();
        for (i, a) in accounts.iter_mut().enumerate() {
            let k = format!("accounts[{i}]");
            if a.name.trim().is_empty()
                || !a
                    .name
                    .chars()
                    .all(|c| c.is_alphanumeric() || "-_.".contains(c))
            {
                return Err(invalid(
                    &format!("{k}.name"),
                    format!(
                        "`{}` is not a usable account name; use letters, digits, '-', '_' or '.'",
                        a.name
                    ),
                ));
            }
            if names.contains(&a.name) {
                return Err(invalid(
                    &format!("{k}.name"),
                    format!(
                        "account `{}` is defined twice; give each account its own name",
                        a.name
                    ),
                ));
            }
            names.push(a.name.clone());
            match (&a.maildir, &a.imap) {
                (Some(_), Some(_)) | (None, None) => {
                    return Err(invalid(
                        &k,
                        "set exactly one of `maildir` (a local Maildir) or `imap` (a server)"
                            .into(),
                    ))
                }
                (Some(m), None) => {
                    let p = resolve(&m.path);
                    a.maildir = Some(MaildirConfig {
                        path: p.display().to_string(),
                        poll_seconds: m.poll_seconds,
                    });
                }
                (None, Some(imap)) => {
                    if !["implicit", "starttls", "none"].contains(&imap.tls.as_str()) {
                        return Err(invalid(&format!("{k}.imap.tls"), format!("`{}` is not a TLS mode; use \"implicit\" (port 993), \"starttls\" (port 143) or \"none\"", imap.tls)));
                    }
                    let secrets = [
                        &imap.password_command,
                        &imap.password_env,
                        &imap.oauth2_token_command,
                    ]
                    .iter()
                    .filter(|s| s.is_some())
                    .count();
                    if secrets != 1 {
                        return Err(invalid(&format!("{k}.imap"), "set exactly one of password_command, password_env or oauth2_token_command (the password itself never goes in the config)".into()));
                    }
                }
            }
            if a.identity.addresses.is_empty()
                || a.identity.addresses.iter().any(|x| !x.contains('@'))
            {
                return Err(invalid(
                    &format!("{k}.identity.addresses"),
                    "list the rep's email addresses, e.g. [\"alex@acme.io\"]".into(),
                ));
            }
            if let Some(l) = &a.identity.locale {
                if !crate::draft::slots::LOCALES.contains(&l.as_str()) {
                    return Err(invalid(
                        &format!("{k}.identity.locale"),
                        format!(
                            "`{l}` is not a locale drafts can be written in; use one of {}",
                            crate::draft::slots::LOCALES.join(", ")
                        ),
                    ));
                }
            }
            if let Some(l) = &a.identity.language {
                if let Some(m) = unsupported_language(l) {
                    return Err(invalid(&format!("{k}.identity.language"), m));
                }
            }
            if a.identity.timezone.parse::<chrono_tz::Tz>().is_err() {
                return Err(invalid(&format!("{k}.identity.timezone"), format!("`{}` is not an IANA time zone; use a name like \"Europe/Berlin\" or \"America/New_York\"", a.identity.timezone)));
            }
            for (j, r) in a.identity.away.iter().enumerate() {
                for (field, v) in [("from", &r.from), ("until", &r.until)] {
                    if NaiveDate::parse_from_str(v, "%Y-%m-%d").is_err() {
                        return Err(invalid(
                            &format!("{k}.identity.away[{j}].{field}"),
                            format!("`{v}` is not a date; write YYYY-MM-DD"),
                        ));
                    }
                }
            }
        }

        let p = self.policy;
        let work_week = p
            .work_week
            .iter()
            .map(|d| {
                d.parse::<Weekday>().map_err(|_| {
                    invalid(
                        "policy.work_week",
                        format!("`{d}` is not a weekday; use mon, tue, wed, thu, fri, sat, sun"),
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        if work_week.is_empty() {
            return Err(invalid(
                "policy.work_week",
                "list at least one working day".into(),
            ));
        }
        let holidays = p
            .holidays
            .iter()
            .map(|d| {
                NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| {
                    invalid(
                        "policy.holidays",
                        format!("`{d}` is not a date; write YYYY-MM-DD"),
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        for c in &p.holiday_countries {
            if crate::policy::holidays::holidays(c, 2026).is_none() {
                return Err(invalid(
                    "policy.holiday_countries",
                    format!("no built-in holidays for `{c}`; use one of {} or list the dates in policy.holidays", crate::policy::holidays::COUNTRIES.join(", ")),
                ));
            }
        }
        let (ws, we) = p
            .work_hours
            .split_once('-')
            .and_then(|(a, b)| {
                Some((
                    NaiveTime::parse_from_str(a.trim(), "%H:%M").ok()?,
                    NaiveTime::parse_from_str(b.trim(), "%H:%M").ok()?,
                ))
            })
            .filter(|(a, b)| a < b)
            .ok_or_else(|| {
                invalid(
                    "policy.work_hours",
                    format!(
                        "`{}` is not a working-hours range; write \"09:00-17:00\"",
                        p.work_hours
                    ),
                )
            })?;
        let check_cadence = |key: &str, c: &[u32]| {
            if c.is_empty() || c.contains(&0) {
                Err(invalid(key, "a cadence is a non-empty list of waits in days, each at least 1, e.g. [3, 5, 10]".into()))
            } else {
                Ok(())
            }
        };
        check_cadence("policy.default_cadence", &p.default_cadence)?;
        for (r, c) in &p.cadence {
            check_cadence(&format!("policy.cadence.{r}"), c)?;
        }

        // Reasons.
        // The rep's own rules only: the defaults are features of the reason model.
        let mut rep_rules = std::collections::HashMap::new();
        let mut prospect_rules = default_prospect_rules();
        let mut request_rules = default_request_rules();
        for (table, target, key) in [
            (&self.reasons.rules, &mut rep_rules, "reasons.rules"),
            (
                &self.reasons.prospect_rules,
                &mut prospect_rules,
                "reasons.prospect_rules",
            ),
            (
                &self.reasons.request_rules,
                &mut request_rules,
                "reasons.request_rules",
            ),
        ] {
            for (reason, pats) in table {
                let compiled = pats
                    .iter()
                    .map(|pat| {
                        crate::message::haystack::bare(&format!("(?i){pat}")).map_err(|e| {
                            invalid(
                                &format!("{key}.{reason}"),
                                format!("pattern `{pat}` is not a valid regex: {e}"),
                            )
                        })
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                target.insert(reason.clone(), compiled);
            }
        }
        let mut priority: Vec<String> = self
            .reasons
            .priority
            .unwrap_or_else(|| DEFAULT_PRIORITY.iter().map(|s| s.to_string()).collect());
        for r in rep_rules.keys().chain(self.reasons.tags.values()) {
            if !priority.contains(r) {
                priority.push(r.clone());
            }
        }
        let aliases = self
            .reasons
            .tags
            .iter()
            .map(|(k, v)| (k.to_lowercase(), v.clone()))
            .collect();

        let mut value_items = default_value_items();
        // Items without `lang` are in the accounts' own language (identity.language, else en).
        let own_langs: Vec<String> = accounts
            .iter()
            .map(|a| a.identity.language.clone().unwrap_or_else(|| "en".into()))
            .collect();
        for (r, items) in self.value_items {
            if items.is_empty() || items.iter().any(|i| i.title.trim().is_empty()) {
                return Err(invalid(
                    &format!("value_items.{r}"),
                    "give at least one item, each with a non-empty title".into(),
                ));
            }
            let mut items = items;
            for (i, item) in items.iter_mut().enumerate() {
                let key = format!("value_items.{r}[{i}]");
                if let Some(l) = &item.lang {
                    if let Some(m) = unsupported_language(l) {
                        return Err(invalid(&format!("{key}.lang"), m));
                    }
                }
                if let Some(f) = &item.from_thread {
                    if !["figures", "question", "recap", "slots"].contains(&f.as_str()) {
                        return Err(invalid(
                            &format!("{key}.from_thread"),
                            format!("`{f}` is not one of figures, question, recap, slots"),
                        ));
                    }
                }
                if let Some(a) = item.attachment.clone().filter(|a| !a.trim().is_empty()) {
                    // Relative to the config file, like state.dir.
                    let mut p = expand_home(&a);
                    if p.is_relative() {
                        if let Some(dir) = path.and_then(|c| c.parent()) {
                            p = dir.join(p);
                        }
                    }
                    if !p.is_file() {
                        return Err(invalid(
                            &format!("{key}.attachment"),
                            format!("no file at {}; give the path of the file to attach (relative to the config file, or absolute)", p.display()),
                        ));
                    }
                    item.attachment = Some(p.display().to_string());
                }
            }
            // The rep's items replace the built-in ones of the languages they are written in;
            // the other languages keep theirs.
            let given: Vec<String> = items
                .iter()
                .flat_map(|i| match &i.lang {
                    Some(l) => vec![l.clone()],
                    None => own_langs.clone(),
                })
                .collect();
            let mut merged: Vec<ValueItem> = value_items
                .remove(&r)
                .unwrap_or_default()
                .into_iter()
                .filter(|d| !given.contains(d.lang.as_ref().unwrap_or(&String::new())))
                .collect();
            merged.splice(0..0, items);
            value_items.insert(r, merged);
        }

        let mut banned: Vec<String> = self
            .lint
            .banned_phrases
            .unwrap_or_else(|| DEFAULT_BANNED.iter().map(|s| s.to_string()).collect());
        banned.extend(self.lint.extra_banned_phrases);
        let banned = banned.into_iter().map(|b| b.to_lowercase()).collect();

        let state_dir = match self.state.dir {
            Some(d) => resolve(&d),
            None => match std::env::var_os("XDG_STATE_HOME") {
                Some(x) if !x.is_empty() => PathBuf::from(x).join("followup"),
                _ => expand_home("~/.local/state/followup"),
            },
        };

        Ok(Config {
            path: path.map(Path::to_path_buf),
            digest: String::new(),
            accounts,
            policy: Policy {
                business_days: p.business_days,
                work_week,
                holidays,
                holiday_countries: p
                    .holiday_countries
                    .iter()
                    .map(|c| c.to_ascii_uppercase())
                    .collect(),
                work_start: ws,
                work_end: we,
                default_cadence: p.default_cadence,
                cadence: p.cadence.into_iter().collect(),
                close_wait: p.close_wait,
                max_age_days: p.max_age_days,
                max_recipients: p.max_recipients,
                autoreply_wait: p.autoreply_wait,
                domain_replies: p.domain_replies,
                same_touch_minutes: p.same_touch_minutes,
            },
            rules: Rules {
                priority,
                rep_rules,
                prospect_rules,
                request_rules,
                aliases,
            },
            templates_dir: self.templates.dir.map(|d| resolve(&d)),
            value_items,
            banned_phrases: banned,
            max_words: self.lint.max_words.unwrap_or(200),
            state_dir,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: &str = "[[accounts]]\nname = \"alex\"\nmaildir = { path = \"/tmp/m\" }\n[accounts.identity]\nname = \"Alex\"\naddresses = [\"alex@acme.io\"]\n";

    #[test]
    fn minimal_config_gets_defaults() {
        let c = Config::from_str(MIN, None).unwrap();
        assert_eq!(c.policy.default_cadence, vec![3, 5, 10]);
        assert_eq!(c.policy.work_week.len(), 5);
        assert!(c.banned_phrases.contains(&"just checking in".to_string()));
    }

    #[test]
    fn the_single_account_form_reads_identity_and_maildir_at_the_top() {
        let c = Config::from_str("[identity]\naddresses = [\"alex@acme.io\"]\ninternal_domains = [\"acme.io\"]\n\n[maildir]\npath = \"/tmp/m\"\n\n[policy]\nbusiness_days = false\n", None).unwrap();
        assert_eq!(c.accounts.len(), 1);
        assert_eq!(c.accounts[0].name, "default");
        assert_eq!(c.accounts[0].identity.addresses, vec!["alex@acme.io"]);
        assert!(!c.policy.business_days);
        let e = Config::from_str("[maildir]\npath = \"/tmp/m\"\n", None)
            .unwrap_err()
            .to_string();
        assert!(e.contains("identity"), "{e}");
    }

    #[test]
    fn errors_name_the_key_and_the_fix() {
        let bad = format!("{MIN}[policy]\ndefault_cadence = [3, 0]\n");
        let e = Config::from_str(&bad, None).unwrap_err().to_string();
        assert!(
            e.contains("policy.default_cadence") && e.contains("at least 1"),
            "{e}"
        );
        let bad = format!("{MIN}[reasons.rules]\npricing = [\"(unclosed\"]\n");
        let e = Config::from_str(&bad, None).unwrap_err().to_string();
        assert!(e.contains("reasons.rules.pricing"), "{e}");
        let e = Config::from_str(
            &MIN.replace(
                "name = \"Alex\"",
                "name = \"Alex\"\ntimezone = \"Mars/Base\"",
            ),
            None,
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("timezone") && e.contains("IANA"), "{e}");
        let e = Config::from_str(
            &format!("{MIN}[policy]\nholiday_countries = [\"XX\"]\n"),
            None,
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("policy.holiday_countries") && e.contains("US, GB"),
            "{e}"
        );
        let ok = Config::from_str(
            &format!("{MIN}[policy]\nholiday_countries = [\"us\", \"de\"]\n"),
            None,
        )
        .unwrap();
        assert_eq!(ok.policy.holiday_countries, vec!["US", "DE"]);
        let e = Config::from_str(&format!("{MIN}[policy]\ncadense = [1]\n"), None)
            .unwrap_err()
            .to_string();
        assert!(e.contains("cadense"), "{e}");
    }
}
