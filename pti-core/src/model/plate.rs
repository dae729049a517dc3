//! French registration plates: SIV (`AA-123-BB`, since 2009) and the older FNI (`123 ABC 45`).
//!
//! Input is forgiving (lower case, spaces, dashes or none); output is the canonical form.

use crate::error::Coded;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Which French numbering system a plate belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlateFormat {
    /// Système d'immatriculation des véhicules, `AA-123-BB`.
    Siv,
    /// Fichier national des immatriculations, `123 ABC 45`.
    Fni,
}

impl PlateFormat {
    /// Every format, in declaration order.
    pub const ALL: [PlateFormat; 2] = [PlateFormat::Siv, PlateFormat::Fni];
}

crate::error::impl_code!(PlateFormat, "plate format" {
    Siv = "siv",
    Fni = "fni",
});

/// A valid French plate in canonical form.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Plate {
    canonical: String,
    format: PlateFormat,
}

/// Why a plate was refused. Every variant has the code `INVALID_PLATE`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PlateError {
    /// The text matches neither the SIV nor the FNI layout.
    #[error("'{0}' is not a French plate (expected AA-123-BB or 123 ABC 45)")]
    Unrecognised(String),
    /// SIV plates never use the letters I, O or U.
    #[error("SIV plates never use the letters I, O or U: '{0}'")]
    ForbiddenLetter(String),
    /// The SS series is never issued and WW is reserved for temporary registrations.
    #[error("the series of '{0}' is reserved (SS, WW)")]
    ReservedSeries(String),
    /// The number block 000 is never issued.
    #[error("the number block of '{0}' cannot be 000")]
    ZeroNumber(String),
}

impl Coded for PlateError {
    fn code(&self) -> &'static str {
        "INVALID_PLATE"
    }
}

impl Plate {
    /// Validates and normalises a plate: `ab 123 cd`, `AB123CD` and `ab-123-cd` all give `AB-123-CD`.
    pub fn parse(input: &str) -> Result<Plate, PlateError> {
        let compact: String = input
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '.' | '\t'))
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let bytes = compact.as_bytes();
        if is_siv_shape(bytes) {
            return parse_siv(&compact);
        }
        parse_fni(bytes).ok_or_else(|| PlateError::Unrecognised(input.trim().to_string()))
    }

    /// The canonical text, `AB-123-CD` or `123 ABC 45`.
    pub fn as_str(&self) -> &str {
        &self.canonical
    }

    /// The numbering system.
    pub fn format(&self) -> PlateFormat {
        self.format
    }

    /// The canonical text without separators (`AB123CD`, `123ABC45`): the key that finds a
    /// vehicle's bookings whichever way its plate was typed.
    pub fn compact(&self) -> String {
        self.canonical.replace(['-', ' '], "")
    }
}

fn is_siv_shape(b: &[u8]) -> bool {
    b.len() == 7
        && b[..2].iter().all(u8::is_ascii_uppercase)
        && b[2..5].iter().all(u8::is_ascii_digit)
        && b[5..].iter().all(u8::is_ascii_uppercase)
}

fn parse_siv(compact: &str) -> Result<Plate, PlateError> {
    let (left, number, right) = (&compact[..2], &compact[2..5], &compact[5..]);
    let canonical = format!("{left}-{number}-{right}");
    if left
        .chars()
        .chain(right.chars())
        .any(|c| matches!(c, 'I' | 'O' | 'U'))
    {
        return Err(PlateError::ForbiddenLetter(canonical));
    }
    if left == "SS" || right == "SS" || left == "WW" {
        return Err(PlateError::ReservedSeries(canonical));
    }
    if number == "000" {
        return Err(PlateError::ZeroNumber(canonical));
    }
    Ok(Plate {
        canonical,
        format: PlateFormat::Siv,
    })
}

/// FNI: 1–4 digits, 1–3 letters, then a département (01–95, 2A, 2B, or 971–976).
fn parse_fni(b: &[u8]) -> Option<Plate> {
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let letters = b[digits..]
        .iter()
        .take_while(|c| c.is_ascii_uppercase())
        .count();
    if !(1..=4).contains(&digits) || !(1..=3).contains(&letters) {
        return None;
    }
    let dept = std::str::from_utf8(&b[digits + letters..]).ok()?;
    let number = std::str::from_utf8(&b[..digits]).ok()?;
    let series = std::str::from_utf8(&b[digits..digits + letters]).ok()?;
    if !is_departement(dept) || number.bytes().all(|c| c == b'0') || series.contains(['I', 'O']) {
        return None;
    }
    Some(Plate {
        canonical: format!("{number} {series} {dept}"),
        format: PlateFormat::Fni,
    })
}

