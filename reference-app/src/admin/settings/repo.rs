//! SQL of a network's settings: the `tenants` row (its name and `settings` document, under the
//! `tenant_self_update` policy) and its logo.

use serde_json::Value;
use sqlx::PgConnection;
use uuid::Uuid;

use super::logo::Logo;

/// A network's name, settings document and logo hash, locked for a change when `lock`.
pub struct SettingsRow {
    /// Display name.
    pub name: String,
    /// The `settings` document.
    pub settings: Value,
    /// SHA-256 of the logo, if it has one.
    pub logo: Option<String>,
}

/// The settings of `tenant`.
pub async fn read(conn: &mut PgConnection, tenant: Uuid) -> sqlx::Result<Option<SettingsRow>> {
    sqlx::query_as!(
        SettingsRow,
        r#"SELECT t.name, t.settings,
                  (SELECT l.sha256 FROM tenant_logos l WHERE l.tenant_id = t.id) AS logo
           FROM tenants t WHERE t.id = $1 FOR UPDATE OF t"#,
        tenant
    )
    .fetch_optional(conn)
    .await
}

/// Writes the name and settings document of `tenant`.
pub async fn write(
    conn: &mut PgConnection,
    tenant: Uuid,
    name: &str,
    settings: &Value,
) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE tenants SET name = $2, settings = $3 WHERE id = $1",
        tenant,
        name,
        settings
    )
    .execute(conn)
    .await
    .map(drop)
}

/// Sets the logo of `tenant`.
pub async fn put_logo(conn: &mut PgConnection, tenant: Uuid, logo: &Logo) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO tenant_logos (tenant_id, content_type, bytes, sha256) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (tenant_id) DO UPDATE SET content_type = EXCLUDED.content_type, \
         bytes = EXCLUDED.bytes, sha256 = EXCLUDED.sha256, updated_at = now()",
        tenant,
        logo.content_type,
        logo.bytes,
        logo.sha256
    )
    .execute(conn)
    .await
    .map(drop)
}

/// Removes the logo of `tenant`; whether it had one.
pub async fn delete_logo(conn: &mut PgConnection, tenant: Uuid) -> sqlx::Result<bool> {
    sqlx::query!("DELETE FROM tenant_logos WHERE tenant_id = $1", tenant)
        .execute(conn)
        .await
        .map(|done| done.rows_affected() == 1)
}

/// A logo as served.
pub struct PublicLogo {
    /// Media type.
    pub content_type: String,
    /// Bytes.
    pub bytes: Vec<u8>,
    /// SHA-256, hex (the ETag).
    pub sha256: String,
}

/// The logo of active network `tenant`, through the `tenant_logo` lookup (SECURITY DEFINER).
pub async fn public_logo(pool: &sqlx::PgPool, tenant: Uuid) -> sqlx::Result<Option<PublicLogo>> {
    sqlx::query_as!(
        PublicLogo,
        r#"SELECT content_type AS "content_type!", bytes AS "bytes!", sha256 AS "sha256!"
           FROM tenant_logo($1)"#,
        tenant
    )
    .fetch_optional(pool)
    .await
}
