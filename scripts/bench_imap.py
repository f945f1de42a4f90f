#!/usr/bin/env python3
"""Measures `followup scan` over IMAP against a real Dovecot on loopback, with a baseline
measured in the same run: Python's imaplib fetching the same header fields of every message.

    cargo build --release && python3 scripts/bench_imap.py [-v] [N]   (N messages, default 20000)

Prints wall-clock seconds and the ratio to the baseline for a first (cold cache) scan and a
rescan with nothing new. Needs dovecot-imapd and a `vmail` user (see .ci/run). Root only.
"""
import imaplib, os, random, shutil, socket, subprocess, sys, tempfile, time

ARGS = [a for a in sys.argv[1:] if a != "-v"]
VERBOSE = "-v" in sys.argv  # print followup's per-phase timings
N = int(ARGS[0]) if ARGS else 20000
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target/release/followup")
FIELDS = ("MESSAGE-ID IN-REPLY-TO REFERENCES FROM SENDER REPLY-TO TO CC BCC DATE SUBJECT AUTO-SUBMITTED "
          "X-AUTOREPLY X-AUTOREPLY-FROM X-AUTORESPOND X-AUTORESPONDER PRECEDENCE X-AUTO-RESPONSE-SUPPRESS "
          "LIST-UNSUBSCRIBE LIST-ID RETURN-PATH CONTENT-TYPE CONTENT-TRANSFER-ENCODING MIME-VERSION THREAD-INDEX "
          "THREAD-TOPIC X-FOLLOWUP-KEY X-MS-EXCHANGE-GENERATED-MESSAGE-SOURCE X-MS-EXCHANGE-INBOX-RULES-LOOP X-FAILED-RECIPIENTS")


def port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p


def main():
    if not os.path.exists(BIN):
        sys.exit("build first: cargo build --release")
    tmp = tempfile.mkdtemp(prefix="followup-bench-")
    os.chmod(tmp, 0o755)
    p = port()
    md = os.path.join(tmp, "mail/rep/Maildir")
    for d in ["cur", "new", "tmp", ".Sent/cur", ".Sent/new", ".Sent/tmp", ".Drafts/cur", ".Drafts/new", ".Drafts/tmp"]:
        os.makedirs(os.path.join(md, d))
    rnd = random.Random(7)
    # Half the messages are the rep's (Sent), half the prospects' replies (INBOX), in pairs.
    for i in range(N // 2):
        day = 1 + i % 28
        sent = (f"From: Alex Morgan <alex@acme.io>\nTo: P{i} <p{i}@company{i % 500}.example>\nSubject: Proposal {i}\n"
                f"Date: Mon, {day} Jun 2026 10:00:00 +0000\nMessage-ID: <s{i}@acme.io>\n\nHi, here is the proposal {i}.\n")
        open(os.path.join(md, ".Sent/cur", f"{1780000000 + i}.M{i}P1.b:2,S"), "w").write(sent)
        if rnd.random() < 0.7:
            rep = (f"From: P{i} <p{i}@company{i % 500}.example>\nTo: alex@acme.io\nSubject: Re: Proposal {i}\n"
                   f"Date: Tue, {day} Jun 2026 10:00:00 +0000\nMessage-ID: <r{i}@company.example>\nIn-Reply-To: <s{i}@acme.io>\n"
                   f"References: <s{i}@acme.io>\n\nThanks.\n")
        else:
            rep = (f"From: News <n@list{i % 9}.example>\nTo: alex@acme.io\nSubject: News {i}\nDate: Tue, {day} Jun 2026 10:00:00 +0000\n"
                   f"Message-ID: <n{i}@list.example>\nList-Id: <l.example>\n\nnews\n")
        open(os.path.join(md, "cur", f"{1780000000 + i}.M{i}P2.b:2,S"), "w").write(rep)
    open(os.path.join(tmp, "users"), "w").write("rep:{PLAIN}pw\n")
    conf = f"""base_dir = {tmp}/run
state_dir = {tmp}/state
log_path = {tmp}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {tmp}/users
}}
userdb {{
  driver = static
  args = uid=vmail gid=vmail home={tmp}/mail/%u
}}
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Drafts {{
    special_use = \\Drafts
  }}
  mailbox Sent {{
    special_use = \\Sent
  }}
}}
service imap-login {{
  inet_listener imap {{
    port = {p}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
"""
    open(os.path.join(tmp, "dovecot.conf"), "w").write(conf)
    subprocess.run(["chown", "-R", "vmail:vmail", os.path.join(tmp, "mail")], check=True)
    srv = subprocess.Popen(["dovecot", "-F", "-c", os.path.join(tmp, "dovecot.conf")])
    try:
        for _ in range(500):
            try:
                socket.create_connection(("127.0.0.1", p)).close(); break
            except OSError:
                time.sleep(0.02)
        # Let Dovecot index the folders once, so every measurement sees a warm server cache.
        subprocess.run(["doveadm", "-c", os.path.join(tmp, "dovecot.conf"), "force-resync", "-u", "rep", "*"], check=True)

        def baseline():
            t = time.perf_counter()
            c = imaplib.IMAP4("127.0.0.1", p); c.login("rep", "pw")
            n = 0
            for f in ["INBOX", "Sent"]:
                c.select(f, readonly=True)
                typ, data = c.uid("FETCH", "1:*", f"(UID FLAGS INTERNALDATE BODY.PEEK[HEADER.FIELDS ({FIELDS})])")
                n += sum(1 for d in data if isinstance(d, tuple))
            c.logout()
            return time.perf_counter() - t, n

        baseline()  # warm Dovecot's cache
        base, fetched = baseline()
        cfg = os.path.join(tmp, "config.toml")
        open(cfg, "w").write(f"""[[accounts]]
name = "bench"
[accounts.imap]
host = "127.0.0.1"
port = {p}
tls = "none"
user = "rep"
password_env = "BENCH_PW"
[accounts.identity]
name = "Alex Morgan"
addresses = ["alex@acme.io"]
[state]
dir = "{tmp}/followup-state"
""")
        env = dict(os.environ, BENCH_PW="pw", RUST_LOG="followup=debug" if VERBOSE else "error")

        def scan():
            t = time.perf_counter()
            subprocess.run([BIN, "scan", "--config", cfg, "--now", "2026-07-01T12:00:00Z", "--dry-run", "--format", "json"],
                           env=env, stdout=subprocess.DEVNULL, stderr=None if VERBOSE else subprocess.DEVNULL, check=True)
            return time.perf_counter() - t

        first = scan()
        again = scan()
        print(f"messages: {N} ({fetched} header blocks in the baseline)")
        print(f"baseline  imaplib header fetch of INBOX+Sent: {base:7.3f} s")
        print(f"followup  first scan (cold cache):           {first:7.3f} s  ratio {first / base:5.2f}")
        print(f"followup  rescan, nothing new:               {again:7.3f} s  ratio {again / base:5.2f}")
    finally:
        srv.terminate(); srv.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
