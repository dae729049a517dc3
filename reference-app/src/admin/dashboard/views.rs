//! The answer of `GET /admin/dashboard/stats`.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A network's, an agency's or a centre's month at a glance.
#[derive(Debug, Serialize, ToSchema)]
pub struct DashboardStats {
    /// The month shown, `YYYY-MM`.
    pub month: String,
    /// The agency the figures are limited to, if any.
    pub agency_id: Option<Uuid>,
    /// The centre the figures are limited to, if any.
    pub centre_id: Option<Uuid>,
    /// The key figures of the month.
    pub kpis: Kpis,
    /// The twelve months ending with this one, oldest first.
    pub months: Vec<MonthFigures>,
    /// The month's conversion funnel.
    pub funnel: FunnelFigures,
    /// The five agencies with the most bookings this month.
    pub top_agencies: Vec<AgencyFigures>,
    /// The ten latest bookings made.
    pub recent: Vec<RecentBooking>,
}

/// The key figures of a month.
#[derive(Debug, Serialize, ToSchema)]
pub struct Kpis {
    /// Staff accounts in use (active), in the scope.
    pub active_users: i64,
    /// Inspections of the month holding their place (confirmed, in progress, done, no-show).
    pub bookings: i64,
    /// The same, the month before.
    pub bookings_previous: i64,
    /// Revenue of the month's inspections, tax included, cents: paid online, or on site once
    /// inspected.
    pub revenue_cents: i64,
    /// The same, the month before.
    pub revenue_previous_cents: i64,
    /// Paid bookings per search that showed the scope, percent (none without searches).
    pub conversion_percent: Option<f64>,
    /// Bookings per planned capacity (daily capacity × open days), percent.
    pub fill_rate_percent: Option<f64>,
    /// No-shows per inspection due (done or missed), percent.
    pub no_show_percent: Option<f64>,
}

/// One month's bookings and revenue.
#[derive(Debug, Serialize, ToSchema)]
pub struct MonthFigures {
    /// `YYYY-MM`.
    pub month: String,
    /// Inspections holding their place.
    pub bookings: i64,
    /// Revenue tax included, cents.
    pub revenue_cents: i64,
    /// Cancelled bookings.
    pub cancelled: i64,
}

/// From a search to a paid booking, counted over the month.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct FunnelFigures {
    /// Searches that showed the scope.
    pub searches: i64,
    /// Lists of a centre's free slots.
    pub slot_views: i64,
    /// Bookings held.
    pub holds: i64,
    /// Bookings paid online.
    pub paid: i64,
}

/// An agency's month.
#[derive(Debug, Serialize, ToSchema)]
pub struct AgencyFigures {
    /// The agency.
    pub agency_id: Uuid,
    /// Its name.
    pub name: String,
    /// Inspections holding their place.
    pub bookings: i64,
    /// Revenue tax included, cents.
    pub revenue_cents: i64,
}

/// A booking lately made.
#[derive(Debug, Serialize, ToSchema)]
pub struct RecentBooking {
    /// The booking.
    pub id: Uuid,
    /// Its reference.
    pub reference: String,
    /// Its centre's name.
    pub centre_name: String,
    /// Start, the centre's local time.
    pub start: DateTime<FixedOffset>,
    /// Its status code.
    pub status: String,
    /// Price tax included, cents.
    pub price_cents: i32,
    /// When it was made.
    pub created_at: DateTime<chrono::Utc>,
}
