//! [`ApiJson`]: the JSON body extractor whose rejections use the API's error shape; [`nullable`]
//! for the fields a change may remove.

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use serde::Deserialize as _;
use serde::de::DeserializeOwned;
use serde_json::json;

use crate::error::Error;

/// Like `axum::Json`, but a bad body answers `{code, message, details}`: 400 `INVALID_JSON`
/// for syntax, 422 `VALIDATION` for a wrong or unknown field, 415-like 400 for a missing
/// content type.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = Error;

    async fn from_request(req: Request, state: &S) -> Result<Self, Error> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(Self(value)),
            Err(JsonRejection::JsonDataError(e)) => Err(Error::Unprocessable {
                code: "VALIDATION",
                message: e.body_text(),
                details: json!({ "reason": e.body_text() }),
            }),
            Err(JsonRejection::JsonSyntaxError(e)) => Err(Error::BadRequest {
                code: "INVALID_JSON",
                message: e.body_text(),
                details: serde_json::Value::Null,
            }),
            Err(JsonRejection::MissingJsonContentType(e)) => Err(Error::BadRequest {
                code: "UNSUPPORTED_MEDIA_TYPE",
                message: e.body_text(),
                details: serde_json::Value::Null,
            }),
            Err(other) if other.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(Error::PayloadTooLarge)
            }
            Err(other) => Err(Error::BadRequest {
                code: "BAD_REQUEST",
                message: other.body_text(),
                details: serde_json::Value::Null,
            }),
        }
    }
}

/// For a body field that may be absent (`None`: keep the value), null (`Some(None)`: remove
/// it) or given: `#[serde(default, deserialize_with = "nullable")]` on an
/// `Option<Option<T>>`.
pub fn nullable<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    T: serde::Deserialize<'de>,
    D: serde::Deserializer<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Patch {
        #[serde(default, deserialize_with = "nullable")]
        phone: Option<Option<String>>,
    }

    #[test]
    fn a_nullable_field_tells_absent_from_null() {
        let read = |json| serde_json::from_str::<Patch>(json).unwrap().phone;
        assert_eq!(read("{}"), None);
        assert_eq!(read(r#"{"phone": null}"#), Some(None));
        assert_eq!(read(r#"{"phone": "06"}"#), Some(Some("06".to_owned())));
    }
}
