//! The user module (the spec's user service): sign-up, login, token refresh, logout and the
//! caller's own profile.

pub mod repo;
pub mod vehicles;

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::auth::{self, Jwt, Principal, REFRESH_TTL_DAYS, password};
use crate::db::{TenantContext, tenant_tx};
use crate::error::{Error, Result};
use crate::http::openapi::{Conflict, Unauthorized};
use crate::http::{ApiJson, AppState};
use pti_core::model::TenantId;
use repo::{Consumed, User};

/// Header naming the tenant (id, slug or domain).
pub const TENANT_HEADER: &str = "x-tenant-id";

/// `/api/v1/auth/*` and `/api/v1/users/me`.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(register))
        .routes(routes!(login))
        .routes(routes!(refresh))
        .routes(routes!(logout))
        .routes(routes!(me, update_me))
}

/// Body of `POST /auth/register`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Register)]
pub struct RegisterBody {
    /// E-mail.
    pub email: String,
    /// Password (at least 8 characters, a letter and a digit).
    pub password: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Phone.
    #[serde(default)]
    pub phone: Option<String>,
}

/// Body of `POST /auth/login`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Login)]
pub struct LoginBody {
    /// E-mail.
    pub email: String,
    /// Password.
    pub password: String,
}

/// Body of `POST /auth/refresh`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Refresh)]
pub struct RefreshBody {
    /// The refresh token last issued.
    pub refresh_token: String,
}

/// Body of `PUT /users/me`: the fields to change.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = UpdateMe)]
pub struct UpdateMeBody {
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Notification preferences (an object merged into the current ones).
    #[schema(value_type = Option<Object>)]
    pub notification_prefs: Option<serde_json::Value>,
}

/// Tokens answered by register, login and refresh.
#[derive(Debug, Serialize, ToSchema)]
pub struct Tokens {
    /// RS256 JWT, 1 h.
    pub access_token: String,
    /// Opaque, 30 days, single use.
    pub refresh_token: String,
    /// Always `Bearer`.
    #[schema(value_type = String, example = "Bearer")]
    pub token_type: &'static str,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    /// The user, on register and login.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<User>,
}

/// Client sign-up, in the network named by `X-Tenant-ID`.
#[utoipa::path(
    post,
    path = "/api/v1/auth/register",
    tag = "auth",
    operation_id = "register",
    security(()),
    params(("X-Tenant-ID" = String, Header, description = "The network to sign up with (id, slug or domain)")),
    request_body = RegisterBody,
    responses(
        (status = 201, description = "Signed up and signed in", body = Tokens),
        (status = 409, response = Conflict),
    )
)]
#[tracing::instrument(skip_all)]
async fn register(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<RegisterBody>,
) -> Result<(StatusCode, Json<Tokens>)> {
    let tenant = tenant_of(&state, &headers)
        .await?
        .ok_or_else(|| Error::BadRequest {
            code: "TENANT_REQUIRED",
            message: format!("the {TENANT_HEADER} header names the network to sign up with"),
            details: serde_json::json!({ "field": TENANT_HEADER }),
        })?;
    let email = valid_email(&body.email)?;
    valid_password(&body.password)?;
    let first_name = valid_name("first_name", &body.first_name)?;
    let last_name = valid_name("last_name", &body.last_name)?;
    let phone = body.phone.as_deref().map(|p| valid_phone(p)).transpose()?;
    let hash = password::hash(body.password).await?;

    let mut tx = tenant_tx(
        &state.db,
        &TenantContext::tenant(TenantId(tenant), "CLIENT"),
    )
    .await?;
    let new = repo::NewUser {
        tenant_id: tenant,
        email: &email,
        password_hash: &hash,
        first_name,
        last_name,
        phone,
        role: "CLIENT",
    };
    let user = repo::insert_user(&mut tx, &new)
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(db) if db.code().as_deref() == Some("23505") => Error::Conflict {
                code: "EMAIL_TAKEN",
                message: "an account already uses this e-mail".to_owned(),
            },
            _ => e.into(),
        })?;
    let mut tokens = issue(&mut tx, &state.jwt, &user_key(&user), Uuid::new_v4(), None).await?;
    tx.commit().await?;
    tokens.user = Some(user);
    Ok((StatusCode::CREATED, Json(tokens)))
}

