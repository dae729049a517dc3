//! Routes of a network's settings: `GET`/`PUT /admin/tenant/settings`, its logo
//! (`PUT`/`DELETE /admin/tenant/settings/logo`), and the logo as its portal reads it
//! (`GET /tenants/{id}/logo`, public).

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use sqlx::PgPool;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use super::channels::{NotificationChange, PaymentChange};
use super::input::{BrandingChange, GeneralChange, PolicyChange};
use super::logo;
use super::service::{self, SettingsChange};
use super::views::TenantSettings;
use crate::error::Result;
use crate::extract::{ApiJson, ApiPath, Origin, Principal};
use crate::http::openapi::{Forbidden, NotFound, Unprocessable};
use crate::secrets::Secrets;
use crate::state::AppState;

/// The settings routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_settings, update_settings))
        .routes(routes!(put_logo, delete_logo))
        .routes(routes!(tenant_logo))
}

/// Body of `PUT /admin/tenant/settings`: the sections to change, each with the fields to change.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = UpdateSettings)]
pub struct UpdateSettingsBody {
    /// Identity and contacts.
    pub general: Option<GeneralChange>,
    /// Booking rules.
    pub booking_policy: Option<PolicyChange>,
    /// The client portal's look.
    pub branding: Option<BrandingChange>,
    /// How customers pay.
    pub payment: Option<PaymentChange>,
    /// How messages go out.
    pub notification: Option<NotificationChange>,
}

/// The network's settings.
///
/// ADMIN_TENANT only.
#[utoipa::path(
    get,
    path = "/api/v1/admin/tenant/settings",
    tag = "settings",
    operation_id = "tenantSettings",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The settings", body = TenantSettings),
        (status = 403, response = Forbidden),
    )
)]
#[tracing::instrument(skip_all)]
async fn get_settings(
    State(db): State<PgPool>,
    principal: Principal,
) -> Result<Json<TenantSettings>> {
    Ok(Json(service::get(&db, &principal).await?))
}

/// Change the network's settings.
///
/// ADMIN_TENANT only. The booking rules must pass pti-core's checks as a whole; every server
/// applies them as soon as they are committed. A secret (Stripe keys, SMTP password, API keys)
/// is kept when absent, cleared by null, replaced by a value, which the server seals; saving one
/// needs the server's `PTI_SECRETS_KEY` (422 `SECRETS_KEY_MISSING` otherwise). Secrets are never
/// answered: only whether they are set and their last four characters.
#[utoipa::path(
    put,
    path = "/api/v1/admin/tenant/settings",
    tag = "settings",
    operation_id = "updateTenantSettings",
    security(("bearer" = [])),
    request_body = UpdateSettingsBody,
    responses(
        (status = 200, description = "Changed", body = TenantSettings),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn update_settings(
    State(db): State<PgPool>,
    State(secrets): State<Secrets>,
    principal: Principal,
    origin: Origin,
    ApiJson(body): ApiJson<UpdateSettingsBody>,
) -> Result<Json<TenantSettings>> {
    let change = SettingsChange {
        general: body.general,
        booking_policy: body.booking_policy,
        branding: body.branding,
        payment: body.payment,
        notification: body.notification,
    };
    Ok(Json(
        service::update(&db, &secrets, &principal, &origin, change).await?,
    ))
}

/// Set the network's logo.
///
/// The body is the image itself: PNG, JPEG or WebP (known by its bytes), at most 256 KiB.
#[utoipa::path(
    put,
    path = "/api/v1/admin/tenant/settings/logo",
    tag = "settings",
    operation_id = "putTenantLogo",
    security(("bearer" = [])),
    request_body(content = [u8], content_type = "image/png", description = "The image (PNG, JPEG or WebP)"),
    responses(
        (status = 200, description = "Set", body = TenantSettings),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn put_logo(
    State(db): State<PgPool>,
    principal: Principal,
    origin: Origin,
    body: Bytes,
) -> Result<Json<TenantSettings>> {
    let logo = logo::parse(body.to_vec())?;
    Ok(Json(
        service::set_logo(&db, &principal, &origin, Some(logo)).await?,
    ))
}

/// Remove the network's logo.
#[utoipa::path(
    delete,
    path = "/api/v1/admin/tenant/settings/logo",
    tag = "settings",
    operation_id = "deleteTenantLogo",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Removed", body = TenantSettings),
        (status = 403, response = Forbidden),
    )
)]
#[tracing::instrument(skip_all)]
async fn delete_logo(
    State(db): State<PgPool>,
    principal: Principal,
    origin: Origin,
) -> Result<Json<TenantSettings>> {
    Ok(Json(
        service::set_logo(&db, &principal, &origin, None).await?,
    ))
}

/// A network's logo, for its portal.
#[utoipa::path(
    get,
    path = "/api/v1/tenants/{id}/logo",
    tag = "search",
    operation_id = "tenantLogo",
    security(()),
    params(("id" = Uuid, Path, description = "The network")),
    responses(
        (status = 200, description = "The image", content_type = "image/png", body = [u8]),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn tenant_logo(State(db): State<PgPool>, ApiPath(id): ApiPath<Uuid>) -> Result<Response> {
    let logo = service::public_logo(&db, id).await?;
    let etag = format!("\"{}\"", logo.sha256);
    let mut response = logo.bytes.into_response();
    let headers = response.headers_mut();
    for (name, value) in [
        (header::CONTENT_TYPE, logo.content_type),
        (header::CACHE_CONTROL, "public, max-age=86400".to_owned()),
        (header::ETAG, etag),
    ] {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(name, value);
        }
    }
    Ok(response)
}
