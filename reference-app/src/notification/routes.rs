//! Routes of the notification service: `GET /dev/mailbox`, the local mailbox of development.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use sqlx::PgPool;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::service;
use super::views::MailboxEntry;
use crate::config::Settings;
use crate::engine::SharedEngine;
use crate::error::{Error, Result};
use crate::extract::ApiQuery;
use crate::http::openapi::{NotFound, Unprocessable};
use crate::state::AppState;

/// The notification routes.
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
#[tracing::instrument(skip_all)]
async fn mailbox(
    State(db): State<PgPool>,
    State(engine): State<SharedEngine>,
    State(settings): State<Arc<Settings>>,
    ApiQuery(q): ApiQuery<MailboxQuery>,
) -> Result<Json<Vec<MailboxEntry>>> {
    if !settings.dev_mailbox {
        return Err(Error::NotFound);
    }
    let tenants: Vec<_> = engine.read().tenants.keys().copied().collect();
    let recipient = q.recipient.map(|r| r.trim().to_lowercase());
    Ok(Json(
        service::mailbox(&db, &tenants, recipient.as_deref()).await?,
    ))
}
