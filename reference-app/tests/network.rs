//! Staff reads of the network: only the caller's tenant, never another's.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{TENANT_A, TENANT_B};
use http_body_util::BodyExt;
use reference_app::auth::Jwt;
use reference_app::http::{AppState, app};
use serde_json::Value;
use sqlx::PgPool;
use tower::ServiceExt;
use uuid::Uuid;

/// An access token for a user of `tenant` with `role` (a fresh session).
fn token(tenant: Option<Uuid>, role: &str) -> String {
    let jwt = Jwt::new(&common::test_keys()).unwrap();
    let claims = Jwt::claims(
        Uuid::new_v4(),
        tenant,
        role,
        Uuid::new_v4(),
        reference_app::auth::jwt::now_unix(),
    );
    jwt.sign(&claims).unwrap()
}

async fn get(state: &AppState, uri: &str, token: &str) -> (StatusCode, Value) {
    let request = Request::get(uri)
        .header("authorization", format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap();
    let response = app(state.clone()).oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

async fn id_of(owner: &PgPool, table: &str, tenant: Uuid) -> Uuid {
    sqlx::query_scalar(&format!("SELECT id FROM {table} WHERE tenant_id = $1"))
        .bind(tenant)
        .fetch_one(owner)
        .await
        .unwrap()
}

#[sqlx::test(migrations = "./migrations")]
async fn staff_list_only_their_tenants_agencies_and_centres(owner: PgPool) {
    common::load_two_tenants(&owner).await;
    let state = common::state(&owner).await;
    let staff = token(Some(TENANT_A.0), "CALL_CENTER");
    for uri in ["/api/v1/agences", "/api/v1/cts"] {
        let (status, body) = get(&state, uri, &staff).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {body}");
        let rows = body.as_array().unwrap();
        assert_eq!(rows.len(), 1, "{uri}: {body}");
        assert_eq!(rows[0]["tenant_id"], TENANT_A.0.to_string());
    }
    let agency = id_of(&owner, "agences", TENANT_A.0).await;
    let (status, body) = get(&state, &format!("/api/v1/cts?agency_id={agency}"), &staff).await;
    assert_eq!(
        (status, body.as_array().map(Vec::len)),
        (StatusCode::OK, Some(1))
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn another_tenants_agency_or_centre_is_not_found(owner: PgPool) {
    common::load_two_tenants(&owner).await;
    let state = common::state(&owner).await;
    let admin_a = token(Some(TENANT_A.0), "ADMIN_TENANT");
    for table in ["agences", "cts"] {
        let own = id_of(&owner, table, TENANT_A.0).await;
        let foreign = id_of(&owner, table, TENANT_B.0).await;
        let (status, _) = get(&state, &format!("/api/v1/{table}/{own}"), &admin_a).await;
        assert_eq!(status, StatusCode::OK, "{table}");
        let (status, body) = get(&state, &format!("/api/v1/{table}/{foreign}"), &admin_a).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (StatusCode::NOT_FOUND, Some("NOT_FOUND")),
            "{table}"
        );
    }
}

#[sqlx::test(migrations = "./migrations")]
async fn clients_are_forbidden_and_the_super_admin_sees_every_tenant(owner: PgPool) {
    common::load_two_tenants(&owner).await;
    let state = common::state(&owner).await;
    let (status, _) = get(
        &state,
        "/api/v1/agences",
        &token(Some(TENANT_A.0), "CLIENT"),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = get(&state, "/api/v1/cts", &token(None, "SUPER_ADMIN")).await;
    assert_eq!(
        (status, body.as_array().map(Vec::len)),
        (StatusCode::OK, Some(2))
    );
    let (status, _) = get(&state, "/api/v1/cts", "not-a-token").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[sqlx::test(migrations = "./migrations")]
async fn bad_ids_and_filters_are_422_naming_the_field(owner: PgPool) {
    common::load_two_tenants(&owner).await;
    let state = common::state(&owner).await;
    let staff = token(Some(TENANT_A.0), "ADMIN_CT");
    let (status, body) = get(&state, "/api/v1/cts/not-a-uuid", &staff).await;
    assert_eq!(
        (status, body["details"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("id"))
    );
    let (status, body) = get(&state, "/api/v1/cts?radius=-1", &staff).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
}
