//! `GET /api/v1/users`: what each admin sees, the filters and search, every order paged by
//! cursor, and the bounds of the parameters.

use std::collections::HashSet;

use axum::http::StatusCode;
use serde_json::Value;
use sqlx::PgPool;
use uuid::Uuid;

use super::{Places, places, refusal};
use crate::support::{Tenant, TestApp};

/// 30 staff accounts of tenant A with tied names, creation times and sign-ins, accents in
/// their names, some disabled, spread over both agencies of [`Places`].
async fn crowd(app: &TestApp, owner: &PgPool, p: &Places) {
    sqlx::query(
        "INSERT INTO users (tenant_id, email, role, first_name, last_name, agency_id, centre_id,
                            status, created_at, last_login_at)
         SELECT $1, 'staff' || g || '@a.example',
                (ARRAY['CONTROLEUR', 'ADMIN_CT', 'CALL_CENTER'])[g % 3 + 1],
                (ARRAY['Élodie', 'elodie', 'Zoé', 'Ana'])[g % 4 + 1],
                (ARRAY['Martin', 'Émery', 'dupont'])[g % 3 + 1],
                CASE WHEN g % 3 = 2 THEN NULL WHEN g % 2 = 0 THEN $2 ELSE $4 END,
                CASE WHEN g % 3 = 2 THEN NULL WHEN g % 2 = 0 THEN $3 ELSE $5 END,
                CASE WHEN g % 7 = 0 THEN 'disabled' ELSE 'active' END,
                '2026-01-01T00:00:00Z'::timestamptz + (g / 5) * interval '1 day',
                CASE WHEN g % 2 = 0 THEN NULL
                     ELSE '2026-06-01T00:00:00Z'::timestamptz + (g / 4) * interval '1 hour' END
         FROM generate_series(1, 30) g",
    )
    .bind(app.tenant_id(Tenant::A))
    .bind(p.agency)
    .bind(p.centre)
    .bind(p.other_agency)
    .bind(p.other_centre)
    .execute(owner)
    .await
    .unwrap();
}

/// `GET /api/v1/users?<query>` by `token`: 200 and its body.
async fn page(app: &TestApp, token: &str, query: &str) -> Value {
    let answer = app
        .get(&format!("/api/v1/users?{query}"))
        .bearer(token)
        .send()
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{query}: {}", answer.json);
    answer.json
}

/// The ids of `items`.
fn ids(body: &Value) -> Vec<Uuid> {
    body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap().parse().unwrap())
        .collect()
}

/// Every page of `query` at 7 a page, following `next_cursor`: the ids, and the total the
/// first page announced.
async fn every_page(app: &TestApp, token: &str, query: &str) -> (Vec<Uuid>, i64) {
    let first = page(app, token, &format!("{query}&limit=7")).await;
    let total = first["total"].as_i64().unwrap();
    let (mut seen, mut body) = (Vec::new(), first);
    loop {
        assert!(body["items"].as_array().unwrap().len() <= 7);
        assert_eq!(body["total"], total, "the total holds on every page");
        seen.extend(ids(&body));
        let Some(cursor) = body["next_cursor"].as_str() else {
            break;
        };
        body = page(app, token, &format!("{query}&limit=7&cursor={cursor}")).await;
    }
    (seen, total)
}

#[sqlx::test(migrations = "./migrations")]
async fn cursor_pages_cover_every_account_once_in_every_order(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let p = places(&app, &owner).await;
    crowd(&app, &owner, &p).await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await;
    let orders: [(&str, &[&str]); 5] = [
        ("name", &["sort_name"]),
        ("email", &["email"]),
        ("role", &["role", "sort_name"]),
        ("created_at", &["created_at"]),
        ("last_login_at", &["coalesce(last_login_at, '1970-01-01Z')"]),
    ];
    for (sort, key) in orders {
        for order in ["asc", "desc"] {
            let (seen, total) =
                every_page(&app, &admin.token, &format!("sort={sort}&order={order}")).await;
            let keys: Vec<String> = key.iter().map(|k| format!("{k} {order}")).collect();
            let expected: Vec<Uuid> = sqlx::query_scalar(&format!(
                "SELECT id FROM users WHERE tenant_id = $1 AND deleted_at IS NULL
                 ORDER BY {}, id {order}",
                keys.join(", ")
            ))
            .bind(app.tenant_id(Tenant::A))
            .fetch_all(&owner)
            .await
            .unwrap();
            assert_eq!(
                seen, expected,
                "{sort} {order}: every account once, in order"
            );
            assert_eq!(total, expected.len() as i64);
            assert_eq!(seen.iter().collect::<HashSet<_>>().len(), seen.len());
        }
    }
}

#[sqlx::test(migrations = "./migrations")]
async fn names_sort_and_match_without_accents_or_case(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let p = places(&app, &owner).await;
    crowd(&app, &owner, &p).await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await;
    let body = page(&app, &admin.token, "sort=name&limit=100").await;
    let fold = |s: &str| s.to_lowercase().replace(['é', 'É'], "e");
    let names: Vec<String> = body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            let name = |k: &str| u[k].as_str().unwrap().to_owned();
            fold(&format!("{} {}", name("last_name"), name("first_name")))
        })
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(
        names, sorted,
        "Émery sorts among the e's, dupont among the d's"
    );

    for q in ["elodie", "ÉLODIE", "Élo"] {
        let found = page(&app, &admin.token, &format!("q={q}&limit=100")).await;
        let items = found["items"].as_array().unwrap();
        assert!(!items.is_empty(), "{q}");
        assert_eq!(found["total"], items.len());
        for u in items {
            assert_eq!(
                fold(u["first_name"].as_str().unwrap()),
                "elodie",
                "{q}: {u}"
            );
        }
    }
    let by_email = page(&app, &admin.token, "q=staff12%40a&limit=100").await;
    assert_eq!(by_email["total"], 1, "{by_email}");
    let by_full_name = page(&app, &admin.token, "q=martin%20zo&limit=100").await;
    assert!(
        by_full_name["total"].as_i64().unwrap() > 0,
        "last name then first name"
    );
    let wildcard = page(&app, &admin.token, "q=%25&limit=100").await;
    assert_eq!(wildcard["total"], 0, "a % is searched for, not a wildcard");
}

