//! A file answered as a download.

use axum::http::header;
use axum::response::{IntoResponse, Response};

/// `body` as an attachment named `filename`, of `content_type`.
pub fn download(content_type: &'static str, filename: &str, body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        body,
    )
        .into_response()
}
