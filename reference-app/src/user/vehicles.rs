//! The client's profile beyond identity: saved vehicles (`/users/me/vehicles`) and notification
//! preferences (`/users/me/notifications`).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use pti_core::model::UserId;
use pti_core::policy::{Action, Resource, ResourceRef};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sqlx::PgConnection;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::auth::Principal;
use crate::booking::{plate, year};
use crate::db::tenant_tx;
use crate::error::{Error, Result};
use crate::http::openapi::{Conflict, Forbidden, NotFound};
use crate::http::{ApiJson, AppState};
use crate::search::{code_or, vehicle_category};

/// The profile routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(update, remove))
        .routes(routes!(prefs, set_prefs))
}

/// A saved vehicle.
#[derive(Debug, Serialize, sqlx::FromRow, ToSchema)]
#[schema(as = Vehicle)]
pub struct VehicleView {
    /// Id.
    pub id: Uuid,
    /// Plate.
    pub immatriculation: String,
    /// Category code.
    #[schema(schema_with = crate::codes::schema::vehicle_type)]
    pub vehicle_type: String,
    /// Fuel code.
    #[schema(schema_with = crate::codes::schema::fuel)]
    pub fuel: String,
    /// Make.
    pub marque: Option<String>,
    /// Model.
    pub modele: Option<String>,
    /// Year.
    pub annee: Option<i16>,
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
    #[schema(schema_with = crate::codes::schema::vehicle_type)]
    pub vehicle_type: Option<String>,
    /// Fuel code (default PETROL).
    #[schema(schema_with = crate::codes::schema::fuel)]
    pub fuel: Option<String>,
    /// Make.
    pub marque: Option<String>,
    /// Model.
    pub modele: Option<String>,
    /// Year of first registration (1900 to next year).
    #[schema(minimum = 1900)]
    pub annee: Option<i32>,
}

const COLUMNS: &str = "id, plate AS immatriculation, category AS vehicle_type, fuel, make AS marque, model AS modele, year AS annee";

/// The id of vehicle `id` when `user` owns it.
pub async fn owned(conn: &mut PgConnection, user: Uuid, id: Uuid) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar("SELECT id FROM vehicles WHERE id = $1 AND user_id = $2")
        .bind(id)
        .bind(user)
        .fetch_optional(conn)
        .await
}

fn own(principal: &Principal, kind: Resource, action: Action) -> Result<()> {
    principal.authorize(
        action,
        &ResourceRef {
            kind,
            tenant_id: principal.tenant_id,
            agency_id: None,
            centre_id: None,
            owner_id: Some(UserId(principal.user_id)),
        },
    )
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
async fn list(
    State(state): State<AppState>,
    principal: Principal,
) -> Result<Json<Vec<VehicleView>>> {
    own(&principal, Resource::Vehicle, Action::Read)?;
    let mut tx = tenant_tx(&state.db, &principal.context()).await?;
    let rows = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM vehicles WHERE user_id = $1 ORDER BY created_at"
    ))
    .bind(principal.user_id)
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Json(rows))
}

struct Checked {
    plate: String,
    compact: String,
    category: &'static str,
    fuel: String,
    make: Option<String>,
    model: Option<String>,
    year: Option<i16>,
}

fn check(body: &VehicleBody) -> Result<Checked> {
    let p = plate("immatriculation", &body.immatriculation)?;
    let category = vehicle_category("vehicle_type", body.vehicle_type.as_deref())?;
    let fuel: pti_core::model::Fuel =
        code_or("fuel", body.fuel.as_deref(), pti_core::model::Fuel::Petrol)?;
    let short = |field: &str, v: &Option<String>| -> Result<Option<String>> {
        match v.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            Some(v) if v.chars().count() > 60 => {
                Err(Error::validation(field, "at most 60 characters"))
            }
            other => Ok(other.map(str::to_owned)),
        }
    };
    Ok(Checked {
        compact: p.as_str().replace(['-', ' '], ""),
        plate: p.as_str().to_owned(),
        category: category.code(),
        fuel: crate::codes::of(fuel),
        make: short("marque", &body.marque)?,
        model: short("modele", &body.modele)?,
        year: year("annee", body.annee)?,
    })
}

