//! The admin module: staff reads of the network (`GET /agences`, `/agences/{id}`, `/cts`,
//! `/cts/{id}`), limited to the caller's tenant by row-level security. The full CRUD comes
//! later.

pub mod repo;

use axum::extract::{Path, Query, State};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use uuid::Uuid;

use crate::auth::Principal;
use crate::db::tenant_tx;
use crate::error::{Error, Result};
use crate::http::AppState;
use repo::{Agency, Centre};

/// Roles allowed to read the network. Interim check: the scoped RBAC of `pti_core::policy`
/// (agency and centre scopes) replaces it when that module lands.
const STAFF_ROLES: [&str; 6] = [
    "SUPER_ADMIN",
    "ADMIN_TENANT",
    "ADMIN_AGENCE",
    "ADMIN_CT",
    "CONTROLEUR",
    "CALL_CENTER",
];

/// `/api/v1/agences*` and `/api/v1/cts*`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/agences", get(list_agencies))
        .route("/api/v1/agences/{id}", get(get_agency))
        .route("/api/v1/cts", get(list_centres))
        .route("/api/v1/cts/{id}", get(get_centre))
}

/// Query of `GET /cts`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CentreFilter {
    /// Only the centres of this agency.
    pub agency_id: Option<Uuid>,
}

fn require_staff(principal: &Principal) -> Result<()> {
    if STAFF_ROLES.contains(&principal.role.as_str()) {
        Ok(())
    } else {
        Err(Error::Forbidden)
    }
}

fn parse_id(raw: &str) -> Result<Uuid> {
    Uuid::parse_str(raw).map_err(|_| Error::validation("id", "not a UUID"))
}

#[tracing::instrument(skip_all)]
async fn list_agencies(
    State(state): State<AppState>,
    principal: Principal,
) -> Result<Json<Vec<Agency>>> {
    require_staff(&principal)?;
    let mut tx = tenant_tx(&state.db, &principal.context()).await?;
    let agencies = repo::list_agencies(&mut tx).await?;
    tx.commit().await?;
    Ok(Json(agencies))
}

#[tracing::instrument(skip_all)]
async fn get_agency(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<String>,
) -> Result<Json<Agency>> {
    require_staff(&principal)?;
    let id = parse_id(&id)?;
    let mut tx = tenant_tx(&state.db, &principal.context()).await?;
    let agency = repo::get_agency(&mut tx, id)
        .await?
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    Ok(Json(agency))
}

#[tracing::instrument(skip_all)]
async fn list_centres(
    State(state): State<AppState>,
    principal: Principal,
    query: std::result::Result<Query<CentreFilter>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Vec<Centre>>> {
    require_staff(&principal)?;
    let Query(filter) = query.map_err(|e| Error::validation("query", e.body_text()))?;
    let mut tx = tenant_tx(&state.db, &principal.context()).await?;
    let centres = repo::list_centres(&mut tx, filter.agency_id).await?;
    tx.commit().await?;
    Ok(Json(centres))
}

#[tracing::instrument(skip_all)]
async fn get_centre(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<String>,
) -> Result<Json<Centre>> {
    require_staff(&principal)?;
    let id = parse_id(&id)?;
    let mut tx = tenant_tx(&state.db, &principal.context()).await?;
    let centre = repo::get_centre(&mut tx, id)
        .await?
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    Ok(Json(centre))
}
