//! Building the application from its configuration, for `main` and for the tests alike:
//! migrate, connect as `pti_app`, load the JWT keys, Redis, the payment provider and the
//! engine ([`Application::build`]); then serve, keeping the engine in step with the database
//! and running the worker ([`Application::run_until_stopped`]).

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use tokio::net::TcpListener;

use crate::auth::Jwt;
use crate::config::Config;
use crate::db;
use crate::engine::{self, SharedEngine};
use crate::http::{self, RateLimiter};
use crate::keys::JwtKeys;
use crate::notification::Outlets;
use crate::notification::sms::{SmsGateway, SmsMode};
use crate::notification::smtp::Smtp;
use crate::payment::Payments;
use crate::secrets::Secrets;
use crate::state::AppState;
use crate::user::sessions::Sessions;
use crate::worker;

/// Creates the database if missing and applies the migrations, as the owner.
pub async fn migrate(config: &Config) -> anyhow::Result<()> {
    db::ensure_database(&config.database_url)
        .await
        .context("creating the database")?;
    let owner = db::owner_pool(&config.database_url)
        .await
        .context("connecting as owner")?;
    db::migrate(&owner).await.context("migrating")?;
    owner.close().await;
    tracing::info!("migrations applied");
    Ok(())
}

/// The application, built and bound, not yet serving.
pub struct Application {
    state: AppState,
    listener: TcpListener,
    worker_interval: std::time::Duration,
}

impl Application {
    /// Migrates, connects and loads everything `config` names, and binds `PTI_ADDR`.
    pub async fn build(config: &Config) -> anyhow::Result<Self> {
        migrate(config).await?;
        let options =
            db::app_connect_options(&config.database_url, config.app_database_url.as_deref())?;
        let pool = db::app_pool(options, 16)
            .await
            .context("connecting as pti_app")?;
        let keys = tokio::task::spawn_blocking({
            let config = config.clone();
            move || JwtKeys::load(&config)
        })
        .await??;
        tracing::debug!(?keys, "JWT keys loaded");
        let mut state = AppState::new(pool.clone(), Jwt::new(&keys)?);
        if let Some(url) = &config.redis_url {
            let client = redis::Client::open(url.as_str()).context("REDIS_URL")?;
            state.sessions = Sessions::redis(
                redis::aio::ConnectionManager::new(client.clone())
                    .await
                    .context("connecting to Redis")?,
            );
            state.redis = Some(client);
        }
        state.settings = Arc::new(config.settings());
        state.rate_limiter = RateLimiter::new(config.rate_limits);
        state.secrets = Secrets::new(config.secrets_key.clone());
        if let Some(key) = &config.stripe_secret_key {
            state.payments = Payments::stripe(&config.stripe_api_base, key);
            tracing::info!("payments through Stripe");
        }
        state.payments.secrets = state.secrets.clone();
        state.payments.stripe_api_base = config.stripe_api_base.clone();
        state.outlets = outlets(config, &state.secrets)?;
        let started = std::time::Instant::now();
        let loaded = engine::load::load(&pool, engine::today())
            .await
            .context("loading the engine")?;
        tracing::info!(
            centres = loaded.index.len(),
            ms = started.elapsed().as_millis() as u64,
            "engine loaded"
        );
        state.engine.replace(loaded);
        let listener = TcpListener::bind(config.addr)
            .await
            .context("binding PTI_ADDR")?;
        Ok(Self {
            state,
            listener,
            worker_interval: config.worker_interval,
        })
    }

    /// The address it listens on.
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// The state its handlers share.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until Ctrl-C, with the engine's sync and the worker in the background.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        let Self {
            state,
            listener,
            worker_interval,
        } = self;
        let engine: SharedEngine = state.engine.clone();
        tokio::spawn(engine::sync::run(state.db.clone(), engine.clone()));
        tokio::spawn(worker::run(
            state.db.clone(),
            engine,
            state.funnel.clone(),
            state.outlets.clone(),
            worker_interval,
        ));
        tracing::info!(addr = %listener.local_addr()?, "serving");
        axum::serve(
            listener,
            http::app(state).into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
        Ok(())
    }
}

/// Where the worker sends messages: the SMTP relay and SMS gateway `config` names, and the
/// networks' own channels opened with `secrets`.
fn outlets(config: &Config, secrets: &Secrets) -> anyhow::Result<Outlets> {
    Ok(Outlets {
        secrets: secrets.clone(),
        brevo_api_base: config.brevo_api_base.clone(),
        smsmode_api_base: config.smsmode_api_base.clone(),
        smtp: match &config.smtp_url {
            Some(url) => Some(Arc::new(
                Smtp::new(url, &config.smtp_from).context("PTI_SMTP_URL")?,
            )),
            None => None,
        },
        sms: config.smsmode_api_key.as_ref().map(|key| {
            Arc::new(SmsMode::new(&config.smsmode_api_base, key, "PTICalendar"))
                as Arc<dyn SmsGateway>
        }),
    })
}
