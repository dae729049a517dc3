//! The planned capacity of a report's centres: each centre's daily capacity on each day it
//! opens (its opening hours minus public holidays and closures, as pti-core expands them), and
//! spread over the local hours of the day in proportion to the time it is open in each; and
//! the percents reports show. A [`PlannedMemo`] keeps each centre's plan of a period once
//! computed, so that a national network's reports do not expand 2,000 centres' hours on every
//! request.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{NaiveDate, Timelike};
use chrono_tz::Tz;
use pti_core::model::{
    AgencyId, Centre, CentreId, DateRange, HolidayPolicy, RecurringPeriod, TenantId, TimeRange,
};
use pti_core::schedule::{Horizon, centre_open_spans};

use super::scope::Subject;
use crate::engine::Engine;

/// The subject's active centres, as the engine holds them.
pub fn centres<'a>(engine: &'a Engine, subject: &Subject) -> impl Iterator<Item = &'a Centre> {
    let tenant = TenantId(subject.tenant);
    let (agency, centre) = (subject.agency, subject.centre);
    engine
        .index
        .centres()
        .filter(move |c| c.tenant_id == tenant)
        .filter(move |c| agency.is_none_or(|a| c.agency_id == AgencyId(a)))
        .filter(move |c| centre.is_none_or(|id| c.id == CentreId(id)))
}

/// What a centre plans for over a period.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    /// Bookings planned on each day of the period: the daily capacity if it opens, else 0.
    pub days: Vec<u32>,
    /// Bookings planned in each local hour (0–23), summed over the period's days.
    pub hours: [f64; 24],
}

impl Planned {
    /// Nothing planned over `days` days.
    pub fn none(days: u32) -> Self {
        Self {
            days: vec![0; days as usize],
            hours: [0.0; 24],
        }
    }

    /// Bookings planned over the whole period.
    pub fn total(&self) -> u64 {
        self.days.iter().map(|&d| u64::from(d)).sum()
    }
}

/// What centre `c` plans for over the `days` days from `first` (nothing when its hours do not
/// expand).
pub fn planned(c: &Centre, first: NaiveDate, days: u32) -> Planned {
    let mut plan = Planned::none(days);
    let Ok(horizon) = Horizon::new(c.time_zone, first, days) else {
        return plan;
    };
    // The open seconds of each (day, local hour), cut at the local hours' boundaries.
    let mut open = vec![[0_i64; 24]; days as usize];
    for span in centre_open_spans(c, &horizon).unwrap_or_default() {
        let mut at = span.start;
        while at < span.end {
            let local = horizon.local(at);
            let into_hour = i64::from(local.minute() * 60 + local.second());
            let next = span.end.min(at + 3600 - into_hour);
            if let Some(day) = horizon.day_of(at) {
                open[day][local.hour() as usize] += next - at;
            }
            at = next;
        }
    }
    let capacity = u32::from(c.daily_capacity);
    for (day, seconds) in open.iter().enumerate() {
        let whole: i64 = seconds.iter().sum();
        if whole == 0 {
            continue;
        }
        plan.days[day] = capacity;
        for (hour, &s) in seconds.iter().enumerate() {
            plan.hours[hour] += f64::from(capacity) * s as f64 / whole as f64;
        }
    }
    plan
}

/// What a centre's plan is made of: a kept plan serves while they are unchanged.
#[derive(Debug, PartialEq)]
struct PlanInputs {
    time_zone: Tz,
    daily_capacity: u16,
    opening_hours: Vec<RecurringPeriod>,
    closures: Vec<DateRange>,
    blocks: Vec<TimeRange>,
    holidays: HolidayPolicy,
}

impl PlanInputs {
    fn of(c: &Centre) -> Self {
        Self {
            time_zone: c.time_zone,
            daily_capacity: c.daily_capacity,
            opening_hours: c.opening_hours.clone(),
            closures: c.closures.clone(),
            blocks: c.blocks.clone(),
            holidays: c.holidays,
        }
    }

    fn same_as(&self, c: &Centre) -> bool {
        self.time_zone == c.time_zone
            && self.daily_capacity == c.daily_capacity
            && self.opening_hours == c.opening_hours
            && self.closures == c.closures
            && self.blocks == c.blocks
            && self.holidays == c.holidays
    }
}

