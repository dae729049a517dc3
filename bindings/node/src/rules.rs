//! Booking rules (`pti_core::rules`), access control (`pti_core::policy`) and the places
//! gazetteer (`pti_core::places`), for JavaScript.

use super::{Code, bad_value, coded, count, from_js, instant, iso, uuid};
use chrono::{DateTime, FixedOffset};
use napi::{Either, Env, JsDate, Result};
use napi_derive::napi;
use pti_core::Coded;
use pti_core::model::{Booking, ControlType, Money, Vehicle};
use pti_core::places;
use pti_core::policy::{self, Action, Permission, PrincipalFields, ResourceRef as CoreRef, Role};
use pti_core::rules::{self, BookingRequest, InspectionOutcome, RuleError, VehicleHistory};
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

/// A rule refusal thrown as an `Error` with its `.code` and the facts that explain it as
/// properties (`earliest`, `latest`, `deadline`: ISO 8601 UTC; `closedOn`: `YYYY-MM-DD`;
/// `limit`; `bookingId`; `status`). Falls back to a plain coded error if the object cannot be
/// built.
fn rule_error(env: &Env, e: RuleError) -> napi::Error<Code> {
    let build = || -> Result<()> {
        let mut error = env.create_error(napi::Error::from_reason(e.to_string()))?;
        error.set("code", e.code())?;
        match &e {
            RuleError::NoticeTooShort { earliest } => error.set("earliest", iso(earliest))?,
            RuleError::BeyondHorizon { latest } => error.set("latest", iso(latest))?,
            RuleError::DeadlinePassed { deadline } => error.set("deadline", iso(deadline))?,
            RuleError::RecheckWindowExpired { closed_on } => {
                error.set("closedOn", closed_on.to_string())?
            }
            RuleError::VehicleAlreadyBooked(id) => error.set("bookingId", id.to_string())?,
            RuleError::OverbookingLimitReached { limit } => error.set("limit", *limit)?,
            RuleError::NotModifiable(status) => error.set(
                "status",
                serde_json::to_value(status)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
            )?,
            _ => {}
        }
        env.throw(error)
    };
    match build() {
        // Thrown already: napi-rs leaves a pending exception in place.
        Ok(()) => napi::Error::new(Code("PendingException"), e.to_string()),
        Err(_) => coded(e),
    }
}

/// A whole number in the range of `T`.
fn whole<T: TryFrom<u32>>(name: &str, value: f64) -> Result<T, Code> {
    T::try_from(count(name, value)?).map_err(|_| {
        bad_value(format!(
            "{name} is out of range for this field, got {value}"
        ))
    })
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

/// A control type code (`'CT'`, `'CT_CONTRE_VISITE'`, `'CTC'`).
fn control(text: String) -> Result<ControlType, Code> {
    from_js("control type", Value::String(text))
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
    rules::check_offer(&centre, control(control_type)?, &vehicle).map_err(|e| rule_error(&env, e))
}

/// A start in the centre's local time: an ISO string with its offset (a `Date` is taken in UTC).
fn local(name: &str, value: Either<String, JsDate<'_>>) -> Result<DateTime<FixedOffset>, Code> {
    match value {
        Either::A(text) => DateTime::parse_from_rfc3339(&text).map_err(|_| {
            bad_value(format!(
                "{name} must be an ISO 8601 string with an explicit offset, got {text:?}"
            ))
        }),
        date => Ok(instant(name, date)?.fixed_offset()),
    }
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
    let control_type = control(control_type)?;
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

/// Who acts: a role and the places it is attached to, or an API key with its grants.
#[napi(object)]
pub struct Principal {
    /// The role code.
    #[napi(
        ts_type = "'SUPER_ADMIN' | 'ADMIN_TENANT' | 'ADMIN_AGENCE' | 'ADMIN_CT' | 'CONTROLEUR' | 'CALL_CENTER' | 'CLIENT' | 'API_KEY'"
    )]
    pub role: String,
    /// The user (none for an API key).
    pub user_id: Option<String>,
    /// The tenant (none only for a super admin).
    pub tenant_id: Option<String>,
    /// The agency (ADMIN_AGENCE).
    pub agency_id: Option<String>,
    /// The centre (ADMIN_CT, CONTROLEUR).
    pub centre_id: Option<String>,
    /// An API key's grants, `resource:action[:scope]`.
    pub grants: Option<Vec<String>>,
}

/// The row an action touches, described by where it belongs.
#[napi(object)]
pub struct ResourceRef {
    /// What kind of row: `'rdv'`, `'ct'`, `'payment'`, ...
    pub kind: String,
    /// Its tenant.
    pub tenant_id: Option<String>,
    /// Its agency.
    pub agency_id: Option<String>,
    /// Its centre.
    pub centre_id: Option<String>,
    /// The user who owns it.
    pub owner_id: Option<String>,
}

