//! Domain events: the transactional outbox, written in the same transaction as the change an
//! event announces, on the spec's topics. The worker delivers them (`notification`).

use serde_json::Value;
use sqlx::PgConnection;
use uuid::Uuid;

/// The outbox topics.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Topic {
    /// Booking life cycle.
    Rdv,
    /// Planning changes.
    Planning,
    /// Payments and refunds.
    Payment,
    /// Notifications to send.
    Notification,
}

impl Topic {
    /// The topic name.
    pub fn name(self) -> &'static str {
        match self {
            Topic::Rdv => "rdv.events",
            Topic::Planning => "planning.events",
            Topic::Payment => "payment.events",
            Topic::Notification => "notification.events",
        }
    }
}

/// Appends an event to the outbox in the caller's transaction.
pub async fn append(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    topic: Topic,
    event_type: &str,
    aggregate_id: Uuid,
    payload: Value,
) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO outbox (tenant_id, topic, event_type, aggregate_id, payload) \
         VALUES ($1, $2, $3, $4, $5)",
        tenant_id,
        topic.name(),
        event_type,
        aggregate_id,
        payload,
    )
    .execute(conn)
    .await?;
    Ok(())
}
