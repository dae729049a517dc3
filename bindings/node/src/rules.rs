//! A tenant's booking policy and the booking rules (`pti_core::rules`).

use crate::convert::{code_arg, count, from_js, instant, iso, local, whole};
use crate::error::{Code, bad_value, coded, rule_error};
use napi::{Either, Env, JsDate, Result};
use napi_derive::napi;
use pti_core::model::{Booking, Money, Vehicle};
use pti_core::rules::{self, BookingRequest, InspectionOutcome, VehicleHistory};
use serde_json::Value;

/// A tenant's booking policy. Every field is optional: a missing one takes the trade's default
/// (`defaultBookingPolicy()`).
#[napi(object)]
pub struct BookingPolicy {
    /// Least time between booking and inspection, minutes (120).
    pub min_notice_minutes: Option<f64>,
    /// How far ahead one may book, days (90).
    pub horizon_days: Option<f64>,
    /// A booking may be moved until this many hours before it starts (24).
    pub modification_deadline_hours: Option<f64>,
    /// Cancelling until this many hours before the start gives the early refund (24).
    pub cancellation_deadline_hours: Option<f64>,
    /// Share refunded on an early cancellation, percent (100).
    pub refund_before_deadline_percent: Option<f64>,
    /// Share refunded on a late cancellation, percent (0).
    pub refund_after_deadline_percent: Option<f64>,
    /// Whether a late cancellation is accepted at all (true).
    pub late_cancellation_allowed: Option<bool>,
    /// Re-inspection window after a failed inspection, months (2).
    pub recheck_window_months: Option<f64>,
    /// Bookings a day takes, as a share of its capacity, percent (110).
    pub overbooking_percent: Option<f64>,
    /// Fill above which the centre manager is warned, percent (90).
    pub fill_warning_percent: Option<f64>,
    /// An unpaid hold is released after this many minutes (10).
    pub hold_minutes: Option<f64>,
}

impl BookingPolicy {
    /// The engine's policy, checked.
    fn core(&self) -> Result<rules::BookingPolicy, Code> {
        let d = rules::BookingPolicy::default();
        macro_rules! field {
            ($f:ident, $js:literal) => {
                match self.$f {
                    Some(v) => whole($js, v)?,
                    None => d.$f,
                }
            };
        }
        let policy = rules::BookingPolicy {
            min_notice_minutes: field!(min_notice_minutes, "minNoticeMinutes"),
            horizon_days: field!(horizon_days, "horizonDays"),
            modification_deadline_hours: field!(
                modification_deadline_hours,
                "modificationDeadlineHours"
            ),
            cancellation_deadline_hours: field!(
                cancellation_deadline_hours,
                "cancellationDeadlineHours"
            ),
            refund_before_deadline_percent: field!(
                refund_before_deadline_percent,
                "refundBeforeDeadlinePercent"
            ),
            refund_after_deadline_percent: field!(
                refund_after_deadline_percent,
                "refundAfterDeadlinePercent"
            ),
            late_cancellation_allowed: self
                .late_cancellation_allowed
                .unwrap_or(d.late_cancellation_allowed),
            recheck_window_months: field!(recheck_window_months, "recheckWindowMonths"),
            overbooking_percent: field!(overbooking_percent, "overbookingPercent"),
            fill_warning_percent: field!(fill_warning_percent, "fillWarningPercent"),
            hold_minutes: field!(hold_minutes, "holdMinutes"),
        };
        policy.validate().map_err(coded)?;
        Ok(policy)
    }
}

/// The trade's default booking policy, every field set.
#[napi]
pub fn default_booking_policy() -> BookingPolicy {
    let d = rules::BookingPolicy::default();
    BookingPolicy {
        min_notice_minutes: Some(d.min_notice_minutes.into()),
        horizon_days: Some(d.horizon_days.into()),
        modification_deadline_hours: Some(d.modification_deadline_hours.into()),
        cancellation_deadline_hours: Some(d.cancellation_deadline_hours.into()),
        refund_before_deadline_percent: Some(d.refund_before_deadline_percent.into()),
        refund_after_deadline_percent: Some(d.refund_after_deadline_percent.into()),
        late_cancellation_allowed: Some(d.late_cancellation_allowed),
        recheck_window_months: Some(d.recheck_window_months.into()),
        overbooking_percent: Some(d.overbooking_percent.into()),
        fill_warning_percent: Some(d.fill_warning_percent.into()),
        hold_minutes: Some(d.hold_minutes.into()),
    }
}

