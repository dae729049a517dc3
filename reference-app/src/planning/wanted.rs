//! [`Wanted`]: the inspection a search asks for — control type, vehicle category, fuel — and
//! what it needs of a centre.

use chrono::Utc;
use pti_core::availability::{FreeSlot, Need};
use pti_core::model::{Agreements, Centre, CentreId, ControlType, Fuel, VehicleCategory};

use super::slot_id::SlotKey;
use super::views::SlotView;
use crate::domain::{code_or, vehicle_category};
use crate::error::Result;

/// What the search asks for: vehicle, fuel and control type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wanted {
    /// Control type.
    pub control_type: ControlType,
    /// Category.
    pub category: VehicleCategory,
    /// Fuel.
    pub fuel: Fuel,
}

impl Wanted {
    /// Reads the three codes with their defaults (CT, VP, PETROL).
    pub fn parse(
        control_type: Option<&str>,
        vehicle_type: Option<&str>,
        fuel: Option<&str>,
    ) -> Result<Self> {
        Ok(Self {
            control_type: code_or("control_type", control_type, ControlType::Periodic)?,
            category: vehicle_category("vehicle_type", vehicle_type)?,
            fuel: code_or("fuel", fuel, Fuel::Petrol)?,
        })
    }

    /// What the inspection needs at `centre`.
    pub fn need(&self, centre: &Centre) -> Need {
        Need {
            duration_minutes: u32::from(centre.durations.minutes(
                self.control_type,
                self.category,
                self.fuel,
            )),
            agreements: Agreements::required_for(self.category, self.fuel),
        }
    }

    /// The slot view of a free start at `centre`.
    pub fn slot(&self, centre: CentreId, slot: &FreeSlot) -> SlotView {
        SlotView {
            disponibilite_id: SlotKey {
                centre_id: centre.0,
                start: slot.start.with_timezone(&Utc),
                wanted: *self,
            }
            .encode(),
            start: slot.start,
            end: slot.end,
        }
    }
}
