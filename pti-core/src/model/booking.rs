//! Bookings and their status machine.

use super::calendar::TimeRange;
use super::control::ControlType;
use super::ids::{BookingId, CentreId, InspectorId, TenantId, UserId};
use super::money::Price;
use super::vehicle::Vehicle;
use crate::error::Coded;
use serde::{Deserialize, Serialize};

/// Where a booking stands.
///
/// ```text
/// pending_payment ─▶ confirmed ─▶ in_progress ─▶ completed
///        │               │  │  └──────────────▶ refused
///        ▼               ▼  └─▶ no_show           ▲
///    cancelled ◀──── cancelled      confirmed ────┘
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BookingStatus {
    /// Slot held, waiting for payment (expires).
    PendingPayment,
    /// Paid, or confirmed to be paid on site.
    Confirmed,
    /// The vehicle is being inspected.
    InProgress,
    /// Inspection done.
    Completed,
    /// The customer did not come; the capacity is not given back.
    NoShow,
    /// Cancelled by the customer, the centre, or expiry of the hold.
    Cancelled,
    /// The centre refused the vehicle (wrong category, unsafe, ...).
    Refused,
}

/// A transition the status machine does not allow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("a booking cannot go from {from:?} to {to:?}")]
pub struct StatusError {
    /// Current status.
    pub from: BookingStatus,
    /// Requested status.
    pub to: BookingStatus,
}

impl Coded for StatusError {
    fn code(&self) -> &'static str {
        "ILLEGAL_STATUS_TRANSITION"
    }
}

impl BookingStatus {
    /// Every status.
    pub const ALL: [BookingStatus; 7] = [
        BookingStatus::PendingPayment,
        BookingStatus::Confirmed,
        BookingStatus::InProgress,
        BookingStatus::Completed,
        BookingStatus::NoShow,
        BookingStatus::Cancelled,
        BookingStatus::Refused,
    ];

    /// Whether the machine allows `self → to`.
    pub fn can_become(self, to: BookingStatus) -> bool {
        use BookingStatus::*;
        matches!(
            (self, to),
            (PendingPayment, Confirmed)
                | (PendingPayment, Cancelled)
                | (Confirmed, InProgress)
                | (Confirmed, NoShow)
                | (Confirmed, Cancelled)
                | (Confirmed, Refused)
                | (InProgress, Completed)
                | (InProgress, Refused)
        )
    }

    /// The next status, or the error naming the illegal transition.
    pub fn transition(self, to: BookingStatus) -> Result<BookingStatus, StatusError> {
        if self.can_become(to) {
            Ok(to)
        } else {
            Err(StatusError { from: self, to })
        }
    }

    /// Whether the booking still holds capacity at its time.
    pub fn is_active(self) -> bool {
        matches!(
            self,
            BookingStatus::PendingPayment | BookingStatus::Confirmed | BookingStatus::InProgress
        )
    }

    /// Whether no transition leaves this status.
    pub fn is_terminal(self) -> bool {
        !BookingStatus::ALL.iter().any(|to| self.can_become(*to))
    }
}

crate::error::impl_code!(BookingStatus, "booking status" {
    PendingPayment = "pending_payment",
    Confirmed = "confirmed",
    InProgress = "in_progress",
    Completed = "completed",
    NoShow = "no_show",
    Cancelled = "cancelled",
    Refused = "refused",
});

/// A booking of an inspection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Booking {
    /// Identifier.
    pub id: BookingId,
    /// Tenant of the centre.
    pub tenant_id: TenantId,
    /// Centre.
    pub centre_id: CentreId,
    /// Assigned inspector (none for a drop-off until the centre assigns one).
    pub inspector_id: Option<InspectorId>,
    /// Customer account, if any (guests have none).
    pub client_id: Option<UserId>,
    /// The vehicle.
    pub vehicle: Vehicle,
    /// Control type.
    pub control_type: ControlType,
    /// When the inspection takes place.
    pub time: TimeRange,
    /// A drop-off booking of overbooking capacity: the vehicle is left for the day.
    pub drop_off: bool,
    /// Status.
    pub status: BookingStatus,
    /// Price tax included.
    pub price: Price,
}

impl Booking {
    /// Moves the booking to `to` if the status machine allows it.
    pub fn set_status(&mut self, to: BookingStatus) -> Result<(), StatusError> {
        self.status = self.status.transition(to)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::BookingStatus::*;
    use super::*;

    #[test]
    fn the_happy_path_is_allowed() {
        let s = PendingPayment.transition(Confirmed).unwrap();
        let s = s.transition(InProgress).unwrap();
        assert_eq!(s.transition(Completed).unwrap(), Completed);
    }

    #[test]
    fn exactly_the_documented_transitions_are_allowed() {
        let allowed = [
            (PendingPayment, Confirmed),
            (PendingPayment, Cancelled),
            (Confirmed, InProgress),
            (Confirmed, NoShow),
            (Confirmed, Cancelled),
            (Confirmed, Refused),
            (InProgress, Completed),
            (InProgress, Refused),
        ];
        for from in BookingStatus::ALL {
            for to in BookingStatus::ALL {
                let expected = allowed.contains(&(from, to));
                assert_eq!(from.can_become(to), expected, "{from:?} -> {to:?}");
                if !expected {
                    assert_eq!(
                        from.transition(to).unwrap_err().code(),
                        "ILLEGAL_STATUS_TRANSITION"
                    );
                }
            }
        }
    }

    #[test]
    fn terminal_statuses_hold_no_capacity() {
        for s in [Completed, NoShow, Cancelled, Refused] {
            assert!(s.is_terminal());
            assert!(!s.is_active());
        }
        for s in [PendingPayment, Confirmed, InProgress] {
            assert!(!s.is_terminal());
            assert!(s.is_active());
        }
    }

    #[test]
    fn statuses_serialise_in_snake_case() {
        assert_eq!(
            serde_json::to_string(&PendingPayment).unwrap(),
            "\"pending_payment\""
        );
        assert_eq!(serde_json::to_string(&NoShow).unwrap(), "\"no_show\"");
    }
}
