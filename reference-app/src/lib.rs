//! # reference-app
//!
//! The PTI Calendar platform service: an axum + sqlx modular monolith on PostgreSQL with
//! row-level security. `main.rs` only loads the configuration, connects, migrates and serves;
//! everything else lives here so the integration tests can drive it.
//!
//! - [`codes`]: the stable string codes of pti-core's enums;
//! - [`config`]: settings from the environment;
//! - [`db`]: pools (owner for migrations, `pti_app` at run time), migrations, tenant transactions;
//! - [`error`]: the one HTTP error type;
//! - [`keys`]: the RS256 key pair for JWTs;
//! - [`http`]: the router, one sub-router per module, and its middleware;
//! - [`telemetry`]: tracing set-up (JSON logs);
//! - [`auth`]: JWT RS256, refresh tokens, argon2id, the request principal;
//! - [`user`]: the user module (sign-up, login, refresh, logout, profile);
//! - [`admin`]: the admin module (staff reads of agencies and centres);
//! - [`engine`]: the in-memory scheduling engine, loaded from and kept in step with the database;
//! - [`search`]: public search (places, availability, centre calendars);
//! - [`booking`]: bookings (hold, move, cancel, ICS and PDF);
//! - [`payment`]: the payment provider seam, the sandbox, payments and refunds;
//! - [`notify`]: the outbox, its worker, e-mails, SMS and the local mailbox;
//! - [`outbound`]: the HTTPS client of third-party APIs (Stripe, the SMS gateway);
//! - [`seed`]: the demo data of the spec.

pub mod admin;
pub mod auth;
pub mod booking;
pub mod codes;
pub mod config;
pub mod db;
pub mod engine;
pub mod error;
pub mod http;
pub mod keys;
pub mod notify;
pub mod outbound;
pub mod payment;
pub mod search;
pub mod seed;
pub mod telemetry;
pub mod user;

pub use error::Error;
