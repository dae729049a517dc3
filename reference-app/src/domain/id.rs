//! Ids a request names as text.

use uuid::Uuid;

use crate::error::{Error, Result};

/// The id `raw` (a UUID), or 422 naming `field`.
pub fn id(field: &str, raw: &str) -> Result<Uuid> {
    Uuid::parse_str(raw.trim()).map_err(|_| Error::validation(field, "not a UUID"))
}

/// The id `raw` when given (a UUID), or 422 naming `field`.
pub fn optional_id(field: &str, raw: Option<&str>) -> Result<Option<Uuid>> {
    raw.map(|r| id(field, r)).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_uuids_named_by_their_field() {
        let uuid = Uuid::new_v4();
        assert_eq!(id("agency_id", &uuid.to_string()).unwrap(), uuid);
        assert_eq!(optional_id("agency_id", None).unwrap(), None);
        let e = optional_id("centre_id", Some("ct-1")).unwrap_err();
        assert_eq!(e.code(), "VALIDATION");
        assert!(e.to_string().starts_with("centre_id"), "{e}");
    }
}
