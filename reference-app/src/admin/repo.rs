//! SQL of the admin service. Row-level security limits every query to the transaction's
//! tenant, except the `resolve_tenant` lookup (SECURITY DEFINER, public columns only).

use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::views::{Agency, Centre, TenantInfo};

/// The public facts of the active tenant with this slug, domain or id.
pub async fn resolve_tenant(pool: &PgPool, key: &str) -> sqlx::Result<Option<TenantInfo>> {
    sqlx::query_as!(
        TenantInfo,
        r#"SELECT id AS "id!", slug AS "slug!", name AS "name!", branding AS "branding!"
           FROM resolve_tenant($1)"#,
        key
    )
    .fetch_optional(pool)
    .await
}

/// Agencies visible in the transaction, by name.
pub async fn list_agencies(conn: &mut PgConnection) -> sqlx::Result<Vec<Agency>> {
    sqlx::query_as!(
        Agency,
        "SELECT id, tenant_id, code, name, address, postcode, city, lat, lng, phone, email, status \
         FROM agences ORDER BY name, id"
    )
    .fetch_all(conn)
    .await
}

/// One agency, if visible.
pub async fn get_agency(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Agency>> {
    sqlx::query_as!(
        Agency,
        "SELECT id, tenant_id, code, name, address, postcode, city, lat, lng, phone, email, status \
         FROM agences WHERE id = $1",
        id
    )
    .fetch_optional(conn)
    .await
}

/// Centres visible in the transaction, optionally of one agency, by name.
pub async fn list_centres(
    conn: &mut PgConnection,
    agency: Option<Uuid>,
) -> sqlx::Result<Vec<Centre>> {
    sqlx::query_as!(
        Centre,
        r#"SELECT id, tenant_id, agency_id, code, name, address, postcode, city, lat, lng,
           time_zone, phone, email, rating::float8 AS rating, rating_count, lanes, daily_capacity,
           grid_minutes, buffer_minutes, overbooking_percent, holiday_policy, opening_hours,
           vehicle_categories, status
           FROM cts WHERE ($1::uuid IS NULL OR agency_id = $1) ORDER BY name, id"#,
        agency
    )
    .fetch_all(conn)
    .await
}

/// One centre, if visible.
pub async fn get_centre(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Centre>> {
    sqlx::query_as!(
        Centre,
        r#"SELECT id, tenant_id, agency_id, code, name, address, postcode, city, lat, lng,
           time_zone, phone, email, rating::float8 AS rating, rating_count, lanes, daily_capacity,
           grid_minutes, buffer_minutes, overbooking_percent, holiday_policy, opening_hours,
           vehicle_categories, status
           FROM cts WHERE id = $1"#,
        id
    )
    .fetch_optional(conn)
    .await
}

/// Whether agency `id` is visible in the transaction.
pub async fn agency_exists(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<bool> {
    sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM agences WHERE id = $1) AS "exists!""#,
        id
    )
    .fetch_one(conn)
    .await
}

/// The agency of centre `id`, if the centre is visible in the transaction.
pub async fn agency_of_centre(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar!("SELECT agency_id FROM cts WHERE id = $1", id)
        .fetch_optional(conn)
        .await
}
