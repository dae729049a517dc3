//! Helpers shared by the integration tests.

#![allow(dead_code)]

pub mod documented;

use pti_core::model::TenantId;
use reference_app::db::{self, TenantContext};
use sqlx::PgPool;
use uuid::Uuid;

/// Tenant A of the fixture.
pub const TENANT_A: TenantId = TenantId::from_u128(0xa);
/// Tenant B of the fixture.
pub const TENANT_B: TenantId = TenantId::from_u128(0xb);

/// A pool on the same (per-test) database as `owner`, logged in as `pti_app`.
pub async fn app_pool(owner: &PgPool) -> PgPool {
    let options = owner
        .connect_options()
        .as_ref()
        .clone()
        .username(db::APP_ROLE);
    db::app_pool(options, 4).await.expect("connect as pti_app")
}

/// Loads the two-tenant fixture (one row per tenant table per tenant) as the owner.
pub async fn load_two_tenants(owner: &PgPool) {
    sqlx::raw_sql(include_str!("../fixtures/two_tenants.sql"))
        .execute(owner)
        .await
        .expect("fixture");
}

/// A context of `tenant` acting as `role`.
pub fn ctx(tenant: TenantId, role: &str) -> TenantContext {
    TenantContext::tenant(tenant, role)
}

/// The public tables that carry a `tenant_id` column, from information_schema.
pub async fn tenant_tables(owner: &PgPool) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.columns
         WHERE table_schema = 'public' AND column_name = 'tenant_id' ORDER BY 1",
    )
    .fetch_all(owner)
    .await
    .unwrap()
}

/// A fresh uuid.
pub fn id() -> Uuid {
    Uuid::new_v4()
}

/// The SQLSTATE of a database error, if `e` is one.
pub fn sqlstate(e: &sqlx::Error) -> Option<String> {
    e.as_database_error()
        .and_then(|d| d.code())
        .map(|c| c.into_owned())
}

/// The test key pair (tests/fixtures, for tests only).
pub fn test_keys() -> reference_app::keys::JwtKeys {
    reference_app::keys::JwtKeys {
        private_pem: include_str!("../fixtures/test_jwt_private.pem").to_owned(),
        public_pem: include_str!("../fixtures/test_jwt_public.pem").to_owned(),
    }
}

/// Application state on the per-test database, as `pti_app`, signing with the test keys.
pub async fn state(owner: &PgPool) -> reference_app::http::AppState {
    let jwt = reference_app::auth::Jwt::new(&test_keys()).unwrap();
    reference_app::http::AppState::new(app_pool(owner).await, jwt)
}

/// Creates a user of `tenant` (None: the platform) with `role`, attached to the tenant's first
/// agency and centre when the role needs them, and signs an access token for it; returns the
/// token and the user id.
pub async fn user_token(owner: &PgPool, tenant: Option<Uuid>, role: &str) -> (String, Uuid) {
    let attach = |table: &'static str| async move {
        sqlx::query_scalar::<_, Uuid>(&format!(
            "SELECT id FROM {table} WHERE tenant_id = $1 ORDER BY created_at, id LIMIT 1"
        ))
        .bind(tenant)
        .fetch_optional(owner)
        .await
        .unwrap()
    };
    let agency = if ["ADMIN_AGENCE", "ADMIN_CT", "CONTROLEUR"].contains(&role) {
        attach("agences").await
    } else {
        None
    };
    let centre = if ["ADMIN_CT", "CONTROLEUR"].contains(&role) {
        attach("cts").await
    } else {
        None
    };
    let user: Uuid = sqlx::query_scalar(
        "INSERT INTO users (tenant_id, email, role, agency_id, centre_id) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(tenant)
    .bind(format!("{}@users.example", Uuid::new_v4().simple()))
    .bind(role)
    .bind(agency)
    .bind(centre)
    .fetch_one(owner)
    .await
    .unwrap();
    let jwt = reference_app::auth::Jwt::new(&test_keys()).unwrap();
    let claims = reference_app::auth::Jwt::claims(
        user,
        tenant,
        role,
        Uuid::new_v4(),
        reference_app::auth::jwt::now_unix(),
    );
    (jwt.sign(&claims).unwrap(), user)
}
