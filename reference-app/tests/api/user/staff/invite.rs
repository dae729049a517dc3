//! `POST /api/v1/users` and `POST /api/v1/auth/set-password`: an admin invites, the invited
//! person chooses a password from the e-mail's link and signs in; who may give which role,
//! where; what a refusal leaves behind (nothing).

use axum::http::StatusCode;
use serde_json::{Value, json};
use sqlx::PgPool;

use super::{audited, controller, first_places, invite, login, places, refusal};
use crate::support::{Tenant, TestApp};

/// The token of the set-password link in `body`.
fn link_token(body: &str) -> String {
    let at = body
        .find("/definir-mot-de-passe?token=")
        .unwrap_or_else(|| panic!("no link in {body}"));
    body[at..]
        .trim_start_matches("/definir-mot-de-passe?token=")
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned()
}

/// `POST /api/v1/auth/set-password`.
async fn set_password(app: &TestApp, token: &str, password: &str) -> crate::support::Answer {
    app.post("/api/v1/auth/set-password")
        .json(json!({ "token": token, "password": password }))
        .send()
        .await
}

#[sqlx::test(migrations = "./migrations")]
async fn an_invited_controller_chooses_a_password_from_the_e_mail_and_signs_in(owner: PgPool) {
    let app = TestApp::builder(&owner).seeded().spawn().await;
    let (agency, centre) = first_places(&app, &owner, Tenant::A).await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await;
    let created = invite(
        &app,
        &admin.token,
        controller("Lea.Martin@Exemple.fr", centre),
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.json);
    let user = &created.json;
    assert_eq!(user["email"], "lea.martin@exemple.fr");
    assert_eq!(
        (user["role"].as_str(), user["status"].as_str()),
        (Some("CONTROLEUR"), Some("invited"))
    );
    assert_eq!(
        user["agency_id"],
        agency.to_string().as_str(),
        "the centre's agency"
    );
    assert!(user["last_login_at"].is_null());
    let refused = login(&app, "lea.martin@exemple.fr", "Anything123").await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED, "no password yet");

    app.tick().await;
    let mails = app.mailbox("lea.martin@exemple.fr").await;
    let mails = mails.as_array().unwrap();
    assert_eq!(mails.len(), 1, "{mails:?}");
    let body = mails[0]["body"].as_str().unwrap();
    assert!(
        mails[0]["subject"]
            .as_str()
            .unwrap()
            .starts_with("Votre accès à PTI Calendar")
    );
    assert!(body.starts_with("Bonjour Léa,"), "{body}");
    assert!(
        body.contains("http://127.0.0.1:8080/definir-mot-de-passe?token="),
        "{body}"
    );
    let token = link_token(body);
    let (hashed, raw): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM user_invitations
                 WHERE token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')),
                (SELECT count(*) FROM user_invitations WHERE token_hash = $1)
              + (SELECT count(*) FROM outbox WHERE payload::text LIKE '%' || $1 || '%')",
    )
    .bind(&token)
    .fetch_one(&owner)
    .await
    .unwrap();
    assert_eq!((hashed, raw), (1, 0), "only the token's hash is stored");

    let weak = set_password(&app, &token, "short").await;
    assert_eq!(refusal(&weak), (422, "VALIDATION", "password"));
    let tokens = set_password(&app, &token, "Controle2027").await;
    assert_eq!(tokens.status, StatusCode::OK, "{}", tokens.json);
    let signed_in = &tokens.json["user"];
    assert_eq!(
        (signed_in["role"].as_str(), signed_in["status"].as_str()),
        (Some("CONTROLEUR"), Some("active"))
    );
    assert_eq!(signed_in["centre_id"], centre.to_string().as_str());
    let me = app
        .get("/api/v1/users/me")
        .bearer(tokens.json["access_token"].as_str().unwrap())
        .send()
        .await;
    assert_eq!(me.status, StatusCode::OK);
    let again = login(&app, "lea.martin@exemple.fr", "Controle2027").await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.json);
    assert_eq!(again.json["user"]["role"], "CONTROLEUR");

    let reused = set_password(&app, &token, "Another2027").await;
    assert_eq!(refusal(&reused), (422, "INVALID_TOKEN", "token"));
    let unknown = set_password(&app, "0123abcd", "Another2027").await;
    assert_eq!(refusal(&unknown), (422, "INVALID_TOKEN", "token"));
    assert_eq!(audited(&owner, "user.create").await, 1);
    assert_eq!(audited(&owner, "user.set_password").await, 1);
    let actor: uuid::Uuid =
        sqlx::query_scalar("SELECT actor_id FROM audit_logs WHERE action = 'user.set_password'")
            .fetch_one(&owner)
            .await
            .unwrap();
    assert_eq!(
        actor.to_string(),
        user["id"].as_str().unwrap(),
        "the invited person acted"
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn an_expired_invitation_is_an_invalid_token(owner: PgPool) {
    let app = TestApp::builder(&owner).seeded().spawn().await;
    let (_, centre) = first_places(&app, &owner, Tenant::A).await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await;
    let created = invite(&app, &admin.token, controller("late@exemple.fr", centre)).await;
    assert_eq!(created.status, StatusCode::CREATED);
    app.tick().await;
    let mails = app.mailbox("late@exemple.fr").await;
    let token = link_token(mails[0]["body"].as_str().unwrap());
    sqlx::query(
        "UPDATE user_invitations SET created_at = now() - interval '73 hours',
         expires_at = now() - interval '1 hour'",
    )
    .execute(&owner)
    .await
    .unwrap();
    let answer = set_password(&app, &token, "Controle2027").await;
    assert_eq!(refusal(&answer), (422, "INVALID_TOKEN", "token"));
    let status: String =
        sqlx::query_scalar("SELECT status FROM users WHERE email = 'late@exemple.fr'")
            .fetch_one(&owner)
            .await
            .unwrap();
    assert_eq!(status, "invited");
}

#[sqlx::test(migrations = "./migrations")]
async fn a_resent_invitation_replaces_the_first_link_until_the_password_is_chosen(owner: PgPool) {
    let app = TestApp::builder(&owner).seeded().spawn().await;
    let (_, centre) = first_places(&app, &owner, Tenant::A).await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await;
    let created = invite(&app, &admin.token, controller("again@exemple.fr", centre)).await;
    let id = created.json["id"].as_str().unwrap().to_owned();
    app.tick().await;
    let uri = format!("/api/v1/users/{id}/invitation");
    for role in ["ADMIN_CT", "CONTROLEUR", "CALL_CENTER"] {
        let token = app.user(Tenant::A, role).await.token;
        let answer = app.post(&uri).bearer(&token).send().await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{role}");
    }
    let foreign = app.user(Tenant::B, "ADMIN_TENANT").await.token;
    assert_eq!(
        app.post(&uri).bearer(&foreign).send().await.status,
        StatusCode::NOT_FOUND
    );
    let resent = app.post(&uri).bearer(&admin.token).send().await;
    assert_eq!(resent.status, StatusCode::ACCEPTED, "{}", resent.json);
    app.tick().await;
    let mails = app.mailbox("again@exemple.fr").await;
    let mails = mails.as_array().unwrap();
    assert_eq!(mails.len(), 2, "{mails:?}");
    let tokens: Vec<String> = mails
        .iter()
        .map(|m| link_token(m["body"].as_str().unwrap()))
        .collect();
    assert_ne!(tokens[0], tokens[1]);
    let mut old_and_new: Vec<(u16, String)> = Vec::new();
    for token in &tokens {
        let answer = set_password(&app, token, "Controle2027").await;
        old_and_new.push((
            answer.status.as_u16(),
            answer.json["code"].as_str().unwrap_or("").to_owned(),
        ));
    }
    // One of the two links (the first sent) no longer works; the other signs in.
    old_and_new.sort();
    assert_eq!(old_and_new[0].0, 200, "{old_and_new:?}");
    assert_eq!(
        old_and_new[1],
        (422, "INVALID_TOKEN".to_owned()),
        "{old_and_new:?}"
    );
    let after = app.post(&uri).bearer(&admin.token).send().await;
    assert_eq!(refusal(&after).1, "NOT_INVITED", "{}", after.json);
    assert_eq!(audited(&owner, "user.invite.resend").await, 1);
}

#[sqlx::test(migrations = "./migrations")]
async fn a_retry_with_the_same_idempotency_key_answers_the_first_account(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let p = places(&app, &owner).await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await;
    let send = |key: &'static str, email: &'static str| {
        app.post("/api/v1/users")
            .bearer(&admin.token)
            .idempotency_key(key)
            .json(controller(email, p.centre))
            .send()
    };
    let first = send("invite-1", "retry@exemple.fr").await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.json);
    let replay = send("invite-1", "retry@exemple.fr").await;
    assert_eq!(replay.status, StatusCode::OK, "{}", replay.json);
    assert_eq!(replay.json["id"], first.json["id"]);
    let other_key = send("invite-2", "retry@exemple.fr").await;
    assert_eq!(refusal(&other_key), (409, "EMAIL_TAKEN", ""));
    let rows: i64 =
        sqlx::query_scalar("SELECT count(*) FROM users WHERE email = 'retry@exemple.fr'")
            .fetch_one(&owner)
            .await
            .unwrap();
    assert_eq!(rows, 1);
    assert_eq!(
        audited(&owner, "user.create").await,
        1,
        "a replay writes nothing"
    );
}

