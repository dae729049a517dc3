//! Use cases of the admin service: reading the network's structure in the caller's scope, and
//! finding the network a request or a portal names.

use pti_core::model::{AgencyId, CentreId, TenantId};
use pti_core::policy::{Action, Resource, ResourceRef};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::repo;
use super::views::{Agency, Centre, TenantInfo};
use crate::auth::Principal;
use crate::db::tenant_tx;
use crate::error::{Error, Result};

/// The active network with this slug, domain or id.
pub async fn resolve_tenant(db: &PgPool, key: &str) -> Result<Option<TenantInfo>> {
    Ok(repo::resolve_tenant(db, key).await?)
}

/// The network a portal serves when the request names none: the one whose domain is `host`,
/// else the server's default.
pub async fn portal_tenant(
    db: &PgPool,
    host: Option<&str>,
    default: Option<&str>,
) -> Result<TenantInfo> {
    for key in [host, default].into_iter().flatten() {
        if let Some(info) = repo::resolve_tenant(db, key.trim()).await? {
            return Ok(info);
        }
    }
    Err(Error::NotFound)
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

/// The agencies `principal` may read.
pub async fn agencies(db: &PgPool, principal: &Principal) -> Result<Vec<Agency>> {
    require_read(principal, Resource::Agency)?;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let agencies = repo::list_agencies(&mut tx).await?;
    tx.commit().await?;
    Ok(agencies
        .into_iter()
        .filter(|a| principal.authorize(Action::Read, &agency_ref(a)).is_ok())
        .collect())
}

/// Agency `id`, if `principal` may read it.
pub async fn agency(db: &PgPool, principal: &Principal, id: Uuid) -> Result<Agency> {
    require_read(principal, Resource::Agency)?;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let agency = repo::get_agency(&mut tx, id)
        .await?
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    principal.authorize(Action::Read, &agency_ref(&agency))?;
    Ok(agency)
}

/// The centres `principal` may read, optionally of one agency.
pub async fn centres(
    db: &PgPool,
    principal: &Principal,
    agency: Option<Uuid>,
) -> Result<Vec<Centre>> {
    require_read(principal, Resource::Centre)?;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let centres = repo::list_centres(&mut tx, agency).await?;
    tx.commit().await?;
    Ok(centres
        .into_iter()
        .filter(|c| principal.authorize(Action::Read, &centre_ref(c)).is_ok())
        .collect())
}

/// Centre `id`, if `principal` may read it.
pub async fn centre(db: &PgPool, principal: &Principal, id: Uuid) -> Result<Centre> {
    require_read(principal, Resource::Centre)?;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let centre = repo::get_centre(&mut tx, id)
        .await?
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    principal.authorize(Action::Read, &centre_ref(&centre))?;
    Ok(centre)
}

/// Whether agency `id` exists in the network of the caller's transaction.
pub async fn agency_exists(conn: &mut PgConnection, id: Uuid) -> Result<bool> {
    Ok(repo::agency_exists(conn, id).await?)
}

/// The agency of centre `id`, if the centre exists in the network of the caller's transaction.
pub async fn agency_of_centre(conn: &mut PgConnection, id: Uuid) -> Result<Option<Uuid>> {
    Ok(repo::agency_of_centre(conn, id).await?)
}
