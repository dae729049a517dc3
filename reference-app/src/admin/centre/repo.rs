//! SQL of the centres, their closures and their offers. Every query names the tenant besides
//! row-level security, so that the `(tenant_id, ...)` indexes serve it.

use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::PgConnection;
use uuid::Uuid;

use super::hours;
use super::views::Centre;

/// The unique constraint on a centre's code in its network.
pub const CODE_KEY: &str = "cts_tenant_id_code_key";

/// A centre as read, before its opening hours are read.
struct CentreRow {
    id: Uuid,
    tenant_id: Uuid,
    agency_id: Uuid,
    code: String,
    name: String,
    address: String,
    postcode: String,
    city: String,
    lat: f64,
    lng: f64,
    time_zone: String,
    phone: Option<String>,
    email: Option<String>,
    rating: Option<f64>,
    rating_count: i32,
    lanes: i16,
    daily_capacity: i32,
    grid_minutes: i16,
    buffer_minutes: i16,
    overbooking_percent: i16,
    holiday_policy: String,
    opening_hours: Value,
    vehicle_categories: Vec<String>,
    status: String,
    inspector_count: i64,
}

impl From<CentreRow> for Centre {
    fn from(r: CentreRow) -> Self {
        Centre {
            opening_hours: hours::windows(&r.opening_hours),
            id: r.id,
            tenant_id: r.tenant_id,
            agency_id: r.agency_id,
            code: r.code,
            name: r.name,
            address: r.address,
            postcode: r.postcode,
            city: r.city,
            lat: r.lat,
            lng: r.lng,
            time_zone: r.time_zone,
            phone: r.phone,
            email: r.email,
            rating: r.rating,
            rating_count: r.rating_count,
            lanes: r.lanes,
            daily_capacity: r.daily_capacity,
            grid_minutes: r.grid_minutes,
            buffer_minutes: r.buffer_minutes,
            overbooking_percent: r.overbooking_percent,
            holiday_policy: r.holiday_policy,
            vehicle_categories: r.vehicle_categories,
            status: r.status,
            inspector_count: r.inspector_count,
        }
    }
}

/// A centre's fields as written.
pub struct CentreFields<'a> {
    /// Agency.
    pub agency_id: Uuid,
    /// Code.
    pub code: &'a str,
    /// Name.
    pub name: &'a str,
    /// Street address.
    pub address: &'a str,
    /// Postcode.
    pub postcode: &'a str,
    /// City.
    pub city: &'a str,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lng: f64,
    /// Phone.
    pub phone: Option<&'a str>,
    /// E-mail.
    pub email: Option<&'a str>,
    /// Settings.
    pub settings: &'a super::settings::Settings,
    /// `active` or `inactive`.
    pub status: &'a str,
}

/// The centres visible in the transaction (of `tenant` when given), by name: of one agency,
/// or only `id`, when given.
pub async fn list(
    conn: &mut PgConnection,
    tenant: Option<Uuid>,
    agency: Option<Uuid>,
    id: Option<Uuid>,
) -> sqlx::Result<Vec<Centre>> {
    let rows = sqlx::query_as!(
        CentreRow,
        r#"SELECT c.id, c.tenant_id, c.agency_id, c.code, c.name, c.address, c.postcode, c.city,
                  c.lat, c.lng, c.time_zone, c.phone, c.email, c.rating::float8 AS rating,
                  c.rating_count, c.lanes, c.daily_capacity, c.grid_minutes, c.buffer_minutes,
                  c.overbooking_percent, c.holiday_policy, c.opening_hours, c.vehicle_categories,
                  c.status,
                  (SELECT count(*) FROM controleurs i
                   WHERE i.tenant_id = c.tenant_id AND i.centre_id = c.id AND i.status = 'active')
                      AS "inspector_count!"
           FROM cts c
           WHERE ($1::uuid IS NULL OR c.tenant_id = $1) AND ($2::uuid IS NULL OR c.agency_id = $2)
             AND ($3::uuid IS NULL OR c.id = $3)
           ORDER BY c.name, c.id"#,
        tenant,
        agency,
        id
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(Centre::from).collect())
}

