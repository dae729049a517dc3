//! A network's settings: only its admin reads and changes them, bad values are named and
//! write nothing, the booking rules reach public search at once, the logo reaches the portal.

use axum::http::StatusCode;
use chrono::Duration;
use serde_json::json;
use sqlx::PgPool;
use uuid::Uuid;

use crate::support::{Tenant, TestApp, today};

const URI: &str = "/api/v1/admin/tenant/settings";

/// A PNG's signature and a few bytes: enough for the server to know the type.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR-logo";

#[sqlx::test(migrations = "./migrations")]
async fn only_the_networks_admin_reads_and_changes_its_settings(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let read = app.get(URI).bearer(&admin).send().await;
    assert_eq!(read.status, StatusCode::OK, "{}", read.json);
    assert_eq!(read.json["general"]["name"], "Tenant 1");
    assert_eq!(read.json["booking_policy"]["hold_minutes"], 10);
    for role in [
        "ADMIN_AGENCE",
        "ADMIN_CT",
        "CONTROLEUR",
        "CALL_CENTER",
        "CLIENT",
    ] {
        let token = app.user(Tenant::A, role).await.token;
        let get = app.get(URI).bearer(&token).send().await;
        let put = app
            .put(URI)
            .bearer(&token)
            .json(json!({ "general": { "name": "Pris" } }))
            .send()
            .await;
        assert_eq!(
            (get.status, put.status),
            (StatusCode::FORBIDDEN, StatusCode::FORBIDDEN),
            "{role}"
        );
    }
    let root = app.super_admin().await.token;
    assert_eq!(
        app.get(URI).bearer(&root).send().await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.get(URI).send().await.status, StatusCode::UNAUTHORIZED);

    let changed = app
        .put(URI)
        .bearer(&admin)
        .json(json!({
            "general": { "name": "Contrôle Lyonnais", "siret": "732 829 320 00074", "email": "Contact@Lyon.FR" },
            "booking_policy": { "hold_minutes": 20, "refund_after_deadline_percent": 50 },
            "branding": { "primary_color": "#0F766E", "portal_title": "Votre contrôle à Lyon" },
        }))
        .send()
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.json);
    let s = &changed.json;
    assert_eq!(
        (
            s["general"]["name"].as_str(),
            s["general"]["siret"].as_str()
        ),
        (Some("Contrôle Lyonnais"), Some("73282932000074"))
    );
    assert_eq!(s["general"]["email"], "contact@lyon.fr");
    assert_eq!(
        (
            s["booking_policy"]["hold_minutes"].as_i64(),
            s["booking_policy"]["horizon_days"].as_i64()
        ),
        (Some(20), Some(90))
    );
    assert_eq!(s["branding"]["primary_color"], "#0f766e");
    let portal = app
        .get("/api/v1/tenant")
        .tenant(app.tenant_slug(Tenant::A))
        .send()
        .await;
    assert_eq!(portal.json["name"], "Contrôle Lyonnais");
    assert_eq!(portal.json["branding"]["primary_color"], "#0f766e");
    assert_eq!(
        portal.json["branding"]["portal_title"],
        "Votre contrôle à Lyon"
    );
    let other = app
        .get("/api/v1/tenant")
        .tenant(app.tenant_slug(Tenant::B))
        .send()
        .await;
    assert_eq!(
        other.json["name"], "Tenant 2",
        "another network is untouched"
    );
    let (action, details): (String, serde_json::Value) = sqlx::query_as(
        "SELECT action, details FROM audit_logs WHERE resource_type = 'settings' AND resource_id = $1",
    )
    .bind(app.tenant_id(Tenant::A).to_string())
    .fetch_one(&owner)
    .await
    .unwrap();
    assert_eq!(action, "tenant.settings.update");
    assert_eq!(details["before"]["booking_policy.hold_minutes"], 10);
    assert_eq!(details["after"]["booking_policy.hold_minutes"], 20);
    assert_eq!(details["after"]["general.name"], "Contrôle Lyonnais");
    let after = details["after"].as_object().unwrap();
    assert!(
        !after.contains_key("booking_policy.horizon_days"),
        "only what changed: {details}"
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn bad_settings_are_named_and_write_nothing(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let before = app.get(URI).bearer(&admin).send().await.json;
    let cases = [
        (json!({ "general": { "name": "" } }), "general.name"),
        (
            json!({ "general": { "siret": "12345678901234" } }),
            "general.siret",
        ),
        (
            json!({ "general": { "postcode": "6900" } }),
            "general.postcode",
        ),
        (json!({ "general": { "email": "non" } }), "general.email"),
        (
            json!({ "booking_policy": { "horizon_days": 0 } }),
            "booking_policy.horizon_days",
        ),
        (
            json!({ "booking_policy": { "hold_minutes": 500 } }),
            "booking_policy.hold_minutes",
        ),
        (
            json!({ "booking_policy": { "refund_before_deadline_percent": 300 } }),
            "booking_policy.refund_before_deadline_percent",
        ),
        (
            json!({ "booking_policy": { "refund_after_deadline_percent": 100, "refund_before_deadline_percent": 20 } }),
            "booking_policy.refund_after_deadline_percent",
        ),
        (
            json!({ "branding": { "primary_color": "#ffff00" } }),
            "branding.primary_color",
        ),
        (
            json!({ "branding": { "primary_color": "jaune" } }),
            "branding.primary_color",
        ),
        (
            json!({ "branding": { "portal_title": "x".repeat(61) } }),
            "branding.portal_title",
        ),
    ];
    for (body, field) in cases {
        // A good change beside the bad one is not written either.
        let mut body = body;
        body.as_object_mut()
            .unwrap()
            .entry("general")
            .or_insert(json!({ "city": "Lyon" }));
        let answer = app.put(URI).bearer(&admin).json(body.clone()).send().await;
        assert_eq!(
            answer.refusal(),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(field)),
            "{body}: {}",
            answer.json
        );
    }
    let unknown = app
        .put(URI)
        .bearer(&admin)
        .json(json!({ "booking_policy": { "grace": 1 } }))
        .send()
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.get(URI).bearer(&admin).send().await.json, before);
}