fn duplicate(e: sqlx::Error) -> Error {
    match &e {
        sqlx::Error::Database(db) if db.code().as_deref() == Some("23505") => {
            Error::conflict("VEHICLE_EXISTS", "this vehicle is already in your profile")
        }
        _ => e.into(),
    }
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
async fn create(
    State(state): State<AppState>,
    principal: Principal,
    ApiJson(body): ApiJson<VehicleBody>,
) -> Result<(StatusCode, Json<VehicleView>)> {
    own(&principal, Resource::Vehicle, Action::Create)?;
    let v = check(&body)?;
    let tenant = principal.tenant_id.ok_or(Error::Forbidden)?;
    let mut tx = tenant_tx(&state.db, &principal.context()).await?;
    let row = sqlx::query_as(&format!(
        "INSERT INTO vehicles (tenant_id, user_id, plate, plate_normalized, category, fuel, make, model, year) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING {COLUMNS}"
    ))
    .bind(tenant.0)
    .bind(principal.user_id)
    .bind(&v.plate)
    .bind(&v.compact)
    .bind(v.category)
    .bind(&v.fuel)
    .bind(&v.make)
    .bind(&v.model)
    .bind(v.year)
    .fetch_one(&mut *tx)
    .await
    .map_err(duplicate)?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(row)))
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
async fn update(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<VehicleBody>,
) -> Result<Json<VehicleView>> {
    own(&principal, Resource::Vehicle, Action::Update)?;
    let id = vehicle_id(&id)?;
    let v = check(&body)?;
    let mut tx = tenant_tx(&state.db, &principal.context()).await?;
    let row = sqlx::query_as(&format!(
        "UPDATE vehicles SET plate = $3, plate_normalized = $4, category = $5, fuel = $6, make = $7, \
         model = $8, year = $9 WHERE id = $1 AND user_id = $2 RETURNING {COLUMNS}"
    ))
    .bind(id)
    .bind(principal.user_id)
    .bind(&v.plate)
    .bind(&v.compact)
    .bind(v.category)
    .bind(&v.fuel)
    .bind(&v.make)
    .bind(&v.model)
    .bind(v.year)
    .fetch_optional(&mut *tx)
    .await
    .map_err(duplicate)?
    .ok_or(Error::NotFound)?;
    tx.commit().await?;
    Ok(Json(row))
}

/// The vehicle named by a path: text that is not a UUID names none (as for bookings), so it is
/// the app's JSON 404, not the path extractor's plain-text 400.
fn vehicle_id(raw: &str) -> Result<Uuid> {
    Uuid::parse_str(raw).map_err(|_| Error::NotFound)
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
async fn remove(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<String>,
) -> Result<StatusCode> {
    own(&principal, Resource::Vehicle, Action::Delete)?;
    let id = vehicle_id(&id)?;
    let mut tx = tenant_tx(&state.db, &principal.context()).await?;
    let done = sqlx::query("DELETE FROM vehicles WHERE id = $1 AND user_id = $2")
        .bind(id)
        .bind(principal.user_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    if done.rows_affected() == 0 {
        return Err(Error::NotFound);
    }
    Ok(StatusCode::NO_CONTENT)
}

/// Notification preferences.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = NotificationPrefs)]
pub struct Prefs {
    /// E-mails.
    pub email: bool,
    /// SMS.
    pub sms: bool,
    /// Reminder the day before.
    pub reminder_j1: bool,
    /// Reminder two hours before.
    pub reminder_h2: bool,
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
async fn prefs(State(state): State<AppState>, principal: Principal) -> Result<Json<Value>> {
    own(&principal, Resource::Notification, Action::Read)?;
    let mut tx = tenant_tx(&state.db, &principal.context()).await?;
    let prefs: Value = sqlx::query_scalar("SELECT notification_prefs FROM users WHERE id = $1")
        .bind(principal.user_id)
        .fetch_one(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Json(prefs))
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
async fn set_prefs(
    State(state): State<AppState>,
    principal: Principal,
    ApiJson(body): ApiJson<Prefs>,
) -> Result<Json<Value>> {
    own(&principal, Resource::Notification, Action::Update)?;
    let mut tx = tenant_tx(&state.db, &principal.context()).await?;
    let prefs: Value = sqlx::query_scalar(
        "UPDATE users SET notification_prefs = $2 WHERE id = $1 RETURNING notification_prefs",
    )
    .bind(principal.user_id)
    .bind(serde_json::to_value(&body).map_err(anyhow::Error::from)?)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Json(prefs))
}
