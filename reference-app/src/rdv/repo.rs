//! SQL of the booking service (`rdv`). Row-level security limits every query to the
//! transaction's tenant.

use chrono::{DateTime, NaiveDate, Utc};
use pti_core::model::{BookingStatus, ControlType, Fuel, VehicleCategory};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::db::Code;
use crate::payment::PaymentStatus;

/// A booking with what its views need of its centre and client.
#[derive(Clone, Debug)]
pub struct RdvRow {
    /// Id.
    pub id: Uuid,
    /// Tenant.
    pub tenant_id: Uuid,
    /// Shown to the customer.
    pub reference: String,
    /// Centre.
    pub centre_id: Uuid,
    /// The centre's agency.
    pub agency_id: Uuid,
    /// Inspector.
    pub inspector_id: Option<Uuid>,
    /// Client account, if any.
    pub user_id: Option<Uuid>,
    /// Contact e-mail (the account's, or the guest's).
    pub email: Option<String>,
    /// Contact phone.
    pub phone: Option<String>,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Plate, canonical.
    pub plate: String,
    /// Category.
    pub vehicle_category: Code<VehicleCategory>,
    /// Fuel.
    pub fuel: Code<Fuel>,
    /// Make.
    pub make: Option<String>,
    /// Model.
    pub model: Option<String>,
    /// Year.
    pub year: Option<i16>,
    /// Control type.
    pub control_type: Code<ControlType>,
    /// Status.
    pub status: Code<BookingStatus>,
    /// Payment status.
    pub payment_status: Code<PaymentStatus>,
    /// Price tax included, cents.
    pub price_cents: i32,
    /// VAT, cents.
    pub vat_cents: i32,
    /// End of the unpaid hold.
    pub hold_expires_at: Option<DateTime<Utc>>,
    /// Start.
    pub start_at: DateTime<Utc>,
    /// End of the inspection.
    pub end_at: DateTime<Utc>,
    /// Notes of the customer.
    pub notes: Option<String>,
    /// SHA-256 of the guest token.
    pub guest_token_hash: Option<String>,
    /// Centre name.
    pub centre_name: String,
    /// Centre address.
    pub centre_address: String,
    /// Centre postcode.
    pub centre_postcode: String,
    /// Centre city.
    pub centre_city: String,
    /// Centre latitude.
    pub centre_lat: f64,
    /// Centre longitude.
    pub centre_lng: f64,
    /// Centre phone.
    pub centre_phone: Option<String>,
    /// Centre time zone.
    pub centre_time_zone: String,
    /// When it was cancelled.
    pub cancelled_at: Option<DateTime<Utc>>,
    /// Created.
    pub created_at: DateTime<Utc>,
}

/// `query_as!` of [`RdvRow`]s: `$head` (a `WITH` clause, or ""), then the columns over the
/// booking `r` read from `$source`, its centre `c` and its client `u`, then `$tail`.
macro_rules! rdv_rows {
    ($head:tt, $source:tt, $tail:tt $(, $arg:expr)* $(,)?) => {
        sqlx::query_as!(
            RdvRow,
            $head
                + r#"SELECT r.id AS "id!", r.tenant_id AS "tenant_id!", r.reference AS "reference!",
                r.centre_id AS "centre_id!", c.agency_id AS "agency_id!",
                r.inspector_id AS "inspector_id?", r.user_id AS "user_id?",
                coalesce(u.email, r.guest_email) AS "email?",
                coalesce(r.guest_phone, u.phone) AS "phone?", r.first_name AS "first_name!",
                r.last_name AS "last_name!", r.plate AS "plate!",
                r.vehicle_category AS "vehicle_category!: Code<VehicleCategory>",
                r.fuel AS "fuel!: Code<Fuel>", r.make AS "make?", r.model AS "model?",
                r.year AS "year?", r.control_type AS "control_type!: Code<ControlType>",
                r.status AS "status!: Code<BookingStatus>",
                r.payment_status AS "payment_status!: Code<PaymentStatus>",
                r.price_cents AS "price_cents!", r.vat_cents AS "vat_cents!",
                r.hold_expires_at AS "hold_expires_at?", r.start_at AS "start_at!",
                r.end_at AS "end_at!", r.notes AS "notes?",
                r.guest_token_hash AS "guest_token_hash?", c.name AS "centre_name!",
                c.address AS "centre_address!", c.postcode AS "centre_postcode!",
                c.city AS "centre_city!", c.lat AS "centre_lat!", c.lng AS "centre_lng!",
                c.phone AS "centre_phone?", c.time_zone AS "centre_time_zone!",
                r.cancelled_at AS "cancelled_at?", r.created_at AS "created_at!"
                FROM "# + $source
                + " r JOIN cts c ON c.id = r.centre_id LEFT JOIN users u ON u.id = r.user_id "
                + $tail
            $(, $arg)*
        )
    };
}

