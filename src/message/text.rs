//! Text helpers shared by reason detection, classification and drafting: the author's own
//! words without quoted history or signature, sentence splitting, and subject normalization.

use std::sync::OnceLock;

use regex::Regex;

use crate::message::haystack::bare;

fn attribution_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(
            r"(?ix)^\s*(
                on\s.{3,200}\b(wrote|writes)\s*:?   # English (Gmail, Apple Mail, Thunderbird)
              | am\s.{3,200}\bschrieb.{0,80}:       # German
              | le\s.{3,200}\ba\s+écrit\s*:         # French
              | el\s.{3,200}\bescribió\s*:          # Spanish
              | il\s.{3,200}\bha\s+scritto\s*:      # Italian
              | op\s.{3,200}\b(schreef.{0,80}|het\s+volgende\s+geschreven\s*):  # Dutch (Gmail, Apple Mail)
              | em\s.{3,200}\bescreveu\s*:          # Portuguese
              | den\s.{3,200}\bskrev.{0,80}:        # Swedish/Danish/Norwegian
              | -{2,}\s*on\s.{3,200}\bwrote\s*-{2,}  # ---- On Tue, 10 Nov 2026 … wrote ---- (Zoho)
              | .{0,60}\bkl\.?\s*\d{1,2}[:.]\d{2}.{0,120}\bskrev.{0,80}:  # 2 nov. 2026 kl. 10:00 skrev Dana: (Apple Mail, Norwegian Gmail)
              | -{2,}\s*(original\s+message|ursprüngliche\s+nachricht|message\s+d'origine|mensaje\s+original|messaggio\s+originale|oorspronkelijk\s+bericht|mensagem\s+original|ursprungligt\s+meddelande)\s*-{2,}
              | _{10,}
              | -{2,}\s*forwarded\s+message\s*-{2,}
              | begin\s+forwarded\s+message:
            )\s*$",
        )
        .expect("attribution regex")
    })
}

/// An attribution with the author first, as Gmail on phones writes it ("Dana Ito <d@x.de>
/// schrieb am Di., 10. Nov. 2026, 15:14:", "Dana <d@x.nl> schreef op 10 nov. 2026 15:14:").
/// Kept apart from [`attribution_re`] and tried only on a line with an address: its open
/// spans would otherwise slow the check of every line of every message.
fn author_first_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(
            r"(?i)^[^@]{0,120}@\S+.{0,40}\b(wrote|schrieb|a\s+écrit|escribió|ha\s+scritto|schreef|escreveu|skrev)(\s+(on|am|le|el|il|op|em|den)\b.{0,120})?\s*:\s*$",
        )
        .expect("author-first attribution regex")
    })
}

/// A line that introduces quoted history (any of the forms above).
fn is_attribution(line: &str) -> bool {
    // Every form ends in a colon, "wrote"/"writes", or is a rule of dashes or underscores: a
    // line of prose (nearly every line) is told apart without running the patterns.
    let t = line.trim_end();
    let tail = t
        .get(t.len().saturating_sub(6)..)
        .unwrap_or(t)
        .to_ascii_lowercase();
    if !(t.ends_with(':')
        || tail.ends_with("wrote")
        || tail.ends_with("writes")
        || t.contains("--")
        || t.contains("__"))
    {
        return false;
    }
    attribution_re().is_match(line) || (line.contains('@') && author_first_re().is_match(line))
}

/// How a quote's attribution line begins in the languages above ("On", "Am", "Le", …).
fn attribution_start_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(r"(?i)^\s*-*\s*(on|am|le|el|il|op|em|den)\s+\S").expect("attribution start regex")
    })
}

fn outlook_header_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(r"(?i)^\s*\*?(from|von|de|da|van|från|fra)\s*:\*?\s+\S").expect("outlook header regex")
    })
}

fn outlook_sent_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(
            r"(?i)^\s*\*?(sent|date|gesendet|envoyé|enviado|enviada|inviato|verzonden|skickat|sendt|datum|data|fecha)(\s+(el|em|le|il|on|am|den))?\s*:",
        )
        .expect("outlook sent regex")
    })
}

fn signoff_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(r"(?i)^\s*(sent from (my|outlook|mail|yahoo|samsung|gmail)\b|sent via \w+|get outlook for \w+|envoyé (de|depuis) mon|von meinem \w+ gesendet|gesendet von (meinem|outlook)|enviado (desde mi|do meu|de meu|do meu)|inviato da (iphone|ipad|outlook|il mio)|verzonden (vanaf|met) (mijn|outlook)|skickat från (min|outlook)|sendt fra (min|outlook))")
            .expect("signoff regex")
    })
}

