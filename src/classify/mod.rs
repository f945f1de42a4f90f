//! What kind of message this is, before anyone counts it as a reply: a human message, an
//! auto-reply (out-of-office, vacation responder, ticket acknowledgement), a bounce, the rep's
//! bulk mail, or a calendar message. Headers first, then subject and opening-line phrases in
//! English, German, French, Spanish, Italian, Dutch, Portuguese and Swedish.

pub mod bounce;
pub mod corpus;

use std::sync::OnceLock;

use regex::Regex;

use crate::message::haystack::{bare, Haystack, Pattern};

use crate::dates::{return_date, DateMention};
use crate::message::{DsnFailure, Mail};

/// The classification of one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Human,
    /// An automatic reply; `returns` is the return date it states, if any.
    AutoReply {
        returns: Option<DateMention>,
    },
    /// A delivery failure, with the recipients it names.
    Bounce {
        failed: Vec<DsnFailure>,
    },
    /// A delivery delay notice or other machine notice that is neither reply nor failure.
    Notice,
    /// Bulk mail (lists, newsletters, many recipients, undisclosed recipients).
    Bulk,
    /// A calendar invitation or an invitation reply.
    Calendar,
}

impl Kind {
    pub fn is_human(&self) -> bool {
        matches!(self, Kind::Human)
    }
}

fn autoreply_subject_re() -> &'static Pattern {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(Regex::new(
            r"(?ix)
            \b(automatic\s+reply|auto[\s-]?reply|autoreply|auto[\s-]?response|automated\s+response|out\s+of\s+(the\s+)?office|ooo\b|away\s+from\s+(the\s+)?office|on\s+vacation|on\s+leave|vacation\s+(reply|notice|message)|away\s+message|i\s+am\s+away|i'm\s+away|annual\s+leave|parental\s+leave
            |automatische\s+antwort|abwesenheitsnotiz|abwesenheit|abwesend|nicht\s+im\s+büro|außer\s+haus|urlaub
            |réponse\s+automatique|reponse\s+automatique|absence\s+du\s+bureau|absent\s+du\s+bureau|message\s+d'absence|absent(e)?\b|en\s+congés?
            |respuesta\s+automática|respuesta\s+automatica|fuera\s+de\s+la\s+oficina|ausente|fuera\s+de\s+oficina|de\s+vacaciones
            |risposta\s+automatica|fuori\s+sede|fuori\s+ufficio|assente|in\s+ferie
            |automatisch\s+antwoord|afwezig|niet\s+aanwezig|buiten\s+kantoor|met\s+vakantie
            |resposta\s+automática|resposta\s+automatica|fora\s+do\s+escritório|fora\s+do\s+escritorio|ausência|de\s+férias
            |autosvar|automatiskt\s+svar|frånvaro|frånvarande|ej\s+på\s+kontoret|på\s+semester|semester
            )",
        )
        .expect("autoreply subject regex"))
    })
}

fn autoreply_body_re() -> &'static Pattern {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(Regex::new(
            r"(?ix)
            (i\s+am|i'm|i\s+will\s+be|i'll\s+be)\s+(currently\s+|now\s+)?(out\s+of\s+(the\s+)?office|away|on\s+(annual\s+|parental\s+|maternity\s+|paternity\s+)?(leave|vacation|holiday|pto)|traveling|travelling|ooo)\b.{0,80}(until|till|through|returning|return|back)
            |(thank\s+you|thanks)\s+for\s+(your\s+)?(e-?mail|message)[.,!]?\s+(i\s+am|i'm)\s+(currently\s+)?(out|away|on)
            |this\s+is\s+an\s+automatic(ally\s+generated)?\s+(reply|response|message)
            |(ich\s+bin|bin\s+ich)\s+(derzeit|zurzeit|momentan|aktuell|vom\s+.{1,30})?\s*(bis|nicht\s+im\s+büro|abwesend|außer\s+haus|im\s+urlaub)
            |vielen\s+dank\s+für\s+ihre\s+(e-?mail|nachricht)\.\s+ich\s+bin
            |je\s+suis\s+(actuellement\s+)?(absent|absente|en\s+congés?|en\s+déplacement|en\s+vacances)
            |(estoy|estaré)\s+(actualmente\s+)?(fuera\s+de\s+la\s+oficina|de\s+vacaciones|ausente)
            |(sono|sarò)\s+(attualmente\s+)?(fuori\s+(sede|ufficio)|in\s+ferie|assente)
            |ik\s+ben\s+(momenteel\s+|tot\s+.{1,30})?(afwezig|niet\s+aanwezig|met\s+vakantie|buiten\s+kantoor)
            |(estou|estarei)\s+(atualmente\s+)?(fora\s+do\s+escritório|de\s+férias|ausente)
            |jag\s+är\s+(för\s+närvarande\s+)?(ledig|borta|på\s+semester|tjänstledig|frånvarande)
            ",
        )
        .expect("autoreply body regex"))
    })
}

