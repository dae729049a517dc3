//! SQL of the engine's loading, tenant by tenant under row-level security (the system
//! context). Every query also names the tenant, so a superuser connection (the seed), which
//! row-level security does not restrict, reads the same.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use pti_core::model::{ControlType, VehicleCategory};
use serde_json::Value;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::db::Code;

/// An active network and its booking policy as stored.
pub struct TenantRow {
    /// Id.
    pub id: Uuid,
    /// Slug.
    pub slug: String,
    /// Name.
    pub name: String,
    /// The policy's settings (JSON of `BookingPolicy`, defaults where absent).
    pub booking_policy: Value,
}

/// The active networks, through the `active_tenants()` lookup (SECURITY DEFINER).
pub async fn active_tenants(pool: &PgPool) -> sqlx::Result<Vec<TenantRow>> {
    sqlx::query_as!(
        TenantRow,
        r#"SELECT id AS "id!", slug AS "slug!", name AS "name!", booking_policy AS "booking_policy!"
           FROM active_tenants()"#
    )
    .fetch_all(pool)
    .await
}

/// A centre as stored.
pub struct CentreRow {
    pub id: Uuid,
    pub agency_id: Uuid,
    pub name: String,
    pub address: String,
    pub postcode: String,
    pub city: String,
    pub lat: f64,
    pub lng: f64,
    pub time_zone: String,
    pub rating: Option<f32>,
    pub lanes: i16,
    pub daily_capacity: i32,
    pub grid_minutes: i16,
    pub buffer_minutes: i16,
    pub holiday_policy: String,
    pub opening_hours: Value,
    pub vehicle_categories: Vec<String>,
}

/// The active centres of `tenant` (only `only` when given).
pub async fn centres(
    conn: &mut PgConnection,
    tenant: Uuid,
    only: Option<Uuid>,
) -> sqlx::Result<Vec<CentreRow>> {
    sqlx::query_as!(
        CentreRow,
        "SELECT id, agency_id, name, address, postcode, city, lat, lng, time_zone, \
         rating::float4 AS rating, lanes, daily_capacity, grid_minutes, buffer_minutes, \
         holiday_policy, opening_hours, vehicle_categories \
         FROM cts WHERE tenant_id = $2 AND status = 'active' AND ($1::uuid IS NULL OR id = $1) \
         ORDER BY id",
        only,
        tenant
    )
    .fetch_all(conn)
    .await
}

/// An offer of a tenant (no centre) or of one centre.
pub struct OfferRow {
    pub centre_id: Option<Uuid>,
    pub control_type: Code<ControlType>,
    pub vehicle_category: Code<VehicleCategory>,
    pub price_cents: i32,
    pub vat_rate_bp: i32,
    pub duration_minutes: Option<i16>,
    /// False: the centre withdrew this offer.
    pub active: bool,
}

/// The offers of `tenant` that apply to `only` (or to every centre), tenant-wide ones last:
/// the active ones, and those a centre withdrew (inactive rows of a centre, which hide the
/// network's default there).
pub async fn offers(
    conn: &mut PgConnection,
    tenant: Uuid,
    only: Option<Uuid>,
) -> sqlx::Result<Vec<OfferRow>> {
    sqlx::query_as!(
        OfferRow,
        r#"SELECT centre_id, control_type AS "control_type: Code<ControlType>",
           vehicle_category AS "vehicle_category: Code<VehicleCategory>", price_cents,
           vat_rate_bp, duration_minutes, active FROM offers
           WHERE tenant_id = $2 AND (active OR centre_id IS NOT NULL) AND fuel IS NULL
           AND (centre_id IS NULL OR $1::uuid IS NULL OR centre_id = $1)
           ORDER BY centre_id NULLS LAST"#,
        only,
        tenant
    )
    .fetch_all(conn)
    .await
}

/// An active inspector.
pub struct InspectorRow {
    pub id: Uuid,
    pub centre_id: Uuid,
    pub first_name: String,
    pub last_name: String,
    pub agreements: Vec<String>,
}

