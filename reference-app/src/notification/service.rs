//! Use cases of the notification service: delivering the outbox's booking events and staff
//! invitations as French e-mails and SMS (SMTP and an SMS gateway when configured, the local
//! mailbox otherwise), each message once, with retries and exponential back-off; and reading
//! the local mailbox. Reads bookings from the booking service, preferences and invitations
//! from the user service.

use std::sync::Arc;

use base64::Engine as _;
use chrono::Utc;
use pti_core::model::TenantId;
use serde_json::{Value, json};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::messages::{self, Message, for_event};
use super::repo::{self, Delivery, MailboxMessage, Pending};
use super::sms::SmsGateway;
use super::smtp::Smtp;
use super::views::MailboxEntry;
use crate::db::{TenantContext, tenant_tx};
use crate::error::Result;
use crate::rdv;
use crate::user;
use crate::user::staff::invitation::{self, INVITED_EVENT};

/// Where messages go: e-mail through SMTP and SMS through a gateway when configured; without
/// them, to the local mailbox.
#[derive(Clone, Default)]
pub struct Outlets {
    /// The SMTP relay for e-mail.
    pub smtp: Option<Arc<Smtp>>,
    /// The SMS gateway.
    pub sms: Option<Arc<dyn SmsGateway>>,
}

/// Delivers the due events of `tenant`; how many went out.
pub async fn deliver(db: &PgPool, tenant: TenantId, outlets: &Outlets) -> anyhow::Result<usize> {
    let mut tx = tenant_tx(db, &TenantContext::system(tenant)).await?;
    let pending = repo::claim_pending(&mut tx).await?;
    let mut delivered = 0;
    for event in pending {
        match deliver_one(&mut tx, tenant, &event, outlets).await? {
            None => {
                repo::delivered(&mut tx, event.id).await?;
                delivered += 1;
            }
            Some(e) => {
                let backoff = 2_i64.pow(event.attempts.clamp(0, 12) as u32) * 5;
                repo::retry_later(&mut tx, event.id, &e, backoff as f64).await?;
                tracing::warn!(outbox = event.id, error = %e, "delivery failed; will retry");
            }
        }
    }
    tx.commit().await?;
    Ok(delivered)
}

/// What one event sends: its messages, the preferences of the person they go to, and the
/// booking they are about.
struct Outgoing {
    messages: Vec<Message>,
    prefs: Option<Value>,
    booking_id: Option<Uuid>,
}

/// The messages of a booking event (none when the booking is gone).
async fn booking_messages(tx: &mut PgConnection, event: &Pending) -> anyhow::Result<Outgoing> {
    let row = match event.aggregate_id {
        Some(id) => rdv::service::booking(tx, id).await?,
        None => None,
    };
    let Some(row) = row else {
        return Ok(Outgoing {
            messages: Vec::new(),
            prefs: None,
            booking_id: None,
        });
    };
    let prefs = match row.user_id {
        Some(user) => user::service::prefs_of(tx, user).await?,
        None => None,
    };
    let refund = event.payload.get("refund_cents").and_then(Value::as_i64);
    Ok(Outgoing {
        messages: for_event(&event.event_type, &row, Utc::now(), refund),
        prefs,
        booking_id: Some(row.id),
    })
}

/// The e-mail of an invitation, with a fresh one-time token in its link (none when the
/// invitation can no longer be used). Sent whatever the preferences: it is the way in.
async fn invitation_messages(tx: &mut PgConnection, event: &Pending) -> anyhow::Result<Outgoing> {
    let issued = match event.aggregate_id {
        Some(id) => invitation::issue_token(tx, id).await?,
        None => None,
    };
    let portal = event.payload.get("portal_url").and_then(Value::as_str);
    Ok(Outgoing {
        messages: issued
            .map(|i| messages::invitation(&i, portal.unwrap_or_default()))
            .into_iter()
            .collect(),
        prefs: None,
        booking_id: None,
    })
}

