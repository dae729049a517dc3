//! Python values to and from the engine's: integer, id, code, date and datetime arguments,
//! dicts in the serde shape of `pti-core` (read by `de`), and aware datetimes in a centre's
//! `zoneinfo` zone.

use crate::de;
use chrono::{
    DateTime, Datelike, FixedOffset, LocalResult, NaiveDate, Offset, TimeZone, Timelike, Utc,
};
use chrono_tz::Tz;
use pti_core::Code;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyBytes, PyDict, PyFloat, PyFrozenSet, PyInt, PyList, PySet, PyString, PyTuple,
};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::Mutex;

/// A non-negative integer argument that fits `u32`, else `ValueError`.
pub(crate) fn count(name: &str, value: i64) -> PyResult<u32> {
    u32::try_from(value).map_err(|_| {
        PyValueError::new_err(format!("{name} must be between 0 and 2**32-1, got {value}"))
    })
}

/// A whole number argument in `0..=max`.
pub(crate) fn bounded<T: TryFrom<i64>>(name: &str, value: i64) -> PyResult<T> {
    T::try_from(value).map_err(|_| {
        PyValueError::new_err(format!(
            "{name} is out of range for this field, got {value}"
        ))
    })
}

/// A UUID argument given as `str`.
pub(crate) fn uuid<T: std::str::FromStr>(name: &str, value: &str) -> PyResult<T>
where
    T::Err: std::fmt::Display,
{
    value
        .parse()
        .map_err(|e| PyValueError::new_err(format!("{name}: invalid id {value:?}: {e}")))
}

/// An optional id argument.
pub(crate) fn opt_id<T: std::str::FromStr>(name: &str, value: Option<&str>) -> PyResult<Option<T>>
where
    T::Err: std::fmt::Display,
{
    value.map(|v| uuid(name, v)).transpose()
}

/// A code of one of the engine's code enums (`"CT"`, `"read"`, ...), else `ValueError`.
pub(crate) fn code_arg<T: Code>(what: &str, value: &str) -> PyResult<T> {
    value
        .parse()
        .map_err(|_| PyValueError::new_err(format!("unknown {what} {value:?}")))
}

/// An aware `datetime` as UTC; a naive one is a `ValueError`.
pub(crate) fn aware(name: &str, value: &Bound<'_, PyAny>) -> PyResult<DateTime<Utc>> {
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

/// An aware `datetime` with its own UTC offset kept (the centre's local time).
pub(crate) fn aware_local(name: &str, value: &Bound<'_, PyAny>) -> PyResult<DateTime<FixedOffset>> {
    aware(name, value)?;
    let text: String = value.call_method0("isoformat")?.extract()?;
    DateTime::parse_from_rfc3339(&text)
        .map_err(|e| PyValueError::new_err(format!("{name}: {text:?} is not an instant: {e}")))
}

/// A `date` (not a `datetime`) argument.
pub(crate) fn day(name: &str, value: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
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
pub(crate) fn from_py<T: for<'de> Deserialize<'de>>(
    what: &str,
    value: &Bound<'_, PyAny>,
) -> PyResult<T> {
    if value.is_instance_of::<PyString>() {
        return serde_json::from_str(&value.extract::<String>()?)
            .map_err(|e| PyValueError::new_err(format!("invalid {what}: {e}")));
    }
    T::deserialize(de::Value::new(what, value.clone())).map_err(|e| e.into_py(what))
}

static DATE_CLASSES: PyOnceLock<(Py<PyAny>, Py<PyAny>, Py<PyAny>)> = PyOnceLock::new();

/// A Python value as JSON: dicts with `str` keys, lists, tuples, sets, `str`, `int`, finite
/// `float`, `bool`, `None`, `date` and aware `datetime` (ISO 8601), `UUID`.
pub(crate) fn to_json(what: &str, value: &Bound<'_, PyAny>) -> PyResult<Value> {
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
pub(crate) fn py_datetime<'py>(
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
