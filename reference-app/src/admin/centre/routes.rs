//! Routes of the centres: `GET`/`POST /cts`, `GET`/`PUT /cts/{id}`, its closures
//! (`GET`/`POST /cts/{id}/closures`, `DELETE /cts/{id}/closures/{closure_id}`) and its offers
//! (`GET`/`PUT /cts/{id}/offers`).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use super::closures::{self, NewClosure};
use super::offers::{self, OfferInput};
use super::service::{self, CentreChange, NewCentre};
use super::settings::{Settings, SettingsInput};
use super::views::{Centre, CentreOffer, Closure, OpeningWindow};
use crate::admin::editor::KeyedBody;
use crate::admin::fields::{self, Address, AddressInput};
use crate::domain;
use crate::error::Result;
use crate::extract::{ApiJson, ApiPath, ApiQuery, IdempotencyKey, Origin, Principal, nullable};
use crate::http::Created;
use crate::http::openapi::{Conflict, Forbidden, NotFound, Unprocessable};
use crate::state::AppState;

/// The centre routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_centres, create_centre))
        .routes(routes!(get_centre, update_centre))
        .routes(routes!(list_closures, add_closure))
        .routes(routes!(remove_closure))
        .routes(routes!(list_offers, replace_offers))
}

/// Query of `GET /cts`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CentreFilter {
    /// Only the centres of this agency.
    pub agency_id: Option<Uuid>,
}

/// Body of `POST /cts`.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = CreateCentre)]
pub struct CreateCentreBody {
    /// The agency (of the caller's scope).
    #[schema(value_type = uuid::Uuid)]
    pub agency_id: String,
    /// Code, unique in the network: letters, digits, `-`, `_` (stored upper case).
    #[schema(min_length = 1, max_length = 20, pattern = "^[A-Za-z0-9_-]+$")]
    pub code: String,
    /// Name.
    #[schema(min_length = 1, max_length = 120)]
    pub name: String,
    /// Street address.
    #[serde(default)]
    #[schema(max_length = 200)]
    pub address: Option<String>,
    /// Postcode (five digits).
    #[schema(pattern = "^[0-9]{5}$")]
    pub postcode: String,
    /// Commune.
    #[schema(min_length = 1, max_length = 100)]
    pub city: String,
    /// Latitude (with `lng`); without both, the commune's point.
    #[serde(default)]
    #[schema(minimum = -90, maximum = 90)]
    pub lat: Option<f64>,
    /// Longitude (with `lat`).
    #[serde(default)]
    #[schema(minimum = -180, maximum = 180)]
    pub lng: Option<f64>,
    /// Phone.
    #[serde(default)]
    pub phone: Option<String>,
    /// E-mail.
    #[serde(default)]
    pub email: Option<String>,
    /// IANA time zone (default Europe/Paris).
    #[serde(default)]
    #[schema(example = "Europe/Paris")]
    pub time_zone: Option<String>,
    /// Inspection lanes, 1 to 20 (default 2).
    #[serde(default)]
    #[schema(minimum = 1, maximum = 20)]
    pub lanes: Option<i64>,
    /// Bookings a day, 1 to 1000 (default 30).
    #[serde(default)]
    #[schema(minimum = 1, maximum = 1000)]
    pub daily_capacity: Option<i64>,
    /// Slot grid, 5 to 120 minutes (default 15).
    #[serde(default)]
    #[schema(minimum = 5, maximum = 120)]
    pub grid_minutes: Option<i64>,
    /// Buffer between bookings, 0 to 120 minutes (default 0).
    #[serde(default)]
    #[schema(minimum = 0, maximum = 120)]
    pub buffer_minutes: Option<i64>,
    /// Overbooking limit, 100 to 200 percent (default 110).
    #[serde(default)]
    #[schema(minimum = 100, maximum = 200)]
    pub overbooking_percent: Option<i64>,
    /// Public holidays: `national` (closed on them, default), `alsace_moselle` (also Good
    /// Friday and 26 December), `open`.
    #[serde(default)]
    #[schema(example = "national")]
    pub holiday_policy: Option<String>,
    /// Opening hours (default none: closed); at most 20 windows, none overlapping another of
    /// the same day.
    #[serde(default)]
    #[schema(max_items = 20)]
    pub opening_hours: Option<Vec<OpeningWindow>>,
    /// Vehicle categories inspected (default VP and VU).
    #[serde(default)]
    pub vehicle_categories: Option<Vec<String>>,
}

