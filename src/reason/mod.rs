//! The stated reason for following up, which picks the template. Sources, strongest first:
//! a tag the rep set on a sent message in the mail client (IMAP keyword), a plus-tag in a Bcc
//! to the rep's own address (`alex+pricing@…`), the prospect's own "not now", a rule the rep
//! wrote in config, the rep's own earlier tags on similar wording (`learned`), then the reader:
//! a sentence model that weighs the evidence in the rep's own words (see `model`), and last
//! what the prospect asked for. The reader abstains rather than guess, and tells mail that
//! expects no answer ("thanks for lunch!") from mail that needs a reason.

pub mod corpus;
mod learn;
mod lexicon;
pub mod model;
mod rules;

pub use learn::{Examples, BOILERPLATE_SAMPLE};
pub use rules::{default_prospect_rules, default_request_rules, default_rules, DEFAULT_PRIORITY};

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::identity::Identity;
use crate::message::haystack::{bare, Haystack, Pattern};
use crate::message::text::{own_text, sentences, without_greeting};
use crate::message::Mail;
use model::{verdict, Probs, Verdict, CLASSES, NONE};

/// Where the reason came from, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Tag,
    PlusTag,
    RepText,
    ProspectText,
    /// The rep's wording matches wording the rep tagged with this reason before.
    Learned,
}

impl Source {
    /// The name used in JSON and templates.
    pub fn as_str(&self) -> &'static str {
        match self {
            Source::Tag => "tag",
            Source::PlusTag => "plus_tag",
            Source::RepText => "rep_text",
            Source::ProspectText => "prospect_text",
            Source::Learned => "learned",
        }
    }
}

/// A reason found on a thread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub reason: String,
    pub source: Source,
    /// The sentence that stated the reason, when it came from text.
    pub commitment: Option<String>,
    /// For `learned`: the rep's tagged message whose wording matched (Message-ID).
    pub learned_from: Option<String>,
    /// How it was decided, in words (`explain` prints it).
    pub why: String,
    /// When the message that stated it was written.
    pub at: Option<chrono::DateTime<chrono::Utc>>,
}

/// Everything the reader concluded about a thread's reason.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    pub finding: Option<Finding>,
    /// When it abstained: the leading candidates and their scores.
    pub candidates: Vec<(String, f32)>,
    /// False when the rep's unanswered messages expect no answer (thanks, congratulations…).
    pub expects_reply: bool,
    /// The rep's newest message, sentence by sentence, with the model's probabilities.
    pub sentences: Vec<(String, Probs)>,
    /// The prospect's last reply said no ("we went with another vendor") and the rep's answer
    /// asks nothing more.
    pub declined: bool,
    /// The prospect's last reply closed the deal (the signed order or contract) and the rep's
    /// answer asks nothing more.
    pub won: bool,
}

/// Which rules to match a text against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleSet {
    /// The rep's own words: rules the rep wrote in config (the model reads the rest).
    Rep,
    /// The prospect's last reply: deferrals ("ping me in January").
    ProspectDeferral,
    /// The prospect's last reply: requests ("could you send pricing?").
    ProspectRequest,
}

/// Compiled reason rules (from config, defaults filled in).
#[derive(Debug, Clone)]
pub struct Rules {
    /// Reasons in the order they win when one message states several.
    pub priority: Vec<String>,
    /// Rules the rep wrote (`reasons.rules`): they outrank the model.
    pub rep_rules: HashMap<String, Vec<Regex>>,
    pub prospect_rules: HashMap<String, Vec<Regex>>,
    /// What the prospect asked for ("could you send pricing?"): a fallback after the rep's words.
    pub request_rules: HashMap<String, Vec<Regex>>,
    /// Client tag or plus-tag (lower-case) → reason.
    pub aliases: HashMap<String, String>,
}

impl Rules {
    /// Map a tag (IMAP keyword or plus-tag) to a reason: an explicit alias, else a reason name,
    /// ignoring case, a leading `$`, and `followup-`/`fu-`/`fu:` prefixes.
    pub fn reason_for_tag(&self, tag: &str) -> Option<String> {
        let t = tag.trim().to_lowercase();
        if let Some(r) = self.aliases.get(&t) {
            return Some(r.clone());
        }
        let t = t.trim_start_matches('$');
        let t = ["followup-", "followup_", "followup:", "fu-", "fu_", "fu:"]
            .iter()
            .find_map(|p| t.strip_prefix(p))
            .unwrap_or(t);
        let t = t.replace('-', "_");
        if let Some(r) = self.aliases.get(&t) {
            return Some(r.clone());
        }
        self.priority.iter().find(|r| **r == t).cloned()
    }

    /// The reason a message's tag or plus-tag Bcc states, if any.
    pub fn tagged_reason(&self, m: &Mail, identity: &Identity) -> Option<(String, Source)> {
        if let Some(r) = m.keywords.iter().find_map(|k| self.reason_for_tag(k)) {
            return Some((r, Source::Tag));
        }
        m.recipients()
            .filter_map(|a| identity.rep_plus_tag(&a.email))
            .find_map(|t| self.reason_for_tag(&t))
            .map(|r| (r, Source::PlusTag))
    }

    /// The first reason (by priority) whose rule matches the text, with the matching sentence.
    pub fn match_text(&self, text: &str, set: RuleSet) -> Option<(String, String)> {
        let rules = match set {
            RuleSet::Rep => &self.rep_rules,
            RuleSet::ProspectDeferral => &self.prospect_rules,
            RuleSet::ProspectRequest => &self.request_rules,
        };
        // Pleasantries ("great meeting you", "thanks for the call") state no reason.
        let text = small_talk_re().replace_all(text, "");
        let text = text.as_ref();
        let sents = sentences(text);
        let extra = rules.keys().filter(|r| !self.priority.contains(r));
        for reason in self.priority.iter().chain(extra) {
            let Some(res) = rules.get(reason) else {
                continue;
            };
            // Sentence by sentence so the commitment can be quoted; then the whole text for
            // rules that span a line break.
            for s in &sents {
                if res.iter().any(|re| re.is_match(s)) {
                    return Some((reason.clone(), s.clone()));
                }
            }
            if let Some(m) = res.iter().find_map(|re| re.find(text)) {
                let sentence = sents
                    .iter()
                    .find(|s| s.contains(m.as_str()))
                    .cloned()
                    .unwrap_or_else(|| m.as_str().to_string());
                return Some((reason.clone(), sentence));
            }
        }
        None
    }
}

fn small_talk_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(
            r"(?i)\b((it\s+was\s+)?(so\s+)?(nice|great|good|lovely|a\s+pleasure)\s+(meeting|to\s+meet|speaking\s+(with|to)|talking\s+(with|to)|chatting\s+(with|to)|catching\s+up\s+with)\s+you|thanks?(\s+you)?\s+(again\s+)?for\s+(the|your|our)\s+(time|call|meeting|chat|demo)(\s+(today|yesterday|earlier))?)\b",
        )
        .expect("small talk regex")
    })
}

/// A closing wish for an ordinary stretch of time ("Enjoy the rest of the week!", "Have a
/// great weekend, Kate", "schönes Wochenende", "bonne fin de journée", "buen fin de semana",
/// "buona serata", "fijn weekend", "bom fim de semana", "trevlig helg"), in eight languages: a
/// courtesy that states no reason ("enjoy" alone reads as a trip to the model). So is a wish
/// for the journey home or good luck, or a parting "Speak soon!", "Bis bald!", "À bientôt !",
/// alone in its sentence ("¡Buen viaje de vuelta!").
fn wishes_a_good_time(sentence: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(r"(?i)^\W*(and\s+|und\s+|et\s+|y\s+|e\s+|en\s+|och\s+)?((enjoy|have)\s+(a|an|the)?\s*((great|good|nice|lovely|wonderful|fab(ulous)?|relaxing|restful|productive|fantastic|brilliant)\s+)?(rest\s+of\s+(the|your)\s+)?(week|weekend|day|evening|afternoon|morning|friday|monday|night|break)|(noch\s+)?(einen\s+)?(sch[öo]ne[ns]?|gute[ns]?|erholsame[ns]?)\s+(rest\s+der\s+woche|wochenende|tag|abend|woche|start\s+in\s+die\s+woche|feierabend)|(bon(ne)?|belle|excellent(e)?)\s+(fin\s+de\s+)?(week-?end|journ[ée]e|soir[ée]e|semaine|apr[èe]s-midi)|(que\s+)?(tengas?|tengan|pases?|pasen|disfrut[ae]s?)?\s*(un\s+)?(buen|buena|feliz)\s+(fin\s+de\s+semana|d[íi]a|tarde|semana|finde)|(buon|buona)\s+(fine\s+settimana|weekend|giornata|serata|settimana|pomeriggio|proseguimento)|(fijn|fijne|prettig|prettige|goed|goede)\s+(weekend|dag|avond|week|middag)|(tenha\s+)?(um\s+)?(bom|boa|[óo]timo|[óo]tima)\s+(fim\s+de\s+semana|resto\s+de\s+semana|semana|tarde|noite)|(ha\s+en\s+)?(trevlig|bra|fin|sk[öo]n)\s+(helg|dag|kv[äa]ll|vecka|eftermiddag)|(have\s+a\s+)?(safe|good|pleasant)\s+(travels?|trip|flight|journey)(\s+(back|home))?|(gute|sch[öo]ne)\s+(heim)?(reise|r[üu]ckreise|fahrt|heimfahrt)|bon\s+(voyage|retour|vol)|(buen|feliz)\s+viaje(\s+de\s+(vuelta|regreso))?|buon\s+(viaggio|rientro|volo)(\s+di\s+ritorno)?|goede\s+(reis|terugreis|vlucht)(\s+terug)?|boa\s+viagem(\s+de\s+(regresso|volta))?|trevlig\s+(resa|hemresa)|(lycka\s+till|bonne\s+chance|buena\s+suerte|buona\s+fortuna|veel\s+succes|boa\s+sorte|viel\s+erfolg|good\s+luck)|(speak|talk|chat)\s+soon|catch\s+you\s+(soon|later)|see\s+you\s+soon|bis\s+(bald|dann)|[àa]\s+(bient[ôo]t|tr[èe]s\s+vite)|hasta\s+(pronto|luego)|nos\s+vemos|a\s+presto|ci\s+sentiamo|tot\s+(snel|gauw|ziens)|at[ée]\s+(breve|j[áa])|h[öo]rs\s+snart|vi\s+h[öo]rs|ses\s+snart)\b(\s+noch|\s+encore|\s+ainda|\s+ancora)?[\s,]*(\p{Lu}\p{Ll}+)?[\s.!]*$")
            .expect("good-time wish regex")
    })
    .is_match(sentence.trim())
}

/// The rep proposing to meet in person over a coffee or a meal ("would be great to grab a
/// coffee", "happy to meet up at the show", "auf einen Kaffee", "prendre un café", "tomar un
/// café", "prendere un caffè", "een kop koffie drinken", "tomar um café", "ta en fika"), in
/// eight languages.
fn proposes_to_meet_in_person(sentence: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(r"(?i)\b((would\s+be\s+(great|good|nice|lovely)|(i'?d|i\s+would)\s+(love|like)|happy|keen|glad)\s+to\s+(grab|get|have|meet\s+(up\s+)?for)\s+(a\s+)?(quick\s+)?(coffee|drink|bite|lunch|breakfast)|(grab|get)\s+a\s+(quick\s+)?coffee\s+(together|at|there|while|and)|meet\s+(up\s+)?(in\s+person|at\s+the\s+(show|fair|conference|event|booth|stand))|auf\s+einen\s+kaffee|(einen\s+)?kaffee\s+trinken|(prendre|boire)\s+un\s+caf[ée]|tomar\s+(un|um)\s+caf[ée]|prendere\s+un\s+caff[èe]|(een\s+)?(kop\s+)?koffie\s+(drinken|doen)|ta\s+en\s+fika|fika\s+tillsammans)\b")
            .expect("meet-in-person regex")
    })
    .is_match(sentence)
}

/// The prospect asking to talk ("Let's talk next week.", "Let's catch up after the holidays"):
/// a wait when the rep leaves it there, a call when the rep proposes the times. Not "let's
/// talk again later", which puts it off.
fn asks_to_talk(sentence: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(r"(?i)\blet'?s\s+(talk|speak|chat|catch\s+up|meet|have\s+a\s+call|jump\s+on\s+a\s+call)\b")
            .expect("asks-to-talk regex")
    })
    .find(sentence)
    .is_some_and(|m| {
        let after = sentence[m.end()..].trim_start().to_lowercase();
        !after.starts_with("again") && !after.starts_with("later")
    })
}

/// A test that is a security or performance check ("our latest pen test summary is
/// attached", "load test results"), not a trial of the product.
fn security_test_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(r"(?i)\b(pen(etration)?[\s-]?tests?(ing)?|pentests?|load\s+tests?|stress\s+tests?|security\s+tests?|vulnerability\s+(scans?|tests?)|penetrationstests?|test\s+d'intrusion|prueba\s+de\s+penetraci[óo]n)\b")
            .expect("security-test regex")
    })
}

/// The sentence names such a test and no trial besides it.
fn names_only_a_security_test(sentence: &str) -> bool {
    let re = security_test_re();
    re.is_match(sentence) && !model::names_trial(&re.replace_all(sentence, " "))
}

/// The answer to a thank-you ("You're welcome, anytime!", "Gern geschehen, dafür sind wir
/// da.", "De rien !", "¡De nada!", "Figurati!", "Graag gedaan.", "De nada!", "Varsågod!"), in
/// eight languages, with at most a few words more: a courtesy that states no reason ("No
/// problem, we'll revisit after the audit" is not one).
fn answers_thanks(sentence: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        bare(r"(?i)^\W*(you'?re\s+(very\s+|most\s+)?welcome|you\s+are\s+(very\s+|most\s+)?welcome|my\s+pleasure|(it\s+was\s+)?a\s+pleasure|anytime|any\s+time|glad\s+(i\s+could|to)\s+help|gern(e)?\s+geschehen|keine\s+ursache|nichts\s+zu\s+danken|de\s+rien|je\s+vous\s+en\s+prie|avec\s+plaisir|de\s+nada|no\s+hay\s+de\s+qu[ée]|con\s+mucho\s+gusto|prego|di\s+niente|figurati|si\s+figuri|graag\s+gedaan|geen\s+dank|por\s+nada|disponha|var\s+s[åa]\s+god|ingen\s+orsak)\b")
            .expect("answers-thanks regex")
    });
    re.find(sentence).is_some_and(|m| {
        let rest = sentence[m.end()..].split_whitespace();
        rest.filter(|w| w.chars().any(char::is_alphabetic)).count() <= 4
    })
}

/// A sentence whose only agreement is a confidentiality or data-processing one (an NDA, a DPA,
/// "Geheimhaltungsvereinbarung", "Auftragsverarbeitungsvertrag",
/// "accord de confidentialité", "acuerdo de confidencialidad", "accordo di riservatezza",
/// "geheimhoudingsovereenkomst", "acordo de confidencialidade", "sekretessavtal"): signing it
/// opens the way to documents, or it answers a data-protection question; it is not the
/// contract a proposal follows up.
fn names_only_an_nda(sentence: &str) -> bool {
    static NDA: OnceLock<Regex> = OnceLock::new();
    // The contract, or the agreement "also" attached beside something else.
    static CONTRACT: OnceLock<Regex> = OnceLock::new();
    let nda = NDA.get_or_init(|| {
        bare(r"(?i)\b((mutual\s+|signed\s+)?ndas?|dpas?|data\s+processing\s+(agreement|addendum)|auftragsverarbeitungs(vertrag|vereinbarung)|avv|accord\s+de\s+traitement\s+des\s+donn[ée]es|contrat\s+de\s+sous-traitance\s+des\s+donn[ée]es|contrato\s+de\s+encargado\s+del\s+tratamiento|accordo\s+sul\s+trattamento\s+dei\s+dati|verwerkersovereenkomst|acordo\s+de\s+processamento\s+de\s+dados|personuppgiftsbitr[äa]desavtal\w*|pub-avtal\w*|(mutual\s+)?non-?disclosure(\s+agreement)?|confidentiality\s+agreement|geheimhaltungs(vereinbarung|erkl[äa]rung)|vertraulichkeitsvereinbarung|verschwiegenheitserkl[äa]rung|(accord|engagement)\s+de\s+confidentialit[ée]|acuerdo\s+de\s+confidencialidad|accordo\s+di\s+(riservatezza|non\s+divulgazione)|geheimhoudings(overeenkomst|verklaring)|acordo\s+de\s+confidencialidade|sekretess(avtal|f[öo]rbindelse)\w*)\b")
            .expect("NDA regex")
    });
    let contract = CONTRACT.get_or_init(|| {
        bare(r"(?i)\b(also|as\s+well|ebenfalls|auch|aussi|[ée]galement|tambi[ée]n|anche|ook|tamb[ée]m|ocks[åa]|\w*contract\w*|\w*kontrakt\w*|msa|agreements?|order\s+form|sow|statement\s+of\s+work|proposal|quote|terms|\w*vertrag\w*|\w*angebot\w*|\w*vereinbarung|contrat|proposition|offre|devis|contrato|propuesta|oferta|acuerdo|contratto|proposta|offerta|accordo|voorstel|offerte|\w*overeenkomst|\w*avtal\w*|offert\w*)\b")
            .expect("contract regex")
    });
    nda.is_match(sentence) && !contract.is_match(&nda.replace_all(sentence, " "))
}

/// The sentence names the decision or the decider's review itself ("to hear what was decided",
/// "pour connaître la décision", "para saber qué decidieron", "för att höra vad ni beslutade",
/// "after your CFO has had a look"), in eight languages: coming back after their meeting is
/// then coming back for that decision.
fn names_their_decision(sentence: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(r"(?i)\b(decid\w*|decisions?|entschied\w*|entscheid\w*|d[ée]cid\w*|d[ée]cisions?|decisi[óo]n|decis[ãa]o|decisione|beslo\w*|beslis\w*|besluit\w*|beslut\w*|best[äa]mt\w*|(has|have)\s+had\s+a\s+(look|chance)|talk(ed)?\s+it\s+over|approv\w*|sign-?off|verdict)\b")
            .expect("their-decision regex")
    })
    .is_match(sentence)
}

/// What the rep's side has done comes with something for the prospect: a document ready to
/// sign ("der Vertrag ist unterschriftsreif", "le contrat est prêt à être signé", "ready for
/// signature") or details given below ("Details unten", "see below"), in eight languages.
fn hands_over_or_readies(sentence: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(r"(?i)\b(ready\s+(for|to)\s+(sign|signature|review|countersign)\w*|unterschriftsreif|zur\s+unterschrift\s+bereit|pr[êe]t\s+[àa]\s+([êe]tre\s+)?sign\w*|pr[êe]t\s+pour\s+(la\s+)?signature|list[oa]\s+para\s+(la\s+)?firma\w*|list[oa]\s+para\s+firmar|pront[oa]\s+per\s+la\s+firma|pront[oa]\s+para\s+(a\s+)?assin\w*|klaar\s+voor\s+(ondertekening|de\s+handtekening|akkoord)|redo\s+(att\s+)?(skriva\s+under|signera\w*|undertecknas)|(details?|more|infos?)\s+(below|unten|ci-dessous|abajo|sotto|hieronder|abaixo|nedan)|see\s+below|siehe\s+unten|voir\s+ci-dessous|ver\s+abajo|vedi\s+sotto|zie\s+hieronder|veja\s+abaixo|se\s+nedan)\b")
            .expect("ready-document regex")
    })
    .is_match(sentence)
}

/// A check-in that brings nothing new ("had a chance to look?", "hatten Sie schon
/// Gelegenheit…?", "avez-vous pu…?"): it asks for an answer, but quoting it back in a later
/// follow-up would only repeat the nudge.
pub fn is_nudge(sentence: &str) -> bool {
    // Check-in words that are a nudge wherever they stand.
    static ALWAYS: OnceLock<Regex> = OnceLock::new();
    // "Had a chance to…", "any news": a nudge only when asked ("once you've had a chance to
    // run it by your CFO" is no check-in).
    static ASKED: OnceLock<Regex> = OnceLock::new();
    let always = ALWAYS.get_or_init(|| {
        bare(r"(?i)\b(just\s+(checking|following)\s+(in|up)|checking\s+in|circling\s+back|bump(ing)?\s+this|floating\s+this|following\s+up\s+on\s+(my|the)\s+(last|previous|earlier)|(just\s+)?wanted\s+to\s+(check\s+in|follow\s+up|touch\s+base)|see\s+how\s+(things|it|everything)\s+(is|are)\s+(going|progressing|looking)|see\s+where\s+things\s+(stand|are)|kurz\s+nachhaken|wollte\s+(kurz\s+)?nachfragen|je\s+me\s+permets\s+de\s+(revenir|relancer))")
            .expect("check-in regex")
    });
    let asked = ASKED.get_or_init(|| {
        bare(r"(?i)\b((had|have|got)\s+(a|the)\s+(chance|moment|minute)\s+to|(did|have)\s+you\s+(get|had|have)\s+(a|the)\s+chance|any\s+(update|news|thoughts)|(schon|bereits)\s+(gelegenheit|zeit|dazu\s+gekommen)|gelegenheit\s+(gehabt|hatten)|dazu\s+gekommen|neuigkeiten|(avez-vous|as-tu)\s+(pu|eu\s+le\s+temps)|des\s+nouvelles|(ha|has|habéis|han)\s+podido|tuvo\s+ocasi[oó]n|tuviste\s+ocasi[oó]n|alguna\s+novedad|(ha|hai)\s+avuto\s+modo|qualche\s+novit[àa]|(heeft\s+u|heb\s+je)\s+(al\s+)?(kunnen|tijd|gelegenheid|de\s+kans)|al\s+nieuws|j[áa]\s+conseguiu|teve\s+(oportunidade|tempo)|alguma\s+novidade|(har\s+du|hann\s+du)\s+(hunnit|haft\s+tid|kunnat)|n[åa]gra\s+nyheter)")
            .expect("asked check-in regex")
    });
    always.is_match(sentence) || (sentence.contains('?') && asked.is_match(sentence))
}

/// Words that ask the prospect for an answer without naming a reason ("any thoughts?").
fn asks_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(
            r"(?i)\b(let\s+me\s+know\s+(what|your|how|when|whether|which)|your\s+thoughts|what\s+do\s+you\s+think|any\s+(feedback|thoughts|update|news)|(could|can|would)\s+you\s+(please\s+)?(confirm|send|let\s+me\s+know|get\s+back|share|advise)|get\s+back\s+to\s+me|keen\s+to\s+hear|look(ing)?\s+forward\s+to\s+your\s+(reply|response|feedback|thoughts)|(would|are)\s+you\s+(be\s+)?(open|interested)|does\s+(that|this)\s+(work|make\s+sense|sound)|was\s+(meinen|halten)\s+sie|ihre\s+meinung|(freue\s+mich\s+auf|warte\s+auf|bitte\s+um)\s+(ihre|deine|eure|eine)\s+r[üu]ckmeldung|(geben\s+sie|gib)\s+mir\s+(gern\s+)?(eine\s+)?r[üu]ckmeldung|qu'en\s+pensez|votre\s+avis|qu[ée]\s+le\s+parece|su\s+opini[oó]n|cosa\s+ne\s+pensa|wat\s+vindt\s+u|o\s+que\s+acha|vad\s+tycker\s+du|(had|got|have)\s+(a\s+)?(chance|time|moment)\s+to|did\s+you\s+(get|see|receive|manage)|have\s+you\s+(had|been\s+able|seen|looked)|checking\s+in|following\s+up\s+on|circling\s+back|bump(ing)?\s+this|gelegenheit\s+(gehabt|hatten)|dazu\s+gekommen|konnten\s+sie|avez-vous\s+(pu|eu)|as-tu\s+pu|ha\s+podido|has\s+podido|tuvo\s+ocasi[oó]n|ha\s+avuto\s+modo|hai\s+avuto\s+modo|heeft\s+u\s+(al\s+)?(kunnen|tijd|gelegenheid)|heb\s+je\s+al|j[áa]\s+conseguiu|teve\s+(oportunidade|tempo)|har\s+du\s+hunnit|hann\s+du|(want|would\s+you\s+like|shall|should)\s+(me\s+to|i)\s+(ping|check|circle|reach|follow|touch|reconnect|call|send|set\s+up|book|come\s+back)|ok\s+(if|for)\s+(i|me\s+to)\s|soll\s+ich|sollen\s+wir|voulez-vous\s+que\s+je|veux-tu\s+que\s+je|(quiere|quieres)\s+que\s+(le|te)|(vuole|vuoi)\s+che\s+(la|ti|le)|zal\s+ik|(wilt\s+u|wil\s+je)\s+dat\s+ik|quer\s+que\s+eu|ska\s+jag|vill\s+du\s+att\s+jag)",
        )
        .expect("asks regex")
    })
}

/// The sentence `step` places from `sentence` among `sents` (−1 the one before, 1 the one
/// after): "I'll follow up then" points at the time the sentence before names, and an ask
/// for a slot at the day the sentence before proposed.
pub fn sentence_beside<'a>(sents: &'a [String], sentence: &str, step: isize) -> Option<&'a str> {
    let at = sents.iter().position(|s| s == sentence)?;
    sents.get(at.checked_add_signed(step)?).map(String::as_str)
}

/// The rep asks the prospect to book a call: for times ("Let me know a couple of times that
/// work") or for the booking itself ("Could we schedule 30 minutes next week?").
pub fn asks_to_book(sentence: &str) -> bool {
    asks_for_times(sentence) || proposes_booking(sentence)
}

/// The sentences the model reads: [`sentences`], with short greeting lines ("Hi Dana,") split
/// off the sentence they were wrapped into, list items (bulleted or numbered) read one by one,
/// and a line break the writer meant (a short line that ends no sentence, then a line that
/// starts one, as HTML mail turns to text or a note is typed on a phone) kept as a boundary.
pub fn model_sentences(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut para = String::new();
    let mut out = Vec::new();
    let flush = |para: &mut String, out: &mut Vec<String>| {
        out.extend(sentences(para));
        para.clear();
    };
    for (n, line) in lines.iter().enumerate() {
        let t = line.trim();
        let short = t.split_whitespace().count() <= 6;
        if t.is_empty() || (short && (t.ends_with(',') || t.ends_with(':'))) {
            flush(&mut para, &mut out);
            if !t.is_empty() {
                out.push(t.to_string());
            }
            continue;
        }
        // A list item or a line of its own stays one sentence.
        if let Some(item) = list_item(t) {
            flush(&mut para, &mut out);
            out.push(item.to_string());
            continue;
        }
        para.push_str(t);
        let next = lines.get(n + 1).map_or("", |l| l.trim());
        let ends_open = !t.ends_with(['.', '!', '?', ',', ';', ':', '…', '-']);
        // Plain text is wrapped near 72 columns; a line well short of that was ended by hand.
        if ends_open
            && t.chars().count() <= 60
            && next.chars().next().is_some_and(char::is_uppercase)
        {
            flush(&mut para, &mut out);
            continue;
        }
        para.push('\n');
    }
    flush(&mut para, &mut out);
    out
}

/// The text of a list item: after a bullet ("-", "*", "•", "–", "·", "▪", "◦") or a number
/// ("1.", "2)").
fn list_item(line: &str) -> Option<&str> {
    let rest = if let Some(r) = line.strip_prefix(['*', '-', '•', '–', '·', '▪', '◦']) {
        r
    } else {
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        let r = line[digits..].strip_prefix(['.', ')'])?;
        if digits == 0 || digits > 2 || !r.starts_with(' ') {
            return None;
        }
        r
    };
    Some(rest.trim_start_matches(['*', '-', '•', ' ']))
}

/// A reason scored at least this in some sentence is named as a candidate when the reader
/// abstains.
const CANDIDATE: f32 = 0.3;

/// How sure the model must be that a sentence is `away` or `timing`, the two together.
const WAIT_FAMILY: f32 = 0.85;
/// The score at which a longer sentence that hands something over names it in its own words.
/// The shipped model blends two learners (`model::NB_SHARE`): a sentence the regression is
/// sure of while naive Bayes leans elsewhere scores about 0.7-0.8.
const NAMED_IN_WORDS: f32 = 0.75;

/// `away` and `timing` both mean "come back at a later date" and share a schedule: a sentence
/// the model splits between them ("I'll hold off until you're back on the 9th") is confidently
/// one of the two, and the likelier one is taken.
fn wait_family(p: &Probs) -> Option<usize> {
    let (away, timing) = (
        model::class_index("away").expect("away class"),
        model::class_index("timing").expect("timing class"),
    );
    (p[away] + p[timing] >= WAIT_FAMILY).then_some(if p[away] >= p[timing] { away } else { timing })
}

/// The rep waits for the prospect's return ("until you're back on the 9th", "à votre
/// retour", "wenn Sie zurück sind"), in the eight languages.
fn waits_for_return(sentence: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(r"(?i)\b(you('re|\s+are)\s+back|(ur|u\s+r)\s+back|you\s+get\s+back|you\s+return|your\s+return|you('re|\s+are)\s+back\s+in\s+the\s+office|(sie|du)\s+(wieder\s+)?zur[üu]ck\s+(sind|bist)|(ihrer|deiner)\s+r[üu]ckkehr|votre\s+retour|ton\s+retour|(vous\s+serez|tu\s+seras)\s+de\s+retour|su\s+(vuelta|regreso)|tu\s+(vuelta|regreso)|est[ée]s?\s+de\s+vuelta|(suo|tuo)\s+(rientro|ritorno)|sar[àa]i?\s+rientrat|(u|je)\s+(weer\s+)?terug\s+bent|(seu|teu)\s+regresso|estiver\s+de\s+volta|du\s+[äa]r\s+tillbaka|n[äa]r\s+du\s+kommer\s+tillbaka)")
            .expect("return regex")
    })
    .is_match(sentence)
}

/// The rep confirming a meeting the prospect has agreed to, in eight languages: the invite is
/// on its way ("I'll send the invite", "Einladung ist raus", "ti mando l'invito") or they'll
/// see each other on a day ("see you Tuesday", "bis Dienstag", "à mardi", "hasta el martes",
/// "tot dinsdag", "até terça", "vi ses på tisdag"). A question still proposes one.
fn confirms_meeting(sentence: &str) -> bool {
    static INVITE: OnceLock<Regex> = OnceLock::new();
    static SEE_YOU: OnceLock<Regex> = OnceLock::new();
    const DAYS: &str = r"(monday|tuesday|wednesday|thursday|friday|tomorrow|montag|dienstag|mittwoch|donnerstag|freitag|morgen|lundi|mardi|mercredi|jeudi|vendredi|demain|lunes|martes|mi[eé]rcoles|jueves|viernes|ma[ñn]ana|luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|domani|maandag|dinsdag|woensdag|donderdag|vrijdag|segunda|ter[çc]a|quarta|quinta|sexta|amanh[ãa]|m[åa]ndag|tisdag|onsdag|torsdag|fredag|i\s*morgon)";
    if sentence.contains('?') {
        return false;
    }
    let invite = INVITE.get_or_init(|| {
        bare(r"(?i)\b((i'?ll|i\s+will|let\s+me|i'?ve|i\s+have|i\s+just)\s+(send|sent|shoot|put|added|add|set\s+up)\s+(you\s+|over\s+)?(an?|the)?\s*(calendar\s+|teams\s+|zoom\s+)?(invite|invitation|meeting\s+request|hold)|(invite|invitation)\s+(is\s+)?(sent|on\s+its\s+way|coming\s+your\s+way)|(schicke|sende)\s+(ich\s+)?(ihnen|dir|euch)\s+(gleich\s+|sofort\s+)?(die|eine)\s+(termin|kalender)?einladung|einladung\s+(ist\s+)?(raus|unterwegs|verschickt)|je\s+(vous|t')\s*envoie\s+(tout\s+de\s+suite\s+)?(l'|une\s+)invitation|invitation\s+(envoy[ée]e|est\s+partie)|(te|le|les)\s+(env[ií]o|mando)\s+(ahora\s+|ya\s+|enseguida\s+)?(la|una)\s+(invitaci[oó]n|convocatoria)|(ti|le|vi)\s+(mando|invio)\s+(subito\s+)?(l'|un\s+)invito|(stuur|zend)\s+(ik\s+)?(je|u)\s+(zo\s+|meteen\s+)?(de|een)\s+(agenda-?)?uitnodiging|(te|lhe)\s+envio\s+(j[áa]\s+)?o\s+convite|envio-lhe\s+o\s+convite|skickar\s+(jag\s+)?(en\s+)?(kalender)?inbjudan)\b")
            .expect("invite regex")
    });
    // "See you Tuesday" is a sign-off only when it is (nearly) the whole sentence: "bis
    // Freitag" or "hasta el martes" in a longer one is a deadline or an absence.
    let see_you = SEE_YOU.get_or_init(|| {
        bare(&format!(r"(?i)\b(see\s+you|talk\s+(to\s+you\s+)?(on\s+)?|bis|[àa]|hasta\s+el|nos\s+vemos\s+el|ci\s+vediamo|tot|at[ée]|vi\s+(ses|h[öo]rs)\s+(p[åa])?)\s+{DAYS}\b"))
            .expect("see-you regex")
    });
    invite.is_match(sentence)
        || (sentence.split_whitespace().count() <= 6 && see_you.is_match(sentence))
}

