//! Use cases of the user service: sign-up, login, token rotation, logout, the caller's profile,
//! saved vehicles and notification preferences.

use pti_core::model::{Fuel, Plate, TenantId, UserId, VehicleCategory};
use pti_core::policy::{Action, Resource, ResourceRef, Role};
use serde_json::Value;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::repo::{self, Consumed, NewRefresh, Revocation, UserRow};
use super::sessions::Sessions;
use super::views::{Prefs, Tokens, User, VehicleView};
use crate::auth::{Jwt, Principal, jwt, password, tokens};
use crate::db::{ContextRole, OnConstraint, TenantContext, tenant_tx};
use crate::domain::{Email, Password, PersonName, Phone};
use crate::error::{Error, Result};
use crate::extract::TENANT_HEADER;

/// Lifetime of a refresh token, in days.
pub const REFRESH_TTL_DAYS: i32 = 30;

/// A client signing up.
pub struct Registration {
    /// E-mail.
    pub email: Email,
    /// Password.
    pub password: Password,
    /// First name.
    pub first_name: PersonName,
    /// Last name.
    pub last_name: PersonName,
    /// Phone.
    pub phone: Option<Phone>,
}

/// Signs a client up in `tenant` and signs them in.
pub async fn register(db: &PgPool, jwt: &Jwt, tenant: Uuid, input: Registration) -> Result<Tokens> {
    let hash = password::hash(input.password.into_inner()).await?;
    let mut tx = tenant_tx(db, &TenantContext::of(Some(TenantId(tenant)), Role::Client)).await?;
    let new = repo::NewUser {
        tenant_id: tenant,
        email: input.email.as_str(),
        password_hash: &hash,
        first_name: input.first_name.as_str(),
        last_name: input.last_name.as_str(),
        phone: input.phone.as_ref().map(Phone::as_str),
        role: Role::Client,
    };
    let user = repo::insert_user(&mut tx, &new)
        .await
        .on_constraint(repo::EMAIL_KEY, || {
            Error::conflict("EMAIL_TAKEN", "an account already uses this e-mail")
        })?;
    let mut tokens = issue(&mut tx, jwt, &user, Uuid::new_v4(), None).await?;
    tx.commit().await?;
    tokens.user = Some(user.into());
    Ok(tokens)
}

