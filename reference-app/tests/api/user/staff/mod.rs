//! Staff user management (journey 9): the list (filters, search, orders, cursor pages), the
//! invitation and the first password, edits, deactivation and erasure, the audit trail, and
//! the role matrix of the new routes.

mod edit;
mod export;
mod invite;
mod list;
mod matrix;

use axum::http::StatusCode;
use serde_json::{Value, json};
use sqlx::PgPool;
use uuid::Uuid;

use crate::support::{Answer, Tenant, TestApp};

/// The password of the accounts [`account`] makes.
const PASSWORD: &str = "Staff1234!";

/// Where accounts of tenant A sit: its first agency and centre (where `TestApp::user` attaches
/// staff), a second agency with a centre, and tenant B's agency and centre.
struct Places {
    agency: Uuid,
    centre: Uuid,
    other_agency: Uuid,
    other_centre: Uuid,
    foreign_agency: Uuid,
    foreign_centre: Uuid,
}

/// The first agency and centre of `tenant`, by creation.
async fn first_places(app: &TestApp, owner: &PgPool, tenant: Tenant) -> (Uuid, Uuid) {
    sqlx::query_as(
        "SELECT agency_id, id FROM cts WHERE tenant_id = $1 AND agency_id = (SELECT id FROM agences
         WHERE tenant_id = $1 ORDER BY created_at, id LIMIT 1) ORDER BY created_at, id LIMIT 1",
    )
    .bind(app.tenant_id(tenant))
    .fetch_one(owner)
    .await
    .unwrap()
}

/// The [`Places`] of the data, adding tenant A's second agency and its centre.
async fn places(app: &TestApp, owner: &PgPool) -> Places {
    let (agency, centre) = first_places(app, owner, Tenant::A).await;
    let (foreign_agency, foreign_centre) = first_places(app, owner, Tenant::B).await;
    let a = app.tenant_id(Tenant::A);
    let other_agency: Uuid = sqlx::query_scalar(
        "INSERT INTO agences (tenant_id, code, name, city) VALUES ($1, 'AG-USERS', 'Agence Nord', 'Lille') RETURNING id",
    )
    .bind(a)
    .fetch_one(owner)
    .await
    .unwrap();
    let other_centre: Uuid = sqlx::query_scalar(
        "INSERT INTO cts (tenant_id, agency_id, code, name, postcode, city, lat, lng)
         VALUES ($1, $2, 'CT-USERS', 'Centre Nord', '59000', 'Lille', 50.63, 3.06) RETURNING id",
    )
    .bind(a)
    .bind(other_agency)
    .fetch_one(owner)
    .await
    .unwrap();
    Places {
        agency,
        centre,
        other_agency,
        other_centre,
        foreign_agency,
        foreign_centre,
    }
}

/// An active account of tenant A with [`PASSWORD`], made by the owner: its id.
async fn account(
    app: &TestApp,
    owner: &PgPool,
    email: &str,
    role: &str,
    (agency, centre): (Option<Uuid>, Option<Uuid>),
) -> Uuid {
    let id = sqlx::query_scalar(
        "INSERT INTO users (tenant_id, email, role, first_name, last_name, agency_id, centre_id)
         VALUES ($1, $2, $3, 'Paul', 'Leroy', $4, $5) RETURNING id",
    )
    .bind(app.tenant_id(Tenant::A))
    .bind(email)
    .bind(role)
    .bind(agency)
    .bind(centre)
    .fetch_one(owner)
    .await
    .unwrap();
    app.set_password(email, PASSWORD).await;
    id
}

/// `POST /api/v1/auth/login` of `email` with `password`.
async fn login(app: &TestApp, email: &str, password: &str) -> Answer {
    app.post("/api/v1/auth/login")
        .json(json!({ "email": email, "password": password }))
        .send()
        .await
}

/// The access token of a successful [`login`].
async fn signed_in(app: &TestApp, email: &str) -> String {
    let answer = login(app, email, PASSWORD).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.json);
    answer.json["access_token"].as_str().unwrap().to_owned()
}

/// `POST /api/v1/users` by `token`.
async fn invite(app: &TestApp, token: &str, body: Value) -> Answer {
    app.post("/api/v1/users")
        .bearer(token)
        .json(body)
        .send()
        .await
}

/// `PUT /api/v1/users/{id}` by `token`.
async fn edit(app: &TestApp, token: &str, id: Uuid, body: Value) -> Answer {
    app.put(&format!("/api/v1/users/{id}"))
        .bearer(token)
        .json(body)
        .send()
        .await
}

/// The body of `POST /api/v1/users` for a controller of `centre`.
fn controller(email: &str, centre: Uuid) -> Value {
    json!({"email": email, "first_name": "Léa", "last_name": "Martin", "phone": "06 12 34 56 78",
           "role": "CONTROLEUR", "centre_id": centre})
}

/// The audit rows written so far with `action`.
async fn audited(owner: &PgPool, action: &str) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM audit_logs WHERE action = $1")
        .bind(action)
        .fetch_one(owner)
        .await
        .unwrap()
}

/// `(status, code, details.field)` of an answer.
fn refusal(answer: &Answer) -> (u16, &str, &str) {
    (
        answer.status.as_u16(),
        answer.json["code"].as_str().unwrap_or_default(),
        answer.json["details"]["field"].as_str().unwrap_or_default(),
    )
}