/// The active inspectors of `tenant` (of `only` when given).
pub async fn inspectors(
    conn: &mut PgConnection,
    tenant: Uuid,
    only: Option<Uuid>,
) -> sqlx::Result<Vec<InspectorRow>> {
    sqlx::query_as!(
        InspectorRow,
        "SELECT id, centre_id, first_name, last_name, agreements FROM controleurs \
         WHERE tenant_id = $2 AND status = 'active' AND ($1::uuid IS NULL OR centre_id = $1) \
         ORDER BY id",
        only,
        tenant
    )
    .fetch_all(conn)
    .await
}

/// A weekly shift of an inspector.
pub struct ShiftRow {
    pub inspector_id: Uuid,
    pub rrule: String,
    pub starts_local: NaiveTime,
    pub ends_local: NaiveTime,
    pub valid_from: NaiveDate,
    pub valid_until: Option<NaiveDate>,
}

/// The shifts of `tenant`'s inspectors (of `only` when given).
pub async fn shifts(
    conn: &mut PgConnection,
    tenant: Uuid,
    only: Option<Uuid>,
) -> sqlx::Result<Vec<ShiftRow>> {
    sqlx::query_as!(
        ShiftRow,
        "SELECT inspector_id, rrule, starts_local, ends_local, valid_from, valid_until \
         FROM planning_shifts WHERE tenant_id = $2 AND ($1::uuid IS NULL OR centre_id = $1) \
         ORDER BY id",
        only,
        tenant
    )
    .fetch_all(conn)
    .await
}

/// A time out of service: a closure of a centre, a block of a centre or an inspector, or an
/// inspector's leave.
pub struct RangeRow {
    pub centre_id: Option<Uuid>,
    pub inspector_id: Option<Uuid>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

/// Closures, blocks and leave of `tenant` ending after `since` (of `only` when given).
pub async fn ranges(
    conn: &mut PgConnection,
    tenant: Uuid,
    only: Option<Uuid>,
    since: DateTime<Utc>,
) -> sqlx::Result<Vec<RangeRow>> {
    sqlx::query_as!(
        RangeRow,
        r#"SELECT centre_id AS "centre_id?", NULL::uuid AS "inspector_id?",
             starts_at AS "starts_at!", ends_at AS "ends_at!" FROM cts_closures
           WHERE tenant_id = $3 AND ends_at > $2 AND ($1::uuid IS NULL OR centre_id = $1)
           UNION ALL SELECT centre_id, inspector_id, starts_at, ends_at FROM planning_blocks
           WHERE tenant_id = $3 AND ends_at > $2 AND ($1::uuid IS NULL OR centre_id = $1)
           UNION ALL SELECT c.centre_id, l.inspector_id, l.starts_at, l.ends_at
           FROM controleur_leaves l JOIN controleurs c ON c.id = l.inspector_id
           WHERE l.tenant_id = $3 AND l.ends_at > $2 AND ($1::uuid IS NULL OR c.centre_id = $1)"#,
        only,
        since,
        tenant
    )
    .fetch_all(conn)
    .await
}

/// An active booking's placement.
pub struct BookingRow {
    pub id: Uuid,
    pub centre_id: Uuid,
    pub inspector_id: Option<Uuid>,
    pub start_at: DateTime<Utc>,
    pub end_at: DateTime<Utc>,
}

/// The active bookings of `tenant` ending after `since` (of `only` when given).
pub async fn bookings(
    conn: &mut PgConnection,
    tenant: Uuid,
    only: Option<Uuid>,
    since: DateTime<Utc>,
) -> sqlx::Result<Vec<BookingRow>> {
    sqlx::query_as!(
        BookingRow,
        "SELECT id, centre_id, inspector_id, start_at, end_at FROM rdv \
         WHERE status IN ('pending_payment', 'confirmed', 'in_progress') \
         AND inspector_id IS NOT NULL AND end_at > $2 AND tenant_id = $3 \
         AND ($1::uuid IS NULL OR centre_id = $1)",
        only,
        since,
        tenant
    )
    .fetch_all(conn)
    .await
}
