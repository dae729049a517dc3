//! Each tenant's booking policy: notice, horizon, deadlines and refunds, re-inspection window,
//! one booking per vehicle at a time, what a centre offers, overbooking.
//!
//! Every check is a pure function of the policy, "now" and the facts it needs; a refusal is a
//! [`RuleError`] with a stable code and the facts a portal needs to explain it (the earliest
//! allowed start, the deadline that passed, ...). Boundaries are inclusive on the customer's
//! side: a start exactly `min_notice` from now, or a change exactly at the deadline, is allowed.
//! The horizon is strict: a start exactly `horizon_days × 24 h` from now is refused.

use chrono::{DateTime, Duration, FixedOffset, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Coded, UnknownCode};
use crate::model::{
    Agreements, Booking, BookingId, BookingStatus, Centre, ControlType, InspectorId, Money, Plate,
    TimeRange, Vehicle,
};

/// A tenant's booking policy; `Default` gives the trade's defaults (DOMAIN.md).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BookingPolicy {
    /// Least time between booking and inspection, minutes (default 120).
    pub min_notice_minutes: u32,
    /// How far ahead one may book, days (default 90).
    pub horizon_days: u32,
    /// A booking may be moved until this many hours before it starts (default 24).
    pub modification_deadline_hours: u32,
    /// Cancelling until this many hours before the start gives the early refund (default 24).
    pub cancellation_deadline_hours: u32,
    /// Share of the amount paid refunded on an early cancellation, percent (default 100).
    pub refund_before_deadline_percent: u8,
    /// Share refunded on a late cancellation, percent (default 0).
    pub refund_after_deadline_percent: u8,
    /// Whether a late cancellation is accepted at all (default true, with the late refund).
    pub late_cancellation_allowed: bool,
    /// A re-inspection must take place within this many months of the failed one (default 2).
    pub recheck_window_months: u32,
    /// Bookings a centre takes a day, as a share of its daily capacity, percent (default 110).
    pub overbooking_percent: u16,
    /// Above this fill, percent of the daily capacity, the centre manager is warned (default 90).
    pub fill_warning_percent: u16,
    /// An unpaid hold is released after this many minutes (default 10).
    pub hold_minutes: u32,
}

impl Default for BookingPolicy {
    fn default() -> Self {
        BookingPolicy {
            min_notice_minutes: 120,
            horizon_days: 90,
            modification_deadline_hours: 24,
            cancellation_deadline_hours: 24,
            refund_before_deadline_percent: 100,
            refund_after_deadline_percent: 0,
            late_cancellation_allowed: true,
            recheck_window_months: 2,
            overbooking_percent: 110,
            fill_warning_percent: 90,
            hold_minutes: 10,
        }
    }
}

/// Why a booking, change or cancellation is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    /// The start is too soon (or past); `earliest` is the first start allowed now.
    #[error("too short notice: the earliest start is {earliest}")]
    NoticeTooShort {
        /// First start allowed.
        earliest: DateTime<Utc>,
    },
    /// The start lies beyond the booking horizon.
    #[error("beyond the booking horizon: starts must be before {latest}")]
    BeyondHorizon {
        /// First start no longer allowed.
        latest: DateTime<Utc>,
    },
    /// The deadline for this change or cancellation has passed.
    #[error("the deadline passed at {deadline}")]
    DeadlinePassed {
        /// When it passed.
        deadline: DateTime<Utc>,
    },
    /// The re-inspection comes after the window that followed the failed inspection.
    #[error("the re-inspection window closed on {closed_on}")]
    RecheckWindowExpired {
        /// Last day of the window.
        closed_on: NaiveDate,
    },
    /// A re-inspection needs a failed periodic inspection of the same vehicle.
    #[error("no failed periodic inspection of this vehicle to re-inspect")]
    NoFailedInspection,
    /// The vehicle already has an active booking at an overlapping time.
    #[error("this vehicle is already booked at that time (booking {0})")]
    VehicleAlreadyBooked(BookingId),
    /// The centre does not inspect this vehicle category.
    #[error("the centre does not inspect this vehicle category")]
    CategoryNotOffered,
    /// The centre does not offer this control type for this category.
    #[error("the centre does not offer this control type for this vehicle")]
    ControlTypeNotOffered,
    /// No inspector of the centre holds the agreements the vehicle needs.
    #[error("no inspector of this centre is qualified for this vehicle")]
    NoQualifiedInspector,
    /// The centre's day is full, overbooking included; the customer may join a waiting list.
    #[error("the day is full ({limit} bookings, overbooking included)")]
    OverbookingLimitReached {
        /// Bookings the day takes.
        limit: u32,
    },
    /// The booking's status does not allow the change.
    #[error("a {0:?} booking cannot be changed or cancelled")]
    NotModifiable(BookingStatus),
    /// A policy value that cannot be right.
    #[error("invalid booking policy: {0}")]
    InvalidPolicy(&'static str),
}

