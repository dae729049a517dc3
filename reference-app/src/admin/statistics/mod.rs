//! A network's statistics (journey 13): over a period of months, its bookings, money taken and
//! given back, cancellations and no-shows by month, control type, vehicle category, agency and
//! centre, with the conversion funnel; for the network, an agency or a centre as the caller's
//! scope allows, as JSON or exported to a workbook or a PDF report. Read from the rollups the
//! writes keep (`rdv_stats_monthly`, `funnel_monthly`).

mod labels;
mod repo;
mod report;
pub mod routes;
mod service;
mod views;

mod workbook;
