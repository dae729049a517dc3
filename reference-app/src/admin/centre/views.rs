//! Answers of the centre routes.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;
use uuid::Uuid;

/// A weekly opening window of a centre, in its local wall-clock time.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
pub struct OpeningWindow {
    /// RFC 5545 weekly rule naming the days (`FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR`).
    #[schema(example = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", max_length = 100)]
    pub rrule: String,
    /// Opening time, `HH:MM`.
    #[schema(example = "08:00", pattern = "^[0-2][0-9]:[0-5][0-9]$")]
    pub start: String,
    /// Closing time, `HH:MM`, after `start`.
    #[schema(example = "12:00", pattern = "^[0-2][0-9]:[0-5][0-9]$")]
    pub end: String,
}

/// A centre (CT) with its settings, as its staff see it.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Centre {
    /// Id.
    pub id: Uuid,
    /// Tenant.
    pub tenant_id: Uuid,
    /// Agency.
    pub agency_id: Uuid,
    /// Code, unique in the tenant (upper case).
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
    /// Opening hours.
    pub opening_hours: Vec<OpeningWindow>,
    /// Vehicle categories offered.
    pub vehicle_categories: Vec<String>,
    /// `active` or `inactive`.
    pub status: String,
    /// Its active inspectors.
    pub inspector_count: i64,
}

impl Centre {
    /// The centre's own fields, as the audit trail records them.
    pub fn audited(&self) -> Value {
        let mut fields = serde_json::to_value(self).unwrap_or(Value::Null);
        if let Some(map) = fields.as_object_mut() {
            for derived in ["inspector_count", "rating", "rating_count", "tenant_id"] {
                map.remove(derived);
            }
        }
        fields
    }
}

/// An exceptional closure of a whole centre, in its local wall-clock time.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Closure {
    /// Id.
    pub id: Uuid,
    /// First closed minute, `YYYY-MM-DDTHH:MM` local.
    #[schema(example = "2027-05-01T00:00")]
    pub start: String,
    /// End (exclusive), `YYYY-MM-DDTHH:MM` local.
    #[schema(example = "2027-05-02T00:00")]
    pub end: String,
    /// Why.
    pub reason: String,
    /// Active bookings inside the closure: they are not cancelled by it.
    pub bookings: i64,
}

/// An offer of a centre: the price and duration of a control type for a vehicle category.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct CentreOffer {
    /// `CT`, `CT_CONTRE_VISITE` or `CTC`.
    pub control_type: String,
    /// `VP`, `VU`, `L`, `CAMPING_CAR`, `TRAILER` or `PL`.
    pub vehicle_category: String,
    /// Price tax included, cents.
    pub price_cents: i32,
    /// VAT rate, basis points (2000 = 20 %).
    pub vat_rate_bp: i32,
    /// Duration, minutes; null: the engine's default for the control and the vehicle.
    pub duration_minutes: Option<i16>,
    /// `centre` (the centre's own) or `network` (the network's default).
    #[schema(example = "network")]
    pub source: String,
    /// Offered; false: withdrawn at this centre.
    pub active: bool,
}
