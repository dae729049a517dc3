//! Centres: opened with hours, settings and offers, changed by the admins of their scope,
//! closed for a while; every committed change reaches public search.

use axum::http::StatusCode;
use serde_json::{Value, json};
use sqlx::PgPool;
use uuid::Uuid;

use super::{audited, count, first_id};
use crate::support::{Tenant, TestApp};

fn new_centre(agency: Uuid) -> Value {
    json!({
        "agency_id": agency, "code": "ct-gare", "name": "Contrôle Gare", "address": "1 place de la Gare",
        "postcode": "69003", "city": "Lyon", "lanes": 3, "daily_capacity": 40,
        "holiday_policy": "alsace_moselle", "vehicle_categories": ["VP", "VU", "L"],
        "opening_hours": [
            { "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "start": "08:00", "end": "12:00" },
            { "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "start": "14:00", "end": "18:00" },
        ],
    })
}

#[sqlx::test(migrations = "./migrations")]
async fn an_admin_opens_a_centre_with_its_hours_and_settings(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let agency = first_id(&owner, "agences", app.tenant_id(Tenant::A)).await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let created = app
        .post("/api/v1/cts")
        .bearer(&admin)
        .idempotency_key("open-gare")
        .json(new_centre(agency))
        .send()
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.json);
    let c = &created.json;
    assert_eq!(
        (c["code"].as_str(), c["lanes"].as_i64()),
        (Some("CT-GARE"), Some(3))
    );
    assert_eq!(c["opening_hours"][1]["end"], "18:00");
    assert_eq!(c["vehicle_categories"], json!(["VP", "VU", "L"]));
    assert_eq!(
        (c["time_zone"].as_str(), c["inspector_count"].as_i64()),
        (Some("Europe/Paris"), Some(0))
    );
    let id = c["id"].as_str().unwrap();
    let again = app
        .post("/api/v1/cts")
        .bearer(&admin)
        .idempotency_key("open-gare")
        .json(new_centre(agency))
        .send()
        .await;
    assert_eq!(
        (again.status, again.json["id"].as_str()),
        (StatusCode::OK, Some(id))
    );
    assert_eq!(audited(&owner, "centre.create", id).await.len(), 1);
    let agency_b = first_id(&owner, "agences", app.tenant_id(Tenant::B)).await;
    let foreign = app
        .post("/api/v1/cts")
        .bearer(&admin)
        .json(new_centre(agency_b))
        .send()
        .await;
    assert_eq!(
        foreign.json["details"]["field"], "agency_id",
        "{}",
        foreign.json
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn bad_centres_are_refused_naming_the_field_and_nothing_is_written(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let agency = first_id(&owner, "agences", app.tenant_id(Tenant::A)).await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let before = count(&owner, "cts").await;
    let window = |start: &str, end: &str| json!({ "rrule": "FREQ=WEEKLY;BYDAY=MO", "start": start, "end": end });
    let cases = [
        (json!({ "agency_id": "nope" }), "agency_id"),
        (json!({ "agency_id": Uuid::new_v4() }), "agency_id"),
        (json!({ "lanes": 0 }), "lanes"),
        (json!({ "daily_capacity": 5000 }), "daily_capacity"),
        (json!({ "grid_minutes": 1 }), "grid_minutes"),
        (json!({ "overbooking_percent": 300 }), "overbooking_percent"),
        (json!({ "time_zone": "Europe/Lyon" }), "time_zone"),
        (json!({ "holiday_policy": "jamais" }), "holiday_policy"),
        (json!({ "vehicle_categories": [] }), "vehicle_categories"),
        (
            json!({ "opening_hours": [window("08:00", "12:00"), window("11:00", "10:00")] }),
            "opening_hours[1].end",
        ),
        (
            json!({ "opening_hours": [window("08:00", "12:00"), window("11:00", "13:00")] }),
            "opening_hours[1].start",
        ),
        (
            json!({ "opening_hours": [{ "rrule": "FREQ=DAILY", "start": "08:00", "end": "09:00" }] }),
            "opening_hours[0].rrule",
        ),
    ];
    for (patch, field) in cases {
        let mut body = new_centre(agency);
        body.as_object_mut()
            .unwrap()
            .extend(patch.as_object().unwrap().clone());
        let answer = app
            .post("/api/v1/cts")
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
    let mut taken = new_centre(agency);
    taken["code"] = json!("ct1");
    let answer = app
        .post("/api/v1/cts")
        .bearer(&admin)
        .json(taken)
        .send()
        .await;
    assert_eq!(answer.json["code"], "CODE_TAKEN", "{}", answer.json);
    assert_eq!(count(&owner, "cts").await, before);
}

#[sqlx::test(migrations = "./migrations")]
async fn admins_change_the_centres_of_their_scope_only(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let a = app.tenant_id(Tenant::A);
    let own_agency = first_id(&owner, "agences", a).await;
    let own_centre = first_id(&owner, "cts", a).await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let agency_admin = app.user(Tenant::A, "ADMIN_AGENCE").await.token;
    let ct_admin = app.user(Tenant::A, "ADMIN_CT").await.token;
    let other_agency = app
        .post("/api/v1/agences")
        .bearer(&admin)
        .json(json!({ "code": "AG2", "name": "Agence 2", "postcode": "75011", "city": "Paris" }))
        .send()
        .await
        .json["id"]
        .clone();
    let mut elsewhere = new_centre(own_agency);
    elsewhere["agency_id"] = other_agency.clone();
    let refused = app
        .post("/api/v1/cts")
        .bearer(&agency_admin)
        .json(elsewhere.clone())
        .send()
        .await;
    assert_eq!(
        refused.json["details"]["field"], "agency_id",
        "{}",
        refused.json
    );
    let theirs = app
        .post("/api/v1/cts")
        .bearer(&admin)
        .json(elsewhere)
        .send()
        .await;
    let their_id = theirs.json["id"].as_str().unwrap().to_owned();
    let mut own = new_centre(own_agency);
    own["code"] = json!("CT-MINE");
    let mine = app
        .post("/api/v1/cts")
        .bearer(&agency_admin)
        .json(own)
        .send()
        .await;
    assert_eq!(mine.status, StatusCode::CREATED, "{}", mine.json);
    let forbidden = app
        .post("/api/v1/cts")
        .bearer(&ct_admin)
        .json(new_centre(own_agency))
        .send()
        .await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);

    let changed = app
        .put(&format!("/api/v1/cts/{own_centre}"))
        .bearer(&ct_admin)
        .json(json!({ "lanes": 4, "buffer_minutes": 5 }))
        .send()
        .await;
    assert_eq!(
        (changed.status, changed.json["lanes"].as_i64()),
        (StatusCode::OK, Some(4)),
        "{}",
        changed.json
    );
    let trail = audited(&owner, "centre.update", &own_centre.to_string()).await;
    assert_eq!(
        trail[0].1["after"],
        json!({ "lanes": 4, "buffer_minutes": 5 })
    );
    for who in [&ct_admin, &agency_admin] {
        let answer = app
            .put(&format!("/api/v1/cts/{their_id}"))
            .bearer(who)
            .json(json!({ "lanes": 1 }))
            .send()
            .await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{}", answer.json);
    }
    let moved = app
        .put(&format!("/api/v1/cts/{own_centre}"))
        .bearer(&agency_admin)
        .json(json!({ "agency_id": other_agency }))
        .send()
        .await;
    assert_eq!(
        moved.json["details"]["field"], "agency_id",
        "{}",
        moved.json
    );
    let admin_b = app.user(Tenant::B, "ADMIN_TENANT").await.token;
    let foreign = app
        .put(&format!("/api/v1/cts/{own_centre}"))
        .bearer(&admin_b)
        .json(json!({ "lanes": 1 }))
        .send()
        .await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
}

#[sqlx::test(migrations = "./migrations")]
async fn closures_are_given_in_local_time_and_count_the_bookings_they_cover(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let centre = first_id(&owner, "cts", app.tenant_id(Tenant::A)).await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let uri = format!("/api/v1/cts/{centre}/closures");
    // The fixture's booking starts on 2027-01-04 at 08:00 in Paris.
    let added = app
        .post(&uri)
        .bearer(&admin)
        .json(json!({ "start": "2027-01-04T00:00", "end": "2027-01-05T00:00", "reason": "Inventaire" }))
        .send()
        .await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.json);
    assert_eq!(
        (
            added.json["start"].as_str(),
            added.json["bookings"].as_i64()
        ),
        (Some("2027-01-04T00:00"), Some(1))
    );
    let stored: chrono::DateTime<chrono::Utc> =
        sqlx::query_scalar("SELECT starts_at FROM cts_closures WHERE reason = 'Inventaire'")
            .fetch_one(&owner)
            .await
            .unwrap();
    assert_eq!(stored.to_rfc3339(), "2027-01-03T23:00:00+00:00");
    let list = app.get(&uri).bearer(&admin).send().await;
    assert_eq!(list.json.as_array().map(Vec::len), Some(2), "{}", list.json);
    for (body, field) in [
        (
            json!({ "start": "2027-03-28T02:30", "end": "2027-03-28T05:00" }),
            "start",
        ),
        (
            json!({ "start": "2027-05-02T00:00", "end": "2027-05-01T00:00" }),
            "end",
        ),
        (
            json!({ "start": "2027-05-01", "end": "2027-05-02" }),
            "start",
        ),
        (
            json!({ "start": "2027-01-01T00:00", "end": "2028-06-01T00:00" }),
            "end",
        ),
    ] {
        let answer = app.post(&uri).bearer(&admin).json(body).send().await;
        assert_eq!(answer.json["details"]["field"], field, "{}", answer.json);
    }
    let id = added.json["id"].as_str().unwrap();
    let admin_b = app.user(Tenant::B, "ADMIN_TENANT").await.token;
    let foreign = app
        .delete(&format!("{uri}/{id}"))
        .bearer(&admin_b)
        .send()
        .await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    let removed = app
        .delete(&format!("{uri}/{id}"))
        .bearer(&admin)
        .send()
        .await;
    assert_eq!(removed.status, StatusCode::NO_CONTENT);
    let again = app
        .delete(&format!("{uri}/{id}"))
        .bearer(&admin)
        .send()
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    assert_eq!(
        audited(&owner, "centre.closure.delete", &centre.to_string())
            .await
            .len(),
        1
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn offers_override_the_networks_and_bad_ones_are_named(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let a = app.tenant_id(Tenant::A);
    let centre = first_id(&owner, "cts", a).await;
    sqlx::query(
        "INSERT INTO offers (tenant_id, control_type, vehicle_category, price_cents) \
         VALUES ($1, 'CT', 'VU', 8900), ($1, 'CT_CONTRE_VISITE', 'VP', 2500)",
    )
    .bind(a)
    .execute(&owner)
    .await
    .unwrap();
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let uri = format!("/api/v1/cts/{centre}/offers");
    let pairs = |offers: &Value| -> Vec<(String, String, i64, String, bool)> {
        offers
            .as_array()
            .unwrap()
            .iter()
            .map(|o| {
                (
                    o["control_type"].as_str().unwrap().into(),
                    o["vehicle_category"].as_str().unwrap().into(),
                    o["price_cents"].as_i64().unwrap(),
                    o["source"].as_str().unwrap().into(),
                    o["active"].as_bool().unwrap(),
                )
            })
            .collect()
    };
    let listed = app.get(&uri).bearer(&admin).send().await;
    assert_eq!(
        pairs(&listed.json),
        [
            ("CT".into(), "VP".into(), 7000, "centre".into(), true),
            ("CT".into(), "VU".into(), 8900, "network".into(), true),
            (
                "CT_CONTRE_VISITE".into(),
                "VP".into(),
                2500,
                "network".into(),
                true
            ),
        ]
    );
    let replaced = app
        .put(&uri)
        .bearer(&admin)
        .json(json!({ "offers": [
            { "control_type": "CT", "vehicle_category": "VP", "price_cents": 6490, "duration_minutes": 40 },
            { "control_type": "CT_CONTRE_VISITE", "vehicle_category": "VP", "price_cents": 2500, "active": false },
        ] }))
        .send()
        .await;
    assert_eq!(replaced.status, StatusCode::OK, "{}", replaced.json);
    assert_eq!(
        pairs(&replaced.json),
        [
            ("CT".into(), "VP".into(), 6490, "centre".into(), true),
            ("CT".into(), "VU".into(), 8900, "network".into(), true),
            (
                "CT_CONTRE_VISITE".into(),
                "VP".into(),
                2500,
                "centre".into(),
                false
            ),
        ]
    );
    assert_eq!(replaced.json[0]["duration_minutes"], 40);
    let bad = app
        .put(&uri)
        .bearer(&admin)
        .json(json!({ "offers": [{ "control_type": "CT", "vehicle_category": "PL", "price_cents": 100 }] }))
        .send()
        .await;
    assert_eq!(
        bad.json["details"]["field"], "offers[0].vehicle_category",
        "{}",
        bad.json
    );
    let after_bad = app.get(&uri).bearer(&admin).send().await;
    assert_eq!(
        after_bad.json, replaced.json,
        "a refused change writes nothing"
    );
    let ct_b = app.user(Tenant::B, "ADMIN_CT").await.token;
    let foreign = app.get(&uri).bearer(&ct_b).send().await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
}

/// The price and first slots public search offers at `centre` near `place`.
async fn offered_at(app: &TestApp, place: &str, centre: &str) -> Option<(i64, usize)> {
    let found = app.search(place, 2).send().await;
    found.json["results"]
        .as_array()?
        .iter()
        .find(|r| r["centre"]["id"] == centre)
        .map(|r| {
            (
                r["price_cents"].as_i64().unwrap_or(-1),
                r["slots"].as_array().map_or(0, Vec::len),
            )
        })
}

/// Polls `offered_at` until `wanted` holds, for up to 5 seconds.
async fn eventually(
    app: &TestApp,
    place: &str,
    centre: &str,
    wanted: impl Fn(Option<(i64, usize)>) -> bool,
) -> bool {
    for _ in 0..100 {
        if wanted(offered_at(app, place, centre).await) {
            return true;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    false
}

#[sqlx::test(migrations = "./migrations")]
async fn a_changed_centre_reaches_public_search_at_once(owner: PgPool) {
    let app = TestApp::builder(&owner)
        .seeded()
        .engine_sync()
        .spawn()
        .await;
    let (centre, city) = app.staffed_centre(Tenant::A).await;
    let (centre, place) = (centre.to_string(), city.as_str());
    assert!(
        offered_at(&app, place, &centre).await.is_some(),
        "the seeded centre is searched"
    );
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let uri = format!("/api/v1/cts/{centre}");

    let closed = app
        .put(&uri)
        .bearer(&admin)
        .json(json!({ "opening_hours": [] }))
        .send()
        .await;
    assert_eq!(closed.status, StatusCode::OK, "{}", closed.json);
    assert!(
        eventually(&app, place, &centre, |o| o.is_none()).await,
        "a closed centre leaves search"
    );

    let hours = json!({ "opening_hours": [
        { "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA", "start": "09:00", "end": "17:00" },
    ] });
    app.put(&uri).bearer(&admin).json(hours).send().await;
    assert!(
        eventually(&app, place, &centre, |o| o.is_some()).await,
        "reopened, it is offered again"
    );

    let prices = json!({ "offers": [{ "control_type": "CT", "vehicle_category": "VP", "price_cents": 5990 }] });
    let priced = app
        .put(&format!("{uri}/offers"))
        .bearer(&admin)
        .json(prices)
        .send()
        .await;
    assert_eq!(priced.status, StatusCode::OK, "{}", priced.json);
    assert!(
        eventually(&app, place, &centre, |o| o
            .is_some_and(|(price, _)| price == 5990))
        .await,
        "the new price is searched: {:?}",
        offered_at(&app, place, &centre).await
    );
}
