//! Routes of staff user management: `GET`/`POST /users`, `PUT`/`DELETE /users/{id}`, and
//! `POST /auth/set-password` (the invited person's first sign-in).

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use sqlx::PgPool;
use utoipa::openapi::schema::{Object, ObjectBuilder, Type};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::export;
use super::grants::Place;
use super::invitation;
use super::list::{ListParams, ListRequest, Sort};
use super::service::{self, AccountChange, NewAccount};
use super::views::{StaffPage, StaffUser};
use crate::auth::Jwt;
use crate::config::Settings;
use crate::domain::{self, AccountStatus, Email, Password, PersonName, Phone};
use crate::error::Result;
use crate::export::Format;
use crate::extract::{ApiJson, ApiQuery, IdempotencyKey, Origin, PathId, Principal, nullable};
use crate::http::Created;
use crate::http::openapi::{Conflict, Forbidden, NotFound, Unprocessable, codes};
use crate::state::AppState;
use crate::user::Tokens;
use crate::user::sessions::Sessions;

/// The staff user routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_users, create_user))
        .routes(routes!(export_users))
        .routes(routes!(resend_invitation))
        .routes(routes!(update_user, delete_user))
        .routes(routes!(set_password))
}

/// Query of `GET /users`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct UsersQuery {
    /// Words found in the first name, last name or e-mail (case and accents aside; at most
    /// 100 characters).
    pub q: Option<String>,
    /// Only this role.
    #[param(schema_with = codes::account_role)]
    pub role: Option<String>,
    /// Only the accounts of this agency (its centres' staff included).
    #[param(value_type = Option<uuid::Uuid>)]
    pub agency_id: Option<String>,
    /// Only the accounts of this centre.
    #[param(value_type = Option<uuid::Uuid>)]
    pub centre_id: Option<String>,
    /// Only this status.
    #[param(value_type = Option<AccountStatus>)]
    pub status: Option<String>,
    /// Order: `name` (last, then first name; default), `email`, `role`, `created_at`,
    /// `last_login_at` (never signed in: first ascending, last descending).
    #[param(schema_with = sorts)]
    pub sort: Option<String>,
    /// `asc` (default) or `desc`.
    #[param(schema_with = codes::sort_order)]
    pub order: Option<String>,
    /// The `next_cursor` of the previous page, with the same `sort` and `order`.
    pub cursor: Option<String>,
    /// Accounts per page, 1 to 100 (default 25).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 100)]
    pub limit: Option<String>,
}

/// The orders of the list, for the document.
fn sorts() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(Sort::ALL.map(Sort::code)))
        .description(Some("Order (default name)"))
        .build()
}

impl UsersQuery {
    fn parse(&self) -> Result<ListRequest> {
        ListRequest::parse(ListParams {
            q: self.q.as_deref(),
            role: self.role.as_deref(),
            agency_id: self.agency_id.as_deref(),
            centre_id: self.centre_id.as_deref(),
            status: self.status.as_deref(),
            sort: self.sort.as_deref(),
            order: self.order.as_deref(),
            limit: self.limit.as_deref(),
            cursor: self.cursor.as_deref(),
        })
    }
}

/// Query of `GET /users/export`: the list's filters and order, and the file's format.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// `csv` (UTF-8, `;`, as French spreadsheets open it) or `xlsx`.
    #[param(value_type = String, example = "xlsx")]
    pub format: String,
    /// As in `GET /users`.
    pub q: Option<String>,
    /// As in `GET /users`.
    #[param(schema_with = codes::account_role)]
    pub role: Option<String>,
    /// As in `GET /users`.
    #[param(value_type = Option<uuid::Uuid>)]
    pub agency_id: Option<String>,
    /// As in `GET /users`.
    #[param(value_type = Option<uuid::Uuid>)]
    pub centre_id: Option<String>,
    /// As in `GET /users`.
    #[param(value_type = Option<AccountStatus>)]
    pub status: Option<String>,
    /// As in `GET /users`.
    #[param(schema_with = sorts)]
    pub sort: Option<String>,
    /// As in `GET /users`.
    #[param(schema_with = codes::sort_order)]
    pub order: Option<String>,
}

/// Body of `POST /users`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = CreateUser)]
pub struct CreateUserBody {
    /// E-mail (unique in the network).
    pub email: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Phone.
    #[serde(default)]
    pub phone: Option<String>,
    /// Role: one the caller may give (ADMIN_TENANT gives ADMIN_TENANT, ADMIN_AGENCE, ADMIN_CT,
    /// CONTROLEUR, CALL_CENTER; ADMIN_AGENCE gives ADMIN_CT and CONTROLEUR).
    #[schema(schema_with = codes::account_role)]
    pub role: String,
    /// The agency (ADMIN_AGENCE only).
    #[serde(default)]
    #[schema(value_type = Option<uuid::Uuid>)]
    pub agency_id: Option<String>,
    /// The centre (ADMIN_CT and CONTROLEUR; its agency is the account's).
    #[serde(default)]
    #[schema(value_type = Option<uuid::Uuid>)]
    pub centre_id: Option<String>,
}

