//! The admin service: the networks (tenants) and their structure — agencies and centres — as
//! staff read them, and the public facts of a network a portal shows. Every read runs in the
//! caller's tenant under row-level security and is scoped (agency, centre) by
//! `pti_core::policy`. Depends on no other service.

mod repo;
pub mod routes;
pub mod service;
mod views;

pub use views::{Agency, Centre, TenantInfo};
