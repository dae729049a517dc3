//! Events and notifications: the outbox ([`outbox`]), the worker that releases expired holds and
//! delivers events as e-mails and SMS with retries ([`worker`]), and the local mailbox that
//! stands in for SMTP and the SMS gateway in development (`GET /dev/mailbox`); e-mail goes
//! through SMTP ([`smtp`]) and SMS through a gateway ([`sms`]) when configured.

pub mod messages;
pub mod outbox;
pub mod sms;
pub mod smtp;
pub mod worker;

use axum::Json;
use axum::extract::{Query, State};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::db::{TenantContext, tenant_tx};
use crate::engine::load::SYSTEM_ROLE;
use crate::error::{Error, Result};
use crate::http::AppState;
use crate::http::openapi::{NotFound, Unprocessable};

/// The development routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(mailbox))
}

/// Query of `GET /dev/mailbox`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct MailboxQuery {
    /// Only messages to this address or phone.
    pub recipient: Option<String>,
}

/// A message kept by the local mailbox instead of being sent.
#[derive(Debug, Serialize, sqlx::FromRow, ToSchema)]
#[schema(as = MailboxMessage)]
pub struct MailboxEntry {
    /// Id.
    pub id: Uuid,
    /// `email` or `sms`.
    pub channel: String,
    /// E-mail address or phone number.
    pub recipient: String,
    /// E-mail subject (none for an SMS).
    pub subject: Option<String>,
    /// Plain text.
    pub body: String,
    /// When it was "sent".
    pub created_at: DateTime<Utc>,
    /// Attached files (the booking's `.ics`), without their content.
    #[sqlx(json)]
    pub attachments: Vec<Attachment>,
}

/// An attachment's name and type.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Attachment {
    /// File name.
    pub filename: String,
    /// MIME type.
    pub content_type: String,
}

/// E-mails and SMS sent (development).
///
/// The latest 100 messages per network, newest first; only when the server runs with the
/// development mailbox (404 otherwise).
#[utoipa::path(
    get,
    path = "/api/v1/dev/mailbox",
    tag = "development",
    operation_id = "mailbox",
    security(()),
    params(MailboxQuery),
    responses(
        (status = 200, description = "The messages", body = Vec<MailboxEntry>),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
async fn mailbox(
    State(state): State<AppState>,
    query: std::result::Result<Query<MailboxQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Vec<MailboxEntry>>> {
    if !state.settings.dev_mailbox {
        return Err(Error::NotFound);
    }
    let Query(q) = query.map_err(|e| Error::validation("query", e.body_text()))?;
    let recipient = q.recipient.map(|r| r.trim().to_lowercase());
    let tenants: Vec<_> = state.engine.read().tenants.keys().copied().collect();
    let mut out: Vec<MailboxEntry> = Vec::new();
    for tenant in tenants {
        let mut tx = tenant_tx(&state.db, &TenantContext::tenant(tenant, SYSTEM_ROLE)).await?;
        let rows: Vec<MailboxEntry> = sqlx::query_as(
            "SELECT id, channel, recipient, subject, body, created_at, \
             (SELECT coalesce(jsonb_agg(jsonb_build_object('filename', a ->> 'filename', \
             'content_type', a ->> 'content_type')), '[]') FROM jsonb_array_elements(attachments) a) \
             AS attachments \
             FROM mailbox WHERE $1::text IS NULL OR lower(recipient) = $1 \
             ORDER BY created_at DESC LIMIT 100",
        )
        .bind(&recipient)
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        out.extend(rows);
    }
    out.sort_by_key(|m| std::cmp::Reverse(m.created_at));
    Ok(Json(out))
}
