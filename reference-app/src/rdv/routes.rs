//! Routes of the booking service: `POST /rdv` (hold a slot), `GET /rdv/me`, `GET /rdv/{id}`,
//! `PUT /rdv/{id}` (move), `DELETE /rdv/{id}` (cancel and refund), `GET /rdv/{id}/ics` and
//! `/pdf`, and `POST /payment/process` (pay a held booking: a booking use case that calls the
//! payment service). Guests prove ownership with the booking's own token (`X-Rdv-Token` or
//! `?token=`); signed-in callers go through `pti_core::policy`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, Utc};
use pti_core::model::BookingStatus;
use serde::Deserialize;
use sqlx::PgPool;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use super::documents::{confirmation_pdf, ics_of};
use super::list::routes::{__path_list_bookings, list_bookings};
use super::service::{self, Held, HoldRequest, Scope};
use super::views::{CancelledView, PaymentResultView, RdvListView, RdvView};
use crate::domain::{self, Email, PersonName, Phone};
use crate::engine::SharedEngine;
use crate::error::{Error, Result};
use crate::extract::{
    ApiJson, ApiQuery, Caller, IdempotencyKey, MaybePrincipal, PathId, Principal,
};
use crate::http::download;
use crate::http::openapi::{Conflict, Forbidden, NotFound, PaymentFailed, Unprocessable, codes};
use crate::payment::Payments;
use crate::planning::{SlotKey, Wanted};
use crate::state::AppState;

/// The booking routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create, list_bookings))
        .routes(routes!(mine))
        .routes(routes!(read, move_booking, cancel))
        .routes(routes!(ics))
        .routes(routes!(pdf))
        .routes(routes!(process))
        .merge(super::list::routes::router())
}

/// The slot a `disponibilite_id` names, or 422 naming the field.
fn slot(id: &str) -> Result<SlotKey> {
    SlotKey::decode(id)
        .ok_or_else(|| Error::validation("disponibilite_id", "not a slot of this platform"))
}

/// Body of `POST /rdv` (field names of the spec).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateRdv {
    /// The slot, from a search.
    pub disponibilite_id: String,
    /// Driver's first name.
    pub first_name: String,
    /// Driver's last name.
    pub last_name: String,
    /// E-mail (confirmation).
    pub email: String,
    /// Phone (SMS).
    pub phone: String,
    /// Plate (SIV `AB-123-CD` or FNI `1234 AB 75`).
    #[schema(example = "AB-123-CD")]
    pub immatriculation: String,
    /// Category code (default: the searched one).
    #[schema(schema_with = codes::vehicle_type)]
    pub vehicle_type: Option<String>,
    /// Fuel code (default: the searched one).
    #[schema(schema_with = codes::fuel)]
    pub fuel: Option<String>,
    /// Make.
    pub marque: Option<String>,
    /// Model.
    pub modele: Option<String>,
    /// Year of first registration (1900 to next year).
    #[schema(minimum = 1900)]
    pub annee: Option<i32>,
    /// Control type code (default: the searched one).
    #[schema(schema_with = codes::control_type)]
    pub control_type: Option<String>,
    /// Notes for the centre.
    pub notes: Option<String>,
    /// A saved vehicle of the signed-in client.
    pub vehicle_id: Option<Uuid>,
    /// For a re-inspection booked without our record of the failed one: its day.
    pub failed_inspection_date: Option<NaiveDate>,
}

impl CreateRdv {
    fn parse(self) -> Result<HoldRequest> {
        let first_name = PersonName::parse("first_name", &self.first_name)?;
        let last_name = PersonName::parse("last_name", &self.last_name)?;
        let email = Email::parse(&self.email)?;
        let phone = Phone::parse(&self.phone)?;
        let plate = domain::plate("immatriculation", &self.immatriculation)?;
        let make = domain::optional_text("marque", self.marque.as_deref(), 60)?;
        let model = domain::optional_text("modele", self.modele.as_deref(), 60)?;
        let year = domain::registration_year("annee", self.annee)?;
        let notes = domain::optional_text("notes", self.notes.as_deref(), 1000)?;
        let slot = slot(&self.disponibilite_id)?;
        let wanted = Wanted {
            control_type: domain::code_or(
                "control_type",
                self.control_type.as_deref(),
                slot.wanted.control_type,
            )?,
            category: match self.vehicle_type.as_deref() {
                None => slot.wanted.category,
                some => domain::vehicle_category("vehicle_type", some)?,
            },
            fuel: domain::code_or("fuel", self.fuel.as_deref(), slot.wanted.fuel)?,
        };
        Ok(HoldRequest {
            slot,
            wanted,
            first_name,
            last_name,
            email,
            phone,
            plate,
            make,
            model,
            year,
            notes,
            vehicle_id: self.vehicle_id,
            failed_inspection_date: self.failed_inspection_date,
        })
    }
}

