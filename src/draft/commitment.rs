//! What the rep actually did, in the rep's own tense: a draft may say "the pricing I sent on
//! Monday" only when the rep's words handed it over, and "the pricing I promised" when they
//! only promised it. Pure; read from the sentence that stated the reason (or, for a tag, the
//! rep's message).

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;

use crate::message::haystack::{bare, Haystack, Pattern};

/// Something is promised for later: I'll send, I will, by Friday.
fn promise_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(r"(?i)^\s*(?:[-*•]\s*)?(?:me|myself|us|ich|moi|yo|io|ik|eu|jag)\s*:\s*\w|\b(i'?ll|i\s+will|i\s+shall|i'?m\s+going\s+to|i\s+am\s+going\s+to|let\s+me|i'?m\s+(putting|getting|preparing|finali[sz]ing|working)|will\s+(send|share|get|have|prepare|follow)|ich\s+(werde|schicke|sende|melde|rechne|kl[äa]re|richte|bereite|stelle|k[üu]mmere)|wir\s+werden|je\s+(vais|vous\s+(enverrai|mets|mettrai|pr[ée]pare|ferai)|t'(enverrai|envoie)|enverrai|pr[ée]pare|reviendrai|mettrai|m'occupe)|(le|te)\s+(env[ií]o|enviar[ée]|preparo|preparar[ée]|voy\s+a)|voy\s+a\s+\w+|(preparar|enviar|mandar|activar|configurar)é|estoy\s+preparando|sto\s+preparando|(le|ti)\s+(invier[òo]|mander[òo]|attiver[òo]|preparer[òo])|\w+(er|ir)ò|ik\s+(stuur|werk|kom|zal|ga|zoek|vraag|check|kijk|regel|bel)|wij\s+zullen|estou\s+a\s+preparar|vou\s+\w+|\w+(arei|erei|irei)|jag\s+(skickar|tar\s+fram|h[öo]r|kommer\s+att|ska|s[äa]tter\s+upp|fixar|ordnar|[åa]terkommer)|should\s+have\s+(it|them|this|that|something)\s+(over\s+)?to\s+you|you'?ll\s+(have|get|receive)\s+(it|them)|vous\s+l'aurez|tu\s+l'auras|(lo|la|los|las)\s+tendr[áa]s|(te|se)\s+(lo|la|los|las)\s+hago\s+llegar|(ti|le|vi)\s+faccio\s+avere|(te|glie|ve)\s*l[oaie]\s+faccio\s+avere|fa[çc]o-(lhe|te)\s+chegar|f[åa]r\s+du\s+(den|det|dem)|melde\s+mich|(te|le|les|os)\s+(responder[ée]|contestar[ée]|escribir[ée])|(ti|le|vi)\s+risponder[òo]|[åa]terkommer)\b")
            .expect("promise regex")
    })
}

/// Sending in the present tense ("come promesso Le invio il preventivo", "je vous envoie le
/// devis", "wie vereinbart schicke ich Ihnen…"): the hand-over itself, unless a time to come
/// makes it a promise ("…bis Freitag", "…demain").
fn present_send_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(r"(?i)\b((schicke|sende|[üu]bersende|[üu]bermittle)\s+(ich\s+)?(ihnen|dir|euch)|ich\s+(schicke|sende|[üu]bersende)|je\s+(vous|te)\s+(envoie|transmets|joins|fais\s+parvenir)|je\s+t'envoie|(le|te|les|os)\s+(env[ií]o|mando|remito|hago\s+llegar|comparto)|(le|ti|vi)\s+(invio|mando|giro|trasmetto|inoltro)|(te|ve|gliel[aoie])\s+l?[aoie]?\s*(invio|mando|giro|trasmetto|inoltro)|(se|te)\s+l[oa]s?\s+(env[ií]o|mando|paso|remito)|je\s+(vous|te)\s+l[ae]s?\s+(envoie|transmets|fais\s+parvenir)|je\s+(vous|te)\s+l'(envoie|adresse)|(ik\s+)?(stuur|zend)\s+(ik\s+)?(je|u|jullie)|ik\s+stuur|(lhe|te|vos)\s+(envio|mando|encaminho)|envio-(lhe|te)|(jag\s+)?skickar\s+(jag\s+)?(h[äa]r|dig|er|[öo]ver)|jag\s+skickar)\b")
            .expect("present-send regex")
    })
}