/// Something handed over only for reference ("In case it's useful, here's the recording",
/// "FYI, attached is the article I mentioned", "à toutes fins utiles, voici…", "por si te
/// sirve, te dejo…"), in eight languages: an FYI the prospect need not answer. What they asked
/// for is still read from their own words.
fn shares_for_reference(sentence: &str) -> bool {
    static RE: OnceLock<Pattern> = OnceLock::new();
    // The marker first: the hand-over regex is a Unicode one, read on every sentence.
    RE.get_or_init(|| {
                Pattern::new(bare(r"(?i)\b(in\s+case\s+(it'?s|it\s+is|this\s+is|that'?s|they'?re|these\s+are)\s+(of\s+(any\s+)?(interest|use)|useful|helpful|handy)|in\s+case\s+you\s+missed\s+it|if\s+(it'?s|it\s+is)\s+(of\s+(any\s+)?(interest|use)|useful|helpful)|for\s+your\s+(reference|records|information)|fyi|just\s+for\s+reference|falls\s+(es|das|sie)\s+(ihnen|dir)\s+(n[üu]tzt|hilft|n[üu]tzlich\s+ist)|falls\s+(es|das)\s+(n[üu]tzlich|hilfreich|interessant)\s+ist|zu\s+ihrer\s+information|zur\s+info|f[üu]r\s+ihre\s+unterlagen|[àa]\s+toutes\s+fins\s+utiles|pour\s+(info|information|m[ée]moire)|au\s+cas\s+o[ùu]\s+(cela|ça)\s+(vous|te)\s+serait\s+utile|si\s+(cela|ça)\s+peut\s+(vous|te)\s+(servir|[êe]tre\s+utile)|por\s+si\s+(te|le|os)\s+(sirve|es\s+[úu]til|resulta\s+[úu]til|interesa)|a\s+t[íi]tulo\s+informativo|para\s+tu\s+informaci[óo]n|nel\s+caso\s+(ti|le|vi)\s+(possa\s+)?(servire|essere\s+utile|serva)|per\s+(tua|sua)\s+(informazione|conoscenza)|a\s+titolo\s+informativo|voor\s+de\s+volledigheid|ter\s+(info|informatie)|mocht\s+het\s+(van\s+pas\s+komen|handig\s+zijn|nuttig\s+zijn)|caso\s+(seja|lhe\s+seja|te\s+seja)\s+[úu]til|para\s+(sua|tua)\s+informa[çc][ãa]o|a\s+t[íi]tulo\s+informativo|f[öo]r\s+k[äa]nnedom|om\s+det\s+(kan\s+vara|[äa]r)\s+(till\s+nytta|anv[äa]ndbart|intressant)|ifall\s+det\s+(kan\s+vara|[äa]r)\s+(till\s+nytta|anv[äa]ndbart|intressant))")
                    .expect("for-reference regex"))
            })
            .is_match(&Haystack::new(sentence))
        && crate::message::text::hands_over(sentence)
        && !delivers_what_was_asked(sentence)
}

/// Access the rep has opened for a set time ("the Denver team has access as of this morning
/// and the 30-day clock starts today", "You'll have full access for two weeks", "Ihr
/// Testzugang ist 21 Tage gültig", "potete usare la piattaforma completa per tre settimane"),
/// in eight languages: a trial, whatever word the rep uses for it. Not a price ("access for
/// 50 users is $900"), and not a recording or file that stays online for a while.
fn opens_time_boxed_access(sentence: &str) -> bool {
    static ACCESS: OnceLock<Pattern> = OnceLock::new();
    static SPAN: OnceLock<Pattern> = OnceLock::new();
    static NOT: OnceLock<Pattern> = OnceLock::new();
    let hay = Haystack::new(sentence);
    ACCESS
        .get_or_init(|| {
            Pattern::new(bare(r"(?i)\b(access|log\s*ins?|sign\s+in|logins|(test|trial|demo|sandbox|pilot)\s+accounts?|full\s+(version|platform|product)|zugang\w*|zugriff|zugangsdaten|testzugang|testkont\w+|freigeschaltet|volle?n?\s+(version|funktionsumfang)|acc[èe]s|identifiants|version\s+compl[èe]te|plateforme\s+compl[èe]te|acceso|credenciales|versi[óo]n\s+completa|plataforma\s+completa|accessi|accesso|credenziali|utenze|versione\s+completa|piattaforma\s+completa|toegang|inloggen|inloggegevens|volledige\s+versie|acesso|credenciais|vers[ãa]o\s+completa|tillg[åa]ng|inloggning\w*|fullversion\w*|hela\s+plattformen|(accounts?|konten|comptes|cuentas|contas|konton)\s+(\S+\s+){0,2}(live|active|activated|ready|set\s+up|created|aktiviert|eingerichtet|activ[ée]s|cr[ée]{2}s|activad[ao]s|attivat[ie]|actief|geactiveerd|ativad[ao]s|aktiverade))\b")
                .expect("access regex"))
        })
        .is_match(&hay)
        && SPAN
            .get_or_init(|| {
                Pattern::new(bare(r"(?i)\b((\d{1,2}|two|three|four|six|fourteen|thirty)[-\s](day|week)s?\b|for\s+(a|one|two|three|four|\d{1,2})\s+(days?|weeks?)|(\d{1,2})[-\s]day\s+clock|clock\s+(starts|is\s+running|runs)|(\d{1,2}|zwei|drei|vier)\s+(tage|wochen)|(\d{1,2}|deux|trois|quatre)\s+(jours|semaines)|(\d{1,2}|dos|tres|cuatro)\s+(d[íi]as|semanas)|(\d{1,2}|due|tre|quattro)\s+(giorni|settimane)|(\d{1,2}|twee|drie|vier)\s+(dagen|weken)|(\d{1,2}|dois|duas|tr[êe]s|quatro)\s+(dias|semanas)|(\d{1,2}|tv[åa]|tre|fyra)\s+(dagar|veckor))")
                    .expect("span regex"))
            })
            .is_match(&hay)
        && !NOT
            .get_or_init(|| {
                Pattern::new(bare(r"(?i)([$€£¥]\s?\d|\d\s?([$€£]|eur|usd|gbp|kr|sek|chf)\b|\b(per|a|each)\s+(user|seat|month)|\b(recording|webinar|slides|deck|video|link|file|document|aufzeichnung|enregistrement|grabaci[óo]n|registrazione|opname|grava[çc][ãa]o|inspelning)\w*|\b(limited|no|little)\s+access|\baccess\s+to\s+(my\s+)?(e-?mail|inbox|laptop)|\bout\s+of\s+(the\s+)?office|\bon\s+(vacation|holiday|leave)|\btravel\w*|\b(urlaub|unterwegs|abwesend|vacances|cong[ée]s?|d[ée]placement|vacaciones|de\s+viaje|ferie|in\s+viaggio|vakantie|op\s+reis|f[ée]rias|em\s+viagem|semester|p[åa]\s+resa))")
                    .expect("not-a-trial regex"))
            })
            .is_match(&hay)
}

/// "As promised", "the changes you asked for", "wie gewünscht", "comme convenu", in eight
/// languages: a hand-over the prospect is waiting for, however casually it is worded.
fn delivers_what_was_asked(sentence: &str) -> bool {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(bare(r"(?i)\b(as\s+(requested|promised|discussed|agreed|asked)|you\s+(asked|requested)\s+(for|about)|you\s+wanted|wie\s+(besprochen|versprochen|gew[üu]nscht|vereinbart|angefragt|von\s+(ihnen|dir)\s+(gew[üu]nscht|angefragt))|(die|den|das)\s+sie\s+(angefragt|angefordert|gew[üu]nscht)|comme\s+(convenu|promis|demand[ée]|pr[ée]vu|vous\s+me\s+l'avez\s+demand[ée]|tu\s+me\s+l'as\s+demand[ée])|que\s+vous\s+(avez|m'avez)\s+demand[ée]|como\s+((me|nos)\s+)?(acordamos|prometido|promet[íi]|pediste|pidi[óo]|pidieron|solicitaste|solicit[óo]|hablamos)|que\s+me\s+(pediste|pidi[óo]|solicitaste)|come\s+(richiesto|promesso|concordato|d'accordo|anticipato|(mi\s+)?(hai|ha|avete)\s+chiesto)|che\s+mi\s+(hai|ha)\s+chiesto|zoals\s+(beloofd|besproken|gevraagd|afgesproken|(je|u)\s+(me\s+)?vroeg)|(die|dat)\s+(je|u)\s+(vroeg|gevraagd)|conforme\s+(combinado|pedido|prometido|solicitado)|como\s+((me\s+)?(voc[êe]\s+)?(combinado|pedido|prometido|pediu|pediste|solicitou))|que\s+(me\s+)?(pediu|pediste|solicitou)|som\s+(utlovat|lovat|[öo]verenskommet|du\s+bad\s+om|ni\s+bad\s+om|vi\s+pratade\s+om))")
            .expect("asked-for regex"))
    })
    .is_match(&Haystack::new(sentence))
}

/// The rep reporting a step taken with someone else and copying the prospect in ("I've sent
/// her a short note and copied you", "je vous ai mis en copie", "ti ho messo in copia"), in
/// eight languages: the prospect is kept informed and owes no answer. A sentence that names
/// what it hands over ("I've copied you on the proposal I sent Sam") stays the model's.
fn copies_prospect_in(sentence: &str) -> bool {
    // Read on every sentence of each thread's last message: through a `Haystack`.
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(Regex::new(r"(?i)\b((copied|cc'?e?d|bcc'?e?d|looped)\s+you\b|you('re|\s+are)\s+(in\s+)?(cc|copy|copied)\b|(sie|dich|euch)\s+(in|ins|im)\s+(cc|kopie)\b|(in|ins)\s+cc\s+gesetzt|(vous|te|t')\s*(ai\s+)?mise?s?\s+en\s+copie|(le|te|les|os)\s+(he\s+)?(puesto|pongo|dejo|dejado|incluido|incluyo)\s+en\s+copia\b|(la|ti|vi|le)\s+(ho\s+)?(mess[oa]|metto|inserit[oa])\s+in\s+(copia|cc)\b|(u|je|jou|jullie)\s+(in\s+)?(de\s+)?(cc|kopie)\s+gezet|(heb|zet)\s+(ik\s+)?(u|je|jou)\s+in\s+(de\s+)?(cc|kopie)|(o|a|te|lhe|vos)\s+(coloquei|pus|deixei|ponho)\s+em\s+(c[óo]pia|cc)|coloquei-(o|a|te|lhe)\s+em\s+(c[óo]pia|cc)|(satt\s+)?(dig|er)\s+(p[åa]|i)\s+(kopia|cc)\b)")
            .expect("copied-in regex"))
    })
    .is_match(&Haystack::new(sentence))
        && !model::names_an_object(sentence)
}

/// The rep saying outright that no answer is needed ("No need to reply, just sharing.", "Sie
/// müssen nicht antworten", "pas besoin de répondre", "no hace falta que contestes", "non serve
/// rispondere", "je hoeft niet te reageren", "não precisa de responder", "du behöver inte
/// svara"): a follow-up would ask for what the rep waived. "No need to reply yet" or "before
/// Friday" only puts the answer off.
fn waives_reply(sentence: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    static LATER: OnceLock<Regex> = OnceLock::new();
    let waived = RE
        .get_or_init(|| {
            bare(r"(?i)\b(no\s+(need|reason)\s+to\s+(reply|respond|answer|get\s+back)|no\s+(reply|response|answer|action)\s+(is\s+)?(needed|necessary|required)|(you\s+)?(don'?t|do\s+not)\s+(need|have)\s+to\s+(reply|respond|answer)|just\s+sharing\s*([.,!;:)]|$)|kein(e)?\s+(antwort|r[üu]ckmeldung|handlungsbedarf)\s+(n[öo]tig|erforderlich|notwendig)?|(sie\s+m[üu]ssen|du\s+musst)\s+nicht\s+(darauf\s+)?antworten|pas\s+(besoin|la\s+peine)\s+de\s+(me\s+)?r[ée]pondre|inutile\s+de\s+(me\s+)?r[ée]pondre|(no\s+hace\s+falta|no\s+es\s+necesario|no\s+tiene\s+que|no\s+tienes\s+que)\s+(que\s+)?(me\s+)?(responder|contestar|respondas|contestes|responda|conteste)|(non\s+serve|non\s+[èe]\s+necessario|non\s+c'[èe]\s+bisogno\s+di)\s+(che\s+)?(mi\s+)?(rispondere|rispondi|risponda)|(je|u)\s+hoeft\s+niet\s+te\s+(reageren|antwoorden)|geen\s+reactie\s+nodig|n[ãa]o\s+(precisa|[ée]\s+preciso|[ée]\s+necess[áa]rio)\s+(de\s+)?(me\s+)?responder|(du|ni)\s+beh[öo]ver\s+inte\s+svara|inget\s+svar\s+beh[öo]vs)").expect("waived-reply regex")
        })
        .is_match(sentence);
    waived
        && !LATER
            .get_or_init(|| {
                bare(r"(?i)\b(yet|now|right\s+away|today|until|before|by\s+\w+day|noch\s+nicht|sofort|pour\s+l'instant|tout\s+de\s+suite|todav[íi]a|ahora|ancora|subito|nog\s+niet|meteen|ainda|já|[äa]nnu|direkt)\b").expect("waived-later regex")
            })
            .is_match(sentence)
}

/// An offer to hear comments or help further, if there are any ("Let me know if legal has any
/// comments", "…if your security team needs anything else", "in case legal needs it",
/// "Falls Ihr Einkauf Fragen hat…", "si votre DSI a des questions…", "om er jurist har
/// synpunkter…"), in eight languages: a courtesy beside what the email hands over, not a
/// decision the thread waits on.
pub fn invites_comments(sentence: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(r"(?i)\b(if|in\s+case|should|falls|wenn|ob|si|se|als|of|caso|om)\b.{0,50}\b(any\s+)?(comments?|questions?|feedback|concerns?|remarks?|needs?\s+anything|needs?\s+(it|this|that|them|one)|anything\s+else|es\s+braucht|besoin|lo\s+necesit\w*|ne\s+ha\s+bisogno|het\s+nodig|precisar|beh[öo]ver\s+(det|den)|noch\s+etwas|sonst\s+noch|besoin\s+d'autre|autre\s+chose|algo\s+m[áa]s|qualcos'altro|nog\s+iets|mais\s+alguma|n[åa]got\s+mer|n[åa]got\s+annat|fragen|anmerkungen|kommentare|r[üu]ckfragen|einw[äa]nde|questions|remarques|commentaires|observations|preguntas|dudas|comentarios|observaciones|domande|osservazioni|commenti|dubbi|vragen|opmerkingen|perguntas|d[úu]vidas|coment[áa]rios|observa[çc][õo]es|fr[åa]gor|synpunkter|kommentarer)\b")
            .expect("comments regex")
    })
    .is_match(sentence)
}

/// The sentence that opens a postscript ("P.S.", "PS:", "P.P.S.", Spanish "PD:").
fn starts_postscript(sentence: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(r"^\s*(P\.?\s?P\.?\s?S|P\.?\s?S|PD)(\.|:|\s*-|\s*$|\s)").expect("postscript regex")
    })
    .is_match(sentence)
}

/// A call offered as an option beside the email's point ("If it helps, I can walk your team
/// through the numbers on a call", "happy to jump on a call if that's easier", "gerne auch
/// telefonisch, falls das hilft"), in eight languages: the next step is the point, not the call.
pub fn offers_optional_call(sentence: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(r"(?i)\b(in\s+case\s+(it'?s|it\s+is|this\s+is|that'?s)\s+(of\s+interest|useful|helpful)|if\s+(you'?re|you\s+are)\s+interested|in\s+case\s+you'?re\s+interested|falls\s+(es\s+)?(sie|dich)\s+interessiert|si\s+(cela|ça)\s+vous\s+int[ée]resse|si\s+(te|le|os)\s+interesa|se\s+(ti|le|vi)\s+interessa|als\s+(je|u)\s+(interesse\s+hebt|geïnteresseerd\s+bent)|(caso|se)\s+(tenha|tiver|tiveres)\s+interesse|om\s+(du|ni)\s+[äa]r\s+intresserad|if\s+(it|that)\s+(helps|would\s+help|'?s\s+easier|is\s+easier|would\s+be\s+(easier|useful|helpful))|if\s+(useful|helpful|easier|you('d)?\s+(like|prefer|want))|happy\s+to|glad\s+to|always\s+(happy|glad)\s+to|feel\s+free\s+to|wenn\s+(es|das)\s+hilft|falls\s+(gew[üu]nscht|hilfreich|das\s+hilft)|gerne\s+auch|si\s+(cela|ça)\s+peut\s+(aider|[êe]tre\s+utile)|si\s+vous\s+le\s+souhaitez|si\s+(le|te)\s+(sirve|viene\s+bien|resulta\s+[úu]til)|si\s+lo\s+(prefiere|prefieres)|se\s+(pu[òo]\s+essere\s+utile|preferisce|preferisci|ti\s+[èe]\s+utile)|als\s+(het\s+helpt|je\s+wilt|u\s+wilt)|indien\s+gewenst|se\s+(ajudar|preferir|for\s+[úu]til)|caso\s+(queira|prefira)|om\s+det\s+(hj[äa]lper|underl[äa]ttar)|om\s+du\s+vill)")
            .expect("optional-call regex")
    })
    .is_match(sentence)
        || offers_if_wanted(sentence)
}

/// An offer asked as a question ("Want me to send the order form?", "Soll ich Ihnen den
/// Vertrag schicken?", "Voulez-vous que je vous envoie le contrat ?", "¿Quieres que te mande
/// el contrato?", "Vuoi che ti mandi il contratto?", "Zal ik het contract sturen?", "Quer que
/// lhe envie o contrato?", "Vill du att jag skickar avtalet?"): the next step if wanted.
fn offers_if_wanted(sentence: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    sentence.trim_end().ends_with('?')
        && RE
            .get_or_init(|| {
                bare(r"(?i)^\W*((do\s+you\s+)?want\s+me\s+to|would\s+you\s+like\s+me\s+to|shall\s+i|should\s+i|(m[öo]chten|w[üu]nschen)\s+sie,?\s+dass\s+ich|soll\s+ich|(voulez|souhaitez)-vous\s+que\s+je|veux-tu\s+que\s+je|(quieres|quiere|quer[eé]is|desea)\s+que\s+(te|le|os)?|(vuoi|vuole|volete|desidera)\s+che\s+(ti|le|vi)?|(wil\s+je|wilt\s+u)\s+dat\s+ik|zal\s+ik|(quer|queres|deseja)\s+que\s+(eu\s+)?(lhe|te)?|vill\s+(du|ni)\s+att\s+jag|ska\s+jag)\b")
                    .expect("offer-if-wanted regex")
            })
            .is_match(sentence)
}

/// The rep asking the prospect to pick a time ("Let me know a couple of times that work next
/// week", "Quel créneau vous conviendrait ?", "¿Qué día te viene bien?"), in eight languages:
/// booking it is the next step. A call offered only if it helps is not such an ask.
pub fn asks_for_times(sentence: &str) -> bool {
    // Matched through a `Haystack`: read on every sentence of every thread, this alternation's
    // Unicode automaton made a 100k-message scan 2.5 s slower and 170 MiB larger.
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE
            .get_or_init(|| {
                Pattern::new(Regex::new(r"(?i)\b((let\s+me\s+know|send\s+(me|over)|share|suggest|propose|give\s+me|drop\s+me)\s+(\w+\s+){0,3}(times?|slots?|dates?|windows?)\b|(choose|pick|select|grab)\s+(a|any|the|your)?\s*(\w+\s+)?(times?|slots?|dates?)\b|(w[äa]hlen\s+sie|w[äa]hle)\s+(\w+\s+){0,3}(termin|zeit|slot)|choisissez\s+(\w+\s+){0,2}(cr[ée]neau|horaire|date)|(elija|elige|escoja|escoge)\s+(\w+\s+){0,2}(horario|hueco|hora|fecha)|(scelga|scegli)\s+(\w+\s+){0,2}(slot|orario|data|giorno)|(kies|kiest)\s+(\w+\s+){0,2}(tijd|moment|tijdstip|datum)|(escolha|escolhe)\s+(\w+\s+){0,2}(hor[áa]rio|hora|data)|v[äa]lj\s+(\w+\s+){0,2}(tid|dag)\b|(schlagen\s+sie|schlag)\s+(mir\s+)?(gerne?\s+)?(einen|ein\s+paar|zwei|drei)\s+(termine?|zeitfenster|zeiten)\s+vor|(proposez|propose|indiquez|indique)-moi\s+(un|une|quelques|deux|trois|vos|tes)\s+(cr[ée]neaux?|dates?|horaires?|disponibilit[ée]s)|(prop[óo]n(me)?|prop[óo]ngame|sugi[ée]reme|sugi[ée]rame)\s+(un|una|algunos|algunas|dos|tres)\s+(par\s+de\s+)?(horarios?|fechas?|huecos?|d[íi]as?)|(proponi(mi)?|mi\s+proponga|suggeriscimi|mi\s+suggerisca)\s+(un|uno|una|qualche|due|tre)\s+(orari[oa]?|date?|giorn[io])|(stel|stelt)\s+(\w+\s+){0,2}(een|enkele|twee|drie|paar)\s+(tijd(en|stip(pen)?)?|moment(en)?|data)\s+(\w+\s+)?voor|(sugira|sugere|proponha|prop[õo]e)(-me)?\s+(um|uma|alguns|algumas|dois|duas|tr[êe]s)\s+(hor[áa]rios?|datas?|dias?)|f[öo]resl[åa]\s+(g[äa]rna\s+)?(en|n[åa]gra|tv[åa]|tre)\s+(tid(er)?|dag(ar)?)|what\s+(times?|days?|dates?|slots?)\s+(would\s+)?(work|suits?)|when\s+(are\s+you|would\s+you\s+be)\s+(free|available)|when\s+(works|would\s+work|is\s+a\s+good\s+time)\b|(does|would|could)\s+(\w+\s+){0,3}(monday|tuesday|wednesday|thursday|friday|next\s+week|this\s+week|tomorrow)\s+(\w+\s+){0,3}work\b|are\s+you\s+(free|available)\b|welche[rn]?\s+(termin|zeit|tag)\w*\s+(passt|passen|w[äa]re)|wann\s+(passt|h[äa]tten\s+sie|hast\s+du)\b|(passt|geht)\s+(es\s+)?(ihnen|dir|es)\s+(am\s+)?(montag|dienstag|mittwoch|donnerstag|freitag|n[äa]chste)|nennen\s+sie\s+mir\s+(\w+\s+){0,2}termin|quel(le)?s?\s+(cr[ée]neau|date|jour|moment)\w*\s+(vous|te)\s+(conviendrai(en)?t|convien(nen)?t|irai(en)?t|arrange)|(seriez|êtes)-vous\s+disponible|(avez|auriez)-vous\s+(un\s+)?(cr[ée]neau|disponibilit)|(indiquez|donnez)-moi\s+(vos|quelques)\s+(disponibilit|cr[ée]neaux)|qu[ée]\s+(d[íi]a|hora|horario)\w*\s+(te|le|les|os)\s+(viene|vendr[íi]a|va)|cu[áa]ndo\s+(te|le|os)\s+(viene|va)\s+bien|(te|le)\s+viene\s+bien\s+(el|este|la)|tienes\s+(un\s+)?hueco|(dime|d[íi]game)\s+(qu[ée]\s+)?(d[íi]as?|horarios?|huecos?)|quando\s+(sei|[èe]|sareste|saresti|sarebbe)\s+(libero|libera|disponibile)|(che|quale)\s+(giorno|orario|data)\s+(ti|le|vi)\s+(va|andrebbe|torna)|(ti|le)\s+(andrebbe|va)\s+bene\s+(luned|marted|mercoled|gioved|venerd|la\s+prossima)|(fammi|mi\s+faccia)\s+sapere\s+(\w+\s+){0,3}(orari|giorni|disponibilit)|wanneer\s+(schikt|past)\s+het|welk(e)?\s+(moment|tijd|dag|tijdstip)\w*\s+(schikt|past|komt)|(past|schikt)\s+(\w+\s+){0,2}(maandag|dinsdag|woensdag|donderdag|vrijdag|volgende\s+week)|(laat|geef)\s+(me|mij)\s+(\w+\s+){0,3}(momenten|tijden|beschikbaarheid)|(quando|que\s+dia)\s+(lhe|te)\s+(d[áa]|daria)\s+jeito|(qual|que)\s+(dia|hor[áa]rio|hora)\s+(lhe|te)\s+(conv[ée]m|serve)|(est[áa]|estaria)\s+dispon[íi]vel[^.!?]{0,40}\?|(diga-me|diz-me)\s+(\w+\s+){0,3}(hor[áa]rios|disponibilidade)|n[äa]r\s+passar\s+det|vilken\s+(dag|tid)\s+passar|passar\s+(det\s+)?(m[åa]ndag|tisdag|onsdag|torsdag|fredag|n[äa]sta\s+vecka)|(ge|skicka)\s+mig\s+(\w+\s+){0,3}tider|[äa]r\s+du\s+ledig|(monday|tuesday|wednesday|thursday|friday)\w*(\s+\w+){0,4}\s+(work|suit)\w*\s*(for\s+you\s*)?\?|(luned|marted|mercoled|gioved|venerd)\w*[^?]{0,40}\b(andrebbe|andrebbero|va|vanno)\s+bene\s*\?|(lunes|martes|mi[ée]rcoles|jueves|viernes)[^?]{0,40}\b(te|le|os)\s+(ir[íi]a|va|viene|vendr[íi]a)\s+bien|(te|le|os)\s+(ir[íi]a|va|viene|vendr[íi]a)\s+bien\s+(el\s+)?(lunes|martes|mi[ée]rcoles|jueves|viernes)|(lundi|mardi|mercredi|jeudi|vendredi)[^?]{0,40}\b(vous|te)\s+(conviendrai(en)?t|convien(nen)?t|irai(en)?t)|(montag|dienstag|mittwoch|donnerstag|freitag)[^?]{0,40}\b(passen|passt|w[äa]re|ginge)(\s+(ihnen|dir|es))?\s*\?|(passt|passen|w[äa]re)\s+(ihnen|dir)\s+(\w+\s+){0,2}(montag|dienstag|mittwoch|donnerstag|freitag)|(maandag|dinsdag|woensdag|donderdag|vrijdag)[^?]{0,40}\b(schikt|past|uitkomen|komt)\b[^?]{0,20}\?|\b(komt|schikt|past)\s+(\w+\s+){0,2}(maandag|dinsdag|woensdag|donderdag|vrijdag)\b[^?]{0,40}\?|(segunda|ter[çc]a|quarta|quinta|sexta)(-feira)?[^?]{0,40}\b(d[áa](-lhe|-te)?\s+jeito|daria(-lhe|-te)?\s+jeito|serve|servia|seria\s+bom)|(m[åa]ndag|tisdag|onsdag|torsdag|fredag)[^?]{0,40}\b(passar|skulle\s+passa)\b[^?]{0,20}\?|\b(passar|skulle)\s+(\w+\s+){0,3}(m[åa]ndag|tisdag|onsdag|torsdag|fredag)\b[^?]{0,40}\?)")
                    .expect("asks-for-times regex"))
            })
            .is_match(&Haystack::new(sentence))
        && !offers_optional_call(sentence)
}

/// The rep proposing to book a call, as a question ("Could we schedule 30 minutes next week to
/// go through the results?", "Können wir nächste Woche einen Termin vereinbaren?", "Pourrions-nous
/// caler un point la semaine prochaine ?"), in eight languages: like an ask for times, the
/// booking is the next step.
pub fn proposes_booking(sentence: &str) -> bool {
    static RE: OnceLock<Pattern> = OnceLock::new();
    sentence.contains('?')
        && RE
            .get_or_init(|| {
                Pattern::new(Regex::new(r"(?i)\b((could|can|shall|should)\s+we\s+(schedule|set\s+up|book|find|grab|get|put|carve\s+out|lock\s+in)\s+(\w+\s+){0,3}(minutes|mins?|call|meeting|time|slot|session|hour|chat|demo)|(worth|time\s+for|up\s+for|open\s+to|free\s+for)\s+(a\s+)?(quick\s+|short\s+|brief\s+)?(\d+\s*-?\s*(mins?|minutes)|call|chat|catch-?up|demo)\b|(k[öo]nnen|k[öo]nnten|wollen|sollen)\s+wir\s+(\w+\s+){0,4}(termin|gespr[äa]ch|call|telefonat|minuten|meeting)\w*\s+([\w-]+\s+){0,3}(vereinbaren|ansetzen|einplanen|finden|ausmachen|buchen)|(pourrions|pouvons|pourrait-on|peut-on)(-nous)?\s+(\w+\s+){0,2}(pr[ée]voir|caler|fixer|planifier|organiser|bloquer|trouver)\s+(un|une|\d+)|(podemos|podr[íi]amos|podr[íi]a)\s+(\w+\s+){0,2}(agendar|programar|organizar|fijar|cuadrar|reservar|buscar)\s+(un|una|\d+)|(possiamo|potremmo|potrebbe)\s+(\w+\s+){0,2}(fissare|organizzare|programmare|pianificare|prenotare|trovare)\s+(un|una|\d+)|(kunnen|zullen)\s+we\s+(\w+\s+){0,4}(inplannen|plannen|afspreken|vastleggen|boeken)|(podemos|poder[íi]amos)\s+(\w+\s+){0,2}(agendar|marcar|combinar|reservar)\s+(um|uma|\d+)|(kan|ska|skulle)\s+vi\s+(\w+\s+){0,2}(boka|planera|hitta|l[äa]gga)\s+(in\s+)?(\w+\s+){0,2}(m[öo]te|samtal|tid|minuter|avst[äa]mning|uppf[öo]ljning))")
                    .expect("proposes-booking regex"))
            })
            .is_match(&Haystack::new(sentence))
}

