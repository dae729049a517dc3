//! Authentication: sign-up, login, refresh rotation with reuse detection, logout, rate limits,
//! and tampered tokens.

use axum::http::StatusCode;
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use serde_json::{Value, json};
use sqlx::PgPool;

use super::{register, str_of};
use crate::support::{TEST_PUBLIC_KEY, Tenant, TestApp, claims, sign_with_a_foreign_key};

/// The application on the two-tenant fixture.
async fn setup(owner: &PgPool) -> TestApp {
    TestApp::builder(owner).two_tenants().spawn().await
}

#[sqlx::test(migrations = "./migrations")]
async fn a_client_signs_up_logs_in_and_reads_their_profile(owner: PgPool) {
    let app = setup(&owner).await;
    let tokens = register(&app).await;
    assert_eq!(tokens["user"]["email"], "claire@exemple.fr");
    assert_eq!(tokens["user"]["role"], "CLIENT");
    assert!(tokens["user"].get("password_hash").is_none());

    let login = json!({"email": "claire@exemple.fr", "password": "Client123!"});
    let tokens = app.post("/api/v1/auth/login").json(login).send().await;
    assert_eq!(tokens.status, StatusCode::OK, "{}", tokens.json);
    let me = app
        .get("/api/v1/users/me")
        .bearer(str_of(&tokens.json, "access_token"))
        .send()
        .await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.json["first_name"], "Claire");
    assert_eq!(me.json["tenant_id"], app.tenant_id(Tenant::A).to_string());

    let hash: String =
        sqlx::query_scalar("SELECT password_hash FROM users WHERE email = 'claire@exemple.fr'")
            .fetch_one(&owner)
            .await
            .unwrap();
    assert!(hash.starts_with("$argon2id$"), "{hash}");
}

