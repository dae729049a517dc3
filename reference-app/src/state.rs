//! The state every handler shares, and its parts: a handler extracts only the parts it uses
//! (`State<PgPool>`, `State<SharedEngine>`, ...) through `FromRef`, and passes only those to
//! the services, which never see the whole state.

use std::sync::Arc;

use axum::extract::FromRef;
use sqlx::PgPool;

use crate::admin::PlannedMemo;
use crate::auth::Jwt;
use crate::config::Settings;
use crate::engine::{Engine, SharedEngine};
use crate::http::{Metrics, RateLimiter};
use crate::notification::Outlets;
use crate::payment::Payments;
use crate::planning::Funnel;
use crate::secrets::Secrets;
use crate::user::sessions::Sessions;

/// Shared state of every handler; each field is a sub-state a handler may extract alone.
#[derive(Clone, FromRef)]
pub struct AppState {
    /// Runtime pool, logged in as `pti_app` (row-level security applies).
    pub db: PgPool,
    /// Redis, when configured (readiness probe).
    pub redis: Option<redis::Client>,
    /// Where revoked sessions are looked up.
    pub sessions: Sessions,
    /// Prometheus registry and the service's metrics.
    pub metrics: Metrics,
    /// Access-token signer and verifier.
    pub jwt: Arc<Jwt>,
    /// Rate limits per route class and client address.
    pub rate_limiter: RateLimiter,
    /// The scheduling engine.
    pub engine: SharedEngine,
    /// The centres' planned capacity already computed, for the reports.
    pub planned: PlannedMemo,
    /// The payment provider, and the sandbox's card vault when the sandbox is the provider.
    pub payments: Payments,
    /// Portal settings.
    pub settings: Arc<Settings>,
    /// Searches and slot views not yet written.
    pub funnel: Funnel,
    /// The key sealing the secrets networks give, when the server has one.
    pub secrets: Secrets,
    /// Where messages go (the platform's relay and gateway), for a network's test e-mail.
    pub outlets: Outlets,
}

impl AppState {
    /// State over `db` signing tokens with `jwt`: sandbox payments, no Redis, no secrets key, messages to the local mailbox, an empty engine,
    /// the development mailbox on, e-mail links to the default public URL. `startup` replaces
    /// the parts the configuration names.
    pub fn new(db: PgPool, jwt: Jwt) -> Self {
        Self {
            db,
            redis: None,
            sessions: Sessions::default(),
            metrics: Metrics::new(),
            jwt: Arc::new(jwt),
            rate_limiter: RateLimiter::default(),
            engine: SharedEngine::new(Engine::empty(crate::engine::today(), 90)),
            planned: PlannedMemo::default(),
            payments: Payments::sandbox(),
            settings: Arc::new(Settings {
                dev_mailbox: true,
                public_url: crate::config::DEFAULT_PUBLIC_URL.to_owned(),
                ..Settings::default()
            }),
            funnel: Funnel::default(),
            secrets: Secrets::default(),
            outlets: Outlets::default(),
        }
    }
}
