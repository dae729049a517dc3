//! SQL of the user module: accounts, logins, refresh tokens.

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::{FromRow, PgConnection, PgPool};
use uuid::Uuid;

/// A user as the API shows it (never the password hash).
#[derive(Clone, Debug, Serialize, FromRow, utoipa::ToSchema)]
pub struct User {
    /// Id.
    pub id: Uuid,
    /// Tenant (None for the super admin).
    pub tenant_id: Option<Uuid>,
    /// E-mail, lower case.
    pub email: String,
    /// Phone.
    pub phone: Option<String>,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Role code.
    pub role: String,
    /// The agency the user works for (ADMIN_AGENCE, and centre staff).
    pub agency_id: Option<Uuid>,
    /// The centre the user works at (ADMIN_CT, CONTROLEUR).
    pub centre_id: Option<Uuid>,
    /// Notification preferences.
    #[schema(value_type = Object)]
    pub notification_prefs: serde_json::Value,
    /// Account status.
    pub status: String,
    /// Creation time.
    pub created_at: DateTime<Utc>,
}

const USER_COLUMNS: &str = "id, tenant_id, email, phone, first_name, last_name, role, agency_id, centre_id, notification_prefs, status, created_at";

/// An account matching a login e-mail (from `auth_find_login`).
#[derive(Clone, Debug, FromRow)]
pub struct LoginCandidate {
    /// User id.
    pub id: Uuid,
    /// Tenant.
    pub tenant_id: Option<Uuid>,
    /// Role code.
    pub role: String,
    /// argon2id PHC string.
    pub password_hash: Option<String>,
    /// Account status.
    pub status: String,
}

/// A refresh token found by hash (from `auth_find_refresh`).
#[derive(Clone, Debug, FromRow)]
pub struct RefreshRef {
    /// Token row id.
    pub id: Uuid,
    /// Tenant.
    pub tenant_id: Option<Uuid>,
    /// User.
    pub user_id: Uuid,
    /// Family (session).
    pub family_id: Uuid,
}

/// Resolves a tenant by slug, domain or id (SECURITY DEFINER `resolve_tenant`).
pub async fn resolve_tenant(pool: &PgPool, key: &str) -> Result<Option<Uuid>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM resolve_tenant($1)")
        .bind(key)
        .fetch_optional(pool)
        .await
}

/// The public facts of a network, as a portal shows them.
#[derive(Clone, Debug, Serialize, FromRow, utoipa::ToSchema)]
pub struct TenantInfo {
    /// Id.
    pub id: Uuid,
    /// URL slug (`controle-auto-france`).
    pub slug: String,
    /// Display name.
    pub name: String,
    /// Branding: colours, logo, portal texts.
    #[schema(value_type = Object)]
    pub branding: serde_json::Value,
}

/// The public facts of a tenant by slug, domain or id.
pub async fn resolve_tenant_info(
    pool: &PgPool,
    key: &str,
) -> Result<Option<TenantInfo>, sqlx::Error> {
    sqlx::query_as("SELECT id, slug, name, branding FROM resolve_tenant($1)")
        .bind(key)
        .fetch_optional(pool)
        .await
}

/// Accounts with `email` (in `tenant` plus platform accounts, or anywhere when None).
pub async fn find_login(
    pool: &PgPool,
    email: &str,
    tenant: Option<Uuid>,
) -> Result<Vec<LoginCandidate>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM auth_find_login($1, $2)")
        .bind(email)
        .bind(tenant)
        .fetch_all(pool)
        .await
}

/// New account fields.
pub struct NewUser<'a> {
    /// Tenant.
    pub tenant_id: Uuid,
    /// E-mail, lower case.
    pub email: &'a str,
    /// argon2id hash.
    pub password_hash: &'a str,
    /// First name.
    pub first_name: &'a str,
    /// Last name.
    pub last_name: &'a str,
    /// Phone.
    pub phone: Option<&'a str>,
    /// Role code.
    pub role: &'a str,
}

/// Inserts an account.
pub async fn insert_user(conn: &mut PgConnection, new: &NewUser<'_>) -> Result<User, sqlx::Error> {
    sqlx::query_as(&format!(
        "INSERT INTO users (tenant_id, email, password_hash, first_name, last_name, phone, role)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {USER_COLUMNS}"
    ))
    .bind(new.tenant_id)
    .bind(new.email)
    .bind(new.password_hash)
    .bind(new.first_name)
    .bind(new.last_name)
    .bind(new.phone)
    .bind(new.role)
    .fetch_one(conn)
    .await
}

