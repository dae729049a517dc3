//! The global planning's use cases: one read-only transaction in the caller's network, then
//! the capacity the engine's opening hours give.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{Datelike, Days, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use pti_core::model::{AgencyId, CentreId, TenantId};
use pti_core::policy::{Action, Resource, ResourceRef};
use sqlx::PgPool;
use uuid::Uuid;

use super::repo::{self, DayRow};
use super::views::{CentreDay, CentrePlanning, DayBooking, GlobalPlanning};
use crate::admin::capacity::{self, PlannedMemo, percent};
use crate::admin::scope::{self, Subject};
use crate::auth::Principal;
use crate::db::tenant_tx;
use crate::engine::SharedEngine;
use crate::error::{Error, Result};

/// The longest period a planning shows, days.
pub const MAX_DAYS: u32 = 31;

/// A period of days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
}

impl Period {
    /// Reads `from` and `to` (`YYYY-MM-DD`, `to` not before `from`, at most [`MAX_DAYS`]
    /// days); 422 naming the field otherwise.
    pub fn parse(from: Option<&str>, to: Option<&str>) -> Result<Self> {
        let from = parse_day("from", from)?;
        let to = parse_day("to", to)?;
        if to < from {
            return Err(Error::validation("to", "the period ends before it starts"));
        }
        let period = Self { from, to };
        if period.days() > MAX_DAYS {
            return Err(Error::validation(
                "to",
                format!("a period of at most {MAX_DAYS} days"),
            ));
        }
        Ok(period)
    }

    /// Its number of days.
    pub fn days(&self) -> u32 {
        u32::try_from((self.to - self.from).num_days() + 1).unwrap_or(u32::MAX)
    }
}

/// Reads a required `YYYY-MM-DD` day between 2000 and 2100; 422 naming `field` otherwise.
pub fn parse_day(field: &str, text: Option<&str>) -> Result<NaiveDate> {
    let text = text.ok_or_else(|| Error::validation(field, "required, YYYY-MM-DD"))?;
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .filter(|d| (2000..=2100).contains(&d.year()) && text.len() == 10)
        .ok_or_else(|| Error::validation(field, "expected YYYY-MM-DD between 2000 and 2100"))
}

/// The planning of the subject `agency` and `centre` name over `period`, as `principal` may
/// read it.
pub async fn global(
    db: &PgPool,
    engine: &SharedEngine,
    memo: &PlannedMemo,
    principal: &Principal,
    period: Period,
    agency: Option<Uuid>,
    centre: Option<Uuid>,
) -> Result<GlobalPlanning> {
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let subject = scope::resolve(&mut tx, principal, agency, centre).await?;
    let listed = repo::centres(&mut tx, &subject).await?;
    let rows = repo::days(&mut tx, &subject, period.from, period.to).await?;
    tx.commit().await?;

    let mut by_centre: HashMap<Uuid, Vec<DayRow>> = HashMap::new();
    for row in rows {
        by_centre.entry(row.centre_id).or_default().push(row);
    }
    let engine = engine.read();
    let warning_percent = engine.policy(TenantId(subject.tenant)).fill_warning_percent;
    let centres: Vec<CentrePlanning> = listed
        .into_iter()
        .map(|c| {
            // A centre the engine does not hold (no opening hours yet) plans for nothing.
            let plan = engine.centre(CentreId(c.id)).map_or_else(
                || Arc::new(capacity::Planned::none(period.days())),
                |known| memo.planned(known, period.from, period.days()),
            );
            let mut booked_by_day = vec![0_i64; plan.days.len()];
            let mut booked_by_hour = vec![0_i64; 24];
            for row in by_centre.remove(&c.id).unwrap_or_default() {
                let day = (row.day - period.from).num_days() as usize;
                booked_by_day[day] += i64::from(row.booked);
                for (hour, &n) in row.by_hour.iter().enumerate().take(24) {
                    booked_by_hour[hour] += i64::from(n);
                }
            }
            let capacity_by_day: Vec<i64> = plan.days.iter().map(|&d| i64::from(d)).collect();
            let booked: i64 = booked_by_day.iter().sum();
            let capacity = i64::try_from(plan.total()).unwrap_or(i64::MAX);
            let fill_rate_percent = percent(booked, capacity);
            CentrePlanning {
                id: c.id,
                name: c.name,
                agency_id: c.agency_id,
                time_zone: c.time_zone,
                booked,
                capacity,
                fill_rate_percent,
                warning: fill_rate_percent.is_some_and(|p| p >= f64::from(warning_percent)),
                fill_rate_by_day: booked_by_day
                    .iter()
                    .zip(&capacity_by_day)
                    .map(|(&b, &c)| percent(b, c))
                    .collect(),
                booked_by_day,
                capacity_by_day,
                booked_by_hour,
                capacity_by_hour: plan.hours.iter().map(|h| h.round() as i64).collect(),
            }
        })
        .collect();
    let booked = centres.iter().map(|c| c.booked).sum();
    let capacity = centres.iter().map(|c| c.capacity).sum();
    Ok(GlobalPlanning {
        from: period.from,
        to: period.to,
        agency_id: subject.agency,
        centre_id: subject.centre,
        fill_warning_percent: warning_percent,
        days: (0..u64::from(period.days()))
            .filter_map(|i| period.from.checked_add_days(Days::new(i)))
            .collect(),
        booked,
        capacity,
        fill_rate_percent: percent(booked, capacity),
        warning_centres: centres.iter().filter(|c| c.warning).count(),
        centres,
    })
}