#[sqlx::test(migrations = "./migrations")]
async fn filters_keep_only_the_accounts_they_name(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let p = places(&app, &owner).await;
    crowd(&app, &owner, &p).await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await;
    let cases: [(String, &str, String); 4] = [
        ("role=CONTROLEUR".into(), "role", "CONTROLEUR".into()),
        (
            format!("agency_id={}", p.other_agency),
            "agency_id",
            p.other_agency.to_string(),
        ),
        (
            format!("centre_id={}", p.centre),
            "centre_id",
            p.centre.to_string(),
        ),
        ("status=disabled".into(), "status", "disabled".into()),
    ];
    for (query, field, value) in cases {
        let body = page(&app, &admin.token, &format!("{query}&limit=100")).await;
        let items = body["items"].as_array().unwrap();
        assert!(!items.is_empty(), "{query}");
        assert_eq!(body["total"], items.len(), "{query}");
        for u in items {
            assert_eq!(u[field], value.as_str(), "{query}: {u}");
        }
    }
    let both = page(
        &app,
        &admin.token,
        "role=ADMIN_CT&status=disabled&limit=100",
    )
    .await;
    for u in both["items"].as_array().unwrap() {
        assert_eq!(
            (u["role"].as_str(), u["status"].as_str()),
            (Some("ADMIN_CT"), Some("disabled"))
        );
    }
    let invited = page(&app, &admin.token, "status=invited").await;
    assert_eq!(invited["total"], 0);
}

#[sqlx::test(migrations = "./migrations")]
async fn an_agency_admin_sees_its_agencys_staff_and_the_clients_only(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let p = places(&app, &owner).await;
    crowd(&app, &owner, &p).await;
    let agency_admin = app.user(Tenant::A, "ADMIN_AGENCE").await;
    let tenant_admin = app.user(Tenant::A, "ADMIN_TENANT").await;
    let body = page(&app, &agency_admin.token, "limit=100").await;
    let items = body["items"].as_array().unwrap();
    assert_eq!(body["total"], items.len());
    for u in items {
        let visible = u["role"] == "CLIENT" || u["agency_id"] == p.agency.to_string().as_str();
        assert!(visible, "{u}");
    }
    let seen = ids(&body);
    assert!(seen.contains(&agency_admin.id));
    assert!(
        !seen.contains(&tenant_admin.id),
        "a network-wide account is not its agency's"
    );
    assert!(
        items.iter().any(|u| u["role"] == "CLIENT"),
        "the network's clients"
    );
    assert!(
        items
            .iter()
            .any(|u| u["centre_id"] == p.centre.to_string().as_str())
    );

    // The tenant admin sees all of it, and nothing of tenant B.
    let all = page(&app, &tenant_admin.token, "limit=100").await;
    let expected: i64 = sqlx::query_scalar("SELECT count(*) FROM users WHERE tenant_id = $1")
        .bind(app.tenant_id(Tenant::A))
        .fetch_one(&owner)
        .await
        .unwrap();
    assert_eq!(all["total"], expected);
    let foreign: i64 =
        sqlx::query_scalar("SELECT count(*) FROM users WHERE id = ANY($1) AND tenant_id <> $2")
            .bind(ids(&all))
            .bind(app.tenant_id(Tenant::A))
            .fetch_one(&owner)
            .await
            .unwrap();
    assert_eq!(foreign, 0);
}

#[sqlx::test(migrations = "./migrations")]
async fn bad_parameters_are_422_naming_them(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await;
    let email_cursor = {
        let body = page(&app, &admin.token, "sort=email&limit=1").await;
        body["next_cursor"].as_str().unwrap().to_owned()
    };
    let cases: [(&str, &str); 13] = [
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=ten", "limit"),
        ("sort=phone", "sort"),
        ("order=up", "order"),
        ("role=API_KEY", "role"),
        ("status=erased", "status"),
        ("agency_id=AG1", "agency_id"),
        ("centre_id=1", "centre_id"),
        ("cursor=not-a-cursor", "cursor"),
        (&format!("sort=name&cursor={email_cursor}"), "cursor"),
        (
            &format!("sort=email&order=desc&cursor={email_cursor}"),
            "cursor",
        ),
        (&format!("q={}", "x".repeat(101)), "q"),
    ];
    for (query, field) in cases {
        let answer = app
            .get(&format!("/api/v1/users?{query}"))
            .bearer(&admin.token)
            .send()
            .await;
        assert_eq!(refusal(&answer), (422, "VALIDATION", field), "{query}");
    }
    let one = page(&app, &admin.token, "limit=1").await;
    assert_eq!(one["items"].as_array().unwrap().len(), 1);
    assert!(one["next_cursor"].is_string());
    let all = page(&app, &admin.token, "limit=100").await;
    assert!(
        all["next_cursor"].is_null(),
        "the last page has no next cursor"
    );
}
