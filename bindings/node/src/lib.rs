//! Node.js bindings of the PTI Calendar engine (napi-rs): the native part of `@pti-calendar/core`.
//!
//! Thin by design: JavaScript values in, `pti-core` types, plain objects out. Structured inputs
//! (centres, queries, existing bookings) are plain objects in the serde shape of `pti-core` (the
//! shape of the JSON vectors); results are camelCase objects whose instants are ISO 8601
//! strings with the centre's UTC offset. Every error thrown is an `Error` whose `.code` is the
//! engine's stable code (`SLOT_TAKEN`, `INVALID_PLATE`, ...) or, for bad arguments, Node's own
//! `ERR_INVALID_ARG_TYPE` / `ERR_INVALID_ARG_VALUE`. Every call is synchronous (microseconds).

// napi-rs's macros generate items (registration functions, JS wrappers) without doc comments;
// every item written here is documented.
#![allow(missing_docs)]

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike, Utc};
use napi::bindgen_prelude::{Function, JsObjectValue, Object, Unknown};
use napi::{Either, Env, JsDate, Result};
use napi_derive::napi;
use pti_core::Coded;
use pti_core::availability::{self, CentreAvailability, ExistingBooking, Need};
use pti_core::model::{self, Agreements, BookingId, CentreId};
use pti_core::schedule::{self, Horizon};
use pti_core::search::{SearchIndex, SearchQuery};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;

pub mod rules;

/// The `code` of a thrown error.
pub struct Code(&'static str);

impl AsRef<str> for Code {
    fn as_ref(&self) -> &str {
        self.0
    }
}

/// An engine error, with its stable code.
fn coded<E: Coded + std::fmt::Display>(e: E) -> napi::Error<Code> {
    napi::Error::new(Code(e.code()), e.to_string())
}

/// A bad argument value (Node's `ERR_INVALID_ARG_VALUE`).
fn bad_value(message: String) -> napi::Error<Code> {
    napi::Error::new(Code("ERR_INVALID_ARG_VALUE"), message)
}

/// An error of the binding itself (never expected).
fn internal(message: String) -> napi::Error<Code> {
    napi::Error::new(Code("INTERNAL"), message)
}

/// `JSON.parse(text)`: plain objects built by V8 in one call.
fn json_parse<'env>(env: &'env Env, text: String) -> Result<Unknown<'env>, Code> {
    let parsed = env.get_global().and_then(|global| {
        let json: Object = global.get_named_property("JSON")?;
        let parse: Function<String, Unknown> = json.get_named_property("parse")?;
        parse.call(text)
    });
    parsed.map_err(|e| internal(e.reason))
}

/// `JSON.stringify(value)`, or `None` when it throws or gives no text (`undefined`, a function).
/// V8 walks a plain object far faster than napi's serde deserialiser, one call per property.
fn json_stringify(env: &Env, value: Unknown<'_>) -> Option<String> {
    let global = env.get_global().ok()?;
    let json: Object = global.get_named_property("JSON").ok()?;
    let stringify: Function<Unknown, Option<String>> = json.get_named_property("stringify").ok()?;
    stringify.call(value).ok().flatten()
}

/// A plain object in the serde shape of `T`.
fn from_js<T: for<'de> Deserialize<'de>>(what: &str, value: Value) -> Result<T, Code> {
    serde_json::from_value(value).map_err(|e| bad_value(format!("invalid {what}: {e}")))
}

/// A calendar day, `YYYY-MM-DD`.
fn day(name: &str, text: &str) -> Result<NaiveDate, Code> {
    text.parse()
        .map_err(|_| bad_value(format!("{name} must be a date 'YYYY-MM-DD', got {text:?}")))
}

/// A UUID string.
fn uuid<T: std::str::FromStr>(name: &str, text: &str) -> Result<T, Code> {
    text.parse()
        .map_err(|_| bad_value(format!("{name}: invalid id {text:?}")))
}

/// An instant: a `Date`, or an ISO 8601 string with an explicit offset.
fn instant(name: &str, value: Either<String, JsDate<'_>>) -> Result<DateTime<Utc>, Code> {
    let text = match value {
        Either::B(date) => {
            let ms = date
                .value_of()
                .map_err(|e| bad_value(format!("{name}: {}", e.reason)))?;
            return (ms.is_finite() && ms.fract() == 0.0)
                .then(|| DateTime::<Utc>::from_timestamp_millis(ms as i64))
                .flatten()
                .ok_or_else(|| bad_value(format!("{name} is an invalid Date")));
        }
        Either::A(text) => text,
    };
    DateTime::parse_from_rfc3339(&text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| {
            bad_value(format!(
                "{name} must be a Date or an ISO 8601 string with an explicit offset \
                 (2026-12-03T08:00:00+01:00), got {text:?}"
            ))
        })
}

/// A whole number of days or minutes given as a JS number.
fn count(name: &str, value: f64) -> Result<u32, Code> {
    if value.is_finite() && value.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&value) {
        Ok(value as u32)
    } else {
        Err(bad_value(format!(
            "{name} must be a whole number between 0 and 2**32-1, got {value}"
        )))
    }
}