/// The first line of a legal footer ("CONFIDENTIALITY NOTICE: …", "This e-mail and any
/// attachments are confidential…", "Diese E-Mail enthält vertrauliche…"): boilerplate a mail
/// server or the company adds, never the author's words.
fn disclaimer_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(
            r"(?ix)^\W*(
                (confidentiality|privacy|legal)\s+(notice|note|statement|disclaimer)
              | disclaimer\b | vertraulichkeitshinweis | haftungsausschluss | avis\s+de\s+confidentialit
              | aviso\s+(legal|de\s+confidencialidad) | avvertenza | clausola\s+di\s+riservatezza
              | this\s+(e-?mail|message|communication|transmission)\b.{0,80}\b(is|are|may\s+(be|contain))\s+(strictly\s+)?(confidential|privileged|intended)
              | the\s+information\s+(contained\s+)?in\s+this\s+(e-?mail|message|communication)
              | if\s+you\s+(are\s+not|have\s+received\s+this)\b.{0,40}\b(intended|in\s+error|by\s+mistake)
              | diese\s+(e-?mail|nachricht)\b.{0,80}\b(enthält|ist)\s+(vertraulich|möglicherweise)
              | der\s+inhalt\s+dieser\s+(e-?mail|nachricht)
              | ce\s+(message|courriel|e-?mail)\b.{0,80}\b(est|sont|peut|peuvent)\s+(strictement\s+)?(confidentiel|contenir|destiné)
              | (este|el\s+presente)\s+(mensaje|correo)\b.{0,80}\b(es|son|puede|contiene)\s+(confidencial|información|contener|dirigido)
              | questo\s+messaggio\b.{0,80}\b(è|sono|può|contiene)\s+(riservat|confidenzial|destinat|contenere|informazioni)
              | le\s+informazioni\s+contenute\s+in\s+questo
              | (dit|deze)\s+(e-?mail(bericht)?|bericht)\b.{0,80}\b(is|kan|bevat)\s+(vertrouwelijk|uitsluitend|bestemd|informatie)
              | (esta|a\s+presente)\s+(mensagem|e-?mail)\b.{0,80}\b(é|pode|contém)\s+(confidencial|conter|destinad|informaç)
              | (detta|det\s+här)\s+(e-?post(meddelande)?|meddelande|mejl)\b.{0,80}\b(är|kan|innehåller)\s+(konfidentiell|avsett|sekretess|innehålla)
              | please\s+consider\s+the\s+environment\s+before\s+printing
            )",
        )
        .expect("disclaimer regex")
    })
}

/// A warning banner a mail gateway puts at the top of incoming mail ("CAUTION: This email
/// originated from outside of the organization…", "[EXTERNAL]").
fn banner_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(
            r"(?ix)^\W*(
                (caution|warning|attention|notice|external(\s+(email|sender))?)\s*[:!-]?\s*(this\s+)?(e-?mail|message)\s+(originated|came|comes|was\s+sent)\s+from\s+(outside|an\s+external)
              | \[?\s*external\s*(e-?mail|sender)?\s*\]?\s*:?\s*$
              | this\s+(e-?mail|message)\s+(originated|came)\s+from\s+outside
              | (achtung|vorsicht)\s*:?\s*diese\s+(e-?mail|nachricht)\s+(stammt|kommt)\s+von\s+(außerhalb|einem\s+externen)
              | (attention|prudence)\s*:?\s*(ce|cet)\s+(message|courriel|e-?mail)\s+provient\s+de\s+l'extérieur
            )",
        )
        .expect("banner regex")
    })
}

/// The author's own words: quoted lines (`>`), the quoted history below an attribution line or
/// an Outlook header block, a gateway's warning banner, a legal footer and the signature (after
/// `-- `) removed.
pub fn own_text(body: &str) -> String {
    let lines: Vec<&str> = body.lines().collect();
    let mut out = Vec::new();
    // Whether `out` holds a non-blank line yet (kept as lines are added, not searched for).
    let mut has_content = false;
    // Answers written between the quoted lines, below the attribution (see `inline_replies`).
    let mut inline: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line == "-- " || line.trim_end() == "--" || signoff_re().is_match(line) {
            break;
        }
        if has_content && disclaimer_re().is_match(line) {
            break;
        }
        if !has_content && banner_re().is_match(line) {
            // The banner's paragraph (it often runs over two or three lines); a tag alone on
            // its line ("[EXTERNAL]") is only that line.
            i += 1;
            if line.split_whitespace().count() > 2 {
                while i < lines.len() && !lines[i].trim().is_empty() {
                    i += 1;
                }
            }
            while i < lines.len() && lines[i].trim().is_empty() {
                i += 1;
            }
            continue;
        }
        if is_attribution(line) {
            inline = inline_replies(&lines[i + 1..]);
            break;
        }
        // "On Mon, 2 Nov 2026 at 10:00, Dana <d@x>\nwrote:" — an attribution wrapped over two
        // lines, as plain-text mail wraps long lines (in any client language).
        if let Some(next) = lines.get(i + 1).filter(|n| n.trim_end().ends_with(':')) {
            // When the next line is an attribution on its own, this line belongs to it only
            // if it starts one ("On Mon, … Dana <" + "d@x.com> wrote:"), not if it is the
            // author's last words ("Merci").
            let starts_one = line.contains('@')
                || line.trim_end().ends_with('<')
                || attribution_start_re().is_match(line);
            if (starts_one || !is_attribution(next))
                && is_attribution(&format!("{} {}", line.trim_end(), next.trim_start()))
            {
                inline = inline_replies(&lines[(i + 2).min(lines.len())..]);
                break;
            }
        }
        // Outlook: "From: X" followed within three lines by "Sent: …".
        if outlook_header_re().is_match(line)
            && lines[i + 1..lines.len().min(i + 4)]
                .iter()
                .any(|l| outlook_sent_re().is_match(l))
        {
            break;
        }
        if !line.trim_start().starts_with('>') {
            out.push(line);
            has_content |= !line.trim().is_empty();
        }
        i += 1;
    }
    // A signature without the "-- " delimiter: cut at a closing line ("Best,", "Kind regards",
    // "Mit freundlichen Grüßen") when what follows is signature-sized, so a "Book a call:
    // calendly.com/…" line in it is never read as the message's reason.
    if let Some(v) = out.iter().rposition(|l| valediction_re().is_match(l)) {
        let content_before = out[..v].iter().any(|l| !l.trim().is_empty());
        let after = out[v + 1..].iter().filter(|l| !l.trim().is_empty()).count();
        if content_before && after <= 10 {
            // A postscript after the closing is the rep's own words, often the real ask
            // ("P.S. I'll send the case study tomorrow"): keep its paragraph.
            let ps: Vec<&str> = out[v + 1..]
                .iter()
                .position(|l| postscript_re().is_match(l))
                .map(|i| {
                    out[v + 1 + i..]
                        .iter()
                        .take_while(|l| !l.trim().is_empty())
                        .copied()
                        .collect()
                })
                .unwrap_or_default();
            out.truncate(v);
            if !ps.is_empty() {
                trim_blank_tail(&mut out);
                out.push("");
                out.extend(ps);
            }
        }
    }
    trim_blank_tail(&mut out);
    // A signature with neither "-- " nor a closing line: the name, title, company and phone
    // lines at the very end ("Alex Morgan / Account Executive, Acme / +1 212 555 0142").
    let block = out
        .iter()
        .rev()
        .take_while(|l| contact_line(l))
        .take(8)
        .count();
    if block > 0
        && out[..out.len() - block]
            .iter()
            .any(|l| !l.trim().is_empty())
    {
        out.truncate(out.len() - block);
        trim_blank_tail(&mut out);
    }
    if !inline.is_empty() {
        out.push("");
        out.extend(inline);
    }
    out.join("\n")
}

