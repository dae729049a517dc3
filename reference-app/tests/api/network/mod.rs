//! The network's structure edited by its admins: agencies, centres, their hours, closures and
//! offers; every role of the network and of another tried on every route.

mod agencies;
mod centres;
mod matrix;

use serde_json::Value;
use sqlx::PgPool;

use crate::support::first_id;

/// The audit rows of `action` on `resource_id`: (actor role, details).
async fn audited(owner: &PgPool, action: &str, resource_id: &str) -> Vec<(String, Value)> {
    sqlx::query_as(
        "SELECT actor_role, details FROM audit_logs WHERE action = $1 AND resource_id = $2 ORDER BY id",
    )
    .bind(action)
    .bind(resource_id)
    .fetch_all(owner)
    .await
    .unwrap()
}

/// How many rows `table` holds.
async fn count(owner: &PgPool, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT count(*) FROM {table}"))
        .fetch_one(owner)
        .await
        .unwrap()
}
