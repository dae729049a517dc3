//! SQL of bookings (`rdv`). Row-level security limits every query to the transaction's tenant.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{FromRow, PgConnection};
use uuid::Uuid;

/// A booking with what its views need of its centre and client.
#[derive(Clone, Debug, FromRow)]
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
    /// Category code.
    pub vehicle_category: String,
    /// Fuel code.
    pub fuel: String,
    /// Make.
    pub make: Option<String>,
    /// Model.
    pub model: Option<String>,
    /// Year.
    pub year: Option<i16>,
    /// Control type code.
    pub control_type: String,
    /// Status code.
    pub status: String,
    /// Payment status code.
    pub payment_status: String,
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

/// The columns of [`RdvRow`] over `r` (the booking), `c` (its centre) and `u` (its client).
const COLUMNS: &str = "r.id, r.tenant_id, r.reference, r.centre_id, c.agency_id, r.inspector_id, \
    r.user_id, coalesce(u.email, r.guest_email) AS email, coalesce(r.guest_phone, u.phone) AS phone, \
    r.first_name, r.last_name, r.plate, r.vehicle_category, r.fuel, r.make, r.model, r.year, \
    r.control_type, r.status, r.payment_status, r.price_cents, r.vat_cents, r.hold_expires_at, \
    r.start_at, r.end_at, r.notes, r.guest_token_hash, c.name AS centre_name, \
    c.address AS centre_address, c.postcode AS centre_postcode, c.city AS centre_city, \
    c.lat AS centre_lat, c.lng AS centre_lng, c.phone AS centre_phone, \
    c.time_zone AS centre_time_zone, r.cancelled_at, r.created_at";

/// `r`, `c` and `u` for a booking of `rdv`.
const FROM: &str = "rdv r JOIN cts c ON c.id = r.centre_id LEFT JOIN users u ON u.id = r.user_id";

/// Booking `id`, locked for update when `lock`.
pub async fn get(conn: &mut PgConnection, id: Uuid, lock: bool) -> sqlx::Result<Option<RdvRow>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE r.id = $1{}",
        if lock { " FOR UPDATE OF r" } else { "" }
    );
    sqlx::query_as(&sql).bind(id).fetch_optional(conn).await
}

/// The booking created with this idempotency key.
pub async fn by_idempotency_key(
    conn: &mut PgConnection,
    key: &str,
) -> sqlx::Result<Option<RdvRow>> {
    let sql = format!("SELECT {COLUMNS} FROM {FROM} WHERE r.idempotency_key = $1");
    sqlx::query_as(&sql).bind(key).fetch_optional(conn).await
}

/// The bookings of `user_id`, soonest first.
pub async fn of_user(conn: &mut PgConnection, user_id: Uuid) -> sqlx::Result<Vec<RdvRow>> {
    let sql = format!("SELECT {COLUMNS} FROM {FROM} WHERE r.user_id = $1 ORDER BY r.start_at");
    sqlx::query_as(&sql).bind(user_id).fetch_all(conn).await
}

/// What the rules need to know of a plate: its active bookings `(id, start, end, status)`
/// and its last completed periodic inspection `(local day, verdict)`, in one query.
pub async fn plate_history(
    conn: &mut PgConnection,
    plate_normalized: &str,
) -> sqlx::Result<PlateHistory> {
    type Row = (
        Uuid,
        DateTime<Utc>,
        DateTime<Utc>,
        String,
        NaiveDate,
        Option<String>,
    );
    let rows: Vec<Row> =
        sqlx::query_as(
            "SELECT r.id, r.start_at, r.end_at, r.status, (r.start_at AT TIME ZONE c.time_zone)::date, \
             r.inspection_result FROM rdv r JOIN cts c ON c.id = r.centre_id \
             WHERE r.plate_normalized = $1 AND (r.status IN ('pending_payment', 'confirmed', 'in_progress') \
             OR (r.control_type = 'CT' AND r.status = 'completed' AND r.inspection_result IS NOT NULL)) \
             ORDER BY r.start_at",
        )
        .bind(plate_normalized)
        .fetch_all(conn)
        .await?;
    let mut history = PlateHistory::default();
    for (id, start, end, status, day, verdict) in rows {
        match verdict {
            Some(v) if status == "completed" => history.last_periodic = Some((day, v)),
            _ => history.active.push((id, start, end, status)),
        }
    }
    Ok(history)
}

