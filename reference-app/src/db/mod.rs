//! Database access: the owner pool (creates the database, runs migrations), the runtime pool
//! that logs in as `pti_app` (subject to row-level security), transactions scoped to a tenant
//! ([`TenantContext`]), code enums read from and written to text columns ([`Code`]), the
//! one place constraint violations become API errors ([`OnConstraint`]), transaction locks on
//! idempotency keys ([`lock_idempotency_key`]) and the replay of staff creations ([`replay`]).

mod code;
mod constraint;
mod context;
pub mod replay;

pub use code::Code;
pub use constraint::OnConstraint;
pub use context::{ContextRole, TenantContext};

use std::str::FromStr;

use pti_core::model::TenantId;
use sqlx::migrate::Migrator;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{ConnectOptions, Connection, PgConnection, PgPool, Postgres, Transaction};

/// The embedded migrations of `reference-app/migrations`.
pub static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

/// The login role of the runtime pool, created by the migrations.
pub const APP_ROLE: &str = "pti_app";

/// Creates the database named in `url` when it does not exist (connecting to `postgres`).
pub async fn ensure_database(url: &str) -> Result<(), sqlx::Error> {
    let options = PgConnectOptions::from_str(url)?;
    let Some(name) = options.get_database().map(str::to_owned) else {
        return Ok(());
    };
    let mut conn = options.clone().database("postgres").connect().await?;
    let exists: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)")
            .bind(&name)
            .fetch_one(&mut conn)
            .await?;
    if !exists {
        let quoted = format!("\"{}\"", name.replace('"', "\"\""));
        match sqlx::raw_sql(&format!("CREATE DATABASE {quoted}"))
            .execute(&mut conn)
            .await
        {
            Ok(_) => tracing::info!(database = %name, "database created"),
            // Created meanwhile by another process.
            Err(sqlx::Error::Database(e)) if e.code().as_deref() == Some("42P04") => {}
            Err(e) => return Err(e),
        }
    }
    conn.close().await
}

/// Connects the owner pool (migrations, seed).
pub async fn owner_pool(url: &str) -> Result<PgPool, sqlx::Error> {
    PgPoolOptions::new().max_connections(4).connect(url).await
}

/// Runs the embedded migrations with the owner connection.
pub async fn migrate(owner: &PgPool) -> Result<(), sqlx::migrate::MigrateError> {
    MIGRATOR.run(owner).await
}

/// The runtime connection options: `app_url` when given, else `owner_url` with its user
/// replaced by [`APP_ROLE`] (same host and database).
pub fn app_connect_options(
    owner_url: &str,
    app_url: Option<&str>,
) -> Result<PgConnectOptions, sqlx::Error> {
    match app_url {
        Some(url) => PgConnectOptions::from_str(url),
        None => Ok(PgConnectOptions::from_str(owner_url)?.username(APP_ROLE)),
    }
}

/// Connects the runtime pool as [`APP_ROLE`].
pub async fn app_pool(
    options: PgConnectOptions,
    max_connections: u32,
) -> Result<PgPool, sqlx::Error> {
    PgPoolOptions::new()
        .max_connections(max_connections)
        .connect_with(options)
        .await
}

/// This server process's id: the `origin` of the engine notifications its transactions cause.
pub fn instance_id() -> uuid::Uuid {
    static ID: std::sync::OnceLock<uuid::Uuid> = std::sync::OnceLock::new();
    *ID.get_or_init(uuid::Uuid::new_v4)
}

/// Applies `ctx` to the current transaction of `conn` (transaction-local settings read by the
/// row-level-security policies).
pub async fn set_context(conn: &mut PgConnection, ctx: &TenantContext) -> Result<(), sqlx::Error> {
    let tenant = ctx.tenant_id.map(|t| t.to_string()).unwrap_or_default();
    sqlx::query(
        "SELECT set_config('app.tenant_id', $1, true), set_config('app.role', $2, true), \
         set_config('app.origin', $3, true)",
    )
    .bind(tenant)
    .bind(ctx.role.code())
    .bind(instance_id().to_string())
    .execute(conn)
    .await?;
    Ok(())
}

/// Begins a transaction on `pool` that sees only what `ctx` may see.
pub async fn tenant_tx(
    pool: &PgPool,
    ctx: &TenantContext,
) -> Result<Transaction<'static, Postgres>, sqlx::Error> {
    let mut tx = pool.begin().await?;
    set_context(&mut tx, ctx).await?;
    Ok(tx)
}

/// Begins a transaction in the tenant of booking `id` (found by the `rdv_tenant` lookup in the
/// same round trip that sets the context), acting as `role`; `None` when no booking has this id.
pub async fn booking_tx(
    pool: &PgPool,
    id: uuid::Uuid,
    role: ContextRole,
) -> Result<Option<(Transaction<'static, Postgres>, TenantId)>, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let (tenant,): (Option<uuid::Uuid>,) = sqlx::query_as(
        "SELECT NULLIF(set_config('app.tenant_id', coalesce(rdv_tenant($1)::text, ''), true), '')::uuid, \
         set_config('app.role', $2, true), set_config('app.origin', $3, true)",
    )
    .bind(id)
    .bind(role.code())
    .bind(instance_id().to_string())
    .fetch_one(&mut *tx)
    .await
    .map(|(t, _, _): (Option<uuid::Uuid>, String, String)| (t,))?;
    Ok(tenant.map(|t| (tx, TenantId(t))))
}

/// Holds, until the transaction ends, the lock named `name` (an idempotency key with what it is
/// scoped to, e.g. `rdv:<tenant>:<key>`): retries of one request sent at once run one after the
/// other, so each later one finds and replays what the first wrote.
pub async fn lock_idempotency_key(conn: &mut PgConnection, name: &str) -> sqlx::Result<()> {
    sqlx::query!(
        r#"SELECT true AS "locked!" FROM pg_advisory_xact_lock(hashtextextended($1, 0))"#,
        name
    )
    .fetch_one(conn)
    .await
    .map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_runtime_pool_logs_in_as_the_app_role_on_the_same_database() {
        let options =
            app_connect_options("postgres://postgres:pw@db.local:6543/pti", None).unwrap();
        assert_eq!(options.get_username(), APP_ROLE);
        assert_eq!(options.get_host(), "db.local");
        assert_eq!(options.get_port(), 6543);
        assert_eq!(options.get_database(), Some("pti"));
    }

    #[test]
    fn an_explicit_app_url_wins() {
        let options =
            app_connect_options("postgres://postgres@h/pti", Some("postgres://other@h/pti"))
                .unwrap();
        assert_eq!(options.get_username(), "other");
    }
}
