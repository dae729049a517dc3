//! Python bindings of the PTI Calendar engine: the private native module `pti_calendar._native`.
//!
//! Thin by design: Python values in, `pti-core` types, Python values out, errors mapped to an
//! exception hierarchy carrying the engine's stable code. Structured inputs (centres, queries,
//! existing bookings) are plain dicts in the serde shape of `pti-core`; they are walked into a
//! `serde_json::Value` (`date` and aware `datetime` as ISO 8601) and deserialised by the engine's
//! own serde impls, so every rule about their shape is the engine's.

// pyo3's macros generate items (the module init function, method wrappers) that cannot carry
// doc comments; every item written here is documented.
#![allow(missing_docs)]

/// The module's own allocator for everything Rust allocates (the engine's index, each search's
/// hits), apart from the interpreter's `malloc`.
// Speed: after a network is built from millions of dicts, glibc's heap is fragmented and its
// `malloc` took ~10 % of a search (~5 % in a Rust process); see benches/README.md.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use chrono::{
    DateTime, Datelike, FixedOffset, LocalResult, NaiveDate, Offset, TimeZone, Timelike, Utc,
};
use chrono_tz::Tz;
use pti_core::Coded;
use pti_core::availability::{self, CentreAvailability, CentreBooking, ExistingBooking, Need};
use pti_core::model::{self, Agreements, BookingId, CentreId};
use pti_core::schedule::{self, Horizon};
use pti_core::search::{self, SearchIndex, SearchQuery};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyIndexError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyBytes, PyDict, PyFloat, PyFrozenSet, PyInt, PyList, PySet, PySlice, PyString, PyTuple,
};
use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

create_exception!(
    _native,
    PtiError,
    PyException,
    "Base of every error raised by the engine; `.code` is its stable machine code."
);
create_exception!(
    _native,
    InvalidInput,
    PtiError,
    "Input refused by the engine (INVALID_PLATE, INVALID_RRULE, INVALID_RADIUS, ...)."
);
create_exception!(
    _native,
    BookingError,
    PtiError,
    "A booking or release was refused."
);
create_exception!(
    _native,
    SlotTaken,
    BookingError,
    "SLOT_TAKEN: every qualified inspector or every lane is busy then."
);
create_exception!(
    _native,
    OutsideOpeningHours,
    BookingError,
    "OUTSIDE_OPENING_HOURS: no inspection can start then (closed, off the grid, outside the index)."
);
create_exception!(
    _native,
    NoQualifiedInspector,
    BookingError,
    "NO_QUALIFIED_INSPECTOR: no inspector of the centre holds the agreements needed."
);
create_exception!(
    _native,
    UnknownInspector,
    BookingError,
    "UNKNOWN_INSPECTOR: the inspector does not work at this centre."
);
create_exception!(
    _native,
    UnknownBooking,
    BookingError,
    "UNKNOWN_BOOKING: no booking with this id is placed in the centre."
);
create_exception!(
    _native,
    DuplicateBooking,
    BookingError,
    "DUPLICATE_BOOKING: a booking with this id is already placed."
);
create_exception!(
    _native,
    UnknownCentre,
    BookingError,
    "UNKNOWN_CENTRE: no centre with this id is in the network (raised by the binding)."
);

