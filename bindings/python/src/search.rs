//! The network index (`pti_core::search`): search, book and release.

use crate::availability::{FreeSlot, Placement};
use crate::convert::{aware, count, day, from_py, uuid};
use crate::error::{coded, engine_error};
use crate::model::centre_arg;
use chrono_tz::Tz;
use pti_core::availability::{CentreAvailability, CentreBooking, ExistingBooking, Need};
use pti_core::model::{Agreements, BookingId, CentreId};
use pti_core::search::{self, SearchIndex, SearchQuery};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use std::collections::HashMap;

/// One centre found by a search. Held as the engine returned it: ids, datetimes and the
/// `FreeSlot`s are made when read, so a search costs one Python object per hit.
#[pyclass(frozen, eq, module = "pti_calendar._native")]
#[derive(PartialEq)]
pub struct SearchHit {
    hit: search::SearchHit,
    /// The centre's time zone.
    zone: Tz,
}

#[pymethods]
impl SearchHit {
    /// The centre.
    #[getter]
    fn centre_id(&self) -> String {
        self.hit.centre_id.to_string()
    }

    /// Its tenant.
    #[getter]
    fn tenant_id(&self) -> String {
        self.hit.tenant_id.to_string()
    }

    /// Great-circle distance from the origin, km.
    #[getter]
    fn distance_km(&self) -> f64 {
        self.hit.distance_km
    }

    /// Price, tax included, in cents.
    #[getter]
    fn price_cents(&self) -> i64 {
        self.hit.price.gross.cents()
    }

    /// Rating, 0 to 5.
    #[getter]
    fn rating(&self) -> f32 {
        self.hit.rating
    }

    /// Length of the inspection in minutes.
    #[getter]
    fn duration_minutes(&self) -> u32 {
        self.hit.duration_minutes
    }

    /// First free starts (a new list at each read, as before).
    #[getter]
    fn slots<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(
            py,
            self.hit.slots.iter().map(|&slot| FreeSlot {
                slot,
                zone: self.zone,
            }),
        )
    }

    fn __repr__(&self) -> String {
        format!(
            "SearchHit(centre_id={:?}, distance_km={:.3}, price_cents={}, slots={})",
            self.hit.centre_id.to_string(),
            self.hit.distance_km,
            self.hit.price.gross.cents(),
            self.hit.slots.len()
        )
    }
}

/// Centres with their availability over a horizon: search, book, release.
#[pyclass(module = "pti_calendar._native")]
pub struct Network {
    index: SearchIndex,
    displaced: Vec<String>,
}

#[pymethods]
impl Network {
    /// Indexes `centres` (each a `Centre` or a dict) for `days` local days from `first_day`,
    /// then places `existing_bookings` (dicts with centre_id, booking_id, inspector_id, start,
    /// duration_minutes).
    #[new]
    #[pyo3(signature = (centres, first_day, days, existing_bookings = None))]
    fn new(
        centres: &Bound<'_, PyAny>,
        first_day: &Bound<'_, PyAny>,
        days: i64,
        existing_bookings: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let first_day = day("first_day", first_day)?;
        let days = count("days", days)?;
        let mut existing: HashMap<CentreId, Vec<ExistingBooking>> = HashMap::new();
        if let Some(bookings) = existing_bookings {
            for (i, b) in bookings.try_iter()?.enumerate() {
                let b: CentreBooking = from_py(&format!("existing booking #{i}"), &b?)?;
                existing.entry(b.centre_id).or_default().push(b.booking());
            }
        }
        let mut built = Vec::new();
        let mut displaced = Vec::new();
        for c in centres.try_iter()? {
            let centre = centre_arg(&c?)?;
            let own = existing.remove(&centre.id).unwrap_or_default();
            let (availability, moved) =
                CentreAvailability::build(&centre, first_day, days, &own).map_err(coded)?;
            displaced.extend(moved.iter().map(ToString::to_string));
            built.push((centre, availability));
        }
        if let Some(id) = existing.keys().next() {
            return Err(engine_error(
                "UNKNOWN_CENTRE",
                format!("existing booking for centre {id}, which is not in the network"),
            ));
        }
        Ok(Network {
            index: SearchIndex::build(built).map_err(coded)?,
            displaced,
        })
    }

    /// Number of centres.
    fn __len__(&self) -> usize {
        self.index.len()
    }

    /// Existing bookings that no longer fit their centre's schedule (placed anyway).
    #[getter]
    fn displaced(&self) -> Vec<String> {
        self.displaced.clone()
    }

    /// Searches centres; keyword arguments in the serde shape of `pti_core::search::SearchQuery`.
    #[pyo3(signature = (**query))]
    fn search<'py>(
        &self,
        py: Python<'py>,
        query: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let query: SearchQuery = match query {
            Some(q) => from_py("search query", q.as_any())?,
            None => return Err(PyTypeError::new_err("search() needs keyword arguments")),
        };
        let hits = self
            .index
            .search(&query)
            .map_err(coded::<search::SearchError>)?;
        PyList::new(
            py,
            hits.into_iter().map(|hit| SearchHit {
                zone: self
                    .index
                    .centre(hit.centre_id)
                    .map_or(Tz::UTC, |c| c.time_zone),
                hit,
            }),
        )
    }

    /// Books an inspection of `duration_minutes` needing `agreements` (e.g. `["VL"]`) at
    /// `start` (aware datetime) in a centre; the engine picks the inspector.
    fn book(
        &mut self,
        centre_id: &str,
        booking_id: &str,
        start: &Bound<'_, PyAny>,
        duration_minutes: i64,
        agreements: &Bound<'_, PyAny>,
    ) -> PyResult<Placement> {
        let centre: CentreId = uuid("centre_id", centre_id)?;
        let booking: BookingId = uuid("booking_id", booking_id)?;
        let start = aware("start", start)?;
        let need = Need {
            duration_minutes: count("duration_minutes", duration_minutes)?,
            agreements: from_py::<Agreements>("agreements", agreements)?,
        };
        let availability = self.index.availability_mut(centre).ok_or_else(|| {
            engine_error(
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
    fn release(&mut self, centre_id: &str, booking_id: &str) -> PyResult<Placement> {
        let centre: CentreId = uuid("centre_id", centre_id)?;
        let booking: BookingId = uuid("booking_id", booking_id)?;
        let availability = self.index.availability_mut(centre).ok_or_else(|| {
            engine_error(
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

/// Adds the classes of this module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<SearchHit>()?;
    m.add_class::<Network>()?;
    Ok(())
}