/// The author's answers written between the lines they quote ("Answers inline below." over
/// "> 1. Is onboarding included?" / "Yes, for up to 50 users."): each unquoted block that has a
/// quoted line before and after it. Text after the last quoted line (a footer, an ad) is not
/// theirs to count.
fn inline_replies<'a>(rest: &[&'a str]) -> Vec<&'a str> {
    let quoted = |l: &str| l.trim_start().starts_with('>');
    let (Some(first), Some(last)) = (
        rest.iter().position(|l| quoted(l)),
        rest.iter().rposition(|l| quoted(l)),
    ) else {
        return Vec::new();
    };
    let mut out: Vec<&str> = Vec::new();
    for l in &rest[first..last] {
        if quoted(l) {
            continue;
        }
        if l.trim().is_empty() {
            if out.last().is_some_and(|p| !p.trim().is_empty()) {
                out.push("");
            }
            continue;
        }
        // A nested attribution or header between the quotes is not an answer.
        if is_attribution(l) {
            return Vec::new();
        }
        out.push(l);
    }
    trim_blank_tail(&mut out);
    out
}

fn trim_blank_tail(lines: &mut Vec<&str>) {
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
}

/// A line of a signature block: a phone number, an address or link, or a few capitalised
/// words with no sentence punctuation (a name, a title, a company).
fn contact_line(line: &str) -> bool {
    static PHONE: OnceLock<Regex> = OnceLock::new();
    let t = line.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    if t.is_empty() || words.len() > 8 {
        return false;
    }
    let phone = PHONE.get_or_init(|| bare(r"\+?\(?\d[\d ().\-/]{6,}\d").expect("phone regex"));
    if phone.is_match(t) && words.len() <= 6 {
        return true;
    }
    let link = |w: &&str| w.contains('@') || w.contains("://") || w.starts_with("www.");
    if words.iter().any(link) && words.len() <= 4 {
        return true;
    }
    if t.ends_with(['.', '!', '?', ':', ';', ',']) || words.len() > 5 {
        return false;
    }
    // Joining words and separators of titles and company names.
    const JOIN: &[&str] = &[
        "|", "&", "-", "–", "·", "/", "of", "and", "at", "de", "du", "des", "la", "van", "der",
        "den", "von", "für", "und", "y", "e", "et", "och", "en", "di", "da", "do",
    ];
    words.iter().all(|w| {
        JOIN.contains(w)
            || w.chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    })
}

fn postscript_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(r"(?i)^\s*(p\.?\s?p\.?\s?s|p\.\s?s|ps)\b[.:]?\s").expect("postscript regex")
    })
}

fn valediction_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(
            r"(?i)^\s*(best|best\s+regards|kind\s+regards|warm\s+regards|regards|many\s+thanks|thanks|thank\s+you|thanks\s+again|cheers|all\s+the\s+best|sincerely|yours|talk\s+soon|speak\s+soon|mit\s+freundlichen\s+gr(ü|ue)(ß|ss)en|viele\s+gr(ü|ue)(ß|ss)e|beste\s+gr(ü|ue)(ß|ss)e|liebe\s+gr(ü|ue)(ß|ss)e|gru(ß|ss)|cordialement|bien\s+(à\s+vous|cordialement)|salutations|saludos|un\s+saludo|atentamente|cordiali\s+saluti|saluti|distinti\s+saluti|met\s+vriendelijke\s+groet(en)?|groet(en|jes)?|atenciosamente|abraços?|cumprimentos|med\s+vänlig(a)?\s+hälsning(ar)?|vänliga\s+hälsningar|hälsningar|mvh)\s*[,.!]?\s*(-+\s*)?(\p{L}+)?\s*$",
        )
        .expect("valediction regex")
    })
}