#[sqlx::test(migrations = "./migrations")]
async fn sign_up_refuses_duplicates_weak_passwords_unknown_fields_and_missing_tenant(
    owner: PgPool,
) {
    let app = setup(&owner).await;
    register(&app).await;
    let again = json!({"email": "claire@exemple.fr", "password": "Client123!", "first_name": "C", "last_name": "D"});
    let answer = app
        .post("/api/v1/auth/register")
        .tenant("tenant-1")
        .json(again.clone())
        .send()
        .await;
    assert_eq!(
        (answer.status, answer.json["code"].as_str()),
        (StatusCode::CONFLICT, Some("EMAIL_TAKEN"))
    );
    // The same e-mail in another network is another account.
    let answer = app
        .post("/api/v1/auth/register")
        .tenant("tenant-2")
        .json(again.clone())
        .send()
        .await;
    assert_eq!(answer.status, StatusCode::CREATED);
    let answer = app
        .post("/api/v1/auth/register")
        .json(again.clone())
        .send()
        .await;
    assert_eq!(
        (answer.status, answer.json["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("TENANT_REQUIRED"))
    );

    let weak =
        json!({"email": "x@exemple.fr", "password": "short", "first_name": "C", "last_name": "D"});
    let answer = app
        .post("/api/v1/auth/register")
        .tenant("tenant-1")
        .json(weak)
        .send()
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.json["details"]["field"], "password");

    let extra = json!({"email": "y@exemple.fr", "password": "Client123!", "first_name": "C", "last_name": "D", "role": "SUPER_ADMIN"});
    let answer = app
        .post("/api/v1/auth/register")
        .tenant("tenant-1")
        .json(extra)
        .send()
        .await;
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        answer.json
    );
    assert!(
        answer.json["message"].as_str().unwrap().contains("role"),
        "{}",
        answer.json
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn a_wrong_password_or_unknown_email_is_401(owner: PgPool) {
    let app = setup(&owner).await;
    register(&app).await;
    for (email, password) in [
        ("claire@exemple.fr", "Wrong1234"),
        ("nobody@exemple.fr", "Client123!"),
    ] {
        let body = json!({"email": email, "password": password});
        let answer = app.post("/api/v1/auth/login").json(body).send().await;
        assert_eq!(
            (answer.status, answer.json["code"].as_str()),
            (StatusCode::UNAUTHORIZED, Some("UNAUTHORIZED"))
        );
    }
}

#[sqlx::test(migrations = "./migrations")]
async fn refresh_rotates_and_a_reused_token_revokes_the_session(owner: PgPool) {
    let app = setup(&owner).await;
    let first = register(&app).await;
    let r1 = str_of(&first, "refresh_token");
    let refresh = |token: &str| {
        app.post("/api/v1/auth/refresh")
            .json(json!({"refresh_token": token}))
    };

    let second = refresh(r1).send().await;
    assert_eq!(second.status, StatusCode::OK, "{}", second.json);
    let second = second.json;
    let r2 = str_of(&second, "refresh_token");
    assert_ne!(r1, r2);
    let me = app
        .get("/api/v1/users/me")
        .bearer(str_of(&second, "access_token"))
        .send()
        .await;
    assert_eq!(me.status, StatusCode::OK);

    // r1 replayed: refused, and the whole family dies (r2 and its access token too).
    assert_eq!(refresh(r1).send().await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(refresh(r2).send().await.status, StatusCode::UNAUTHORIZED);
    let me = app
        .get("/api/v1/users/me")
        .bearer(str_of(&second, "access_token"))
        .send()
        .await;
    assert_eq!(me.status, StatusCode::UNAUTHORIZED);
    let reused: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM refresh_tokens WHERE revoked_reason = 'reuse_detected'",
    )
    .fetch_one(&owner)
    .await
    .unwrap();
    assert_eq!(reused, 2);
}

#[sqlx::test(migrations = "./migrations")]
async fn logout_revokes_the_access_and_refresh_tokens(owner: PgPool) {
    let app = setup(&owner).await;
    let tokens = register(&app).await;
    let access = str_of(&tokens, "access_token");
    let logout = app.post("/api/v1/auth/logout").bearer(access).send().await;
    assert_eq!(logout.status, StatusCode::NO_CONTENT);
    let me = app.get("/api/v1/users/me").bearer(access).send().await;
    assert_eq!(me.status, StatusCode::UNAUTHORIZED);
    let refresh = json!({"refresh_token": str_of(&tokens, "refresh_token")});
    let answer = app.post("/api/v1/auth/refresh").json(refresh).send().await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
}

#[sqlx::test(migrations = "./migrations")]
async fn tampered_tokens_are_401(owner: PgPool) {
    let app = setup(&owner).await;
    let tokens = register(&app).await;
    let good = str_of(&tokens, "access_token").to_owned();
    let claims = claims(&good);
    let b64 = |v: &Value| {
        use std::fmt::Write;
        // base64url without padding, by hand (no extra dependency for one test).
        const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let bytes = v.to_string().into_bytes();
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let n = chunk.iter().fold(0u32, |acc, b| acc << 8 | u32::from(*b))
                << (8 * (3 - chunk.len()));
            for i in 0..=chunk.len() {
                write!(out, "{}", ABC[(n >> (18 - 6 * i) & 63) as usize] as char).unwrap();
            }
        }
        out
    };

    // alg: none.
    let none = format!(
        "{}.{}.",
        b64(&json!({"alg": "none", "typ": "JWT"})),
        b64(&claims)
    );
    // HS256 signed with the public key as the HMAC secret.
    let hs256 = encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &EncodingKey::from_secret(TEST_PUBLIC_KEY.as_bytes()),
    )
    .unwrap();
    // Expired an hour ago, correctly signed.
    let mut old = claims.clone();
    let iat = old["iat"].as_i64().unwrap() - 7200;
    old["iat"] = json!(iat);
    old["exp"] = json!(iat + 3600);
    let expired = app.sign(&old);
    // Signed by another key.
    let foreign = sign_with_a_foreign_key(&claims);
    // Role escalated in the payload, signature kept.
    let mut parts: Vec<String> = good.split('.').map(str::to_owned).collect();
    let mut escalated = claims.clone();
    escalated["role"] = json!("SUPER_ADMIN");
    parts[1] = b64(&escalated);
    let forged = parts.join(".");

    for (name, token) in [
        ("none", none),
        ("hs256", hs256),
        ("expired", expired),
        ("foreign", foreign),
        ("forged", forged),
        ("garbage", "abc.def.ghi".to_owned()),
    ] {
        let me = app.get("/api/v1/users/me").bearer(&token).send().await;
        assert_eq!(me.status, StatusCode::UNAUTHORIZED, "{name}: {}", me.json);
    }
    let me = app.get("/api/v1/users/me").bearer(&good).send().await;
    assert_eq!(me.status, StatusCode::OK);
    let me = app.get("/api/v1/users/me").send().await;
    assert_eq!(me.status, StatusCode::UNAUTHORIZED);
}