create_exception!(
    _native,
    NoticeTooShort,
    BookingError,
    "NOTICE_TOO_SHORT: the start is too soon; `.earliest` is the first start allowed."
);
create_exception!(
    _native,
    BeyondHorizon,
    BookingError,
    "BEYOND_HORIZON: the start lies beyond the booking horizon; `.latest` is the first refused."
);
create_exception!(
    _native,
    DeadlinePassed,
    BookingError,
    "DEADLINE_PASSED: the change or cancellation deadline (`.deadline`) has passed."
);
create_exception!(
    _native,
    RecheckWindowExpired,
    BookingError,
    "RECHECK_WINDOW_EXPIRED: the re-inspection window closed on `.closed_on`."
);
create_exception!(
    _native,
    NoFailedInspection,
    BookingError,
    "NO_FAILED_INSPECTION: no failed periodic inspection of this vehicle to re-inspect."
);
create_exception!(
    _native,
    VehicleAlreadyBooked,
    BookingError,
    "VEHICLE_ALREADY_BOOKED: the vehicle has an overlapping booking (`.booking_id`)."
);
create_exception!(
    _native,
    CategoryNotOffered,
    BookingError,
    "CATEGORY_NOT_OFFERED: the centre does not inspect this vehicle category."
);
create_exception!(
    _native,
    ControlTypeNotOffered,
    BookingError,
    "CONTROL_TYPE_NOT_OFFERED: the centre does not offer this control type for the vehicle."
);
create_exception!(
    _native,
    OverbookingLimitReached,
    BookingError,
    "OVERBOOKING_LIMIT_REACHED: the day is full, overbooking included (`.limit` bookings)."
);
create_exception!(
    _native,
    BookingNotModifiable,
    BookingError,
    "BOOKING_NOT_MODIFIABLE: the booking's status (`.status`) allows no change."
);
create_exception!(
    _native,
    AccessDenied,
    PtiError,
    "An action refused by `authorize` (FORBIDDEN, CROSS_TENANT, OUT_OF_SCOPE)."
);
create_exception!(
    _native,
    Forbidden,
    AccessDenied,
    "FORBIDDEN: the role holds no permission for this resource and action."
);
create_exception!(
    _native,
    CrossTenant,
    AccessDenied,
    "CROSS_TENANT: the row belongs to another tenant (or to none)."
);
create_exception!(
    _native,
    OutOfScope,
    AccessDenied,
    "OUT_OF_SCOPE: the row lies outside the principal's agency, centre or own rows."
);
create_exception!(
    _native,
    PlaceNotFound,
    PtiError,
    "PLACE_NOT_FOUND: no French commune or postcode matches the text."
);

/// The Python exception of an engine error, with `.code` set.
fn engine_error(code: &str, message: String) -> PyErr {
    let err = match code {
        "SLOT_TAKEN" => SlotTaken::new_err(message),
        "OUTSIDE_OPENING_HOURS" => OutsideOpeningHours::new_err(message),
        "NO_QUALIFIED_INSPECTOR" => NoQualifiedInspector::new_err(message),
        "UNKNOWN_INSPECTOR" => UnknownInspector::new_err(message),
        "UNKNOWN_BOOKING" => UnknownBooking::new_err(message),
        "DUPLICATE_BOOKING" => DuplicateBooking::new_err(message),
        "UNKNOWN_CENTRE" => UnknownCentre::new_err(message),
        "NOTICE_TOO_SHORT" => NoticeTooShort::new_err(message),
        "BEYOND_HORIZON" => BeyondHorizon::new_err(message),
        "DEADLINE_PASSED" => DeadlinePassed::new_err(message),
        "RECHECK_WINDOW_EXPIRED" => RecheckWindowExpired::new_err(message),
        "NO_FAILED_INSPECTION" => NoFailedInspection::new_err(message),
        "VEHICLE_ALREADY_BOOKED" => VehicleAlreadyBooked::new_err(message),
        "CATEGORY_NOT_OFFERED" => CategoryNotOffered::new_err(message),
        "CONTROL_TYPE_NOT_OFFERED" => ControlTypeNotOffered::new_err(message),
        "OVERBOOKING_LIMIT_REACHED" => OverbookingLimitReached::new_err(message),
        "BOOKING_NOT_MODIFIABLE" => BookingNotModifiable::new_err(message),
        "FORBIDDEN" => Forbidden::new_err(message),
        "CROSS_TENANT" => CrossTenant::new_err(message),
        "OUT_OF_SCOPE" => OutOfScope::new_err(message),
        "PLACE_NOT_FOUND" => PlaceNotFound::new_err(message),
        _ => InvalidInput::new_err(message),
    };
    Python::attach(|py| {
        // Setting an attribute on a fresh exception instance cannot fail in practice; if it
        // did, the exception would still be raised, only without `.code`.
        let _ = err.value(py).setattr("code", code);
    });
    err
}

