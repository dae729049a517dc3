//! Agencies: opened by the network's admin, placed at their commune, changed by their own
//! admin; bad input named, retries safe, another network's unreachable.

use axum::http::StatusCode;
use serde_json::json;
use sqlx::PgPool;

use super::{audited, count, first_id};
use crate::support::{Tenant, TestApp};

fn new_agency() -> serde_json::Value {
    json!({
        "code": "ag-nord", "name": "Agence Nord", "address": "3 rue Nationale",
        "postcode": "59000", "city": "Lille", "phone": "03 20 00 00 00",
    })
}

#[sqlx::test(migrations = "./migrations")]
async fn an_admin_opens_an_agency_placed_at_its_commune_once_per_key(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let created = app
        .post("/api/v1/agences")
        .bearer(&admin)
        .idempotency_key("open-nord")
        .json(new_agency())
        .send()
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.json);
    let agency = &created.json;
    assert_eq!(agency["code"], "AG-NORD");
    assert_eq!(agency["centre_count"], 0);
    assert!(
        (agency["lat"].as_f64().unwrap() - 50.63).abs() < 0.1,
        "{agency}"
    );
    let id = agency["id"].as_str().unwrap();
    let trail = audited(&owner, "agency.create", id).await;
    assert_eq!(trail.len(), 1);
    assert_eq!(trail[0].0, "ADMIN_TENANT");
    assert_eq!(trail[0].1["after"]["city"], "Lille");

    let again = app
        .post("/api/v1/agences")
        .bearer(&admin)
        .idempotency_key("open-nord")
        .json(new_agency())
        .send()
        .await;
    assert_eq!(
        (again.status, again.json["id"].as_str()),
        (StatusCode::OK, Some(id))
    );
    let other_body = app
        .post("/api/v1/agences")
        .bearer(&admin)
        .idempotency_key("open-nord")
        .json(json!({ "code": "AG-SUD", "name": "Agence Sud", "postcode": "13001", "city": "Marseille" }))
        .send()
        .await;
    assert_eq!(
        (other_body.status, other_body.json["code"].as_str()),
        (StatusCode::CONFLICT, Some("IDEMPOTENCY_CONFLICT"))
    );
    let list = app.get("/api/v1/agences").bearer(&admin).send().await;
    assert_eq!(list.json.as_array().map(Vec::len), Some(2), "{}", list.json);
}

#[sqlx::test(migrations = "./migrations")]
async fn bad_agencies_are_refused_naming_the_field_and_nothing_is_written(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let before = count(&owner, "agences").await;
    let cases = [
        (json!({ "name": "" }), "name"),
        (json!({ "name": "x".repeat(121) }), "name"),
        (json!({ "code": "AG 1" }), "code"),
        (json!({ "postcode": "5900" }), "postcode"),
        (
            json!({ "postcode": "00000", "city": "Nulle part" }),
            "postcode",
        ),
        (json!({ "city": "Marseille" }), "city"),
        (json!({ "lat": 50.6 }), "lng"),
        (json!({ "lat": 95.0, "lng": 3.0 }), "lat"),
        (json!({ "email": "pas-un-mail" }), "email"),
        (json!({ "phone": "12" }), "phone"),
    ];
    for (patch, field) in cases {
        let mut body = new_agency();
        body.as_object_mut()
            .unwrap()
            .extend(patch.as_object().unwrap().clone());
        let answer = app
            .post("/api/v1/agences")
            .bearer(&admin)
            .json(body)
            .send()
            .await;
        assert_eq!(
            answer.refusal(),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(field)),
            "{patch}: {}",
            answer.json
        );
    }
    let mut unknown = new_agency();
    unknown["colour"] = json!("red");
    let answer = app
        .post("/api/v1/agences")
        .bearer(&admin)
        .json(unknown)
        .send()
        .await;
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        answer.json
    );
    let taken = json!({ "code": "ag1", "name": "Doublon", "postcode": "69003", "city": "Lyon" });
    let answer = app
        .post("/api/v1/agences")
        .bearer(&admin)
        .json(taken)
        .send()
        .await;
    assert_eq!(
        (answer.status, answer.json["code"].as_str()),
        (StatusCode::CONFLICT, Some("CODE_TAKEN"))
    );
    assert_eq!(count(&owner, "agences").await, before);
    assert_eq!(
        sqlx::query_scalar::<_, i64>(
            "SELECT count(*) FROM audit_logs WHERE action = 'agency.create'"
        )
        .fetch_one(&owner)
        .await
        .unwrap(),
        0
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn an_agency_admin_changes_its_own_agency_only(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let a = app.tenant_id(Tenant::A);
    let own = first_id(&owner, "agences", a).await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let other = app
        .post("/api/v1/agences")
        .bearer(&admin)
        .json(new_agency())
        .send()
        .await
        .json["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let agency_admin = app.user(Tenant::A, "ADMIN_AGENCE").await.token;
    let moved = app
        .put(&format!("/api/v1/agences/{own}"))
        .bearer(&agency_admin)
        .json(json!({ "postcode": "42000", "city": "Saint-Étienne", "phone": null, "name": "Agence Loire" }))
        .send()
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.json);
    assert_eq!(moved.json["name"], "Agence Loire");
    assert!(
        (moved.json["lng"].as_f64().unwrap() - 4.39).abs() < 0.1,
        "{}",
        moved.json
    );
    assert_eq!(moved.json["phone"], serde_json::Value::Null);
    let trail = audited(&owner, "agency.update", &own.to_string()).await;
    assert_eq!(trail[0].1["before"]["city"], "Lyon");
    assert_eq!(trail[0].1["after"]["city"], "Saint-Étienne");
    assert!(
        trail[0].1["after"].get("code").is_none(),
        "only changed fields: {}",
        trail[0].1
    );

    let refused = app
        .put(&format!("/api/v1/agences/{other}"))
        .bearer(&agency_admin)
        .json(json!({ "name": "Pas la mienne" }))
        .send()
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.json);
    let admin_b = app.user(Tenant::B, "ADMIN_TENANT").await.token;
    let foreign = app
        .put(&format!("/api/v1/agences/{own}"))
        .bearer(&admin_b)
        .json(json!({ "name": "Piratée" }))
        .send()
        .await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND, "{}", foreign.json);
    let status = app
        .put(&format!("/api/v1/agences/{other}"))
        .bearer(&admin)
        .json(json!({ "status": "inactive", "code": "AG1" }))
        .send()
        .await;
    assert_eq!(status.json["code"], "CODE_TAKEN", "{}", status.json);
    let status = app
        .put(&format!("/api/v1/agences/{other}"))
        .bearer(&admin)
        .json(json!({ "status": "closed" }))
        .send()
        .await;
    assert_eq!(status.json["details"]["field"], "status", "{}", status.json);
}
