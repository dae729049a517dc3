//! The domain model: who inspects what, where, when, and for how much.
//!
//! Types here hold data and enforce their own invariants (a plate is valid, money is in cents,
//! a booking only moves along its status machine). Scheduling, search and rules live in their
//! own modules.

mod booking;
mod calendar;
mod centre;
mod control;
mod geo;
mod ids;
mod money;
mod plate;
mod vehicle;

pub use booking::{Booking, BookingStatus, StatusError};
pub use calendar::{DEFAULT_PERIOD_START, DateRange, RangeError, RecurringPeriod, TimeRange};
pub use centre::{Agency, Centre, HolidayPolicy, Inspector, Offer, Tenant};
pub use control::{
    Agreement, Agreements, ControlType, DurationOverride, DurationTable, FALLBACK_MINUTES,
};
pub use geo::{EARTH_RADIUS_KM, GeoError, GeoPoint};
pub use ids::{AgencyId, BookingId, CentreId, InspectorId, TenantId, UserId};
pub use money::{Money, MoneyError, Price, VatRate};
pub use plate::{Plate, PlateError, PlateFormat};
pub use vehicle::{Fuel, Vehicle, VehicleCategory, VehicleError};
