//! Authentication: sign-up, login, refresh rotation with reuse detection, logout, profile,
//! and tampered tokens.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use reference_app::auth::{Claims, Jwt};
use reference_app::http::{AppState, app};
use serde_json::{Value, json};
use sqlx::PgPool;
use tower::ServiceExt;

/// Sends `method uri` with an optional JSON body, bearer token and tenant header.
async fn call(
    state: &AppState,
    method: &str,
    uri: &str,
    body: Option<Value>,
    bearer: Option<&str>,
    tenant: Option<&str>,
) -> (StatusCode, Value) {
    let mut request = Request::builder().method(method).uri(uri);
    if let Some(token) = bearer {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    if let Some(tenant) = tenant {
        request = request.header("x-tenant-id", tenant);
    }
    let request = match body {
        Some(body) => request
            .header("content-type", "application/json")
            .body(Body::from(body.to_string())),
        None => request.body(Body::empty()),
    }
    .unwrap();
    let response = app(state.clone()).oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let value = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes).unwrap()
    };
    let method = axum::http::Method::from_bytes(method.as_bytes()).unwrap();
    common::documented::check(&method, uri, status, &value);
    (status, value)
}

async fn setup(owner: &PgPool) -> AppState {
    common::load_two_tenants(owner).await;
    common::state(owner).await
}

/// Registers Claire in tenant-1 and answers the tokens.
async fn register(state: &AppState) -> Value {
    let body = json!({"email": "Claire@Exemple.fr", "password": "Client123!", "first_name": "Claire",
                      "last_name": "Dupont", "phone": "06 12 34 56 78"});
    let (status, tokens) = call(
        state,
        "POST",
        "/api/v1/auth/register",
        Some(body),
        None,
        Some("tenant-1"),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{tokens}");
    tokens
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} missing in {v}"))
}

#[sqlx::test(migrations = "./migrations")]
async fn a_client_signs_up_logs_in_and_reads_their_profile(owner: PgPool) {
    let state = setup(&owner).await;
    let tokens = register(&state).await;
    assert_eq!(tokens["user"]["email"], "claire@exemple.fr");
    assert_eq!(tokens["user"]["role"], "CLIENT");
    assert!(tokens["user"].get("password_hash").is_none());

    let login = json!({"email": "claire@exemple.fr", "password": "Client123!"});
    let (status, tokens) = call(
        &state,
        "POST",
        "/api/v1/auth/login",
        Some(login),
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{tokens}");
    let (status, me) = call(
        &state,
        "GET",
        "/api/v1/users/me",
        None,
        Some(str_of(&tokens, "access_token")),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["first_name"], "Claire");
    assert_eq!(me["tenant_id"], common::TENANT_A.0.to_string());

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
    let state = setup(&owner).await;
    register(&state).await;
    let again = json!({"email": "claire@exemple.fr", "password": "Client123!", "first_name": "C", "last_name": "D"});
    let (status, body) = call(
        &state,
        "POST",
        "/api/v1/auth/register",
        Some(again.clone()),
        None,
        Some("tenant-1"),
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("EMAIL_TAKEN"))
    );
    // The same e-mail in another network is another account.
    let (status, _) = call(
        &state,
        "POST",
        "/api/v1/auth/register",
        Some(again.clone()),
        None,
        Some("tenant-2"),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, body) = call(
        &state,
        "POST",
        "/api/v1/auth/register",
        Some(again.clone()),
        None,
        None,
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("TENANT_REQUIRED"))
    );

    let weak =
        json!({"email": "x@exemple.fr", "password": "short", "first_name": "C", "last_name": "D"});
    let (status, body) = call(
        &state,
        "POST",
        "/api/v1/auth/register",
        Some(weak),
        None,
        Some("tenant-1"),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["details"]["field"], "password");

    let extra = json!({"email": "y@exemple.fr", "password": "Client123!", "first_name": "C", "last_name": "D", "role": "SUPER_ADMIN"});
    let (status, body) = call(
        &state,
        "POST",
        "/api/v1/auth/register",
        Some(extra),
        None,
        Some("tenant-1"),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["message"].as_str().unwrap().contains("role"), "{body}");
}