/// Centre `centre`'s day `date` with its bookings, as `principal` may read it.
pub async fn centre_day(
    db: &PgPool,
    engine: &SharedEngine,
    principal: &Principal,
    centre: Uuid,
    date: NaiveDate,
) -> Result<CentreDay> {
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let subject = scope::resolve(&mut tx, principal, None, Some(centre)).await?;
    authorize_bookings(principal, &subject)?;
    let row = repo::centres(&mut tx, &subject)
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| Error::validation("centre_id", "not an active centre"))?;
    let zone: Tz = row.time_zone.parse().unwrap_or(chrono_tz::Europe::Paris);
    let (start, end) = day_bounds(zone, date)?;
    let day = repo::days(&mut tx, &subject, date, date).await?;
    let rows = repo::bookings(&mut tx, &subject, start, end).await?;
    tx.commit().await?;

    let capacity = engine
        .read()
        .centre(CentreId(centre))
        .map_or(0, |c| capacity::planned(c, date, 1).total());
    let booked = day.iter().map(|d| i64::from(d.booked)).sum();
    let capacity = i64::try_from(capacity).unwrap_or(i64::MAX);
    Ok(CentreDay {
        centre_id: centre,
        centre_name: row.name,
        date,
        booked,
        capacity,
        fill_rate_percent: percent(booked, capacity),
        bookings: rows
            .into_iter()
            .map(|r| DayBooking {
                id: r.id,
                reference: r.reference,
                start: r.start_at.with_timezone(&zone).fixed_offset(),
                end: r.end_at.with_timezone(&zone).fixed_offset(),
                status: r.status,
                control_type: r.control_type,
                vehicle_category: r.vehicle_category,
                plate: r.plate,
                drop_off: r.drop_off,
                inspector: r.inspector,
            })
            .collect(),
    })
}

/// The bookings of a day list personal data: the caller must read the centre's bookings too.
fn authorize_bookings(principal: &Principal, subject: &Subject) -> Result<()> {
    principal.authorize(
        Action::Read,
        &ResourceRef {
            kind: Resource::Booking,
            tenant_id: Some(TenantId(subject.tenant)),
            agency_id: subject.agency.map(AgencyId),
            centre_id: subject.centre.map(CentreId),
            owner_id: None,
        },
    )
}

/// The instants local day `date` of `zone` starts and ends (the next day's start).
fn day_bounds(zone: Tz, date: NaiveDate) -> Result<(chrono::DateTime<Utc>, chrono::DateTime<Utc>)> {
    let start_of = |d: NaiveDate| {
        d.and_hms_opt(0, 0, 0)
            .and_then(|t| zone.from_local_datetime(&t).earliest())
            .map(|t| t.with_timezone(&Utc))
            .ok_or_else(|| Error::validation("date", "no such local day"))
    };
    let next = date
        .succ_opt()
        .ok_or_else(|| Error::validation("date", "no such local day"))?;
    Ok((start_of(date)?, start_of(next)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn periods_are_read_strictly_and_at_most_31_days_long() {
        let p = Period::parse(Some("2026-12-01"), Some("2026-12-31")).unwrap();
        assert_eq!(
            (p.from, p.to, p.days()),
            (day("2026-12-01"), day("2026-12-31"), 31)
        );
        assert_eq!(
            Period::parse(Some("2026-12-05"), Some("2026-12-05"))
                .unwrap()
                .days(),
            1
        );
        let field = |from: Option<&str>, to: Option<&str>| match Period::parse(from, to) {
            Err(Error::Unprocessable { details, .. }) => details["field"].to_string(),
            other => panic!("{other:?}"),
        };
        assert_eq!(field(None, Some("2026-12-01")), r#""from""#);
        assert_eq!(field(Some("2026-12-01"), None), r#""to""#);
        assert_eq!(field(Some("2026-13-01"), Some("2026-12-01")), r#""from""#);
        assert_eq!(field(Some("2026-12-01"), Some("2026-12-1")), r#""to""#);
        assert_eq!(field(Some("2026-12-02"), Some("2026-12-01")), r#""to""#);
        assert_eq!(field(Some("2026-12-01"), Some("2027-01-01")), r#""to""#);
    }

    #[test]
    fn a_local_day_is_bounded_by_its_midnights_even_when_the_clocks_change() {
        let (start, end) = day_bounds(chrono_tz::Europe::Paris, day("2026-10-25")).unwrap();
        assert_eq!(start.to_rfc3339(), "2026-10-24T22:00:00+00:00");
        assert_eq!((end - start).num_hours(), 25);
    }
}
