//! Arguments as the phones give them: JSON text in the serde shape of `pti-core`, days,
//! ISO 8601 instants, ids and codes.

use crate::error::{PtiError, bad};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use pti_core::Code;
use serde::Deserialize;

/// JSON text in the serde shape of `T`.
pub(crate) fn from_json<T: for<'de> Deserialize<'de>>(
    what: &str,
    text: &str,
) -> Result<T, PtiError> {
    serde_json::from_str(text).map_err(|e| bad(format!("invalid {what}: {e}")))
}

/// A calendar day, `YYYY-MM-DD`.
pub(crate) fn day(name: &str, text: &str) -> Result<NaiveDate, PtiError> {
    text.parse()
        .map_err(|_| bad(format!("{name} must be a date 'YYYY-MM-DD', got {text:?}")))
}

/// An instant with its offset, ISO 8601.
pub(crate) fn local(name: &str, text: &str) -> Result<DateTime<FixedOffset>, PtiError> {
    DateTime::parse_from_rfc3339(text).map_err(|_| {
        bad(format!(
            "{name} must be an ISO 8601 instant with an explicit offset \
             (2026-12-03T08:00:00+01:00), got {text:?}"
        ))
    })
}

/// An instant, ISO 8601 with an explicit offset.
pub(crate) fn instant(name: &str, text: &str) -> Result<DateTime<Utc>, PtiError> {
    local(name, text).map(|t| t.with_timezone(&Utc))
}

/// A UUID.
pub(crate) fn uuid<T: std::str::FromStr>(name: &str, text: &str) -> Result<T, PtiError> {
    text.parse()
        .map_err(|_| bad(format!("{name}: invalid id {text:?}")))
}

/// An optional id.
pub(crate) fn opt_id<T: std::str::FromStr>(
    name: &str,
    value: &Option<String>,
) -> Result<Option<T>, PtiError> {
    value.as_deref().map(|v| uuid(name, v)).transpose()
}

/// A code of one of the engine's code enums (`CT`, `read`, `rdv`, ...).
pub(crate) fn code_of<T: Code>(what: &str, text: &str) -> Result<T, PtiError> {
    text.parse()
        .map_err(|_| bad(format!("unknown {what} {text:?}")))
}
