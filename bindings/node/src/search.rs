//! The network index (`pti_core::search`): search, book and release; search hits cross to
//! JavaScript as numbers in a buffer and one text (`encode_hits`).

use crate::availability::{Placement, read_existing};
use crate::convert::{count, day, from_js, instant, push_local_iso, read_each, uuid};
use crate::error::{Code, bad_value, coded};
use chrono::{DateTime, FixedOffset};
use napi::bindgen_prelude::{Array, BufferSlice, Latin1String, Unknown};
use napi::{Either, Env, JsDate, Result};
use napi_derive::napi;
use pti_core::availability::{CentreAvailability, Need, TimeFilter};
use pti_core::model::{self, Agreements, BookingId, CentreId};
use pti_core::search::{Area, SearchIndex, SearchQuery, SortBy};
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashMap;

/// The distinct instants of a search's slots, each written once in the text sent to
/// JavaScript (the 20 hits of a search near Paris share a dozen starts and ends among 120).
struct Instants {
    /// Instant, UTC offset → its index, in order of first appearance.
    seen: Vec<((i64, u32), i32)>,
    /// The same, once there are too many for a linear scan.
    index: HashMap<((i64, u32), i32), u32>,
    /// The length of each one's text.
    lengths: Vec<u32>,
}

impl Instants {
    /// Beyond this many distinct instants, they are looked up in a hash map.
    const SCAN: usize = 32;

    /// Room for `n` distinct instants.
    fn with_capacity(n: usize) -> Self {
        Instants {
            seen: Vec::with_capacity(n),
            index: HashMap::new(),
            lengths: Vec::with_capacity(n),
        }
    }

    /// The index of `t`, whose text is appended to `text` the first time.
    fn of(&mut self, t: &DateTime<FixedOffset>, text: &mut String) -> f64 {
        let key = (
            (t.timestamp(), t.timestamp_subsec_nanos()),
            t.offset().local_minus_utc(),
        );
        let found = if self.seen.len() <= Self::SCAN {
            self.seen.iter().position(|k| *k == key).map(|i| i as u32)
        } else {
            self.index.get(&key).copied()
        };
        if let Some(i) = found {
            return f64::from(i);
        }
        let i = self.seen.len() as u32;
        self.seen.push(key);
        if self.seen.len() > Self::SCAN {
            if self.index.is_empty() {
                self.index = self.seen.iter().zip(0..).map(|(k, i)| (*k, i)).collect();
            } else {
                self.index.insert(key, i);
            }
        }
        let at = text.len();
        push_local_iso(text, t);
        self.lengths.push((text.len() - at) as u32);
        f64::from(i)
    }
}

/// Numbers before the hits in `encode_hits`'s output, per hit, then per slot.
const HEAD_NUMBERS: usize = 3;
const HIT_NUMBERS: usize = 5;
const SLOT_NUMBERS: usize = 3;

/// The numbers of `encode_hits`, written one after the other into a byte buffer.
struct Numbers<'a> {
    out: &'a mut [u8],
    len: usize,
}

impl Numbers<'_> {
    /// Writes number `at` (the buffer was checked long enough).
    fn set(&mut self, at: usize, value: f64) {
        self.out[8 * at..8 * at + 8].copy_from_slice(&value.to_ne_bytes());
    }

    /// Appends `values`.
    fn push<const N: usize>(&mut self, values: [f64; N]) {
        for v in values {
            self.set(self.len, v);
            self.len += 1;
        }
    }
}

