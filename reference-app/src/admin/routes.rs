//! Routes of the admin service: `GET /tenant` (public), `GET /agences`, `/agences/{id}`,
//! `/cts`, `/cts/{id}` (staff).

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use serde::Deserialize;
use sqlx::PgPool;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use super::service;
use super::views::{Agency, Centre, TenantInfo};
use crate::config::Settings;
use crate::error::Result;
use crate::extract::{ApiPath, ApiQuery, NamedTenant, Principal};
use crate::http::openapi::{BadRequest, Forbidden, NotFound, Unprocessable};
use crate::state::AppState;

/// The admin routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(current_tenant))
        .routes(routes!(list_agencies))
        .routes(routes!(get_agency))
        .routes(routes!(list_centres))
        .routes(routes!(get_centre))
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

/// Query of `GET /cts`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CentreFilter {
    /// Only the centres of this agency.
    pub agency_id: Option<Uuid>,
}

/// Agencies in the caller's scope.
#[utoipa::path(
    get,
    path = "/api/v1/agences",
    tag = "network",
    operation_id = "agencies",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The agencies the caller may read", body = Vec<Agency>),
        (status = 403, response = Forbidden),
    )
)]
#[tracing::instrument(skip_all)]
async fn list_agencies(
    State(db): State<PgPool>,
    principal: Principal,
) -> Result<Json<Vec<Agency>>> {
    Ok(Json(service::agencies(&db, &principal).await?))
}

/// An agency.
#[utoipa::path(
    get,
    path = "/api/v1/agences/{id}",
    tag = "network",
    operation_id = "agency",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The agency")),
    responses(
        (status = 200, description = "The agency", body = Agency),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn get_agency(
    State(db): State<PgPool>,
    principal: Principal,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<Agency>> {
    Ok(Json(service::agency(&db, &principal, id).await?))
}

/// Centres in the caller's scope.
#[utoipa::path(
    get,
    path = "/api/v1/cts",
    tag = "network",
    operation_id = "centres",
    security(("bearer" = [])),
    params(CentreFilter),
    responses(
        (status = 200, description = "The centres the caller may read", body = Vec<Centre>),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn list_centres(
    State(db): State<PgPool>,
    principal: Principal,
    ApiQuery(filter): ApiQuery<CentreFilter>,
) -> Result<Json<Vec<Centre>>> {
    Ok(Json(
        service::centres(&db, &principal, filter.agency_id).await?,
    ))
}

/// A centre.
#[utoipa::path(
    get,
    path = "/api/v1/cts/{id}",
    tag = "network",
    operation_id = "centre",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The centre")),
    responses(
        (status = 200, description = "The centre", body = Centre),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn get_centre(
    State(db): State<PgPool>,
    principal: Principal,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<Centre>> {
    Ok(Json(service::centre(&db, &principal, id).await?))
}
