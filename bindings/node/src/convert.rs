//! JavaScript values to and from the engine's: plain objects in the serde shape of `pti-core`,
//! read a chunk of an array at a time; whole numbers, ids, codes, days and instants; instants
//! as ISO 8601 text.

use crate::error::{Code, bad_value};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike, Utc};
use napi::bindgen_prelude::{Array, FromNapiValue};
use napi::{Either, Env, JsDate, Result};
use pti_core::Code as CodeEnum;
use serde::Deserialize;
use serde_json::Value;

/// A plain object in the serde shape of `T`.
pub(crate) fn from_js<T: for<'de> Deserialize<'de>>(what: &str, value: Value) -> Result<T, Code> {
    serde_json::from_value(value).map_err(|e| bad_value(format!("invalid {what}: {e}")))
}

/// Reads each element of `array` as a plain object in the serde shape of `T` (see `from_js`)
/// and hands it to `each`.
pub(crate) fn read_each<T: for<'de> Deserialize<'de>>(
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
pub(crate) fn in_scopes<V: FromNapiValue>(
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

/// A calendar day, `YYYY-MM-DD`.
pub(crate) fn day(name: &str, text: &str) -> Result<NaiveDate, Code> {
    text.parse()
        .map_err(|_| bad_value(format!("{name} must be a date 'YYYY-MM-DD', got {text:?}")))
}

/// A UUID string.
pub(crate) fn uuid<T: std::str::FromStr>(name: &str, text: &str) -> Result<T, Code> {
    text.parse()
        .map_err(|_| bad_value(format!("{name}: invalid id {text:?}")))
}

/// An instant: a `Date`, or an ISO 8601 string with an explicit offset.
pub(crate) fn instant(
    name: &str,
    value: Either<String, JsDate<'_>>,
) -> Result<DateTime<Utc>, Code> {
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
pub(crate) fn count(name: &str, value: f64) -> Result<u32, Code> {
    if value.is_finite() && value.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&value) {
        Ok(value as u32)
    } else {
        Err(bad_value(format!(
            "{name} must be a whole number between 0 and 2**32-1, got {value}"
        )))
    }
}

/// A whole number in the range of `T`.
pub(crate) fn whole<T: TryFrom<u32>>(name: &str, value: f64) -> Result<T, Code> {
    T::try_from(count(name, value)?).map_err(|_| {
        bad_value(format!(
            "{name} is out of range for this field, got {value}"
        ))
    })
}

/// An instant as RFC 3339 text with its offset.
pub(crate) fn iso<Tz: chrono::TimeZone>(t: &DateTime<Tz>) -> String
where
    Tz::Offset: std::fmt::Display,
{
    t.to_rfc3339()
}

/// A local instant as RFC 3339 text, as `iso` writes it (`2026-12-03T08:00:00+01:00`).
pub(crate) fn local_iso(t: &DateTime<FixedOffset>) -> String {
    let mut out = String::with_capacity(25);
    push_local_iso(&mut out, t);
    out
}

/// Appends `local_iso(t)` to `out`, written by hand for the common case (whole seconds,
/// whole-minute offset, years 0 to 9999): chrono's formatter costs more than the rest of a
/// search hit's conversion.
pub(crate) fn push_local_iso(out: &mut String, t: &DateTime<FixedOffset>) {
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

/// A start in the centre's local time: an ISO string with its offset (a `Date` is taken in UTC).
pub(crate) fn local(
    name: &str,
    value: Either<String, JsDate<'_>>,
) -> Result<DateTime<FixedOffset>, Code> {
    match value {
        Either::A(text) => DateTime::parse_from_rfc3339(&text).map_err(|_| {
            bad_value(format!(
                "{name} must be an ISO 8601 string with an explicit offset, got {text:?}"
            ))
        }),
        date => Ok(instant(name, date)?.fixed_offset()),
    }
}

/// An optional id.
pub(crate) fn opt_id<T: std::str::FromStr>(
    name: &str,
    value: Option<&String>,
) -> Result<Option<T>, Code> {
    value.map(|v| uuid(name, v)).transpose()
}

/// A code of one of the engine's code enums (`'CT'`, `'read'`, ...).
pub(crate) fn code_arg<T: CodeEnum>(what: &str, text: &str) -> Result<T, Code> {
    text.parse().map_err(|_| {
        let codes: Vec<&str> = T::ALL.iter().map(|v| v.code()).collect();
        bad_value(format!(
            "invalid {what}: {text:?} is not one of {}",
            codes.join(", ")
        ))
    })
}