/// Writes `hits` for the JavaScript wrapper (`index.js`, `hitsFrom`), which builds the
/// `SearchHit`s, and returns their text (ASCII only, so it crosses as Latin-1, which V8 copies
/// without decoding). The numbers, into `out` in native byte order: `[0]` the number of hits,
/// `[1]` the number of distinct instants, `[2]` the count of numbers that follow for the hits:
/// per hit `distanceKm, priceCents, rating, durationMinutes, number of slots` and per slot
/// `capacity, start, end` (instants by index); then the length of each instant's text. The
/// text: per hit `centreId tenantId` (36 characters each), then the distinct instants.
/// When `out` is too short, its first number is minus the count it needs and the text is empty.
fn encode_hits(hits: &[pti_core::search::SearchHit], out: &mut [u8]) -> String {
    let slots: usize = hits.iter().map(|h| h.slots.len()).sum();
    let body = HIT_NUMBERS * hits.len() + SLOT_NUMBERS * slots;
    let most = HEAD_NUMBERS + body + 2 * slots;
    if out.len() < 8 * most {
        if let Some(first) = out.get_mut(..8) {
            first.copy_from_slice(&(-(most as f64)).to_ne_bytes());
        }
        return String::new();
    }
    let mut text = String::with_capacity(72 * hits.len() + 26 * 2 * slots.min(16));
    let mut uuid = [0u8; uuid::fmt::Hyphenated::LENGTH];
    for h in hits {
        text.push_str(h.centre_id.0.hyphenated().encode_lower(&mut uuid));
        text.push_str(h.tenant_id.0.hyphenated().encode_lower(&mut uuid));
    }
    let mut instants = Instants::with_capacity(2 * slots);
    let mut numbers = Numbers { out, len: 0 };
    numbers.push([hits.len() as f64, 0.0, body as f64]);
    for h in hits {
        numbers.push([
            h.distance_km,
            h.price.gross.cents() as f64,
            f64::from(h.rating),
            f64::from(h.duration_minutes),
            h.slots.len() as f64,
        ]);
        for s in &h.slots {
            let start = instants.of(&s.start, &mut text);
            let end = instants.of(&s.end, &mut text);
            numbers.push([f64::from(s.capacity), start, end]);
        }
    }
    for &length in &instants.lengths {
        numbers.push([f64::from(length)]);
    }
    numbers.set(1, instants.lengths.len() as f64);
    text
}

impl Network {
    /// Searches; writes the hits into `out` and returns their text (see `encode_hits`).
    fn search_into(&self, query: &SearchQuery, out: &mut [u8]) -> Result<String, Code> {
        let hits = self.index.search(query).map_err(coded)?;
        Ok(encode_hits(&hits, out))
    }
}

/// Numbers of `searchFast`'s query, then lengths of its texts.
const FAST_NUMBERS: usize = 5;
const FAST_TEXTS: usize = 7;

