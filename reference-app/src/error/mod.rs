//! The one error type of the HTTP layer. Each variant maps to a status and a stable machine
//! code; the JSON body is always `{code, message, details}`. Database and internal errors are
//! logged and answered as `INTERNAL`, never shown.

mod details;

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use pti_core::availability::AvailabilityError;
use pti_core::rules::{RuleError, RuleFacts};
use pti_core::search::SearchError;
use serde::Serialize;
use serde_json::Value;

/// A refusal of the engine: a stable code, a message and the facts behind it.
pub trait Refusal: pti_core::Coded + std::fmt::Display {
    /// What the refusal is about (dates, limits, the booking concerned).
    fn facts(&self) -> RuleFacts;
}

impl Refusal for RuleError {
    fn facts(&self) -> RuleFacts {
        RuleError::facts(self)
    }
}

impl Refusal for AvailabilityError {
    fn facts(&self) -> RuleFacts {
        AvailabilityError::facts(self)
    }
}

impl Refusal for SearchError {
    fn facts(&self) -> RuleFacts {
        SearchError::facts(self)
    }
}

/// Name of the exclusion constraint that forbids double bookings of an inspector.
pub const DOUBLE_BOOKING_CONSTRAINT: &str = "rdv_no_double_booking";

/// An error answered to a client.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// 400: the request is malformed.
    #[error("{message}")]
    BadRequest {
        /// Stable code, e.g. `BAD_REQUEST`, `INVALID_JSON`.
        code: &'static str,
        /// Human message.
        message: String,
        /// Field names and reasons.
        details: Value,
    },
    /// 401: no valid credentials.
    #[error("authentication required")]
    Unauthorized,
    /// 403: authenticated, but not allowed.
    #[error("forbidden")]
    Forbidden,
    /// 403: the access policy refuses, with its code (`FORBIDDEN`, `CROSS_TENANT`,
    /// `OUT_OF_SCOPE`).
    #[error("{message}")]
    Denied {
        /// Stable code.
        code: &'static str,
        /// Human message.
        message: String,
    },
    /// 402: the payment failed (`CARD_DECLINED`, `INSUFFICIENT_FUNDS`, ...).
    #[error("{message}")]
    PaymentFailed {
        /// Stable code.
        code: &'static str,
        /// Human message.
        message: String,
    },
    /// 404: no such resource (or not visible to the caller).
    #[error("not found")]
    NotFound,
    /// 404: no route has this path.
    #[error("no such API route")]
    NoRoute,
    /// 409: the slot was taken meanwhile.
    #[error("this slot is no longer available")]
    SlotTaken,
    /// 409: another conflict, with its stable code.
    #[error("{message}")]
    Conflict {
        /// Stable code.
        code: &'static str,
        /// Human message.
        message: String,
    },
    /// 422: well-formed but refused by a rule (the engine's stable codes pass through).
    #[error("{message}")]
    Unprocessable {
        /// Stable code, e.g. `NOTICE_TOO_SHORT`, `VALIDATION`.
        code: &'static str,
        /// Human message.
        message: String,
        /// Field names and reasons.
        details: Value,
    },
    /// 502: a third party the network configured (its SMTP server, ...) failed, with a stable
    /// code.
    #[error("{message}")]
    Upstream {
        /// Stable code.
        code: &'static str,
        /// Human message.
        message: String,
    },
    /// 413: the body is larger than the API accepts.
    #[error("request body too large")]
    PayloadTooLarge,
    /// 429: rate limited; retry after this many seconds.
    #[error("too many requests")]
    TooManyRequests {
        /// Seconds until a retry may succeed.
        retry_after_secs: u64,
    },
    /// 500: a database error (logged, never shown).
    #[error("database error: {0}")]
    Database(sqlx::Error),
    /// 500: anything else unexpected (logged, never shown).
    #[error("internal error: {0}")]
    Internal(#[from] anyhow::Error),
}

impl Error {
    /// A 422 naming the invalid field.
    pub fn validation(field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        Self::Unprocessable {
            code: "VALIDATION",
            details: serde_json::json!({ "field": field, "reason": message }),
            message: format!("{field}: {message}"),
        }
    }

    /// A 422 refusal by the engine, carrying its stable code and, in `details`, its facts
    /// (e.g. the earliest bookable start of a `NOTICE_TOO_SHORT`); null when it has none.
    pub fn rule(e: &impl Refusal) -> Self {
        let facts = e.facts();
        let details = if facts == RuleFacts::default() {
            Value::Null
        } else {
            serde_json::to_value(facts).unwrap_or(Value::Null)
        };
        Self::Unprocessable {
            code: e.code(),
            message: e.to_string(),
            details,
        }
    }

    /// A 409 conflict with its stable code.
    pub fn conflict(code: &'static str, message: impl Into<String>) -> Self {
        Self::Conflict {
            code,
            message: message.into(),
        }
    }

