//! Routes of the statistics: `GET /statistics/tenant` and its export.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use chrono::Utc;
use serde::Deserialize;
use sqlx::PgPool;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use super::service::{self, StatisticsQuery};
use super::views::TenantStatistics;
use super::{report, workbook};
use crate::error::{Error, Result};
use crate::extract::{ApiQuery, Principal};
use crate::http::download;
use crate::http::openapi::{Forbidden, Unprocessable};
use crate::state::AppState;

/// The statistics routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(tenant_statistics))
        .routes(routes!(export_statistics))
}

/// Query of the statistics.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatisticsParams {
    /// First month, `YYYY-MM` (default: eleven months before `to`).
    #[param(example = "2026-01", pattern = r"^\d{4}-\d{2}$")]
    pub from: Option<String>,
    /// Last month, included, `YYYY-MM`, at most 24 months from `from` (default: this month).
    #[param(example = "2026-12", pattern = r"^\d{4}-\d{2}$")]
    pub to: Option<String>,
    /// Only this agency.
    pub agency_id: Option<Uuid>,
    /// Only this centre.
    pub centre_id: Option<Uuid>,
}

impl StatisticsParams {
    fn query(&self) -> Result<StatisticsQuery> {
        StatisticsQuery::parse(
            self.from.as_deref(),
            self.to.as_deref(),
            self.agency_id,
            self.centre_id,
        )
    }
}

/// A period of the network, an agency or a centre: bookings, money, cancellations, no-shows
/// and conversion, by month, control type, vehicle category, agency and centre.
///
/// ADMIN_TENANT reads the network, ADMIN_AGENCE its agency, ADMIN_CT its centre (their own
/// scope when no filter is given); other roles `403`.
#[utoipa::path(
    get,
    path = "/api/v1/statistics/tenant",
    tag = "statistics",
    operation_id = "tenantStatistics",
    security(("bearer" = [])),
    params(StatisticsParams),
    responses(
        (status = 200, description = "The period's figures", body = TenantStatistics),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn tenant_statistics(
    State(db): State<PgPool>,
    principal: Principal,
    ApiQuery(q): ApiQuery<StatisticsParams>,
) -> Result<Json<TenantStatistics>> {
    let named = service::statistics(&db, &principal, &q.query()?).await?;
    Ok(Json(named.stats))
}

/// Query of the statistics' export.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    /// `xlsx`: a workbook of a summary and one sheet per breakdown; `pdf`: a report under the
    /// network's letterhead.
    #[param(example = "xlsx", pattern = "^(xlsx|pdf)$")]
    pub format: Option<String>,
    /// First month, `YYYY-MM` (default: eleven months before `to`).
    #[param(example = "2026-01", pattern = r"^\d{4}-\d{2}$")]
    pub from: Option<String>,
    /// Last month, included, `YYYY-MM`, at most 24 months from `from` (default: this month).
    #[param(example = "2026-12", pattern = r"^\d{4}-\d{2}$")]
    pub to: Option<String>,
    /// Only this agency.
    pub agency_id: Option<Uuid>,
    /// Only this centre.
    pub centre_id: Option<Uuid>,
}

/// The statistics' file formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ExportFormat {
    Xlsx,
    Pdf,
}

impl ExportFormat {
    fn parse(raw: Option<&str>) -> Result<Self> {
        match raw.map(str::trim) {
            Some("xlsx") => Ok(Self::Xlsx),
            Some("pdf") => Ok(Self::Pdf),
            _ => Err(Error::validation("format", "xlsx or pdf")),
        }
    }
}

/// The statistics of a period as a file: a workbook (`xlsx`) or a PDF report (`pdf`).
///
/// Same roles and scopes as `GET /statistics/tenant`. Named
/// `statistiques-<from>-<to>.xlsx` or `.pdf`.
#[utoipa::path(
    get,
    path = "/api/v1/statistics/tenant/export",
    tag = "statistics",
    operation_id = "exportTenantStatistics",
    security(("bearer" = [])),
    params(ExportParams),
    responses(
        (status = 200, description = "The workbook or the report", content(
            ([u8] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            ([u8] = "application/pdf"),
        )),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn export_statistics(
    State(db): State<PgPool>,
    principal: Principal,
    ApiQuery(q): ApiQuery<ExportParams>,
) -> Result<Response> {
    let format = ExportFormat::parse(q.format.as_deref())?;
    let query =
        StatisticsQuery::parse(q.from.as_deref(), q.to.as_deref(), q.agency_id, q.centre_id)?;
    let named = service::statistics(&db, &principal, &query).await?;
    let name = format!("statistiques-{}-{}", named.stats.from, named.stats.to);
    match format {
        ExportFormat::Xlsx => {
            let bytes = tokio::task::spawn_blocking(move || {
                workbook::write(&named.stats, &named.network, &named.scope)
            })
            .await
            .map_err(|e| Error::Internal(e.into()))?
            .map_err(|e| Error::Internal(e.into()))?;
            Ok(download(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                &format!("{name}.xlsx"),
                bytes,
            ))
        }
        ExportFormat::Pdf => {
            let letterhead = service::letterhead(&db, &principal).await?;
            let bytes = tokio::task::spawn_blocking(move || {
                report::write(&named.stats, &letterhead, &named.scope, Utc::now())
            })
            .await
            .map_err(|e| Error::Internal(e.into()))?
            .map_err(|e| Error::Internal(e.into()))?;
            Ok(download("application/pdf", &format!("{name}.pdf"), bytes))
        }
    }
}