/// Booking `id`.
pub async fn get(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<RdvRow>> {
    rdv_rows!("", "rdv", "WHERE r.id = $1", id)
        .fetch_optional(conn)
        .await
}

/// Booking `id`, locked for update until the transaction ends.
pub async fn get_for_update(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<RdvRow>> {
    rdv_rows!("", "rdv", "WHERE r.id = $1 FOR UPDATE OF r", id)
        .fetch_optional(conn)
        .await
}

/// The booking created with this idempotency key.
pub async fn by_idempotency_key(
    conn: &mut PgConnection,
    key: &str,
) -> sqlx::Result<Option<RdvRow>> {
    rdv_rows!("", "rdv", "WHERE r.idempotency_key = $1", key)
        .fetch_optional(conn)
        .await
}

/// The bookings of `user_id`, soonest first.
pub async fn of_user(conn: &mut PgConnection, user_id: Uuid) -> sqlx::Result<Vec<RdvRow>> {
    rdv_rows!(
        "",
        "rdv",
        "WHERE r.user_id = $1 ORDER BY r.start_at",
        user_id
    )
    .fetch_all(conn)
    .await
}

/// An active booking of a plate, as the overlap rule sees it.
#[derive(Clone, Debug)]
pub struct PlateBooking {
    /// Id.
    pub id: Uuid,
    /// Start.
    pub start_at: DateTime<Utc>,
    /// End.
    pub end_at: DateTime<Utc>,
    /// Status.
    pub status: BookingStatus,
}

/// A plate's bookings as the rules see them.
#[derive(Debug, Default)]
pub struct PlateHistory {
    /// Active bookings.
    pub active: Vec<PlateBooking>,
    /// The last completed periodic inspection: local day and verdict letter (A, S or R).
    pub last_periodic: Option<(NaiveDate, String)>,
}

/// What the rules need to know of a plate (compact form): its active bookings and its last
/// completed periodic inspection, in one query.
pub async fn plate_history(
    conn: &mut PgConnection,
    plate_compact: &str,
) -> sqlx::Result<PlateHistory> {
    let rows = sqlx::query!(
        r#"SELECT r.id, r.start_at, r.end_at, r.status AS "status: Code<BookingStatus>",
           (r.start_at AT TIME ZONE c.time_zone)::date AS "day!", r.inspection_result
           FROM rdv r JOIN cts c ON c.id = r.centre_id
           WHERE r.plate_normalized = $1
             AND (r.status IN ('pending_payment', 'confirmed', 'in_progress')
               OR (r.control_type = 'CT' AND r.status = 'completed'
                   AND r.inspection_result IS NOT NULL))
           ORDER BY r.start_at"#,
        plate_compact
    )
    .fetch_all(conn)
    .await?;
    let mut history = PlateHistory::default();
    for r in rows {
        match r.inspection_result {
            Some(verdict) if r.status.0 == BookingStatus::Completed => {
                history.last_periodic = Some((r.day, verdict));
            }
            _ => history.active.push(PlateBooking {
                id: r.id,
                start_at: r.start_at,
                end_at: r.end_at,
                status: r.status.0,
            }),
        }
    }
    Ok(history)
}

/// A new booking.
#[derive(Debug)]
pub struct NewRdv<'a> {
    /// Id (chosen before, as the engine's booking id).
    pub id: Uuid,
    /// Tenant.
    pub tenant_id: Uuid,
    /// Reference.
    pub reference: &'a str,
    /// Centre.
    pub centre_id: Uuid,
    /// Inspector.
    pub inspector_id: Uuid,
    /// Client account.
    pub user_id: Option<Uuid>,
    /// Contact e-mail.
    pub email: &'a str,
    /// Contact phone.
    pub phone: &'a str,
    /// First name.
    pub first_name: &'a str,
    /// Last name.
    pub last_name: &'a str,
    /// Saved vehicle.
    pub vehicle_id: Option<Uuid>,
    /// Plate as shown.
    pub plate: &'a str,
    /// Plate, compact.
    pub plate_normalized: &'a str,
    /// Category.
    pub category: VehicleCategory,
    /// Fuel.
    pub fuel: Fuel,
    /// Make.
    pub make: Option<&'a str>,
    /// Model.
    pub model: Option<&'a str>,
    /// Year.
    pub year: Option<i16>,
    /// Control type.
    pub control_type: ControlType,
    /// Price, cents.
    pub price_cents: i32,
    /// VAT rate, basis points.
    pub vat_rate_bp: i32,
    /// VAT, cents.
    pub vat_cents: i32,
    /// Hold end.
    pub hold_expires_at: DateTime<Utc>,
    /// Start.
    pub start_at: DateTime<Utc>,
    /// End.
    pub end_at: DateTime<Utc>,
    /// Notes.
    pub notes: Option<&'a str>,
    /// Who booked it.
    pub source: Source,
    /// Who created it.
    pub created_by: Option<Uuid>,
    /// Idempotency key.
    pub idempotency_key: Option<&'a str>,
    /// SHA-256 of the guest token.
    pub guest_token_hash: &'a str,
    /// Declared failed inspection day (re-inspection).
    pub failed_inspection_date: Option<NaiveDate>,
}

/// Where a booking was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The client portal (a guest or a client).
    Web,
    /// A call-centre operator.
    CallCenter,
    /// Centre or network staff.
    Pro,
}

