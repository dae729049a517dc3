//! The OpenAPI document (`GET /api/v1/openapi.json`) and an offline viewer of it (`/api/docs`).

use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

use super::AppState;

/// The OpenAPI 3 document of the API.
pub const OPENAPI: &str = include_str!("../../openapi.json");

fn asset(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, content_type)], body)
}

/// The document and viewer routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/openapi.json",
            get(|| async { asset("application/json", OPENAPI) }),
        )
        .route(
            "/api/docs",
            get(|| async { asset("text/html; charset=utf-8", include_str!("docs/index.html")) }),
        )
        .route(
            "/api/docs/viewer.js",
            get(|| async {
                asset(
                    "text/javascript; charset=utf-8",
                    include_str!("docs/viewer.js"),
                )
            }),
        )
        .route(
            "/api/docs/viewer.css",
            get(|| async { asset("text/css; charset=utf-8", include_str!("docs/viewer.css")) }),
        )
}
