//! Default reason rules: case-insensitive regexes over the author's own words (quotes and
//! signature removed). Config may replace any reason's list or add new reasons.

use std::collections::HashMap;

use regex::Regex;

use crate::message::haystack::bare;

/// The reasons shipped with templates and value items. When one message matches several, the
/// earlier one here wins: a deferral (away, timing) decides *when*, a named decision maker
/// decides *who*, and a document decides *what*.
pub const DEFAULT_PRIORITY: &[&str] = &[
    "away",
    "timing",
    "trial",
    "decision_maker",
    "proposal",
    "pricing",
    "meeting",
    "information",
];

const MONTHS: &str = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec";
/// The same people in the other seven languages, as prospects name them ("mit meinem Chef",
/// "notre DAF", "mi jefa", "il nostro CdA", "onze directie", "o meu diretor", "vår ekonomichef").
pub(crate) const ROLES_INTL: &str = r"chef(in)?|gesch[äa]ftsf[üu]hr\w*|gesch[äa]ftsleitung|vorstand|einkauf|rechtsabteilung|finanzabteilung|finanzchef\w*|it-abteilung|it-leit\w*|betriebsrat|controlling|aufsichtsrat|patron(ne)?|direct(eur|rice|ion)|daf|dsi|achats|(service\s+)?juridique|comit[ée]|conseil|jef[ea]|director(a)?|direcci[óo]n|gerente|compras|jur[íi]dico|consejo|junta|datenschutzbeauftragte\w*|inhaber\w*|propri[ée]taire|due[ñn]o|titolare|eigenaar|dono|[äa]gare\w*|dataskyddsombud\w*|dpo|capo|direttor[ei]|direzione|ufficio\s+(acquisti|legale)|legale|amministratore\s+delegato|cda|consiglio|baas|directeur|directie|inkoop|juridische\s+afdeling|raad\s+van\s+bestuur|mt|chefe|diretor(a)?|dire[çc][ãa]o|administra[çc][ãa]o|conselho|ekonomichef\w*|vd|ledning\w*|styrelse\w*|ink[öo]p\w*|jurist\w*|it-chef\w*|controller|cfo|ceo|cto|cio";

pub(crate) const ROLES: &str = r"cfo|ceo|cto|coo|cio|ciso|cmo|cro|vp|svp|evp|boss|manager|director|head\s+of\s+\w+|board|leadership(\s+team)?|exec(utive)?s?(\s+team)?|management|finance(\s+team)?|procurement|purchasing|legal(\s+team)?|partners?|founders?|co-?founder|owner|committee|stakeholders?|it\s+team|security\s+team|controller|dpo|data\s+protection\s+officer|compliance(\s+team)?|privacy\s+team|works\s+council";

