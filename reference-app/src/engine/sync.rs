//! Keeping the engine in step with the database: `LISTEN pti_engine` reloads the centre a
//! committed change touched (triggers of migration 9 notify it); a lost connection, which may
//! have dropped notifications, and the change of day both reload everything.

use std::time::Duration;

use pti_core::model::{CentreId, TenantId};
use serde::Deserialize;
use sqlx::PgPool;
use sqlx::postgres::PgListener;
use uuid::Uuid;

use super::{SharedEngine, load, today};

/// The notification channel of engine changes.
pub const CHANNEL: &str = "pti_engine";

#[derive(Deserialize)]
struct Change {
    tenant_id: Uuid,
    centre_id: Option<Uuid>,
    table: String,
    origin: Option<Uuid>,
}

/// Applies one notification payload: reloads the centre it names (or the whole tenant, with
/// its policy when the tenant's own row changed). A booking changed by this very instance is
/// skipped: its engine already holds the change.
pub async fn apply(pool: &PgPool, engine: &SharedEngine, payload: &str) -> anyhow::Result<()> {
    let change: Change = serde_json::from_str(payload)?;
    if change.table == "rdv" && change.origin == Some(crate::db::instance_id()) {
        return Ok(());
    }
    if change.table == "tenants" {
        return load::reload_tenant(pool, engine, TenantId(change.tenant_id)).await;
    }
    load::reload(
        pool,
        engine,
        TenantId(change.tenant_id),
        change.centre_id.map(CentreId),
    )
    .await
}

/// Reloads everything from the database.
pub async fn reload_all(pool: &PgPool, engine: &SharedEngine) -> anyhow::Result<()> {
    let fresh = load::load(pool, today()).await?;
    engine.replace(fresh);
    Ok(())
}

/// Runs forever: listens for changes and rolls the horizon over each day.
pub async fn run(pool: PgPool, engine: SharedEngine) {
    loop {
        if let Err(e) = listen(&pool, &engine).await {
            tracing::warn!(error = %e, "engine sync interrupted; reloading");
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
        if let Err(e) = reload_all(&pool, &engine).await {
            tracing::error!(error = ?e, "engine reload failed");
        }
    }
}

async fn listen(pool: &PgPool, engine: &SharedEngine) -> anyhow::Result<()> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen(CHANNEL).await?;
    // Changes committed between the initial load and LISTEN are caught by this reload.
    reload_all(pool, engine).await?;
    let mut day = today();
    loop {
        let next = tokio::time::timeout(Duration::from_secs(60), listener.try_recv()).await;
        match next {
            Ok(Ok(Some(notification))) => {
                if let Err(e) = apply(pool, engine, notification.payload()).await {
                    tracing::error!(error = ?e, payload = notification.payload(), "engine reload of a change failed");
                }
            }
            // The connection was lost: notifications may be missing.
            Ok(Ok(None)) => return Err(anyhow::anyhow!("listener connection lost")),
            Ok(Err(e)) => return Err(e.into()),
            Err(_) => {}
        }
        if today() != day {
            day = today();
            reload_all(pool, engine).await?;
            tracing::info!(%day, "engine horizon rolled over");
        }
    }
}