/// Maps any coded engine error.
fn coded<E: Coded + std::fmt::Display>(e: E) -> PyErr {
    engine_error(e.code(), e.to_string())
}

/// A non-negative integer argument that fits `u32`, else `ValueError`.
fn count(name: &str, value: i64) -> PyResult<u32> {
    u32::try_from(value).map_err(|_| {
        PyValueError::new_err(format!("{name} must be between 0 and 2**32-1, got {value}"))
    })
}

/// A UUID argument given as `str`.
fn uuid<T: std::str::FromStr>(name: &str, value: &str) -> PyResult<T>
where
    T::Err: std::fmt::Display,
{
    value
        .parse()
        .map_err(|e| PyValueError::new_err(format!("{name}: invalid id {value:?}: {e}")))
}

/// An aware `datetime` as UTC; a naive one is a `ValueError`.
fn aware(name: &str, value: &Bound<'_, PyAny>) -> PyResult<DateTime<Utc>> {
    let is_datetime = value
        .py()
        .import("datetime")?
        .getattr("datetime")
        .and_then(|cls| value.is_instance(&cls))?;
    if !is_datetime {
        return Err(PyTypeError::new_err(format!(
            "{name} must be a timezone-aware datetime.datetime, got {}",
            value.get_type().name()?
        )));
    }
    if value.getattr("utcoffset")?.call0()?.is_none() {
        return Err(PyValueError::new_err(format!(
            "{name} must be a timezone-aware datetime (tzinfo set), got a naive datetime {}",
            value.str()?
        )));
    }
    // Any tzinfo (zoneinfo included): normalise to UTC in Python, then convert.
    let utc = value
        .py()
        .import("datetime")?
        .getattr("timezone")?
        .getattr("utc")?;
    value.call_method1("astimezone", (utc,))?.extract()
}

/// A `date` (not a `datetime`) argument.
fn day(name: &str, value: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
    let dt = value.py().import("datetime")?;
    if value.is_instance(&dt.getattr("datetime")?)? || !value.is_instance(&dt.getattr("date")?)? {
        return Err(PyTypeError::new_err(format!(
            "{name} must be a datetime.date (not a datetime), got {}",
            value.get_type().name()?
        )));
    }
    value.extract()
}

/// Deserialises a dict (or a JSON `str`) in the serde shape of `T`.
fn from_py<T: for<'de> Deserialize<'de>>(what: &str, value: &Bound<'_, PyAny>) -> PyResult<T> {
    if value.is_instance_of::<PyString>() {
        return serde_json::from_str(&value.extract::<String>()?)
            .map_err(|e| PyValueError::new_err(format!("invalid {what}: {e}")));
    }
    T::deserialize(de::Value::new(what, value.clone())).map_err(|e| e.into_py(what))
}

static DATE_CLASSES: PyOnceLock<(Py<PyAny>, Py<PyAny>, Py<PyAny>)> = PyOnceLock::new();

