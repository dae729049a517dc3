//! The reference app's integration tests, one binary: one module per service, each driving the
//! application through [`support`] on a fresh PostgreSQL database per test (`#[sqlx::test]`).
//! Every answer is checked against the OpenAPI document.

mod admin;
mod bookings_list;
mod channels;
mod dashboard;
mod db;
mod global_planning;
mod health;
mod network;
mod notification;
mod openapi;
mod payment;
mod planning;
mod rdv;
mod reminders;
mod seed;
mod settings;
mod statistics;
mod support;
mod user;