/// What a refused creation must not have written.
async fn written(owner: &PgPool) -> (i64, i64, i64, i64) {
    sqlx::query_as(
        "SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM user_invitations),
                (SELECT count(*) FROM outbox), (SELECT count(*) FROM audit_logs)",
    )
    .fetch_one(owner)
    .await
    .unwrap()
}

#[sqlx::test(migrations = "./migrations")]
async fn bad_or_foreign_fields_are_422_naming_them_and_write_nothing(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let p = places(&app, &owner).await;
    let admin = app.user(Tenant::A, "ADMIN_TENANT").await;
    let agency_admin = app.user(Tenant::A, "ADMIN_AGENCE").await;
    let before = written(&owner).await;
    let with = |changes: Value| {
        let mut body = controller("new@exemple.fr", p.centre);
        for (k, v) in changes.as_object().unwrap() {
            body[k] = v.clone();
        }
        body
    };
    let cases = [
        (&admin, with(json!({"email": "not-an-email"})), "email"),
        (&admin, with(json!({"first_name": " "})), "first_name"),
        (
            &admin,
            with(json!({"last_name": "x".repeat(101)})),
            "last_name",
        ),
        (&admin, with(json!({"phone": "call me"})), "phone"),
        (&admin, with(json!({"role": "BOSS"})), "role"),
        (&admin, with(json!({"role": "API_KEY"})), "role"),
        (&admin, with(json!({"centre_id": null})), "centre_id"),
        (&admin, with(json!({"centre_id": "CT1"})), "centre_id"),
        (
            &admin,
            with(json!({"centre_id": p.foreign_centre})),
            "centre_id",
        ),
        (
            &admin,
            with(json!({"agency_id": p.other_agency})),
            "agency_id",
        ),
        (&admin, with(json!({"role": "CALL_CENTER"})), "centre_id"),
        (
            &admin,
            with(json!({"role": "ADMIN_AGENCE", "centre_id": null})),
            "agency_id",
        ),
        (
            &admin,
            with(json!({"role": "ADMIN_AGENCE", "centre_id": null, "agency_id": p.foreign_agency})),
            "agency_id",
        ),
        (
            &agency_admin,
            with(json!({"centre_id": p.other_centre})),
            "centre_id",
        ),
        (
            &agency_admin,
            with(json!({"centre_id": p.foreign_centre})),
            "centre_id",
        ),
    ];
    for (who, body, field) in cases {
        let answer = invite(&app, &who.token, body.clone()).await;
        assert_eq!(
            refusal(&answer),
            (422, "VALIDATION", field),
            "{body}: {}",
            answer.json
        );
    }
    let unknown = invite(&app, &admin.token, with(json!({"password": "x"}))).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(written(&owner).await, before, "nothing half written");

    let taken = invite(
        &app,
        &admin.token,
        with(json!({"email": "Client@Tenant1.example"})),
    )
    .await;
    assert_eq!(refusal(&taken), (409, "EMAIL_TAKEN", ""));
    assert_eq!(written(&owner).await, before);
    let elsewhere = app.user(Tenant::B, "ADMIN_TENANT").await;
    let (_, b_centre) = first_places(&app, &owner, Tenant::B).await;
    let other_network = invite(
        &app,
        &elsewhere.token,
        controller("client@tenant1.example", b_centre),
    )
    .await;
    assert_eq!(
        other_network.status,
        StatusCode::CREATED,
        "another network's e-mails are its own"
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn an_admin_gives_only_the_roles_below_or_at_its_own_within_its_scope(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().spawn().await;
    let p = places(&app, &owner).await;
    let roles = [
        "SUPER_ADMIN",
        "ADMIN_TENANT",
        "ADMIN_AGENCE",
        "ADMIN_CT",
        "CONTROLEUR",
        "CALL_CENTER",
        "CLIENT",
    ];
    let gives = |giver: &str, role: &str| match giver {
        "ADMIN_TENANT" => [
            "ADMIN_TENANT",
            "ADMIN_AGENCE",
            "ADMIN_CT",
            "CONTROLEUR",
            "CALL_CENTER",
        ]
        .contains(&role),
        _ => ["ADMIN_CT", "CONTROLEUR"].contains(&role),
    };
    for giver in ["ADMIN_TENANT", "ADMIN_AGENCE"] {
        let admin = app.user(Tenant::A, giver).await;
        for role in roles {
            let mut body = json!({"email": format!("{giver}.{role}@exemple.fr").to_lowercase(),
                                  "first_name": "Jean", "last_name": "Roux", "role": role});
            match role {
                "ADMIN_AGENCE" => body["agency_id"] = json!(p.agency),
                "ADMIN_CT" | "CONTROLEUR" => body["centre_id"] = json!(p.centre),
                _ => {}
            }
            let answer = invite(&app, &admin.token, body).await;
            if gives(giver, role) {
                assert_eq!(
                    answer.status,
                    StatusCode::CREATED,
                    "{giver} gives {role}: {}",
                    answer.json
                );
            } else {
                assert_eq!(
                    refusal(&answer),
                    (403, "ROLE_NOT_GRANTABLE", ""),
                    "{giver} gives {role}"
                );
            }
        }
    }
    assert_eq!(
        audited(&owner, "user.create").await,
        7,
        "one row per account created"
    );
}
