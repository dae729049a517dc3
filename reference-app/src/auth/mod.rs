//! Authentication: RS256 access tokens, rotating refresh tokens, argon2id passwords, and the
//! [`Principal`] extractor every protected route takes.

pub mod jwt;
pub mod password;

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use pti_core::model::TenantId;
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
}

impl Principal {
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
        };
        // Logout and refresh-token reuse revoke the session, and with it its access tokens.
        let mut tx = tenant_tx(&state.db, &principal.context()).await?;
        if repo::session_revoked(&mut tx, principal.session_id).await? {
            return Err(Error::Unauthorized);
        }
        tx.commit().await?;
        Ok(principal)
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
