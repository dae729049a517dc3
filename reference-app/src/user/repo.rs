//! SQL of the user service: accounts, logins, refresh tokens, saved vehicles and notification
//! preferences. Row-level security limits every query to the transaction's tenant, except the
//! `auth_find_*` lookups (SECURITY DEFINER, returning only what authentication needs).

use chrono::{DateTime, Utc};
use pti_core::model::{Fuel, VehicleCategory};
use pti_core::policy::Role;
use serde_json::Value;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::db::Code;

/// An account as stored (never with its password hash).
#[derive(Clone, Debug)]
pub struct UserRow {
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
    /// Role.
    pub role: Code<Role>,
    /// The agency the user works for.
    pub agency_id: Option<Uuid>,
    /// The centre the user works at.
    pub centre_id: Option<Uuid>,
    /// Notification preferences.
    pub notification_prefs: Value,
    /// Account status.
    pub status: String,
    /// Creation time.
    pub created_at: DateTime<Utc>,
}

/// An account matching a login e-mail.
#[derive(Clone, Debug)]
pub struct LoginCandidate {
    /// User id.
    pub id: Uuid,
    /// Tenant.
    pub tenant_id: Option<Uuid>,
    /// Role.
    pub role: Code<Role>,
    /// argon2id PHC string.
    pub password_hash: Option<String>,
    /// Account status.
    pub status: String,
}

/// A refresh token found by hash.
#[derive(Clone, Debug)]
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

/// Accounts with `email` (in `tenant` plus platform accounts, or anywhere when None).
pub async fn find_login(
    pool: &PgPool,
    email: &str,
    tenant: Option<Uuid>,
) -> sqlx::Result<Vec<LoginCandidate>> {
    sqlx::query_as!(
        LoginCandidate,
        r#"SELECT id AS "id!", tenant_id, role AS "role!: Code<Role>", password_hash,
           status AS "status!" FROM auth_find_login($1, $2)"#,
        email,
        tenant
    )
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
    /// Role.
    pub role: Role,
}

/// The unique index on a tenant's e-mails.
pub const EMAIL_KEY: &str = "users_tenant_email_key";

/// Inserts an account (a taken e-mail violates [`EMAIL_KEY`]).
pub async fn insert_user(conn: &mut PgConnection, new: &NewUser<'_>) -> sqlx::Result<UserRow> {
    sqlx::query_as!(
        UserRow,
        r#"INSERT INTO users (tenant_id, email, password_hash, first_name, last_name, phone, role)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           RETURNING id, tenant_id, email, phone, first_name, last_name, role AS "role: Code<Role>",
           agency_id, centre_id, notification_prefs, status, created_at"#,
        new.tenant_id,
        new.email,
        new.password_hash,
        new.first_name,
        new.last_name,
        new.phone,
        new.role.code(),
    )
    .fetch_one(conn)
    .await
}

/// One account, if visible in the transaction's context.
pub async fn get_user(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<UserRow>> {
    sqlx::query_as!(
        UserRow,
        r#"SELECT id, tenant_id, email, phone, first_name, last_name, role AS "role: Code<Role>",
           agency_id, centre_id, notification_prefs, status, created_at
           FROM users WHERE id = $1 AND deleted_at IS NULL"#,
        id
    )
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
    pub notification_prefs: Option<&'a Value>,
}

/// Updates the profile of `id`.
pub async fn update_profile(
    conn: &mut PgConnection,
    id: Uuid,
    patch: &ProfilePatch<'_>,
) -> sqlx::Result<Option<UserRow>> {
    sqlx::query_as!(
        UserRow,
        r#"UPDATE users SET first_name = coalesce($2, first_name),
           last_name = coalesce($3, last_name), phone = coalesce($4, phone),
           notification_prefs = notification_prefs || coalesce($5, '{}'::jsonb)
           WHERE id = $1 AND deleted_at IS NULL
           RETURNING id, tenant_id, email, phone, first_name, last_name, role AS "role: Code<Role>",
           agency_id, centre_id, notification_prefs, status, created_at"#,
        id,
        patch.first_name,
        patch.last_name,
        patch.phone,
        patch.notification_prefs,
    )
    .fetch_optional(conn)
    .await
}

/// Records a successful login.
pub async fn touch_login(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<()> {
    sqlx::query!("UPDATE users SET last_login_at = now() WHERE id = $1", id)
        .execute(conn)
        .await
        .map(drop)
}

/// A refresh token to store.
pub struct NewRefresh<'a> {
    /// Tenant (None for the platform).
    pub tenant_id: Option<Uuid>,
    /// User.
    pub user_id: Uuid,
    /// Session.
    pub family_id: Uuid,
    /// The token it replaces.
    pub parent_id: Option<Uuid>,
    /// SHA-256 of the token.
    pub hash: &'a str,
    /// Days it lives.
    pub ttl_days: i32,
}

/// Stores a refresh token (by hash).
pub async fn insert_refresh(conn: &mut PgConnection, new: &NewRefresh<'_>) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO refresh_tokens (tenant_id, user_id, family_id, parent_id, token_hash, expires_at) \
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6))",
        new.tenant_id,
        new.user_id,
        new.family_id,
        new.parent_id,
        new.hash,
        new.ttl_days,
    )
    .execute(conn)
    .await
    .map(drop)
}

