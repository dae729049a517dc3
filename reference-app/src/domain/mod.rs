//! Parsed input ("parse, don't validate"): what a request carries, checked once at the
//! boundary into types that cannot hold a bad value — e-mail addresses, phone numbers, person
//! names, passwords, bounded texts, plates, registration years and the codes of pti-core's
//! enums. A refusal is a 422 `VALIDATION` (or `INVALID_PLATE`) naming the field.

mod codes;
mod contact;
mod text;
mod vehicle;

pub use codes::{code_or, vehicle_category};
pub use contact::{Email, Password, Phone};
pub use text::{PersonName, optional_text};
pub use vehicle::{plate, registration_year};
