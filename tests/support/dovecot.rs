//! A real Dovecot IMAP server for tests: config written into a temp dir, started on a free
//! loopback port, Maildir storage with SPECIAL-USE Sent/Drafts, a passwd-file user.
#![allow(dead_code)]

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const USER: &str = "rep";
pub const PASSWORD: &str = "s3cret-pass";

/// TLS material for a server: a CA and a leaf it signed.
pub struct Tls {
    pub ca: PathBuf,
    pub cert: PathBuf,
    pub key: PathBuf,
}

pub struct Dovecot {
    pub dir: tempfile::TempDir,
    pub port: u16,
    /// The implicit-TLS port, when started with TLS.
    pub tls_port: Option<u16>,
    pub tls: Option<Tls>,
    child: Child,
    conf: PathBuf,
    mail_user: String,
}

/// A port no other test of this run will pick: handed out from a counter (tests run in
/// parallel threads), starting at a per-process offset, and checked free.
fn free_port() -> u16 {
    use std::sync::atomic::{AtomicU16, Ordering};
    static NEXT: AtomicU16 = AtomicU16::new(0);
    let base = 30_000 + (std::process::id() % 500) as u16 * 40;
    loop {
        let p = base + NEXT.fetch_add(1, Ordering::Relaxed) % 20_000;
        if std::net::TcpListener::bind(("127.0.0.1", p)).is_ok() {
            return p;
        }
    }
}

fn dovecot_binary() -> PathBuf {
    for p in ["/usr/sbin/dovecot", "/usr/local/sbin/dovecot"] {
        if Path::new(p).exists() {
            return PathBuf::from(p);
        }
    }
    panic!("no Dovecot binary found: install it with `apt-get install -y dovecot-imapd` (.ci/run does this)");
}

fn mail_user() -> String {
    let ok = |u: &str| {
        Command::new("id")
            .arg(u)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
    };
    if ok("vmail") {
        "vmail".into()
    } else {
        panic!("the test mail user `vmail` is missing: create it with `useradd --system --no-create-home vmail` (.ci/run does this)");
    }
}

fn run(cmd: &mut Command) {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Make a CA and a leaf certificate for localhost/127.0.0.1 with openssl.
fn make_tls(dir: &Path) -> Tls {
    let p = |n: &str| dir.join(n);
    run(Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=followup test CA",
            "-keyout",
        ])
        .arg(p("ca.key"))
        .arg("-out")
        .arg(p("ca.pem"))
        .args([
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
        ]));
    run(Command::new("openssl")
        .args([
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=localhost",
            "-keyout",
        ])
        .arg(p("leaf.key"))
        .arg("-out")
        .arg(p("leaf.csr")));
    std::fs::write(p("leaf.ext"), "basicConstraints=CA:FALSE\nsubjectAltName=DNS:localhost,IP:127.0.0.1\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n").unwrap();
    run(Command::new("openssl")
        .args(["x509", "-req", "-days", "2", "-CAcreateserial", "-in"])
        .arg(p("leaf.csr"))
        .arg("-CA")
        .arg(p("ca.pem"))
        .arg("-CAkey")
        .arg(p("ca.key"))
        .arg("-out")
        .arg(p("leaf.pem"))
        .arg("-extfile")
        .arg(p("leaf.ext")));
    Tls {
        ca: p("ca.pem"),
        cert: p("leaf.pem"),
        key: p("leaf.key"),
    }
}

/// Options for the server.
#[derive(Default, Clone, Copy)]
pub struct Options {
    pub tls: bool,
    /// `ssl = required`: no login without TLS, even on loopback.
    pub require_tls: bool,
    /// Gmail's folder names: `[Gmail]/Sent Mail`, `[Gmail]/Drafts`, `[Gmail]/All Mail`.
    pub gmail: bool,
}

