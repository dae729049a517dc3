//! The answer of a creating request that may be a retry: 201 with what it created, or 200
//! with what the first request under the same `Idempotency-Key` created.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// A resource created by this request, or by an earlier one with the same idempotency key.
#[derive(Debug)]
pub enum Created<T> {
    /// Created by this request (201).
    New(T),
    /// Created earlier under this idempotency key (200).
    Replayed(T),
}

impl<T: Serialize> IntoResponse for Created<T> {
    fn into_response(self) -> Response {
        match self {
            Created::New(body) => (StatusCode::CREATED, Json(body)).into_response(),
            Created::Replayed(body) => (StatusCode::OK, Json(body)).into_response(),
        }
    }
}