/// The rep coming back after someone else's event ("I'll loop back after your board meeting
/// on the 15th"), not after something the rep does first ("I'll get back to you once I've
/// checked with engineering").
fn comes_back_after_their_event(sentence: &str) -> bool {
    static OWN: OnceLock<Regex> = OnceLock::new();
    model::comes_back_after(sentence)
        && !OWN
            .get_or_init(|| {
                bare(r"(?i)\b((after|once|when|following)\s+(i|i've|i'm|i\s+have|we|we've|we're|our\s+(team|engineers?|side)|my)|as\s+soon\s+as\s+(possible|i|we)|sobald\s+(ich|wir|m[öo]glich)|d[èe]s\s+que\s+(possible|j'|je|nous)|en\s+cuanto\s+(pueda|(lo|la|los|las)\s+tenga|tenga|sepa|posible)|lo\s+antes\s+posible|(non\s+)?appena\s+(possibile|avr[òo]|ho|sapr[òo])|zodra\s+(ik|we|mogelijk)|assim\s+que\s+(poss[íi]vel|tiver|eu|souber)|s[åa]\s+(snart|fort)\s+(jag|vi|som\s+m[öo]jligt))\b")
                    .expect("own-event regex")
            })
            .is_match(sentence)
}

/// A moment the next step waits for, in eight languages: "after", "once", "until" and their
/// kin ("après le comité", "nach der Vorstandssitzung", "hasta que", "zodra", "efter").
fn names_a_moment(sentence: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(r"(?i)\b(after|once|until|till|following|nach|nachdem|sobald|apr[eè]s|d[eè]s\s+que|une\s+fois|jusqu'[àa]|despu[eé]s|tras|hasta|en\s+cuanto|dopo|appena|fino\s+a|zodra|nadat|depois|assim\s+que|at[ée]|efter|tills|s[åa]\s+snart)\b")
            .expect("moment regex")
    })
    .is_match(sentence)
}

/// A sentence that opens on a condition still to be met ("Once that's settled, …", "Sobald
/// …", "Dès que …", "Cuando …", "Appena …", "Zodra …", "Assim que …", "När …").
fn starts_once(sentence: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(r"(?i)^\W*(once|when|after|as\s+soon\s+as|sobald|wenn|nachdem|d[èe]s\s+que|une\s+fois|quand|cuando|en\s+cuanto|una\s+vez|quando|appena|una\s+volta|zodra|als|nadat|assim\s+que|depois\s+que|n[äa]r|s[åa]\s+snart|efter\s+att)\b")
            .expect("once regex")
    })
    .is_match(sentence)
}

/// The rep asking who else takes part in the decision, or who the right person is, in eight
/// languages ("Who else should be part of the evaluation on your side?", "Who would be the best
/// person to pick this up on your side?", "Wer sollte auf Ihrer Seite noch mitentscheiden?",
/// "Qui d'autre devrait être impliqué dans la décision ?").
fn asks_who_else_decides(sentence: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    sentence.contains('?')
        && RE
            .get_or_init(|| {
                bare(r"(?i)\b(who\s+(would|will|should|might)\s+be\s+the\s+(best|right)\s+(person|contact|people)|who\s+(should|could)\s+i\s+(talk|speak|reach\s+out)\s+to|wer\s+w[äa]re\s+(\S+\s+){0,3}(der|die)\s+(richtige|beste)\s+(ansprechpartner|ansprechpartnerin|person|kontakt)|an\s+wen\s+(kann|sollte|soll)\s+ich\s+mich\s+wenden|qui\s+serait\s+(la\s+bonne|la\s+meilleure)\s+personne|[àa]\s+qui\s+(dois|devrais|puis)-je\s+m'adresser|qui[eé]n\s+ser[ií]a\s+la\s+persona\s+(adecuada|indicada|id[oó]nea)|con\s+qui[eé]n\s+(deber[ií]a|puedo)\s+hablar|chi\s+sarebbe\s+la\s+persona\s+(giusta|pi[uù]\s+adatta)|con\s+chi\s+(dovrei|potrei|posso)\s+parlare|wie\s+is\s+(de|het)\s+(juiste|beste)\s+(persoon|aanspreekpunt|contactpersoon)|met\s+wie\s+(kan|moet|zou)\s+ik|quem\s+seria\s+a\s+pessoa\s+(certa|indicada|mais\s+indicada)|com\s+quem\s+(devo|posso|deveria)\s+falar|vem\s+[äa]r\s+(r[äa]tt|b[äa]st)\s+person|vem\s+(ska|b[öo]r|kan)\s+jag\s+(prata|tala)\s+med|who\s+else\b.{0,40}\b(be\s+involved|be\s+part\s+of|weigh\s+in|sign\s+off|have\s+a\s+say|approve|decide|be\s+consulted|be\s+looped\s+in)|wer\b.{0,30}\b(noch|sonst|au[ßs]erdem)\b.{0,40}\b(mitentscheiden|mitreden|beteiligt|einbezogen|freigeben|zustimmen|entscheiden)|qui\s+d'autre\b.{0,40}\b(impliqu|d[ée]cid|valider|approuver|consult)|qui[eé]n\s+m[aá]s\b.{0,40}\b(involucr|particip|decid|aprob|opin)|chi\s+altro\b.{0,40}\b(coinvolt|decid|approv|partecip)|wie\s+(er\s+)?(nog|verder)\b.{0,40}\b(betrokken|beslis|meebeslis|goedkeur|akkoord)|quem\s+mais\b.{0,40}\b(envolvid|decid|aprov|particip)|vem\s+(mer|annars)\b.{0,40}\b(involverad|besluta|godk[äa]nn|vara\s+med))").expect("who-else regex")
            })
            .is_match(sentence)
}

/// Material made for the prospect to take to whoever decides ("a short business case you can
/// forward to Maria as is", "a one-pager for you to share with your CFO", "zum Weiterleiten an
/// Ihre Geschäftsführung", "à transmettre à votre direction"), in eight languages: the thread
/// waits on that person's decision, whatever the material is about.
fn equips_for_their_decision(sentence: &str) -> bool {
    let hay = Haystack::new(sentence);
    takes_to_who_decides(&hay)
        || equips_to_forward(&hay)
        || prepares_for_who_decides(sentence, &hay)
}

/// Material the rep prepares for whoever decides ("a one-pager for your CFO", "se può essere
/// utile per il CdA, posso preparare una breve presentazione", "eine Zusammenfassung für Ihre
/// Geschäftsführung", "une synthèse pour votre comité", "para la reunión del consejo, te preparo
/// una presentación", "een samenvatting voor de directie"), in eight languages.
/// Not for a security, IT or privacy team: what the rep prepares for them answers their
/// questions ("I've drafted the answers for your security team" is information).
fn prepares_for_who_decides(sentence: &str, hay: &Haystack<'_>) -> bool {
    static TECH: OnceLock<Regex> = OnceLock::new();
    static FOR: OnceLock<Pattern> = OnceLock::new();
    static MAKE: OnceLock<Pattern> = OnceLock::new();
    let for_role = FOR.get_or_init(|| {
        let roles = rules::ROLES;
        let intl = rules::ROLES_INTL;
        Pattern::new(
            bare(&format!(
                r"(?i)\b(for|per|f[üu]r|pour|para|voor|f[öo]r|till)\s+((your|the|il|la|lo|l'|i|gli|ihre[mnr]?|deine[mnr]?|die|den|der|dem|votre|vos|le|les|tu|su|tus|sus|el|los|las|je|jouw|uw|de|het|o|a|os|as|seu|sua|din|er|ditt|ert|dina|era|vostro|vostra|suo|tuo)\s+)?((next\s+)?(meeting|reuni[óo]n|riunione|r[ée]union|sitzung|vergadering|reuni[ãa]o|m[öo]tet?)\s+((of|with)\s+(your|the)|del?|della|dello|du|de\s+la|van\s+de|do|da|med)\s+)?(?:{roles}|{intl})\w*\b"
            ))
            .expect("for-who-decides regex"),
        )
    });
    let make = MAKE.get_or_init(|| {
        Pattern::new(
            bare(r"(?i)\b(prepare|prepared|preparing|put\s+together|pull\s+together|draft|drafted|write\s+up|summary|one-?pager|deck|slides|business\s+case|presentation|prepar\w*|pr[ée]par\w*|vorbereit\w*|bereite|zusammenstell\w*|zusammenfassung|pr[äa]sentation|entscheidungsvorlage|synth[èe]se|r[ée]sum[ée]|pr[ée]sentation|presentaci[óo]n|resumen|presentazione|sintesi|riepilogo|voorbereiden|bereid|samenvatting|presentatie|opstellen|apresenta[çc][ãa]o|resumo|f[öo]rbered\w*|ta\s+fram|sammanst[äa]ll\w*|sammanfattning|presentation)\b")
                .expect("prepares-material regex"),
        )
    });
    let tech = TECH.get_or_init(|| {
        bare(r"(?i)\b(security|it\s+(team|department)|(your|the)\s+it|privacy|infosec|dpo|data\s+protection|datenschutz\w*|it-\w+|s[ée]curit[ée]|dsi|seguridad|sicurezza|beveiliging|seguran[çc]a|s[äa]kerhet\w*)\b")
            .expect("technical-reviewer regex")
    });
    for_role.is_match(hay) && make.is_match(hay) && !tech.is_match(sentence)
}

/// Material for the prospect to take to whoever decides ("a summary you can take to your
/// board", "som du kan ta med till ledningsgruppen", "die Sie Ihrer Geschäftsführung vorlegen
/// können"), in eight languages. Apart from [`equips_to_forward`] so that each automaton names
/// the roles once: their Unicode forms are what makes these patterns large.
fn takes_to_who_decides(hay: &Haystack<'_>) -> bool {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        let roles = rules::ROLES;
        let intl = rules::ROLES_INTL;
        Pattern::new(
            bare(&format!(
                r"(?i)\b(take|bring|ta\s+med|meenemen|llevar\w*|portar\w*|levar\w*|apporter|emporter)\b[^.;!?]{{0,40}}?\b(to|into|before|till|naar|in|a|al|à|ao|alla|au)\s+((your|the|din|er|ditt|ert|dina|era|je|jouw|uw|de|het|tu|su|tus|sus|il\s+tuo|la\s+tua|il\s+suo|la\s+sua|seu|sua|votre|vos)\s+)?(?:{roles}|{intl})\w*\b|\b(ihre[mnr]?|deine[mnr]?|der|dem)\s+(?:{intl})\s+(\w+\s+)?(vorlegen|mitnehmen|mitbringen)\b"
            ))
            .expect("takes-to-who-decides regex"),
        )
    })
    .is_match(hay)
}

/// Material made for the prospect to forward, share or present to whoever decides.
fn equips_to_forward(hay: &Haystack<'_>) -> bool {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        let roles = rules::ROLES;
        let intl = rules::ROLES_INTL;
        Pattern::new(Regex::new(&format!(
            r"(?i)\b(you\s+(can|could|might\s+want\s+to|may\s+want\s+to)|for\s+you\s+to|feel\s+free\s+to|so\s+you\s+can|to)\s+(forward|pass\s+(\w+\s+)?(on|along)|share|present|show)\b[^.;!?]{{0,40}}?\b(to|with)\s+(your\s+({roles})\b|(?-i:[A-Z][a-z]+)\b)|\b(an|mit)\s+(ihre[mnr]?|deine[mnr]?|(frau|herrn?)\s+\w+)\s+(\w+\s+)?(weiterleiten|weitergeben|teilen)\b|\bzum\s+weiterleiten\s+an\b|\b(transmettre|faire\s+suivre|partager|pr[ée]senter)\b[^.;!?]{{0,30}}\b(à|avec)\s+(votre|vos|ton|ta|tes)\s+({intl})\b|\b(reenvi\w*|pas[aá]rse\w*|compartir\w*|presentar\w*)\b[^.;!?]{{0,30}}\b(a|al|con)\s+(tu|su|tus|sus)\s+({intl})\b|\b(inoltrar\w*|girar\w*|condivider\w*|presentar\w*)\b[^.;!?]{{0,30}}\b(a|al|alla|con)\s+(il\s+tuo|la\s+tua|il\s+suo|la\s+sua|tuo|tua|suo|sua)\s+({intl})\b|\b(naar|met|aan)\s+(je|jouw|uw)\s+({intl})\b[^.;!?]{{0,30}}\b(doorsturen|doorsturen|delen|voorleggen)\b|\b(doorsturen|delen|voorleggen)\s+(naar|met|aan)\s+(je|jouw|uw)\s+({intl})\b|\b(encaminh\w*|repass\w*|compartilh\w*|partilh\w*|apresent\w*)\b[^.;!?]{{0,30}}\b(para|com|ao|à|a)\s+(o\s+|a\s+)?(seu|sua|teu|tua)\s+({intl})\b|\b(vidarebefordra|skicka\s+vidare|dela|visa|presentera)\b[^.;!?]{{0,30}}\b(till|med|f[öo]r)\s+(din|er|ditt|ert|dina|era)\s+({intl})\b"
        ))
        .expect("equips-for-their-decision regex"))
    })
    .is_match(hay)
}

/// The rep inviting the prospect to an event (a roundtable, a dinner, a webinar, a trade
/// fair: "I've reserved a spot for you at our customer roundtable", "Ich lade Sie herzlich zu
/// unserem Kundentag ein", "je vous ai réservé une place pour notre table ronde"), in eight
/// languages: a meeting whose day is set, not one to schedule.
pub fn invites_to_event(sentence: &str) -> bool {
    static INVITE: OnceLock<Pattern> = OnceLock::new();
    static EVENT: OnceLock<Pattern> = OnceLock::new();
    let hay = Haystack::new(sentence);
    INVITE
        .get_or_init(|| {
            Pattern::new(Regex::new(r"(?i)\b((reserved|saved|held|booked)\s+(you\s+)?(a\s+)?(spot|seat|place|table|ticket)|(you'?re|you\s+are)\s+(warmly\s+)?invited|(like|love|want)\s+to\s+invite\s+you|invit(e|ing)\s+you|join\s+us|we'?re\s+hosting|we\s+are\s+hosting|save\s+the\s+date|register|registration|rsvp|guest\s+list|(platz|sitzplatz|ticket)\s+(f[üu]r\s+(sie|dich)\s+)?(reserviert|freigehalten)|lade\s+(sie|dich|euch)\b.{0,60}\bein\b|einladen|seien\s+sie\s+dabei|sei\s+dabei|anmeld\w*|(r[ée]serv[ée]|gard[ée])\s+une\s+place|(vous|t')\s*inviter|vous\s+invite|t'invite|rejoignez-nous|inscri\w*|reserv(é|e|ado)\s+(una\s+)?plaza|invitar(te|le|os)|(te|le|os)\s+invito|[úu]nete|[úu]nase|acompa[ñn]arnos|riservato\s+un\s+posto|invitar(ti|la|vi)|(ti|la|vi)\s+invito|unisciti|iscri\w*|plek\s+(voor\s+(je|jou|u)\s+)?(gereserveerd|vrijgehouden)|uitnodigen|nodig\s+(je|u)\s+\w*\s*uit|aanmeld\w*|reservei\s+um\s+lugar|convid(o|á|a)-?(lo|la|o|a)?\b|convidar|convidamos|junte-se|reserverat\s+en\s+plats|bjuda\s+in|bjuder\s+in|anm[äa]l\w*)")
                .expect("event-invite regex"))
        })
        .is_match(&hay)
        && EVENT
            .get_or_init(|| {
                Pattern::new(Regex::new(r"(?i)\b(round-?tables?|webinars?|dinner|lunch|breakfast|events?|conference|summit|meet-?up|workshop|seminar|open\s+house|trade\s+(show|fair)|expo|forum|masterclass|customer\s+day|user\s+(group|conference)|reception|veranstaltung|konferenz|abendessen|mittagessen|fr[üu]hst[üu]ck|messe|kundentag|anwendertreffen|gipfel|[ée]v[ée]nement|conf[ée]rence|d[îi]ner|d[ée]jeuner|s[ée]minaire|atelier|salon|table\s+ronde|webinaire|journ[ée]e\s+clients?|matinale|evento|conferencia|cena|almuerzo|desayuno|seminario|taller|feria|mesa\s+redonda|foro|jornada|conferenza|pranzo|colazione|fiera|tavola\s+rotonda|giornata|evenement|congres|conferentie|diner|ontbijt|beurs|rondetafel\w*|klantendag|confer[êe]ncia|jantar|almo[çc]o|semin[áa]rio|f[óo]rum|evenemang|konferens|frukost\w*|seminarium|m[äa]ssa|rundabordssamtal|webbinarium|kunddag)\b")
                    .expect("event regex"))
            })
            .is_match(&hay)
}

/// The rep planning to write again only if no answer comes ("I'll follow up next week if I
/// don't hear back", "Je me permets de vous relancer la semaine prochaine si je n'ai pas de
/// nouvelles d'ici là", eight languages): the rep's own cadence, not a reason to wait for.
fn follows_up_unless_answered(sentence: &str) -> bool {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(Regex::new(r"(?i)\b(if\s+(i|we)\s+(don'?t|do\s+not|haven'?t|have\s+not)\s+(hear|heard)|unless\s+(i|we)\s+hear|(falls|wenn)\s+ich\s+(bis\s+dahin\s+)?nichts\s+(von\s+\w+\s+)?h[öo]re|si\s+je\s+n'ai\s+pas\s+(de\s+|eu\s+de\s+)?(nouvelles|retour|r[ée]ponse)|sans\s+(nouvelles|retour)\s+de\s+(votre|ta)\s+part|si\s+no\s+(tengo|recibo|he\s+tenido)\s+(noticias|respuesta)|se\s+non\s+(ho|ricevo)\s+(notizie|riscontro|risposta)|in\s+assenza\s+di\s+(un\s+)?(suo|tuo)?\s*riscontro|als\s+ik\s+(niets|niks)\s+(van\s+\w+\s+)?hoor|als\s+ik\s+geen\s+reactie\s+(heb|krijg|ontvang)|(se|caso)\s+n[ãa]o\s+(tiver|receber|tenha|receba)\s+(not[íi]cias|resposta)|om\s+jag\s+inte\s+(h[öo]r\s+(n[åa]got|av\s+dig)|f[åa]r\s+(n[åa]got\s+)?svar))")
            .expect("unless-answered regex"))
    })
    .is_match(&Haystack::new(sentence))
}

/// Whether `class` is the sentence's first or second most likely class: a call named in
/// passing can split a hand-over's score without leading it.
fn leads_or_follows(p: &Probs, class: &str) -> bool {
    let Some(c) = model::class_index(class) else {
        return false;
    };
    p.iter().filter(|&&v| v > p[c]).count() <= 1 && p[c] > 0.0
}

/// A sentence's probabilities with what the model gave `meeting` given to `to` instead: a call
/// it only names in passing beside what it hands over.
fn meeting_read_as(mut p: Probs, to: Option<usize>) -> Probs {
    if let (Some(to), Some(m)) = (to, model::class_index("meeting")) {
        p[to] += p[m];
        p[m] = 0.0;
    }
    p
}

/// A call or meeting offered or agreed with its times: no passing mention.
fn names_times(sentence: &str) -> bool {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(Regex::new(r"(?i)\b(times|slots|cr[ée]neaux|horarios|orari|tijden|hor[áa]rios|tider|zeiten|zeitfenster)\b")
            .expect("times regex"))
    })
    .is_match(&Haystack::new(sentence))
}

/// The rep's own line in a list of next steps ("- Me: send the revised quote", "Ich: …",
/// "Moi : …", "Yo: …", "Io: …", "Ik: …", "Eu: …", "Jag: …").
fn is_own_step(sentence: &str) -> bool {
    own_step_re().is_match(sentence)
}

fn own_step_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(r"(?i)^\s*(?:[-*•]\s*)?(?:me|myself|ich|moi|yo|io|ik|eu|jag)\s*:\s*\b")
            .expect("own-step regex")
    })
}

/// The rep's own next-step line without its owner ("Me: send the revised quote" → "send the
/// revised quote"), for quoting back; any other sentence as it is.
pub fn without_own_step(sentence: &str) -> &str {
    match own_step_re().find(sentence) {
        Some(m) => &sentence[m.end()..],
        None => sentence,
    }
}

/// The rep's own people named as those asked or involved ("with our legal team", "mit unserer
/// Rechtsabteilung", "avec notre service juridique", "con nuestro equipo", "con il nostro
/// team", "bij ons juridische team", "com a nossa equipa", "med vårt team").
fn names_own_side(sentence: &str) -> bool {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(Regex::new(r"(?i)\b((with|to|from)\s+(our|my)|(mit|bei|an)\s+(unser\w*|mein\w*)|(avec|à|aupr[èe]s\s+de)\s+(notre|nos|mon|ma|mes)|(con|a)\s+(nuestr\w*|mis?)|(con|col|al|ai|a)\s+(il\s+|i\s+|la\s+)?(nostr\w*|mio|mia|miei)|(met|bij|naar)\s+(onze|ons|mijn)|(com|ao|à|aos|às)\s+(a\s+|o\s+)?(nossa?s?|meu|minha)|(med|till|hos)\s+(v[åa]r\w*|min|mitt|mina))\b")
            .expect("own-side regex"))
    })
    .is_match(&Haystack::new(sentence))
}

/// The rep will find something out and come back with it, in eight languages ("I'll check
/// with our engineers and get back to you", "ich kläre das und gebe Ihnen Bescheid", "je
/// vérifie et je reviens vers vous", "lo consulto y te digo algo", "verifico e Le faccio
/// sapere", "ik zoek het uit en kom erop terug", "vou confirmar e dou-lhe uma resposta", "jag
/// kollar och återkommer"), and not after someone's return.
pub(crate) fn finds_out_and_returns(sentence: &str) -> bool {
    // Matched through a `Haystack`: read on the promised sentences of every thread, its
    // Unicode automaton made a 100k-message scan markedly slower and larger.
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(Regex::new(r"(?i)\b(find\s+out|check|look\s+into|ask|verify|confirm|clarify|dig\s+into|kl[äa]re|frage|pr[üu]fe|checke|erkundige|v[ée]rifie|me\s+renseigne|demande|consulto|pregunto|verifico|reviso|compruebo|chiedo|controllo|zoek|vraag|check|navragen|nagaan|ga\s+na|confirmar|pergunto|vejo|kollar?|unders[öo]ker|fr[åa]gar|st[äa]mmer\s+av)\b.{3,140}\b(get\s+back\s+to\s+you|come\s+back\s+to\s+you|let\s+you\s+know|revert|report\s+back|bescheid|melde\s+mich|komme\s+.{0,30}zur[üu]ck|reviens\s+vers|redis|tiens\s+au\s+courant|te\s+digo|le\s+digo|te\s+respondo|le\s+respondo|te\s+aviso|le\s+aviso|faccio\s+sapere|ti\s+rispondo|le\s+rispondo|terug|laat\s+.{0,20}weten|volto\s+a\s+falar|resposta|respondo|aviso|[åa]terkommer|h[öo]r\s+av\s+mig|meddelar)").expect("find-out regex"))
    })
    .is_match(&Haystack::new(sentence))
        && !waits_for_return(sentence)
}

/// The rep's own colleagues doing the work the rep owes ("I'll get our security team to fill
/// in your vendor questionnaire and send it back", "I've asked our solutions engineer to put
/// together a sample workflow", "ich lasse unsere Techniker …", "je demande à notre équipe
/// …"), in eight languages: a deliverable on its way, not someone on the prospect's side who
/// must decide (the model hears "security team", "review").
fn own_team_delivers(sentence: &str) -> bool {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(Regex::new(r"(?i)\b((i'?ll|i\s+will|i'?ve|i\s+have|let\s+me|i)\s+(get|ask|have|asked|had|got|get\s+back\s+to)\s+(our|my)\s+([\w-]+\s+){0,2}(team|engineers?|lead|manager|colleagues?|specialists?|experts?|architects?|department|people|folks|consultants?|analysts?|developers?|devs)\s+(to\s+)?|\bour\s+([\w-]+\s+){0,2}(team|engineers?|lead|specialists?|experts?|architects?|department|consultants?|developers?)\s+(will|is\s+going\s+to|are\s+going\s+to|'ll|is|are)\s+(fill|complete|send|prepare|put\s+together|draft|answer|write|build|set\s+up|working\s+on|putting\s+together|preparing|filling)|ich\s+(lasse|bitte|habe)\s+(unser|unsere|unseren)\s+|unser(e|en)?\s+[\wäöüß-]*(team|abteilung|techniker|entwickler|kollegen?|kollegin|experten?)\s+(wird|werden|erstellt|bereitet|f[üu]llt)|je\s+(demande|vais\s+demander|ai\s+demand[ée]|fais\s+(remplir|pr[ée]parer))\s+(à\s+)?(notre|nos)\s+|notre\s+([\wéèê-]+\s+){0,2}(équipe|service|ingénieur|expert|consultant)\s+(va|vous\s+enverra|prépare|remplit)|(le|les)?\s*(pido|pedir[ée]|he\s+pedido|voy\s+a\s+pedir)\s+a\s+nuestr[oa]s?\s+|nuestr[oa]\s+(equipo|ingenier[oa]|departamento|especialista)\s+([\wáéíóú-]+\s+){0,2}(va\s+a|le\s+enviar[áa]|prepara|preparar[áa]|rellenar[áa])|(chiedo|ho\s+chiesto|chieder[òo])\s+al\s+nostr[oa]\s+|faccio\s+(compilare|preparare)|il\s+nostro\s+(team|reparto|ingegnere|tecnico)\s+([\wàèéìò-]+\s+){0,2}(preparer[àa]|compiler[àa]|invier[àa]|sta\s+preparando)|ik\s+(vraag|laat|heb)\s+(ons|onze)\s+|onze\s+[\w-]*(team|afdeling|engineer|collega|specialist)\s+(gaat|zal|maakt|vult)|(vou\s+pedir|pedi|pe[çc]o)\s+(à|ao|aos|às)\s+nossa?s?\s+|a\s+nossa\s+(equipa|equipe|engenheira|engenheiro)\s+([\wáéíóúãõç-]+\s+){0,2}(vai|ir[áa]|est[áa]\s+a\s+preparar|prepara)|jag\s+(ber|har\s+bett|l[åa]ter|ska\s+be)\s+(v[åa]rt|v[åa]ra|v[åa]r)\s+|v[åa]rt\s+[\wåäö-]*team\s+(kommer\s+att|ska|tar\s+fram|fyller))")
            .expect("own-team regex"))
    })
    .is_match(&Haystack::new(sentence))
}

/// A calendar invitation named ("I've sent the invite for Tuesday", "Einladung", "invitation",
/// "invito", "uitnodiging", "convite", "inbjudan"): handing one over is about a meeting.
fn names_invite(sentence: &str) -> bool {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(Regex::new(r"(?i)\b(invites?|invitations?|calendar|einladung\w*|kalender\w*|termin\w*|invitaci[oó]n|invito|uitnodiging|agenda|convite|inbjudan|m[öo]tesinbjudan|convocatoria|convocation|convocazione|convocat[óo]ria|kallelse)\b")
            .expect("invite regex"))
    })
    .is_match(&Haystack::new(sentence))
}

/// A link to book a time ("calendly.com/…", "the link to book a call", "Buchungslink", "lien de
/// réservation", "enlace para reservar", "link per prenotare", "boekingslink", "link de
/// agendamento", "bokningslänk"), in eight languages.
fn names_booking_link(sentence: &str) -> bool {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(Regex::new(r"(?i)\b(calendly|hubspot\.com/meetings|cal\.com|savvycal|(link|page)\s+to\s+(book|schedule|grab|pick)|book\s+(a|some)\s+(time|slot|call|meeting|demo|session|deep-?dive)|booking\s+(link|page)|buchungslink|termin\s+buchen|lien\s+(de\s+r[ée]servation|pour\s+r[ée]server)|r[ée]server\s+un\s+cr[ée]neau|enlace\s+(de\s+reservas|para\s+reservar)|reservar\s+(una\s+)?(hora|cita|reuni[oó]n)|link\s+(di\s+prenotazione|per\s+prenotare)|prenotare\s+(una\s+)?(call|chiamata|riunione)|boekingslink|link\s+om\s+(een\s+)?(afspraak|moment)\s+te\s+(boeken|plannen)|link\s+(de\s+agendamento|para\s+agendar)|agendar\s+(uma\s+)?(reuni[ãa]o|chamada|hor[áa]rio)|bokningsl[äa]nk|boka\s+(en\s+)?(tid|m[öo]te|demo|samtal|genomg[åa]ng))")
            .expect("booking-link regex"))
    })
    .is_match(&Haystack::new(sentence))
}

/// The rep's own people have already done something ("Our legal team has already incorporated
/// your lawyers' changes", "Unsere Rechtsabteilung hat … eingearbeitet", "notre service
/// juridique a intégré…"), in eight languages: done on the rep's side, it states no reason, and
/// the prospect's lawyers named in it decide nothing the rep waits on.
fn own_team_has_done(sentence: &str) -> bool {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(Regex::new(r"(?i)\b(our\s+([\w-]+\s+){0,2}(team|department|lawyers?|counsel|engineers?|legal|developers?)\s+(has|have)\s+(already\s+)?\w+ed\b|unser(e|en)?\s+[\wäöüß-]*(team|abteilung|juristen|anw[äa]lte|techniker|entwickler)\s+(hat|haben)\s+|(notre|nos)\s+([\wéèê-]+\s+){0,2}(équipe|service|juristes?|avocats?|ingénieurs?)(\s+[\wéèê'-]+){0,2}\s+(a|ont)\s+(déjà\s+)?\w+[ée]s?\b|nuestr[oa]s?\s+(equipo|departamento|abogados?|ingenieros?)\s+([\wáéíóú-]+\s+){0,2}(ya\s+)?(ha|han)\s+|(il\s+nostro\s+(team|reparto|ufficio)|i\s+nostri\s+(legali|tecnici|avvocati))\s+([\wàèéìò-]+\s+){0,2}(ha|hanno)\s+(gi[àa]\s+)?\w+(ato|ito|uto)\b|onze\s+([\w-]+\s+){0,2}[\w-]*(team|afdeling|juristen|advocaten)\s+(heeft|hebben)\s+|(a\s+nossa|o\s+nosso|os\s+nossos)\s+(equipa|equipe|departamento|advogados|jur[íi]dico)\s+([\wáéíóúãõç-]+\s+){0,2}(j[áa]\s+)?\w+(ou|ram)\b|(v[åa]rt|v[åa]r|v[åa]ra)\s+([\wåäö-]+\s+){0,2}[\wåäö-]*(team|avdelning|jurister|advokater)\s+har\s+)")
            .expect("own-team-done regex"))
    })
    .is_match(&Haystack::new(sentence))
        && !awaits_a_step(sentence)
}

/// A step still to come that something waits on ("I'll send the proposal once our solutions
/// team has scoped the integration", "sobald unsere Technik …", "dès que notre équipe …").
fn awaits_a_step(sentence: &str) -> bool {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(Regex::new(r"(?i)\b(once|when|after|as\s+soon\s+as|until|sobald|nachdem|wenn|bis|dès\s+que|une\s+fois\s+que|quand|après|cuando|una\s+vez\s+que|en\s+cuanto|hasta\s+que|quando|appena|una\s+volta\s+che|dopo\s+che|zodra|wanneer|nadat|als|assim\s+que|depois\s+que|at[ée]\s+que|n[äa]r|s[åa]\s+snart|efter\s+att|tills)\b")
            .expect("awaits-a-step regex"))
    })
    .is_match(&Haystack::new(sentence))
}

