//! SQL of a network's channels: its settings document, under the `tenant_isolation` policy.

use serde_json::Value;
use sqlx::PgConnection;
use uuid::Uuid;

/// The settings document of `tenant`.
pub async fn settings(conn: &mut PgConnection, tenant: Uuid) -> sqlx::Result<Option<Value>> {
    sqlx::query_scalar!("SELECT settings FROM tenants WHERE id = $1", tenant)
        .fetch_optional(conn)
        .await
}
