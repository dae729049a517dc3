//! The answers of `GET /planning/global` and `GET /planning/global/centre-day`.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// Every centre of the network, an agency or a centre × each day of a period.
#[derive(Debug, Serialize, ToSchema)]
pub struct GlobalPlanning {
    /// The period's first day.
    pub from: NaiveDate,
    /// The period's last day (included).
    pub to: NaiveDate,
    /// The agency the planning is limited to, if any.
    pub agency_id: Option<Uuid>,
    /// The centre the planning is limited to, if any.
    pub centre_id: Option<Uuid>,
    /// The network's fill warning: a centre filled to this percent or more is flagged.
    pub fill_warning_percent: u16,
    /// The period's days, oldest first: the order of every `*_by_day` list.
    pub days: Vec<NaiveDate>,
    /// Bookings holding their place over the period, every centre.
    pub booked: i64,
    /// Bookings planned over the period (daily capacity × open days), every centre.
    pub capacity: i64,
    /// `booked` per `capacity`, percent (none without capacity).
    pub fill_rate_percent: Option<f64>,
    /// Centres flagged by the fill warning.
    pub warning_centres: usize,
    /// The centres, by name.
    pub centres: Vec<CentrePlanning>,
}

/// One centre over the period.
#[derive(Debug, Serialize, ToSchema)]
pub struct CentrePlanning {
    /// The centre.
    pub id: Uuid,
    /// Its name.
    pub name: String,
    /// Its agency.
    pub agency_id: Uuid,
    /// Its IANA time zone: the one of its days and hours.
    pub time_zone: String,
    /// Bookings holding their place (confirmed, in progress, done, no-show) over the period.
    pub booked: i64,
    /// Bookings planned over the period.
    pub capacity: i64,
    /// `booked` per `capacity`, percent with one decimal (none without capacity).
    pub fill_rate_percent: Option<f64>,
    /// Filled to the network's fill warning or more over the period.
    pub warning: bool,
    /// Bookings of each day, in the order of `days`.
    pub booked_by_day: Vec<i64>,
    /// Capacity of each day (0: closed), in the order of `days`.
    pub capacity_by_day: Vec<i64>,
    /// Fill rate of each day, percent (none when closed), in the order of `days`.
    pub fill_rate_by_day: Vec<Option<f64>>,
    /// Bookings starting in each local hour 0–23, summed over the period.
    pub booked_by_hour: Vec<i64>,
    /// Capacity of each local hour 0–23 over the period: each open day's capacity spread over
    /// its opening hours, rounded.
    pub capacity_by_hour: Vec<i64>,
}

/// One centre's day in detail.
#[derive(Debug, Serialize, ToSchema)]
pub struct CentreDay {
    /// The centre.
    pub centre_id: Uuid,
    /// Its name.
    pub centre_name: String,
    /// The local day.
    pub date: NaiveDate,
    /// Bookings holding their place that day.
    pub booked: i64,
    /// The day's capacity (0: closed).
    pub capacity: i64,
    /// `booked` per `capacity`, percent (none when closed).
    pub fill_rate_percent: Option<f64>,
    /// Every booking of the day whatever its status, by start.
    pub bookings: Vec<DayBooking>,
}

/// A booking of a centre's day.
#[derive(Debug, Serialize, ToSchema)]
pub struct DayBooking {
    /// The booking.
    pub id: Uuid,
    /// Its reference.
    pub reference: String,
    /// Start, the centre's local time.
    pub start: DateTime<FixedOffset>,
    /// End, the centre's local time.
    pub end: DateTime<FixedOffset>,
    /// Status code.
    pub status: String,
    /// Control type code.
    pub control_type: String,
    /// Vehicle category code.
    pub vehicle_category: String,
    /// The vehicle's plate.
    pub plate: String,
    /// Left for the day, no fixed time.
    pub drop_off: bool,
    /// The inspector's name, if one is assigned.
    pub inspector: Option<String>,
}
