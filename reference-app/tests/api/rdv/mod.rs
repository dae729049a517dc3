//! Bookings (rdv) through the HTTP API, on the seeded demo data: hold, pay (sandbox test
//! cards), documents, move, cancel with refund, expiry, access across roles and tenants, and
//! double booking under concurrency.

mod access;
mod change;
mod confirmation;
mod double_booking;
mod hold;
