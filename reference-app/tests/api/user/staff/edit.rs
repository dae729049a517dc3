//! `PUT` and `DELETE /api/v1/users/{id}`: edits within the grant rules, deactivation and
//! re-activation ending sessions at once, erasure, the limits an admin has on its own
//! account, and the audit row of each change.

use axum::http::StatusCode;
use serde_json::{Value, json};
use sqlx::PgPool;
use uuid::Uuid;

use super::{PASSWORD, account, audited, edit, login, places, refusal, signed_in};
use crate::support::{Tenant, TestApp};

/// `GET /api/v1/users/me` with `token`: its status.
async fn me(app: &TestApp, token: &str) -> StatusCode {
    app.get("/api/v1/users/me")
        .bearer(token)
        .send()
        .await
        .status
}

/// The audit rows of `action`: `(actor, resource_id, details)`.
async fn trail(owner: &PgPool, action: &str) -> Vec<(Uuid, String, Value)> {
    sqlx::query_as(
        "SELECT actor_id, resource_id, details FROM audit_logs WHERE action = $1 ORDER BY id",
    )
    .bind(action)
    .fetch_all(owner)
    .await
    .unwrap()
}

#[sqlx::test(migrations = "./migrations")]
async fn disabling_ends_the_sessions_at_once_and_re_enabling_lets_the_user_back(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().redis().spawn().await;
    let p = places(&app, &owner).await;
    let id = account(
        &app,
        &owner,
        "paul@exemple.fr",
        "CONTROLEUR",
        (Some(p.agency), Some(p.centre)),
    )
    .await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await;
    let session = login(&app, "paul@exemple.fr", PASSWORD).await.json;
    let access = session["access_token"].as_str().unwrap();
    assert_eq!(me(&app, access).await, StatusCode::OK);

    let disabled = edit(&app, &admin.token, id, json!({"status": "disabled"})).await;
    assert_eq!(disabled.status, StatusCode::OK, "{}", disabled.json);
    assert_eq!(disabled.json["status"], "disabled");
    assert_eq!(
        me(&app, access).await,
        StatusCode::UNAUTHORIZED,
        "the access token dies at once"
    );
    assert!(app.revoked_in_redis(access).await);
    let refresh = json!({"refresh_token": session["refresh_token"]});
    let refreshed = app.post("/api/v1/auth/refresh").json(refresh).send().await;
    assert_eq!(refreshed.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        login(&app, "paul@exemple.fr", PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );

    let enabled = edit(&app, &admin.token, id, json!({"status": "active"})).await;
    assert_eq!(enabled.json["status"], "active", "{}", enabled.json);
    assert_eq!(
        login(&app, "paul@exemple.fr", PASSWORD).await.status,
        StatusCode::OK
    );

    let (disable, enable) = (
        trail(&owner, "user.disable").await,
        trail(&owner, "user.enable").await,
    );
    assert_eq!((disable.len(), enable.len()), (1, 1));
    let (actor, resource, details) = &disable[0];
    assert_eq!(
        (*actor, resource.as_str()),
        (admin.id, id.to_string().as_str())
    );
    assert_eq!(
        details["before"],
        json!({"status": "active"}),
        "only the changed fields"
    );
    assert_eq!(details["after"], json!({"status": "disabled"}));
    assert_eq!(enable[0].2["after"], json!({"status": "active"}));
}

#[sqlx::test(migrations = "./migrations")]
async fn an_edit_changes_what_it_names_and_a_new_role_ends_the_sessions(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let p = places(&app, &owner).await;
    let id = account(
        &app,
        &owner,
        "paul@exemple.fr",
        "CONTROLEUR",
        (Some(p.agency), Some(p.centre)),
    )
    .await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await;
    let access = signed_in(&app, "paul@exemple.fr").await;

    let answer = app
        .put(&format!("/api/v1/users/{id}"))
        .bearer(&admin.token)
        .json(json!({"first_name": "Paula", "phone": "06 11 22 33 44"}))
        .send()
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.json);
    assert_eq!(
        (
            answer.json["first_name"].as_str(),
            answer.json["last_name"].as_str()
        ),
        (Some("Paula"), Some("Leroy"))
    );
    assert_eq!(
        me(&app, &access).await,
        StatusCode::OK,
        "a name change keeps the sessions"
    );
    let request_id = answer.headers["x-request-id"].to_str().unwrap().to_owned();
    let update = trail(&owner, "user.update").await;
    assert_eq!(
        update[0].2,
        json!({
            "before": {"first_name": "Paul", "phone": null},
            "after": {"first_name": "Paula", "phone": "06 11 22 33 44"},
            "request_id": request_id,
        })
    );
    let cleared = edit(&app, &admin.token, id, json!({"phone": null})).await;
    assert!(cleared.json["phone"].is_null(), "{}", cleared.json);

    let moved = edit(
        &app,
        &admin.token,
        id,
        json!({"role": "ADMIN_CT", "centre_id": p.other_centre}),
    )
    .await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.json);
    assert_eq!(moved.json["role"], "ADMIN_CT");
    assert_eq!(
        moved.json["agency_id"],
        p.other_agency.to_string().as_str(),
        "the centre's agency"
    );
    assert_eq!(
        me(&app, &access).await,
        StatusCode::UNAUTHORIZED,
        "its token carried the old role"
    );
    let promoted = edit(&app, &admin.token, id, json!({"role": "ADMIN_AGENCE"})).await;
    assert_eq!(
        promoted.json["agency_id"],
        p.other_agency.to_string().as_str(),
        "{}",
        promoted.json
    );
    assert!(
        promoted.json["centre_id"].is_null(),
        "an agency admin has no centre"
    );
    let network = edit(&app, &admin.token, id, json!({"role": "CALL_CENTER"})).await;
    assert!(network.json["agency_id"].is_null() && network.json["centre_id"].is_null());
    let login_again = login(&app, "paul@exemple.fr", PASSWORD).await;
    assert_eq!(login_again.json["user"]["role"], "CALL_CENTER");

    for (body, field) in [
        (json!({"role": "CONTROLEUR"}), "centre_id"),
        (json!({"agency_id": p.agency}), "agency_id"),
        (json!({"status": "invited"}), "status"),
        (
            json!({"role": "ADMIN_CT", "centre_id": p.foreign_centre}),
            "centre_id",
        ),
    ] {
        let answer = edit(&app, &admin.token, id, body.clone()).await;
        assert_eq!(refusal(&answer), (422, "VALIDATION", field), "{body}");
    }
    assert_eq!(
        edit(&app, &admin.token, Uuid::new_v4(), json!({}))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let not_an_id = app
        .put("/api/v1/users/nope")
        .bearer(&admin.token)
        .json(json!({}))
        .send()
        .await;
    assert_eq!(not_an_id.status, StatusCode::NOT_FOUND);
    assert_eq!(
        audited(&owner, "user.update").await,
        5,
        "one row per change, none per refusal"
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn an_agency_admin_edits_its_agencys_centre_staff_only(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let p = places(&app, &owner).await;
    let agency_admin = app.user(Tenant::A, "ADMIN_AGENCE").await;
    let own = account(
        &app,
        &owner,
        "own@exemple.fr",
        "CONTROLEUR",
        (Some(p.agency), Some(p.centre)),
    )
    .await;
    let other = account(
        &app,
        &owner,
        "other@exemple.fr",
        "CONTROLEUR",
        (Some(p.other_agency), Some(p.other_centre)),
    )
    .await;
    let peer = account(
        &app,
        &owner,
        "peer@exemple.fr",
        "ADMIN_AGENCE",
        (Some(p.agency), None),
    )
    .await;
    let client: Uuid =
        sqlx::query_scalar("SELECT id FROM users WHERE email = 'client@tenant1.example'")
            .fetch_one(&owner)
            .await
            .unwrap();
    let rename = json!({"last_name": "Moreau"});
    assert_eq!(
        edit(&app, &agency_admin.token, own, rename.clone())
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        edit(&app, &agency_admin.token, other, rename.clone())
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    for target in [peer, client, agency_admin.id] {
        let answer = edit(&app, &agency_admin.token, target, rename.clone()).await;
        assert_eq!(
            refusal(&answer),
            (403, "ROLE_NOT_GRANTABLE", ""),
            "{target}"
        );
    }
    let up = edit(
        &app,
        &agency_admin.token,
        own,
        json!({"role": "CALL_CENTER"}),
    )
    .await;
    assert_eq!(refusal(&up), (403, "ROLE_NOT_GRANTABLE", ""));
    let away = edit(
        &app,
        &agency_admin.token,
        own,
        json!({"centre_id": p.other_centre}),
    )
    .await;
    assert_eq!(refusal(&away), (422, "VALIDATION", "centre_id"));
    let head = edit(&app, &agency_admin.token, own, json!({"role": "ADMIN_CT"})).await;
    assert_eq!(head.json["role"], "ADMIN_CT", "{}", head.json);
    let erase = app
        .delete(&format!("/api/v1/users/{own}"))
        .bearer(&agency_admin.token)
        .send()
        .await;
    assert_eq!(
        refusal(&erase),
        (403, "FORBIDDEN", ""),
        "the policy keeps erasure to the network's admins"
    );
    assert_eq!(audited(&owner, "user.update").await, 2);
}

#[sqlx::test(migrations = "./migrations")]
async fn an_admin_changes_neither_its_own_access_nor_deletes_itself(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let p = places(&app, &owner).await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await;
    for body in [
        json!({"status": "disabled"}),
        json!({"role": "ADMIN_AGENCE", "agency_id": p.agency}),
    ] {
        let answer = edit(&app, &admin.token, admin.id, body.clone()).await;
        assert_eq!(
            refusal(&answer),
            (409, "CANNOT_CHANGE_OWN_ACCESS", ""),
            "{body}"
        );
    }
    let erase = app
        .delete(&format!("/api/v1/users/{}", admin.id))
        .bearer(&admin.token)
        .send()
        .await;
    assert_eq!(refusal(&erase), (409, "CANNOT_CHANGE_OWN_ACCESS", ""));
    let renamed = edit(
        &app,
        &admin.token,
        admin.id,
        json!({"first_name": "Anne", "status": "active"}),
    )
    .await;
    assert_eq!(
        renamed.status,
        StatusCode::OK,
        "its own name is its own: {}",
        renamed.json
    );
    assert_eq!(audited(&owner, "user.update").await, 1);
}

#[sqlx::test(migrations = "./migrations")]
async fn a_deleted_account_is_gone_from_the_list_and_sign_in_and_frees_its_e_mail(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let p = places(&app, &owner).await;
    let id = account(
        &app,
        &owner,
        "gone@exemple.fr",
        "CONTROLEUR",
        (Some(p.agency), Some(p.centre)),
    )
    .await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await;
    let access = signed_in(&app, "gone@exemple.fr").await;
    let path = format!("/api/v1/users/{id}");
    let erased = app.delete(&path).bearer(&admin.token).send().await;
    assert_eq!(erased.status, StatusCode::NO_CONTENT, "{}", erased.json);
    assert_eq!(me(&app, &access).await, StatusCode::UNAUTHORIZED);
    assert_eq!(
        login(&app, "gone@exemple.fr", PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
    let list = app
        .get("/api/v1/users?q=gone&limit=100")
        .bearer(&admin.token)
        .send()
        .await;
    assert_eq!(list.json["total"], 0, "{}", list.json);
    assert_eq!(
        app.delete(&path).bearer(&admin.token).send().await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        edit(&app, &admin.token, id, json!({})).await.status,
        StatusCode::NOT_FOUND
    );
    let (status, deleted): (String, bool) =
        sqlx::query_as("SELECT status, deleted_at IS NOT NULL FROM users WHERE id = $1")
            .bind(id)
            .fetch_one(&owner)
            .await
            .unwrap();
    assert_eq!(
        (status.as_str(), deleted),
        ("erased", true),
        "kept for the records"
    );
    let trail = trail(&owner, "user.delete").await;
    assert_eq!(trail.len(), 1);
    assert_eq!(trail[0].2["after"], json!({"status": "erased"}));

    let again = super::invite(
        &app,
        &admin.token,
        super::controller("gone@exemple.fr", p.centre),
    )
    .await;
    assert_eq!(
        again.status,
        StatusCode::CREATED,
        "the e-mail is free again: {}",
        again.json
    );
}
