//! Who calls, from the bearer token: [`Principal`] requires one, [`MaybePrincipal`] admits
//! anonymous requests. A token must verify and its session still live (logout and refresh-token
//! reuse revoke it).

use axum::extract::{FromRef, FromRequestParts};
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use sqlx::PgPool;
use std::sync::Arc;

use crate::auth::{Jwt, Principal};
use crate::error::Error;
use crate::user::sessions::Sessions;

impl<S> FromRequestParts<S> for Principal
where
    S: Send + Sync,
    Arc<Jwt>: FromRef<S>,
    Sessions: FromRef<S>,
    PgPool: FromRef<S>,
{
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Error> {
        let token = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or(Error::Unauthorized)?;
        let principal = Arc::<Jwt>::from_ref(state)
            .verify(token.trim())
            .and_then(Principal::from_claims)
            .ok_or(Error::Unauthorized)?;
        Sessions::from_ref(state)
            .live(&PgPool::from_ref(state), principal)
            .await
    }
}

/// The caller when the request carries a bearer token, `None` for an anonymous request; a
/// token that does not verify is refused rather than ignored.
#[derive(Clone, Debug)]
pub struct MaybePrincipal(pub Option<Principal>);

impl<S> FromRequestParts<S> for MaybePrincipal
where
    S: Send + Sync,
    Arc<Jwt>: FromRef<S>,
    Sessions: FromRef<S>,
    PgPool: FromRef<S>,
{
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Error> {
        if parts.headers.get(AUTHORIZATION).is_none() {
            return Ok(Self(None));
        }
        Principal::from_request_parts(parts, state)
            .await
            .map(|p| Self(Some(p)))
    }
}
