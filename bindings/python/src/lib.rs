//! Python bindings of the PTI Calendar engine: the private native module `pti_calendar._native`.
//!
//! Thin by design: Python values in, `pti-core` types, Python values out, errors mapped to an
//! exception hierarchy carrying the engine's stable code. Structured inputs (centres, queries,
//! existing bookings) are plain dicts in the serde shape of `pti-core`; they are read in place
//! by a serde `Deserializer` over Python values (`date` and aware `datetime` as ISO 8601) and
//! deserialised by the engine's own serde impls, so every rule about their shape is the
//! engine's. One file per module of the engine, plus the exceptions and the conversions.

// pyo3's macros generate items (the module init function, method wrappers) that cannot carry
// doc comments; every item written here is documented.
#![allow(missing_docs)]

/// The module's own allocator for everything Rust allocates (the engine's index, each search's
/// hits), apart from the interpreter's `malloc`.
// Speed: after a network is built from millions of dicts, glibc's heap is fragmented and its
// `malloc` took ~10 % of a search (~5 % in a Rust process); see benches/README.md.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use pyo3::prelude::*;

mod availability;
mod convert;
mod de;
mod error;
mod model;
mod places;
mod policy;
mod rules;
mod schedule;
mod search;

/// The native module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    model::register(m)?;
    schedule::register(m)?;
    availability::register(m)?;
    search::register(m)?;
    rules::register(m)?;
    policy::register(m)?;
    places::register(m)?;
    error::register(m)?;
    Ok(())
}
