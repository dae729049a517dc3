//! Slots of a centre's schedule (`pti_core::schedule`).

use crate::convert::{day, from_json};
use crate::error::{PtiError, coded};
use pti_core::model;
use pti_core::schedule::{self, Horizon};

/// A slot of a centre's schedule.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct Slot {
    /// Start, ISO 8601 with the centre's UTC offset.
    pub start: String,
    /// End, ISO 8601 with the centre's UTC offset.
    pub end: String,
}

/// The slots of a centre (JSON, serde shape of `pti_core::model::Centre`) for `days` local
/// days from `first_day` (`YYYY-MM-DD`), for an inspection of `duration_minutes`.
#[uniffi::export]
pub fn generate_slots(
    centre_json: String,
    first_day: String,
    days: u32,
    duration_minutes: u32,
) -> Result<Vec<Slot>, PtiError> {
    let centre: model::Centre = from_json("centre", &centre_json)?;
    let first_day = day("first_day", &first_day)?;
    let horizon = Horizon::new(centre.time_zone, first_day, days).map_err(coded)?;
    let slots = schedule::generate_slots(&centre, &horizon, duration_minutes).map_err(coded)?;
    Ok(slots
        .iter()
        .map(|s| Slot {
            start: s.start.to_rfc3339(),
            end: s.end.to_rfc3339(),
        })
        .collect())
}
