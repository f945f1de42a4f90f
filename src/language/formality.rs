//! Sie or du, vous or tu, usted or tú, Lei or tu, u or je: read from how the prospect (else
//! the rep) wrote, formal when nothing tells. Swedish business mail is `du` throughout and
//! Portuguese drafts use the `você` forms either way, so there formality only changes the
//! greeting.

/// Whether a text in `lang` addresses its reader formally: `Some(true)` formal, `Some(false)`
/// informal, `None` when the text shows neither.
pub fn of_text(text: &str, lang: &str) -> Option<bool> {
    let mut formal = 0;
    let mut informal = 0;
    let mut sentence_start = true;
    for raw in text.split_whitespace() {
        let w: String = raw
            .chars()
            .filter(|c| c.is_alphabetic() || *c == '\'' || *c == '’')
            .collect();
        let lower = w.to_lowercase();
        let (f, i): (bool, bool) = match lang {
            // Capitalised Sie/Ihr mid-sentence is the polite form; at a sentence start it
            // could be "they", so only the unambiguous forms count there.
            "de" => (
                matches!(w.as_str(), "Ihnen" | "Ihrem" | "Ihren" | "Ihrer")
                    || (!sentence_start && matches!(w.as_str(), "Sie" | "Ihr" | "Ihre")),
                matches!(
                    lower.as_str(),
                    "du" | "dich"
                        | "dir"
                        | "dein"
                        | "deine"
                        | "deinen"
                        | "deinem"
                        | "deiner"
                        | "hast"
                        | "kannst"
                        | "bist"
                        | "willst"
                        | "meldest"
                        | "magst"
                        | "möchtest"
                        | "hättest"
                        | "weißt"
                        // Talking to a team the informal way ("euer DSB", "für euch").
                        | "euch"
                        | "euer"
                        | "eure"
                        | "euren"
                        | "eurem"
                        | "eurer"
                        // The du imperative ("Sag Bescheid", "Gib mir kurz Bescheid").
                        | "sag"
                        | "gib"
                        | "schreib"
                        | "ruf"
                        | "meld"
                        | "schau"
                ),
            ),
            "fr" => (
                matches!(lower.as_str(), "vous" | "votre" | "vos"),
                matches!(lower.as_str(), "tu" | "te" | "toi" | "ton" | "ta" | "tes")
                    || lower.starts_with("t'")
                    || lower.starts_with("t’"),
            ),
            "es" => (
                matches!(lower.as_str(), "usted" | "ud" | "vd"),
                matches!(
                    lower.as_str(),
                    "tú" | "tu"
                        | "ti"
                        | "te"
                        | "contigo"
                        | "tienes"
                        | "puedes"
                        | "quieres"
                        | "tuyo"
                        | "tus"
                        | "estás"
                        | "sabes"
                        | "dime"
                        // vosotros, the informal plural of Spain.
                        | "os"
                        | "vosotros"
                        | "vuestro"
                        | "vuestra"
                        | "vuestros"
                        | "vuestras"
                ),
            ),
            "it" => (
                (!sentence_start && matches!(w.as_str(), "Lei" | "La" | "Le" | "Suo" | "Sua"))
                    || matches!(lower.as_str(), "cordiali" | "gentile" | "egregio"),
                matches!(
                    lower.as_str(),
                    "tu" | "ti"
                        | "tuo"
                        | "tua"
                        | "tuoi"
                        | "hai"
                        | "puoi"
                        | "vuoi"
                        | "sei"
                        | "fammi"
                        | "dimmi"
                        | "ciao"
                ),
            ),
            "nl" => (
                matches!(lower.as_str(), "u" | "uw"),
                matches!(
                    lower.as_str(),
                    "je" | "jij" | "jou" | "jouw" | "hoi" | "jullie"
                ),
            ),
            "pt" => (
                matches!(
                    lower.as_str(),
                    "senhor" | "senhora" | "atenciosamente" | "prezado" | "prezada"
                ),
                matches!(
                    lower.as_str(),
                    "tu" | "teu" | "tua" | "contigo" | "abraço" | "abraços" | "beijos"
                ),
            ),
            _ => (false, false),
        };
        formal += f as u32;
        informal += i as u32;
        sentence_start = raw.ends_with(['.', '!', '?', ':']);
    }
    match (formal, informal) {
        (0, 0) => None,
        (f, i) => Some(f >= i),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prospects_own_address_form_is_kept() {
        assert_eq!(
            of_text("Können Sie mir das Angebot bis Freitag schicken?", "de"),
            Some(true)
        );
        assert_eq!(
            of_text("Kannst du mir das Angebot schicken? Danke dir!", "de"),
            Some(false)
        );
        assert_eq!(
            of_text(
                "Hi Tom, anbei wie besprochen die Unterlagen zur Sicherheit. Sag Bescheid, wenn euer DSB noch Fragen hat.",
                "de"
            ),
            Some(false),
            "the du imperative and the informal plural"
        );
        assert_eq!(
            of_text("Os adjunto el presupuesto para las dos plantas.", "es"),
            Some(false)
        );
        assert_eq!(
            of_text(
                "Hoi allemaal, hierbij de offerte voor jullie drie vestigingen.",
                "nl"
            ),
            Some(false)
        );
        assert_eq!(
            of_text("Sie haben recht.", "de"),
            None,
            "sentence-initial Sie tells nothing"
        );
        assert_eq!(
            of_text("Merci, je vous recontacte en janvier.", "fr"),
            Some(true)
        );
        assert_eq!(
            of_text("Merci, je te recontacte en janvier.", "fr"),
            Some(false)
        );
        assert_eq!(
            of_text("¿Puede usted enviarme el presupuesto?", "es"),
            Some(true)
        );
        assert_eq!(
            of_text("¿Me puedes mandar el presupuesto? Gracias", "es"),
            Some(false)
        );
        assert_eq!(of_text("La ringrazio, Le farò sapere.", "it"), Some(true));
        assert_eq!(of_text("Grazie, La ricontatto presto.", "it"), Some(true));
        assert_eq!(of_text("Ciao Marco, fammi sapere!", "it"), Some(false));
        assert_eq!(of_text("Kunt u mij de offerte sturen?", "nl"), Some(true));
        assert_eq!(of_text("Kun je me de offerte sturen?", "nl"), Some(false));
        assert_eq!(of_text("The quote is fine.", "en"), None);
    }
}