/// A Python value as JSON: dicts with `str` keys, lists, tuples, sets, `str`, `int`, finite
/// `float`, `bool`, `None`, `date` and aware `datetime` (ISO 8601), `UUID`.
fn to_json(what: &str, value: &Bound<'_, PyAny>) -> PyResult<Value> {
    let py = value.py();
    if value.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = value.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(i) = value.cast::<PyInt>() {
        return match i.extract::<i64>() {
            Ok(n) => Ok(Value::from(n)),
            Err(_) => Ok(Value::from(i.extract::<u64>().map_err(|_| {
                PyValueError::new_err(format!("invalid {what}: integer {i} out of range"))
            })?)),
        };
    }
    if let Ok(f) = value.cast::<PyFloat>() {
        let x = f.value();
        return serde_json::Number::from_f64(x)
            .map(Value::Number)
            .ok_or_else(|| {
                PyValueError::new_err(format!(
                    "invalid {what}: NaN and infinite numbers are not accepted, got {x}"
                ))
            });
    }
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if let Ok(d) = value.cast::<PyDict>() {
        let mut map = serde_json::Map::with_capacity(d.len());
        for (k, v) in d.iter() {
            let key = k.cast::<PyString>().map_err(|_| {
                PyTypeError::new_err(format!("invalid {what}: dict keys must be str, got {k:?}"))
            })?;
            map.insert(key.to_cow()?.into_owned(), to_json(what, &v)?);
        }
        return Ok(Value::Object(map));
    }
    if value.is_instance_of::<PyList>()
        || value.is_instance_of::<PyTuple>()
        || value.is_instance_of::<PySet>()
        || value.is_instance_of::<PyFrozenSet>()
    {
        return value
            .try_iter()?
            .map(|v| to_json(what, &v?))
            .collect::<PyResult<Vec<_>>>()
            .map(Value::Array);
    }
    let (datetime, date, uuid) = DATE_CLASSES.get_or_try_init(py, || {
        let m = py.import("datetime")?;
        PyResult::Ok((
            m.getattr("datetime")?.unbind(),
            m.getattr("date")?.unbind(),
            py.import("uuid")?.getattr("UUID")?.unbind(),
        ))
    })?;
    if value.is_instance(datetime.bind(py))? {
        if value.call_method0("utcoffset")?.is_none() {
            return Err(PyValueError::new_err(format!(
                "invalid {what}: naive datetime {}: give a timezone-aware datetime",
                value.str()?
            )));
        }
        return Ok(Value::String(value.call_method0("isoformat")?.extract()?));
    }
    if value.is_instance(date.bind(py))? {
        return Ok(Value::String(value.call_method0("isoformat")?.extract()?));
    }
    if value.is_instance(uuid.bind(py))? {
        return Ok(Value::String(value.str()?.to_cow()?.into_owned()));
    }
    Err(PyTypeError::new_err(format!(
        "invalid {what}: object of type {} cannot be given to the engine",
        value.get_type().name()?
    )))
}

static DATETIME: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static ZONES: Mutex<BTreeMap<&'static str, Option<Py<PyAny>>>> = Mutex::new(BTreeMap::new());
static OFFSETS: Mutex<BTreeMap<i32, Py<PyAny>>> = Mutex::new(BTreeMap::new());

/// An aware `datetime` of the instant `t` in `zone`, with `zone`'s `zoneinfo.ZoneInfo` as its
/// `tzinfo` (wall-clock arithmetic and `tzname()` as Python users expect); with `t`'s fixed UTC
/// offset when this Python has no data for the zone.
///
/// Made as unpickling makes it, `datetime(state, tzinfo)` from its 10-byte pickled state: under
/// abi3 there is no datetime C API, and the keyword constructor spends most of its time parsing
/// eight arguments. The state (a format every Python must keep reading for old pickles) is the
/// local year (2 bytes, big-endian), month (high bit: `fold`), day, hour, minute, second and
/// microsecond (3 bytes).
fn py_datetime<'py>(
    py: Python<'py>,
    t: &DateTime<FixedOffset>,
    zone: Tz,
) -> PyResult<Bound<'py, PyAny>> {
    let class = DATETIME.get_or_try_init(py, || {
        PyResult::Ok(py.import("datetime")?.getattr("datetime")?.unbind())
    })?;
    let local = t.naive_local();
    let (tz, fold) = match zone_info(py, zone)? {
        Some(zone_info) => (zone_info, second_of_repeated_hour(zone, t)),
        None => (fixed_offset(py, t)?, false),
    };
    let [_, _, year_high, year_low] = local.year().to_be_bytes();
    let [_, micro_high, micro_mid, micro_low] = (local.nanosecond() / 1000).to_be_bytes();
    let state = [
        year_high,
        year_low,
        local.month() as u8 | if fold { 0x80 } else { 0 },
        local.day() as u8,
        local.hour() as u8,
        local.minute() as u8,
        local.second() as u8,
        micro_high,
        micro_mid,
        micro_low,
    ];
    class.bind(py).call1((PyBytes::new(py, &state), tz))
}

