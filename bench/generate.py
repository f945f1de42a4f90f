#!/usr/bin/env python3
"""Generate a realistic rep mailbox as Maildir++ (INBOX at the root, .Sent, .Drafts), seeded.

    python3 bench/generate.py OUT_DIR N [--seed S] [--now 2026-12-01T12:00:00Z] [--extra K --tag T]

About 75% of the messages are in Sent and 25% in INBOX: rep-to-prospect threads with follow-ups,
prospect replies (quoting what they answer), out-of-office auto-replies, a few bounces, and
newsletters. Every message has Message-ID, In-Reply-To/References where it answers, 2–4
Received lines, DKIM and client headers, plain text or text+HTML, and about one in twenty
carries a PDF attachment (20–400 KiB). Dates spread over the year before --now.
`--extra K` adds K new messages (new threads and replies, dated in the last day) to an existing
tree, for incremental rescans; `--tag` keeps their file names apart between runs.
"""
import base64, datetime as dt, os, random, sys, unicodedata

REP = ("Alex Morgan", "alex@acme.io")
FIRST = "Dana Omar Lena Marco Sofia Jonas Priya Tom Anna Luis Claire Jürgen Sanne Erik Mia Noah Ava Ben Zoe Raj".split()
LAST = "Ito Berg Silva Novak Rossi Dubois Meyer Jansen Lind Costa Kim Patel Young Walsh Brooks Reyes".split()
COMPANY = "northwind globex initech umbrella stark wayne hooli vandelay acmeco soylent wonka tyrell".split()
TLD = ["com", "io", "de", "fr", "co.uk", "nl", "se", "es"]
OPENERS = [
    "As promised, attached is the quote for the {n} seats we discussed.",
    "Here is the proposal for the pilot at your {site} site.",
    "Once you have had a chance to talk it over with your CFO, let me know where you land.",
    "I'll check with our engineers whether the API supports bulk exports and get back to you.",
    "Would Tuesday at 3pm work for a short call to go through the rollout plan?",
    "Understood that the timing is not right; I'll come back to you in Q2 when planning starts.",
    "Enjoy your holiday, I'll follow up when you're back in the office on the {d}th.",
    "Your 14-day trial is live; the login details are in a separate email.",
    "The annual fee for {n} users comes to ${k},000 including onboarding.",
    "Attached is the statement of work with the redlines from your legal team accepted.",
]
FILLER = [
    "The main difference from last year's setup is that reporting runs every night instead of weekly.",
    "Several teams of your size started with one site and added the others within a quarter.",
    "Onboarding takes about two weeks, most of it on our side.",
    "I have also included the answers to the security questions your IT team raised.",
    "If it helps, I can walk your team through the numbers on a call.",
    "Happy to adjust the scope if the first phase should be smaller.",
    "Our support team is available in your time zone from 8am to 8pm.",
    "The integration with your CRM is included and needs no extra licence.",
]
REPLIES = [
    "Thanks, this is helpful. Can you send the pricing for the larger tier as well?",
    "I need to run this past our finance director before we commit.",
    "Looks good. Let's talk again after the budget meeting next month.",
    "Can you tell me more about how the data export works?",
    "We are in the middle of a migration, please come back to me in the new year.",
    "Thanks Alex, I have forwarded it to procurement.",
]
SIG = "\n\nAlex Morgan\nAccount Executive, Acme\n+1 212 555 0100\n"


def fmt_date(t):
    return t.strftime("%a, %d %b %Y %H:%M:%S +0000")


