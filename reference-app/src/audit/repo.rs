//! SQL of the audit trail: one insert (the only write `pti_app` may make on `audit_logs`),
//! under row-level security like every tenant table.

use serde_json::Value;
use sqlx::PgConnection;
use uuid::Uuid;

/// A row of `audit_logs` to write.
pub(super) struct Row<'a> {
    /// Tenant.
    pub tenant_id: Uuid,
    /// Who acted.
    pub actor_id: Uuid,
    /// The actor's role code.
    pub actor_role: &'a str,
    /// What was done.
    pub action: &'a str,
    /// The kind of resource (`pti_core::policy::Resource` code).
    pub resource_type: &'a str,
    /// The resource's id.
    pub resource_id: String,
    /// The client's address, as text.
    pub ip: Option<String>,
    /// The client's user agent.
    pub user_agent: Option<&'a str>,
    /// `{before, after, request_id}`.
    pub details: Value,
}

/// Appends `row` to the trail.
pub(super) async fn insert(conn: &mut PgConnection, row: &Row<'_>) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO audit_logs (tenant_id, actor_id, actor_role, action, resource_type, \
         resource_id, ip, user_agent, details) \
         VALUES ($1, $2, $3, $4, $5, $6, $7::text::inet, $8, $9)",
        row.tenant_id,
        row.actor_id,
        row.actor_role,
        row.action,
        row.resource_type,
        row.resource_id,
        row.ip,
        row.user_agent,
        row.details,
    )
    .execute(conn)
    .await
    .map(drop)
}
