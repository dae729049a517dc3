//! Routes of the payment service: `POST /payment/tokenize`, the sandbox's card vault.
//! (`POST /payment/process`, paying a booking, is a route of the booking service.)

use axum::Json;
use axum::extract::State;
use chrono::{Datelike, Utc};
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Payments;
use super::views::CardToken;
use crate::error::{Error, Result};
use crate::extract::ApiJson;
use crate::http::openapi::NotFound;
use crate::state::AppState;

/// The payment routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(tokenize))
}

/// Body of `POST /payment/tokenize`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Card)]
pub struct CardBody {
    /// Card number (spaces allowed).
    #[schema(example = "4242 4242 4242 4242")]
    pub card_number: String,
    /// Expiry month, 1–12.
    #[schema(minimum = 1, maximum = 12)]
    pub exp_month: u32,
    /// Expiry year (2030 or 30).
    pub exp_year: u32,
    /// Security code.
    pub cvc: String,
}

/// Tokenize a card (sandbox provider).
///
/// The sandbox's own card vault, so card numbers never reach the booking API. It follows
/// Stripe's test cards: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined,
/// 4000 0000 0000 9995 has insufficient funds. 404 when a real provider is configured.
#[utoipa::path(
    post,
    path = "/api/v1/payment/tokenize",
    tag = "payments",
    operation_id = "tokenize",
    security(()),
    request_body = CardBody,
    responses(
        (status = 200, description = "The card's token", body = CardToken),
        (status = 404, response = NotFound),
    )
)]
#[tracing::instrument(skip_all)]
async fn tokenize(
    State(payments): State<Payments>,
    ApiJson(body): ApiJson<CardBody>,
) -> Result<Json<CardToken>> {
    let sandbox = payments.sandbox.as_ref().ok_or(Error::NotFound)?;
    let now = Utc::now();
    let (token, brand, last4) = sandbox
        .tokenize(
            &body.card_number,
            body.exp_month,
            body.exp_year,
            body.cvc.trim(),
            (now.year() as u32, now.month()),
        )
        .map_err(|e| Error::validation(e.field(), e.to_string()))?;
    Ok(Json(CardToken {
        token,
        brand: brand.to_owned(),
        last4,
    }))
}
