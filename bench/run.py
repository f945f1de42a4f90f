#!/usr/bin/env python3
"""The performance benchmark (issue 10): a generated mailbox served by a real Dovecot on
loopback, `followup scan --dry-run` against baselines measured in the same run.

    cargo build --release --bin followup --example bench_header_read
    python3 bench/run.py [--n 10000,100000] [--runs 3] [--out bench/results.json] [--bin PATH]
    python3 bench/run.py --team 20 [--team-n 10000] [--runs 3] [--out bench/team.json]
    python3 bench/run.py --linear 100000,1000000 [--runs 1] [--out bench/linear.json]

(--bin measures another build of followup, e.g. an older commit's, against the same baselines.)

For each N it prints, as medians of --runs runs:
  wire       a raw-socket client (no IMAP library, no parsing): EXAMINE INBOX and Sent, UID FETCH
             1:* of the header fields followup asks for, reading to the tagged OK
  first      followup's first IMAP scan (empty header cache), Dovecot warm
  cold       the same with Dovecot's cache cold (its index cache files deleted, server restarted)
  rescan     a rescan with no new mail
  rescan100  a rescan after 100 new messages arrived
  hdr-read   plain buffered reads of every Maildir file's header block (the Maildir baseline)
  maildir    followup's first scan of the same tree as a local Maildir
  maildir-re a Maildir rescan
and the ratios the issue sets targets for, with each followup run's peak RSS. With --team, a
sales team instead: that many accounts on one server scanned by one followup process, against as
many raw wire-limit clients fetching them all at once. With --linear, how the cost grows with
N: the Maildir scan and its header-read baseline at each size, no server. Root only (Dovecot
runs mail processes as the `vmail` user, as in .ci/run). It is a benchmark, not a test.
"""
import json, os, shutil, socket, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target/release/followup")
HDR = os.path.join(ROOT, "target/release/examples/bench_header_read")
NOW = "2026-12-01T12:00:00Z"


def header_fields():
    """The field list followup asks for, read from its source so the two never drift."""
    src = open(os.path.join(ROOT, "src/mailbox/imap/mod.rs")).read()
    start = src.index('pub const HEADER_FIELDS: &str = "') + len('pub const HEADER_FIELDS: &str = "')
    return " ".join(src[start:src.index('";', start)].replace("\\\n", " ").split())


def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p


def run_timed(argv, env=None, stdout=subprocess.DEVNULL):
    """Wall seconds and peak RSS (MiB) of one child process."""
    t = time.perf_counter()
    p = subprocess.Popen(argv, env=env, stdout=stdout, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    err = p.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(argv)} failed:\n{err}")
    return wall, ru.ru_maxrss / 1024


class Dovecot:
    def __init__(self, tmp, port, users=("rep",)):
        self.tmp, self.port, self.proc = tmp, port, None
        self.conf = os.path.join(tmp, "dovecot.conf")
        open(os.path.join(tmp, "users"), "w").write("".join(f"{u}:{{PLAIN}}pw\n" for u in users))
        open(self.conf, "w").write(f"""base_dir = {tmp}/run
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
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
""")

    def start(self):
        self.proc = subprocess.Popen(["dovecot", "-F", "-c", self.conf])
        for _ in range(500):
            try:
                socket.create_connection(("127.0.0.1", self.port)).close(); return
            except OSError:
                time.sleep(0.02)
        sys.exit("dovecot did not start; see " + os.path.join(self.tmp, "dovecot.log"))

    def stop(self):
        if self.proc:
            self.proc.terminate(); self.proc.wait(); self.proc = None

    def drop_caches(self, maildir):
        """Cold server: delete Dovecot's index cache files, restart, and drop the page cache."""
        self.stop()
        for d, _, files in os.walk(maildir):
            for f in files:
                if f.startswith("dovecot.index.cache"):
                    os.remove(os.path.join(d, f))
        subprocess.run(["sync"])
        try:
            open("/proc/sys/vm/drop_caches", "w").write("3\n")
        except OSError:
            pass
        self.start()