/// Whether the text hands something over (attached, enclosed, here is, I've sent…), in the
/// eight languages: what a draft may call "sent", and a bare hand-over's cue to read the
/// subject.
pub fn hands_over(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(r"(?i)\b(attached|attaching|enclosed|pfa|kindly\s+find|here'?s|here\s+(it\s+)?is|here\s+are|here\s+you\s+go|please\s+find|find\s+attached|see\s+attached|i'?ve\s+(sent|attached|included|shared|put|uploaded|linked|added|enclosed)|i\s+have\s+(sent|attached|included|shared)|sending\s+(you\s+)?(the|our|over|along)|sent\s+(you|over|it)|below\s+(is|are)|in\s+the\s+link|is\s+in\s+your\s+inbox|should\s+be\s+in\s+your\s+inbox|anbei|im\s+anhang|beigef[üu]gt|angeh[äa]ngt|h[äa]nge\s+(ich\s+)?(\S+\s+){0,4}an\b|ci-joint|en\s+pi[eè]ce\s+jointe|adjunto|adjunta|le\s+adjunto|in\s+allegato|allego|bijgaand|in\s+de\s+bijlage|hierbij|segue\s+(em\s+anexo|anexo|abaixo|o|a|os|as)|em\s+anexo|bifogat|bifogar|h[äa]r\s+(kommer|[äa]r)|hier\s+(ist|sind|kommt|kommen)\s+(das|die|der|den|unser|unsere|mein|meine|ihr|ihre|eine?)|hier\s+(unser|unsere|mein|meine)|wie\s+(besprochen|versprochen|gew[üu]nscht|angek[üu]ndigt),?\s+hier|hiermit\s+(sende|schicke|[üu]bersende|erhalten)|erhalten\s+sie\s+(anbei|hiermit)|finden\s+sie\s+(anbei|hier|unten|im\s+anhang)|(habe|hab)\s+(ich\s+)?(ihnen|dir|euch)\s+(\S+\s+){0,6}(geschickt|gesendet|zugeschickt|[üu]bermittelt|weitergeleitet)|voici|vous\s+trouverez|tu\s+trouveras|je\s+vous\s+ai\s+(envoy[ée]s?|transmis|fait\s+parvenir)|je\s+t'ai\s+(envoy[ée]s?|transmis)|aqu[ií]\s+(tiene|tienes|tienen|est[aá]|van|va|le\s+dejo|te\s+dejo)|encontrar[aá]s?\s+(adjunt[oa]s?|a\s+continuaci[oó]n)|(le|te|les)\s+he\s+(enviado|mandado|compartido)|ecco\s+(il|la|lo|i|le|gli|l'|qui)|trova(i)?\s+(in\s+allegato|qui\s+sotto|di\s+seguito|allegat[oaie])|(le|ti|vi)\s+ho\s+(inviato|mandato|inoltrato|girato)|hier\s+(is|zijn)\s+(de|het|ons|onze|mijn)|(heb|had)\s+ik\s+(je|u|jullie)\s+(\S+\s+){0,6}(gestuurd|verzonden|gemaild)|(vind\s+je|treft\s+u|vindt\s+u)\s+(hierbij|bijgaand|in\s+de\s+bijlage)|aqui\s+(est[aá]|est[aã]o|vai|v[aã]o|segue)|(te|lhe)\s+enviei|(envio|encaminho)\s+em\s+anexo|jag\s+har\s+skickat|skickade\s+(dig|er|[öo]ver))\b")
            .expect("hand-over regex")
    })
    .is_match(text)
}

/// A paragraph with its list markers ("- ", "• ", "1. ", "2) ") taken off and its items
/// kept apart by "; " where they carry no punctuation of their own: "- Annual license:
/// $54,000\n- Onboarding: $6,500" is quoted as "Annual license: $54,000; Onboarding: $6,500",
/// not as one run with a dash in the middle.
fn unbulleted(para: &str) -> String {
    static MARKER: OnceLock<Regex> = OnceLock::new();
    let marker = MARKER
        .get_or_init(|| Regex::new(r"^\s*(?:[-*•·–]|\d{1,2}[.)])\s+").expect("list-marker regex"));
    let mut out = String::with_capacity(para.len());
    let mut in_list = false;
    for line in para.lines() {
        // "7. Dezember passt" opens on a day, not a list number.
        let item = marker.find(line).map(|m| &line[m.end()..]).filter(|rest| {
            !line.trim_start().starts_with(|c: char| c.is_ascii_digit())
                || rest
                    .split_whitespace()
                    .next()
                    .and_then(|w| crate::dates::month_num(w.trim_end_matches([',', '.'])))
                    .is_none()
        });
        let stripped = item.unwrap_or(line).trim();
        if stripped.is_empty() {
            continue;
        }
        if item.is_some() && in_list && !out.trim_end().ends_with(['.', '!', '?', ';', ':', ',']) {
            out.push(';');
        }
        out.push(' ');
        out.push_str(stripped);
        in_list = item.is_some();
    }
    out
}

/// Fold an accented letter to its base (à → a, ñ → n, ö → o): typed with or without accents,
/// a word reads the same.
pub fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'å' | 'ä' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        _ => c,
    }
}

/// A sentence without the greeting or the name it opens with ("Hi Alex, the board meets on the
/// 17th" and "Alex, the board meets on the 17th" are quoted as "The board meets on the 17th"):
/// the prospect's words, not their hello.
pub fn without_greeting(sentence: &str) -> String {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^(?:hi|hello|hey|dear|morning|good\s+(?:morning|afternoon)|bonjour|bonsoir|salut|hallo|moin|guten\s+(?:tag|morgen)|hola|buenas|buenos\s+d[íi]as|ciao|buongiorno|salve|hoi|dag|goedemorgen|goedemiddag|ol[áa]|bom\s+dia|boa\s+tarde|hej|hejsan|tjena)(?:\s+(?:(?:herr|frau|mr\.?|mrs\.?|ms\.?|monsieur|madame|se[ñn]or(?:a)?|meneer|mevrouw)\s+)?[\p{L}'’.-]+)?\s*[,!:–—-]+\s*")
            .expect("greeting regex")
    });
    // Or the name it is addressed to ("Alex, our CISO has to approve any new vendor", "Alex -
    // we're fine with the terms"): one capitalised word and a comma or a dash before a clause
    // that goes on in lower case.
    static VOCATIVE: OnceLock<Regex> = OnceLock::new();
    let vocative = VOCATIVE
        .get_or_init(|| Regex::new(r"^\p{Lu}[\p{L}'’]+(?:,|\s+[–—-])\s+").expect("vocative regex"));
    let Some(end) = re.find(sentence).map(|m| m.end()).or_else(|| {
        vocative.find(sentence).map(|m| m.end()).filter(|&e| {
            let rest = &sentence[e..];
            rest.starts_with("I ") || rest.chars().next().is_some_and(char::is_lowercase)
        })
    }) else {
        return sentence.to_string();
    };
    let rest = sentence[end..].trim_start();
    if rest.split_whitespace().count() < 3 {
        return sentence.to_string();
    }
    sentence_case(rest)
}

