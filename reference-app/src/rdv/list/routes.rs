//! Routes of the staff bookings list: `GET /rdv` (registered with `POST /rdv` by the booking
//! routes) and `GET /rdv/export`.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use sqlx::PgPool;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use super::export;
use super::query::{ListRequest, Params};
use super::service;
use super::views::BookingPage;
use crate::error::Result;
use crate::export::Format;
use crate::extract::{ApiQuery, Principal};
use crate::http::openapi::{Forbidden, Unprocessable, codes};
use crate::state::AppState;

/// The export route (the list itself shares `/rdv` with the booking routes).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(export_bookings))
}

/// Query of the staff bookings list.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct BookingsQuery {
    /// First local day of the start, `YYYY-MM-DD`, included.
    #[param(pattern = r"^\d{4}-\d{2}-\d{2}$")]
    pub from: Option<String>,
    /// Last local day of the start, `YYYY-MM-DD`, included.
    #[param(pattern = r"^\d{4}-\d{2}-\d{2}$")]
    pub to: Option<String>,
    /// Only this agency's centres.
    pub agency_id: Option<Uuid>,
    /// Only this centre.
    pub centre_id: Option<Uuid>,
    /// Only this status.
    #[param(schema_with = codes::booking_status)]
    pub status: Option<String>,
    /// Only this payment status.
    #[param(schema_with = codes::payment_status)]
    pub payment_status: Option<String>,
    /// Only this control type.
    #[param(schema_with = codes::control_type)]
    pub control_type: Option<String>,
    /// A reference, a plate in any form, an e-mail or a phone (at most 100 characters).
    #[param(max_length = 100)]
    pub q: Option<String>,
    /// `start` (default) or `created_at`.
    #[param(pattern = "^(start|created_at)$")]
    pub sort: Option<String>,
    /// `desc` (default) or `asc`.
    #[param(schema_with = codes::sort_order)]
    pub order: Option<String>,
    /// The `next_cursor` of the previous page, with the same `sort` and `order`.
    pub cursor: Option<String>,
    /// Bookings per page, 1 to 100 (default 25).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 100)]
    pub limit: Option<String>,
    /// `csv` or `xlsx`: the export's format (`GET /rdv/export` only).
    #[param(pattern = "^(csv|xlsx)$")]
    pub format: Option<String>,
}

impl BookingsQuery {
    fn parse(&self, paged: bool) -> Result<ListRequest> {
        fn paging(v: &Option<String>, paged: bool) -> Option<&str> {
            v.as_deref().filter(|_| paged)
        }
        ListRequest::parse(Params {
            from: self.from.as_deref(),
            to: self.to.as_deref(),
            agency_id: self.agency_id,
            centre_id: self.centre_id,
            status: self.status.as_deref(),
            payment_status: self.payment_status.as_deref(),
            control_type: self.control_type.as_deref(),
            q: self.q.as_deref(),
            sort: self.sort.as_deref(),
            order: self.order.as_deref(),
            limit: paging(&self.limit, paged),
            cursor: paging(&self.cursor, paged),
        })
    }
}

/// The network's bookings, as staff list them.
///
/// ADMIN_TENANT and CALL_CENTER read the network, ADMIN_AGENCE its agency, ADMIN_CT and
/// CONTROLEUR their centre (their own scope when no filter is given); a wider filter `403`, an
/// agency or centre of another network `422`. Pages by cursor, latest start first by default;
/// no total is counted.
#[utoipa::path(
    get,
    path = "/api/v1/rdv",
    tag = "bookings",
    operation_id = "listRdv",
    security(("bearer" = [])),
    params(BookingsQuery),
    responses(
        (status = 200, description = "A page of bookings", body = BookingPage),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
pub async fn list_bookings(
    State(db): State<PgPool>,
    principal: Principal,
    ApiQuery(q): ApiQuery<BookingsQuery>,
) -> Result<Json<BookingPage>> {
    Ok(Json(service::list(&db, &principal, q.parse(true)?).await?))
}

/// Export the bookings.
///
/// Every booking the list shows with these filters, in its order (all pages), as a CSV or
/// XLSX file with French headers, streamed. For ADMIN_TENANT, ADMIN_AGENCE and ADMIN_CT in
/// their scope.
#[utoipa::path(
    get,
    path = "/api/v1/rdv/export",
    tag = "bookings",
    operation_id = "exportRdv",
    security(("bearer" = [])),
    params(BookingsQuery),
    responses(
        (status = 200, description = "The file", content(
            (String = "text/csv"),
            ([u8] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn export_bookings(
    State(db): State<PgPool>,
    principal: Principal,
    ApiQuery(q): ApiQuery<BookingsQuery>,
) -> Result<Response> {
    let format = Format::parse(q.format.as_deref().unwrap_or_default())?;
    export::export(&db, &principal, q.parse(false)?, format).await
}
