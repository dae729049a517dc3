//! `pti-server seed`: the spec's demo data (3 networks, 15 agencies, 30 centres, 60 inspectors
//! with their shifts, 49 users, 500 bookings), deterministic for a given day. Centres sit in real
//! communes (coordinates from the shipped communes table); future bookings are placed through
//! the engine itself, so none overlaps and each inspector works when booked. It writes as the
//! database owner, not through the services.

mod bookings;
mod copy;
mod data;
pub mod national;
mod network;

use std::fmt;

use pti_core::policy::Role;
use rand::SeedableRng;
use rand::rngs::StdRng;
use sqlx::PgPool;

pub use data::DEMO_PASSWORDS;

/// How much data a seed writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Scale {
    /// The spec's demo networks.
    #[default]
    Demo,
    /// The demo networks and a national one of 2,000 centres with a year of history.
    National,
}

/// What was written.
#[derive(Debug, Default)]
pub struct Summary {
    /// Networks.
    pub tenants: usize,
    /// Agencies.
    pub agencies: usize,
    /// Centres.
    pub centres: usize,
    /// Inspectors.
    pub inspectors: usize,
    /// Users.
    pub users: usize,
    /// API keys.
    pub api_keys: usize,
    /// Bookings.
    pub bookings: usize,
    /// Free starts of a car's periodic inspection over the next 90 days.
    pub bookable_slots: usize,
    /// The national network, at the national scale.
    pub national: Option<national::Report>,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} networks, {} agencies, {} centres, {} inspectors, {} users, {} API keys, \
             {} bookings, {} bookable slots (90 days)",
            self.tenants,
            self.agencies,
            self.centres,
            self.inspectors,
            self.users,
            self.api_keys,
            self.bookings,
            self.bookable_slots
        )?;
        match &self.national {
            Some(n) => write!(f, "; {n}"),
            None => Ok(()),
        }
    }
}

/// The argon2id hash of each role's demo password (hashed once each).
struct Passwords(Vec<(Role, String)>);

impl Passwords {
    async fn hash() -> anyhow::Result<Self> {
        let mut out = Vec::new();
        for (role, password) in DEMO_PASSWORDS {
            out.push((
                role,
                crate::auth::password::hash(password.to_owned()).await?,
            ));
        }
        Ok(Self(out))
    }

    fn of(&self, role: Role) -> &str {
        self.0
            .iter()
            .find(|(r, _)| *r == role)
            .map_or("", |(_, h)| h.as_str())
    }
}

/// Seeds the database behind the owner pool at `scale`; with `reset`, empties it first.
/// Without `reset`, a database that already holds networks is left alone (answers `None`).
pub async fn run(owner: &PgPool, reset: bool, scale: Scale) -> anyhow::Result<Option<Summary>> {
    let size = match scale {
        Scale::Demo => None,
        Scale::National => Some(national::Size::NATIONAL),
    };
    run_sized(owner, reset, size.as_ref()).await
}

/// [`run`], with the national network of `national` when given.
pub async fn run_sized(
    owner: &PgPool,
    reset: bool,
    national: Option<&national::Size>,
) -> anyhow::Result<Option<Summary>> {
    if reset {
        sqlx::query("TRUNCATE tenants, users, audit_logs, refresh_tokens CASCADE")
            .execute(owner)
            .await?;
    } else {
        let any: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM tenants)")
            .fetch_one(owner)
            .await?;
        if any {
            return Ok(None);
        }
    }
    let mut rng = StdRng::seed_from_u64(2026);
    let passwords = Passwords::hash().await?;
    let mut tx = owner.begin().await?;
    let (mut summary, clients) = network::seed(&mut tx, &mut rng, &passwords).await?;
    tx.commit().await?;
    (summary.bookings, summary.bookable_slots) = bookings::seed(owner, &mut rng, &clients).await?;
    if let Some(size) = national {
        summary.national = Some(national::seed(owner, &mut rng, &passwords, size).await?);
    }
    Ok(Some(summary))
}

/// Draws a progress bar on standard error; a terminal's line is redrawn in place, a log gets
/// only the finished bar.
fn progress(what: &str, done: usize, total: usize) {
    use std::io::{IsTerminal, Write};
    let mut err = std::io::stderr();
    let step = if err.is_terminal() { 10 } else { total.max(1) };
    if !done.is_multiple_of(step) && done != total {
        return;
    }
    let filled = done * 30 / total.max(1);
    let _ = write!(
        err,
        "\r{what:<10} [{}{}] {done}/{total}",
        "#".repeat(filled),
        ".".repeat(30 - filled)
    );
    if done == total {
        let _ = writeln!(err);
    }
}
