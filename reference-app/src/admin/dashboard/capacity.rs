//! The planned capacity of a month: each centre's daily capacity on each day it opens (its
//! opening hours minus public holidays and closures, as pti-core expands them).

use std::collections::HashSet;

use chrono::NaiveDate;
use pti_core::model::{AgencyId, CentreId, TenantId};
use pti_core::schedule::{Horizon, centre_open_spans};

use super::scope::Subject;
use crate::engine::Engine;

/// Bookings the subject's active centres plan for over the `days` days from `first`.
pub fn planned(engine: &Engine, subject: &Subject, first: NaiveDate, days: u32) -> u64 {
    let tenant = TenantId(subject.tenant);
    engine
        .index
        .centres()
        .filter(|c| c.tenant_id == tenant)
        .filter(|c| subject.agency.is_none_or(|a| c.agency_id == AgencyId(a)))
        .filter(|c| subject.centre.is_none_or(|id| c.id == CentreId(id)))
        .map(|c| {
            let Ok(horizon) = Horizon::new(c.time_zone, first, days) else {
                return 0;
            };
            let open: HashSet<usize> = centre_open_spans(c, &horizon)
                .unwrap_or_default()
                .iter()
                .filter_map(|span| horizon.day_of(span.start))
                .collect();
            u64::from(c.daily_capacity) * open.len() as u64
        })
        .sum()
}