fn bounce_subject_re() -> &'static Pattern {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(Regex::new(
            r"(?ix)
            undeliverable|undelivered\s+mail|delivery\s+status\s+notification\s*\(failure\)|delivery\s+(has\s+)?failed|mail\s+delivery\s+(failed|failure|system)|failure\s+notice|returned\s+mail|delivery\s+failure|could\s+not\s+be\s+delivered|message\s+not\s+delivered|address\s+not\s+found
            |unzustellbar|nicht\s+zustellbar|non\s+remis|échec\s+de\s+(la\s+)?remise|no\s+se\s+puede\s+entregar|no\s+entregado|non\s+recapitabile|mancato\s+recapito|onbestelbaar|não\s+entregue|não\s+é\s+possível\s+entregar|kan\s+inte\s+levereras|olevererbart|ej\s+levererat
            ",
        )
        .expect("bounce subject regex"))
    })
}

fn is_mailer_daemon(mail: &Mail) -> bool {
    mail.author().is_some_and(|a| {
        let local = a.email.split('@').next().unwrap_or("");
        matches!(
            local,
            "mailer-daemon" | "postmaster" | "mail-daemon" | "mailerdaemon"
        ) || a.name.as_deref().is_some_and(|n| {
            let n = n.to_ascii_lowercase();
            n.contains("mail delivery") || n.contains("mailer-daemon") || n.contains("postmaster")
        })
    })
}

/// Classify one message. `max_recipients` marks the rep's mass mail as bulk.
pub fn classify(mail: &Mail, max_recipients: usize) -> Kind {
    classify_for(mail, max_recipients, false)
}

/// [`classify`] knowing whether the rep wrote the message. The rep's own mail is an
/// auto-reply only when its headers say so: "Semester" as a subject or "when you're back on
/// the 7th" in the text is the rep writing to someone away, not their out-of-office.
/// The mail system marks the message as an automatic reply (Auto-Submitted, X-Autoreply,
/// Precedence: auto_reply, Exchange's own header): no text can make it a person's. Without
/// these, an out-of-office is only guessed from its subject and text.
pub fn auto_reply_by_headers(mail: &Mail) -> bool {
    let s = &mail.signals;
    s.rare()
        .auto_submitted
        .as_deref()
        .is_some_and(|v| !v.starts_with("no"))
        || s.x_autoreply
        || s.x_autorespond
        || s.rare().precedence.as_deref() == Some("auto_reply")
        || s.ms_exchange_autoreply
}