/// An optional id.
fn opt_id<T: std::str::FromStr>(name: &str, value: Option<&String>) -> Result<Option<T>, Code> {
    value.map(|v| uuid(name, v)).transpose()
}

/// Whether `principal` may `action` the row `resource`: returns, or throws `FORBIDDEN`,
/// `CROSS_TENANT` or `OUT_OF_SCOPE`; an incoherent principal throws `INVALID_PRINCIPAL`,
/// `UNKNOWN_ROLE`, `INVALID_PERMISSION` or `GRANT_TOO_WIDE`.
#[napi]
pub fn authorize(
    principal: Principal,
    #[napi(
        ts_arg_type = "'create' | 'read' | 'update' | 'delete' | 'cancel' | 'status' | 'export'"
    )]
    action: String,
    resource: ResourceRef,
) -> Result<(), Code> {
    let role: Role = principal.role.parse().map_err(coded)?;
    let grants = principal
        .grants
        .iter()
        .flatten()
        .map(|g| g.parse::<Permission>())
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(coded)?;
    let fields = PrincipalFields {
        role: Some(role),
        user_id: opt_id("userId", principal.user_id.as_ref())?,
        tenant_id: opt_id("tenantId", principal.tenant_id.as_ref())?,
        agency_id: opt_id("agencyId", principal.agency_id.as_ref())?,
        centre_id: opt_id("centreId", principal.centre_id.as_ref())?,
        grants,
    };
    let who = policy::Principal::new(fields).map_err(coded)?;
    let action: Action = from_js("action", Value::String(action))?;
    let row = CoreRef {
        kind: from_js("resource kind", Value::String(resource.kind))?,
        tenant_id: opt_id("tenantId", resource.tenant_id.as_ref())?,
        agency_id: opt_id("agencyId", resource.agency_id.as_ref())?,
        centre_id: opt_id("centreId", resource.centre_id.as_ref())?,
        owner_id: opt_id("ownerId", resource.owner_id.as_ref())?,
    };
    policy::authorize(&who, action, &row).map_err(coded)
}

/// A French commune (or municipal arrondissement).
#[napi(object)]
pub struct Place {
    /// INSEE code.
    pub insee: String,
    /// Official name.
    pub name: String,
    /// Postcodes.
    pub postcodes: Vec<String>,
    /// Département code.
    pub departement: String,
    /// Population.
    pub population: u32,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lng: f64,
    /// How close the coordinates are to the commune.
    #[napi(ts_type = "'city' | 'postcode' | 'departement'")]
    pub precision: String,
}

impl From<&places::Place> for Place {
    fn from(p: &places::Place) -> Self {
        Place {
            insee: p.insee.clone(),
            name: p.name.clone(),
            postcodes: p.postcodes.clone(),
            departement: p.departement.clone(),
            population: p.population,
            lat: p.location.lat,
            lng: p.location.lng,
            precision: match p.precision {
                places::Precision::City => "city",
                places::Precision::Postcode => "postcode",
                places::Precision::Departement => "departement",
            }
            .to_string(),
        }
    }
}

/// The places of France, searched by name or postcode.
#[napi]
pub struct Gazetteer {
    inner: places::Gazetteer,
}

#[napi]
impl Gazetteer {
    /// Parses the table `insee;name;postcodes;departement;population;lat;lng;precision`
    /// (header first); throws `INVALID_PLACES_TABLE`.
    #[napi(factory)]
    pub fn from_csv(text: String) -> Result<Self, Code> {
        Ok(Gazetteer {
            inner: places::Gazetteer::from_csv(&text).map_err(coded)?,
        })
    }

    /// Number of places.
    #[napi(getter)]
    pub fn size(&self) -> u32 {
        u32::try_from(self.inner.len()).unwrap_or(u32::MAX)
    }

    /// Up to `limit` (default 10) places for what a person has typed so far.
    #[napi]
    pub fn suggest(&self, text: String, limit: Option<f64>) -> Result<Vec<Place>, Code> {
        let limit = count("limit", limit.unwrap_or(10.0))? as usize;
        Ok(self
            .inner
            .suggest(&text, limit)
            .into_iter()
            .map(Place::from)
            .collect())
    }

    /// The place a free text names; throws `PLACE_NOT_FOUND`.
    #[napi]
    pub fn resolve(&self, text: String) -> Result<Place, Code> {
        self.inner.resolve(&text).map(Place::from).map_err(coded)
    }

    /// A place by INSEE code, or `null`.
    #[napi]
    pub fn by_insee(&self, insee: String) -> Option<Place> {
        self.inner.by_insee(&insee).map(Place::from)
    }
}
