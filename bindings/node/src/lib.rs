//! Node.js bindings of the PTI Calendar engine (napi-rs): the native part of `@pti-calendar/core`.
//!
//! Thin by design: JavaScript values in, `pti-core` types, plain objects out. Structured inputs
//! (centres, queries, existing bookings) are plain objects in the serde shape of `pti-core` (the
//! shape of the JSON vectors); results are camelCase objects whose instants are ISO 8601
//! strings with the centre's UTC offset. Every error thrown is an `Error` whose `.code` is the
//! engine's stable code (`SLOT_TAKEN`, `INVALID_PLATE`, ...) or, for bad arguments, Node's own
//! `ERR_INVALID_ARG_TYPE` / `ERR_INVALID_ARG_VALUE`. Every call is synchronous (microseconds).
//!
//! napi generates the addon's loader and declarations as `native.js` / `native.d.ts`; the
//! package's entry point (`index.js`, `index.d.ts`) is written by hand and builds the search
//! hits in JavaScript from `Network.searchFast` / `searchRaw` (see `encode_hits`).

// napi-rs's macros generate items (registration functions, JS wrappers) without doc comments;
// every item written here is documented.
#![allow(missing_docs)]

/// The addon's own allocator for everything Rust allocates (the engine's index, each search's
/// hits and buffers), apart from the host's `malloc`.
// Speed: in a Node process that has just handed over millions of bookings, glibc's `malloc`
// holds a fragmented heap and spent ~40 % of a search (`_int_malloc` sorting its bins; the
// same search in a Rust process spends ~5 % there): the search took 2.6x criterion's time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod availability;
mod convert;
pub mod error;
pub mod model;
pub mod places;
pub mod policy;
pub mod rules;
pub mod schedule;
pub mod search;
