//! The database as the application uses it: transactions under row-level security, and what
//! the application answers for a database error.

use axum::response::IntoResponse;
use pti_core::model::TenantId;
use sqlx::{PgConnection, PgPool, Postgres, Transaction};
use uuid::Uuid;

use super::app::{Tenant, TestApp};
use super::call::Answer;
use super::server::{Error, TenantContext, set_context, tenant_tx};

impl TestApp {
    fn context(&self, tenant: Tenant, role: &str) -> TenantContext {
        TenantContext::of(
            Some(TenantId(self.tenant_id(tenant))),
            role.parse().expect("a role code"),
        )
    }

    /// Begins a transaction on the application's pool that acts inside `tenant` as `role`.
    pub async fn tenant_tx(
        &self,
        tenant: Tenant,
        role: &str,
    ) -> Result<Transaction<'static, Postgres>, sqlx::Error> {
        tenant_tx(self.db(), &self.context(tenant, role)).await
    }

    /// Begins a transaction on the application's pool that acts as the platform's super admin.
    pub async fn super_admin_tx(&self) -> Result<Transaction<'static, Postgres>, sqlx::Error> {
        tenant_tx(self.db(), &TenantContext::super_admin()).await
    }

    /// Makes the current transaction of `conn` act inside `tenant` as `role`.
    pub async fn set_context(
        &self,
        conn: &mut PgConnection,
        tenant: Tenant,
        role: &str,
    ) -> Result<(), sqlx::Error> {
        set_context(conn, &self.context(tenant, role)).await
    }
}

/// The SQLSTATE of a database error, if `e` is one.
pub fn sqlstate(e: &sqlx::Error) -> Option<String> {
    e.as_database_error()
        .and_then(|d| d.code())
        .map(|c| c.into_owned())
}

/// The stable code the application gives a database error (`SLOT_TAKEN`, ...).
pub fn error_code(error: sqlx::Error) -> &'static str {
    Error::from(error).code()
}

/// The HTTP answer the application gives for a database error.
pub async fn error_answer(error: sqlx::Error) -> Answer {
    Answer::read(Error::from(error).into_response()).await
}

/// The id of the first row of `table` of `tenant`.
pub async fn first_id(owner: &PgPool, table: &str, tenant: Uuid) -> Uuid {
    sqlx::query_scalar(&format!(
        "SELECT id FROM {table} WHERE tenant_id = $1 ORDER BY created_at, id LIMIT 1"
    ))
    .bind(tenant)
    .fetch_one(owner)
    .await
    .unwrap()
}
