//! Drafts in the prospect's language, end to end on a Maildir tree written here: for each of
//! the eight languages a realistic pricing thread (the rep's quote, the prospect's question in
//! their language, the rep's answer with the figures) drafts in that language, with the
//! address form the prospect used, the name as the rep's own salutation gives it, the local date format, the local quote header and a value
//! item of that language; a thread in Finnish falls back to English and says so. The drafts'
//! bodies are also read back with Python's email parser, as a mail client would.

mod support;

use std::path::Path;
use std::process::Command;

use support::{python_view, thread, NOW};

/// One language's thread and what its draft must show.
struct Case {
    lang: &'static str,
    id: &'static str,
    prospect: (&'static str, &'static str),
    subject: &'static str,
    first: &'static str,
    question: &'static str,
    answer: &'static str,
    /// (greeting, quote header, the day of the rep's answer in running text, value item title,
    /// a phrase only the expected address form uses)
    expect: [&'static str; 5],
    formal: bool,
}

const CASES: &[Case] = &[
    Case {
        lang: "de",
        id: "de-1@acme.io",
        prospect: ("Jürgen Weiß", "juergen@contoso.de"),
        subject: "Angebot Lagerverwaltung",
        first: "Hallo Jürgen,\n\nschön, dass wir gestern telefoniert haben. Ich stelle dir die Preise für die drei Standorte zusammen.\n\nViele Grüße\nAlex",
        question: "Hallo Alex,\n\ndanke dir! Kannst du mir noch sagen, ob die Einrichtung im Preis enthalten ist? Wir wollen das nächste Woche intern besprechen.\n\nViele Grüße\nJürgen",
        answer: "Hallo Jürgen,\n\nanbei das Angebot: 24.000 € pro Jahr für alle drei Standorte, die Einrichtung ist enthalten.\n\nViele Grüße\nAlex",
        expect: [
            "Hallo Jürgen,",
            "Am 16.11.2026 um 12:00 schrieb Alex Morgan:",
            "Montag, 16. November",
            "die Zahlen aus meiner Nachricht in einer Zeile",
            "Hättest du",
        ],
        formal: false,
    },
    Case {
        lang: "fr",
        id: "fr-1@acme.io",
        prospect: ("Claire Dubois", "claire.dubois@lumiere-logistique.fr"),
        subject: "Devis entrepôt de Lyon",
        first: "Bonjour Claire,\n\nMerci pour notre échange de mardi. Je vous prépare le devis pour l'entrepôt de Lyon.\n\nBien cordialement,\nAlex",
        question: "Bonjour Alex,\n\nMerci beaucoup. Pourriez-vous me dire si la formation de nos équipes est comprise dans le prix ? Nous en parlons en comité la semaine prochaine.\n\nCordialement,\nClaire Dubois",
        answer: "Bonjour Claire,\n\nCi-joint le devis : 18 500 € par an pour l'entrepôt de Lyon, formation de vos équipes comprise.\n\nBien cordialement,\nAlex",
        expect: [
            "Bonjour Claire,",
            "Le 16/11/2026 à 12:00, Alex Morgan a écrit :",
            "lundi 16 novembre",
            "les chiffres de mon message en une ligne",
            "vous serait-il utile",
        ],
        formal: true,
    },
    Case {
        lang: "es",
        id: "es-1@acme.io",
        prospect: ("Carmen Ruiz", "carmen.ruiz@iberlogistica.es"),
        subject: "Presupuesto almacén Valencia",
        first: "Hola, Carmen:\n\nGracias por la llamada. Te preparo el presupuesto para el almacén de Valencia.\n\nUn saludo,\nAlex",
        question: "Hola, Alex:\n\n¡Gracias! ¿Me puedes decir si la formación del equipo está incluida en el precio? Lo vemos con dirección la semana que viene.\n\nUn saludo,\nCarmen",
        answer: "Hola, Carmen:\n\nTe adjunto el presupuesto: 21.000 € al año para el almacén de Valencia, con la formación del equipo incluida.\n\nUn saludo,\nAlex",
        expect: [
            "Hola, Carmen:",
            "El 16/11/2026 a las 12:00, Alex Morgan escribió:",
            "lunes 16 de noviembre",
            "las cifras de mi mensaje en una línea",
            "Te vendría bien",
        ],
        formal: false,
    },
    Case {
        lang: "it",
        id: "it-1@acme.io",
        prospect: ("Marco Bianchi", "marco.bianchi@logistica-padana.it"),
        subject: "Preventivo magazzino Milano",
        first: "Buongiorno dott. Bianchi,\n\nLa ringrazio per la telefonata. Le preparo il preventivo per il magazzino di Milano.\n\nCordiali saluti,\nAlex",
        question: "Buongiorno Alex,\n\nLa ringrazio. Potrebbe dirmi se la formazione del personale è inclusa nel prezzo? Ne parliamo con la direzione la prossima settimana.\n\nCordiali saluti,\nMarco Bianchi",
        answer: "Buongiorno dott. Bianchi,\n\nin allegato il preventivo: 19.500 € all'anno per il magazzino di Milano, formazione del personale inclusa.\n\nCordiali saluti,\nAlex",
        expect: [
            // The rep's own salutation, title and surname, not the display name's first name.
            "Buongiorno dott. Bianchi,",
            "Il giorno 16/11/2026 alle 12:00 Alex Morgan ha scritto:",
            "lunedì 16 novembre",
            "le cifre del mio messaggio in una riga",
            "Le sarebbe utile",
        ],
        formal: true,
    },
    Case {
        lang: "nl",
        id: "nl-1@acme.io",
        prospect: ("Sanne de Vries", "sanne.devries@polder-logistiek.nl"),
        subject: "Offerte magazijn Tilburg",
        first: "Beste Sanne,\n\nBedankt voor het gesprek. Ik stel de offerte voor het magazijn in Tilburg voor u op.\n\nMet vriendelijke groet,\nAlex",
        question: "Beste Alex,\n\nDank u wel. Kunt u mij laten weten of de training van ons team in de prijs is inbegrepen? We bespreken het volgende week met de directie.\n\nMet vriendelijke groet,\nSanne de Vries",
        answer: "Beste Sanne,\n\nBijgaand de offerte: 22.000 € per jaar voor het magazijn in Tilburg, inclusief de training van uw team.\n\nMet vriendelijke groet,\nAlex",
        expect: [
            "Beste Sanne,",
            "Op 16-11-2026 om 12:00 schreef Alex Morgan:",
            "maandag 16 november",
            "de bedragen uit mijn bericht, kort samengevat",
            "[[u|je]] helpen",
        ],
        formal: true,
    },
    Case {
        lang: "pt",
        id: "pt-1@acme.io",
        prospect: ("João Silva", "joao.silva@atlantico-logistica.pt"),
        subject: "Orçamento armazém Porto",
        first: "Bom dia, João,\n\nObrigado pela chamada. Vou preparar o orçamento para o armazém do Porto.\n\nCumprimentos,\nAlex",
        question: "Bom dia, Alex,\n\nObrigado. Pode dizer-me se a formação da equipa está incluída no preço? Vamos falar com a administração na próxima semana.\n\nCumprimentos,\nJoão Silva",
        answer: "Bom dia, João,\n\nSegue em anexo o orçamento: 17.800 € por ano para o armazém do Porto, com a formação da equipa incluída.\n\nCumprimentos,\nAlex",
        expect: [
            "Bom dia, João,",
            "Em 16/11/2026 às 12:00, Alex Morgan escreveu:",
            "segunda-feira, 16 de novembro",
            "os valores da minha mensagem numa linha",
            "diga-me o que mudaria",
        ],
        formal: true,
    },
    Case {
        lang: "sv",
        id: "sv-1@acme.io",
        prospect: ("Anna Lindqvist", "anna.lindqvist@nordlager.se"),
        subject: "Offert lager Göteborg",
        first: "Hej Anna,\n\nTack för samtalet. Jag tar fram en offert för lagret i Göteborg.\n\nVänliga hälsningar,\nAlex",
        question: "Hej Alex,\n\nTack! Kan du berätta om utbildningen av teamet ingår i priset? Vi tar upp det med ledningen nästa vecka.\n\nVänliga hälsningar,\nAnna",
        answer: "Hej Anna,\n\nBifogat är offerten: 240 000 kr per år för lagret i Göteborg, utbildningen av teamet ingår.\n\nVänliga hälsningar,\nAlex",
        expect: [
            "Hej Anna,",
            "Den 2026-11-16 kl. 12:00 skrev Alex Morgan:",
            "måndag den 16 november",
            "siffrorna från mitt mejl på en rad",
            "svara kort med vad du skulle ändra",
        ],
        // Swedish business mail says `du` to everyone; the flag only keeps the default.
        formal: true,
    },
    Case {
        lang: "en",
        id: "en-1@acme.io",
        prospect: ("Dana Whitfield", "dana@northwind.example"),
        subject: "Pricing for the Leeds site",
        first: "Hi Dana,\n\nThanks for the call. I'll put together the pricing for the Leeds site.\n\nBest,\nAlex",
        question: "Hi Alex,\n\nThanks! Could you tell me whether onboarding for the team is included in the price? We're discussing it with the board next week.\n\nBest,\nDana",
        answer: "Hi Dana,\n\nAttached is the quote: $26,000 a year for the Leeds site, onboarding for the team included.\n\nBest,\nAlex",
        expect: [
            "Hi Dana,",
            "On Mon, 16 Nov 2026 at 12:00, Alex Morgan wrote:",
            "Monday 16 November",
            "a one-line summary of the figures from my note",
            "Would a 15-minute call",
        ],
        formal: true,
    },
];

fn message(
    from: (&str, &str),
    to: (&str, &str),
    subject: &str,
    date: &str,
    id: &str,
    parent: &[&str],
    body: &str,
) -> String {
    let mut h = format!(
        "From: {} <{}>\nTo: {} <{}>\nSubject: {subject}\nDate: {date}\nMessage-ID: <{id}>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n",
        from.0, from.1, to.0, to.1
    );
    if let Some(last) = parent.last() {
        h.push_str(&format!(
            "In-Reply-To: <{last}>\nReferences: {}\n",
            parent
                .iter()
                .map(|p| format!("<{p}>"))
                .collect::<Vec<_>>()
                .join(" ")
        ));
    }
    format!("{h}\n{body}\n")
}

const REP: (&str, &str) = ("Alex Morgan", "alex@acme.io");

fn write_thread(root: &Path, n: usize, c: &Case) {
    let q = format!("{}-q@{}", c.lang, c.prospect.1.split('@').nth(1).unwrap());
    let a = format!("{}-3@acme.io", c.lang);
    let re = format!("Re: {}", c.subject);
    let files = [
        (
            ".Sent",
            message(
                REP,
                c.prospect,
                c.subject,
                "Tue, 10 Nov 2026 10:00:00 -0500",
                c.id,
                &[],
                c.first,
            ),
        ),
        (
            "",
            message(
                c.prospect,
                REP,
                &re,
                "Fri, 13 Nov 2026 09:00:00 +0100",
                &q,
                &[c.id],
                c.question,
            ),
        ),
        (
            ".Sent",
            message(
                REP,
                c.prospect,
                &re,
                "Mon, 16 Nov 2026 12:00:00 -0500",
                &a,
                &[c.id, &q],
                c.answer,
            ),
        ),
    ];
    for (i, (folder, raw)) in files.iter().enumerate() {
        let name = format!("17940{n:02}{i}00.M{n}{i}P1.t:2,S");
        std::fs::write(root.join(folder).join("cur").join(name), raw).unwrap();
    }
}

fn mailbox(dir: &Path) -> std::path::PathBuf {
    let root = dir.join("mailbox");
    for f in ["", ".Sent", ".Drafts"] {
        for sub in ["cur", "new", "tmp"] {
            std::fs::create_dir_all(root.join(f).join(sub)).unwrap();
        }
    }
    for (n, c) in CASES.iter().enumerate() {
        write_thread(&root, n, c);
    }
    // A Finnish prospect: the drafts don't speak Finnish, so English, flagged.
    let fi = ("Mikko Virtanen", "mikko.virtanen@pohjola-logistiikka.fi");
    let files = [
        (".Sent", message(REP, fi, "Pricing for the Oulu warehouse", "Tue, 10 Nov 2026 10:00:00 -0500", "fi-1@acme.io", &[], "Hi Mikko,\n\nThanks for the call. I'll put together the pricing for the Oulu warehouse.\n\nBest,\nAlex")),
        ("", message(fi, REP, "Re: Pricing for the Oulu warehouse", "Fri, 13 Nov 2026 09:00:00 +0200", "fi-q@pohjola-logistiikka.fi", &["fi-1@acme.io"], "Hei Alex,\n\nKiitos paljon. Voisitko kertoa, sisältyykö tiimin koulutus hintaan? Käymme asian läpi johtoryhmän kanssa ensi viikolla.\n\nTerveisin,\nMikko")),
        (".Sent", message(REP, fi, "Re: Pricing for the Oulu warehouse", "Mon, 16 Nov 2026 12:00:00 -0500", "fi-3@acme.io", &["fi-1@acme.io", "fi-q@pohjola-logistiikka.fi"], "Hi Mikko,\n\nAttached is the quote: €23,000 a year for the Oulu warehouse, team training included.\n\nBest,\nAlex")),
    ];
    for (i, (folder, raw)) in files.iter().enumerate() {
        let name = format!("1794099{i}00.M99{i}P1.t:2,S");
        std::fs::write(root.join(folder).join("cur").join(name), raw).unwrap();
    }
    root
}

fn config(dir: &Path) -> std::path::PathBuf {
    let cfg = dir.join("config.toml");
    std::fs::write(
        &cfg,
        "[identity]\nname = \"Alex Morgan\"\naddresses = [\"alex@acme.io\"]\ntimezone = \"America/New_York\"\nsignature = \"Alex Morgan\\nAcme\"\n\n[maildir]\npath = \"mailbox\"\n\n[policy]\nholidays = [\"2026-11-26\"]\n\n[state]\ndir = \"state\"\n",
    )
    .unwrap();
    cfg
}

/// Run `followup` with the test's config and clock; it must succeed. (stdout, stderr)
fn run(cfg: &Path, args: &[&str]) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_followup"))
        .args(args)
        .args(["--config", cfg.to_str().unwrap(), "--now", NOW])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{args:?}: {err}");
    (String::from_utf8(out.stdout).unwrap(), err)
}