impl CreateCentreBody {
    fn parse(&self) -> Result<NewCentre> {
        let (address, point) = Address::new(AddressInput {
            street: self.address.as_deref(),
            postcode: Some(&self.postcode),
            city: Some(&self.city),
            lat: self.lat,
            lng: self.lng,
        })?;
        Ok(NewCentre {
            agency_id: domain::id("agency_id", &self.agency_id)?,
            code: fields::code(&self.code)?,
            name: fields::name(&self.name)?,
            address,
            point,
            phone: fields::phone(self.phone.as_deref())?,
            email: fields::email(self.email.as_deref())?,
            settings: Settings::new(SettingsInput {
                time_zone: self.time_zone.as_deref(),
                lanes: self.lanes,
                daily_capacity: self.daily_capacity,
                grid_minutes: self.grid_minutes,
                buffer_minutes: self.buffer_minutes,
                overbooking_percent: self.overbooking_percent,
                holiday_policy: self.holiday_policy.as_deref(),
                opening_hours: self.opening_hours.as_deref(),
                vehicle_categories: self.vehicle_categories.as_deref(),
            })?,
        })
    }
}

/// Body of `PUT /cts/{id}`: the fields to change (limits as in `CreateCentre`).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = UpdateCentre)]
pub struct UpdateCentreBody {
    /// Another agency (ADMIN_TENANT).
    #[schema(value_type = Option<uuid::Uuid>)]
    pub agency_id: Option<String>,
    /// Code.
    #[schema(min_length = 1, max_length = 20, pattern = "^[A-Za-z0-9_-]+$")]
    pub code: Option<String>,
    /// Name.
    #[schema(min_length = 1, max_length = 120)]
    pub name: Option<String>,
    /// Street address.
    #[schema(max_length = 200)]
    pub address: Option<String>,
    /// Postcode; a new postcode or commune without `lat`/`lng` moves the point to the commune.
    #[schema(pattern = "^[0-9]{5}$")]
    pub postcode: Option<String>,
    /// Commune.
    #[schema(min_length = 1, max_length = 100)]
    pub city: Option<String>,
    /// Latitude (with `lng`).
    #[schema(minimum = -90, maximum = 90)]
    pub lat: Option<f64>,
    /// Longitude (with `lat`).
    #[schema(minimum = -180, maximum = 180)]
    pub lng: Option<f64>,
    /// Phone; null or blank removes it.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub phone: Option<Option<String>>,
    /// E-mail; null or blank removes it.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub email: Option<Option<String>>,
    /// IANA time zone.
    pub time_zone: Option<String>,
    /// Inspection lanes.
    #[schema(minimum = 1, maximum = 20)]
    pub lanes: Option<i64>,
    /// Bookings a day.
    #[schema(minimum = 1, maximum = 1000)]
    pub daily_capacity: Option<i64>,
    /// Slot grid, minutes.
    #[schema(minimum = 5, maximum = 120)]
    pub grid_minutes: Option<i64>,
    /// Buffer between bookings, minutes.
    #[schema(minimum = 0, maximum = 120)]
    pub buffer_minutes: Option<i64>,
    /// Overbooking limit, percent.
    #[schema(minimum = 100, maximum = 200)]
    pub overbooking_percent: Option<i64>,
    /// `national`, `alsace_moselle` or `open`.
    pub holiday_policy: Option<String>,
    /// Opening hours, replacing the current ones.
    #[schema(max_items = 20)]
    pub opening_hours: Option<Vec<OpeningWindow>>,
    /// Vehicle categories inspected.
    pub vehicle_categories: Option<Vec<String>>,
    /// `active` or `inactive` (an inactive centre leaves public search).
    #[schema(value_type = Option<String>, example = "inactive")]
    pub status: Option<String>,
}

impl UpdateCentreBody {
    fn parse(&self) -> Result<CentreChange<'_>> {
        Ok(CentreChange {
            agency_id: domain::optional_id("agency_id", self.agency_id.as_deref())?,
            code: self.code.as_deref().map(fields::code).transpose()?,
            name: self.name.as_deref().map(fields::name).transpose()?,
            address: AddressInput {
                street: self.address.as_deref(),
                postcode: self.postcode.as_deref(),
                city: self.city.as_deref(),
                lat: self.lat,
                lng: self.lng,
            },
            phone: self.phone.as_ref().map(Option::as_deref),
            email: self.email.as_ref().map(Option::as_deref),
            settings: SettingsInput {
                time_zone: self.time_zone.as_deref(),
                lanes: self.lanes,
                daily_capacity: self.daily_capacity,
                grid_minutes: self.grid_minutes,
                buffer_minutes: self.buffer_minutes,
                overbooking_percent: self.overbooking_percent,
                holiday_policy: self.holiday_policy.as_deref(),
                opening_hours: self.opening_hours.as_deref(),
                vehicle_categories: self.vehicle_categories.as_deref(),
            },
            status: self.status.as_deref().map(fields::status).transpose()?,
        })
    }
}

