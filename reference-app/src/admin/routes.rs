//! Routes of the admin service: `GET /tenant` (public), then the agencies', the centres', the
//! settings', the dashboard's, the global planning's and the statistics'.

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use sqlx::PgPool;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::service;
use super::views::TenantInfo;
use crate::config::Settings;
use crate::error::Result;
use crate::extract::NamedTenant;
use crate::http::openapi::{BadRequest, NotFound};
use crate::state::AppState;

/// The admin routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(current_tenant))
        .merge(super::agency::routes::router())
        .merge(super::centre::routes::router())
        .merge(super::settings::routes::router())
        .merge(super::dashboard::routes::router())
        .merge(super::planning::routes::router())
        .merge(super::statistics::routes::router())
}

/// The network this portal serves.
///
/// The network named by `X-Tenant-ID`, else the request's host (a network's domain), else
/// the server's default network.
#[utoipa::path(
    get,
    path = "/api/v1/tenant",
    tag = "search",
    operation_id = "currentTenant",
    security(()),
    params(("X-Tenant-ID" = Option<String>, Header, description = "A network's id, slug or domain")),
    responses(
        (status = 200, description = "The network", body = TenantInfo),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
    )
)]
#[tracing::instrument(skip_all)]
async fn current_tenant(
    State(db): State<PgPool>,
    State(settings): State<std::sync::Arc<Settings>>,
    headers: HeaderMap,
    NamedTenant(named): NamedTenant,
) -> Result<Json<TenantInfo>> {
    // A network named explicitly must exist (the extractor refuses an unknown one).
    if let Some(info) = named {
        return Ok(Json(info));
    }
    let host = headers
        .get(axum::http::header::HOST)
        .and_then(|v| v.to_str().ok())
        .map(|h| h.split(':').next().unwrap_or(h));
    Ok(Json(
        service::portal_tenant(&db, host, settings.default_tenant.as_deref()).await?,
    ))
}
