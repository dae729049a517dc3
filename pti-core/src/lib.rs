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
//! - [`policy`]: tenancy and role-based access control;
//! - [`places`]: French communes and postcodes, to turn what a driver types into a point.
//!
//! The engine is pure: no I/O, no clock (callers pass "now"), no global state. Every error
//! carries a stable machine code ([`Coded::code`]) that the API and the bindings pass through,
//! and every closed set of values a stable text code ([`Code::code`], parsed back with
//! `FromStr`).
//!
//! ```
//! use pti_core::availability::{CentreAvailability, Need, TimeFilter};
//! use pti_core::model::*;
//! use pti_core::search::{Area, SearchIndex, SearchQuery, SortBy};
//!
//! let mut centre = Centre::typical(CentreId::from_u128(1), TenantId::from_u128(1),
//!     AgencyId::from_u128(1), "CT Paris 11", GeoPoint::new(48.857, 2.38)?);
//! centre.inspectors.push(Inspector::new(InspectorId::from_u128(7), "Marie", Agreements::of(&[Agreement::Vl])));
//! let first_day = "2026-11-30".parse()?;
//! let (availability, _) = CentreAvailability::build(&centre, first_day, 90, &[])?;
//! let mut index = SearchIndex::build(vec![(centre, availability)])?;
//!
//! let query = SearchQuery {
//!     origin: GeoPoint::new(48.8566, 2.3522)?, area: Area::Radius(20.0),
//!     dates: DateRange::new(first_day, "2026-12-04".parse()?)?, not_before: None,
//!     category: VehicleCategory::Vp, fuel: Fuel::Diesel, control_type: ControlType::Periodic,
//!     tenant: None, max_price: None, min_rating: None, time: TimeFilter::default(),
//!     sort: SortBy::Distance, limit: 20, slots_per_centre: 3, windows: Vec::new(),
//! };
//! let hits = index.search(&query)?;
//! let slot = hits[0].slots[0];
//! assert_eq!(slot.start.to_rfc3339(), "2026-11-30T08:00:00+01:00");
//!
//! let need = Need { duration_minutes: hits[0].duration_minutes, agreements: Agreements::required_for(VehicleCategory::Vp, Fuel::Diesel) };
//! let centre_id = hits[0].centre_id;
//! let placed = index.availability_mut(centre_id).unwrap().book(BookingId::from_u128(1), slot.start.into(), &need)?;
//! assert_eq!(placed.inspector_id, InspectorId::from_u128(7));
//! assert_ne!(index.search(&query)?[0].slots[0], slot);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod error;
pub mod model;

pub use error::{Code, Coded, UnknownCode};
pub mod availability;
pub mod places;
pub mod policy;
pub mod rules;
pub mod schedule;
pub mod search;
