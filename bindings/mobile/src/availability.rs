//! Free starts and placements (`pti_core::availability`).

use pti_core::availability;

/// A free start found by a search.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct FreeSlot {
    /// Start, ISO 8601 with the centre's UTC offset.
    pub start: String,
    /// End of the inspection, ISO 8601 with the centre's UTC offset.
    pub end: String,
    /// How many more bookings could start then.
    pub capacity: u32,
}

/// Where a booking was placed.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct Placement {
    /// The booking.
    pub booking_id: String,
    /// The inspector chosen.
    pub inspector_id: String,
    /// Start, ISO 8601 UTC.
    pub start: String,
    /// End of the inspection (rounded up to the centre's grid), ISO 8601 UTC.
    pub end: String,
}

impl From<availability::Placement> for Placement {
    fn from(p: availability::Placement) -> Self {
        Placement {
            booking_id: p.booking_id.to_string(),
            inspector_id: p.inspector_id.to_string(),
            start: p.start.to_rfc3339(),
            end: p.end.to_rfc3339(),
        }
    }
}