impl Coded for RuleError {
    fn code(&self) -> &'static str {
        match self {
            RuleError::NoticeTooShort { .. } => "NOTICE_TOO_SHORT",
            RuleError::BeyondHorizon { .. } => "BEYOND_HORIZON",
            RuleError::DeadlinePassed { .. } => "DEADLINE_PASSED",
            RuleError::RecheckWindowExpired { .. } => "RECHECK_WINDOW_EXPIRED",
            RuleError::NoFailedInspection => "NO_FAILED_INSPECTION",
            RuleError::VehicleAlreadyBooked(_) => "VEHICLE_ALREADY_BOOKED",
            RuleError::CategoryNotOffered => "CATEGORY_NOT_OFFERED",
            RuleError::ControlTypeNotOffered => "CONTROL_TYPE_NOT_OFFERED",
            RuleError::NoQualifiedInspector => "NO_QUALIFIED_INSPECTOR",
            RuleError::OverbookingLimitReached { .. } => "OVERBOOKING_LIMIT_REACHED",
            RuleError::NotModifiable(_) => "BOOKING_NOT_MODIFIABLE",
            RuleError::InvalidPolicy(_) => "INVALID_POLICY",
        }
    }
}

/// The facts that explain a refusal, for a portal or a binding to show beside its code; each
/// is set only when the refusal carries it. Availability and search refusals give the same
/// shape ([`AvailabilityError::facts`](crate::availability::AvailabilityError::facts),
/// [`SearchError::facts`](crate::search::SearchError::facts)).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RuleFacts {
    /// The earliest start allowed (`NOTICE_TOO_SHORT`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub earliest: Option<DateTime<Utc>>,
    /// The first start no longer allowed (`BEYOND_HORIZON`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latest: Option<DateTime<Utc>>,
    /// The deadline that passed (`DEADLINE_PASSED`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<DateTime<Utc>>,
    /// The last day of the re-inspection window (`RECHECK_WINDOW_EXPIRED`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closed_on: Option<NaiveDate>,
    /// The booking in the way (`VEHICLE_ALREADY_BOOKED`, `UNKNOWN_BOOKING`, `DUPLICATE_BOOKING`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub booking_id: Option<BookingId>,
    /// The limit reached or refused (`OVERBOOKING_LIMIT_REACHED`, `INVALID_LIMIT`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The status that forbids the change (`BOOKING_NOT_MODIFIABLE`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<BookingStatus>,
    /// The start asked for (`SLOT_TAKEN`, `OUTSIDE_OPENING_HOURS`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<DateTime<Utc>>,
    /// The inspector named (`UNKNOWN_INSPECTOR`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inspector_id: Option<InspectorId>,
}

impl RuleError {
    /// The facts this refusal carries.
    pub fn facts(&self) -> RuleFacts {
        let none = RuleFacts::default();
        match *self {
            RuleError::NoticeTooShort { earliest } => RuleFacts {
                earliest: Some(earliest),
                ..none
            },
            RuleError::BeyondHorizon { latest } => RuleFacts {
                latest: Some(latest),
                ..none
            },
            RuleError::DeadlinePassed { deadline } => RuleFacts {
                deadline: Some(deadline),
                ..none
            },
            RuleError::RecheckWindowExpired { closed_on } => RuleFacts {
                closed_on: Some(closed_on),
                ..none
            },
            RuleError::VehicleAlreadyBooked(id) => RuleFacts {
                booking_id: Some(id),
                ..none
            },
            RuleError::OverbookingLimitReached { limit } => RuleFacts {
                limit: Some(limit),
                ..none
            },
            RuleError::NotModifiable(status) => RuleFacts {
                status: Some(status),
                ..none
            },
            RuleError::NoFailedInspection
            | RuleError::CategoryNotOffered
            | RuleError::ControlTypeNotOffered
            | RuleError::NoQualifiedInspector
            | RuleError::InvalidPolicy(_) => none,
        }
    }
}