/// A time still to come, in the eight languages: with it, sending in the present tense is a
/// promise ("ich schicke Ihnen das Angebot morgen").
fn future_marker_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(r"(?i)\b(tomorrow|next\s+week|later|by\s+(monday|tuesday|wednesday|thursday|friday|eod|the\s+end)|morgen|[üu]bermorgen|bis\s+(montag|dienstag|mittwoch|donnerstag|freitag|ende|morgen|n[äa]chste|zum|sp[äa]testens)|(n[äa]chste|kommende)n?\s+woche|sp[äa]ter|in\s+k[üu]rze|demn[äa]chst|heute\s+(noch|nachmittag|abend)|am\s+(montag|dienstag|mittwoch|donnerstag|freitag)|im\s+laufe|demain|d'ici|plus\s+tard|semaine\s+prochaine|prochainement|sous\s+peu|dans\s+la\s+journ[ée]e|(lundi|mardi|mercredi|jeudi|vendredi)(\s+prochain)?|ma[ñn]ana|(la\s+)?pr[oó]xima\s+semana|m[aá]s\s+tarde|en\s+breve|antes\s+del|el\s+(lunes|martes|mi[eé]rcoles|jueves|viernes)|domani|entro|(la\s+)?prossima\s+settimana|pi[uù]\s+tardi|a\s+breve|(luned|marted|mercoled|gioved|venerd)[iì]|volgende\s+week|binnenkort|uiterlijk|(maandag|dinsdag|woensdag|donderdag|vrijdag)|amanh[ãa]|at[ée]\s+(segunda|ter[çc]a|quarta|quinta|sexta|ao|[àa]|o\s+fim)|(segunda|ter[çc]a|quarta|quinta|sexta)-feira|mais\s+tarde|em\s+breve|i\s*morgon|n[äa]sta\s+vecka|senare|snart|senast|p[åa]\s+(m[åa]ndag|tisdag|onsdag|torsdag|fredag))\b")
            .expect("future-marker regex")
    })
}

/// Coming back in the present tense, which is also how these languages say "I'm writing about"
/// ("je reviens vers vous concernant…", "te respondo a tu pregunta", "ik kom terug op je
/// vraag"): a promise only with a time still to come ("je reviens vers vous mercredi").
fn present_comeback_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(r"(?i)\b(komme\s+(\S+\s+){0,4}zur[üu]ck|(gebe|geben)\s+(ich\s+|wir\s+)?(ihnen|dir)\s+(\S+\s+){0,5}(antwort|bescheid)|(vous|te)\s+(apporterai|donnerai|apporte|donne)\s+(une\s+)?r[ée]ponse|(le|te)\s+(dar[ée]|doy)\s+(una\s+)?respuesta|(le|ti)\s+(dar[òo]|do)\s+(una\s+)?risposta|(geef|geven)\s+(ik\s+|we\s+)?(je|u)\s+(\S+\s+){0,3}(uitsluitsel|antwoord)|(lhe|te)\s+(darei|dou)\s+(uma\s+)?resposta|(ger|ge)\s+(jag\s+)?(dig|er)\s+(\S+\s+){0,2}svar|je\s+reviens\s+vers|(te|le|les|os)\s+(respondo|contesto|escribo)|(ti|le|vi)\s+(rispondo|riscrivo|ricontatto|faccio\s+sapere)|kom\s+(\S+\s+){0,4}terug|volto\s+a\s+\w+)\b")
            .expect("present come-back regex")
    })
}

/// Passed on to the rep's own people ("to our engineers", "an unsere Technik", "à notre
/// équipe", "a nuestro equipo", "ai nostri tecnici", "naar onze", "à nossa equipa", "till våra
/// tekniker").
fn passed_to_own_side_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(r"(?i)\b((to|with)\s+(our|my)|an\s+(unser|unsere|unseren|unserem|meine|meinen|meinem)|à\s+(notre|nos|mon|ma|mes)|a\s+(nuestro|nuestra|nuestros|nuestras|mi|mis)|a[il]?\s+(nostro|nostra|nostri|nostre|mio|mia|miei)|naar\s+(onze|ons|mijn)|(à|ao|aos|às|para\s+a|para\s+o)\s+(nossa|nosso|nossas|nossos|minha|meu)|(vidare\s+)?till\s+(v[åa]r|v[åa]rt|v[åa]ra|min|mitt|mina))\b")
            .expect("own-side regex")
    })
}

