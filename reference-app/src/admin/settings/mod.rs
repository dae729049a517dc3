//! A network's settings as its admin edits them: identity, booking rules, the client portal's
//! colour, title and logo, how customers pay and how messages go out (secrets sealed).

mod channels;
mod colour;
mod input;
mod logo;
mod repo;
pub mod routes;
mod secret;
pub mod service;
mod views;

pub use views::TenantSettings;
