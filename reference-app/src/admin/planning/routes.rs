//! Routes of the global planning: `GET /planning/global` and
//! `GET /planning/global/centre-day`.

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use sqlx::PgPool;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use super::service::{self, Period};
use super::views::{CentreDay, GlobalPlanning};
use crate::admin::capacity::PlannedMemo;
use crate::engine::SharedEngine;
use crate::error::{Error, Result};
use crate::extract::{ApiQuery, Principal};
use crate::http::openapi::{Forbidden, Unprocessable};
use crate::state::AppState;

/// The planning routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(global_planning))
        .routes(routes!(centre_day))
}

/// Query of the global planning.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct GlobalParams {
    /// The period's first day, `YYYY-MM-DD`.
    #[param(example = "2026-12-01", pattern = r"^\d{4}-\d{2}-\d{2}$")]
    pub from: Option<String>,
    /// The period's last day, included, `YYYY-MM-DD`: at most 31 days from `from`.
    #[param(example = "2026-12-31", pattern = r"^\d{4}-\d{2}-\d{2}$")]
    pub to: Option<String>,
    /// Only this agency.
    pub agency_id: Option<Uuid>,
    /// Only this centre.
    pub centre_id: Option<Uuid>,
}

/// Every centre × each day of a period: bookings, capacity and fill rate, by day and by hour.
///
/// ADMIN_TENANT reads the network, ADMIN_AGENCE its agency, ADMIN_CT its centre (their own
/// scope when no filter is given); other roles `403`. Centres filled to the network's
/// `fill_warning_percent` or more over the period are flagged.
#[utoipa::path(
    get,
    path = "/api/v1/planning/global",
    tag = "planning",
    operation_id = "globalPlanning",
    security(("bearer" = [])),
    params(GlobalParams),
    responses(
        (status = 200, description = "The period's planning", body = GlobalPlanning),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn global_planning(
    State(db): State<PgPool>,
    State(engine): State<SharedEngine>,
    State(memo): State<PlannedMemo>,
    principal: Principal,
    ApiQuery(q): ApiQuery<GlobalParams>,
) -> Result<Json<GlobalPlanning>> {
    let period = Period::parse(q.from.as_deref(), q.to.as_deref())?;
    Ok(Json(
        service::global(
            &db,
            &engine,
            &memo,
            &principal,
            period,
            q.agency_id,
            q.centre_id,
        )
        .await?,
    ))
}

/// Query of a centre's day.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CentreDayParams {
    /// The centre.
    pub centre_id: Option<Uuid>,
    /// The centre's local day, `YYYY-MM-DD`.
    #[param(example = "2026-12-01", pattern = r"^\d{4}-\d{2}-\d{2}$")]
    pub date: Option<String>,
}

/// A centre's day: its fill and every booking, by start.
///
/// For those who read the centre's figures and bookings: ADMIN_TENANT, the centre's
/// ADMIN_AGENCE and ADMIN_CT; other roles `403`.
#[utoipa::path(
    get,
    path = "/api/v1/planning/global/centre-day",
    tag = "planning",
    operation_id = "planningCentreDay",
    security(("bearer" = [])),
    params(CentreDayParams),
    responses(
        (status = 200, description = "The centre's day", body = CentreDay),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn centre_day(
    State(db): State<PgPool>,
    State(engine): State<SharedEngine>,
    principal: Principal,
    ApiQuery(q): ApiQuery<CentreDayParams>,
) -> Result<Json<CentreDay>> {
    let centre = q
        .centre_id
        .ok_or_else(|| Error::validation("centre_id", "required"))?;
    let date = service::parse_day("date", q.date.as_deref())?;
    Ok(Json(
        service::centre_day(&db, &engine, &principal, centre, date).await?,
    ))
}
