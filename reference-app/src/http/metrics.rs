//! Prometheus metrics: the registry, the HTTP request metrics and `GET /metrics`.

use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounterVec, Opts, Registry, TextEncoder,
};

use crate::state::AppState;

/// The service's registry and metrics (cheap to clone).
#[derive(Clone)]
pub struct Metrics {
    /// The registry `/metrics` exposes.
    pub registry: Registry,
    /// `http_requests_total{method, path, status}`.
    pub http_requests: IntCounterVec,
    /// `http_request_duration_seconds{method, path}`.
    pub http_duration: HistogramVec,
}

impl Metrics {
    /// A fresh registry with the HTTP metrics registered.
    pub fn new() -> Self {
        let registry = Registry::new_custom(Some("pti".to_owned()), None).expect("valid prefix");
        let http_requests = IntCounterVec::new(
            Opts::new("http_requests_total", "HTTP requests answered"),
            &["method", "path", "status"],
        )
        .expect("valid metric");
        let http_duration = HistogramVec::new(
            HistogramOpts::new("http_request_duration_seconds", "HTTP request latency"),
            &["method", "path"],
        )
        .expect("valid metric");
        registry
            .register(Box::new(http_requests.clone()))
            .expect("registered once");
        registry
            .register(Box::new(http_duration.clone()))
            .expect("registered once");
        Self {
            registry,
            http_requests,
            http_duration,
        }
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

/// Middleware counting requests by matched route (never by raw path: bounded label values).
pub async fn track(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".to_owned());
    let method = request.method().as_str().to_owned();
    let started = Instant::now();
    let response = next.run(request).await;
    let metrics = &state.metrics;
    metrics
        .http_duration
        .with_label_values(&[&method, &path])
        .observe(started.elapsed().as_secs_f64());
    metrics
        .http_requests
        .with_label_values(&[method.as_str(), path.as_str(), response.status().as_str()])
        .inc();
    response
}

/// Prometheus metrics, in the text exposition format.
#[utoipa::path(
    get,
    path = "/metrics",
    tag = "health",
    operation_id = "metrics",
    security(()),
    responses((status = 200, description = "Prometheus metrics", content_type = "text/plain; version=0.0.4", body = String))
)]
pub async fn render(State(state): State<AppState>) -> Response {
    let mut buffer = Vec::new();
    let encoder = TextEncoder::new();
    if let Err(e) = encoder.encode(&state.metrics.registry.gather(), &mut buffer) {
        return crate::Error::Internal(e.into()).into_response();
    }
    (
        [(header::CONTENT_TYPE, encoder.format_type().to_owned())],
        buffer,
    )
        .into_response()
}
