//! [`Caller`]: who calls a booking route — its guest (the token given at booking, header
//! `X-Rdv-Token` or `?token=`), a signed-in user, or both.

use std::sync::Arc;

use axum::extract::{FromRef, FromRequestParts};
use axum::http::request::Parts;
use sqlx::PgPool;

use super::MaybePrincipal;
use crate::auth::{Jwt, Principal};
use crate::error::Error;
use crate::user::sessions::Sessions;

/// Header carrying a guest's booking token.
pub const TOKEN_HEADER: &str = "x-rdv-token";

/// The caller of a booking route: at least a guest token or a signed-in user (401 otherwise).
#[derive(Clone, Debug)]
pub struct Caller {
    /// The guest token sent, if any.
    pub token: Option<String>,
    /// The signed-in caller, if any.
    pub principal: Option<Principal>,
}

impl<S> FromRequestParts<S> for Caller
where
    S: Send + Sync,
    Arc<Jwt>: FromRef<S>,
    Sessions: FromRef<S>,
    PgPool: FromRef<S>,
{
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Error> {
        let header = parts
            .headers
            .get(TOKEN_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let query = parts.uri.query().and_then(|q| {
            q.split('&')
                .filter_map(|kv| kv.split_once('='))
                .find(|(k, _)| *k == "token")
                .map(|(_, v)| v.to_owned())
        });
        let token = header.or(query).filter(|t| !t.is_empty());
        let MaybePrincipal(principal) = MaybePrincipal::from_request_parts(parts, state).await?;
        if token.is_none() && principal.is_none() {
            return Err(Error::Unauthorized);
        }
        Ok(Self { token, principal })
    }
}
