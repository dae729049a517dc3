//! A network as its documents show it: its colour and logo in the header band, its legal
//! mentions (legal name, SIRET, address, contact) in the footer. The admin settings write
//! them (the `branding` and `general` sections of the network's settings, its logo); every
//! document reads them here, in the caller's tenant transaction.

use sqlx::PgConnection;
use uuid::Uuid;

use super::colour::Rgb;
use super::repo;
use super::report::{Header, Logo};

/// The colour of a network that chose none, in its portal and on its documents.
pub const DEFAULT_COLOUR: &str = "#1d4ed8";

/// What a network's documents show of it. Text fields are empty when the network left them
/// blank.
#[derive(Clone, Debug, PartialEq)]
pub struct Letterhead {
    /// Display name.
    pub name: String,
    /// Legal name (raison sociale).
    pub legal_name: String,
    /// SIRET, 14 digits.
    pub siret: String,
    /// Street address.
    pub address: String,
    /// Postcode.
    pub postcode: String,
    /// City.
    pub city: String,
    /// Contact phone.
    pub phone: String,
    /// Contact e-mail.
    pub email: String,
    /// Primary colour.
    pub colour: Rgb,
    /// Logo.
    pub logo: Option<Logo>,
}

impl Letterhead {
    /// The header band of a document titled `title`: the network's colour, logo and name.
    pub fn header(&self, title: impl Into<String>) -> Header {
        Header {
            title: title.into(),
            subtitle: Some(self.name.clone()),
            colour: self.colour,
            logo: self.logo.clone(),
        }
    }

    /// The legal mentions of the footer, those the network filled in: "Contrôle Lyonnais SAS
    /// · SIRET 732 829 320 00074 · 12 rue de la Part-Dieu, 69003 Lyon · Tél. 04 78 00 00 00 ·
    /// contact@lyon.fr" (numbers held together by no-break spaces). The legal name falls back
    /// to the display name.
    pub fn legal_mentions(&self) -> String {
        let legal_name = if self.legal_name.trim().is_empty() {
            &self.name
        } else {
            &self.legal_name
        };
        let town = join(&[&self.postcode, &self.city], " ");
        let parts = [
            legal_name.trim().to_owned(),
            filled(&self.siret).map_or_else(String::new, |s| format!("SIRET\u{a0}{}", siret(s))),
            join(&[&self.address, &town], ", "),
            filled(&self.phone).map_or_else(String::new, |p| {
                format!("Tél.\u{a0}{}", p.replace(' ', "\u{a0}"))
            }),
            self.email.trim().to_owned(),
        ];
        join(&parts.each_ref().map(String::as_str), " · ")
    }
}

fn filled(text: &str) -> Option<&str> {
    Some(text.trim()).filter(|t| !t.is_empty())
}

/// The filled ones of `parts`, joined by `separator`.
fn join(parts: &[&str], separator: &str) -> String {
    parts
        .iter()
        .filter_map(|p| filled(p))
        .collect::<Vec<_>>()
        .join(separator)
}

/// A SIRET as it is printed: "732 829 320 00074" (the SIREN in threes, then the NIC), with
/// no-break spaces.
fn siret(digits: &str) -> String {
    if digits.len() != 14 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return digits.to_owned();
    }
    format!(
        "{}\u{a0}{}\u{a0}{}\u{a0}{}",
        &digits[..3],
        &digits[3..6],
        &digits[6..9],
        &digits[9..]
    )
}

/// The letterhead of `tenant`, read under the transaction's row-level security (its own
/// network, or any for the platform's admin); None when the network is not visible.
pub async fn read(conn: &mut PgConnection, tenant: Uuid) -> sqlx::Result<Option<Letterhead>> {
    Ok(repo::letterhead(conn, tenant).await?.map(|r| Letterhead {
        name: r.name,
        legal_name: r.legal_name.unwrap_or_default(),
        siret: r.siret.unwrap_or_default(),
        address: r.address.unwrap_or_default(),
        postcode: r.postcode.unwrap_or_default(),
        city: r.city.unwrap_or_default(),
        phone: r.phone.unwrap_or_default(),
        email: r.email.unwrap_or_default(),
        colour: r
            .colour
            .as_deref()
            .and_then(Rgb::parse)
            .or_else(|| Rgb::parse(DEFAULT_COLOUR))
            .expect("the default colour parses"),
        logo: r.logo_type.zip(r.logo).and_then(|(t, b)| Logo::new(&t, b)),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn network() -> Letterhead {
        Letterhead {
            name: "Contrôle Lyonnais".into(),
            legal_name: String::new(),
            siret: String::new(),
            address: String::new(),
            postcode: String::new(),
            city: String::new(),
            phone: String::new(),
            email: String::new(),
            colour: Rgb::parse(DEFAULT_COLOUR).unwrap(),
            logo: None,
        }
    }

    #[test]
    fn the_mentions_name_what_the_network_filled_in() {
        let full = Letterhead {
            legal_name: "Contrôle Lyonnais SAS".into(),
            siret: "73282932000074".into(),
            address: "12 rue de la Part-Dieu".into(),
            postcode: "69003".into(),
            city: "Lyon".into(),
            phone: "04 78 00 00 00".into(),
            email: "contact@lyon.fr".into(),
            ..network()
        };
        assert_eq!(
            full.legal_mentions().replace('\u{a0}', " "),
            "Contrôle Lyonnais SAS · SIRET 732 829 320 00074 · 12 rue de la Part-Dieu, \
             69003 Lyon · Tél. 04 78 00 00 00 · contact@lyon.fr"
        );
        assert!(
            full.legal_mentions()
                .contains("Tél.\u{a0}04\u{a0}78\u{a0}00\u{a0}00\u{a0}00")
        );
        let city_only = Letterhead {
            city: "Lyon".into(),
            ..network()
        };
        assert_eq!(city_only.legal_mentions(), "Contrôle Lyonnais · Lyon");
        assert_eq!(network().legal_mentions(), "Contrôle Lyonnais");
    }

    #[test]
    fn the_header_carries_the_networks_colour_logo_and_name() {
        let logo = Logo::new("image/png", vec![1, 2, 3]);
        let header = Letterhead {
            logo: logo.clone(),
            ..network()
        }
        .header("Confirmation de rendez-vous");
        assert_eq!(header.subtitle.as_deref(), Some("Contrôle Lyonnais"));
        assert_eq!((header.colour, header.logo), (Rgb(0x1d, 0x4e, 0xd8), logo));
    }
}
