//! A tenant's booking policy and the booking rules (`pti_core::rules`).

use crate::convert::{code_of, from_json, instant, local};
use crate::error::{PtiError, bad, refused};
use pti_core::model::{Booking, Money, Vehicle};
use pti_core::rules::{self as core, BookingRequest, InspectionOutcome, VehicleHistory};

/// A tenant's booking policy; the defaults are the trade's (DOMAIN.md).
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct BookingPolicy {
    /// Least time between booking and inspection, minutes.
    #[uniffi(default = 120)]
    pub min_notice_minutes: u32,
    /// How far ahead one may book, days.
    #[uniffi(default = 90)]
    pub horizon_days: u32,
    /// A booking may be moved until this many hours before it starts.
    #[uniffi(default = 24)]
    pub modification_deadline_hours: u32,
    /// Cancelling until this many hours before the start gives the early refund.
    #[uniffi(default = 24)]
    pub cancellation_deadline_hours: u32,
    /// Share refunded on an early cancellation, percent.
    #[uniffi(default = 100)]
    pub refund_before_deadline_percent: u32,
    /// Share refunded on a late cancellation, percent.
    #[uniffi(default = 0)]
    pub refund_after_deadline_percent: u32,
    /// Whether a late cancellation is accepted at all.
    #[uniffi(default = true)]
    pub late_cancellation_allowed: bool,
    /// Re-inspection window after a failed inspection, months.
    #[uniffi(default = 2)]
    pub recheck_window_months: u32,
    /// Bookings a day takes, as a share of its capacity, percent.
    #[uniffi(default = 110)]
    pub overbooking_percent: u32,
    /// Fill above which the centre manager is warned, percent.
    #[uniffi(default = 90)]
    pub fill_warning_percent: u32,
    /// An unpaid hold is released after this many minutes.
    #[uniffi(default = 10)]
    pub hold_minutes: u32,
}

/// A value narrowed to the engine's field type; too large is an invalid policy.
fn narrow<T: TryFrom<u32>>(name: &str, value: u32) -> Result<T, PtiError> {
    T::try_from(value).map_err(|_| {
        PtiError::of(
            "INVALID_POLICY",
            format!("invalid booking policy: {name} = {value} is out of range"),
        )
    })
}

impl BookingPolicy {
    /// The engine's policy, checked.
    fn core(&self) -> Result<core::BookingPolicy, PtiError> {
        let policy = core::BookingPolicy {
            min_notice_minutes: self.min_notice_minutes,
            horizon_days: self.horizon_days,
            modification_deadline_hours: self.modification_deadline_hours,
            cancellation_deadline_hours: self.cancellation_deadline_hours,
            refund_before_deadline_percent: narrow(
                "refund_before_deadline_percent",
                self.refund_before_deadline_percent,
            )?,
            refund_after_deadline_percent: narrow(
                "refund_after_deadline_percent",
                self.refund_after_deadline_percent,
            )?,
            late_cancellation_allowed: self.late_cancellation_allowed,
            recheck_window_months: self.recheck_window_months,
            overbooking_percent: narrow("overbooking_percent", self.overbooking_percent)?,
            fill_warning_percent: narrow("fill_warning_percent", self.fill_warning_percent)?,
            hold_minutes: self.hold_minutes,
        };
        policy.validate().map_err(refused)?;
        Ok(policy)
    }
}

/// The trade's default booking policy.
#[uniffi::export]
pub fn default_booking_policy() -> BookingPolicy {
    let d = core::BookingPolicy::default();
    BookingPolicy {
        min_notice_minutes: d.min_notice_minutes,
        horizon_days: d.horizon_days,
        modification_deadline_hours: d.modification_deadline_hours,
        cancellation_deadline_hours: d.cancellation_deadline_hours,
        refund_before_deadline_percent: d.refund_before_deadline_percent.into(),
        refund_after_deadline_percent: d.refund_after_deadline_percent.into(),
        late_cancellation_allowed: d.late_cancellation_allowed,
        recheck_window_months: d.recheck_window_months,
        overbooking_percent: d.overbooking_percent.into(),
        fill_warning_percent: d.fill_warning_percent.into(),
        hold_minutes: d.hold_minutes,
    }
}

/// Checks a policy: `INVALID_POLICY` when a value cannot be right.
#[uniffi::export]
pub fn validate_booking_policy(policy: BookingPolicy) -> Result<(), PtiError> {
    policy.core().map(|_| ())
}

/// The first start allowed now and the first refused.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct BookingWindow {
    /// First start allowed, ISO 8601 UTC.
    pub earliest: String,
    /// First start no longer allowed, ISO 8601 UTC.
    pub latest: String,
}

/// The booking window at `now` (ISO 8601 with offset).
#[uniffi::export]
pub fn booking_window(policy: BookingPolicy, now: String) -> Result<BookingWindow, PtiError> {
    let (earliest, latest) = core::booking_window(&policy.core()?, instant("now", &now)?);
    Ok(BookingWindow {
        earliest: earliest.to_rfc3339(),
        latest: latest.to_rfc3339(),
    })
}