pub fn classify_for(mail: &Mail, max_recipients: usize, by_rep: bool) -> Kind {
    let s = &mail.signals;
    let subject = mail.subject.as_str();
    let body = mail.body.as_deref().unwrap_or("");
    let head: String = body.chars().take(1200).collect();

    // Bounces: a DSN, Exim/Gmail's X-Failed-Recipients, or a mail system saying so.
    let is_report = s.content_type == "multipart/report"
        && s.rare()
            .report_type
            .as_deref()
            .is_none_or(|r| r.contains("delivery-status"));
    if (s.content_type == "multipart/report" && !is_report) || bounce::complaint(subject) {
        return Kind::Notice; // feedback (ARF) reports, complaints, read receipts
    }
    let daemon = is_mailer_daemon(mail) || bounce::daemon_sender(&s.from_raw);
    let subject_hay = Haystack::new(subject);
    let head_hay = Haystack::new(&head);
    let says_failed = bounce_subject_re().is_match(&subject_hay)
        || bounce::bounce_subject(subject)
        || bounce::bounce_text(&head);
    // Amazon SES forwards its bounces as a JSON notification.
    let ses = !mail.dsn_failed.is_empty() && body.contains("notificationType");
    if is_report
        || ses
        || !s.rare().x_failed_recipients.is_empty()
        || (daemon && (says_failed || s.return_path_empty))
        || (s.return_path_empty && says_failed)
        || (s.has_original && bounce::bounce_subject(subject) && bounce::bounce_text(body))
    {
        let only_dsn = s.has_dsn_part && mail.dsn_failed.is_empty();
        if mail.dsn_failed.is_empty()
            && s.rare().x_failed_recipients.is_empty()
            && (only_dsn || bounce::delay_or_success(subject, &head))
        {
            return Kind::Notice; // a delay warning, a relay or delivery notice
        }
        let mut failed = mail.dsn_failed.clone();
        for r in &s.rare().x_failed_recipients {
            if !failed.iter().any(|f| &f.recipient == r) {
                failed.push(DsnFailure {
                    recipient: r.clone(),
                    diagnostic: None,
                });
            }
        }
        if failed.is_empty() && is_report && !mail.dsn_failed.is_empty() {
            return Kind::Notice;
        }
        if is_report && failed.is_empty() && subject.to_ascii_lowercase().contains("delay") {
            return Kind::Notice;
        }
        return Kind::Bounce { failed };
    }
    if s.rare()
        .report_type
        .as_deref()
        .is_some_and(|r| r.contains("disposition-notification"))
        || text_read_receipt(subject, &head)
    {
        return Kind::Notice; // read receipts
    }

    if s.has_calendar || s.content_type == "text/calendar" {
        return Kind::Calendar;
    }

    let precedence = s.rare().precedence.as_deref().unwrap_or("");
    let header_auto = auto_reply_by_headers(mail);
    let subject_auto = autoreply_subject_re().is_match(&subject_hay);
    // The body's phrases are the costliest check: only read when the headers leave it open.
    let body_auto = || autoreply_body_re().is_match(&head_hay);
    // Outlook marks its out-of-office replies only with X-Auto-Response-Suppress; alone that
    // header is common on ordinary mail, so it needs a subject or body phrase beside it.
    let suppress = s.rare().x_auto_response_suppress.is_some();
    if header_auto
        || (!by_rep
            && !greets_by_name(body)
            && (subject_auto && (suppress || subject_is_prefix(subject) || body_auto())
                || (body.len() < 3000 && own_lines(body) < 25 && body_auto())))
    {
        // "I have left the company": the address is as dead as a bounced one, and the
        // auto-reply often names who took over.
        if let (Some(m), Some(author)) = (left_company_re().find(&head), mail.author()) {
            let successor = bounce::address_re()
                .find_iter(&head)
                .map(|e| e.as_str().trim_end_matches('.').to_ascii_lowercase())
                .find(|e| !e.eq_ignore_ascii_case(&author.email));
            let mut diagnostic = match successor {
                Some(s) => format!("has left; the auto-reply names {s}"),
                None => "has left, says the auto-reply".to_string(),
            };
            diagnostic.push_str(&format!(" (\"{}\")", m.as_str().trim()));
            return Kind::Bounce {
                failed: vec![DsnFailure {
                    recipient: author.email.to_ascii_lowercase(),
                    diagnostic: Some(diagnostic),
                }],
            };
        }
        let reference = mail.date.map(|d| d.date_naive()).unwrap_or_default();
        let returns = return_date(&head, reference);
        return Kind::AutoReply { returns };
    }

    if matches!(precedence, "bulk" | "list" | "junk")
        || s.list_unsubscribe
        || s.list_id
        || s.undisclosed_recipients
    {
        return Kind::Bulk;
    }
    if mail.recipients().count() > max_recipients {
        return Kind::Bulk;
    }
    // Notifications from noreply@/notifications@ addresses are nobody's reply.
    if mail
        .author()
        .is_some_and(|a| crate::identity::is_machine_sender(&a.email))
    {
        return Kind::Notice;
    }
    Kind::Human
}

