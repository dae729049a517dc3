//! The French words of the statistics' codes, for the exports.

use pti_core::model::{ControlType, VehicleCategory};

use crate::rdv::documents::control_label;

/// A control type's French name (its code when unknown).
pub fn control_type(code: &str) -> String {
    code.parse::<ControlType>()
        .map_or_else(|_| code.to_owned(), |c| control_label(c).to_owned())
}

/// A vehicle category's French name (its code when unknown).
pub fn vehicle_category(code: &str) -> String {
    let Ok(category) = code.parse::<VehicleCategory>() else {
        return code.to_owned();
    };
    match category {
        VehicleCategory::Vp => "Voiture particulière",
        VehicleCategory::Vu => "Véhicule utilitaire léger",
        VehicleCategory::L => "Deux-roues et quadricycle (L)",
        VehicleCategory::CampingCar => "Camping-car",
        VehicleCategory::Trailer => "Remorque et caravane",
        VehicleCategory::Pl => "Poids lourd",
    }
    .to_owned()
}

/// `YYYY-MM` as the French month and year ("mars 2026").
pub fn month(text: &str) -> String {
    const NAMES: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let (year, number) = text.split_once('-').unwrap_or((text, ""));
    match number
        .parse::<usize>()
        .ok()
        .and_then(|n| NAMES.get(n.wrapping_sub(1)))
    {
        Some(name) => format!("{name} {year}"),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_in_french() {
        assert_eq!(control_type("CT_CONTRE_VISITE"), "Contre-visite");
        assert_eq!(vehicle_category("CAMPING_CAR"), "Camping-car");
        assert_eq!(vehicle_category("XX"), "XX");
        assert_eq!(month("2026-03"), "mars 2026");
        assert_eq!(month("2026-12"), "décembre 2026");
        assert_eq!(month("2026-13"), "2026-13");
    }
}
