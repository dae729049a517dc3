//! The user service: accounts and sessions (sign-up, login, rotating refresh tokens, logout,
//! revocation in [`sessions`]), the caller's profile, saved vehicles and notification
//! preferences, and the management of a network's staff accounts by its admins ([`staff`]:
//! list, invitations, edits, deactivation, erasure). Reads the admin service's agencies and
//! centres; writes the audit trail.

mod repo;
pub mod routes;
pub mod service;
pub mod sessions;
pub mod staff;
mod views;

pub use views::{Prefs, Tokens, User, VehicleView};
