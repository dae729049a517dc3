//! The booking service (the spec's `rdv`): holding a slot, paying, moving and cancelling a
//! booking, its documents (ICS, PDF), releasing expired holds, and the staff's list of a
//! network's bookings with its export. Calls the payment service
//! and the user service; the notification service reads its bookings.

mod access;
pub mod documents;
mod list;
mod repo;
pub mod routes;
pub mod service;
mod views;

pub use repo::RdvRow;
pub use views::{CancelledView, PaymentResultView, RdvListView, RdvView};
