//! The user service: accounts and sessions (sign-up, login, rotating refresh tokens, logout,
//! revocation in [`sessions`]), the caller's profile, saved vehicles and notification
//! preferences. Depends on no other service.

mod repo;
pub mod routes;
pub mod service;
pub mod sessions;
mod views;

pub use views::{Prefs, Tokens, User, VehicleView};
