//! The OpenAPI schema of an error's `details`: a validation error's field and reason, or the
//! facts of an engine refusal ([`pti_core::rules::RuleFacts`]), each key present only when the
//! refusal carries it.

use utoipa::openapi::schema::{KnownFormat, Object, ObjectBuilder, SchemaFormat, SchemaType, Type};

fn text(description: &str) -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
        .build()
}

fn formatted(format: KnownFormat, description: &str) -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .format(Some(SchemaFormat::KnownFormat(format)))
        .description(Some(description))
        .build()
}

/// `details` of the error body.
pub(super) fn error_details() -> Object {
    let instant = |d| formatted(KnownFormat::DateTime, d);
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::Object, Type::Null]))
        .description(Some(
            "For `VALIDATION`, `{field, reason}`; for an engine refusal, its facts (only the keys \
             that refusal carries); otherwise null.",
        ))
        .property("field", text("The invalid field (`VALIDATION`)."))
        .property("reason", text("Why it is invalid (`VALIDATION`)."))
        .property(
            "earliest",
            instant("The earliest start allowed (`NOTICE_TOO_SHORT`)."),
        )
        .property(
            "latest",
            instant("The first start no longer allowed (`BEYOND_HORIZON`)."),
        )
        .property(
            "deadline",
            instant("The deadline that passed (`DEADLINE_PASSED`)."),
        )
        .property(
            "closed_on",
            formatted(
                KnownFormat::Date,
                "The last day of the re-inspection window (`RECHECK_WINDOW_EXPIRED`).",
            ),
        )
        .property(
            "booking_id",
            formatted(
                KnownFormat::Uuid,
                "The booking in the way (`VEHICLE_ALREADY_BOOKED`).",
            ),
        )
        .property(
            "limit",
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .minimum(Some(0))
                .description(Some(
                    "The limit reached or refused (`OVERBOOKING_LIMIT_REACHED`, `INVALID_LIMIT`).",
                ))
                .build(),
        )
        .property(
            "status",
            text("The booking status that forbids the change (`BOOKING_NOT_MODIFIABLE`)."),
        )
        .property(
            "start",
            instant("The start asked for (`SLOT_TAKEN`, `OUTSIDE_OPENING_HOURS`)."),
        )
        .property(
            "inspector_id",
            formatted(
                KnownFormat::Uuid,
                "The inspector named (`UNKNOWN_INSPECTOR`).",
            ),
        )
        .build()
}
