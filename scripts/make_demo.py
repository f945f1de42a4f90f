#!/usr/bin/env python3
"""Regenerates demo/ (the bundled demo mailbox). Run from the repo root; commit the output.

The demo is written around DEMO_NOW = Fri 20 Nov 2026 16:00 America/New_York and covers every
scan status. Messages imitate what Outlook, Gmail, Apple Mail, Thunderbird and Postfix write.
"""
import base64, hashlib, json, os, shutil, struct
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

EST = timezone(timedelta(hours=-5))
ROOT = "demo"
REP = '"Alex Morgan" <alex@acme.io>'
SIG = "Alex Morgan\nAccount Executive, Acme\n+1 212 555 0142"
counter = [0]


def d(month, day, hour=10, minute=0, year=2026):
    return datetime(year, month, day, hour, minute, tzinfo=EST)


def thread_index(dt, seed, parent=None):
    ft = int((dt.timestamp() + 11644473600) * 10_000_000)
    if parent is None:
        return base64.b64encode((ft >> 16).to_bytes(8, "big")[2:] + hashlib.md5(seed.encode()).digest()).decode()
    raw = base64.b64decode(parent)
    head = int.from_bytes(raw[:6], "big") << 16
    delta = ((ft - head) >> 18) & 0x7FFFFFFF
    return base64.b64encode(raw + struct.pack(">I", delta) + bytes([7])).decode()


def write(folder, text, dt, flags="S"):
    counter[0] += 1
    path = os.path.join(ROOT, "mailbox", folder, "cur") if folder else os.path.join(ROOT, "mailbox", "cur")
    os.makedirs(path, exist_ok=True)
    data = text.encode("utf-8")
    name = f"{int(dt.timestamp())}.M{counter[0]:04d}P4242.demo,S={len(data)}:2,{flags}"
    with open(os.path.join(path, name), "wb") as f:
        f.write(data)
    os.utime(os.path.join(path, name), (dt.timestamp(), dt.timestamp()))


def mail(folder, mid, frm, to, subject, dt, body, cc=None, bcc=None, refs=(), extra=(), flags="S", mailer=None, ctype='text/plain; charset="UTF-8"'):
    h = [f"From: {frm}", f"To: {to}"]
    if cc:
        h.append(f"Cc: {cc}")
    if bcc:
        h.append(f"Bcc: {bcc}")
    h += [f"Subject: {subject}", f"Date: {format_datetime(dt)}"]
    if mid:
        h.append(f"Message-ID: <{mid}>")
    if refs:
        h.append(f"In-Reply-To: <{refs[-1]}>")
        h.append("References: " + " ".join(f"<{r}>" for r in refs))
    h += list(extra)
    if mailer:
        h.append(mailer)
    h += ["MIME-Version: 1.0", f"Content-Type: {ctype}"]
    if ctype.startswith("text/plain"):
        h.append("Content-Transfer-Encoding: 8bit")
    write(folder, "\n".join(h) + "\n\n" + body.strip("\n") + "\n", dt, flags)


def quote(who, dt, text):
    return f"\nOn {format_datetime(dt)}, {who} wrote:\n" + "\n".join("> " + l if l else ">" for l in text.strip().split("\n"))


OUTLOOK = "X-Mailer: Microsoft Outlook 16.0"
APPLE = "X-Mailer: Apple Mail (2.3774.300.61)"
TB = "User-Agent: Mozilla Thunderbird 128.4.0"
SENT = ".Sent"