/// A plate's bookings as the rules see them.
#[derive(Debug, Default)]
pub struct PlateHistory {
    /// Active bookings: `(id, start, end, status)`.
    pub active: Vec<(Uuid, DateTime<Utc>, DateTime<Utc>, String)>,
    /// The last completed periodic inspection: `(local day, verdict A/S/R)`.
    pub last_periodic: Option<(NaiveDate, String)>,
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
    /// Category code.
    pub category: &'a str,
    /// Fuel code.
    pub fuel: &'a str,
    /// Make.
    pub make: Option<&'a str>,
    /// Model.
    pub model: Option<&'a str>,
    /// Year.
    pub year: Option<i16>,
    /// Control type code.
    pub control_type: &'a str,
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
    /// web | call_center | pro | api.
    pub source: &'a str,
    /// Who created it.
    pub created_by: Option<Uuid>,
    /// Idempotency key.
    pub idempotency_key: Option<&'a str>,
    /// SHA-256 of the guest token.
    pub guest_token_hash: &'a str,
    /// Declared failed inspection day (re-inspection).
    pub failed_inspection_date: Option<NaiveDate>,
}

/// Inserts a booking in `pending_payment` with its `rdv.held` outbox event, and answers it
/// (one statement).
pub async fn insert(conn: &mut PgConnection, r: &NewRdv<'_>) -> sqlx::Result<RdvRow> {
    let sql = format!(
        "WITH held AS (INSERT INTO rdv (id, tenant_id, reference, centre_id, inspector_id, user_id, guest_email, \
         guest_phone, first_name, last_name, vehicle_id, plate, plate_normalized, vehicle_category, \
         fuel, make, model, year, control_type, price_cents, vat_rate_bp, vat_cents, \
         hold_expires_at, start_at, end_at, notes, source, created_by, idempotency_key, \
         guest_token_hash, failed_inspection_date) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, \
         $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31) RETURNING *), \
         event AS (INSERT INTO outbox (tenant_id, topic, event_type, aggregate_id, payload) \
         SELECT tenant_id, 'rdv.events', 'rdv.held', id, \
         json_build_object('rdv_id', id, 'reference', reference) FROM held) \
         SELECT {COLUMNS} FROM held r JOIN cts c ON c.id = r.centre_id \
         LEFT JOIN users u ON u.id = r.user_id"
    );
    sqlx::query_as(&sql)
        .bind(r.id)
        .bind(r.tenant_id)
        .bind(r.reference)
        .bind(r.centre_id)
        .bind(r.inspector_id)
        .bind(r.user_id)
        .bind(r.email)
        .bind(r.phone)
        .bind(r.first_name)
        .bind(r.last_name)
        .bind(r.vehicle_id)
        .bind(r.plate)
        .bind(r.plate_normalized)
        .bind(r.category)
        .bind(r.fuel)
        .bind(r.make)
        .bind(r.model)
        .bind(r.year)
        .bind(r.control_type)
        .bind(r.price_cents)
        .bind(r.vat_rate_bp)
        .bind(r.vat_cents)
        .bind(r.hold_expires_at)
        .bind(r.start_at)
        .bind(r.end_at)
        .bind(r.notes)
        .bind(r.source)
        .bind(r.created_by)
        .bind(r.idempotency_key)
        .bind(r.guest_token_hash)
        .bind(r.failed_inspection_date)
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
    sqlx::query(
        "UPDATE rdv SET centre_id = $2, inspector_id = $3, start_at = $4, end_at = $5 WHERE id = $1",
    )
    .bind(id)
    .bind(centre_id)
    .bind(inspector_id)
    .bind(start_at)
    .bind(end_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Cancels a booking, setting its payment status.
pub async fn cancel(
    conn: &mut PgConnection,
    id: Uuid,
    reason: &str,
    payment_status: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE rdv SET status = 'cancelled', cancelled_at = now(), cancel_reason = $2, \
         payment_status = $3, hold_expires_at = NULL WHERE id = $1",
    )
    .bind(id)
    .bind(reason)
    .bind(payment_status)
    .execute(conn)
    .await?;
    Ok(())
}
