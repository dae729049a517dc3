//! Staff user management (the spec's journey 9): a network's admins list its accounts, invite
//! new staff by e-mail, edit, disable, re-enable and erase them; the invited person chooses a
//! password from the e-mail's link ([`invitation`]); the list exports as CSV or XLSX. Access follows `pti_core::policy` and
//! the grant rules of `grants` (which roles an admin gives, where each role sits); every
//! mutation writes an audit row (`crate::audit`).

mod export;
mod grants;
pub mod invitation;
mod list;
mod repo;
pub mod routes;
mod service;
mod views;
