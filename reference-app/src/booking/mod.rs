//! The booking spine: `POST /rdv` (hold a slot), `GET /rdv/me`, `GET /rdv/{id}`,
//! `PUT /rdv/{id}` (move), `DELETE /rdv/{id}` (cancel and refund), `GET /rdv/{id}/ics` and
//! `/pdf`. Guests prove ownership with the booking's own token (`X-Rdv-Token` or `?token=`);
//! signed-in callers go through `pti_core::policy`.

pub mod access;
pub mod documents;
pub mod repo;
pub mod view;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, Utc};
use pti_core::availability::AvailabilityError;
use pti_core::model::{Booking, BookingId, BookingStatus, CentreId, Plate, TimeRange, Vehicle};
use pti_core::policy::{Action, Resource, ResourceRef};
use pti_core::rules::{self, BookingRequest, InspectionOutcome, InspectionResult, VehicleHistory};
use rand::Rng;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::auth::{self, MaybePrincipal, Principal};
use crate::db::{TenantContext, tenant_tx};
use crate::error::{Error, Result};
use crate::http::openapi::{Conflict, Forbidden, NotFound, Unprocessable};
use crate::http::{ApiJson, AppState};
use crate::notify::outbox;
use crate::search::{SlotKey, Wanted, code_or, vehicle_category};
use access::{Access, Caller};
use view::RdvView;

/// The booking routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create))
        .routes(routes!(mine))
        .routes(routes!(read, move_booking, cancel))
        .routes(routes!(documents::ics))
        .routes(routes!(documents::pdf))
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
    #[schema(schema_with = crate::codes::schema::vehicle_type)]
    pub vehicle_type: Option<String>,
    /// Fuel code (default: the searched one).
    #[schema(schema_with = crate::codes::schema::fuel)]
    pub fuel: Option<String>,
    /// Make.
    pub marque: Option<String>,
    /// Model.
    pub modele: Option<String>,
    /// Year of first registration (1900 to next year).
    #[schema(minimum = 1900)]
    pub annee: Option<i32>,
    /// Control type code (default: the searched one).
    #[schema(schema_with = crate::codes::schema::control_type)]
    pub control_type: Option<String>,
    /// Notes for the centre.
    pub notes: Option<String>,
    /// A saved vehicle of the signed-in client.
    pub vehicle_id: Option<Uuid>,
    /// For a re-inspection booked without our record of the failed one: its day.
    pub failed_inspection_date: Option<NaiveDate>,
}

/// Checked contact and vehicle fields.
struct Contact {
    first_name: String,
    last_name: String,
    email: String,
    phone: String,
    plate: Plate,
    make: Option<String>,
    model: Option<String>,
    year: Option<i16>,
    notes: Option<String>,
}

fn text(field: &str, value: &str, max: usize) -> Result<String> {
    let value = value.trim();
    if value.is_empty() || value.chars().count() > max {
        return Err(Error::validation(field, format!("1 to {max} characters")));
    }
    Ok(value.to_owned())
}

fn optional_text(field: &str, value: Option<&str>, max: usize) -> Result<Option<String>> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => text(field, v, max).map(Some),
    }
}

/// The plate, or 422 `INVALID_PLATE` naming the field.
pub fn plate(field: &str, raw: &str) -> Result<Plate> {
    Plate::parse(raw).map_err(|e| Error::Unprocessable {
        code: "INVALID_PLATE",
        message: e.to_string(),
        details: json!({ "field": field, "reason": e.to_string() }),
    })
}

/// A year of first registration, 1900 to next year.
pub fn year(field: &str, year: Option<i32>) -> Result<Option<i16>> {
    let next = chrono::Datelike::year(&Utc::now()) + 1;
    match year {
        None => Ok(None),
        Some(y) if (1900..=next).contains(&y) => Ok(i16::try_from(y).ok()),
        Some(_) => Err(Error::validation(field, format!("between 1900 and {next}"))),
    }
}