class Gen:
    def __init__(self, out, seed, now, tag="g"):
        self.out, self.rnd, self.now, self.tag = out, random.Random(seed), now, tag
        self.seq = 0
        self.sent = self.inbox = 0
        for d in ["cur", "new", "tmp", ".Sent/cur", ".Sent/new", ".Sent/tmp", ".Drafts/cur", ".Drafts/new", ".Drafts/tmp"]:
            os.makedirs(os.path.join(out, d), exist_ok=True)

    def mid(self, dom):
        self.seq += 1
        return f"<{self.tag}{self.seq}.{self.rnd.getrandbits(40):x}@{dom}>"

    def received(self, t, dom):
        lines = []
        for i in range(self.rnd.randint(2, 4)):
            hop = t - dt.timedelta(seconds=i * self.rnd.randint(1, 5))
            lines.append(f"Received: from mx{i}.{dom} (mx{i}.{dom} [10.{i}.{self.rnd.randint(0,255)}.{self.rnd.randint(1,254)}])\n"
                         f"\tby mail.acme.io (Postfix) with ESMTPS id {self.rnd.getrandbits(48):X}\n"
                         f"\tfor <alex@acme.io>; {fmt_date(hop)}")
        return "\n".join(lines) + "\n"

    def dkim(self, dom):
        b = base64.b64encode(self.rnd.randbytes(180)).decode()
        return (f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d={dom}; s=s1;\n"
                f"\th=from:to:subject:date:message-id; bh={b[:44]};\n\tb={b[44:120]}\n\t{b[120:]}\n")

    def body(self, text, attach):
        """Plain, text+HTML, or mixed with a PDF."""
        r = self.rnd.random()
        if not attach and r < 0.45:
            return "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n", "\n" + text
        bnd = f"b{self.rnd.getrandbits(64):x}"
        html = "<html><body>" + "".join(f"<p>{l}</p>" for l in text.split("\n") if l) + "</body></html>"
        alt = (f"--{bnd}\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n{text}\n"
               f"--{bnd}\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n{html}\n--{bnd}--\n")
        if not attach:
            return f"Content-Type: multipart/alternative; boundary=\"{bnd}\"\n", "\n" + alt
        outer = f"o{self.rnd.getrandbits(64):x}"
        pdf = base64.encodebytes(self.rnd.randbytes(self.rnd.randint(20, 400) * 1024)).decode()
        return (f"Content-Type: multipart/mixed; boundary=\"{outer}\"\n",
                f"\n--{outer}\nContent-Type: multipart/alternative; boundary=\"{bnd}\"\n\n{alt}"
                f"--{outer}\nContent-Type: application/pdf; name=\"quote.pdf\"\nContent-Disposition: attachment; filename=\"quote.pdf\"\n"
                f"Content-Transfer-Encoding: base64\n\n{pdf}--{outer}--\n")

    def write(self, folder, t, raw, seen=True):
        self.seq += 1
        data = raw.encode()
        name = f"{int(t.timestamp())}.M{self.seq}P{self.tag}.bench,S={len(data)}:2,{'S' if seen else ''}"
        sub = ".Sent/cur" if folder == "Sent" else "cur"
        with open(os.path.join(self.out, sub, name), "wb") as f:
            f.write(data)
        if folder == "Sent":
            self.sent += 1
        else:
            self.inbox += 1

    def rep_msg(self, t, p, subject, parent, refs, text):
        mid = self.mid("acme.io")
        ctype, body = self.body(text + SIG, self.rnd.random() < 0.05)
        hdr = (f"Return-Path: <alex@acme.io>\n{self.dkim('acme.io')}From: {REP[0]} <{REP[1]}>\nTo: {p[0]} <{p[1]}>\n"
               f"Subject: {subject}\nDate: {fmt_date(t)}\nMessage-ID: {mid}\n")
        if parent:
            hdr += f"In-Reply-To: {parent}\nReferences: {' '.join(refs + [parent])}\n"
        hdr += f"MIME-Version: 1.0\nUser-Agent: Mozilla Thunderbird\n{ctype}"
        self.write("Sent", t, hdr + body)
        return mid

    def prospect_msg(self, t, p, subject, parent, refs, text, quoted):
        dom = p[1].split("@")[1]
        mid = self.mid(dom)
        q = "\n".join("> " + l for l in quoted.split("\n"))
        ctype, body = self.body(f"{text}\n\n{p[0]}\n\nOn {fmt_date(t)}, Alex Morgan wrote:\n{q}", False)
        hdr = (f"{self.received(t, dom)}Return-Path: <{p[1]}>\n{self.dkim(dom)}From: {p[0]} <{p[1]}>\nTo: Alex Morgan <alex@acme.io>\n"
               f"Subject: Re: {subject}\nDate: {fmt_date(t)}\nMessage-ID: {mid}\nIn-Reply-To: {parent}\n"
               f"References: {' '.join(refs + [parent])}\nMIME-Version: 1.0\nX-Mailer: Microsoft Outlook 16.0\n"
               f"Thread-Index: {base64.b64encode(self.rnd.randbytes(22)).decode()}\n{ctype}")
        self.write("INBOX", t, hdr + body)
        return mid

    def autoreply(self, t, p, subject, parent):
        dom = p[1].split("@")[1]
        back = (t + dt.timedelta(days=self.rnd.randint(3, 20))).strftime("%B %d")
        raw = (f"{self.received(t, dom)}Return-Path: <>\nFrom: {p[0]} <{p[1]}>\nTo: alex@acme.io\nSubject: Automatic reply: {subject}\n"
               f"Date: {fmt_date(t)}\nMessage-ID: {self.mid(dom)}\nIn-Reply-To: {parent}\nAuto-Submitted: auto-replied\n"
               f"X-Auto-Response-Suppress: All\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
               f"I am out of the office until {back} with limited access to email.\n")
        self.write("INBOX", t, raw)

    def bounce(self, t, p, subject, parent, original):
        bnd = f"d{self.rnd.getrandbits(48):x}"
        raw = (f"{self.received(t, 'acme.io')}Return-Path: <>\nFrom: Mail Delivery System <MAILER-DAEMON@mail.acme.io>\n"
               f"To: alex@acme.io\nSubject: Undelivered Mail Returned to Sender\nDate: {fmt_date(t)}\n"
               f"Message-ID: {self.mid('mail.acme.io')}\nAuto-Submitted: auto-replied\nMIME-Version: 1.0\n"
               f"Content-Type: multipart/report; report-type=delivery-status; boundary=\"{bnd}\"\n\n"
               f"--{bnd}\nContent-Type: text/plain\n\nI'm sorry to have to inform you that your message could not be delivered.\n\n"
               f"<{p[1]}>: host mx.{p[1].split('@')[1]} said: 550 5.1.1 User unknown\n\n"
               f"--{bnd}\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mail.acme.io\n\n"
               f"Final-Recipient: rfc822; {p[1]}\nAction: failed\nStatus: 5.1.1\n\n"
               f"--{bnd}\nContent-Type: text/rfc822-headers\n\nFrom: {REP[0]} <{REP[1]}>\nTo: {p[1]}\nSubject: {subject}\n"
               f"Message-ID: {parent}\n\n--{bnd}--\n")
        self.write("INBOX", t, raw)

    def newsletter(self, t):
        dom = f"news.{self.rnd.choice(COMPANY)}.com"
        raw = (f"{self.received(t, dom)}From: Newsletter <news@{dom}>\nTo: alex@acme.io\nSubject: This week in sales #{self.rnd.randint(1, 999)}\n"
               f"Date: {fmt_date(t)}\nMessage-ID: {self.mid(dom)}\nList-Id: <weekly.{dom}>\nList-Unsubscribe: <https://{dom}/u>\n"
               f"Precedence: bulk\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n" + " ".join(self.rnd.choices(FILLER, k=6)) + "\n")
        self.write("INBOX", t, raw)

    def thread(self, start, recent_only=False):
        rnd = self.rnd
        first, last, co = rnd.choice(FIRST), rnd.choice(LAST), rnd.choice(COMPANY)
        ascii_first = unicodedata.normalize("NFKD", first).encode("ascii", "ignore").decode().lower()
        p = (f"{first} {last}", f"{ascii_first}.{last.lower()}{rnd.randint(1, 999)}@{co}{rnd.randint(1, 300)}.{rnd.choice(TLD)}")
        subject = rnd.choice(["Pricing for", "Proposal:", "Next steps with", "Pilot at", "Follow-up:"]) + f" {co.title()} {rnd.randint(1, 9999)}"
        t = start
        text = rnd.choice(OPENERS).format(n=rnd.randint(5, 500), site=rnd.choice(["Leeds", "Lyon", "Malmö"]), d=rnd.randint(5, 28), k=rnd.randint(5, 90))
        text = f"Hi {first},\n\n{text}\n\n" + " ".join(rnd.sample(FILLER, rnd.randint(2, 5)))
        parent, refs = self.rep_msg(t, p, subject, None, [], text), []
        last_text = text
        for _ in range(rnd.randint(0, 4)):
            t += dt.timedelta(days=rnd.randint(1, 9), minutes=rnd.randint(0, 600))
            if t > self.now:
                return
            r = rnd.random()
            if r < 0.28:
                reply = rnd.choice(REPLIES)
                new = self.prospect_msg(t, p, subject, parent, refs, reply, last_text)
                refs, parent = refs + [parent], new
                if rnd.random() < 0.35:
                    return  # the prospect has the last word: a replied thread
                t += dt.timedelta(hours=rnd.randint(1, 30))
                if t > self.now:
                    return
                last_text = f"Hi {first},\n\n" + rnd.choice(OPENERS).format(n=7, site="Leeds", d=9, k=12) + "\n\n" + rnd.choice(FILLER)
                new = self.rep_msg(t, p, "Re: " + subject, parent, refs, last_text + "\n\n" + "\n".join("> " + l for l in reply.split("\n")))
                refs, parent = refs + [parent], new
            elif r < 0.31:
                self.autoreply(t, p, subject, parent)
            elif r < 0.32:
                self.bounce(t, p, subject, parent, parent)
                return
            else:
                last_text = f"Hi {first},\n\n" + rnd.choice(FILLER) + " " + rnd.choice(OPENERS).format(n=7, site="Lyon", d=9, k=12)
                new = self.rep_msg(t, p, "Re: " + subject, parent, refs, last_text)
                refs, parent = refs + [parent], new

    def fill(self, n, span_days):
        while self.sent + self.inbox < n:
            start = self.now - dt.timedelta(days=self.rnd.uniform(0, span_days), minutes=self.rnd.randint(0, 1440))
            self.thread(start)
            # Keep INBOX near a quarter with newsletters and colleague mail.
            while self.inbox * 3 < self.sent - 2 and self.sent + self.inbox < n:
                self.newsletter(self.now - dt.timedelta(days=self.rnd.uniform(0, span_days)))


def main():
    args = sys.argv[1:]
    opt = lambda k, d: args[args.index(k) + 1] if k in args else d
    out, n = args[0], int(args[1])
    now = dt.datetime.fromisoformat(opt("--now", "2026-12-01T12:00:00+00:00").replace("Z", "+00:00"))
    extra = int(opt("--extra", "0"))
    g = Gen(out, int(opt("--seed", "7")), now, opt("--tag", "g"))
    if extra:
        g.fill(extra, 1)
    else:
        g.fill(n, 365)
    print(f"{out}: {g.sent} sent, {g.inbox} inbox")


if __name__ == "__main__":
    main()
