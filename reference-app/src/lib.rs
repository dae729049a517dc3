//! # reference-app
//!
//! The PTI Calendar platform service: an axum + sqlx modular monolith on PostgreSQL with
//! row-level security. `main.rs` only parses the command line; [`startup`] builds the
//! application for `main` and for the tests.
//!
//! The services, one folder each with `routes.rs` (axum only), `service.rs` (the use cases),
//! `repo.rs` (their SQL) and `views.rs` (answer types):
//! - [`planning`]: public search, places and centre calendars, on the in-memory engine;
//! - [`rdv`]: bookings — hold, pay, move, cancel, documents, expiry;
//! - [`payment`]: providers, charges with invoices, refunds;
//! - [`notification`]: e-mails and SMS of booking events, the local mailbox;
//! - [`user`]: accounts, sessions, profile, saved vehicles, and a network's staff accounts
//!   managed by its admins (invitations, roles, deactivation);
//! - [`admin`]: networks and their settings, agencies and centres (hours, closures, offers).
//!
//! Calls between services run one way: `rdv` → `payment`, `user`; `notification` → `rdv`,
//! `user`; `user` → `admin` → `planning` (its communes table). Below the services, imported by them and never importing them:
//! - [`domain`]: parsed input (e-mail, phone, names, plates, codes);
//! - [`auth`]: the principal, JWTs, password hashes, opaque tokens;
//! - [`engine`]: the scheduling engine kept in step with the database, and its reservations;
//! - [`db`]: pools, migrations, tenant transactions, code columns, constraint mapping;
//! - [`events`]: the transactional outbox;
//! - [`audit`]: the audit trail every staff mutation writes in its transaction;
//! - [`channels`]: a network's own payment and notification channels, as its settings store them;
//! - [`secrets`]: the secrets networks give (their Stripe keys, ...), sealed at rest;
//! - [`export`]: lists streamed as CSV or XLSX files;
//! - [`pdf`]: PDF documents laid out with krilla, on the letterhead of their network;
//! - [`error`]: the one API error type;
//! - [`outbound`]: the HTTPS client of third-party APIs.
//!
//! Above them: [`extract`] (request extractors), [`http`] (router, middleware, OpenAPI, health),
//! [`state`] (the shared state and its parts), [`worker`] (background jobs), [`startup`],
//! [`seed`] (the demo data), [`config`], [`keys`] and [`telemetry`].

pub mod admin;
pub mod audit;
pub mod auth;
pub mod channels;
pub mod config;
pub mod db;
pub mod domain;
pub mod engine;
pub mod error;
pub mod events;
pub mod export;
pub mod extract;
pub mod http;
pub mod keys;
pub mod notification;
pub mod outbound;
pub mod payment;
pub mod pdf;
pub mod planning;
pub mod rdv;
pub mod secrets;
pub mod seed;
pub mod startup;
pub mod state;
pub mod telemetry;
pub mod user;
pub mod worker;

pub use error::Error;
