//! The planning service: availability as the public sees it — French places for the search
//! box, the geo-ranked search and centres' month calendars — answered from the in-memory
//! engine, and the opaque slot ids a booking takes ([`SlotKey`], [`Wanted`]); the searches and slot views
//! of the booking funnel are counted in memory ([`Funnel`]). Shifts, blocks
//! and leave of the centres' planning come with the pro portal. Depends on no other service.

pub mod funnel;
mod places;
pub mod routes;
pub mod service;
mod slot_id;
mod views;
mod wanted;

pub use funnel::Funnel;
pub use places::gazetteer;
pub use slot_id::SlotKey;
pub use views::{CentreView, SlotView};
pub use wanted::Wanted;