#[sqlx::test(migrations = "./migrations")]
async fn a_wrong_password_or_unknown_email_is_401(owner: PgPool) {
    let state = setup(&owner).await;
    register(&state).await;
    for (email, password) in [
        ("claire@exemple.fr", "Wrong1234"),
        ("nobody@exemple.fr", "Client123!"),
    ] {
        let body = json!({"email": email, "password": password});
        let (status, body) =
            call(&state, "POST", "/api/v1/auth/login", Some(body), None, None).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (StatusCode::UNAUTHORIZED, Some("UNAUTHORIZED"))
        );
    }
}

#[sqlx::test(migrations = "./migrations")]
async fn refresh_rotates_and_a_reused_token_revokes_the_session(owner: PgPool) {
    let state = setup(&owner).await;
    let first = register(&state).await;
    let r1 = str_of(&first, "refresh_token");

    let (status, second) = call(
        &state,
        "POST",
        "/api/v1/auth/refresh",
        Some(json!({"refresh_token": r1})),
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{second}");
    let r2 = str_of(&second, "refresh_token");
    assert_ne!(r1, r2);
    let (status, _) = call(
        &state,
        "GET",
        "/api/v1/users/me",
        None,
        Some(str_of(&second, "access_token")),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    // r1 replayed: refused, and the whole family dies (r2 and its access token too).
    let (status, _) = call(
        &state,
        "POST",
        "/api/v1/auth/refresh",
        Some(json!({"refresh_token": r1})),
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = call(
        &state,
        "POST",
        "/api/v1/auth/refresh",
        Some(json!({"refresh_token": r2})),
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = call(
        &state,
        "GET",
        "/api/v1/users/me",
        None,
        Some(str_of(&second, "access_token")),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
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
    let state = setup(&owner).await;
    let tokens = register(&state).await;
    let access = str_of(&tokens, "access_token");
    let (status, _) = call(
        &state,
        "POST",
        "/api/v1/auth/logout",
        None,
        Some(access),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = call(&state, "GET", "/api/v1/users/me", None, Some(access), None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let refresh = json!({"refresh_token": str_of(&tokens, "refresh_token")});
    let (status, _) = call(
        &state,
        "POST",
        "/api/v1/auth/refresh",
        Some(refresh),
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[sqlx::test(migrations = "./migrations")]
async fn tampered_tokens_are_401(owner: PgPool) {
    let state = setup(&owner).await;
    let tokens = register(&state).await;
    let good = str_of(&tokens, "access_token").to_owned();
    let claims: Claims = jsonwebtoken::dangerous::insecure_decode::<Claims>(&good)
        .unwrap()
        .claims;
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
    let claims_json = serde_json::to_value(&claims).unwrap();

    // alg: none.
    let none = format!(
        "{}.{}.",
        b64(&json!({"alg": "none", "typ": "JWT"})),
        b64(&claims_json)
    );
    // HS256 signed with the public key as the HMAC secret.
    let public = common::test_keys().public_pem;
    let hs256 = encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &EncodingKey::from_secret(public.as_bytes()),
    )
    .unwrap();
    // Expired an hour ago, correctly signed.
    let jwt = Jwt::new(&common::test_keys()).unwrap();
    let mut old = claims.clone();
    old.iat -= 7200;
    old.exp = old.iat + 3600;
    let expired = jwt.sign(&old).unwrap();
    // Signed by another key.
    let other_keys = reference_app::keys::JwtKeys::generate(1024).unwrap();
    let foreign = Jwt::new(&other_keys).unwrap().sign(&claims).unwrap();
    // Role escalated in the payload, signature kept.
    let mut parts: Vec<String> = good.split('.').map(str::to_owned).collect();
    let mut escalated = claims_json.clone();
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
        let (status, body) =
            call(&state, "GET", "/api/v1/users/me", None, Some(&token), None).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{name}: {body}");
    }
    let (status, _) = call(&state, "GET", "/api/v1/users/me", None, Some(&good), None).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = call(&state, "GET", "/api/v1/users/me", None, None, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[sqlx::test(migrations = "./migrations")]
async fn a_client_updates_their_profile_and_preferences(owner: PgPool) {
    let state = setup(&owner).await;
    let tokens = register(&state).await;
    let access = str_of(&tokens, "access_token");
    let patch = json!({"last_name": "Durand", "notification_prefs": {"sms": false}});
    let (status, me) = call(
        &state,
        "PUT",
        "/api/v1/users/me",
        Some(patch),
        Some(access),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["last_name"], "Durand");
    assert_eq!(me["first_name"], "Claire");
    assert_eq!(me["notification_prefs"]["sms"], false);
    assert_eq!(me["notification_prefs"]["email"], true);

    for bad in [
        json!({"role": "ADMIN_TENANT"}),
        json!({"phone": "call me"}),
        json!({"notification_prefs": 3}),
    ] {
        let (status, body) = call(
            &state,
            "PUT",
            "/api/v1/users/me",
            Some(bad.clone()),
            Some(access),
            None,
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {body}");
    }
    let (status, body) = call(&state, "PUT", "/api/v1/users/me", None, Some(access), None).await;
    assert!(status.is_client_error(), "{body}");
}

#[sqlx::test(migrations = "./migrations")]
async fn an_unknown_tenant_header_is_refused(owner: PgPool) {
    let state = setup(&owner).await;
    let body =
        json!({"email": "a@b.fr", "password": "Client123!", "first_name": "A", "last_name": "B"});
    let (status, body) = call(
        &state,
        "POST",
        "/api/v1/auth/register",
        Some(body),
        None,
        Some("nope"),
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("UNKNOWN_TENANT"))
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn login_is_rate_limited_with_retry_after(owner: PgPool) {
    let mut state = setup(&owner).await;
    state.rate_limiter =
        reference_app::http::RateLimiter::new(reference_app::http::rate_limit::Limits {
            window: std::time::Duration::from_secs(60),
            auth: 3,
            search: 1000,
            default: 1000,
        });
    let body = json!({"email": "nobody@exemple.fr", "password": "x"});
    let mut statuses = Vec::new();
    let mut retry_after = None;
    for _ in 0..4 {
        let request = Request::post("/api/v1/auth/login")
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .unwrap();
        let response = app(state.clone()).oneshot(request).await.unwrap();
        statuses.push(response.status().as_u16());
        retry_after = response.headers().get("retry-after").cloned();
    }
    assert_eq!(statuses, [401, 401, 401, 429]);
    let seconds: u64 = retry_after.unwrap().to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&seconds));
}

#[sqlx::test(migrations = "./migrations")]
async fn a_huge_body_is_413_and_malformed_json_is_400(owner: PgPool) {
    let state = setup(&owner).await;
    let huge = format!(
        r#"{{"email": "{}", "password": "x"}}"#,
        "a".repeat(10 << 20)
    );
    let request = Request::post("/api/v1/auth/login")
        .header("content-type", "application/json")
        .body(Body::from(huge))
        .unwrap();
    let response = app(state.clone()).oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let request = Request::post("/api/v1/auth/login")
        .header("content-type", "application/json")
        .body(Body::from("{not json"))
        .unwrap();
    let response = app(state).oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let body: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(body["code"], "INVALID_JSON");
}

#[sqlx::test(migrations = "./migrations")]
async fn the_super_admin_logs_in_without_a_tenant_and_refreshes(owner: PgPool) {
    let state = setup(&owner).await;
    let hash = reference_app::auth::password::hash("SuperAdmin123!".to_owned())
        .await
        .unwrap();
    sqlx::query("UPDATE users SET password_hash = $1 WHERE email = 'root@platform.example'")
        .bind(hash)
        .execute(&owner)
        .await
        .unwrap();
    let login = json!({"email": "root@platform.example", "password": "SuperAdmin123!"});
    let (status, tokens) = call(
        &state,
        "POST",
        "/api/v1/auth/login",
        Some(login),
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{tokens}");
    assert_eq!(tokens["user"]["role"], "SUPER_ADMIN");
    assert!(tokens["user"]["tenant_id"].is_null());
    let refresh = json!({"refresh_token": str_of(&tokens, "refresh_token")});
    let (status, tokens) = call(
        &state,
        "POST",
        "/api/v1/auth/refresh",
        Some(refresh),
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{tokens}");
    let (status, me) = call(
        &state,
        "GET",
        "/api/v1/users/me",
        None,
        Some(str_of(&tokens, "access_token")),
        None,
    )
    .await;
    assert_eq!(
        (status, me["email"].as_str()),
        (StatusCode::OK, Some("root@platform.example"))
    );
}

#[sqlx::test(migrations = "./migrations")]
async fn an_email_in_two_networks_needs_the_tenant_header(owner: PgPool) {
    let state = setup(&owner).await;
    for tenant in ["tenant-1", "tenant-2"] {
        let body = json!({"email": "twice@exemple.fr", "password": "Client123!", "first_name": "T", "last_name": "W"});
        let (status, _) = call(
            &state,
            "POST",
            "/api/v1/auth/register",
            Some(body),
            None,
            Some(tenant),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let login = json!({"email": "twice@exemple.fr", "password": "Client123!"});
    let (status, body) = call(
        &state,
        "POST",
        "/api/v1/auth/login",
        Some(login.clone()),
        None,
        None,
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("TENANT_REQUIRED"))
    );
    let (status, tokens) = call(
        &state,
        "POST",
        "/api/v1/auth/login",
        Some(login),
        None,
        Some("tenant2.example"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{tokens}");
    assert_eq!(tokens["user"]["tenant_id"], common::TENANT_B.0.to_string());
}

#[sqlx::test(migrations = "./migrations")]
async fn with_redis_revoked_sessions_are_kept_and_checked_there(owner: PgPool) {
    let mut state = setup(&owner).await;
    let url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".to_owned());
    let client = redis::Client::open(url).unwrap();
    let mut conn = redis::aio::ConnectionManager::new(client.clone())
        .await
        .unwrap();
    state.redis = Some(client);
    state.redis_sessions = Some(conn.clone());
    let exists = |conn: &mut redis::aio::ConnectionManager, session: uuid::Uuid| {
        let mut conn = conn.clone();
        async move {
            redis::cmd("EXISTS")
                .arg(reference_app::auth::revocation::key(session))
                .query_async::<bool>(&mut conn)
                .await
                .unwrap()
        }
    };
    let session_of = |token: &str| {
        jsonwebtoken::dangerous::insecure_decode::<Claims>(token)
            .unwrap()
            .claims
            .sid
    };

    let tokens = register(&state).await;
    let access = str_of(&tokens, "access_token").to_owned();
    let session = session_of(&access);
    let (status, _) = call(&state, "GET", "/api/v1/users/me", None, Some(&access), None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!exists(&mut conn, session).await);
    let (status, _) = call(
        &state,
        "POST",
        "/api/v1/auth/logout",
        None,
        Some(&access),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert!(
        exists(&mut conn, session).await,
        "logout writes the revocation to Redis"
    );
    let (status, _) = call(&state, "GET", "/api/v1/users/me", None, Some(&access), None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // Redis is what requests consult: a session revoked only there is refused.
    let login = json!({"email": "claire@exemple.fr", "password": "Client123!"});
    let (_, tokens) = call(
        &state,
        "POST",
        "/api/v1/auth/login",
        Some(login),
        None,
        None,
    )
    .await;
    let access = str_of(&tokens, "access_token").to_owned();
    let (status, _) = call(&state, "GET", "/api/v1/users/me", None, Some(&access), None).await;
    assert_eq!(status, StatusCode::OK);
    redis::cmd("SET")
        .arg(reference_app::auth::revocation::key(session_of(&access)))
        .arg(1)
        .arg("EX")
        .arg(60)
        .query_async::<()>(&mut conn)
        .await
        .unwrap();
    let (status, _) = call(&state, "GET", "/api/v1/users/me", None, Some(&access), None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}
