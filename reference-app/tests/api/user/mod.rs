//! Users: authentication (sign-up, login, refresh rotation with reuse detection, logout,
//! tampered tokens), the profile, and the management of a network's staff accounts.

mod auth;
mod profile;
mod staff;

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::support::TestApp;

/// Registers Claire in tenant-1 and answers the tokens.
async fn register(app: &TestApp) -> Value {
    let body = json!({"email": "Claire@Exemple.fr", "password": "Client123!", "first_name": "Claire",
                      "last_name": "Dupont", "phone": "06 12 34 56 78"});
    let tokens = app
        .post("/api/v1/auth/register")
        .tenant("tenant-1")
        .json(body)
        .send()
        .await;
    assert_eq!(tokens.status, StatusCode::CREATED, "{}", tokens.json);
    tokens.json
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} missing in {v}"))
}