/// The deal is won: thanks for the order, the signature or the purchase order, a welcome on
/// board ("thanks for confirming the PO - welcome aboard!", "vielen Dank für Ihren Auftrag",
/// "merci pour votre commande", "bienvenido a bordo"), in eight languages. Nothing is left to
/// chase; what comes next is onboarding.
fn closes_won(sentence: &str) -> bool {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(Regex::new(r"(?i)\b(thanks?(\s+you)?(\s+so\s+much|\s+again)?\s+for\s+(confirming|sending(\s+over)?|signing|placing|returning)\s+(the|your)\s+(po|purchase\s+order|order(\s+form)?|signed\s+(contract|agreement|order\s+form|sow)|contract|agreement)|thanks?(\s+you)?\s+for\s+your\s+(order|business|signature|purchase\s+order)|welcome\s+aboard|welcome\s+on\s+board|(thrilled|excited|delighted|happy|glad)\s+to\s+(have\s+you|welcome\s+you)\s+(on\s+board|as\s+a\s+(new\s+)?(customer|client))|(vielen\s+|herzlichen\s+)?dank\s+f[üu]r\s+(ihren|deinen|euren|den|die)\s+(auftrag|bestellung|unterschrift|unterschriebenen\s+vertrag|bestellschein)|willkommen\s+an\s+bord|merci\s+(beaucoup\s+)?pour\s+(votre|ta|la|le)\s+(commande|signature|bon\s+de\s+commande|contrat\s+sign[ée])|bienvenue\s+(à\s+bord|parmi\s+nos\s+clients)|gracias\s+por\s+(su|tu|el|la)\s+(pedido|orden\s+de\s+compra|firma|contrato\s+firmado)|bienvenid[oa]s?\s+a\s+bordo|grazie\s+(mille\s+)?per\s+(l'ordine|il\s+vostro\s+ordine|il\s+tuo\s+ordine|la\s+firma|aver\s+firmato)|benvenut[oiae]\s+a\s+bordo|bedankt\s+voor\s+(uw|je|jullie|de)\s+(bestelling|opdracht|handtekening|inkooporder)|welkom\s+aan\s+boord|obrigad[oa]\s+(pela|pelo)\s+(encomenda|pedido|assinatura|ordem\s+de\s+compra)|bem-vind[oa]s?\s+a\s+bordo|tack\s+f[öo]r\s+(ordern|best[äa]llningen|underskriften|er\s+best[äa]llning|din\s+best[äa]llning|er\s+order)|v[äa]lkommen\s+ombord)")
            .expect("won regex"))
    })
    .is_match(&Haystack::new(sentence))
}

/// The rep's own people will get in touch ("Our onboarding team will reach out on Monday to
/// schedule the kickoff"): after a won deal, the next step is theirs, not a follow-up.
fn own_team_will_contact(sentence: &str) -> bool {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(Regex::new(r"(?i)\b(our\s+([\w-]+\s+){0,2}(team|manager|lead|colleagues?|specialists?|engineers?|consultants?)\s+(will|'ll|is\s+going\s+to)\s+(reach\s+out|be\s+in\s+touch|get\s+in\s+touch|contact|email|call|schedule|set\s+up)|unser(e|en)?\s+[\wäöüß-]*(team|abteilung|kollegen?|kollegin|berater\w*)\s+(wird|werden|meldet|melden)|(notre|nos)\s+([\wéèê-]+\s+){0,2}(équipe|service|collègues?|consultants?)(\s+[\wéèê'-]+){0,2}\s+(va|vont|vous\s+contacter|prendra)|nuestr[oa]s?\s+(equipo|departamento|compañer[oa]s?|consultores?)\s+([\wáéíóú-]+\s+){0,2}(se\s+pondr[áa]|va\s+a|van\s+a|le\s+contactar[áa]|te\s+contactar[áa])|(il\s+nostro\s+(team|reparto)|i\s+nostri\s+(colleghi|consulenti))\s+([\wàèéìò-]+\s+){0,2}(ti|la|vi)\s+contatter|on[sz]e?\s+([\w-]+\s+){0,2}[\w-]*(team|afdeling|collega'?s?|consultants?)\s+(neemt|nemen|zal|zullen|gaat)|(a\s+nossa|o\s+nosso|os\s+nossos)\s+(equipa|equipe|departamento|colegas|consultores)\s+([\wáéíóúãõç-]+\s+){0,2}(vai|v[ãa]o|ir[áa])|(v[åa]rt|v[åa]r|v[åa]ra)\s+([\wåäö-]+\s+){0,2}[\wåäö-]*(team|avdelning|kollegor|konsulter)\s+(kommer\s+att|h[öo]r\s+av\s+sig|tar\s+kontakt))")
            .expect("own-team-contact regex"))
    })
    .is_match(&Haystack::new(sentence))
}

/// "I've cancelled the trial account and removed your data", "your subscription has been
/// closed", "ich habe Ihr Testkonto gelöscht": the rep confirms an ending, in eight languages.
fn closes_down(sentence: &str) -> bool {
    // The verbs' stems first: nearly every sentence has none, and the pattern is not cheap.
    const STEMS: [&str; 33] = [
        "cancel",
        "clos",
        "delet",
        "remov",
        "deactiv",
        "unsubscrib",
        "terminat",
        "gekündigt",
        "gelöscht",
        "geschlossen",
        "deaktiv",
        "storn",
        "annul",
        "supprim",
        "résili",
        "ferm",
        "désactiv",
        "elimin",
        "cerrad",
        "desactiv",
        "baja",
        "chius",
        "disattiv",
        "opgezegd",
        "verwijder",
        "gesloten",
        "encerr",
        "desativ",
        "avslut",
        "raderat",
        "tagit bort",
        "sagt upp",
        "stängt",
    ];
    let lower = sentence.to_lowercase();
    if !STEMS.iter().any(|s| lower.contains(s)) {
        return false;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let done = r"(cancel+ed|closed|deleted|removed|deactivated|unsubscribed|terminated|gekündigt|gelöscht|geschlossen|deaktiviert|storniert|annulée?|supprimée?|résiliée?|fermée?|désactivée?|cancelad[ao]|eliminad[ao]|cerrad[ao]|desactivad[ao]|dado\s+de\s+baja|annullat[oa]|cancellat[oa]|chius[oa]|disattivat[oa]|opgezegd|verwijderd|geannuleerd|gedeactiveerd|gesloten|encerrad[ao]|desativad[ao]|avslutat|raderat|tagit\s+bort|sagt\s+upp|stängt)";
        let what = r"(account|subscription|trial|sandbox|data|mailing\s+list|newsletter|billing|konto|abo|abonnement|testzugang|testkonto|daten|compte|essai|données|cuenta|suscripción|prueba|datos|abbonamento|prova|dati|proefaccount|gegevens|conta|assinatura|teste|dados|prenumeration|uppgifter|testet|testkontot)";
        let by = r"(i'?ve|i\s+have|we'?ve|we\s+have|habe\s+ich|haben\s+wir|j'ai|nous\s+avons|he|hemos|ho|abbiamo|heb\s+ik|hebben\s+we|har\s+(jag|vi))";
        let passive = r"(has\s+been|have\s+been|is\s+now|are\s+now|wurden?|a\s+été|ha\s+sido|è\s+stat[oa]|is|zijn|foi|foram|har\s+blivit|är)";
        bare(&format!(
            r"(?i)\b{by}\s+(now\s+|nun\s+|bereits\s+|già\s+)?{done}\b.{{0,60}}\b{what}\b|\b{by}\b.{{0,40}}\b{what}\b.{{0,20}}\b{done}\b|\b{what}\b.{{0,40}}\b{passive}\s+(now\s+)?{done}\b|\b{done}\s+(your|the)\s+{what}\b|\b(removed|unsubscribed)\s+you\s+from\b"
        ))
        .expect("closing regex")
    })
    .is_match(sentence)
}

/// The rep will get in touch again on a date they name ("I'll check in on the 11th", "ich
/// melde mich Mitte Januar wieder", "je vous recontacterai en février"), in eight languages.
fn recontacts_later(sentence: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        bare(r"(?i)\b((i'?ll|i\s+will|let\s+me|we'?ll|we\s+will)\s+(pencil\s+in\s+a\s+check-?in|put\s+in\s+a\s+check-?in|check\s+(back\s+)?in|reach\s+(back\s+)?out|follow\s+up|circle\s+back|touch\s+base|reconnect|ping\s+you|get\s+back\s+to\s+you|come\s+back\s+to\s+you)|pencil(l)?ed\s+(you\s+)?in|ich\s+melde\s+mich|wir\s+melden\s+uns|je\s+(vous|te)\s+recontacterai|je\s+reviendrai\s+vers\s+(vous|toi)|(le|te)\s+escribir[ée]|(le|te)\s+volver[ée]\s+a\s+escribir|me\s+pondr[ée]\s+en\s+contacto|(la|ti)\s+ricontatter[òo]|(la|ti)\s+ricontatto|mi\s+rifar[òo]\s+viv[oa]|ik\s+neem\s+(weer\s+)?contact|ik\s+kom\s+(er\s+)?(bij\s+u|bij\s+je|op)\s+terug|volto\s+a\s+contact|entrarei\s+em\s+contacto|jag\s+h[öo]r\s+av\s+mig|jag\s+[åa]terkommer)\b")
            .expect("recontact regex")
    });
    re.is_match(sentence) && names_a_later_time(sentence)
}

/// Whether a sentence names a time to come back at (a date, a period, a return).
fn names_a_later_time(sentence: &str) -> bool {
    let any_day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date");
    crate::dates::deferral_date(sentence, any_day).is_some()
        || crate::dates::return_date(sentence, any_day).is_some()
}

/// The rep asking whether to come back on a later date they name ("want me to ping you again
/// in feb?", "shall I check back in January?", "soll ich mich im Februar wieder melden?",
/// "voulez-vous que je vous recontacte en février ?"), in eight languages: left unanswered, the
/// offer stands, and the follow-up comes on that date.
fn offers_to_recontact_later(sentence: &str) -> bool {
    if !sentence.trim_end().ends_with('?') {
        return false;
    }
    // Read on every sentence that is a question: through a `Haystack`.
    static RE: OnceLock<Pattern> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Pattern::new(Regex::new(r"(?i)\b((want|would\s+you\s+like|shall|should|ok\s+if|okay\s+if|is\s+it\s+ok\s+if|do\s+you\s+want)\s+(me\s+to\s+|i\s+)?(ping|check\s+(back\s+)?in|check\s+back|reach\s+(back\s+)?out|follow\s+up|circle\s+back|touch\s+base|reconnect|get\s+back\s+to\s+you|come\s+back\s+to\s+you|write|email)|soll(en)?\s+(ich|wir)\s+(mich|uns)\s+.{0,30}\b(melden|zur[üu]ckmelden)|soll\s+ich\s+.{0,30}\b(nachhaken|nachfragen)|(voulez|veux|souhaitez|souhaites)[- ](vous|tu)\s+que\s+je\s+(vous|te)\s+(recontacte|relance|[ée]crive|revienne)|(quiere|quieres|prefiere|prefieres)\s+que\s+(le|te)\s+(escriba|contacte|vuelva\s+a\s+escribir)|(vuole|vuoi|preferisce|preferisci)\s+che\s+(la|ti|le)\s+(ricontatti|riscriva|risenta)|(zal|mag)\s+ik\s+.{0,30}\b(contact\s+opnemen|terugkomen|mailen)|(wilt\s+u|wil\s+je)\s+dat\s+ik\s+.{0,30}\b(contact\s+opneem|terugkom|mail)|(quer|prefere)\s+que\s+(eu\s+)?(volte\s+a\s+(contactar|escrever|falar)|(o|a|te|lhe)\s+contacte)|ska\s+jag\s+(h[öo]ra\s+av\s+mig|[åa]terkomma|mejla)|vill\s+du\s+att\s+jag\s+(h[öo]r\s+av\s+mig|[åa]terkommer|mejlar))")
            .expect("offer-to-recontact regex"))
    });
    re.is_match(&Haystack::new(sentence)) && names_a_later_time(sentence)
}

/// What the model reads in one text.
struct TextReading {
    /// The reason and the sentence that stated it most strongly.
    best: Option<(String, String, f32)>,
    candidates: Vec<(String, f32)>,
    expects_reply: bool,
    sentences: Vec<(String, Probs)>,
}

/// What the whole reader (the model and the rules around it) makes of one sentence read as a
/// rep's email: a reason, none (no answer expected), or an abstention (the rep is asked for a
/// tag). The corpus evaluation measures this as well as the model alone.
pub fn reader_verdict(sentence: &str) -> Verdict {
    let priority: Vec<String> = DEFAULT_PRIORITY.iter().map(|s| s.to_string()).collect();
    let r = read_text(sentence, &priority);
    match r.best {
        Some((name, _, _)) => model::class_index(&name).map_or(Verdict::Abstain, Verdict::Reason),
        None if r.expects_reply || !r.candidates.is_empty() => Verdict::Abstain,
        None => Verdict::NoReason,
    }
}

/// Read one message's own text with the sentence model. Among the reasons stated with
/// confidence, `priority` picks (a deferral decides *when*, a decision maker *who*, a document
/// *what*); with none confident, the leading candidates are kept for the note.
fn read_text(text: &str, priority: &[String]) -> TextReading {
    let split = model_sentences(text);
    let won = split.iter().any(|s| closes_won(s));
    let sents: Vec<(String, Probs)> = split
        .into_iter()
        .map(|s| {
            // Confirming that something was cancelled or removed, as the prospect asked, ends
            // that thread of business: it states no reason, whatever it names.
            // So does confirming a meeting already agreed ("ti mando subito l'invito per
            // martedì alle 15", "see you Tuesday"): the next step is the meeting itself.
            // Certainty of one class, where a rule reads the sentence better than the model.
            let only = |name: &str| {
                let mut one = [0f32; CLASSES.len()];
                one[model::class_index(name).unwrap_or(NONE)] = 1.0;
                one
            };
            // So does what the rep's own people have done, and, once the deal is won, the
            // thanks for it and their getting in touch to onboard.
            let p = if closes_down(&s)
                || (confirms_meeting(&s) && !awaits_a_step(&s))
                || copies_prospect_in(&s)
                || shares_for_reference(&s)
                || wishes_a_good_time(&s)
                || answers_thanks(&s)
                || (own_team_has_done(&s)
                    && !crate::draft::value::promises_to_send(&s)
                    && !crate::message::text::hands_over(&s)
                    && !hands_over_or_readies(&s))
                || (won && (closes_won(&s) || own_team_will_contact(&s)))
                // "Har du hunnit titta på det?": a check-in naming nothing states no reason
                // (the model hears "look at", as in a review).
                || (is_nudge(&s) && model::names_nothing(&s))
            {
                only("none")
            } else if opens_time_boxed_access(&s) {
                only("trial")
            } else {
                let p = model::classify_shipped(&s);
                let top = (0..CLASSES.len()).max_by(|&a, &b| p[a].total_cmp(&p[b]));
                // Information owed: what the rep's side will deliver ("I've passed it to our
                // security team and they'll have it back to you by Friday": on its way, named
                // or not); the rep finding something out and coming back with it ("Ik zoek
                // bij onze technici uit … en kom er deze week bij je op terug": not a wait
                // for someone's return, though the model hears "terug", "back"); so is
                // checking with the rep's own people ("I'll check with our legal team and
                // get back to you by Friday": nobody on the prospect's side decides, though
                // the model hears "legal team").
                if (verdict(&p) == Verdict::NoReason
                    && names_own_side(&s)
                    && crate::draft::value::promises_to_send(&s))
                    || (top.is_some_and(|t| {
                        matches!(CLASSES[t], "away" | "timing" | "none")
                            || (CLASSES[t] == "information" && verdict(&p) == Verdict::Abstain)
                            || (CLASSES[t] == "decision_maker" && names_own_side(&s))
                    }) && finds_out_and_returns(&s))
                {
                    only("information")
                } else if top.is_some_and(|t| {
                    matches!(CLASSES[t], "meeting" | "information")
                        || verdict(&p) == Verdict::Abstain
                        // "after your board meeting on the 15th", "après le comité": the
                        // rep's own time to come back, whoever meets then ("I'll wait to hear
                        // what she decides" names no moment: the decision is the wait).
                        || (CLASSES[t] == "decision_maker"
                            && (model::names_day(&s) || names_a_moment(&s))
                            && !names_their_decision(&s))
                }) && comes_back_after_their_event(&s)
                {
                    // "I'll loop back after your board meeting on the 15th": the rep has tied
                    // the next step to the prospect's event; there is no meeting to propose
                    // and nothing owed meanwhile ("board meeting", "get back to you" mislead
                    // the model), so it is timing unless a decision or an absence is clearer.
                    only("timing")
                } else if top.is_some_and(|t| {
                    CLASSES[t] == "decision_maker" || verdict(&p) == Verdict::Abstain
                }) && own_team_delivers(&s)
                {
                    // "I'll get our security team to fill in your vendor questionnaire": the
                    // rep's side owes a deliverable; nobody on the prospect's side decides.
                    only("information")
                } else if top.is_some_and(|t| CLASSES[t] == "timing") && recontacts_later(&s) {
                    // "I'll touch base at the end of January then": the rep's own time to come
                    // back, however unsure the model is of the words around it.
                    only("timing")
                } else if offers_to_recontact_later(&s) {
                    // "Want me to ping you again in Feb?": the rep's own later date, asked.
                    only("timing")
                } else if equips_for_their_decision(&s) {
                    // "I've drafted a short business case you can forward to Maria as is": the
                    // material is for someone else's decision (the model hears "business
                    // case", "attached").
                    only("decision_maker")
                } else if asks_who_else_decides(&s) {
                    // "Who else should be part of the evaluation on your side?" asks for the
                    // people who decide, whatever the thing evaluated.
                    only("decision_maker")
                } else if names_booking_link(&s) && crate::message::text::hands_over(&s) {
                    // "Here's the link to book a technical deep-dive with our solutions
                    // engineer: calendly.com/…": a link handed over to book a call asks for
                    // the meeting (the model hears a link, "here's").
                    only("meeting")
                } else if follows_up_unless_answered(&s) && !crate::message::text::hands_over(&s) {
                    // "Je me permets de vous relancer la semaine prochaine si je n'ai pas de
                    // nouvelles d'ici là": the rep's own cadence (the model hears "next week").
                    only("none")
                } else if leads_or_follows(&p, "meeting")
                    && crate::draft::commitment::kind_of(&s) == "sent"
                    && !names_invite(&s)
                    && !names_booking_link(&s)
                    && !names_times(&s)
                    && !asks_for_times(&s)
                    && !invites_to_event(&s)
                {
                    // "come anticipato al telefono, Le invio l'offerta aggiornata": a call named
                    // in passing beside what the sentence hands over is no meeting to book.
                    let object = (0..NONE)
                        .filter(|&r| OBJECT_REASONS.contains(&CLASSES[r]))
                        .max_by(|&a, &b| p[a].total_cmp(&p[b]));
                    meeting_read_as(p, object)
                } else if top.is_some_and(|t| OBJECT_REASONS.contains(&CLASSES[t]))
                    && model::agreed_meeting(&s)
                    && model::names_meeting(&s)
                    && !crate::message::text::hands_over(&s)
                {
                    // "I'll give you a call on Tuesday the 24th at 2pm to walk through the
                    // numbers": the call agreed for a day is the next step, whatever it will
                    // go through (the model hears "numbers").
                    only("meeting")
                } else if invites_to_event(&s) {
                    // "I've reserved a spot for you at our customer roundtable on January 21 -
                    // agenda attached": an invitation to a day already set (the model hears
                    // "agenda attached").
                    only("meeting")
                } else if top.is_some_and(|t| CLASSES[t] == "information")
                    && crate::message::text::hands_over(&s)
                    && !names_invite(&s)
                {
                    // "I've shared the Loom walkthrough of the approval flow here: <link>": a
                    // walkthrough or a recording handed over is something to read or watch,
                    // not a call to book (the model hears "walkthrough", "demo").
                    meeting_read_as(p, model::class_index("information"))
                } else if top.is_some_and(|t| CLASSES[t] == "trial")
                    && names_only_a_security_test(&s)
                {
                    // "Our latest pen test summary (October, by NCC Group) is attached": a
                    // security document, not a trial (the model hears "test").
                    only("information")
                } else if proposes_to_meet_in_person(&s) {
                    // "Would be great to grab a coffee and show you the new features in person"
                    // at a trade fair the rep names: a meeting, though the model hears an
                    // absence in the conference.
                    only("meeting")
                } else if top.is_some_and(|t| CLASSES[t] == "proposal") && names_only_an_nda(&s) {
                    // "Our report is under NDA, so I've sent you our mutual NDA via DocuSign -
                    // once it's signed I'll send the report straight over": a confidentiality
                    // agreement is the way to what was asked, not the deal's contract (the
                    // model hears "DocuSign", "signed").
                    only("information")
                } else {
                    p
                }
            };
            (s, p)
        })
        .collect();
    // The rep waived an answer outright: nothing to follow up, whatever the email names.
    if sents.iter().any(|(s, _)| waives_reply(s)) && !text.contains('?') {
        return TextReading {
            best: None,
            candidates: Vec::new(),
            expects_reply: false,
            sentences: sents,
        };
    }
    let mut best_p = [0f32; NONE];
    let mut best_s = [usize::MAX; NONE];
    let mut strong = [false; NONE];
    let waits = |r: usize| CLASSES[r] == "away" || CLASSES[r] == "timing";
    // A postscript is an aside ("P.S. We're hosting a webinar next week, in case it's of
    // interest"): what it offers does not outrank what the body of the email states. A date in
    // it still counts ("PS: I'm out until the 9th").
    let postscript = sents
        .iter()
        .position(|(s, _)| starts_postscript(s))
        .filter(|&k| {
            sents[..k]
                .iter()
                .any(|(_, p)| matches!(verdict(p), Verdict::Reason(r) if !waits(r)))
        });
    for (i, (_, p)) in sents.iter().enumerate() {
        let aside = postscript.is_some_and(|k| i >= k);
        for r in (0..NONE).filter(|&r| !aside || waits(r)) {
            if p[r] > best_p[r] {
                best_p[r] = p[r];
                best_s[r] = i;
            }
        }
        if let Verdict::Reason(r) = verdict(p) {
            strong[r] |= !aside || waits(r);
        } else if let Some(r) = wait_family(p) {
            strong[r] = true;
        }
    }
    // "No budget until the new fiscal year starts in April. I'll reach out again in March so we
    // can plan ahead of it.": when the rep says when they will come back, that is the wait,
    // not the prospect's date they recap.
    for r in (0..NONE).filter(|&r| waits(r) && strong[r]) {
        let promised = sents.iter().enumerate().rev().find(|(i, (s, p))| {
            postscript.is_none_or(|k| *i < k)
                && (0..CLASSES.len())
                    .max_by(|&a, &b| p[a].total_cmp(&p[b]))
                    .is_some_and(|t| t == r)
                && crate::draft::commitment::kind_of(s) == "promised"
        });
        if let Some((i, (_, p))) = promised {
            (best_s[r], best_p[r]) = (i, p[r]);
        }
    }
    let rank = |r: usize| {
        priority
            .iter()
            .position(|x| x == CLASSES[r])
            .unwrap_or(usize::MAX)
    };
    // A later date only wins over another reason the text states when its sentence defers:
    // a rep who recaps "budget is set in January" and asks for a call now is not waiting.
    if (0..NONE).any(|r| strong[r] && !waits(r)) {
        for r in (0..NONE).filter(|&r| waits(r)) {
            if !strong[r] {
                continue;
            }
            let deferring = sents
                .iter()
                .enumerate()
                .filter(|(_, (s, p))| {
                    (wait_family(p) == Some(r) || verdict(p) == Verdict::Reason(r))
                        && model::defers(s)
                })
                .max_by(|a, b| a.1 .1[r].total_cmp(&b.1 .1[r]));
            match deferring {
                Some((i, (_, p))) => (best_s[r], best_p[r]) = (i, p[r]),
                None => strong[r] = false,
            }
        }
    }
    // A hand-over that names nothing ("Please find attached.") says nothing about what was
    // handed over: that is for the subject or the prospect's request to tell.
    // A longer sentence the model reads with near certainty has named it in words no lexicon
    // lists ("Here's an honest comparison of where we're stronger and where Gong is: …").
    for r in (0..NONE).filter(|&r| OBJECT_REASONS.contains(&CLASSES[r])) {
        if strong[r] {
            let (s, p) = &sents[best_s[r]];
            let named_in_words = p[r] >= NAMED_IN_WORDS && model::tokens(s).len() > 8;
            if model::bare_hand_over(s) && !named_in_words {
                strong[r] = false;
            }
        }
    }
    // Nor does an offer to hear comments or help further beside it ("Attached. Let me know if
    // your security team needs anything else."): who may have questions is no decision the
    // thread waits on when the email hands something over.
    // Whether any sentence hands something over (asked at most twice below, when needed).
    let hands_over = || {
        sents
            .iter()
            .any(|(s, _)| crate::message::text::hands_over(s))
    };
    if let Some(dm) = model::class_index("decision_maker") {
        if strong[dm] && invites_comments(&sents[best_s[dm]].0) && hands_over() {
            strong[dm] = false;
        }
    }
    // A call offered as an option ("If it helps, I can walk you through it on a call") is not
    // what an email that owes or hands over something else is about.
    if let Some(mt) = model::class_index("meeting") {
        if strong[mt]
            && offers_optional_call(&sents[best_s[mt]].0)
            && (0..NONE).any(|r| r != mt && strong[r] && !waits(r))
        {
            strong[mt] = false;
        }
    }
    // Nor is a sentence the model reads as a meeting that names none and asks nothing, beside
    // what the email hands over ("NetSuite: yes, native connector, syncs every 15 minutes. …
    // I've included screenshots of both in the attached PDF": the model hears "minutes").
    if let Some(mt) = model::class_index("meeting") {
        let s = sents.get(best_s[mt]).map_or("", |(s, _)| s.as_str());
        if strong[mt]
            && !s.contains('?')
            && !model::names_meeting(s)
            && !asks_for_times(s)
            && !names_times(s)
            && !invites_to_event(s)
            && !names_booking_link(s)
            && (0..NONE).any(|r| r != mt && strong[r] && !waits(r))
            && hands_over()
        {
            strong[mt] = false;
        }
    }
    // So is any offer made only if wanted ("Happy to adjust the numbers if she wants a
    // different scenario" after a business case handed over): an option beside the email's
    // point, whatever it offers, when another reason is stated outright. Not an offer to
    // take someone through it ("Happy to walk your CFO through the assumptions"): that names
    // who decides.
    for r in (0..NONE).filter(|&r| !waits(r) && !matches!(CLASSES[r], "meeting" | "decision_maker"))
    {
        if strong[r]
            && offers_optional_call(&sents[best_s[r]].0)
            && (0..NONE).any(|o| {
                o != r && strong[o] && !waits(o) && !offers_optional_call(&sents[best_s[o]].0)
            })
        {
            strong[r] = false;
        }
    }
    // The rep asked the prospect to pick a time and hands nothing over ("As a next step, I'll
    // connect you with our implementation lead so she can walk you through the migration
    // plan. Let me know a couple of times that work next week."): booking it is the next
    // step, and what the rep only promised (the plan, the trial) comes up in that call. A
    // follow-up that says "the material I promised" would answer the wrong question. So does
    // what the email only states ("The pilot is wrapping up on Friday. Could we schedule 30
    // minutes next week to go through the results?"): the call is what is asked.
    if let Some(mt) = model::class_index("meeting") {
        let ask = sents.iter().position(|(s, _)| asks_to_book(s));
        if let Some(i) = ask.filter(|_| !hands_over()) {
            // So is a decision maker whose sentence is the meeting being set up ("our CEO would
            // be happy to join a call with your leadership team. Could you share a few times
            // that work for them?"): the people are named to book them.
            let promised: Vec<usize> = (0..NONE)
                // (Only a strong reason has a sentence: a text whose every sentence a rule
                // read as certain of one class leaves the others with none.)
                .filter(|&r| strong[r])
                .filter(|&r| {
                    let s = &sents[best_s[r]].0;
                    (OBJECT_REASONS.contains(&CLASSES[r])
                        && crate::draft::commitment::kind_of(s) != "sent")
                        || (CLASSES[r] == "decision_maker" && model::names_meeting(s))
                })
                .collect();
            if !promised.is_empty() || !strong.contains(&true) {
                for r in promised {
                    strong[r] = false;
                }
                strong[mt] = true;
                best_s[mt] = i;
                best_p[mt] = sents[i].1[mt].max(model::CONFIDENT[mt]);
            }
        }
    }
    // A trial that waits on someone's approval ("Sobald Ihr Geschäftsführer die Freigabe
    // erteilt hat, können wir mit dem Testbetrieb starten") is that person's decision first:
    // the trial hasn't begun, so helping with it is not the next step.
    if let (Some(dm), Some(tr)) = (
        model::class_index("decision_maker"),
        model::class_index("trial"),
    ) {
        // So is a trial still to be set up once something else is settled ("You're aligning
        // with your CTO this week. Once that's settled, we'll scope the pilot together.").
        if strong[dm]
            && strong[tr]
            && (model::names_trial(&sents[best_s[dm]].0) || starts_once(&sents[best_s[tr]].0))
        {
            strong[tr] = false;
        }
    }
    // Among what the email is about (not when to come back), a reason stated far more clearly
    // than the one ranked first wins: "The contract is ready for signature" (proposal, 1.00)
    // over "Let me know if legal has any comments" (decision_maker, 0.84).
    let best = (0..NONE)
        .filter(|&r| strong[r])
        .min_by_key(|&r| rank(r))
        .map(|first| {
            if waits(first) {
                return first;
            }
            // In a list of next steps, the rep's own line ("Me: send the revised quote") is
            // what the rep owes, whatever the others' lines name.
            let own_line: Vec<usize> = (0..NONE)
                .filter(|&r| strong[r] && !waits(r) && is_own_step(&sents[best_s[r]].0))
                .collect();
            if let [mine] = own_line.as_slice() {
                return *mine;
            }
            // "The contract is ready for signature. Let me know if legal has any comments.":
            // an offer to hear someone's comments does not outrank what the email hands over.
            // A call set up to answer the decider's questions ("Would it help if I set up a
            // short call with Jim to answer his questions directly?") is no such offer.
            if CLASSES[first] == "decision_maker"
                && invites_comments(&sents[best_s[first]].0)
                && !model::names_meeting(&sents[best_s[first]].0)
            {
                if let Some(other) = (0..NONE)
                    .filter(|&r| r != first && strong[r] && !waits(r))
                    .max_by(|&a, &b| best_p[a].total_cmp(&best_p[b]))
                {
                    return other;
                }
            }
            // Among those stated about as clearly as each other (a proposal "covering" a list
            // of seat counts), the priority decides again.
            let clearer: Vec<usize> = (0..NONE)
                .filter(|&r| strong[r] && !waits(r) && best_p[r] >= best_p[first] + 0.1)
                .collect();
            let clearest = clearer.iter().map(|&r| best_p[r]).fold(0f32, f32::max);
            clearer
                .into_iter()
                .filter(|&r| best_p[r] >= clearest - 0.05)
                .min_by_key(|&r| rank(r))
                .unwrap_or(first)
        })
        .map(|r| {
            let sentence = sents[best_s[r]].0.clone();
            // Waiting for someone to come back is `away`, whatever else the date is tied to.
            let name = if CLASSES[r] == "timing" && waits_for_return(&sentence) {
                "away"
            } else if CLASSES[r] == "away" && !waits_for_return(text) && !model::names_absence(text)
            {
                // "Je reviendrai vers vous la semaine suivante" after a committee date: the
                // rep comes back, nobody is away ("revenir" is not a return from a trip).
                "timing"
            } else if CLASSES[r] == "meeting" && recontacts_later(&sentence) {
                // "I'll pencil in a check-in for the week of January 11th": the rep comes back
                // on a date of their own, nothing to schedule with the prospect now.
                "timing"
            } else {
                CLASSES[r]
            };
            (name.to_string(), sentence, best_p[r])
        });
    let mut candidates: Vec<(String, f32)> = (0..NONE)
        .filter(|&r| best_p[r] >= CANDIDATE)
        .map(|r| (CLASSES[r].to_string(), best_p[r]))
        .collect();
    candidates.sort_by(|a, b| b.1.total_cmp(&a.1));
    candidates.truncate(2);
    // A check-in asks for an answer with or without its question mark ("Just wanted to check
    // in and see how things are going on your end.").
    let expects_reply = best.is_some()
        || !candidates.is_empty()
        || asks_re().is_match(text)
        || sents.iter().any(|(s, _)| is_nudge(s))
        || sents
            .iter()
            .any(|(s, p)| s.contains('?') && verdict(p) != Verdict::NoReason);
    TextReading {
        best,
        candidates,
        expects_reply,
        sentences: sents,
    }
}

