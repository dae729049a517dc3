//! Errors thrown to JavaScript: an `Error` whose `.code` is the engine's stable code (a rule
//! refusal also carries the facts that explain it, `RuleError::facts`, as properties), or
//! Node's `ERR_INVALID_ARG_VALUE` for a bad argument.

use crate::convert::iso;
use napi::{Env, Result};
use pti_core::Coded;
use pti_core::rules::RuleError;

/// The `code` of a thrown error.
pub struct Code(pub(crate) &'static str);

impl AsRef<str> for Code {
    fn as_ref(&self) -> &str {
        self.0
    }
}

/// An engine error, with its stable code.
pub(crate) fn coded<E: Coded + std::fmt::Display>(e: E) -> napi::Error<Code> {
    napi::Error::new(Code(e.code()), e.to_string())
}

/// A bad argument value (Node's `ERR_INVALID_ARG_VALUE`).
pub(crate) fn bad_value(message: String) -> napi::Error<Code> {
    napi::Error::new(Code("ERR_INVALID_ARG_VALUE"), message)
}

/// A rule refusal thrown as an `Error` with its `.code` and the facts that explain it as
/// properties (`earliest`, `latest`, `deadline`: ISO 8601 UTC; `closedOn`: `YYYY-MM-DD`;
/// `limit`; `bookingId`; `status`). Falls back to a plain coded error if the object cannot be
/// built.
pub(crate) fn rule_error(env: &Env, e: RuleError) -> napi::Error<Code> {
    let facts = e.facts();
    let build = || -> Result<()> {
        let mut error = env.create_error(napi::Error::from_reason(e.to_string()))?;
        error.set("code", e.code())?;
        if let Some(earliest) = &facts.earliest {
            error.set("earliest", iso(earliest))?;
        }
        if let Some(latest) = &facts.latest {
            error.set("latest", iso(latest))?;
        }
        if let Some(deadline) = &facts.deadline {
            error.set("deadline", iso(deadline))?;
        }
        if let Some(closed_on) = facts.closed_on {
            error.set("closedOn", closed_on.to_string())?;
        }
        if let Some(id) = facts.booking_id {
            error.set("bookingId", id.to_string())?;
        }
        if let Some(limit) = facts.limit {
            error.set("limit", limit)?;
        }
        if let Some(status) = facts.status {
            error.set("status", status.code())?;
        }
        env.throw(error)
    };
    match build() {
        // Thrown already: napi-rs leaves a pending exception in place.
        Ok(()) => napi::Error::new(Code("PendingException"), e.to_string()),
        Err(_) => coded(e),
    }
}