fn is_departement(d: &str) -> bool {
    match d.len() {
        2 if d == "2A" || d == "2B" => true,
        2 => d
            .parse::<u8>()
            .is_ok_and(|n| (1..=95).contains(&n) && n != 20),
        3 => d.parse::<u16>().is_ok_and(|n| (971..=976).contains(&n)),
        _ => false,
    }
}

impl fmt::Display for Plate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.canonical)
    }
}

impl TryFrom<String> for Plate {
    type Error = PlateError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Plate::parse(&value)
    }
}

impl From<Plate> for String {
    fn from(p: Plate) -> String {
        p.canonical
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(s: &str) -> String {
        Plate::parse(s)
            .map(|p| p.to_string())
            .unwrap_or_else(|e| format!("error: {e}"))
    }

    #[test]
    fn the_compact_form_drops_separators() {
        assert_eq!(Plate::parse("ab-123-cd").unwrap().compact(), "AB123CD");
        assert_eq!(Plate::parse("123 abc 45").unwrap().compact(), "123ABC45");
    }

    #[test]
    fn siv_is_normalised_from_any_spelling() {
        for input in ["AB-123-CD", "ab123cd", "ab 123 cd", " Ab-123 cD "] {
            assert_eq!(canon(input), "AB-123-CD", "{input}");
        }
        assert_eq!(Plate::parse("AB123CD").unwrap().format(), PlateFormat::Siv);
    }

    #[test]
    fn siv_refuses_i_o_u_reserved_series_and_zero() {
        assert!(matches!(
            Plate::parse("AI-123-CD"),
            Err(PlateError::ForbiddenLetter(_))
        ));
        assert!(matches!(
            Plate::parse("AB-123-CO"),
            Err(PlateError::ForbiddenLetter(_))
        ));
        assert!(matches!(
            Plate::parse("UB-123-CD"),
            Err(PlateError::ForbiddenLetter(_))
        ));
        assert!(matches!(
            Plate::parse("SS-123-CD"),
            Err(PlateError::ReservedSeries(_))
        ));
        assert!(matches!(
            Plate::parse("AB-123-SS"),
            Err(PlateError::ReservedSeries(_))
        ));
        assert!(matches!(
            Plate::parse("WW-123-CD"),
            Err(PlateError::ReservedSeries(_))
        ));
        assert!(matches!(
            Plate::parse("AB-000-CD"),
            Err(PlateError::ZeroNumber(_))
        ));
    }

    #[test]
    fn fni_is_normalised_with_spaces() {
        assert_eq!(canon("123abc45"), "123 ABC 45");
        assert_eq!(canon("1234 AB 2a"), "1234 AB 2A");
        assert_eq!(canon("7-Z-974"), "7 Z 974");
        assert_eq!(
            Plate::parse("123 ABC 45").unwrap().format(),
            PlateFormat::Fni
        );
    }

    #[test]
    fn fni_refuses_bad_departement_and_shapes() {
        for bad in [
            "123 ABC 00",
            "123 ABC 96",
            "123 ABC 20",
            "12345 AB 75",
            "0 AB 75",
            "123 ABCD 75",
        ] {
            assert!(Plate::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn garbage_is_unrecognised_with_code() {
        for bad in [
            "",
            "hello",
            "AB-12-CD",
            "A1-123-CD",
            "AB-1234-CD",
            "ÉB-123-CD",
        ] {
            let err = Plate::parse(bad).unwrap_err();
            assert_eq!(err.code(), "INVALID_PLATE", "{bad}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_parses_or_is_refused_without_panic(text in ".{0,16}") {
            if let Ok(p) = Plate::parse(&text) {
                proptest::prop_assert_eq!(Plate::parse(p.as_str()).unwrap(), p);
            }
        }

        #[test]
        fn every_siv_shape_with_allowed_letters_is_accepted(
            l in "[A-HJ-NP-TV-Z]{2}", n in 1u16..1000, r in "[A-HJ-NP-TV-Z]{2}",
        ) {
            proptest::prop_assume!(l != "SS" && r != "SS" && l != "WW");
            let text = format!("{}{:03}{}", l.to_lowercase(), n, r);
            proptest::prop_assert_eq!(Plate::parse(&text).unwrap().to_string(), format!("{l}-{n:03}-{r}"));
        }
    }

    #[test]
    fn serde_round_trips_through_canonical_text() {
        let p: Plate = serde_json::from_str("\"ab123cd\"").unwrap();
        assert_eq!(serde_json::to_string(&p).unwrap(), "\"AB-123-CD\"");
        assert!(serde_json::from_str::<Plate>("\"SS-123-AB\"").is_err());
    }
}
