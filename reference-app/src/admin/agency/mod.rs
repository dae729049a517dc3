//! The agencies of a network: listed, opened and changed by its admins.

mod repo;
pub mod routes;
pub mod service;
mod views;

pub use views::Agency;