impl Dovecot {
    /// Start a server whose user's Maildir holds a copy of `maildir` (if given).
    pub fn start(maildir: Option<&Path>, opts: Options) -> Dovecot {
        let bin = dovecot_binary();
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        run(Command::new("chmod").arg("0755").arg(&root));
        let mail_user = mail_user();
        let port = free_port();
        let tls_port = if opts.tls { Some(free_port()) } else { None };
        let tls = if opts.tls {
            Some(make_tls(&root))
        } else {
            None
        };
        let home = root.join("mail").join(USER);
        std::fs::create_dir_all(home.join("Maildir")).unwrap();
        if let Some(src) = maildir {
            run(Command::new("cp")
                .arg("-a")
                .arg(format!("{}/.", src.display()))
                .arg(home.join("Maildir")));
            if opts.gmail {
                // Gmail keeps every message in All Mail; INBOX holds only what isn't archived.
                let md = home.join("Maildir");
                std::fs::rename(md.join(".Sent"), md.join(".[Gmail].Sent Mail")).unwrap();
                std::fs::rename(md.join(".Drafts"), md.join(".[Gmail].Drafts")).unwrap();
                let all = md.join(".[Gmail].All Mail");
                for sub in ["cur", "new", "tmp"] {
                    std::fs::create_dir_all(all.join(sub)).unwrap();
                }
                for folder in [md.clone(), md.join(".[Gmail].Sent Mail")] {
                    for e in std::fs::read_dir(folder.join("cur")).unwrap() {
                        let p = e.unwrap().path();
                        std::fs::copy(&p, all.join("cur").join(p.file_name().unwrap())).unwrap();
                    }
                }
            }
        }
        for f in ["cur", "new", "tmp"] {
            std::fs::create_dir_all(home.join("Maildir").join(f)).unwrap();
        }
        std::fs::write(root.join("users"), format!("{USER}:{{PLAIN}}{PASSWORD}\n")).unwrap();
        let ssl = match (&tls, opts.require_tls) {
            (Some(t), true) => format!(
                "ssl = required\nssl_cert = <{}\nssl_key = <{}\n",
                t.cert.display(),
                t.key.display()
            ),
            (Some(t), false) => format!(
                "ssl = yes\nssl_cert = <{}\nssl_key = <{}\n",
                t.cert.display(),
                t.key.display()
            ),
            (None, _) => "ssl = no\n".to_string(),
        };
        let mailboxes = if opts.gmail {
            "  mailbox \"[Gmail]/Drafts\" {\n    special_use = \\Drafts\n    auto = subscribe\n  }\n  mailbox \"[Gmail]/Sent Mail\" {\n    special_use = \\Sent\n    auto = subscribe\n  }\n  mailbox \"[Gmail]/All Mail\" {\n    special_use = \\All\n    auto = subscribe\n  }\n"
        } else {
            "  mailbox Drafts {\n    special_use = \\Drafts\n    auto = subscribe\n  }\n  mailbox Sent {\n    special_use = \\Sent\n    auto = subscribe\n  }\n"
        };
        let conf = format!(
            r#"base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
info_log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
{ssl}disable_plaintext_auth = no
auth_mechanisms = plain login
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {root}/users
}}
userdb {{
  driver = static
  args = uid={mail_user} gid={mail_user} home={root}/mail/%u
}}
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  separator = /
{mailboxes}}}
service imap-login {{
  inet_listener imap {{
    port = {port}
  }}
  inet_listener imaps {{
    port = {tls_port}
    ssl = yes
  }}
}}
"#,
            root = root.display(),
            tls_port = tls_port.unwrap_or(0),
        );
        let conf_path = root.join("dovecot.conf");
        std::fs::write(&conf_path, conf).unwrap();
        run(Command::new("chown")
            .arg("-R")
            .arg(format!("{mail_user}:{mail_user}"))
            .arg(root.join("mail")));
        let child = Command::new(bin)
            .arg("-F")
            .arg("-c")
            .arg(&conf_path)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start dovecot");
        let mut d = Dovecot {
            dir,
            port,
            tls_port,
            tls,
            child,
            conf: conf_path,
            mail_user,
        };
        d.wait_ready();
        d
    }

    fn wait_ready(&mut self) {
        let start = Instant::now();
        loop {
            if TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("dovecot exited ({status}); log: {}", self.log());
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "dovecot did not listen within 10 s; log: {}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Kill the server outright (SIGKILL), as a crash or an OOM kill would.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = Command::new("pkill")
            .args(["-KILL", "-f", &self.conf.display().to_string()])
            .status();
    }

    /// Start the server again on the same port, with the same mail.
    pub fn restart(&mut self) {
        self.child = Command::new(dovecot_binary())
            .arg("-F")
            .arg("-c")
            .arg(&self.conf)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("restart dovecot");
        self.wait_ready();
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("dovecot.log")).unwrap_or_default()
    }

    pub fn maildir(&self) -> PathBuf {
        self.dir.path().join("mail").join(USER).join("Maildir")
    }

    /// Tell Dovecot about files written straight into the Maildir.
    pub fn resync(&self) {
        run(Command::new("chown")
            .arg("-R")
            .arg(format!("{0}:{0}", self.mail_user))
            .arg(self.dir.path().join("mail")));
        run(Command::new("doveadm").arg("-c").arg(&self.conf).args([
            "force-resync",
            "-u",
            USER,
            "*",
        ]));
    }

    /// A config for `followup` pointing at this server (plaintext on loopback).
    pub fn config(&self, extra_imap: &str) -> String {
        format!(
            r#"[[accounts]]
name = "imap-demo"
[accounts.imap]
host = "127.0.0.1"
port = {port}
tls = "none"
user = "{USER}"
password_env = "FOLLOWUP_TEST_PASSWORD"
{extra_imap}
[accounts.identity]
name = "Alex Morgan"
addresses = ["alex@acme.io"]
signature = "Alex Morgan\nAccount Executive, Acme\n+1 212 555 0142"
timezone = "America/New_York"

[policy]
holidays = ["2026-11-26", "2026-12-25", "2027-01-01"]

[state]
dir = "state"

# The rep's own assets: a value item carries a url, an attachment or content. (The built-in
# items take their substance from the thread: figures, the prospect's question, a recap.)
[[value_items.information]]
title = "our two-page SAP integration guide"
summary = "it walks through the three steps from connection to the first synced order"
url = "https://acme.example/guides/sap-integration"

[[value_items.information]]
title = "a short recap of where we left things"
summary = "it is below, so nothing gets lost between emails"
from_thread = "recap"

# Nags on purpose, as in the demo's config: the German pricing thread's draft is refused.
[[value_items.pricing]]
lang = "de"
title = "eine Übersicht der Preisstufen"
summary = "ich wollte nur kurz nachhaken, ob die Zahlen für Sie passen"
url = "https://acme.example/de/preise"
"#,
            port = self.port
        )
    }
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        let _ = super::sigterm(&self.child);
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Run Python's imaplib (an independent client) with a script; `IMAP` is a logged-in
/// connection. Returns stdout.
/// Deliver a message into INBOX with Python's imaplib, as another mail client would.
/// `message` is the body of a Python bytes literal (ASCII, line ends written `\r\n`).
pub fn append_to_inbox(d: &Dovecot, message: &str) {
    assert!(message.is_ascii() && !message.contains('"'), "{message}");
    imaplib(
        d,
        &format!("msg = b\"{message}\"\nIMAP.append('INBOX', None, None, msg)\n"),
    );
}