def wire(port, fields, user="rep"):
    """The wire limit: the same header FETCH over a raw socket, read to the tagged OK."""
    t = time.perf_counter()
    s = socket.create_connection(("127.0.0.1", port))
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    total = 0

    def until(tag):
        nonlocal total
        tail = b""
        while True:
            chunk = s.recv(1 << 20)
            if not chunk:
                sys.exit("server closed the connection")
            total += len(chunk)
            buf = tail + chunk
            i = buf.find(b"\r\n" + tag + b" ")
            if i >= 0 or buf.startswith(tag + b" "):
                return
            tail = buf[-64:]

    until(b"*")  # greeting ("* OK")
    s.sendall(b"a1 LOGIN %s pw\r\n" % user.encode()); until(b"a1")
    for n, folder in enumerate(["INBOX", "Sent"]):
        s.sendall(b"b%d EXAMINE %s\r\n" % (n, folder.encode())); until(b"b%d" % n)
        s.sendall(b"c%d UID FETCH 1:* (UID FLAGS INTERNALDATE BODY.PEEK[HEADER.FIELDS (%s)])\r\n" % (n, fields.encode()))
        until(b"c%d" % n)
    s.sendall(b"z LOGOUT\r\n")
    s.close()
    return time.perf_counter() - t, total


def write_configs(tmp, port, maildir):
    imap_cfg = os.path.join(tmp, "imap.toml")
    open(imap_cfg, "w").write(f"""[[accounts]]
name = "bench"
[accounts.imap]
host = "127.0.0.1"
port = {port}
tls = "none"
user = "rep"
password_env = "BENCH_PW"
[accounts.identity]
name = "Alex Morgan"
addresses = ["alex@acme.io"]
[state]
dir = "{tmp}/imap-state"
""")
    md_cfg = os.path.join(tmp, "maildir.toml")
    open(md_cfg, "w").write(f"""[[accounts]]
name = "bench"
maildir = {{ path = "{maildir}" }}
[accounts.identity]
name = "Alex Morgan"
addresses = ["alex@acme.io"]
[state]
dir = "{tmp}/maildir-state"
""")
    return imap_cfg, md_cfg


def scan(cfg, out=None):
    env = dict(os.environ, BENCH_PW="pw", RUST_LOG="error")
    argv = [BIN, "scan", "--config", cfg, "--now", NOW, "--dry-run", "--format", "json"]
    if out:
        with open(out, "w") as f:
            return run_timed(argv, env, stdout=f)
    return run_timed(argv, env)


def statuses(path):
    counts = {}
    for line in open(path):
        if line.strip():
            s = json.loads(line)["status"]
            counts[s] = counts.get(s, 0) + 1
    return counts


def median_of(runs, f):
    """Median wall time and the largest peak RSS over `runs` calls of f() -> (wall, rss)."""
    res = [f() for _ in range(runs)]
    return statistics.median(r[0] for r in res), max(r[1] for r in res)