/// Checks a policy; throws `INVALID_POLICY` when a value cannot be right.
#[napi]
pub fn validate_booking_policy(policy: BookingPolicy) -> Result<(), Code> {
    policy.core().map(|_| ())
}

/// The first start allowed now and the first refused.
#[napi(object)]
pub struct BookingWindow {
    /// First start allowed, ISO 8601 UTC.
    pub earliest: String,
    /// First start no longer allowed, ISO 8601 UTC.
    pub latest: String,
}

/// The booking window at `now`.
#[napi]
pub fn booking_window(
    policy: BookingPolicy,
    now: Either<String, JsDate<'_>>,
) -> Result<BookingWindow, Code> {
    let (earliest, latest) = rules::booking_window(&policy.core()?, instant("now", now)?);
    Ok(BookingWindow {
        earliest: iso(&earliest),
        latest: iso(&latest),
    })
}

/// Minimum notice and horizon; throws `NOTICE_TOO_SHORT` or `BEYOND_HORIZON`.
#[napi]
pub fn check_timing(
    env: Env,
    policy: BookingPolicy,
    now: Either<String, JsDate<'_>>,
    start: Either<String, JsDate<'_>>,
) -> Result<(), Code> {
    rules::check_timing(
        &policy.core()?,
        instant("now", now)?,
        instant("start", start)?,
    )
    .map_err(|e| rule_error(&env, e))
}

/// The centre offers the control type for the vehicle and has a qualified inspector; throws
/// `CATEGORY_NOT_OFFERED`, `CONTROL_TYPE_NOT_OFFERED` or `NO_QUALIFIED_INSPECTOR`.
#[napi]
pub fn check_offer(
    env: Env,
    #[napi(ts_arg_type = "Record<string, unknown>")] centre: Value,
    #[napi(ts_arg_type = "'CT' | 'CT_CONTRE_VISITE' | 'CTC'")] control_type: String,
    #[napi(ts_arg_type = "Record<string, unknown>")] vehicle: Value,
) -> Result<(), Code> {
    let centre = from_js("centre", centre)?;
    let vehicle: Vehicle = from_js("vehicle", vehicle)?;
    rules::check_offer(&centre, code_arg("control type", &control_type)?, &vehicle)
        .map_err(|e| rule_error(&env, e))
}

/// Every rule of a new booking, the first refusal winning: offer, notice and horizon,
/// re-inspection window, the vehicle's other bookings. `start` is best an ISO string in the
/// centre's local offset (the re-inspection window counts local days).
#[napi]
#[allow(clippy::too_many_arguments)]
pub fn check_new_booking(
    env: Env,
    policy: BookingPolicy,
    now: Either<String, JsDate<'_>>,
    #[napi(ts_arg_type = "Record<string, unknown>")] centre: Value,
    #[napi(ts_arg_type = "Record<string, unknown>")] vehicle: Value,
    #[napi(ts_arg_type = "'CT' | 'CT_CONTRE_VISITE' | 'CTC'")] control_type: String,
    start: Either<String, JsDate<'_>>,
    #[napi(ts_arg_type = "Record<string, unknown> | null")] last_periodic: Option<Value>,
    #[napi(ts_arg_type = "Array<Record<string, unknown>>")] bookings: Option<Vec<Value>>,
) -> Result<(), Code> {
    let policy = policy.core()?;
    let now = instant("now", now)?;
    let centre = from_js("centre", centre)?;
    let vehicle: Vehicle = from_js("vehicle", vehicle)?;
    let control_type = code_arg("control type", &control_type)?;
    let start = local("start", start)?;
    let last: Option<InspectionOutcome> = match last_periodic {
        Some(Value::Null) | None => None,
        Some(v) => Some(from_js("last periodic inspection", v)?),
    };
    let bookings: Vec<Booking> = bookings
        .unwrap_or_default()
        .into_iter()
        .map(|b| from_js("booking", b))
        .collect::<Result<_, _>>()?;
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
    rules::check_new_booking(&policy, now, &request, &history).map_err(|e| rule_error(&env, e))
}