impl Source {
    /// The code stored in `rdv.source`.
    pub fn code(self) -> &'static str {
        match self {
            Source::Web => "web",
            Source::CallCenter => "call_center",
            Source::Pro => "pro",
        }
    }
}

/// The unique key of a tenant's idempotency keys of bookings.
pub const IDEMPOTENCY_KEY: &str = "rdv_tenant_id_idempotency_key_key";

/// Inserts a booking in `pending_payment` with its `rdv.held` outbox event, and answers it
/// (one statement; a reused idempotency key violates [`IDEMPOTENCY_KEY`]).
pub async fn insert(conn: &mut PgConnection, r: &NewRdv<'_>) -> sqlx::Result<RdvRow> {
    rdv_rows!(
        "WITH held AS (INSERT INTO rdv (id, tenant_id, reference, centre_id, inspector_id, user_id,
         guest_email, guest_phone, first_name, last_name, vehicle_id, plate, plate_normalized,
         vehicle_category, fuel, make, model, year, control_type, price_cents, vat_rate_bp,
         vat_cents, hold_expires_at, start_at, end_at, notes, source, created_by, idempotency_key,
         guest_token_hash, failed_inspection_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
         $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31) RETURNING *),
         event AS (INSERT INTO outbox (tenant_id, topic, event_type, aggregate_id, payload)
         SELECT tenant_id, 'rdv.events', 'rdv.held', id,
         json_build_object('rdv_id', id, 'reference', reference) FROM held) ",
        "held",
        "",
        r.id,
        r.tenant_id,
        r.reference,
        r.centre_id,
        r.inspector_id,
        r.user_id,
        r.email,
        r.phone,
        r.first_name,
        r.last_name,
        r.vehicle_id,
        r.plate,
        r.plate_normalized,
        r.category.code(),
        r.fuel.code(),
        r.make,
        r.model,
        r.year,
        r.control_type.code(),
        r.price_cents,
        r.vat_rate_bp,
        r.vat_cents,
        r.hold_expires_at,
        r.start_at,
        r.end_at,
        r.notes,
        r.source.code(),
        r.created_by,
        r.idempotency_key,
        r.guest_token_hash,
        r.failed_inspection_date,
    )
    .fetch_one(conn)
    .await
}

/// Moves a booking to another slot (and possibly centre and inspector).
pub async fn move_to(
    conn: &mut PgConnection,
    id: Uuid,
    centre_id: Uuid,
    inspector_id: Uuid,
    start_at: DateTime<Utc>,
    end_at: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE rdv SET centre_id = $2, inspector_id = $3, start_at = $4, end_at = $5 WHERE id = $1",
        id,
        centre_id,
        inspector_id,
        start_at,
        end_at,
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Why a booking was cancelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CancelReason {
    /// The customer cancelled.
    Customer,
}

impl CancelReason {
    /// The code stored in `rdv.cancel_reason`.
    pub fn code(self) -> &'static str {
        match self {
            CancelReason::Customer => "customer",
        }
    }
}

/// Cancels a booking, setting its payment status.
pub async fn cancel(
    conn: &mut PgConnection,
    id: Uuid,
    reason: CancelReason,
    payment_status: PaymentStatus,
) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE rdv SET status = 'cancelled', cancelled_at = now(), cancel_reason = $2, \
         payment_status = $3, hold_expires_at = NULL WHERE id = $1",
        id,
        reason.code(),
        payment_status.code(),
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Cancels the unpaid holds that expired, each with its `rdv.expired` event; answers their
/// `(id, centre)`. Rows locked by another instance are left to it.
pub async fn expire_holds(conn: &mut PgConnection) -> sqlx::Result<Vec<(Uuid, Uuid)>> {
    let rows = sqlx::query!(
        r#"WITH expired AS (UPDATE rdv SET status = 'cancelled', cancelled_at = now(),
           cancel_reason = 'hold_expired', hold_expires_at = NULL
           WHERE id IN (SELECT id FROM rdv WHERE status = 'pending_payment'
                        AND hold_expires_at < now() FOR UPDATE SKIP LOCKED)
           RETURNING id, tenant_id, centre_id),
           event AS (INSERT INTO outbox (tenant_id, topic, event_type, aggregate_id, payload)
           SELECT tenant_id, 'rdv.events', 'rdv.expired', id, json_build_object('rdv_id', id)
           FROM expired)
           SELECT id AS "id!", centre_id AS "centre_id!" FROM expired"#
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.centre_id)).collect())
}

/// Marks the booking's payment as failed (the hold stays until it expires).
pub async fn payment_failed(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<()> {
    sqlx::query!("UPDATE rdv SET payment_status = 'failed' WHERE id = $1", id)
        .execute(conn)
        .await?;
    Ok(())
}
