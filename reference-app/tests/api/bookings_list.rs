//! The staff bookings list: cursor pages cover a scope's bookings once each in every order,
//! filters and the search keep only what they name, each role reads its own scope and no other
//! network's, and the export holds the list's rows.

use std::collections::HashSet;
use std::io::Read;

use axum::http::StatusCode;
use serde_json::Value;
use sqlx::PgPool;
use uuid::Uuid;

use crate::support::{Tenant, TestApp};

const URI: &str = "/api/v1/rdv";

async fn page(app: &TestApp, token: &str, query: &str) -> Value {
    let answer = app
        .get(&format!("{URI}?{query}"))
        .bearer(token)
        .send()
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{query}: {}", answer.json);
    answer.json
}

/// Every page of `query` at 7 a page: the bookings' ids in order.
async fn every_page(app: &TestApp, token: &str, query: &str) -> Vec<Uuid> {
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let q = match &cursor {
            Some(c) => format!("{query}&limit=7&cursor={c}"),
            None => format!("{query}&limit=7"),
        };
        let body = page(app, token, &q).await;
        for item in body["items"].as_array().unwrap() {
            seen.push(Uuid::parse_str(item["id"].as_str().unwrap()).unwrap());
        }
        match body["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => return seen,
        }
    }
}

async fn first_centre(owner: &PgPool, tenant: Uuid) -> (Uuid, Uuid) {
    sqlx::query_as(
        "SELECT c.id, c.agency_id FROM cts c WHERE c.tenant_id = $1
         AND EXISTS (SELECT 1 FROM rdv r WHERE r.centre_id = c.id) ORDER BY c.code LIMIT 1",
    )
    .bind(tenant)
    .fetch_one(owner)
    .await
    .unwrap()
}

#[sqlx::test(migrations = "./migrations")]
async fn pages_cover_a_centres_bookings_once_in_every_order(owner: PgPool) {
    let app = TestApp::builder(&owner).seeded().spawn().await;
    let tenant = app.tenant_id(Tenant::A);
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let (centre, _) = first_centre(&owner, tenant).await;
    for (sort, column) in [("start", "start_at"), ("created_at", "created_at")] {
        for order in ["asc", "desc"] {
            let seen = every_page(
                &app,
                &admin,
                &format!("centre_id={centre}&sort={sort}&order={order}"),
            )
            .await;
            let expected: Vec<Uuid> = sqlx::query_scalar(&format!(
                "SELECT id FROM rdv WHERE centre_id = $1 ORDER BY {column} {order}, id {order}"
            ))
            .bind(centre)
            .fetch_all(&owner)
            .await
            .unwrap();
            assert!(expected.len() > 7, "more than a page");
            assert_eq!(seen, expected, "{sort} {order}");
            assert_eq!(seen.iter().collect::<HashSet<_>>().len(), seen.len());
        }
    }
    let first = page(&app, &admin, "").await;
    let starts: Vec<&str> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["start"].as_str().unwrap())
        .collect();
    assert_eq!(starts.len(), 25, "25 a page by default");
    let mut sorted = starts.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(starts, sorted, "the latest start first");
}

