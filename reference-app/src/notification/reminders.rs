//! Reminders of confirmed bookings: the day before (J-1, from 24 hours before the start) and
//! two hours before (H-2), as the network's notification settings turn them on and, for a
//! client account, as its preferences keep them (`reminder_j1`, `reminder_h2`). Each is
//! queued once (`rdv_reminders`) as an outbox event that the delivery then sends like any
//! other; a booking made after its reminder's time gets none, and a J-1 not queued before the
//! last two hours is dropped for the H-2.

use pti_core::model::TenantId;
use sqlx::PgPool;

use crate::channels::{self, NOTIFICATION, NotificationChannel};
use crate::db::{TenantContext, tenant_tx};

/// The event of a J-1 reminder.
pub const J1_EVENT: &str = "rdv.reminder_j1";
/// The event of an H-2 reminder.
pub const H2_EVENT: &str = "rdv.reminder_h2";

/// Reminders queued at most per network and pass (the next pass takes the rest).
const BATCH: i64 = 500;

/// Queues the reminders of `tenant` now due; how many.
pub async fn queue(db: &PgPool, tenant: TenantId) -> anyhow::Result<u64> {
    let mut tx = tenant_tx(db, &TenantContext::system(tenant)).await?;
    let settings = channels::settings(&mut tx, tenant.0).await?;
    let wanted: NotificationChannel = channels::section(&settings, NOTIFICATION);
    if !wanted.reminder_j1 && !wanted.reminder_h2 {
        return Ok(0);
    }
    let queued = sqlx::query!(
        r#"WITH due AS (
               SELECT r.id, k.kind
               FROM (VALUES ('j1', interval '24 hours', $2::boolean),
                            ('h2', interval '2 hours', $3::boolean)) AS k (kind, ahead, wanted)
               JOIN rdv r ON r.tenant_id = $1 AND r.status = 'confirmed'
                         AND r.start_at > now() AND r.start_at <= now() + k.ahead
               WHERE k.wanted
                 AND r.created_at <= r.start_at - k.ahead
                 AND (k.kind = 'h2' OR r.start_at > now() + interval '2 hours')
                 AND NOT EXISTS (SELECT 1 FROM rdv_reminders m
                                 WHERE m.tenant_id = $1 AND m.booking_id = r.id
                                   AND m.kind = k.kind)
                 AND coalesce((SELECT (u.notification_prefs ->> ('reminder_' || k.kind))::boolean
                               FROM users u WHERE u.id = r.user_id), true)
               ORDER BY r.start_at LIMIT $4),
           queued AS (
               INSERT INTO rdv_reminders (tenant_id, booking_id, kind)
               SELECT $1, id, kind FROM due
               ON CONFLICT DO NOTHING RETURNING booking_id, kind)
           INSERT INTO outbox (tenant_id, topic, event_type, aggregate_id, payload)
           SELECT $1, 'notification.events', 'rdv.reminder_' || kind, booking_id, '{}'::jsonb
           FROM queued"#,
        tenant.0,
        wanted.reminder_j1,
        wanted.reminder_h2,
        BATCH
    )
    .execute(&mut *tx)
    .await?
    .rows_affected();
    tx.commit().await?;
    Ok(queued)
}