/// Finds a refresh token by hash, across tenants.
pub async fn find_refresh(pool: &PgPool, hash: &str) -> sqlx::Result<Option<RefreshRef>> {
    sqlx::query_as!(
        RefreshRef,
        r#"SELECT id AS "id!", tenant_id, user_id AS "user_id!", family_id AS "family_id!"
           FROM auth_find_refresh($1)"#,
        hash
    )
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
pub async fn consume_refresh(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Consumed> {
    let row = sqlx::query!(
        r#"SELECT used_at IS NOT NULL AS "used!", revoked_at IS NOT NULL AS "revoked!",
           expires_at <= now() AS "expired!" FROM refresh_tokens WHERE id = $1 FOR UPDATE"#,
        id
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(match row {
        None => Consumed::Dead,
        Some(r) if r.used => Consumed::Reused,
        Some(r) if r.revoked || r.expired => Consumed::Dead,
        Some(_) => {
            sqlx::query!(
                "UPDATE refresh_tokens SET used_at = now() WHERE id = $1",
                id
            )
            .execute(conn)
            .await?;
            Consumed::Fresh
        }
    })
}

/// Why a session was revoked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Revocation {
    /// The user signed out.
    Logout,
    /// A spent refresh token was presented again.
    ReuseDetected,
}

/// Revokes every token of a family (session).
pub async fn revoke_family(
    conn: &mut PgConnection,
    family_id: Uuid,
    why: Revocation,
) -> sqlx::Result<()> {
    let reason = match why {
        Revocation::Logout => "logout",
        Revocation::ReuseDetected => "reuse_detected",
    };
    sqlx::query!(
        "UPDATE refresh_tokens SET revoked_at = now(), revoked_reason = $2, \
         reuse_detected_at = CASE WHEN $2 = 'reuse_detected' THEN now() END \
         WHERE family_id = $1 AND revoked_at IS NULL",
        family_id,
        reason,
    )
    .execute(conn)
    .await
    .map(drop)
}

/// Revokes every live refresh token of `user_id` (an admin ended its access); the sessions
/// (families) revoked.
pub async fn revoke_user(conn: &mut PgConnection, user_id: Uuid) -> sqlx::Result<Vec<Uuid>> {
    let mut families = sqlx::query_scalar!(
        "UPDATE refresh_tokens SET revoked_at = now(), revoked_reason = 'admin' \
         WHERE user_id = $1 AND revoked_at IS NULL RETURNING family_id",
        user_id
    )
    .fetch_all(conn)
    .await?;
    families.sort_unstable();
    families.dedup();
    Ok(families)
}

/// A session as the access check sees it.
pub struct SessionState {
    /// Whether the session was revoked.
    pub revoked: bool,
    /// The user's agency.
    pub agency_id: Option<Uuid>,
    /// The user's centre.
    pub centre_id: Option<Uuid>,
}

/// Whether session `family_id` is revoked, with the agency and centre of `user_id`; `None`
/// when the user is gone or not active.
pub async fn session_state(
    conn: &mut PgConnection,
    family_id: Uuid,
    user_id: Uuid,
) -> sqlx::Result<Option<SessionState>> {
    sqlx::query_as!(
        SessionState,
        r#"SELECT EXISTS (SELECT 1 FROM refresh_tokens WHERE family_id = $1
           AND revoked_at IS NOT NULL) AS "revoked!", u.agency_id, u.centre_id
           FROM users u WHERE u.id = $2 AND u.status = 'active'"#,
        family_id,
        user_id
    )
    .fetch_optional(conn)
    .await
}

/// A saved vehicle as stored.
pub struct VehicleRow {
    /// Id.
    pub id: Uuid,
    /// Plate, canonical.
    pub plate: String,
    /// Category.
    pub category: Code<VehicleCategory>,
    /// Fuel.
    pub fuel: Code<Fuel>,
    /// Make.
    pub make: Option<String>,
    /// Model.
    pub model: Option<String>,
    /// Year of first registration.
    pub year: Option<i16>,
}

/// A vehicle's fields as written.
pub struct VehicleFields<'a> {
    /// Plate, canonical.
    pub plate: &'a str,
    /// Plate without separators.
    pub plate_normalized: &'a str,
    /// Category.
    pub category: VehicleCategory,
    /// Fuel.
    pub fuel: Fuel,
    /// Make.
    pub make: Option<&'a str>,
    /// Model.
    pub model: Option<&'a str>,
    /// Year.
    pub year: Option<i16>,
}

