//! The admin service: the networks (tenants), their settings and their structure — agencies
//! and centres, with the centres' hours, closures and offers — as staff read and change them,
//! their dashboard, global planning and statistics, and the public facts of a network a portal shows.
//! Every query runs in the caller's tenant under row-level security, is scoped (agency,
//! centre) by `pti_core::policy`, and every change writes an audit row. Calls the planning service only for its communes table.

pub mod agency;
mod capacity;
pub mod centre;
mod dashboard;
pub mod editor;
mod fields;
mod planning;
mod repo;
pub mod routes;
pub(crate) mod scope;
pub mod service;
pub mod settings;
mod statistics;
mod views;

pub use agency::Agency;
pub use capacity::PlannedMemo;
pub use centre::Centre;
pub use views::TenantInfo;
