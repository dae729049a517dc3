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

/// OpenAPI schemas of the codes, listed from pti-core's enums (for `#[schema(schema_with)]`).
pub mod schema {
    use pti_core::availability::DayPart;
    use pti_core::model::{BookingStatus, ControlType, Fuel, VehicleCategory};
    use pti_core::search::SortBy;
    use serde::Serialize;
    use utoipa::openapi::schema::{Object, ObjectBuilder, Type};

    fn codes<T: Serialize + Copy>(values: &[T], extra: &[&str], description: &str) -> Object {
        let mut listed: Vec<String> = values.iter().map(|v| super::of(*v)).collect();
        listed.extend(extra.iter().map(|e| (*e).to_owned()));
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(listed))
            .description(Some(description))
            .build()
    }

    /// Vehicle category codes.
    pub fn vehicle_type() -> Object {
        codes(
            &VehicleCategory::ALL,
            &["VT"],
            "Vehicle category: VP car, VU utility (the spec's VT), L two/three-wheeler, \
             CAMPING_CAR, TRAILER, PL heavy; VL and VUL are read as VP and VU",
        )
    }

    /// Fuel codes.
    pub fn fuel() -> Object {
        codes(&Fuel::ALL, &[], "Fuel (default PETROL)")
    }

    /// Control type codes.
    pub fn control_type() -> Object {
        codes(
            &ControlType::ALL,
            &[],
            "Inspection: CT periodic, CT_CONTRE_VISITE re-inspection, CTC pollution check (CTP, CV and CVP \
             are read as CT and CT_CONTRE_VISITE)",
        )
    }

    /// Booking status codes.
    pub fn booking_status() -> Object {
        codes(&BookingStatus::ALL, &[], "Booking status")
    }

    /// Parts of the day a search may keep.
    pub fn day_part() -> Object {
        codes(
            &DayPart::ALL,
            &[],
            "Part of the day: morning starts before 12:00, afternoon at 12:00 or later (default any)",
        )
    }

    /// Orders of search results.
    pub fn sort() -> Object {
        codes(
            &SortBy::ALL,
            &[],
            "Order: nearest, cheapest, best rated, earliest free slot, or the blended best \
             (default distance)",
        )
    }
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
