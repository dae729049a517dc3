//! A network's dashboard (journey 8): the month's key figures, twelve months of revenue, the
//! conversion funnel, the leading agencies and the latest bookings, for the whole network, an
//! agency or a centre as the caller's scope allows. Read from the rollups the writes keep
//! (`rdv_monthly`, `funnel_monthly`), the users table and the engine's opening hours.

mod repo;
pub mod routes;
mod service;
mod views;

pub(crate) use repo::funnel;
pub(crate) use service::parse_month;
pub(crate) use views::FunnelFigures;