    /// The HTTP status of this error.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::BadRequest { .. } => StatusCode::BAD_REQUEST,
            Self::Unauthorized => StatusCode::UNAUTHORIZED,
            Self::PaymentFailed { .. } => StatusCode::PAYMENT_REQUIRED,
            Self::Forbidden | Self::Denied { .. } => StatusCode::FORBIDDEN,
            Self::NotFound | Self::NoRoute => StatusCode::NOT_FOUND,
            Self::SlotTaken | Self::Conflict { .. } => StatusCode::CONFLICT,
            Self::Unprocessable { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::Upstream { .. } => StatusCode::BAD_GATEWAY,
            Self::Database(_) | Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable machine code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            Self::BadRequest { code, .. }
            | Self::Denied { code, .. }
            | Self::PaymentFailed { code, .. }
            | Self::Conflict { code, .. }
            | Self::Upstream { code, .. }
            | Self::Unprocessable { code, .. } => code,
            Self::Unauthorized => "UNAUTHORIZED",
            Self::Forbidden => "FORBIDDEN",
            Self::NotFound => "NOT_FOUND",
            Self::NoRoute => "NO_ROUTE",
            Self::SlotTaken => "SLOT_TAKEN",
            Self::PayloadTooLarge => "PAYLOAD_TOO_LARGE",
            Self::TooManyRequests { .. } => "RATE_LIMITED",
            Self::Database(_) | Self::Internal(_) => "INTERNAL",
        }
    }
}

impl From<sqlx::Error> for Error {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::RowNotFound => Self::NotFound,
            sqlx::Error::Database(db) if db.code().as_deref() == Some("23P01") => {
                if db.constraint() == Some(DOUBLE_BOOKING_CONSTRAINT) {
                    Self::SlotTaken
                } else {
                    Self::Database(e)
                }
            }
            _ => Self::Database(e),
        }
    }
}

/// The JSON body of every error.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[schema(as = Error)]
pub struct ErrorBody {
    /// Stable machine code (`VALIDATION`, `SLOT_TAKEN`, an engine rule's code, ...).
    pub code: &'static str,
    /// Human message (English; the portals show their own French text per code).
    pub message: String,
    /// For validation errors, `{field, reason}`; for an engine refusal, its facts (e.g. the
    /// earliest bookable start of a `NOTICE_TOO_SHORT`); otherwise null.
    #[schema(schema_with = details::error_details)]
    pub details: Value,
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        let status = self.status();
        let (message, details) = match &self {
            Self::Database(e) => {
                tracing::error!(error = %e, "database error");
                ("internal error".to_owned(), Value::Null)
            }
            Self::Internal(e) => {
                tracing::error!(error = ?e, "internal error");
                ("internal error".to_owned(), Value::Null)
            }
            Self::BadRequest {
                message, details, ..
            }
            | Self::Unprocessable {
                message, details, ..
            } => (message.clone(), details.clone()),
            other => (other.to_string(), Value::Null),
        };
        let mut response = (
            status,
            Json(ErrorBody {
                code: self.code(),
                message,
                details,
            }),
        )
            .into_response();
        if let Self::TooManyRequests { retry_after_secs } = self {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
        }
        response
    }
}

/// Result alias of handlers.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    async fn body_of(error: Error) -> (StatusCode, Value, Option<HeaderValue>) {
        let response = error.into_response();
        let status = response.status();
        let retry = response.headers().get(header::RETRY_AFTER).cloned();
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 16)
            .await
            .unwrap();
        (status, serde_json::from_slice(&bytes).unwrap(), retry)
    }

    #[tokio::test]
    async fn each_variant_has_its_status_and_code() {
        let cases = [
            (
                Error::BadRequest {
                    code: "BAD_REQUEST",
                    message: "x".into(),
                    details: Value::Null,
                },
                400,
                "BAD_REQUEST",
            ),
            (Error::Unauthorized, 401, "UNAUTHORIZED"),
            (Error::Forbidden, 403, "FORBIDDEN"),
            (Error::NotFound, 404, "NOT_FOUND"),
            (Error::SlotTaken, 409, "SLOT_TAKEN"),
            (
                Error::validation("year", "must be after 1900"),
                422,
                "VALIDATION",
            ),
            (
                Error::TooManyRequests {
                    retry_after_secs: 7,
                },
                429,
                "RATE_LIMITED",
            ),
        ];
        for (error, status, code) in cases {
            let (got_status, body, _) = body_of(error).await;
            assert_eq!(got_status.as_u16(), status);
            assert_eq!(body["code"], code);
            assert!(body.get("message").is_some() && body.get("details").is_some());
        }
    }

    #[tokio::test]
    async fn validation_errors_name_the_field() {
        let (_, body, _) = body_of(Error::validation("radius", "must be positive")).await;
        assert_eq!(body["details"]["field"], "radius");
    }

    #[tokio::test]
    async fn rate_limit_answers_retry_after() {
        let (_, _, retry) = body_of(Error::TooManyRequests {
            retry_after_secs: 7,
        })
        .await;
        assert_eq!(retry.unwrap(), "7");
    }

    #[tokio::test]
    async fn internal_errors_hide_their_text() {
        let error = Error::Database(sqlx::Error::Protocol(
            "relation \"users\" secret detail".into(),
        ));
        let (status, body, _) = body_of(error).await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(body["code"], "INTERNAL");
        assert!(!body.to_string().contains("users"), "{body}");
    }

    #[test]
    fn row_not_found_is_not_found() {
        assert_eq!(Error::from(sqlx::Error::RowNotFound).code(), "NOT_FOUND");
    }
}