/// A read receipt sent as plain text (Lotus Notes' "Return Receipt", clients that write
/// "Read: …" / "Gelesen: …" without a disposition report), in the eight languages: the subject
/// and the text must both say so, so a person's reply that starts "Read: …" stays a reply.
fn text_read_receipt(subject: &str, head: &str) -> bool {
    static SUBJECT: OnceLock<Regex> = OnceLock::new();
    static TEXT: OnceLock<Regex> = OnceLock::new();
    let subject_re = SUBJECT.get_or_init(|| {
        bare(r"(?i)^\s*((read|gelesen|lu|le[íi]do|letto|gelezen|lido|l[äa]st)\s*:|(read|return)\s+receipt|lesebest[äa]tigung|accus[ée]\s+de\s+lecture|confirmaci[óo]n\s+de\s+lectura|conferma\s+di\s+lettura|leesbevestiging|confirma[çc][ãa]o\s+de\s+leitura|l[äa]skvitto)")
            .expect("receipt subject regex")
    });
    let text_re = || {
        TEXT.get_or_init(|| {
        bare(r"(?i)\b(was\s+read\s+on|has\s+been\s+read|was\s+read\s+at|was\s+received\s+by|wurde\s+.{0,120}?\bgelesen|a\s+[ée]t[ée]\s+lu|fue\s+le[íi]do|ha\s+sido\s+le[íi]do|[èe]\s+stato\s+letto|(is|werd)\s+.{0,120}?\bgelezen|foi\s+lid[ao]|(lästes|har\s+l[äa]sts))")
            .expect("receipt text regex")
    })
    };
    subject_re.is_match(subject) && text_re().is_match(head)
}

/// An auto-reply saying its owner no longer works there, in the eight languages.
fn left_company_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(
            r"(?i)\b(?:(?:i|she|he|they)\s+(?:have|has|had)\s+left\s+(?:the\s+company|the\s+organi[sz]ation|the\s+firm|\S+(?:\s+\S+)?\s+(?:as\s+of|on|effective))|i'?ve\s+left\s+(?:the\s+company|\S+\s+(?:as\s+of|on))|(?:i\s+am|i'?m|is|are)\s+no\s+longer\s+(?:with|at|employed|working|part\s+of)|no\s+longer\s+works?\s+(?:for|at|with|here)|(?:bin|ist)\s+nicht\s+mehr\s+(?:bei|im\s+unternehmen|für|in\s+diesem\s+unternehmen|tätig)|(?:habe|hat)\s+das\s+unternehmen\s+verlassen|ne\s+fai[ts]\s+plus\s+partie|a\s+quitté\s+(?:la\s+société|l'entreprise|\S+)|ai\s+quitté\s+(?:la\s+société|l'entreprise)|ne\s+travaille\s+plus|ya\s+no\s+(?:trabaja|trabajo|forma\s+parte)|(?:ha|he)\s+dejado\s+(?:la\s+empresa|la\s+compañía|de\s+trabajar)|non\s+(?:lavora|lavoro|fa|faccio)\s+più|(?:ha|ho)\s+lasciato\s+l'azienda|(?:is|ben)\s+niet\s+meer\s+(?:werkzaam|in\s+dienst|bij)|werkt\s+niet\s+meer|(?:heeft|heb)\s+\S+\s+verlaten|não\s+(?:trabalha|trabalho|faz|faço)\s+mais|(?:deixou|deixei)\s+a\s+empresa|já\s+não\s+trabalh|(?:har|jag\s+har)\s+slutat\s+(?:på|hos|min\s+anställning)|arbetar\s+inte\s+längre|har\s+lämnat\s+(?:företaget|bolaget))",
        )
        .expect("left-company regex")
    })
}