/// Whether `t` is the later of two instants with the same wall-clock time in `zone` (the hour
/// repeated when summer time ends): Python's `fold=1`.
fn second_of_repeated_hour(zone: Tz, t: &DateTime<FixedOffset>) -> bool {
    match zone.offset_from_local_datetime(&t.naive_local()) {
        LocalResult::Ambiguous(_, later) => later.fix() == *t.offset(),
        _ => false,
    }
}

/// `zoneinfo.ZoneInfo(zone)`, made once per zone; `None` when this Python has no data for it
/// (no system time zone database and no `tzdata` package). The lock is not held while Python
/// runs: an import can let another thread in.
fn zone_info(py: Python<'_>, zone: Tz) -> PyResult<Option<Py<PyAny>>> {
    {
        let cache = ZONES.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(known) = cache.get(zone.name()) {
            return Ok(known.as_ref().map(|z| z.clone_ref(py)));
        }
    }
    let made = py
        .import("zoneinfo")?
        .getattr("ZoneInfo")?
        .call1((zone.name(),))
        .ok()
        .map(Bound::unbind);
    let mut cache = ZONES.lock().unwrap_or_else(|e| e.into_inner());
    cache.insert(zone.name(), made.as_ref().map(|z| z.clone_ref(py)));
    Ok(made)
}

/// The `datetime.timezone` of `t`'s UTC offset, made once per offset.
fn fixed_offset(py: Python<'_>, t: &DateTime<FixedOffset>) -> PyResult<Py<PyAny>> {
    let offset = t.offset().local_minus_utc();
    let mut cache = OFFSETS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(tz) = cache.get(&offset) {
        return Ok(tz.clone_ref(py));
    }
    let tz: Py<PyAny> = t.offset().into_pyobject(py)?.into_any().unbind();
    cache.insert(offset, tz.clone_ref(py));
    Ok(tz)
}

/// A validated French plate.
#[pyclass(frozen, eq, hash, module = "pti_calendar._native")]
#[derive(PartialEq, Eq, Hash)]
pub struct Plate {
    /// Canonical form, `AB-123-CD` or `123 ABC 45`.
    #[pyo3(get)]
    canonical: String,
    /// `'siv'` or `'fni'`.
    #[pyo3(get)]
    format: &'static str,
}

#[pymethods]
impl Plate {
    fn __str__(&self) -> &str {
        &self.canonical
    }

    fn __repr__(&self) -> String {
        format!("Plate({:?}, format={:?})", self.canonical, self.format)
    }
}

/// Validates and normalises a French plate (SIV or FNI); raises `InvalidInput` (INVALID_PLATE).
#[pyfunction]
fn parse_plate(text: &str) -> PyResult<Plate> {
    let plate = model::Plate::parse(text).map_err(coded)?;
    let format = match plate.format() {
        model::PlateFormat::Siv => "siv",
        model::PlateFormat::Fni => "fni",
    };
    Ok(Plate {
        canonical: plate.as_str().to_string(),
        format,
    })
}

/// A centre: its opening hours, closures, offers and inspectors.
#[pyclass(frozen, module = "pti_calendar._native")]
pub struct Centre {
    inner: model::Centre,
}

#[pymethods]
impl Centre {
    /// A centre from a dict (or JSON text) in the shape of `pti_core::model::Centre`.
    #[new]
    fn new(data: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(Centre {
            inner: from_py("centre", data)?,
        })
    }

    /// The centre's id.
    #[getter]
    fn id(&self) -> String {
        self.inner.id.to_string()
    }

    /// The centre's tenant.
    #[getter]
    fn tenant_id(&self) -> String {
        self.inner.tenant_id.to_string()
    }

