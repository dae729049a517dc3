//! Events and notifications: the outbox ([`outbox`]), the worker that releases expired holds and
//! delivers events as e-mails and SMS with retries ([`worker`]), and the local mailbox that
//! stands in for SMTP and the SMS gateway in development (`GET /dev/mailbox`); e-mail goes
//! through SMTP ([`smtp`]) and SMS through a gateway ([`sms`]) when configured.

pub mod messages;
pub mod outbox;
pub mod sms;
pub mod smtp;
pub mod worker;

use axum::extract::{Query, State};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::Value;

use crate::db::{TenantContext, tenant_tx};
use crate::engine::load::SYSTEM_ROLE;
use crate::error::{Error, Result};
use crate::http::AppState;

/// The development routes.
pub fn router() -> Router<AppState> {
    Router::new().route("/api/v1/dev/mailbox", get(mailbox))
}

/// Query of `GET /dev/mailbox`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailboxQuery {
    /// Only messages to this address or phone.
    pub recipient: Option<String>,
}

async fn mailbox(
    State(state): State<AppState>,
    query: std::result::Result<Query<MailboxQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Vec<Value>>> {
    if !state.settings.dev_mailbox {
        return Err(Error::NotFound);
    }
    let Query(q) = query.map_err(|e| Error::validation("query", e.body_text()))?;
    let recipient = q.recipient.map(|r| r.trim().to_lowercase());
    let tenants: Vec<_> = state.engine.read().tenants.keys().copied().collect();
    let mut out: Vec<Value> = Vec::new();
    for tenant in tenants {
        let mut tx = tenant_tx(&state.db, &TenantContext::tenant(tenant, SYSTEM_ROLE)).await?;
        let rows: Vec<(Value,)> = sqlx::query_as(
            "SELECT json_build_object('id', id, 'channel', channel, 'recipient', recipient, \
             'subject', subject, 'body', body, 'created_at', created_at, 'attachments', \
             (SELECT coalesce(json_agg(json_build_object('filename', a ->> 'filename', \
             'content_type', a ->> 'content_type')), '[]') FROM jsonb_array_elements(attachments) a)) \
             FROM mailbox WHERE $1::text IS NULL OR lower(recipient) = $1 \
             ORDER BY created_at DESC LIMIT 100",
        )
        .bind(&recipient)
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        out.extend(rows.into_iter().map(|(v,)| v));
    }
    out.sort_by(|a, b| b["created_at"].as_str().cmp(&a["created_at"].as_str()));
    Ok(Json(out))
}
