//! `pti-server`: serve the API, run the migrations, seed a database, or print the OpenAPI
//! document.

use clap::{Parser, Subcommand};
use reference_app::config::Config;
use reference_app::startup::{self, Application};
use reference_app::{db, http, seed};

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
        /// How much data: the demo networks, or also a national network of 2,000 centres
        /// with a year of history (about 8 million bookings).
        #[arg(long, value_enum, default_value_t)]
        scale: seed::Scale,
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
        Command::Migrate => startup::migrate(&config).await?,
        Command::Serve => {
            Application::build(&config)
                .await?
                .run_until_stopped()
                .await?
        }
        Command::Openapi => print!("{}", http::openapi::document()),
        Command::Seed { reset, scale } => {
            startup::migrate(&config).await?;
            let owner = db::owner_pool(&config.database_url).await?;
            match seed::run(&owner, reset, scale).await? {
                Some(s) => println!("seeded: {s}; demo accounts in reference-app/README.md"),
                None => {
                    println!("the database already holds networks: nothing seeded (use --reset)")
                }
            }
            owner.close().await;
        }
    }
    Ok(())
}
