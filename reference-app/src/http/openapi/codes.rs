//! OpenAPI schemas of the code enums, listed from pti-core's values (for
//! `#[schema(schema_with = codes::...)]`, and the named schema of an account's status), so the
//! document and the engine never disagree.

use std::borrow::Cow;

use pti_core::availability::DayPart;
use pti_core::model::{BookingStatus, ControlType, Fuel, VehicleCategory};
use pti_core::policy::Role;
use pti_core::search::SortBy;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{Object, ObjectBuilder, Schema, Type};

use crate::domain::{ACCOUNT_ROLES, AccountStatus, SortOrder};
use crate::payment::PaymentStatus;

fn codes<T: pti_core::Code>(values: &[T], extra: &[&str], description: &str) -> Object {
    let mut listed: Vec<String> = values.iter().map(|v| v.code().to_owned()).collect();
    listed.extend(extra.iter().map(|e| (*e).to_owned()));
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(listed))
        .description(Some(description))
        .build()
}

/// Vehicle category codes.
pub fn vehicle_type() -> Object {
    codes(
        &VehicleCategory::ALL,
        &["VT"],
        "Vehicle category: VP car, VU utility (the spec's VT), L two/three-wheeler, \
         CAMPING_CAR, TRAILER, PL heavy; VL and VUL are read as VP and VU",
    )
}

/// Fuel codes.
pub fn fuel() -> Object {
    codes(&Fuel::ALL, &[], "Fuel (default PETROL)")
}

/// Control type codes.
pub fn control_type() -> Object {
    codes(
        &ControlType::ALL,
        &[],
        "Inspection: CT periodic, CT_CONTRE_VISITE re-inspection, CTC pollution check (CTP, CV and CVP \
         are read as CT and CT_CONTRE_VISITE)",
    )
}

/// Booking status codes.
pub fn booking_status() -> Object {
    codes(&BookingStatus::ALL, &[], "Booking status")
}

/// Payment status codes of a booking.
pub fn payment_status() -> Object {
    codes(PaymentStatus::ALL, &[], "Payment status")
}

/// Parts of the day a search may keep.
pub fn day_part() -> Object {
    codes(
        &DayPart::ALL,
        &[],
        "Part of the day: morning starts before 12:00, afternoon at 12:00 or later (default any)",
    )
}

/// Orders of search results.
pub fn sort() -> Object {
    codes(
        &SortBy::ALL,
        &[],
        "Order: nearest, cheapest, best rated, earliest free slot, or the blended best \
         (default distance)",
    )
}

/// Roles of a network's accounts.
pub fn account_role() -> Object {
    let roles: Vec<Role> = ACCOUNT_ROLES
        .into_iter()
        .filter(|r| *r != Role::SuperAdmin)
        .collect();
    codes(
        &roles,
        &[],
        "Role: ADMIN_TENANT runs the network, ADMIN_AGENCE an agency, ADMIN_CT a centre; \
         CONTROLEUR inspects, CALL_CENTER books for callers, CLIENT is a driver",
    )
}

/// Statuses of a listed account: the named schema `AccountStatus` (a booking's `status` is
/// another vocabulary).
impl utoipa::PartialSchema for AccountStatus {
    fn schema() -> RefOr<Schema> {
        codes(
            &AccountStatus::LISTED,
            &[],
            "Account status: active, invited (waits for its holder to choose a password), \
             disabled",
        )
        .into()
    }
}

impl utoipa::ToSchema for AccountStatus {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("AccountStatus")
    }
}

/// Directions of a list's order.
pub fn sort_order() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(SortOrder::ALL.map(SortOrder::code)))
        .description(Some("Direction: asc (default) or desc"))
        .build()
}
