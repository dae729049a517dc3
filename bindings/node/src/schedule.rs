//! Slots of a centre's schedule (`pti_core::schedule`).

use crate::convert::{count, day, from_js, local_iso};
use crate::error::{Code, coded};
use napi::Result;
use napi_derive::napi;
use pti_core::model;
use pti_core::schedule::{self, Horizon};
use serde_json::Value;

/// A slot of a centre's schedule.
#[napi(object)]
pub struct Slot {
    /// Start, ISO 8601 with the local UTC offset.
    pub start: String,
    /// End, ISO 8601 with the local UTC offset.
    pub end: String,
}

/// The slots of `centre` (an object in the serde shape of `pti_core::model::Centre`) for
/// `days` local days from `firstDay` (`YYYY-MM-DD`), for an inspection of `durationMinutes`.
#[napi]
pub fn generate_slots(
    #[napi(ts_arg_type = "Record<string, unknown>")] centre: Value,
    first_day: String,
    days: f64,
    duration_minutes: f64,
) -> Result<Vec<Slot>, Code> {
    let days = count("days", days)?;
    let duration_minutes = count("durationMinutes", duration_minutes)?;
    let centre: model::Centre = from_js("centre", centre)?;
    let first_day = day("firstDay", &first_day)?;
    let horizon = Horizon::new(centre.time_zone, first_day, days).map_err(coded)?;
    let slots = schedule::generate_slots(&centre, &horizon, duration_minutes).map_err(coded)?;
    Ok(slots
        .iter()
        .map(|s| Slot {
            start: local_iso(&s.start),
            end: local_iso(&s.end),
        })
        .collect())
}