fn followup(cfg: &Path, args: &[&str]) -> String {
    run(cfg, args).0
}

#[test]
fn each_language_drafts_in_its_own_words_address_form_dates_and_quote_header() {
    let dir = tempfile::tempdir().unwrap();
    mailbox(dir.path());
    let cfg = config(dir.path());
    let lines: Vec<serde_json::Value> = followup(&cfg, &["scan", "--format", "json"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let drafts_dir = dir.path().join("mailbox/.Drafts");
    // For reading the drafts as a native speaker would: FOLLOWUP_LANG_DRAFTS=<file> writes them.
    if let Ok(out) = std::env::var("FOLLOWUP_LANG_DRAFTS") {
        let all: Vec<String> = CASES
            .iter()
            .map(|c| {
                format!(
                    "## {}\n\n{}",
                    c.lang,
                    thread(&lines, c.id)["draft"]["body"].as_str().unwrap_or("")
                )
            })
            .collect();
        std::fs::write(out, all.join("\n")).unwrap();
    }
    for c in CASES {
        let t = thread(&lines, c.id);
        assert_eq!(t["status"], "drafted", "{}: {t}", c.lang);
        assert_eq!(t["reason"], "pricing", "{}: {t}", c.lang);
        let d = &t["draft"];
        assert_eq!(d["language"], c.lang, "{t}");
        assert_eq!(d["language_fallback"], false, "{t}");
        assert_eq!(d["formal"], c.formal, "{}: {t}", c.lang);
        let body = d["body"].as_str().unwrap();
        let [greeting, header, day, title, form] = c.expect;
        assert!(
            body.starts_with(&format!("{greeting}\n\n")),
            "{}: {body}",
            c.lang
        );
        assert!(
            body.contains(&format!("\n{header}\n")),
            "{}: {body}",
            c.lang
        );
        assert!(
            body.contains(day),
            "{}: the rep's day written locally: {body}",
            c.lang
        );
        assert!(body.contains(title), "{}: the value item: {body}", c.lang);
        let form = form.replace("[[u|je]]", "u");
        assert!(body.contains(&form), "{}: address form: {body}", c.lang);
        // The figures the rep sent, quoted in the value item.
        let figure = c
            .answer
            .split(": ")
            .nth(1)
            .unwrap()
            .split(' ')
            .next()
            .unwrap();
        let above_quote = body.split(header).next().unwrap();
        assert!(
            above_quote.contains(figure),
            "{}: {figure} in {above_quote}",
            c.lang
        );
    }
    // The informal German draft never slips into Sie, the formal French one never into tu.
    let de = thread(&lines, "de-1@acme.io")["draft"]["body"]
        .as_str()
        .unwrap()
        .to_string();
    let de_own = de.split("Am 16.11.2026").next().unwrap();
    assert!(
        !de_own.contains(" Sie ") && !de_own.contains("Ihnen"),
        "{de_own}"
    );
    let fr = thread(&lines, "fr-1@acme.io")["draft"]["body"]
        .as_str()
        .unwrap()
        .to_string();
    let fr_own = fr.split("Le 16/11/2026").next().unwrap();
    assert!(
        !fr_own.contains(" tu ") && !fr_own.contains(" te "),
        "{fr_own}"
    );

    let fi = thread(&lines, "fi-1@acme.io");
    assert_eq!(fi["status"], "drafted", "{fi}");
    assert_eq!(fi["draft"]["language"], "en", "{fi}");
    assert_eq!(fi["draft"]["language_fallback"], true, "{fi}");
    assert_eq!(fi["draft"]["language_detected"], "fi", "{fi}");
    assert!(fi["draft"]["body"]
        .as_str()
        .unwrap()
        .starts_with("Hi Mikko,"));

    // What a mail client sees: the written draft decodes to the same German text.
    let written: Vec<_> = std::fs::read_dir(drafts_dir.join("new"))
        .unwrap()
        .chain(std::fs::read_dir(drafts_dir.join("cur")).unwrap())
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    assert_eq!(written.len(), CASES.len() + 1, "one draft per thread");
    let german = written
        .iter()
        .map(|raw| python_view(raw))
        .find(|v| {
            v["to"]
                .as_str()
                .unwrap_or("")
                .contains("juergen@contoso.de")
        })
        .expect("the German draft is in Drafts");
    let text = german["_body"].as_str().unwrap();
    assert!(
        text.contains("Hallo Jürgen,") && text.contains("Hättest du"),
        "{german}"
    );
}

#[test]
fn preview_says_which_language_and_why() {
    let dir = tempfile::tempdir().unwrap();
    mailbox(dir.path());
    let cfg = config(dir.path());
    let (_, err) = run(&cfg, &["preview", "fr-1@acme.io"]);
    assert!(
        err.contains("language fr (formal): French from the prospect's last message"),
        "{err}"
    );
    let (_, err) = run(&cfg, &["preview", "fi-1@acme.io"]);
    assert!(
        err.contains("reads as `fi`, which the templates don't speak: English"),
        "{err}"
    );
}

#[test]
fn a_reps_own_item_in_a_language_replaces_only_that_languages_built_in_items() {
    let dir = tempfile::tempdir().unwrap();
    mailbox(dir.path());
    let cfg = config(dir.path());
    let mut text = std::fs::read_to_string(&cfg).unwrap();
    text.push_str("\n[[value_items.pricing]]\nlang = \"de\"\ntitle = \"unseren ROI-Rechner für Lagerstandorte\"\nsummary = \"damit lässt sich die Amortisation mit Ihren eigenen Zahlen prüfen\"\nurl = \"https://acme.example/de/roi\"\n");
    std::fs::write(&cfg, text).unwrap();
    let lines: Vec<serde_json::Value> = followup(&cfg, &["scan", "--dry-run", "--format", "json"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let de = thread(&lines, "de-1@acme.io")["draft"]["body"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(de.contains("https://acme.example/de/roi"), "{de}");
    let fr = thread(&lines, "fr-1@acme.io")["draft"]["body"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        fr.contains("les chiffres de mon message en une ligne"),
        "{fr}"
    );
    let en = thread(&lines, "en-1@acme.io")["draft"]["body"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        en.contains("a one-line summary of the figures from my note"),
        "{en}"
    );
}

#[test]
fn a_trial_check_in_with_nothing_to_recap_offers_times_to_set_it_up_instead_of_being_refused() {
    // The rep's only message is itself a nudge about the trial: nothing in it can be recapped
    // and the prospect asked nothing, so the built-in recap and question items carry nothing.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("mailbox");
    for f in ["", ".Sent", ".Drafts"] {
        for sub in ["cur", "new", "tmp"] {
            std::fs::create_dir_all(root.join(f).join(sub)).unwrap();
        }
    }
    let marta = ("Marta Lefèvre", "marta@atelier-lumiere.fr");
    let raw = message(
        REP,
        marta,
        "Essai gratuit",
        "Mon, 09 Nov 2026 10:00:00 +0100",
        "fr-trial@acme.io",
        &[],
        "Bonjour Marta,\n\nje me permets de revenir vers vous au sujet de l'essai gratuit que nous avons activé la semaine dernière. Avez-vous pu le tester avec votre équipe ?\n\nBien cordialement,\nAlex",
    );
    std::fs::write(root.join(".Sent/cur/1794200000.M1P1.t:2,S"), raw).unwrap();
    let cfg = config(dir.path());
    let lines: Vec<serde_json::Value> = followup(&cfg, &["scan", "--dry-run", "--format", "json"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let t = thread(&lines, "fr-trial@acme.io");
    assert_eq!(t["status"], "due", "{t}");
    assert_eq!(t["reason"], "trial", "{t}");
    let body = t["draft"]["body"].as_str().unwrap();
    assert!(
        body.contains("trois créneaux pour une séance de 15 minutes sur l'essai"),
        "{body}"
    );
    // Three real times, one per line, in French.
    assert_eq!(
        body.lines().filter(|l| l.starts_with("- ")).count(),
        3,
        "{body}"
    );
    assert!(
        ["lundi", "mardi", "mercredi", "jeudi", "vendredi"]
            .iter()
            .any(|d| body.contains(d)),
        "{body}"
    );
}

#[test]
fn an_event_invitation_asks_whether_they_can_make_it_in_every_language() {
    // (language, prospect, invitation, the event's day as the draft writes it, a word of the
    // question whether they can make it)
    let cases = [
        ("en", ("Dana Shaw", "dana@northwind.example"), "Hi Dana,\n\nI've reserved a spot for you at our customer roundtable in Boston on January 21 - agenda attached.\n\nAlex", "Thursday 21 January", "Can you make it?"),
        ("de", ("Jürgen Weiss", "juergen.weiss@contoso.example"), "Hallo Herr Weiss,\n\nich lade Sie herzlich zu unserem Kundentag am 21. Januar in München ein. Die Agenda hängt an.\n\nViele Grüße\nAlex", "21. Januar", "dabei sein?"),
        ("fr", ("Claire Martin", "claire.martin@fabrikam.example"), "Bonjour Madame Martin,\n\nJe vous ai réservé une place pour notre table ronde clients du 21 janvier à Paris ; l'agenda est en pièce jointe.\n\nBien cordialement,\nAlex", "21 janvier", "être des nôtres ?"),
        ("es", ("Diego Ruiz", "diego.ruiz@vandelay.example"), "Hola Diego,\n\nte he reservado una plaza en nuestra mesa redonda de clientes del 21 de enero en Madrid; te adjunto la agenda.\n\nUn saludo,\nAlex", "21 de enero", "acompañarnos?"),
        ("it", ("Elena Conti", "elena.conti@initech.example"), "Ciao Elena,\n\nti ho riservato un posto alla nostra tavola rotonda clienti del 21 gennaio a Milano; in allegato l'agenda.\n\nA presto,\nAlex", "21 gennaio", "esserci?"),
        ("nl", ("Femke de Vries", "femke@globex.example"), "Hoi Femke,\n\nIk heb een plek voor je gereserveerd bij onze klantendag op 21 januari in Utrecht; de agenda zit in de bijlage.\n\nGroeten,\nAlex", "21 januari", "erbij zijn?"),
        ("pt", ("Rui Costa", "rui.costa@umbrella.example"), "Bom dia Sr. Costa,\n\nreservei um lugar para si na nossa mesa redonda de clientes a 21 de janeiro em Lisboa; segue a agenda em anexo.\n\nCom os melhores cumprimentos,\nAlex", "21 de janeiro", "estar presente?"),
        ("sv", ("Hanna Berg", "hanna.berg@hooli.example"), "Hej Hanna,\n\njag har reserverat en plats åt dig på vår kunddag den 21 januari i Stockholm; agendan ligger bifogad.\n\nHälsningar\nAlex", "21 januari", "vara med?"),
    ];
    let dir = tempfile::tempdir().unwrap();
    let sent: Vec<_> = cases.iter().map(|(l, p, b, ..)| (*l, *p, *b)).collect();
    let lines = scan_sent(dir.path(), "Customer roundtable", "event", &sent);
    for (lang, _, _, day, ask) in cases {
        let (body, own) = due_meeting_draft(&lines, &format!("event-{lang}@acme.io"));
        assert!(own.contains(day), "{lang}: the event's day: {body}");
        assert!(
            own.contains(ask),
            "{lang}: asks whether they can make it: {body}"
        );
        // No other times offered: a slot list would contradict the day set.
        assert!(!own.lines().any(|l| l.starts_with("- ")), "{lang}: {body}");
    }
}

#[test]
fn a_meeting_proposed_for_a_day_offers_times_on_that_day() {
    // (language, prospect, proposal, the day as the slots write it)
    let cases = [
        ("en", ("Omar Haddad", "omar@northwind.example"), "Hi Omar,\n\nOur CEO would love to meet your CEO at the summit in Berlin on January 14. Would a 20-minute slot in the afternoon work?\n\nAlex", "Jan 14"),
        ("de", ("Jürgen Weiss", "juergen.weiss@contoso.example"), "Hallo Herr Weiss,\n\nich bin am 14. Januar in München. Hätten Sie am Nachmittag eine halbe Stunde Zeit für ein Gespräch über den Rollout?\n\nViele Grüße\nAlex", "14. Januar"),
        ("fr", ("Claire Martin", "claire.martin@fabrikam.example"), "Bonjour Madame Martin,\n\nJe serai à Lyon le 14 janvier : auriez-vous un créneau dans la matinée pour faire le point sur le déploiement ?\n\nBien cordialement,\nAlex", "14 janvier"),
    ];
    let dir = tempfile::tempdir().unwrap();
    let sent: Vec<_> = cases.iter().map(|(l, p, b, _)| (*l, *p, *b)).collect();
    let lines = scan_sent(dir.path(), "Meeting in January", "day", &sent);
    for (lang, _, _, day) in cases {
        let (body, own) = due_meeting_draft(&lines, &format!("day-{lang}@acme.io"));
        let slots: Vec<&str> = own.lines().filter(|l| l.starts_with("- ")).collect();
        assert_eq!(slots.len(), 3, "{lang}: {body}");
        assert!(
            slots.iter().all(|s| s.contains(day)),
            "{lang}: every time on the day proposed: {body}"
        );
    }
}

/// Scan a mailbox holding one sent message per (language, prospect, body), each its own
/// thread `<{prefix}-{language}@acme.io>` under `subject`: the scan's JSON lines.
fn scan_sent(
    dir: &Path,
    subject: &str,
    prefix: &str,
    sent: &[(&str, (&str, &str), &str)],
) -> Vec<serde_json::Value> {
    let root = dir.join("mailbox");
    for f in ["", ".Sent", ".Drafts"] {
        for sub in ["cur", "new", "tmp"] {
            std::fs::create_dir_all(root.join(f).join(sub)).unwrap();
        }
    }
    for (n, (lang, prospect, body)) in sent.iter().enumerate() {
        let raw = message(
            REP,
            *prospect,
            subject,
            "Tue, 10 Nov 2026 10:00:00 -0500",
            &format!("{prefix}-{lang}@acme.io"),
            &[],
            body,
        );
        let name = format!("17941{n:02}00.M{n}P1.t:2,S");
        std::fs::write(root.join(".Sent/cur").join(name), raw).unwrap();
    }
    let cfg = config(dir);
    followup(&cfg, &["scan", "--dry-run", "--format", "json"])
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The draft of thread `id`, which must be due for a meeting: its whole body, and the rep's
/// own words above the quoted message.
fn due_meeting_draft(lines: &[serde_json::Value], id: &str) -> (String, String) {
    let t = thread(lines, id);
    assert_eq!(
        (&t["status"], &t["reason"]),
        (&"due".into(), &"meeting".into()),
        "{id}: {t}"
    );
    let body = t["draft"]["body"].as_str().unwrap().to_string();
    let own = body.split("\n> ").next().unwrap().to_string();
    (body, own)
}
