//! SQL of the admin module: the network's agencies and centres. Row-level security limits
//! every query to the transaction's tenant.

use serde::Serialize;
use sqlx::{FromRow, PgConnection};
use uuid::Uuid;

/// An agency (agence).
#[derive(Clone, Debug, Serialize, FromRow, utoipa::ToSchema)]
pub struct Agency {
    /// Id.
    pub id: Uuid,
    /// Tenant.
    pub tenant_id: Uuid,
    /// Code, unique in the tenant.
    pub code: String,
    /// Name.
    pub name: String,
    /// Street address.
    pub address: String,
    /// Postcode.
    pub postcode: String,
    /// City.
    pub city: String,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lng: Option<f64>,
    /// Phone.
    pub phone: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// `active` or `inactive`.
    pub status: String,
}

/// A centre (CT).
#[derive(Clone, Debug, Serialize, FromRow, utoipa::ToSchema)]
pub struct Centre {
    /// Id.
    pub id: Uuid,
    /// Tenant.
    pub tenant_id: Uuid,
    /// Agency.
    pub agency_id: Uuid,
    /// Code, unique in the tenant.
    pub code: String,
    /// Name.
    pub name: String,
    /// Street address.
    pub address: String,
    /// Postcode.
    pub postcode: String,
    /// City.
    pub city: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lng: f64,
    /// IANA time zone.
    pub time_zone: String,
    /// Phone.
    pub phone: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Average rating, 0–5.
    pub rating: Option<f64>,
    /// Number of ratings.
    pub rating_count: i32,
    /// Inspection lanes.
    pub lanes: i16,
    /// Bookings per day.
    pub daily_capacity: i32,
    /// Slot grid, minutes.
    pub grid_minutes: i16,
    /// Buffer between bookings, minutes.
    pub buffer_minutes: i16,
    /// Overbooking limit, percent.
    pub overbooking_percent: i16,
    /// `national`, `alsace_moselle` or `open`.
    pub holiday_policy: String,
    /// Opening hours (RRULE periods in local time).
    pub opening_hours: serde_json::Value,
    /// Vehicle categories offered.
    pub vehicle_categories: Vec<String>,
    /// `active` or `inactive`.
    pub status: String,
}

const AGENCY_COLUMNS: &str =
    "id, tenant_id, code, name, address, postcode, city, lat, lng, phone, email, status";
const CENTRE_COLUMNS: &str = "id, tenant_id, agency_id, code, name, address, postcode, city, lat, lng, time_zone, \
     phone, email, rating::float8 AS rating, rating_count, lanes, daily_capacity, grid_minutes, buffer_minutes, \
     overbooking_percent, holiday_policy, opening_hours, vehicle_categories, status";

/// Agencies visible in the transaction, by name.
pub async fn list_agencies(conn: &mut PgConnection) -> Result<Vec<Agency>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {AGENCY_COLUMNS} FROM agences ORDER BY name, id"
    ))
    .fetch_all(conn)
    .await
}

/// One agency, if visible.
pub async fn get_agency(conn: &mut PgConnection, id: Uuid) -> Result<Option<Agency>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {AGENCY_COLUMNS} FROM agences WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// Centres visible in the transaction, optionally of one agency, by name.
pub async fn list_centres(
    conn: &mut PgConnection,
    agency: Option<Uuid>,
) -> Result<Vec<Centre>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {CENTRE_COLUMNS} FROM cts WHERE ($1::uuid IS NULL OR agency_id = $1) ORDER BY name, id"
    ))
    .bind(agency)
    .fetch_all(conn)
    .await
}

/// One centre, if visible.
pub async fn get_centre(conn: &mut PgConnection, id: Uuid) -> Result<Option<Centre>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {CENTRE_COLUMNS} FROM cts WHERE id = $1"))
        .bind(id)
        .fetch_optional(conn)
        .await
}
