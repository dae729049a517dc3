//! The Stripe adapter: PaymentIntents (created and confirmed in one call with the card's
//! PaymentMethod id as token) and Refunds, over Stripe's form-encoded HTTP API with its
//! `Idempotency-Key` header. The base URL is configurable so tests run it against a local mock.

use std::time::Duration;

use axum::http::{HeaderName, header};
use serde_json::Value;

use super::provider::{Charge, PaymentError, PaymentProvider};
use crate::outbound::{Api, BoxFuture};

/// A Stripe account.
pub struct Stripe {
    api: Api,
    secret_key: String,
}

impl Stripe {
    /// An adapter for the account of `secret_key` at `base` (Stripe's, or a mock's).
    pub fn new(base: &str, secret_key: &str) -> Self {
        Self {
            api: Api::new("Stripe", base, Duration::from_secs(20)),
            secret_key: secret_key.to_owned(),
        }
    }

    /// POSTs a form to `path`; answers the JSON body, or the error it carries.
    async fn post(
        &self,
        path: &str,
        form: &[(&str, String)],
        idempotency_key: &str,
    ) -> Result<Value, PaymentError> {
        let provider = |e: anyhow::Error| PaymentError::Provider(e.to_string());
        let body = serde_urlencoded::to_string(form).map_err(|e| provider(e.into()))?;
        let headers = [
            (header::AUTHORIZATION, format!("Bearer {}", self.secret_key)),
            (
                HeaderName::from_static("idempotency-key"),
                idempotency_key.to_owned(),
            ),
        ];
        let (status, json) = self
            .api
            .post(path, "application/x-www-form-urlencoded", &headers, body)
            .await
            .map_err(provider)?;
        match (status.is_success(), json.is_null()) {
            (_, true) => Err(PaymentError::Provider(format!(
                "Stripe answered {status} without JSON"
            ))),
            (true, false) => Ok(json),
            (false, false) => Err(error_of(&json, status.as_u16())),
        }
    }
}

/// The payment error of a Stripe error body.
fn error_of(body: &Value, status: u16) -> PaymentError {
    let error = &body["error"];
    let code = error["code"].as_str().unwrap_or_default();
    let decline = error["decline_code"].as_str().unwrap_or_default();
    match (error["type"].as_str(), code, decline) {
        (_, _, "insufficient_funds") | (_, "insufficient_funds", _) => {
            PaymentError::InsufficientFunds
        }
        (Some("card_error"), _, _) => PaymentError::Declined,
        (_, "resource_missing", _) => PaymentError::InvalidToken,
        _ => PaymentError::Provider(format!(
            "Stripe answered {status}: {}",
            error["message"].as_str().unwrap_or("no message")
        )),
    }
}

impl PaymentProvider for Stripe {
    fn name(&self) -> &'static str {
        "stripe"
    }

    fn charge<'a>(
        &'a self,
        token: &'a str,
        amount_cents: i64,
        idempotency_key: &'a str,
    ) -> BoxFuture<'a, Result<Charge, PaymentError>> {
        Box::pin(async move {
            let intent = self
                .post(
                    "/v1/payment_intents",
                    &[
                        ("amount", amount_cents.to_string()),
                        ("currency", "eur".to_owned()),
                        ("payment_method", token.to_owned()),
                        ("confirm", "true".to_owned()),
                        ("automatic_payment_methods[enabled]", "true".to_owned()),
                        (
                            "automatic_payment_methods[allow_redirects]",
                            "never".to_owned(),
                        ),
                        ("expand[]", "latest_charge".to_owned()),
                    ],
                    idempotency_key,
                )
                .await?;
            match intent["status"].as_str() {
                Some("succeeded") => {
                    let card = &intent["latest_charge"]["payment_method_details"]["card"];
                    Ok(Charge {
                        provider_ref: intent["id"].as_str().unwrap_or_default().to_owned(),
                        brand: card["brand"].as_str().unwrap_or("card").to_owned(),
                        last4: card["last4"].as_str().unwrap_or("0000").to_owned(),
                    })
                }
                // 3-D Secure and other actions need a browser flow this integration does not offer.
                other => Err(PaymentError::Provider(format!(
                    "payment intent left in status {}",
                    other.unwrap_or("unknown")
                ))),
            }
        })
    }

    fn refund<'a>(
        &'a self,
        provider_ref: &'a str,
        amount_cents: i64,
        idempotency_key: &'a str,
    ) -> BoxFuture<'a, Result<String, PaymentError>> {
        Box::pin(async move {
            let refund = self
                .post(
                    "/v1/refunds",
                    &[
                        ("payment_intent", provider_ref.to_owned()),
                        ("amount", amount_cents.to_string()),
                    ],
                    idempotency_key,
                )
                .await?;
            refund["id"]
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| PaymentError::Provider("refund without id".to_owned()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn stripe_errors_map_to_stable_codes() {
        let card = |code: &str, decline: &str| json!({ "error": { "type": "card_error", "code": code, "decline_code": decline } });
        assert_eq!(
            error_of(&card("card_declined", "generic_decline"), 402),
            PaymentError::Declined
        );
        assert_eq!(
            error_of(&card("card_declined", "insufficient_funds"), 402),
            PaymentError::InsufficientFunds
        );
        assert_eq!(
            error_of(
                &json!({ "error": { "type": "invalid_request_error", "code": "resource_missing" } }),
                400
            ),
            PaymentError::InvalidToken
        );
        assert!(matches!(
            error_of(&json!({}), 500),
            PaymentError::Provider(_)
        ));
    }
}
