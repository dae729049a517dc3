//! Parsed input ("parse, don't validate"): what a request carries, checked once at the
//! boundary into types that cannot hold a bad value — e-mail addresses, phone numbers, person
//! names, passwords, bounded texts, plates, registration years, ids, account roles and
//! statuses, page sizes and orders, and the codes of pti-core's enums. A refusal is a 422
//! `VALIDATION` (or `INVALID_PLATE`) naming the field.

mod account;
mod codes;
mod contact;
mod id;
mod page;
mod text;
mod vehicle;

pub use account::{ACCOUNT_ROLES, AccountStatus, account_role, listed_status, settable_status};
pub use codes::{code_or, vehicle_category};
pub use contact::{Email, Password, Phone};
pub use id::{id, optional_id};
pub use page::{DEFAULT_LIMIT, MAX_LIMIT, SortOrder, limit};
pub use text::{PersonName, optional_text};
pub use vehicle::{plate, registration_year};
