//! Who may see and book what: signed-in clients, call-centre operators, and never across
//! networks.

use axum::http::{Method, StatusCode};
use serde_json::json;
use sqlx::PgPool;
use uuid::Uuid;

use crate::support::{Tenant, TestApp, booking_body};

#[sqlx::test(migrations = "./migrations")]
async fn clients_see_their_own_bookings_and_never_another_tenants(owner: PgPool) {
    let app = TestApp::builder(&owner).seeded().spawn().await;
    let a = app.tenant_id(Tenant::A);
    let client_a = app.user(Tenant::A, "CLIENT").await.token;
    let client_b = app.user(Tenant::B, "CLIENT").await.token;
    let staff_b = app.user(Tenant::B, "ADMIN_TENANT").await.token;

    // A signed-in client's search covers its own network only.
    let found = app.search("Paris", 3).bearer(&client_a).slots().await;
    let vehicle = app
        .post("/api/v1/users/me/vehicles")
        .bearer(&client_a)
        .json(json!({ "immatriculation": "QR-654-ST", "vehicle_type": "VP", "fuel": "DIESEL", "marque": "Peugeot" }))
        .send()
        .await;
    assert_eq!(vehicle.status, StatusCode::CREATED, "{}", vehicle.json);
    let vehicle = vehicle.json;
    let dup = app
        .post("/api/v1/users/me/vehicles")
        .bearer(&client_a)
        .json(json!({ "immatriculation": "qr654st" }))
        .send()
        .await;
    assert_eq!(
        (dup.status, dup.json["code"].as_str()),
        (StatusCode::CONFLICT, Some("VEHICLE_EXISTS"))
    );
    let mut body = booking_body(
        found[0]["disponibilite_id"].as_str().unwrap(),
        "QR-654-ST",
        "client.a@test.fr",
    );
    body["vehicle_id"] = vehicle["id"].clone();
    let rdv = app
        .post("/api/v1/rdv")
        .bearer(&client_a)
        .json(body)
        .send()
        .await;
    assert_eq!(rdv.status, StatusCode::CREATED, "{}", rdv.json);
    let rdv = rdv.json;
    let centre: Uuid = sqlx::query_scalar("SELECT tenant_id FROM rdv WHERE id = $1")
        .bind(Uuid::parse_str(rdv["id"].as_str().unwrap()).unwrap())
        .fetch_one(&owner)
        .await
        .unwrap();
    assert_eq!(centre, a, "booked in the client's network");
    let mine = app
        .get("/api/v1/rdv/me")
        .bearer(&client_a)
        .send()
        .await
        .json;
    assert!(
        mine["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == rdv["id"]),
        "{mine}"
    );

    let id = rdv["id"].as_str().unwrap();
    for who in [&client_b, &staff_b] {
        for method in [Method::GET, Method::DELETE] {
            let answer = app.rdv(method.clone(), id).bearer(who).send().await;
            assert_eq!(
                answer.status,
                StatusCode::NOT_FOUND,
                "{method} {}",
                answer.json
            );
        }
    }
    let mine_b = app
        .get("/api/v1/rdv/me")
        .bearer(&client_b)
        .send()
        .await
        .json;
    assert!(
        !mine_b["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == rdv["id"])
    );
    let answer = app
        .delete(&format!(
            "/api/v1/users/me/vehicles/{}",
            vehicle["id"].as_str().unwrap()
        ))
        .bearer(&client_b)
        .send()
        .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    // A path that is not a vehicle id is the same JSON 404, not the extractor's plain text.
    for call in [
        app.delete("/api/v1/users/me/vehicles/not-a-uuid"),
        app.put("/api/v1/users/me/vehicles/not-a-uuid").json(
            json!({ "immatriculation": "QR-654-ST", "vehicle_type": "VP", "fuel": "DIESEL" }),
        ),
    ] {
        let answer = call.bearer(&client_b).send().await;
        assert_eq!(
            (answer.status, answer.json["code"].as_str()),
            (StatusCode::NOT_FOUND, Some("NOT_FOUND"))
        );
    }
    // Another client of the same network cannot read it either.
    let client_a2 = app.user(Tenant::A, "CLIENT").await.token;
    let answer = app.rdv(Method::GET, id).bearer(&client_a2).send().await;
    assert_eq!(
        (answer.status, answer.json["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("OUT_OF_SCOPE"))
    );
    // Nor can another booking's token open it.
    let fresh = app.slots("Lille", 3).await;
    let other = app
        .hold(
            fresh[0]["disponibilite_id"].as_str().unwrap(),
            "VA-987-WB",
            "o@test.fr",
        )
        .send()
        .await
        .json;
    let answer = app
        .rdv(Method::GET, id)
        .guest(other["guest_token"].as_str().unwrap())
        .send()
        .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);

    let prefs = app
        .put("/api/v1/users/me/notifications")
        .bearer(&client_a)
        .json(json!({ "email": true, "sms": false, "reminder_j1": true, "reminder_h2": false }))
        .send()
        .await;
    assert_eq!(
        (prefs.status, prefs.json["sms"].as_bool()),
        (StatusCode::OK, Some(false))
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn call_centre_operators_book_for_callers_in_their_network_only(owner: PgPool) {
    let app = TestApp::builder(&owner).seeded().spawn().await;
    let operator = app.user(Tenant::A, "CALL_CENTER").await;
    // The network a portal serves: by header (slug), else the configured default.
    let tenant = app
        .get("/api/v1/tenant")
        .tenant(app.tenant_slug(Tenant::B))
        .send()
        .await;
    assert_eq!(
        (tenant.status, tenant.json["slug"].as_str()),
        (StatusCode::OK, Some(app.tenant_slug(Tenant::B)))
    );
    let unknown = app.get("/api/v1/tenant").tenant("nope").send().await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);

    let mine = app
        .search("Paris", 3)
        .tenant(&app.tenant_id(Tenant::A).to_string())
        .slots()
        .await;
    let rdv = app
        .hold(
            mine[0]["disponibilite_id"].as_str().unwrap(),
            "BC-234-DE",
            "caller@test.fr",
        )
        .bearer(&operator.token)
        .send()
        .await;
    assert_eq!(rdv.status, StatusCode::CREATED, "{}", rdv.json);
    let rdv = rdv.json;
    let (source, created_by): (String, Option<Uuid>) =
        sqlx::query_as("SELECT source, created_by FROM rdv WHERE id = $1")
            .bind(Uuid::parse_str(rdv["id"].as_str().unwrap()).unwrap())
            .fetch_one(&owner)
            .await
            .unwrap();
    assert_eq!(
        (source.as_str(), created_by),
        ("call_center", Some(operator.id))
    );
    // The operator reads and moves it (network scope) without the guest token.
    let read = app
        .rdv(Method::GET, rdv["id"].as_str().unwrap())
        .bearer(&operator.token)
        .send()
        .await;
    assert_eq!(read.status, StatusCode::OK);

    let theirs = app
        .search("Paris", 3)
        .tenant(&app.tenant_id(Tenant::B).to_string())
        .slots()
        .await;
    let refused = app
        .hold(
            theirs[0]["disponibilite_id"].as_str().unwrap(),
            "BC-235-DE",
            "caller@test.fr",
        )
        .bearer(&operator.token)
        .send()
        .await;
    assert_eq!(
        (refused.status, refused.json["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("CROSS_TENANT"))
    );
}
