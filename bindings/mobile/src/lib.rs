//! Kotlin and Swift bindings of the PTI Calendar engine (uniffi, proc-macro style).
//!
//! Thin by design: uniffi records and enums in, `pti-core` types, records out, every refusal a
//! [`PtiError`] variant carrying the engine's stable code. The engine's domain objects that a
//! phone receives from the API as JSON (centres, search queries, vehicles, bookings, existing
//! bookings) are passed as JSON text in the serde shape of `pti-core` (the shape of
//! `tests/vectors/*.json`), and parsed by the engine's own serde impls. Instants are ISO 8601
//! strings with an explicit offset; results keep the centre's local offset.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use pti_core::Coded;
use pti_core::availability::{self, CentreAvailability, CentreBooking, ExistingBooking, Need};
use pti_core::model::{self, Agreements, BookingId, CentreId};
use pti_core::schedule::{self, Horizon};
use pti_core::search::{SearchIndex, SearchQuery};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

pub mod rules;

uniffi::setup_scaffolding!("pti_calendar");

/// Every error of the engine, grouped as a caller handles them; `code` is the engine's stable
/// machine code (`SLOT_TAKEN`, `NOTICE_TOO_SHORT`, ...), `reason` a human-readable message; a
/// booking refusal also carries the facts behind it ([`RefusalFacts`]).
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum PtiError {
    /// Input refused: a malformed plate, RRULE, id, JSON document or policy
    /// (`INVALID_PLATE`, `INVALID_POLICY`, `INVALID_ARGUMENT`, `UNKNOWN_ROLE`, ...).
    #[error("{code}: {reason}")]
    InvalidInput {
        /// The stable code.
        code: String,
        /// What is wrong.
        reason: String,
    },
    /// A booking, change, cancellation or release refused (`SLOT_TAKEN`,
    /// `NOTICE_TOO_SHORT`, `DEADLINE_PASSED`, `UNKNOWN_CENTRE`, ...).
    #[error("{code}: {reason}")]
    Booking {
        /// The stable code.
        code: String,
        /// Why, with the facts (earliest start, deadline, ...).
        reason: String,
        /// The facts behind the refusal, for the app to act on (the earliest start to offer,
        /// the booking in the way, ...); all `None` when the refusal has none.
        // Boxed so that every `Result` stays small; the phones see a `RefusalFacts` record.
        facts: Box<RefusalFacts>,
    },
    /// An action refused by [`rules::authorize`] (`FORBIDDEN`, `CROSS_TENANT`, `OUT_OF_SCOPE`).
    #[error("{code}: {reason}")]
    AccessDenied {
        /// The stable code.
        code: String,
        /// Why.
        reason: String,
    },
    /// Nothing matches (`PLACE_NOT_FOUND`).
    #[error("{code}: {reason}")]
    NotFound {
        /// The stable code.
        code: String,
        /// What was looked for.
        reason: String,
    },
}

/// The facts behind a booking refusal, as the Python and Node bindings expose them on their
/// errors; each is set only for the codes named, `None` otherwise.
#[derive(Clone, Debug, Default, PartialEq, Eq, uniffi::Record)]
pub struct RefusalFacts {
    /// `NOTICE_TOO_SHORT`: the first start allowed now, ISO 8601 UTC.
    #[uniffi(default = None)]
    pub earliest: Option<String>,
    /// `BEYOND_HORIZON`: the first start no longer allowed, ISO 8601 UTC.
    #[uniffi(default = None)]
    pub latest: Option<String>,
    /// `DEADLINE_PASSED`: when the deadline passed, ISO 8601 UTC.
    #[uniffi(default = None)]
    pub deadline: Option<String>,
    /// `RECHECK_WINDOW_EXPIRED`: the last day of the re-inspection window, `YYYY-MM-DD`.
    #[uniffi(default = None)]
    pub closed_on: Option<String>,
    /// `OVERBOOKING_LIMIT_REACHED`: the bookings the day takes, overbooking included.
    #[uniffi(default = None)]
    pub limit: Option<u32>,
    /// `VEHICLE_ALREADY_BOOKED`: the vehicle's booking in the way.
    #[uniffi(default = None)]
    pub booking_id: Option<String>,
    /// `BOOKING_NOT_MODIFIABLE`: the booking's status (`cancelled`, `no_show`, ...).
    #[uniffi(default = None)]
    pub status: Option<String>,
}

