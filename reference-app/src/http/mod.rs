//! The HTTP layer: [`app`] merges one router per service (through [`openapi`], which
//! documents them) and adds the middleware: request ids, tracing, metrics, rate limits, CORS,
//! the body limit and security headers; and the service's own routes: health probes,
//! `/metrics` and the offline API viewer.

mod created;
pub mod docs;
mod download;
pub mod health;
pub mod metrics;
pub mod openapi;
pub mod rate_limit;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::extract::{MatchedPath, Request};
use axum::http::{HeaderName, HeaderValue};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultOnFailure, DefaultOnResponse, TraceLayer};
use tracing::Level;

pub use created::Created;
pub use download::download;
pub use metrics::Metrics;
pub use rate_limit::RateLimiter;

use crate::state::AppState;

/// Header carrying the request id (set when absent, echoed in the response).
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// CORS for the configured origins: credentials-free, the API's methods and headers.
fn cors(origins: &[String]) -> tower_http::cors::CorsLayer {
    use axum::http::{Method, header};
    let origins: Vec<HeaderValue> = origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    tower_http::cors::CorsLayer::new()
        .allow_origin(origins)
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            HeaderName::from_static("idempotency-key"),
            HeaderName::from_static("x-tenant-id"),
            HeaderName::from_static("x-rdv-token"),
        ])
        .max_age(std::time::Duration::from_secs(3600))
}

/// Largest request body accepted (413 beyond).
pub const MAX_BODY_BYTES: usize = 1 << 20;

/// Sets a security header on every response that does not set it itself.
fn header(name: &'static str, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(
        HeaderName::from_static(name),
        HeaderValue::from_static(value),
    )
}

/// The whole application router.
pub fn app(state: AppState) -> Router {
    let mut router = Router::from(openapi::api_router()).route(
        "/api/{*rest}",
        axum::routing::any(|| async { crate::error::Error::NoRoute }),
    );
    if let Some(dir) = &state.settings.web_dir {
        // The portals: static files, and index.html for the client-side routes.
        router = router.fallback_service(
            tower_http::services::ServeDir::new(dir)
                .fallback(tower_http::services::ServeFile::new(dir.join("index.html"))),
        );
    }
    router
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            rate_limit::enforce,
        ))
        .layer(cors(&state.settings.cors_origins))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            metrics::track,
        ))
        .layer(header("x-content-type-options", "nosniff"))
        .layer(header("x-frame-options", "DENY"))
        .layer(header("referrer-policy", "no-referrer"))
        .layer(header(
            "strict-transport-security",
            "max-age=63072000; includeSubDomains",
        ))
        .layer(header(
            "content-security-policy",
            "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
        ))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &Request| {
                    let path = request
                        .extensions()
                        .get::<MatchedPath>()
                        .map(MatchedPath::as_str);
                    let request_id = request
                        .headers()
                        .get(REQUEST_ID)
                        .and_then(|v| v.to_str().ok());
                    tracing::info_span!("http", method = %request.method(), path, request_id)
                })
                .on_response(DefaultOnResponse::new().level(Level::INFO))
                .on_failure(DefaultOnFailure::new().level(Level::ERROR)),
        )
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
        .with_state(state)
}
