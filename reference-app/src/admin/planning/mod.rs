//! A network's global planning (journey 12): every centre of the network, an agency or a
//! centre × each day of a period with its bookings, capacity and fill rate, the same by local
//! hour for a heatmap, and one centre's day in detail. Read from the rollup the writes keep
//! (`rdv_daily`), the bookings of a day and the engine's opening hours.

mod repo;
pub mod routes;
mod service;
mod views;
