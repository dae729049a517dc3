//! Authentication: RS256 access tokens, rotating refresh tokens, argon2id passwords, and the
//! [`Principal`] extractor every protected route takes.

pub mod jwt;
pub mod password;
pub mod revocation;

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use pti_core::Coded;
use pti_core::model::{AgencyId, CentreId, TenantId, UserId};
use pti_core::policy::{self, Action, ResourceRef};
use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::db::{TenantContext, tenant_tx};
use crate::error::Error;
use crate::http::AppState;
use crate::user::repo;

pub use jwt::{Claims, Jwt};

/// Lifetime of a refresh token, in days.
pub const REFRESH_TTL_DAYS: i32 = 30;

/// The authenticated caller of a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Principal {
    /// The user.
    pub user_id: Uuid,
    /// The user's tenant (None for the super admin).
    pub tenant_id: Option<TenantId>,
    /// Role code.
    pub role: String,
    /// Session (refresh-token family).
    pub session_id: Uuid,
    /// The agency the user is attached to (ADMIN_AGENCE).
    pub agency_id: Option<Uuid>,
    /// The centre the user is attached to (ADMIN_CT, CONTROLEUR).
    pub centre_id: Option<Uuid>,
}

impl Principal {
    /// This caller as `pti_core::policy` sees it.
    pub fn policy(&self) -> Result<policy::Principal, Error> {
        let role: policy::Role = crate::codes::parse(&self.role).ok_or(Error::Forbidden)?;
        policy::Principal::new(policy::PrincipalFields {
            role: Some(role),
            user_id: Some(UserId(self.user_id)),
            tenant_id: self.tenant_id,
            agency_id: self.agency_id.map(AgencyId),
            centre_id: self.centre_id.map(CentreId),
            grants: Vec::new(),
        })
        .map_err(|_| Error::Forbidden)
    }

    /// Whether this caller may perform `action` on `resource` (`pti_core::policy::authorize`);
    /// a refusal answers 403 with the policy's code.
    pub fn authorize(&self, action: Action, resource: &ResourceRef) -> Result<(), Error> {
        policy::authorize(&self.policy()?, action, resource).map_err(|e| Error::Denied {
            code: e.code(),
            message: e.to_string(),
        })
    }

    /// The database context of this caller.
    pub fn context(&self) -> TenantContext {
        TenantContext {
            tenant_id: self.tenant_id,
            role: self.role.clone(),
        }
    }
}

impl FromRequestParts<AppState> for Principal {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        let token = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or(Error::Unauthorized)?;
        let claims = state.jwt.verify(token.trim()).ok_or(Error::Unauthorized)?;
        let principal = Principal {
            user_id: claims.sub,
            tenant_id: claims.tid.map(TenantId),
            role: claims.role,
            session_id: claims.sid,
            agency_id: claims.aid,
            centre_id: claims.cid,
        };
        // Logout and refresh-token reuse revoke the session, and with it its access tokens:
        // with Redis, one key lookup; otherwise (or when Redis fails) PostgreSQL.
        match revocation::is_revoked(state, principal.session_id).await {
            Some(true) => return Err(Error::Unauthorized),
            Some(false) => return Ok(principal),
            None => {}
        }
        let mut tx = tenant_tx(&state.db, &principal.context()).await?;
        let session = repo::session_state(&mut tx, principal.session_id, principal.user_id).await?;
        tx.commit().await?;
        match session {
            Some((false, agency_id, centre_id)) => Ok(Principal {
                agency_id,
                centre_id,
                ..principal
            }),
            _ => Err(Error::Unauthorized),
        }
    }
}

/// The caller when the request carries a bearer token, `None` for an anonymous request; a
/// token that does not verify is refused rather than ignored.
#[derive(Clone, Debug)]
pub struct MaybePrincipal(pub Option<Principal>);

impl FromRequestParts<AppState> for MaybePrincipal {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        if parts.headers.get(AUTHORIZATION).is_none() {
            return Ok(Self(None));
        }
        Principal::from_request_parts(parts, state)
            .await
            .map(|p| Self(Some(p)))
    }
}

/// A fresh opaque refresh token (256 random bits, hex).
pub fn new_refresh_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex(&bytes)
}

/// SHA-256 of a token, hex: what the database stores.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refresh_tokens_are_random_and_stored_hashed() {
        let (a, b) = (new_refresh_token(), new_refresh_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
        assert_eq!(token_hash(&a), token_hash(&a));
    }
}
