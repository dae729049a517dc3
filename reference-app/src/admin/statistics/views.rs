//! The answer of `GET /statistics/tenant`.

use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::admin::capacity::percent;
use crate::admin::dashboard::FunnelFigures;

/// A period of the network's, an agency's or a centre's activity.
#[derive(Debug, Serialize, ToSchema)]
pub struct TenantStatistics {
    /// First month of the period, `YYYY-MM`.
    pub from: String,
    /// Last month of the period (included), `YYYY-MM`.
    pub to: String,
    /// The agency the figures are limited to, if any.
    pub agency_id: Option<Uuid>,
    /// The centre the figures are limited to, if any.
    pub centre_id: Option<Uuid>,
    /// The whole period.
    pub totals: Figures,
    /// From a search to a paid booking, over the period.
    pub funnel: FunnelFigures,
    /// Paid bookings per search that showed the scope, percent (none without searches).
    pub conversion_percent: Option<f64>,
    /// Every month of the period, oldest first.
    pub months: Vec<MonthStatistics>,
    /// By control type, most bookings first.
    pub by_control_type: Vec<CodeStatistics>,
    /// By vehicle category, most bookings first.
    pub by_vehicle_category: Vec<CodeStatistics>,
    /// By agency, most bookings first.
    pub by_agency: Vec<AgencyStatistics>,
    /// By centre, most bookings first.
    pub by_centre: Vec<CentreStatistics>,
}

/// What a part of the activity counts. Inspections are counted in the month they take place.
#[derive(Clone, Debug, Default, PartialEq, Serialize, ToSchema)]
pub struct Figures {
    /// Inspections holding their place (confirmed, in progress, done, no-show).
    pub bookings: i64,
    /// Inspections done.
    pub completed: i64,
    /// Drivers who did not come.
    pub no_show: i64,
    /// Bookings cancelled.
    pub cancelled: i64,
    /// Bookings with money given back.
    pub refunds: i64,
    /// Money taken, tax included, cents: paid online (refunded since or not), or on site once
    /// inspected.
    pub collected_cents: i64,
    /// Money given back, cents.
    pub refunded_cents: i64,
    /// Money kept: collected less refunded, cents.
    pub revenue_cents: i64,
    /// No-shows per inspection due (done or missed), percent.
    pub no_show_percent: Option<f64>,
    /// Cancellations per booking made (holding its place or cancelled), percent.
    pub cancellation_percent: Option<f64>,
}

/// The counts a figure is made of, summed from the rollup.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Inspections holding their place.
    pub booked: i64,
    /// Done.
    pub completed: i64,
    /// Missed.
    pub no_show: i64,
    /// Cancelled.
    pub cancelled: i64,
    /// With money given back.
    pub refunds: i64,
    /// Money taken, cents.
    pub collected_cents: i64,
    /// Money given back, cents.
    pub refunded_cents: i64,
}

impl Counts {
    /// Both together.
    pub fn add(self, other: Counts) -> Counts {
        Counts {
            booked: self.booked + other.booked,
            completed: self.completed + other.completed,
            no_show: self.no_show + other.no_show,
            cancelled: self.cancelled + other.cancelled,
            refunds: self.refunds + other.refunds,
            collected_cents: self.collected_cents + other.collected_cents,
            refunded_cents: self.refunded_cents + other.refunded_cents,
        }
    }
}

impl From<Counts> for Figures {
    fn from(c: Counts) -> Self {
        Figures {
            bookings: c.booked,
            completed: c.completed,
            no_show: c.no_show,
            cancelled: c.cancelled,
            refunds: c.refunds,
            collected_cents: c.collected_cents,
            refunded_cents: c.refunded_cents,
            revenue_cents: c.collected_cents - c.refunded_cents,
            no_show_percent: percent(c.no_show, c.completed + c.no_show),
            cancellation_percent: percent(c.cancelled, c.booked + c.cancelled),
        }
    }
}

/// One month.
#[derive(Debug, Serialize, ToSchema)]
pub struct MonthStatistics {
    /// `YYYY-MM`.
    pub month: String,
    /// Its figures.
    pub figures: Figures,
}

/// A control type's or a vehicle category's part.
#[derive(Debug, Serialize, ToSchema)]
pub struct CodeStatistics {
    /// The code: a control type (`CT`, `CT_CONTRE_VISITE`, `CTC`) or a vehicle category (`VP`,
    /// `VU`, `L`, `CAMPING_CAR`, `TRAILER`, `PL`).
    pub code: String,
    /// Its figures.
    pub figures: Figures,
}

/// An agency's part.
#[derive(Debug, Serialize, ToSchema)]
pub struct AgencyStatistics {
    /// The agency.
    pub id: Uuid,
    /// Its name.
    pub name: String,
    /// Its figures.
    pub figures: Figures,
}

/// A centre's part.
#[derive(Debug, Serialize, ToSchema)]
pub struct CentreStatistics {
    /// The centre.
    pub id: Uuid,
    /// Its name.
    pub name: String,
    /// Its agency.
    pub agency_id: Uuid,
    /// Its agency's name.
    pub agency_name: String,
    /// Its figures.
    pub figures: Figures,
}
