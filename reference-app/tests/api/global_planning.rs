//! A network's global planning: a centre's day follows the bookings as they are paid and
//! cancelled, the fill warning follows the network's setting, each admin reads only its own
//! scope and no other network's, and periods are checked.

use std::time::Duration;

use axum::http::{Method, StatusCode};
use chrono::{DateTime, FixedOffset, Timelike};
use serde_json::{Value, json};
use sqlx::PgPool;
use uuid::Uuid;

use crate::support::{Tenant, TestApp, today};

const URI: &str = "/api/v1/planning/global";
const DAY_URI: &str = "/api/v1/planning/global/centre-day";

async fn read(app: &TestApp, token: &str, uri: &str) -> Value {
    let answer = app.get(uri).bearer(token).send().await;
    assert_eq!(answer.status, StatusCode::OK, "{uri}: {}", answer.json);
    answer.json
}

/// The planning of the `days` days from today.
fn period(days: u64) -> String {
    let from = today();
    let to = from + chrono::Days::new(days - 1);
    format!("{URI}?from={from}&to={to}")
}

/// The centre `id` of a planning.
fn centre<'a>(planning: &'a Value, id: &str) -> &'a Value {
    planning["centres"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("centre {id} in {planning}"))
}

fn int(v: &Value, pointer: &str) -> i64 {
    v.pointer(pointer)
        .and_then(Value::as_i64)
        .unwrap_or_else(|| panic!("{pointer} in {v}"))
}