fn contact(body: &CreateRdv) -> Result<Contact> {
    Ok(Contact {
        first_name: text("first_name", &body.first_name, 100)?,
        last_name: text("last_name", &body.last_name, 100)?,
        email: crate::user::valid_email(&body.email)?,
        phone: crate::user::valid_phone(&body.phone)?.to_owned(),
        plate: plate("immatriculation", &body.immatriculation)?,
        make: optional_text("marque", body.marque.as_deref(), 60)?,
        model: optional_text("modele", body.modele.as_deref(), 60)?,
        year: year("annee", body.annee)?,
        notes: optional_text("notes", body.notes.as_deref(), 1000)?,
    })
}

/// The `Idempotency-Key` header, if sent (1 to 200 visible characters).
pub fn idempotency_key(headers: &HeaderMap) -> Result<Option<String>> {
    let Some(value) = headers.get("idempotency-key") else {
        return Ok(None);
    };
    let key = value
        .to_str()
        .ok()
        .map(str::trim)
        .filter(|k| !k.is_empty() && k.len() <= 200)
        .ok_or_else(|| Error::validation("Idempotency-Key", "1 to 200 visible characters"))?;
    Ok(Some(key.to_owned()))
}

/// A booking reference: `PTI-` and 8 characters without look-alikes.
fn new_reference() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::thread_rng();
    let code: String = (0..8)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect();
    format!("PTI-{code}")
}

/// Bookings of a plate as pti-core needs them for the overlap rule.
fn plate_bookings(
    rows: &[(Uuid, chrono::DateTime<Utc>, chrono::DateTime<Utc>, String)],
    template: &Booking,
) -> Vec<Booking> {
    rows.iter()
        .filter_map(|(id, start, end, status)| {
            Some(Booking {
                id: BookingId(*id),
                time: TimeRange::new(*start, *end).ok()?,
                status: crate::codes::parse(status)?,
                ..template.clone()
            })
        })
        .collect()
}

/// A rule's refusal; a vehicle already booked at that time is a 409 conflict.
fn refused(e: rules::RuleError) -> Error {
    match e {
        rules::RuleError::VehicleAlreadyBooked(_) => Error::conflict(
            "PLATE_ALREADY_BOOKED",
            "this vehicle already has a booking at that time",
        ),
        other => Error::rule(&other),
    }
}

/// The engine's refusal to place a booking; a slot taken meanwhile is a 409 conflict.
fn not_placed(e: AvailabilityError) -> Error {
    match e {
        AvailabilityError::SlotTaken { .. } => Error::SlotTaken,
        other => Error::rule(&other),
    }
}

/// Who a new booking is for, and who made it.
struct Booker {
    user_id: Option<Uuid>,
    created_by: Option<Uuid>,
    source: &'static str,
    role: String,
}