def bench(n, runs, fields):
    tmp = tempfile.mkdtemp(prefix=f"followup-bench-{n}-")
    os.chmod(tmp, 0o755)
    maildir = os.path.join(tmp, "mail/rep/Maildir")
    t = time.perf_counter()
    subprocess.run([sys.executable, os.path.join(ROOT, "bench/generate.py"), maildir, str(n)], check=True)
    print(f"  generated {n} messages in {time.perf_counter() - t:.1f} s", flush=True)
    subprocess.run(["chown", "-R", "vmail:vmail", os.path.join(tmp, "mail")], check=True)
    port = free_port()
    dc = Dovecot(tmp, port)
    dc.start()
    imap_cfg, md_cfg = write_configs(tmp, port, maildir)
    r = {"n": n}
    try:
        subprocess.run(["doveadm", "-c", dc.conf, "force-resync", "-u", "rep", "*"], check=True)
        wire(port, fields)  # warm Dovecot
        r["wire"] = statistics.median(wire(port, fields)[0] for _ in range(runs))
        r["wire_bytes"] = wire(port, fields)[1]

        def first():
            shutil.rmtree(os.path.join(tmp, "imap-state"), ignore_errors=True)
            return scan(imap_cfg)
        r["first"], r["first_rss"] = median_of(runs, first)

        def cold():
            shutil.rmtree(os.path.join(tmp, "imap-state"), ignore_errors=True)
            dc.drop_caches(maildir)
            return scan(imap_cfg)
        r["cold"], r["cold_rss"] = median_of(runs, cold)
        wire(port, fields)  # warm again

        shutil.rmtree(os.path.join(tmp, "imap-state"), ignore_errors=True)
        scan(imap_cfg, os.path.join(tmp, "imap-first.jsonl"))
        r["rescan"], r["rescan_rss"] = median_of(runs, lambda: scan(imap_cfg))
        scan(imap_cfg, os.path.join(tmp, "imap-rescan.jsonl"))
        r["same_decisions_on_rescan"] = open(os.path.join(tmp, "imap-first.jsonl")).read() == open(os.path.join(tmp, "imap-rescan.jsonl")).read()

        # Maildir, on the same tree (before the 100 new messages arrive).
        hdr = lambda: run_timed([HDR, maildir])
        hdr()  # warm the page cache as the scans see it
        r["hdr_read"], _ = median_of(runs, hdr)

        def md_first():
            shutil.rmtree(os.path.join(tmp, "maildir-state"), ignore_errors=True)
            return scan(md_cfg)
        r["maildir"], r["maildir_rss"] = median_of(runs, md_first)
        scan(md_cfg, os.path.join(tmp, "maildir.jsonl"))
        r["maildir_rescan"], r["maildir_rescan_rss"] = median_of(runs, lambda: scan(md_cfg))
        r["same_decisions_imap_maildir"] = statuses(os.path.join(tmp, "maildir.jsonl")) == statuses(os.path.join(tmp, "imap-first.jsonl"))
        r["statuses"] = statuses(os.path.join(tmp, "imap-first.jsonl"))

        # 100 new messages: each run starts from the cache as it was before they arrived.
        snap = os.path.join(tmp, "imap-state.snap")
        shutil.rmtree(snap, ignore_errors=True)
        shutil.copytree(os.path.join(tmp, "imap-state"), snap)
        subprocess.run([sys.executable, os.path.join(ROOT, "bench/generate.py"), maildir, "0", "--extra", "100",
                        "--tag", "x", "--seed", "99"], check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["chown", "-R", "vmail:vmail", os.path.join(tmp, "mail")], check=True)
        wire(port, fields)  # Dovecot indexes the new files (its work, not followup's)

        def with_new():
            shutil.rmtree(os.path.join(tmp, "imap-state"), ignore_errors=True)
            shutil.copytree(snap, os.path.join(tmp, "imap-state"))
            return scan(imap_cfg)
        r["rescan100"], r["rescan100_rss"] = median_of(runs, with_new)
        # The incremental rescan (most threads' decisions reused) against a scan from nothing.
        shutil.rmtree(os.path.join(tmp, "imap-state"), ignore_errors=True)
        shutil.copytree(snap, os.path.join(tmp, "imap-state"))
        scan(imap_cfg, os.path.join(tmp, "imap-new-incremental.jsonl"))
        shutil.rmtree(os.path.join(tmp, "imap-state"), ignore_errors=True)
        scan(imap_cfg, os.path.join(tmp, "imap-new-full.jsonl"))
        r["same_decisions_incremental_and_full"] = open(os.path.join(tmp, "imap-new-incremental.jsonl")).read() == open(os.path.join(tmp, "imap-new-full.jsonl")).read()
    finally:
        dc.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    r["ratios"] = {
        "first/wire": r["first"] / r["wire"],
        "cold/wire": r["cold"] / r["wire"],
        "rescan/first": r["rescan"] / r["first"],
        "rescan100/first": r["rescan100"] / r["first"],
        "maildir/hdr_read": r["maildir"] / r["hdr_read"],
        "maildir_rescan/maildir": r["maildir_rescan"] / r["maildir"],
    }
    r["peak_rss_mib"] = max(r[k] for k in r if k.endswith("_rss"))
    return r


