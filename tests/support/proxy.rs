//! A fault-injecting TCP proxy on loopback, between `followup` and the test Dovecot: it passes
//! bytes through, and can cut the connection or stall the server's side after a number of
//! bytes, the way a flaky network or a hung server does.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

/// What the proxy does to the traffic (after the given number of bytes, where one is given).
#[derive(Debug, Clone, Copy)]
pub enum Fault {
    /// Close both sides once the server has sent this many bytes (counted over the session).
    CutServer(usize),
    /// Stop passing the server's bytes on after this many, keeping the connection open.
    StallServer(usize),
    /// Close both sides once the client has sent this many bytes.
    CutClient(usize),
    /// Insert a line no IMAP grammar allows into the server's stream at this byte, then go on.
    GarbleServer(usize),
    /// Hold every chunk the server sends for this many milliseconds: a slow server.
    SlowServer(u64),
}

pub struct Proxy {
    pub port: u16,
    /// Bytes the client sent and the server sent, over every connection.
    pub client_bytes: Arc<AtomicUsize>,
    pub server_bytes: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
}

impl Proxy {
    pub fn start(upstream: u16, fault: Option<Fault>) -> Proxy {
        Self::start_on(upstream, fault, None)
    }

    /// Like `start`, with the fault applied only to the `nth` connection (0 = the first);
    /// the others pass through untouched.
    pub fn start_on(upstream: u16, fault: Option<Fault>, nth: Option<usize>) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let client_bytes = Arc::new(AtomicUsize::new(0));
        let server_bytes = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (cb, sb, st) = (client_bytes.clone(), server_bytes.clone(), stop.clone());
        thread::spawn(move || {
            for (k, conn) in listener.incoming().enumerate() {
                let fault = fault.filter(|_| nth.is_none_or(|n| n == k));
                if st.load(Ordering::SeqCst) {
                    return;
                }
                let Ok(client) = conn else { continue };
                let Ok(server) = TcpStream::connect(("127.0.0.1", upstream)) else {
                    continue;
                };
                let (c2, s2) = (client.try_clone().unwrap(), server.try_clone().unwrap());
                let (cb, sb) = (cb.clone(), sb.clone());
                let cut = Arc::new(AtomicBool::new(false));
                let cut2 = cut.clone();
                thread::spawn(move || pump(client, server, &cb, fault, true, &cut));
                thread::spawn(move || pump(s2, c2, &sb, fault, false, &cut2));
            }
        });
        Proxy {
            port,
            client_bytes,
            server_bytes,
            stop,
        }
    }
}

/// Copy `from` → `to`, counting into `count`, applying the fault meant for this direction.
fn pump(
    mut from: TcpStream,
    mut to: TcpStream,
    count: &AtomicUsize,
    fault: Option<Fault>,
    client_side: bool,
    cut: &AtomicBool,
) {
    let limit = match (fault, client_side) {
        (Some(Fault::CutClient(n)), true) => Some((n, false)),
        (Some(Fault::CutServer(n)), false) => Some((n, false)),
        (Some(Fault::StallServer(n)), false) => Some((n, true)),
        _ => None,
    };
    let mut garble = match (fault, client_side) {
        (Some(Fault::GarbleServer(n)), false) => Some(n),
        _ => None,
    };
    let delay = match (fault, client_side) {
        (Some(Fault::SlowServer(ms)), false) => Some(Duration::from_millis(ms)),
        _ => None,
    };
    let mut buf = [0u8; 4096];
    loop {
        if cut.load(Ordering::SeqCst) {
            break;
        }
        let n = match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        if let Some(d) = delay {
            thread::sleep(d);
        }
        let before = count.fetch_add(n, Ordering::SeqCst);
        if let Some(at) = garble.filter(|&at| before + n > at) {
            let keep = at.saturating_sub(before).min(n);
            let _ = to.write_all(&buf[..keep]);
            let _ = to.write_all(b"\r\n* 7 FETCH (UID \"x\" ((( BODY[ }\r\n)\r\n");
            let _ = to.write_all(&buf[keep..n]);
            garble = None;
            continue;
        }
        if let Some((max, stall)) = limit {
            if before + n > max {
                let keep = max.saturating_sub(before);
                let _ = to.write_all(&buf[..keep]);
                if stall {
                    // Hold the connection open and silent until the client gives up.
                    while from.read(&mut buf).is_ok_and(|n| n > 0) {}
                    thread::sleep(Duration::from_millis(10));
                } else {
                    cut.store(true, Ordering::SeqCst);
                }
                let _ = from.shutdown(Shutdown::Both);
                let _ = to.shutdown(Shutdown::Both);
                return;
            }
        }
        if to.write_all(&buf[..n]).is_err() {
            break;
        }
    }
    let _ = from.shutdown(Shutdown::Both);
    let _ = to.shutdown(Shutdown::Both);
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}
