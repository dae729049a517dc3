//! The network: tenants, agencies, centres and their inspectors.

use super::calendar::{DateRange, RecurringPeriod, TimeRange};
use super::control::{Agreements, ControlType, DurationTable};
use super::geo::GeoPoint;
use super::ids::{AgencyId, CentreId, InspectorId, TenantId};
use super::money::Price;
use super::vehicle::VehicleCategory;
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// An inspection network sharing the platform.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tenant {
    /// Identifier.
    pub id: TenantId,
    /// Display name, e.g. "SECURITEST".
    pub name: String,
    /// URL-safe short name, e.g. "securitest".
    pub slug: String,
}

/// A regional agency of a tenant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Agency {
    /// Identifier.
    pub id: AgencyId,
    /// Owning tenant.
    pub tenant_id: TenantId,
    /// Display name.
    pub name: String,
    /// City the agency sits in.
    pub city: String,
}

/// What a centre offers for one control type and vehicle category, at what price.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    /// Control type.
    pub control_type: ControlType,
    /// Vehicle category.
    pub category: VehicleCategory,
    /// Price tax included.
    pub price: Price,
}

/// How a centre observes French public holidays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HolidayPolicy {
    /// Closed on the national public holidays (default true).
    pub closed_on_public_holidays: bool,
    /// Also closed on Good Friday and 26 December (Alsace-Moselle: départements 57, 67, 68).
    pub alsace_moselle: bool,
}

impl Default for HolidayPolicy {
    fn default() -> Self {
        HolidayPolicy { closed_on_public_holidays: true, alsace_moselle: false }
    }
}

/// An inspector (contrôleur) working at one centre.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Inspector {
    /// Identifier.
    pub id: InspectorId,
    /// Display name.
    pub name: String,
    /// Agreements held.
    pub agreements: Agreements,
    /// Working periods; none means "the centre's opening hours".
    #[serde(default)]
    pub shifts: Vec<RecurringPeriod>,
    /// Days of leave.
    #[serde(default)]
    pub leave: Vec<DateRange>,
    /// Blocked ranges (training, medical visit).
    #[serde(default)]
    pub blocks: Vec<TimeRange>,
}

/// An inspection centre (CT) and everything the engine needs to offer its slots.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Centre {
    /// Identifier.
    pub id: CentreId,
    /// Owning tenant.
    pub tenant_id: TenantId,
    /// Owning agency.
    pub agency_id: AgencyId,
    /// Display name.
    pub name: String,
    /// Street address.
    pub address: String,
    /// Postcode.
    pub postcode: String,
    /// City.
    pub city: String,
    /// Location.
    pub location: GeoPoint,
    /// IANA time zone, e.g. Europe/Paris.
    pub time_zone: Tz,
    /// Average customer rating, 0–5.
    pub rating: f32,
    /// Inspection lanes: at most this many inspections at once.
    pub lanes: u8,
    /// Bookings a day the centre plans for (overbooking counts against it).
    pub daily_capacity: u16,
    /// Opening hours.
    pub opening_hours: Vec<RecurringPeriod>,
    /// Exceptional closures (whole days).
    #[serde(default)]
    pub closures: Vec<DateRange>,
    /// Blocked ranges for the whole centre (maintenance).
    #[serde(default)]
    pub blocks: Vec<TimeRange>,
    /// Public holiday policy.
    #[serde(default)]
    pub holidays: HolidayPolicy,
    /// What the centre offers and at what price.
    pub offers: Vec<Offer>,
    /// Durations (the tenant's table, possibly overridden for the centre).
    #[serde(default)]
    pub durations: DurationTable,
    /// Slot starts lie on this grid, in minutes (divides 60).
    pub grid_minutes: u16,
    /// Minutes kept free after each booking.
    #[serde(default)]
    pub buffer_minutes: u16,
    /// Inspectors.
    pub inspectors: Vec<Inspector>,
}

impl Centre {
    /// The offer for a control type and category, if the centre makes it.
    pub fn offer(&self, control: ControlType, category: VehicleCategory) -> Option<&Offer> {
        self.offers.iter().find(|o| o.control_type == control && o.category == category)
    }
}
