//! Answers of the booking routes: the `Rdv` JSON of API.md, lists and cancellations, and a
//! booking row as pti-core's `Booking` for the rules.

use chrono::{DateTime, FixedOffset, Utc};
use chrono_tz::Tz;
use pti_core::model::{
    Booking, BookingId, BookingStatus, CentreId, ControlType, Fuel, InspectorId, Money, Plate,
    Price, TenantId, TimeRange, UserId, VatRate, Vehicle, VehicleCategory,
};
use pti_core::rules::{self, BookingPolicy};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::repo::RdvRow;
use crate::http::openapi::codes;
use crate::payment::{PaymentStatus, PaymentView};

/// The booking's centre as shown with it.
#[derive(Debug, Serialize, ToSchema)]
pub struct RdvCentre {
    /// Id.
    pub id: Uuid,
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
    /// Phone.
    pub phone: Option<String>,
}

/// A booking as the API answers it.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Rdv)]
pub struct RdvView {
    /// Id.
    pub id: Uuid,
    /// Reference shown to the customer.
    pub reference: String,
    /// Status code.
    #[schema(schema_with = codes::booking_status)]
    pub status: BookingStatus,
    /// Payment status: `unpaid`, `pending`, `paid`, `failed`, `refunded`,
    /// `partially_refunded` or `on_site`.
    #[schema(value_type = String, example = "paid")]
    pub payment_status: PaymentStatus,
    /// End of the unpaid hold.
    pub hold_expires_at: Option<DateTime<Utc>>,
    /// Start, centre's local time.
    pub start: DateTime<FixedOffset>,
    /// End, centre's local time.
    pub end: DateTime<FixedOffset>,
    /// The centre.
    pub centre: RdvCentre,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// E-mail.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Plate.
    pub immatriculation: String,
    /// Category code.
    #[schema(schema_with = codes::vehicle_type)]
    pub vehicle_type: VehicleCategory,
    /// Fuel code.
    #[schema(schema_with = codes::fuel)]
    pub fuel: Fuel,
    /// Make.
    pub marque: Option<String>,
    /// Model.
    pub modele: Option<String>,
    /// Year.
    pub annee: Option<i16>,
    /// Control type code.
    #[schema(schema_with = codes::control_type)]
    pub control_type: ControlType,
    /// Notes.
    pub notes: Option<String>,
    /// Price tax included, cents.
    pub price_cents: i32,
    /// VAT, cents.
    pub vat_cents: i32,
    /// Whether it may be moved now.
    pub can_modify: bool,
    /// Whether it may be cancelled now.
    pub can_cancel: bool,
    /// Modification (and free cancellation) deadline.
    pub deadline: DateTime<Utc>,
    /// Why it cannot be moved, when it cannot (stable code).
    #[schema(value_type = Option<String>)]
    pub modify_refusal: Option<&'static str>,
    /// What cancelling now refunds, cents.
    pub refund_if_cancelled_cents: i64,
    /// The guest's secret (only in the answer that created the booking).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guest_token: Option<String>,
}

/// A list of bookings.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = RdvList)]
pub struct RdvListView {
    /// Upcoming ones soonest first, past ones latest first.
    pub items: Vec<RdvView>,
}

/// A cancelled booking and what was refunded.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Cancelled)]
pub struct CancelledView {
    /// The booking, now `cancelled`.
    pub rdv: RdvView,
    /// Refunded through the payment provider, cents (per the network's policy).
    pub refund_cents: i64,
}

/// Answer of `POST /payment/process`: the payment and the confirmed booking.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = PaymentResult)]
pub struct PaymentResultView {
    /// The payment.
    pub payment: PaymentView,
    /// The booking, now `confirmed`.
    pub rdv: RdvView,
}

impl RdvRow {
    /// The centre's time zone (Paris when unreadable).
    pub fn tz(&self) -> Tz {
        self.centre_time_zone
            .parse()
            .unwrap_or(chrono_tz::Europe::Paris)
    }

    /// Amount paid, cents (0 unless the payment went through).
    pub fn paid_cents(&self) -> i64 {
        match self.payment_status.0 {
            PaymentStatus::Paid => i64::from(self.price_cents),
            _ => 0,
        }
    }

    /// The booking as pti-core sees it; `None` for a row whose plate no longer parses.
    pub fn to_core(&self) -> Option<Booking> {
        Some(Booking {
            id: BookingId(self.id),
            tenant_id: TenantId(self.tenant_id),
            centre_id: CentreId(self.centre_id),
            inspector_id: self.inspector_id.map(InspectorId),
            client_id: self.user_id.map(UserId),
            vehicle: Vehicle {
                plate: Plate::parse(&self.plate).ok()?,
                category: self.vehicle_category.0,
                fuel: self.fuel.0,
                make: self.make.clone(),
                model: self.model.clone(),
                year: self.year.and_then(|y| u16::try_from(y).ok()),
            },
            control_type: self.control_type.0,
            time: TimeRange::new(self.start_at, self.end_at).ok()?,
            drop_off: false,
            status: self.status.0,
            price: Price {
                gross: Money::from_cents(i64::from(self.price_cents)),
                vat_rate: VatRate::STANDARD,
            },
        })
    }

    /// The API view under `policy` at `now`.
    pub fn view(&self, policy: &BookingPolicy, now: DateTime<Utc>) -> RdvView {
        let tz = self.tz();
        let core = self.to_core();
        let deadline =
            self.start_at - chrono::Duration::hours(i64::from(policy.modification_deadline_hours));
        let modify = core.as_ref().map(|b| {
            rules::check_modification(policy, now, b, b.time.start + chrono::Duration::days(1))
        });
        let modify_refusal = match &modify {
            Some(Ok(())) => None,
            // Moving later than the horizon is the only refusal a real move might not meet.
            Some(Err(rules::RuleError::BeyondHorizon { .. })) => None,
            Some(Err(e)) => Some(pti_core::Coded::code(e)),
            None => Some("BOOKING_NOT_MODIFIABLE"),
        };
        let quote = core.as_ref().and_then(|b| {
            rules::cancellation_quote(policy, now, b, Money::from_cents(self.paid_cents())).ok()
        });
        RdvView {
            id: self.id,
            reference: self.reference.clone(),
            status: self.status.0,
            payment_status: self.payment_status.0,
            hold_expires_at: self
                .hold_expires_at
                .filter(|_| self.status.0 == BookingStatus::PendingPayment),
            start: self.start_at.with_timezone(&tz).fixed_offset(),
            end: self.end_at.with_timezone(&tz).fixed_offset(),
            centre: RdvCentre {
                id: self.centre_id,
                name: self.centre_name.clone(),
                address: self.centre_address.clone(),
                postcode: self.centre_postcode.clone(),
                city: self.centre_city.clone(),
                lat: self.centre_lat,
                lng: self.centre_lng,
                phone: self.centre_phone.clone(),
            },
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            immatriculation: self.plate.clone(),
            vehicle_type: self.vehicle_category.0,
            fuel: self.fuel.0,
            marque: self.make.clone(),
            modele: self.model.clone(),
            annee: self.year,
            control_type: self.control_type.0,
            notes: self.notes.clone(),
            price_cents: self.price_cents,
            vat_cents: self.vat_cents,
            can_modify: modify_refusal.is_none(),
            can_cancel: quote.is_some(),
            deadline,
            modify_refusal,
            refund_if_cancelled_cents: quote.map(|q| q.amount.cents()).unwrap_or(0),
            guest_token: None,
        }
    }
}
