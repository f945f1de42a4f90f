//! IMAP backend (async-imap over tokio, TLS by rustls).

#[derive(Debug, thiserror::Error)]
pub enum ImapError {
    #[error("{0}")]
    Other(String),
}
