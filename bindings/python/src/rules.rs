//! A tenant's booking policy and the booking rules (`pti_core::rules`).

use crate::convert::{aware, aware_local, bounded, code_arg, from_py, to_json};
use crate::error::rule_error;
use crate::model::centre_arg;
use chrono::{DateTime, Utc};
use pti_core::model::{Booking, ControlType, Money, Vehicle};
use pti_core::rules::{self, BookingRequest, InspectionOutcome, VehicleHistory};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde_json::Value;

/// A tenant's booking policy; the keyword arguments override the trade's defaults.
#[pyclass(frozen, eq, hash, get_all, module = "pti_calendar._native")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct BookingPolicy {
    /// Least time between booking and inspection, minutes.
    min_notice_minutes: u32,
    /// How far ahead one may book, days.
    horizon_days: u32,
    /// A booking may be moved until this many hours before it starts.
    modification_deadline_hours: u32,
    /// Cancelling until this many hours before the start gives the early refund.
    cancellation_deadline_hours: u32,
    /// Share refunded on an early cancellation, percent.
    refund_before_deadline_percent: u8,
    /// Share refunded on a late cancellation, percent.
    refund_after_deadline_percent: u8,
    /// Whether a late cancellation is accepted at all.
    late_cancellation_allowed: bool,
    /// Re-inspection window after a failed inspection, months.
    recheck_window_months: u32,
    /// Bookings a day takes, as a share of its capacity, percent.
    overbooking_percent: u16,
    /// Fill above which the centre manager is warned, percent.
    fill_warning_percent: u16,
    /// An unpaid hold is released after this many minutes.
    hold_minutes: u32,
}

impl From<rules::BookingPolicy> for BookingPolicy {
    fn from(p: rules::BookingPolicy) -> Self {
        BookingPolicy {
            min_notice_minutes: p.min_notice_minutes,
            horizon_days: p.horizon_days,
            modification_deadline_hours: p.modification_deadline_hours,
            cancellation_deadline_hours: p.cancellation_deadline_hours,
            refund_before_deadline_percent: p.refund_before_deadline_percent,
            refund_after_deadline_percent: p.refund_after_deadline_percent,
            late_cancellation_allowed: p.late_cancellation_allowed,
            recheck_window_months: p.recheck_window_months,
            overbooking_percent: p.overbooking_percent,
            fill_warning_percent: p.fill_warning_percent,
            hold_minutes: p.hold_minutes,
        }
    }
}

impl BookingPolicy {
    /// The engine's policy.
    fn core(&self) -> rules::BookingPolicy {
        rules::BookingPolicy {
            min_notice_minutes: self.min_notice_minutes,
            horizon_days: self.horizon_days,
            modification_deadline_hours: self.modification_deadline_hours,
            cancellation_deadline_hours: self.cancellation_deadline_hours,
            refund_before_deadline_percent: self.refund_before_deadline_percent,
            refund_after_deadline_percent: self.refund_after_deadline_percent,
            late_cancellation_allowed: self.late_cancellation_allowed,
            recheck_window_months: self.recheck_window_months,
            overbooking_percent: self.overbooking_percent,
            fill_warning_percent: self.fill_warning_percent,
            hold_minutes: self.hold_minutes,
        }
    }
}

#[pymethods]
impl BookingPolicy {
    /// The defaults, overridden by keyword arguments; raises `InvalidInput` (INVALID_POLICY)
    /// when a value cannot be right.
    #[new]
    #[pyo3(signature = (**fields))]
    fn new(fields: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let policy: rules::BookingPolicy = match fields {
            None => rules::BookingPolicy::default(),
            Some(fields) => {
                let known =
                    serde_json::to_value(rules::BookingPolicy::default()).unwrap_or(Value::Null);
                let json = to_json("booking policy", fields.as_any())?;
                for (key, v) in json.as_object().into_iter().flatten() {
                    let Some(default) = known.get(key) else {
                        return Err(PyTypeError::new_err(format!(
                            "BookingPolicy() got an unexpected keyword argument {key:?}"
                        )));
                    };
                    let same_kind = matches!(
                        (default, v),
                        (Value::Bool(_), Value::Bool(_)) | (Value::Number(_), Value::Number(_))
                    );
                    if !same_kind {
                        return Err(PyTypeError::new_err(format!(
                            "BookingPolicy(): {key} must be {}, got {v}",
                            if default.is_boolean() {
                                "a bool"
                            } else {
                                "an int"
                            }
                        )));
                    }
                }
                serde_json::from_value(json)
                    .map_err(|e| PyValueError::new_err(format!("invalid booking policy: {e}")))?
            }
        };
        policy.validate().map_err(rule_error)?;
        Ok(policy.into())
    }

