//! The background worker: every tick, for each active network, releases unpaid holds that
//! expired and delivers pending outbox events (e-mail and SMS to the local mailbox, with
//! retries and exponential back-off). Rows are claimed with `FOR UPDATE SKIP LOCKED`, so
//! several server instances can run it at once.

use std::time::Duration;

use base64::Engine as _;
use chrono::Utc;
use pti_core::model::{BookingId, CentreId, TenantId};
use serde_json::{Value, json};
use sqlx::PgPool;
use uuid::Uuid;

use super::messages::{Message, for_event};
use super::outbox::{self, Topic};
use crate::booking::repo;
use crate::db::{TenantContext, tenant_tx};
use crate::engine::SharedEngine;
use crate::engine::load::SYSTEM_ROLE;

/// Attempts before an event is left undelivered for an operator to look at.
pub const MAX_ATTEMPTS: i32 = 8;

/// Where messages go: e-mail through SMTP and SMS through a gateway when configured; without
/// them, to the local mailbox.
#[derive(Clone, Default)]
pub struct Outlets {
    /// The SMTP relay for e-mail.
    pub smtp: Option<std::sync::Arc<super::smtp::Smtp>>,
    /// The SMS gateway.
    pub sms: Option<std::sync::Arc<dyn super::sms::SmsGateway>>,
}

