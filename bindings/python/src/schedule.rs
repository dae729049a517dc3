//! Slots of a centre's schedule (`pti_core::schedule`), made into Python objects when read.

use crate::convert::{count, day, from_py, py_datetime};
use crate::error::coded;
use crate::model::Centre;
use chrono::{DateTime, FixedOffset, NaiveDate};
use chrono_tz::Tz;
use pti_core::model;
use pti_core::schedule::{self, Horizon};
use pyo3::exceptions::{PyIndexError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PySlice};

/// A slot of a centre's schedule. Its datetimes are made when read: a 90-day expansion
/// returns thousands of slots, most of which a caller never looks at. Two slots are equal when
/// they start and end at the same instants (a `Slots` item is made anew at each read).
#[pyclass(frozen, eq, hash, module = "pti_calendar._native")]
#[derive(PartialEq, Eq, Hash)]
pub struct Slot {
    start: DateTime<FixedOffset>,
    end: DateTime<FixedOffset>,
    zone: Tz,
}

#[pymethods]
impl Slot {
    /// Start, aware, in the centre's time zone (`zoneinfo.ZoneInfo`).
    #[getter]
    fn start<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_datetime(py, &self.start, self.zone)
    }

    /// End, aware, in the centre's time zone.
    #[getter]
    fn end<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_datetime(py, &self.end, self.zone)
    }

    fn __repr__(&self) -> String {
        format!(
            "Slot({}, {})",
            self.start.to_rfc3339(),
            self.end.to_rfc3339()
        )
    }
}

/// The slots of a schedule, as `generate_slots` returns them: a read-only sequence whose
/// `Slot` items are made when read (by index, slice or iteration). A 90-day expansion holds
/// thousands of slots, most of which a caller never looks at.
#[pyclass(frozen, sequence, module = "pti_calendar._native")]
pub struct Slots {
    slots: Vec<schedule::Slot>,
    /// The centre's time zone.
    zone: Tz,
}

impl Slots {
    /// The item at a non-negative index known to be in range.
    fn item(&self, index: usize) -> Slot {
        let s = &self.slots[index];
        Slot {
            start: s.start,
            end: s.end,
            zone: self.zone,
        }
    }
}

#[pymethods]
impl Slots {
    fn __len__(&self) -> usize {
        self.slots.len()
    }

    /// One `Slot` (negative indices count from the end), or a `list` of them for a slice.
    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        index: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        if let Ok(slice) = index.cast::<PySlice>() {
            let len = isize::try_from(self.slots.len()).unwrap_or(isize::MAX);
            let range = slice.indices(len)?;
            let items = (0..range.slicelength).map(|k| {
                let i = range.start + range.step * k as isize;
                self.item(i as usize)
            });
            return PyList::new(py, items).map(Bound::into_any);
        }
        let i: isize = index.extract().map_err(|_| {
            PyTypeError::new_err(format!(
                "Slots indices must be integers or slices, not {}",
                index
                    .get_type()
                    .name()
                    .map_or_else(|_| "?".into(), |n| n.to_string())
            ))
        })?;
        let len = self.slots.len() as isize;
        let at = if i < 0 { i + len } else { i };
        if !(0..len).contains(&at) {
            return Err(PyIndexError::new_err("Slots index out of range"));
        }
        Ok(Bound::new(py, self.item(at as usize))?.into_any())
    }

    fn __iter__(slf: Bound<'_, Self>) -> SlotIter {
        SlotIter {
            slots: slf.unbind(),
            next: 0,
        }
    }

    fn __repr__(&self) -> String {
        format!("<Slots: {} slots>", self.slots.len())
    }
}

/// The iterator of `Slots`.
#[pyclass(module = "pti_calendar._native")]
pub struct SlotIter {
    slots: Py<Slots>,
    next: usize,
}

#[pymethods]
impl SlotIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> Option<Slot> {
        let slots = self.slots.bind(py).get();
        (self.next < slots.slots.len()).then(|| {
            self.next += 1;
            slots.item(self.next - 1)
        })
    }
}

/// The slots of `centre` for `days` local days from `first_day`, for an inspection of
/// `duration_minutes`.
#[pyfunction]
fn generate_slots(
    centre: &Bound<'_, PyAny>,
    first_day: &Bound<'_, PyAny>,
    days: i64,
    duration_minutes: i64,
) -> PyResult<Slots> {
    let first_day = day("first_day", first_day)?;
    let days = count("days", days)?;
    let duration = count("duration_minutes", duration_minutes)?;
    match centre.cast::<Centre>() {
        Ok(c) => expand(&c.get().inner, first_day, days, duration),
        Err(_) => expand(&from_py("centre", centre)?, first_day, days, duration),
    }
}

/// A centre's schedule over a horizon.
fn expand(
    centre: &model::Centre,
    first_day: NaiveDate,
    days: u32,
    duration: u32,
) -> PyResult<Slots> {
    let horizon = Horizon::new(centre.time_zone, first_day, days).map_err(coded)?;
    Ok(Slots {
        slots: schedule::generate_slots(centre, &horizon, duration).map_err(coded)?,
        zone: centre.time_zone,
    })
}

/// Adds the classes and functions of this module; `Slots` is registered as a
/// `collections.abc.Sequence`.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_function(wrap_pyfunction!(generate_slots, m)?)?;
    m.add_class::<Slot>()?;
    m.add_class::<Slots>()?;
    m.add_class::<SlotIter>()?;
    py.import("collections.abc")?
        .getattr("Sequence")?
        .call_method1("register", (py.get_type::<Slots>(),))?;
    Ok(())
}
