//! Routes of the agencies: `GET`/`POST /agences`, `GET`/`PUT /agences/{id}`.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use super::service::{self, AgencyChange, NewAgency};
use super::views::Agency;
use crate::admin::editor::KeyedBody;
use crate::admin::fields::{self, Address, AddressInput};
use crate::error::Result;
use crate::extract::{ApiJson, ApiPath, IdempotencyKey, Origin, Principal, nullable};
use crate::http::Created;
use crate::http::openapi::{Conflict, Forbidden, NotFound, Unprocessable};
use crate::state::AppState;

/// The agency routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_agencies, create_agency))
        .routes(routes!(get_agency, update_agency))
}

/// Body of `POST /agences`.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = CreateAgency)]
pub struct CreateAgencyBody {
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
}

impl CreateAgencyBody {
    fn parse(&self) -> Result<NewAgency> {
        Ok(NewAgency {
            code: fields::code(&self.code)?,
            name: fields::name(&self.name)?,
            address: Address::new(AddressInput {
                street: self.address.as_deref(),
                postcode: Some(&self.postcode),
                city: Some(&self.city),
                lat: self.lat,
                lng: self.lng,
            })?
            .0,
            phone: fields::phone(self.phone.as_deref())?,
            email: fields::email(self.email.as_deref())?,
        })
    }
}

/// Body of `PUT /agences/{id}`: the fields to change.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = UpdateAgency)]
pub struct UpdateAgencyBody {
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
    /// `active` or `inactive`.
    #[schema(value_type = Option<String>, example = "inactive")]
    pub status: Option<String>,
}

impl UpdateAgencyBody {
    fn parse(&self) -> Result<AgencyChange<'_>> {
        Ok(AgencyChange {
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
            status: self.status.as_deref().map(fields::status).transpose()?,
        })
    }
}

/// Agencies in the caller's scope.
///
/// Every agency of the network for its staff (an agency's admin reads them all and changes
/// its own), by name, each with the number of its centres.
#[utoipa::path(
    get,
    path = "/api/v1/agences",
    tag = "network",
    operation_id = "agencies",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The agencies the caller may read", body = Vec<Agency>),
        (status = 403, response = Forbidden),
    )
)]
#[tracing::instrument(skip_all)]
async fn list_agencies(
    State(db): State<PgPool>,
    principal: Principal,
) -> Result<Json<Vec<Agency>>> {
    Ok(Json(service::list(&db, &principal).await?))
}

/// Open an agency.
///
/// ADMIN_TENANT only. Without `lat` and `lng` the agency is placed at its commune, found by
/// postcode and name in the communes table. Replaying the same `Idempotency-Key` with the same
/// body answers the first agency with 200.
#[utoipa::path(
    post,
    path = "/api/v1/agences",
    tag = "network",
    operation_id = "createAgency",
    security(("bearer" = [])),
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe (1 to 200 characters)")),
    request_body = CreateAgencyBody,
    responses(
        (status = 201, description = "Opened", body = Agency),
        (status = 200, description = "The agency this Idempotency-Key already opened", body = Agency),
        (status = 403, response = Forbidden),
        (status = 409, response = Conflict),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn create_agency(
    State(db): State<PgPool>,
    principal: Principal,
    origin: Origin,
    IdempotencyKey(key): IdempotencyKey,
    ApiJson(body): ApiJson<CreateAgencyBody>,
) -> Result<Created<Agency>> {
    let new = body.parse()?;
    let sent = serde_json::to_value(&body).unwrap_or_default();
    let keyed = key.as_deref().map(|key| KeyedBody { key, body: &sent });
    service::create(&db, &principal, &origin, keyed, new).await
}

/// An agency.
#[utoipa::path(
    get,
    path = "/api/v1/agences/{id}",
    tag = "network",
    operation_id = "agency",
    security(("bearer" = [])),
    params(("id" = uuid::Uuid, Path, description = "The agency")),
    responses(
        (status = 200, description = "The agency", body = Agency),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn get_agency(
    State(db): State<PgPool>,
    principal: Principal,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<Agency>> {
    Ok(Json(service::get(&db, &principal, id).await?))
}

/// Change an agency.
///
/// ADMIN_TENANT changes any agency of its network, ADMIN_AGENCE its own.
#[utoipa::path(
    put,
    path = "/api/v1/agences/{id}",
    tag = "network",
    operation_id = "updateAgency",
    security(("bearer" = [])),
    params(("id" = uuid::Uuid, Path, description = "The agency")),
    request_body = UpdateAgencyBody,
    responses(
        (status = 200, description = "Changed", body = Agency),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn update_agency(
    State(db): State<PgPool>,
    principal: Principal,
    origin: Origin,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<UpdateAgencyBody>,
) -> Result<Json<Agency>> {
    let change = body.parse()?;
    Ok(Json(
        service::update(&db, &principal, &origin, id, change).await?,
    ))
}