    fn __repr__(&self) -> String {
        format!("BookingPolicy({:?})", self.core())
    }
}

/// The start of a booking window: the first start allowed now, and the first refused.
#[pyfunction]
fn booking_window<'py>(
    policy: PyRef<'py, BookingPolicy>,
    now: &Bound<'py, PyAny>,
) -> PyResult<(DateTime<Utc>, DateTime<Utc>)> {
    Ok(rules::booking_window(&policy.core(), aware("now", now)?))
}

/// Minimum notice and horizon; raises `NoticeTooShort` or `BeyondHorizon`.
#[pyfunction]
fn check_timing(
    policy: PyRef<'_, BookingPolicy>,
    now: &Bound<'_, PyAny>,
    start: &Bound<'_, PyAny>,
) -> PyResult<()> {
    rules::check_timing(&policy.core(), aware("now", now)?, aware("start", start)?)
        .map_err(rule_error)
}

/// The centre offers this control type for the vehicle and has a qualified inspector.
#[pyfunction]
fn check_offer(
    centre: &Bound<'_, PyAny>,
    control_type: &str,
    vehicle: &Bound<'_, PyAny>,
) -> PyResult<()> {
    let centre = centre_arg(centre)?;
    let control_type: ControlType = code_arg("control type", control_type)?;
    let vehicle: Vehicle = from_py("vehicle", vehicle)?;
    rules::check_offer(&centre, control_type, &vehicle).map_err(rule_error)
}

/// Every rule of a new booking, the first refusal winning.
#[pyfunction]
#[pyo3(signature = (policy, now, centre, vehicle, control_type, start, last_periodic = None, bookings = None))]
#[allow(clippy::too_many_arguments)]
fn check_new_booking(
    policy: PyRef<'_, BookingPolicy>,
    now: &Bound<'_, PyAny>,
    centre: &Bound<'_, PyAny>,
    vehicle: &Bound<'_, PyAny>,
    control_type: &str,
    start: &Bound<'_, PyAny>,
    last_periodic: Option<&Bound<'_, PyAny>>,
    bookings: Option<&Bound<'_, PyAny>>,
) -> PyResult<()> {
    let now = aware("now", now)?;
    let centre = centre_arg(centre)?;
    let vehicle: Vehicle = from_py("vehicle", vehicle)?;
    let control_type: ControlType = code_arg("control type", control_type)?;
    let start = aware_local("start", start)?;
    let last: Option<InspectionOutcome> = match last_periodic {
        Some(v) if !v.is_none() => Some(from_py("last periodic inspection", v)?),
        _ => None,
    };
    let bookings: Vec<Booking> = match bookings {
        Some(v) if !v.is_none() => v
            .try_iter()?
            .map(|b| from_py("booking", &b?))
            .collect::<PyResult<_>>()?,
        _ => Vec::new(),
    };
    let request = BookingRequest {
        centre: &centre,
        vehicle: &vehicle,
        control_type,
        start,
    };
    let history = VehicleHistory {
        last_periodic: last.as_ref(),
        bookings: &bookings,
    };
    rules::check_new_booking(&policy.core(), now, &request, &history).map_err(rule_error)
}

/// Moving `booking` (a dict) to `new_start`.
#[pyfunction]
fn check_modification(
    policy: PyRef<'_, BookingPolicy>,
    now: &Bound<'_, PyAny>,
    booking: &Bound<'_, PyAny>,
    new_start: &Bound<'_, PyAny>,
) -> PyResult<()> {
    let booking: Booking = from_py("booking", booking)?;
    rules::check_modification(
        &policy.core(),
        aware("now", now)?,
        &booking,
        aware("new_start", new_start)?,
    )
    .map_err(rule_error)
}