/// Locks centre `id` of `tenant` for a change; its agency.
pub async fn lock(conn: &mut PgConnection, tenant: Uuid, id: Uuid) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar!(
        "SELECT agency_id FROM cts WHERE tenant_id = $1 AND id = $2 FOR UPDATE",
        tenant,
        id
    )
    .fetch_optional(conn)
    .await
}

/// Inserts a centre into `tenant`; its id.
pub async fn insert(
    conn: &mut PgConnection,
    tenant: Uuid,
    f: &CentreFields<'_>,
) -> sqlx::Result<Uuid> {
    let s = f.settings;
    sqlx::query_scalar!(
        "INSERT INTO cts (tenant_id, agency_id, code, name, address, postcode, city, lat, lng, \
         phone, email, time_zone, lanes, daily_capacity, grid_minutes, buffer_minutes, \
         overbooking_percent, holiday_policy, opening_hours, vehicle_categories, status) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
         $18, $19, $20, $21) RETURNING id",
        tenant,
        f.agency_id,
        f.code,
        f.name,
        f.address,
        f.postcode,
        f.city,
        f.lat,
        f.lng,
        f.phone,
        f.email,
        s.time_zone,
        s.lanes,
        s.daily_capacity,
        s.grid_minutes,
        s.buffer_minutes,
        s.overbooking_percent,
        s.holiday_policy,
        s.opening_hours,
        &s.vehicle_categories,
        f.status
    )
    .fetch_one(conn)
    .await
}

/// Writes the fields of centre `id` of `tenant`.
pub async fn update(
    conn: &mut PgConnection,
    tenant: Uuid,
    id: Uuid,
    f: &CentreFields<'_>,
) -> sqlx::Result<()> {
    let s = f.settings;
    sqlx::query!(
        "UPDATE cts SET agency_id = $3, code = $4, name = $5, address = $6, postcode = $7, \
         city = $8, lat = $9, lng = $10, phone = $11, email = $12, time_zone = $13, lanes = $14, \
         daily_capacity = $15, grid_minutes = $16, buffer_minutes = $17, \
         overbooking_percent = $18, holiday_policy = $19, opening_hours = $20, \
         vehicle_categories = $21, status = $22 \
         WHERE tenant_id = $1 AND id = $2",
        tenant,
        id,
        f.agency_id,
        f.code,
        f.name,
        f.address,
        f.postcode,
        f.city,
        f.lat,
        f.lng,
        f.phone,
        f.email,
        s.time_zone,
        s.lanes,
        s.daily_capacity,
        s.grid_minutes,
        s.buffer_minutes,
        s.overbooking_percent,
        s.holiday_policy,
        s.opening_hours,
        &s.vehicle_categories,
        f.status
    )
    .execute(conn)
    .await
    .map(drop)
}

/// The agency of centre `id`, if the centre is visible in the transaction.
pub async fn agency_of(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar!("SELECT agency_id FROM cts WHERE id = $1", id)
        .fetch_optional(conn)
        .await
}

/// A closure as read.
pub struct ClosureRow {
    /// Id.
    pub id: Uuid,
    /// Start.
    pub starts_at: DateTime<Utc>,
    /// End.
    pub ends_at: DateTime<Utc>,
    /// Why.
    pub reason: String,
    /// Active bookings inside.
    pub bookings: i64,
}