/// Moving `booking` to `newStart`; throws `DEADLINE_PASSED`, `BOOKING_NOT_MODIFIABLE`, ...
#[napi]
pub fn check_modification(
    env: Env,
    policy: BookingPolicy,
    now: Either<String, JsDate<'_>>,
    #[napi(ts_arg_type = "Record<string, unknown>")] booking: Value,
    new_start: Either<String, JsDate<'_>>,
) -> Result<(), Code> {
    let booking: Booking = from_js("booking", booking)?;
    rules::check_modification(
        &policy.core()?,
        instant("now", now)?,
        &booking,
        instant("newStart", new_start)?,
    )
    .map_err(|e| rule_error(&env, e))
}

/// What a cancellation refunds.
#[napi(object)]
pub struct Refund {
    /// Amount refunded, cents.
    pub amount_cents: i64,
    /// Share of the amount paid, percent.
    pub percent: u32,
    /// Whether the cancellation came before the deadline.
    pub before_deadline: bool,
    /// The cancellation deadline, ISO 8601 UTC.
    pub deadline: String,
}

/// What cancelling `booking` at `now` would refund of `paidCents`, or why it cannot be.
#[napi]
pub fn cancellation_quote(
    env: Env,
    policy: BookingPolicy,
    now: Either<String, JsDate<'_>>,
    #[napi(ts_arg_type = "Record<string, unknown>")] booking: Value,
    paid_cents: f64,
) -> Result<Refund, Code> {
    let booking: Booking = from_js("booking", booking)?;
    if !(paid_cents.is_finite() && paid_cents.fract() == 0.0 && paid_cents.abs() < 9.0e15) {
        return Err(bad_value(format!(
            "paidCents must be a whole number of cents, got {paid_cents}"
        )));
    }
    let r = rules::cancellation_quote(
        &policy.core()?,
        instant("now", now)?,
        &booking,
        Money::from_cents(paid_cents as i64),
    )
    .map_err(|e| rule_error(&env, e))?;
    Ok(Refund {
        amount_cents: r.amount.cents(),
        percent: u32::from(r.percent),
        before_deadline: r.before_deadline,
        deadline: iso(&r.deadline),
    })
}

/// A drop-off fits while the day has fewer bookings than its limit; throws
/// `OVERBOOKING_LIMIT_REACHED`.
#[napi]
pub fn check_drop_off(
    env: Env,
    policy: BookingPolicy,
    daily_capacity: f64,
    bookings: f64,
) -> Result<(), Code> {
    rules::check_drop_off(
        &policy.core()?,
        whole("dailyCapacity", daily_capacity)?,
        count("bookings", bookings)?,
    )
    .map_err(|e| rule_error(&env, e))
}

/// How full a centre's day is.
#[napi(object)]
pub struct FillLevel {
    /// Bookings as a share of the daily capacity, percent (rounded down).
    pub percent: u32,
    /// Above the policy's warning level.
    pub warn: bool,
    /// The day takes no more booking.
    pub full: bool,
}

/// The fill of a day with `bookings` bookings.
#[napi]
pub fn fill_level(
    policy: BookingPolicy,
    daily_capacity: f64,
    bookings: f64,
) -> Result<FillLevel, Code> {
    let f = rules::fill_level(
        &policy.core()?,
        whole("dailyCapacity", daily_capacity)?,
        count("bookings", bookings)?,
    );
    Ok(FillLevel {
        percent: f.percent,
        warn: f.warn,
        full: f.full,
    })
}