/// The first value of a booking policy that cannot be right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PolicyProblem {
    /// The field (`horizon_days`, ...).
    pub field: &'static str,
    /// Why (`horizon_days must be 1..=730`).
    pub why: &'static str,
}

impl BookingPolicy {
    /// Checks that every value can be right.
    pub fn validate(&self) -> Result<(), RuleError> {
        self.check()
            .map_err(|problem| RuleError::InvalidPolicy(problem.why))
    }

    /// Checks that every value can be right, naming the first field that cannot.
    pub fn check(&self) -> Result<(), PolicyProblem> {
        let checks = [
            (
                self.horizon_days == 0 || self.horizon_days > 730,
                "horizon_days",
                "horizon_days must be 1..=730",
            ),
            (
                self.min_notice_minutes > 60 * 24 * 30,
                "min_notice_minutes",
                "min_notice_minutes must be at most 30 days",
            ),
            (
                self.refund_before_deadline_percent > 100,
                "refund_before_deadline_percent",
                "refund_before_deadline_percent must be 0..=100",
            ),
            (
                self.refund_after_deadline_percent > 100,
                "refund_after_deadline_percent",
                "refund_after_deadline_percent must be 0..=100",
            ),
            (
                self.refund_after_deadline_percent > self.refund_before_deadline_percent,
                "refund_after_deadline_percent",
                "a late cancellation cannot refund more than an early one",
            ),
            (
                self.recheck_window_months == 0 || self.recheck_window_months > 24,
                "recheck_window_months",
                "recheck_window_months must be 1..=24",
            ),
            (
                !(100..=200).contains(&self.overbooking_percent),
                "overbooking_percent",
                "overbooking_percent must be 100..=200",
            ),
            (
                self.fill_warning_percent == 0 || self.fill_warning_percent > 200,
                "fill_warning_percent",
                "fill_warning_percent must be 1..=200",
            ),
            (
                self.hold_minutes == 0 || self.hold_minutes > 120,
                "hold_minutes",
                "hold_minutes must be 1..=120",
            ),
            (
                self.modification_deadline_hours > 24 * 30,
                "modification_deadline_hours",
                "modification_deadline_hours must be at most 30 days",
            ),
            (
                self.cancellation_deadline_hours > 24 * 30,
                "cancellation_deadline_hours",
                "cancellation_deadline_hours must be at most 30 days",
            ),
        ];
        match checks.into_iter().find(|(bad, _, _)| *bad) {
            Some((_, field, why)) => Err(PolicyProblem { field, why }),
            None => Ok(()),
        }
    }

    /// When an unpaid hold taken at `held_at` expires.
    pub fn hold_expires_at(&self, held_at: DateTime<Utc>) -> DateTime<Utc> {
        held_at + Duration::minutes(i64::from(self.hold_minutes))
    }
}

/// The first start allowed now, and the first no longer allowed.
pub fn booking_window(
    policy: &BookingPolicy,
    now: DateTime<Utc>,
) -> (DateTime<Utc>, DateTime<Utc>) {
    let earliest = now + Duration::minutes(i64::from(policy.min_notice_minutes));
    let latest = now + Duration::days(i64::from(policy.horizon_days));
    (earliest, latest)
}

/// Minimum notice and horizon.
pub fn check_timing(
    policy: &BookingPolicy,
    now: DateTime<Utc>,
    start: DateTime<Utc>,
) -> Result<(), RuleError> {
    let (earliest, latest) = booking_window(policy, now);
    if start < earliest {
        Err(RuleError::NoticeTooShort { earliest })
    } else if start >= latest {
        Err(RuleError::BeyondHorizon { latest })
    } else {
        Ok(())
    }
}

/// The centre inspects this category, offers this control type for it, and has an inspector
/// whose agreements cover the vehicle.
pub fn check_offer(
    centre: &Centre,
    control_type: ControlType,
    vehicle: &Vehicle,
) -> Result<(), RuleError> {
    if !centre.offers.iter().any(|o| o.category == vehicle.category) {
        return Err(RuleError::CategoryNotOffered);
    }
    if centre.offer(control_type, vehicle.category).is_none() {
        return Err(RuleError::ControlTypeNotOffered);
    }
    let needed = Agreements::required_for(vehicle.category, vehicle.fuel);
    if !centre
        .inspectors
        .iter()
        .any(|i| i.agreements.covers(needed))
    {
        return Err(RuleError::NoQualifiedInspector);
    }
    Ok(())
}

