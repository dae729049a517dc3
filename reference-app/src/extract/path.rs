//! Path parameters: [`ApiPath`] refuses a malformed one with 422; [`PathId`] reads the id of
//! a resource, where text that is not a UUID names nothing (404, as an unknown id).

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::error::Error;

/// Like `axum::extract::Path`, but a malformed parameter answers 422 `VALIDATION` naming it.
#[derive(Debug, Clone, Copy)]
pub struct ApiPath<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for ApiPath<T> {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Error> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(p)| Self(p))
            .map_err(|_| Error::validation("id", "not a UUID"))
    }
}

/// The id of the resource a path names; one that is not a UUID is answered 404.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PathId(pub Uuid);

impl<S: Send + Sync> FromRequestParts<S> for PathId {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Error> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| Error::NotFound)?;
        Uuid::parse_str(&raw).map(Self).map_err(|_| Error::NotFound)
    }
}