def bench_team(accounts, n, runs, fields):
    """A sales team: `accounts` mailboxes of `n` messages on one server, scanned by one followup
    process, against as many raw wire-limit clients fetching them all at once."""
    import threading
    tmp = tempfile.mkdtemp(prefix=f"followup-bench-team-")
    os.chmod(tmp, 0o755)
    users = [f"rep{i}" for i in range(accounts)]
    for i, u in enumerate(users):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench/generate.py"), os.path.join(tmp, "mail", u, "Maildir"),
                        str(n), "--seed", str(100 + i)], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["chown", "-R", "vmail:vmail", os.path.join(tmp, "mail")], check=True)
    port = free_port()
    dc = Dovecot(tmp, port, users)
    dc.start()
    cfg = os.path.join(tmp, "team.toml")
    with open(cfg, "w") as f:
        for u in users:
            f.write(f"""[[accounts]]
name = "{u}"
[accounts.imap]
host = "127.0.0.1"
port = {port}
tls = "none"
user = "{u}"
password_env = "BENCH_PW"
[accounts.identity]
name = "Alex Morgan"
addresses = ["alex@acme.io"]

""")
        f.write(f'[state]\ndir = "{tmp}/team-state"\n')
    r = {"accounts": accounts, "n": n}
    try:
        for u in users:
            subprocess.run(["doveadm", "-c", dc.conf, "force-resync", "-u", u, "*"], check=True)

        def all_wire():
            t = time.perf_counter()
            ths = [threading.Thread(target=wire, args=(port, fields, u)) for u in users]
            for th in ths:
                th.start()
            for th in ths:
                th.join()
            return time.perf_counter() - t
        all_wire()
        r["wire_all"] = statistics.median(all_wire() for _ in range(runs))

        def first():
            shutil.rmtree(os.path.join(tmp, "team-state"), ignore_errors=True)
            return scan(cfg)
        r["team_first"], r["team_rss"] = median_of(runs, first)
    finally:
        dc.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    r["ratio"] = r["team_first"] / r["wire_all"]
    return r


def bench_linear(sizes, runs):
    """Cost against N: the Maildir scan (no server, so a million messages stay practical) and
    its header-read baseline at each size, each tree generated, measured and deleted in turn."""
    out = []
    for n in sizes:
        tmp = tempfile.mkdtemp(prefix=f"followup-linear-{n}-")
        maildir = os.path.join(tmp, "Maildir")
        try:
            t = time.perf_counter()
            subprocess.run([sys.executable, os.path.join(ROOT, "bench/generate.py"), maildir, str(n)], check=True)
            print(f"  generated {n} messages in {time.perf_counter() - t:.1f} s", flush=True)
            _, md_cfg = write_configs(tmp, free_port(), maildir)
            hdr = lambda: run_timed([HDR, maildir])
            hdr()  # warm the page cache as the scans see it
            r = {"n": n}
            r["hdr_read"], _ = median_of(runs, hdr)

            def md_first():
                shutil.rmtree(os.path.join(tmp, "maildir-state"), ignore_errors=True)
                return scan(md_cfg)
            r["maildir"], r["maildir_rss"] = median_of(runs, md_first)
            print(f"  {n}: header read {r['hdr_read']:.2f} s, followup {r['maildir']:.2f} s, peak RSS {r['maildir_rss']:.0f} MiB", flush=True)
            out.append(r)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return out