/// Body of `POST /cts/{id}/closures`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = CreateClosure)]
pub struct CreateClosureBody {
    /// First closed minute, the centre's local time `YYYY-MM-DDTHH:MM`.
    #[schema(example = "2027-05-01T00:00")]
    pub start: String,
    /// End (exclusive), local `YYYY-MM-DDTHH:MM`, after `start` and at most 366 days later.
    #[schema(example = "2027-05-02T00:00")]
    pub end: String,
    /// Why.
    #[serde(default)]
    #[schema(max_length = 200)]
    pub reason: Option<String>,
}

/// One offer of `PUT /cts/{id}/offers`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = OfferInput)]
pub struct OfferBody {
    /// `CT`, `CT_CONTRE_VISITE` or `CTC`.
    #[schema(example = "CT")]
    pub control_type: String,
    /// A vehicle category the centre inspects.
    #[schema(example = "VP")]
    pub vehicle_category: String,
    /// Price tax included, cents.
    #[schema(minimum = 0, maximum = 100000)]
    pub price_cents: i64,
    /// Duration, 5 to 240 minutes; null: the engine's default.
    #[serde(default)]
    #[schema(minimum = 5, maximum = 240)]
    pub duration_minutes: Option<i64>,
    /// Offered (default true); false withdraws the network's offer at this centre.
    #[serde(default)]
    pub active: Option<bool>,
}

/// Body of `PUT /cts/{id}/offers`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = ReplaceOffers)]
pub struct ReplaceOffersBody {
    /// The centre's own offers, at most one per control type and category.
    #[schema(max_items = 50)]
    pub offers: Vec<OfferBody>,
}

