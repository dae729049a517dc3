//! SQL of a network's letterhead: its name, the `general` and `branding` sections of its
//! settings document, its logo; under the `tenant_isolation` policies (or `platform_read`).

use sqlx::PgConnection;
use uuid::Uuid;

/// A network's letterhead as stored; None for a field the settings leave out.
pub struct LetterheadRow {
    /// Display name.
    pub name: String,
    /// `general.legal_name`.
    pub legal_name: Option<String>,
    /// `general.siret`.
    pub siret: Option<String>,
    /// `general.address`.
    pub address: Option<String>,
    /// `general.postcode`.
    pub postcode: Option<String>,
    /// `general.city`.
    pub city: Option<String>,
    /// `general.phone`.
    pub phone: Option<String>,
    /// `general.email`.
    pub email: Option<String>,
    /// `branding.primary_color`.
    pub colour: Option<String>,
    /// The logo's media type.
    pub logo_type: Option<String>,
    /// The logo's bytes.
    pub logo: Option<Vec<u8>>,
}

/// The letterhead of `tenant`.
pub async fn letterhead(
    conn: &mut PgConnection,
    tenant: Uuid,
) -> sqlx::Result<Option<LetterheadRow>> {
    sqlx::query_as!(
        LetterheadRow,
        r#"SELECT t.name,
                  t.settings #>> '{general,legal_name}' AS legal_name,
                  t.settings #>> '{general,siret}' AS siret,
                  t.settings #>> '{general,address}' AS address,
                  t.settings #>> '{general,postcode}' AS postcode,
                  t.settings #>> '{general,city}' AS city,
                  t.settings #>> '{general,phone}' AS phone,
                  t.settings #>> '{general,email}' AS email,
                  t.settings #>> '{branding,primary_color}' AS colour,
                  l.content_type AS "logo_type?",
                  l.bytes AS "logo?"
           FROM tenants t LEFT JOIN tenant_logos l ON l.tenant_id = t.id
           WHERE t.id = $1"#,
        tenant
    )
    .fetch_optional(conn)
    .await
}
