//! Control types, inspector agreements and the duration of an inspection.

use super::vehicle::{Fuel, VehicleCategory};
use serde::{Deserialize, Serialize};

/// What kind of inspection is booked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ControlType {
    /// Periodic technical inspection (CT / CTP).
    #[serde(rename = "CT", alias = "CTP")]
    Periodic,
    /// Re-inspection after a failed periodic one (contre-visite).
    #[serde(rename = "CT_CONTRE_VISITE", alias = "CV", alias = "CVP")]
    Recheck,
    /// Complementary pollution check of utility vehicles (CTC).
    #[serde(rename = "CTC")]
    Pollution,
}

impl ControlType {
    /// Every control type.
    pub const ALL: [ControlType; 3] = [
        ControlType::Periodic,
        ControlType::Recheck,
        ControlType::Pollution,
    ];
}

crate::error::impl_code!(ControlType, "control type" {
    Periodic = "CT",
    Recheck = "CT_CONTRE_VISITE",
    Pollution = "CTC",
} also {
    "CTP" = Periodic,
    "CV" = Recheck,
    "CVP" = Recheck,
});

/// One agreement (agrément) an inspector may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Agreement {
    /// Cars and light utility vehicles (and what they tow).
    Vl,
    /// Two-wheelers and quads.
    L,
    /// LPG and CNG vehicles, in addition to VL or L.
    Gas,
    /// Heavy vehicles.
    Pl,
}

impl Agreement {
    /// Every agreement, in declaration order.
    pub const ALL: [Agreement; 4] = [Agreement::Vl, Agreement::L, Agreement::Gas, Agreement::Pl];

    const fn bit(self) -> u8 {
        match self {
            Agreement::Vl => 1,
            Agreement::L => 2,
            Agreement::Gas => 4,
            Agreement::Pl => 8,
        }
    }
}

crate::error::impl_code!(Agreement, "agreement" {
    Vl = "VL",
    L = "L",
    Gas = "GAS",
    Pl = "PL",
});

/// A set of agreements, as a small bit set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "Vec<Agreement>", into = "Vec<Agreement>")]
pub struct Agreements(u8);

impl Agreements {
    /// No agreement.
    pub const NONE: Agreements = Agreements(0);

    /// The set of the given agreements.
    pub fn of(list: &[Agreement]) -> Self {
        Agreements(list.iter().fold(0, |acc, a| acc | a.bit()))
    }

    /// Whether this set holds every agreement of `required`.
    pub fn covers(self, required: Agreements) -> bool {
        self.0 & required.0 == required.0
    }

    /// Whether the set holds `a`.
    pub fn contains(self, a: Agreement) -> bool {
        self.0 & a.bit() != 0
    }

    /// The agreements an inspector needs to inspect a vehicle of this category and fuel.
    pub fn required_for(category: VehicleCategory, fuel: Fuel) -> Self {
        let base = match category {
            VehicleCategory::L => Agreement::L,
            VehicleCategory::Pl => Agreement::Pl,
            _ => Agreement::Vl,
        };
        let gas = if fuel == Fuel::Gas {
            Agreement::Gas.bit()
        } else {
            0
        };
        Agreements(base.bit() | gas)
    }
}

impl From<Vec<Agreement>> for Agreements {
    fn from(list: Vec<Agreement>) -> Self {
        Agreements::of(&list)
    }
}

impl From<Agreements> for Vec<Agreement> {
    fn from(set: Agreements) -> Self {
        Agreement::ALL
            .into_iter()
            .filter(|a| set.contains(*a))
            .collect()
    }
}

/// One row of a duration table that replaces a default: `fuel: None` applies to every fuel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DurationOverride {
    /// Control type the row applies to.
    pub control_type: ControlType,
    /// Vehicle category the row applies to.
    pub category: VehicleCategory,
    /// Fuel the row applies to, or every fuel.
    pub fuel: Option<Fuel>,
    /// Duration in minutes.
    pub minutes: u16,
}

/// Inspection durations by control type × category × fuel: the trade's defaults (DOMAIN.md)
/// with a tenant's overrides on top.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DurationTable {
    /// Rows that replace the defaults; a row with a fuel wins over one without.
    pub overrides: Vec<DurationOverride>,
}

/// Duration of any combination the table does not know, in minutes.
pub const FALLBACK_MINUTES: u16 = 45;

impl DurationTable {
    /// The duration in minutes of an inspection.
    pub fn minutes(&self, control: ControlType, category: VehicleCategory, fuel: Fuel) -> u16 {
        let matching = |want_fuel: Option<Fuel>| {
            self.overrides.iter().find(|o| {
                o.control_type == control && o.category == category && o.fuel == want_fuel
            })
        };
        matching(Some(fuel))
            .or_else(|| matching(None))
            .map(|o| o.minutes)
            .unwrap_or_else(|| default_minutes(control, category, fuel))
    }
}

