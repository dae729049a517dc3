//! Request extractors whose rejections use the API's error shape: bodies ([`ApiJson`]),
//! queries ([`ApiQuery`]), paths ([`ApiPath`], [`PathId`]), who calls ([`Principal`],
//! [`MaybePrincipal`], [`Caller`]), retries ([`IdempotencyKey`]), the network a request
//! names ([`NamedTenant`]) and where it came from ([`Origin`], for the audit trail). Handlers
//! take these instead of axum's own extractors.

mod caller;
mod idempotency;
mod json;
mod origin;
mod path;
mod principal;
mod query;
mod tenant;

pub use crate::audit::Origin;
pub use crate::auth::Principal;
pub use caller::{Caller, TOKEN_HEADER};
pub use idempotency::IdempotencyKey;
pub use json::{ApiJson, nullable};
pub use path::{ApiPath, PathId};
pub use principal::MaybePrincipal;
pub use query::ApiQuery;
pub use tenant::{NamedTenant, TENANT_HEADER};
