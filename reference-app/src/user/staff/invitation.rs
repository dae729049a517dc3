//! Invitations, the way into an account an admin created: the worker draws an invitation's
//! one-time token when it sends the e-mail ([`issue`]; only the token's SHA-256 is stored),
//! and the invited person chooses a password with it ([`set_password`]), which activates the
//! account and signs them in.

use chrono::{DateTime, Utc};
use pti_core::model::TenantId;
use pti_core::policy::{Resource, Role};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::repo;
use super::views::StaffUser;
use crate::audit::{self, Actor, Entry, Origin};
use crate::auth::{Jwt, password, tokens};
use crate::db::{ContextRole, TenantContext, tenant_tx};
use crate::domain::{AccountStatus, Password};
use crate::error::{Error, Result};
use crate::user::repo::{get_user, touch_login};
use crate::user::service::issue;
use crate::user::views::Tokens;

/// How long an invitation lives, in hours.
pub const INVITATION_TTL_HOURS: i32 = 72;
/// The outbox event of an invitation (its aggregate is the invitation; its payload names the
/// portal the link opens, `portal_url`).
pub const INVITED_EVENT: &str = "user.invited";

/// An invitation ready to send, with its fresh token.
#[derive(Clone, Debug)]
pub struct Issued {
    /// The invited address.
    pub email: String,
    /// The invited person's first name.
    pub first_name: String,
    /// The role given.
    pub role: Role,
    /// The network's name.
    pub network: String,
    /// When the invitation ends.
    pub expires_at: DateTime<Utc>,
    /// The one-time token for the link (never stored).
    pub token: String,
}

/// Draws a new token for invitation `id` and stores its hash, in the caller's transaction
/// (the worker's); `None` when the invitation can no longer be used (used, expired, or the
/// account no longer invited).
pub async fn issue_token(conn: &mut PgConnection, id: Uuid) -> Result<Option<Issued>> {
    let Some(pending) = repo::pending_invitation(conn, id).await? else {
        return Ok(None);
    };
    let token = tokens::new_token();
    repo::set_token_hash(conn, id, &tokens::token_hash(&token)).await?;
    Ok(Some(Issued {
        email: pending.email,
        first_name: pending.first_name,
        role: pending.role.0,
        network: pending.network,
        expires_at: pending.expires_at,
        token,
    }))
}

/// 422 `INVALID_TOKEN` naming `token`.
fn invalid_token() -> Error {
    Error::Unprocessable {
        code: "INVALID_TOKEN",
        message: "this invitation is unknown, used or expired".to_owned(),
        details: serde_json::json!({ "field": "token", "reason": "unknown, used or expired" }),
    }
}

/// Sets the password of the account invited with `token`, activates it and signs its holder
/// in; the token then stops working (as do the account's other invitations).
pub async fn set_password(
    db: &PgPool,
    jwt: &Jwt,
    origin: &Origin,
    token: &str,
    new_password: Password,
) -> Result<Tokens> {
    let found = repo::find_invitation(db, &tokens::token_hash(token.trim()))
        .await?
        .ok_or_else(invalid_token)?;
    let hash = password::hash(new_password.into_inner()).await?;
    let ctx = TenantContext::tenant(TenantId(found.tenant_id), ContextRole::Auth);
    let mut tx = tenant_tx(db, &ctx).await?;
    if !repo::spend_invitation(&mut tx, found.id, found.user_id).await? {
        return Err(invalid_token());
    }
    let row = repo::activate(&mut tx, found.user_id, &hash)
        .await?
        .ok_or_else(invalid_token)?;
    let after = StaffUser::from(&row);
    let before = StaffUser {
        status: AccountStatus::Invited,
        ..after.clone()
    };
    let entry = Entry {
        tenant_id: found.tenant_id,
        action: "user.set_password",
        resource: Resource::User,
        resource_id: row.id,
        before: Some(&before.audited()),
        after: &after.audited(),
    };
    let actor = Actor {
        id: row.id,
        role: row.role.0,
    };
    audit::record(&mut tx, actor, origin, &entry).await?;
    touch_login(&mut tx, row.id).await?;
    let user = get_user(&mut tx, row.id).await?.ok_or_else(invalid_token)?;
    let mut tokens = issue(&mut tx, jwt, &user, Uuid::new_v4(), None).await?;
    tx.commit().await?;
    tokens.user = Some(user.into());
    Ok(tokens)
}