/// Hold a slot (pending payment, 10 minutes).
///
/// For a guest (the answer's `guest_token` then proves ownership), a signed-in client, or a
/// call-centre operator on a caller's behalf. The pti-core rules run against the plate's
/// history. Replaying the same `Idempotency-Key` answers the first booking with 200.
#[utoipa::path(
    post,
    path = "/api/v1/rdv",
    tag = "bookings",
    operation_id = "createRdv",
    security((), ("bearer" = [])),
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe: the same key answers the same booking")),
    request_body = CreateRdv,
    responses(
        (status = 201, description = "Held; pay before `hold_expires_at`", body = RdvView),
        (status = 200, description = "The booking this Idempotency-Key already made", body = RdvView),
        (status = 403, response = Forbidden),
        (status = 409, response = Conflict),
    )
)]
#[tracing::instrument(skip_all)]
async fn create(
    State(db): State<PgPool>,
    State(engine): State<SharedEngine>,
    MaybePrincipal(principal): MaybePrincipal,
    IdempotencyKey(key): IdempotencyKey,
    ApiJson(body): ApiJson<CreateRdv>,
) -> Result<Response> {
    let request = body.parse()?;
    Ok(
        match service::hold(&db, &engine, principal.as_ref(), key.as_deref(), request).await? {
            Held::Created(view) => (StatusCode::CREATED, Json(view)).into_response(),
            Held::Replayed(view) => (StatusCode::OK, Json(view)).into_response(),
        },
    )
}

/// Query of `GET /rdv/me`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct MineQuery {
    /// upcoming (default), past or all.
    #[param(example = "upcoming")]
    pub scope: Option<String>,
    /// Only this status.
    #[param(schema_with = codes::booking_status)]
    pub status: Option<String>,
}

/// The signed-in client's bookings.
#[utoipa::path(
    get,
    path = "/api/v1/rdv/me",
    tag = "bookings",
    operation_id = "myRdv",
    security(("bearer" = [])),
    params(MineQuery),
    responses(
        (status = 200, description = "The bookings", body = RdvListView),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn mine(
    State(db): State<PgPool>,
    State(engine): State<SharedEngine>,
    principal: Principal,
    ApiQuery(q): ApiQuery<MineQuery>,
) -> Result<Json<RdvListView>> {
    let scope = match q.scope.as_deref().unwrap_or("upcoming") {
        "upcoming" => Scope::Upcoming,
        "past" => Scope::Past,
        "all" => Scope::All,
        _ => return Err(Error::validation("scope", "upcoming, past or all")),
    };
    let status = q
        .status
        .as_deref()
        .map(|s| {
            s.parse::<BookingStatus>()
                .map_err(|_| Error::validation("status", "unknown status"))
        })
        .transpose()?;
    let items = service::mine(&db, &engine, &principal, scope, status).await?;
    Ok(Json(RdvListView { items }))
}

/// A booking.
#[utoipa::path(
    get,
    path = "/api/v1/rdv/{id}",
    tag = "bookings",
    operation_id = "getRdv",
    security(("bearer" = []), ("rdvToken" = []), ("rdvTokenQuery" = [])),
    params(("id" = Uuid, Path, description = "The booking")),
    responses(
        (status = 200, description = "The booking", body = RdvView),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    )
)]
#[tracing::instrument(skip_all)]
async fn read(
    State(db): State<PgPool>,
    State(engine): State<SharedEngine>,
    PathId(id): PathId,
    caller: Caller,
) -> Result<Json<RdvView>> {
    Ok(Json(service::read(&db, &engine, id, &caller).await?))
}

/// Body of `PUT /rdv/{id}`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MoveRdv {
    /// The new slot, from a search of the same centre.
    pub disponibilite_id: String,
}

/// Move a booking to another slot, before the modification deadline.
#[utoipa::path(
    put,
    path = "/api/v1/rdv/{id}",
    tag = "bookings",
    operation_id = "moveRdv",
    security(("bearer" = []), ("rdvToken" = []), ("rdvTokenQuery" = [])),
    params(("id" = Uuid, Path, description = "The booking")),
    request_body = MoveRdv,
    responses(
        (status = 200, description = "Moved", body = RdvView),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    )
)]
#[tracing::instrument(skip_all)]
async fn move_booking(
    State(db): State<PgPool>,
    State(engine): State<SharedEngine>,
    PathId(id): PathId,
    caller: Caller,
    ApiJson(body): ApiJson<MoveRdv>,
) -> Result<Json<RdvView>> {
    let slot = slot(&body.disponibilite_id)?;
    Ok(Json(
        service::move_to(&db, &engine, id, &caller, slot).await?,
    ))
}

