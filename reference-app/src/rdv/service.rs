//! Use cases of the booking service: hold a slot, list a client's bookings, move, cancel with
//! refund, pay a held booking, and release expired holds. Rules come from `pti_core::rules`,
//! placement from the engine (a [`Reservation`] that undoes itself unless the database
//! commits). Calls the payment service (charges, refunds) and the user service (saved
//! vehicles); neither calls back.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use pti_core::model::{
    Booking, BookingId, BookingStatus, Centre, CentreId, Money, Plate, Price, TenantId, TimeRange,
    UserId, VatRate, Vehicle,
};
use pti_core::policy::{Action, Resource, ResourceRef, Role};
use pti_core::rules::{
    self, BookingPolicy, BookingRequest, InspectionOutcome, InspectionResult, RuleError,
    VehicleHistory,
};
use rand::Rng;
use serde_json::json;
use sqlx::PgPool;
use uuid::Uuid;

use super::access::{self, Access, Lock};
use super::repo::{self, CancelReason, PlateHistory, RdvRow, Source};
use super::views::{CancelledView, PaymentResultView, RdvView};
use crate::auth::{Principal, tokens};
use crate::db::{self, ContextRole, OnConstraint, TenantContext, tenant_tx};
use crate::domain::{Email, PersonName, Phone};
use crate::engine::{Engine, Reservation, SharedEngine};
use crate::error::{Error, Result};
use crate::events::{self, Topic};
use crate::extract::Caller;
use crate::payment::service::{Outcome, Payable};
use crate::payment::{self, PaymentStatus, Payments};
use crate::pdf::letterhead::{self, Letterhead};
use crate::planning::{SlotKey, Wanted};
use crate::user;

/// A slot to hold and who it is for, checked.
pub struct HoldRequest {
    /// The slot, from a search.
    pub slot: SlotKey,
    /// The inspection (the search's, or as the body overrides it).
    pub wanted: Wanted,
    /// Driver's first name.
    pub first_name: PersonName,
    /// Driver's last name.
    pub last_name: PersonName,
    /// E-mail (confirmation).
    pub email: Email,
    /// Phone (SMS).
    pub phone: Phone,
    /// Plate.
    pub plate: Plate,
    /// Make.
    pub make: Option<String>,
    /// Model.
    pub model: Option<String>,
    /// Year of first registration.
    pub year: Option<i16>,
    /// Notes for the centre.
    pub notes: Option<String>,
    /// A saved vehicle of the signed-in client.
    pub vehicle_id: Option<Uuid>,
    /// For a re-inspection without our record of the failed one: its day.
    pub failed_inspection_date: Option<NaiveDate>,
}

/// A hold, made now or by an earlier request with the same idempotency key.
pub enum Held {
    /// Made by this request (the view carries the guest token).
    Created(RdvView),
    /// Made earlier with this idempotency key.
    Replayed(RdvView),
}

/// Who a new booking is for, and who made it.
struct Booker {
    user_id: Option<Uuid>,
    created_by: Option<Uuid>,
    source: Source,
    role: ContextRole,
}

/// An anonymous booking: a guest, or a client outside their own network.
const GUEST: Booker = Booker {
    user_id: None,
    created_by: None,
    source: Source::Web,
    role: ContextRole::Anonymous,
};