/// Runs the worker forever, every `every`.
pub async fn run(pool: PgPool, engine: SharedEngine, outlets: Outlets, every: Duration) {
    loop {
        if let Err(e) = tick(&pool, &engine, &outlets).await {
            tracing::error!(error = ?e, "worker tick failed");
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
        released += expire_holds(pool, engine, tenant).await?;
        delivered += deliver(pool, tenant, outlets).await?;
    }
    Ok((released, delivered))
}

/// Cancels the unpaid holds of `tenant` that expired, and frees their slots.
async fn expire_holds(
    pool: &PgPool,
    engine: &SharedEngine,
    tenant: TenantId,
) -> anyhow::Result<usize> {
    let mut tx = tenant_tx(pool, &TenantContext::tenant(tenant, SYSTEM_ROLE)).await?;
    let expired: Vec<(Uuid, Uuid)> = sqlx::query_as(
        "UPDATE rdv SET status = 'cancelled', cancelled_at = now(), cancel_reason = 'hold_expired', \
         hold_expires_at = NULL WHERE id IN (SELECT id FROM rdv WHERE status = 'pending_payment' \
         AND hold_expires_at < now() FOR UPDATE SKIP LOCKED) RETURNING id, centre_id",
    )
    .fetch_all(&mut *tx)
    .await?;
    for (id, _) in &expired {
        outbox::append(
            &mut tx,
            tenant.0,
            Topic::Rdv,
            "rdv.expired",
            *id,
            json!({ "rdv_id": id }),
        )
        .await?;
    }
    tx.commit().await?;
    let mut e = engine.write();
    for (id, centre) in &expired {
        if let Some(a) = e.index.availability_mut(CentreId(*centre)) {
            let _ = a.release(BookingId(*id));
        }
    }
    Ok(expired.len())
}

#[derive(sqlx::FromRow)]
struct Pending {
    id: i64,
    event_type: String,
    aggregate_id: Option<Uuid>,
    payload: Value,
    attempts: i32,
}

/// Delivers the due events of `tenant`.
async fn deliver(pool: &PgPool, tenant: TenantId, outlets: &Outlets) -> anyhow::Result<usize> {
    let mut tx = tenant_tx(pool, &TenantContext::tenant(tenant, SYSTEM_ROLE)).await?;
    let pending: Vec<Pending> = sqlx::query_as(
        "SELECT id, event_type, aggregate_id, payload, attempts FROM outbox \
         WHERE delivered_at IS NULL AND next_attempt_at <= now() AND attempts < $1 \
         ORDER BY id LIMIT 50 FOR UPDATE SKIP LOCKED",
    )
    .bind(MAX_ATTEMPTS)
    .fetch_all(&mut *tx)
    .await?;
    let mut delivered = 0;
    for event in pending {
        match deliver_one(&mut tx, tenant, &event, outlets).await? {
            None => {
                sqlx::query(
                    "UPDATE outbox SET delivered_at = now(), attempts = attempts + 1 WHERE id = $1",
                )
                .bind(event.id)
                .execute(&mut *tx)
                .await?;
                delivered += 1;
            }
            Some(e) => {
                let backoff = 2_i64.pow(event.attempts.clamp(0, 12) as u32) * 5;
                sqlx::query(
                    "UPDATE outbox SET attempts = attempts + 1, last_error = $2, \
                     next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1",
                )
                .bind(event.id)
                .bind(&e)
                .bind(backoff as f64)
                .execute(&mut *tx)
                .await?;
                tracing::warn!(outbox = event.id, error = %e, "delivery failed; will retry");
            }
        }
    }
    tx.commit().await?;
    Ok(delivered)
}

/// Sends the messages of one event, each on its own: a message that fails is undone (its
/// savepoint) and named in the answer, the others stay sent and logged, so a retry sends only
/// what failed. `Ok(None)`: everything went out.
async fn deliver_one(
    tx: &mut sqlx::PgConnection,
    tenant: TenantId,
    event: &Pending,
    outlets: &Outlets,
) -> anyhow::Result<Option<String>> {
    let Some(rdv_id) = event.aggregate_id else {
        return Ok(None);
    };
    let Some(row) = repo::get(tx, rdv_id, false).await? else {
        return Ok(None);
    };
    let prefs: Option<Value> = match row.user_id {
        Some(user) => {
            sqlx::query_scalar("SELECT notification_prefs FROM users WHERE id = $1")
                .bind(user)
                .fetch_optional(&mut *tx)
                .await?
        }
        None => None,
    };
    let refund = event.payload.get("refund_cents").and_then(Value::as_i64);
    let mut failures = Vec::new();
    for message in for_event(&event.event_type, &row, Utc::now(), refund) {
        let wanted = prefs
            .as_ref()
            .and_then(|p| p.get(message.channel))
            .and_then(Value::as_bool)
            .unwrap_or(true);
        sqlx::query("SAVEPOINT message").execute(&mut *tx).await?;
        match send(tx, tenant, event.id, &row, &message, wanted, outlets).await {
            Ok(()) => {
                sqlx::query("RELEASE SAVEPOINT message")
                    .execute(&mut *tx)
                    .await?;
            }
            Err(e) => {
                sqlx::query("ROLLBACK TO SAVEPOINT message")
                    .execute(&mut *tx)
                    .await?;
                failures.push(format!("{} to {}: {e}", message.channel, message.recipient));
            }
        }
    }
    Ok((!failures.is_empty()).then(|| failures.join("; ")))
}

/// Sends one message (SMTP, the SMS gateway or the local mailbox) and logs the delivery once
/// per outbox event, channel and recipient, so a retry never sends twice; a failed send is
/// undone by the caller's savepoint and retried with the event.
async fn send(
    tx: &mut sqlx::PgConnection,
    tenant: TenantId,
    outbox_id: i64,
    row: &repo::RdvRow,
    message: &Message,
    wanted: bool,
    outlets: &Outlets,
) -> anyhow::Result<()> {
    let smtp = outlets.smtp.as_ref().filter(|_| message.channel == "email");
    let gateway = outlets.sms.as_ref().filter(|_| message.channel == "sms");
    let provider = match (smtp, gateway) {
        (Some(_), _) => "smtp",
        (_, Some(g)) => g.name(),
        _ => "mailbox",
    };
    let logged: Option<Uuid> = sqlx::query_scalar(
        "INSERT INTO notification_deliveries (tenant_id, outbox_id, booking_id, channel, template, \
         recipient, provider, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (tenant_id, outbox_id, channel, recipient) DO NOTHING RETURNING id",
    )
    .bind(tenant.0)
    .bind(outbox_id)
    .bind(row.id)
    .bind(message.channel)
    .bind(&message.template)
    .bind(&message.recipient)
    .bind(provider)
    .bind(if wanted { "sent" } else { "skipped" })
    .fetch_optional(&mut *tx)
    .await?;
    let Some(delivery) = logged.filter(|_| wanted) else {
        return Ok(());
    };
    let sent = match (smtp, gateway) {
        (Some(smtp), _) => Some(smtp.send(message).await?),
        (_, Some(gateway)) => Some(gateway.send(&message.recipient, &message.body).await?),
        _ => None,
    };
    if let Some(reply) = sent {
        sqlx::query("UPDATE notification_deliveries SET provider_ref = $2 WHERE id = $1")
            .bind(delivery)
            .bind(reply)
            .execute(&mut *tx)
            .await?;
        return Ok(());
    }
    let attachments: Vec<Value> = message
        .ics
        .iter()
        .map(|(name, content)| {
            json!({
                "filename": name,
                "content_type": "text/calendar",
                "base64": base64::engine::general_purpose::STANDARD.encode(content),
            })
        })
        .collect();
    sqlx::query(
        "INSERT INTO mailbox (tenant_id, channel, recipient, subject, body, attachments) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(tenant.0)
    .bind(message.channel)
    .bind(&message.recipient)
    .bind(&message.subject)
    .bind(&message.body)
    .bind(Value::Array(attachments))
    .execute(&mut *tx)
    .await?;
    Ok(())
}
