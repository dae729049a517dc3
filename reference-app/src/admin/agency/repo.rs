//! SQL of the agencies. Every query names the tenant besides row-level security, so that the
//! `(tenant_id, ...)` indexes serve it.

use sqlx::PgConnection;
use uuid::Uuid;

use super::views::Agency;

/// The unique constraint on an agency's code in its network.
pub const CODE_KEY: &str = "agences_tenant_id_code_key";

/// An agency's fields as written.
pub struct AgencyFields<'a> {
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
    pub lat: Option<f64>,
    /// Longitude.
    pub lng: Option<f64>,
    /// Phone.
    pub phone: Option<&'a str>,
    /// E-mail.
    pub email: Option<&'a str>,
    /// `active` or `inactive`.
    pub status: &'a str,
}

/// The agencies visible in the transaction (of `tenant` when given), by name, optionally only
/// `id`.
pub async fn list(
    conn: &mut PgConnection,
    tenant: Option<Uuid>,
    id: Option<Uuid>,
) -> sqlx::Result<Vec<Agency>> {
    sqlx::query_as!(
        Agency,
        r#"SELECT a.id, a.tenant_id, a.code, a.name, a.address, a.postcode, a.city, a.lat, a.lng,
                  a.phone, a.email, a.status,
                  (SELECT count(*) FROM cts c WHERE c.tenant_id = a.tenant_id AND c.agency_id = a.id)
                      AS "centre_count!"
           FROM agences a
           WHERE ($1::uuid IS NULL OR a.tenant_id = $1) AND ($2::uuid IS NULL OR a.id = $2)
           ORDER BY a.name, a.id"#,
        tenant,
        id
    )
    .fetch_all(conn)
    .await
}

/// Locks agency `id` of `tenant` for a change.
pub async fn lock(conn: &mut PgConnection, tenant: Uuid, id: Uuid) -> sqlx::Result<bool> {
    sqlx::query_scalar!(
        r#"SELECT true AS "locked!" FROM agences WHERE tenant_id = $1 AND id = $2 FOR UPDATE"#,
        tenant,
        id
    )
    .fetch_optional(conn)
    .await
    .map(|row| row.is_some())
}

/// Inserts an agency into `tenant`; its id.
pub async fn insert(
    conn: &mut PgConnection,
    tenant: Uuid,
    f: &AgencyFields<'_>,
) -> sqlx::Result<Uuid> {
    sqlx::query_scalar!(
        "INSERT INTO agences (tenant_id, code, name, address, postcode, city, lat, lng, phone, \
         email, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        tenant,
        f.code,
        f.name,
        f.address,
        f.postcode,
        f.city,
        f.lat,
        f.lng,
        f.phone,
        f.email,
        f.status
    )
    .fetch_one(conn)
    .await
}

/// Writes the fields of agency `id` of `tenant`.
pub async fn update(
    conn: &mut PgConnection,
    tenant: Uuid,
    id: Uuid,
    f: &AgencyFields<'_>,
) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE agences SET code = $3, name = $4, address = $5, postcode = $6, city = $7, \
         lat = $8, lng = $9, phone = $10, email = $11, status = $12 \
         WHERE tenant_id = $1 AND id = $2",
        tenant,
        id,
        f.code,
        f.name,
        f.address,
        f.postcode,
        f.city,
        f.lat,
        f.lng,
        f.phone,
        f.email,
        f.status
    )
    .execute(conn)
    .await
    .map(drop)
}

/// Whether agency `id` is visible in the transaction.
pub async fn exists(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<bool> {
    sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM agences WHERE id = $1) AS "exists!""#,
        id
    )
    .fetch_one(conn)
    .await
}