/// An instant as RFC 3339 text with its offset.
fn iso<Tz: chrono::TimeZone>(t: &DateTime<Tz>) -> String
where
    Tz::Offset: std::fmt::Display,
{
    t.to_rfc3339()
}

/// A local instant as RFC 3339 text, as `iso` writes it (`2026-12-03T08:00:00+01:00`), written
/// by hand for the common case (whole seconds, whole-minute offset, years 0 to 9999): chrono's
/// formatter costs more than the rest of a search hit's conversion.
fn local_iso(t: &DateTime<FixedOffset>) -> String {
    let offset = t.offset().local_minus_utc();
    let local = t.naive_local();
    if t.timestamp_subsec_nanos() != 0 || offset % 60 != 0 || !(0..=9999).contains(&local.year()) {
        return iso(t);
    }
    let (sign, offset) = if offset < 0 {
        (b'-', -offset / 60)
    } else {
        (b'+', offset / 60)
    };
    let two = |n: u32| [b'0' + (n / 10 % 10) as u8, b'0' + (n % 10) as u8];
    let year = local.year() as u32;
    let mut out = Vec::with_capacity(25);
    out.extend(two(year / 100));
    out.extend(two(year % 100));
    out.push(b'-');
    out.extend(two(local.month()));
    out.push(b'-');
    out.extend(two(local.day()));
    out.push(b'T');
    out.extend(two(local.hour()));
    out.push(b':');
    out.extend(two(local.minute()));
    out.push(b':');
    out.extend(two(local.second()));
    out.push(sign);
    out.extend(two(offset.unsigned_abs() / 60));
    out.push(b':');
    out.extend(two(offset.unsigned_abs() % 60));
    // Only ASCII digits and punctuation were written.
    String::from_utf8(out).unwrap_or_else(|_| iso(t))
}

/// A validated French plate.
#[napi(object)]
pub struct Plate {
    /// Canonical form, `AB-123-CD` (SIV) or `123 ABC 45` (FNI).
    pub canonical: String,
    /// `'siv'` or `'fni'`.
    #[napi(ts_type = "'siv' | 'fni'")]
    pub format: String,
}

/// Validates and normalises a French plate; throws `INVALID_PLATE`.
#[napi]
pub fn parse_plate(text: String) -> Result<Plate, Code> {
    let plate = model::Plate::parse(&text).map_err(coded)?;
    let format = match plate.format() {
        model::PlateFormat::Siv => "siv",
        model::PlateFormat::Fni => "fni",
    };
    Ok(Plate {
        canonical: plate.as_str().to_string(),
        format: format.to_string(),
    })
}

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

/// A free start found by a search.
#[napi(object)]
#[derive(Serialize)]
pub struct FreeSlot {
    /// Start, ISO 8601 with the local UTC offset.
    pub start: String,
    /// End of the inspection, ISO 8601 with the local UTC offset.
    pub end: String,
    /// How many more bookings could start then.
    pub capacity: u32,
}

/// One centre found by a search.
#[napi(object)]
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    /// The centre.
    pub centre_id: String,
    /// Its tenant.
    pub tenant_id: String,
    /// Great-circle distance from the origin, km.
    pub distance_km: f64,
    /// Price, tax included, in cents.
    pub price_cents: i64,
    /// Rating, 0 to 5.
    pub rating: f64,
    /// Length of the inspection in minutes.
    pub duration_minutes: u32,
    /// First free starts.
    pub slots: Vec<FreeSlot>,
}

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

fn free_slot(s: &availability::FreeSlot) -> FreeSlot {
    FreeSlot {
        start: local_iso(&s.start),
        end: local_iso(&s.end),
        capacity: u32::from(s.capacity),
    }
}

/// An existing booking of a centre, placed when a network is built.
#[derive(Deserialize)]
struct Existing {
    centre_id: CentreId,
    #[serde(flatten)]
    booking: ExistingBooking,
}

/// Centres with their availability over a horizon: search, book, release.
#[napi]
pub struct Network {
    index: SearchIndex,
    displaced: Vec<String>,
}

#[napi]
impl Network {
    /// Indexes `centres` (objects in the serde shape of `pti_core::model::Centre`) for `days`
    /// local days from `firstDay` (`YYYY-MM-DD`), then places `existingBookings` (objects with
    /// centre_id, booking_id, inspector_id, start, duration_minutes).
    #[napi(constructor)]
    pub fn new(
        #[napi(ts_arg_type = "Array<Record<string, unknown>>")] centres: Vec<Value>,
        first_day: String,
        days: f64,
        #[napi(ts_arg_type = "Array<Record<string, unknown>>")] existing_bookings: Option<
            Vec<Value>,
        >,
    ) -> Result<Self, Code> {
        let first_day = day("firstDay", &first_day)?;
        let days = count("days", days)?;
        let mut existing: HashMap<CentreId, Vec<ExistingBooking>> = HashMap::new();
        for b in existing_bookings.unwrap_or_default() {
            let b: Existing = from_js("existing booking", b)?;
            existing.entry(b.centre_id).or_default().push(b.booking);
        }
        let mut built = Vec::with_capacity(centres.len());
        let mut displaced = Vec::new();
        for c in centres {
            let centre: model::Centre = from_js("centre", c)?;
            let own = existing.remove(&centre.id).unwrap_or_default();
            let (availability, moved) =
                CentreAvailability::build(&centre, first_day, days, &own).map_err(coded)?;
            displaced.extend(moved.iter().map(ToString::to_string));
            built.push((centre, availability));
        }
        if let Some(id) = existing.keys().next() {
            return Err(napi::Error::new(
                Code("UNKNOWN_CENTRE"),
                format!("existing booking for centre {id}, which is not in the network"),
            ));
        }
        Ok(Network {
            index: SearchIndex::build(built).map_err(coded)?,
            displaced,
        })
    }