fn finding(
    reason: String,
    source: Source,
    commitment: Option<String>,
    why: String,
    at: Option<chrono::DateTime<chrono::Utc>>,
) -> Finding {
    Finding {
        reason,
        source,
        commitment,
        learned_from: None,
        why,
        at,
    }
}

/// The reasons a hand-over's subject may give: what was handed over.
const OBJECT_REASONS: [&str; 4] = ["pricing", "proposal", "information", "trial"];

/// The reason named by the subject of the rep's message when its text hands something over
/// without naming it and states no reason of its own.
fn subject_reading(m: &Mail, text: &str, priority: &[String]) -> Option<Finding> {
    let handover = model_sentences(text)
        .into_iter()
        .find(|s| crate::message::text::hands_over(s))?;
    let subject = crate::message::text::base_subject(&m.subject);
    // The hand-over is stated; the subject only has to say what it was. A subject that names
    // an object ("Contract for signature") needs the model's lead, not its full confidence.
    let named = model::names_an_object(&subject).then(|| {
        let probs = model::classify_shipped(&subject);
        OBJECT_REASONS
            .iter()
            .filter_map(|r| Some((*r, probs[model::class_index(r)?])))
            .filter(|(_, p)| *p >= 0.5)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(r, p)| (r.to_string(), p))
    });
    let (reason, p) = match named.flatten() {
        Some(hit) => hit,
        None => read_text(&subject, priority)
            .best
            .filter(|(r, ..)| OBJECT_REASONS.contains(&r.as_str()))
            .map(|(r, _, p)| (r, p))?,
    };
    Some(finding(
        reason,
        Source::RepText,
        Some(handover),
        format!(
            "the rep's hand-over, with the subject \"{subject}\" naming it (model score {p:.2})"
        ),
        m.date,
    ))
}

/// The rep's messages a reading goes through, newest first, and their own texts.
struct RepTexts<'a> {
    texts: &'a [String],
    mails: &'a [&'a Mail],
    /// How many of them are the unanswered run.
    run: usize,
    priority: &'a [String],
}

impl RepTexts<'_> {
    /// Read the messages in `range` until one states a reason (then `true`, with the finding
    /// set); `expects` gathers whether the unanswered run asks for an answer.
    fn read(
        &self,
        range: std::ops::Range<usize>,
        reading: &mut Reading,
        expects: &mut bool,
    ) -> bool {
        for i in range {
            let r = read_text(&self.texts[i], self.priority);
            if i == 0 {
                reading.sentences = r.sentences;
            }
            if i < self.run {
                *expects |= r.expects_reply;
            }
            // (A hand-over naming no object is no reason here: `read_text` leaves it to the
            // subject and the prospect's request, read after the unanswered run.)
            if let Some((reason, sentence, p)) = r.best {
                reading.finding = Some(finding(
                    reason,
                    Source::RepText,
                    Some(sentence),
                    format!("the rep's own words (model score {p:.2})"),
                    self.mails[i].date,
                ));
                return true;
            }
            if reading.candidates.is_empty() {
                reading.candidates = r.candidates;
            }
        }
        false
    }
}

/// The rep says they themselves will be away ("I'm out of office from Dec 1-4", "ich bin bis
/// zum 7. nicht im Büro", "je serai en déplacement", "estaré fuera", "sarò in ferie", "ik ben
/// met vakantie", "estarei de férias", "jag är ledig"), in eight languages.
pub fn rep_is_away(sentence: &str) -> bool {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        Pattern::new(Regex::new(r"(?i)\b((i'?m|i\s+am|i'?ll\s+be|i\s+will\s+be)\s+(out\s+of\s+(the\s+)?office|ooo|out|away|travell?ing|on\s+(holiday|vacation|leave|pto)|off)\b|ich\s+bin\s+(\S+\s+){0,4}(nicht\s+im\s+b[üu]ro|im\s+urlaub|unterwegs|abwesend)|je\s+(suis|serai)\s+(absent|absente|en\s+(d[ée]placement|cong[ée]s?|vacances))|(estoy|estar[ée])\s+(fuera|de\s+viaje|de\s+vacaciones)|(sono|sar[òo])\s+(fuori\s+ufficio|in\s+ferie|in\s+viaggio|assente)|ik\s+ben\s+(\S+\s+){0,3}(afwezig|op\s+reis|met\s+vakantie|niet\s+op\s+kantoor)|(estou|estarei)\s+(fora|de\s+f[ée]rias|ausente|em\s+viagem)|jag\s+([äa]r|kommer\s+att\s+vara)\s+(borta|ledig|bortrest|p[åa]\s+resa|p[åa]\s+semester))")
            .expect("rep-away regex"))
    })
    .is_match(&Haystack::new(sentence))
}

/// The rep promising to follow up on their return ("I'll follow up then", "ich melde mich
/// nach meiner Rückkehr", "je reviens vers vous à mon retour", "te escribo a mi vuelta"), in
/// eight languages.
pub fn follows_up_on_return(sentence: &str) -> bool {
    static RE: OnceLock<Pattern> = OnceLock::new();
    crate::draft::commitment::kind_of(sentence) == "promised"
        && RE
            .get_or_init(|| {
                Pattern::new(Regex::new(r"(?i)\b(then|when\s+i'?m\s+back|once\s+i'?m\s+back|on\s+my\s+return|when\s+i\s+(get\s+back|return)|after\s+(that|my\s+return)|dann|danach|nach\s+meiner\s+r[üu]ckkehr|wenn\s+ich\s+(wieder\s+)?zur[üu]ck\s+bin|[àa]\s+mon\s+retour|d[èe]s\s+mon\s+retour|a\s+mi\s+(vuelta|regreso)|cuando\s+vuelva|al\s+mio\s+(rientro|ritorno)|quando\s+torno|als\s+ik\s+(weer\s+)?terug\s+ben|na\s+mijn\s+terugkeer|daarna|no\s+meu\s+regresso|quando\s+(eu\s+)?voltar|depois\s+disso|n[äa]r\s+jag\s+[äa]r\s+tillbaka|efter\s+det)\b")
                    .expect("on-return regex"))
            })
            .is_match(&Haystack::new(sentence))
}

/// The rep's own break-up note ("I haven't heard back, so I'll assume the timing isn't right",
/// "dies ist vorerst meine letzte Nachricht", "je ne vous relancerai plus"), in eight
/// languages: the rep closed the loop by hand, so no further follow-up is drafted.
pub fn closes_the_loop(text: &str) -> bool {
    // Said outright: my last email, I won't reach out again, I'm closing your file.
    static OUTRIGHT: OnceLock<Regex> = OnceLock::new();
    // "I'll assume …" with a negation: a break-up only when it is about the timing, the
    // interest or another choice ("I'll assume you're not free on Monday" is none).
    static ASSUME: OnceLock<Regex> = OnceLock::new();
    static TOPIC: OnceLock<Regex> = OnceLock::new();
    let outright = OUTRIGHT.get_or_init(|| {
        bare(r"(?i)\b((this|that)\s+(will\s+be|is)\s+my\s+(last|final)\s+(email|e-mail|note|message|follow-?up)|i\s+won'?t\s+(reach\s+out|follow\s+up|email\s+you|bother\s+you|keep\s+(chasing|emailing|following))|i'?ll\s+stop\s+(reaching\s+out|following\s+up|emailing|chasing)|i'?ll\s+(close|mark)\s+(your|the|this)\s+(file|thread|opportunity|deal)|closing\s+(the\s+loop|your\s+file|the\s+file)|(dies|das)\s+ist\s+(vorerst\s+|erst\s+einmal\s+)?meine\s+letzte\s+(e-?mail|nachricht|mail)|(werde\s+ich\s+mich|melde\s+ich\s+mich)\s+(vorerst\s+)?nicht\s+(mehr|weiter)|schlie(ß|ss)e\s+ich\s+(das\s+thema|den\s+vorgang|die\s+akte)|(ce\s+sera|c'est|ceci\s+est)\s+(mon\s+dernier\s+(message|e-?mail|mail)|ma\s+derni[èe]re\s+relance)|je\s+ne\s+(vous|te)\s+relancerai\s+plus|je\s+(cl[ôo]s|cl[ôo]ture|ferme)\s+(le|ce|votre)\s+dossier|(este\s+es|ser[áa])\s+mi\s+[úu]ltimo\s+(correo|mensaje|e-?mail)|no\s+(le|te|les)\s+(escribir[ée]|molestar[ée]|contactar[ée])\s+m[áa]s|(questa\s+[èe]|sar[àa])\s+(la\s+mia\s+)?ultima\s+(e-?mail|mail|comunicazione)|non\s+(la|ti|vi)\s+disturber[òo]\s+pi[ùu]|(dit\s+is|dit\s+wordt)\s+(voorlopig\s+)?mijn\s+laatste\s+(mail|e-?mail|bericht)|ik\s+(zal|ga)\s+(u|je|jullie)\s+niet\s+(meer|verder)\s+(mailen|lastigvallen|benaderen|storen)|(este\s+[ée]|ser[áa])\s+o\s+meu\s+[úu]ltimo\s+(e-?mail|contacto|contato)|n[ãa]o\s+(o|a|te|lhe)\s+(vou\s+)?incomodar\s+mais|(detta|det\s+h[äa]r)\s+([äa]r|blir)\s+mitt\s+sista\s+(mejl|mail|meddelande)|jag\s+h[öo]r\s+inte\s+av\s+mig\s+(mer|igen))")
            .expect("close-the-loop regex")
    });
    let assume = ASSUME.get_or_init(|| {
        bare(r"(?i)\b(i'?ll\s+(assume|take\s+it)\b[^.?!]{0,50}\b(isn'?t|is\s+not|wasn'?t|aren'?t|are\s+not|not|no\s+longer|another|elsewhere|moved\s+on|went\s+with|gone\s+with)|(gehe\s+ich|ich\s+gehe)\s+davon\s+aus,?\s+dass\b[^.?!]{0,50}\b(nicht|kein|keine|anders)\b|je\s+(vais\s+)?(consid[ée]rer|supposer|en\s+conclure|pars\s+du\s+principe)\s+que\b[^.?!]{0,50}\b(pas|plus|autre)\b|(asumir[ée]|supongo|entiendo|doy\s+por\s+hecho)\s+que\b[^.?!]{0,50}\bno\b|(presumo|immagino|suppongo|deduco)\s+che\b[^.?!]{0,50}\bnon\b|(ik\s+ga\s+ervan\s+uit|ga\s+ik\s+ervan\s+uit|neem\s+ik\s+aan|ik\s+neem\s+aan)\s+dat\b[^.?!]{0,50}\b(niet|geen)\b|(vou\s+assumir|presumo|suponho|assumo)\s+que\b[^.?!]{0,50}\bn[ãa]o\b|(jag\s+antar|antar\s+jag|utg[åa]r\s+jag\s+fr[åa]n|jag\s+utg[åa]r\s+fr[åa]n)\s+att\b[^.?!]{0,50}\b(inte|ingen)\b)")
            .expect("assume regex")
    });
    let topic = TOPIC.get_or_init(|| {
        bare(r"(?i)\b(timing|time|moment|priorit\w*|interest\w*|another|elsewhere|moved\s+on|went\s+with|gone\s+with|zeitpunkt|interesse|thema|momento|inter[ée]s|prioridad\w*|tempo|tijd|prioriteit\w*|interesse|tidpunkt\w*|l[äa]ge|intresse)")
            .expect("topic regex")
    });
    // "I won't bother you until it's out the door": a pause until then, not a break-up.
    static UNTIL: OnceLock<Regex> = OnceLock::new();
    let until = UNTIL.get_or_init(|| {
        bare(r"(?i)^\W*(\w+\W+){0,3}(until|till|before|bis|avant|jusqu'[àa]|hasta|antes\s+de|fino\s+a|prima\s+(di|che)|tot|voordat|at[ée]|antes\s+que|f[öo]rr[äa]n|tills)\b")
            .expect("until regex")
    });
    sentences(text).iter().any(|s| {
        outright
            .find(s)
            .is_some_and(|m| !until.is_match(&s[m.end()..]))
            || (assume.is_match(s) && topic.is_match(s))
    })
}

/// The prospect's promise to look at something or come back ("Will take a look next week",
/// "La reviso con mi socio y te digo algo la semana que viene", "Ich melde mich bis Freitag"),
/// in eight languages, with no question besides it: the sentence, for its date.
pub fn promise_to_review(text: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        bare(r"(?i)\b(\band\s+(let\s+you\s+know|get\s+back\s+to\s+you|come\s+back\s+to\s+you|revert|report\s+back)|(they'?ll|they\s+will|he'?ll|she'?ll|he\s+will|she\s+will)\s+(review|look\s+(at|into|over)|go\s+(through|over)|get\s+back\s+to\s+you)|(i'?ll|we'?ll|i\s+will|we\s+will)\s+(get|have)\s+it\s+(signed|approved|countersigned)|(und|dann)\s+melde\s+(ich\s+)?mich|ich\s+(schaue|sehe|gucke)\s+(\S+\s+){0,6}(an|durch)|(i'?ll|i\s+will|we'?ll|we\s+will|will)\s+(take\s+a\s+(\w+\s+)?look|have\s+a\s+(\w+\s+)?look|look\s+(at|into|over)\s+(it|this|them|the\s+\w+)|review\s+(it|this|them|the\s+\w+)|go\s+(through|over)\s+(it|this|them|the\s+\w+)|read\s+(it|this|through)|get\s+back\s+to\s+you|revert|come\s+back\s+to\s+you|circle\s+back|be\s+in\s+touch|let\s+you\s+know)|ich\s+(schaue|sehe|gucke)\s+(mir\s+)?\S+(\s+\S+)?\s+(an|durch)|ich\s+melde\s+mich|wir\s+melden\s+uns|(ich|wir)\s+geben?\s+(ihnen|dir)\s+(\S+\s+){0,2}bescheid|ich\s+komme\s+(\S+\s+){0,3}auf\s+(sie|dich)\s+zur[üu]ck|je\s+(regarde|vais\s+regarder|jette|vais\s+jeter|lis|vais\s+lire)|je\s+(vous|te)\s+(redis|tiens\s+au\s+courant|fais\s+un\s+retour)|(je\s+reviens|nous\s+revenons|je\s+reviendrai)\s+vers\s+(vous|toi)|(lo|la|los|las)\s+(reviso|miro|veo|leo|revisamos|miramos)|(te|le|os|les)\s+(digo\s+algo|contesto|respondo|escribo|aviso)|(lo|la|li|le)\s+(guardo|leggo|vedo|guardiamo)|(ti|le|vi)\s+(faccio|facciamo)\s+sapere|(ti|le|vi)\s+(rispondo|scrivo|ricontatto)|ik\s+(kijk|bekijk|lees)|ik\s+kom\s+(er\s+)?(\S+\s+){0,2}(op\s+)?terug|ik\s+laat\s+(het\s+)?(je|u)\s+(\S+\s+){0,3}weten|vou\s+(ver|analisar|rever|olhar|ler)|(te|lhe)\s+(dou|darei)\s+(um\s+)?(retorno|resposta)|dou-lhe\s+(uma\s+)?resposta|volto\s+a\s+falar|jag\s+(tittar|kollar|l[äa]ser)|jag\s+[åa]terkommer|vi\s+[åa]terkommer|jag\s+h[öo]r\s+av\s+mig)\b")
            .expect("promise-to-review regex")
    });
    let sents = sentences(text);
    if sents.iter().any(|s| s.trim_end().ends_with('?')) {
        return None;
    }
    sents.into_iter().find(|s| re.is_match(s))
}

/// The prospect closing the deal in their own words, in eight languages: the signed contract
/// or order handed over ("Attached is the signed order form", "anbei der unterschriebene
/// Auftrag", "ci-joint le bon de commande signé", "in allegato l'ordine firmato"), not a
/// signature to come ("once the contract is signed", "sobald der Vertrag unterschrieben ist").
fn closes_the_deal(text: &str) -> bool {
    static SIGNED: OnceLock<Regex> = OnceLock::new();
    static TO_COME: OnceLock<Regex> = OnceLock::new();
    let signed = SIGNED.get_or_init(|| {
        bare(r"(?i)\b((signed|countersigned|executed)\s+(copy\s+of\s+the\s+)?(contract|order(\s+form)?|agreement|purchase\s+order|po|sow|msa|quote|proposal)|(signed|countersigned|executed)\s+(copy|version|documents?|paperwork)\s+(is\s+)?(attached|enclosed|below|sent|back)|(here'?s|attached\s+(is|are)|please\s+find)\s+(the\s+|our\s+)?(signed|countersigned|executed)\b|(unterschrieben|unterzeichnet)\w*\s+(exemplar|kopie|version|unterlagen)|copie\s+sign[ée]e|copia\s+(firmada|firmata)|(getekende|ondertekende)\s+(kopie|versie)|c[óo]pia\s+assinada|(signerad|underskriven)\s+kopia|(contract|order(\s+form)?|agreement|purchase\s+order|sow|msa|quote|proposal)\s+(is\s+|has\s+been\s+)?(signed|countersigned|executed)|po\s+(is\s+)?(attached|issued|raised)|(unterschrieben|unterzeichnet|gegengezeichnet)e[nrs]?\s+(vertrag|auftrag|bestellung|angebot)|(vertrag|auftrag|bestellung|angebot)\s+(ist\s+)?(unterschrieben|unterzeichnet|gegengezeichnet)|(contrat|bon\s+de\s+commande|devis|commande)\s+sign[ée]\w*|bon\s+pour\s+accord|(contrato|pedido|presupuesto|orden\s+de\s+compra)\s+firmad\w*|(ordine|contratto|preventivo|offerta)\s+firmat\w*|(getekende|ondertekende)\s+(contract|offerte|opdrachtbevestiging|order|bestelling|overeenkomst)|(contract|offerte|opdrachtbevestiging|overeenkomst)\s+(is\s+)?(getekend|ondertekend)|(contrato|encomenda|proposta)\s+assinad\w*|(signerade?|undertecknade?|p[åa]skrivna?)\s+(avtalet|ordern|offerten|avtal|order|offert)|(avtalet|ordern|offerten)\s+([äa]r\s+)?(signerad|signerat|undertecknad|undertecknat|p[åa]skriven|p[åa]skrivet))\b")
            .expect("deal-closed regex")
    });
    let to_come = TO_COME.get_or_init(|| {
        bare(r"(?i)\b(once|when|after|if|will|would|before|sobald|wenn|falls|nachdem|bevor|d[èe]s\s+que|quand|une\s+fois|avant|cuando|en\s+cuanto|una\s+vez|antes|appena|una\s+volta|prima|zodra|nadat|voordat|assim\s+que|depois|n[äa]r|s[åa]\s+snart|innan)\b|\?")
            .expect("to-come regex")
    });
    model_sentences(text)
        .iter()
        .any(|s| signed.is_match(s) && !to_come.is_match(s))
}

/// The prospect says no: another vendor chosen, not interested, not moving forward, in the
/// eight languages.
fn declines(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        bare(r"(?i)\b(decided\s+to\s+go\s+(with|in)\s+(another|a\s+different)|(went|going|gone)\s+with\s+(another|a\s+different)\s+(vendor|provider|supplier|solution|partner|tool|option)|chose\s+(another|a\s+different)|(not|no\s+longer)\s+interested|we('ll|\s+will)\s+pass|decided\s+not\s+to\s+(proceed|move\s+forward|go\s+ahead|pursue)|won't\s+be\s+(moving|going)\s+(forward|ahead)|not\s+moving\s+forward|kein(en)?\s+interesse|f[üu]r\s+einen\s+anderen\s+anbieter\s+entschieden|nicht\s+weiterverfolgen|pas\s+int[ée]ress[ée]|(avons|a)\s+(choisi|retenu)\s+un\s+autre|ne\s+donnerons\s+pas\s+suite|no\s+(estamos|estoy)\s+interesad|(hemos|ha)\s+(elegido|optado\s+por)\s+otr|non\s+(siamo|sono)\s+interessat|(abbiamo|ha)\s+scelto\s+un\s+altr|geen\s+interesse|(hebben|heeft)\s+(gekozen|besloten)\s+voor\s+een\s+andere|n[ãa]o\s+(estamos|estou)\s+interessad|escolhemos\s+outr|optámos\s+por\s+outr|inte\s+intresserad|valt\s+(en\s+annan|ett\s+annat))")
            .expect("decline regex")
    })
    .is_match(text)
}

/// The prospect's own pause when their message is the last word and needs no answer ("not a
/// priority right now; let's pick it up in Q2"): a deferral (`timing` or `away`) with nothing
/// else asked. A rep who never acknowledges it still owes the follow-up when the time comes.
/// `text` is the prospect's own text ([`own_text`] of their message), written `at`.
pub fn prospect_pause(
    text: &str,
    at: Option<chrono::DateTime<chrono::Utc>>,
    rules: &Rules,
) -> Option<Finding> {
    let (reason, sentence) = rules.match_text(text, RuleSet::ProspectDeferral)?;
    if reason != "timing" && reason != "away" {
        return None;
    }
    // A question besides the pause itself ("Can we revisit in January?") wants an answer now.
    if sentences(text)
        .iter()
        .any(|s| s.trim_end().ends_with('?') && *s != sentence)
    {
        return None;
    }
    Some(finding(
        reason,
        Source::ProspectText,
        Some(without_greeting(&sentence)),
        "the prospect's own \"not now\", which asked for no answer".into(),
        at,
    ))
}

/// A body or person who decides, as the subject of deciding ("the management committee
/// decides in January", "die Geschäftsführung entscheidet im Januar", "le comité de direction
/// décidera en janvier", "het directiecomité beslist in januari"), in eight languages: their
/// decision is what the thread waits for, not only the month.
fn body_decides(sentence: &str) -> bool {
    static RE: OnceLock<Pattern> = OnceLock::new();
    RE.get_or_init(|| {
        let roles = rules::ROLES;
        let intl = rules::ROLES_INTL;
        Pattern::new(bare(&format!(
            r"(?i)\b(?:{roles}|{intl})\w*\s+(?:\w+\s+){{0,2}}?(?:decides|will\s+decide|'ll\s+decide|is\s+deciding|makes\s+the\s+(?:call|decision)|entscheidet|entscheiden|wird\s+(?:\w+\s+){{0,2}}entscheiden|d[ée]cide|d[ée]cident|d[ée]cidera|d[ée]cideront|tranchera|decide|deciden|decidir[áa]n?|decider[àa]|decidono|beslist|beslissen|zal\s+(?:\w+\s+){{0,2}}beslissen|vai\s+decidir|v[ãa]o\s+decidir|beslutar|best[äa]mmer|tar\s+beslut\w*|kommer\s+att\s+(?:besluta|best[äa]mma))\b"
        ))
        .expect("body-decides regex"))
    })
    .is_match(&Haystack::new(sentence))
}

/// Decide the reason for a thread. `rep_recent` lists the rep's messages to read, most
/// relevant (the newest unanswered) first, and the first `unanswered` of them are the rep's
/// unanswered run; `prospect_last` is the prospect's last human reply, if any; `examples` are
/// the rep's own tagged messages.
pub fn detect(
    rep_recent: &[&Mail],
    unanswered: usize,
    prospect_last: Option<&Mail>,
    identity: &Identity,
    rules: &Rules,
    examples: &Examples,
) -> Reading {
    let mut reading = Reading {
        expects_reply: true,
        ..Reading::default()
    };
    for m in rep_recent {
        if let Some((reason, source)) = rules.tagged_reason(m, identity) {
            let why = match source {
                Source::Tag => "the rep's tag on the sent message",
                _ => "the rep's plus-tag Bcc",
            };
            reading.finding = Some(finding(reason, source, None, why.into(), m.date));
            return reading;
        }
    }
    let prospect_text = prospect_last.and_then(|p| p.body.as_deref()).map(own_text);
    // "Let's talk next week." answered with "How about Tuesday at 10am or Wednesday at 3pm?"
    // (a question naming a day, or an ask for times): the prospect asked to talk and the rep
    // proposed when, so the call is the reason, not a wait.
    let times_proposed = || {
        rep_recent
            .first()
            // The rep's answer to it, not the message the prospect's pause answered.
            .filter(|m| m.date > prospect_last.and_then(|p| p.date))
            .and_then(|m| m.body.as_deref())
            .map(own_text)
            .is_some_and(|t| {
                model_sentences(&t).iter().any(|s| {
                    asks_to_book(s) || (s.trim_end().ends_with('?') && model::names_day(s))
                })
            })
    };
    if let Some(t) = &prospect_text {
        if let Some((reason, sentence)) = rules
            .match_text(t, RuleSet::ProspectDeferral)
            .filter(|(r, s)| !(r == "timing" && asks_to_talk(s) && times_proposed()))
        {
            // "The management committee decides on this in January": the thread waits for
            // their decision, on that date (the prospect's date holds for any reason of theirs).
            let reason = if reason == "timing" && body_decides(&sentence) {
                "decision_maker".to_string()
            } else {
                reason
            };
            reading.finding = Some(finding(
                reason,
                Source::ProspectText,
                Some(without_greeting(&sentence)),
                "the prospect's own \"not now\"".into(),
                prospect_last.and_then(|p| p.date),
            ));
            return reading;
        }
    }
    let texts: Vec<String> = rep_recent
        .iter()
        .map(|m| m.body.as_deref().map(own_text).unwrap_or_default())
        .collect();
    // The prospect sent the signed order ("in allegato l'ordine firmato. Procediamo!") and the
    // rep's answer asks nothing: the deal is won, whatever the thanks mentions next ("our
    // onboarding lead will reach out to book the kickoff").
    // The rep's unanswered run: what the rep said last is what a follow-up follows.
    let run = unanswered.max(1).min(texts.len());
    if prospect_text.as_deref().is_some_and(closes_the_deal)
        && !texts[..run].iter().any(|t| t.contains('?'))
    {
        reading.expects_reply = false;
        reading.won = true;
        return reading;
    }
    for (t, m) in texts.iter().zip(rep_recent) {
        if let Some((reason, sentence)) = rules.match_text(t, RuleSet::Rep) {
            reading.finding = Some(finding(
                reason,
                Source::RepText,
                Some(sentence),
                "a rule in reasons.rules".into(),
                m.date,
            ));
            return reading;
        }
    }
    for (t, m) in texts.iter().zip(rep_recent) {
        if let Some(hit) = examples.nearest(t) {
            let mut f = finding(
                hit.reason.clone(),
                Source::Learned,
                Some(hit.sentence.clone()),
                format!(
                    "worded like a message the rep tagged `{}` (similarity {:.2}: \"{}\")",
                    hit.reason, hit.similarity, hit.example
                ),
                m.date,
            );
            f.learned_from = Some(hit.message_id.clone());
            reading.finding = Some(f);
            return reading;
        }
    }
    // The unanswered run first.
    let mut expects = false;
    let ctx = RepTexts {
        texts: &texts,
        mails: rep_recent,
        run,
        priority: &rules.priority,
    };
    if ctx.read(0..run, &mut reading, &mut expects) {
        return reading;
    }
    // The rep confirmed a meeting the prospect agreed to ("Perfetto, ti mando subito l'invito
    // per martedì alle 15"): the next step is the meeting, not the reason of an earlier
    // message the prospect has answered.
    if !expects
        && texts
            .first()
            .is_some_and(|t| model_sentences(t).iter().any(|s| confirms_meeting(s)))
    {
        reading.expects_reply = false;
        return reading;
    }
    // A bare hand-over ("Please find attached.") names its object in the subject
    // ("Quote for 50 seats"): read the subject, for a document's reason only.
    if let (Some(m), Some(t)) = (rep_recent.first(), texts.first()) {
        if let Some(f) = subject_reading(m, t, &rules.priority) {
            reading.finding = Some(f);
            return reading;
        }
    }
    // Then what the prospect asked for, when the rep's answer doesn't say ("Will do!",
    // "Sure, here it is: <link>"): it is newer than anything the rep wrote before it.
    if let Some(t) = &prospect_text {
        if let Some((reason, sentence)) = rules.match_text(t, RuleSet::ProspectRequest) {
            reading.finding = Some(finding(
                reason,
                Source::ProspectText,
                Some(without_greeting(&sentence)),
                "what the prospect asked for".into(),
                prospect_last.and_then(|p| p.date),
            ));
            return reading;
        }
        // The prospect said no and the rep took it gracefully: nothing to follow up.
        if !expects && declines(t) {
            reading.expects_reply = false;
            reading.declined = true;
            return reading;
        }
    }
    // Last: the rep's earlier messages, before the prospect's reply.
    if ctx.read(run..texts.len(), &mut reading, &mut expects) {
        return reading;
    }
    // Else the question the prospect asked ("unterstützt Ihre Lösung auch mehrere Mandanten?"),
    // which the rep answered with something to read or a question back: the thread is about
    // that information, though the answer names no reason the reader knows.
    let answers = texts
        .first()
        .is_some_and(|t| expects || crate::message::text::hands_over(t));
    if let (Some(t), true) = (&prospect_text, answers) {
        if let Some(q) = their_question(t) {
            reading.finding = Some(finding(
                "information".into(),
                Source::ProspectText,
                Some(q),
                "the question the prospect asked".into(),
                prospect_last.and_then(|p| p.date),
            ));
            reading.expects_reply = true;
            return reading;
        }
    }
    reading.expects_reply = expects;
    reading
}