    /// The centre's name.
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }

    /// The IANA time zone of the centre.
    #[getter]
    fn time_zone(&self) -> String {
        self.inner.time_zone.name().to_string()
    }

    fn __repr__(&self) -> String {
        format!(
            "Centre(id={:?}, name={:?})",
            self.inner.id.to_string(),
            self.inner.name
        )
    }
}

/// A centre given as `Centre` or as a dict.
fn centre_arg(value: &Bound<'_, PyAny>) -> PyResult<model::Centre> {
    match value.cast::<Centre>() {
        Ok(c) => Ok(c.get().inner.clone()),
        Err(_) => from_py("centre", value),
    }
}

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

/// A free start in a search hit.
#[pyclass(frozen, eq, module = "pti_calendar._native")]
#[derive(PartialEq)]
pub struct FreeSlot {
    slot: availability::FreeSlot,
    /// The centre's time zone.
    zone: Tz,
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

mod de;
mod rules_api;

/// The native module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_function(wrap_pyfunction!(parse_plate, m)?)?;
    m.add_function(wrap_pyfunction!(generate_slots, m)?)?;
    m.add_class::<Plate>()?;
    m.add_class::<Centre>()?;
    m.add_class::<Slot>()?;
    m.add_class::<Slots>()?;
    m.add_class::<SlotIter>()?;
    py.import("collections.abc")?
        .getattr("Sequence")?
        .call_method1("register", (py.get_type::<Slots>(),))?;
    m.add_class::<FreeSlot>()?;
    m.add_class::<SearchHit>()?;
    m.add_class::<Placement>()?;
    m.add_class::<Network>()?;
    m.add("PtiError", py.get_type::<PtiError>())?;
    m.add("InvalidInput", py.get_type::<InvalidInput>())?;
    m.add("BookingError", py.get_type::<BookingError>())?;
    m.add("SlotTaken", py.get_type::<SlotTaken>())?;
    m.add("OutsideOpeningHours", py.get_type::<OutsideOpeningHours>())?;
    m.add(
        "NoQualifiedInspector",
        py.get_type::<NoQualifiedInspector>(),
    )?;
    m.add("UnknownInspector", py.get_type::<UnknownInspector>())?;
    m.add("UnknownBooking", py.get_type::<UnknownBooking>())?;
    m.add("DuplicateBooking", py.get_type::<DuplicateBooking>())?;
    m.add("UnknownCentre", py.get_type::<UnknownCentre>())?;
    m.add("NoticeTooShort", py.get_type::<NoticeTooShort>())?;
    m.add("BeyondHorizon", py.get_type::<BeyondHorizon>())?;
    m.add("DeadlinePassed", py.get_type::<DeadlinePassed>())?;
    m.add(
        "RecheckWindowExpired",
        py.get_type::<RecheckWindowExpired>(),
    )?;
    m.add("NoFailedInspection", py.get_type::<NoFailedInspection>())?;
    m.add(
        "VehicleAlreadyBooked",
        py.get_type::<VehicleAlreadyBooked>(),
    )?;
    m.add("CategoryNotOffered", py.get_type::<CategoryNotOffered>())?;
    m.add(
        "ControlTypeNotOffered",
        py.get_type::<ControlTypeNotOffered>(),
    )?;
    m.add(
        "OverbookingLimitReached",
        py.get_type::<OverbookingLimitReached>(),
    )?;
    m.add(
        "BookingNotModifiable",
        py.get_type::<BookingNotModifiable>(),
    )?;
    m.add("AccessDenied", py.get_type::<AccessDenied>())?;
    m.add("Forbidden", py.get_type::<Forbidden>())?;
    m.add("CrossTenant", py.get_type::<CrossTenant>())?;
    m.add("OutOfScope", py.get_type::<OutOfScope>())?;
    m.add("PlaceNotFound", py.get_type::<PlaceNotFound>())?;
    rules_api::register(m)?;
    Ok(())
}
