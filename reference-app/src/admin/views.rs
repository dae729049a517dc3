//! Answers of the admin routes.

use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// The public facts of a network, as a portal shows them.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct TenantInfo {
    /// Id.
    pub id: Uuid,
    /// URL slug (`controle-auto-france`).
    pub slug: String,
    /// Display name.
    pub name: String,
    /// Branding: colours, logo, portal texts.
    #[schema(value_type = Object)]
    pub branding: serde_json::Value,
}

/// An agency (agence).
#[derive(Clone, Debug, Serialize, ToSchema)]
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
#[derive(Clone, Debug, Serialize, ToSchema)]
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