/// `sent`, `promised`, or `other` (the sentence neither hands over nor promises anything).
pub fn kind_of(text: &str) -> &'static str {
    let present = present_send_re().is_match(text);
    let future = future_marker_re().is_match(text);
    let promise = promise_re().is_match(text) || (future && present_comeback_re().is_match(text));
    // "I've sent your questions to our engineers and will get back to you with the answers":
    // what went to the rep's own side was handed to no one; the promise is what counts.
    let handed = crate::message::text::hands_over(text)
        && !(passed_to_own_side_re().is_match(text) && promise);
    if handed || (present && !future) {
        "sent"
    } else if present || promise {
        "promised"
    } else {
        "other"
    }
}

/// The rep promised to deliver something the draft can't write for them ("I'll get our security
/// team to fill in your questionnaire by Friday"): the scan names it so the rep adds it.
pub fn owed(sentence: &str) -> bool {
    // An offer that waits on the prospect ("if you'd like an extension, just reply and I'll
    // sort it", "I'll send over an invite once you confirm who should attend") is owed only
    // once they answer.
    static OFFER: OnceLock<Regex> = OnceLock::new();
    let offer = OFFER.get_or_init(|| {
        bare(r"(?i)\b(if\s+(you|it|that|needed|useful|helpful)|(once|when|as\s+soon\s+as)\s+you\b|sobald\s+(sie|du)\s+(mir\b|best[äa]tig)|(d[èe]s\s+que|une\s+fois\s+que)\s+(vous|tu)\s+(m'|me\s+|aurez|aurai)|en\s+cuanto\s+(me\s+)?(confirme|confirmes|diga|digas)|cuando\s+(me\s+)?(confirme|confirmes)|appena\s+(mi\s+)?(conferma|confermi|dice|dici)|zodra\s+(je|u)\s+(\S+\s+){0,3}(bevestigt|laat\s+weten|doorgeeft)|assim\s+que\s+(me\s+)?(confirmar|disser)|s[åa]\s+snart\s+(du|ni)|just\s+(reply|let\s+me\s+know)\s+and|say\s+the\s+word|give\s+(me|us)\s+the\s+(go-?ahead|green\s+light|nod)|(let\s+me\s+know|tell\s+me)\s+(who|whom|where|to\s+whom)\b|(sagen\s+sie|sag)\s+mir\s*,?\s+(an\s+wen|wem|wohin)|(dites|dis)-moi\s+(à\s+qui|o[ùu])|(d[íi]game|dime)\s+(a\s+qui[ée]n|d[óo]nde)|(mi\s+dica|dimmi)\s+(a\s+chi|dove)|laat\s+(me|mij)\s+weten\s+(naar|aan)\s+wie|(diga-me|diz-me)\s+(a\s+quem|para\s+quem)|s[äa]g\s+till\s+vem|falls\s+(sie|du|ihr|das|es)|wenn\s+(sie|du)\s+(m[öo]chten|m[öo]chtest|wollen|willst)|si\s+(vous|tu|usted|lo|le|te|hace)|se\s+(vuole|vuoi|desidera|quiser|preferir|lhe)|als\s+(u|je|jullie)\s|om\s+(du|ni)\s)")
            .expect("offer regex")
    });
    // Sending put off until something happens ("I'll wait to hear how the board meeting goes
    // before I send anything else") is no promise to send now.
    static HELD: OnceLock<Regex> = OnceLock::new();
    let held = HELD.get_or_init(|| {
        bare(r"(?i)\b(before\s+(i|we)\s+send|(wait|hold\s+off|hold\s+back)\w*\s+(to\s+hear|until|till|for)|bevor\s+(ich|wir)\s+(\S+\s+){0,3}(schicke|sende|schicken|senden)|(abwarten|warte\s+ich|ich\s+warte)|avant\s+de\s+(vous\s+|t'|te\s+)?(envoyer|renvoyer)|j'attend(s|rai)|antes\s+de\s+(enviar|mandar)|esperar[ée]\s+a|prima\s+di\s+(inviar|mandar)|aspetto\s+di|aspetter[òo]|voordat\s+(ik|we)\s+(\S+\s+){0,3}(stuur|sturen)|ik\s+wacht|antes\s+de\s+enviar|vou\s+(esperar|aguardar)|innan\s+(jag|vi)\s+skickar|jag\s+(v[äa]ntar|avvaktar))")
            .expect("held regex")
    });
    // Finding something out and coming back with it ("I'll check with our legal team and get
    // back to you by Friday") owes the answer.
    kind_of(sentence) == "promised"
        && (super::value::promises_to_send(sentence)
            || crate::reason::finds_out_and_returns(sentence))
        && !offer.is_match(sentence)
        && !held.is_match(sentence)
}

