//! The OpenAPI document (`GET /api/v1/openapi.json`) and an offline viewer of it (`/api/docs`).

use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

/// This document.
#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    tag = "development",
    operation_id = "openapi",
    security(()),
    responses((status = 200, description = "The OpenAPI 3.1 document", content_type = "application/json", body = Object))
)]
async fn openapi() -> impl IntoResponse {
    asset("application/json", super::openapi::document())
}

fn asset(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, content_type)], body)
}

/// The document and viewer routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(openapi))
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