#[sqlx::test(migrations = "./migrations")]
async fn filters_and_the_search_keep_only_what_they_name(owner: PgPool) {
    let app = TestApp::builder(&owner).seeded().spawn().await;
    let tenant = app.tenant_id(Tenant::A);
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let (reference, plate, email, day): (String, String, Option<String>, String) = sqlx::query_as(
        "SELECT r.reference, r.plate, r.guest_email,
                to_char(r.start_at AT TIME ZONE c.time_zone, 'YYYY-MM-DD')
         FROM rdv r JOIN cts c ON c.id = r.centre_id
         WHERE r.tenant_id = $1 AND r.guest_email IS NOT NULL ORDER BY r.start_at LIMIT 1",
    )
    .bind(tenant)
    .fetch_one(&owner)
    .await
    .unwrap();
    let items = |v: &Value| v["items"].as_array().unwrap().clone();
    let by_reference = page(&app, &admin, &format!("q={}", reference.to_lowercase())).await;
    assert_eq!(items(&by_reference).len(), 1);
    assert_eq!(by_reference["items"][0]["reference"], reference.as_str());
    let loose = plate.replace('-', " ").to_lowercase().replace(' ', "%20");
    for b in items(&page(&app, &admin, &format!("q={loose}&limit=100")).await) {
        assert_eq!(b["plate"], plate.as_str());
    }
    let email = email.unwrap();
    let mine = items(&page(&app, &admin, &format!("q={email}&limit=100")).await);
    assert!(mine.iter().any(|b| b["reference"] == reference.as_str()));
    assert!(mine.iter().all(|b| b["customer_email"] == email.as_str()));

    let on_day = items(&page(&app, &admin, &format!("from={day}&to={day}&limit=100")).await);
    assert!(on_day.iter().any(|b| b["reference"] == reference.as_str()));
    assert!(
        on_day
            .iter()
            .all(|b| b["start"].as_str().unwrap().starts_with(&day)),
        "the centres' local day"
    );
    for (query, field, value) in [
        ("status=cancelled", "status", "cancelled"),
        ("payment_status=paid", "payment_status", "paid"),
        ("control_type=CT", "control_type", "CT"),
    ] {
        let found = items(&page(&app, &admin, &format!("{query}&limit=100")).await);
        assert!(!found.is_empty(), "{query}");
        assert!(found.iter().all(|b| b[field] == value), "{query}");
    }
    for (query, field) in [
        ("from=2027-13-01", "from"),
        ("from=2027-02-02&to=2027-02-01", "to"),
        ("status=lost", "status"),
        ("payment_status=free", "payment_status"),
        ("control_type=XX", "control_type"),
        ("sort=price", "sort"),
        ("order=up", "order"),
        ("limit=0", "limit"),
        ("cursor=nope", "cursor"),
    ] {
        let refused = app
            .get(&format!("{URI}?{query}"))
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

#[sqlx::test(migrations = "./migrations")]
async fn each_role_reads_its_own_scope_and_no_other_network(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let (a, b) = (app.tenant_id(Tenant::A), app.tenant_id(Tenant::B));
    let centre_b: Uuid = sqlx::query_scalar("SELECT id FROM cts WHERE tenant_id = $1 LIMIT 1")
        .bind(b)
        .fetch_one(&owner)
        .await
        .unwrap();
    let references = |v: &Value| -> Vec<String> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["reference"].as_str().unwrap().to_owned())
            .collect()
    };
    for role in [
        "ADMIN_TENANT",
        "ADMIN_AGENCE",
        "ADMIN_CT",
        "CONTROLEUR",
        "CALL_CENTER",
    ] {
        let token = app.user(Tenant::A, role).await.token;
        let listed = page(&app, &token, "").await;
        assert_eq!(
            references(&listed),
            ["R-1"],
            "{role}: the network's booking only"
        );
        let foreign = app
            .get(&format!("{URI}?centre_id={centre_b}"))
            .bearer(&token)
            .send()
            .await;
        assert_eq!(
            foreign.refusal(),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("centre_id")),
            "{role}"
        );
    }
    let client = app.user(Tenant::A, "CLIENT").await.token;
    assert_eq!(
        app.get(URI).bearer(&client).send().await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.get(URI).send().await.status, StatusCode::UNAUTHORIZED);

    // A second agency of A: its admin does not see the first one's booking, nor may ask for it.
    let other: Uuid = sqlx::query_scalar(
        "INSERT INTO agences (tenant_id, code, name, city) VALUES ($1, 'AG2', 'Autre', 'Lyon')
         RETURNING id",
    )
    .bind(a)
    .fetch_one(&owner)
    .await
    .unwrap();
    let agency_admin = app.user(Tenant::A, "ADMIN_AGENCE").await.token;
    let first: Uuid = sqlx::query_scalar(
        "SELECT agency_id FROM cts WHERE tenant_id = $1 ORDER BY created_at, id LIMIT 1",
    )
    .bind(a)
    .fetch_one(&owner)
    .await
    .unwrap();
    assert_ne!(first, other);
    let wider = app
        .get(&format!("{URI}?agency_id={other}"))
        .bearer(&agency_admin)
        .send()
        .await;
    assert_eq!(wider.status, StatusCode::FORBIDDEN);
    let call_center = app.user(Tenant::A, "CALL_CENTER").await.token;
    let export = app
        .get(&format!("{URI}/export?format=csv"))
        .bearer(&call_center)
        .send()
        .await;
    assert_eq!(
        export.status,
        StatusCode::FORBIDDEN,
        "reading is not exporting"
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn the_export_holds_the_lists_rows_in_french(owner: PgPool) {
    let app = TestApp::builder(&owner).seeded().spawn().await;
    let tenant = app.tenant_id(Tenant::A);
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await.token;
    let (centre, _) = first_centre(&owner, tenant).await;
    let listed = every_page(&app, &admin, &format!("centre_id={centre}")).await;
    let csv = app
        .get(&format!("{URI}/export?format=csv&centre_id={centre}"))
        .bearer(&admin)
        .send()
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    let text = csv.text().trim_start_matches('\u{feff}').to_owned();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("Référence;Centre;Agence;Début"),
        "{}",
        lines[0]
    );
    assert_eq!(
        lines.len() - 1,
        listed.len(),
        "every booking of the centre, once"
    );
    let first_ref: String = sqlx::query_scalar("SELECT reference FROM rdv WHERE id = $1")
        .bind(listed[0])
        .fetch_one(&owner)
        .await
        .unwrap();
    assert!(
        lines[1].starts_with(&first_ref),
        "in the list's order: {}",
        lines[1]
    );

    let xlsx = app
        .get(&format!("{URI}/export?format=xlsx&centre_id={centre}"))
        .bearer(&admin)
        .send()
        .await;
    assert_eq!(xlsx.status, StatusCode::OK);
    let disposition = xlsx.headers["content-disposition"].to_str().unwrap();
    assert!(
        disposition.starts_with("attachment; filename=\"reservations-"),
        "{disposition}"
    );
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx.bytes.to_vec())).unwrap();
    let mut sheet = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut sheet)
        .unwrap();
    assert!(sheet.contains(&first_ref), "{first_ref}");
    let refused = app
        .get(&format!("{URI}/export"))
        .bearer(&admin)
        .send()
        .await;
    assert_eq!(
        refused.refusal(),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("format"))
    );
}
