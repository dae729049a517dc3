//! Vehicles: category, fuel, plate and the few facts the booking needs.

use super::plate::Plate;
use crate::error::Coded;
use serde::{Deserialize, Serialize};

/// The vehicle categories a centre may inspect.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum VehicleCategory {
    /// Passenger car (VP, also called VL).
    #[serde(rename = "VP", alias = "VL")]
    Vp,
    /// Light utility vehicle ≤ 3.5 t (VU, also VUL).
    #[serde(rename = "VU", alias = "VUL")]
    Vu,
    /// Motorcycles, mopeds and quads (L).
    #[serde(rename = "L")]
    L,
    /// Camping-car.
    #[serde(rename = "CAMPING_CAR")]
    CampingCar,
    /// Trailer or caravan.
    #[serde(rename = "TRAILER")]
    Trailer,
    /// Heavy vehicle: a separate trade, offered by no ordinary centre.
    #[serde(rename = "PL")]
    Pl,
}

impl VehicleCategory {
    /// Every category, in code order.
    pub const ALL: [VehicleCategory; 6] = [
        VehicleCategory::Vp,
        VehicleCategory::Vu,
        VehicleCategory::L,
        VehicleCategory::CampingCar,
        VehicleCategory::Trailer,
        VehicleCategory::Pl,
    ];
}

crate::error::impl_code!(VehicleCategory, "vehicle category" {
    Vp = "VP",
    Vu = "VU",
    L = "L",
    CampingCar = "CAMPING_CAR",
    Trailer = "TRAILER",
    Pl = "PL",
} also {
    "VL" = Vp,
    "VUL" = Vu,
    "VT" = Vu,
});

/// The energy a vehicle runs on; it changes the inspection's duration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Fuel {
    /// Petrol (essence).
    Petrol,
    /// Diesel.
    Diesel,
    /// LPG or CNG; the inspector needs the gas agreement.
    Gas,
    /// Hybrid.
    Hybrid,
    /// Battery electric.
    Electric,
    /// Hydrogen.
    Hydrogen,
}

impl Fuel {
    /// Every fuel, in code order.
    pub const ALL: [Fuel; 6] = [
        Fuel::Petrol,
        Fuel::Diesel,
        Fuel::Gas,
        Fuel::Hybrid,
        Fuel::Electric,
        Fuel::Hydrogen,
    ];
}

crate::error::impl_code!(Fuel, "fuel" {
    Petrol = "PETROL",
    Diesel = "DIESEL",
    Gas = "GAS",
    Hybrid = "HYBRID",
    Electric = "ELECTRIC",
    Hydrogen = "HYDROGEN",
});

/// A vehicle brought for inspection.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vehicle {
    /// Registration plate in canonical form.
    pub plate: Plate,
    /// Category.
    pub category: VehicleCategory,
    /// Fuel.
    pub fuel: Fuel,
    /// Make (marque), free text.
    pub make: Option<String>,
    /// Model (modèle), free text.
    pub model: Option<String>,
    /// Year of first registration (année).
    pub year: Option<u16>,
}

/// A vehicle field that cannot be right.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum VehicleError {
    /// The year lies outside 1900..=2100.
    #[error("year {0} is not a plausible year of first registration")]
    ImplausibleYear(u16),
}

impl Coded for VehicleError {
    fn code(&self) -> &'static str {
        "INVALID_VEHICLE_YEAR"
    }
}

impl Vehicle {
    /// A vehicle with no make, model or year.
    pub fn new(plate: Plate, category: VehicleCategory, fuel: Fuel) -> Self {
        Vehicle {
            plate,
            category,
            fuel,
            make: None,
            model: None,
            year: None,
        }
    }

    /// Sets the year, refusing ones outside 1900..=2100 (the app also checks it against today).
    pub fn with_year(mut self, year: u16) -> Result<Self, VehicleError> {
        if !(1900..=2100).contains(&year) {
            return Err(VehicleError::ImplausibleYear(year));
        }
        self.year = Some(year);
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_codes_round_trip_with_aliases() {
        for c in VehicleCategory::ALL {
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.code()));
            assert_eq!(serde_json::from_str::<VehicleCategory>(&json).unwrap(), c);
        }
        assert_eq!(
            serde_json::from_str::<VehicleCategory>("\"VL\"").unwrap(),
            VehicleCategory::Vp
        );
        assert_eq!(
            serde_json::from_str::<VehicleCategory>("\"VUL\"").unwrap(),
            VehicleCategory::Vu
        );
    }

    #[test]
    fn refuses_year_1800() {
        let v = Vehicle::new(
            Plate::parse("AB-123-CD").unwrap(),
            VehicleCategory::Vp,
            Fuel::Diesel,
        );
        assert_eq!(
            v.clone().with_year(1800).unwrap_err().code(),
            "INVALID_VEHICLE_YEAR"
        );
        assert_eq!(v.with_year(2019).unwrap().year, Some(2019));
    }
}