/// Cancel a booking (refund per policy).
#[utoipa::path(
    delete,
    path = "/api/v1/rdv/{id}",
    tag = "bookings",
    operation_id = "cancelRdv",
    security(("bearer" = []), ("rdvToken" = []), ("rdvTokenQuery" = [])),
    params(("id" = Uuid, Path, description = "The booking")),
    responses(
        (status = 200, description = "Cancelled", body = CancelledView),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn cancel(
    State(db): State<PgPool>,
    State(engine): State<SharedEngine>,
    State(payments): State<Payments>,
    PathId(id): PathId,
    caller: Caller,
) -> Result<Json<CancelledView>> {
    Ok(Json(
        service::cancel(&db, &engine, &payments, id, &caller).await?,
    ))
}

/// The booking as an iCalendar event (RFC 5545), as a download.
#[utoipa::path(
    get,
    path = "/api/v1/rdv/{id}/ics",
    tag = "bookings",
    operation_id = "rdvIcs",
    security(("bearer" = []), ("rdvToken" = []), ("rdvTokenQuery" = [])),
    params(("id" = Uuid, Path, description = "The booking")),
    responses(
        (status = 200, description = "`<reference>.ics`", content_type = "text/calendar", body = String),
        (status = 404, response = NotFound),
    )
)]
#[tracing::instrument(skip_all)]
async fn ics(State(db): State<PgPool>, PathId(id): PathId, caller: Caller) -> Result<Response> {
    let row = service::row(&db, id, &caller).await?;
    Ok(download(
        "text/calendar; charset=utf-8",
        &format!("{}.ics", row.reference),
        ics_of(&row, Utc::now()).into_bytes(),
    ))
}

/// The PDF confirmation, as a download.
///
/// On the network's letterhead (its colour, logo and legal mentions), with a QR code of the
/// booking's reference.
#[utoipa::path(
    get,
    path = "/api/v1/rdv/{id}/pdf",
    tag = "bookings",
    operation_id = "rdvPdf",
    security(("bearer" = []), ("rdvToken" = []), ("rdvTokenQuery" = [])),
    params(("id" = Uuid, Path, description = "The booking")),
    responses(
        (status = 200, description = "`<reference>.pdf`, one A4 page", content_type = "application/pdf", body = [u8]),
        (status = 404, response = NotFound),
    )
)]
#[tracing::instrument(skip_all)]
async fn pdf(State(db): State<PgPool>, PathId(id): PathId, caller: Caller) -> Result<Response> {
    let (row, letterhead) = service::row_and_letterhead(&db, id, &caller).await?;
    let filename = format!("{}.pdf", row.reference);
    let pdf = tokio::task::spawn_blocking(move || confirmation_pdf(&row, &letterhead))
        .await
        .map_err(anyhow::Error::from)?
        .map_err(anyhow::Error::from)?;
    Ok(download("application/pdf", &filename, pdf))
}

/// Body of `POST /payment/process`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = PaymentRequest)]
pub struct ProcessBody {
    /// The booking to pay.
    pub rdv_id: String,
    /// The card token from `/payment/tokenize`.
    pub card_token: String,
}

/// Pay a held booking.
///
/// Charges the booking's price through the configured provider and confirms it. The
/// `Idempotency-Key` header is required: a retry with the same key answers the first result
/// and never charges twice. A failed payment keeps the hold (402 with the reason's code).
#[utoipa::path(
    post,
    path = "/api/v1/payment/process",
    tag = "payments",
    operation_id = "pay",
    security(("bearer" = []), ("rdvToken" = []), ("rdvTokenQuery" = [])),
    params(("Idempotency-Key" = String, Header, description = "Required: one charge per key")),
    request_body = ProcessBody,
    responses(
        (status = 200, description = "Paid and confirmed", body = PaymentResultView),
        (status = 402, response = PaymentFailed),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    )
)]
#[tracing::instrument(skip_all)]
async fn process(
    State(db): State<PgPool>,
    State(engine): State<SharedEngine>,
    State(payments): State<Payments>,
    key: IdempotencyKey,
    caller: Caller,
    ApiJson(body): ApiJson<ProcessBody>,
) -> Result<Json<PaymentResultView>> {
    let key = key.required("pay")?;
    let id = Uuid::parse_str(body.rdv_id.trim()).map_err(|_| Error::NotFound)?;
    Ok(Json(
        service::pay(&db, &engine, &payments, id, &caller, &body.card_token, &key).await?,
    ))
}
