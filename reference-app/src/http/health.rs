//! Liveness, readiness and metrics endpoints.

use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

/// How long a dependency may take to answer a readiness probe.
const PROBE_TIMEOUT: Duration = Duration::from_secs(2);

/// `/health/live`, `/health/ready`, `/metrics`.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(live))
        .routes(routes!(ready))
        .routes(routes!(super::metrics::render))
}

/// Answer of the liveness probe.
#[derive(Debug, Serialize, ToSchema)]
pub struct Live {
    /// Always `ok`.
    #[schema(example = "ok")]
    pub status: &'static str,
}

/// Answer of the readiness probe.
#[derive(Debug, Serialize, ToSchema)]
pub struct Ready {
    /// `ready` or `unavailable`.
    #[schema(example = "ready")]
    pub status: &'static str,
    /// Each dependency's state.
    pub checks: Checks,
}

/// The dependencies' states: `ok`, `down` or `not_configured`.
#[derive(Debug, Serialize, ToSchema)]
pub struct Checks {
    /// PostgreSQL.
    pub database: &'static str,
    /// Redis (`not_configured` without `REDIS_URL`).
    pub redis: &'static str,
}

/// The process is up.
#[utoipa::path(
    get,
    path = "/health/live",
    tag = "health",
    operation_id = "live",
    security(()),
    responses((status = 200, description = "The process is up", body = Live))
)]
async fn live() -> Json<Live> {
    Json(Live { status: "ok" })
}

/// The process can serve: the database answers, and Redis when configured.
#[utoipa::path(
    get,
    path = "/health/ready",
    tag = "health",
    operation_id = "ready",
    security(()),
    responses(
        (status = 200, description = "Database (and Redis) answer", body = Ready),
        (status = 503, description = "A dependency is down", body = Ready),
    )
)]
#[tracing::instrument(skip_all)]
async fn ready(State(state): State<AppState>) -> (StatusCode, Json<Ready>) {
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
    let body = Ready {
        status: if healthy { "ready" } else { "unavailable" },
        checks: Checks { database, redis },
    };
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