/// The closures of centre `centre` of `tenant` ending after `since`, by start; only `id` when
/// given.
pub async fn closures(
    conn: &mut PgConnection,
    tenant: Uuid,
    centre: Uuid,
    since: DateTime<Utc>,
    id: Option<Uuid>,
) -> sqlx::Result<Vec<ClosureRow>> {
    sqlx::query_as!(
        ClosureRow,
        r#"SELECT k.id, k.starts_at, k.ends_at, k.reason,
                  (SELECT count(*) FROM rdv r
                   WHERE r.tenant_id = k.tenant_id AND r.centre_id = k.centre_id
                     AND r.start_at < k.ends_at AND r.end_at > k.starts_at
                     AND r.status IN ('pending_payment', 'confirmed', 'in_progress'))
                      AS "bookings!"
           FROM cts_closures k
           WHERE k.tenant_id = $1 AND k.centre_id = $2 AND k.ends_at > $3
             AND ($4::uuid IS NULL OR k.id = $4)
           ORDER BY k.starts_at, k.id"#,
        tenant,
        centre,
        since,
        id
    )
    .fetch_all(conn)
    .await
}

/// Adds a closure to centre `centre` of `tenant`; its id.
pub async fn insert_closure(
    conn: &mut PgConnection,
    tenant: Uuid,
    centre: Uuid,
    range: (DateTime<Utc>, DateTime<Utc>),
    reason: &str,
) -> sqlx::Result<Uuid> {
    sqlx::query_scalar!(
        "INSERT INTO cts_closures (tenant_id, centre_id, starts_at, ends_at, reason) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
        tenant,
        centre,
        range.0,
        range.1,
        reason
    )
    .fetch_one(conn)
    .await
}

/// Removes closure `id` of centre `centre` of `tenant`; whether it was there.
pub async fn delete_closure(
    conn: &mut PgConnection,
    tenant: Uuid,
    centre: Uuid,
    id: Uuid,
) -> sqlx::Result<bool> {
    sqlx::query!(
        "DELETE FROM cts_closures WHERE tenant_id = $1 AND centre_id = $2 AND id = $3",
        tenant,
        centre,
        id
    )
    .execute(conn)
    .await
    .map(|done| done.rows_affected() == 1)
}

/// An offer row: the centre's own (`centre_id` set) or the network's default.
pub struct OfferRow {
    /// The centre, or none for the network's default.
    pub centre_id: Option<Uuid>,
    /// Control type code.
    pub control_type: String,
    /// Vehicle category code.
    pub vehicle_category: String,
    /// Price tax included, cents.
    pub price_cents: i32,
    /// VAT, basis points.
    pub vat_rate_bp: i32,
    /// Duration override, minutes.
    pub duration_minutes: Option<i16>,
    /// Offered.
    pub active: bool,
}

/// The offers of the network `tenant` without fuel (its defaults, then those of `centre`).
pub async fn offers(
    conn: &mut PgConnection,
    tenant: Uuid,
    centre: Uuid,
) -> sqlx::Result<Vec<OfferRow>> {
    sqlx::query_as!(
        OfferRow,
        "SELECT centre_id, control_type, vehicle_category, price_cents, vat_rate_bp, \
         duration_minutes, active FROM offers \
         WHERE tenant_id = $1 AND (centre_id IS NULL OR centre_id = $2) AND fuel IS NULL \
         ORDER BY centre_id NULLS FIRST, control_type, vehicle_category",
        tenant,
        centre
    )
    .fetch_all(conn)
    .await
}

/// Replaces the fuel-less offers of centre `centre` of `tenant` by `rows`.
pub async fn replace_offers(
    conn: &mut PgConnection,
    tenant: Uuid,
    centre: Uuid,
    rows: &[OfferRow],
) -> sqlx::Result<()> {
    sqlx::query!(
        "DELETE FROM offers WHERE tenant_id = $1 AND centre_id = $2 AND fuel IS NULL",
        tenant,
        centre
    )
    .execute(&mut *conn)
    .await?;
    for r in rows {
        sqlx::query!(
            "INSERT INTO offers (tenant_id, centre_id, control_type, vehicle_category, \
             price_cents, vat_rate_bp, duration_minutes, active) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            tenant,
            centre,
            r.control_type,
            r.vehicle_category,
            r.price_cents,
            r.vat_rate_bp,
            r.duration_minutes,
            r.active
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
