//! Routes of the user service: `/auth/register`, `/auth/login`, `/auth/refresh`,
//! `/auth/logout`, `/users/me`, `/users/me/vehicles` and `/users/me/notifications`, then those
//! of staff management (`/users`, `/users/{id}`, `/auth/set-password`).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use serde_json::Value;
use sqlx::PgPool;
use std::sync::Arc;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::service::{self, ProfileChange, Registration, VehicleInput};
use super::sessions::Sessions;
use super::views::{Prefs, Tokens, User, VehicleView};
use crate::auth::Jwt;
use crate::domain::{self, Email, Password, PersonName, Phone};
use crate::error::{Error, Result};
use crate::extract::{ApiJson, NamedTenant, PathId, Principal};
use crate::http::openapi::{Conflict, Forbidden, NotFound, Unauthorized, codes};
use crate::state::AppState;

/// The user routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(register))
        .routes(routes!(login))
        .routes(routes!(refresh))
        .routes(routes!(logout))
        .routes(routes!(me, update_me))
        .routes(routes!(list_vehicles, add_vehicle))
        .routes(routes!(update_vehicle, remove_vehicle))
        .routes(routes!(prefs, set_prefs))
        .merge(super::staff::routes::router())
}

/// Body of `POST /auth/register`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Register)]
pub struct RegisterBody {
    /// E-mail.
    pub email: String,
    /// Password (at least 8 characters, a letter and a digit).
    pub password: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Phone.
    #[serde(default)]
    pub phone: Option<String>,
}

/// Body of `POST /auth/login`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Login)]
pub struct LoginBody {
    /// E-mail.
    pub email: String,
    /// Password.
    pub password: String,
}

/// Body of `POST /auth/refresh`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Refresh)]
pub struct RefreshBody {
    /// The refresh token last issued.
    pub refresh_token: String,
}

/// Body of `PUT /users/me`: the fields to change.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = UpdateMe)]
pub struct UpdateMeBody {
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Notification preferences (an object merged into the current ones).
    #[schema(value_type = Option<Object>)]
    pub notification_prefs: Option<serde_json::Value>,
}

/// Body of vehicle creation and update.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = VehicleInput)]
pub struct VehicleBody {
    /// Plate (SIV `AB-123-CD` or FNI `1234 AB 75`).
    #[schema(example = "AB-123-CD")]
    pub immatriculation: String,
    /// Category code (default VP).
    #[schema(schema_with = codes::vehicle_type)]
    pub vehicle_type: Option<String>,
    /// Fuel code (default PETROL).
    #[schema(schema_with = codes::fuel)]
    pub fuel: Option<String>,
    /// Make.
    pub marque: Option<String>,
    /// Model.
    pub modele: Option<String>,
    /// Year of first registration (1900 to next year).
    #[schema(minimum = 1900)]
    pub annee: Option<i32>,
}

impl RegisterBody {
    fn parse(self) -> Result<Registration> {
        Ok(Registration {
            email: Email::parse(&self.email)?,
            password: Password::parse(&self.password)?,
            first_name: PersonName::parse("first_name", &self.first_name)?,
            last_name: PersonName::parse("last_name", &self.last_name)?,
            phone: self.phone.as_deref().map(Phone::parse).transpose()?,
        })
    }
}

impl UpdateMeBody {
    fn parse(self) -> Result<ProfileChange> {
        let name = |field, v: Option<String>| v.map(|v| PersonName::parse(field, &v)).transpose();
        Ok(ProfileChange {
            first_name: name("first_name", self.first_name)?,
            last_name: name("last_name", self.last_name)?,
            phone: self.phone.as_deref().map(Phone::parse).transpose()?,
            notification_prefs: match self.notification_prefs {
                Some(v) if !v.is_object() => {
                    return Err(Error::validation("notification_prefs", "must be an object"));
                }
                other => other,
            },
        })
    }
}

