//! The OpenAPI 3.1 document, generated from the code. Every route is registered through
//! `utoipa_axum`'s router next to its handler's `#[utoipa::path]` annotation, so the document
//! lists exactly the routes served, with the request and response types the handlers use.
//! `reference-app/openapi.json` is a copy for the portals' contract test, checked current by
//! `tests/api/openapi.rs`.

use std::sync::OnceLock;

use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::security::{
    ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme,
};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder};
use utoipa::{Modify, OpenApi, ToResponse};
use utoipa_axum::router::OpenApiRouter;

use crate::error::ErrorBody;
use crate::state::AppState;

pub mod codes;

/// The document's fixed parts; the paths and schemas come from the routers.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "PTI Calendar API",
        description = "Booking engine for vehicle technical inspection networks. Errors are \
            `{code, message, details}` with stable codes; money is integer cents of EUR, tax \
            included; times are RFC 3339 with the centre's offset. See reference-app/API.md."
    ),
    servers((url = "/")),
    tags(
        (name = "search", description = "Public availability search"),
        (name = "bookings", description = "Holding, moving and cancelling inspections"),
        (name = "payments", description = "Paying a held booking"),
        (name = "auth", description = "Accounts and sessions"),
        (name = "profile", description = "The signed-in user's data"),
        (name = "network", description = "Agencies and centres, for staff"),
        (name = "users", description = "A network's accounts, managed by its admins"),
        (name = "settings", description = "A network's settings, edited by its admin"),
        (name = "dashboard", description = "A network's figures, for its admins"),
        (name = "planning", description = "A network's planning, for its admins"),
        (name = "health", description = "Probes and metrics"),
        (name = "development", description = "Development helpers"),
    ),
    components(
        schemas(ErrorBody),
        responses(
            BadRequest,
            Unauthorized,
            Forbidden,
            NotFound,
            Conflict,
            PaymentFailed,
            Unprocessable,
            PayloadTooLarge,
            BadGateway,
            RateLimited
        )
    ),
    modifiers(&SecuritySchemes)
)]
struct ApiDoc;

/// Adds the three ways of proving who calls: a bearer JWT, or a guest booking's token in a
/// header or the query.
struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
        components.add_security_scheme(
            "rdvToken",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "X-Rdv-Token",
                "The guest token answered when the booking was made",
            ))),
        );
        components.add_security_scheme(
            "rdvTokenQuery",
            SecurityScheme::ApiKey(ApiKey::Query(ApiKeyValue::with_description(
                "token",
                "The guest token, for links (ICS, PDF)",
            ))),
        );
    }
}

/// An error response whose body is the `Error` schema.
fn error_response(description: &str) -> ResponseBuilder {
    ResponseBuilder::new().description(description).content(
        "application/json",
        ContentBuilder::new()
            .schema(Some(Ref::from_schema_name("Error")))
            .build(),
    )
}

/// Declares named error responses (`components.responses`) that handlers' annotations cite
/// with `response = ...`.
macro_rules! error_responses {
    ($($name:ident => $description:literal),+ $(,)?) => {$(
        #[doc = $description]
        pub struct $name;

        impl<'s> ToResponse<'s> for $name {
            fn response() -> (&'s str, RefOr<Response>) {
                (stringify!($name), error_response($description).build().into())
            }
        }
    )+};
}

error_responses! {
    BadRequest => "Malformed request: bad JSON, a missing header, an unknown network",
    Unauthorized => "Missing, invalid, expired or revoked credentials (UNAUTHORIZED)",
    Forbidden => "Signed in but not allowed (FORBIDDEN, CROSS_TENANT, OUT_OF_SCOPE, ROLE_NOT_GRANTABLE)",
    NotFound => "No such resource, or not visible to the caller (NOT_FOUND)",
    Conflict => "The state changed meanwhile (SLOT_TAKEN, PLATE_ALREADY_BOOKED, ...)",
    PaymentFailed => "The payment failed (CARD_DECLINED, INSUFFICIENT_FUNDS, ...); the hold is kept",
    Unprocessable => "A field is invalid (VALIDATION, details.field names it) or a rule refuses (its code)",
    PayloadTooLarge => "The body is larger than 1 MiB (PAYLOAD_TOO_LARGE)",
    BadGateway => "A third party the network configured failed (NOTIFICATION_UNREACHABLE, NOTIFICATION_AUTH_FAILED, NOTIFICATION_REFUSED)",
}

/// 429, with the `Retry-After` header.
pub struct RateLimited;

impl<'s> ToResponse<'s> for RateLimited {
    fn response() -> (&'s str, RefOr<Response>) {
        let seconds = HeaderBuilder::new()
            .schema(Some(
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .minimum(Some(1)),
            ))
            .description(Some("Seconds until a retry may succeed"))
            .build();
        let response = error_response("Too many requests (RATE_LIMITED)")
            .header("Retry-After", seconds)
            .build();
        ("RateLimited", response.into())
    }
}

/// Adds the answers a route gives whatever its handler: 429 from the rate limiter, 401 from the
/// credential extractors when the route admits no anonymous caller, and for a JSON body the
/// extractor's 400 (syntax, content type), 413 (size) and 422 (a wrong or unknown field).
fn add_common_responses(openapi: &mut utoipa::openapi::OpenApi) {
    fn cite<'s, R: ToResponse<'s>>() -> RefOr<Response> {
        Ref::from_response_name(R::response().0).into()
    }
    for item in openapi.paths.paths.values_mut() {
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
        ];
        for operation in operations.into_iter().flatten() {
            let has_body = operation.request_body.is_some();
            let anonymous = SecurityRequirement::default();
            let needs_credentials = operation
                .security
                .as_ref()
                .is_some_and(|ways| !ways.contains(&anonymous));
            let responses = &mut operation.responses.responses;
            responses
                .entry("429".to_owned())
                .or_insert_with(cite::<RateLimited>);
            if needs_credentials {
                responses
                    .entry("401".to_owned())
                    .or_insert_with(cite::<Unauthorized>);
            }
            if has_body {
                responses
                    .entry("400".to_owned())
                    .or_insert_with(cite::<BadRequest>);
                responses
                    .entry("413".to_owned())
                    .or_insert_with(cite::<PayloadTooLarge>);
                responses
                    .entry("422".to_owned())
                    .or_insert_with(cite::<Unprocessable>);
            }
        }
    }
}

/// Every route of the service with its documentation.
pub fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(super::health::router())
        .merge(super::docs::router())
        .merge(crate::planning::routes::router())
        .merge(crate::rdv::routes::router())
        .merge(crate::payment::routes::router())
        .merge(crate::user::routes::router())
        .merge(crate::admin::routes::router())
        .merge(crate::notification::routes::router())
}

/// The document as served (pretty JSON), built once.
pub fn document() -> &'static str {
    static DOCUMENT: OnceLock<String> = OnceLock::new();
    DOCUMENT.get_or_init(|| {
        let (_, mut openapi) = api_router().split_for_parts();
        add_common_responses(&mut openapi);
        let mut text = openapi
            .to_pretty_json()
            .expect("the OpenAPI document serializes");
        text.push('\n');
        text
    })
}
