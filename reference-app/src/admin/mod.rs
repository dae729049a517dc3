//! The admin module: staff reads of the network (`GET /agences`, `/agences/{id}`, `/cts`,
//! `/cts/{id}`), limited to the caller's tenant by row-level security and to the caller's scope
//! (agency, centre) by `pti_core::policy`. The full CRUD comes later.

pub mod repo;

use axum::Json;
use axum::extract::{Path, Query, State};
use pti_core::model::{AgencyId, CentreId, TenantId};
use pti_core::policy::{Action, Resource, ResourceRef};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::auth::Principal;
use crate::db::tenant_tx;
use crate::error::{Error, Result};
use crate::http::AppState;
use crate::http::openapi::{Forbidden, NotFound, Unprocessable};
use repo::{Agency, Centre};

/// `/api/v1/agences*` and `/api/v1/cts*`.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_agencies))
        .routes(routes!(get_agency))
        .routes(routes!(list_centres))
        .routes(routes!(get_centre))
}

/// Query of `GET /cts`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CentreFilter {
    /// Only the centres of this agency.
    pub agency_id: Option<Uuid>,
}

/// The policy's view of an agency row.
fn agency_ref(a: &Agency) -> ResourceRef {
    ResourceRef {
        kind: Resource::Agency,
        tenant_id: Some(TenantId(a.tenant_id)),
        agency_id: Some(AgencyId(a.id)),
        centre_id: None,
        owner_id: None,
    }
}

/// The policy's view of a centre row.
fn centre_ref(c: &Centre) -> ResourceRef {
    ResourceRef {
        kind: Resource::Centre,
        tenant_id: Some(TenantId(c.tenant_id)),
        agency_id: Some(AgencyId(c.agency_id)),
        centre_id: Some(CentreId(c.id)),
        owner_id: None,
    }
}

/// Refuses a caller whose role holds no read permission on `kind` at all (clients).
fn require_read(principal: &Principal, kind: Resource) -> Result<()> {
    principal
        .policy()?
        .scope_for(kind, Action::Read)
        .map(|_| ())
        .ok_or(Error::Forbidden)
}

fn parse_id(raw: &str) -> Result<Uuid> {
    Uuid::parse_str(raw).map_err(|_| Error::validation("id", "not a UUID"))
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
    State(state): State<AppState>,
    principal: Principal,
) -> Result<Json<Vec<Agency>>> {
    require_read(&principal, Resource::Agency)?;
    let mut tx = tenant_tx(&state.db, &principal.context()).await?;
    let agencies = repo::list_agencies(&mut tx).await?;
    tx.commit().await?;
    Ok(Json(
        agencies
            .into_iter()
            .filter(|a| principal.authorize(Action::Read, &agency_ref(a)).is_ok())
            .collect(),
    ))
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
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<String>,
) -> Result<Json<Agency>> {
    require_read(&principal, Resource::Agency)?;
    let id = parse_id(&id)?;
    let mut tx = tenant_tx(&state.db, &principal.context()).await?;
    let agency = repo::get_agency(&mut tx, id)
        .await?
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    principal.authorize(Action::Read, &agency_ref(&agency))?;
    Ok(Json(agency))
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
    State(state): State<AppState>,
    principal: Principal,
    query: std::result::Result<Query<CentreFilter>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Vec<Centre>>> {
    require_read(&principal, Resource::Centre)?;
    let Query(filter) = query.map_err(|e| Error::validation("query", e.body_text()))?;
    let mut tx = tenant_tx(&state.db, &principal.context()).await?;
    let centres = repo::list_centres(&mut tx, filter.agency_id).await?;
    tx.commit().await?;
    Ok(Json(
        centres
            .into_iter()
            .filter(|c| principal.authorize(Action::Read, &centre_ref(c)).is_ok())
            .collect(),
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
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<String>,
) -> Result<Json<Centre>> {
    require_read(&principal, Resource::Centre)?;
    let id = parse_id(&id)?;
    let mut tx = tenant_tx(&state.db, &principal.context()).await?;
    let centre = repo::get_centre(&mut tx, id)
        .await?
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    principal.authorize(Action::Read, &centre_ref(&centre))?;
    Ok(Json(centre))
}