#[sqlx::test(migrations = "./migrations")]
async fn a_logo_is_checked_by_its_bytes_and_reaches_the_portal(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let logo_uri = format!("{URI}/logo");
    let svg = app
        .put(&logo_uri)
        .bearer(&admin)
        .header("content-type", "image/png")
        .raw(b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".to_vec())
        .send()
        .await;
    assert_eq!(svg.json["details"]["field"], "logo", "{}", svg.json);
    let big = app
        .put(&logo_uri)
        .bearer(&admin)
        .header("content-type", "image/png")
        .raw(vec![0x89; 300 * 1024])
        .send()
        .await;
    assert_eq!(big.status, StatusCode::UNPROCESSABLE_ENTITY);
    let set = app
        .put(&logo_uri)
        .bearer(&admin)
        .header("content-type", "image/png")
        .raw(PNG.to_vec())
        .send()
        .await;
    assert_eq!(set.status, StatusCode::OK, "{}", set.json);
    let url = set.json["branding"]["logo_url"]
        .as_str()
        .unwrap()
        .to_owned();
    let tenant = app.tenant_id(Tenant::A);
    assert!(
        url.starts_with(&format!("/api/v1/tenants/{tenant}/logo?v=")),
        "{url}"
    );
    let portal = app
        .get("/api/v1/tenant")
        .tenant(app.tenant_slug(Tenant::A))
        .send()
        .await;
    assert_eq!(portal.json["branding"]["logo_url"], url.as_str());
    let image = app.get(&url).send().await;
    assert_eq!(image.status, StatusCode::OK);
    assert_eq!(
        (
            image.headers["content-type"].to_str().unwrap(),
            &image.bytes[..]
        ),
        ("image/png", PNG)
    );
    let agency_admin = app.user(Tenant::A, "ADMIN_AGENCE").await.token;
    let refused = app.delete(&logo_uri).bearer(&agency_admin).send().await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let removed = app.delete(&logo_uri).bearer(&admin).send().await;
    assert_eq!(
        removed.json["branding"]["logo_url"],
        serde_json::Value::Null
    );
    assert_eq!(app.get(&url).send().await.status, StatusCode::NOT_FOUND);
    let missing = app
        .get(&format!("/api/v1/tenants/{}/logo", Uuid::new_v4()))
        .send()
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

#[sqlx::test(migrations = "./migrations")]
async fn a_shorter_horizon_reaches_public_search_at_once(owner: PgPool) {
    let app = TestApp::builder(&owner)
        .seeded()
        .engine_sync()
        .spawn()
        .await;
    let (centre, city) = app.staffed_centre(Tenant::A).await;
    let centre = centre.to_string();
    let offered = |from: i64| {
        let app = app.clone();
        let (city, centre) = (city.clone(), centre.clone());
        async move {
            let found = app
                .post("/api/v1/disponibilites/search")
                .json(json!({ "place": city, "date_from": today() + Duration::days(from), "slots_per_centre": 1, "limit": 10 }))
                .send()
                .await;
            found.json["results"]
                .as_array()
                .is_some_and(|r| r.iter().any(|r| r["centre"]["id"] == centre.as_str()))
        }
    };
    assert!(
        offered(20).await,
        "three weeks ahead is bookable under the default 90 days"
    );
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let changed = app
        .put(URI)
        .bearer(&admin)
        .json(json!({ "booking_policy": { "horizon_days": 14 } }))
        .send()
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.json);
    let mut gone = false;
    for _ in 0..100 {
        if !offered(20).await {
            gone = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(gone, "beyond the new 14-day horizon, nothing is offered");
    assert!(offered(3).await, "within it, the centre is still offered");
}

#[sqlx::test(migrations = "./migrations")]
async fn a_longer_notice_keeps_the_networks_centres_with_their_first_slots_after_it(owner: PgPool) {
    let app = TestApp::builder(&owner)
        .seeded()
        .engine_sync()
        .spawn()
        .await;
    let (centre, city) = app.staffed_centre(Tenant::A).await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    // Three days' notice: the first slots the engine finds from today are all too early.
    let changed = app
        .put(URI)
        .bearer(&admin)
        .json(json!({ "booking_policy": { "min_notice_minutes": 4320 } }))
        .send()
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.json);
    let earliest = chrono::Utc::now() + Duration::minutes(4320);
    let mut slots = Vec::new();
    for _ in 0..100 {
        let found = app
            .post("/api/v1/disponibilites/search")
            .json(
                json!({ "place": city, "date_from": today(), "slots_per_centre": 5, "limit": 20 }),
            )
            .send()
            .await;
        slots = found.json["results"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|r| r["centre"]["id"] == centre.to_string())
            .flat_map(|r| r["slots"].as_array().cloned().unwrap_or_default())
            .collect::<Vec<_>>();
        let starts_late = slots.iter().all(|s| {
            chrono::DateTime::parse_from_rfc3339(s["start"].as_str().unwrap()).unwrap() >= earliest
        });
        if slots.len() == 5 && starts_late {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the centre keeps five slots after the notice: {slots:?}");
}