/// The unique key of a user's plates.
pub const PLATE_KEY: &str = "vehicles_tenant_id_user_id_plate_normalized_key";

/// The vehicles of `user`, oldest first.
pub async fn vehicles(conn: &mut PgConnection, user: Uuid) -> sqlx::Result<Vec<VehicleRow>> {
    sqlx::query_as!(
        VehicleRow,
        r#"SELECT id, plate, category AS "category: Code<VehicleCategory>", fuel AS "fuel: Code<Fuel>",
           make, model, year FROM vehicles WHERE user_id = $1 ORDER BY created_at"#,
        user
    )
    .fetch_all(conn)
    .await
}

/// The id of vehicle `id` when `user` owns it.
pub async fn owned_vehicle(
    conn: &mut PgConnection,
    user: Uuid,
    id: Uuid,
) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar!(
        "SELECT id FROM vehicles WHERE id = $1 AND user_id = $2",
        id,
        user
    )
    .fetch_optional(conn)
    .await
}

/// Saves a vehicle of `user` in `tenant` (a plate saved twice violates [`PLATE_KEY`]).
pub async fn insert_vehicle(
    conn: &mut PgConnection,
    tenant: Uuid,
    user: Uuid,
    v: &VehicleFields<'_>,
) -> sqlx::Result<VehicleRow> {
    sqlx::query_as!(
        VehicleRow,
        r#"INSERT INTO vehicles (tenant_id, user_id, plate, plate_normalized, category, fuel, make,
           model, year) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           RETURNING id, plate, category AS "category: Code<VehicleCategory>",
           fuel AS "fuel: Code<Fuel>", make, model, year"#,
        tenant,
        user,
        v.plate,
        v.plate_normalized,
        v.category.code(),
        v.fuel.code(),
        v.make,
        v.model,
        v.year,
    )
    .fetch_one(conn)
    .await
}

/// Changes vehicle `id` of `user`; `None` when there is no such vehicle.
pub async fn update_vehicle(
    conn: &mut PgConnection,
    user: Uuid,
    id: Uuid,
    v: &VehicleFields<'_>,
) -> sqlx::Result<Option<VehicleRow>> {
    sqlx::query_as!(
        VehicleRow,
        r#"UPDATE vehicles SET plate = $3, plate_normalized = $4, category = $5, fuel = $6,
           make = $7, model = $8, year = $9 WHERE id = $1 AND user_id = $2
           RETURNING id, plate, category AS "category: Code<VehicleCategory>",
           fuel AS "fuel: Code<Fuel>", make, model, year"#,
        id,
        user,
        v.plate,
        v.plate_normalized,
        v.category.code(),
        v.fuel.code(),
        v.make,
        v.model,
        v.year,
    )
    .fetch_optional(conn)
    .await
}

/// Forgets vehicle `id` of `user`; whether there was one.
pub async fn delete_vehicle(conn: &mut PgConnection, user: Uuid, id: Uuid) -> sqlx::Result<bool> {
    let done = sqlx::query!(
        "DELETE FROM vehicles WHERE id = $1 AND user_id = $2",
        id,
        user
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// The notification preferences of `user`, if the account is visible.
pub async fn prefs(conn: &mut PgConnection, user: Uuid) -> sqlx::Result<Option<Value>> {
    sqlx::query_scalar!("SELECT notification_prefs FROM users WHERE id = $1", user)
        .fetch_optional(conn)
        .await
}

/// Replaces the notification preferences of `user`.
pub async fn set_prefs(conn: &mut PgConnection, user: Uuid, prefs: &Value) -> sqlx::Result<Value> {
    sqlx::query_scalar!(
        "UPDATE users SET notification_prefs = $2 WHERE id = $1 RETURNING notification_prefs",
        user,
        prefs
    )
    .fetch_one(conn)
    .await
}
