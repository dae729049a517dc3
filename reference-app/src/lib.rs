//! # reference-app
//!
//! The PTI Calendar platform service: an axum + sqlx modular monolith on PostgreSQL with
//! row-level security. `main.rs` only loads the configuration, connects, migrates and serves;
//! everything else lives here so the integration tests can drive it.
//!
//! - [`config`]: settings from the environment;
//! - [`db`]: pools (owner for migrations, `pti_app` at run time), migrations, tenant transactions;
//! - [`error`]: the one HTTP error type;
//! - [`keys`]: the RS256 key pair for JWTs;
//! - [`http`]: the router, one sub-router per module, and its middleware;
//! - [`telemetry`]: tracing set-up (JSON logs);
//! - [`auth`]: JWT RS256, refresh tokens, argon2id, the request principal;
//! - [`user`]: the user module (sign-up, login, refresh, logout, profile);
//! - [`admin`]: the admin module (staff reads of agencies and centres).

pub mod admin;
pub mod auth;
pub mod config;
pub mod db;
pub mod error;
pub mod http;
pub mod keys;
pub mod telemetry;
pub mod user;

pub use error::Error;