/// `s` with its first letter in upper case, as a quoted sentence starts ("unterstützt Ihre
/// Lösung…?" written on the line after "Hallo Herr Morgan,").
pub fn sentence_case(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Split text into sentences (for quoting the rep's commitment back to them).
pub fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for para in text.split("\n\n") {
        let flat = unbulleted(para)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let mut start = 0;
        let chars: Vec<(usize, char)> = flat.char_indices().collect();
        for (pos, &(idx, c)) in chars.iter().enumerate() {
            let next_is_space = chars.get(pos + 1).map(|(_, n)| *n == ' ').unwrap_or(true);
            if matches!(c, '.' | '!' | '?') && next_is_space {
                // Keep abbreviations like "e.g." and "Dr." together: require a word of 3+ letters or a digit before.
                let word: String = flat[start..idx]
                    .rsplit(' ')
                    .next()
                    .unwrap_or("")
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect();
                if word.chars().count() < 2 && !word.chars().all(|c| c.is_ascii_digit()) {
                    continue;
                }
                // A German or Scandinavian day ("bis zum 7. Dezember", "den 7. december").
                let next = flat[idx + 1..].split_whitespace().next().unwrap_or("");
                if c == '.'
                    && (1..=2).contains(&word.len())
                    && word.chars().all(|c| c.is_ascii_digit())
                    && crate::dates::month_num(next.trim_end_matches([',', '.'])).is_some()
                {
                    continue;
                }
                if [
                    "dr", "mr", "mrs", "ms", "eg", "ie", "vs", "etc", "approx", "sr", "sra", "hr",
                    "fr", "mme", "mlle", "dhr", "mevr", "sig", "dott", "prof", "ing",
                ]
                .contains(&word.to_ascii_lowercase().as_str())
                {
                    continue;
                }
                let s = flat[start..idx + c.len_utf8()].trim();
                if !s.is_empty() {
                    out.push(s.to_string());
                }
                start = idx + c.len_utf8();
            }
        }
        let rest = flat[start..].trim();
        if !rest.is_empty() {
            out.push(rest.to_string());
        }
    }
    out
}

fn prefix_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(
            r"(?i)^\s*(?:(?:re|fw|fwd|aw|wg|sv|vs|vb|antw|antwort|doorst|tr|rif|r|ref|res|enc|odp|pd|ynt|atb|fs|vl|rv|réf|rép|απ|σχετ|відп|отв|回复|回覆|答复|转发|轉寄)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]|\[[^\]]{1,40}\])\s*",
        )
        .expect("subject prefix regex")
    })
}

/// The prefix an auto-responder puts before the subject it answers ("Automatic reply:",
/// "Out of Office:", "Abwesenheitsnotiz:", "Réponse automatique :", "Autosvar:").
fn auto_reply_prefix_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(
            r"(?i)^\s*(?:automatic\s+reply|auto[\s-]?reply|autoreply|auto[\s-]?response|automated\s+response|out\s+of\s+(?:the\s+)?office(?:\s+reply)?|ooo|abwesenheitsnotiz|automatische\s+antwort|r[ée]ponse\s+automatique|absence|respuesta\s+autom[áa]tica|risposta\s+automatica|automatisch\s+antwoord|afwezigheidsmelding|resposta\s+autom[áa]tica|autosvar|automatiskt\s+svar|fr[åa]nvaro(?:meddelande)?)\s*[:：]\s*",
        )
        .expect("auto-reply prefix regex")
    })
}

/// Whether the subject is an auto-responder's answer to another subject.
pub fn has_auto_reply_prefix(subject: &str) -> bool {
    auto_reply_prefix_re().is_match(subject)
}

/// The subject with every reply/forward prefix (any language, `Re[2]:` counts), auto-reply
/// prefix and list tag removed, white space collapsed: the thread's "base" subject.
pub fn base_subject(subject: &str) -> String {
    let mut s = subject.trim().to_string();
    loop {
        let next = prefix_re().replace(&s, "").to_string();
        let next = auto_reply_prefix_re().replace(&next, "").to_string();
        if next == s {
            break;
        }
        s = next;
    }
    let s = s.trim_end_matches("(fwd)").trim();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether the subject carries a reply or forward prefix.
pub fn has_reply_prefix(subject: &str) -> bool {
    let s = subject.trim();
    prefix_re()
        .find(s)
        .is_some_and(|m| !m.as_str().trim_start().starts_with('['))
}

/// At most `max` characters of `s`, ending in "…" when cut.
pub fn ellipsize(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        s.chars().take(max.saturating_sub(1)).collect::<String>() + "…"
    }
}

