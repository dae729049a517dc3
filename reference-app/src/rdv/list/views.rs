//! The answer of `GET /rdv` to staff.

use chrono::{DateTime, FixedOffset, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::repo::ListedRow;

/// A booking as staff list it.
#[derive(Debug, Serialize, ToSchema)]
pub struct StaffBooking {
    /// The booking.
    pub id: Uuid,
    /// Its reference.
    pub reference: String,
    /// Its centre.
    pub centre_id: Uuid,
    /// The centre's name.
    pub centre_name: String,
    /// The centre's agency.
    pub agency_id: Uuid,
    /// The agency's name.
    pub agency_name: String,
    /// Start, in the centre's offset.
    pub start: DateTime<FixedOffset>,
    /// End, in the centre's offset.
    pub end: DateTime<FixedOffset>,
    /// Status code.
    #[schema(example = "confirmed")]
    pub status: String,
    /// Payment status code.
    #[schema(example = "paid")]
    pub payment_status: String,
    /// Control type code.
    #[schema(example = "CT")]
    pub control_type: String,
    /// Vehicle category code.
    #[schema(example = "VP")]
    pub vehicle_category: String,
    /// Plate as written.
    pub plate: String,
    /// The customer's first and last name.
    pub customer_name: String,
    /// The customer's e-mail.
    pub customer_email: Option<String>,
    /// The customer's phone.
    pub customer_phone: Option<String>,
    /// Price tax included, cents.
    pub price_cents: i32,
    /// Where it was made: `web`, `call_center`, `pro`, `api` or `seed`.
    pub source: String,
    /// When it was made.
    pub created_at: DateTime<Utc>,
}

impl From<ListedRow> for StaffBooking {
    fn from(r: ListedRow) -> Self {
        let zone: Tz = r.time_zone.parse().unwrap_or(chrono_tz::Europe::Paris);
        Self {
            id: r.id,
            reference: r.reference,
            centre_id: r.centre_id,
            centre_name: r.centre_name,
            agency_id: r.agency_id,
            agency_name: r.agency_name,
            start: r.start_at.with_timezone(&zone).fixed_offset(),
            end: r.end_at.with_timezone(&zone).fixed_offset(),
            status: r.status,
            payment_status: r.payment_status,
            control_type: r.control_type,
            vehicle_category: r.vehicle_category,
            plate: r.plate,
            customer_name: r.customer_name,
            customer_email: r.customer_email,
            customer_phone: r.customer_phone,
            price_cents: r.price_cents,
            source: r.source,
            created_at: r.created_at,
        }
    }
}

/// A page of bookings.
#[derive(Debug, Serialize, ToSchema)]
pub struct BookingPage {
    /// The bookings, in the list's order.
    pub items: Vec<StaffBooking>,
    /// The cursor of the next page, when there is one.
    pub next_cursor: Option<String>,
}