#[sqlx::test(migrations = "./migrations")]
async fn a_centres_day_follows_a_booking_paid_then_cancelled(owner: PgPool) {
    let app = TestApp::builder(&owner).seeded().spawn().await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let (centre_id, city) = app.staffed_centre(Tenant::A).await;
    let found = app.search(&city, 3).send().await.json;
    let slot = found["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["centre"]["id"] == centre_id.to_string())
        .map(|r| r["slots"][0].clone())
        .unwrap_or_else(|| panic!("a slot of the staffed centre: {found}"));
    let start =
        DateTime::<FixedOffset>::parse_from_rfc3339(slot["start"].as_str().unwrap()).unwrap();
    let (day, hour) = (start.date_naive(), start.hour() as usize);
    let uri = format!("{URI}?from={day}&to={day}");
    let id = centre_id.to_string();
    let day_uri = format!("{DAY_URI}?centre_id={id}&date={day}");

    let before = read(&app, &admin, &uri).await;
    assert_eq!(before["days"], json!([day.to_string()]));
    assert_eq!(before["fill_warning_percent"], 90);
    let was = centre(&before, &id).clone();
    assert!(int(&was, "/capacity_by_day/0") > 0, "open that day: {was}");
    assert_eq!(was["booked_by_hour"].as_array().unwrap().len(), 24);
    let hours: i64 = was["capacity_by_hour"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h.as_i64().unwrap())
        .sum();
    assert!(
        (hours - int(&was, "/capacity")).abs() <= 24,
        "the hours share the day's capacity: {was}"
    );

    let rdv = app
        .hold(
            slot["disponibilite_id"].as_str().unwrap(),
            "PL-123-AN",
            "plan@test.fr",
        )
        .send()
        .await
        .json;
    let held = read(&app, &admin, &uri).await;
    assert_eq!(
        centre(&held, &id)["booked"],
        was["booked"],
        "a hold waiting for its payment holds no place yet"
    );
    let paid = app.pay(&rdv, "4242424242424242", "plan-1").await;
    assert_eq!(paid.status, StatusCode::OK, "{}", paid.json);

    let after = read(&app, &admin, &uri).await;
    let now = centre(&after, &id);
    assert_eq!(int(now, "/booked"), int(&was, "/booked") + 1);
    assert_eq!(
        int(now, "/booked_by_day/0"),
        int(&was, "/booked_by_day/0") + 1
    );
    assert_eq!(
        int(now, &format!("/booked_by_hour/{hour}")),
        int(&was, &format!("/booked_by_hour/{hour}")) + 1,
        "counted in its local hour {hour}"
    );
    assert_eq!(int(&after, "/booked"), int(&before, "/booked") + 1);
    let expected =
        (int(now, "/booked") as f64 * 1000.0 / int(now, "/capacity") as f64).round() / 10.0;
    assert_eq!(now["fill_rate_percent"].as_f64(), Some(expected));

    let detail = read(&app, &admin, &day_uri).await;
    assert_eq!(detail["booked"], now["booked_by_day"][0]);
    assert_eq!(detail["capacity"], now["capacity_by_day"][0]);
    let listed = detail["bookings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["reference"] == rdv["reference"])
        .unwrap_or_else(|| panic!("the booking in the day: {detail}"));
    assert_eq!(listed["status"], "confirmed");
    assert_eq!(listed["start"], slot["start"]);
    assert_eq!(listed["plate"], "PL-123-AN");

    let cancelled = app
        .rdv(Method::DELETE, rdv["id"].as_str().unwrap())
        .guest(rdv["guest_token"].as_str().unwrap())
        .send()
        .await;
    assert_eq!(cancelled.status, StatusCode::OK, "{}", cancelled.json);
    let back = read(&app, &admin, &uri).await;
    assert_eq!(centre(&back, &id), &was, "cancelled, the day is as before");
    let detail = read(&app, &admin, &day_uri).await;
    assert!(
        detail["bookings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["reference"] == rdv["reference"] && b["status"] == "cancelled"),
        "the day still lists it, cancelled: {detail}"
    );
}

/// The planning once the engine applies fill warning `percent`.
async fn with_warning(app: &TestApp, admin: &str, percent: i64) -> Value {
    let set = app
        .put("/api/v1/admin/tenant/settings")
        .bearer(admin)
        .json(json!({ "booking_policy": { "fill_warning_percent": percent } }))
        .send()
        .await;
    assert_eq!(set.status, StatusCode::OK, "{}", set.json);
    for _ in 0..100 {
        let planning = read(app, admin, &period(14)).await;
        if planning["fill_warning_percent"] == percent {
            return planning;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the engine never applied fill_warning_percent {percent}");
}

#[sqlx::test(migrations = "./migrations")]
async fn centres_filled_to_the_networks_warning_are_flagged(owner: PgPool) {
    let app = TestApp::builder(&owner)
        .seeded()
        .engine_sync()
        .spawn()
        .await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let flagged = |planning: &Value| -> Vec<(bool, Option<f64>)> {
        planning["centres"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["warning"].as_bool().unwrap(),
                    c["fill_rate_percent"].as_f64(),
                )
            })
            .collect()
    };
    let check = |planning: &Value, percent: f64| {
        let centres = flagged(planning);
        assert!(!centres.is_empty());
        for (warning, fill) in &centres {
            assert_eq!(*warning, fill.is_some_and(|f| f >= percent), "{planning}");
        }
        let warned = centres.iter().filter(|(w, _)| *w).count();
        assert_eq!(int(planning, "/warning_centres"), warned as i64);
        warned
    };

    let default = read(&app, &admin, &period(14)).await;
    assert_eq!(default["fill_warning_percent"], 90);
    check(&default, 90.0);
    let lowest = flagged(&default)
        .iter()
        .filter_map(|(_, fill)| *fill)
        .filter(|f| *f > 0.0)
        .fold(f64::MAX, f64::min);
    assert!(lowest < f64::MAX, "the seed books some centre: {default}");

    let low = with_warning(&app, &admin, 1).await;
    assert!(check(&low, 1.0) > 0 || lowest < 1.0, "{low}");
    let none = with_warning(&app, &admin, 200).await;
    assert_eq!(check(&none, 200.0), 0);
}

/// The first row's id of `table` in `tenant`.
async fn first(owner: &PgPool, table: &str, tenant: Uuid) -> Uuid {
    sqlx::query_scalar(&format!(
        "SELECT id FROM {table} WHERE tenant_id = $1 ORDER BY created_at, id LIMIT 1"
    ))
    .bind(tenant)
    .fetch_one(owner)
    .await
    .unwrap()
}

#[sqlx::test(migrations = "./migrations")]
async fn each_admin_reads_its_own_scope_and_no_other_network(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let (a, b) = (app.tenant_id(Tenant::A), app.tenant_id(Tenant::B));
    let (agency_a, centre_a) = (
        first(&owner, "agences", a).await,
        first(&owner, "cts", a).await,
    );
    let (agency_b, centre_b) = (
        first(&owner, "agences", b).await,
        first(&owner, "cts", b).await,
    );
    let other_agency: Uuid = sqlx::query_scalar(
        "INSERT INTO agences (tenant_id, code, name, city) VALUES ($1, 'AG2', 'Autre', 'Lyon') RETURNING id",
    )
    .bind(a)
    .fetch_one(&owner)
    .await
    .unwrap();
    let week = period(7);

    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let whole = read(&app, &admin, &week).await;
    let ids: Vec<&str> = whole["centres"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&centre_a.to_string().as_str()), "{whole}");
    assert!(
        !ids.contains(&centre_b.to_string().as_str()),
        "no other network's centre"
    );
    let one = read(&app, &admin, &format!("{week}&centre_id={centre_a}")).await;
    assert_eq!(one["agency_id"], agency_a.to_string());
    assert_eq!(one["centres"].as_array().unwrap().len(), 1);
    let day = today();
    for (uri, field) in [
        (format!("{week}&agency_id={agency_b}"), "agency_id"),
        (format!("{week}&centre_id={centre_b}"), "centre_id"),
        (
            format!("{week}&agency_id={other_agency}&centre_id={centre_a}"),
            "centre_id",
        ),
        (
            format!("{DAY_URI}?centre_id={centre_b}&date={day}"),
            "centre_id",
        ),
        (format!("{DAY_URI}?date={day}"), "centre_id"),
        (
            format!("{DAY_URI}?centre_id={centre_a}&date=2026-02-30"),
            "date",
        ),
    ] {
        let refused = app.get(&uri).bearer(&admin).send().await;
        assert_eq!(
            refused.refusal(),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(field)),
            "{uri}: {}",
            refused.json
        );
    }

    // An agency admin reads its agency, a centre admin its centre, and nothing wider.
    let agency = app.user(Tenant::A, "ADMIN_AGENCE").await.token;
    assert_eq!(
        read(&app, &agency, &week).await["agency_id"],
        agency_a.to_string()
    );
    let centre_admin = app.user(Tenant::A, "ADMIN_CT").await.token;
    let own = read(&app, &centre_admin, &week).await;
    assert_eq!(own["centre_id"], centre_a.to_string());
    read(
        &app,
        &centre_admin,
        &format!("{DAY_URI}?centre_id={centre_a}&date={day}"),
    )
    .await;
    let other_centre: Uuid = sqlx::query_scalar(
        "INSERT INTO cts (tenant_id, agency_id, code, name, postcode, city, lat, lng) \
         SELECT tenant_id, agency_id, 'CT-PLAN-2', 'Autre', postcode, city, lat, lng \
         FROM cts WHERE id = $1 RETURNING id",
    )
    .bind(centre_a)
    .fetch_one(&owner)
    .await
    .unwrap();
    for (token, uri) in [
        (&agency, format!("{week}&agency_id={other_agency}")),
        (&centre_admin, format!("{week}&agency_id={agency_a}")),
        (
            &centre_admin,
            format!("{DAY_URI}?centre_id={other_centre}&date={day}"),
        ),
    ] {
        let wider = app.get(&uri).bearer(token).send().await;
        assert_eq!(wider.status, StatusCode::FORBIDDEN, "{uri}: {}", wider.json);
    }
    for role in ["CONTROLEUR", "CALL_CENTER", "CLIENT"] {
        let token = app.user(Tenant::A, role).await.token;
        for uri in [
            week.clone(),
            format!("{DAY_URI}?centre_id={centre_a}&date={day}"),
        ] {
            let answer = app.get(&uri).bearer(&token).send().await;
            assert_eq!(answer.status, StatusCode::FORBIDDEN, "{role} {uri}");
        }
    }
    let root = app.super_admin().await.token;
    assert_eq!(
        app.get(&week).bearer(&root).send().await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.get(&week).send().await.status, StatusCode::UNAUTHORIZED);
}

#[sqlx::test(migrations = "./migrations")]
async fn a_period_is_two_days_in_order_at_most_31_days_apart(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let month = read(
        &app,
        &admin,
        &format!("{URI}?from=2026-12-01&to=2026-12-31"),
    )
    .await;
    assert_eq!(month["days"].as_array().unwrap().len(), 31);
    for centre in month["centres"].as_array().unwrap() {
        for list in ["booked_by_day", "capacity_by_day", "fill_rate_by_day"] {
            assert_eq!(centre[list].as_array().unwrap().len(), 31, "{list}");
        }
    }
    for (query, field) in [
        ("", "from"),
        ("?from=2026-12-01", "to"),
        ("?to=2026-12-01", "from"),
        ("?from=2026-12-1&to=2026-12-31", "from"),
        ("?from=2026-12-01&to=31/12/2026", "to"),
        ("?from=2026-12-02&to=2026-12-01", "to"),
        ("?from=2026-12-01&to=2027-01-01", "to"),
        ("?from=2026-12-01&to=2026-12-02&centre_id=nope", "query"),
    ] {
        let refused = app
            .get(&format!("{URI}{query}"))
            .bearer(&admin)
            .send()
            .await;
        assert_eq!(
            refused.refusal(),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(field)),
            "{query}: {}",
            refused.json
        );
    }
}
