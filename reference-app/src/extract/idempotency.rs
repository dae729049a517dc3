//! [`IdempotencyKey`]: the `Idempotency-Key` header that makes a retry safe.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::error::Error;

/// The header's name.
pub const HEADER: &str = "idempotency-key";

/// The `Idempotency-Key` header when sent (1 to 200 visible characters, else 422).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyKey(pub Option<String>);

impl IdempotencyKey {
    /// The key, or 400 `IDEMPOTENCY_KEY_REQUIRED` naming why it is needed.
    pub fn required(self, why: &str) -> Result<String, Error> {
        self.0.ok_or_else(|| Error::BadRequest {
            code: "IDEMPOTENCY_KEY_REQUIRED",
            message: format!("send an Idempotency-Key header to {why}"),
            details: serde_json::json!({ "field": "Idempotency-Key" }),
        })
    }
}

impl<S: Send + Sync> FromRequestParts<S> for IdempotencyKey {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Error> {
        let Some(value) = parts.headers.get(HEADER) else {
            return Ok(Self(None));
        };
        value
            .to_str()
            .ok()
            .map(str::trim)
            .filter(|k| !k.is_empty() && k.len() <= 200)
            .map(|k| Self(Some(k.to_owned())))
            .ok_or_else(|| Error::validation("Idempotency-Key", "1 to 200 visible characters"))
    }
}
