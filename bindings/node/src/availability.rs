//! Placements and the existing bookings a network is built with (`pti_core::availability`).

use crate::convert::{count, in_scopes, instant, iso};
use crate::error::{Code, bad_value};
use napi::bindgen_prelude::{Array, JsObjectValue, Object, Unknown};
use napi::{Either, Env, JsDate, JsString, Result};
use napi_derive::napi;
use pti_core::availability::{self, ExistingBooking};
use pti_core::model::CentreId;
use std::collections::HashMap;

/// Where a booking was placed.
#[napi(object)]
pub struct Placement {
    /// The booking.
    pub booking_id: String,
    /// The inspector chosen.
    pub inspector_id: String,
    /// Start, ISO 8601 UTC.
    pub start: String,
    /// End of the inspection, ISO 8601 UTC.
    pub end: String,
}

impl From<availability::Placement> for Placement {
    fn from(p: availability::Placement) -> Self {
        Placement {
            booking_id: p.booking_id.to_string(),
            inspector_id: p.inspector_id.to_string(),
            start: iso(&p.start),
            end: iso(&p.end),
        }
    }
}

/// The existing bookings of `array` (`{ centre_id, booking_id, inspector_id, start,
/// duration_minutes }`, `start` a `Date` or an ISO 8601 string with an offset), by centre.
// Speed: read property by property with keys made once. Through `serde_json::Value` (napi
// listing each object's property names and copying them, then serde's `flatten`) a booking
// took ~6 µs, most of `new Network()`'s 22-34 s on a national network.
pub(crate) fn read_existing(
    env: &Env,
    array: &Array<'_>,
) -> Result<HashMap<CentreId, Vec<ExistingBooking>>, Code> {
    let key = |name: &str| env.create_string(name).map_err(|e| bad_value(e.reason));
    let (centre, booking, inspector, start, duration) = (
        key("centre_id")?,
        key("booking_id")?,
        key("inspector_id")?,
        key("start")?,
        key("duration_minutes")?,
    );
    let mut by_centre: HashMap<CentreId, Vec<ExistingBooking>> = HashMap::new();
    in_scopes(
        env,
        array,
        |i, element: Option<Either<Object<'_>, Unknown<'_>>>| {
            let invalid = |field: &str, expected: &str| invalid_existing(i, field, expected);
            let Some(Either::A(object)) = element else {
                return Err(invalid("the element", "an object"));
            };
            let id = |key: JsString<'_>| object.get_property_unchecked::<_, String>(key).ok();
            let centre_id = id_field(i, "centre_id", id(centre))?;
            let existing = ExistingBooking {
                booking_id: id_field(i, "booking_id", id(booking))?,
                inspector_id: id_field(i, "inspector_id", id(inspector))?,
                start: object
                    .get_property_unchecked::<_, Either<String, JsDate<'_>>>(start)
                    .map_err(|_| invalid("start", "a Date or an ISO 8601 string with an offset"))
                    .and_then(|at| instant(&format!("invalid existing booking #{i}: start"), at))?,
                duration_minutes: object
                    .get_property_unchecked::<_, f64>(duration)
                    .map_err(|_| invalid("duration_minutes", "a number"))
                    .and_then(|minutes| {
                        count(
                            &format!("invalid existing booking #{i}: duration_minutes"),
                            minutes,
                        )
                    })?,
            };
            by_centre.entry(centre_id).or_default().push(existing);
            Ok(())
        },
    )?;
    Ok(by_centre)
}

/// The id in `field` of existing booking `i`.
fn id_field<T: std::str::FromStr>(i: u32, field: &str, text: Option<String>) -> Result<T, Code> {
    text.and_then(|text| text.parse().ok())
        .ok_or_else(|| invalid_existing(i, field, "a UUID string"))
}

/// Existing booking `i` refused: its `field` must be `expected`.
fn invalid_existing(i: u32, field: &str, expected: &str) -> napi::Error<Code> {
    bad_value(format!(
        "invalid existing booking #{i}: {field} must be {expected}"
    ))
}
