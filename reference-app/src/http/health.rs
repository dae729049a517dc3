//! Liveness, readiness and metrics endpoints.

use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};

use super::AppState;

/// How long a dependency may take to answer a readiness probe.
const PROBE_TIMEOUT: Duration = Duration::from_secs(2);

/// `/health/live`, `/health/ready`, `/metrics`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/health/live", get(live))
        .route("/health/ready", get(ready))
        .route("/metrics", get(super::metrics::render))
}

/// The process is up.
async fn live() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

/// The process can serve: the database answers, and Redis when configured.
#[tracing::instrument(skip_all)]
async fn ready(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    let database = probe(async {
        sqlx::query("SELECT 1")
            .execute(&state.db)
            .await
            .map(drop)
            .map_err(|e| e.to_string())
    })
    .await;
    let redis = match &state.redis {
        None => "not_configured",
        Some(client) => {
            probe(async {
                let mut conn = client
                    .get_multiplexed_async_connection()
                    .await
                    .map_err(|e| e.to_string())?;
                redis::cmd("PING")
                    .query_async::<String>(&mut conn)
                    .await
                    .map(drop)
                    .map_err(|e| e.to_string())
            })
            .await
        }
    };
    let healthy = database == "ok" && redis != "down";
    let status = if healthy {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let body = json!({
        "status": if healthy { "ready" } else { "unavailable" },
        "checks": { "database": database, "redis": redis },
    });
    (status, Json(body))
}

/// "ok" when `check` succeeds in time, "down" otherwise (the reason is logged, not answered).
async fn probe(check: impl Future<Output = Result<(), String>>) -> &'static str {
    match tokio::time::timeout(PROBE_TIMEOUT, check).await {
        Ok(Ok(())) => "ok",
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "readiness check failed");
            "down"
        }
        Err(_) => {
            tracing::warn!("readiness check timed out");
            "down"
        }
    }
}