/// The rep asked the prospect something the next step waits on ("how many sites would be in
/// scope?" before a quote): the follow-up asks it again, it doesn't present the thing as sent.
/// A check-in or an invitation to ask questions is no such question.
pub fn asks_prospect(sentence: &str) -> bool {
    static OPEN: OnceLock<Regex> = OnceLock::new();
    let open = OPEN.get_or_init(|| {
        bare(r"(?i)\b(any\s+(other\s+|further\s+)?questions|let\s+me\s+know\s+if|weitere\s+fragen|d'autres\s+questions|alguna\s+(otra\s+)?(duda|pregunta)|altre\s+domande|nog\s+vragen|alguma\s+(outra\s+)?d[úu]vida|fler\s+fr[åa]gor)")
            .expect("open-question regex")
    });
    // "Before I put the quote together: how many sites…?" promises nothing yet.
    static BEFORE: OnceLock<Regex> = OnceLock::new();
    let before = BEFORE.get_or_init(|| {
        bare(r"(?i)\b(before\s+i|bevor\s+ich|avant\s+(de|que\s+je)|antes\s+de|prima\s+di|voordat\s+ik|innan\s+jag)\b")
            .expect("before regex")
    });
    let kind = kind_of(sentence);
    sentence.trim_end().ends_with('?')
        && (kind == "other" || (kind == "promised" && before.is_match(sentence)))
        && !crate::reason::is_nudge(sentence)
        && !open.is_match(sentence)
}

/// The words a reason's object goes by in the rep's sentence.
fn object_words(reason: &str) -> Option<&'static str> {
    Some(match reason {
        "pricing" => {
            r"pricing|prices|price\s+list|quote|quotation|estimate|costs?|costing|numbers|figures|rate\s+card|breakdown|offer|commercials"
        }
        "proposal" => {
            r"proposal|contract|agreement|sow|statement\s+of\s+work|order\s+form|msa|paperwork|terms|renewal\s+form|amendment"
        }
        "information" => {
            r"case\s+stud(?:y|ies)|white\s?paper|deck|slides|documentation|docs|guide|overview|report|recording|answers?|information|details|data\s?sheet|brochure|materials?|one-pager|checklist|faq|video|summary|references|specs?|samples?|examples?|workflows?|mock-?ups?|prototypes?|diagrams?|analysis|comparison|benchmarks?|runbook|playbook|templates?|spreadsheet|screenshots|certificates?|questionnaire|roadmap|article|walk-?through|screencast|presentation"
        }
        "trial" => {
            r"(?:pilot|demo|test|trial|poc|sandbox)\s+(?:environment|workspace|account|instance|site)|trial|pilot|poc|pov|proof\s+of\s+(?:concept|value)|sandbox|evaluation"
        }
        "meeting" => r"call|demo|meeting|walk-?through|workshop|session|invite|invitation",
        _ => return None,
    })
}

/// The two object patterns of a reason, compiled once: with a determiner ("the quote for…",
/// "our proposal", up to two words between: "the updated quote", or up to four that are
/// names: "our SOC 2 Type II report"), and the object alone
/// ("pricing for 50 seats").
fn object_patterns(reason: &str) -> Option<&'static (Regex, Regex)> {
    static P: OnceLock<HashMap<&'static str, (Regex, Regex)>> = OnceLock::new();
    P.get_or_init(|| {
        let tail = r"\b(?:\s+(?:for|on|of|with|from|about|covering|using|based\s+on)\s+[^,.;:!?()]{1,40}?)?(?:[,.;:!?()]|\s+(?:and|so|which|that|as|by|to|today|tomorrow|this|next|before|once|if|when|we|you|i|is|are|was|will|should|set|ready|live|now|attached|enclosed|below|herewith|here)\b|$)";
        ["pricing", "proposal", "information", "trial", "meeting"]
            .into_iter()
            .filter_map(|r| {
                let words = object_words(r)?;
                let with_det = bare(&format!(
                    r"(?i)\b(?:the|our|a|an|my|your|this|that|these|some)\s+(?:(?:[\w-]+\s+){{0,2}}?|(?:(?-i:[A-Z0-9])[\w-]*\s+){{3,4}}?)(?:{words}){tail}"
                ))
                .expect("object regex");
                let plain = bare(&format!(r"(?i)\b(?:{words}){tail}")).expect("object regex");
                Some((r, (with_det, plain)))
            })
            .collect()
    })
    .get(reason)
}

