//! [`NamedTenant`]: the network a request names with `X-Tenant-ID` (id, slug or domain).

use axum::extract::{FromRef, FromRequestParts};
use axum::http::request::Parts;
use sqlx::PgPool;

use crate::admin::{self, TenantInfo};
use crate::error::Error;

/// Header naming the tenant (id, slug or domain).
pub const TENANT_HEADER: &str = "x-tenant-id";

/// The active network named by `X-Tenant-ID`, if the header is sent; an unknown one is
/// refused (400 `UNKNOWN_TENANT`).
#[derive(Clone, Debug)]
pub struct NamedTenant(pub Option<TenantInfo>);

impl NamedTenant {
    /// The network, or 400 `TENANT_REQUIRED` saying what it is needed for.
    pub fn required(self, why: &str) -> Result<TenantInfo, Error> {
        self.0.ok_or_else(|| Error::BadRequest {
            code: "TENANT_REQUIRED",
            message: format!("the {TENANT_HEADER} header names the network to {why}"),
            details: serde_json::json!({ "field": TENANT_HEADER }),
        })
    }
}

impl<S> FromRequestParts<S> for NamedTenant
where
    S: Send + Sync,
    PgPool: FromRef<S>,
{
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Error> {
        let Some(value) = parts.headers.get(TENANT_HEADER) else {
            return Ok(Self(None));
        };
        let key = value
            .to_str()
            .map_err(|_| Error::validation(TENANT_HEADER, "not text"))?;
        match admin::service::resolve_tenant(&PgPool::from_ref(state), key.trim()).await? {
            Some(info) => Ok(Self(Some(info))),
            None => Err(unknown_tenant()),
        }
    }
}

/// 400 `UNKNOWN_TENANT`: no active network has this key.
fn unknown_tenant() -> Error {
    Error::BadRequest {
        code: "UNKNOWN_TENANT",
        message: "no active network has this id, slug or domain".to_owned(),
        details: serde_json::json!({ "field": TENANT_HEADER }),
    }
}
