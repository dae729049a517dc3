//! Health and metrics endpoints, driven through the router.

use axum::http::StatusCode;
use sqlx::PgPool;

use crate::support::TestApp;

#[sqlx::test(migrations = "./migrations")]
async fn live_answers_ok_with_a_request_id(owner: PgPool) {
    let app = TestApp::builder(&owner).spawn().await;
    let live = app.get("/health/live").send().await;
    assert_eq!(live.status, StatusCode::OK);
    assert!(live.headers.contains_key("x-request-id"));
    assert!(live.text().contains("\"ok\""), "{}", live.text());
}

#[sqlx::test(migrations = "./migrations")]
async fn ready_checks_the_database(owner: PgPool) {
    let app = TestApp::builder(&owner).spawn().await;
    let ready = app.get("/health/ready").send().await;
    assert_eq!(ready.status, StatusCode::OK, "{}", ready.text());
    let body: serde_json::Value = serde_json::from_str(ready.text()).unwrap();
    assert_eq!(body["checks"]["database"], "ok");
    assert_eq!(body["checks"]["redis"], "not_configured");
}

#[sqlx::test(migrations = "./migrations")]
async fn ready_fails_when_the_database_is_gone(owner: PgPool) {
    let app = TestApp::builder(&owner).spawn().await;
    app.close_db().await;
    let ready = app.get("/health/ready").send().await;
    assert_eq!(ready.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(ready.text().contains("\"down\""), "{}", ready.text());
}

#[sqlx::test(migrations = "./migrations")]
async fn ready_checks_redis_when_configured(owner: PgPool) {
    let app = TestApp::builder(&owner).redis().spawn().await;
    let ready = app.get("/health/ready").send().await;
    assert_eq!(ready.status, StatusCode::OK, "{}", ready.text());
    assert!(
        ready.text().contains("\"redis\":\"ok\""),
        "{}",
        ready.text()
    );

    // Nothing listens on port 1: Redis is down, the instance is not ready.
    let app = TestApp::builder(&owner).redis_down().spawn().await;
    let ready = app.get("/health/ready").send().await;
    assert_eq!(
        ready.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        ready.text()
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn metrics_count_requests_by_route(owner: PgPool) {
    let app = TestApp::builder(&owner).spawn().await;
    app.get("/health/live").send().await;
    let metrics = app.get("/metrics").send().await;
    assert_eq!(metrics.status, StatusCode::OK);
    assert!(
        metrics.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    assert!(
        metrics.text().contains(
            r#"pti_http_requests_total{method="GET",path="/health/live",status="200"} 1"#
        ),
        "{}",
        metrics.text()
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn unknown_routes_are_404(owner: PgPool) {
    let app = TestApp::builder(&owner).spawn().await;
    let answer = app.get("/nope").send().await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
}

#[sqlx::test(migrations = "./migrations")]
async fn responses_carry_security_headers(owner: PgPool) {
    let app = TestApp::builder(&owner).spawn().await;
    let headers = app.get("/health/live").send().await.headers;
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["x-frame-options"], "DENY");
    assert!(headers.contains_key("content-security-policy"));
    assert!(headers.contains_key("strict-transport-security"));
}
