//! The bookings of a network as its staff list them (`GET /rdv`): filtered by period, agency,
//! centre, status, payment, control type and a search (reference, plate, e-mail, phone), in
//! start or creation order, paged by keyset cursor at any depth without counting millions of
//! rows; and the same list exported whole as CSV or XLSX (`GET /rdv/export`), streamed.

mod export;
mod query;
mod repo;
pub mod routes;
mod service;
mod views;