/// "Automatic reply: …", "Out of Office: …", "Abwesenheitsnotiz: …" as the subject's prefix.
fn subject_is_prefix(subject: &str) -> bool {
    autoreply_subject_re()
        .regex()
        .find(subject)
        .is_some_and(|m| {
            m.start() < 3 && subject[m.end()..].trim_start().starts_with([':', '-', '('])
                || m.start() < 3 && m.end() == subject.trim_end().len()
        })
}

/// The text opens by greeting someone by name ("Bonjour Alex,", "Hi Dana -", "Hallo Herr
/// Morgan,"): a person answering, not an out-of-office, which cannot know whom it answers.
/// A prospect's "je suis en congé jusqu'au 4 janvier" in their own reply reads like one.
fn greets_by_name(body: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    static GENERIC: OnceLock<Regex> = OnceLock::new();
    let Some(first) = body.lines().map(str::trim).find(|l| !l.is_empty()) else {
        return false;
    };
    let Some(c) = RE
        .get_or_init(|| {
            Regex::new(r"(?i)^(?:hi|hello|hey|dear|good\s+(?:morning|afternoon)|bonjour|bonsoir|salut|cher|ch[èe]re|hallo|liebe[rs]?|(?:sehr\s+)?geehrte[rs]?|guten\s+(?:tag|morgen)|moin|hola|buenos\s+d[íi]as|buenas(?:\s+tardes)?|estimad[oa]|ciao|buongiorno|buonasera|salve|gentile|caro|cara|hoi|beste|goedemorgen|goedemiddag|ol[áa]|bom\s+dia|boa\s+tarde|prezad[oa]|hej|hejsan|tjena|god\s+morgon)[\s,]+(?:(?:herr|frau|mr\.?|mrs\.?|ms\.?|monsieur|madame|se[ñn]ora?|sig\.?(?:ra)?|dottor(?:essa)?|meneer|mevrouw|senhora?|dr\.?)\s+)?(?-i:(\p{Lu}[\p{L}'’-]+))")
                .expect("greeting regex")
        })
        .captures(first)
    else {
        return false;
    };
    let name = c.get(1).map_or("", |m| m.as_str());
    // "Dear Sender", "Hello Team", "Bonjour Madame": greetings an auto-reply can make.
    !GENERIC
        .get_or_init(|| {
            Regex::new(r"(?i)^(?:sender|sir|madam|all|there|team|everyone|everybody|customer|client|colleague|colleagues|friend|friends|partner|partners|user|valued|kunde|kundin|damen|herren|zusammen|allerseits|monsieur|madame|mesdames|messieurs|tous|toutes|cliente|clientes|se[ñn]or|se[ñn]ora|se[ñn]ores|todos|todas|tutti|gentili|signore|signora|allemaal|iedereen|klant|relatie|alle|senhor|senhora|caros|prezados|allihopa|alla|kund)$")
                .expect("generic-greeting regex")
        })
        .is_match(name)
}

