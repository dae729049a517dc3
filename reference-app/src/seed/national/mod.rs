//! `pti-server seed --scale national`: a fourth network beside the demo ones, at the size of
//! the real service (2,000 centres in real communes, two inspectors each with their shifts,
//! agencies of ten centres, their staff and clients), with a year of history and 90 days ahead
//! booked. Bookings are placed by pti-core's own availability index (so no inspector is
//! booked twice at once or off shift), streamed with `COPY`; the payments and refunds follow
//! from them in one statement each, and the rollups the triggers keep are rebuilt once.

mod bookings;
mod network;
mod rollups;

use std::fmt;
use std::time::Instant;

use rand::rngs::StdRng;
use sqlx::PgPool;
use uuid::Uuid;

use super::Passwords;

/// How big the national network is.
#[derive(Clone, Copy, Debug)]
pub struct Size {
    /// Centres.
    pub centres: usize,
    /// Centres per agency.
    pub agency_centres: usize,
    /// Client accounts (the other bookings are guests').
    pub clients: usize,
    /// Bookings a year, made over the past days.
    pub bookings_per_year: usize,
    /// Days of history before today.
    pub history_days: u32,
    /// Days ahead booked, from tomorrow.
    pub future_days: u32,
    /// Share of each centre's daily capacity booked ahead.
    pub future_fill: f64,
}

impl Size {
    /// The real service's size (see `DOMAIN.md`).
    pub const NATIONAL: Size = Size {
        centres: 2_000,
        agency_centres: 10,
        clients: 200_000,
        bookings_per_year: 7_000_000,
        history_days: 365,
        future_days: 90,
        future_fill: 0.3,
    };
}

/// What the national seed wrote.
#[derive(Debug, Default)]
pub struct Report {
    /// The network.
    pub tenant: Uuid,
    /// Agencies.
    pub agencies: usize,
    /// Centres.
    pub centres: usize,
    /// Inspectors.
    pub inspectors: usize,
    /// Staff accounts.
    pub staff: usize,
    /// Client accounts.
    pub clients: usize,
    /// Bookings before today.
    pub past_bookings: u64,
    /// Bookings from tomorrow.
    pub future_bookings: u64,
    /// Payments.
    pub payments: u64,
    /// Refunds.
    pub refunds: u64,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "national network: {} agencies, {} centres, {} inspectors, {} staff, {} clients, \
             {} past and {} future bookings, {} payments, {} refunds",
            self.agencies,
            self.centres,
            self.inspectors,
            self.staff,
            self.clients,
            self.past_bookings,
            self.future_bookings,
            self.payments,
            self.refunds
        )
    }
}

/// A random (version 4) id drawn from the seed's generator, so that a seed is repeatable.
fn new_id(rng: &mut StdRng) -> Uuid {
    uuid::Builder::from_random_bytes(rand::Rng::r#gen(rng)).into_uuid()
}

/// Prints one line per finished phase with the time since the seed began.
struct Phases(Instant);

impl Phases {
    fn done(&self, what: &str) {
        eprintln!("national: {what} ({:.1} s)", self.0.elapsed().as_secs_f64());
    }
}

/// Writes the national network of `size` behind the owner pool.
pub(super) async fn seed(
    owner: &PgPool,
    rng: &mut StdRng,
    passwords: &Passwords,
    size: &Size,
) -> anyhow::Result<Report> {
    let phases = Phases(Instant::now());
    let mut report = Report::default();
    let clients = network::seed(owner, rng, passwords, size, &mut report).await?;
    phases.done(&format!(
        "network: {} agencies, {} centres, {} inspectors, {} staff, {} clients",
        report.agencies, report.centres, report.inspectors, report.staff, report.clients
    ));
    let centres = bookings::centres(owner, report.tenant, size).await?;
    phases.done("engine loaded");
    let mut tx = owner.begin().await?;
    rollups::pause(&mut tx).await?;
    let written = bookings::seed(&mut tx, rng, size, report.tenant, &clients, centres).await?;
    (report.past_bookings, report.future_bookings) = written;
    phases.done(&format!(
        "bookings: {} past, {} future",
        report.past_bookings, report.future_bookings
    ));
    (report.payments, report.refunds) = rollups::payments(&mut tx, report.tenant).await?;
    phases.done(&format!(
        "payments: {} payments, {} refunds",
        report.payments, report.refunds
    ));
    rollups::rebuild(&mut tx, report.tenant).await?;
    rollups::resume(&mut tx).await?;
    tx.commit().await?;
    phases.done("rollups rebuilt");
    rollups::analyze(owner).await?;
    phases.done("analyzed");
    Ok(report)
}
