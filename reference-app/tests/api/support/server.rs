//! Every item of the server that the tests reach, named here and nowhere else: when the
//! server's modules move, these lines change and the tests do not.

pub(super) use reference_app::Error;
pub(super) use reference_app::auth::{Claims, Jwt, jwt::now_unix, password};
pub(super) use reference_app::config::Limits;
pub(super) use reference_app::db::{APP_ROLE, TenantContext, app_pool, set_context, tenant_tx};
pub(super) use reference_app::engine::{load, sync, today};
pub(super) use reference_app::http::openapi::document;
pub(super) use reference_app::http::{RateLimiter, app};
pub(super) use reference_app::keys::JwtKeys;
pub(super) use reference_app::notification::{Outlets, sms::SmsMode, smtp::Smtp};
pub(super) use reference_app::payment::{PaymentProvider, Stripe};
pub(super) use reference_app::secrets::{Secrets, SecretsKey};
pub(super) use reference_app::seed;
pub(super) use reference_app::state::AppState;
pub(super) use reference_app::user::sessions::{self, Sessions};
pub(super) use reference_app::worker;
