//! Use cases of the notification service: delivering the outbox's booking events and staff
//! invitations as French e-mails and SMS through the network's channels (its own SMTP server,
//! Brevo or smsmode account when its settings name them; else the platform's SMTP relay and
//! SMS gateway when configured, the local mailbox otherwise), each message once, with retries and exponential back-off; and reading
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
use super::network::{self, Channels, Sms};
use super::repo::{self, Delivery, MailboxMessage, Pending};
use super::sms::SmsGateway;
use super::smtp::Smtp;
use super::views::MailboxEntry;
use crate::channels::{self, NOTIFICATION};
use crate::config::{BREVO_API, SMSMODE_API};
use crate::db::{TenantContext, tenant_tx};
use crate::error::Result;
use crate::rdv;
use crate::secrets::Secrets;
use crate::user;
use crate::user::staff::invitation::{self, INVITED_EVENT};

/// Where the platform's messages go (e-mail through its SMTP relay and SMS through its gateway
/// when configured; without them, to the local mailbox), and what the networks' own channels
/// are reached with.
#[derive(Clone)]
pub struct Outlets {
    /// The platform's SMTP relay for e-mail.
    pub smtp: Option<Arc<Smtp>>,
    /// The platform's SMS gateway.
    pub sms: Option<Arc<dyn SmsGateway>>,
    /// The key that opens the networks' secrets.
    pub secrets: Secrets,
    /// Brevo's API root.
    pub brevo_api_base: String,
    /// smsmode's API root.
    pub smsmode_api_base: String,
}

impl Default for Outlets {
    fn default() -> Self {
        Self {
            smtp: None,
            sms: None,
            secrets: Secrets::default(),
            brevo_api_base: BREVO_API.to_owned(),
            smsmode_api_base: SMSMODE_API.to_owned(),
        }
    }
}

/// The channels of `tenant`, the transaction's network.
pub(super) async fn channels_of(
    tx: &mut PgConnection,
    tenant: TenantId,
    outlets: &Outlets,
) -> anyhow::Result<Channels> {
    let settings = channels::settings(tx, tenant.0).await?;
    network::channels(
        outlets,
        tenant.0,
        &channels::section(&settings, NOTIFICATION),
    )
}

/// Delivers the due events of `tenant` through its channels; how many went out. A network
/// whose channels cannot be built (a secret that no longer opens) keeps its events for later.
pub async fn deliver(db: &PgPool, tenant: TenantId, outlets: &Outlets) -> anyhow::Result<usize> {
    let mut tx = tenant_tx(db, &TenantContext::system(tenant)).await?;
    let channels = match channels_of(&mut tx, tenant, outlets).await {
        Ok(channels) => channels,
        Err(e) => {
            tracing::error!(tenant = %tenant.0, error = %e, "the network's channels are unusable");
            return Ok(0);
        }
    };
    let pending = repo::claim_pending(&mut tx).await?;
    let mut delivered = 0;
    for event in pending {
        match deliver_one(&mut tx, tenant, &event, &channels).await? {
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
    channels: &Channels,
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
        match send(tx, &sending, &message, channels).await {
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

/// Sends one message (the network's mailer, its SMS gateway or the local mailbox) and logs
/// the delivery once per outbox event, channel and recipient, so a retry never sends twice; a
/// failed send is undone by the caller's savepoint and retried with the event. An SMS of a
/// network that sends none is logged as skipped.
async fn send(
    tx: &mut PgConnection,
    sending: &Sending,
    message: &Message,
    channels: &Channels,
) -> anyhow::Result<()> {
    let is_sms = message.channel == "sms";
    let mailer = channels.email.as_ref().filter(|_| !is_sms);
    let gateway = match &channels.sms {
        Sms::Gateway(g) if is_sms => Some(g),
        _ => None,
    };
    let off = is_sms && matches!(channels.sms, Sms::Off);
    let provider = match (mailer, gateway) {
        (Some(m), _) => m.name(),
        (_, Some(g)) => g.name(),
        _ if off => "none",
        _ => "mailbox",
    };
    let wanted = sending.wanted && !off;
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
            status: if wanted { "sent" } else { "skipped" },
        },
    )
    .await?;
    let Some(delivery) = logged.filter(|_| wanted) else {
        return Ok(());
    };
    let sent = match (mailer, gateway) {
        (Some(mailer), _) => Some(mailer.send(&channels.sender, message).await?),
        (_, Some(gateway)) => Some(gateway.send(&message.recipient, &message.body).await?),
        _ => None,
    };
    if let Some(reply) = sent {
        repo::set_provider_ref(tx, delivery, &reply).await?;
        return Ok(());
    }
    keep(tx, sending.tenant, message).await
}

/// Keeps `message` of `tenant` in the local mailbox, its ICS attached.
pub(super) async fn keep(
    tx: &mut PgConnection,
    tenant: TenantId,
    message: &Message,
) -> anyhow::Result<()> {
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
            tenant_id: tenant.0,
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
