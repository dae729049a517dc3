//! The notification service: the worker's delivery of outbox events as French e-mails and SMS
//! ([`messages`]), through SMTP ([`smtp`]) and an SMS gateway ([`sms`]) when configured, or
//! the local mailbox that stands in for them in development (`GET /dev/mailbox`). Reads the
//! booking service's bookings and the user service's preferences.

pub mod messages;
mod repo;
pub mod routes;
pub mod service;
pub mod sms;
pub mod smtp;
mod views;

pub use repo::MAX_ATTEMPTS;
pub use service::Outlets;
pub use views::{Attachment, MailboxEntry};
