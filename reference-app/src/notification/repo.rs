//! SQL of the notification service: the outbox's pending events, the delivery log and the
//! local mailbox. Row-level security limits every query to the transaction's tenant.

use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::PgConnection;
use sqlx::types::Json;
use uuid::Uuid;

use super::views::Attachment;

/// Attempts before an event is left undelivered for an operator to look at.
pub const MAX_ATTEMPTS: i32 = 8;

/// An outbox event due for delivery.
pub struct Pending {
    /// Outbox id.
    pub id: i64,
    /// `rdv.confirmed`, ...
    pub event_type: String,
    /// The booking it is about.
    pub aggregate_id: Option<Uuid>,
    /// Its facts.
    pub payload: Value,
    /// Attempts so far.
    pub attempts: i32,
}

/// Up to 50 due events, locked (`SKIP LOCKED`: another instance takes the others).
pub async fn claim_pending(conn: &mut PgConnection) -> sqlx::Result<Vec<Pending>> {
    sqlx::query_as!(
        Pending,
        "SELECT id, event_type, aggregate_id, payload, attempts FROM outbox \
         WHERE delivered_at IS NULL AND next_attempt_at <= now() AND attempts < $1 \
         ORDER BY id LIMIT 50 FOR UPDATE SKIP LOCKED",
        MAX_ATTEMPTS
    )
    .fetch_all(conn)
    .await
}

/// Marks event `id` delivered.
pub async fn delivered(conn: &mut PgConnection, id: i64) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE outbox SET delivered_at = now(), attempts = attempts + 1 WHERE id = $1",
        id
    )
    .execute(conn)
    .await
    .map(drop)
}

/// Records a failed attempt at event `id`, to retry after `backoff_secs`.
pub async fn retry_later(
    conn: &mut PgConnection,
    id: i64,
    error: &str,
    backoff_secs: f64,
) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE outbox SET attempts = attempts + 1, last_error = $2, \
         next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1",
        id,
        error,
        backoff_secs
    )
    .execute(conn)
    .await
    .map(drop)
}

/// A delivery to log once per outbox event, channel and recipient.
pub struct Delivery<'a> {
    /// Tenant.
    pub tenant_id: Uuid,
    /// The event.
    pub outbox_id: i64,
    /// The booking, for a booking event.
    pub booking_id: Option<Uuid>,
    /// `email` or `sms`.
    pub channel: &'a str,
    /// Template name.
    pub template: &'a str,
    /// Address or phone.
    pub recipient: &'a str,
    /// `smtp`, the gateway's name, or `mailbox`.
    pub provider: &'a str,
    /// `sent` or `skipped` (the customer opted out).
    pub status: &'a str,
}

/// Logs a delivery; `None` when it was logged already (a retry never sends twice).
pub async fn log_delivery(conn: &mut PgConnection, d: &Delivery<'_>) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar!(
        "INSERT INTO notification_deliveries (tenant_id, outbox_id, booking_id, channel, template, \
         recipient, provider, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (tenant_id, outbox_id, channel, recipient) DO NOTHING RETURNING id",
        d.tenant_id,
        d.outbox_id,
        d.booking_id,
        d.channel,
        d.template,
        d.recipient,
        d.provider,
        d.status,
    )
    .fetch_optional(conn)
    .await
}

/// Stores the provider's reference of delivery `id`.
pub async fn set_provider_ref(
    conn: &mut PgConnection,
    id: Uuid,
    reference: &str,
) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE notification_deliveries SET provider_ref = $2 WHERE id = $1",
        id,
        reference
    )
    .execute(conn)
    .await
    .map(drop)
}

/// A message for the local mailbox.
pub struct MailboxMessage<'a> {
    /// Tenant.
    pub tenant_id: Uuid,
    /// `email` or `sms`.
    pub channel: &'a str,
    /// Address or phone.
    pub recipient: &'a str,
    /// E-mail subject.
    pub subject: Option<&'a str>,
    /// Text.
    pub body: &'a str,
    /// Attachments with their content (`filename`, `content_type`, `base64`).
    pub attachments: Value,
}

/// Keeps a message in the local mailbox.
pub async fn keep_in_mailbox(conn: &mut PgConnection, m: &MailboxMessage<'_>) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO mailbox (tenant_id, channel, recipient, subject, body, attachments) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        m.tenant_id,
        m.channel,
        m.recipient,
        m.subject,
        m.body,
        m.attachments,
    )
    .execute(conn)
    .await
    .map(drop)
}

/// A message of the mailbox as listed.
pub struct MailboxRow {
    /// Id.
    pub id: Uuid,
    /// `email` or `sms`.
    pub channel: String,
    /// Address or phone.
    pub recipient: String,
    /// E-mail subject.
    pub subject: Option<String>,
    /// Text.
    pub body: String,
    /// When it was "sent".
    pub created_at: DateTime<Utc>,
    /// Attachments without their content.
    pub attachments: Json<Vec<Attachment>>,
}

/// The latest 100 messages of the transaction's tenant, to `recipient` only when given.
pub async fn mailbox(
    conn: &mut PgConnection,
    recipient: Option<&str>,
) -> sqlx::Result<Vec<MailboxRow>> {
    sqlx::query_as!(
        MailboxRow,
        r#"SELECT id, channel, recipient, subject, body, created_at,
           (SELECT coalesce(jsonb_agg(jsonb_build_object('filename', a ->> 'filename',
           'content_type', a ->> 'content_type')), '[]') FROM jsonb_array_elements(attachments) a)
           AS "attachments!: Json<Vec<Attachment>>"
           FROM mailbox WHERE $1::text IS NULL OR lower(recipient) = $1
           ORDER BY created_at DESC LIMIT 100"#,
        recipient
    )
    .fetch_all(conn)
    .await
}

/// When the transaction's network last wrote an audit row of `action`.
pub async fn last_audit(
    conn: &mut PgConnection,
    action: &str,
) -> sqlx::Result<Option<DateTime<Utc>>> {
    sqlx::query_scalar!(
        "SELECT max(created_at) FROM audit_logs WHERE tenant_id = app_tenant_id() AND action = $1",
        action
    )
    .fetch_one(conn)
    .await
}
