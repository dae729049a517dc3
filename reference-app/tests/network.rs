//! Staff reads of the network: only the caller's tenant, never another's.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{TENANT_A, TENANT_B};
use http_body_util::BodyExt;
use reference_app::http::{AppState, app};
use serde_json::Value;
use sqlx::PgPool;
use tower::ServiceExt;
use uuid::Uuid;

/// An access token for a new user of `tenant` with `role`.
async fn token(owner: &PgPool, tenant: Option<Uuid>, role: &str) -> String {
    common::user_token(owner, tenant, role).await.0
}

async fn get(state: &AppState, uri: &str, token: &str) -> (StatusCode, Value) {
    let request = Request::get(uri)
        .header("authorization", format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap();
    let response = app(state.clone()).oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    common::documented::check(&axum::http::Method::GET, uri, status, &value);
    (status, value)
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
    let staff = token(&owner, Some(TENANT_A.0), "CALL_CENTER").await;
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
    let admin_a = token(&owner, Some(TENANT_A.0), "ADMIN_TENANT").await;
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
        &token(&owner, Some(TENANT_A.0), "CLIENT").await,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = get(
        &state,
        "/api/v1/cts",
        &token(&owner, None, "SUPER_ADMIN").await,
    )
    .await;
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
    let staff = token(&owner, Some(TENANT_A.0), "ADMIN_CT").await;
    let (status, body) = get(&state, "/api/v1/cts/not-a-uuid", &staff).await;
    assert_eq!(
        (status, body["details"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("id"))
    );
    let (status, body) = get(&state, "/api/v1/cts?radius=-1", &staff).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
}

#[sqlx::test(migrations = "./migrations")]
async fn centre_and_agency_admins_see_only_their_scope(owner: PgPool) {
    common::load_two_tenants(&owner).await;
    let state = common::state(&owner).await;
    let ct_admin = token(&owner, Some(TENANT_A.0), "ADMIN_CT").await;
    let agency_admin = token(&owner, Some(TENANT_A.0), "ADMIN_AGENCE").await;
    // A second agency with its centre, created after the ones the admins are attached to.
    let other_agency: Uuid = sqlx::query_scalar(
        "INSERT INTO agences (tenant_id, code, name, city, created_at) \
         VALUES ($1, 'AG2', 'Agence 2', 'Paris', now() + interval '1 day') RETURNING id",
    )
    .bind(TENANT_A.0)
    .fetch_one(&owner)
    .await
    .unwrap();
    let other_centre: Uuid = sqlx::query_scalar(
        "INSERT INTO cts (tenant_id, agency_id, code, name, postcode, city, lat, lng, created_at) \
         VALUES ($1, $2, 'CT2', 'Centre 2', '75011', 'Paris', 48.86, 2.38, now() + interval '1 day') RETURNING id",
    )
    .bind(TENANT_A.0)
    .bind(other_agency)
    .fetch_one(&owner)
    .await
    .unwrap();
    let admin = token(&owner, Some(TENANT_A.0), "ADMIN_TENANT").await;
    for (who, agencies, centres) in [(&admin, 2, 2), (&agency_admin, 2, 1), (&ct_admin, 0, 1)] {
        let (_, body) = get(&state, "/api/v1/cts", who).await;
        assert_eq!(body.as_array().map(Vec::len), Some(centres), "{body}");
        let (status, body) = get(&state, "/api/v1/agences", who).await;
        if agencies == 0 {
            assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
        } else {
            assert_eq!(body.as_array().map(Vec::len), Some(agencies), "{body}");
        }
    }
    let (status, body) = get(&state, &format!("/api/v1/cts/{other_centre}"), &ct_admin).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("OUT_OF_SCOPE"))
    );
}
