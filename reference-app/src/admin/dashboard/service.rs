//! The dashboard's use case: one read-only transaction in the caller's network.

use chrono::{Datelike, Months, NaiveDate};
use chrono_tz::Tz;
use sqlx::PgPool;
use uuid::Uuid;

use super::repo::{self, MonthRow};
use super::views::{AgencyFigures, DashboardStats, Kpis, MonthFigures, RecentBooking};
use crate::admin::capacity::{self, PlannedMemo, percent};
use crate::admin::scope;
use crate::auth::Principal;
use crate::db::tenant_tx;
use crate::engine::{SharedEngine, today};
use crate::error::{Error, Result};

/// What the dashboard is asked for.
pub struct StatsQuery {
    /// The month's first day (none: this month).
    pub month: Option<NaiveDate>,
    /// Only this agency.
    pub agency: Option<Uuid>,
    /// Only this centre.
    pub centre: Option<Uuid>,
}

/// Reads a `YYYY-MM` month as its first day; 422 naming `month` otherwise.
pub fn parse_month(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d")
        .ok()
        .filter(|d| (2000..=2100).contains(&d.year()) && text.len() == 7)
        .ok_or_else(|| Error::validation("month", "expected YYYY-MM between 2000 and 2100"))
}

/// The dashboard of the subject `q` names, as `principal` may read it.
pub async fn stats(
    db: &PgPool,
    engine: &SharedEngine,
    memo: &PlannedMemo,
    principal: &Principal,
    q: StatsQuery,
) -> Result<DashboardStats> {
    let month = q.month.unwrap_or_else(|| first_of_month(today()));
    let next = month + Months::new(1);
    let previous = month - Months::new(1);
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let subject = scope::resolve(&mut tx, principal, q.agency, q.centre).await?;
    let rows = repo::months(&mut tx, &subject, month - Months::new(11), next).await?;
    let funnel = repo::funnel(&mut tx, &subject, month, next).await?;
    let agencies = repo::top_agencies(&mut tx, &subject, month).await?;
    let active_users = repo::active_users(&mut tx, &subject).await?;
    let recent = repo::recent(&mut tx, &subject).await?;
    tx.commit().await?;

    let days = u32::try_from((next - month).num_days()).unwrap_or(31);
    let planned: u64 = capacity::centres(&engine.read(), &subject)
        .map(|c| memo.planned(c, month, days).total())
        .sum();
    let of = |m: NaiveDate| rows.iter().find(|r| r.month == m);
    let this = of(month);
    let figure = |r: Option<&MonthRow>, f: fn(&MonthRow) -> i64| r.map_or(0, f);
    let bookings = figure(this, |r| r.booked);
    let due = figure(this, |r| r.completed + r.no_show);
    let kpis = Kpis {
        active_users,
        bookings,
        bookings_previous: figure(of(previous), |r| r.booked),
        revenue_cents: figure(this, |r| r.revenue_cents),
        revenue_previous_cents: figure(of(previous), |r| r.revenue_cents),
        conversion_percent: percent(funnel.paid, funnel.searches),
        fill_rate_percent: percent(bookings, i64::try_from(planned).unwrap_or(i64::MAX)),
        no_show_percent: percent(figure(this, |r| r.no_show), due),
    };
    let months = (0..12)
        .rev()
        .map(|back| month - Months::new(back))
        .map(|m| {
            let r = of(m);
            MonthFigures {
                month: m.format("%Y-%m").to_string(),
                bookings: figure(r, |r| r.booked),
                revenue_cents: figure(r, |r| r.revenue_cents),
                cancelled: figure(r, |r| r.cancelled),
            }
        })
        .collect();
    Ok(DashboardStats {
        month: month.format("%Y-%m").to_string(),
        agency_id: subject.agency,
        centre_id: subject.centre,
        kpis,
        months,
        funnel,
        top_agencies: agencies
            .into_iter()
            .map(|a| AgencyFigures {
                agency_id: a.agency_id,
                name: a.name,
                bookings: a.booked,
                revenue_cents: a.revenue_cents,
            })
            .collect(),
        recent: recent
            .into_iter()
            .map(|r| {
                let zone: Tz = r.time_zone.parse().unwrap_or(chrono_tz::Europe::Paris);
                RecentBooking {
                    id: r.id,
                    reference: r.reference,
                    centre_name: r.centre_name,
                    start: r.start_at.with_timezone(&zone).fixed_offset(),
                    status: r.status,
                    price_cents: r.price_cents,
                    created_at: r.created_at,
                }
            })
            .collect(),
    })
}

/// The first day of `day`'s month.
fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_read_strictly() {
        assert_eq!(
            parse_month("2026-12").unwrap(),
            NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
        );
        for bad in ["2026-13", "2026-1", "26-12", "1999-12", "2026-12-01", ""] {
            assert!(parse_month(bad).is_err(), "{bad}");
        }
    }
}
