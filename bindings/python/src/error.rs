//! The exception hierarchy of the module and the mapping of engine errors onto it: every
//! exception carries the engine's stable code as `.code`, a rule refusal also the facts that
//! explain it (`RuleError::facts`) as attributes.

use pti_core::Coded;
use pti_core::rules::RuleError;
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;

create_exception!(
    _native,
    PtiError,
    PyException,
    "Base of every error raised by the engine; `.code` is its stable machine code."
);
create_exception!(
    _native,
    InvalidInput,
    PtiError,
    "Input refused by the engine (INVALID_PLATE, INVALID_RRULE, INVALID_RADIUS, ...)."
);
create_exception!(
    _native,
    BookingError,
    PtiError,
    "A booking or release was refused."
);
create_exception!(
    _native,
    SlotTaken,
    BookingError,
    "SLOT_TAKEN: every qualified inspector or every lane is busy then."
);
create_exception!(
    _native,
    OutsideOpeningHours,
    BookingError,
    "OUTSIDE_OPENING_HOURS: no inspection can start then (closed, off the grid, outside the index)."
);
create_exception!(
    _native,
    NoQualifiedInspector,
    BookingError,
    "NO_QUALIFIED_INSPECTOR: no inspector of the centre holds the agreements needed."
);
create_exception!(
    _native,
    UnknownInspector,
    BookingError,
    "UNKNOWN_INSPECTOR: the inspector does not work at this centre."
);
create_exception!(
    _native,
    UnknownBooking,
    BookingError,
    "UNKNOWN_BOOKING: no booking with this id is placed in the centre."
);
create_exception!(
    _native,
    DuplicateBooking,
    BookingError,
    "DUPLICATE_BOOKING: a booking with this id is already placed."
);
create_exception!(
    _native,
    UnknownCentre,
    BookingError,
    "UNKNOWN_CENTRE: no centre with this id is in the network (raised by the binding)."
);

create_exception!(
    _native,
    NoticeTooShort,
    BookingError,
    "NOTICE_TOO_SHORT: the start is too soon; `.earliest` is the first start allowed."
);
create_exception!(
    _native,
    BeyondHorizon,
    BookingError,
    "BEYOND_HORIZON: the start lies beyond the booking horizon; `.latest` is the first refused."
);
create_exception!(
    _native,
    DeadlinePassed,
    BookingError,
    "DEADLINE_PASSED: the change or cancellation deadline (`.deadline`) has passed."
);
create_exception!(
    _native,
    RecheckWindowExpired,
    BookingError,
    "RECHECK_WINDOW_EXPIRED: the re-inspection window closed on `.closed_on`."
);
create_exception!(
    _native,
    NoFailedInspection,
    BookingError,
    "NO_FAILED_INSPECTION: no failed periodic inspection of this vehicle to re-inspect."
);
create_exception!(
    _native,
    VehicleAlreadyBooked,
    BookingError,
    "VEHICLE_ALREADY_BOOKED: the vehicle has an overlapping booking (`.booking_id`)."
);
create_exception!(
    _native,
    CategoryNotOffered,
    BookingError,
    "CATEGORY_NOT_OFFERED: the centre does not inspect this vehicle category."
);
create_exception!(
    _native,
    ControlTypeNotOffered,
    BookingError,
    "CONTROL_TYPE_NOT_OFFERED: the centre does not offer this control type for the vehicle."
);
create_exception!(
    _native,
    OverbookingLimitReached,
    BookingError,
    "OVERBOOKING_LIMIT_REACHED: the day is full, overbooking included (`.limit` bookings)."
);
create_exception!(
    _native,
    BookingNotModifiable,
    BookingError,
    "BOOKING_NOT_MODIFIABLE: the booking's status (`.status`) allows no change."
);
create_exception!(
    _native,
    AccessDenied,
    PtiError,
    "An action refused by `authorize` (FORBIDDEN, CROSS_TENANT, OUT_OF_SCOPE)."
);
create_exception!(
    _native,
    Forbidden,
    AccessDenied,
    "FORBIDDEN: the role holds no permission for this resource and action."
);
create_exception!(
    _native,
    CrossTenant,
    AccessDenied,
    "CROSS_TENANT: the row belongs to another tenant (or to none)."
);
create_exception!(
    _native,
    OutOfScope,
    AccessDenied,
    "OUT_OF_SCOPE: the row lies outside the principal's agency, centre or own rows."
);
create_exception!(
    _native,
    PlaceNotFound,
    PtiError,
    "PLACE_NOT_FOUND: no French commune or postcode matches the text."
);

