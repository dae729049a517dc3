//! The stable string codes of pti-core's enums (`"VP"`, `"CT_CONTRE_VISITE"`, `"PETROL"`,
//! `"confirmed"`, ...), as the API and the database spell them: their serde names.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Parses a stable code into its pti-core enum; `None` for an unknown code.
pub fn parse<T: DeserializeOwned>(code: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(code.to_owned())).ok()
}

/// The stable code of an enum value (`Fuel::Petrol` → `"PETROL"`).
pub fn of<T: Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use pti_core::model::{Fuel, VehicleCategory};

    #[test]
    fn codes_round_trip_and_aliases_parse() {
        assert_eq!(of(Fuel::Petrol), "PETROL");
        assert_eq!(parse::<Fuel>("PETROL"), Some(Fuel::Petrol));
        assert_eq!(parse::<VehicleCategory>("VL"), Some(VehicleCategory::Vp));
        assert_eq!(parse::<Fuel>("COAL"), None);
    }
}
