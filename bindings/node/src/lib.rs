//! Node.js bindings of the PTI Calendar engine (napi-rs): the native part of `@pti-calendar/core`.
//!
//! Thin by design: JavaScript values in, `pti-core` types, plain objects out. Structured inputs
//! (centres, queries, existing bookings) are plain objects in the serde shape of `pti-core` (the
//! shape of the JSON vectors); results are camelCase objects whose instants are ISO 8601
//! strings with the centre's UTC offset. Every error thrown is an `Error` whose `.code` is the
//! engine's stable code (`SLOT_TAKEN`, `INVALID_PLATE`, ...) or, for bad arguments, Node's own
//! `ERR_INVALID_ARG_TYPE` / `ERR_INVALID_ARG_VALUE`. Every call is synchronous (microseconds).
//!
//! napi generates the addon's loader and declarations as `native.js` / `native.d.ts`; the
//! package's entry point (`index.js`, `index.d.ts`) is written by hand and builds the search
//! hits in JavaScript from `Network.searchFast` / `searchRaw` (see `encode_hits`).

// napi-rs's macros generate items (registration functions, JS wrappers) without doc comments;
// every item written here is documented.
#![allow(missing_docs)]

/// The addon's own allocator for everything Rust allocates (the engine's index, each search's
/// hits and buffers), apart from the host's `malloc`.
// Speed: in a Node process that has just handed over millions of bookings, glibc's `malloc`
// holds a fragmented heap and spent ~40 % of a search (`_int_malloc` sorting its bins; the
// same search in a Rust process spends ~5 % there): the search took 2.6x criterion's time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike, Utc};
use napi::bindgen_prelude::{
    Array, BufferSlice, FromNapiValue, JsObjectValue, Latin1String, Object, Unknown,
};
use napi::{Either, Env, JsDate, JsString, Result};
use napi_derive::napi;
use pti_core::Coded;
use pti_core::availability::{self, CentreAvailability, ExistingBooking, Need, TimeFilter};
use pti_core::model::{self, Agreements, BookingId, CentreId};
use pti_core::schedule::{self, Horizon};
use pti_core::search::{Area, SearchIndex, SearchQuery, SortBy};
use serde::Deserialize;
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

/// A plain object in the serde shape of `T`.
fn from_js<T: for<'de> Deserialize<'de>>(what: &str, value: Value) -> Result<T, Code> {
    serde_json::from_value(value).map_err(|e| bad_value(format!("invalid {what}: {e}")))
}

/// Reads each element of `array` as a plain object in the serde shape of `T` (see `from_js`)
/// and hands it to `each`.
fn read_each<T: for<'de> Deserialize<'de>>(
    env: &Env,
    what: &str,
    array: &Array<'_>,
    mut each: impl FnMut(T) -> Result<(), Code>,
) -> Result<(), Code> {
    in_scopes(env, array, |_, value: Option<Value>| {
        each(from_js(what, value.unwrap_or(Value::Null))?)
    })
}

/// Hands each element of `array` (with its index) to `each`, a chunk of elements at a time in
/// a handle scope of its own.
// Speed: in the call's one scope, the handles made while reading 3.7 million bookings all stay
// alive until the call returns, and every young-generation GC of V8 walks them: building a
// national network took a minute, most of it in V8's GC.
fn in_scopes<V: FromNapiValue>(
    env: &Env,
    array: &Array<'_>,
    mut each: impl FnMut(u32, Option<V>) -> Result<(), Code>,
) -> Result<(), Code> {
    const CHUNK: u32 = 1024;
    let mut at = 0;
    while at < array.len() {
        let chunk = at..array.len().min(at + CHUNK);
        env.run_in_scope(|| {
            Ok(chunk.clone().try_for_each(|i| {
                let value = array.get::<V>(i).map_err(|e| bad_value(e.reason))?;
                each(i, value)
            }))
        })
        .map_err(|e| bad_value(e.reason))??;
        at = chunk.end;
    }
    Ok(())
}

/// The existing bookings of `array` (`{ centre_id, booking_id, inspector_id, start,
/// duration_minutes }`, `start` a `Date` or an ISO 8601 string with an offset), by centre.
// Speed: read property by property with keys made once. Through `serde_json::Value` (napi
// listing each object's property names and copying them, then serde's `flatten`) a booking
// took ~6 µs, most of `new Network()`'s 22-34 s on a national network.
fn read_existing(
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

/// A local instant as RFC 3339 text, as `iso` writes it (`2026-12-03T08:00:00+01:00`).
fn local_iso(t: &DateTime<FixedOffset>) -> String {
    let mut out = String::with_capacity(25);
    push_local_iso(&mut out, t);
    out
}

/// Appends `local_iso(t)` to `out`, written by hand for the common case (whole seconds,
/// whole-minute offset, years 0 to 9999): chrono's formatter costs more than the rest of a
/// search hit's conversion.
fn push_local_iso(out: &mut String, t: &DateTime<FixedOffset>) {
    let offset = t.offset().local_minus_utc();
    let local = t.naive_local();
    let (date, time) = (local.date(), local.time());
    if t.timestamp_subsec_nanos() != 0 || offset % 60 != 0 || !(0..=9999).contains(&date.year()) {
        out.push_str(&iso(t));
        return;
    }
    let (sign, offset) = if offset < 0 {
        (b'-', offset.unsigned_abs() / 60)
    } else {
        (b'+', offset.unsigned_abs() / 60)
    };
    let mut b = *b"0000-00-00T00:00:00+00:00";
    let mut two = |at: usize, n: u32| {
        b[at] = b'0' + (n / 10 % 10) as u8;
        b[at + 1] = b'0' + (n % 10) as u8;
    };
    let year = date.year() as u32;
    two(0, year / 100);
    two(2, year % 100);
    two(5, date.month());
    two(8, date.day());
    two(11, time.hour());
    two(14, time.minute());
    two(17, time.second());
    two(20, offset / 60);
    two(23, offset % 60);
    b[19] = sign;
    // Only ASCII digits and punctuation were written.
    match std::str::from_utf8(&b) {
        Ok(text) => out.push_str(text),
        Err(_) => out.push_str(&iso(t)),
    }
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
