//! Answers of the settings routes.

use pti_core::rules::BookingPolicy;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub use super::channels::{Notification, Payment};

/// Who the network is, as its documents and portal name it.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct General {
    /// Display name.
    pub name: String,
    /// Legal name (raison sociale).
    pub legal_name: String,
    /// SIRET: 14 digits.
    pub siret: String,
    /// Street address.
    pub address: String,
    /// Postcode.
    pub postcode: String,
    /// City.
    pub city: String,
    /// Contact phone.
    pub phone: String,
    /// Contact e-mail.
    pub email: String,
}

/// The booking rules of the network's centres, as pti-core applies them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Policy {
    /// Least time between booking and inspection, minutes (at most 30 days).
    pub min_notice_minutes: u32,
    /// How far ahead one may book, days (1 to 730).
    pub horizon_days: u32,
    /// A booking may be moved until this many hours before it starts (at most 720).
    pub modification_deadline_hours: u32,
    /// Cancelling until this many hours before the start gives the early refund (at most 720).
    pub cancellation_deadline_hours: u32,
    /// Share refunded on an early cancellation, percent.
    pub refund_before_deadline_percent: u8,
    /// Share refunded on a late cancellation, percent (at most the early one).
    pub refund_after_deadline_percent: u8,
    /// Whether a late cancellation is accepted at all.
    pub late_cancellation_allowed: bool,
    /// A re-inspection must take place within this many months of the failed one (1 to 24).
    pub recheck_window_months: u32,
    /// Bookings a centre takes a day, share of its capacity, percent (100 to 200).
    pub overbooking_percent: u16,
    /// Above this fill, percent, the centre manager is warned (1 to 200).
    pub fill_warning_percent: u16,
    /// An unpaid hold is released after this many minutes (1 to 120).
    pub hold_minutes: u32,
}

impl From<BookingPolicy> for Policy {
    fn from(p: BookingPolicy) -> Self {
        Policy {
            min_notice_minutes: p.min_notice_minutes,
            horizon_days: p.horizon_days,
            modification_deadline_hours: p.modification_deadline_hours,
            cancellation_deadline_hours: p.cancellation_deadline_hours,
            refund_before_deadline_percent: p.refund_before_deadline_percent,
            refund_after_deadline_percent: p.refund_after_deadline_percent,
            late_cancellation_allowed: p.late_cancellation_allowed,
            recheck_window_months: p.recheck_window_months,
            overbooking_percent: p.overbooking_percent,
            fill_warning_percent: p.fill_warning_percent,
            hold_minutes: p.hold_minutes,
        }
    }
}

/// How the network's client portal looks.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Branding {
    /// Primary colour, `#RRGGBB`, readable under white text (contrast at least 4.5:1).
    #[schema(example = "#1d4ed8")]
    pub primary_color: String,
    /// The portal's title; null: the network's name.
    pub portal_title: Option<String>,
    /// Where the portal reads the logo (changes with the logo); null: no logo.
    #[schema(example = "/api/v1/tenants/00000000-0000-0000-0000-00000000000a/logo?v=3f2a9c1e")]
    pub logo_url: Option<String>,
}

/// A network's settings, as its admin edits them.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct TenantSettings {
    /// Identity and contacts.
    pub general: General,
    /// Booking rules.
    pub booking_policy: Policy,
    /// The client portal's look.
    pub branding: Branding,
    /// How customers pay.
    pub payment: Payment,
    /// How messages go out.
    pub notification: Notification,
}
