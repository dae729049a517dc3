//! Routes of the notification service: `GET /dev/mailbox`, the local mailbox of development,
//! and `POST /admin/tenant/settings/notification/test`, a network admin's test e-mail.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use sqlx::PgPool;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::probe;
use super::service::{self, Outlets};
use super::views::{MailboxEntry, TestSent};
use crate::config::Settings;
use crate::engine::SharedEngine;
use crate::error::{Error, Result};
use crate::extract::{ApiQuery, Origin, Principal};
use crate::http::openapi::{BadGateway, Forbidden, NotFound, RateLimited, Unprocessable};
use crate::state::AppState;

/// The notification routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(mailbox))
        .routes(routes!(test_email))
}

/// Send a test e-mail through the network's e-mail channel.
///
/// ADMIN_TENANT only. The message goes to the signed-in admin, through the channel the settings
/// name (`smtp`, `brevo`, or the platform's: its relay, or `mailbox`, the local mailbox); the
/// answer names it. One per network every 30 seconds (429 with `Retry-After`). A channel that
/// fails answers 502: `NOTIFICATION_UNREACHABLE` (connection refused, unknown host, time-out),
/// `NOTIFICATION_AUTH_FAILED` (credentials refused) or `NOTIFICATION_REFUSED`; one that cannot
/// be built (a secret that does not open) 422 `NOTIFICATION_MISCONFIGURED`. Each attempt is
/// audited with its channel and outcome.
#[utoipa::path(
    post,
    path = "/api/v1/admin/tenant/settings/notification/test",
    tag = "settings",
    operation_id = "sendTestEmail",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Sent", body = TestSent),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
        (status = 429, response = RateLimited),
        (status = 502, response = BadGateway),
    )
)]
#[tracing::instrument(skip_all)]
async fn test_email(
    State(db): State<PgPool>,
    State(outlets): State<Outlets>,
    principal: Principal,
    origin: Origin,
) -> Result<Json<TestSent>> {
    Ok(Json(probe::send(&db, &outlets, &principal, &origin).await?))
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
