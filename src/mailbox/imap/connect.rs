//! Connecting and logging in: TCP, TLS by rustls (implicit or STARTTLS; plaintext only when the
//! config says so), credentials from a command or the environment, LOGIN or XOAUTH2. Secrets
//! never reach a log line or an error message.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use async_imap::{Client, Session};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, ServerName};
use tokio_rustls::rustls::{ClientConfig, RootCertStore};
use tokio_rustls::TlsConnector;

use super::ImapError;
use crate::config::ImapConfig;

/// The byte stream under an IMAP session: TLS or (when configured) plain TCP.
pub trait Io: AsyncRead + AsyncWrite + Unpin + Send + fmt::Debug {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send + fmt::Debug> Io for T {}

pub type ImapSession = Session<Box<dyn Io>>;

/// A byte stream that fails a read the server leaves unanswered for longer than `limit`, so a
/// silent or stalled server ends the session with a clear error instead of hanging the scan.
/// Only a pending read counts: between commands nothing is read and nothing expires.
#[derive(Debug)]
pub struct Stalled<S> {
    inner: S,
    limit: Duration,
    deadline: std::pin::Pin<Box<tokio::time::Sleep>>,
    armed: bool,
}

impl<S> Stalled<S> {
    pub fn new(inner: S, limit: Duration) -> Stalled<S> {
        Stalled {
            inner,
            limit,
            deadline: Box::pin(tokio::time::sleep(limit)),
            armed: false,
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Stalled<S> {
    fn poll_read(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        use std::future::Future;
        use std::task::Poll;
        let this = &mut *self;
        match std::pin::Pin::new(&mut this.inner).poll_read(cx, buf) {
            Poll::Ready(r) => {
                this.armed = false;
                Poll::Ready(r)
            }
            Poll::Pending => {
                if !this.armed {
                    let at = tokio::time::Instant::now() + this.limit;
                    this.deadline.as_mut().reset(at);
                    this.armed = true;
                }
                match this.deadline.as_mut().poll(cx) {
                    Poll::Ready(()) => {
                        this.armed = false;
                        Poll::Ready(Err(std::io::Error::new(
                            std::io::ErrorKind::TimedOut,
                            format!(
                                "the server sent nothing for {} s (raise accounts.imap.timeout_seconds for a slow server)",
                                this.limit.as_secs()
                            ),
                        )))
                    }
                    Poll::Pending => Poll::Pending,
                }
            }
        }
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Stalled<S> {
    fn poll_write(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        std::pin::Pin::new(&mut self.inner).poll_write(cx, buf)
    }
    fn poll_flush(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.inner).poll_flush(cx)
    }
    fn poll_shutdown(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// How to reach and authenticate to one server.
#[derive(Clone)]
pub struct Endpoint {
    pub host: String,
    pub port: u16,
    pub tls: TlsMode,
    pub user: String,
    pub secret: SecretSource,
    pub ca_file: Option<String>,
    /// How long the server may stay silent while an answer is awaited (connect, greeting,
    /// login, every command) before the session is given up as stalled.
    pub timeout: Duration,
    /// Send credentials over plaintext to a host that is not this machine.
    pub allow_plaintext_login: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TlsMode {
    Implicit,
    StartTls,
    None,
}

/// Where the password or token comes from. Debug never shows a value.
#[derive(Clone)]
pub enum SecretSource {
    PasswordCommand(String),
    PasswordEnv(String),
    OAuth2Command(String),
    /// A value given directly (tests only).
    Literal(String),
}

impl fmt::Debug for SecretSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SecretSource::PasswordCommand(_) => write!(f, "password_command"),
            SecretSource::PasswordEnv(v) => write!(f, "password_env({v})"),
            SecretSource::OAuth2Command(_) => write!(f, "oauth2_token_command"),
            SecretSource::Literal(_) => write!(f, "literal(****)"),
        }
    }
}

impl Endpoint {
    pub fn from_config(c: &ImapConfig) -> Endpoint {
        let tls = match c.tls.as_str() {
            "starttls" => TlsMode::StartTls,
            "none" => TlsMode::None,
            _ => TlsMode::Implicit,
        };
        let port = c
            .port
            .unwrap_or(if tls == TlsMode::Implicit { 993 } else { 143 });
        let secret = if let Some(cmd) = &c.oauth2_token_command {
            SecretSource::OAuth2Command(cmd.clone())
        } else if let Some(cmd) = &c.password_command {
            SecretSource::PasswordCommand(cmd.clone())
        } else {
            SecretSource::PasswordEnv(c.password_env.clone().unwrap_or_default())
        };
        Endpoint {
            host: c.host.clone(),
            port,
            tls,
            user: c.user.clone(),
            secret,
            ca_file: c.ca_file.clone(),
            timeout: Duration::from_secs(c.timeout_seconds.max(1)),
            allow_plaintext_login: c.allow_plaintext_login,
        }
    }

    /// Loopback: plaintext there never crosses a network.
    fn is_loopback(&self) -> bool {
        let h = self.host.trim_matches(|c| c == '[' || c == ']');
        h.eq_ignore_ascii_case("localhost")
            || h.parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    }

    fn place(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }
}

/// Passwords already obtained from a `password_command`, so the command runs once per process
/// (like mbsync's PassCmd) however often `followup run` reconnects. Tokens are not cached: an
/// OAuth2 access token expires, and its command is expected to refresh it.
static PASSWORDS: std::sync::Mutex<Vec<(String, String)>> = std::sync::Mutex::new(Vec::new());

async fn cached_password(cmd: &str) -> Result<String, ImapError> {
    if let Some((_, p)) = PASSWORDS
        .lock()
        .expect("password cache")
        .iter()
        .find(|(c, _)| c == cmd)
    {
        return Ok(p.clone());
    }
    let p = run_secret_command(cmd, "password_command").await?;
    PASSWORDS
        .lock()
        .expect("password cache")
        .push((cmd.to_string(), p.clone()));
    Ok(p)
}

/// The SASL XOAUTH2 initial response (RFC 7628 style, as Gmail and Microsoft 365 expect).
pub fn xoauth2_response(user: &str, token: &str) -> String {
    format!("user={user}\x01auth=Bearer {token}\x01\x01")
}

/// Run a secret command (`sh -c`), returning its first output line. Its output is never echoed.
async fn run_secret_command(cmd: &str, what: &str) -> Result<String, ImapError> {
    let out = tokio::process::Command::new("sh")
        .arg("-c")
        .arg(cmd)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .await
        .map_err(|e| {
            ImapError::Secret(format!(
                "{what} could not be started ({e}); check the command in the config"
            ))
        })?;
    if !out.status.success() {
        return Err(ImapError::Secret(format!(
            "{what} exited with {}; run it by hand to see why",
            out.status
        )));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let first = text
        .lines()
        .next()
        .unwrap_or("")
        .trim_end_matches('\r')
        .to_string();
    if first.is_empty() {
        return Err(ImapError::Secret(format!(
            "{what} printed nothing; it must print the secret on its first line"
        )));
    }
    Ok(first)
}

fn tls_config(ep: &Endpoint) -> Result<Arc<ClientConfig>, ImapError> {
    let mut roots = RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    let native = rustls_native_certs::load_native_certs();
    for c in native.certs {
        let _ = roots.add(c);
    }
    if let Some(path) = &ep.ca_file {
        let path = crate::config::expand_home(path);
        let bytes = std::fs::read(&path)
            .map_err(|e| ImapError::Tls(format!("cannot read ca_file {}: {e}", path.display())))?;
        let mut n = 0;
        for cert in CertificateDer::pem_slice_iter(&bytes) {
            let cert = cert.map_err(|e| {
                ImapError::Tls(format!(
                    "ca_file {} is not PEM certificates: {e}",
                    path.display()
                ))
            })?;
            roots
                .add(cert)
                .map_err(|e| ImapError::Tls(format!("ca_file {}: {e}", path.display())))?;
            n += 1;
        }
        if n == 0 {
            return Err(ImapError::Tls(format!(
                "ca_file {} holds no certificate",
                path.display()
            )));
        }
    }
    let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
    let cfg = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| ImapError::Tls(e.to_string()))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(cfg))
}

async fn wrap_tls<T: Io + 'static>(ep: &Endpoint, tcp: T) -> Result<Box<dyn Io>, ImapError> {
    let connector = TlsConnector::from(tls_config(ep)?);
    let name = ServerName::try_from(ep.host.clone())
        .map_err(|_| ImapError::Tls(format!("`{}` is not a valid server name", ep.host)))?;
    let tls = connector
        .connect(name, tcp)
        .await
        .map_err(|e| ImapError::Tls(format!("TLS handshake with {} failed: {e}. For a self-hosted server with its own CA, set ca_file", ep.place())))?;
    Ok(Box::new(tls))
}

struct XOAuth2 {
    user: String,
    token: String,
}

impl async_imap::Authenticator for &XOAuth2 {
    type Response = String;
    fn process(&mut self, _challenge: &[u8]) -> String {
        xoauth2_response(&self.user, &self.token)
    }
}

/// Connect, secure, and log in. Returns a session and whether CONDSTORE is on.
pub async fn connect(ep: &Endpoint) -> Result<(ImapSession, bool), ImapError> {
    if ep.tls == TlsMode::None && !ep.is_loopback() && !ep.allow_plaintext_login {
        return Err(ImapError::Tls(format!(
            "refusing to send the password to {} without TLS; use tls = \"implicit\" or \"starttls\" (or, on a network you trust, set allow_plaintext_login = true)",
            ep.place()
        )));
    }
    let secs = ep.timeout.as_secs();
    let tcp = tokio::time::timeout(ep.timeout, TcpStream::connect((ep.host.as_str(), ep.port)))
        .await
        .map_err(|_| ImapError::Connect {
            place: ep.place(),
            message: format!("timed out after {secs} s"),
        })?
        .map_err(|e| ImapError::Connect {
            place: ep.place(),
            message: super::concise(&e),
        })?;
    let _ = tcp.set_nodelay(true);
    let tcp = Stalled::new(tcp, ep.timeout);
    let stream: Box<dyn Io> = match ep.tls {
        TlsMode::Implicit => wrap_tls(ep, tcp).await?,
        TlsMode::None => {
            tracing::warn!(server = %ep.place(), "IMAP without TLS (tls = \"none\"): the password and mail cross the network in clear text");
            Box::new(tcp)
        }
        TlsMode::StartTls => {
            let mut client = Client::new(tcp);
            greeting(&mut client, ep).await?;
            client
                .run_command_and_check_ok("STARTTLS", None)
                .await
                .map_err(|e| {
                    ImapError::Tls(format!(
                        "{} refused STARTTLS ({e}); use tls = \"implicit\" on port 993",
                        ep.place()
                    ))
                })?;
            wrap_tls(ep, client.into_inner()).await?
        }
    };
    let mut client = Client::new(stream);
    if ep.tls != TlsMode::StartTls {
        greeting(&mut client, ep).await?;
    }
    let login_err = |e: async_imap::error::Error| ImapError::Login {
        user: ep.user.clone(),
        place: ep.place(),
        message: e.to_string(),
    };
    let mut session = match &ep.secret {
        SecretSource::OAuth2Command(cmd) => {
            let token = run_secret_command(cmd, "oauth2_token_command").await?;
            let auth = XOAuth2 {
                user: ep.user.clone(),
                token,
            };
            client
                .authenticate("XOAUTH2", &auth)
                .await
                .map_err(|(e, _)| login_err(e))?
        }
        other => {
            let password = match other {
                SecretSource::PasswordCommand(cmd) => cached_password(cmd).await?,
                SecretSource::PasswordEnv(var) => std::env::var(var).map_err(|_| {
                    ImapError::Secret(format!(
                        "environment variable {var} (password_env) is not set"
                    ))
                })?,
                SecretSource::Literal(v) => v.clone(),
                SecretSource::OAuth2Command(_) => unreachable!(),
            };
            client
                .login(&ep.user, &password)
                .await
                .map_err(|(e, _)| login_err(e))?
        }
    };
    let caps = session
        .capabilities()
        .await
        .map_err(|e| ImapError::protocol("CAPABILITY", e))?;
    let condstore = caps.has_str("CONDSTORE") || caps.has_str("QRESYNC");
    if condstore {
        session
            .run_command_and_check_ok("ENABLE CONDSTORE")
            .await
            .map_err(|e| ImapError::protocol("ENABLE CONDSTORE", e))?;
    }
    Ok((session, condstore))
}

async fn greeting<T: AsyncRead + AsyncWrite + Unpin + Send + fmt::Debug>(
    client: &mut Client<T>,
    ep: &Endpoint,
) -> Result<(), ImapError> {
    match tokio::time::timeout(ep.timeout, client.read_response()).await {
        Ok(Ok(Some(_))) => Ok(()),
        Ok(Ok(None)) => Err(ImapError::Connect {
            place: ep.place(),
            message: "the server closed the connection before greeting".into(),
        }),
        Ok(Err(e)) => Err(ImapError::Connect {
            place: ep.place(),
            message: format!("no IMAP greeting ({e}); is this an IMAP port, and is tls set right?"),
        }),
        Err(_) => Err(ImapError::Connect {
            place: ep.place(),
            message: format!(
                "no IMAP greeting within {} s; is tls set right for this port?",
                ep.timeout.as_secs()
            ),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xoauth2_initial_response_has_the_sasl_shape() {
        assert_eq!(
            xoauth2_response("alex@acme.io", "ya29.tok"),
            "user=alex@acme.io\x01auth=Bearer ya29.tok\x01\x01"
        );
    }

    #[test]
    fn debug_output_never_shows_a_secret() {
        let shown = format!("{:?}", SecretSource::Literal("hunter2".into()));
        assert!(!shown.contains("hunter2"));
        let shown = format!("{:?}", SecretSource::PasswordCommand("echo hunter2".into()));
        assert!(!shown.contains("hunter2"));
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_password_command_runs_once_per_process() {
        let dir = tempfile::tempdir().unwrap();
        let counter = dir.path().join("runs");
        let cmd = format!("echo x >> {0}; echo 'pw from command'", counter.display());
        assert_eq!(cached_password(&cmd).await.unwrap(), "pw from command");
        assert_eq!(cached_password(&cmd).await.unwrap(), "pw from command");
        assert_eq!(
            std::fs::read_to_string(&counter).unwrap().lines().count(),
            1
        );
        let e = run_secret_command("exit 3", "password_command")
            .await
            .unwrap_err()
            .to_string();
        assert!(e.contains("password_command exited"), "{e}");
    }
}
