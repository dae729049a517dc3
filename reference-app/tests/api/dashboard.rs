//! A network's dashboard: the funnel counts what drivers did, the month's figures follow the
//! bookings as they are paid and cancelled, and each admin reads only its own scope.

use axum::http::{Method, StatusCode};
use chrono::{DateTime, FixedOffset};
use serde_json::Value;
use sqlx::PgPool;
use uuid::Uuid;

use crate::support::{Tenant, TestApp, first_id, today};

const URI: &str = "/api/v1/admin/dashboard/stats";

async fn stats(app: &TestApp, token: &str, query: &str) -> Value {
    let answer = app.get(&format!("{URI}{query}")).bearer(token).send().await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.json);
    answer.json
}

/// The integer at JSON `pointer` in `v`.
fn count(v: &Value, pointer: &str) -> i64 {
    v.pointer(pointer)
        .and_then(Value::as_i64)
        .unwrap_or_else(|| panic!("{pointer} in {v}"))
}

#[sqlx::test(migrations = "./migrations")]
async fn the_month_follows_searches_views_holds_payments_and_cancellations(owner: PgPool) {
    let app = TestApp::builder(&owner).seeded().spawn().await;
    let tenant = app.tenant_id(Tenant::A);
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let postcode: String = sqlx::query_scalar(
        "SELECT postcode FROM cts WHERE tenant_id = $1 AND status = 'active' ORDER BY code LIMIT 1",
    )
    .bind(tenant)
    .fetch_one(&owner)
    .await
    .unwrap();

    let now = stats(&app, &admin, "").await;
    assert_eq!(now["month"], today().format("%Y-%m").to_string());
    assert_eq!(now["months"].as_array().unwrap().len(), 12);
    assert_eq!(now["months"][11]["month"], now["month"]);
    assert!(count(&now, "/kpis/active_users") > 0);
    assert!(
        now["kpis"]["fill_rate_percent"].is_number(),
        "{}",
        now["kpis"]
    );

    // A search showing the network's centres, a look at one centre's day, a hold, a payment.
    let found = app.search(&postcode, 3).send().await.json;
    let ours: Vec<&Value> = found["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["centre"]["tenant_id"] == tenant.to_string())
        .collect();
    assert!(!ours.is_empty(), "the search shows the network: {found}");
    let slot = &ours[0]["slots"][0];
    let centre = ours[0]["centre"]["id"].as_str().unwrap();
    let start =
        DateTime::<FixedOffset>::parse_from_rfc3339(slot["start"].as_str().unwrap()).unwrap();
    let day = start.date_naive();
    let viewed = app
        .get(&format!(
            "/api/v1/disponibilites/centres/{centre}?date={day}"
        ))
        .send()
        .await;
    assert_eq!(viewed.status, StatusCode::OK, "{}", viewed.json);
    let month = format!("?month={}", day.format("%Y-%m"));
    let before = stats(&app, &admin, &month).await;
    let rdv = app
        .hold(
            slot["disponibilite_id"].as_str().unwrap(),
            "DA-123-SH",
            "dash@test.fr",
        )
        .send()
        .await
        .json;
    let paid = app.pay(&rdv, "4242424242424242", "dash-1").await;
    assert_eq!(paid.status, StatusCode::OK, "{}", paid.json);
    app.flush_funnel().await;

    let after = stats(&app, &admin, "").await;
    for (step, more) in [
        ("searches", 1),
        ("slot_views", 1),
        ("holds", 1),
        ("paid", 1),
    ] {
        assert_eq!(
            count(&after, &format!("/funnel/{step}")),
            count(&now, &format!("/funnel/{step}")) + more,
            "{step}: {}",
            after["funnel"]
        );
    }
    let price = rdv["price_cents"].as_i64().unwrap();
    let booked = stats(&app, &admin, &month).await;
    assert_eq!(
        count(&booked, "/kpis/bookings"),
        count(&before, "/kpis/bookings") + 1
    );
    assert_eq!(
        count(&booked, "/kpis/revenue_cents"),
        count(&before, "/kpis/revenue_cents") + price
    );
    assert_eq!(
        count(&booked, "/months/11/revenue_cents"),
        count(&booked, "/kpis/revenue_cents")
    );
    let recent = &after["recent"][0];
    assert_eq!(recent["reference"], rdv["reference"]);
    assert_eq!(recent["status"], "confirmed");
    let top = after["top_agencies"].as_array().unwrap();
    assert!(!top.is_empty() && top.len() <= 5);
    assert!(
        top.windows(2)
            .all(|w| w[0]["bookings"].as_i64() >= w[1]["bookings"].as_i64()),
        "{top:?}"
    );

    // Cancelled and refunded: no longer booked, no longer revenue; counted as cancelled.
    let cancelled = app
        .rdv(Method::DELETE, rdv["id"].as_str().unwrap())
        .guest(rdv["guest_token"].as_str().unwrap())
        .send()
        .await;
    assert_eq!(cancelled.status, StatusCode::OK, "{}", cancelled.json);
    let back = stats(&app, &admin, &month).await;
    // As before the booking, but for the conversion, which counts the payment that happened.
    let mut expected = before["kpis"].clone();
    expected["conversion_percent"] = back["kpis"]["conversion_percent"].clone();
    assert_eq!(back["kpis"], expected);
    assert_eq!(
        count(&back, "/months/11/cancelled"),
        count(&before, "/months/11/cancelled") + 1
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn each_admin_reads_its_own_scope_and_no_other_network(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let first =
        |table: &'static str, tenant: Tenant| first_id(&owner, table, app.tenant_id(tenant));
    let (agency_a, centre_a) = (
        first("agences", Tenant::A).await,
        first("cts", Tenant::A).await,
    );
    let (agency_b, centre_b) = (
        first("agences", Tenant::B).await,
        first("cts", Tenant::B).await,
    );
    let other_agency: Uuid = sqlx::query_scalar(
        "INSERT INTO agences (tenant_id, code, name, city) VALUES ($1, 'AG2', 'Autre', 'Lyon') RETURNING id",
    )
    .bind(app.tenant_id(Tenant::A))
    .fetch_one(&owner)
    .await
    .unwrap();

    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let whole = stats(&app, &admin, "").await;
    assert_eq!(
        (whole["agency_id"].clone(), whole["centre_id"].clone()),
        (Value::Null, Value::Null)
    );
    let references: Vec<&str> = whole["recent"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reference"].as_str().unwrap())
        .collect();
    assert_eq!(references, ["R-1"], "only the network's own bookings");
    let one = stats(&app, &admin, &format!("?centre_id={centre_a}")).await;
    assert_eq!(one["agency_id"], agency_a.to_string());
    for (query, field) in [
        (format!("?agency_id={agency_b}"), "agency_id"),
        (format!("?centre_id={centre_b}"), "centre_id"),
        (
            format!("?agency_id={other_agency}&centre_id={centre_a}"),
            "centre_id",
        ),
        ("?month=2026-13".to_owned(), "month"),
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

    // An agency admin reads its agency, a centre admin its centre, and nothing wider.
    let agency = app.user(Tenant::A, "ADMIN_AGENCE").await.token;
    assert_eq!(
        stats(&app, &agency, "").await["agency_id"],
        agency_a.to_string()
    );
    let centre = app.user(Tenant::A, "ADMIN_CT").await.token;
    let own = stats(&app, &centre, "").await;
    assert_eq!(
        (own["agency_id"].as_str(), own["centre_id"].as_str()),
        (
            Some(agency_a.to_string().as_str()),
            Some(centre_a.to_string().as_str())
        )
    );
    for (token, query) in [
        (&agency, format!("?agency_id={other_agency}")),
        (&centre, format!("?agency_id={agency_a}")),
    ] {
        let wider = app.get(&format!("{URI}{query}")).bearer(token).send().await;
        assert_eq!(
            wider.status,
            StatusCode::FORBIDDEN,
            "{query}: {}",
            wider.json
        );
    }
    for role in ["CONTROLEUR", "CALL_CENTER", "CLIENT"] {
        let token = app.user(Tenant::A, role).await.token;
        let answer = app.get(URI).bearer(&token).send().await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{role}");
    }
    let root = app.super_admin().await.token;
    assert_eq!(
        app.get(URI).bearer(&root).send().await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.get(URI).send().await.status, StatusCode::UNAUTHORIZED);
}
