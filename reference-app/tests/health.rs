//! Health and metrics endpoints, driven through the router.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use reference_app::http::{AppState, app};
use sqlx::PgPool;
use tower::ServiceExt;

async fn get(state: AppState, uri: &str) -> (StatusCode, axum::http::HeaderMap, String) {
    let response = app(state)
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    let json = serde_json::from_slice(&body).unwrap_or(serde_json::Value::Null);
    common::documented::check(&axum::http::Method::GET, uri, status, &json);
    (status, headers, String::from_utf8(body.to_vec()).unwrap())
}

#[sqlx::test(migrations = "./migrations")]
async fn live_answers_ok_with_a_request_id(owner: PgPool) {
    let state = common::state(&owner).await;
    let (status, headers, body) = get(state, "/health/live").await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers.contains_key("x-request-id"));
    assert!(body.contains("\"ok\""), "{body}");
}

#[sqlx::test(migrations = "./migrations")]
async fn ready_checks_the_database(owner: PgPool) {
    let state = common::state(&owner).await;
    let (status, _, body) = get(state, "/health/ready").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let body: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(body["checks"]["database"], "ok");
    assert_eq!(body["checks"]["redis"], "not_configured");
}

#[sqlx::test(migrations = "./migrations")]
async fn ready_fails_when_the_database_is_gone(owner: PgPool) {
    let state = common::state(&owner).await;
    state.db.close().await;
    let (status, _, body) = get(state, "/health/ready").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(body.contains("\"down\""), "{body}");
}

#[sqlx::test(migrations = "./migrations")]
async fn ready_checks_redis_when_configured(owner: PgPool) {
    let mut state = common::state(&owner).await;
    state.redis = Some(redis::Client::open("redis://127.0.0.1:6379").unwrap());
    let (status, _, body) = get(state.clone(), "/health/ready").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains("\"redis\":\"ok\""), "{body}");

    // Nothing listens on port 1: Redis is down, the instance is not ready.
    state.redis = Some(redis::Client::open("redis://127.0.0.1:1").unwrap());
    let (status, _, body) = get(state, "/health/ready").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
}

#[sqlx::test(migrations = "./migrations")]
async fn metrics_count_requests_by_route(owner: PgPool) {
    let state = common::state(&owner).await;
    get(state.clone(), "/health/live").await;
    let (status, headers, body) = get(state, "/metrics").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    assert!(
        body.contains(
            r#"pti_http_requests_total{method="GET",path="/health/live",status="200"} 1"#
        ),
        "{body}"
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn unknown_routes_are_404(owner: PgPool) {
    let state = common::state(&owner).await;
    let (status, _, _) = get(state, "/nope").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[sqlx::test(migrations = "./migrations")]
async fn responses_carry_security_headers(owner: PgPool) {
    let (_, headers, _) = get(common::state(&owner).await, "/health/live").await;
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["x-frame-options"], "DENY");
    assert!(headers.contains_key("content-security-policy"));
    assert!(headers.contains_key("strict-transport-security"));
}