impl VehicleBody {
    fn parse(self) -> Result<VehicleInput> {
        let short = |field, v: Option<String>| domain::optional_text(field, v.as_deref(), 60);
        Ok(VehicleInput {
            plate: domain::plate("immatriculation", &self.immatriculation)?,
            category: domain::vehicle_category("vehicle_type", self.vehicle_type.as_deref())?,
            fuel: domain::code_or("fuel", self.fuel.as_deref(), pti_core::model::Fuel::Petrol)?,
            make: short("marque", self.marque)?,
            model: short("modele", self.modele)?,
            year: domain::registration_year("annee", self.annee)?,
        })
    }
}

/// Client sign-up, in the network named by `X-Tenant-ID`.
#[utoipa::path(
    post,
    path = "/api/v1/auth/register",
    tag = "auth",
    operation_id = "register",
    security(()),
    params(("X-Tenant-ID" = String, Header, description = "The network to sign up with (id, slug or domain)")),
    request_body = RegisterBody,
    responses(
        (status = 201, description = "Signed up and signed in", body = Tokens),
        (status = 409, response = Conflict),
    )
)]
#[tracing::instrument(skip_all)]
async fn register(
    State(db): State<PgPool>,
    State(jwt): State<Arc<Jwt>>,
    tenant: NamedTenant,
    ApiJson(body): ApiJson<RegisterBody>,
) -> Result<(StatusCode, Json<Tokens>)> {
    let tenant = tenant.required("sign up with")?;
    let tokens = service::register(&db, &jwt, tenant.id, body.parse()?).await?;
    Ok((StatusCode::CREATED, Json(tokens)))
}

/// Log in.
///
/// An e-mail known in several networks needs `X-Tenant-ID`.
#[utoipa::path(
    post,
    path = "/api/v1/auth/login",
    tag = "auth",
    operation_id = "login",
    security(()),
    params(("X-Tenant-ID" = Option<String>, Header, description = "The network (id, slug or domain)")),
    request_body = LoginBody,
    responses(
        (status = 200, description = "Signed in", body = Tokens),
        (status = 401, response = Unauthorized),
    )
)]
#[tracing::instrument(skip_all)]
async fn login(
    State(db): State<PgPool>,
    State(jwt): State<Arc<Jwt>>,
    NamedTenant(tenant): NamedTenant,
    ApiJson(body): ApiJson<LoginBody>,
) -> Result<Json<Tokens>> {
    let tenant = tenant.map(|t| t.id);
    Ok(Json(
        service::login(&db, &jwt, tenant, &body.email, body.password).await?,
    ))
}

/// Rotate the refresh token.
///
/// Each refresh token works once; presenting a used one again revokes the whole session.
#[utoipa::path(
    post,
    path = "/api/v1/auth/refresh",
    tag = "auth",
    operation_id = "refresh",
    security(()),
    request_body = RefreshBody,
    responses(
        (status = 200, description = "New tokens", body = Tokens),
        (status = 401, response = Unauthorized),
    )
)]
#[tracing::instrument(skip_all)]
async fn refresh(
    State(db): State<PgPool>,
    State(jwt): State<Arc<Jwt>>,
    State(sessions): State<Sessions>,
    ApiJson(body): ApiJson<RefreshBody>,
) -> Result<Json<Tokens>> {
    Ok(Json(
        service::refresh(&db, &jwt, &sessions, &body.refresh_token).await?,
    ))
}

/// Revoke the session (its access and refresh tokens).
#[utoipa::path(
    post,
    path = "/api/v1/auth/logout",
    tag = "auth",
    operation_id = "logout",
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Signed out"),
    )
)]
#[tracing::instrument(skip_all)]
async fn logout(
    State(db): State<PgPool>,
    State(sessions): State<Sessions>,
    principal: Principal,
) -> Result<StatusCode> {
    service::logout(&db, &sessions, &principal).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The signed-in user.
#[utoipa::path(
    get,
    path = "/api/v1/users/me",
    tag = "profile",
    operation_id = "me",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The user", body = User),
    )
)]
#[tracing::instrument(skip_all)]
async fn me(State(db): State<PgPool>, principal: Principal) -> Result<Json<User>> {
    Ok(Json(service::me(&db, &principal).await?))
}

