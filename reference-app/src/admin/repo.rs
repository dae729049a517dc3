//! SQL of the networks: the `resolve_tenant` lookup (SECURITY DEFINER, public columns only).

use super::views::TenantInfo;
use sqlx::PgPool;

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