def table(results):
    lines = ["| N | wire s | first s | cold s | rescan s | +100 s | hdr-read s | maildir s | maildir re s | peak RSS MiB |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r['n']} | {r['wire']:.2f} | {r['first']:.2f} | {r['cold']:.2f} | {r['rescan']:.2f} | "
                     f"{r['rescan100']:.2f} | {r['hdr_read']:.2f} | {r['maildir']:.2f} | {r['maildir_rescan']:.2f} | {r['peak_rss_mib']:.0f} |")
    lines += ["", "| N | first/wire (≤1.25) | cold/wire | rescan/first (≤3%) | +100/first (≤5%) | maildir/hdr-read (≤1.5) | maildir re/first | RSS (≤64 MiB) |",
              "|---|---|---|---|---|---|---|---|"]
    for r in results:
        q = r["ratios"]
        lines.append(f"| {r['n']} | {q['first/wire']:.2f}× | {q['cold/wire']:.2f}× | {q['rescan/first']:.1%} | "
                     f"{q['rescan100/first']:.1%} | {q['maildir/hdr_read']:.2f}× | {q['maildir_rescan/maildir']:.1%} | {r['peak_rss_mib']:.0f} |")
    return "\n".join(lines)


def main():
    args = sys.argv[1:]
    opt = lambda k, d: args[args.index(k) + 1] if k in args else d
    sizes = [int(x) for x in opt("--n", "10000,100000").split(",")]
    runs = int(opt("--runs", "3"))
    global BIN
    BIN = os.path.abspath(opt("--bin", BIN))
    out = opt("--out", os.path.join(ROOT, "bench/team.json" if "--team" in args else "bench/results.json"))
    for p in (BIN, HDR):
        if not os.path.exists(p):
            sys.exit("build first: cargo build --release --bin followup --example bench_header_read")
    fields = header_fields()
    if "--linear" in args:
        sizes = [int(x) for x in opt("--linear", "100000,1000000").split(",")]
        out = opt("--out", os.path.join(ROOT, "bench/linear.json"))
        print(f"linear: Maildir scans of {', '.join(map(str, sizes))} messages", flush=True)
        res = bench_linear(sizes, runs)
        base = res[0]
        print(f"| N | header read s | followup Maildir scan s | peak RSS MiB | time / {base['n']} | memory / {base['n']} |")
        print("|---|---|---|---|---|---|")
        for r in res:
            r["time_ratio"] = r["maildir"] / base["maildir"]
            r["memory_ratio"] = r["maildir_rss"] / base["maildir_rss"]
            print(f"| {r['n']} | {r['hdr_read']:.2f} | {r['maildir']:.2f} | {r['maildir_rss']:.0f} | {r['time_ratio']:.2f}× | {r['memory_ratio']:.2f}× |")
        json.dump({"date": time.strftime("%Y-%m-%d"), "runs": runs, "linear": res}, open(out, "w"), indent=2)
        print(f"\nwritten: {out}")
        return
    team = int(opt("--team", "0"))
    if team:
        n = int(opt("--team-n", "10000"))
        print(f"team: {team} accounts × {n} messages", flush=True)
        r = bench_team(team, n, runs, fields)
        print(f"| accounts | messages each | {team} raw clients at once s | followup, one process s | ratio (≤1.25) | peak RSS MiB |")
        print("|---|---|---|---|---|---|")
        print(f"| {team} | {n} | {r['wire_all']:.2f} | {r['team_first']:.2f} | {r['ratio']:.2f}× | {r['team_rss']:.0f} |")
        json.dump({"date": time.strftime("%Y-%m-%d"), "runs": runs, "team": r}, open(out, "w"), indent=2)
        print(f"\nwritten: {out}")
        return
    results = []
    for n in sizes:
        print(f"N = {n}", flush=True)
        results.append(bench(n, runs, fields))
        print(table(results[-1:]), flush=True)
        for k, v in results[-1].items():
            if k.startswith("same_decisions"):
                print(f"  {k}: {'yes' if v else 'NO: the judgement differs'}", flush=True)
    machine = {"cores": os.cpu_count(), "cpu": next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?"),
               "dovecot": subprocess.run(["dovecot", "--version"], capture_output=True, text=True).stdout.strip()}
    json.dump({"date": time.strftime("%Y-%m-%d"), "machine": machine, "runs": runs, "results": results}, open(out, "w"), indent=2)
    print("\n" + table(results))
    print(f"\nwritten: {out}")


if __name__ == "__main__":
    main()