pub fn imaplib(d: &Dovecot, script: &str) -> String {
    let prelude = format!(
        "import imaplib, json, sys, email, email.policy\nIMAP = imaplib.IMAP4('127.0.0.1', {})\nIMAP.login('{USER}', '{PASSWORD}')\n",
        d.port
    );
    let out = Command::new("python3")
        .arg("-c")
        .arg(format!("{prelude}{script}"))
        .output()
        .expect("python3 is needed for the independent-client checks");
    assert!(
        out.status.success(),
        "imaplib script failed: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        d.log()
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Every folder's UID → FLAGS, read-only (EXAMINE, no body fetch), as JSON.
pub fn all_flags(d: &Dovecot) -> serde_json::Value {
    let out = imaplib(
        d,
        r#"
res = {}
for folder in ['INBOX', 'Sent', 'Drafts']:
    typ, _ = IMAP.select(folder, readonly=True)
    typ, data = IMAP.uid('FETCH', '1:*', '(FLAGS)')
    flags = {}
    for item in data:
        if not item: continue
        line = item.decode() if isinstance(item, bytes) else item[0].decode()
        import re
        m = re.search(r'UID (\d+)', line); f = re.search(r'FLAGS \(([^)]*)\)', line)
        if m and f: flags[m.group(1)] = sorted(f.group(1).split())
    res[folder] = flags
print(json.dumps(res))
"#,
    );
    serde_json::from_str(&out).unwrap()
}

/// The messages in a folder as Python's email package sees them (headers and plain body).
pub fn messages(d: &Dovecot, folder: &str) -> Vec<serde_json::Value> {
    let out = imaplib(
        d,
        &format!(
            r#"
IMAP.select('"{folder}"', readonly=True)
typ, data = IMAP.uid('SEARCH', None, 'ALL')
res = []
for uid in data[0].split():
    typ, msg = IMAP.uid('FETCH', uid, '(FLAGS BODY.PEEK[])')
    raw = msg[0][1]
    flags = msg[0][0].decode()
    m = email.message_from_bytes(raw, policy=email.policy.default)
    d = {{k.lower(): str(v) for k, v in m.items()}}
    body = m.get_body(preferencelist=('plain',))
    d['_body'] = body.get_content() if body else ''
    d['_flags'] = flags
    d['_uid'] = uid.decode()
    res.append(d)
print(json.dumps(res))
"#
        ),
    );
    serde_json::from_str(&out).unwrap()
}

/// The demo mailbox served by a test Dovecot, with a config for it (`config.toml`) in a temp
/// dir whose `state/` holds the demo's record (the draft the rep deleted in thread duff-1) as
/// the IMAP account's.
pub struct DemoServer {
    pub server: Dovecot,
    pub dir: tempfile::TempDir,
    _demo: super::Demo,
}

impl DemoServer {
    pub fn start(opts: Options) -> DemoServer {
        let demo = super::Demo::new();
        let server = Dovecot::start(Some(&demo.dir.path().join("mailbox")), opts);
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.toml"), server.config("")).unwrap();
        std::fs::create_dir_all(dir.path().join("state")).unwrap();
        std::fs::copy(
            demo.dir.path().join("state/demo.json"),
            dir.path().join("state/imap-demo.json"),
        )
        .unwrap();
        DemoServer {
            server,
            dir,
            _demo: demo,
        }
    }

    /// The path of `config.toml`.
    pub fn config(&self) -> String {
        self.dir.path().join("config.toml").display().to_string()
    }
}
