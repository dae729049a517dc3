//! Administration: staff reads of the network, only the caller's tenant, never another's.

use axum::http::StatusCode;
use sqlx::PgPool;
use uuid::Uuid;

use crate::support::{Tenant, TestApp};

async fn id_of(owner: &PgPool, table: &str, tenant: Uuid) -> Uuid {
    sqlx::query_scalar(&format!("SELECT id FROM {table} WHERE tenant_id = $1"))
        .bind(tenant)
        .fetch_one(owner)
        .await
        .unwrap()
}

#[sqlx::test(migrations = "./migrations")]
async fn staff_list_only_their_tenants_agencies_and_centres(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let a = app.tenant_id(Tenant::A);
    let staff = app.user(Tenant::A, "CALL_CENTER").await.token;
    for uri in ["/api/v1/agences", "/api/v1/cts"] {
        let list = app.get(uri).bearer(&staff).send().await;
        assert_eq!(list.status, StatusCode::OK, "{uri}: {}", list.json);
        let rows = list.json.as_array().unwrap();
        assert_eq!(rows.len(), 1, "{uri}: {}", list.json);
        assert_eq!(rows[0]["tenant_id"], a.to_string());
    }
    let agency = id_of(&owner, "agences", a).await;
    let list = app
        .get(&format!("/api/v1/cts?agency_id={agency}"))
        .bearer(&staff)
        .send()
        .await;
    assert_eq!(
        (list.status, list.json.as_array().map(Vec::len)),
        (StatusCode::OK, Some(1))
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn another_tenants_agency_or_centre_is_not_found(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let admin_a = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    for table in ["agences", "cts"] {
        let own = id_of(&owner, table, app.tenant_id(Tenant::A)).await;
        let foreign = id_of(&owner, table, app.tenant_id(Tenant::B)).await;
        let answer = app
            .get(&format!("/api/v1/{table}/{own}"))
            .bearer(&admin_a)
            .send()
            .await;
        assert_eq!(answer.status, StatusCode::OK, "{table}");
        let answer = app
            .get(&format!("/api/v1/{table}/{foreign}"))
            .bearer(&admin_a)
            .send()
            .await;
        assert_eq!(
            (answer.status, answer.json["code"].as_str()),
            (StatusCode::NOT_FOUND, Some("NOT_FOUND")),
            "{table}"
        );
    }
}

#[sqlx::test(migrations = "./migrations")]
async fn clients_are_forbidden_and_the_super_admin_sees_every_tenant(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let client = app.user(Tenant::A, "CLIENT").await.token;
    let answer = app.get("/api/v1/agences").bearer(&client).send().await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    let root = app.super_admin().await.token;
    let answer = app.get("/api/v1/cts").bearer(&root).send().await;
    assert_eq!(
        (answer.status, answer.json.as_array().map(Vec::len)),
        (StatusCode::OK, Some(2))
    );
    let answer = app.get("/api/v1/cts").bearer("not-a-token").send().await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
}

#[sqlx::test(migrations = "./migrations")]
async fn bad_ids_and_filters_are_422_naming_the_field(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let staff = app.user(Tenant::A, "ADMIN_CT").await.token;
    let answer = app
        .get("/api/v1/cts/not-a-uuid")
        .bearer(&staff)
        .send()
        .await;
    assert_eq!(
        answer.refusal(),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("id"))
    );
    let answer = app.get("/api/v1/cts?radius=-1").bearer(&staff).send().await;
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        answer.json
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn centre_and_agency_admins_see_only_their_scope(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let a = app.tenant_id(Tenant::A);
    let ct_admin = app.user(Tenant::A, "ADMIN_CT").await.token;
    let agency_admin = app.user(Tenant::A, "ADMIN_AGENCE").await.token;
    // A second agency with its centre, created after the ones the admins are attached to.
    let other_agency: Uuid = sqlx::query_scalar(
        "INSERT INTO agences (tenant_id, code, name, city, created_at) \
         VALUES ($1, 'AG2', 'Agence 2', 'Paris', now() + interval '1 day') RETURNING id",
    )
    .bind(a)
    .fetch_one(&owner)
    .await
    .unwrap();
    let other_centre: Uuid = sqlx::query_scalar(
        "INSERT INTO cts (tenant_id, agency_id, code, name, postcode, city, lat, lng, created_at) \
         VALUES ($1, $2, 'CT2', 'Centre 2', '75011', 'Paris', 48.86, 2.38, now() + interval '1 day') RETURNING id",
    )
    .bind(a)
    .bind(other_agency)
    .fetch_one(&owner)
    .await
    .unwrap();
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    for (who, agencies, centres) in [(&admin, 2, 2), (&agency_admin, 2, 1), (&ct_admin, 0, 1)] {
        let list = app.get("/api/v1/cts").bearer(who).send().await;
        assert_eq!(
            list.json.as_array().map(Vec::len),
            Some(centres),
            "{}",
            list.json
        );
        let list = app.get("/api/v1/agences").bearer(who).send().await;
        if agencies == 0 {
            assert_eq!(list.status, StatusCode::FORBIDDEN, "{}", list.json);
        } else {
            assert_eq!(
                list.json.as_array().map(Vec::len),
                Some(agencies),
                "{}",
                list.json
            );
        }
    }
    let answer = app
        .get(&format!("/api/v1/cts/{other_centre}"))
        .bearer(&ct_admin)
        .send()
        .await;
    assert_eq!(
        (answer.status, answer.json["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("OUT_OF_SCOPE"))
    );
}
