//! The scheduling engine inside the server: every active network's centres with their
//! availability, loaded from PostgreSQL at start ([`load`]), changed in place by this
//! instance's bookings, and kept in step with changes committed elsewhere through
//! `LISTEN pti_engine` ([`sync`]).
//!
//! The database stays the source of truth: a booking is placed in the engine first (choosing
//! the inspector in microseconds, a [`Reservation`]) and then written; if the write fails, the
//! reservation undoes itself, and the exclusion constraint `rdv_no_double_booking` catches any
//! race the engine could not see.

pub mod load;
mod repo;
mod reservation;
pub mod sync;

pub use reservation::Reservation;

use std::collections::HashMap;
use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

use chrono::{Duration, NaiveDate, Utc};
use chrono_tz::Europe::Paris;
use pti_core::model::{BookingId, Centre, CentreId, TenantId};
use pti_core::rules::BookingPolicy;
use pti_core::search::SearchIndex;

/// A network as the engine knows it.
#[derive(Clone, Debug)]
pub struct TenantInfo {
    /// Id.
    pub id: TenantId,
    /// URL-safe short name.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// Its booking policy (defaults where the settings say nothing).
    pub policy: BookingPolicy,
}

/// Every active centre with its availability, and the networks' policies.
pub struct Engine {
    /// The geo index of centres with their availability.
    pub index: SearchIndex,
    /// Active networks by id.
    pub tenants: HashMap<TenantId, TenantInfo>,
    /// First local day of every centre's horizon.
    pub first_day: NaiveDate,
    /// Days in every centre's horizon.
    pub days: u32,
}

/// Days kept before today in the horizon (bookings under way in any time zone).
const DAYS_BEFORE: i64 = 1;
/// Days kept after the longest booking horizon of any network.
const DAYS_AFTER_HORIZON: u32 = 2;

impl Engine {
    /// An engine with no centre, for `today` (Europe/Paris) and a horizon of `horizon_days`.
    pub fn empty(today: NaiveDate, horizon_days: u32) -> Self {
        Self {
            index: SearchIndex::default(),
            tenants: HashMap::new(),
            first_day: today - Duration::days(DAYS_BEFORE),
            days: Self::days_for(horizon_days),
        }
    }

    /// The days an engine holds for a booking horizon of `horizon_days`.
    pub fn days_for(horizon_days: u32) -> u32 {
        horizon_days + DAYS_AFTER_HORIZON + DAYS_BEFORE as u32
    }

    /// The policy of `tenant` (the trade's defaults for an unknown one).
    pub fn policy(&self, tenant: TenantId) -> BookingPolicy {
        self.tenants
            .get(&tenant)
            .map(|t| t.policy.clone())
            .unwrap_or_default()
    }

    /// A centre by id.
    pub fn centre(&self, id: CentreId) -> Option<&Centre> {
        self.index.centre(id)
    }
}

/// Today in France, the day the horizon is counted from.
pub fn today() -> NaiveDate {
    Utc::now().with_timezone(&Paris).date_naive()
}

/// The engine shared by every handler.
#[derive(Clone)]
pub struct SharedEngine(Arc<RwLock<Engine>>);

impl SharedEngine {
    /// Shares `engine`.
    pub fn new(engine: Engine) -> Self {
        Self(Arc::new(RwLock::new(engine)))
    }

    /// Reads the engine (microseconds; never held across an await).
    pub fn read(&self) -> RwLockReadGuard<'_, Engine> {
        self.0
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Changes the engine (microseconds; never held across an await).
    pub fn write(&self) -> RwLockWriteGuard<'_, Engine> {
        self.0
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Frees the capacity of booking `id` at `centre` (a committed cancellation or expiry).
    pub fn release(&self, centre: CentreId, id: BookingId) {
        if let Some(a) = self.write().index.availability_mut(centre) {
            let _ = a.release(id);
        }
    }

    /// Replaces the whole engine (daily roll-over, full reload).
    pub fn replace(&self, engine: Engine) {
        *self.write() = engine;
    }
}