/// Whether a text lays out options to choose from ("three options", "the Team and Business
/// tiers", "Option A", "zwei Varianten", "deux formules", "tres opciones"), in eight languages.
pub fn lays_out_options(text: &str) -> bool {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(Regex::new(r"(?i)\b(\d+[- ]years?\b[^.?!]{0,60}\b(or|vs\.?|versus|but|and|oder|ou|o|of|eller)\b[^.?!]{0,40}\b\d+[- ]years?|(annual|yearly|monthly|quarterly|j[äa]hrlich|monatlich|annuel(le)?|mensuel(le)?|anual|mensual|annuale|mensile|jaarlijks|maandelijks|mensal|[åa]rsvis|m[åa]nadsvis)\s+(or|vs\.?|versus|oder|ou|o|of|eller)\s+(annual|yearly|monthly|quarterly|j[äa]hrlich|monatlich|annuel(le)?|mensuel(le)?|anual|mensual|annuale|mensile|jaarlijks|maandelijks|mensal|[åa]rsvis|m[åa]nadsvis)|\w+\s+(and|or|vs\.?|versus)\s+\w+\s+plans|options|tiers|packages|bundles|scenarios|editions|option\s+[a-d1-4]\b|(two|three|four|both)\s+(plans|versions|quotes|variants|models)|optionen|varianten|pakete|szenarien|formules|forfaits|sc[ée]narios|opciones|paquetes|modalidades|escenarios|opzioni|pacchetti|scenari|opties|pakketten|scenario'?s|op[çc][õo]es|pacotes|cen[áa]rios|alternativ(en)?|paket(en)?|scenarier)\b")
            .expect("options regex"))
    })
    .is_match(&Haystack::new(text))
}

