//! # pti-core
//!
//! The scheduling engine of PTI Calendar: vehicle technical inspection (contrôle technique)
//! bookings for networks of centres in France.
//!
//! Modules, in the order a reader learns the domain:
//! - [`model`]: tenants, centres, inspectors, vehicles and plates, money, bookings;
//! - [`schedule`]: opening hours and shifts (RFC 5545 RRULEs) into concrete slots, across DST;
//! - [`availability`]: free capacity per centre, booking and release;
//! - [`search`]: geo-ranked availability search;
//! - [`rules`]: each tenant's booking policy;
//! - [`policy`]: tenancy and role-based access control.
//!
//! The engine is pure: no I/O, no clock (callers pass "now"), no global state.

pub mod error;
pub mod model;

pub use error::Coded;
pub mod availability;
pub mod policy;
pub mod rules;
pub mod schedule;
pub mod search;