fn booker(principal: &Option<Principal>, target: &ResourceRef) -> Result<Booker> {
    let Some(p) = principal else {
        return Ok(Booker {
            user_id: None,
            created_by: None,
            source: "web",
            role: "ANONYMOUS".to_owned(),
        });
    };
    // A client books in its own network; elsewhere it books as a guest would.
    if p.role == "CLIENT" && p.tenant_id != target.tenant_id {
        return Ok(Booker {
            user_id: None,
            created_by: None,
            source: "web",
            role: "ANONYMOUS".to_owned(),
        });
    }
    let owned = ResourceRef {
        owner_id: Some(pti_core::model::UserId(p.user_id)),
        ..*target
    };
    p.authorize(Action::Create, &owned)?;
    let client = p.role == "CLIENT";
    Ok(Booker {
        user_id: client.then_some(p.user_id),
        created_by: Some(p.user_id),
        source: match p.role.as_str() {
            "CLIENT" => "web",
            "CALL_CENTER" => "call_center",
            _ => "pro",
        },
        role: p.role.clone(),
    })
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
    State(state): State<AppState>,
    headers: HeaderMap,
    MaybePrincipal(principal): MaybePrincipal,
    ApiJson(body): ApiJson<CreateRdv>,
) -> Result<Response> {
    let contact = contact(&body)?;
    let key = SlotKey::decode(&body.disponibilite_id)
        .ok_or_else(|| Error::validation("disponibilite_id", "not a slot of this platform"))?;
    let wanted = Wanted {
        control_type: code_or(
            "control_type",
            body.control_type.as_deref(),
            key.wanted.control_type,
        )?,
        category: match body.vehicle_type.as_deref() {
            None => key.wanted.category,
            some => vehicle_category("vehicle_type", some)?,
        },
        fuel: code_or("fuel", body.fuel.as_deref(), key.wanted.fuel)?,
    };
    let idem = idempotency_key(&headers)?;
    let centre_id = CentreId(key.centre_id);
    let (tenant, agency) = {
        let engine = state.engine.read();
        let c = engine.centre(centre_id).ok_or_else(|| {
            Error::validation("disponibilite_id", "this centre takes no booking now")
        })?;
        (c.tenant_id, c.agency_id)
    };
    let target = ResourceRef {
        kind: Resource::Booking,
        tenant_id: Some(tenant),
        agency_id: Some(agency),
        centre_id: Some(centre_id),
        owner_id: None,
    };
    let who = booker(&principal, &target)?;
    let mut tx = tenant_tx(&state.db, &TenantContext::tenant(tenant, who.role.clone())).await?;
    if let Some(k) = &idem
        && let Some(existing) = repo::by_idempotency_key(&mut tx, k).await?
    {
        tx.commit().await?;
        let policy = state.engine.read().policy(tenant);
        return Ok((StatusCode::OK, Json(existing.view(&policy, Utc::now()))).into_response());
    }
    let vehicle_id = match (body.vehicle_id, who.user_id) {
        (Some(v), Some(user)) => Some(
            crate::user::vehicles::owned(&mut tx, user, v)
                .await?
                .ok_or_else(|| Error::validation("vehicle_id", "not one of your vehicles"))?,
        ),
        (Some(_), None) => {
            return Err(Error::validation(
                "vehicle_id",
                "sign in to use a saved vehicle",
            ));
        }
        _ => None,
    };
    let compact = contact.plate.as_str().replace(['-', ' '], "");
    let repo::PlateHistory {
        active: plate_rows,
        last_periodic: last,
    } = repo::plate_history(&mut tx, &compact).await?;
    let history_outcome = match (last, body.failed_inspection_date) {
        (Some((date, verdict)), _) => Some(InspectionOutcome {
            plate: contact.plate.clone(),
            date,
            result: match verdict.as_str() {
                "A" => InspectionResult::Favourable,
                "R" => InspectionResult::Critical,
                _ => InspectionResult::Major,
            },
        }),
        (None, Some(date)) => Some(InspectionOutcome {
            plate: contact.plate.clone(),
            date,
            result: InspectionResult::Major,
        }),
        (None, None) => None,
    };
    let vehicle = Vehicle {
        plate: contact.plate.clone(),
        category: wanted.category,
        fuel: wanted.fuel,
        make: contact.make.clone(),
        model: contact.model.clone(),
        year: contact.year.and_then(|y| u16::try_from(y).ok()),
    };
    let booking_id = Uuid::new_v4();
    let now = Utc::now();
    // Rules and placement: microseconds under the engine's locks, no await in between.
    let (policy, placement, price, minutes) = {
        let mut engine = state.engine.write();
        let policy = engine.policy(tenant);
        let centre = engine.centre(centre_id).ok_or(Error::SlotTaken)?.clone();
        let start = key.start.with_timezone(&centre.time_zone).fixed_offset();
        let template = Booking {
            id: BookingId(booking_id),
            tenant_id: tenant,
            centre_id,
            inspector_id: None,
            client_id: None,
            vehicle: vehicle.clone(),
            control_type: wanted.control_type,
            time: TimeRange::new(key.start, key.start + chrono::Duration::minutes(1))
                .map_err(|_| Error::SlotTaken)?,
            drop_off: false,
            status: BookingStatus::PendingPayment,
            price: centre
                .offer(wanted.control_type, wanted.category)
                .map(|o| o.price)
                .unwrap_or(pti_core::model::Price {
                    gross: pti_core::model::Money::ZERO,
                    vat_rate: pti_core::model::VatRate::STANDARD,
                }),
        };
        let bookings = plate_bookings(&plate_rows, &template);
        rules::check_new_booking(
            &policy,
            now,
            &BookingRequest {
                centre: &centre,
                vehicle: &vehicle,
                control_type: wanted.control_type,
                start,
            },
            &VehicleHistory {
                last_periodic: history_outcome.as_ref(),
                bookings: &bookings,
            },
        )
        .map_err(refused)?;
        let need = wanted.need(&centre);
        let availability = engine
            .index
            .availability_mut(centre_id)
            .ok_or(Error::SlotTaken)?;
        let placement = availability
            .book(BookingId(booking_id), key.start, &need)
            .map_err(not_placed)?;
        (policy, placement, template.price, need.duration_minutes)
    };
    let guest_token = auth::new_refresh_token();
    let reference = new_reference();
    let email = contact.email.clone();
    let insert = async {
        let row = repo::insert(
            &mut tx,
            &repo::NewRdv {
                id: booking_id,
                tenant_id: tenant.0,
                reference: &reference,
                centre_id: centre_id.0,
                inspector_id: placement.inspector_id.0,
                user_id: who.user_id,
                email: &email,
                phone: &contact.phone,
                first_name: &contact.first_name,
                last_name: &contact.last_name,
                vehicle_id,
                plate: contact.plate.as_str(),
                plate_normalized: &compact,
                category: wanted.category.code(),
                fuel: &crate::codes::of(wanted.fuel),
                make: contact.make.as_deref(),
                model: contact.model.as_deref(),
                year: contact.year,
                control_type: wanted.control_type.code(),
                price_cents: i32::try_from(price.gross.cents()).unwrap_or(i32::MAX),
                vat_rate_bp: i32::from(price.vat_rate.0),
                vat_cents: i32::try_from(price.vat().cents()).unwrap_or(0),
                hold_expires_at: policy.hold_expires_at(now),
                start_at: placement.start,
                end_at: placement.start + chrono::Duration::minutes(i64::from(minutes)),
                notes: contact.notes.as_deref(),
                source: who.source,
                created_by: who.created_by,
                idempotency_key: idem.as_deref(),
                guest_token_hash: &auth::token_hash(&guest_token),
                failed_inspection_date: body.failed_inspection_date,
            },
        )
        .await?;
        tx.commit().await?;
        Ok::<_, Error>(row)
    };
    let row = match insert.await {
        Ok(row) => row,
        Err(e) => {
            let mut engine = state.engine.write();
            if let Some(a) = engine.index.availability_mut(centre_id) {
                let _ = a.release(BookingId(booking_id));
            }
            return Err(match e {
                Error::Database(sqlx::Error::Database(db))
                    if db.constraint() == Some("rdv_tenant_idempotency_key_key") =>
                {
                    Error::conflict(
                        "IDEMPOTENCY_CONFLICT",
                        "this Idempotency-Key is being used by another request",
                    )
                }
                other => other,
            });
        }
    };
    let mut view = row.view(&policy, Utc::now());
    view.guest_token = Some(guest_token);
    Ok((StatusCode::CREATED, Json(view)).into_response())
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
    #[param(schema_with = crate::codes::schema::booking_status)]
    pub status: Option<String>,
}