/// The product docs' durations; see DOMAIN.md.
fn default_minutes(control: ControlType, category: VehicleCategory, fuel: Fuel) -> u16 {
    use VehicleCategory as C;
    let light = matches!(category, C::Vp | C::Vu);
    match (control, light, category, fuel) {
        (ControlType::Periodic, true, _, Fuel::Petrol) => 35,
        (ControlType::Periodic, true, _, Fuel::Diesel) => 40,
        (ControlType::Periodic, true, _, Fuel::Gas) => 50,
        (ControlType::Periodic, true, _, Fuel::Hybrid) => 38,
        (ControlType::Periodic, true, _, Fuel::Electric) => 32,
        (ControlType::Periodic, _, C::L, Fuel::Petrol) => 30,
        (ControlType::Periodic, _, C::L, Fuel::Diesel) => 32,
        (ControlType::Periodic, _, C::L, Fuel::Gas) => 40,
        (ControlType::Recheck, true, _, _) => 25,
        (ControlType::Recheck, _, C::L, _) => 22,
        (ControlType::Recheck, _, _, _) => 20,
        (ControlType::Pollution, _, _, _) => 20,
        _ => FALLBACK_MINUTES,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ControlType::*;
    use VehicleCategory as C;

    #[test]
    fn defaults_follow_the_product_docs() {
        let t = DurationTable::default();
        assert_eq!(t.minutes(Periodic, C::Vp, Fuel::Petrol), 35);
        assert_eq!(t.minutes(Periodic, C::Vu, Fuel::Diesel), 40);
        assert_eq!(t.minutes(Periodic, C::Vp, Fuel::Gas), 50);
        assert_eq!(t.minutes(Periodic, C::Vp, Fuel::Hybrid), 38);
        assert_eq!(t.minutes(Periodic, C::Vp, Fuel::Electric), 32);
        assert_eq!(t.minutes(Periodic, C::L, Fuel::Petrol), 30);
        assert_eq!(t.minutes(Recheck, C::Vp, Fuel::Diesel), 25);
        assert_eq!(t.minutes(Recheck, C::L, Fuel::Petrol), 22);
        assert_eq!(t.minutes(Recheck, C::Trailer, Fuel::Petrol), 20);
        assert_eq!(t.minutes(Pollution, C::Vu, Fuel::Diesel), 20);
    }

    #[test]
    fn unknown_combinations_fall_back_to_45() {
        let t = DurationTable::default();
        assert_eq!(t.minutes(Periodic, C::L, Fuel::Electric), 45);
        assert_eq!(t.minutes(Periodic, C::CampingCar, Fuel::Diesel), 45);
        assert_eq!(t.minutes(Periodic, C::Vp, Fuel::Hydrogen), 45);
    }

    #[test]
    fn overrides_with_a_fuel_win_over_overrides_without() {
        let t = DurationTable {
            overrides: vec![
                DurationOverride {
                    control_type: Periodic,
                    category: C::Vp,
                    fuel: None,
                    minutes: 30,
                },
                DurationOverride {
                    control_type: Periodic,
                    category: C::Vp,
                    fuel: Some(Fuel::Gas),
                    minutes: 60,
                },
            ],
        };
        assert_eq!(t.minutes(Periodic, C::Vp, Fuel::Diesel), 30);
        assert_eq!(t.minutes(Periodic, C::Vp, Fuel::Gas), 60);
        assert_eq!(t.minutes(Periodic, C::Vu, Fuel::Diesel), 40);
    }

    #[test]
    fn gas_vehicles_need_the_gas_agreement() {
        let vl = Agreements::of(&[Agreement::Vl]);
        let vl_gas = Agreements::of(&[Agreement::Vl, Agreement::Gas]);
        let need = Agreements::required_for(C::Vp, Fuel::Gas);
        assert!(!vl.covers(need));
        assert!(vl_gas.covers(need));
        assert!(vl.covers(Agreements::required_for(C::Trailer, Fuel::Petrol)));
        assert!(!vl.covers(Agreements::required_for(C::L, Fuel::Petrol)));
    }

    #[test]
    fn control_type_codes_are_the_specs() {
        for c in ControlType::ALL {
            assert_eq!(
                serde_json::to_string(&c).unwrap(),
                format!("\"{}\"", c.code())
            );
        }
        assert_eq!(
            serde_json::from_str::<ControlType>("\"CV\"").unwrap(),
            Recheck
        );
    }
}