/// The plans already computed, by centre and period (first day, days), each with what it was
/// made of: a centre whose hours, closures or capacity changed since is planned again.
#[derive(Clone, Debug, Default)]
pub struct PlannedMemo(Arc<Mutex<Plans>>);

/// Kept plans by centre, first day and days, with their inputs.
type Plans = HashMap<(CentreId, NaiveDate, u32), (PlanInputs, Arc<Planned>)>;

/// Plans kept at most; past it the memo starts afresh (a year of months of 2,000 centres is
/// 24,000).
const MEMO_CAPACITY: usize = 100_000;

impl PlannedMemo {
    /// [`planned`] of `c` over the `days` days from `first`, computed once while `c`'s plan
    /// inputs stay the same.
    pub fn planned(&self, c: &Centre, first: NaiveDate, days: u32) -> Arc<Planned> {
        let key = (c.id, first, days);
        if let Some((inputs, plan)) = self.lock().get(&key)
            && inputs.same_as(c)
        {
            return Arc::clone(plan);
        }
        let plan = Arc::new(planned(c, first, days));
        let mut memo = self.lock();
        if memo.len() >= MEMO_CAPACITY {
            memo.clear();
        }
        memo.insert(key, (PlanInputs::of(c), Arc::clone(&plan)));
        plan
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Plans> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// `part` of `whole` in percent with one decimal; none when `whole` is 0.
pub fn percent(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 * 1000.0 / whole as f64).round() / 10.0)
}

#[cfg(test)]
mod tests {
    use pti_core::model::GeoPoint;

    use super::*;

    #[test]
    fn a_week_plans_each_open_day_and_spreads_it_over_the_hours_open() {
        // Monday to Friday 08–12 and 14–19, Saturday 08–12, closed on Sunday.
        let c = Centre::typical(
            CentreId::from_u128(1),
            TenantId::from_u128(1),
            AgencyId::from_u128(1),
            "CT Paris 11",
            GeoPoint::new(48.857, 2.38).unwrap(),
        );
        let first = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let plan = planned(&c, first, 7);
        let day = u32::from(c.daily_capacity);
        assert_eq!(plan.days, [day, day, day, day, day, day, 0]);
        assert_eq!(plan.total(), 6 * u64::from(day));
        let day = f64::from(day);
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert!(
            close(plan.hours[8], day * 5.0 / 9.0 + day / 4.0),
            "{:?}",
            plan.hours
        );
        assert!(close(plan.hours[14], day * 5.0 / 9.0), "{:?}", plan.hours);
        assert_eq!(
            (plan.hours[7], plan.hours[12], plan.hours[19]),
            (0.0, 0.0, 0.0)
        );
        assert!(close(plan.hours.iter().sum(), 6.0 * day));
    }

    #[test]
    fn a_kept_plan_serves_until_the_centre_changes() {
        let mut c = Centre::typical(
            CentreId::from_u128(1),
            TenantId::from_u128(1),
            AgencyId::from_u128(1),
            "CT Lyon 3",
            GeoPoint::new(45.76, 4.85).unwrap(),
        );
        let first = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let memo = PlannedMemo::default();
        let kept = memo.planned(&c, first, 31);
        assert!(Arc::ptr_eq(&kept, &memo.planned(&c, first, 31)));
        assert_eq!(*kept, planned(&c, first, 31));
        assert!(
            !Arc::ptr_eq(&kept, &memo.planned(&c, first, 30)),
            "another period"
        );
        c.daily_capacity += 10;
        let changed = memo.planned(&c, first, 31);
        assert_eq!(changed.total(), planned(&c, first, 31).total());
        assert!(changed.total() > kept.total());
        c.closures
            .push(DateRange::new(first, first + chrono::Days::new(6)).unwrap());
        assert!(
            memo.planned(&c, first, 31).total() < changed.total(),
            "a week closed"
        );
    }

    #[test]
    fn percents_have_one_decimal_and_none_without_a_whole() {
        assert_eq!(percent(1, 3), Some(33.3));
        assert_eq!(percent(2, 3), Some(66.7));
        assert_eq!(percent(5, 0), None);
    }
}