/// What a cancellation refunds.
#[pyclass(frozen, eq, hash, get_all, module = "pti_calendar._native")]
#[derive(PartialEq, Eq, Hash)]
pub struct Refund {
    /// Amount refunded, cents.
    amount_cents: i64,
    /// Share of the amount paid, percent.
    percent: u8,
    /// Whether the cancellation came before the deadline.
    before_deadline: bool,
    /// The cancellation deadline, UTC.
    deadline: DateTime<Utc>,
}

#[pymethods]
impl Refund {
    fn __repr__(&self) -> String {
        format!(
            "Refund(amount_cents={}, percent={}, before_deadline={}, deadline={})",
            self.amount_cents,
            self.percent,
            self.before_deadline,
            self.deadline.to_rfc3339()
        )
    }
}

/// What cancelling `booking` now would refund of `paid_cents`, or why it cannot be cancelled.
#[pyfunction]
fn cancellation_quote(
    policy: PyRef<'_, BookingPolicy>,
    now: &Bound<'_, PyAny>,
    booking: &Bound<'_, PyAny>,
    paid_cents: i64,
) -> PyResult<Refund> {
    let booking: Booking = from_py("booking", booking)?;
    let r = rules::cancellation_quote(
        &policy.core(),
        aware("now", now)?,
        &booking,
        Money::from_cents(paid_cents),
    )
    .map_err(rule_error)?;
    Ok(Refund {
        amount_cents: r.amount.cents(),
        percent: r.percent,
        before_deadline: r.before_deadline,
        deadline: r.deadline,
    })
}

/// A drop-off booking fits while the day has fewer bookings than its limit.
#[pyfunction]
fn check_drop_off(
    policy: PyRef<'_, BookingPolicy>,
    daily_capacity: i64,
    bookings: i64,
) -> PyResult<()> {
    rules::check_drop_off(
        &policy.core(),
        bounded("daily_capacity", daily_capacity)?,
        bounded("bookings", bookings)?,
    )
    .map_err(rule_error)
}

/// How full a centre's day is.
#[pyclass(frozen, eq, hash, get_all, module = "pti_calendar._native")]
#[derive(PartialEq, Eq, Hash)]
pub struct FillLevel {
    /// Bookings as a share of the daily capacity, percent (rounded down).
    percent: u32,
    /// Above the policy's warning level.
    warn: bool,
    /// The day takes no more booking.
    full: bool,
}

#[pymethods]
impl FillLevel {
    fn __repr__(&self) -> String {
        format!(
            "FillLevel(percent={}, warn={}, full={})",
            self.percent, self.warn, self.full
        )
    }
}

/// The fill of a day with `bookings` bookings.
#[pyfunction]
fn fill_level(
    policy: PyRef<'_, BookingPolicy>,
    daily_capacity: i64,
    bookings: i64,
) -> PyResult<FillLevel> {
    let f = rules::fill_level(
        &policy.core(),
        bounded("daily_capacity", daily_capacity)?,
        bounded("bookings", bookings)?,
    );
    Ok(FillLevel {
        percent: f.percent,
        warn: f.warn,
        full: f.full,
    })
}

/// Adds the classes and functions of this module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<BookingPolicy>()?;
    m.add_class::<Refund>()?;
    m.add_class::<FillLevel>()?;
    m.add_function(wrap_pyfunction!(booking_window, m)?)?;
    m.add_function(wrap_pyfunction!(check_timing, m)?)?;
    m.add_function(wrap_pyfunction!(check_offer, m)?)?;
    m.add_function(wrap_pyfunction!(check_new_booking, m)?)?;
    m.add_function(wrap_pyfunction!(check_modification, m)?)?;
    m.add_function(wrap_pyfunction!(cancellation_quote, m)?)?;
    m.add_function(wrap_pyfunction!(check_drop_off, m)?)?;
    m.add_function(wrap_pyfunction!(fill_level, m)?)?;
    Ok(())
}