/// The prospect's question about the product or the deal, as asked (four words or more; not
/// a time to meet, which the request rules read, nor small talk).
fn their_question(text: &str) -> Option<String> {
    static SMALL_TALK: OnceLock<Regex> = OnceLock::new();
    let small_talk = SMALL_TALK.get_or_init(|| {
        bare(r"(?i)\b(how\s+(are|was|is)\s+(you|your|the\s+(trip|weekend|holiday|flight))|wie\s+geht|comment\s+(allez|vas|[çc]a\s+va)|c[óo]mo\s+(est[áa]s?|va|te\s+fue)|come\s+(stai|sta|va)|hoe\s+gaat|como\s+(est[áa]|vai|correu)|hur\s+(m[åa]r|g[åa]r|var))\b")
            .expect("small-talk question regex")
    });
    sentences(text)
        .into_iter()
        .map(|s| without_greeting(&s))
        .find(|s| {
            s.trim_end().ends_with('?')
                && s.split_whitespace().count() >= 4
                && !asks_to_book(s)
                && !small_talk.is_match(s)
        })
        // Quoted as a sentence ("unterstützt Ihre Lösung…?" after "Hallo Herr Morgan,").
        .map(|s| crate::message::text::sentence_case(&s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Address;

    pub(super) fn rules() -> Rules {
        Rules {
            priority: DEFAULT_PRIORITY.iter().map(|s| s.to_string()).collect(),
            rep_rules: HashMap::new(),
            prospect_rules: default_prospect_rules(),
            request_rules: default_request_rules(),
            aliases: HashMap::new(),
        }
    }

    /// `detect` on the rep's newest message(s), the finding only.
    pub(super) fn det(
        rep: &[&Mail],
        prospect: Option<&Mail>,
        id: &Identity,
        rules: &Rules,
    ) -> Option<Finding> {
        detect(rep, 1, prospect, id, rules, &Examples::default()).finding
    }

    pub(super) fn rep_mail(body: &str) -> Mail {
        Mail {
            from: vec![Address::new(None, "alex@acme.io")],
            to: vec![Address::new(None, "dana@northwind.com")],
            body: Some(body.into()),
            ..Mail::default()
        }
    }

    fn reason_of(body: &str) -> Option<String> {
        let id = Identity::new(&["alex@acme.io".into()], &[]);
        let m = rep_mail(body);
        det(&[&m], None, &id, &rules()).map(|f| f.reason)
    }

    #[test]
    fn the_reps_own_time_to_come_back_is_the_wait_not_the_date_they_recap() {
        let id = Identity::new(&["alex@acme.io".into()], &[]);
        let m = rep_mail(
            "Hi Costa,\n\nUnderstood - no budget until the new fiscal year starts in April. \
             I'll reach out again in March so we can plan ahead of it.\n\nAlex",
        );
        let f = det(&[&m], None, &id, &rules()).unwrap();
        assert_eq!(f.reason, "timing");
        assert_eq!(
            f.commitment.as_deref(),
            Some("I'll reach out again in March so we can plan ahead of it.")
        );
    }

    #[test]
    fn a_number_of_minutes_in_an_answer_is_no_meeting() {
        let body = "Hi Bea,\n\nGood questions. NetSuite: yes, native connector, syncs every 15 \
                    minutes. Regional access: yes, through role-based permissions scoped by \
                    region. I've included screenshots of both in the attached PDF.\n\nAlex";
        assert_eq!(reason_of(body).as_deref(), Some("information"));
        // A call the email proposes is still read as one beside what it hands over.
        let body = "Hi Bea,\n\nI've included screenshots of both in the attached PDF. Could we \
                    schedule 30 minutes next week to walk your admins through it?\n\nAlex";
        assert_eq!(reason_of(body).as_deref(), Some("meeting"));
    }

    #[test]
    fn a_question_proposing_to_book_a_call_decides_over_what_the_email_only_states() {
        let body = "Hi Costa,\n\nThe pilot is wrapping up on Friday. Could we schedule 30 \
                    minutes next week to go through the results with your ops lead and agree \
                    on next steps?\n\nAlex";
        assert_eq!(reason_of(body).as_deref(), Some("meeting"));
        for ask in [
            "Could we schedule 30 minutes next week to go through the results?",
            "Can we set up a call with your IT lead on Thursday?",
            "Können wir nächste Woche einen Termin mit Ihrem IT-Leiter vereinbaren?",
            "Pourrions-nous caler un point de 30 minutes la semaine prochaine ?",
            "¿Podemos agendar una llamada la próxima semana?",
            "Possiamo fissare una call martedì?",
            "Zullen we volgende week een demo inplannen?",
            "Podemos marcar uma reunião na próxima semana?",
            "Kan vi boka in ett möte nästa vecka?",
        ] {
            assert!(proposes_booking(ask), "{ask}");
        }
        // A statement of a call booked, or the proposal without a question, is not such an ask.
        assert!(!proposes_booking(
            "We can schedule 30 minutes whenever you're ready."
        ));
        // What the email hands over stays the reason beside the ask.
        let sent = "Hi Costa,\n\nAttached is the pricing for the Pro plan. Could we schedule 30 \
                    minutes next week to go through it?\n\nAlex";
        assert_eq!(reason_of(sent).as_deref(), Some("pricing"));
    }

    #[test]
    fn a_postscript_does_not_outrank_what_the_email_states() {
        let body = "Hi Xena,\n\nAttached is the security questionnaire your IT team \
                    requested, fully completed.\n\nP.S. We're hosting a webinar on \
                    supply-chain analytics next week, in case it's of interest.\n\nAlex";
        assert_eq!(reason_of(body).as_deref(), Some("information"));
        // The same invitation as the body of the email is its reason.
        let invite = "Hi Xena,\n\nWe're hosting a roundtable on supply-chain analytics on \
                      January 21 and I've reserved a seat for you.\n\nAlex";
        assert_eq!(reason_of(invite).as_deref(), Some("meeting"));
        // A date in the postscript still counts: the rep is away.
        let away = "Hi Xena,\n\nAttached is the proposal.\n\nPS: I'm out of the office \
                    until January 11, so I'll follow up after that.\n\nAlex";
        assert_ne!(reason_of(away).as_deref(), Some("proposal"));
        // An offer made only if it interests them is an option beside the email's point.
        assert!(offers_optional_call(
            "We're hosting a webinar next week, in case it's of interest."
        ));
        assert!(offers_optional_call(
            "Falls es Sie interessiert, zeige ich Ihnen gern das Modul."
        ));
        assert!(!offers_optional_call("Could we book 30 minutes next week?"));
    }

    #[test]
    fn common_phrasings_map_to_reasons() {
        let cases = [
            (
                "As promised, attached is the quote for the three regions.",
                "pricing",
            ),
            (
                "I'll put together pricing for 50 seats and send it over.",
                "pricing",
            ),
            (
                "Here's a breakdown of what it would cost for your team.",
                "pricing",
            ),
            ("Please find attached our proposal for review.", "proposal"),
            ("I've sent over the contract via DocuSign.", "proposal"),
            ("Attached is the SOW we discussed.", "proposal"),
            (
                "Once you've had a chance to run it by your CFO, let me know.",
                "decision_maker",
            ),
            (
                "I understand you need sign-off from the board first.",
                "decision_maker",
            ),
            (
                "Happy to loop in your head of IT if that helps.",
                "decision_maker",
            ),
            (
                "As requested, here's the case study from Globex.",
                "information",
            ),
            (
                "I've attached the whitepaper on data residency you asked about.",
                "information",
            ),
            (
                "Would Tuesday or Thursday work for a 30-minute demo?",
                "meeting",
            ),
            (
                "Let me know a good time to get a call on the calendar.",
                "meeting",
            ),
            (
                "Understood, I'll reach back out next quarter once budgets are set.",
                "timing",
            ),
            (
                "Makes sense to revisit after your product launch.",
                "timing",
            ),
            ("Enjoy your trip! I'll follow up when you're back.", "away"),
            ("Have a great vacation, talk when you return.", "away"),
            (
                "Your trial account is set up, I'll check how the pilot is going.",
                "trial",
            ),
            ("Your 14-day trial is now active.", "trial"),
            ("I've attached the numbers for year one.", "pricing"),
            ("The total comes to $24,000 per year.", "pricing"),
            ("I'll send over the paperwork this afternoon.", "proposal"),
            (
                "Once you've discussed it internally, let me know.",
                "decision_maker",
            ),
            ("Happy to hop on a call next week.", "meeting"),
            ("I've attached the overview you asked for.", "information"),
            ("Enjoy the holidays, let's speak once you're back.", "away"),
        ];
        for (text, want) in cases {
            assert_eq!(reason_of(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn small_talk_has_no_reason() {
        assert_eq!(
            reason_of("Great to meet you at the conference yesterday!"),
            None
        );
        assert_eq!(reason_of("Thanks for your time today."), None);
        assert_eq!(reason_of("Great meeting you!\n\nBest regards,\nAlex Morgan\nBook a demo: acme.io/demo | See our case studies"), None, "the signature states no reason");
    }

    #[test]
    fn quoted_text_does_not_state_the_rep_reason() {
        assert_eq!(
            reason_of(
                "Thanks!\n\nOn Mon, Nov 2, 2026, Dana <d@n.com> wrote:\n> please send the pricing"
            ),
            None
        );
    }

    #[test]
    fn tags_beat_plus_tags_beat_text() {
        let id = Identity::new(&["alex@acme.io".into()], &[]);
        let mut m = rep_mail("Here is the pricing.");
        m.bcc = vec![Address::new(None, "alex+meeting@acme.io")];
        let f = det(&[&m], None, &id, &rules()).unwrap();
        assert_eq!((f.reason.as_str(), f.source), ("meeting", Source::PlusTag));
        m.keywords = vec!["$FollowUp-Proposal".into()];
        let f = det(&[&m], None, &id, &rules()).unwrap();
        assert_eq!((f.reason.as_str(), f.source), ("proposal", Source::Tag));
    }

    #[test]
    fn the_prospects_request_gives_the_reason_when_the_rep_only_said_yes() {
        let id = Identity::new(&["alex@acme.io".into()], &[]);
        let rep = rep_mail("Will do, Dana!");
        let mut p = rep_mail("Could you send me pricing for the three regions?");
        p.from = vec![Address::new(None, "dana@northwind.com")];
        let f = det(&[&rep], Some(&p), &id, &rules()).unwrap();
        assert_eq!(
            (f.reason.as_str(), f.source),
            ("pricing", Source::ProspectText)
        );
        // The rep's own words, when they state a reason, come first.
        let rep2 = rep_mail("Sure, let's set up a 30-minute demo first.");
        assert_eq!(
            det(&[&rep2], Some(&p), &id, &rules()).unwrap().reason,
            "meeting"
        );
        p.body = Some("Can you send over a case study from retail?".into());
        assert_eq!(
            det(&[&rep], Some(&p), &id, &rules()).unwrap().reason,
            "information"
        );
        // "Here's the timeline: …" answers "Could you send over the implementation timeline?".
        let rep4 =
            rep_mail("Of course! Here's the timeline: kickoff in week 1, go-live in week 5.");
        p.body = Some(
            "Could you send over the implementation timeline and what you'd need from IT?".into(),
        );
        assert_eq!(
            det(&[&rep4], Some(&p), &id, &rules()).unwrap().reason,
            "information"
        );
        // A German compound names the object at its end.
        let rep3 = rep_mail("Gerne, anbei AVV und TOMs. Bei Fragen melden Sie sich gern.");
        p.body = Some(
            "Hallo Herr Morgan, können Sie mir bitte die Datenschutzunterlagen (AVV, TOMs) schicken?"
                .into(),
        );
        assert_eq!(
            det(&[&rep3], Some(&p), &id, &rules()).unwrap().reason,
            "information"
        );
    }

    #[test]
    fn a_call_offered_as_an_option_does_not_outrank_the_point_of_the_email() {
        for (text, want) in [
            ("I'll check with our engineers whether the API supports bulk exports and get back to you. If it helps, I can walk your team through the numbers on a call.", "information"),
            ("I've attached our security whitepaper and the pen test summary. If it's easier, I'm happy to do a 20-minute call with Mark and our CISO.", "information"),
            // Alone, the offer is the point.
            ("Would Tuesday at 10 work for a 30-minute call with our solutions engineer?", "meeting"),
        ] {
            assert_eq!(reason_of(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn a_prospects_promise_to_look_is_read_with_its_sentence_unless_they_ask_something() {
        for text in [
            "Thanks! Will take a look next week.",
            "Gracias Alex. La reviso con mi socio y te digo algo la semana que viene.",
            "Danke, ich melde mich bis Freitag.",
            "Merci, je reviens vers vous la semaine prochaine.",
            "Grazie, ti faccio sapere entro venerdì.",
            "Dank je, ik laat het je volgende week weten.",
            "Obrigado, vou analisar e dou-lhe uma resposta na próxima semana.",
            "Tack, jag återkommer nästa vecka.",
            "Thanks, we'll start testing on Monday and let you know how it goes.",
            "Forwarding to our security team, they'll review it in the next couple of weeks.",
            "Looks good. I'll get it signed tomorrow.",
            "Danke, ich schaue es mir nächste Woche in Ruhe an und melde mich dann.",
        ] {
            assert!(promise_to_review(text).is_some(), "{text}");
        }
        assert!(promise_to_review("Will take a look. What about the SSO question?").is_none());
        assert!(promise_to_review("Thanks, looks great.").is_none());
    }

    #[test]
    fn an_offer_to_come_back_put_as_a_question_wants_an_answer() {
        // Terse, lower-case, with a month abbreviation: the model reads no reason, but the
        // rep asked the prospect something, so this is no `no_reply_expected`.
        for text in [
            "hi sam - sounds like timing is the main blocker. totally get it. want me to ping you again in feb?",
            "Soll ich mich im Februar nochmal melden?",
            "Zal ik in februari weer contact opnemen?",
        ] {
            let id = Identity::new(&["alex@acme.io".into()], &[]);
            let m = rep_mail(text);
            let r = detect(&[&m], 1, None, &id, &rules(), &Examples::default());
            assert!(r.expects_reply, "{text}: {r:?}");
        }
    }

    #[test]
    fn prospect_not_now_gives_the_reason() {
        let id = Identity::new(&["alex@acme.io".into()], &[]);
        let rep = rep_mail("Sounds good.");
        let mut p = rep_mail("I'm travelling until the 14th, let's talk after that.");
        p.from = vec![Address::new(None, "dana@northwind.com")];
        let f = det(&[&rep], Some(&p), &id, &rules()).unwrap();
        assert_eq!(
            (f.reason.as_str(), f.source),
            ("away", Source::ProspectText)
        );
        let mut p2 = p.clone();
        p2.body = Some("Ping me in January, budgets are frozen until then.".into());
        assert_eq!(
            det(&[&rep], Some(&p2), &id, &rules()).unwrap().reason,
            "timing"
        );
    }
}

#[cfg(test)]
mod multilingual_tests {
    use super::tests::{det, rules};
    use super::*;
    use crate::message::Address;

    fn mail(from: &str, body: &str) -> Mail {
        Mail {
            from: vec![Address::new(None, from)],
            body: Some(body.into()),
            ..Mail::default()
        }
    }

    #[test]
    fn reps_writing_in_other_languages() {
        let id = Identity::new(&["alex@acme.io".into()], &[]);
        let cases = [
            (
                "Anbei wie besprochen unser Angebot für die drei Standorte.",
                "pricing",
            ),
            (
                "Vous trouverez ci-joint le devis pour les trois sites.",
                "pricing",
            ),
            ("Adjunto el presupuesto que me pidió.", "pricing"),
            ("In allegato il preventivo richiesto.", "pricing"),
            ("Hierbij de offerte voor drie locaties.", "pricing"),
            ("Segue em anexo o orçamento.", "pricing"),
            ("Här kommer offerten för tre kontor.", "pricing"),
            ("Anbei der Vertragsentwurf zur Prüfung.", "proposal"),
            (
                "Können wir einen Termin für eine kurze Demo finden?",
                "meeting",
            ),
            ("Schönen Urlaub und bis bald!", "away"),
            ("Je vous recontacterai le trimestre prochain.", "timing"),
        ];
        for (text, want) in cases {
            let m = mail("alex@acme.io", text);
            assert_eq!(
                det(&[&m], None, &id, &rules()).map(|f| f.reason).as_deref(),
                Some(want),
                "{text}"
            );
        }
    }

    #[test]
    fn confirming_an_ending_states_no_reason() {
        for ending in [
            "Per your request, I've cancelled the trial account and removed your data.",
            "Your subscription has been cancelled and you won't be charged again.",
            "Done - I've removed you from our mailing list.",
            "Wie gewünscht habe ich Ihr Testkonto gelöscht.",
            "Comme demandé, j'ai supprimé votre compte d'essai.",
            "Tal como pediste, he cancelado la cuenta de prueba.",
            "Come richiesto, ho disattivato l'account di prova.",
            "Zoals gevraagd heb ik het proefaccount verwijderd.",
            "Como pediu, a conta de teste foi cancelada.",
            "Som du bad om har jag avslutat testkontot.",
        ] {
            assert!(closes_down(ending), "{ending}");
            let r = read_text(ending, &rules().priority);
            assert!(
                r.best.is_none() && !r.expects_reply,
                "{ending}: {:?}",
                r.best
            );
        }
        for not in [
            "I've removed the setup fee from the quote.",
            "I've cancelled Tuesday's meeting; would Thursday at 3pm work instead?",
            "Attached is the quote for the three regions.",
        ] {
            assert!(!closes_down(not), "{not}");
        }
    }

    #[test]
    fn the_rep_coming_back_on_a_date_is_timing_not_a_meeting() {
        for s in [
            "I'll pencil in a check-in for the week of January 11th.",
            "I'll check back in with you on the 11th.",
            "Ich melde mich Mitte Januar wieder bei Ihnen.",
            "Je vous recontacterai en février.",
            "Jag hör av mig i januari.",
        ] {
            assert!(recontacts_later(s), "{s}");
        }
        for s in [
            "Would Thursday at 3pm work for a call?",
            "I'll send an invite for Tuesday's demo.",
            "I'll follow up with the agenda.",
        ] {
            assert!(!recontacts_later(s), "{s}");
        }
        let r = read_text(
            "Totally understand the freeze. I'll pencil in a check-in for the week of January 11th.",
            &rules().priority,
        );
        assert_ne!(
            r.best.as_ref().map(|b| b.0.as_str()),
            Some("meeting"),
            "{:?}",
            r.best
        );
    }

    #[test]
    fn a_reps_break_up_note_closes_the_loop_in_every_language() {
        for t in [
            "Hi Hal, I haven't heard back, so I'll assume the timing isn't right. If priorities change, I'm happy to pick this up again.",
            "Since I haven't heard from you, I'll assume you went with another provider.",
            "This will be my last email on this, I don't want to clutter your inbox.",
            "Da ich nichts von Ihnen gehört habe, gehe ich davon aus, dass das Thema derzeit keine Priorität hat.",
            "Dies ist vorerst meine letzte Nachricht zu diesem Thema.",
            "Sans retour de votre part, je vais considérer que le moment n'est pas opportun.",
            "Je ne vous relancerai plus à ce sujet.",
            "Como no he recibido respuesta, entiendo que ahora no es el momento.",
            "Este es mi último correo sobre el tema.",
            "Non avendo ricevuto risposta, presumo che al momento non sia una priorità.",
            "Non la disturberò più su questo tema.",
            "Omdat ik niets heb gehoord, ga ik ervan uit dat de timing nu niet goed is.",
            "Dit is voorlopig mijn laatste mail hierover.",
            "Como não tive resposta, presumo que não é o momento certo.",
            "Este é o meu último e-mail sobre o assunto.",
            "Eftersom jag inte hört något antar jag att tidpunkten inte passar just nu.",
            "Detta blir mitt sista mejl om saken.",
        ] {
            assert!(closes_the_loop(t), "{t}");
        }
        for t in [
            "I'll assume you're not free on Monday, so how about Tuesday?",
            "Attached is the proposal; I'll follow up next week.",
            "I'll assume the 40 seats unless you tell me otherwise.",
            "Ich gehe davon aus, dass Sie nicht vor Januar entscheiden.",
            "Is this still a priority for you this quarter?",
            // A pause until something is done, with the rep's date to come back.
            "I know you're heads-down on the launch, so I won't bother you until it's out the door. I'll check back in the second week of January.",
        ] {
            assert!(!closes_the_loop(t), "{t}");
        }
    }

    #[test]
    fn a_check_in_is_a_nudge_in_every_language() {
        for nudge in [
            "Had a chance to look at the proposal?",
            "Just checking in on the quote.",
            "Hatten Sie schon Gelegenheit, sich das Angebot anzusehen?",
            "Avez-vous pu regarder le devis ?",
            "¿Has podido revisar la propuesta?",
            "Hai avuto modo di vedere il preventivo?",
            "Heeft u al kunnen kijken naar de offerte?",
            "Já conseguiu ver a proposta?",
            "Har du hunnit titta på offerten?",
        ] {
            assert!(is_nudge(nudge), "{nudge}");
        }
        for not in [
            "Attached is the quote for the three regions.",
            "Would Tuesday at 3pm work for a call?",
            "Anbei das Angebot.",
            "Once you've had a chance to run it by your CFO, I'm happy to answer any questions she has.",
        ] {
            assert!(!is_nudge(not), "{not}");
        }
    }

    #[test]
    fn a_pause_is_the_last_word_only_when_it_asks_nothing_else() {
        let p = |text: &str| text.to_string();
        let prospect_pause = |text: &str, rules: &Rules| super::prospect_pause(text, None, rules);
        let f = prospect_pause(
            &p("Thanks. Not a priority right now; let's pick this up in Q2."),
            &rules(),
        )
        .expect("a pause");
        assert_eq!(
            (f.reason.as_str(), f.source),
            ("timing", Source::ProspectText)
        );
        assert!(f.commitment.unwrap().contains("Q2"));
        // The pause asked as a question is still the pause; another question wants an answer.
        assert!(prospect_pause(&p("Can we revisit this in January?"), &rules()).is_some());
        assert!(prospect_pause(
            &p("Not a priority right now; let's pick this up in Q2. Does the price hold until then?"),
            &rules()
        )
        .is_none());
        // Someone else to ask is no pause with a date.
        assert!(prospect_pause(&p("I need to check with my CFO."), &rules()).is_none());
        assert!(prospect_pause(&p("Thanks, looks good."), &rules()).is_none());
    }

    #[test]
    fn prospects_deferring_in_other_languages() {
        let id = Identity::new(&["alex@acme.io".into()], &[]);
        let rep = mail("alex@acme.io", "Alles klar.");
        let cases = [
            // Someone who decides must see it first, in the seven languages.
            (
                "Ich muss das noch mit meinem Chef besprechen.",
                "decision_maker",
            ),
            (
                "Danke, unsere Rechtsabteilung schaut sich das an.",
                "decision_maker",
            ),
            ("Je dois d'abord en parler à notre DAF.", "decision_maker"),
            ("Tengo que consultarlo con mi jefa.", "decision_maker"),
            (
                "Devo prima sentire il nostro direttore generale.",
                "decision_maker",
            ),
            (
                "Ik moet het eerst met onze directie bespreken.",
                "decision_maker",
            ),
            (
                "Preciso de falar com o meu diretor primeiro.",
                "decision_maker",
            ),
            (
                "Jag behöver stämma av med vår ekonomichef innan vi går vidare.",
                "decision_maker",
            ),
            (
                "Melden Sie sich bitte im Januar wieder, dann ist das Budget frei.",
                "timing",
            ),
            ("Ich bin bis zum 14.12. unterwegs.", "away"),
            ("Recontactez-moi en janvier, s'il vous plaît.", "timing"),
            ("Estoy de viaje hasta el 3 de diciembre.", "away"),
            ("Hör av dig efter nyår.", "timing"),
            (
                "Aktuell keine Priorität, lassen Sie uns im zweiten Quartal wieder sprechen.",
                "timing",
            ),
            (
                "Ce n'est pas prioritaire, reprenons au deuxième trimestre.",
                "timing",
            ),
            (
                "Ahora mismo no es prioridad; retomémoslo en el segundo trimestre.",
                "timing",
            ),
            (
                "Al momento non è una priorità: riparliamone nel secondo trimestre.",
                "timing",
            ),
            (
                "Nu geen prioriteit; laten we het in het tweede kwartaal weer oppakken.",
                "timing",
            ),
            (
                "Agora não é prioridade; retomamos no segundo trimestre.",
                "timing",
            ),
            (
                "Inte prioriterat just nu; vi tar upp det igen under andra kvartalet.",
                "timing",
            ),
            (
                "We're heads down until the end of January, reach out in February.",
                "timing",
            ),
        ];
        for (text, want) in cases {
            let p = mail("dana@northwind.example", text);
            let f = det(&[&rep], Some(&p), &id, &rules()).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                (f.reason.as_str(), f.source),
                (want, Source::ProspectText),
                "{text}"
            );
        }
    }
}

#[cfg(test)]
mod reading_tests {
    use super::tests::rules;
    use super::tests::{det, rep_mail};
    use super::*;
    use crate::message::Address;

    fn read(body: &str) -> Reading {
        read_about("", body)
    }

    /// [`read`] of a message with this subject.
    fn read_about(subject: &str, body: &str) -> Reading {
        let id = Identity::new(&["alex@acme.io".into()], &[]);
        let m = Mail {
            subject: subject.into(),
            ..rep_mail(body)
        };
        detect(&[&m], 1, None, &id, &rules(), &Examples::default())
    }

    #[test]
    fn whole_emails_read_like_a_sales_manager_would() {
        let r = read("Hi Dana,\n\nGreat meeting you today. I'll send over the proposal tomorrow.\n\nBest,\nAlex");
        assert_eq!(r.finding.map(|f| f.reason).as_deref(), Some("proposal"));
        // A past call named in passing does not make it a meeting.
        let r = read("Hi Dana,\n\nAs we said on the call, attached is the quote for the three regions.\n\nBest,\nAlex");
        assert_eq!(r.finding.map(|f| f.reason).as_deref(), Some("pricing"));
        let r = read("Hi Dana,\n\nI know the final call is hers, so I wrote a one-page summary for your CFO.\n\nAlex");
        assert_eq!(
            r.finding.map(|f| f.reason).as_deref(),
            Some("decision_maker")
        );
    }

    #[test]
    fn the_reps_own_colleagues_doing_the_work_is_information_owed_in_every_language() {
        for text in [
            "Next step on our side: I'll get our security team to fill in your vendor questionnaire and send it back by next Friday.",
            "I've asked our solutions engineer to put together a sample workflow using your data.",
            "Ich lasse unsere IT-Sicherheit Ihren Lieferantenfragebogen ausfüllen und schicke ihn bis Freitag zurück.",
            "Je demande à notre équipe sécurité de remplir votre questionnaire fournisseur d'ici vendredi.",
            "Le pido a nuestro equipo de seguridad que rellene su cuestionario de proveedores antes del viernes.",
            "Chiedo al nostro team sicurezza di compilare il vostro questionario fornitori entro venerdì.",
            "Ik vraag onze security officer om jullie leveranciersvragenlijst voor vrijdag in te vullen.",
            "Vou pedir à nossa equipa de segurança que preencha o vosso questionário de fornecedores até sexta.",
            "Jag ber vårt säkerhetsteam fylla i ert leverantörsformulär före fredag.",
        ] {
            assert!(own_team_delivers(text), "{text}");
            let r = read_text(text, &rules().priority);
            assert_ne!(
                r.best.map(|b| b.0).as_deref(),
                Some("decision_maker"),
                "{text}"
            );
        }
        let r = read_text(
            "Next step on our side: I'll get our security team to fill in your vendor questionnaire and send it back by next Friday.",
            &rules().priority,
        );
        assert_eq!(r.best.map(|b| b.0).as_deref(), Some("information"));
        // The prospect's own team deciding is still theirs.
        for text in [
            "Once your security team has approved the questionnaire, we can proceed.",
            "I know your CFO has the final word.",
        ] {
            assert!(!own_team_delivers(text), "{text}");
        }
    }

    #[test]
    fn asking_whether_to_come_back_on_a_later_date_is_timing_in_every_language() {
        for text in [
            "hi sam - sounds like timing is the main blocker. totally get it. want me to ping you again in feb?",
            "Shall I check back in with you in January?",
            "Soll ich mich im Februar wieder bei Ihnen melden?",
            "Voulez-vous que je vous recontacte en février ?",
            "¿Quiere que le escriba de nuevo en febrero?",
            "Vuole che la ricontatti a febbraio?",
            "Zal ik in februari weer contact opnemen?",
            "Quer que volte a contactar em fevereiro?",
            "Ska jag höra av mig igen i februari?",
        ] {
            let r = read_text(text, &rules().priority);
            assert_eq!(r.best.map(|b| b.0).as_deref(), Some("timing"), "{text}");
        }
        // With no date, it asks for one: no reason of its own.
        assert!(!offers_to_recontact_later(
            "Want me to ping you again later?"
        ));
        // A statement is the rep's plan, read by the model and the other rules.
        assert!(!offers_to_recontact_later(
            "I'll ping you again in February."
        ));
        // Offering a call on a day proposes a meeting.
        assert!(!offers_to_recontact_later(
            "Should I call you on Tuesday at 10?"
        ));
        assert!(!offers_to_recontact_later(
            "Soll ich Sie am Dienstag anrufen?"
        ));
    }

    #[test]
    fn a_won_deal_with_onboarding_handed_to_the_reps_team_states_no_reason_in_every_language() {
        for text in [
            "Hi Ravi,\n\nthanks for confirming the PO - welcome aboard! Our onboarding team will reach out on Monday to schedule the kickoff.\n\nAlex",
            "Hallo Herr Braun,\n\nvielen Dank für Ihren Auftrag! Unser Onboarding-Team meldet sich am Montag, um den Kickoff zu planen.\n\nAlex",
            "Bonjour Luc,\n\nmerci pour votre commande, bienvenue à bord ! Notre équipe d'intégration va vous contacter lundi pour planifier le lancement.\n\nAlex",
            "Hola Marta,\n\n¡gracias por tu pedido y bienvenida a bordo! Nuestro equipo de onboarding se pondrá en contacto contigo el lunes.\n\nAlex",
            "Ciao Luca,\n\ngrazie per l'ordine, benvenuto a bordo! Il nostro team di onboarding ti contatterà lunedì per fissare il kickoff.\n\nAlex",
            "Hoi Sanne,\n\nbedankt voor je bestelling, welkom aan boord! Ons onboardingteam neemt maandag contact met je op.\n\nAlex",
            "Olá Joana,\n\nobrigado pela encomenda, bem-vinda a bordo! A nossa equipa de onboarding vai contactá-la na segunda-feira.\n\nAlex",
            "Hej Oskar,\n\ntack för beställningen och välkommen ombord! Vårt onboardingteam hör av sig på måndag.\n\nAlex",
        ] {
            let r = read_text(text, &rules().priority);
            assert!(r.best.is_none(), "{text}: {:?}", r.best);
            assert!(r.candidates.is_empty(), "{text}: {:?}", r.candidates);
        }
        // Before the deal is won, the rep's team getting in touch is still read as it is.
        assert!(!closes_won(
            "Thanks for the call - our team will reach out with the pricing."
        ));
    }

    #[test]
    fn what_the_reps_own_people_have_already_done_states_no_reason() {
        for (text, want) in [
            ("Anbei wie besprochen der Vertragsentwurf. Unsere Rechtsabteilung hat die Änderungen Ihrer Juristen bereits eingearbeitet.", "proposal"),
            ("Attached is the updated contract. Our legal team has already incorporated your lawyers' changes.", "proposal"),
        ] {
            let r = read(text);
            assert_eq!(r.finding.map(|f| f.reason).as_deref(), Some(want), "{text}");
        }
        for text in [
            "Our legal team has already incorporated your lawyers' changes.",
            "Notre service juridique a déjà intégré les modifications de vos avocats.",
            "Onze juridische afdeling heeft de wijzigingen al verwerkt.",
            "Vår juridiska avdelning har redan arbetat in era ändringar.",
        ] {
            assert!(own_team_has_done(text), "{text}");
        }
        // A step still to come on the rep's side is no such thing.
        assert!(!own_team_has_done(
            "I'll send over the proposal once our solutions team has scoped the integration."
        ));
    }

    #[test]
    fn asking_who_the_right_person_is_asks_who_decides_in_every_language() {
        for text in [
            "Thanks for the heads-up that you're moving to a new role - congrats! Who would be the best person to pick this up on your side?",
            "Wer wäre bei Ihnen der richtige Ansprechpartner für das Thema?",
            "Qui serait la bonne personne pour reprendre ce sujet chez vous ?",
            "¿Quién sería la persona adecuada para retomar esto?",
            "Chi sarebbe la persona giusta con cui proseguire?",
            "Wie is de juiste persoon om dit op te pakken?",
            "Quem seria a pessoa certa para dar seguimento a isto?",
            "Vem är rätt person att prata med om detta?",
        ] {
            let r = read_text(text, &rules().priority);
            assert_eq!(
                r.best.map(|b| b.0).as_deref(),
                Some("decision_maker"),
                "{text}"
            );
        }
    }

    #[test]
    fn checking_with_the_reps_own_people_is_information_owed_not_their_decision() {
        for text in [
            "Good question about GDPR. I'll check with our legal team and get back to you by Friday.",
            "Gute Frage zur DSGVO. Ich kläre das mit unserer Rechtsabteilung und melde mich bis Freitag bei Ihnen.",
            "Bonne question sur le RGPD. Je vérifie avec notre service juridique et je reviens vers vous d'ici vendredi.",
        ] {
            let r = read_text(text, &rules().priority);
            assert_eq!(r.best.map(|b| b.0).as_deref(), Some("information"), "{text}");
        }
        // The prospect's own people are theirs to decide with.
        assert!(!names_own_side("Could you check with your legal team?"));
    }

    #[test]
    fn the_reps_own_cadence_and_a_call_named_in_passing_are_not_the_reason() {
        for (text, reason) in [
            ("Comme convenu, veuillez trouver ci-joint notre devis pour le contrat de maintenance. Je me permets de vous relancer la semaine prochaine si je n'ai pas de nouvelles d'ici là.", "proposal"),
            ("Attached is the updated quote for the three sites. I'll follow up next week if I don't hear back.", "pricing"),
            ("Anbei unser Angebot für die drei Standorte. Falls ich bis dahin nichts von Ihnen höre, melde ich mich nächste Woche noch einmal.", "pricing"),
            ("come anticipato al telefono, Le invio l'offerta aggiornata con le tre opzioni di licenza.", "pricing"),
        ] {
            let r = read_text(text, &rules().priority);
            assert!(
                r.best.as_ref().is_some_and(|b| b.0 == reason || (reason == "proposal" && b.0 == "pricing")),
                "{text}: {:?}",
                r.best
            );
            assert!(r.best.is_some_and(|b| b.0 != "timing" && b.0 != "meeting"), "{text}");
        }
        for t in [
            "I'll follow up next week if I don't hear back.",
            "Om jag inte hör något återkommer jag nästa vecka.",
            "Als ik niets hoor, neem ik volgende week contact op.",
        ] {
            assert!(follows_up_unless_answered(t), "{t}");
        }
        // Times sent for a call are the meeting itself.
        assert!(names_times("I've sent over a few times that work for me."));
    }

    #[test]
    fn thanks_for_their_invitation_is_no_invitation_of_ours() {
        for text in [
            "Thanks for the invitation to your user conference - I'd love to come.",
            "Danke für die Einladung zu Ihrer Konferenz!",
            "Merci pour l'invitation à votre salon.",
            "Gracias por la invitación a vuestro evento.",
            "Grazie dell'invito al vostro evento.",
            "Bedankt voor de uitnodiging voor jullie evenement.",
            "Obrigado pelo convite para o vosso evento.",
            "Tack för inbjudan till er konferens.",
        ] {
            assert!(!invites_to_event(text), "{text}");
        }
        assert!(invites_to_event(
            "I've reserved a spot for you at our customer roundtable on January 21."
        ));
    }

    #[test]
    fn an_offer_made_only_if_wanted_does_not_outrank_what_the_email_hands_over() {
        for (text, reason) in [
            ("Here's the implementation plan we discussed: https://acme.io/plan. Happy to put together a quote for the extra sites if you'd like.", "information"),
            ("Attached is the updated proposal with the 3-year option. Happy to extend your trial by two weeks if that helps.", "proposal"),
        ] {
            let r = read_text(text, &rules().priority);
            assert_eq!(r.best.map(|b| b.0).as_deref(), Some(reason), "{text}");
        }
    }

    #[test]
    fn material_made_for_whoever_decides_waits_on_their_decision_in_every_language() {
        for text in [
            "The final call is hers, I know - so I've drafted a short business case you can forward to Maria as is (attached). Happy to adjust the numbers if she wants a different scenario.",
            "Attached is a one-pager for you to share with your CFO.",
            "Anbei eine kurze Zusammenfassung, die Sie gerne an Ihre Geschäftsführung weiterleiten können.",
            "Vous trouverez ci-joint une synthèse à transmettre à votre direction.",
            "Te adjunto un resumen para que puedas compartirlo con tu director.",
            "In allegato una sintesi da inoltrare al tuo direttore.",
            "Bijgaand een samenvatting die je naar je directie kunt doorsturen.",
            "Segue em anexo um resumo para encaminhar ao seu diretor.",
            "Här är en sammanfattning som du kan vidarebefordra till din styrelse.",
            // Material to take to them, not only to forward.
            "Jag har satt ihop en kort sammanfattning som du kan ta med till ledningsgruppen - den ligger bifogad.",
            "Attached is a one-page business case you can take to your board on Thursday.",
            "Anbei eine Folie, die Sie Ihrer Geschäftsführung vorlegen können.",
        ] {
            let r = read_text(text, &rules().priority);
            assert_eq!(
                r.best.map(|b| b.0).as_deref(),
                Some("decision_maker"),
                "{text}"
            );
        }
        // Shared within the rep's own side, or with a team that decides nothing: not so.
        for text in [
            "I've shared your requirements with Sarah, our solutions engineer.",
            "Here's a summary of today's call for you to share with your team.",
        ] {
            assert!(!equips_for_their_decision(text), "{text}");
        }
    }

    #[test]
    fn a_meeting_that_waits_on_the_prospect_is_still_to_be_booked() {
        // The invite waits on their answer: not a meeting already agreed.
        let r = read("Hi Will,\n\nGreat speaking today. As discussed, the next step is a technical deep-dive with your engineering lead - I'll send over an invite once you confirm who should attend.\n\nAlex");
        assert_eq!(r.finding.map(|f| f.reason).as_deref(), Some("meeting"));
        assert!(!crate::draft::commitment::owed(
            "I'll send over an invite once you confirm who should attend."
        ));
        // Asking where to send something waits on their answer too.
        assert!(!crate::draft::commitment::owed(
            "Next step on your side is the vendor risk assessment - let me know who I should send our questionnaire answers to."
        ));
        // People named to book them: the times asked for decide.
        let r = read("Hi Tess,\n\nI spoke to our CEO and she'd be happy to join a call with your leadership team to discuss the partnership. Could you share a few times that work for them next week?\n\nAlex");
        assert_eq!(r.finding.map(|f| f.reason).as_deref(), Some("meeting"));
    }

    #[test]
    fn the_rep_saying_they_are_away_is_read_in_every_language() {
        for text in [
            "I'm out of office from Dec 1-4 at a conference, back on Monday the 7th.",
            "Ich bin bis zum 7. Dezember nicht im Büro.",
            "Je serai en déplacement jusqu'au 7 décembre.",
            "Estaré fuera hasta el 7 de diciembre.",
            "Sarò in ferie fino al 7 dicembre.",
            "Ik ben tot 7 december met vakantie.",
            "Estarei de férias até 7 de dezembro.",
            "Jag är ledig till den 7 december.",
        ] {
            assert!(rep_is_away(text), "{text}");
        }
        // The prospect away is theirs to say; the rep's time off is not read from "you".
        assert!(!rep_is_away("I know you're away until the 7th."));
    }

    #[test]
    fn a_walkthrough_or_a_presentation_handed_over_is_information() {
        let r = read("Hi Mark,\n\nI've shared the Loom walkthrough of the approval flow here: https://loom.com/share/xyz - it's 4 minutes.\n\nAlex");
        assert_eq!(r.finding.map(|f| f.reason).as_deref(), Some("information"));
        let r = read("Hej Oskar,\n\ntack för ett bra möte igår! Som utlovat bifogar jag presentationen.\n\nAlex");
        assert_eq!(r.finding.map(|f| f.reason).as_deref(), Some("information"));
        // A calendar invitation handed over is about the meeting; so is a link to book a time.
        assert!(names_invite(
            "I've sent you the calendar invite for Tuesday."
        ));
        let r = read("Hi Cara,\n\nGreat chatting earlier. As mentioned, here's the link to book a technical deep-dive with our solutions engineer: https://calendly.com/acme-se\n\nAlex");
        assert_eq!(r.finding.map(|f| f.reason).as_deref(), Some("meeting"));
    }

    #[test]
    fn a_step_taken_with_someone_else_with_the_prospect_copied_in_states_no_reason() {
        for text in [
            "Thanks for the intro to Maria. I've sent her a short note and copied you.",
            "Danke für die Vorstellung. Ich habe Frau Schulz geschrieben und Sie in CC gesetzt.",
            "Merci pour la mise en relation, j'ai écrit à Claire et je vous ai mis en copie.",
            "Gracias por presentarme a Marta, ya le he escrito y le he puesto en copia.",
            "Grazie per il contatto, ho scritto a Chiara e ti ho messo in copia.",
            "Dank voor de introductie, ik heb Eva gemaild en je in de cc gezet.",
            "Obrigado pela apresentação, já escrevi à Sofia e coloquei-o em cópia.",
            "Tack för introduktionen, jag har mejlat Maja och satt dig på kopia.",
        ] {
            let r = read_text(text, &rules().priority);
            assert!(r.best.is_none(), "{text}: {:?}", r.best);
            assert!(r.candidates.is_empty(), "{text}: {:?}", r.candidates);
        }
        // Copying the prospect on something handed over still hands it over.
        assert!(!copies_prospect_in(
            "I've copied you on the proposal I sent to Sam."
        ));
    }

    #[test]
    fn confirming_a_meeting_already_agreed_states_no_reason() {
        for ending in [
            "Perfect, I'll send the invite for Tuesday at 3pm.",
            "Great, see you Thursday!",
            "Bis Dienstag!",
            "Super, ich schicke Ihnen gleich die Einladung für Dienstag, 15 Uhr.",
            "Parfait, je vous envoie l'invitation pour mardi 15 h.",
            "Perfecto, te mando ahora la invitación para el martes a las 15:00.",
            "Perfetto, ti mando subito l'invito per martedì alle 15.",
            "Prima, ik stuur je zo de uitnodiging voor dinsdag 15.00 uur.",
            "Perfeito, envio-lhe o convite para terça às 15h.",
            "Toppen, jag skickar en kalenderinbjudan till tisdag kl. 15.",
        ] {
            let r = read_text(ending, &rules().priority);
            assert!(r.best.is_none(), "{ending}: {:?}", r.best);
            assert!(!r.expects_reply, "{ending}");
        }
        // A deadline is no sign-off.
        let r = read_text(
            "Ich schicke Ihnen das überarbeitete Angebot bis Freitag.",
            &rules().priority,
        );
        assert_eq!(r.best.map(|b| b.0).as_deref(), Some("pricing"));
        // Proposing one is still a meeting to follow up on.
        let r = read_text(
            "Would Tuesday at 3pm work? If so, I'll send an invite.",
            &rules().priority,
        );
        assert_eq!(r.best.map(|b| b.0).as_deref(), Some("meeting"));
    }

    #[test]
    fn a_meeting_the_prospect_accepted_and_the_rep_confirmed_needs_no_follow_up() {
        let id = Identity::new(&["alex@acme.io".into()], &[]);
        let ask = rep_mail("Ciao Luca,\n\nTi andrebbe una demo di 30 minuti martedì o giovedì della prossima settimana?\n\nAlex");
        let yes = Mail {
            from: vec![crate::message::Address::new(None, "dana@northwind.com")],
            body: Some("Ciao Alex, martedì alle 15 va benissimo.\n\nLuca".into()),
            ..Mail::default()
        };
        let confirm =
            rep_mail("Perfetto, ti mando subito l'invito per martedì alle 15.\n\nA presto,\nAlex");
        let r = detect(
            &[&confirm, &ask],
            1,
            Some(&yes),
            &id,
            &rules(),
            &Examples::default(),
        );
        assert!(r.finding.is_none(), "{:?}", r.finding);
        assert!(!r.expects_reply);
        // A plain "thanks" after the prospect's reply still follows the earlier reason.
        let thanks = rep_mail("Thanks Luca!\n\nAlex");
        let r = detect(
            &[&thanks, &ask],
            1,
            Some(&yes),
            &id,
            &rules(),
            &Examples::default(),
        );
        assert_eq!(r.finding.map(|f| f.reason).as_deref(), Some("meeting"));
    }

    #[test]
    fn a_decision_put_off_to_a_month_is_a_pause() {
        for text in [
            "Thanks. We'll decide in January, once the new budget is approved.",
            "Danke. Wir entscheiden im Januar, wenn das neue Budget freigegeben ist.",
            "Merci, nous déciderons en janvier.",
            "Gracias, decidiremos en enero con el nuevo presupuesto.",
            "Grazie, decideremo a gennaio.",
            "Dank je, we beslissen in januari.",
            "Obrigado, vamos decidir em janeiro.",
            "Tack, vi bestämmer oss i januari.",
        ] {
            let f = prospect_pause(text, None, &rules()).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(f.reason, "timing", "{text}");
        }
        // A decision already made in a month past is no pause.
        assert!(
            prospect_pause("We made the decision to expand the team.", None, &rules()).is_none()
        );
    }

    #[test]
    fn a_colleague_saying_the_person_is_away_until_a_date_is_a_pause() {
        for text in [
            "Mr Almeida is on holiday until 30 November; he will be in touch when he is back.",
            "Frau Vogt ist bis zum 7. Dezember im Urlaub.",
            "Mme Roux est absente jusqu'au 7 décembre.",
            "La Sra. Herrera está de vacaciones hasta el 30 de noviembre.",
            "La dott.ssa Conti è in ferie fino al 30 novembre.",
            "Mevrouw de Vries is met vakantie tot 30 november.",
            "O Sr. Rui Almeida está de férias até dia 30 de novembro.",
            "Erik är på semester till den 30 november.",
            // Back on a date, said without "until".
            "Vielen Dank, ich bin ab dem 7. Dezember wieder im Büro und schaue es mir dann an.",
            "Merci, je serai de retour le 7 décembre et je regarde ça.",
            "Gracias, estaré de vuelta el 7 de diciembre.",
            "Grazie, rientro il 7 dicembre e ci guardo.",
            "Dank je, ik ben vanaf 7 december weer op kantoor.",
            "Obrigado, volto no dia 7 de dezembro.",
            "Tack, jag är tillbaka den 7 december.",
            // Someone else back on a date, as a colleague writes it.
            "Ivan is travelling this week; he asked me to confirm we received the answers. He'll go through them when he's back on the 9th.",
            "She will be back in the office on Monday 7 December.",
        ] {
            let f = prospect_pause(text, None, &rules()).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(f.reason, "away", "{text}");
        }
        // Someone merely mentioned is not away, and a return that is no one's absence neither.
        assert!(prospect_pause("Mr Almeida is the one who signs.", None, &rules()).is_none());
        assert!(prospect_pause(
            "Die Rechnung ist ab dem 7. Dezember fällig.",
            None,
            &rules()
        )
        .is_none());
    }

    #[test]
    fn finding_something_out_and_coming_back_with_it_is_information() {
        for text in [
            "Ik zoek bij onze technici uit of Exact Online rechtstreeks wordt ondersteund en kom er deze week bij je op terug.",
            "Ich kläre mit unseren Technikern, ob die Schnittstelle das kann, und gebe Ihnen morgen Bescheid.",
            "Je vérifie avec nos ingénieurs et je reviens vers vous cette semaine.",
            "Jag kollar med våra tekniker och återkommer i veckan.",
        ] {
            let r = read(text);
            assert_eq!(r.finding.map(|f| f.reason).as_deref(), Some("information"), "{text}");
        }
        // Waiting for someone's return stays away.
        let r = read("I'll check in with you and get back to you when you're back on the 9th.");
        assert_ne!(r.finding.map(|f| f.reason).as_deref(), Some("information"));
    }

    #[test]
    fn asking_who_else_decides_is_about_the_decision_maker() {
        for text in [
            "Could you let me know who else should be part of the evaluation on your side?",
            "Wer sollte auf Ihrer Seite noch mitentscheiden?",
            "Qui d'autre devrait être impliqué dans la décision ?",
            "¿Quién más debería participar en la decisión?",
        ] {
            let r = read(text);
            assert_eq!(
                r.finding.map(|f| f.reason).as_deref(),
                Some("decision_maker"),
                "{text}"
            );
        }
        // Who else joins a call is a meeting question, not a decision.
        let r = read("Who else would you like to join the demo on Thursday?");
        assert_ne!(
            r.finding.map(|f| f.reason).as_deref(),
            Some("decision_maker")
        );
    }

    #[test]
    fn in_a_list_of_next_steps_the_reps_own_line_decides() {
        let r = read("Hi Sue,\n\nGreat call today. Recap of next steps:\n- You: share the list of integrations by Friday\n- Me: send the revised quote and the implementation timeline\n- Both: reconvene the week of Dec 7 with your CTO\n\nBest,\nAlex");
        assert_eq!(r.finding.map(|f| f.reason).as_deref(), Some("pricing"));
        assert_eq!(
            without_own_step("- Me: send the revised quote"),
            "send the revised quote"
        );
        assert_eq!(without_own_step("Meeting: Tuesday"), "Meeting: Tuesday");
    }

    #[test]
    fn a_reason_stated_far_more_clearly_outranks_an_aside() {
        let r = read("Hi Ana,\n\nThe contract is ready for signature in DocuSign - you should have received the envelope this morning. Let me know if legal has any comments.\n\nBest,\nAlex");
        assert_eq!(r.finding.map(|f| f.reason).as_deref(), Some("proposal"));
        // An offer to hear someone's comments is a courtesy beside what is handed over…
        for (body, want) in [
            ("Hallo Herr Kraus,\n\nanbei das Angebot für die 120 Lizenzen. Falls Ihr Einkauf Fragen hat, rufe ich gern an.\n\nGrüße\nAlex", "pricing"),
            ("Bonjour Claire,\n\nci-joint le contrat prêt à signer. Si votre service juridique a des remarques, dites-le-moi.\n\nAlex", "proposal"),
        ] {
            assert_eq!(read(body).finding.map(|f| f.reason).as_deref(), Some(want), "{body}");
        }
        // A document offered "in case legal needs it" is no decision either: with nothing
        // named beside it, the reader asks rather than draft for a decision maker.
        let r = read("Hi Ana,\n\nSure - it's attached. Our DPA is also in there in case legal needs it.\n\nAlex");
        assert_ne!(
            r.finding.map(|f| f.reason).as_deref(),
            Some("decision_maker")
        );
        // …but waiting on someone's decision is the decision maker's.
        let r = read("Hi Ana,\n\nAttached is the quote for 40 seats. I understand your CFO has the final say, so I'll wait to hear what she decides.\n\nAlex");
        assert_eq!(
            r.finding.map(|f| f.reason).as_deref(),
            Some("decision_maker")
        );
    }

    #[test]
    fn a_trial_still_to_be_scoped_after_a_decision_is_the_decision_makers_first() {
        let r = read("Hi Sam,\n\nThanks for the time today. Recap:\n\n- You're aligning with your CTO on the SSO requirement this week.\n- Once that's settled, we'll scope the pilot together.\n\nHave a good weekend!\nAlex");
        assert_eq!(
            r.finding.map(|f| f.reason).as_deref(),
            Some("decision_maker")
        );
        // A trial under way stays a trial.
        let r = read("Hi Sam,\n\nYour team has had the sandbox for a week now. How is the pilot going so far?\n\nAlex");
        assert_eq!(r.finding.map(|f| f.reason).as_deref(), Some("trial"));
    }

    #[test]
    fn a_trial_that_waits_on_an_approval_is_the_decision_makers_first() {
        let r = read("Sehr geehrter Herr Brandt,\n\nanbei finden Sie die Unterlagen zum Pilotprojekt. Sobald Ihr Geschäftsführer die Freigabe erteilt hat, können wir mit dem Testbetrieb im Lager Süd starten.\n\nMit freundlichen Grüßen\nAlex");
        assert_eq!(
            r.finding.map(|f| f.reason).as_deref(),
            Some("decision_maker")
        );
        // A running trial stays a trial, whoever else is named.
        let r = read("Hi Dana,\n\nYour 14-day trial is now active; the login details are in a separate email.\n\nBest,\nAlex");
        assert_eq!(r.finding.map(|f| f.reason).as_deref(), Some("trial"));
    }

    #[test]
    fn a_date_in_a_recap_does_not_make_the_rep_wait_when_the_email_asks_for_more() {
        let long = "Hi Chris,\n\nGreat to catch up at the expo last week.\n\nFollowing our chat, a quick recap: you're running picking on paper in two of the three sites, and your ops director Helen will make the final call on any new system. You mentioned budget is set in January.\n\nI've put together a short overview of how Northwind cut picking errors by 30% (attached).\n\nWould it help if I joined a 20-minute call with Helen to walk through it?\n\nBest,\nSam";
        let r = read(long).finding.expect("a reason");
        assert!(!matches!(r.reason.as_str(), "timing" | "away"), "{r:?}");
        // A wait the rep states still wins over what else the email says.
        for (body, reason) in [
            ("Hi Raj,\n\nThanks for the update. I'll hold off until you're back on the 9th and send the rollout plan then.\n\nBest,\nAlex", "away"),
            ("Hi Raj,\n\nHere is the deck from today. Let's revisit once the merger closes in March.\n\nAlex", "timing"),
        ] {
            assert_eq!(read(body).finding.map(|f| f.reason).as_deref(), Some(reason), "{body}");
        }
        // A promise in a postscript is read.
        let ps = "Hi Ana,\n\nThanks for your time today, really enjoyed it.\n\nTalk soon,\nSam\n\nP.S. I'll send over the case study from Iberia Foods tomorrow.";
        assert_eq!(
            read(ps).finding.map(|f| f.reason).as_deref(),
            Some("information")
        );
    }

    /// Read a thread: the rep's `earlier` message, the prospect's reply, the rep's answer.
    fn read_exchange(earlier: &str, prospect: &str, answer: &str) -> Reading {
        let id = Identity::new(&["alex@acme.io".into()], &[]);
        let (first, last) = (rep_mail(earlier), rep_mail(answer));
        let reply = Mail {
            from: vec![crate::message::Address::new(None, "dana@northwind.com")],
            to: vec![crate::message::Address::new(None, "alex@acme.io")],
            body: Some(prospect.into()),
            ..Mail::default()
        };
        detect(
            &[&last, &first],
            1,
            Some(&reply),
            &id,
            &rules(),
            &Examples::default(),
        )
    }

    #[test]
    fn an_offer_to_help_further_beside_a_bare_hand_over_leaves_the_reason_to_the_ask() {
        let r = read_exchange(
            "Hi Leo,\n\nGreat to connect today.\n\nAlex",
            "Thanks Alex. Can you send me your SOC 2 report?",
            "Attached. Let me know if your security team needs anything else.\n\nAlex",
        );
        let f = r.finding.expect("a reason");
        assert_eq!(
            (f.reason.as_str(), f.source),
            ("information", Source::ProspectText)
        );
        // Without a hand-over, someone else who may have questions still counts.
        let r =
            read("Hi Leo,\n\nLet me know if your CFO has any questions on the numbers.\n\nAlex");
        assert_ne!(r.finding.map(|f| f.reason).as_deref(), Some("information"));
        assert!(invites_comments(
            "Let me know if your security team needs anything else."
        ));
    }

    #[test]
    fn waiting_for_the_prospect_to_come_back_is_away() {
        for body in [
            "Hi Raj,\n\nI'll hold off until you're back on the 9th and send the rollout plan then.\n\nAlex",
            "Bonjour Claire,\n\nJe reviendrai vers vous à votre retour, le 9.\n\nAlex",
            "Hallo Herr Braun,\n\nich melde mich, wenn Sie wieder zurück sind.\n\nAlex",
            "Hola Marta:\n\nTe escribo a tu vuelta, el día 9.\n\nAlex",
        ] {
            assert_eq!(read(body).finding.map(|f| f.reason).as_deref(), Some("away"), "{body}");
        }
        assert!(waits_for_return("I'll wait until your return on Monday."));
        assert!(!waits_for_return(
            "Let's revisit after the audit is back from the regulator."
        ));
    }

    #[test]
    fn access_opened_for_a_set_time_is_a_trial_in_every_language() {
        for text in [
            "Done - the Denver team has access as of this morning and the 30-day clock starts today.",
            "You'll have full access for two weeks; nothing to install.",
            "Ihr Testzugang ist freigeschaltet und 21 Tage gültig.",
            "Vous avez un accès complet pendant deux semaines.",
            "Ya tenéis acceso a la plataforma completa durante tres semanas.",
            "Potete usare la piattaforma completa per tre settimane.",
            "Jullie hebben twee weken toegang tot de volledige versie.",
            "Vocês têm acesso durante duas semanas.",
            "Nu är era konton aktiverade och ni kan testa allt fritt i tre veckor.",
        ] {
            let r = read_text(text, &rules().priority);
            assert_eq!(r.best.map(|b| b.0).as_deref(), Some("trial"), "{text}");
        }
        for text in [
            "Access for 50 users is $900 a month.",
            "You'll have access to the recording for 14 days.",
            "I'll be in the office for two weeks.",
            "I'll be travelling for two weeks with limited access to email.",
            "I'm out for two weeks; Sam will look after your account.",
        ] {
            assert!(!opens_time_boxed_access(text), "{text}");
        }
    }

    #[test]
    fn the_prospect_handing_it_to_whoever_decides_waits_on_them() {
        let r = rules();
        for text in [
            "I've shared your proposal with Tom, our COO. He usually takes a week or two on these.",
            "Ciao Alex, ne parlo con mio padre che è il titolare e ti faccio sapere.",
            "Guten Tag Herr Morgan, unser Datenschutzbeauftragter muss das vorher prüfen.",
            "Alex, legal is reviewing the MSA. Should be done next week.",
        ] {
            let hit = r.match_text(text, RuleSet::ProspectDeferral);
            assert_eq!(
                hit.map(|h| h.0).as_deref(),
                Some("decision_maker"),
                "{text}"
            );
        }
    }

    #[test]
    fn the_reps_own_people_delivering_later_is_a_promise_not_a_done_deal() {
        let r = read("Hi Will,\n\nThanks - I've passed it to our security team and they'll have it back to you by Friday.\n\nBest,\nAlex");
        assert!(r.finding.is_some() && r.expects_reply, "{r:?}");
        // Done, with nothing owed: no reason to follow up on it.
        let r =
            read("Hi Will,\n\nI've passed your feedback on to our product team.\n\nBest,\nAlex");
        assert!(r.finding.is_none(), "{r:?}");
    }

    #[test]
    fn a_check_in_without_a_question_mark_still_asks_for_an_answer() {
        let r = read("Hi Chris,\n\nJust wanted to check in and see how things are going on your end.\n\nBest,\nAlex");
        assert!(r.finding.is_none() && r.expects_reply, "{r:?}");
    }

    #[test]
    fn a_decision_body_deciding_later_is_their_decision_on_that_date() {
        for text in [
            "Alex, the management committee decides on this in January.",
            "Alex, die Geschäftsführung entscheidet darüber im Januar.",
            "Alex, le comité de direction décidera en janvier.",
            "Alex, het directiecomité beslist hierover in januari.",
            "La junta directiva decidirá en enero.",
            "Il consiglio di amministrazione deciderà a gennaio.",
            "O conselho vai decidir em janeiro.",
            "Styrelsen beslutar i januari.",
        ] {
            assert!(body_decides(text), "{text}");
        }
        for text in [
            "We'll decide in January.",
            "Wir entscheiden im Januar.",
            "On décidera en janvier.",
        ] {
            assert!(!body_decides(text), "{text}");
        }
    }

    #[test]
    fn a_project_on_hold_is_a_pause_in_every_language() {
        let r = rules();
        for text in [
            "We've put the project on hold until the spring.",
            "Das Projekt liegt erst mal auf Eis.",
            "Le projet est en pause jusqu'en mars.",
            "El proyecto está congelado hasta el verano.",
            "Il progetto è in standby fino a marzo.",
            "Het project staat in de wacht tot maart.",
            "O projeto está em espera até março.",
            "Projektet är pausat till mars.",
        ] {
            let hit = r.match_text(text, RuleSet::ProspectDeferral);
            assert_eq!(hit.map(|h| h.0).as_deref(), Some("timing"), "{text}");
        }
        for text in [
            "Bonjour Alex, je suis en congé paternité jusqu'au 4 janvier. Je reviendrai vers vous à mon retour.",
            "Bonjour Alex, je suis en congé jusqu'au 4 janvier.",
            "Hallo Alex, ich bin ab morgen im Urlaub und ab dem 4. Januar wieder da.",
        ] {
            let hit = r.match_text(text, RuleSet::ProspectDeferral);
            assert_eq!(hit.map(|h| h.0).as_deref(), Some("away"), "{text}");
        }
        // Looking at it again later is a pause too.
        for text in [
            "Hoi Alex, dit voorjaar is het bij ons te druk. Na de zomer kijken we er weer naar.",
            "Nach der Messe schauen wir uns das noch einmal an.",
            "On regardera à nouveau le sujet en mars.",
            "Lo volveremos a mirar después del verano.",
            "Ci riguarderemo dopo l'estate.",
            "Voltaremos a analisar depois do verão.",
            "Vi tittar på det igen efter sommaren.",
            "We'll look at it again after the summer.",
        ] {
            let hit = r.match_text(text, RuleSet::ProspectDeferral);
            assert_eq!(hit.map(|h| h.0).as_deref(), Some("timing"), "{text}");
        }
        assert!(r
            .match_text("We froze the design yesterday.", RuleSet::ProspectDeferral)
            .is_none());
    }

    #[test]
    fn what_the_prospect_asks_for_is_read_in_every_language() {
        let r = rules();
        for (text, reason) in [
            (
                "Können Sie mir bitte die Preise für 50 Lizenzen schicken?",
                "pricing",
            ),
            (
                "Pourriez-vous m'envoyer le contrat pour relecture ?",
                "proposal",
            ),
            (
                "¿Me puede enviar información sobre la integración con SAP?",
                "information",
            ),
            ("Mi può mandare il preventivo per Milano?", "pricing"),
            ("Kunt u mij de documentatie sturen?", "information"),
            ("Pode enviar-me o orçamento para o Porto?", "pricing"),
            ("Kan du skicka en testversion till teamet?", "trial"),
            // Asked in the plural ("ni", "jullie", "ihr"…).
            ("Ser bra ut! Kan ni skicka en offert också?", "pricing"),
            ("Kunnen jullie ons de offerte sturen?", "pricing"),
            ("Thanks. Can you send me your SOC 2 report?", "information"),
            (
                "Merci, pourriez-vous m'envoyer aussi quelques références clients dans la distribution ?",
                "information",
            ),
            (
                "Thanks Alex - could you also send the security whitepaper? Our IT team asked for it.",
                "information",
            ),
        ] {
            let hit = r.match_text(text, RuleSet::ProspectRequest);
            assert_eq!(hit.map(|h| h.0).as_deref(), Some(reason), "{text}");
        }
        assert!(r
            .match_text(
                "Danke für die Preise, sehr hilfreich.",
                RuleSet::ProspectRequest
            )
            .is_none());
    }

    #[test]
    fn an_exchange_is_read_from_its_newest_words_back() {
        let reason = |r: Reading| r.finding.map(|f| (f.reason, f.source));
        // The prospect asked for something and the rep's answer doesn't name it: the request,
        // not the rep's earlier message.
        assert_eq!(
            reason(read_exchange(
                "Hi Dana,\n\nWould a demo next week work?\n\nAlex",
                "Can you send a case study first?",
                "Sure, here it is: https://acme.example/cs/retail\n\nAlex",
            )),
            Some(("information".into(), Source::ProspectText))
        );
        // A budget freeze until Q2 is a pause, whatever the rep's first message was about.
        assert_eq!(
            reason(read_exchange(
                "Hi Dana,\n\nThe proposal is attached.\n\nAlex",
                "Alex, we're in a budget freeze until Q2. Ping me then.",
                "Understood, will do!\n\nAlex",
            )),
            Some(("timing".into(), Source::ProspectText))
        );
        // "I'll review it with our CFO": someone else decides.
        assert_eq!(
            reason(read_exchange(
                "Hi Dana,\n\nAttached is the pricing for 40 seats.\n\nAlex",
                "Thanks Alex, I'll review it with our CFO next week.",
                "Sounds good.\n\nAlex",
            )),
            Some(("decision_maker".into(), Source::ProspectText))
        );
        // A no, taken gracefully: nothing to follow up, and the reading says why.
        let r = read_exchange(
            "Hi Dana,\n\nHappy to set up a pilot for your team.\n\nAlex",
            "Thanks Alex, but we've decided to go with another vendor.",
            "Understood, thanks for letting me know. Best of luck with the rollout!\n\nAlex",
        );
        assert!(
            r.finding.is_none() && r.declined && !r.expects_reply,
            "{r:?}"
        );
        // Thanking for the feedback asks for none ("danke für die offene Rückmeldung").
        let r = read_exchange(
            "Hallo Lena,\n\nanbei das Angebot.\n\nAlex",
            "Danke! Wir haben uns leider für einen anderen Anbieter entschieden.",
            "Schade, aber danke für die offene Rückmeldung. Viel Erfolg!\n\nAlex",
        );
        assert!(r.declined && !r.expects_reply, "{r:?}");
        // A won deal: the prospect sent the signed order and the rep thanked them.
        for (prospect, answer) in [
            (
                "Buongiorno Alex,\n\nin allegato l'ordine firmato. Procediamo!\n\nPaolo",
                "Buongiorno Paolo,\n\ngrazie mille, ottima notizia! Il nostro team onboarding la contatterà entro domani per il kickoff.\n\nAlex",
            ),
            (
                "Hi Alex, attached is the signed order form. Excited to get started.",
                "Fantastic news, Dana - thank you! Our onboarding lead will reach out tomorrow to book the kickoff.\n\nAlex",
            ),
            (
                "Hallo Alex, anbei der unterschriebene Auftrag.",
                "Vielen Dank, Frau Weber, wir freuen uns sehr! Unser Onboarding-Team meldet sich morgen.\n\nAlex",
            ),
            // The document named only by the thread: "Signed copy attached."
            (
                "Signed copy attached. Looking forward to getting started!",
                "Fantastic, welcome aboard! Our onboarding lead will reach out to book the kickoff.\n\nAlex",
            ),
            (
                "Bonjour Alex, vous trouverez ci-joint la copie signée.",
                "Merci beaucoup, ravi de démarrer ensemble !\n\nAlex",
            ),
        ] {
            let r = read_exchange("Hi Dana,\n\nAttached is the order form.\n\nAlex", prospect, answer);
            assert!(r.finding.is_none() && r.won && !r.expects_reply, "{prospect}: {r:?}");
        }
        // A signature still to come, or a rep who asks for more, is not a won deal.
        for (prospect, answer) in [
            (
                "Once the contract is signed by our CFO, we'll send the PO.",
                "Great, thanks Dana!\n\nAlex",
            ),
            (
                "Attached is the signed order form.",
                "Thank you! Could you also send the PO number for the invoice?\n\nAlex",
            ),
        ] {
            let r = read_exchange(
                "Hi Dana,\n\nAttached is the order form.\n\nAlex",
                prospect,
                answer,
            );
            assert!(!r.won, "{prospect}: {r:?}");
        }
        // A no the rep answers with a question is still a conversation.
        let r = read_exchange(
            "Hi Dana,\n\nHappy to set up a pilot for your team.\n\nAlex",
            "Thanks Alex, but we've decided to go with another vendor.",
            "Understood. Would you be open to a quick call in Q2 to compare notes?\n\nAlex",
        );
        assert!(!r.declined, "{r:?}");
        // With nothing newer to go on, the rep's earlier message still gives the reason.
        assert_eq!(
            reason(read_exchange(
                "Hi Dana,\n\nAttached is the pricing for 40 seats.\n\nAlex",
                "Thanks, will have a look.",
                "Great, thanks Dana!\n\nAlex",
            )),
            Some(("pricing".into(), Source::RepText))
        );
    }

    #[test]
    fn asking_the_prospect_to_pick_a_time_books_the_call_over_what_was_only_promised() {
        for (body, want) in [
            (
                "Hi Raj,\n\nThanks for the great discussion. As a next step, I'll connect you with our implementation lead so she can walk you through the migration plan. Let me know a couple of times that work next week.\n\nAlex",
                "meeting",
            ),
            (
                "Bonjour Sophie,\n\nJe vous prépare la documentation technique. Quel créneau vous conviendrait la semaine prochaine pour en parler ?\n\nAlex",
                "meeting",
            ),
            // Something handed over stays the point; the call is about it.
            (
                "Hi Dana,\n\nAttached is the quote for the three sites. Does Tuesday or Wednesday work for a call to go through it?\n\nAlex",
                "pricing",
            ),
        ] {
            let f = read_about("Next steps", body).finding.expect("a reason");
            assert_eq!(f.reason, want, "{body}");
        }
        assert!(asks_for_times(
            "¿Qué día te viene bien la semana que viene?"
        ));
        assert!(asks_for_times("Wann passt es Ihnen nächste Woche?"));
        for t in [
            "Would Tuesday or Thursday afternoon work for you?",
            "Ti scrivo per fissare la call con il vostro responsabile IT: martedì o giovedì pomeriggio andrebbero bene?",
            "¿El martes o el jueves te iría bien?",
            "Mardi ou jeudi vous conviendrait ?",
            "Würde Ihnen Dienstag oder Donnerstag passen?",
            "Komt dinsdag of donderdag jullie beter uit?",
            "Terça ou quinta-feira dá-lhe jeito?",
            "Skulle tisdag eller torsdag passa?",
            // Asking them to propose a time.
            "Schlagen Sie mir gern ein paar Termine vor.",
            "Proposez-moi quelques créneaux.",
            "Propónme un par de horarios que te vayan bien.",
            "Proponimi un orario che ti vada bene.",
            "Stel gerust een paar tijden voor.",
            "Sugira-me alguns horários.",
            "Föreslå gärna en tid.",
        ] {
            assert!(asks_for_times(t), "{t}");
        }
        assert!(!asks_for_times(
            "If it helps, let me know a time that works and I'll walk you through it."
        ));
        assert!(!asks_for_times("Thanks for your time on Tuesday."));
    }

    #[test]
    fn coming_back_the_week_after_a_committee_is_timing_not_an_absence() {
        // An absence named anywhere in the email keeps it away.
        for (body, away) in [
            ("Bonjour Julie,\n\nJe comprends que le sujet doit d'abord passer en comité de direction le 15. Je reviendrai vers vous la semaine suivante.\n\nAlex", false),
            ("Bonjour Julie,\n\nBonnes vacances ! Je reviendrai vers vous à votre retour.\n\nAlex", true),
        ] {
            let f = read_about("Suivi", body).finding.expect("a reason");
            assert_eq!(f.reason == "away", away, "{f:?}");
        }
    }

    #[test]
    fn a_long_hand_over_the_model_is_sure_of_names_its_own_object() {
        let f = read_about(
            "Re: Follow-up",
            "Understood.\n\nHere's an honest comparison of where we're stronger and where Gong is: https://acme.io/vs-gong\n\nAlex",
        )
        .finding
        .expect("a reason");
        assert_eq!(f.reason, "information");
    }

    #[test]
    fn a_bare_hand_over_takes_its_reason_from_the_subject() {
        let f = read_about(
            "Re: Quote for 50 seats",
            "Hi Dana,\n\nPlease find attached.\n\nAlex",
        )
        .finding
        .expect("a reason");
        assert_eq!(f.reason, "pricing");
        assert_eq!(f.commitment.as_deref(), Some("Please find attached."));
        assert!(f.why.contains("Quote for 50 seats"), "{}", f.why);
        // A subject that names nothing handed over, or a text that hands nothing over, decides
        // nothing; a text that states its own reason keeps it.
        for (subject, body, reason) in [
            (
                "Contract for signature",
                "Hier bijgaand, zoals beloofd.\n\nAlex",
                Some("proposal"),
            ),
            (
                "Proposal for Globex",
                "Here you go, as promised.\n\nAlex",
                Some("proposal"),
            ),
            ("Next steps", "Please find attached.\n\nAlex", None),
            (
                "Quote for 50 seats",
                "Thanks for the call today!\n\nAlex",
                None,
            ),
            ("Meeting next week", "Please find attached.\n\nAlex", None),
            (
                "Quote for 50 seats",
                "Attached is the contract for signature.\n\nAlex",
                Some("proposal"),
            ),
        ] {
            let r = read_about(subject, body);
            assert_eq!(
                r.finding.map(|f| f.reason).as_deref(),
                reason,
                "{subject}: {body}"
            );
        }
    }

    #[test]
    fn lines_without_punctuation_and_numbered_lists_are_read_one_by_one() {
        // As HTML mail turns to text, or a quick note from a phone: a line per sentence.
        let cases = [
            (
                "Hi Dana\nGreat to see you at the expo\nThe quote for the three sites is attached\nShout if anything looks off\nAlex",
                "pricing",
                "The quote for the three sites is attached",
            ),
            (
                "Hi Dana,\n\nNext steps as agreed:\n1. I'll send the revised contract by Friday\n2) You sign it with your team\n\nAlex",
                "proposal",
                "I'll send the revised contract by Friday",
            ),
        ];
        for (body, reason, sentence) in cases {
            let sents = model_sentences(body);
            assert!(sents.iter().any(|s| s == sentence), "{sents:?}");
            let r = read(body);
            assert_eq!(
                r.finding.map(|f| f.reason).as_deref(),
                Some(reason),
                "{body}"
            );
        }
        // A plain-text paragraph wrapped at 72 columns stays one sentence.
        let wrapped = "I had a look at the numbers you sent over last week and I think we can\nmake the three-year option work for your team.";
        assert_eq!(model_sentences(wrapped).len(), 1);
    }

    #[test]
    fn a_call_named_in_passing_beside_a_quote_sent_is_no_meeting_even_as_runner_up() {
        let body = "Gentile Maier,\n\ncome anticipato al telefono, Le invio l'offerta aggiornata con le tre opzioni di licenza.\n\nAttendo un Suo riscontro.\n\nAlex";
        assert_eq!(
            read(body).finding.map(|f| f.reason).as_deref(),
            Some("pricing")
        );
        let mut p = [0f32; CLASSES.len()];
        p[0] = 0.5;
        p[4] = 0.39;
        p[3] = 0.11;
        assert!(leads_or_follows(&p, "meeting"));
        // Third of three: neither first nor second.
        assert!(!leads_or_follows(&p, "information"));
    }

    #[test]
    fn coming_back_after_their_committee_is_timing_but_waiting_on_a_decision_is_not() {
        // The rep's own moment to come back, after the body that decides has met.
        for body in [
            "Bonjour Claire,\n\nParfait, je reviens vers vous après le comité.\n\nAlex",
            "Hi Ana,\n\nSince procurement needs to onboard us as a vendor first, I'll wait until that's through and pick things up then.\n\nAlex",
        ] {
            assert_eq!(read(body).finding.map(|f| f.reason).as_deref(), Some("timing"), "{body}");
        }
        // No moment named: the decision itself is what the thread waits on.
        let body = "Hi Bea,\n\nUnderstood that procurement has to sign off before anything moves. I'll wait to hear how that goes - let me know if they need anything from us.\n\nAlex";
        assert_eq!(
            read(body).finding.map(|f| f.reason).as_deref(),
            Some("decision_maker")
        );
    }

    #[test]
    fn coming_back_after_an_event_on_a_day_is_timing_when_nothing_is_clearer() {
        for body in [
            "Hi Tom,\n\nThanks for your time today. As discussed, I'll loop back after your board meeting on the 15th to see where things landed.\n\nAlex",
            "Hi Tom,\n\nI'll follow up after your planning session on the 12th to see where you landed.\n\nAlex",
            "Hi Tom,\n\nI'll reach out after the vote on the 14th to hear the outcome.\n\nAlex",
            "Hi Tom,\n\nI'll get back to you after your exec sync on the 3rd.\n\nAlex",
        ] {
            let r = read(body);
            assert_eq!(r.finding.map(|f| f.reason).as_deref(), Some("timing"), "{body}");
        }
        // After something the rep does first, what is owed is still the rep's.
        let r = read("Hi Tom,\n\nI'll get back to you once I've checked the SSO setup with our engineers.\n\nAlex");
        assert_ne!(r.finding.map(|f| f.reason).as_deref(), Some("timing"));
    }

    #[test]
    fn the_rep_waiving_an_answer_expects_none() {
        for body in [
            "Hi Ivy,\n\nThought this case study from a team your size might be useful: https://acme.example/cs\n\nNo need to reply, just sharing.\n\nAlex",
            "Hallo Frau Vogt,\n\nanbei der Artikel über die neue Verpackungsverordnung. Sie müssen nicht darauf antworten.\n\nAlex",
            "Bonjour Claire,\n\nvoici l'étude de cas dont je vous parlais. Pas besoin de répondre.\n\nAlex",
            "Hola Ana:\n\nte paso el informe del sector. No hace falta que contestes.\n\nAlex",
            "Hej Karin,\n\nhär är guiden jag nämnde. Du behöver inte svara.\n\nAlex",
        ] {
            let r = read(body);
            assert!(r.finding.is_none(), "{body}: {:?}", r.finding);
            assert!(!r.expects_reply, "{body}");
        }
        // An answer put off, or a question asked, still wants one.
        for body in [
            "Hi Ivy,\n\nHere's the pricing for 40 seats. No need to reply yet, take your time with your CFO.\n\nAlex",
            "Hi Ivy,\n\nNo need to reply to the survey. Could we talk Thursday about the rollout?\n\nAlex",
        ] {
            assert!(read(body).expects_reply, "{body}");
        }
    }

    #[test]
    fn something_shared_for_reference_expects_no_reply_unless_it_was_asked_for() {
        for body in [
            "Hi Nina,\n\nThanks for joining our webinar on Tuesday! In case it's useful, here's the recording: https://acme.example/webinars/rec-42\n\nAll the best,\nAlex",
            "Hallo Herr Braun,\n\nzur Info: anbei der Artikel, den ich erwähnt hatte.\n\nViele Grüße\nAlex",
            "Bonjour Claire,\n\nÀ toutes fins utiles, voici le lien vers notre étude de cas.\n\nBien à vous,\nAlex",
            "Hola Marta,\n\npor si te sirve, te adjunto la guía de buenas prácticas.\n\nUn saludo,\nAlex",
        ] {
            let r = read(body);
            assert!(r.finding.is_none(), "{body}: {:?}", r.finding);
            assert!(!r.expects_reply, "{body}");
        }
        // What the prospect asked for is awaited, however casually it is handed over.
        for body in [
            "Hi Nina,\n\nFYI, attached is the security questionnaire you asked for.\n\nAlex",
            "Hola Marta,\n\ncomo me pediste, y por si te sirve, te adjunto la propuesta revisada.\n\nUn saludo,\nAlex",
        ] {
            assert!(read(body).finding.is_some(), "{body}");
        }
    }

    #[test]
    fn thanks_and_fyi_expect_no_reply_but_a_question_does() {
        for body in [
            "Thanks Dana! Talk soon.\n\nAlex",
            "Hi Dana,\n\nCongratulations on the launch, the whole team was cheering!\n\nAlex",
            "Vielen Dank für das nette Gespräch heute!\n\nViele Grüße\nAlex",
        ] {
            let r = read(body);
            assert!(r.finding.is_none(), "{body}: {:?}", r.finding);
            assert!(!r.expects_reply, "{body}");
        }
        for body in [
            "Hi Dana,\n\nGreat to see you yesterday. Any thoughts on next steps?\n\nAlex",
            "Hi Dana,\n\nLet me know what you think.\n\nAlex",
            // The rep's own nudge asks for an answer, with no reason of its own.
            "Hi Rob,\n\nJust checking in to see if you had a chance to look at this?\n\nSam",
            "Hallo Herr Braun,\n\nsind Sie schon dazu gekommen, sich das anzusehen?\n\nSam",
            "Bonjour Claire,\n\navez-vous pu y jeter un œil ?\n\nSam",
            "Hej Karin,\n\nhar du hunnit titta på det?\n\nSam",
        ] {
            let r = read(body);
            assert!(r.finding.is_none(), "{body}: {:?}", r.finding);
            assert!(r.expects_reply, "{body}");
        }
    }

    /// The reason [`read`] finds in a body, if any.
    fn read_reason(body: &str) -> Option<String> {
        read(body).finding.map(|f| f.reason)
    }

    #[test]
    fn a_wish_for_the_rest_of_the_week_or_the_trip_home_expects_no_reply() {
        for body in [
            "Kate, that's so kind of you to say - it was a pleasure working with your team. \
             Enjoy the rest of the week!\n\nAlex",
            "Hi Tom,\n\nThanks for the quick chat. Have a great weekend, Tom!\n\nAlex",
            "Hallo Jan,\n\nvielen Dank für den Besuch. Schönes Wochenende!\n\nAlex",
            "Hola Ana,\n\n¡Gracias por venir! ¡Buen viaje de vuelta!\n\nAlex",
            "Bonjour Luc,\n\nMerci pour cet échange. Bonne fin de journée !\n\nAlex",
            "Liebe Frau Schmitt,\n\ngern geschehen, dafür sind wir da. Einen schönen Tag noch!\n\nAlex",
            "Hi Kate,\n\nYou're welcome, anytime!\n\nAlex",
            "Hi Eva,\n\nThank you Eva, it was great to see the new property. Speak soon!\n\nAlex",
        ] {
            let r = read(body);
            assert!(r.finding.is_none(), "{body}: {:?}", r.finding);
            assert!(!r.expects_reply, "{body}");
        }
        // A wish beside the date the rep comes back still reads as that wait.
        let r =
            read("Hi Tom,\n\nEnjoy your trip! I'll follow up when you're back on the 9th.\n\nAlex");
        assert_eq!(r.finding.map(|f| f.reason).as_deref(), Some("away"));
    }

    #[test]
    fn leaving_them_to_it_and_coming_back_later_is_timing_not_an_absence() {
        let body = "Understood Tom, reorgs are all-consuming. I'll leave you to it and come back \
                    to you at the start of February.\n\nGood luck with it,\nAlex";
        assert_eq!(read_reason(body).as_deref(), Some("timing"));
        // Someone's actual leave still is one.
        let body = "Hi Tom,\n\nSince you're on parental leave until March, I'll come back to you \
                    then.\n\nAlex";
        assert_eq!(read_reason(body).as_deref(), Some("away"));
    }

    #[test]
    fn an_nda_sent_on_the_way_to_a_document_is_information_not_a_proposal() {
        let body = "Hi Derek,\n\nOf course. Our report is under NDA, so I've sent you our mutual \
                    NDA via DocuSign - once it's signed I'll send the report straight over.\n\nBest,";
        assert_eq!(read_reason(body).as_deref(), Some("information"));
        // So is a DPA handed over with the answer to a data-protection question.
        let body = "Bonjour Léa,\n\nOui, nos données sont hébergées à Roubaix, et nous sommes \
                    conformes au RGPD. Je vous joins notre DPA et la liste de nos \
                    sous-traitants.\n\nCordialement,";
        assert_eq!(read_reason(body).as_deref(), Some("information"));
        // An NDA beside the services agreement is the contract's thread.
        for body in [
            "Hi Derek,\n\nAttached are the NDA and the services agreement for signature.\n\nBest,",
            "Hallo Herr Kurz,\n\nanbei die Vertraulichkeitsvereinbarung und das \
             Dienstleistungsangebot.\n\nViele Grüße",
        ] {
            assert_eq!(read_reason(body).as_deref(), Some("proposal"), "{body}");
        }
    }

    #[test]
    fn material_prepared_for_their_board_is_for_the_decision() {
        for body in [
            "Buongiorno Marco,\n\nperfetto, grazie. Se può essere utile per il CdA, posso \
             preparare una breve presentazione con i risultati ottenuti da clienti simili.\n\n\
             Un cordiale saluto,",
            "Hi Dana,\n\nHappy to put together a one-pager for your CFO with the numbers that \
             matter to her.\n\nBest,",
        ] {
            assert_eq!(
                read_reason(body).as_deref(),
                Some("decision_maker"),
                "{body}"
            );
        }
        // What the rep prepares for a security team answers its questions.
        let body = "Hi Dana,\n\nI've drafted answers to the questionnaire for your security team, \
                    attached.\n\nBest,";
        assert_ne!(read_reason(body).as_deref(), Some("decision_maker"));
    }

    #[test]
    fn coming_back_after_their_board_for_its_decision_is_the_decision() {
        for body in [
            "Hi Dana,\n\nI'll follow up after your CFO has had a look.\n\nAlex",
            "Hej Karin,\n\nJag hör av mig efter ert styrelsemöte för att höra vad ni \
             beslutade.\n\nAlex",
        ] {
            assert_eq!(
                read_reason(body).as_deref(),
                Some("decision_maker"),
                "{body}"
            );
        }
        // Coming back once the rep's own people have answered is theirs to deliver.
        let body = "Hola Pablo,\n\nHe preguntado a nuestro equipo de implantación por los plazos \
                    y le escribo en cuanto los tenga.\n\nAlex";
        assert_eq!(read_reason(body).as_deref(), Some("information"));
    }

    #[test]
    fn a_text_every_sentence_of_which_a_rule_reads_is_read_without_panic() {
        // Each sentence certain of one class by a rule leaves the other classes without a
        // sentence; the booking step must not look one up.
        for body in [
            "Let me know what time works and I'll send the invite.",
            "See you Tuesday! Could we also book 30 minutes with your CFO next week?",
            "I've sent a calendar invite for Tuesday at 3pm. Let me know a couple of times that \
             work for your team too.",
        ] {
            let _ = reader_verdict(body);
            let _ = read(body);
        }
    }

    #[test]
    fn the_prospect_saying_whose_decision_it_is_names_the_decision_maker_in_eight_languages() {
        let id = Identity::new(&["alex@acme.io".into()], &[]);
        let rep = rep_mail("Thanks, makes sense. I've attached a one-page summary.");
        for said in [
            "I like it, but our managing partner signs off on anything over $50k.",
            "Die Entscheidung liegt bei unserer Geschäftsführung.",
            "La décision finale revient à notre comité de direction.",
            "La decisión final es de mi jefa.",
            "Alex, la decisione finale spetta al nostro CdA, che si riunisce a metà dicembre.",
            "De beslissing ligt bij de directie.",
            "A decisão final cabe ao conselho de administração.",
            "Hej Alex, jag gillar upplägget men det är vår vd som bestämmer.",
            "The team loves it. I'll need to get buy-in from our VP Engineering though.",
            "I'm keen, but she controls the tooling budget.",
            "Thanks Alex. Dr. Patel owns the practice, so it's really her call.",
        ] {
            let mut p = rep_mail(said);
            p.from = vec![Address::new(None, "dana@northwind.com")];
            let f = det(&[&rep], Some(&p), &id, &rules()).unwrap();
            assert_eq!(
                (f.reason.as_str(), f.source),
                ("decision_maker", Source::ProspectText),
                "{said}"
            );
        }
        // A board approving the budget by a date is a date to wait for.
        let mut p = rep_mail(
            "We can't commit to anything until the board approves the new fiscal year budget in March.",
        );
        p.from = vec![Address::new(None, "dana@northwind.com")];
        let rep = rep_mail(
            "Understood. I've made a note to come back to you after the board meeting in March.",
        );
        let f = det(&[&rep], Some(&p), &id, &rules()).unwrap();
        assert_eq!(f.reason, "timing");
    }

    #[test]
    fn an_offer_asked_as_a_question_does_not_outrank_the_price_given() {
        for body in [
            "Ben - 15 users is $450/month all-in, billed annually. No setup fee. Want me to send \
             the order form?\n\nAlex",
            "Hallo Ben,\n\nfür 15 Nutzer sind es 450 € im Monat, jährlich abgerechnet. Soll ich \
             Ihnen das Bestellformular schicken?\n\nAlex",
        ] {
            assert_eq!(read_reason(body).as_deref(), Some("pricing"), "{body}");
        }
        // Alone, the offer still states what the thread is about.
        let body = "Hi Ben,\n\nShall I send over the contract for signature?\n\nAlex";
        assert_eq!(read_reason(body).as_deref(), Some("proposal"));
    }

    #[test]
    fn a_proposal_covering_a_list_of_seat_counts_is_the_proposal() {
        let body = "Hi Megan,\n\nGreat speaking with you and Raj today.\n\nAs discussed, I'll put \
                    together a proposal covering:\n\n- Phase 1: support team (45 seats), January\n\
                    - Phase 2: success team (20 seats), March\n- SSO and the Zendesk integration \
                    from day one\n\nYou'll have it by Wednesday. On the call you mentioned the \
                    budget review - happy to include a short ROI section if that helps.\n\nBest,";
        assert_eq!(read_reason(body).as_deref(), Some("proposal"));
    }

    #[test]
    fn a_call_set_up_to_answer_the_deciders_questions_is_for_the_decision() {
        let body = "Hi Ryan,\n\nThat's really common. Would it help if I set up a short call with \
                    Jim to answer his questions directly? I can also send you a couple of \
                    references from marine businesses he could call.\n\nBest,";
        assert_eq!(read_reason(body).as_deref(), Some("decision_maker"));
        // An offer to hear questions beside what the email hands over is not.
        let body = "Hi Ryan,\n\nAttached are two references from marine businesses. Let me know \
                    if your partner has any questions.\n\nBest,";
        assert_eq!(read_reason(body).as_deref(), Some("information"));
        // Nor a call offered in case they have questions, beside what it hands over.
        let body = "Hi Will,\n\nAttached are the MSA and the DPA. Happy to set up a call with our \
                    legal team if your counsel has questions.\n\nBest,";
        assert_eq!(read_reason(body).as_deref(), Some("proposal"));
    }

    #[test]
    fn the_prospects_question_answered_is_the_information_the_thread_is_about() {
        let id = Identity::new(&["alex@acme.io".into()], &[]);
        let rep = rep_mail(
            "Hallo Herr Weber,\n\ndanke für Ihre Frage. Ja, Mandantenfähigkeit ist Standard – bis \
             zu 50 Mandanten in einer Instanz. Eine kurze Beschreibung hänge ich an.\n\nBeste Grüße",
        );
        let mut p = rep_mail(
            "Hallo Herr Morgan,\n\nunterstützt Ihre Lösung auch mehrere Mandanten in einer \
             Installation?\n\nGruß\nMichael Weber",
        );
        p.from = vec![Address::new(None, "m.weber@weber-elektro.example")];
        let f = det(&[&rep], Some(&p), &id, &rules()).unwrap();
        assert_eq!(
            (f.reason.as_str(), f.source, f.commitment.as_deref()),
            (
                "information",
                Source::ProspectText,
                Some("Unterstützt Ihre Lösung auch mehrere Mandanten in einer Installation?")
            )
        );
        // Small talk answered with small talk is no question about the deal.
        let rep = rep_mail("Hi Kim,\n\nGreat, thanks - lovely to be home. Talk soon!\n\nAlex");
        let mut p = rep_mail("Hi Alex, thanks for the update. How was your trip to Lisbon?");
        p.from = vec![Address::new(None, "kim@example.org")];
        assert_eq!(det(&[&rep], Some(&p), &id, &rules()), None);
    }

    #[test]
    fn the_one_holding_the_purse_strings_decides() {
        let id = Identity::new(&["alex@acme.io".into()], &[]);
        let rep = rep_mail("Thanks Kate, really appreciate you championing this internally!");
        let mut p = rep_mail(
            "Alex - quick update. I've put it in front of our ops director, she's the one holding \
             the purse strings. Will let you know.",
        );
        p.from = vec![Address::new(None, "kate@hollis.example")];
        let f = det(&[&rep], Some(&p), &id, &rules()).unwrap();
        assert_eq!(
            (f.reason.as_str(), f.source),
            ("decision_maker", Source::ProspectText)
        );
    }

    #[test]
    fn a_coffee_at_the_fair_is_a_meeting() {
        for body in [
            "Hi Eve,\n\nI'll be at BuildTech in Chicago on the 9th and 10th - any chance you're \
             going? Would be great to grab a coffee and show you the new site-tracking features \
             in person.\n\nBest,",
            "Hallo Herr Lange,\n\nich bin nächste Woche auf der Messe in Köln. Hätten Sie Zeit, \
             auf einen Kaffee an unserem Stand vorbeizukommen?\n\nBeste Grüße",
        ] {
            assert_eq!(read_reason(body).as_deref(), Some("meeting"), "{body}");
        }
    }

    #[test]
    fn a_terse_ask_for_minutes_after_the_pilot_is_a_meeting() {
        let body = "Oz - pilot's done, results look strong (18% fewer missed appointments). Worth \
                    30 mins next week to review and talk next steps?\n\nAlex";
        assert_eq!(read_reason(body).as_deref(), Some("meeting"));
    }

    #[test]
    fn a_deciding_team_named_with_a_word_around_it_decides() {
        let id = Identity::new(&["alex@acme.io".into()], &[]);
        let rep = rep_mail("Makes sense. I've attached our vendor onboarding pack.");
        for said in [
            "Our procurement team needs to review before we sign anything.",
            "I'm sold, but I have to convince our plant manager.",
        ] {
            let mut p = rep_mail(said);
            p.from = vec![Address::new(None, "cam@rose.example")];
            let f = det(&[&rep], Some(&p), &id, &rules()).unwrap();
            assert_eq!(
                (f.reason.as_str(), f.source),
                ("decision_maker", Source::ProspectText),
                "{said}"
            );
        }
        // A decision promised by a date is that date to wait for.
        let rep = rep_mail(
            "Thanks Kai, that's helpful. I'll touch base at the end of January then - let me know \
             if anything comes up before.",
        );
        let mut p = rep_mail("We'll make a decision by end of January.");
        p.from = vec![Address::new(None, "kai@bond.example")];
        assert_eq!(
            det(&[&rep], Some(&p), &id, &rules()).unwrap().reason,
            "timing"
        );
        assert_eq!(
            read_reason("Hi Kai,\n\nI'll touch base at the end of January then.\n\nAlex")
                .as_deref(),
            Some("timing")
        );
    }

    #[test]
    fn a_pen_test_summary_is_information_and_talking_next_week_with_times_is_a_meeting() {
        let body = "Hi Bea,\n\nNo problem - our latest pen test summary (October, by NCC Group) is \
                    attached. The full report is available under NDA if your IT team needs it.\n\nBest,";
        assert_eq!(read_reason(body).as_deref(), Some("information"));
        let id = Identity::new(&["alex@acme.io".into()], &[]);
        let day = |d: u32| {
            chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, d, 9, 0, 0).single()
        };
        let mut rep =
            rep_mail("Sounds good, Ned. How about Tuesday at 10am or Wednesday at 3pm CT?");
        rep.date = day(21);
        let mut p = rep_mail("Let's talk next week.");
        p.from = vec![Address::new(None, "ned@shaw.example")];
        p.date = day(20);
        assert_eq!(
            det(&[&rep], Some(&p), &id, &rules()).unwrap().reason,
            "meeting"
        );
        // Left there, it is their time to talk; and times the rep proposed before it are what
        // their "let's talk" answered.
        let mut later = rep_mail("Sounds good, Ned - talk next week.");
        later.date = day(21);
        assert_eq!(
            det(&[&later], Some(&p), &id, &rules()).unwrap().reason,
            "timing"
        );
        let mut before = rep_mail("Would Tuesday at 3pm work for a short call?");
        before.date = day(19);
        assert_eq!(
            det(&[&before], Some(&p), &id, &rules()).unwrap().reason,
            "timing"
        );
        // "Let's talk again after the budget meeting" puts it off, whatever the rep proposes.
        let mut again = rep_mail("Let's talk again after the budget meeting next month.");
        again.from = p.from.clone();
        again.date = day(20);
        assert_eq!(
            det(&[&rep], Some(&again), &id, &rules()).unwrap().reason,
            "timing"
        );
        // Presenting it to the board names who decides.
        let rep =
            rep_mail("Brilliant, thanks Eve. I've attached three slides for your board pack.");
        let mut p = rep_mail("Looks good. I'll present it to the board on the 10th.");
        p.from = vec![Address::new(None, "eve@park.example")];
        assert_eq!(
            det(&[&rep], Some(&p), &id, &rules()).unwrap().reason,
            "decision_maker"
        );
    }
}