/// Signs in with an e-mail and password (`tenant` when the request names a network).
pub async fn login(
    db: &PgPool,
    jwt: &Jwt,
    tenant: Option<Uuid>,
    email: &str,
    password: String,
) -> Result<Tokens> {
    let candidates = repo::find_login(db, &email.trim().to_lowercase(), tenant).await?;
    let candidate = match candidates.as_slice() {
        [one] => one.clone(),
        [] => {
            // Same argon2 work as a real check, so timing does not reveal unknown e-mails.
            let _ = password::hash(password).await;
            return Err(Error::Unauthorized);
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
        return Err(Error::Unauthorized);
    };
    if !password::verify(password, hash).await || candidate.status != "active" {
        return Err(Error::Unauthorized);
    }
    let ctx = TenantContext::of(candidate.tenant_id.map(TenantId), candidate.role.0);
    let mut tx = tenant_tx(db, &ctx).await?;
    repo::touch_login(&mut tx, candidate.id).await?;
    let user = repo::get_user(&mut tx, candidate.id)
        .await?
        .ok_or(Error::Unauthorized)?;
    let mut tokens = issue(&mut tx, jwt, &user, Uuid::new_v4(), None).await?;
    tokens.user = Some(user.into());
    tx.commit().await?;
    Ok(tokens)
}

/// Rotates a refresh token; presenting a spent one again revokes the whole session.
pub async fn refresh(
    db: &PgPool,
    jwt: &Jwt,
    sessions: &Sessions,
    refresh_token: &str,
) -> Result<Tokens> {
    let found = repo::find_refresh(db, &tokens::token_hash(refresh_token))
        .await?
        .ok_or(Error::Unauthorized)?;
    let ctx = match found.tenant_id {
        Some(tenant) => TenantContext::tenant(TenantId(tenant), ContextRole::Auth),
        None => TenantContext::super_admin(),
    };
    let mut tx = tenant_tx(db, &ctx).await?;
    match repo::consume_refresh(&mut tx, found.id).await? {
        Consumed::Fresh => {}
        Consumed::Reused => {
            tracing::warn!(family = %found.family_id, "refresh token reused: session revoked");
            repo::revoke_family(&mut tx, found.family_id, Revocation::ReuseDetected).await?;
            tx.commit().await?;
            sessions.revoke(found.family_id).await;
            return Err(Error::Unauthorized);
        }
        Consumed::Dead => return Err(Error::Unauthorized),
    }
    let user = repo::get_user(&mut tx, found.user_id)
        .await?
        .filter(|u| u.status == "active")
        .ok_or(Error::Unauthorized)?;
    let tokens = issue(&mut tx, jwt, &user, found.family_id, Some(found.id)).await?;
    tx.commit().await?;
    Ok(tokens)
}

/// Revokes the caller's session (its access and refresh tokens).
pub async fn logout(db: &PgPool, sessions: &Sessions, principal: &Principal) -> Result<()> {
    let mut tx = tenant_tx(db, &principal.context()).await?;
    repo::revoke_family(&mut tx, principal.session_id, Revocation::Logout).await?;
    tx.commit().await?;
    sessions.revoke(principal.session_id).await;
    Ok(())
}

/// Stores a new refresh token of `family` and signs an access token bound to it.
pub(super) async fn issue(
    conn: &mut PgConnection,
    jwt: &Jwt,
    user: &UserRow,
    family: Uuid,
    parent: Option<Uuid>,
) -> Result<Tokens> {
    let refresh_token = tokens::new_token();
    repo::insert_refresh(
        conn,
        &NewRefresh {
            tenant_id: user.tenant_id,
            user_id: user.id,
            family_id: family,
            parent_id: parent,
            hash: &tokens::token_hash(&refresh_token),
            ttl_days: REFRESH_TTL_DAYS,
        },
    )
    .await?;
    let claims = Jwt::claims(
        user.id,
        user.tenant_id,
        user.role.0,
        family,
        jwt::now_unix(),
    )
    .attached(user.agency_id, user.centre_id);
    Ok(Tokens {
        access_token: jwt.sign(&claims)?,
        refresh_token,
        token_type: "Bearer",
        expires_in: jwt::ACCESS_TTL_SECS,
        user: None,
    })
}

/// The signed-in user.
pub async fn me(db: &PgPool, principal: &Principal) -> Result<User> {
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let user = repo::get_user(&mut tx, principal.user_id)
        .await?
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    Ok(user.into())
}

/// Profile fields to change; `None` keeps the value.
pub struct ProfileChange {
    /// First name.
    pub first_name: Option<PersonName>,
    /// Last name.
    pub last_name: Option<PersonName>,
    /// Phone.
    pub phone: Option<Phone>,
    /// Notification preferences merged into the current ones (an object).
    pub notification_prefs: Option<Value>,
}

/// Changes the signed-in user's profile.
pub async fn update_me(db: &PgPool, principal: &Principal, change: ProfileChange) -> Result<User> {
    let patch = repo::ProfilePatch {
        first_name: change.first_name.as_ref().map(PersonName::as_str),
        last_name: change.last_name.as_ref().map(PersonName::as_str),
        phone: change.phone.as_ref().map(Phone::as_str),
        notification_prefs: change.notification_prefs.as_ref(),
    };
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let user = repo::update_profile(&mut tx, principal.user_id, &patch)
        .await?
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    Ok(user.into())
}

/// Refuses `action` on the caller's own `kind` (vehicles, notifications) when the policy does.
fn own(principal: &Principal, kind: Resource, action: Action) -> Result<()> {
    principal.authorize(
        action,
        &ResourceRef {
            kind,
            tenant_id: principal.tenant_id,
            agency_id: None,
            centre_id: None,
            owner_id: Some(UserId(principal.user_id)),
        },
    )
}

/// A vehicle as a client saves it.
pub struct VehicleInput {
    /// Plate.
    pub plate: Plate,
    /// Category.
    pub category: VehicleCategory,
    /// Fuel.
    pub fuel: Fuel,
    /// Make.
    pub make: Option<String>,
    /// Model.
    pub model: Option<String>,
    /// Year of first registration.
    pub year: Option<i16>,
}

impl VehicleInput {
    fn fields<'a>(&'a self, compact: &'a str) -> repo::VehicleFields<'a> {
        repo::VehicleFields {
            plate: self.plate.as_str(),
            plate_normalized: compact,
            category: self.category,
            fuel: self.fuel,
            make: self.make.as_deref(),
            model: self.model.as_deref(),
            year: self.year,
        }
    }
}

/// 409 `VEHICLE_EXISTS`.
fn vehicle_exists() -> Error {
    Error::conflict("VEHICLE_EXISTS", "this vehicle is already in your profile")
}

/// The caller's saved vehicles, oldest first.
pub async fn vehicles(db: &PgPool, principal: &Principal) -> Result<Vec<VehicleView>> {
    own(principal, Resource::Vehicle, Action::Read)?;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let rows = repo::vehicles(&mut tx, principal.user_id).await?;
    tx.commit().await?;
    Ok(rows.into_iter().map(VehicleView::from).collect())
}

/// Saves a vehicle for the caller.
pub async fn add_vehicle(
    db: &PgPool,
    principal: &Principal,
    input: VehicleInput,
) -> Result<VehicleView> {
    own(principal, Resource::Vehicle, Action::Create)?;
    let tenant = principal.tenant_id.ok_or(Error::Forbidden)?;
    let compact = input.plate.compact();
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let row = repo::insert_vehicle(
        &mut tx,
        tenant.0,
        principal.user_id,
        &input.fields(&compact),
    )
    .await
    .on_constraint(repo::PLATE_KEY, vehicle_exists)?;
    tx.commit().await?;
    Ok(row.into())
}

/// Changes a saved vehicle of the caller.
pub async fn update_vehicle(
    db: &PgPool,
    principal: &Principal,
    id: Uuid,
    input: VehicleInput,
) -> Result<VehicleView> {
    own(principal, Resource::Vehicle, Action::Update)?;
    let compact = input.plate.compact();
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let row = repo::update_vehicle(&mut tx, principal.user_id, id, &input.fields(&compact))
        .await
        .on_constraint(repo::PLATE_KEY, vehicle_exists)?
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    Ok(row.into())
}

/// Forgets a saved vehicle of the caller.
pub async fn remove_vehicle(db: &PgPool, principal: &Principal, id: Uuid) -> Result<()> {
    own(principal, Resource::Vehicle, Action::Delete)?;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let removed = repo::delete_vehicle(&mut tx, principal.user_id, id).await?;
    tx.commit().await?;
    if removed {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

/// The id of vehicle `id` when `user` owns it, in the caller's transaction.
pub async fn owned_vehicle(conn: &mut PgConnection, user: Uuid, id: Uuid) -> Result<Option<Uuid>> {
    Ok(repo::owned_vehicle(conn, user, id).await?)
}

/// The notification preferences of `user`, in the caller's transaction (the worker's).
pub async fn prefs_of(conn: &mut PgConnection, user: Uuid) -> Result<Option<Value>> {
    Ok(repo::prefs(conn, user).await?)
}

/// The caller's notification preferences.
pub async fn prefs(db: &PgPool, principal: &Principal) -> Result<Value> {
    own(principal, Resource::Notification, Action::Read)?;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let prefs = repo::prefs(&mut tx, principal.user_id)
        .await?
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    Ok(prefs)
}

/// Replaces the caller's notification preferences.
pub async fn set_prefs(db: &PgPool, principal: &Principal, prefs: &Prefs) -> Result<Value> {
    own(principal, Resource::Notification, Action::Update)?;
    let value = serde_json::to_value(prefs).map_err(anyhow::Error::from)?;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let stored = repo::set_prefs(&mut tx, principal.user_id, &value).await?;
    tx.commit().await?;
    Ok(stored)
}