/// Body of `PUT /users/{id}`: the fields to change.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = UpdateUser)]
pub struct UpdateUserBody {
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Phone; null or blank removes it.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub phone: Option<Option<String>>,
    /// Role (one the caller may give). Ids the new role does not take are dropped.
    #[schema(schema_with = codes::account_role)]
    pub role: Option<String>,
    /// The agency (ADMIN_AGENCE).
    #[schema(value_type = Option<uuid::Uuid>)]
    pub agency_id: Option<String>,
    /// The centre (ADMIN_CT, CONTROLEUR).
    #[schema(value_type = Option<uuid::Uuid>)]
    pub centre_id: Option<String>,
    /// `disabled` ends the account's sessions and refuses its sign-in; `active` re-enables it
    /// (back to `invited` when no password was ever chosen).
    #[schema(value_type = Option<String>, example = "disabled")]
    pub status: Option<String>,
}

/// Body of `POST /auth/set-password`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = SetPassword)]
pub struct SetPasswordBody {
    /// The token of the invitation link.
    pub token: String,
    /// The new password (8 to 128 characters, a letter and a digit).
    pub password: String,
}

fn place(agency_id: Option<&str>, centre_id: Option<&str>) -> Result<Place> {
    Ok(Place {
        agency_id: domain::optional_id("agency_id", agency_id)?,
        centre_id: domain::optional_id("centre_id", centre_id)?,
    })
}

impl CreateUserBody {
    fn parse(self) -> Result<NewAccount> {
        Ok(NewAccount {
            email: Email::parse(&self.email)?,
            first_name: PersonName::parse("first_name", &self.first_name)?,
            last_name: PersonName::parse("last_name", &self.last_name)?,
            phone: self.phone.as_deref().map(Phone::parse).transpose()?,
            role: domain::account_role("role", &self.role)?,
            place: place(self.agency_id.as_deref(), self.centre_id.as_deref())?,
        })
    }
}

impl UpdateUserBody {
    fn parse(self) -> Result<AccountChange> {
        let name = |field, v: Option<String>| v.map(|v| PersonName::parse(field, &v)).transpose();
        let phone = match self.phone {
            None => None,
            Some(p) => Some(
                p.filter(|p| !p.trim().is_empty())
                    .map(|p| Phone::parse(&p))
                    .transpose()?,
            ),
        };
        Ok(AccountChange {
            first_name: name("first_name", self.first_name)?,
            last_name: name("last_name", self.last_name)?,
            phone,
            role: self
                .role
                .map(|r| domain::account_role("role", &r))
                .transpose()?,
            place: place(self.agency_id.as_deref(), self.centre_id.as_deref())?,
            status: self
                .status
                .map(|s| domain::settable_status("status", &s))
                .transpose()?,
        })
    }
}

/// The accounts of the caller's network.
///
/// For user administrators: ADMIN_TENANT sees every account of its network, ADMIN_AGENCE the
/// staff of its agency and of the agency's centres, and the network's clients. Paged by
/// cursor: pass `next_cursor` back as `cursor` with the same `sort` and `order`.
#[utoipa::path(
    get,
    path = "/api/v1/users",
    tag = "users",
    operation_id = "listUsers",
    security(("bearer" = [])),
    params(UsersQuery),
    responses(
        (status = 200, description = "A page of accounts", body = StaffPage),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn list_users(
    State(db): State<PgPool>,
    principal: Principal,
    ApiQuery(query): ApiQuery<UsersQuery>,
) -> Result<Json<StaffPage>> {
    Ok(Json(service::list(&db, &principal, query.parse()?).await?))
}

/// Export the accounts.
///
/// Every account the list shows with these filters, in its order (all pages), as a CSV or
/// XLSX file with French column names. For ADMIN_TENANT and ADMIN_AGENCE.
#[utoipa::path(
    get,
    path = "/api/v1/users/export",
    tag = "users",
    operation_id = "exportUsers",
    security(("bearer" = [])),
    params(ExportQuery),
    responses(
        (status = 200, description = "The file", content_type = "text/csv", body = String),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn export_users(
    State(db): State<PgPool>,
    principal: Principal,
    ApiQuery(query): ApiQuery<ExportQuery>,
) -> Result<axum::response::Response> {
    let format = Format::parse(&query.format)?;
    let request = ListRequest::parse(ListParams {
        q: query.q.as_deref(),
        role: query.role.as_deref(),
        agency_id: query.agency_id.as_deref(),
        centre_id: query.centre_id.as_deref(),
        status: query.status.as_deref(),
        sort: query.sort.as_deref(),
        order: query.order.as_deref(),
        limit: None,
        cursor: None,
    })?;
    export::export(&db, &principal, request, format).await
}

/// Invite a staff member.
///
/// Creates the account `invited`, without a password, and e-mails its holder a one-time link
/// (`<portal>/definir-mot-de-passe?token=…`, valid 72 hours) to choose one. Replaying the same
/// `Idempotency-Key` answers the first account with 200.
#[utoipa::path(
    post,
    path = "/api/v1/users",
    tag = "users",
    operation_id = "createUser",
    security(("bearer" = [])),
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe (1 to 200 characters)")),
    request_body = CreateUserBody,
    responses(
        (status = 201, description = "Invited", body = StaffUser),
        (status = 200, description = "The account this Idempotency-Key already created", body = StaffUser),
        (status = 403, response = Forbidden),
        (status = 409, response = Conflict),
    )
)]
#[tracing::instrument(skip_all)]
async fn create_user(
    State(db): State<PgPool>,
    State(settings): State<Arc<Settings>>,
    principal: Principal,
    origin: Origin,
    IdempotencyKey(key): IdempotencyKey,
    ApiJson(body): ApiJson<CreateUserBody>,
) -> Result<Created<StaffUser>> {
    let url = &settings.public_url;
    let input = body.parse()?;
    service::create(&db, &principal, &origin, url, key.as_deref(), input).await
}

