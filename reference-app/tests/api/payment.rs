//! Payments. The Stripe adapter against a local mock of Stripe's HTTP API (PaymentIntents,
//! Refunds): form encoding, the secret key, idempotency keys, and the test cards' outcomes; a
//! network with its own Stripe account is charged and refunded through it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::{Form, Json, Router};
use serde_json::{Value, json};
use sqlx::PgPool;
use uuid::Uuid;

use crate::support::{StripeAdapter, Tenant, TestApp};

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

#[sqlx::test(migrations = "./migrations")]
async fn a_network_with_its_own_stripe_account_is_charged_and_refunded_through_it(owner: PgPool) {
    let (base, mock) = mock().await;
    let app = TestApp::builder(&owner)
        .seeded()
        .stripe_api(&base)
        .spawn()
        .await;
    let free = app.slots("Toulouse", 3).await;
    let held = app
        .hold(
            free[0]["disponibilite_id"].as_str().unwrap(),
            "GH-654-JK",
            "own.stripe@test.fr",
        )
        .send()
        .await
        .json;
    let id = Uuid::parse_str(held["id"].as_str().unwrap()).unwrap();
    let tenant: Uuid = sqlx::query_scalar("SELECT tenant_id FROM rdv WHERE id = $1")
        .bind(id)
        .fetch_one(&owner)
        .await
        .unwrap();
    let network = if tenant == app.tenant_id(Tenant::A) {
        Tenant::A
    } else {
        Tenant::B
    };
    let admin = app.user(network, "ADMIN_TENANT").await.token;
    // The mock knows only this key: the charge proves it was opened from its sealed form.
    let own = app
        .put("/api/v1/admin/tenant/settings")
        .bearer(&admin)
        .json(json!({ "payment": {
            "provider": "stripe", "stripe_publishable_key": "pk_test_mock", "stripe_secret_key": "sk_test_mock",
        } }))
        .send()
        .await;
    assert_eq!(own.status, StatusCode::OK, "{}", own.json);
    let guest = held["guest_token"].as_str().unwrap();
    let paid = app
        .post("/api/v1/payment/process")
        .idempotency_key("own-stripe-1")
        .guest(guest)
        .json(json!({ "rdv_id": held["id"], "card_token": "pm_card_visa" }))
        .send()
        .await;
    assert_eq!(paid.status, StatusCode::OK, "{}", paid.json);
    assert_eq!(mock.created.lock().unwrap().len(), 1);
    let (provider, reference): (String, String) =
        sqlx::query_as("SELECT provider, provider_ref FROM payments WHERE booking_id = $1")
            .bind(id)
            .fetch_one(&owner)
            .await
            .unwrap();
    assert_eq!(provider, "stripe");
    assert!(reference.starts_with("pi_mock_"), "{reference}");
    let cancelled = app
        .rdv(axum::http::Method::DELETE, held["id"].as_str().unwrap())
        .guest(guest)
        .send()
        .await;
    assert_eq!(cancelled.status, StatusCode::OK, "{}", cancelled.json);
    let refund: String =
        sqlx::query_scalar("SELECT r.provider_ref FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE p.booking_id = $1")
            .bind(id)
            .fetch_one(&owner)
            .await
            .unwrap();
    assert_eq!(refund, "re_mock_1");
}