/// Default rules for the rep's own messages.
pub fn default_rules() -> HashMap<String, Vec<Regex>> {
    let table: Vec<(&str, Vec<String>)> = vec![
        ("pricing", vec![
            // de, fr, es, it, nl, pt, sv
            r"\b(angebot|preis(e|liste|angebot)?|kosten(voranschlag|aufstellung)?|devis|tarifs?|prix|cotizaci[oó]n|presupuesto|precios?|preventivo|prezzi|offerte|prijs(opgave|lijst|offerte)?|or[cç]amento|pre[cç]os?|cota[cç][aã]o|offert(en|er|erna)?|priser|prislista|prisf[oö]rslag)\b".into(),
            r"\b(pricing|price\s*(list|sheet|points?|breakdown)?|prices|quote|quotation|quoted|estimate|cost(s|ing)?|rate\s*card|fees?|discount(ed)?|budgetary\s+numbers|license\s+costs?|per[\s-](seat|user|license|month))\b".into(),
            r"\bwhat\s+it\s+would\s+cost\b".into(),
            r"\b(the\s+numbers|investment\s+(for|of|would\s+be)|subscription\s+(cost|fee|price)|annual\s+(fee|cost|price)|list\s+price)\b".into(),
            r"[$€£]\s?\d|\b\d[\d,.]*\s?(usd|eur|gbp|chf|sek|k€|k\$)\b".into(),
            r"\b(roi|payback|tco)\b".into(),
        ]),
        ("proposal", vec![
            r"\b(paperwork|ready\s+(to|for)\s+sign(ature)?|signature\s+page|sign(ed)?\s+copy)\b".into(),
            r"\b(vertrag(sentwurf)?|vorschlag|proposition|contrat|propuesta|contrato|proposta|contratto|voorstel|overeenkomst|avtal|förslag)\b".into(),
            r"\b(proposal|contract|sow|statement\s+of\s+work|msa|master\s+services?\s+agreement|order\s+form|agreement|redlines?|dpa|terms\s+and\s+conditions|t&cs|e-?signature|docusign|pandadoc|hellosign|for\s+signature|countersign(ed)?)\b".into(),
        ]),
        ("decision_maker", vec![
            r"\b(gesch[aä]ftsf[uü]hr\w*|vorstand|abstimmen\s+mit|r[uü]cksprache|direction|directeur|direction\s+g[eé]n[eé]rale|validation|direcci[oó]n|director(a)?\s+general|aprobaci[oó]n|direttore|approvazione|directie|goedkeuring|diretoria|aprova[cç][aã]o|ledningen|styrelsen|godk[aä]nnande)\b".into(),
            format!(r"\b(run|share|discuss|review|go\s+over|talk|check|walk\s+through|present)\s+(it|this|that|them|these|things)?\s*(by|with|over\s+with|to)\s+(your|the)\s+({ROLES})\b"),
            format!(r"\b(your|the)\s+({ROLES})\s+(needs?\s+to|has\s+to|must|will\s+want\s+to|wants?\s+to|would\s+need\s+to|should)\s+(review|approve|sign|see|weigh\s+in|look|agree|decide)"),
            r"\b(sign[\s-]?off|buy[\s-]?in|approval|decision[\s-]?makers?|signatory|budget\s+holder)\b".into(),
            format!(r"\b(loop(ing)?\s+in|bring\s+in|include|cc(ing)?|introduce\s+me\s+to)\s+(your|the)\s+({ROLES})\b"),
            r"\bhead\s+of\s+\w+".into(),
            r"\b(discuss(ed)?|review(ed)?|share[ds]?|talk(ed)?|go\s+over|align)\s+.{0,30}\b(internally|with\s+your\s+(team|colleagues|partners?|co-?founders?))\b".into(),
            r"\binternal\s+(review|discussion|alignment|approval)\b".into(),
        ]),
        ("information", vec![
            r"\b(unterlagen|brosch[uü]re|fallstudie|whitepaper|dokumentation|documentation|[eé]tude\s+de\s+cas|plaquette|documentaci[oó]n|folleto|caso\s+de\s+[eé]xito|documentazione|brochure|documentatie|casestudy|documenta[cç][aã]o|estudo\s+de\s+caso|broschyr|kundcase)\b".into(),
            r"\b(case\s+stud(y|ies)|white\s?papers?|one[\s-]pagers?|(slide\s+)?deck|slides|brochure|data\s?sheets?|documentation|docs|guide|playbook|checklist|materials?|resources?|webinar|recording|video|report|benchmark|faq|security\s+(questionnaire|overview|pack)|soc\s?2|specs?|specifications?|testimonials?|references?)\b".into(),
            r"\b(as\s+(requested|promised)|you\s+asked\s+(about|for)|here'?s\s+the\s+link|more\s+(info|information|details)|the\s+answer\s+to\s+your\s+question)\b".into(),
            r"\b(attached|enclosed|i'?ve\s+(attached|included|linked)|sharing\s+(the|a|our))\b".into(),
        ]),
        ("meeting", vec![
            r"\b(termin(vorschlag)?|telefonat|videocall|r[eé]union|rendez-vous|appel|reuni[oó]n|llamada|riunione|chiamata|afspraak|belafspraak|reuni[aã]o|chamada|m[oö]te|samtal|videom[oö]te)\b".into(),
            r"\b(demo|call|meeting|walk-?through|chat|zoom|teams\s+call|google\s+meet|calendar|calendly|schedule|availability|time\s+slots?|\d{2}[\s-]min(ute)?s?|catch\s+up|sync|(coffee|lunch)\s+(meeting|chat))\b".into(),
            r"\b(does|would)\s+(monday|tuesday|wednesday|thursday|friday|next\s+week)\b.{0,40}\bwork\b".into(),
            r"\b(find|grab|book|set\s+up)\s+(a\s+)?time\b".into(),
            r"\b(slots?|hop\s+on|jump\s+on|get\s+together|meet\s+(next|this|on|at)\s+\w+)\b".into(),
        ]),
        ("timing", vec![
            r"\b(n[aä]chste[nms]?\s+(quartal|monat|jahr)|im\s+neuen\s+jahr|trimestre\s+prochain|l'ann[eé]e\s+prochaine|pr[oó]ximo\s+(trimestre|a[nñ]o|m[eê]s)|prossimo\s+(trimestre|anno)|volgend\s+(kwartaal|jaar)|n[aä]sta\s+(kvartal|[aå]r))\b".into(),
            format!(r"\b(next|following)\s+(quarter|month|year|fiscal\s+year|budget\s+cycle)\b|\b(in|after|by|until)\s+(q[1-4]|{MONTHS})\b"),
            r"\b(revisit|reconnect|circle\s+back|reach\s+(back\s+)?out|check\s+back|pick\s+(this|it)\s+up|get\s+back\s+in\s+touch)\b.{0,60}\b(after|in|next|once|when|around|early|later)\b".into(),
            r"\b(budgets?\s+(are|is|gets?)\s+(set|approved|frozen|final(ized)?|allocated)|budget\s+(cycle|season|planning|freeze)|fiscal\s+year|not\s+(a\s+)?(priority|the\s+right\s+time)|bad\s+timing|timing\s+isn'?t\s+right|after\s+(the|your)\s+(\w+\s+)?(launch|release|migration|reorg|audit|merger|holidays?|new\s+year|board\s+meeting|offsite|busy\s+season|go-?live|rollout))\b".into(),
        ]),
        ("away", vec![
            r"\b(sch[oö]nen\s+urlaub|gute\s+reise|bonnes\s+vacances|bon\s+voyage|buenas\s+vacaciones|buen\s+viaje|buone\s+vacanze|buon\s+viaggio|fijne\s+vakantie|goede\s+reis|boas\s+f[eé]rias|boa\s+viagem|trevlig\s+semester)\b".into(),
            r"\b(when|once)\s+you('re|\s+are|\s+get)\s+back\b|\bwhen\s+you\s+return\b|\bwelcome\s+back\b".into(),
            r"\b(enjoy|have\s+a\s+(great|good|nice|wonderful|safe))\s+(your\s+|the\s+)?(trip|travels?|vacation|holiday|holidays|time\s+off|leave|break|flight|pto|honeymoon|conference)\b".into(),
            r"\b(you('re|\s+are)|you'll\s+be)\s+(out|away|travel(l)?ing|on\s+(vacation|holiday|leave|pto|the\s+road)|off)\b".into(),
            r"\bafter\s+your\s+(trip|travels?|vacation|holiday|leave|time\s+off|pto|break)\b".into(),
        ]),
        ("trial", vec![
            r"\b(testphase|testzugang|testversion|essai(\s+gratuit)?|p[eé]riode\s+d'essai|prueba(\s+gratuita)?|periodo\s+de\s+prueba|prova\s+gratuita|periodo\s+di\s+prova|proefperiode|proefversie|per[ií]odo\s+de\s+teste|provperiod|testperiod)\b".into(),
            r"\b(trial|pilot|proof\s+of\s+concept|poc|sandbox|evaluation\s+(account|period|license)|test\s+drive|free\s+account)\b".into(),
        ]),
    ];
    compile(table)
}