impl PtiError {
    /// The error of a stable code, in its group.
    fn of(code: &str, reason: String) -> Self {
        let code_s = code.to_string();
        match code {
            "SLOT_TAKEN"
            | "OUTSIDE_OPENING_HOURS"
            | "NO_QUALIFIED_INSPECTOR"
            | "UNKNOWN_INSPECTOR"
            | "UNKNOWN_BOOKING"
            | "DUPLICATE_BOOKING"
            | "UNKNOWN_CENTRE"
            | "NOTICE_TOO_SHORT"
            | "BEYOND_HORIZON"
            | "DEADLINE_PASSED"
            | "RECHECK_WINDOW_EXPIRED"
            | "NO_FAILED_INSPECTION"
            | "VEHICLE_ALREADY_BOOKED"
            | "CATEGORY_NOT_OFFERED"
            | "CONTROL_TYPE_NOT_OFFERED"
            | "OVERBOOKING_LIMIT_REACHED"
            | "BOOKING_NOT_MODIFIABLE" => PtiError::Booking {
                code: code_s,
                reason,
                facts: Box::default(),
            },
            "FORBIDDEN" | "CROSS_TENANT" | "OUT_OF_SCOPE" => PtiError::AccessDenied {
                code: code_s,
                reason,
            },
            "PLACE_NOT_FOUND" => PtiError::NotFound {
                code: code_s,
                reason,
            },
            _ => PtiError::InvalidInput {
                code: code_s,
                reason,
            },
        }
    }
}

/// Any coded engine error.
fn coded<E: Coded + std::fmt::Display>(e: E) -> PtiError {
    PtiError::of(e.code(), e.to_string())
}

/// A bad argument (the binding's code `INVALID_ARGUMENT`).
fn bad(reason: String) -> PtiError {
    PtiError::InvalidInput {
        code: "INVALID_ARGUMENT".to_string(),
        reason,
    }
}

/// JSON text in the serde shape of `T`.
fn from_json<T: for<'de> Deserialize<'de>>(what: &str, text: &str) -> Result<T, PtiError> {
    serde_json::from_str(text).map_err(|e| bad(format!("invalid {what}: {e}")))
}

/// A calendar day, `YYYY-MM-DD`.
fn day(name: &str, text: &str) -> Result<NaiveDate, PtiError> {
    text.parse()
        .map_err(|_| bad(format!("{name} must be a date 'YYYY-MM-DD', got {text:?}")))
}

/// An instant with its offset, ISO 8601.
fn local(name: &str, text: &str) -> Result<DateTime<FixedOffset>, PtiError> {
    DateTime::parse_from_rfc3339(text).map_err(|_| {
        bad(format!(
            "{name} must be an ISO 8601 instant with an explicit offset \
             (2026-12-03T08:00:00+01:00), got {text:?}"
        ))
    })
}

/// An instant, ISO 8601 with an explicit offset.
fn instant(name: &str, text: &str) -> Result<DateTime<Utc>, PtiError> {
    local(name, text).map(|t| t.with_timezone(&Utc))
}

/// A UUID.
fn uuid<T: std::str::FromStr>(name: &str, text: &str) -> Result<T, PtiError> {
    text.parse()
        .map_err(|_| bad(format!("{name}: invalid id {text:?}")))
}

/// The numbering system of a plate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum PlateFormat {
    /// Since 2009: `AB-123-CD`.
    Siv,
    /// Before 2009: `123 ABC 45`.
    Fni,
}

/// A validated French plate.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct Plate {
    /// Canonical form.
    pub canonical: String,
    /// Its numbering system.
    pub format: PlateFormat,
}

/// Validates and normalises a French plate (SIV or FNI); `INVALID_PLATE` when it is not one.
#[uniffi::export]
pub fn parse_plate(text: String) -> Result<Plate, PtiError> {
    let plate = model::Plate::parse(&text).map_err(coded)?;
    Ok(Plate {
        canonical: plate.as_str().to_string(),
        format: match plate.format() {
            model::PlateFormat::Siv => PlateFormat::Siv,
            model::PlateFormat::Fni => PlateFormat::Fni,
        },
    })
}

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

/// A free start found by a search.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct FreeSlot {
    /// Start, ISO 8601 with the centre's UTC offset.
    pub start: String,
    /// End of the inspection, ISO 8601 with the centre's UTC offset.
    pub end: String,
    /// How many more bookings could start then.
    pub capacity: u32,
}

/// One centre found by a search.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
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
    pub rating: f32,
    /// Length of the inspection in minutes.
    pub duration_minutes: u32,
    /// First free starts.
    pub slots: Vec<FreeSlot>,
}

/// Where a booking was placed.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct Placement {
    /// The booking.
    pub booking_id: String,
    /// The inspector chosen.
    pub inspector_id: String,
    /// Start, ISO 8601 UTC.
    pub start: String,
    /// End of the inspection (rounded up to the centre's grid), ISO 8601 UTC.
    pub end: String,
}

impl From<availability::Placement> for Placement {
    fn from(p: availability::Placement) -> Self {
        Placement {
            booking_id: p.booking_id.to_string(),
            inspector_id: p.inspector_id.to_string(),
            start: p.start.to_rfc3339(),
            end: p.end.to_rfc3339(),
        }
    }
}

/// Centres with their availability over a horizon: search, book, release. Thread-safe.
#[derive(uniffi::Object)]
pub struct Network {
    index: Mutex<SearchIndex>,
    displaced: Vec<String>,
}