/// The query of `searchFast`, or `None` when any piece is not what serde would read from the
/// query's JSON (the caller then goes the JSON way, which refuses with the reason).
fn fast_query(out: &[u8], pieces: &str) -> Option<SearchQuery> {
    let mut numbers = out
        .chunks_exact(8)
        .take(FAST_NUMBERS + FAST_TEXTS)
        .map(|b| <[u8; 8]>::try_from(b).map(f64::from_ne_bytes));
    let mut next = || numbers.next()?.ok();
    let (lat, lng, radius) = (next()?, next()?, next()?);
    let whole = |n: f64| {
        (n.fract() == 0.0 && (0.0..=9_007_199_254_740_992.0).contains(&n)).then_some(n as usize)
    };
    let (limit, slots_per_centre) = (whole(next()?)?, whole(next()?)?);
    let mut rest = pieces;
    let mut text = |length: f64| -> Option<Option<&str>> {
        if length < 0.0 {
            return Some(None);
        }
        let at = rest.get(..whole(length)?)?;
        rest = &rest[at.len()..];
        Some(Some(at))
    };
    fn read<'a, T: Deserialize<'a>>(text: &'a str) -> Option<T> {
        T::deserialize(serde::de::value::StrDeserializer::<serde::de::value::Error>::new(text)).ok()
    }
    let category = read(text(next()?)??)?;
    let fuel = read(text(next()?)??)?;
    let control_type = read(text(next()?)??)?;
    let sort = match text(next()?)? {
        Some(sort) => read(sort)?,
        None => SortBy::default(),
    };
    let from = read(text(next()?)??)?;
    let to = read(text(next()?)??)?;
    let not_before = match text(next()?)? {
        Some(instant) => Some(read(instant)?),
        None => None,
    };
    Some(SearchQuery {
        origin: model::GeoPoint { lat, lng },
        area: Area::Radius(radius),
        dates: model::DateRange::new(from, to).ok()?,
        not_before,
        category,
        fuel,
        control_type,
        tenant: None,
        max_price: None,
        min_rating: None,
        time: TimeFilter::default(),
        sort,
        limit,
        slots_per_centre,
        windows: Vec::new(),
    })
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
        env: &Env,
        #[napi(ts_arg_type = "Array<Record<string, unknown>>")] centres: Array<'_>,
        first_day: String,
        days: f64,
        #[napi(ts_arg_type = "Array<Record<string, unknown>>")] existing_bookings: Option<
            Array<'_>,
        >,
    ) -> Result<Self, Code> {
        let first_day = day("firstDay", &first_day)?;
        let days = count("days", days)?;
        let mut existing = match &existing_bookings {
            Some(bookings) => read_existing(env, bookings)?,
            None => HashMap::new(),
        };
        let mut built = Vec::with_capacity(centres.len() as usize);
        let mut displaced = Vec::new();
        read_each(env, "centre", &centres, |centre: model::Centre| {
            let own = existing.remove(&centre.id).unwrap_or_default();
            let (availability, moved) =
                CentreAvailability::build(&centre, first_day, days, &own).map_err(coded)?;
            displaced.extend(moved.iter().map(ToString::to_string));
            built.push((centre, availability));
            Ok(())
        })?;
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

    /// The native half of `Network.prototype.search` (the wrapper in `index.js` builds the
    /// hits): searches with `queryJson`, the text of `JSON.stringify(query)`, or, when that is
    /// `null`, with `query` read property by property; writes the hits' numbers into `out` (a
    /// `Buffer` read as a `Float64Array`, native byte order) and returns their ids and instants
    /// as one text (layout: `encode_hits`). When `out` is too short for them, its first number
    /// is minus the count of numbers needed and the text is empty: call again with a larger one.
    // Speed: a buffer reused by every call and one text cross instead of ~30 napi values per
    // hit (a new ArrayBuffer per call costs about as much as the search); the JavaScript
    // wrapper builds the plain objects with object literals.
    #[napi(js_name = "searchRaw")]
    pub fn search_raw<'env>(
        &self,
        env: &'env Env,
        mut out: BufferSlice<'env>,
        query_json: Option<String>,
        #[napi(ts_arg_type = "unknown")] query: Unknown<'env>,
    ) -> Result<Latin1String, Code> {
        let query: SearchQuery = match query_json {
            Some(text) => serde_json::from_str(&text)
                .map_err(|e| bad_value(format!("invalid search query: {e}")))?,
            // JSON.stringify turns NaN and infinities into null: a text holding one is not
            // trusted, the object is read itself, so a NaN is refused as it always was.
            None => env
                .from_js_value(query)
                .map_err(|e| bad_value(format!("invalid search query: {}", e.reason)))?,
        };
        self.search_into(&query, &mut out).map(Latin1String::from)
    }

    /// The common query without JSON, for `Network.prototype.search`: `out` holds on entry
    /// the numbers `lat, lng, radius, limit, slots_per_centre` then the lengths of the texts
    /// `category, fuel, control_type, sort, dates.from, dates.to, not_before` (`-1`: no sort,
    /// no `not_before`), which `pieces` holds one after the other; searches as `searchRaw` does, or returns `null`
    /// without searching when a piece is not what the engine's serde would read (the caller
    /// then goes through `searchRaw`, whose refusal says what is wrong).
    // Speed: `JSON.stringify` and serde_json cost ~3 µs a query on the machines measured.
    #[napi(js_name = "searchFast")]
    pub fn search_fast(
        &self,
        mut out: BufferSlice<'_>,
        pieces: String,
    ) -> Result<Option<Latin1String>, Code> {
        let Some(query) = fast_query(&out, &pieces) else {
            return Ok(None);
        };
        self.search_into(&query, &mut out)
            .map(|text| Some(Latin1String::from(text)))
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
