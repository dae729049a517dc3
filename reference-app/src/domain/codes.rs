//! Codes of pti-core's enums as a request spells them.

use pti_core::model::VehicleCategory;

use crate::error::{Error, Result};

/// A code parsed into its enum, or `default` when absent; a wrong code names the field.
pub fn code_or<T: pti_core::Code>(field: &str, code: Option<&str>, default: T) -> Result<T> {
    match code {
        None => Ok(default),
        Some(c) => c
            .trim()
            .parse()
            .map_err(|_| Error::validation(field, format!("unknown code '{c}'"))),
    }
}

/// A vehicle category code (default VP); the spec's VT (utility) means VU.
pub fn vehicle_category(field: &str, code: Option<&str>) -> Result<VehicleCategory> {
    match code.map(str::trim) {
        Some("VT") => Ok(VehicleCategory::Vu),
        other => code_or(field, other, VehicleCategory::Vp),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pti_core::model::Fuel;

    #[test]
    fn codes_parse_with_their_aliases_and_defaults() {
        assert_eq!(code_or("fuel", None, Fuel::Petrol).unwrap(), Fuel::Petrol);
        assert_eq!(
            code_or("fuel", Some(" GAS "), Fuel::Petrol).unwrap(),
            Fuel::Gas
        );
        assert_eq!(
            vehicle_category("vehicle_type", Some("VT")).unwrap(),
            VehicleCategory::Vu
        );
        assert_eq!(
            vehicle_category("vehicle_type", Some("VL")).unwrap(),
            VehicleCategory::Vp
        );
        assert!(code_or("fuel", Some("COAL"), Fuel::Petrol).is_err());
    }
}