/// Centres in the caller's scope.
#[utoipa::path(
    get,
    path = "/api/v1/cts",
    tag = "network",
    operation_id = "centres",
    security(("bearer" = [])),
    params(CentreFilter),
    responses(
        (status = 200, description = "The centres the caller may read", body = Vec<Centre>),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn list_centres(
    State(db): State<PgPool>,
    principal: Principal,
    ApiQuery(filter): ApiQuery<CentreFilter>,
) -> Result<Json<Vec<Centre>>> {
    Ok(Json(
        service::list(&db, &principal, filter.agency_id).await?,
    ))
}

/// Open a centre.
///
/// ADMIN_TENANT in any agency of its network, ADMIN_AGENCE in its own. Public search offers it
/// as soon as it has opening hours, offers and an inspector. Replaying the same
/// `Idempotency-Key` with the same body answers the first centre with 200.
#[utoipa::path(
    post,
    path = "/api/v1/cts",
    tag = "network",
    operation_id = "createCentre",
    security(("bearer" = [])),
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe (1 to 200 characters)")),
    request_body = CreateCentreBody,
    responses(
        (status = 201, description = "Opened", body = Centre),
        (status = 200, description = "The centre this Idempotency-Key already opened", body = Centre),
        (status = 403, response = Forbidden),
        (status = 409, response = Conflict),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn create_centre(
    State(db): State<PgPool>,
    principal: Principal,
    origin: Origin,
    IdempotencyKey(key): IdempotencyKey,
    ApiJson(body): ApiJson<CreateCentreBody>,
) -> Result<Created<Centre>> {
    let new = body.parse()?;
    let sent = serde_json::to_value(&body).unwrap_or_default();
    let keyed = key.as_deref().map(|key| KeyedBody { key, body: &sent });
    service::create(&db, &principal, &origin, keyed, new).await
}

/// A centre.
#[utoipa::path(
    get,
    path = "/api/v1/cts/{id}",
    tag = "network",
    operation_id = "centre",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The centre")),
    responses(
        (status = 200, description = "The centre", body = Centre),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn get_centre(
    State(db): State<PgPool>,
    principal: Principal,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<Centre>> {
    Ok(Json(service::get(&db, &principal, id).await?))
}

/// Change a centre.
///
/// ADMIN_TENANT any centre, ADMIN_AGENCE those of its agency, ADMIN_CT its own. Public search
/// sees the change as soon as it is committed.
#[utoipa::path(
    put,
    path = "/api/v1/cts/{id}",
    tag = "network",
    operation_id = "updateCentre",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The centre")),
    request_body = UpdateCentreBody,
    responses(
        (status = 200, description = "Changed", body = Centre),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn update_centre(
    State(db): State<PgPool>,
    principal: Principal,
    origin: Origin,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<UpdateCentreBody>,
) -> Result<Json<Centre>> {
    let change = body.parse()?;
    Ok(Json(
        service::update(&db, &principal, &origin, id, change).await?,
    ))
}

/// A centre's exceptional closures.
///
/// Those ending in the last 30 days or later, by start, in the centre's local time, each with
/// the number of active bookings it covers (a closure cancels none).
#[utoipa::path(
    get,
    path = "/api/v1/cts/{id}/closures",
    tag = "network",
    operation_id = "centreClosures",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The centre")),
    responses(
        (status = 200, description = "The closures", body = Vec<Closure>),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn list_closures(
    State(db): State<PgPool>,
    principal: Principal,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<Vec<Closure>>> {
    Ok(Json(closures::list(&db, &principal, id).await?))
}

/// Close a centre for a while.
///
/// Public search offers no slot inside once committed. Same permission as changing the centre.
#[utoipa::path(
    post,
    path = "/api/v1/cts/{id}/closures",
    tag = "network",
    operation_id = "addCentreClosure",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The centre")),
    request_body = CreateClosureBody,
    responses(
        (status = 201, description = "Closed", body = Closure),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn add_closure(
    State(db): State<PgPool>,
    principal: Principal,
    origin: Origin,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<CreateClosureBody>,
) -> Result<(StatusCode, Json<Closure>)> {
    let new = NewClosure {
        start: &body.start,
        end: &body.end,
        reason: body.reason.as_deref(),
    };
    let closure = closures::add(&db, &principal, &origin, id, new).await?;
    Ok((StatusCode::CREATED, Json(closure)))
}

/// Reopen a closed period.
#[utoipa::path(
    delete,
    path = "/api/v1/cts/{id}/closures/{closure_id}",
    tag = "network",
    operation_id = "removeCentreClosure",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "The centre"),
        ("closure_id" = Uuid, Path, description = "The closure"),
    ),
    responses(
        (status = 204, description = "Removed"),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn remove_closure(
    State(db): State<PgPool>,
    principal: Principal,
    origin: Origin,
    ApiPath((id, closure)): ApiPath<(Uuid, Uuid)>,
) -> Result<StatusCode> {
    closures::remove(&db, &principal, &origin, id, closure).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A centre's offers.
///
/// One per control type and vehicle category the centre inspects: its own, else the network's.
#[utoipa::path(
    get,
    path = "/api/v1/cts/{id}/offers",
    tag = "network",
    operation_id = "centreOffers",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The centre")),
    responses(
        (status = 200, description = "The effective offers", body = Vec<CentreOffer>),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn list_offers(
    State(db): State<PgPool>,
    principal: Principal,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<Vec<CentreOffer>>> {
    Ok(Json(offers::list(&db, &principal, id).await?))
}

/// Set a centre's prices and durations.
///
/// Replaces the centre's own offers; the network's defaults stay underneath. Public search
/// shows the new prices as soon as they are committed.
#[utoipa::path(
    put,
    path = "/api/v1/cts/{id}/offers",
    tag = "network",
    operation_id = "replaceCentreOffers",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The centre")),
    request_body = ReplaceOffersBody,
    responses(
        (status = 200, description = "The new effective offers", body = Vec<CentreOffer>),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn replace_offers(
    State(db): State<PgPool>,
    principal: Principal,
    origin: Origin,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<ReplaceOffersBody>,
) -> Result<Json<Vec<CentreOffer>>> {
    let inputs: Vec<OfferInput<'_>> = body
        .offers
        .iter()
        .map(|o| OfferInput {
            control_type: &o.control_type,
            vehicle_category: &o.vehicle_category,
            price_cents: o.price_cents,
            duration_minutes: o.duration_minutes,
            active: o.active,
        })
        .collect();
    Ok(Json(
        offers::replace(&db, &principal, &origin, id, &inputs).await?,
    ))
}
