//! SQL of the networks: the `resolve_tenant` lookup (SECURITY DEFINER, public columns only), and
//! the agency and centre lookups a report's scope is checked with.

use super::views::TenantInfo;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

/// The public facts of the active tenant with this slug, domain or id.
pub async fn resolve_tenant(pool: &PgPool, key: &str) -> sqlx::Result<Option<TenantInfo>> {
    sqlx::query_as!(
        TenantInfo,
        r#"SELECT id AS "id!", slug AS "slug!", name AS "name!", branding AS "branding!"
           FROM resolve_tenant($1)"#,
        key
    )
    .fetch_optional(pool)
    .await
}

/// The agency of centre `id`, if the network has it.
pub async fn agency_of_centre(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar!("SELECT agency_id FROM cts WHERE id = $1", id)
        .fetch_optional(conn)
        .await
}

/// Whether the network has agency `id`.
pub async fn agency_exists(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<bool> {
    sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM agences WHERE id = $1) AS "exists!""#,
        id
    )
    .fetch_one(conn)
    .await
}