/// The verdict of an inspection: A favourable, S major defects (re-inspection), R critical.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InspectionResult {
    /// A: favourable.
    Favourable,
    /// S: major defects, re-inspection needed.
    Major,
    /// R: critical defects, re-inspection needed, the car may only be driven that day.
    Critical,
}

impl InspectionResult {
    /// Every result, in declaration order.
    pub const ALL: [InspectionResult; 3] = [
        InspectionResult::Favourable,
        InspectionResult::Major,
        InspectionResult::Critical,
    ];

    /// The one-letter verdict of the inspection report, as the database keeps it: `A`, `S`, `R`.
    pub fn verdict(self) -> &'static str {
        match self {
            InspectionResult::Favourable => "A",
            InspectionResult::Major => "S",
            InspectionResult::Critical => "R",
        }
    }

    /// The result of a one-letter verdict (`A`, `S` or `R`).
    pub fn from_verdict(letter: &str) -> Result<InspectionResult, UnknownCode> {
        InspectionResult::ALL
            .into_iter()
            .find(|r| r.verdict() == letter)
            .ok_or_else(|| UnknownCode {
                kind: "verdict",
                text: letter.to_string(),
            })
    }
}

crate::error::impl_code!(InspectionResult, "inspection result" {
    Favourable = "favourable",
    Major = "major",
    Critical = "critical",
});

/// The outcome of a past periodic inspection of a vehicle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InspectionOutcome {
    /// The vehicle.
    pub plate: Plate,
    /// The local day of the inspection.
    pub date: NaiveDate,
    /// The verdict.
    pub result: InspectionResult,
}

/// A re-inspection needs a failed (S or R) periodic inspection of the same plate, and must take
/// place on a local day from the failure to the same day `recheck_window_months` later (a
/// failure on 31 December gives until the end of February). Other control types pass.
pub fn check_recheck(
    policy: &BookingPolicy,
    control_type: ControlType,
    plate: &Plate,
    start: DateTime<FixedOffset>,
    last_periodic: Option<&InspectionOutcome>,
) -> Result<(), RuleError> {
    if control_type != ControlType::Recheck {
        return Ok(());
    }
    let failed = last_periodic
        .filter(|o| &o.plate == plate && o.result != InspectionResult::Favourable)
        .ok_or(RuleError::NoFailedInspection)?;
    let day = start.date_naive();
    let closed_on = failed
        .date
        .checked_add_months(Months::new(policy.recheck_window_months))
        .unwrap_or(NaiveDate::MAX);
    if day < failed.date {
        return Err(RuleError::NoFailedInspection);
    }
    if day > closed_on {
        return Err(RuleError::RecheckWindowExpired { closed_on });
    }
    Ok(())
}

/// No other active booking of the same plate overlaps `time` (`except`: the booking being moved).
pub fn check_no_overlap(
    plate: &Plate,
    time: &TimeRange,
    existing: &[Booking],
    except: Option<BookingId>,
) -> Result<(), RuleError> {
    let clash = existing.iter().find(|b| {
        Some(b.id) != except
            && b.status.is_active()
            && &b.vehicle.plate == plate
            && b.time.overlaps(time)
    });
    match clash {
        Some(b) => Err(RuleError::VehicleAlreadyBooked(b.id)),
        None => Ok(()),
    }
}

/// What a new booking asks for.
#[derive(Clone, Copy, Debug)]
pub struct BookingRequest<'a> {
    /// The centre.
    pub centre: &'a Centre,
    /// The vehicle.
    pub vehicle: &'a Vehicle,
    /// The control type.
    pub control_type: ControlType,
    /// The start, in the centre's local time.
    pub start: DateTime<FixedOffset>,
}

/// What the platform knows of the vehicle.
#[derive(Clone, Copy, Debug, Default)]
pub struct VehicleHistory<'a> {
    /// Its last periodic inspection, if known.
    pub last_periodic: Option<&'a InspectionOutcome>,
    /// Its bookings (any status; only active ones count).
    pub bookings: &'a [Booking],
}