/// Minimum notice and horizon: `NOTICE_TOO_SHORT` or `BEYOND_HORIZON`.
#[uniffi::export]
pub fn check_timing(policy: BookingPolicy, now: String, start: String) -> Result<(), PtiError> {
    core::check_timing(
        &policy.core()?,
        instant("now", &now)?,
        instant("start", &start)?,
    )
    .map_err(refused)
}

/// The centre (JSON) offers `control_type` for the vehicle (JSON) and has a qualified
/// inspector: `CATEGORY_NOT_OFFERED`, `CONTROL_TYPE_NOT_OFFERED`, `NO_QUALIFIED_INSPECTOR`.
#[uniffi::export]
pub fn check_offer(
    centre_json: String,
    control_type: String,
    vehicle_json: String,
) -> Result<(), PtiError> {
    let centre = from_json("centre", &centre_json)?;
    let vehicle: Vehicle = from_json("vehicle", &vehicle_json)?;
    core::check_offer(&centre, code_of("control type", &control_type)?, &vehicle).map_err(refused)
}

/// Every rule of a new booking, the first refusal winning: offer, notice and horizon,
/// re-inspection window, the vehicle's other bookings. `start` is ISO 8601 in the centre's
/// local offset; `last_periodic_json` an inspection outcome, `bookings_json` the vehicle's
/// bookings, JSON each.
#[uniffi::export(default(last_periodic_json = None, bookings_json = []))]
#[allow(clippy::too_many_arguments)]
pub fn check_new_booking(
    policy: BookingPolicy,
    now: String,
    centre_json: String,
    vehicle_json: String,
    control_type: String,
    start: String,
    last_periodic_json: Option<String>,
    bookings_json: Vec<String>,
) -> Result<(), PtiError> {
    let policy = policy.core()?;
    let now = instant("now", &now)?;
    let centre = from_json("centre", &centre_json)?;
    let vehicle: Vehicle = from_json("vehicle", &vehicle_json)?;
    let control_type = code_of("control type", &control_type)?;
    let start = local("start", &start)?;
    let last: Option<InspectionOutcome> = match last_periodic_json.as_deref() {
        None | Some("null") => None,
        Some(text) => Some(from_json("last periodic inspection", text)?),
    };
    let bookings: Vec<Booking> = bookings_json
        .iter()
        .map(|b| from_json("booking", b))
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
    core::check_new_booking(&policy, now, &request, &history).map_err(refused)
}

/// Moving a booking (JSON) to `new_start`: `DEADLINE_PASSED`, `BOOKING_NOT_MODIFIABLE`, ...
#[uniffi::export]
pub fn check_modification(
    policy: BookingPolicy,
    now: String,
    booking_json: String,
    new_start: String,
) -> Result<(), PtiError> {
    let booking: Booking = from_json("booking", &booking_json)?;
    core::check_modification(
        &policy.core()?,
        instant("now", &now)?,
        &booking,
        instant("new_start", &new_start)?,
    )
    .map_err(refused)
}

/// What a cancellation refunds.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
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

/// What cancelling a booking (JSON) at `now` would refund of `paid_cents`, or why it cannot.
#[uniffi::export]
pub fn cancellation_quote(
    policy: BookingPolicy,
    now: String,
    booking_json: String,
    paid_cents: i64,
) -> Result<Refund, PtiError> {
    let booking: Booking = from_json("booking", &booking_json)?;
    let r = core::cancellation_quote(
        &policy.core()?,
        instant("now", &now)?,
        &booking,
        Money::from_cents(paid_cents),
    )
    .map_err(refused)?;
    Ok(Refund {
        amount_cents: r.amount.cents(),
        percent: u32::from(r.percent),
        before_deadline: r.before_deadline,
        deadline: r.deadline.to_rfc3339(),
    })
}

/// A daily capacity as the engine counts it.
fn capacity(value: u32) -> Result<u16, PtiError> {
    u16::try_from(value).map_err(|_| bad(format!("daily_capacity {value} is out of range")))
}

/// A drop-off fits while the day has fewer bookings than its limit:
/// `OVERBOOKING_LIMIT_REACHED`.
#[uniffi::export]
pub fn check_drop_off(
    policy: BookingPolicy,
    daily_capacity: u32,
    bookings: u32,
) -> Result<(), PtiError> {
    core::check_drop_off(&policy.core()?, capacity(daily_capacity)?, bookings).map_err(refused)
}

/// How full a centre's day is.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct FillLevel {
    /// Bookings as a share of the daily capacity, percent (rounded down).
    pub percent: u32,
    /// Above the policy's warning level.
    pub warn: bool,
    /// The day takes no more booking.
    pub full: bool,
}

/// The fill of a day with `bookings` bookings.
#[uniffi::export]
pub fn fill_level(
    policy: BookingPolicy,
    daily_capacity: u32,
    bookings: u32,
) -> Result<FillLevel, PtiError> {
    let f = core::fill_level(&policy.core()?, capacity(daily_capacity)?, bookings);
    Ok(FillLevel {
        percent: f.percent,
        warn: f.warn,
        full: f.full,
    })
}