/// Send the invitation again.
///
/// A new e-mail with a new link (valid 72 hours) to an account that has not chosen its
/// password yet; the earlier links stop working. 409 `NOT_INVITED` for any other account.
#[utoipa::path(
    post,
    path = "/api/v1/users/{id}/invitation",
    tag = "users",
    operation_id = "resendInvitation",
    security(("bearer" = [])),
    params(("id" = uuid::Uuid, Path, description = "The account")),
    responses(
        (status = 202, description = "Sent", body = StaffUser),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    )
)]
#[tracing::instrument(skip_all)]
async fn resend_invitation(
    State(db): State<PgPool>,
    State(settings): State<Arc<Settings>>,
    principal: Principal,
    origin: Origin,
    PathId(id): PathId,
) -> Result<(StatusCode, Json<StaffUser>)> {
    let user =
        service::resend_invitation(&db, &principal, &origin, &settings.public_url, id).await?;
    Ok((StatusCode::ACCEPTED, Json(user)))
}

/// Change an account.
///
/// Names, phone, role, place and status (`disabled` / `active`). A change of role, agency or
/// centre, or disabling, ends the account's sessions at once. An admin changes neither its
/// own role, place or status (409 `CANNOT_CHANGE_OWN_ACCESS`).
#[utoipa::path(
    put,
    path = "/api/v1/users/{id}",
    tag = "users",
    operation_id = "updateUser",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The account")),
    request_body = UpdateUserBody,
    responses(
        (status = 200, description = "Changed", body = StaffUser),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    )
)]
#[tracing::instrument(skip_all)]
async fn update_user(
    State(db): State<PgPool>,
    State(sessions): State<Sessions>,
    principal: Principal,
    origin: Origin,
    PathId(id): PathId,
    ApiJson(body): ApiJson<UpdateUserBody>,
) -> Result<Json<StaffUser>> {
    let change = body.parse()?;
    Ok(Json(
        service::update(&db, &sessions, &principal, &origin, id, change).await?,
    ))
}

/// Delete an account.
///
/// The account is erased (never listed nor signed in again, its e-mail free for a new
/// account) and its sessions end. ADMIN_TENANT only; an admin cannot delete itself.
#[utoipa::path(
    delete,
    path = "/api/v1/users/{id}",
    tag = "users",
    operation_id = "deleteUser",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The account")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    )
)]
#[tracing::instrument(skip_all)]
async fn delete_user(
    State(db): State<PgPool>,
    State(sessions): State<Sessions>,
    principal: Principal,
    origin: Origin,
    PathId(id): PathId,
) -> Result<StatusCode> {
    service::delete(&db, &sessions, &principal, &origin, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Choose a password with an invitation.
///
/// The token of the invitation e-mail's link works once, for 72 hours; the account becomes
/// `active` and its holder is signed in (the answer of a login).
#[utoipa::path(
    post,
    path = "/api/v1/auth/set-password",
    tag = "auth",
    operation_id = "setPassword",
    security(()),
    request_body = SetPasswordBody,
    responses(
        (status = 200, description = "Password set, signed in", body = Tokens),
        (status = 422, response = Unprocessable),
    )
)]
#[tracing::instrument(skip_all)]
async fn set_password(
    State(db): State<PgPool>,
    State(jwt): State<Arc<Jwt>>,
    origin: Origin,
    ApiJson(body): ApiJson<SetPasswordBody>,
) -> Result<Json<Tokens>> {
    let password = Password::parse(&body.password)?;
    Ok(Json(
        invitation::set_password(&db, &jwt, &origin, &body.token, password).await?,
    ))
}
