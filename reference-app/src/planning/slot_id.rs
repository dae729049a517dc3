//! The opaque `disponibilite_id` of a free slot: centre, start, and what was searched for
//! (control type, vehicle category, fuel), so that booking it needs nothing else. It is not a
//! secret: booking re-checks everything.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::Wanted;

/// What a `disponibilite_id` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SlotKey {
    /// The centre.
    pub centre_id: Uuid,
    /// Start of the inspection.
    pub start: DateTime<Utc>,
    /// The inspection searched for.
    pub wanted: Wanted,
}

impl SlotKey {
    /// `<centre, 32 hex>.<start, unix seconds>.<control>.<category>.<fuel>`.
    pub fn encode(&self) -> String {
        format!(
            "{}.{}.{}.{}.{}",
            self.centre_id.simple(),
            self.start.timestamp(),
            self.wanted.control_type.code(),
            self.wanted.category.code(),
            self.wanted.fuel.code()
        )
    }

    /// Reads an id made by [`SlotKey::encode`]; `None` when it is not one.
    pub fn decode(id: &str) -> Option<SlotKey> {
        let mut parts = id.trim().split('.');
        let centre_id = Uuid::try_parse(parts.next()?).ok()?;
        let start = DateTime::from_timestamp(parts.next()?.parse().ok()?, 0)?;
        let wanted = Wanted {
            control_type: parts.next()?.parse().ok()?,
            category: parts.next()?.parse().ok()?,
            fuel: parts.next()?.parse().ok()?,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(SlotKey {
            centre_id,
            start,
            wanted,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pti_core::model::{ControlType, Fuel, VehicleCategory};

    #[test]
    fn ids_round_trip_and_reject_garbage() {
        let key = SlotKey {
            centre_id: Uuid::from_u128(7),
            start: DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
            wanted: Wanted {
                control_type: ControlType::Recheck,
                category: VehicleCategory::CampingCar,
                fuel: Fuel::Gas,
            },
        };
        let id = key.encode();
        assert_eq!(SlotKey::decode(&id), Some(key));
        for bad in [
            "",
            "x",
            "abc.1.CT.VP.PETROL",
            &format!("{id}.extra"),
            &id.replace("GAS", "COAL"),
        ] {
            assert_eq!(SlotKey::decode(bad), None, "{bad}");
        }
    }
}
