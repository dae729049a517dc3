//! The Stripe adapter: PaymentIntents (created and confirmed in one call with the card's
//! PaymentMethod id as token) and Refunds, over Stripe's form-encoded HTTP API with its
//! `Idempotency-Key` header. The base URL is configurable so tests run it against a local mock.

use axum::http::{Method, Request, header};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use serde_json::Value;

use super::provider::{BoxFuture, Charge, PaymentError, PaymentProvider};

/// Stripe's API root.
pub const STRIPE_API: &str = "https://api.stripe.com";

/// A Stripe account.
pub struct Stripe {
    base: String,
    secret_key: String,
    client: Client<HttpsConnector<HttpConnector>, Full<Bytes>>,
}

impl Stripe {
    /// An adapter for the account of `secret_key` at `base` (Stripe's, or a mock's).
    pub fn new(base: &str, secret_key: &str) -> Self {
        let https = hyper_rustls::HttpsConnectorBuilder::new()
            .with_webpki_roots()
            .https_or_http()
            .enable_http1()
            .build();
        Self {
            base: base.trim_end_matches('/').to_owned(),
            secret_key: secret_key.to_owned(),
            client: Client::builder(TokioExecutor::new()).build(https),
        }
    }

    /// POSTs a form to `path`; answers the JSON body, or the error it carries.
    async fn post(
        &self,
        path: &str,
        form: &[(&str, String)],
        idempotency_key: &str,
    ) -> Result<Value, PaymentError> {
        let body =
            serde_urlencoded::to_string(form).map_err(|e| PaymentError::Provider(e.to_string()))?;
        let request = Request::builder()
            .method(Method::POST)
            .uri(format!("{}{path}", self.base))
            .header(header::AUTHORIZATION, format!("Bearer {}", self.secret_key))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("Idempotency-Key", idempotency_key)
            .body(Full::new(Bytes::from(body)))
            .map_err(|e| PaymentError::Provider(e.to_string()))?;
        let response = tokio::time::timeout(
            std::time::Duration::from_secs(20),
            self.client.request(request),
        )
        .await
        .map_err(|_| PaymentError::Provider("Stripe did not answer in time".to_owned()))?
        .map_err(|e| PaymentError::Provider(e.to_string()))?;
        let status = response.status();
        let bytes = response
            .into_body()
            .collect()
            .await
            .map_err(|e| PaymentError::Provider(e.to_string()))?
            .to_bytes();
        let json: Value = serde_json::from_slice(&bytes).map_err(|_| {
            PaymentError::Provider(format!("Stripe answered {status} without JSON"))
        })?;
        if status.is_success() {
            Ok(json)
        } else {
            Err(error_of(&json, status.as_u16()))
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
