//! `pti-server`: serve the API, run the migrations, or seed a database.

use anyhow::Context;
use clap::{Parser, Subcommand};
use reference_app::config::Config;
use reference_app::db;
use reference_app::http::{self, AppState};
use reference_app::keys::JwtKeys;

/// PTI Calendar platform server.
#[derive(Debug, Parser)]
#[command(name = "pti-server", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Migrate the database, then serve the API on PTI_ADDR.
    Serve,
    /// Create the database if missing and apply the migrations.
    Migrate,
    /// Fill the database with the spec's demo data.
    Seed {
        /// Empty the tables first.
        #[arg(long)]
        reset: bool,
    },
    /// Print the OpenAPI document generated from the code.
    Openapi,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    reference_app::telemetry::init();
    let cli = Cli::parse();
    let config = Config::from_env()?;
    tracing::debug!(?config, "configuration");
    match cli.command {
        Command::Migrate => {
            migrate(&config).await?;
        }
        Command::Serve => serve(&config).await?,
        Command::Openapi => print!("{}", reference_app::http::openapi::document()),
        Command::Seed { reset } => {
            migrate(&config).await?;
            let owner = db::owner_pool(&config.database_url).await?;
            match reference_app::seed::run(&owner, reset).await? {
                Some(s) => println!(
                    "seeded: {} networks, {} agencies, {} centres, {} inspectors, {} users, \
                     {} API keys, {} bookings, {} bookable slots (90 days); demo accounts in \
                     reference-app/README.md",
                    s.tenants,
                    s.agencies,
                    s.centres,
                    s.inspectors,
                    s.users,
                    s.api_keys,
                    s.bookings,
                    s.bookable_slots
                ),
                None => {
                    println!("the database already holds networks: nothing seeded (use --reset)")
                }
            }
            owner.close().await;
        }
    }
    Ok(())
}

async fn migrate(config: &Config) -> anyhow::Result<()> {
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

async fn serve(config: &Config) -> anyhow::Result<()> {
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
    let jwt = reference_app::auth::Jwt::new(&keys)?;
    let mut state = AppState::new(pool.clone(), jwt);
    if let Some(url) = &config.redis_url {
        let client = redis::Client::open(url.as_str()).context("REDIS_URL")?;
        state.redis_sessions = Some(
            redis::aio::ConnectionManager::new(client.clone())
                .await
                .context("connecting to Redis")?,
        );
        state.redis = Some(client);
    }
    state.settings = std::sync::Arc::new(config.settings());
    state.rate_limiter = reference_app::http::RateLimiter::new(config.rate_limits);
    if let Some(key) = &config.stripe_secret_key {
        state.payments = std::sync::Arc::new(reference_app::payment::Stripe::new(
            &config.stripe_api_base,
            key,
        ));
        state.sandbox = None;
        tracing::info!("payments through Stripe");
    }
    let started = std::time::Instant::now();
    let engine = reference_app::engine::load::load(&pool, reference_app::engine::today())
        .await
        .context("loading the engine")?;
    tracing::info!(
        centres = engine.index.len(),
        ms = started.elapsed().as_millis() as u64,
        "engine loaded"
    );
    state.engine.replace(engine);
    tokio::spawn(reference_app::engine::sync::run(
        pool.clone(),
        state.engine.clone(),
    ));
    let outlets = reference_app::notify::worker::Outlets {
        smtp: match &config.smtp_url {
            Some(url) => Some(std::sync::Arc::new(
                reference_app::notify::smtp::Smtp::new(url, &config.smtp_from)
                    .context("PTI_SMTP_URL")?,
            )),
            None => None,
        },
        sms: config.smsmode_api_key.as_ref().map(|key| {
            std::sync::Arc::new(reference_app::notify::sms::SmsMode::new(
                &config.smsmode_api_base,
                key,
                "PTICalendar",
            )) as std::sync::Arc<dyn reference_app::notify::sms::SmsGateway>
        }),
    };
    tokio::spawn(reference_app::notify::worker::run(
        pool.clone(),
        state.engine.clone(),
        outlets,
        config.worker_interval,
    ));
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .context("binding PTI_ADDR")?;
    tracing::info!(addr = %config.addr, "serving");
    axum::serve(
        listener,
        http::app(state).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await?;
    Ok(())
}