/// Sends the messages of one event, each on its own: a message that fails is undone (its
/// savepoint) and named in the answer, the others stay sent and logged, so a retry sends only
/// what failed. `Ok(None)`: everything went out.
async fn deliver_one(
    tx: &mut PgConnection,
    tenant: TenantId,
    event: &Pending,
    outlets: &Outlets,
) -> anyhow::Result<Option<String>> {
    let outgoing = if event.event_type == INVITED_EVENT {
        invitation_messages(tx, event).await?
    } else {
        booking_messages(tx, event).await?
    };
    let mut failures = Vec::new();
    for message in outgoing.messages {
        let wanted = outgoing
            .prefs
            .as_ref()
            .and_then(|p| p.get(message.channel))
            .and_then(Value::as_bool)
            .unwrap_or(true);
        let sending = Sending {
            tenant,
            outbox_id: event.id,
            booking_id: outgoing.booking_id,
            wanted,
        };
        sqlx::query("SAVEPOINT message").execute(&mut *tx).await?;
        match send(tx, &sending, &message, outlets).await {
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

/// One message of an event on its way: the event, the booking it is about, and whether its
/// recipient wants the channel.
struct Sending {
    tenant: TenantId,
    outbox_id: i64,
    booking_id: Option<Uuid>,
    wanted: bool,
}

/// Sends one message (SMTP, the SMS gateway or the local mailbox) and logs the delivery once
/// per outbox event, channel and recipient, so a retry never sends twice; a failed send is
/// undone by the caller's savepoint and retried with the event.
async fn send(
    tx: &mut PgConnection,
    sending: &Sending,
    message: &Message,
    outlets: &Outlets,
) -> anyhow::Result<()> {
    let smtp = outlets.smtp.as_ref().filter(|_| message.channel == "email");
    let gateway = outlets.sms.as_ref().filter(|_| message.channel == "sms");
    let provider = match (smtp, gateway) {
        (Some(_), _) => "smtp",
        (_, Some(g)) => g.name(),
        _ => "mailbox",
    };
    let logged = repo::log_delivery(
        tx,
        &Delivery {
            tenant_id: sending.tenant.0,
            outbox_id: sending.outbox_id,
            booking_id: sending.booking_id,
            channel: message.channel,
            template: &message.template,
            recipient: &message.recipient,
            provider,
            status: if sending.wanted { "sent" } else { "skipped" },
        },
    )
    .await?;
    let Some(delivery) = logged.filter(|_| sending.wanted) else {
        return Ok(());
    };
    let sent = match (smtp, gateway) {
        (Some(smtp), _) => Some(smtp.send(message).await?),
        (_, Some(gateway)) => Some(gateway.send(&message.recipient, &message.body).await?),
        _ => None,
    };
    if let Some(reply) = sent {
        repo::set_provider_ref(tx, delivery, &reply).await?;
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
    repo::keep_in_mailbox(
        tx,
        &MailboxMessage {
            tenant_id: sending.tenant.0,
            channel: message.channel,
            recipient: &message.recipient,
            subject: message.subject.as_deref(),
            body: &message.body,
            attachments: Value::Array(attachments),
        },
    )
    .await?;
    Ok(())
}

/// The latest 100 messages of each of `tenants` in the local mailbox, newest first, to
/// `recipient` (lower case) only when given.
pub async fn mailbox(
    db: &PgPool,
    tenants: &[TenantId],
    recipient: Option<&str>,
) -> Result<Vec<MailboxEntry>> {
    let mut out: Vec<MailboxEntry> = Vec::new();
    for tenant in tenants {
        let mut tx = tenant_tx(db, &TenantContext::system(*tenant)).await?;
        let rows = repo::mailbox(&mut tx, recipient).await?;
        tx.commit().await?;
        out.extend(rows.into_iter().map(MailboxEntry::from));
    }
    out.sort_by_key(|m| std::cmp::Reverse(m.created_at));
    Ok(out)
}
