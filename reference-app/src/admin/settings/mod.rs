//! A network's settings as its admin edits them: identity, booking rules, the client portal's
//! colour, title and logo.

mod colour;
mod input;
mod logo;
mod repo;
pub mod routes;
pub mod service;
mod views;

pub use views::TenantSettings;
