//! The background worker: every tick, for each active network, releases unpaid holds that
//! expired (the booking service), queues the reminders due and delivers pending outbox events
//! (the notification service); then it writes the funnel's counts (the planning service). Rows are claimed with `FOR UPDATE SKIP LOCKED`, so several server instances can
//! run it at once.

use std::time::Duration;

use pti_core::model::TenantId;
use sqlx::PgPool;

use crate::engine::SharedEngine;
use crate::notification::{self, Outlets};
use crate::planning::Funnel;
use crate::rdv;

/// Runs the worker forever, every `every`.
pub async fn run(
    pool: PgPool,
    engine: SharedEngine,
    funnel: Funnel,
    outlets: Outlets,
    every: Duration,
) {
    loop {
        if let Err(e) = tick(&pool, &engine, &outlets).await {
            tracing::error!(error = ?e, "worker tick failed");
        }
        if let Err(e) = funnel.flush(&pool).await {
            tracing::error!(error = ?e, "funnel counts not written");
        }
        tokio::time::sleep(every).await;
    }
}

/// One pass over every active network; returns `(holds released, events delivered)`.
pub async fn tick(
    pool: &PgPool,
    engine: &SharedEngine,
    outlets: &Outlets,
) -> anyhow::Result<(usize, usize)> {
    let tenants: Vec<TenantId> = engine.read().tenants.keys().copied().collect();
    let (mut released, mut delivered) = (0, 0);
    for tenant in tenants {
        released += rdv::service::expire_holds(pool, engine, tenant).await?;
        notification::reminders::queue(pool, tenant).await?;
        delivered += notification::service::deliver(pool, tenant, outlets).await?;
    }
    Ok((released, delivered))
}
