//! A vehicle as typed: its plate and year of first registration.

use chrono::{Datelike, Utc};
use pti_core::model::Plate;
use serde_json::json;

use crate::error::{Error, Result};

/// The plate, or 422 `INVALID_PLATE` naming the field.
pub fn plate(field: &str, raw: &str) -> Result<Plate> {
    Plate::parse(raw).map_err(|e| Error::Unprocessable {
        code: "INVALID_PLATE",
        message: e.to_string(),
        details: json!({ "field": field, "reason": e.to_string() }),
    })
}

/// A year of first registration, 1900 to next year.
pub fn registration_year(field: &str, year: Option<i32>) -> Result<Option<i16>> {
    let next = Utc::now().year() + 1;
    match year {
        None => Ok(None),
        Some(y) if (1900..=next).contains(&y) => Ok(i16::try_from(y).ok()),
        Some(_) => Err(Error::validation(field, format!("between 1900 and {next}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plates_are_canonical_or_refused_naming_the_field() {
        assert_eq!(
            plate("immatriculation", "ab123cd").unwrap().as_str(),
            "AB-123-CD"
        );
        let e = plate("immatriculation", "nope").unwrap_err();
        assert_eq!(e.code(), "INVALID_PLATE");
    }

    #[test]
    fn years_run_from_1900_to_next_year() {
        assert_eq!(registration_year("annee", Some(2018)).unwrap(), Some(2018));
        assert!(registration_year("annee", Some(1899)).is_err());
        assert!(registration_year("annee", Some(Utc::now().year() + 2)).is_err());
    }
}
