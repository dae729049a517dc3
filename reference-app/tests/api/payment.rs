//! Payments. The Stripe adapter against a local mock of Stripe's HTTP API (PaymentIntents,
//! Refunds): form encoding, the secret key, idempotency keys, and the test cards' outcomes.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::{Form, Json, Router};
use serde_json::{Value, json};

use crate::support::StripeAdapter;

#[derive(Clone, Default)]
struct Mock {
    /// Answers already given, by idempotency key.
    seen: Arc<Mutex<HashMap<String, Value>>>,
    /// Intents created (not replayed).
    created: Arc<Mutex<Vec<HashMap<String, String>>>>,
}

fn unauthorized(headers: &HeaderMap) -> Option<(StatusCode, Json<Value>)> {
    (headers.get("authorization").and_then(|v| v.to_str().ok()) != Some("Bearer sk_test_mock")).then(|| {
        (
            StatusCode::UNAUTHORIZED,
            Json(json!({ "error": { "type": "invalid_request_error", "message": "Invalid API Key provided" } })),
        )
    })
}

async fn intents(
    State(mock): State<Mock>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> (StatusCode, Json<Value>) {
    if let Some(denied) = unauthorized(&headers) {
        return denied;
    }
    let key = headers["idempotency-key"].to_str().unwrap().to_owned();
    if let Some(previous) = mock.seen.lock().unwrap().get(&key) {
        return (StatusCode::OK, Json(previous.clone()));
    }
    assert_eq!(
        (form["currency"].as_str(), form["confirm"].as_str()),
        ("eur", "true")
    );
    mock.created.lock().unwrap().push(form.clone());
    let card_error = |decline: &str| {
        (
            StatusCode::PAYMENT_REQUIRED,
            Json(
                json!({ "error": { "type": "card_error", "code": "card_declined", "decline_code": decline } }),
            ),
        )
    };
    match form["payment_method"].as_str() {
        "pm_card_visa" => {
            let intent = json!({
                "id": format!("pi_mock_{}", mock.created.lock().unwrap().len()),
                "object": "payment_intent", "amount": form["amount"].parse::<i64>().unwrap(),
                "status": "succeeded",
                "latest_charge": { "payment_method_details": { "card": { "brand": "visa", "last4": "4242" } } },
            });
            mock.seen.lock().unwrap().insert(key, intent.clone());
            (StatusCode::OK, Json(intent))
        }
        "pm_card_chargeDeclined" => card_error("generic_decline"),
        "pm_card_chargeDeclinedInsufficientFunds" => card_error("insufficient_funds"),
        _ => (
            StatusCode::BAD_REQUEST,
            Json(
                json!({ "error": { "type": "invalid_request_error", "code": "resource_missing" } }),
            ),
        ),
    }
}

async fn refunds(
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> (StatusCode, Json<Value>) {
    if let Some(denied) = unauthorized(&headers) {
        return denied;
    }
    assert!(form["payment_intent"].starts_with("pi_mock_"));
    (
        StatusCode::OK,
        Json(
            json!({ "id": "re_mock_1", "amount": form["amount"].parse::<i64>().unwrap(), "status": "succeeded" }),
        ),
    )
}

async fn mock() -> (String, Mock) {
    let mock = Mock::default();
    let app = Router::new()
        .route("/v1/payment_intents", post(intents))
        .route("/v1/refunds", post(refunds))
        .with_state(mock.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}"), mock)
}

#[tokio::test]
async fn charges_refunds_and_declines_follow_stripe() {
    let (base, mock) = mock().await;
    let stripe = StripeAdapter::new(&base, "sk_test_mock");
    let charge = stripe.charge("pm_card_visa", 7900, "key-1").await.unwrap();
    assert_eq!(
        (charge.brand.as_str(), charge.last4.as_str()),
        ("visa", "4242")
    );
    assert!(charge.provider_ref.starts_with("pi_mock_"));
    let replay = stripe.charge("pm_card_visa", 7900, "key-1").await.unwrap();
    assert_eq!(
        replay, charge,
        "the idempotency key makes a retry answer the first charge"
    );
    assert_eq!(mock.created.lock().unwrap().len(), 1);
    assert_eq!(mock.created.lock().unwrap()[0]["amount"], "7900");

    assert_eq!(
        stripe.charge("pm_card_chargeDeclined", 7900, "key-2").await,
        Err("CARD_DECLINED")
    );
    assert_eq!(
        stripe
            .charge("pm_card_chargeDeclinedInsufficientFunds", 7900, "key-3")
            .await,
        Err("INSUFFICIENT_FUNDS")
    );
    assert_eq!(
        stripe.charge("pm_unknown", 7900, "key-4").await,
        Err("INVALID_CARD_TOKEN")
    );
    assert_eq!(
        stripe
            .refund(&charge.provider_ref, 7900, "refund-1")
            .await
            .unwrap(),
        "re_mock_1"
    );

    let wrong_key = StripeAdapter::new(&base, "sk_test_other");
    assert_eq!(
        wrong_key.charge("pm_card_visa", 100, "key-5").await,
        Err("PAYMENT_PROVIDER_ERROR")
    );
    let unreachable = StripeAdapter::new("http://127.0.0.1:9", "sk_test_mock");
    assert_eq!(
        unreachable.charge("pm_card_visa", 100, "key-6").await,
        Err("PAYMENT_PROVIDER_ERROR")
    );
}