/// What the rep named, as a short noun phrase ("the quote for the three regions"), or the
/// reason's plain name when the sentence does not name it in a way that can be quoted.
pub fn what_of(reason: &str, text: &str) -> String {
    // "I'll check with our legal team and get back to you by Friday": what is owed is the
    // answer, whatever else the sentence names.
    // So is what the rep holds back until it is checked ("…but I want to double-check the
    // stock sync with our integrations lead before I promise anything").
    if reason == "information"
        && (crate::reason::finds_out_and_returns(text) || super::value::hedged(text))
    {
        return "the answer".into();
    }
    let fallback = match reason {
        "pricing" => "the pricing",
        "proposal" => "the proposal",
        "information" => "the material",
        "trial" => "the trial",
        "meeting" => "a call",
        "decision_maker" => "the review",
        _ => "this",
    };
    let Some((with_det, plain)) = object_patterns(reason) else {
        return fallback.into();
    };
    let Some(m) = with_det.find(text).or_else(|| plain.find(text)) else {
        return fallback.into();
    };
    let mut phrase = m
        .as_str()
        .trim_end_matches(|c: char| ",.;:!?()".contains(c))
        .trim()
        .to_string();
    for stop in [
        // "the price offer for 3 plants in attachment" (as non-native English puts it).
        " in attachment",
        " in the attachment",
        " as attachment",
        " as an attachment",
        " and",
        " so",
        " which",
        " that",
        " as",
        " by",
        " to",
        " today",
        " tomorrow",
        " this",
        " next",
        " before",
        " once",
        " if",
        " when",
        " we",
        " you",
        " i",
        " is",
        " are",
        " was",
        " will",
        " should",
        " set",
        " ready",
        " live",
        " now",
        " attached",
        " enclosed",
        " below",
        " herewith",
        " here",
    ] {
        if phrase.to_lowercase().ends_with(stop) {
            phrase.truncate(phrase.len() - stop.len());
        }
    }
    // "the one-page summary of what we discussed" ends at "of what": a clause the draft
    // can't finish is dropped back to the object ("the one-page summary").
    const DANGLING: &[&str] = &[
        "what", "which", "who", "whom", "how", "where", "why", "the", "a", "an", "our", "your",
        "my", "their", "its",
    ];
    const PREPOSITIONS: &[&str] = &[
        "of", "for", "on", "with", "from", "about", "covering", "using", "based",
    ];
    // Case matters: "the pilot with Crew A" ends in a name, not the article "a".
    let mut words: Vec<&str> = phrase.split_whitespace().collect();
    if words.last().is_some_and(|w| DANGLING.contains(w)) {
        while words.last().is_some_and(|w| DANGLING.contains(w)) {
            words.pop();
        }
        while words
            .last()
            .is_some_and(|w| PREPOSITIONS.contains(&w.to_lowercase().as_str()))
        {
            words.pop();
        }
    }
    // "…hold the Q4 pricing for you": once "you" is cut, the preposition left hanging goes too.
    while words.len() > 1
        && words.last().is_some_and(|w| {
            ["of", "for", "on", "with", "from"].contains(&w.to_lowercase().as_str())
        })
    {
        words.pop();
    }
    let phrase = words.join(" ");
    // "yesterday's demo" was yesterday when the rep wrote; the follow-up says "the demo".
    static RELATIVE_DAY: OnceLock<Regex> = OnceLock::new();
    let relative_day = RELATIVE_DAY.get_or_init(|| {
        bare(r"(?i)\b(yesterday|today|tonight|this\s+morning|this\s+afternoon|last\s+night|last\s+week|this\s+week|monday|tuesday|wednesday|thursday|friday|saturday|sunday)['’]s\s+")
            .expect("relative-day regex")
    });
    let phrase = relative_day.replace_all(&phrase, "the ").into_owned();
    // Start it the way a draft would refer back to it.
    let lower = phrase.to_lowercase();
    let body = [
        "a ", "an ", "our ", "my ", "some ", "this ", "that ", "these ",
    ]
    .iter()
    .find_map(|d| lower.starts_with(d).then(|| phrase[d.len()..].to_string()));
    let phrase = match body {
        Some(rest) => format!("the {rest}"),
        // "The order form is attached": mid-sentence in the draft, "the order form".
        None if lower.starts_with("the ") || lower.starts_with("your ") => {
            let det = phrase.find(' ').unwrap_or(0);
            format!("{}{}", &lower[..det], &phrase[det..])
        }
        None => format!("the {phrase}"),
    };
    // Verbs and pronouns dragged in front ("put together pricing") are not the object.
    if phrase.split_whitespace().count() > 9 || phrase.to_lowercase().contains(" i ") {
        return fallback.into();
    }
    phrase
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_piece_of_work_the_rep_has_made_is_named_not_called_the_material() {
        assert_eq!(
            what_of(
                "information",
                "I've asked our solutions engineer to put together a sample workflow using your data."
            ),
            "the sample workflow using your data"
        );
        assert_eq!(
            what_of(
                "information",
                "I'll send the architecture diagram tomorrow."
            ),
            "the architecture diagram"
        );
        assert_eq!(
            what_of("information", "I'll follow up with more soon."),
            "the material"
        );
    }

    #[test]
    fn an_object_named_by_a_relative_day_loses_the_day() {
        assert_eq!(
            what_of(
                "information",
                "Here's the recording of yesterday's demo, plus the slides."
            ),
            "the recording of the demo"
        );
    }

    #[test]
    fn delivering_or_coming_back_with_something_is_owed_in_every_language() {
        for t in [
            "Should have it to you by Wednesday.",
            "I'll check with two of our logistics customers and get back to you with names by Thursday.",
            "Ich melde mich bis Freitag mit zwei Referenzen.",
            "Vous l'aurez vendredi.",
            "Te lo hago llegar el viernes.",
            "Ti faccio avere il preventivo entro venerdì.",
            "Ik kom donderdag bij je terug met twee namen.",
            "Faço-lhe chegar a proposta na sexta.",
            "Jag återkommer med två referenser på torsdag.",
        ] {
            assert!(owed(t), "{t}");
        }
        for t in [
            "Thanks for getting back to me with the numbers.",
            "Let me know if you have questions.",
            "Hope you had a good weekend.",
            // Sent only once they say yes.
            "Happy to set up a trial workspace for your team - just say the word and I'll send the credentials.",
            "Give me the go-ahead and I'll send the order form over.",
        ] {
            assert!(!owed(t), "{t}");
        }
    }

    #[test]
    fn finding_something_out_and_coming_back_owes_the_answer() {
        for t in [
            "I'll check with our legal team and get back to you by Friday.",
            "Ich kläre das mit unserer Rechtsabteilung und melde mich bis Freitag bei Ihnen.",
            "Je vérifie avec notre service juridique et je reviens vers vous d'ici vendredi.",
            "Ik zoek het na bij ons juridische team en kom er uiterlijk vrijdag bij je op terug.",
        ] {
            assert!(owed(t), "{t}");
            assert_eq!(what_of("information", t), "the answer", "{t}");
        }
        // A promise of an answer, the check said in the sentence before.
        for t in [
            "I'll get you a clear answer by Thursday.",
            "Bis Freitag gebe ich Ihnen eine verbindliche Antwort.",
            "Je vous apporterai une réponse d'ici jeudi.",
        ] {
            assert!(owed(t), "{t}");
        }
        assert_eq!(
            what_of(
                "information",
                "We have customers on Sage 200, but I want to double-check the stock-movement sync with our integrations lead before I promise anything."
            ),
            "the answer"
        );
        // Asking someone else to find out is no promise of the rep's.
        assert!(!owed(
            "Could you check with your legal team and get back to me?"
        ));
    }

    #[test]
    fn sending_held_until_an_event_is_not_owed() {
        assert!(!owed("My understanding is that the board signs off on anything above $50k, so I'll wait to hear how the meeting on the 14th goes before I send anything else."));
        assert!(owed(
            "I'll send over a revised SOW reflecting that timeline by Friday."
        ));
    }

    #[test]
    fn tense_follows_the_reps_words() {
        assert_eq!(
            kind_of("As promised, attached is the quote for the three regions."),
            "sent"
        );
        assert_eq!(kind_of("Here's the case study from Globex."), "sent");
        assert_eq!(
            kind_of("I'll put together pricing for 50 seats and send it over."),
            "promised"
        );
        assert_eq!(kind_of("I'll keep you posted."), "promised");
        for promise in [
            "Ich richte Ihnen den Testzugang morgen ein.",
            "Je vais vous envoyer le devis demain.",
            "Le prepararé la propuesta mañana.",
            "Le invierò il preventivo domani.",
            "Ik zal de offerte morgen sturen.",
            "Vou enviar a proposta amanhã.",
            "Jag kommer att skicka offerten i morgon.",
            "Ik zoek bij onze technici uit of Exact Online wordt ondersteund.",
            // Sending in the present tense with a time to come is a promise too.
            "Wie vereinbart schicke ich Ihnen bis Freitag ein Angebot für 35 Fahrzeuge.",
            "Je vous envoie le devis demain.",
            "Le envío el presupuesto el lunes.",
            "Le invio il preventivo entro venerdì.",
            "Ik stuur u de offerte volgende week.",
            "Envio-lhe a proposta amanhã.",
            "Jag skickar offerten på fredag.",
        ] {
            assert_eq!(kind_of(promise), "promised", "{promise}");
        }
        // Sending in the present tense, with no time to come, is the hand-over itself.
        for sent in [
            "Wie vereinbart schicke ich Ihnen unser Angebot für 35 Fahrzeuge.",
            "Je vous envoie le devis pour les trois sites.",
            "Le envío el presupuesto actualizado.",
            "Come promesso Le invio il preventivo per i tre magazzini.",
            "Zoals beloofd stuur ik u de offerte.",
            "Conforme combinado, envio-lhe a proposta.",
            "Som utlovat skickar jag här offerten.",
        ] {
            assert_eq!(kind_of(sent), "sent", "{sent}");
        }
        // A word that merely ends like a future is no promise.
        assert_eq!(kind_of("Il numero di licenze è cambiato."), "other");
        assert!(owed(
            "I'll get our security team to fill in your vendor questionnaire and send it back by next Friday."
        ));
        assert!(!owed("Attached is the security questionnaire, filled in."));
        assert!(!owed(
            "I'll reach back out next quarter once budgets are set."
        ));
        // "environment", "mandatory" and "invitation" are no Spanish or Italian sending.
        for not_sending in [
            "I'll set up the test environment for your team tomorrow.",
            "I'll check which fields are mandatory for the import.",
            "I'll add your CFO to the invitation list.",
        ] {
            assert!(!owed(not_sending), "{not_sending}");
        }
        assert!(owed("Le envío el presupuesto mañana."));
        assert!(owed(
            "Ti preparo una sintesi di una pagina da presentare: te la mando entro lunedì."
        ));
        assert!(owed("Se lo envío el lunes sin falta."));
        assert!(owed("Je vous l'envoie demain matin."));
        assert!(owed("Le invierò il preventivo domani."));
        assert!(!owed(
            "The pilot environment we spun up for your team expires on Friday; if you'd like an extension, just reply and I'll sort it."
        ));
        for asked in [
            "Quick question before I put the quote together: how many warehouse sites would be in scope for phase 1?",
            "Wie viele Standorte wären in der ersten Phase dabei?",
            "¿Cuántos usuarios tendría el proyecto en la primera fase?",
            "Innan jag tar fram offerten: hur många anläggningar skulle ingå i första fasen?",
        ] {
            assert!(asks_prospect(asked), "{asked}");
        }
        for not_asked in [
            "Did you get a chance to look at the proposal?",
            "Let me know if you have any questions?",
            "As promised, here is the quote.",
            // A promise with a tag question is still a promise.
            "I'll send the quote tomorrow, okay?",
        ] {
            assert!(!asks_prospect(not_asked), "{not_asked}");
        }
        assert_eq!(kind_of("Anbei wie besprochen unser Angebot."), "sent");
        // The rep's own line in a list of next steps is a promise.
        assert_eq!(kind_of("Me: send the revised quote by Friday"), "promised");
        assert_eq!(
            kind_of("- Ich: überarbeitetes Angebot bis Freitag"),
            "promised"
        );
        assert_eq!(kind_of("You: share the SKU list with me"), "other");
        assert_eq!(
            kind_of("I understand the board must approve it first."),
            "other"
        );
    }

    #[test]
    fn questions_passed_to_the_reps_own_people_leave_the_answers_owed_in_every_language() {
        for s in [
            "I've sent your questions to our engineers and will get back to you with the answers by Wednesday.",
            "ich habe Ihre Fragen an unsere Technik weitergegeben und melde mich bis Mittwoch mit den Antworten.",
            "J'ai transmis vos questions à notre équipe technique et je reviens vers vous mercredi avec les réponses.",
            "He pasado tus preguntas a nuestro equipo técnico y te respondo el miércoles.",
            "Ho girato le sue domande ai nostri tecnici e Le rispondo entro mercoledì.",
            "Ik heb je vragen doorgezet naar onze technici en kom woensdag bij je terug met de antwoorden.",
            "Encaminhei as suas perguntas à nossa equipa técnica e volto a contactá-lo na quarta-feira com as respostas.",
            "Jag har skickat dina frågor vidare till våra tekniker och återkommer med svar på onsdag.",
        ] {
            assert_eq!(kind_of(s), "promised", "{s}");
            assert!(owed(s), "{s}");
        }
        // Coming back in the present tense is how these languages say "about your question".
        for s in [
            "Je reviens vers vous concernant votre question sur le SSO.",
            "Te respondo a tu pregunta: sí, tenemos conector.",
            "Ich komme auf Ihre Frage zurück: ja, das geht.",
        ] {
            assert!(!owed(s), "{s}");
        }
        // Sent to the prospect and the rest promised: the hand-over stands.
        assert_eq!(
            kind_of("I've sent you the deck and will share pricing tomorrow."),
            "sent"
        );
    }

    #[test]
    fn the_object_is_quoted_as_the_rep_named_it() {
        assert_eq!(
            what_of(
                "pricing",
                "As promised, attached is the quote for the three regions."
            ),
            "the quote for the three regions"
        );
        assert_eq!(
            what_of("proposal", "Please find attached our proposal for review."),
            "the proposal for review"
        );
        assert_eq!(what_of("pricing", "Anbei unser Angebot."), "the pricing");
        assert_eq!(
            what_of(
                "pricing",
                "Bert - let me know if you want me to hold the Q4 pricing for you."
            ),
            "the Q4 pricing"
        );
        // A sentence's first word is lower-cased where the draft writes it mid-sentence.
        assert_eq!(
            what_of(
                "proposal",
                "The order form is attached and ready for signature."
            ),
            "the order form"
        );
        assert_eq!(
            what_of(
                "trial",
                "I'll get the pilot environment set up as soon as you give the go-ahead."
            ),
            "the pilot environment"
        );
        assert_eq!(what_of("timing", "Let's talk in January."), "this");
        // "In attachment", as non-native English says "attached", is no part of the name.
        assert_eq!(
            what_of(
                "pricing",
                "please find the price offer for 3 plants in attachment."
            ),
            "the price offer for 3 plants"
        );
        // A name that ends in a capital letter is no dangling article.
        assert_eq!(
            what_of(
                "trial",
                "Great - the pilot with Crew A and Crew B starts Monday and runs for four weeks."
            ),
            "the pilot with Crew A"
        );
        // A clause the draft can't finish is dropped.
        assert_eq!(
            what_of(
                "information",
                "As promised, here's the one-page summary of what we discussed about automating your invoice approvals."
            ),
            "the one-page summary"
        );
        assert_eq!(
            what_of(
                "information",
                "I've shared the Loom walkthrough of the approval flow here: https://loom.com/share/xyz"
            ),
            "the Loom walkthrough of the approval flow"
        );
        // A name of several words before the object, and "attached" after it.
        assert_eq!(
            what_of(
                "information",
                "As requested, please find our SOC 2 Type II report attached."
            ),
            "the SOC 2 Type II report"
        );
        // Lower-case words beyond two are no name: the verb is not dragged in.
        assert_eq!(
            what_of("information", "Our team will send the report tomorrow."),
            "the report"
        );
    }
}
