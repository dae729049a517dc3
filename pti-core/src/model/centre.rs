//! The network: tenants, agencies, centres and their inspectors.

use super::calendar::{DEFAULT_PERIOD_START, DateRange, RecurringPeriod, TimeRange};
use super::control::{Agreements, ControlType, DurationTable};
use super::geo::GeoPoint;
use super::ids::{AgencyId, CentreId, InspectorId, TenantId};
use super::money::{Money, Price, VatRate};
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
        HolidayPolicy {
            closed_on_public_holidays: true,
            alsace_moselle: false,
        }
    }
}

/// An inspector (contrôleur) working at one centre.
///
/// With no shifts, the inspector works whenever the centre is open.
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
    #[serde(default)]
    pub address: String,
    /// Postcode.
    #[serde(default)]
    pub postcode: String,
    /// City.
    #[serde(default)]
    pub city: String,
    /// Location.
    pub location: GeoPoint,
    /// IANA time zone, e.g. Europe/Paris.
    #[serde(default = "paris")]
    pub time_zone: Tz,
    /// Average customer rating, 0–5.
    #[serde(default)]
    pub rating: f32,
    /// Inspection lanes: at most this many inspections at once.
    #[serde(default = "two_lanes")]
    pub lanes: u8,
    /// Bookings a day the centre plans for (overbooking counts against it).
    #[serde(default = "thirty_a_day")]
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
    #[serde(default)]
    pub offers: Vec<Offer>,
    /// Durations (the tenant's table, possibly overridden for the centre).
    #[serde(default)]
    pub durations: DurationTable,
    /// Slot starts lie on this grid, in minutes (divides 60).
    #[serde(default = "quarter_hour")]
    pub grid_minutes: u16,
    /// Minutes kept free after each booking.
    #[serde(default)]
    pub buffer_minutes: u16,
    /// Inspectors.
    #[serde(default)]
    pub inspectors: Vec<Inspector>,
}

impl Centre {
    /// A centre with the trade's typical settings (DOMAIN.md): Europe/Paris, 2 lanes, 30
    /// bookings a day, open Monday–Friday 08:00–12:00 and 14:00–19:00 and Saturday
    /// 08:00–12:00, closed on public holidays, 15-minute grid, periodic inspection of cars and
    /// vans at 75.00 €, re-inspection at 35.00 €, motorcycles at 45.00 €; no inspector yet.
    pub fn typical(
        id: CentreId,
        tenant_id: TenantId,
        agency_id: AgencyId,
        name: &str,
        location: GeoPoint,
    ) -> Centre {
        let hours = |rule: &str, from: u32, to: u32| RecurringPeriod {
            rrule: rule.to_string(),
            dtstart: DEFAULT_PERIOD_START
                .and_hms_opt(from, 0, 0)
                .unwrap_or_default(),
            duration_minutes: (to - from) * 60,
        };
        let weekdays = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";
        let offer = |control_type, category, cents| Offer {
            control_type,
            category,
            price: Price {
                gross: Money::from_cents(cents),
                vat_rate: VatRate::STANDARD,
            },
        };
        Centre {
            id,
            tenant_id,
            agency_id,
            name: name.to_string(),
            address: String::new(),
            postcode: String::new(),
            city: String::new(),
            location,
            time_zone: chrono_tz::Europe::Paris,
            rating: 4.0,
            lanes: 2,
            daily_capacity: 30,
            opening_hours: vec![
                hours(weekdays, 8, 12),
                hours(weekdays, 14, 19),
                hours("FREQ=WEEKLY;BYDAY=SA", 8, 12),
            ],
            closures: Vec::new(),
            blocks: Vec::new(),
            holidays: HolidayPolicy::default(),
            offers: vec![
                offer(ControlType::Periodic, VehicleCategory::Vp, 7500),
                offer(ControlType::Periodic, VehicleCategory::Vu, 7500),
                offer(ControlType::Recheck, VehicleCategory::Vp, 3500),
                offer(ControlType::Recheck, VehicleCategory::Vu, 3500),
                offer(ControlType::Periodic, VehicleCategory::L, 4500),
                offer(ControlType::Recheck, VehicleCategory::L, 2500),
            ],
            durations: DurationTable::default(),
            grid_minutes: 15,
            buffer_minutes: 0,
            inspectors: Vec::new(),
        }
    }

    /// The offer for a control type and category, if the centre makes it.
    pub fn offer(&self, control: ControlType, category: VehicleCategory) -> Option<&Offer> {
        self.offers
            .iter()
            .find(|o| o.control_type == control && o.category == category)
    }
}

impl Inspector {
    /// An inspector with these agreements who works the centre's opening hours.
    pub fn new(id: InspectorId, name: &str, agreements: Agreements) -> Inspector {
        Inspector {
            id,
            name: name.to_string(),
            agreements,
            shifts: Vec::new(),
            leave: Vec::new(),
            blocks: Vec::new(),
        }
    }
}

fn paris() -> Tz {
    chrono_tz::Europe::Paris
}

fn two_lanes() -> u8 {
    2
}

fn thirty_a_day() -> u16 {
    30
}

fn quarter_hour() -> u16 {
    15
}
