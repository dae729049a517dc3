//! Every item of the server that the tests reach, named here and nowhere else: when the
//! server's modules move, these lines change and the tests do not.

pub(super) use reference_app::Error;
pub(super) use reference_app::auth::{Claims, Jwt, jwt::now_unix, password, revocation};
pub(super) use reference_app::db::{APP_ROLE, TenantContext, app_pool, set_context, tenant_tx};
pub(super) use reference_app::engine::{load, sync, today};
pub(super) use reference_app::http::openapi::document;
pub(super) use reference_app::http::{AppState, RateLimiter, app, rate_limit::Limits};
pub(super) use reference_app::keys::JwtKeys;
pub(super) use reference_app::notify::{sms::SmsMode, smtp::Smtp, worker};
pub(super) use reference_app::payment::{PaymentProvider, Stripe};
pub(super) use reference_app::seed;
