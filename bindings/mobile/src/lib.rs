//! Kotlin and Swift bindings of the PTI Calendar engine (uniffi, proc-macro style).
//!
//! Thin by design: uniffi records and enums in, `pti-core` types, records out, every refusal a
//! [`PtiError`](error::PtiError) variant carrying the engine's stable code. The engine's domain objects that a
//! phone receives from the API as JSON (centres, search queries, vehicles, bookings, existing
//! bookings) are passed as JSON text in the serde shape of `pti-core` (the shape of
//! `tests/vectors/*.json`), and parsed by the engine's own serde impls. Instants are ISO 8601
//! strings with an explicit offset; results keep the centre's local offset.

pub mod availability;
mod convert;
pub mod error;
pub mod model;
pub mod places;
pub mod policy;
pub mod rules;
pub mod schedule;
pub mod search;

uniffi::setup_scaffolding!("pti_calendar");