fn own_lines(body: &str) -> usize {
    body.lines()
        .filter(|l| !l.trim_start().starts_with('>'))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::parse;

    fn kind(raw: &str) -> Kind {
        let (m, _) = parse(raw.replace('\n', "\r\n").as_bytes(), None, None, false).unwrap();
        classify(&m, 15)
    }

    #[test]
    fn the_reps_own_mail_is_an_auto_reply_only_by_its_headers() {
        let parse_one = |raw: &str| {
            parse(raw.replace('\n', "\r\n").as_bytes(), None, None, false)
                .unwrap()
                .0
        };
        // Wishing someone a good holiday, under the subject an out-of-office would have.
        let wish = parse_one("From: Alex <alex@acme.io>\nTo: Maja <maja@nordfrakt.se>\nSubject: Semester\nMessage-ID: <s@acme.io>\nDate: Mon, 23 Nov 2026 10:00:00 +0100\n\nHej Maja,\n\nTrevlig semester! Jag hör av mig när du är tillbaka den 7 december.\n\nAlex\n");
        assert_eq!(classify_for(&wish, 15, true), Kind::Human);
        // From anyone else, under that subject, a text that greets no one reads as their
        // out-of-office (one that greets Maja by name is a person writing).
        let theirs = parse_one("From: Maja <maja@nordfrakt.se>\nTo: Alex <alex@acme.io>\nSubject: Semester\nMessage-ID: <t@nordfrakt.se>\nDate: Mon, 23 Nov 2026 10:00:00 +0100\n\nHej,\n\nJag är på semester till den 7 december.\n\nMaja\n");
        assert!(matches!(
            classify_for(&theirs, 15, false),
            Kind::AutoReply { .. }
        ));
        assert_eq!(classify_for(&wish, 15, false), Kind::Human);
        // The rep's real out-of-office says so in its headers.
        let ooo = parse_one("From: Alex <alex@acme.io>\nTo: Dana <dana@northwind.com>\nSubject: Out of office: Pricing\nAuto-Submitted: auto-replied\nMessage-ID: <o@acme.io>\nDate: Mon, 23 Nov 2026 10:00:00 +0100\n\nI am out of the office until 30 November.\n");
        assert!(matches!(
            classify_for(&ooo, 15, true),
            Kind::AutoReply { .. }
        ));
    }

    #[test]
    fn gmail_vacation_responder_is_an_auto_reply() {
        let k = kind("From: Dana <dana@northwind.com>\nTo: alex@acme.io\nSubject: Re: Pricing\nAuto-Submitted: auto-replied\nMessage-ID: <v@x>\nDate: Fri, 20 Nov 2026 10:00:00 +0000\n\nI'm out of the office until Monday, November 30.\n");
        assert_eq!(
            k,
            Kind::AutoReply {
                returns: Some(DateMention::Date(
                    chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
                ))
            }
        );
    }

    #[test]
    fn a_person_answering_that_they_are_away_is_no_auto_reply() {
        let mail = |greeting: &str, text: &str| {
            kind(&format!("From: Julien Blanc <j.blanc@savoiefroid.fr>\nTo: alex@acme.io\nSubject: RE: Proposition Acme\nIn-Reply-To: <p@acme.io>\nMessage-ID: <h@x>\nDate: Fri, 20 Nov 2026 10:00:00 +0000\n\n{greeting}\n\n{text}\n\nJulien\n"))
        };
        for (greeting, text) in [
            ("Bonjour Alex,", "Je suis en congé paternité jusqu'au 4 janvier. Je reviendrai vers vous à mon retour."),
            ("Hi Alex -", "I'm out of the office until Monday, November 30, let's talk then."),
            ("Hallo Herr Morgan,", "ich bin bis zum 16.12. nicht im Büro."),
        ] {
            assert_eq!(mail(greeting, text), Kind::Human, "{greeting} {text}");
        }
        // Also when the thread's own subject reads like an out-of-office's ("Re: Urlaub").
        let reply = kind("From: Julia Becker <j.becker@becker-it.de>\nTo: alex@acme.io\nSubject: Re: Urlaub\nIn-Reply-To: <p@acme.io>\nMessage-ID: <u@x>\nDate: Fri, 20 Nov 2026 10:00:00 +0000\n\nHallo Alex, ich bin ab morgen im Urlaub und ab dem 4. Januar wieder da.\n\nJulia\n");
        assert_eq!(reply, Kind::Human);
        // Or when they open a thread of their own so titled.
        let own = kind("From: Julia Becker <j.becker@becker-it.de>\nTo: alex@acme.io\nSubject: Urlaub\nMessage-ID: <v@x>\nDate: Fri, 20 Nov 2026 10:00:00 +0000\n\nHallo Alex, ich bin ab morgen im Urlaub und ab dem 4. Januar wieder da.\n\nJulia\n");
        assert_eq!(own, Kind::Human);
        // Greeting no one by name, the same words are an out-of-office's.
        for greeting in [
            "Bonjour,",
            "Dear Sender,",
            "Sehr geehrte Damen und Herren,",
            "Bonjour Monsieur,",
        ] {
            assert!(
                matches!(
                    mail(greeting, "Je suis absent jusqu'au 4 janvier."),
                    Kind::AutoReply { .. }
                ),
                "{greeting}"
            );
        }
    }

    #[test]
    fn outlook_oof_without_auto_submitted_is_an_auto_reply() {
        let k = kind("From: Jan <jan@contoso.de>\nTo: alex@acme.io\nSubject: Automatische Antwort: Angebot\nX-Auto-Response-Suppress: All\nMessage-ID: <o@x>\nDate: Fri, 20 Nov 2026 10:00:00 +0000\n\nIch bin bis zum 16.12. nicht im Büro.\n");
        assert!(matches!(
            k,
            Kind::AutoReply {
                returns: Some(DateMention::Date(_))
            }
        ));
    }

    #[test]
    fn an_auto_reply_saying_its_owner_left_is_a_dead_address_naming_the_successor() {
        for (body, successor) in [
            ("Thank you for your email. I have left Leftco as of 1 November. Please contact Mark Ruiz (mark.ruiz@leftco.example) for anything related to purchasing.", Some("mark.ruiz@leftco.example")),
            ("Dora is no longer with the company. Your message has not been forwarded.", None),
            ("Frau Lee ist nicht mehr im Unternehmen tätig. Bitte wenden Sie sich an einkauf@leftco.example.", Some("einkauf@leftco.example")),
            ("Dora Lee ne fait plus partie de la société.", None),
            ("Dora ya no trabaja en Leftco.", None),
            ("Dora non lavora più presso Leftco.", None),
            ("Dora is niet meer werkzaam bij Leftco.", None),
            ("A Dora já não trabalha na Leftco.", None),
            ("Dora har slutat på Leftco.", None),
        ] {
            let raw = format!("From: Dora Lee <dora@leftco.example>\nTo: alex@acme.io\nSubject: Automatic reply: Case study\nAuto-Submitted: auto-replied\nMessage-ID: <l@x>\nDate: Fri, 20 Nov 2026 10:00:00 +0000\n\n{body}\n");
            let Kind::Bounce { failed } = kind(&raw) else {
                panic!("{body}: {:?}", kind(&raw));
            };
            assert_eq!(failed.len(), 1, "{body}");
            assert_eq!(failed[0].recipient, "dora@leftco.example");
            let diag = failed[0].diagnostic.clone().unwrap_or_default();
            match successor {
                Some(s) => assert!(diag.contains(s), "{diag}"),
                None => assert!(!diag.contains("names"), "{diag}"),
            }
        }
        // An ordinary out-of-office stays one.
        let ooo = kind("From: Dora Lee <dora@leftco.example>\nTo: alex@acme.io\nSubject: Automatic reply: Case study\nAuto-Submitted: auto-replied\nMessage-ID: <o@x>\nDate: Fri, 20 Nov 2026 10:00:00 +0000\n\nI am no longer checking email this week and will be back on Monday, November 30.\n");
        assert!(matches!(ooo, Kind::AutoReply { .. }), "{ooo:?}");
    }

    #[test]
    fn human_reply_mentioning_vacation_later_in_text_is_human() {
        let k = kind("From: Dana <dana@northwind.com>\nTo: alex@acme.io\nSubject: Re: Pricing\nMessage-ID: <h@x>\nDate: Fri, 20 Nov 2026 10:00:00 +0000\n\nThanks Alex, this looks good. Let me run it by our CFO.\n");
        assert_eq!(k, Kind::Human);
    }

    #[test]
    fn postfix_dsn_is_a_bounce_naming_the_recipient() {
        let raw = "From: MAILER-DAEMON@mx.acme.io (Mail Delivery System)\nTo: alex@acme.io\nSubject: Undelivered Mail Returned to Sender\nMessage-ID: <b@x>\nDate: Fri, 20 Nov 2026 10:00:00 +0000\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nI'm sorry to have to inform you that your message could not be delivered.\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.acme.io\n\nFinal-Recipient: rfc822; ben@globex.example\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 <ben@globex.example>: Recipient address rejected\n--B--\n";
        match kind(raw) {
            Kind::Bounce { failed } => assert_eq!(failed[0].recipient, "ben@globex.example"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn newsletter_is_bulk() {
        assert_eq!(kind("From: news@x.com\nTo: alex@acme.io\nSubject: Our news\nList-Unsubscribe: <mailto:u@x.com>\nMessage-ID: <n@x>\n\nhello\n"), Kind::Bulk);
    }
}