fn booker(principal: Option<&Principal>, target: &ResourceRef) -> Result<Booker> {
    let Some(p) = principal else {
        return Ok(GUEST);
    };
    // A client books in its own network; elsewhere it books as a guest would.
    if p.role == Role::Client && p.tenant_id != target.tenant_id {
        return Ok(GUEST);
    }
    let owned = ResourceRef {
        owner_id: Some(UserId(p.user_id)),
        ..*target
    };
    p.authorize(Action::Create, &owned)?;
    Ok(Booker {
        user_id: (p.role == Role::Client).then_some(p.user_id),
        created_by: Some(p.user_id),
        source: match p.role {
            Role::Client => Source::Web,
            Role::CallCenter => Source::CallCenter,
            _ => Source::Pro,
        },
        role: ContextRole::User(p.role),
    })
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

/// The booking's policy resource at a centre the engine knows.
fn target(engine: &SharedEngine, centre_id: CentreId) -> Result<ResourceRef> {
    let engine = engine.read();
    let c = engine
        .centre(centre_id)
        .ok_or_else(|| Error::validation("disponibilite_id", "this centre takes no booking now"))?;
    Ok(ResourceRef {
        kind: Resource::Booking,
        tenant_id: Some(c.tenant_id),
        agency_id: Some(c.agency_id),
        centre_id: Some(centre_id),
        owner_id: None,
    })
}

/// The last periodic inspection the rules weigh: ours, else the failed one the driver declares.
fn last_periodic(
    history: &PlateHistory,
    plate: &Plate,
    declared_failure: Option<NaiveDate>,
) -> Option<InspectionOutcome> {
    let (date, result) = match (&history.last_periodic, declared_failure) {
        (Some((date, verdict)), _) => (*date, InspectionResult::from_verdict(verdict).ok()?),
        (None, Some(date)) => (date, InspectionResult::Major),
        (None, None) => return None,
    };
    Some(InspectionOutcome {
        plate: plate.clone(),
        date,
        result,
    })
}

/// The plate's active bookings as pti-core bookings shaped like `template`.
fn plate_bookings(history: &PlateHistory, template: &Booking) -> Vec<Booking> {
    history
        .active
        .iter()
        .filter_map(|b| {
            Some(Booking {
                id: BookingId(b.id),
                time: TimeRange::new(b.start_at, b.end_at).ok()?,
                status: b.status,
                ..template.clone()
            })
        })
        .collect()
}

/// A rule's refusal; a vehicle already booked at that time is a 409 conflict.
fn refused(e: RuleError) -> Error {
    match e {
        RuleError::VehicleAlreadyBooked(_) => Error::conflict(
            "PLATE_ALREADY_BOOKED",
            "this vehicle already has a booking at that time",
        ),
        other => Error::rule(&other),
    }
}

/// A refusal to change or cancel: a finished booking is a 409 conflict.
fn unchangeable(e: RuleError, what: &str) -> Error {
    match e {
        RuleError::NotModifiable(_) => Error::conflict(
            "INVALID_STATUS",
            format!("this booking can no longer be {what}"),
        ),
        other => Error::rule(&other),
    }
}

/// What the rules and the engine decided for a new booking.
struct Placed {
    reservation: Reservation,
    policy: BookingPolicy,
    price: Price,
    minutes: u32,
}

/// Runs the rules and places the booking, under the engine's lock (microseconds, no await).
fn check_and_place(
    shared: &SharedEngine,
    id: BookingId,
    request: &HoldRequest,
    vehicle: &Vehicle,
    history: &PlateHistory,
    now: DateTime<Utc>,
) -> Result<Placed> {
    let mut engine = shared.write();
    let centre_id = CentreId(request.slot.centre_id);
    let centre: Centre = engine.centre(centre_id).ok_or(Error::SlotTaken)?.clone();
    let policy = engine.policy(centre.tenant_id);
    let price = centre
        .offer(request.wanted.control_type, request.wanted.category)
        .map(|o| o.price)
        .unwrap_or(Price {
            gross: Money::ZERO,
            vat_rate: VatRate::STANDARD,
        });
    let start = request.slot.start;
    let template = Booking {
        id,
        tenant_id: centre.tenant_id,
        centre_id,
        inspector_id: None,
        client_id: None,
        vehicle: vehicle.clone(),
        control_type: request.wanted.control_type,
        time: TimeRange::new(start, start + Duration::minutes(1)).map_err(|_| Error::SlotTaken)?,
        drop_off: false,
        status: BookingStatus::PendingPayment,
        price,
    };
    let last = last_periodic(history, &vehicle.plate, request.failed_inspection_date);
    rules::check_new_booking(
        &policy,
        now,
        &BookingRequest {
            centre: &centre,
            vehicle,
            control_type: request.wanted.control_type,
            start: start.with_timezone(&centre.time_zone).fixed_offset(),
        },
        &VehicleHistory {
            last_periodic: last.as_ref(),
            bookings: &plate_bookings(history, &template),
        },
    )
    .map_err(refused)?;
    let need = request.wanted.need(&centre);
    let reservation = Reservation::place(shared, &mut engine, centre_id, id, start, &need)?;
    Ok(Placed {
        reservation,
        policy,
        price,
        minutes: need.duration_minutes,
    })
}

/// Holds a slot (pending payment) for a guest, a signed-in client, or a caller on whose behalf
/// an operator books; replaying `idempotency_key` answers the first booking.
pub async fn hold(
    db: &PgPool,
    engine: &SharedEngine,
    principal: Option<&Principal>,
    idempotency_key: Option<&str>,
    request: HoldRequest,
) -> Result<Held> {
    let target = target(engine, CentreId(request.slot.centre_id))?;
    let tenant = target.tenant_id.ok_or(Error::SlotTaken)?;
    let who = booker(principal, &target)?;
    let mut tx = tenant_tx(db, &TenantContext::tenant(tenant, who.role)).await?;
    if let Some(k) = idempotency_key {
        db::lock_idempotency_key(&mut tx, &format!("rdv:{}:{k}", tenant.0)).await?;
        if let Some(existing) = repo::by_idempotency_key(&mut tx, k).await? {
            tx.commit().await?;
            let policy = engine.read().policy(tenant);
            return Ok(Held::Replayed(existing.view(&policy, Utc::now())));
        }
    }
    let vehicle_id = match (request.vehicle_id, who.user_id) {
        (Some(v), Some(user)) => Some(
            user::service::owned_vehicle(&mut tx, user, v)
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
    let compact = request.plate.compact();
    let history = repo::plate_history(&mut tx, &compact).await?;
    let vehicle = Vehicle {
        plate: request.plate.clone(),
        category: request.wanted.category,
        fuel: request.wanted.fuel,
        make: request.make.clone(),
        model: request.model.clone(),
        year: request.year.and_then(|y| u16::try_from(y).ok()),
    };
    let id = Uuid::new_v4();
    let now = Utc::now();
    let placed = check_and_place(engine, BookingId(id), &request, &vehicle, &history, now)?;
    let guest_token = tokens::new_token();
    let start_at = placed.reservation.placement().start;
    let row = repo::insert(
        &mut tx,
        &repo::NewRdv {
            id,
            tenant_id: tenant.0,
            reference: &new_reference(),
            centre_id: request.slot.centre_id,
            inspector_id: placed.reservation.placement().inspector_id.0,
            user_id: who.user_id,
            email: request.email.as_str(),
            phone: request.phone.as_str(),
            first_name: request.first_name.as_str(),
            last_name: request.last_name.as_str(),
            vehicle_id,
            plate: request.plate.as_str(),
            plate_normalized: &compact,
            category: request.wanted.category,
            fuel: request.wanted.fuel,
            make: request.make.as_deref(),
            model: request.model.as_deref(),
            year: request.year,
            control_type: request.wanted.control_type,
            price_cents: i32::try_from(placed.price.gross.cents()).unwrap_or(i32::MAX),
            vat_rate_bp: i32::from(placed.price.vat_rate.0),
            vat_cents: i32::try_from(placed.price.vat().cents()).unwrap_or(0),
            hold_expires_at: placed.policy.hold_expires_at(now),
            start_at,
            end_at: start_at + Duration::minutes(i64::from(placed.minutes)),
            notes: request.notes.as_deref(),
            source: who.source,
            created_by: who.created_by,
            idempotency_key,
            guest_token_hash: &tokens::token_hash(&guest_token),
            failed_inspection_date: request.failed_inspection_date,
        },
    )
    .await
    .on_constraint(repo::IDEMPOTENCY_KEY, || {
        Error::conflict(
            "IDEMPOTENCY_CONFLICT",
            "this Idempotency-Key is being used by another request",
        )
    })?;
    tx.commit().await?;
    placed.reservation.commit();
    let mut view = row.view(&placed.policy, Utc::now());
    view.guest_token = Some(guest_token);
    Ok(Held::Created(view))
}

/// Which of a client's bookings to list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Not finished yet, soonest first.
    Upcoming,
    /// Finished (past, or no longer active), latest first.
    Past,
    /// Every one, soonest first.
    All,
}

/// The signed-in client's bookings in `scope`, of `status` only when given.
pub async fn mine(
    db: &PgPool,
    engine: &SharedEngine,
    principal: &Principal,
    scope: Scope,
    status: Option<BookingStatus>,
) -> Result<Vec<RdvView>> {
    let tenant = principal.tenant_id.ok_or(Error::Forbidden)?;
    principal.authorize(
        Action::Read,
        &ResourceRef {
            kind: Resource::Booking,
            tenant_id: Some(tenant),
            agency_id: None,
            centre_id: None,
            owner_id: Some(UserId(principal.user_id)),
        },
    )?;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let rows = repo::of_user(&mut tx, principal.user_id).await?;
    tx.commit().await?;
    let now = Utc::now();
    let policy = engine.read().policy(tenant);
    let finished = |r: &RdvRow| {
        r.end_at < now
            || !matches!(
                r.status.0,
                BookingStatus::PendingPayment
                    | BookingStatus::Confirmed
                    | BookingStatus::InProgress
            )
    };
    let mut items: Vec<&RdvRow> = rows
        .iter()
        .filter(|r| match scope {
            Scope::Upcoming => !finished(r),
            Scope::Past => finished(r),
            Scope::All => true,
        })
        .filter(|r| status.is_none_or(|s| r.status.0 == s))
        .collect();
    if scope == Scope::Past {
        items.reverse();
    }
    Ok(items.into_iter().map(|r| r.view(&policy, now)).collect())
}

/// Booking `id` as `caller` may read it.
pub async fn read(
    db: &PgPool,
    engine: &SharedEngine,
    id: Uuid,
    caller: &Caller,
) -> Result<RdvView> {
    let row = access::read(db, id, caller).await?;
    let policy = engine.read().policy(TenantId(row.tenant_id));
    Ok(row.view(&policy, Utc::now()))
}

/// Booking `id`, in the caller's transaction (the worker's, under row-level security).
pub async fn booking(conn: &mut sqlx::PgConnection, id: Uuid) -> Result<Option<RdvRow>> {
    Ok(repo::get(conn, id).await?)
}

/// Booking `id`'s row as `caller` may read it (for its documents).
pub async fn row(db: &PgPool, id: Uuid, caller: &Caller) -> Result<RdvRow> {
    access::read(db, id, caller).await
}

/// Booking `id` as `caller` may read it and its network's letterhead, read in the same
/// transaction (for its PDF confirmation).
pub async fn row_and_letterhead(
    db: &PgPool,
    id: Uuid,
    caller: &Caller,
) -> Result<(RdvRow, Letterhead)> {
    let Access { mut tx, row } = access::open(db, id, caller, Action::Read, Lock::No).await?;
    let letterhead = letterhead::read(&mut tx, row.tenant_id)
        .await?
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    Ok((row, letterhead))
}

/// Checks a move of `booking` to `slot` and places it there, under the engine's lock.
fn check_and_move(
    shared: &SharedEngine,
    booking: &Booking,
    slot: &SlotKey,
    history: &PlateHistory,
    now: DateTime<Utc>,
) -> Result<(Reservation, BookingPolicy, u32)> {
    let mut engine = shared.write();
    let policy = engine.policy(booking.tenant_id);
    rules::check_modification(&policy, now, booking, slot.start)
        .map_err(|e| unchangeable(e, "changed"))?;
    let to = CentreId(slot.centre_id);
    let centre = centre_of_tenant(&engine, to, booking.tenant_id)?;
    rules::check_offer(&centre, booking.control_type, &booking.vehicle)
        .map_err(|e| Error::rule(&e))?;
    let wanted = Wanted {
        control_type: booking.control_type,
        category: booking.vehicle.category,
        fuel: booking.vehicle.fuel,
    };
    let need = wanted.need(&centre);
    let new_time = TimeRange::new(
        slot.start,
        slot.start + Duration::minutes(i64::from(need.duration_minutes)),
    )
    .map_err(|_| Error::SlotTaken)?;
    rules::check_no_overlap(
        &booking.vehicle.plate,
        &new_time,
        &plate_bookings(history, booking),
        Some(booking.id),
    )
    .map_err(refused)?;
    let reservation = Reservation::replace(
        shared,
        &mut engine,
        booking.id,
        booking.centre_id,
        to,
        slot.start,
        &need,
    )?;
    Ok((reservation, policy, need.duration_minutes))
}

/// A centre of `tenant` the engine knows (a move stays in its network).
fn centre_of_tenant(engine: &Engine, id: CentreId, tenant: TenantId) -> Result<Centre> {
    engine
        .centre(id)
        .filter(|c| c.tenant_id == tenant)
        .cloned()
        .ok_or_else(|| Error::validation("disponibilite_id", "a slot of another network"))
}

/// Moves booking `id` to `slot`, before the modification deadline.
pub async fn move_to(
    db: &PgPool,
    engine: &SharedEngine,
    id: Uuid,
    caller: &Caller,
    slot: SlotKey,
) -> Result<RdvView> {
    let Access { mut tx, row } =
        access::open(db, id, caller, Action::Update, Lock::ForUpdate).await?;
    let booking = row.to_core().ok_or(Error::NotFound)?;
    let history = repo::plate_history(&mut tx, &booking.vehicle.plate.compact()).await?;
    let (reservation, policy, minutes) =
        check_and_move(engine, &booking, &slot, &history, Utc::now())?;
    let placement = reservation.placement();
    repo::move_to(
        &mut tx,
        row.id,
        slot.centre_id,
        placement.inspector_id.0,
        placement.start,
        placement.start + Duration::minutes(i64::from(minutes)),
    )
    .await?;
    events::append(
        &mut tx,
        row.tenant_id,
        Topic::Rdv,
        "rdv.moved",
        row.id,
        json!({ "rdv_id": row.id, "from": row.start_at, "to": placement.start }),
    )
    .await?;
    let fresh = repo::get(&mut tx, row.id).await?.ok_or(Error::NotFound)?;
    tx.commit().await?;
    reservation.commit();
    Ok(fresh.view(&policy, Utc::now()))
}

/// The payment status after cancelling `row` with `refund_cents` back.
fn payment_after_cancel(row: &RdvRow, refund_cents: i64) -> PaymentStatus {
    let paid = row.paid_cents();
    if paid == 0 {
        row.payment_status.0
    } else if refund_cents == 0 {
        PaymentStatus::Paid
    } else if refund_cents < paid {
        PaymentStatus::PartiallyRefunded
    } else {
        PaymentStatus::Refunded
    }
}

/// Cancels booking `id` and refunds what the policy gives back.
pub async fn cancel(
    db: &PgPool,
    engine: &SharedEngine,
    payments: &Payments,
    id: Uuid,
    caller: &Caller,
) -> Result<CancelledView> {
    let Access { mut tx, row } =
        access::open(db, id, caller, Action::Cancel, Lock::ForUpdate).await?;
    let booking = row.to_core().ok_or(Error::NotFound)?;
    let policy = engine.read().policy(booking.tenant_id);
    let quote = rules::cancellation_quote(
        &policy,
        Utc::now(),
        &booking,
        Money::from_cents(row.paid_cents()),
    )
    .map_err(|e| unchangeable(e, "cancelled"))?;
    let refund_cents = quote.amount.cents();
    if refund_cents > 0 {
        payment::service::refund(&mut tx, payments, row.tenant_id, row.id, refund_cents).await?;
    }
    let status = payment_after_cancel(&row, refund_cents);
    repo::cancel(&mut tx, row.id, CancelReason::Customer, status).await?;
    events::append(
        &mut tx,
        row.tenant_id,
        Topic::Rdv,
        "rdv.cancelled",
        row.id,
        json!({ "rdv_id": row.id, "refund_cents": refund_cents }),
    )
    .await?;
    let fresh = repo::get(&mut tx, row.id).await?.ok_or(Error::NotFound)?;
    tx.commit().await?;
    engine.release(booking.centre_id, booking.id);
    Ok(CancelledView {
        rdv: fresh.view(&policy, Utc::now()),
        refund_cents,
    })
}

/// Pays held booking `id` with the card behind `card_token`, once per `key`: a retry with the
/// same key answers the first result and never charges twice.
pub async fn pay(
    db: &PgPool,
    engine: &SharedEngine,
    payments: &Payments,
    id: Uuid,
    caller: &Caller,
    card_token: &str,
    key: &str,
) -> Result<PaymentResultView> {
    let Access { mut tx, mut row } =
        access::open(db, id, caller, Action::Update, Lock::ForUpdate).await?;
    let policy = engine.read().policy(TenantId(row.tenant_id));
    let outcome = match payment::service::replay(&mut tx, key, row.id).await? {
        Some(previous) => previous,
        None => {
            let outcome =
                payment::service::charge(&mut tx, payments, &payable(&row)?, card_token, key)
                    .await?;
            match &outcome {
                Outcome::Paid(_) => {
                    row.status.0 = BookingStatus::Confirmed;
                    row.payment_status.0 = PaymentStatus::Paid;
                    row.hold_expires_at = None;
                }
                Outcome::Refused(_) => repo::payment_failed(&mut tx, row.id).await?,
            }
            outcome
        }
    };
    tx.commit().await?;
    match outcome {
        Outcome::Paid(payment) => Ok(PaymentResultView {
            payment,
            rdv: row.view(&policy, Utc::now()),
        }),
        Outcome::Refused(e) => Err(e),
    }
}

/// What to charge for `row`, if it may be paid now: held, unpaid, before the hold expires.
fn payable(row: &RdvRow) -> Result<Payable<'_>> {
    if row.payment_status.0 == PaymentStatus::Paid || row.status.0 == BookingStatus::Confirmed {
        return Err(Error::conflict(
            "ALREADY_PAID",
            "this booking is already paid",
        ));
    }
    if row.status.0 != BookingStatus::PendingPayment
        || row.hold_expires_at.is_none_or(|t| t <= Utc::now())
    {
        return Err(Error::conflict(
            "HOLD_EXPIRED",
            "the slot was released: the 10-minute hold expired",
        ));
    }
    Ok(Payable {
        booking_id: row.id,
        tenant_id: row.tenant_id,
        reference: &row.reference,
        price_cents: row.price_cents,
        vat_cents: row.vat_cents,
        customer: (&row.first_name, &row.last_name, row.email.as_deref()),
    })
}

/// Cancels `tenant`'s unpaid holds that expired and frees their slots; how many.
pub async fn expire_holds(db: &PgPool, engine: &SharedEngine, tenant: TenantId) -> Result<usize> {
    let mut tx = tenant_tx(db, &TenantContext::system(tenant)).await?;
    let expired = repo::expire_holds(&mut tx).await?;
    tx.commit().await?;
    for (id, centre) in &expired {
        engine.release(CentreId(*centre), BookingId(*id));
    }
    Ok(expired.len())
}