/// Month names and a new year, in the eight languages (not "may": "I may" is no date).
const LATER_MONTHS: &str = r"january|february|march|april|june|july|august|september|october|november|december|q[1-4]|the\s+new\s+year|next\s+year|januar|februar|m[äa]rz|mai|juni|juli|oktober|dezember|neuen\s+jahr|n[äa]chsten\s+jahr|janvier|f[ée]vrier|mars|avril|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre|l'ann[ée]e\s+prochaine|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|el\s+a[ñn]o\s+que\s+viene|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|l'anno\s+prossimo|januari|februari|maart|mei|augustus|volgend\s+jaar|janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|dezembro|pr[óo]ximo\s+ano|maj|augusti|n[äa]sta\s+[åa]r";

/// Default rules for the prospect's last reply: only deferrals and "I must ask X" count.
pub fn default_prospect_rules() -> HashMap<String, Vec<Regex>> {
    let table: Vec<(&str, Vec<String>)> = vec![
        ("away", vec![
            r"\b(ich\s+bin|je\s+suis|je\s+serai|estoy|estar[eé]|sono|sar[oò]|ik\s+ben|estou|estarei|jag\s+[aä]r)\b.{0,40}\b(bis|jusqu|hasta|fino|tot|at[eé]|till)\b".into(),
            r"\b(i'?m|i\s+am|i'll\s+be|i\s+will\s+be|we'?re|we\s+are)\s+(currently\s+)?(travel(l)?ing|away|out(\s+of\s+(the\s+)?office)?|off|on\s+(vacation|holiday|leave|pto|parental\s+leave|the\s+road)|at\s+a\s+conference)\b.{0,40}\b(until|till|through|thru|for|this|next|back)\b".into(),
            r"\b(i'?m|i\s+am|i'll\s+be)\s+back\s+(on|in|from|after|next)\b".into(),
            // The same of someone else, as a colleague writes it: "He'll go through them when
            // he's back on the 9th", "She will be back in the office on Monday".
            r"\b(he|she|they)('s|\s+is|'ll\s+be|\s+will\s+be|'re|\s+are)\s+back\s+(in\s+the\s+office\s+)?(on|in|from|after|next)\b".into(),
            // Someone else away, as a colleague or assistant writes it: "Mr Almeida is on
            // holiday until the 30th", "Frau Vogt ist bis 7. Dezember im Urlaub", "O Sr. Rui
            // está de férias até dia 30".
            r"\b(is|will\s+be|ist|est|sera|est[aá]|estar[aá]|[èe]|sar[àa]|zal|[äa]r)\b.{0,30}\b(on\s+(vacation|holiday|leave|pto|parental\s+leave|a\s+business\s+trip)|away|out\s+of\s+(the\s+)?office|travel(l)?ing|im\s+urlaub|in\s+urlaub|abwesend|auf\s+dienstreise|en\s+(cong[ée]s?|vacances|d[ée]placement)|absente?|de\s+(vacaciones|viaje|f[ée]rias)|ausente|in\s+(ferie|viaggio|trasferta)|assente|met\s+vakantie|op\s+reis|afwezig|em\s+viagem|p[åa]\s+(semester|resa|tj[äa]nsteresa)|borta|ledig)\b.{0,40}\b(until|till|through|bis|jusqu|hasta|fino|tot|at[eé])\b".into(),
            // Back on a date, said without "until": "ich bin ab dem 7. Dezember wieder im
            // Büro", "je serai de retour le 7", "rientro il 7", "ik ben vanaf 7 december weer
            // op kantoor", "volto no dia 7", "jag är tillbaka den 7".
            r"\b(ab\s+(dem\s+)?\S+(\s+\S+)?\s+wieder\s+(im\s+b[üu]ro|da|erreichbar|zur[üu]ck)|wieder\s+(im\s+b[üu]ro|zur[üu]ck)\s+(ab|am)|de\s+retour\s+(le|à\s+partir\s+du|au\s+bureau)|je\s+rentre\s+le|vuelvo\s+(el|a\s+la\s+oficina)|estar[ée]\s+de\s+vuelta|de\s+vuelta\s+(el|a\s+partir\s+del)|rientro\s+(il|in\s+ufficio|lunedi|luned[ìi]|marted[ìi]|mercoled[ìi]|gioved[ìi]|venerd[ìi])|sar[òo]\s+di\s+nuovo\s+in\s+ufficio|vanaf\s+\S+(\s+\S+)?\s+weer\s+(op\s+kantoor|terug|aanwezig|bereikbaar)|weer\s+terug\s+op|volto\s+(no\s+dia|dia|ao\s+escrit[óo]rio)|estarei\s+de\s+volta|de\s+volta\s+(no\s+dia|a\s+partir)|[äa]r\s+tillbaka\s+(den|p[åa]|efter|i|om)|tillbaka\s+p[åa]\s+kontoret)\b".into(),
            // The same with the date first: "Frau Vogt ist bis zum 7. Dezember im Urlaub".
            r"\b(is|ist|est|est[aá]|[èe]|[äa]r)\b.{0,20}\b(until|bis|jusqu'?au|hasta|fino\s+al|tot|at[eé]|till)\b.{0,30}\b(on\s+(vacation|holiday|leave)|away|out\s+of\s+(the\s+)?office|im\s+urlaub|abwesend|auf\s+dienstreise|nicht\s+im\s+b[üu]ro|en\s+cong[ée]s?|absente?|de\s+(vacaciones|f[ée]rias)|ausente|in\s+ferie|assente|met\s+vakantie|afwezig|p[åa]\s+semester|ledig|borta)\b".into(),
        ]),
        ("timing", vec![
            r"\b(melden\s+sie\s+sich|meld\s+dich|kommen\s+sie\s+.{0,20}auf\s+(mich|uns)\s+zu|recontactez-(moi|nous)|revenez\s+vers\s+(moi|nous)|escr[ií]b(eme|ame)|cont[aá]ct(ame|eme)|ricontatt(ami|atemi)|scrivimi|neem\s+.{0,20}contact\s+op|me\s+procure|entre\s+em\s+contato|h[oö]r\s+av\s+dig|kontakta\s+mig)\b.{0,40}\b(im|in|nach|ab|en|apr[eè]s|despu[eé]s|dopo|a|na|em|depois|i|efter|januar|janvier|enero|gennaio|januari|janeiro)\b".into(),
            r"\b(n[aä]chste[nms]?\s+quartal|trimestre\s+prochain|pr[oó]ximo\s+trimestre|prossimo\s+trimestre|volgend\s+kwartaal|n[aä]sta\s+kvartal|im\s+neuen\s+jahr|l'ann[eé]e\s+prochaine)\b".into(),
            r"\b(ping|contact|call|email|write|reach\s+out\s+to|get\s+back\s+to|circle\s+back\s+with|follow\s+up\s+with|check\s+(back\s+)?(in\s+)?with)\s+me\s+(again\s+)?(in|after|next|around|early|later|once|when)\b".into(),
            r"\blet'?s\s+(talk|reconnect|revisit|pick\s+(this|it)\s+up|speak|chat|regroup|touch\s+base)\s+(again\s+)?(in|after|next|once|when|early|later)\b".into(),
            r"\b(not\s+(a\s+)?(priority|right\s+now|the\s+right\s+time|now)|bad\s+timing|budgets?\s+(are|is)\s+(frozen|set|closed|spent)|revisit\s+(this\s+)?(in|after|next))\b".into(),
            r"\b(next|following)\s+(quarter|month|year|fiscal\s+year)\b".into(),
            // "Not a priority now" and "let's pick it up again" in the other languages, and
            // "reach out in February" with no "me".
            r"\b(keine\s+priorit[äa]t|nicht\s+priorit[äa]r|pas\s+(une\s+)?priorit[ée]|pas\s+prioritaire|no\s+es\s+(una\s+)?prioridad|non\s+[èe]\s+(una\s+)?priorit[àa]|geen\s+prioriteit|n[ãa]o\s+[ée]\s+(uma\s+)?prioridade|inte\s+prioriterat|ingen\s+prioritet)\b".into(),
            r"\b(wieder\s+(sprechen|aufnehmen|aufgreifen|angehen)|reprenons|reprendre\s+(contact|la\s+discussion|le\s+sujet)|retom\w*|riparl\w*|riprend(iamo|eremo)\w*|weer\s+(oppakken|oppak|spreken|contact\s+opnemen)|tar\s+upp\s+(det|detta|saken)\s+igen|h[öo]rs\s+igen)\b".into(),
            // "Na de zomer kijken we er weer naar": looking at it again, later.
            r"\b((look\s+at|come\s+back\s+to)\s+(it|this)\s+again\s+(in|after|next|once|when)|kijken\s+we\s+(er\s+)?(weer|opnieuw)\s+naar|(schauen|sehen)\s+wir\s+(uns\s+)?(das\s+|es\s+)?(wieder|erneut|nochmal|noch\s+einmal)\s+an|on\s+(y\s+)?regardera\s+[àa]\s+nouveau|nous\s+y\s+reviendrons|(lo\s+)?volveremos\s+a\s+(ver|mirar|estudiar|valorar)(lo)?|(lo\s+|ci\s+)?riguarderemo|(o\s+)?voltaremos\s+a\s+(ver|olhar|analisar)|vamos\s+voltar\s+a\s+(ver|olhar)|vi\s+tittar\s+p[åa]\s+det\s+igen)\b".into(),
            r"\b(reach\s+out|get\s+in\s+touch|circle\s+back|follow\s+up|check\s+back|touch\s+base)\s+(again\s+)?(in|after|next|around|early|late|once|when)\b".into(),
            // A decision put off to a month or a new year: "we'll decide in January", "Wir
            // entscheiden im Januar", "on décidera en janvier", "decidiremos en enero".
            format!(r"\b(decide|decides|deciding|decision|entscheid\w*|d[ée]cid\w*|d[ée]cision|decid\w*|decisi[óo]n|decis[ãa]o|beslis\w*|best[äa]mm\w*|beslut\w*)\b.{{0,30}}\b(in|im|en|a|em|i|ab|after|nach|apr[èe]s|despu[ée]s|dopo|na|depois|efter|until|bis|early|late|anfang|ende|d[ée]but|fin|principios|finales|inizio|fine|begin|eind|in[íi]cio|b[öo]rjan|slutet|by(\s+the)?\s+(end|start|middle|beginning)|by)\s+(of\s+|de\s+|di\s+|van\s+|av\s+)?({LATER_MONTHS})\b"),
            format!(r"\b(in|im|en|a|em|i)\s+({LATER_MONTHS})\s+(we('ll|\s+will)?\s+decide|entscheiden|d[ée]cider\w*|decidir\w*|decider\w*|beslissen|besluiten|best[äa]mmer|beslutar)\b"),
            // A freeze or a hold, and "ping me then" after a date.
            r"\b(budget|hiring|spending|purchasing)\s+freeze\b|\bon\s+hold\b|\b(ping|contact|email|call|reach\s+out\s+to|get\s+back\s+to|follow\s+up\s+with)\s+me\s+(then|after\s+that|at\s+that\s+point|later)\b".into(),
            r"\b(auf\s+eis|zur[üu]ckgestellt|en\s+pause|en\s+suspens|en\s+espera|congelad[oa]s?|in\s+standby|in\s+attesa|in\s+de\s+wacht|on\s+hold|em\s+espera|congelad[oa]s?|pausad[oa]|pausat|fryst|frusen)\b".into(),
        ]),
        ("decision_maker", vec![
            format!(r"\b(need|have|want)\s+to\s+(check|run\s+(it|this)\s+by|discuss\s+(it|this)?\s*with|talk\s+(to|with)|consult(\s+with)?|ask|get\s+approval\s+from|loop\s+in)\s+(my|our|the)\s+({ROLES})\b"),
            // Whose decision it is, said outright: "our managing partner signs off on anything
            // over $50k", "the final call is hers", "die Entscheidung liegt bei der
            // Geschäftsführung", "la décision finale revient à notre comité", "la decisión es
            // de mi jefa", "la decisione finale spetta al nostro CdA", "de beslissing ligt bij
            // de directie", "a decisão final cabe ao conselho", "det är vår vd som bestämmer".
            // Not "until the board approves the budget in March": a date to wait for.
            // A deciding team with a word before or after its name: "our procurement team needs
            // to review before we sign", "I have to convince our plant manager".
            format!(r"\b(my|our|the)\s+(\w+\s+)?({ROLES})(\s+(team|department|dept))?\s+(needs?\s+to|has\s+to|must|will\s+need\s+to|wants?\s+to)\s+(review|approve|sign\s+off|see|look|decide|weigh\s+in|check)\b"),
            format!(r"\b(need|have|got)\s+to\s+(convince|persuade|win\s+over|sell\s+(it|this)\s+to|get\s+(it|this)\s+past)\s+(my|our|the)\s+(\w+\s+)?({ROLES})\b"),
            // Someone else's yes needed, or their budget: "I'll need to get buy-in from our VP
            // Engineering", "she controls the tooling budget", "he holds the purse strings".
            format!(r"\b(get|need|needs|getting)\s+(buy-?in|sign-?off|approval|the\s+green\s+light|the\s+go-?ahead|a\s+yes)\s+from\s+(my|our|the)\s+({ROLES})\b"),
            r"\b(she|he|they|who)\s+(controls?|owns?|holds?|signs?\s+off\s+on)\s+(the\s+)?(\w+\s+)?(budget|purse\s+strings)\b|\b(hold(s|ing)?|control(s|ling)?)\s+the\s+purse\s+strings\b|\bthe\s+one\s+(who\s+)?(decides|deciding|signs|signing|holding|controlling|approving|approves)\b|\b(it'?s|it\s+is)\s+(really\s+|ultimately\s+|all\s+)?(her|his|their)\s+(call|decision|choice)\b|\b(owns|runs)\s+the\s+(practice|company|business|firm|shop|agency|clinic)\b".into(),
            format!(r"\b(put|placed|laid|taken|took|present|presenting|pitch|pitching|show|showing)\s+(it|this|them|the\s+\w+)\s+(in\s+front\s+of|to|before)\s+(my|our|the)\s+({ROLES})\b"),
            format!(r"\b({ROLES})\s+(signs?\s+off|has\s+(the\s+)?(final|last)\s+(say|word|call)|makes\s+the\s+(final\s+)?(call|decision)|(has|needs)\s+to\s+(sign\s+off|approve|agree|decide))\b"),
            r"\b(final\s+(say|call|decision|word|sign-?off)|the\s+decision)\s+(is|lies|rests|sits)\s+with\b|\b(final\s+)?(call|decision)\s+is\s+(hers|his|theirs)\b|\b(it's|it\s+is)\s+(up\s+to|for)\s+(my|our|the)\s+\w+".into(),
            format!(r"\b(entscheidung|letzte\s+wort)\s+(liegt|hat)\s+(bei|der|die|das|unser\w*)\b|\b(der|die|das|unser\w*|mein\w*)\s+({ROLES_INTL})\w*\s+(entscheidet|muss\s+(das\s+|es\s+)?(freigeben|genehmigen|unterschreiben|absegnen)|gibt\s+(das\s+|es\s+)?frei|hat\s+das\s+letzte\s+wort)\b"),
            format!(r"\bla\s+d[ée]cision\s+(finale\s+)?(revient|appartient|rel[eè]ve)\s+(à|au|de|du)\b|\bc'est\s+(notre|mon|ma|le|la|l')\s*({ROLES_INTL})\s+qui\s+(d[ée]cide|tranche|valide|signe)\b"),
            format!(r"\bla\s+decisi[óo]n\s+(final\s+)?(es\s+de|corresponde\s+a|la\s+toma|depende\s+de)\b|\bes\s+(nuestr[oa]|mi|el|la)\s+({ROLES_INTL})\s+qui[ée]n\s+(decide|firma|aprueba)\b"),
            format!(r"\bla\s+decisione\s+(finale\s+|ultima\s+)?(spetta|[èe]\s+del|dipende\s+da)\b|\b[èe]\s+(il\s+nostro|la\s+nostra|il\s+mio|la\s+mia|il|la|l')\s*({ROLES_INTL})\s+che\s+(decide|firma|approva)\b"),
            format!(r"\bde\s+(eind)?beslissing\s+(ligt|is)\s+(bij|aan)\b|\b(onze|mijn|de)\s+({ROLES_INTL})\s+(beslist|moet\s+(akkoord\s+geven|tekenen|goedkeuren|beslissen))\b"),
            format!(r"\ba\s+decis[ãa]o\s+(final\s+)?(cabe|[ée]\s+d[oa]|depende\s+d[oa])\b|\b[ée]\s+(o\s+nosso|a\s+nossa|o\s+meu|a\s+minha|o|a)\s+({ROLES_INTL})\s+que\s+(decide|assina|aprova)\b"),
            format!(r"\b(beslutet|det\s+slutliga\s+beslutet|sista\s+ordet)\s+(ligger\s+hos|tas\s+av|fattas\s+av|har)\b|\bdet\s+[äa]r\s+(v[åa]r|min|v[åa]rt|mitt)\s+({ROLES_INTL})\s+som\s+(best[äa]mmer|beslutar|tar\s+beslut\w*|skriver\s+under)\b"),
            // A deciding function at work on it: "legal is reviewing the MSA", "procurement
            // is going through the terms".
            r"\b(legal|procurement|purchasing|finance|compliance|security|the\s+board|our\s+board|management)(\s+team)?\s+(is|are)\s+(now\s+|still\s+)?(reviewing|looking\s+(at|over|into)|going\s+(through|over)|checking|assessing|evaluating)\b".into(),
            // Handed on to the people who decide: "I've shared your proposal with Tom, our
            // COO", "ne parlo con mio padre che è il titolare", "ich bespreche das mit
            // unserem Inhaber".
            format!(r"\b(shared|forwarded|passed|sent|handed|given)\s+(it|this|them|that|the\s+\w+|your\s+\w+)\s+((on|over|along)\s+)?(to|with)\s+(\w+,?\s+)?(our|my|the)\s+({ROLES})\b"),
            format!(r"\b((ne\s+)?parlo\s+con|lo\s+discuto\s+con|(ich\s+)?bespreche\s+(das|es)\s+mit|j'en\s+parle\s+[àa]|je\s+vais\s+en\s+parler\s+[àa]|lo\s+hablo\s+con|lo\s+voy\s+a\s+hablar\s+con|ik\s+bespreek\s+het\s+met|vou\s+falar\s+com|falo\s+com|jag\s+pratar\s+med|jag\s+tar\s+det\s+med)\b.{{0,40}}\b({ROLES_INTL})\b"),
            format!(r"\b(my|our|the)\s+({ROLES})\s+(needs?\s+to|has\s+to|must|will|wants\s+to|is\s+going\s+to)\s+(review|approve|sign|see|look|decide|weigh\s+in)"),
            // "I'll review it with our CFO", "let me check with my boss".
            format!(r"\b(review|discuss|go\s+(over|through)|look\s+at|share|run)\s+(it|this|them|that|the\s+\w+)?\s*(by|past|with)\s+(my|our|the)\s+({ROLES})\b"),
            format!(r"\b(i'?ll|i\s+will|we'?ll|we\s+will|let\s+me|i\s+have\s+to|i\s+need\s+to)\s+(check|discuss|talk|speak|confirm)\s+(it\s+|this\s+)?(with|to)\s+(my|our|the)\s+({ROLES})\b"),
            // The same in the other seven languages: someone must first talk it over with, or
            // hand it to, the people who decide ("Ich muss das mit meinem Chef besprechen",
            // "unsere Rechtsabteilung schaut sich das an", "je dois en parler à notre DAF",
            // "tengo que consultarlo con mi jefa", "devo sentire il nostro CdA", "ik moet het
            // met onze directie bespreken", "preciso de falar com o meu diretor", "jag behöver
            // stämma av med vår ekonomichef"). A must, as "need to" above: "we're talking to
            // the board next week" is news, not a step the thread waits on.
            format!(r"\b(muss|m[üu]ssen|m[öo]chte|dois|devons|doit|faut|tengo|tenemos|debo|debemos|devo|dobbiamo|moet|moeten|preciso|precisamos|tenho|temos|m[åa]ste|beh[öo]ver)\b.{{0,50}}\b(mit|bei|avec|[àa]|con|col|met|bij|com|ao|med|sentire|consultare|consulter|consultar|raadplegen|voorleggen\s+aan|fr[åa]ga)\s+((meine[mnr]?|unsere[mnr]?|der|dem|den|mon|ma|mes|notre|nos|la|le|mi|mis|nuestr[oa]s?|el|il|lo|mio|mia|nostr[oa]|mijn|onze|ons|de|het|o|a|meu|minha|nosso|nossa|min|mitt|mina|v[åa]r|v[åa]rt|v[åa]ra)\s+){{0,2}}({ROLES_INTL})\b"),
            format!(r"\b(unser(e[mnr]?)?|mein(e[mnr]?)?|notre|mon|ma|nuestr[oa]|mi|il\s+nostro|la\s+nostra|il\s+mio|la\s+mia|onze|mijn|o\s+nosso|a\s+nossa|o\s+meu|a\s+minha|v[åa]r|v[åa]rt|min|mitt)\s+({ROLES_INTL})\s+(schaut|pr[üu]ft|muss|m[öo]chte|will|entscheidet|soll|doit|va|veut|examine|regarde|valide|d[ée]cide|tiene|debe|quiere|decide|revisa|deve|vuole|valuta|moet|wil|bekijkt|beslist|tem|vai|quer|analisa|m[åa]ste|vill|ska|tittar|beslutar|granskar)\b"),
        ]),
    ];
    compile(table)
}