    /// Number of centres.
    #[napi(getter)]
    pub fn size(&self) -> u32 {
        u32::try_from(self.index.len()).unwrap_or(u32::MAX)
    }

    /// Existing bookings that no longer fit their centre's schedule (placed anyway).
    #[napi(getter)]
    pub fn displaced(&self) -> Vec<String> {
        self.displaced.clone()
    }

    /// Searches centres; `query` in the serde shape of `pti_core::search::SearchQuery`.
    // Speed: the query crosses as one text made by `JSON.stringify` (or, when that cannot be
    // trusted, is deserialised straight from the JS object), and the hits cross back as one JSON text given to `JSON.parse`, which builds
    // the plain objects far faster than one napi call per property and string would.
    #[napi(ts_return_type = "Array<SearchHit>")]
    pub fn search<'env>(
        &self,
        env: &'env Env,
        #[napi(ts_arg_type = "Record<string, unknown>")] query: Unknown<'env>,
    ) -> Result<Unknown<'env>, Code> {
        let query: SearchQuery = match json_stringify(env, query) {
            // JSON.stringify turns NaN and infinities into null: a text holding one is read
            // again from the object itself, so a NaN is refused as it always was.
            Some(text) if !text.contains("null") => serde_json::from_str(&text)
                .map_err(|e| bad_value(format!("invalid search query: {e}")))?,
            _ => env
                .from_js_value(query)
                .map_err(|e| bad_value(format!("invalid search query: {}", e.reason)))?,
        };
        let hits = self.index.search(&query).map_err(coded)?;
        let hits: Vec<SearchHit> = hits
            .iter()
            .map(|h| SearchHit {
                centre_id: h.centre_id.to_string(),
                tenant_id: h.tenant_id.to_string(),
                distance_km: h.distance_km,
                price_cents: h.price.gross.cents(),
                rating: f64::from(h.rating),
                duration_minutes: h.duration_minutes,
                slots: h.slots.iter().map(free_slot).collect(),
            })
            .collect();
        let json = serde_json::to_string(&hits).map_err(|e| internal(e.to_string()))?;
        json_parse(env, json)
    }

    /// Books an inspection of `durationMinutes` needing `agreements` (e.g. `['VL']`) at
    /// `start` (a `Date` or an ISO string with offset) in a centre; the engine picks the
    /// inspector. Throws `SLOT_TAKEN`, `OUTSIDE_OPENING_HOURS`, `NO_QUALIFIED_INSPECTOR`, ...
    #[napi]
    pub fn book(
        &mut self,
        centre_id: String,
        booking_id: String,
        start: Either<String, JsDate<'_>>,
        duration_minutes: f64,
        #[napi(ts_arg_type = "Array<'VL' | 'L' | 'GAS' | 'PL'>")] agreements: Vec<String>,
    ) -> Result<Placement, Code> {
        let centre: CentreId = uuid("centreId", &centre_id)?;
        let booking: BookingId = uuid("bookingId", &booking_id)?;
        let start = instant("start", start)?;
        let need = Need {
            duration_minutes: count("durationMinutes", duration_minutes)?,
            agreements: from_js::<Agreements>("agreements", Value::from(agreements))?,
        };
        let availability = self.index.availability_mut(centre).ok_or_else(|| {
            napi::Error::new(
                Code("UNKNOWN_CENTRE"),
                format!("centre {centre} is not in the network"),
            )
        })?;
        availability
            .book(booking, start, &need)
            .map(Placement::from)
            .map_err(coded)
    }

    /// Releases a booking; returns where it was. Throws `UNKNOWN_BOOKING`.
    #[napi]
    pub fn release(&mut self, centre_id: String, booking_id: String) -> Result<Placement, Code> {
        let centre: CentreId = uuid("centreId", &centre_id)?;
        let booking: BookingId = uuid("bookingId", &booking_id)?;
        let availability = self.index.availability_mut(centre).ok_or_else(|| {
            napi::Error::new(
                Code("UNKNOWN_CENTRE"),
                format!("centre {centre} is not in the network"),
            )
        })?;
        availability
            .release(booking)
            .map(Placement::from)
            .map_err(coded)
    }
}