impl Network {
    /// The index, even if a panic elsewhere poisoned the lock (the index stays consistent:
    /// every change is a single call of the engine).
    fn index(&self) -> std::sync::MutexGuard<'_, SearchIndex> {
        self.index.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[uniffi::export]
impl Network {
    /// Indexes `centres_json` (one JSON centre each) for `days` local days from `first_day`
    /// (`YYYY-MM-DD`), then places `existing_bookings_json` (JSON objects with `centre_id,
    /// booking_id, inspector_id, start, duration_minutes`).
    #[uniffi::constructor(default(existing_bookings_json = []))]
    pub fn new(
        centres_json: Vec<String>,
        first_day: String,
        days: u32,
        existing_bookings_json: Vec<String>,
    ) -> Result<Arc<Self>, PtiError> {
        let first_day = day("first_day", &first_day)?;
        let mut existing: HashMap<CentreId, Vec<ExistingBooking>> = HashMap::new();
        for (i, b) in existing_bookings_json.iter().enumerate() {
            let b: CentreBooking = from_json(&format!("existing booking #{i}"), b)?;
            existing.entry(b.centre_id).or_default().push(b.booking());
        }
        let mut built = Vec::with_capacity(centres_json.len());
        let mut displaced = Vec::new();
        for c in &centres_json {
            let centre: model::Centre = from_json("centre", c)?;
            let own = existing.remove(&centre.id).unwrap_or_default();
            let (availability, moved) =
                CentreAvailability::build(&centre, first_day, days, &own).map_err(coded)?;
            displaced.extend(moved.iter().map(ToString::to_string));
            built.push((centre, availability));
        }
        if let Some(id) = existing.keys().next() {
            return Err(PtiError::of(
                "UNKNOWN_CENTRE",
                format!("existing booking for centre {id}, which is not in the network"),
            ));
        }
        Ok(Arc::new(Network {
            index: Mutex::new(SearchIndex::build(built).map_err(coded)?),
            displaced,
        }))
    }

    /// Number of centres.
    pub fn size(&self) -> u32 {
        u32::try_from(self.index().len()).unwrap_or(u32::MAX)
    }

    /// Existing bookings that no longer fit their centre's schedule (placed anyway).
    pub fn displaced(&self) -> Vec<String> {
        self.displaced.clone()
    }

    /// Searches centres; `query_json` in the serde shape of `pti_core::search::SearchQuery`.
    pub fn search(&self, query_json: String) -> Result<Vec<SearchHit>, PtiError> {
        let query: SearchQuery = from_json("search query", &query_json)?;
        let hits = self.index().search(&query).map_err(coded)?;
        Ok(hits
            .iter()
            .map(|h| SearchHit {
                centre_id: h.centre_id.to_string(),
                tenant_id: h.tenant_id.to_string(),
                distance_km: h.distance_km,
                price_cents: h.price.gross.cents(),
                rating: h.rating,
                duration_minutes: h.duration_minutes,
                slots: h
                    .slots
                    .iter()
                    .map(|s| FreeSlot {
                        start: s.start.to_rfc3339(),
                        end: s.end.to_rfc3339(),
                        capacity: u32::from(s.capacity),
                    })
                    .collect(),
            })
            .collect())
    }

    /// Books an inspection of `duration_minutes` needing `agreements` (`"VL"`, `"L"`, `"GAS"`,
    /// `"PL"`) at `start` (ISO 8601 with offset); the engine picks the inspector.
    pub fn book(
        &self,
        centre_id: String,
        booking_id: String,
        start: String,
        duration_minutes: u32,
        agreements: Vec<String>,
    ) -> Result<Placement, PtiError> {
        let centre: CentreId = uuid("centre_id", &centre_id)?;
        let booking: BookingId = uuid("booking_id", &booking_id)?;
        let start = instant("start", &start)?;
        let agreements: Agreements = serde_json::from_value(serde_json::Value::from(agreements))
            .map_err(|e| bad(format!("invalid agreements: {e}")))?;
        let need = Need {
            duration_minutes,
            agreements,
        };
        let mut index = self.index();
        let availability = index.availability_mut(centre).ok_or_else(|| {
            PtiError::of(
                "UNKNOWN_CENTRE",
                format!("centre {centre} is not in the network"),
            )
        })?;
        availability
            .book(booking, start, &need)
            .map(Placement::from)
            .map_err(coded)
    }

    /// Releases a booking; returns where it was.
    pub fn release(&self, centre_id: String, booking_id: String) -> Result<Placement, PtiError> {
        let centre: CentreId = uuid("centre_id", &centre_id)?;
        let booking: BookingId = uuid("booking_id", &booking_id)?;
        let mut index = self.index();
        let availability = index.availability_mut(centre).ok_or_else(|| {
            PtiError::of(
                "UNKNOWN_CENTRE",
                format!("centre {centre} is not in the network"),
            )
        })?;
        availability
            .release(booking)
            .map(Placement::from)
            .map_err(coded)
    }
}
