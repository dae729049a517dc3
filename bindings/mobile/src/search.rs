//! The network index (`pti_core::search`): search, book and release.

use crate::availability::{FreeSlot, Placement};
use crate::convert::{code_of, day, from_json, instant, uuid};
use crate::error::{PtiError, coded};
use pti_core::availability::{CentreAvailability, CentreBooking, ExistingBooking, Need};
use pti_core::model::{self, Agreement, Agreements, BookingId, CentreId};
use pti_core::search::{SearchIndex, SearchQuery};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

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
        let agreements = agreements
            .iter()
            .map(|a| code_of::<Agreement>("agreement", a))
            .collect::<Result<Vec<_>, _>>()?;
        let need = Need {
            duration_minutes,
            agreements: Agreements::of(&agreements),
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
