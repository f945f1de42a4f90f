//! Concept lexicons of the reason reader, in the eight languages it reads. Each is a feature
//! of the sentence model, never a verdict: "call" in "the final call is hers" fires the meeting
//! word and the decision act at once, and the learned weights settle which one the sentence
//! is about. Patterns match the lower-cased, accent-folded text (see `model::normalise`).

use std::sync::OnceLock;

use crate::message::haystack::{bare, Pattern};

/// `(feature name, pattern)` for each concept.
const CONCEPTS: &[(&str, &str)] = &[
    // Money and what a price is called.
    (
        "c:price",
        r"\b((the|our|an|this|updated|revised|final|best|commercial|formal)\s+offers?|\d+\s+(licen[cs]es|seats|users)|commercials|volympris\w*|staffelpreis\w*|staffelprijs\w*|tarif degressif|precio por volumen|prezzo a scaglioni|preco por escaloes|\w+avgift\w*|costi di attivazione|costes de alta|custos de ativacao|frais de mise en service|einmalkosten|condizioni economiche|condiciones economicas|condicoes comerciais|conditions tarifaires|prisvariant\w*|preisvariant\w*|prijsvariant\w*|kalkulation\w*|konditionen|nachlass|\w+kosten|\w+preise?|\w+prijs\w*|\w+kostnad\w*|kalkyl\w*|belopp\w*|retour sur investissement|retorno de la inversion|retorno do investimento|ritorno sull'investimento|terugverdientijd|aterbetalningstid\w*|licenskostnad\w*|mensualite|mensalidade|canone|maandbedrag|manadskostnad\w*|estimation|estimacion|estimativa|stima|kostnadsuppskattning|betrag|importe|importo|bedrag|valor|uppstartsavgiften|anfangsinvestition|investissement|inversion|investimento|investering\w*|calcolat\w*|doorgerekend|raknat|gebuhr\w*|einrichtungsgebuhr|durchgerechnet|taxa|cuota|frais|avgift\w*|opstartkosten|uppstartsavgift|tarifa\w*|preismodell\w*|pric(e|es|ing|ed)|quot(e|es|ed|ation)|cost(s|ing|ed)?|fees?|discount\w*|budget\w*|investment|spend|commercials?|rates?|rate card|figures|numbers|licen[cs]e cost|tco|roi|payback|per (seat|user|licen[cs]e|month)|preis\w*|angebot\w*|kosten\w*|rabatt\w*|investition\w*|durchrechnen|devis|tarif\w*|prix|cout\w*|chiffrage|montant|remise|presupuesto|precios?|coste|cotizacion|oferta economica|descuento|preventivo|prezz[io]|costo|offerta economica|listino|sconto|offerte|prijs\w*|prijzen|korting|kostenraming|orcamento|precos?|custo|cotacao|proposta de preco|desconto|offert(en|er)?|pris\w*|kostnad\w*|rabatt)\b",
    ),
    (
        "c:money",
        r"[$€£]\s?\d|\d\s?(€|\$|£|kr|kronor|eur|euros?|usd|gbp|k)\b|\b\d+[.,]?\d*\s?(a|per|/)\s?(year|month|seat|user|jahr|monat|an|mois|ano|mes|mese|jaar|maand|ar|manad)",
    ),
    // Documents that bind: proposals, contracts, signatures.
    (
        "c:contract",
        r"\b(agb|cgv|condiciones generales|condizioni generali|algemene voorwaarden|allmanna villkor\w*|condicoes gerais|bestellung|pedido|encomenda|bestelling|bestallning\w*|commande|ausschreibung|projektskizze|contre-signature|contrafirma|controfirma|contrasignering|kontrasignering|contra-assinatura|gegenzeichnung|capitolato|kravspec\w*|geheimhoudingsverklaring|dienstverleningsovereenkomst|sekretessavtal\w*|tjansteavtal\w*|acuerdo de confidencialidad|accord de confidentialite|oferta de servicios|offre de services|vertraulichkeitsvereinbarung|accordo di riservatezza|acordo de confidencialidade|dienstleistungsangebot|proposta de servicos|entwurf|rahmenvereinbarung|vereinbarung|bozza|accordo|caderno de encargos|cahier des charges|pliego|capitolato|programma van eisen|kravspecifikation\w*|minuta|utkast\w*|proposals?|contracts?|agreements?|sow|statement of work|order form|msa|dpa|nda|redline\w*|terms|signature|sign(ed|ing)?|countersign\w*|docusign|pandadoc|tender|rfp|paperwork|engagement letter|renewal form|purchase agreement|po number|scope document|vertrag\w*|vorschlag|auftragsbestatigung|leistungsbeschreibung|rahmenvertrag|auftragsverarbeitungsvertrag|unterschrift|projektangebot|proposition( commerciale)?|contrat\w*|bon de commande|appel d'offres|accord-cadre|signer|signe|propuesta|contrato|orden de pedido|licitacion|acuerdo marco|firmar|firmada|proposta( commerciale)?|contratto|ordine|gara d'appalto|accordo quadro|firma(to)?|voorstel|overeenkomst|opdrachtbevestiging|aanbesteding|raamovereenkomst|onderhoudscontract|conceptcontract|ondertekend?|minuta|nota de encomenda|concurso|acordo-quadro|assinatura|assinada|forslag(et)?|avtal\w*|orderbekraftelse\w*|anbud|upphandling\w*|ramavtal\w*|serviceavtal\w*|signer\w*)\b",
    ),
    // Who else decides.
    (
        "c:role",
        r"\b(beslissers|beslutsfattar\w*|decideurs|decisores|decisori|entscheider\w*|chefs de service|jefes de departamento|responsabili di reparto|afdelingshoofden|avdelningschef\w*|abteilungsleiter\w*|chefes de departamento|koncern\w*|moederbedrijf|konzern\w*|konzernmutter|groupe|gruppo|grupo|controller|controle de gestion|controllo di gestione|control de gestion|controlo de gestao|finanzvorstand|direcao( financeira)?|equipa de seguranca|equipo de seguridad|sakerhetsansvarig\w*|it-sicherheit|it-abteilung|it-afdeling|equipa de ti|equipo de it|team it|it-team|director de sistemas|directeur informatique|responsable informatique|conselho|consejo|conseil|consiglio|cda|raad|juridische afdeling|juristen|jurister|juridico|juridique|ufficio legale|ekonomiavdelning\w*|finanzabteilung|direction financiere|direccion financiera|direzione finanziaria|inkoopafdeling|inkopsavdelning\w*|einkaufsabteilung|associe|kompanjon|mitgrunder|associe|socio|compagnon|beirat|mede-oprichter|cofundador|finanzchef|dpo|datenschutzbeauftragt\w*|encarregado de protecao de dados|dataskyddsombud|privacy officer|mt|comite|comitato|comissao|comision|ledningsgrupp|c[efoti]o|ciso|cmo|board|legal( team| counsel)?|lawyers?|procurement|purchasing|boss|manager|director|head of \w+|partners?|committee|leadership|management|finance|controller|compliance|owner|md|gm|vp|svp|executives?|exec team|steering|founder|co-founder|chair|governors?|principal|works council|parent company|head office|group|regional team|department heads|security (team|people)|it team|it director|budget holder|council|geschaftsfuhr\w*|vorstand|geschaftsleitung|einkauf\w*|betriebsrat|it-leiter\w*|finanzabteilung|konzernzentrale|chef|controlling|rechtsabteilung|direction( generale)?|directeur( financier)?|comite de direction|achats|dsi|daf|siege|service juridique|director (financiero|general)|direccion|comite de direccion|compras|responsable de it|junta directiva|jefe|central|asesoria juridica|direttore finanziario|direzione|consiglio di amministrazione|ufficio (acquisti|legale)|responsabile it|amministratore delegato|capo|sede centrale|financieel directeur|directie|managementteam|inkoop|it-manager|algemeen directeur|raad van bestuur|baas|hoofdkantoor|juridische afdeling|diretor(-geral| financeiro)|administracao|diretoria|responsavel de ti|conselho de administracao|chefe|sede|juridico|ekonomichef|ledning(en|sgrupp)?|inkop|it-chef\w*|vd|styrelsen|chef|huvudkontoret|juridiska avdelning)\b",
    ),
    // The act of deciding.
    (
        "c:decide",
        r"\b(okay|l'ok|das ok|o ok|luz verde|feu vert|grunes licht|gront ljus|analisar|analizar|examiner|esaminare|beoordelen|prufen|pruft|mitentscheid\w*|tranche|gedecideerd|zugestimmt|godkant|aval|benestare|toestemming|zustimmung|letzte wort|dernier mot|ultima palabra|ultima parola|laatste woord|ultima palavra|sista ordet|feu vert|via libera|groen licht|sign off|beslisnotitie|entscheidungsvorlage|beslutsunderlag|note de synthese|resumen ejecutivo|resumo executivo|sintesi|approv\w*|sign[- ]?off|decid\w*|decision|final (say|word|call)|last word|green light|go-ahead|buy-in|weighs? in|run (it|this|that) (by|past)|discuss\w* (it )?(with|internally)|internally|convince|verdict|votes?|consult\w*|align|make the call|champion\w*|zustimm\w*|freigabe|entscheid\w*|abstimmung|besprochen|rucksprache|gehort|mitreden|valider|validation|decision|accord|en parler|aprobacion|visto bueno|decision|comentado|approva\w*|decisione|parlato|akkoord|goedkeuring|beslissing|besproken|aprova\w*|decisao|falado|godkann\w*|beslut\w*|klartecken|granskning\w*|pratat|tycker|opina|pense|meint|vindt|achou)\b",
    ),
    // Material handed over or to come.
    (
        "c:doc",
        r"\b(timelines?|(project|implementation|rollout|onboarding|migration|launch) plan|zeitplan|projektplan|\w*einfuhrungsplan|implementierungsplan|calendrier|(le|la|de|het|du) planning|retroplanning|cronograma|plan de (implantacion|implementacion|despliegue)|cronoprogramma|piano di (implementazione|avvio)|tijdlijn|tijdsplanning|implementatieplan|plano de implementacao|tidplan\w*|tidslinje|implementeringsplan\w*|tutorial\w*|handleiding|handbuch|manual\w*|manuel|manuale|manualen|handbok\w*|certificat\w*|zertifikat\w*|certificados?|certificati|certifikat\w*|prufbericht|rapport d'audit|informe de auditoria|rapporto di audit|relatorio de auditoria|revisionsrapport\w*|auditrapport|\w*video\w*|duda|dudas|dubbio|doute|duvida|svar|roadmap|feuille de route|hoja de ruta|fardplan\w*|leitfaden|faltblatt|ficha|scheda|fiche|productblad|produktblad|case stud(y|ies)|customer story|white ?papers?|documentation|docs|deck|slides|brochure|data ?sheets?|spec( sheet|s)?|specifications|guide|faq|recording|video|links?|report|answers?|questions?|references|testimonials|screenshots|overview|one-pager|playbook|checklist|catalogue|runbook|write-up|explainer|article|material|resources|certificate|security (pack|questionnaire|documentation)|soc ?2|iso|vpat|roadmap|release notes|diagram|fallstudie|dokumentation|datenblatt|broschure|prasentation|referenzkunden|aufzeichnung|antworten|frage|etude de cas|plaquette|fiche technique|presentation|enregistrement|livre blanc|reponses|clients de reference|caso de exito|documentacion|folleto|ficha tecnica|grabacion|presentacion|respuestas|pregunta|documento tecnico|clientes de referencia|caso di studio|documentazione|scheda tecnica|registrazione|presentazione|risposte|domanda|clienti di riferimento|casestudy|documentatie|opname|presentatie|antwoorden|vraag|referentieklanten|estudo de caso|documentacao|folheto|gravacao|apresentacao|perguntas?|clientes de referencia|kundcase\w*|broschyr\w*|produktblad\w*|inspelning\w*|presentation|svaren|fragan|vitbok\w*|referenskunder|webinar\w*)\b",
    ),
    // Meeting someone.
    (
        "c:meet",
        r"\b(kaffe|kaffee|horarios?|orari|horaires|agenda|kalender|anruf\w*|zeitfenster\w*|huecos?|fasce orarie|fascia oraria|tijdstip\w*|incontro|overleg|ses|vemos|trovarvi|passer vous voir|koffie|fika|cafe|caffe|videocall|agendalink|bokningslank\w*|buchungslink|lien de reservation|enlace de reservas|link di prenotazione|link de agendamento|boekingslink|vorbei\w*|langs\w*|passer|pasar|passare|passar|forbi|telefonier\w*|bellen|telefone|telefono|appeler|demostracion|demonstracao|demonstratie|live-demo|livedemo|demo|meet(ing)?s?|calls?|demo|chat|zoom|teams|session|workshop|walk-?through|invite|calendar|calendly|slots?|availability|free|time|coffee|lunch|visit|screen share|kickoff|catch-up|talk it through|jump on|hop on|termin\w*|telefonat|gesprach|vorfuhrung|einladung|online-prasentation|rendez-vous|appel|reunion|visio|demonstration|creneau|echange|invitation|atelier|llamada|videollamada|hueco|taller|invitacion|appuntamento|chiamata|riunione|videochiamata|telefonata|invito|afspraak|belafspraak|videogesprek|gesprek|tijdslot|uitnodiging|reuniao|chamada|videochamada|conversa|horario|convite|mote|samtal|videomote|inbjudan|tid)\b",
    ),
    (
        "c:day",
        r"\b(monday|tuesday|wednesday|thursday|friday|tomorrow|tmrw|next week|this week|montag|dienstag|mittwoch|donnerstag\w*|freitag|nachste woche|lundi|mardi|mercredi|jeudi|vendredi|semaine prochaine|lunes|martes|miercoles|jueves|viernes|semana que viene|lunedi|martedi|mercoledi|giovedi|venerdi|settimana prossima|maandag|dinsdag|woensdag|donderdag\w*|vrijdag|volgende week|segunda|terca|quarta|quinta|sexta|semana que vem|mandag|tisdag|onsdag|torsdag|fredag|nasta vecka)\b|\b\d{1,2}\s?(am|pm|h|uhr|u)\b|\b(um|a las|alle|om|as|klockan) \d",
    ),
    // A later period.
    (
        "c:period",
        r"\b(an prochain|anno prossimo|nachstes jahr|nachste jahr|volgend jaar|ano que vem|seizoen|saison|temporada|stagione|sasong\w*|epoca alta|herbst|fruhjahr|fruhling|sommer|automne|printemps|otono|verano|primavera|autunno|estate|inverno|najaar|voorjaar|zomer|outono|verao|hosten|varen|sommaren|rentree|quartal|kwartaal|kvartal\w*|trimestre|neuen jahr|nouvel an|ano nuevo|anno nuovo|nieuwe jaar|ano novo|nya aret|next (quarter|year|month|fiscal year|school year)|q[1-4]|january|february|march|april|june|july|september|october|spring|summer|autumn|fall|winter|new year|christmas|easter|second half|few (weeks|months)|two months|a couple of weeks|mid-\w+|nachste[nms]? (quartal|jahr|monat)|neuen jahr|januar|marz|trimestre prochain|l'annee prochaine|janvier|mars|proximo (trimestre|ano)|ano que viene|enero|marzo|prossimo (trimestre|anno)|gennaio|volgend (kwartaal|jaar)|januari|maart|janeiro|marco|nasta (kvartal|ar)|nasta ar|mars|nyar|principios|inizio|begin|inicio|borjan)\b",
    ),
    // An event to wait for.
    (
        "c:event",
        r"\b(quartalsabschluss|kvartalsbokslut|kwartaalafsluiting|cierre trimestral|fecho trimestral|cloture trimestrielle|trimestre|industrisemester\w*|bouwvak|betriebsferien|fermeture estivale|cierre de agosto|ferias de agosto|chiusura di agosto|demenagement|mudanza|trasloco|verhuizing|flytt\w*|umzug|mudanca|merger|acquisition|launch|release|audit|reorg\w*|restructuring|migration|go-live|rollout|fiscal year|year-end|peak|busy season|funding|hiring freeze|spin-off|election|grant|strategy review|renovation|rebrand|recruitment|regulations|harvest|shareholder meeting|planning cycle|the dust settles|new (cio|cfo|head|office|warehouse|structure|finance system)|starts|in post|settled in|fusion|umstrukturierung|jahresabschluss|hochsaison|umstellung|reorganisation|cloture|haute saison|fusion|reorganizacion|cierre del ejercicio|temporada alta|fusione|riorganizzazione|chiusura del bilancio|alta stagione|fusie|reorganisatie|jaarafsluiting|hoogseizoen|fusao|reorganizacao|fecho de contas|epoca alta|sammanslagning\w*|omorganisation\w*|bokslut|hogsasong\w*|bytet)\b",
    ),
    // Something is not a priority now: timing, not a refusal.
    (
        "c:priority",
        r"\b(priority|prioritat|priorite|prioridad|priorita|prioriteit|prioridade|prioriter\w*|prioritet\w*|not the right time|right now|im moment|gerade|en ce moment|ahora mismo|in questo momento|op dit moment|nu even|neste momento|just nu)\b",
    ),
    // The rep will find something out and report back: information owed.
    (
        "c:findout",
        r"\b(find out|check with|ask (our|the|my)|get back to you|let you know|report back|come back to you with|le digo algo|te digo algo|dou-lhe noticias|digo-lhe|je vous tiens au courant|je vous dis|je verifie|je me renseigne|je demande|ti faccio sapere|le faccio sapere|verifico|chiedo|laat (het )?u weten|laat het je weten|ik check|ik vraag|ik zoek|jag kollar|jag fragar|jag tar reda|hor av mig|aterkommer|gebe (ihnen )?bescheid|ich klare|ich frage|ich finde|vejo isso|pergunto|confirmo|lo reviso|lo compruebo|lo consulto|pregunto)\b",
    ),
    // Coming back to it later.
    (
        "c:later",
        r"\b(hablamos|lo hablamos|seguimos|falamos|continuamos|ne parliamo|ci sentiamo|proseguiamo|on en parle|on se reparle|on reprend|reprenons|horen uns|hoeren uns|sprechen wir|sprechen|machen wir weiter|spreken we|spreken elkaar|gaan we verder|hebben we het erover|vi hors|pratar vi|fortsatter vi|tar vi det|catch up|regroup|speak (then|after|when|on|once|soon)|talk (then|after|when|on|once|soon)|revisit|reconnect|pick (this|it) (up|back)|pick it up|come back|get back in touch|be in touch|hold off|hold this|wait(ing)?|pause|park|circle back|reach (back )?out again|check back|check in again|talk again|follow up (after|in|once|when)|reconvene|restart|touch base again|put a reminder|give you some space|wieder (melden|auf)|melde (ich )?mich\b.{0,30}wieder|melde (ich )?mich (dann )?(nach|ab|anfang|ende|sobald|wenn)\b|greifen wir|warten|sprechen wir|recontacter\w*|reparl\w*|reprendre|reviendrai|relancer|attendons|volvere a contactar|retom\w*|esperamos|hablamos otra vez|escribo de nuevo|ricontatter\w*|riprend\w*|riparliamo|rifaccio|aspettiamo|weer contact|weer oppakken|wachten|spreken elkaar|meld me weer|volto a (contactar|falar)|esperamos|falamos novamente|hor av mig igen|tar upp|vantar|hors igen|aterkommer)\b",
    ),
    // Someone away.
    (
        "c:away",
        r"\b(fetes|fiestas|feste|feestdagen|festas|helgerna|helgen|feiertage\w*|de retour|de vuelta|di ritorno|terug op kantoor|tillbaka pa kontoret|im buro|autosvar\w*|abwesenheitsnotiz|message d'absence|respuesta automatica|risposta automatica|automatisch antwoord|automatische antwoord|resposta automatica|hemma|absent jusqu|fuera hasta|fora ate|weg bent|borta till|fuori fino|bentornat\w*|conge|licenca|verlof|foraldraledig|elternzeit|baja|congedo|trasferta|zakenreis|tjansteresa\w*|dienstreise|viagem de trabalho|viaje de trabajo|bentornato|welkom terug|willkommen zuruck|bon retour|bienvenido|bem-vindo|trip|travel\w*|vacations?|holidays?|on leave|(parental|maternity|paternity|sick|annual|medical|family|study|compassionate|extended) leave|leave of absence|time off|pto|conference|trade (show|fair)|fair|when you('re| are| get)? back|you return|your return|welcome back|honeymoon|sabbatical|out of (the )?office|away|offsite|on the road|get well|recover\w*|flight|enjoy|urlaub\w*|reise|unterwegs|zuruck|ruckkehr|messe|freien tage|gute besserung|wieder da|erholen|vacances|voyage|deplacement|retour|salon|conges|retablissement|vacaciones|viaje|vuelta|vuelva|regreso|feria|dias libres|mejore|vacanze|viaggio|rientr\w*|ritorno|fiera|ferie|guarisca|vakantie|reis|terug\w*|beurs|vrije dagen|beterschap|ferias|viagem|regress\w*|voltar|feira|folga|melhoras|semester\w*|resa|resande|tillbaka|massan|ledigheten|krya)\b",
    ),
    // Trying the product.
    (
        "c:trial",
        r"\b(demo-instanz|demo-omgeving|demomiljo\w*|instancia de demostracion|instance de demonstration|istanza demo|instancia de demonstracao|evaluierung\w*|utvardering\w*|evaluatie|valutazione|evaluacion|avaliacao|test|tests|testaccount|testlicentie|teststellung|testlaufzeit|proef|testet|testperiode|periodo de prova|periodo di prova|trials?|pilot\w*|poc|pov|proof of (concept|value)|sandbox|test (environment|account|drive|run|version)|evaluation|staging|demo environment|testers?|testing period|free account|testzugang|testphase|testumgebung|testversion|testinstallation|evaluierungslizenz|essai|environnement de test|version d'evaluation|preuve de concept|licence d'evaluation|prueba|entorno de pruebas|version de evaluacion|prueba de concepto|licencia de evaluacion|prova( gratuita)?|ambiente di test|versione di valutazione|licenza di valutazione|proefaccount|proefperiode|testomgeving|proefversie|evaluatielicentie|conta de teste|teste gratuito|teste|periodo de teste|ambiente de testes|versao de avaliacao|prova de conceito|licenca de avaliacao|testkonto|testperiod\w*|testmiljo\w*|provperiod\w*|konceptvalidering\w*|utvarderingslicens|pilotanvandare)\b",
    ),
    // Courtesy that expects no answer.
    (
        "c:social",
        r"\b(hope|hoffe|espere|espero|spero|hoop|hoppas|gick bra|goed is verlopen|bien passe|thanks?|thank you|thx|ty|congrat\w*|cheers|regards|best|happy (holidays|new year|birthday|thanksgiving)|merry|well done|pleasure|great (to|meeting|chatting)|nice (to|meeting)|good luck|best of luck|enjoyed|appreciate\w*|hope (you|all|the)|welcome|danke|dank|gluckwunsch|gratulier\w*|grusse|grussen|frohe|merci|felicitations|bravo|cordialement|joyeuses|gracias|enhorabuena|felicidades|saludos?|felices|grazie|congratulazioni|complimenti|saluti|buone feste|bedankt|gefeliciteerd|groet\w*|fijne feestdagen|obrigad\w*|parabens|cumprimentos|boas festas|tack|grattis|halsning\w*|god jul)\b",
    ),
    // The rep's own availability, an offer of help: courtesy, not a reason.
    (
        "c:courtesy",
        r"\b(let me know if|don't hesitate|feel free to (contact|reach|call|get in touch)|if you have any questions|reach out if|any questions|if anything comes up|stehe ich ihnen|zur verfugung|je reste a votre disposition|quedo a su disposicion|resto a disposizione|hor garna av dig om|fico a disposicao|altijd bereikbaar|bei fragen)\b",
    ),
    (
        "c:self_away",
        r"\b(i'll be|i'm|i am|i will be|i'll be out|our (office|offices)|we're closed|we are closed)\b.{0,30}\b(holiday|vacation|leave|out of (the )?office|away|off|closed)\b|\b(covering|my colleague .{0,20}(help|cover))\b",
    ),
    (
        "c:met",
        r"\b(nice|great|good|lovely|pleasure|placer|plaisir|ravi|piacere|prazer|leuk|kul|schon|enjoyed)\b.{0,30}\b(meet\w*|met|kennen\w*|connaissance|conocer\w*|conoscer\w*|conhece\w*|ontmoet|traffa\w*|see you|seeing you)\b",
    ),
    (
        "c:new_person",
        r"\b(new|neue[nr]?|nouveau|nouvelle|nuevo|nueva|nuovo|nuova|nieuwe|novo|nova|nya)\b.{0,25}\b(starts?|started|begonnen|angefangen|incorpore|arrivato|comecar|begonnen|borjat|pris ses fonctions|in post|joins?|settled|is in|has started|comes on board)\b",
    ),
    // A past conversation mentioned in passing.
    (
        "c:aside",
        r"\b(as (we|you|i) (said|discussed|mentioned|agreed)|on (the|our) call|when we spoke|on the phone|last (week|time)|in our meeting|wie (im telefonat )?besprochen|comme evoque|como comentamos|come detto|zoals (telefonisch )?besproken|como falamos|som vi sa)\b",
    ),
];

/// The compiled concept lexicons.
pub fn concepts() -> &'static [(&'static str, Pattern)] {
    static RE: OnceLock<Vec<(&'static str, Pattern)>> = OnceLock::new();
    RE.get_or_init(|| {
        CONCEPTS
            .iter()
            .map(|(name, pat)| {
                let re = bare(pat).expect("concept lexicon compiles");
                (*name, Pattern::new(re))
            })
            .collect()
    })
}