def main():
    if os.path.exists(ROOT):
        shutil.rmtree(ROOT)
    os.makedirs(ROOT)
    dismissed = {}

    # 1. pricing, stage 1 due; rep on Outlook (Thread-Index), prospect on Outlook too.
    t0 = d(11, 10, 9, 30); ti0 = thread_index(t0, "northwind")
    b0 = f"Hi Dana,\n\nThanks for the time on the phone today. As discussed, Acme can consolidate the order routing for your three regional warehouses.\n\nI'll put together pricing once you confirm the volumes.\n\n{SIG}"
    mail(SENT, "CH2PR11MB4411.1@acme.io", REP, '"Dana Whitfield" <dana.whitfield@northwind-traders.com>', "Order routing for Northwind", t0, b0, extra=[f"Thread-Topic: Order routing for Northwind", f"Thread-Index: {ti0}"], mailer=OUTLOOK)
    t1 = d(11, 12, 14, 5); ti1 = thread_index(t1, "", ti0)
    b1 = "Hi Alex,\n\nVolumes are roughly 12k orders a month across Leeds, Rotterdam and Lyon. Could you send pricing for all three regions?\n\nThanks,\nDana" + quote("Alex Morgan <alex@acme.io>", t0, b0)
    mail("", "DB9PR03MB7723.2@northwind-traders.com", '"Dana Whitfield" <dana.whitfield@northwind-traders.com>', REP, "RE: Order routing for Northwind", t1, b1, refs=["CH2PR11MB4411.1@acme.io"], extra=["Thread-Topic: Order routing for Northwind", f"Thread-Index: {ti1}"], mailer=OUTLOOK)
    t2 = d(11, 16, 10, 15); ti2 = thread_index(t2, "", ti1)
    b2 = f"Hi Dana,\n\nAs promised, attached is the quote for the three regions, with Leeds and Rotterdam on the standard plan and Lyon on the starter plan.\n\n{SIG}" + quote("Dana Whitfield <dana.whitfield@northwind-traders.com>", t1, b1.split("\nOn ")[0])
    mail(SENT, "CH2PR11MB4411.3@acme.io", REP, '"Dana Whitfield" <dana.whitfield@northwind-traders.com>', "RE: Order routing for Northwind", t2, b2, refs=["CH2PR11MB4411.1@acme.io", "DB9PR03MB7723.2@northwind-traders.com"], extra=["Thread-Topic: Order routing for Northwind", f"Thread-Index: {ti2}"], mailer=OUTLOOK)

    # 2. proposal, stage 2 due (the original and one follow-up unanswered).
    t = d(11, 2, 11)
    mail(SENT, "prop-globex-1@acme.io", REP, '"Marcus Chen" <m.chen@globex.com>', "Proposal: Acme for Globex support", t, f"Hi Marcus,\n\nPlease find attached our proposal for review, covering the support desk rollout for your two sites.\n\n{SIG}", mailer=APPLE)
    t = d(11, 9, 9, 40)
    mail(SENT, "prop-globex-2@acme.io", REP, '"Marcus Chen" <m.chen@globex.com>', "Re: Proposal: Acme for Globex support", t, f"Hi Marcus,\n\nA quick addition to the proposal: the onboarding timeline can start the week after signature.\n\n{SIG}", refs=["prop-globex-1@acme.io"], mailer=APPLE)

    # 3. the rep tagged the sent message "meeting" in Thunderbird; the text alone says nothing.
    t = d(11, 13, 15)
    mail(SENT, "tb-initech-1@acme.io", REP, '"Priya Natarajan" <priya@initech.io>', "Great talking today", t, f"Hi Priya,\n\nGreat talking today, and congratulations on the new role.\n\n{SIG}", flags="Sa", mailer=TB)

    # 4. plus-tag Bcc (alex+information@acme.io) on a message with non-ASCII names.
    t = d(11, 12, 12, 20)
    mail(SENT, "gm-vandelay-1@acme.io", REP, '"Sofía Ramírez" <sofia.ramirez@vandelay.es>', "Integración con SAP", t, f"Hola Sofía,\n\nGreat to meet you at the expo in Madrid. I'll keep you posted.\n\n{SIG}", bcc="alex+information@acme.io", mailer=APPLE)

    # 5. decision maker from the rep's own words.
    t = d(11, 11, 16, 45)
    mail(SENT, "umb-1@acme.io", REP, '"Tom Becker" <tom.becker@umbrella-health.com>', "Acme business case", t, f"Hi Tom,\n\nThanks again for walking me through the rollout plan. Once you've had a chance to run it by your CFO, I'm happy to answer any questions she has.\n\n{SIG}", mailer=OUTLOOK)

    # 6. rejected: the draft quotes the prospect's own sentence, and it carries a banned phrase.
    mail(SENT, "stark-1@acme.io", REP, '"Olivia Grant" <ogrant@stark-logistics.com>', "Fleet tracking rollout", d(11, 5, 10), f"Hi Olivia,\n\nHere is the rollout plan for the fleet tracking we discussed.\n\n{SIG}", mailer=OUTLOOK)
    ob = "Thanks Alex. I need to run this by our VP first, then we can touch base.\n\nOlivia"
    mail("", "stark-2@stark-logistics.com", '"Olivia Grant" <ogrant@stark-logistics.com>', REP, "RE: Fleet tracking rollout", d(11, 9, 15), ob, refs=["stark-1@acme.io"], mailer=OUTLOOK)
    mail(SENT, "stark-3@acme.io", REP, '"Olivia Grant" <ogrant@stark-logistics.com>', "RE: Fleet tracking rollout", d(11, 10, 13), f"Sounds good, Olivia!\n\n{SIG}", refs=["stark-1@acme.io", "stark-2@stark-logistics.com"], mailer=OUTLOOK)

    # 7. waiting: pricing sent yesterday.
    t = d(11, 19, 11)
    mail(SENT, "contoso-1@acme.io", REP, '"Jürgen Weiß" <juergen.weiss@contoso.de>', "Angebot Lagerverwaltung", t, f"Hallo Herr Weiß,\n\nas promised, here is the pricing for the warehouse module, per site and per month.\n\n{SIG}", mailer=OUTLOOK)

    # 8. replied in the thread.
    t = d(11, 9, 10)
    mail(SENT, "hooli-a-1@acme.io", REP, '"Gavin Belson" <gavin@hooli.xyz>', "Acme pilot scope", t, f"Hi Gavin,\n\nHere's the proposal for the pilot scope we discussed.\n\n{SIG}")
    t = d(11, 17, 8, 12)
    mail("", "CAF=hooli-a-2@mail.gmail.com", '"Gavin Belson" <gavin@hooli.xyz>', REP, "Re: Acme pilot scope", t, "Looks good, let's go ahead. I'll send the PO this week.\n\nGavin", refs=["hooli-a-1@acme.io"], extra=["X-Gm-Message-State: AOJu0Yw"])

    # 9. replied in a new thread (no References), from the prospect's address.
    t = d(11, 12, 9)
    mail(SENT, "wonka-1@acme.io", REP, '"Charlie Bucket" <charlie@wonka-industries.com>', "Pricing for the packaging line", t, f"Hi Charlie,\n\nAttached is the quote for the packaging line, as requested.\n\n{SIG}")
    t = d(11, 18, 17, 30)
    mail("", "wonka-new@wonka-industries.com", '"Charlie Bucket" <charlie@wonka-industries.com>', REP, "Onboarding question", t, "Alex, quick one: how long does onboarding usually take? We're comparing vendors this week.\n\nCharlie", mailer=APPLE)

    # 10. needs a reason: friendly, but no stated reason.
    t = d(11, 13, 10, 30)
    mail(SENT, "pied-1@acme.io", REP, '"Richard Hendricks" <richard@piedpiper.com>', "Nice to meet you", t, f"Hi Richard,\n\nGreat to meet you at the conference yesterday! Let me know your thoughts.\n\n{SIG}")

    # 11. finished: original, three follow-ups and the close-the-loop note, all unanswered.
    refs = []
    for i, (m, day) in enumerate([(9, 1), (9, 4), (9, 11), (9, 25), (10, 9)]):
        mid = f"tyrell-{i}@acme.io"
        mail(SENT, mid, REP, '"Eldon Tyrell" <eldon@tyrell.example>', "Re: Pricing for Tyrell" if i else "Pricing for Tyrell", d(m, day), f"Hi Eldon,\n\nHere is the pricing breakdown, part {i + 1}.\n\n{SIG}", refs=list(refs))
        refs.append(mid)

    # 12. close-the-loop due: original and three follow-ups unanswered.
    refs = []
    for i, (m, day) in enumerate([(10, 14), (10, 19), (10, 26), (11, 5)]):
        mid = f"cyberdyne-{i}@acme.io"
        mail(SENT, mid, REP, '"Miles Dyson" <miles.dyson@cyberdyne.example>', "Re: Proposal for Cyberdyne" if i else "Proposal for Cyberdyne", d(m, day, 9), f"Hi Miles,\n\nPlease find attached the proposal (revision {i + 1}).\n\n{SIG}", refs=list(refs))
        refs.append(mid)

    # 13. ignored: internal only.
    mail(SENT, "internal-1@acme.io", REP, '"Sam Ortiz" <sam@acme.io>', "Q4 forecast", d(11, 10), "Sam, here are my Q4 numbers. Pricing for Northwind is out.\n\nAlex")
    # 14. ignored: the rep's own bulk mail.
    mail(SENT, "bulk-1@acme.io", REP, "undisclosed-recipients:;", "Acme November product update", d(11, 4), "Hi all,\n\nHere is what's new in Acme this month.\n\nAlex", extra=["Precedence: bulk"])
    # 15. ignored: a calendar invitation.
    cal = "--CAL\nContent-Type: text/plain; charset=UTF-8\n\nDemo with Acme\n--CAL\nContent-Type: text/calendar; charset=UTF-8; method=REQUEST\n\nBEGIN:VCALENDAR\nMETHOD:REQUEST\nBEGIN:VEVENT\nSUMMARY:Acme demo\nDTSTART:20261201T150000Z\nEND:VEVENT\nEND:VCALENDAR\n--CAL--"
    mail(SENT, "cal-1@acme.io", REP, '"Aiko Tanaka" <aiko@soylent.co.jp>', "Invitation: Acme demo @ Tue 1 Dec 2026 10am", d(11, 12), cal, ctype='multipart/alternative; boundary="CAL"')
    # 16. ignored: an inbound newsletter.
    mail("", "news-77@list.saasweekly.example", '"SaaS Weekly" <news@saasweekly.example>', "alex@acme.io", "SaaS Weekly #77", d(11, 18, 6), "This week in SaaS...", extra=["List-Unsubscribe: <mailto:unsub@saasweekly.example>", "Precedence: list"])

    # 17. bounced: Postfix DSN with the original headers attached.
    t = d(11, 13, 9)
    mail(SENT, "initrode-1@acme.io", REP, '"Ben Ryan" <ben@initrode-global.example>', "Pricing for Initrode", t, f"Hi Ben,\n\nHere is the pricing we discussed.\n\n{SIG}")
    dsn = ("--DSN\nContent-Description: Notification\nContent-Type: text/plain; charset=us-ascii\n\nThis is the mail system at host mx1.acme.io.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n<ben@initrode-global.example>: host mx.initrode-global.example said: 550 5.1.1\n    <ben@initrode-global.example>: Recipient address rejected: User unknown\n\n"
           "--DSN\nContent-Description: Delivery report\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx1.acme.io\nArrival-Date: Fri, 13 Nov 2026 09:00:02 -0500\n\nFinal-Recipient: rfc822; ben@initrode-global.example\nOriginal-Recipient: rfc822;ben@initrode-global.example\nAction: failed\nStatus: 5.1.1\nRemote-MTA: dns; mx.initrode-global.example\nDiagnostic-Code: smtp; 550 5.1.1 <ben@initrode-global.example>: Recipient\n    address rejected: User unknown\n\n"
           "--DSN\nContent-Description: Undelivered Message Headers\nContent-Type: text/rfc822-headers\n\nFrom: Alex Morgan <alex@acme.io>\nTo: Ben Ryan <ben@initrode-global.example>\nSubject: Pricing for Initrode\nMessage-ID: <initrode-1@acme.io>\n\n--DSN--")
    mail("", "20261113140003.ABC12@mx1.acme.io", "MAILER-DAEMON@mx1.acme.io (Mail Delivery System)", "alex@acme.io", "Undelivered Mail Returned to Sender", d(11, 13, 9, 0), dsn, extra=["Auto-Submitted: auto-replied"], ctype='multipart/report; report-type=delivery-status; boundary="DSN"')

    # 18. waiting: Outlook out-of-office (German) with a return date.
    t = d(11, 16, 9)
    mail(SENT, "fabrikam-1@acme.io", REP, '"Katrin Vogel" <k.vogel@fabrikam.de>', "Angebot Fabrikam", t, f"Hallo Frau Vogel,\n\nattached is the quote for the Hamburg site, as requested.\n\n{SIG}")
    mail("", "oof-fabrikam@fabrikam.de", '"Katrin Vogel" <k.vogel@fabrikam.de>', REP, "Automatische Antwort: Angebot Fabrikam", d(11, 16, 9, 1), "Vielen Dank für Ihre Nachricht. Ich bin bis zum 30.11. nicht im Büro und habe keinen Zugriff auf meine E-Mails. In dringenden Fällen wenden Sie sich bitte an info@fabrikam.de.", refs=["fabrikam-1@acme.io"], extra=["X-Auto-Response-Suppress: All", "X-MS-Exchange-Inbox-Rules-Loop: k.vogel@fabrikam.de", "Thread-Topic: Angebot Fabrikam"], mailer=OUTLOOK)

    # 19. waiting: the prospect asked to be contacted in January.
    t = d(11, 6, 10)
    mail(SENT, "massive-1@acme.io", REP, '"Nora Lind" <nora.lind@massive-dynamic.com>', "Acme for Massive Dynamic", t, f"Hi Nora,\n\nHere is the case study we talked about.\n\n{SIG}")
    t2 = d(11, 9, 16)
    pb = "Thanks Alex, useful read. Ping me in January, budgets are frozen until then.\n\nNora"
    mail("", "massive-2@massive-dynamic.com", '"Nora Lind" <nora.lind@massive-dynamic.com>', REP, "Re: Acme for Massive Dynamic", t2, pb, refs=["massive-1@acme.io"])
    mail(SENT, "massive-3@acme.io", REP, '"Nora Lind" <nora.lind@massive-dynamic.com>', "Re: Acme for Massive Dynamic", d(11, 10, 9), f"Will do, Nora. Talk then!\n\n{SIG}" + quote("Nora Lind <nora.lind@massive-dynamic.com>", t2, pb), refs=["massive-1@acme.io", "massive-2@massive-dynamic.com"])

    # 20. waiting: the rep agreed to wait until the prospect is back.
    mail(SENT, "oscorp-1@acme.io", REP, '"Harry Osborn" <harry@oscorp.example>', "Re: Lab equipment tracking", d(11, 18, 14), f"Hi Harry,\n\nEnjoy your trip! I'll follow up when you're back on the 30th.\n\n{SIG}")

    # 21. stale: pricing sent in July, never followed up.
    mail(SENT, "aperture-1@acme.io", REP, '"Cave Johnson" <cave@aperture.example>', "Pricing for Aperture", d(7, 7), f"Hi Cave,\n\nHere is the pricing for the lab rollout.\n\n{SIG}")

    # 22. dismissed: due, but the rep deleted the draft followup wrote earlier.
    mail(SENT, "duff-1@acme.io", REP, '"Homer Simpson" <homer@duff.example>', "Demo next week?", d(11, 10, 14), f"Hi Homer,\n\nWould Tuesday or Thursday work for a 30-minute demo?\n\n{SIG}")
    dismissed["1:duff-1@acme.io"] = {"thread": "duff-1@acme.io", "stage": 1, "message_id": "followup.1.old@acme.io", "drafted_at": "2026-11-13T14:00:00Z"}

    # 23. already drafted: the trial follow-up is waiting in Drafts.
    mail(SENT, "soylent-1@acme.io", REP, '"Aiko Tanaka" <aiko@soylent.co.jp>', "Your Acme trial", d(11, 12, 8), f"Hi Aiko,\n\nYour 14-day trial is now active. Here are your login details.\n\n{SIG}")
    mail(".Drafts", "followup.1.soylent@acme.io", REP, '"Aiko Tanaka" <aiko@soylent.co.jp>', "Re: Your Acme trial", d(11, 17, 9), "Hi Aiko,\n\n(draft written by followup on Tuesday)\n", refs=["soylent-1@acme.io"], extra=["X-Followup-Reason: trial", "X-Followup-Stage: 1", "X-Followup-Key: 1:soylent-1@acme.io"], flags="DS")

    # 24. timing due: the agreed "next quarter" has come.
    mail(SENT, "vehement-1@acme.io", REP, '"Lucy Chen" <lucy.chen@vehement.example>', "Acme for Vehement", d(9, 21), f"Hi Lucy,\n\nUnderstood, I'll reach back out next quarter once budgets are set.\n\n{SIG}")

    # 25. away due: the prospect is back (no date given, so the cadence decides).
    mail(SENT, "gringotts-1@acme.io", REP, '"Bill Weasley" <bill@gringotts.example>', "Vault inventory pilot", d(11, 9, 11), f"Hi Bill,\n\nHave a great vacation, talk when you return.\n\n{SIG}")

    # 26. replied in a new thread by a colleague at the prospect's company.
    mail(SENT, "hooli-b-1@acme.io", REP, '"Kate Lin" <kate@hooli.com>', "Security questionnaire", d(11, 12, 15), f"Hi Kate,\n\nAttached is our completed security questionnaire, as requested.\n\n{SIG}")
    mail("", "hooli-b-2@hooli.com", '"Mike Patel" <mike.patel@hooli.com>', REP, "Acme security review", d(11, 17, 11), "Hi Alex, I'm on Kate's security team and will run the review. Two questions about SSO below.\n\nMike")

    # 27. a note to self.
    mail(SENT, "self-1@acme.io", REP, REP, "Ideas for Q1", d(11, 16), "Call list for January.")

    # 28. meeting due, from the rep's own words.
    mail(SENT, "prestige-1@acme.io", REP, '"Ana Ruiz" <ana.ruiz@prestige-worldwide.example>', "Walkthrough for your team", d(11, 13, 11), f"Hi Ana,\n\nWould Tuesday or Thursday work for a 30-minute walkthrough? Let me know a good time to get a call on the calendar.\n\n{SIG}")

    # 29. waiting: Gmail vacation responder with a date that reads two ways.
    mail(SENT, "bluth-1@acme.io", REP, '"Michael Bluth" <michael@bluthcompany.example>', "Pricing for the model homes", d(11, 17, 10), f"Hi Michael,\n\nHere is the pricing for the model homes project.\n\n{SIG}")
    mail("", "vac-bluth@mail.gmail.com", '"Michael Bluth" <michael@bluthcompany.example>', REP, "Re: Pricing for the model homes", d(11, 17, 10, 2), "Thanks for your email. I'm away with limited access and back on 9/8.", refs=["bluth-1@acme.io"], extra=["Auto-Submitted: auto-replied", "Precedence: bulk", "X-Autoreply: yes"])

    # 30. a reply that lost its threading headers (subject and participants join it).
    mail(SENT, "sterling-1@acme.io", REP, '"Joan Holloway" <joan@sterling-cooper.example>', "Media plan pricing", d(11, 11, 10), f"Hi Joan,\n\nAttached is the quote for the media plan tooling.\n\n{SIG}")
    mail("", "sterling-2@sterling-cooper.example", '"Joan Holloway" <joan@sterling-cooper.example>', REP, "RE: Media plan pricing", d(11, 12, 16), "Alex, thanks. We'll review it at Monday's partner meeting.\n\nJoan")

    # 31. a damaged message: no Message-ID and no Date (counted as a warning, never fatal).
    write("", "From: someone@example.net\nSubject: (no subject)\n\n\x00\x01 garbled", d(11, 14))

    os.makedirs(os.path.join(ROOT, "state"), exist_ok=True)
    with open(os.path.join(ROOT, "state", "demo.json"), "w") as f:
        json.dump({"version": 1, "drafts": dismissed}, f, indent=2)
    os.makedirs(os.path.join(ROOT, "mailbox", ".Sent"), exist_ok=True)
    with open(os.path.join(ROOT, "mailbox", ".Sent", "dovecot-keywords"), "w") as f:
        f.write("0 meeting\n")
    with open(os.path.join(ROOT, "config.toml"), "w") as f:
        f.write(f'''# The demo's config: one rep, a local Maildir, the default cadence.
[[accounts]]
name = "demo"
maildir = {{ path = "mailbox" }}

[accounts.identity]
name = "Alex Morgan"
addresses = ["alex@acme.io"]
signature = """
Alex Morgan
Account Executive, Acme
+1 212 555 0142"""
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
''')


if __name__ == "__main__":
    main()