fn compile(table: Vec<(&str, Vec<String>)>) -> HashMap<String, Vec<Regex>> {
    table
        .into_iter()
        .map(|(k, pats)| {
            let res = pats
                .iter()
                .map(|p| bare(&format!("(?i){p}")).expect("default reason rule compiles"))
                .collect();
            (k.to_string(), res)
        })
        .collect()
}

/// Default rules for what the prospect asked for in their last reply.
pub fn default_request_rules() -> HashMap<String, Vec<Regex>> {
    const ASK: &str = r"(could|can|would|will)\s+you\s+((please|also|just|kindly|quickly)\s+)*(send|share|forward|provide|get|put\s+together)|please\s+(also\s+)?(send|share|provide)|send\s+(me|us|over)|i'?d\s+(love|like)\s+to\s+(see|get|have|receive)|(can|could)\s+(i|we)\s+(get|see|have)";
    // The same asks in the other seven languages ("Können Sie mir … schicken", "pourriez-vous
    // m'envoyer", "¿me puede enviar…?", "mi può mandare", "kunt u mij … sturen", "pode enviar-me",
    // "kan du skicka").
    const ASK_INTL: &str = r"(k[öo]nnen|k[öo]nnten|w[üu]rden)\s+sie|kannst\s+du|bitte\s+(schicken|senden)|schicken\s+sie|pourriez-vous|pouvez-vous|peux-tu|pourrais-tu|merci\s+de\s+m'envoyer|envoyez-moi|(me|nos)\s+(puede|podr[íi]a|puedes|podr[íi]as)|podr[íi]a\s+(enviar|mandar)|m[áa]nd[ae]me|env[íi][ae]me|potrebbe|potresti|pu[òo]\s+(mandar|inviar)\w*|mi\s+(manda|invia|mandi|invii)|(kunt|kan|zou)\s+(u|je)|stuur\s+(me|ons)|(pode|poderia|podes)\s+(me\s+)?(enviar|mandar)|envie-me|manda-me|(kan|skulle)\s+(du|ni)|skicka\s+(mig|oss)|k[öo]nnt\s+ihr|kunnen\s+jullie|pod[ée]is|podr[íi]an|potete|potreste|podem|poderiam";
    let intl = |objects: &str| format!(r"\b({ASK_INTL})\b.{{0,60}}\b({objects})");
    let table: Vec<(&str, Vec<String>)> = vec![
        ("pricing", vec![
            intl(r"preis\w*|angebot|kosten\w*|tarifs?|prix|devis|precios?|presupuesto|cotizaci[óo]n|prezz[io]|preventivo|listino|prijs\w*|offerte|pre[çc]os?|or[çc]amento|cota[çc][ãa]o|pris\w*|offert"),
            format!(r"\b({ASK})\b.{{0,40}}\b(pricing|prices?|quote|quotation|estimate|costs?|rates?|price\s+list)\b"),
            r"\b(how\s+much|what\s+(does|would|will)\s+(it|this|that)\s+cost|what\s+are\s+(the|your)\s+(prices|rates|fees))\b".into(),
        ]),
        ("proposal", vec![
            format!(r"\b({ASK})\b.{{0,40}}\b(proposal|contract|sow|statement\s+of\s+work|order\s+form|agreement|terms)\b"),
            intl(r"vertrag\w*|contrat|contrato|contratto|overeenkomst|avtal\w*|proposition|propuesta|proposta|voorstel|f[öo]rslag"),
        ]),
        ("information", vec![
            format!(r"\b({ASK})\b.{{0,40}}\b(info|information|details|case\s+stud(y|ies)|deck|slides|brochure|data\s?sheet|documentation|docs|white\s?paper|materials?|references?|examples?|overview|reports?|certificates?|certifications?|polic(y|ies)|questionnaire|soc\s?2|iso\s?27001|pen(etration)?\s?test|audit|guides?|manuals?|specs?|specifications?|recording|roadmap|architecture|diagrams?|dpa|documents?|timelines?|(project|implementation|rollout|onboarding|migration)\s+plan|(security|privacy|compliance|gdpr)\s+\w+)\b"),
            intl(r"r[ée]f[ée]rences?|referencias|referenze|referenties|refer[êe]ncias|cas\s+clients?|casos\s+de\s+[ée]xito|casi\s+di\s+successo|klantcases|casos\s+de\s+sucesso|\w*unterlagen|\w*informationen|infos?|referenz\w*|\w*fallstudie\w*|\w*dokumentation|datenschutz\w*|avv|auftragsverarbeitung\w*|zeitplan|projektplan|calendrier|planning|cronograma|cronoprogramma|tijdlijn|tidplan\w*|documentation|informations?|brochure|documentaci[óo]n|informaci[óo]n|caso\s+de\s+(éxito|estudo)|documentazione|informazioni|\w*documentatie|\w*informatie|documenta[çc][ãa]o|informa[çc][õo]es|\w*underlag|referenser|kundcase|whitepaper|white\s+paper|\w*bericht|\w*zertifikat\w*|\w*konzept|rapport|certificat\w*|informe|certificado|rapporto|certificato|certificaat|relat[óo]rio|certifikat\w*|soc\s?2|iso\s?27001"),
        ]),
        ("meeting", vec![
            r"\b(set\s+up|schedule|book|arrange|organi[sz]e)\s+(a\s+|the\s+)?(call|meeting|demo|walk-?through)\b".into(),
            r"\b(are|is)\s+you\s+(free|available)\b|\bwhen\s+are\s+you\s+(free|available)\b".into(),
        ]),
        ("trial", vec![
            format!(r"\b({ASK}|(can|could)\s+(we|i)\s+(try|test))\b.{{0,40}}\b(trial|pilot|sandbox|test\s+account|poc)\b"),
            intl(r"testzugang|testversion|testkonto|essai|prueba|prova|proefversie|proefaccount|teste|pilot\w*|piloto"),
        ]),
    ];
    compile(table)
}
