//! The centres of a network: listed, opened and changed by its admins, with their opening
//! hours, settings, exceptional closures and offers.

mod closures;
mod hours;
mod offers;
mod repo;
pub mod routes;
pub mod service;
mod settings;
mod views;

pub use views::{Centre, CentreOffer, Closure, OpeningWindow};
