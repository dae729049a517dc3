//! The notification service: the worker's delivery of outbox events as French e-mails and SMS
//! ([`messages`]) through each network's channels ([`network`]: its own SMTP server, Brevo or
//! smsmode account, else the platform's SMTP relay ([`smtp`]) and SMS gateway ([`sms`]) when
//! configured, or the local mailbox that stands in for them in development, `GET
//! /dev/mailbox`), with the bookings' J-1 and H-2 [`reminders`]; and an admin's test e-mail
//! ([`probe`]). Reads the booking service's
//! bookings and the user service's preferences.

pub mod brevo;
pub mod mailer;
pub mod messages;
pub mod network;
mod probe;
pub mod reminders;
mod repo;
pub mod routes;
pub mod service;
pub mod sms;
pub mod smtp;
mod views;

pub use repo::MAX_ATTEMPTS;
pub use service::Outlets;
pub use views::{Attachment, MailboxEntry, TestSent};
