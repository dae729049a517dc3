//! Helpers shared by the integration tests.

#![allow(dead_code)]

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