#[sqlx::test(migrations = "./migrations")]
async fn an_unknown_tenant_header_is_refused(owner: PgPool) {
    let app = setup(&owner).await;
    let body =
        json!({"email": "a@b.fr", "password": "Client123!", "first_name": "A", "last_name": "B"});
    let answer = app
        .post("/api/v1/auth/register")
        .tenant("nope")
        .json(body)
        .send()
        .await;
    assert_eq!(
        (answer.status, answer.json["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("UNKNOWN_TENANT"))
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn login_is_rate_limited_with_retry_after(owner: PgPool) {
    let app = TestApp::builder(&owner)
        .two_tenants()
        .auth_rate_limit(3)
        .spawn()
        .await;
    let body = json!({"email": "nobody@exemple.fr", "password": "x"});
    let mut statuses = Vec::new();
    let mut retry_after = None;
    for _ in 0..4 {
        let answer = app
            .post("/api/v1/auth/login")
            .json(body.clone())
            .send()
            .await;
        statuses.push(answer.status.as_u16());
        retry_after = answer.headers.get("retry-after").cloned();
    }
    assert_eq!(statuses, [401, 401, 401, 429]);
    let seconds: u64 = retry_after.unwrap().to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&seconds));
}

#[sqlx::test(migrations = "./migrations")]
async fn a_huge_body_is_413_and_malformed_json_is_400(owner: PgPool) {
    let app = setup(&owner).await;
    let huge = format!(
        r#"{{"email": "{}", "password": "x"}}"#,
        "a".repeat(10 << 20)
    );
    let answer = app.post("/api/v1/auth/login").raw(huge).send().await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    let answer = app.post("/api/v1/auth/login").raw("{not json").send().await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.json["code"], "INVALID_JSON");
}

#[sqlx::test(migrations = "./migrations")]
async fn the_super_admin_logs_in_without_a_tenant_and_refreshes(owner: PgPool) {
    let app = setup(&owner).await;
    app.set_password("root@platform.example", "SuperAdmin123!")
        .await;
    let login = json!({"email": "root@platform.example", "password": "SuperAdmin123!"});
    let tokens = app.post("/api/v1/auth/login").json(login).send().await;
    assert_eq!(tokens.status, StatusCode::OK, "{}", tokens.json);
    assert_eq!(tokens.json["user"]["role"], "SUPER_ADMIN");
    assert!(tokens.json["user"]["tenant_id"].is_null());
    let refresh = json!({"refresh_token": str_of(&tokens.json, "refresh_token")});
    let tokens = app.post("/api/v1/auth/refresh").json(refresh).send().await;
    assert_eq!(tokens.status, StatusCode::OK, "{}", tokens.json);
    let me = app
        .get("/api/v1/users/me")
        .bearer(str_of(&tokens.json, "access_token"))
        .send()
        .await;
    assert_eq!(
        (me.status, me.json["email"].as_str()),
        (StatusCode::OK, Some("root@platform.example"))
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn an_email_in_two_networks_needs_the_tenant_header(owner: PgPool) {
    let app = setup(&owner).await;
    for tenant in ["tenant-1", "tenant-2"] {
        let body = json!({"email": "twice@exemple.fr", "password": "Client123!", "first_name": "T", "last_name": "W"});
        let answer = app
            .post("/api/v1/auth/register")
            .tenant(tenant)
            .json(body)
            .send()
            .await;
        assert_eq!(answer.status, StatusCode::CREATED);
    }
    let login = json!({"email": "twice@exemple.fr", "password": "Client123!"});
    let answer = app
        .post("/api/v1/auth/login")
        .json(login.clone())
        .send()
        .await;
    assert_eq!(
        (answer.status, answer.json["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("TENANT_REQUIRED"))
    );
    let tokens = app
        .post("/api/v1/auth/login")
        .tenant("tenant2.example")
        .json(login)
        .send()
        .await;
    assert_eq!(tokens.status, StatusCode::OK, "{}", tokens.json);
    assert_eq!(
        tokens.json["user"]["tenant_id"],
        app.tenant_id(Tenant::B).to_string()
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn with_redis_revoked_sessions_are_kept_and_checked_there(owner: PgPool) {
    let app = TestApp::builder(&owner).two_tenants().redis().spawn().await;
    let tokens = register(&app).await;
    let access = str_of(&tokens, "access_token").to_owned();
    let me = app.get("/api/v1/users/me").bearer(&access).send().await;
    assert_eq!(me.status, StatusCode::OK);
    assert!(!app.revoked_in_redis(&access).await);
    let logout = app.post("/api/v1/auth/logout").bearer(&access).send().await;
    assert_eq!(logout.status, StatusCode::NO_CONTENT);
    assert!(
        app.revoked_in_redis(&access).await,
        "logout writes the revocation to Redis"
    );
    let me = app.get("/api/v1/users/me").bearer(&access).send().await;
    assert_eq!(me.status, StatusCode::UNAUTHORIZED);

    // Redis is what requests consult: a session revoked only there is refused.
    let login = json!({"email": "claire@exemple.fr", "password": "Client123!"});
    let tokens = app.post("/api/v1/auth/login").json(login).send().await;
    let access = str_of(&tokens.json, "access_token").to_owned();
    let me = app.get("/api/v1/users/me").bearer(&access).send().await;
    assert_eq!(me.status, StatusCode::OK);
    app.revoke_in_redis(&access).await;
    let me = app.get("/api/v1/users/me").bearer(&access).send().await;
    assert_eq!(me.status, StatusCode::UNAUTHORIZED);
}