/// One account, if visible in the transaction's context.
pub async fn get_user(conn: &mut PgConnection, id: Uuid) -> Result<Option<User>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {USER_COLUMNS} FROM users WHERE id = $1 AND deleted_at IS NULL"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// Profile fields a user may change; None keeps the value.
pub struct ProfilePatch<'a> {
    /// First name.
    pub first_name: Option<&'a str>,
    /// Last name.
    pub last_name: Option<&'a str>,
    /// Phone.
    pub phone: Option<&'a str>,
    /// Notification preferences (merged into the current ones).
    pub notification_prefs: Option<&'a serde_json::Value>,
}

/// Updates the profile of `id`.
pub async fn update_profile(
    conn: &mut PgConnection,
    id: Uuid,
    patch: &ProfilePatch<'_>,
) -> Result<Option<User>, sqlx::Error> {
    sqlx::query_as(&format!(
        "UPDATE users SET first_name = coalesce($2, first_name), last_name = coalesce($3, last_name),
                phone = coalesce($4, phone),
                notification_prefs = notification_prefs || coalesce($5, '{{}}'::jsonb)
         WHERE id = $1 AND deleted_at IS NULL RETURNING {USER_COLUMNS}"
    ))
    .bind(id)
    .bind(patch.first_name)
    .bind(patch.last_name)
    .bind(patch.phone)
    .bind(patch.notification_prefs)
    .fetch_optional(conn)
    .await
}

/// Records a successful login.
pub async fn touch_login(conn: &mut PgConnection, id: Uuid) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET last_login_at = now() WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await
        .map(drop)
}

/// Stores a refresh token (by hash) valid for `ttl_days`.
pub async fn insert_refresh(
    conn: &mut PgConnection,
    tenant_id: Option<Uuid>,
    user_id: Uuid,
    family_id: Uuid,
    parent_id: Option<Uuid>,
    hash: &str,
    ttl_days: i32,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO refresh_tokens (tenant_id, user_id, family_id, parent_id, token_hash, expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6))",
    )
    .bind(tenant_id)
    .bind(user_id)
    .bind(family_id)
    .bind(parent_id)
    .bind(hash)
    .bind(ttl_days)
    .execute(conn)
    .await
    .map(drop)
}

/// Finds a refresh token by hash, across tenants (SECURITY DEFINER `auth_find_refresh`).
pub async fn find_refresh(pool: &PgPool, hash: &str) -> Result<Option<RefreshRef>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM auth_find_refresh($1)")
        .bind(hash)
        .fetch_optional(pool)
        .await
}

/// What happened when a refresh token was presented.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Consumed {
    /// First use of a live token: it is now spent.
    Fresh,
    /// The token was already spent: a replay.
    Reused,
    /// Revoked or expired.
    Dead,
}

/// Spends the refresh token `id` (row-locked, so two concurrent uses cannot both succeed).
pub async fn consume_refresh(conn: &mut PgConnection, id: Uuid) -> Result<Consumed, sqlx::Error> {
    let row: Option<(bool, bool, bool)> = sqlx::query_as(
        "SELECT used_at IS NOT NULL, revoked_at IS NOT NULL, expires_at <= now()
         FROM refresh_tokens WHERE id = $1 FOR UPDATE",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(match row {
        None => Consumed::Dead,
        Some((true, _, _)) => Consumed::Reused,
        Some((false, true, _)) | Some((false, false, true)) => Consumed::Dead,
        Some((false, false, false)) => {
            sqlx::query("UPDATE refresh_tokens SET used_at = now() WHERE id = $1")
                .bind(id)
                .execute(conn)
                .await?;
            Consumed::Fresh
        }
    })
}

/// Revokes every token of a family (session), with a reason.
pub async fn revoke_family(
    conn: &mut PgConnection,
    family_id: Uuid,
    reason: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE refresh_tokens SET revoked_at = now(), revoked_reason = $2,
                reuse_detected_at = CASE WHEN $2 = 'reuse_detected' THEN now() END
         WHERE family_id = $1 AND revoked_at IS NULL",
    )
    .bind(family_id)
    .bind(reason)
    .execute(conn)
    .await
    .map(drop)
}

/// Whether session `family_id` is revoked, with the agency and centre of `user_id`; `None`
/// when the user is gone.
pub async fn session_state(
    conn: &mut PgConnection,
    family_id: Uuid,
    user_id: Uuid,
) -> Result<Option<(bool, Option<Uuid>, Option<Uuid>)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT EXISTS (SELECT 1 FROM refresh_tokens WHERE family_id = $1 AND revoked_at IS NOT NULL), \
         u.agency_id, u.centre_id FROM users u WHERE u.id = $2 AND u.status = 'active'",
    )
    .bind(family_id)
    .bind(user_id)
    .fetch_optional(conn)
    .await
}