/// Log in.
///
/// An e-mail known in several networks needs `X-Tenant-ID`.
#[utoipa::path(
    post,
    path = "/api/v1/auth/login",
    tag = "auth",
    operation_id = "login",
    security(()),
    params(("X-Tenant-ID" = Option<String>, Header, description = "The network (id, slug or domain)")),
    request_body = LoginBody,
    responses(
        (status = 200, description = "Signed in", body = Tokens),
        (status = 401, response = Unauthorized),
    )
)]
#[tracing::instrument(skip_all)]
async fn login(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<LoginBody>,
) -> Result<Json<Tokens>> {
    let tenant = tenant_of(&state, &headers).await?;
    let candidates = repo::find_login(&state.db, &body.email.trim().to_lowercase(), tenant).await?;
    let candidate = match candidates.as_slice() {
        [one] => one.clone(),
        [] => {
            // Same argon2 work as a real check, so timing does not reveal unknown e-mails.
            let _ = password::hash(body.password).await;
            return Err(invalid_credentials());
        }
        _ => {
            return Err(Error::BadRequest {
                code: "TENANT_REQUIRED",
                message: format!(
                    "this e-mail exists in several networks: send the {TENANT_HEADER} header"
                ),
                details: serde_json::json!({ "field": TENANT_HEADER }),
            });
        }
    };
    let Some(hash) = candidate.password_hash.clone() else {
        return Err(invalid_credentials());
    };
    if !password::verify(body.password, hash).await || candidate.status != "active" {
        return Err(invalid_credentials());
    }
    let key = UserKey {
        id: candidate.id,
        tenant_id: candidate.tenant_id,
        role: candidate.role,
        agency_id: None,
        centre_id: None,
    };
    let mut tx = tenant_tx(&state.db, &key.context()).await?;
    repo::touch_login(&mut tx, key.id).await?;
    let user = repo::get_user(&mut tx, key.id)
        .await?
        .ok_or_else(invalid_credentials)?;
    let mut tokens = issue(&mut tx, &state.jwt, &user_key(&user), Uuid::new_v4(), None).await?;
    tokens.user = Some(user);
    tx.commit().await?;
    Ok(Json(tokens))
}

/// Rotate the refresh token.
///
/// Each refresh token works once; presenting a used one again revokes the whole session.
#[utoipa::path(
    post,
    path = "/api/v1/auth/refresh",
    tag = "auth",
    operation_id = "refresh",
    security(()),
    request_body = RefreshBody,
    responses(
        (status = 200, description = "New tokens", body = Tokens),
        (status = 401, response = Unauthorized),
    )
)]
#[tracing::instrument(skip_all)]
async fn refresh(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<RefreshBody>,
) -> Result<Json<Tokens>> {
    let hash = auth::token_hash(&body.refresh_token);
    let found = repo::find_refresh(&state.db, &hash)
        .await?
        .ok_or(Error::Unauthorized)?;
    let ctx = match found.tenant_id {
        Some(tenant) => TenantContext::tenant(TenantId(tenant), "AUTH"),
        None => TenantContext::super_admin(),
    };
    let mut tx = tenant_tx(&state.db, &ctx).await?;
    match repo::consume_refresh(&mut tx, found.id).await? {
        Consumed::Fresh => {}
        Consumed::Reused => {
            tracing::warn!(family = %found.family_id, "refresh token reused: session revoked");
            repo::revoke_family(&mut tx, found.family_id, "reuse_detected").await?;
            tx.commit().await?;
            auth::revocation::revoke(&state, found.family_id).await;
            return Err(Error::Unauthorized);
        }
        Consumed::Dead => return Err(Error::Unauthorized),
    }
    let user = repo::get_user(&mut tx, found.user_id)
        .await?
        .ok_or(Error::Unauthorized)?;
    if user.status != "active" {
        return Err(Error::Unauthorized);
    }
    let tokens = issue(
        &mut tx,
        &state.jwt,
        &user_key(&user),
        found.family_id,
        Some(found.id),
    )
    .await?;
    tx.commit().await?;
    Ok(Json(tokens))
}

/// Revoke the session (its access and refresh tokens).
#[utoipa::path(
    post,
    path = "/api/v1/auth/logout",
    tag = "auth",
    operation_id = "logout",
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Signed out"),
    )
)]
#[tracing::instrument(skip_all)]
async fn logout(State(state): State<AppState>, principal: Principal) -> Result<StatusCode> {
    let mut tx = tenant_tx(&state.db, &principal.context()).await?;
    repo::revoke_family(&mut tx, principal.session_id, "logout").await?;
    tx.commit().await?;
    auth::revocation::revoke(&state, principal.session_id).await;
    Ok(StatusCode::NO_CONTENT)
}

/// The signed-in user.
#[utoipa::path(
    get,
    path = "/api/v1/users/me",
    tag = "profile",
    operation_id = "me",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The user", body = User),
    )
)]
#[tracing::instrument(skip_all)]
async fn me(State(state): State<AppState>, principal: Principal) -> Result<Json<User>> {
    let mut tx = tenant_tx(&state.db, &principal.context()).await?;
    let user = repo::get_user(&mut tx, principal.user_id)
        .await?
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    Ok(Json(user))
}

/// Update the signed-in user.
#[utoipa::path(
    put,
    path = "/api/v1/users/me",
    tag = "profile",
    operation_id = "updateMe",
    security(("bearer" = [])),
    request_body = UpdateMeBody,
    responses(
        (status = 200, description = "The user", body = User),
    )
)]
#[tracing::instrument(skip_all)]
async fn update_me(
    State(state): State<AppState>,
    principal: Principal,
    ApiJson(body): ApiJson<UpdateMeBody>,
) -> Result<Json<User>> {
    let patch = repo::ProfilePatch {
        first_name: body
            .first_name
            .as_deref()
            .map(|v| valid_name("first_name", v))
            .transpose()?,
        last_name: body
            .last_name
            .as_deref()
            .map(|v| valid_name("last_name", v))
            .transpose()?,
        phone: body.phone.as_deref().map(valid_phone).transpose()?,
        notification_prefs: match &body.notification_prefs {
            Some(v) if !v.is_object() => {
                return Err(Error::validation("notification_prefs", "must be an object"));
            }
            other => other.as_ref(),
        },
    };
    let mut tx = tenant_tx(&state.db, &principal.context()).await?;
    let user = repo::update_profile(&mut tx, principal.user_id, &patch)
        .await?
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    Ok(Json(user))
}