/// Count the words a reader sees.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_text_drops_gmail_quote_and_signature() {
        let body = "Hi Dana,\n\nHere is the pricing.\n\n-- \nAlex\n\nOn Mon, Nov 2, 2026 at 10:00 AM Dana <d@x.com> wrote:\n> send pricing\n";
        assert_eq!(own_text(body), "Hi Dana,\n\nHere is the pricing.");
    }

    #[test]
    fn own_text_keeps_answers_written_between_the_quoted_lines() {
        let body = "Hi Dana,\n\nAnswers inline below.\n\nAlex\n\nOn Mon, Nov 23, 2026 at 9:00 AM Dana Ito <dana@kite.example> wrote:\n> Hi Alex,\n>\n> 1. Is onboarding included?\n\nYes, onboarding for up to 50 users is included.\n\n> 2. Can we pay quarterly?\n\nYes, quarterly billing adds 3%.\n\n>\n> Dana\n\nSent via the web\n";
        let own = own_text(body);
        assert!(
            own.starts_with("Hi Dana,\n\nAnswers inline below."),
            "{own:?}"
        );
        assert!(
            own.contains("Yes, onboarding for up to 50 users is included."),
            "{own:?}"
        );
        assert!(own.contains("Yes, quarterly billing adds 3%."), "{own:?}");
        assert!(!own.contains("Can we pay quarterly"), "{own:?}");
        assert!(!own.contains("Sent via the web"), "{own:?}");
        // A plain reply above a whole quote keeps only its own words.
        let plain = "Thanks, will do.\n\nOn Mon, Nov 23, 2026 at 9:00 AM Dana <d@x.example> wrote:\n> Can you send it?\n> Dana\n";
        assert_eq!(own_text(plain), "Thanks, will do.");
    }

    #[test]
    fn own_text_drops_attributions_with_the_author_first_or_in_dashes() {
        for quote in [
            "Dana Ito <dana@x.com> schrieb am Di., 10. Nov. 2026, 15:14:",
            "Dana Ito <dana@x.nl> schreef op di 10 nov. 2026 om 15:14:",
            "dana@x.com wrote on Tuesday, 10 November 2026 at 15:14:",
            "---- On Tue, 10 Nov 2026 15:14:00 +0100 Dana Ito <dana@x.com> wrote ----",
        ] {
            let body = format!(
                "Hi Dana,\n\nI'll send the quote Friday.\n\n{quote}\nPlease send the pricing.\n"
            );
            assert_eq!(
                own_text(&body),
                "Hi Dana,\n\nI'll send the quote Friday.",
                "{quote}"
            );
        }
        // A sentence of the author's that names an address and ends in a colon stays.
        let body = "Hi,\n\nSend it to ops@x.com, who wrote the spec, with this:\nthe login.\n";
        assert!(own_text(body).contains("ops@x.com"));
    }

    #[test]
    fn own_text_drops_a_legal_footer_and_a_gateway_banner() {
        for footer in [
            "CONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for the sole use of the intended recipient(s).",
            "This email and any attachments are confidential and intended solely for the addressee.",
            "Diese E-Mail enthält vertrauliche und/oder rechtlich geschützte Informationen.",
            "Ce message et toutes les pièces jointes sont confidentiels et établis à l'intention exclusive de ses destinataires.",
            "Este mensaje y sus anexos son confidenciales.",
            "Questo messaggio è riservato e destinato esclusivamente al destinatario.",
            "Dit e-mailbericht is uitsluitend bestemd voor de geadresseerde.",
            "Esta mensagem é confidencial.",
            "Detta e-postmeddelande kan innehålla sekretessbelagd information.",
        ] {
            let body = format!("Hi Dana,\n\nI'll call you after the board meeting.\n\n\n{footer}\nIf you are not the intended recipient, delete it.\n");
            assert_eq!(own_text(&body), "Hi Dana,\n\nI'll call you after the board meeting.", "{footer}");
        }
        let body = "CAUTION: This email originated from outside of the organization. Do not click links or\nopen attachments unless you recognize the sender.\n\nHi Alex,\n\nWe are on hold until Q2.\n";
        assert_eq!(own_text(body), "Hi Alex,\n\nWe are on hold until Q2.");
        assert_eq!(
            own_text("[EXTERNAL]\nHi Alex, send it over.\n"),
            "Hi Alex, send it over."
        );
        // The words in the author's own sentence are not a footer.
        let own = "Hi Dana,\n\nThe disclaimer in our contract is standard; this message is confidential only in the sense that pricing is.";
        assert_eq!(own_text(own), own);
    }

    #[test]
    fn own_text_keeps_a_postscript_after_the_closing() {
        let body = "Hi Ana,\n\nThanks for your time today.\n\nTalk soon,\nSam\n\nP.S. I'll send over the case study tomorrow.\nIt covers the Madrid rollout.\n\nSam Carter | Vendor.io\n";
        assert_eq!(
            own_text(body),
            "Hi Ana,\n\nThanks for your time today.\n\nP.S. I'll send over the case study tomorrow.\nIt covers the Madrid rollout."
        );
        for ps in [
            "PS: the pilot ends Friday.",
            "P.P.S. the pilot ends Friday.",
            "ps the pilot ends Friday.",
        ] {
            let body = format!("Hi,\n\nGood call.\n\nBest,\nSam\n\n{ps}\n");
            assert_eq!(own_text(&body), format!("Hi,\n\nGood call.\n\n{ps}"));
        }
        // A signature line that merely starts with the letters is not a postscript.
        let body = "Hi,\n\nGood call.\n\nBest,\nSam\nPSG Logistics\n";
        assert_eq!(own_text(body), "Hi,\n\nGood call.");
    }

    #[test]
    fn own_text_drops_a_name_title_and_phone_block_with_no_closing_line() {
        let body = "Hi Dana,\n\nAs promised, attached is the quote for the three regions.\n\nAlex Morgan\nAccount Executive, Acme\n+1 212 555 0142\n";
        assert_eq!(
            own_text(body),
            "Hi Dana,\n\nAs promised, attached is the quote for the three regions."
        );
        let body = "Hallo Herr Vogel,\n\nanbei das Angebot.\n\nJan Schulz | Vertrieb\nFabrikam GmbH\njan@fabrikam.de\n";
        assert_eq!(own_text(body), "Hallo Herr Vogel,\n\nanbei das Angebot.");
        // A last line that reads as a sentence stays, capitalised or not.
        for kept in [
            "Hi Dana,\n\nHere is the quote.\n\nQuick Call Monday?",
            "Hi Dana,\n\nHere is the quote.\n\nLet me know what you think",
            "Hi Dana,\n\nThe pilot ends on the 30th.",
        ] {
            assert_eq!(own_text(kept), kept);
        }
        // A text that is nothing but a name keeps it.
        assert_eq!(own_text("Alex Morgan"), "Alex Morgan");
    }

    #[test]
    fn own_text_drops_a_signature_after_a_closing_line() {
        let body = "Hi Dana,\n\nGreat to meet you yesterday.\n\nBest,\nAlex Morgan\nAccount Executive | Acme\nBook a call: calendly.com/alex\n";
        assert_eq!(own_text(body), "Hi Dana,\n\nGreat to meet you yesterday.");
        // A closing word at the top is not a signature.
        assert_eq!(
            own_text("Thanks!\n\nI'll send the pricing tomorrow."),
            "Thanks!\n\nI'll send the pricing tomorrow."
        );
        assert_eq!(
            own_text("Danke für das Gespräch.\n\nMit freundlichen Grüßen\nJan Schulz\nTel. 0123"),
            "Danke für das Gespräch."
        );
    }

    #[test]
    fn own_text_drops_the_outlook_header_block_of_every_client_language() {
        for (from, sent) in [
            (
                "De: Dana Omar <d@x.es>",
                "Enviado el: lunes, 2 de noviembre de 2026 10:00",
            ),
            (
                "De: Dana Omar <d@x.pt>",
                "Enviada em: segunda-feira, 2 de novembro de 2026 10:00",
            ),
            ("Fra: Dana Omar <d@x.dk>", "Sendt: 2. november 2026 10:00"),
            (
                "Da: Dana Omar <d@x.it>",
                "Data: lunedì 2 novembre 2026 10:00",
            ),
            (
                "De : Dana Omar <d@x.fr>",
                "Envoyé : lundi 2 novembre 2026 10:00",
            ),
        ] {
            let body = format!("Te mando el presupuesto el jueves.\n\n{from}\n{sent}\nPara: Alex\n\nMándeme los precios");
            assert_eq!(
                own_text(&body),
                "Te mando el presupuesto el jueves.",
                "{sent}"
            );
        }
    }

    #[test]
    fn own_text_drops_an_attribution_wrapped_over_two_lines_in_any_language() {
        for (a, b) in [
            (
                "On Mon, Nov 2, 2026 at 10:00 AM Dana Omar <",
                "dana@x.com> wrote:",
            ),
            (
                "Le lun. 2 nov. 2026 à 10:00, Dana Omar <dana@x.fr> a",
                "écrit :",
            ),
            (
                "Am Mo., 2. Nov. 2026 um 10:00 Uhr schrieb Dana Omar <",
                "dana@x.de>:",
            ),
            (
                "Em seg., 2 de nov. de 2026 às 10:00, Dana Omar <dana@x.pt>",
                "escreveu:",
            ),
        ] {
            let body = format!("Segue o orçamento revisto.\n\n{a}\n{b}\n> pode enviar?");
            assert_eq!(own_text(&body), "Segue o orçamento revisto.", "{a}");
        }
        // A line of the rep's own that ends in a colon stays.
        assert_eq!(
            own_text("On the call we agreed on three things\nnext steps:\n1. pricing"),
            "On the call we agreed on three things\nnext steps:\n1. pricing"
        );
    }

    #[test]
    fn own_text_drops_apple_mail_attributions_in_dutch_and_the_nordic_languages() {
        for attribution in [
            "Op 2 nov. 2026 om 10:00 heeft Dana Omar <dana@x.nl> het volgende geschreven:",
            "2 nov. 2026 kl. 10:00 skrev Dana Omar <dana@x.se>:",
            "man. 2. nov. 2026 kl. 10.00 skrev Dana Omar <dana@x.no>:",
        ] {
            let body = format!(
                "Jeg sender tilbudet på fredag.\n\n{attribution}\n\n> Kan du sende prisene?"
            );
            assert_eq!(
                own_text(&body),
                "Jeg sender tilbudet på fredag.",
                "{attribution}"
            );
        }
        // The rep's own sentence with a time in it stays.
        let own = "Vi ses kl. 10:00 på fredag, jag skrev ihop en agenda.";
        assert_eq!(own_text(own), own);
    }

    #[test]
    fn a_hand_over_is_told_from_a_promise_in_any_language() {
        for t in [
            "Please find attached.",
            "Here you go, as discussed.",
            "Anbei das Angebot.",
            "Ci-joint le devis.",
            "Segue o orçamento revisto.",
            "Hierbij de offerte.",
            "Bifogat finns offerten.",
            "Wie besprochen hier unser Angebot für beide Standorte.",
            "Ich habe Ihnen gestern die Preisliste geschickt.",
            "Voici le devis pour les trois sites.",
            "Aquí tiene el presupuesto.",
            "Ecco il preventivo per i tre magazzini.",
            "Hier is de offerte voor beide locaties.",
            "Aqui está a proposta.",
            "Jag har skickat offerten till dig.",
            "As discussed telephonically, kindly find the revised commercials for 50 users.",
        ] {
            assert!(hands_over(t), "{t}");
        }
        for t in [
            "As promised, I'll send the quote tomorrow.",
            "Il programma è come segue.",
            "Ich schicke Ihnen das Angebot morgen.",
            "Je vous envoie le devis demain.",
            "Le enviaré la propuesta el lunes.",
            "Ik stuur u de offerte volgende week.",
            "Hier sind wir flexibel.",
        ] {
            assert!(!hands_over(t), "{t}");
        }
    }

    #[test]
    fn own_text_stops_at_a_mobile_client_sign_off_in_any_language() {
        for signoff in [
            "Sent from Outlook for iOS",
            "Sent from Mail for Windows",
            "Inviato da iPhone",
            "Verzonden vanaf mijn iPhone",
            "Enviado do meu iPhone",
            "Skickat från min iPhone",
        ] {
            let body = format!(
                "I'll send the quote on Friday.\n\n{signoff}\n\nOn Mon, Dana wrote:\n> prices?"
            );
            assert_eq!(
                own_text(&body),
                "I'll send the quote on Friday.",
                "{signoff}"
            );
        }
    }

    #[test]
    fn own_text_drops_outlook_header_block() {
        let body = "Thanks, will do.\n\nFrom: Dana Smith <d@x.com>\nSent: Monday, November 2, 2026 10:00 AM\nTo: Alex\nSubject: pricing\n\nPlease send pricing";
        assert_eq!(own_text(body), "Thanks, will do.");
    }

    #[test]
    fn own_text_drops_german_and_french_attributions() {
        assert_eq!(
            own_text("Danke!\nAm 02.11.2026 um 10:00 schrieb Dana <d@x.de>:\n> hallo"),
            "Danke!"
        );
        assert_eq!(
            own_text("Merci\nLe lun. 2 nov. 2026 à 10:00, Dana <d@x.fr> a écrit :\n> salut"),
            "Merci"
        );
    }

    #[test]
    fn base_subject_strips_prefixes_in_many_languages() {
        assert_eq!(
            base_subject("Re: RE[2]: AW: Fwd: SV: Pricing for Q1"),
            "Pricing for Q1"
        );
        assert_eq!(
            base_subject("[ext] Re:  Pricing   for Q1"),
            "Pricing for Q1"
        );
        assert_eq!(base_subject("Réf : TR: Devis"), "Devis");
        assert_eq!(base_subject("Pricing"), "Pricing");
        assert!(has_reply_prefix("AW: Angebot"));
        assert!(!has_reply_prefix("[ext] Angebot"));
        assert!(!has_reply_prefix("Return policy"));
        assert_eq!(base_subject("Automatic reply: Case study"), "Case study");
        assert_eq!(base_subject("Abwesenheitsnotiz: AW: Angebot"), "Angebot");
        assert_eq!(base_subject("Réponse automatique : Devis"), "Devis");
        assert_eq!(base_subject("Out of Office: Re: Pricing"), "Pricing");
        assert!(has_auto_reply_prefix("Autosvar: Offert"));
        assert!(!has_auto_reply_prefix(
            "Automatic replies for support tickets"
        ));
    }

    #[test]
    fn a_quoted_sentence_leaves_its_greeting_out() {
        for (given, quoted) in [
            (
                "Hi Alex, the board meets on the 17th and they'll want the ROI story.",
                "The board meets on the 17th and they'll want the ROI story.",
            ),
            (
                "Bonjour Alex, je suis en congé jusqu'au 4 janvier.",
                "Je suis en congé jusqu'au 4 janvier.",
            ),
            (
                "Hallo Herr Morgan, das muss noch durch den Einkauf.",
                "Das muss noch durch den Einkauf.",
            ),
            (
                "Hi Alex - quick one: does it support SSO?",
                "Quick one: does it support SSO?",
            ),
            // The name it is addressed to, alone: the prospect's words without it.
            (
                "Alex, what would it cost for 6 practices?",
                "What would it cost for 6 practices?",
            ),
            (
                "Alex, la decisione finale spetta al nostro CdA.",
                "La decisione finale spetta al nostro CdA.",
            ),
            // A name that is the subject, or too little after it: as written.
            (
                "Tom, Sarah and I will decide next week.",
                "Tom, Sarah and I will decide next week.",
            ),
            ("Alex, thanks!", "Alex, thanks!"),
            (
                "Alex - we're fine with the commercial terms.",
                "We're fine with the commercial terms.",
            ),
            // No greeting, or nothing after it: as written.
            ("Hi Alex, thanks!", "Hi Alex, thanks!"),
            (
                "Hello kitty brand products sell well.",
                "Hello kitty brand products sell well.",
            ),
        ] {
            assert_eq!(without_greeting(given), quoted);
        }
    }

    #[test]
    fn list_items_are_quoted_without_their_markers() {
        assert_eq!(
            sentences("Numbers for 120 seats below:\n\n- Annual license: $54,000\n- Onboarding (one-time): $6,500\n\nThat includes support."),
            vec![
                "Numbers for 120 seats below:",
                "Annual license: $54,000; Onboarding (one-time): $6,500",
                "That includes support."
            ]
        );
        assert_eq!(
            sentences(
                "Next steps:\n1. I'll send the pricing by Friday.\n2) You check with your CFO."
            ),
            vec![
                "Next steps: I'll send the pricing by Friday.",
                "You check with your CFO."
            ]
        );
        assert_eq!(
            sentences("Termin?\n7. Dezember passt mir gut."),
            vec!["Termin?", "7. Dezember passt mir gut."]
        );
    }

    #[test]
    fn sentences_keep_abbreviations_together() {
        let s =
            sentences("I'll send the quote by Friday, e.g. for 3 regions. Does that work? Thanks!");
        assert_eq!(
            s,
            vec![
                "I'll send the quote by Friday, e.g. for 3 regions.",
                "Does that work?",
                "Thanks!"
            ]
        );
        // A day before its month, and a title before a name, end no sentence.
        assert_eq!(
            sentences("Frau Vogt ist bis zum 7. Dezember im Urlaub. O Sr. Rui está de férias."),
            vec![
                "Frau Vogt ist bis zum 7. Dezember im Urlaub.",
                "O Sr. Rui está de férias."
            ]
        );
        assert_eq!(
            sentences("The total is 12. Next we schedule the rollout."),
            vec!["The total is 12.", "Next we schedule the rollout."]
        );
    }
}
