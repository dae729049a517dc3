//! Finding the network a request or a portal names.

use sqlx::PgPool;

use super::repo;
use super::views::TenantInfo;
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
