//! Free starts and placements (`pti_core::availability`).

use crate::convert::py_datetime;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use pti_core::availability;
use pyo3::prelude::*;

/// A free start in a search hit.
#[pyclass(frozen, eq, module = "pti_calendar._native")]
#[derive(PartialEq)]
pub struct FreeSlot {
    pub(crate) slot: availability::FreeSlot,
    /// The centre's time zone.
    pub(crate) zone: Tz,
}

#[pymethods]
impl FreeSlot {
    /// Start, aware, in the centre's time zone (`zoneinfo.ZoneInfo`).
    #[getter]
    fn start<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_datetime(py, &self.slot.start, self.zone)
    }

    /// End of the inspection, aware, in the centre's time zone.
    #[getter]
    fn end<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_datetime(py, &self.slot.end, self.zone)
    }

    /// How many more bookings could start then.
    #[getter]
    fn capacity(&self) -> u8 {
        self.slot.capacity
    }

    fn __repr__(&self) -> String {
        format!(
            "FreeSlot({}, {}, capacity={})",
            self.slot.start.to_rfc3339(),
            self.slot.end.to_rfc3339(),
            self.slot.capacity
        )
    }
}

/// Where a booking was placed.
#[pyclass(frozen, eq, hash, get_all, module = "pti_calendar._native")]
#[derive(PartialEq, Eq, Hash)]
pub struct Placement {
    /// The booking.
    booking_id: String,
    /// The inspector chosen.
    inspector_id: String,
    /// Start, UTC.
    start: DateTime<Utc>,
    /// End of the inspection, UTC.
    end: DateTime<Utc>,
}

#[pymethods]
impl Placement {
    fn __repr__(&self) -> String {
        format!(
            "Placement(booking_id={:?}, inspector_id={:?}, start={})",
            self.booking_id,
            self.inspector_id,
            self.start.to_rfc3339()
        )
    }
}

impl From<availability::Placement> for Placement {
    fn from(p: availability::Placement) -> Self {
        Placement {
            booking_id: p.booking_id.to_string(),
            inspector_id: p.inspector_id.to_string(),
            start: p.start,
            end: p.end,
        }
    }
}

/// Adds the classes of this module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<FreeSlot>()?;
    m.add_class::<Placement>()?;
    Ok(())
}