/// Who a token is issued for.
struct UserKey {
    id: Uuid,
    tenant_id: Option<Uuid>,
    role: String,
    agency_id: Option<Uuid>,
    centre_id: Option<Uuid>,
}

impl UserKey {
    fn context(&self) -> TenantContext {
        match self.tenant_id {
            Some(tenant) => TenantContext::tenant(TenantId(tenant), self.role.clone()),
            None => TenantContext::super_admin(),
        }
    }
}

fn user_key(user: &User) -> UserKey {
    UserKey {
        id: user.id,
        tenant_id: user.tenant_id,
        role: user.role.clone(),
        agency_id: user.agency_id,
        centre_id: user.centre_id,
    }
}

/// Stores a new refresh token of `family` and signs an access token bound to it.
async fn issue(
    conn: &mut sqlx::PgConnection,
    jwt: &Jwt,
    key: &UserKey,
    family: Uuid,
    parent: Option<Uuid>,
) -> Result<Tokens> {
    let refresh_token = auth::new_refresh_token();
    let hash = auth::token_hash(&refresh_token);
    repo::insert_refresh(
        conn,
        key.tenant_id,
        key.id,
        family,
        parent,
        &hash,
        REFRESH_TTL_DAYS,
    )
    .await?;
    let claims = Jwt::claims(
        key.id,
        key.tenant_id,
        &key.role,
        family,
        auth::jwt::now_unix(),
    )
    .attached(key.agency_id, key.centre_id);
    Ok(Tokens {
        access_token: jwt.sign(&claims)?,
        refresh_token,
        token_type: "Bearer",
        expires_in: auth::jwt::ACCESS_TTL_SECS,
        user: None,
    })
}

/// The tenant named by the `X-Tenant-ID` header, if any; an unknown one is refused.
pub async fn tenant_of(state: &AppState, headers: &HeaderMap) -> Result<Option<Uuid>> {
    let Some(value) = headers.get(TENANT_HEADER) else {
        return Ok(None);
    };
    let key = value
        .to_str()
        .map_err(|_| Error::validation(TENANT_HEADER, "not text"))?;
    match repo::resolve_tenant(&state.db, key.trim()).await? {
        Some(id) => Ok(Some(id)),
        None => Err(Error::BadRequest {
            code: "UNKNOWN_TENANT",
            message: "no active network has this id, slug or domain".to_owned(),
            details: serde_json::json!({ "field": TENANT_HEADER }),
        }),
    }
}

fn invalid_credentials() -> Error {
    Error::Unauthorized
}

/// A trimmed, lower-cased e-mail address, or 422 naming `email`.
pub fn valid_email(email: &str) -> Result<String> {
    let email = email.trim().to_lowercase();
    let ok = email.len() <= 254
        && email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        })
        && !email.chars().any(char::is_whitespace);
    if ok {
        Ok(email)
    } else {
        Err(Error::validation("email", "not a valid e-mail address"))
    }
}

fn valid_password(password: &str) -> Result<()> {
    let long = (8..=128).contains(&password.chars().count());
    let letter = password.chars().any(char::is_alphabetic);
    let digit = password.chars().any(|c| c.is_ascii_digit());
    if long && letter && digit {
        Ok(())
    } else {
        Err(Error::validation(
            "password",
            "8 to 128 characters with at least a letter and a digit",
        ))
    }
}

fn valid_name<'a>(field: &str, name: &'a str) -> Result<&'a str> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        Err(Error::validation(field, "1 to 100 characters"))
    } else {
        Ok(name)
    }
}

/// A French or international phone number, or 422 naming `phone`.
pub fn valid_phone(phone: &str) -> Result<&str> {
    let phone = phone.trim();
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let allowed = phone
        .chars()
        .all(|c| c.is_ascii_digit() || " +.-()".contains(c));
    if allowed && (9..=15).contains(&digits) {
        Ok(phone)
    } else {
        Err(Error::validation("phone", "not a phone number"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            valid_email(" Claire@Exemple.FR ").unwrap(),
            "claire@exemple.fr"
        );
        for bad in ["", "claire", "@x.fr", "claire@localhost", "a b@x.fr"] {
            assert!(valid_email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn passwords_need_length_a_letter_and_a_digit() {
        assert!(valid_password("Client123!").is_ok());
        for bad in ["short1", "onlyletters", "12345678"] {
            assert!(valid_password(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn phones_are_french_or_international_digits() {
        assert!(valid_phone("06 12 34 56 78").is_ok());
        assert!(valid_phone("+33 6 12 34 56 78").is_ok());
        assert!(valid_phone("call me").is_err());
    }
}
