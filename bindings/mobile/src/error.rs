//! Every refusal of the engine as one uniffi error enum, grouped as a caller handles them,
//! with the engine's stable code; a rule refusal also carries its facts (`RuleError::facts`).

use pti_core::Coded;
use pti_core::rules::{RuleError, RuleFacts};

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
    /// An action refused by [`crate::policy::authorize`] (`FORBIDDEN`, `CROSS_TENANT`,
    /// `OUT_OF_SCOPE`).
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

impl From<RuleFacts> for RefusalFacts {
    fn from(facts: RuleFacts) -> Self {
        RefusalFacts {
            earliest: facts.earliest.map(|t| t.to_rfc3339()),
            latest: facts.latest.map(|t| t.to_rfc3339()),
            deadline: facts.deadline.map(|t| t.to_rfc3339()),
            closed_on: facts.closed_on.map(|d| d.to_string()),
            limit: facts.limit,
            booking_id: facts.booking_id.map(|id| id.to_string()),
            status: facts.status.map(|s| s.code().to_string()),
        }
    }
}

impl PtiError {
    /// The error of a stable code, in its group.
    pub(crate) fn of(code: &str, reason: String) -> Self {
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
pub(crate) fn coded<E: Coded + std::fmt::Display>(e: E) -> PtiError {
    PtiError::of(e.code(), e.to_string())
}

/// A bad argument (the binding's code `INVALID_ARGUMENT`).
pub(crate) fn bad(reason: String) -> PtiError {
    PtiError::InvalidInput {
        code: "INVALID_ARGUMENT".to_string(),
        reason,
    }
}

/// A rule refusal, with the facts behind it (as the Python and Node bindings give them).
pub(crate) fn refused(e: RuleError) -> PtiError {
    let mut error = PtiError::of(e.code(), e.to_string());
    if let PtiError::Booking { facts, .. } = &mut error {
        **facts = e.facts().into();
    }
    error
}