/// Every rule of a new booking, in this order (the first refusal wins): what the centre offers,
/// notice and horizon, the re-inspection window, the vehicle's other bookings. Whether the slot
/// is free is the availability index's answer (`SLOT_TAKEN`, `OUTSIDE_OPENING_HOURS`).
pub fn check_new_booking(
    policy: &BookingPolicy,
    now: DateTime<Utc>,
    request: &BookingRequest<'_>,
    history: &VehicleHistory<'_>,
) -> Result<(), RuleError> {
    let (centre, vehicle) = (request.centre, request.vehicle);
    check_offer(centre, request.control_type, vehicle)?;
    let start = request.start.with_timezone(&Utc);
    check_timing(policy, now, start)?;
    check_recheck(
        policy,
        request.control_type,
        &vehicle.plate,
        request.start,
        history.last_periodic,
    )?;
    let minutes = centre
        .durations
        .minutes(request.control_type, vehicle.category, vehicle.fuel);
    let end = start + Duration::minutes(i64::from(minutes));
    let time =
        TimeRange::new(start, end).map_err(|_| RuleError::InvalidPolicy("empty inspection"))?;
    check_no_overlap(&vehicle.plate, &time, history.bookings, None)
}

fn check_changeable(booking: &Booking) -> Result<(), RuleError> {
    match booking.status {
        BookingStatus::PendingPayment | BookingStatus::Confirmed => Ok(()),
        other => Err(RuleError::NotModifiable(other)),
    }
}

/// Moving a booking to `new_start`: allowed until the modification deadline before its current
/// start, and the new start must respect notice and horizon.
pub fn check_modification(
    policy: &BookingPolicy,
    now: DateTime<Utc>,
    booking: &Booking,
    new_start: DateTime<Utc>,
) -> Result<(), RuleError> {
    check_changeable(booking)?;
    let deadline =
        booking.time.start - Duration::hours(i64::from(policy.modification_deadline_hours));
    if now > deadline {
        return Err(RuleError::DeadlinePassed { deadline });
    }
    check_timing(policy, now, new_start)
}

/// What a cancellation refunds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refund {
    /// Amount refunded.
    pub amount: Money,
    /// Share of the amount paid, percent.
    pub percent: u8,
    /// Whether the cancellation came before the deadline.
    pub before_deadline: bool,
    /// The cancellation deadline.
    pub deadline: DateTime<Utc>,
}

/// What cancelling `booking` now would refund of the `paid` amount, or why it cannot be
/// cancelled (it started, its status, or a late cancellation the policy refuses).
pub fn cancellation_quote(
    policy: &BookingPolicy,
    now: DateTime<Utc>,
    booking: &Booking,
    paid: Money,
) -> Result<Refund, RuleError> {
    check_changeable(booking)?;
    let deadline =
        booking.time.start - Duration::hours(i64::from(policy.cancellation_deadline_hours));
    if now >= booking.time.start {
        return Err(RuleError::DeadlinePassed {
            deadline: booking.time.start,
        });
    }
    let before_deadline = now <= deadline;
    if !before_deadline && !policy.late_cancellation_allowed {
        return Err(RuleError::DeadlinePassed { deadline });
    }
    let percent = if before_deadline {
        policy.refund_before_deadline_percent
    } else {
        policy.refund_after_deadline_percent
    };
    let amount = paid
        .max(Money::ZERO)
        .proportion(i64::from(percent.min(100)), 100)
        .unwrap_or(Money::ZERO);
    Ok(Refund {
        amount,
        percent,
        before_deadline,
        deadline,
    })
}

/// How full a centre's day is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FillLevel {
    /// Bookings of the day as a share of the daily capacity, percent (rounded down).
    pub percent: u32,
    /// Above the policy's warning level: tell the centre manager.
    pub warn: bool,
    /// The day takes no more booking, overbooking included.
    pub full: bool,
}

/// Bookings a day takes, overbooking included: ⌊capacity × overbooking % / 100⌋.
pub fn day_limit(policy: &BookingPolicy, daily_capacity: u16) -> u32 {
    u32::from(daily_capacity) * u32::from(policy.overbooking_percent) / 100
}

/// The fill of a day with `bookings` bookings (fixed-time and drop-off).
pub fn fill_level(policy: &BookingPolicy, daily_capacity: u16, bookings: u32) -> FillLevel {
    let percent = if daily_capacity == 0 {
        u32::MAX
    } else {
        bookings * 100 / u32::from(daily_capacity)
    };
    FillLevel {
        percent,
        warn: percent > u32::from(policy.fill_warning_percent),
        full: bookings >= day_limit(policy, daily_capacity),
    }
}

/// A drop-off booking (no fixed time) fits while the day has fewer bookings than its limit.
pub fn check_drop_off(
    policy: &BookingPolicy,
    daily_capacity: u16,
    bookings: u32,
) -> Result<(), RuleError> {
    let limit = day_limit(policy, daily_capacity);
    if bookings >= limit {
        Err(RuleError::OverbookingLimitReached { limit })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests;