/// Update the signed-in user.
#[utoipa::path(
    put,
    path = "/api/v1/users/me",
    tag = "profile",
    operation_id = "updateMe",
    security(("bearer" = [])),
    request_body = UpdateMeBody,
    responses(
        (status = 200, description = "The user", body = User),
    )
)]
#[tracing::instrument(skip_all)]
async fn update_me(
    State(db): State<PgPool>,
    principal: Principal,
    ApiJson(body): ApiJson<UpdateMeBody>,
) -> Result<Json<User>> {
    Ok(Json(
        service::update_me(&db, &principal, body.parse()?).await?,
    ))
}

/// Saved vehicles, oldest first.
#[utoipa::path(
    get,
    path = "/api/v1/users/me/vehicles",
    tag = "profile",
    operation_id = "vehicles",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The vehicles", body = Vec<VehicleView>),
        (status = 403, response = Forbidden),
    )
)]
#[tracing::instrument(skip_all)]
async fn list_vehicles(
    State(db): State<PgPool>,
    principal: Principal,
) -> Result<Json<Vec<VehicleView>>> {
    Ok(Json(service::vehicles(&db, &principal).await?))
}

/// Save a vehicle.
#[utoipa::path(
    post,
    path = "/api/v1/users/me/vehicles",
    tag = "profile",
    operation_id = "addVehicle",
    security(("bearer" = [])),
    request_body = VehicleBody,
    responses(
        (status = 201, description = "Saved", body = VehicleView),
        (status = 403, response = Forbidden),
        (status = 409, response = Conflict),
    )
)]
#[tracing::instrument(skip_all)]
async fn add_vehicle(
    State(db): State<PgPool>,
    principal: Principal,
    ApiJson(body): ApiJson<VehicleBody>,
) -> Result<(StatusCode, Json<VehicleView>)> {
    let vehicle = service::add_vehicle(&db, &principal, body.parse()?).await?;
    Ok((StatusCode::CREATED, Json(vehicle)))
}

/// Change a saved vehicle.
#[utoipa::path(
    put,
    path = "/api/v1/users/me/vehicles/{id}",
    tag = "profile",
    operation_id = "updateVehicle",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The vehicle")),
    request_body = VehicleBody,
    responses(
        (status = 200, description = "Changed", body = VehicleView),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    )
)]
#[tracing::instrument(skip_all)]
async fn update_vehicle(
    State(db): State<PgPool>,
    principal: Principal,
    PathId(id): PathId,
    ApiJson(body): ApiJson<VehicleBody>,
) -> Result<Json<VehicleView>> {
    Ok(Json(
        service::update_vehicle(&db, &principal, id, body.parse()?).await?,
    ))
}

/// Forget a saved vehicle.
#[utoipa::path(
    delete,
    path = "/api/v1/users/me/vehicles/{id}",
    tag = "profile",
    operation_id = "deleteVehicle",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The vehicle")),
    responses(
        (status = 204, description = "Forgotten"),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    )
)]
#[tracing::instrument(skip_all)]
async fn remove_vehicle(
    State(db): State<PgPool>,
    principal: Principal,
    PathId(id): PathId,
) -> Result<StatusCode> {
    service::remove_vehicle(&db, &principal, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Notification preferences.
#[utoipa::path(
    get,
    path = "/api/v1/users/me/notifications",
    tag = "profile",
    operation_id = "prefs",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The stored preferences: `email`, `sms`, `reminder_j1`, `reminder_h2`, and any key set through `PUT /users/me`", body = Object),
        (status = 403, response = Forbidden),
    )
)]
#[tracing::instrument(skip_all)]
async fn prefs(State(db): State<PgPool>, principal: Principal) -> Result<Json<Value>> {
    Ok(Json(service::prefs(&db, &principal).await?))
}

/// Set notification preferences.
#[utoipa::path(
    put,
    path = "/api/v1/users/me/notifications",
    tag = "profile",
    operation_id = "setPrefs",
    security(("bearer" = [])),
    request_body = Prefs,
    responses(
        (status = 200, description = "The stored preferences", body = Prefs),
        (status = 403, response = Forbidden),
    )
)]
#[tracing::instrument(skip_all)]
async fn set_prefs(
    State(db): State<PgPool>,
    principal: Principal,
    ApiJson(body): ApiJson<Prefs>,
) -> Result<Json<Value>> {
    Ok(Json(service::set_prefs(&db, &principal, &body).await?))
}
