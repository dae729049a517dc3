//! The top of the booking funnel, counted without a database write on the search path: each
//! search adds one to every network, agency and centre it showed, each list of a centre's free
//! slots one view of that centre, in memory; the worker adds the counts to `funnel_daily` (the
//! holds and payments below them are counted by the database itself). No personal data.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use chrono::NaiveDate;
use pti_core::model::{CentreId, TenantId};
use sqlx::PgPool;
use uuid::Uuid;

use crate::db::{TenantContext, tenant_tx};
use crate::engine::{Engine, today};

/// Searches and slot views of one subject (network, agency or centre) on one day.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Searches that showed the subject.
    pub searches: i32,
    /// Lists of a centre's free slots.
    pub slot_views: i32,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.searches = self.searches.saturating_add(other.searches);
        self.slot_views = self.slot_views.saturating_add(other.slot_views);
    }
}

/// Network, day, subject.
type Key = (Uuid, NaiveDate, Uuid);

/// The counts not yet written, shared by every handler.
#[derive(Clone, Default)]
pub struct Funnel {
    pending: Arc<Mutex<HashMap<Key, Counts>>>,
}

impl Funnel {
    /// One search that showed `centres`: one for each distinct centre, agency and network.
    pub fn searched(&self, engine: &Engine, centres: impl IntoIterator<Item = CentreId>) {
        let mut subjects: Vec<(Uuid, Uuid)> = Vec::new();
        for id in centres {
            let Some(c) = engine.centre(id) else { continue };
            let tenant = c.tenant_id.0;
            for subject in [tenant, c.agency_id.0, c.id.0] {
                if !subjects.contains(&(tenant, subject)) {
                    subjects.push((tenant, subject));
                }
            }
        }
        let one = Counts {
            searches: 1,
            slot_views: 0,
        };
        self.add(subjects.into_iter().map(|(t, s)| ((t, s), one)));
    }

    /// One list of the free slots of centre `id`.
    pub fn viewed(&self, engine: &Engine, id: CentreId) {
        if let Some(c) = engine.centre(id) {
            let one = Counts {
                searches: 0,
                slot_views: 1,
            };
            self.add([((c.tenant_id.0, c.id.0), one)]);
        }
    }

    fn add(&self, counts: impl IntoIterator<Item = ((Uuid, Uuid), Counts)>) {
        let day = today();
        let mut pending = self.pending.lock().unwrap_or_else(PoisonError::into_inner);
        for ((tenant, subject), c) in counts {
            pending.entry((tenant, day, subject)).or_default().add(c);
        }
    }

    /// Adds what was counted to `funnel_daily`, one transaction per network; what could not be
    /// written is kept for the next call. Returns the rows written.
    pub async fn flush(&self, pool: &PgPool) -> anyhow::Result<usize> {
        let taken =
            std::mem::take(&mut *self.pending.lock().unwrap_or_else(PoisonError::into_inner));
        let mut by_tenant: HashMap<Uuid, Vec<(NaiveDate, Uuid, Counts)>> = HashMap::new();
        for ((tenant, day, subject), c) in taken {
            by_tenant.entry(tenant).or_default().push((day, subject, c));
        }
        let mut written = 0;
        let mut failure = None;
        for (tenant, rows) in by_tenant {
            match write(pool, tenant, &rows).await {
                Ok(()) => written += rows.len(),
                Err(e) => {
                    self.add_back(tenant, rows);
                    failure = Some(e);
                }
            }
        }
        match failure {
            Some(e) => Err(e.into()),
            None => Ok(written),
        }
    }

    fn add_back(&self, tenant: Uuid, rows: Vec<(NaiveDate, Uuid, Counts)>) {
        let mut pending = self.pending.lock().unwrap_or_else(PoisonError::into_inner);
        for (day, subject, c) in rows {
            pending.entry((tenant, day, subject)).or_default().add(c);
        }
    }
}

/// Adds `rows` to network `tenant`'s funnel, as the server's own work in that network.
async fn write(
    pool: &PgPool,
    tenant: Uuid,
    rows: &[(NaiveDate, Uuid, Counts)],
) -> sqlx::Result<()> {
    let mut tx = tenant_tx(pool, &TenantContext::system(TenantId(tenant))).await?;
    let days: Vec<NaiveDate> = rows.iter().map(|r| r.0).collect();
    let subjects: Vec<Uuid> = rows.iter().map(|r| r.1).collect();
    let searches: Vec<i32> = rows.iter().map(|r| r.2.searches).collect();
    let views: Vec<i32> = rows.iter().map(|r| r.2.slot_views).collect();
    sqlx::query!(
        "INSERT INTO funnel_daily AS f (tenant_id, day, subject_id, searches, slot_views) \
         SELECT $1, * FROM UNNEST($2::date[], $3::uuid[], $4::int[], $5::int[]) \
         ON CONFLICT (tenant_id, day, subject_id) DO UPDATE SET \
         searches = f.searches + EXCLUDED.searches, slot_views = f.slot_views + EXCLUDED.slot_views",
        tenant,
        &days,
        &subjects,
        &searches,
        &views
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_add_without_overflowing() {
        let mut c = Counts {
            searches: i32::MAX,
            slot_views: 1,
        };
        c.add(Counts {
            searches: 1,
            slot_views: 2,
        });
        assert_eq!(
            c,
            Counts {
                searches: i32::MAX,
                slot_views: 3
            }
        );
    }
}
