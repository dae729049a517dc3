//! The signed-in client's profile.

use axum::http::StatusCode;
use serde_json::json;
use sqlx::PgPool;

use super::{register, str_of};
use crate::support::TestApp;

#[sqlx::test(migrations = "./migrations")]
async fn a_client_updates_their_profile_and_preferences(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let tokens = register(&app).await;
    let access = str_of(&tokens, "access_token");
    let patch = json!({"last_name": "Durand", "notification_prefs": {"sms": false}});
    let me = app
        .put("/api/v1/users/me")
        .bearer(access)
        .json(patch)
        .send()
        .await;
    assert_eq!(me.status, StatusCode::OK, "{}", me.json);
    let me = me.json;
    assert_eq!(me["last_name"], "Durand");
    assert_eq!(me["first_name"], "Claire");
    assert_eq!(me["notification_prefs"]["sms"], false);
    assert_eq!(me["notification_prefs"]["email"], true);

    for bad in [
        json!({"role": "ADMIN_TENANT"}),
        json!({"phone": "call me"}),
        json!({"notification_prefs": 3}),
    ] {
        let answer = app
            .put("/api/v1/users/me")
            .bearer(access)
            .json(bad.clone())
            .send()
            .await;
        assert_eq!(
            answer.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{bad}: {}",
            answer.json
        );
    }
    let answer = app.put("/api/v1/users/me").bearer(access).send().await;
    assert!(answer.status.is_client_error(), "{}", answer.json);
}
