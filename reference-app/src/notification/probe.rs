//! The test e-mail a network's admin sends to themself through the network's e-mail channel,
//! to check its settings: at most one per network every 30 seconds, each attempt audited with
//! the channel it went through and how it ended.

use chrono::Utc;
use pti_core::policy::{Action, Resource};
use serde_json::json;
use sqlx::PgPool;

use super::mailer::Failure;
use super::messages::Message;
use super::repo;
use super::service::{Outlets, channels_of, keep};
use super::views::TestSent;
use crate::admin::editor::{Change, editor};
use crate::audit::Origin;
use crate::auth::Principal;
use crate::db::tenant_tx;
use crate::error::{Error, Result};
use crate::user;

/// The audit action of a test e-mail.
const ACTION: &str = "tenant.notification.test";
/// Seconds between two test e-mails of a network.
const EVERY_SECS: i64 = 30;

/// The test e-mail to `recipient`.
fn message(recipient: &str) -> Message {
    Message {
        channel: "email",
        template: ACTION.to_owned(),
        recipient: recipient.to_owned(),
        subject: Some("PTI Calendar – e-mail de test".to_owned()),
        body: "Bonjour,\n\nCe message de test confirme que les e-mails de votre réseau partent bien avec les réglages enregistrés.\n".to_owned(),
        ics: None,
    }
}

/// Sends the test e-mail to the signed-in admin; answers the channel it went through. 429
/// within 30 seconds of the network's last one; 502 with the failure's code when the channel
/// refuses it.
pub async fn send(
    db: &PgPool,
    outlets: &Outlets,
    principal: &Principal,
    origin: &Origin,
) -> Result<TestSent> {
    let e = editor(principal, Resource::Settings, Action::Update)?;
    let recipient = user::service::me(db, principal).await?.email;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    if let Some(last) = repo::last_audit(&mut tx, ACTION).await? {
        let wait = EVERY_SECS - (Utc::now() - last).num_seconds();
        if wait > 0 {
            return Err(Error::TooManyRequests {
                retry_after_secs: wait.unsigned_abs(),
            });
        }
    }
    let channels = channels_of(&mut tx, e.tenant, outlets)
        .await
        .map_err(|err| Error::Unprocessable {
            code: "NOTIFICATION_MISCONFIGURED",
            message: format!("the network's e-mail channel cannot be used: {err}"),
            details: json!({ "field": "notification.email_provider", "reason": err.to_string() }),
        })?;
    let message = message(&recipient);
    let (channel, outcome) = match &channels.email {
        Some(mailer) => (
            mailer.name(),
            mailer
                .send(&channels.sender, &message)
                .await
                .map(drop)
                .map_err(|err| Failure::of(&err)),
        ),
        None => {
            keep(&mut tx, e.tenant, &message).await?;
            ("mailbox", Ok(()))
        }
    };
    let after = json!({
        "channel": channel,
        "recipient": recipient,
        "outcome": outcome.as_ref().map_or_else(|f| f.code(), |()| "SENT"),
    });
    let change = Change {
        action: ACTION,
        resource: Resource::Settings,
        id: e.tenant.0,
        before: None,
        after: &after,
    };
    e.record(&mut tx, origin, change).await?;
    tx.commit().await?;
    match outcome {
        Ok(()) => Ok(TestSent {
            channel: channel.to_owned(),
            recipient,
        }),
        Err(failure) => {
            tracing::warn!(tenant = %e.tenant.0, error = %failure, "test e-mail failed");
            Err(Error::Upstream {
                code: failure.code(),
                message: failure.to_string(),
            })
        }
    }
}