/// A list of bookings.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = RdvList)]
pub struct RdvListView {
    /// Upcoming ones soonest first, past ones latest first.
    pub items: Vec<RdvView>,
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
    State(state): State<AppState>,
    principal: Principal,
    query: std::result::Result<Query<MineQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<RdvListView>> {
    let Query(q) = query.map_err(|e| Error::validation("query", e.body_text()))?;
    let tenant = principal.tenant_id.ok_or(Error::Forbidden)?;
    principal.authorize(
        Action::Read,
        &ResourceRef {
            kind: Resource::Booking,
            tenant_id: Some(tenant),
            agency_id: None,
            centre_id: None,
            owner_id: Some(pti_core::model::UserId(principal.user_id)),
        },
    )?;
    let scope = q.scope.as_deref().unwrap_or("upcoming");
    if !["upcoming", "past", "all"].contains(&scope) {
        return Err(Error::validation("scope", "upcoming, past or all"));
    }
    if let Some(s) = &q.status
        && crate::codes::parse::<BookingStatus>(s).is_none()
    {
        return Err(Error::validation("status", "unknown status"));
    }
    let mut tx = tenant_tx(&state.db, &principal.context()).await?;
    let rows = repo::of_user(&mut tx, principal.user_id).await?;
    tx.commit().await?;
    let now = Utc::now();
    let policy = state.engine.read().policy(tenant);
    let finished = |r: &repo::RdvRow| {
        r.end_at < now
            || !["pending_payment", "confirmed", "in_progress"].contains(&r.status.as_str())
    };
    let mut items: Vec<&repo::RdvRow> = rows
        .iter()
        .filter(|r| match scope {
            "upcoming" => !finished(r),
            "past" => finished(r),
            _ => true,
        })
        .filter(|r| q.status.as_deref().is_none_or(|s| r.status == s))
        .collect();
    if scope == "past" {
        items.reverse();
    }
    let items: Vec<RdvView> = items.into_iter().map(|r| r.view(&policy, now)).collect();
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
    State(state): State<AppState>,
    Path(id): Path<String>,
    caller: Caller,
) -> Result<Json<RdvView>> {
    let row = access::read(&state, &id, &caller).await?;
    let policy = state
        .engine
        .read()
        .policy(pti_core::model::TenantId(row.tenant_id));
    Ok(Json(row.view(&policy, Utc::now())))
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
    State(state): State<AppState>,
    Path(id): Path<String>,
    caller: Caller,
    ApiJson(body): ApiJson<MoveRdv>,
) -> Result<Json<RdvView>> {
    let key = SlotKey::decode(&body.disponibilite_id)
        .ok_or_else(|| Error::validation("disponibilite_id", "not a slot of this platform"))?;
    let Access { mut tx, row, .. } =
        access::open(&state, &id, &caller, Action::Update, true).await?;
    let booking = row.to_core().ok_or(Error::NotFound)?;
    let tenant = booking.tenant_id;
    let now = Utc::now();
    let new_centre = CentreId(key.centre_id);
    let plate_rows = repo::plate_history(&mut tx, &row.plate.replace(['-', ' '], ""))
        .await?
        .active;
    let (policy, placement, minutes) = {
        let mut engine = state.engine.write();
        let policy = engine.policy(tenant);
        rules::check_modification(&policy, now, &booking, key.start).map_err(|e| match e {
            rules::RuleError::NotModifiable(_) => {
                Error::conflict("INVALID_STATUS", "this booking can no longer be changed")
            }
            other => Error::rule(&other),
        })?;
        let centre = engine
            .centre(new_centre)
            .filter(|c| c.tenant_id == tenant)
            .ok_or_else(|| Error::validation("disponibilite_id", "a slot of another network"))?
            .clone();
        rules::check_offer(&centre, booking.control_type, &booking.vehicle)
            .map_err(|e| Error::rule(&e))?;
        let minutes = centre.durations.minutes(
            booking.control_type,
            booking.vehicle.category,
            booking.vehicle.fuel,
        );
        let new_time = TimeRange::new(
            key.start,
            key.start + chrono::Duration::minutes(i64::from(minutes)),
        )
        .map_err(|_| Error::SlotTaken)?;
        rules::check_no_overlap(
            &booking.vehicle.plate,
            &new_time,
            &plate_bookings(&plate_rows, &booking),
            Some(booking.id),
        )
        .map_err(refused)?;
        let wanted = Wanted {
            control_type: booking.control_type,
            category: booking.vehicle.category,
            fuel: booking.vehicle.fuel,
        };
        let need = wanted.need(&centre);
        let old = engine
            .index
            .availability_mut(booking.centre_id)
            .and_then(|a| a.release(booking.id).ok());
        let placed = engine
            .index
            .availability_mut(new_centre)
            .ok_or(Error::SlotTaken)?
            .book(booking.id, key.start, &need);
        match placed {
            Ok(p) => (policy, p, minutes),
            Err(e) => {
                if let (Some(old), Some(a)) =
                    (old, engine.index.availability_mut(booking.centre_id))
                {
                    let _ = a.book_with(booking.id, old.start, &need, Some(old.inspector_id));
                }
                return Err(not_placed(e));
            }
        }
    };
    let update = async {
        repo::move_to(
            &mut tx,
            row.id,
            new_centre.0,
            placement.inspector_id.0,
            placement.start,
            placement.start + chrono::Duration::minutes(i64::from(minutes)),
        )
        .await?;
        outbox::append(
            &mut tx,
            tenant.0,
            outbox::Topic::Rdv,
            "rdv.moved",
            row.id,
            json!({ "rdv_id": row.id, "from": row.start_at, "to": placement.start }),
        )
        .await?;
        let fresh = repo::get(&mut tx, row.id, false)
            .await?
            .ok_or(Error::NotFound)?;
        tx.commit().await?;
        Ok::<_, Error>(fresh)
    };
    match update.await {
        Ok(fresh) => Ok(Json(fresh.view(&policy, Utc::now()))),
        Err(e) => {
            // The engine follows the database: the notification of the next commit, or this
            // reload, restores the old placement.
            let _ = crate::engine::load::reload(&state.db, &state.engine, tenant, Some(new_centre))
                .await;
            let _ = crate::engine::load::reload(
                &state.db,
                &state.engine,
                tenant,
                Some(booking.centre_id),
            )
            .await;
            Err(e)
        }
    }
}

/// A cancelled booking and what was refunded.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Cancelled)]
pub struct CancelledView {
    /// The booking, now `cancelled`.
    pub rdv: RdvView,
    /// Refunded through the payment provider, cents (per the network's policy).
    pub refund_cents: i64,
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
    State(state): State<AppState>,
    Path(id): Path<String>,
    caller: Caller,
) -> Result<Json<CancelledView>> {
    let Access { mut tx, row, .. } =
        access::open(&state, &id, &caller, Action::Cancel, true).await?;
    let booking = row.to_core().ok_or(Error::NotFound)?;
    let policy = state.engine.read().policy(booking.tenant_id);
    let now = Utc::now();
    let quote = rules::cancellation_quote(
        &policy,
        now,
        &booking,
        pti_core::model::Money::from_cents(row.paid_cents()),
    )
    .map_err(|e| match e {
        rules::RuleError::NotModifiable(_) => {
            Error::conflict("INVALID_STATUS", "this booking can no longer be cancelled")
        }
        other => Error::rule(&other),
    })?;
    let refund_cents = quote.amount.cents();
    let payment_status = if row.paid_cents() == 0 {
        if row.payment_status == "paid" {
            "paid"
        } else {
            row.payment_status.as_str()
        }
    } else if refund_cents == 0 {
        "paid"
    } else if refund_cents < row.paid_cents() {
        "partially_refunded"
    } else {
        "refunded"
    };
    if refund_cents > 0 {
        crate::payment::refund(&state, &mut tx, &row, refund_cents).await?;
    }
    repo::cancel(&mut tx, row.id, "customer", payment_status).await?;
    outbox::append(
        &mut tx,
        row.tenant_id,
        outbox::Topic::Rdv,
        "rdv.cancelled",
        row.id,
        json!({ "rdv_id": row.id, "refund_cents": refund_cents }),
    )
    .await?;
    let fresh = repo::get(&mut tx, row.id, false)
        .await?
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    if let Some(a) = state
        .engine
        .write()
        .index
        .availability_mut(booking.centre_id)
    {
        let _ = a.release(booking.id);
    }
    Ok(Json(CancelledView {
        rdv: fresh.view(&policy, Utc::now()),
        refund_cents,
    }))
}
