//! Route of the dashboard: `GET /admin/dashboard/stats`.

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use sqlx::PgPool;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use super::service::{self, StatsQuery};
use super::views::DashboardStats;
use crate::admin::capacity::PlannedMemo;
use crate::engine::SharedEngine;
use crate::error::Result;
use crate::extract::{ApiQuery, Principal};
use crate::http::openapi::{Forbidden, Unprocessable};
use crate::state::AppState;

/// The dashboard route.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(dashboard_stats))
}

/// Query of the dashboard.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatsParams {
    /// `YYYY-MM` (default: this month).
    #[param(example = "2026-12", pattern = r"^\d{4}-\d{2}$")]
    pub month: Option<String>,
    /// Only this agency.
    pub agency_id: Option<Uuid>,
    /// Only this centre.
    pub centre_id: Option<Uuid>,
}

/// A month of the network, an agency or a centre at a glance.
///
/// ADMIN_TENANT reads the network, ADMIN_AGENCE its agency, ADMIN_CT its centre (their own
/// scope when no filter is given); other roles `403`.
#[utoipa::path(
    get,
    path = "/api/v1/admin/dashboard/stats",
    tag = "dashboard",
    operation_id = "dashboardStats",
    security(("bearer" = [])),
    params(StatsParams),
    responses(
        (status = 200, description = "The month's figures", body = DashboardStats),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn dashboard_stats(
    State(db): State<PgPool>,
    State(engine): State<SharedEngine>,
    State(memo): State<PlannedMemo>,
    principal: Principal,
    ApiQuery(q): ApiQuery<StatsParams>,
) -> Result<Json<DashboardStats>> {
    let month = q.month.as_deref().map(service::parse_month).transpose()?;
    let query = StatsQuery {
        month,
        agency: q.agency_id,
        centre: q.centre_id,
    };
    Ok(Json(
        service::stats(&db, &engine, &memo, &principal, query).await?,
    ))
}