/// The Python exception of an engine error, with `.code` set.
pub(crate) fn engine_error(code: &str, message: String) -> PyErr {
    let err = match code {
        "SLOT_TAKEN" => SlotTaken::new_err(message),
        "OUTSIDE_OPENING_HOURS" => OutsideOpeningHours::new_err(message),
        "NO_QUALIFIED_INSPECTOR" => NoQualifiedInspector::new_err(message),
        "UNKNOWN_INSPECTOR" => UnknownInspector::new_err(message),
        "UNKNOWN_BOOKING" => UnknownBooking::new_err(message),
        "DUPLICATE_BOOKING" => DuplicateBooking::new_err(message),
        "UNKNOWN_CENTRE" => UnknownCentre::new_err(message),
        "NOTICE_TOO_SHORT" => NoticeTooShort::new_err(message),
        "BEYOND_HORIZON" => BeyondHorizon::new_err(message),
        "DEADLINE_PASSED" => DeadlinePassed::new_err(message),
        "RECHECK_WINDOW_EXPIRED" => RecheckWindowExpired::new_err(message),
        "NO_FAILED_INSPECTION" => NoFailedInspection::new_err(message),
        "VEHICLE_ALREADY_BOOKED" => VehicleAlreadyBooked::new_err(message),
        "CATEGORY_NOT_OFFERED" => CategoryNotOffered::new_err(message),
        "CONTROL_TYPE_NOT_OFFERED" => ControlTypeNotOffered::new_err(message),
        "OVERBOOKING_LIMIT_REACHED" => OverbookingLimitReached::new_err(message),
        "BOOKING_NOT_MODIFIABLE" => BookingNotModifiable::new_err(message),
        "FORBIDDEN" => Forbidden::new_err(message),
        "CROSS_TENANT" => CrossTenant::new_err(message),
        "OUT_OF_SCOPE" => OutOfScope::new_err(message),
        "PLACE_NOT_FOUND" => PlaceNotFound::new_err(message),
        _ => InvalidInput::new_err(message),
    };
    Python::attach(|py| {
        // Setting an attribute on a fresh exception instance cannot fail in practice; if it
        // did, the exception would still be raised, only without `.code`.
        let _ = err.value(py).setattr("code", code);
    });
    err
}

/// Maps any coded engine error.
pub(crate) fn coded<E: Coded + std::fmt::Display>(e: E) -> PyErr {
    engine_error(e.code(), e.to_string())
}

/// A rule refusal as its exception, with the facts that explain it as attributes (`earliest`,
/// `latest`, `deadline`: aware UTC datetimes; `closed_on`: a date; `booking_id`; `limit`;
/// `status`: a status code), each set only when the refusal carries it.
pub(crate) fn rule_error(e: RuleError) -> PyErr {
    let facts = e.facts();
    let err = coded(e);
    Python::attach(|py| {
        let value = err.value(py);
        let set = || -> PyResult<()> {
            if let Some(earliest) = facts.earliest {
                value.setattr("earliest", earliest)?;
            }
            if let Some(latest) = facts.latest {
                value.setattr("latest", latest)?;
            }
            if let Some(deadline) = facts.deadline {
                value.setattr("deadline", deadline)?;
            }
            if let Some(closed_on) = facts.closed_on {
                value.setattr("closed_on", closed_on)?;
            }
            if let Some(id) = facts.booking_id {
                value.setattr("booking_id", id.to_string())?;
            }
            if let Some(limit) = facts.limit {
                value.setattr("limit", limit)?;
            }
            if let Some(status) = facts.status {
                value.setattr("status", status.code())?;
            }
            Ok(())
        };
        // Attributes on a fresh exception instance cannot fail in practice.
        let _ = set();
    });
    err
}

/// Adds the exception classes.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("PtiError", py.get_type::<PtiError>())?;
    m.add("InvalidInput", py.get_type::<InvalidInput>())?;
    m.add("BookingError", py.get_type::<BookingError>())?;
    m.add("SlotTaken", py.get_type::<SlotTaken>())?;
    m.add("OutsideOpeningHours", py.get_type::<OutsideOpeningHours>())?;
    m.add(
        "NoQualifiedInspector",
        py.get_type::<NoQualifiedInspector>(),
    )?;
    m.add("UnknownInspector", py.get_type::<UnknownInspector>())?;
    m.add("UnknownBooking", py.get_type::<UnknownBooking>())?;
    m.add("DuplicateBooking", py.get_type::<DuplicateBooking>())?;
    m.add("UnknownCentre", py.get_type::<UnknownCentre>())?;
    m.add("NoticeTooShort", py.get_type::<NoticeTooShort>())?;
    m.add("BeyondHorizon", py.get_type::<BeyondHorizon>())?;
    m.add("DeadlinePassed", py.get_type::<DeadlinePassed>())?;
    m.add(
        "RecheckWindowExpired",
        py.get_type::<RecheckWindowExpired>(),
    )?;
    m.add("NoFailedInspection", py.get_type::<NoFailedInspection>())?;
    m.add(
        "VehicleAlreadyBooked",
        py.get_type::<VehicleAlreadyBooked>(),
    )?;
    m.add("CategoryNotOffered", py.get_type::<CategoryNotOffered>())?;
    m.add(
        "ControlTypeNotOffered",
        py.get_type::<ControlTypeNotOffered>(),
    )?;
    m.add(
        "OverbookingLimitReached",
        py.get_type::<OverbookingLimitReached>(),
    )?;
    m.add(
        "BookingNotModifiable",
        py.get_type::<BookingNotModifiable>(),
    )?;
    m.add("AccessDenied", py.get_type::<AccessDenied>())?;
    m.add("Forbidden", py.get_type::<Forbidden>())?;
    m.add("CrossTenant", py.get_type::<CrossTenant>())?;
    m.add("OutOfScope", py.get_type::<OutOfScope>())?;
    m.add("PlaceNotFound", py.get_type::<PlaceNotFound>())?;
    Ok(())
}
