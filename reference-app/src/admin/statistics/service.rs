//! The statistics' use case: one read-only transaction in the caller's network, the rollup's
//! groups folded into the answer.

use std::collections::HashMap;

use chrono::{Datelike, Months, NaiveDate};
use sqlx::PgPool;
use uuid::Uuid;

use super::repo::{self, CentreRow, GroupRow, set};
use super::views::{
    AgencyStatistics, CentreStatistics, CodeStatistics, Counts, MonthStatistics, TenantStatistics,
};
use crate::admin::capacity::percent;
use crate::admin::dashboard;
use crate::admin::scope;
use crate::auth::Principal;
use crate::db::tenant_tx;
use crate::engine::today;
use crate::error::{Error, Result};
use crate::pdf::Letterhead;

/// The most months a period spans.
pub const MAX_MONTHS: u32 = 24;

/// A period of whole months.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    /// Its first month's first day.
    pub from: NaiveDate,
    /// Its last month's first day.
    pub to: NaiveDate,
}

impl Period {
    /// The period from `from` to `to` (`YYYY-MM`, both included), by default the twelve months
    /// ending with `this_month`'s; 422 naming the field when a month is malformed, when `to` is
    /// before `from` or when the period spans more than [`MAX_MONTHS`].
    pub fn parse(from: Option<&str>, to: Option<&str>, this_month: NaiveDate) -> Result<Self> {
        let to = match to {
            Some(text) => dashboard::parse_month(text).map_err(|_| month_error("to"))?,
            None => first_of_month(this_month),
        };
        let from = match from {
            Some(text) => dashboard::parse_month(text).map_err(|_| month_error("from"))?,
            None => to - Months::new(11),
        };
        if to < from {
            return Err(Error::validation("to", "a month from `from` on"));
        }
        let period = Period { from, to };
        if period.months() > MAX_MONTHS {
            return Err(Error::validation("to", "at most 24 months after `from`"));
        }
        Ok(period)
    }

    /// The number of months it spans.
    pub fn months(&self) -> u32 {
        let span = (self.to.year() - self.from.year()) * 12 + self.to.month() as i32
            - self.from.month() as i32;
        u32::try_from(span + 1).unwrap_or(0)
    }

    /// The first day after it.
    pub fn end(&self) -> NaiveDate {
        self.to + Months::new(1)
    }

    /// Its months' first days, in order.
    fn each_month(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        (0..self.months()).map(|i| self.from + Months::new(i))
    }
}

fn month_error(field: &'static str) -> Error {
    Error::validation(field, "expected YYYY-MM between 2000 and 2100")
}

/// The first day of `day`'s month.
fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// What the statistics are asked for.
pub struct StatisticsQuery {
    /// The period.
    pub period: Period,
    /// Only this agency.
    pub agency: Option<Uuid>,
    /// Only this centre.
    pub centre: Option<Uuid>,
}

impl StatisticsQuery {
    /// The query of the raw parameters, the period by default the last twelve months.
    pub fn parse(
        from: Option<&str>,
        to: Option<&str>,
        agency: Option<Uuid>,
        centre: Option<Uuid>,
    ) -> Result<Self> {
        Ok(Self {
            period: Period::parse(from, to, today())?,
            agency,
            centre,
        })
    }
}

/// Statistics with the names of whose they are, for an export.
pub struct NamedStatistics {
    /// The figures.
    pub stats: TenantStatistics,
    /// The network's name.
    pub network: String,
    /// Whose figures: the network's, the agency's or the centre's name.
    pub scope: String,
}

/// The statistics of the subject and period `q` names, as `principal` may read them.
pub async fn statistics(
    db: &PgPool,
    principal: &Principal,
    q: &StatisticsQuery,
) -> Result<NamedStatistics> {
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let subject = scope::resolve(&mut tx, principal, q.agency, q.centre).await?;
    let groups = repo::groups(&mut tx, &subject, q.period.from, q.period.end()).await?;
    let funnel = dashboard::funnel(&mut tx, &subject, q.period.from, q.period.end()).await?;
    let centres = repo::centres(&mut tx, &subject).await?;
    let names = repo::names(&mut tx, &subject).await?;
    tx.commit().await?;
    let scope = match (names.centre, names.agency) {
        (Some(centre), _) => format!("Centre {centre}"),
        (None, Some(agency)) => format!("Agence {agency}"),
        (None, None) => names.network.clone(),
    };
    Ok(NamedStatistics {
        stats: fold(q, subject, &groups, funnel, &centres),
        network: names.network,
        scope,
    })
}

/// The letterhead of `principal`'s network, for a report.
pub async fn letterhead(db: &PgPool, principal: &Principal) -> Result<Letterhead> {
    let tenant = principal.tenant_id.ok_or(Error::NotFound)?;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let letterhead = crate::pdf::letterhead::read(&mut tx, tenant.0).await?;
    tx.commit().await?;
    letterhead.ok_or(Error::NotFound)
}

/// The answer made of the rollup's groups.
fn fold(
    q: &StatisticsQuery,
    subject: scope::Subject,
    groups: &[GroupRow],
    funnel: dashboard::FunnelFigures,
    centres: &[CentreRow],
) -> TenantStatistics {
    let of_set = |wanted: i32| groups.iter().filter(move |g| g.set == wanted);
    let by_month: HashMap<NaiveDate, Counts> = of_set(set::MONTH)
        .filter_map(|g| Some((g.month?, g.counts())))
        .collect();
    let totals = by_month.values().fold(Counts::default(), |a, &b| a.add(b));
    let by_code = |wanted: i32, code: fn(&GroupRow) -> Option<&String>| {
        let mut rows: Vec<CodeStatistics> = of_set(wanted)
            .filter_map(|g| {
                Some(CodeStatistics {
                    code: code(g)?.clone(),
                    figures: g.counts().into(),
                })
            })
            .collect();
        rows.sort_by(|a, b| (b.figures.bookings, &a.code).cmp(&(a.figures.bookings, &b.code)));
        rows
    };
    let by_control_type = by_code(set::CONTROL_TYPE, |g| g.control_type.as_ref());
    let by_vehicle_category = by_code(set::VEHICLE_CATEGORY, |g| g.vehicle_category.as_ref());
    let of_centre: HashMap<Uuid, Counts> = of_set(set::CENTRE)
        .filter_map(|g| Some((g.centre_id?, g.counts())))
        .collect();
    let (by_agency, by_centre) = parts(centres, &of_centre);
    TenantStatistics {
        from: q.period.from.format("%Y-%m").to_string(),
        to: q.period.to.format("%Y-%m").to_string(),
        agency_id: subject.agency,
        centre_id: subject.centre,
        totals: totals.into(),
        conversion_percent: percent(funnel.paid, funnel.searches),
        funnel,
        months: q
            .period
            .each_month()
            .map(|m| MonthStatistics {
                month: m.format("%Y-%m").to_string(),
                figures: by_month.get(&m).copied().unwrap_or_default().into(),
            })
            .collect(),
        by_control_type,
        by_vehicle_category,
        by_agency,
        by_centre,
    }
}

/// Every centre's and agency's part, most bookings first (then by name), zeros included.
fn parts(
    centres: &[CentreRow],
    of_centre: &HashMap<Uuid, Counts>,
) -> (Vec<AgencyStatistics>, Vec<CentreStatistics>) {
    let mut agencies: Vec<(Uuid, &str, Counts)> = Vec::new();
    let mut by_centre: Vec<(CentreStatistics, i64)> = Vec::with_capacity(centres.len());
    for c in centres {
        let counts = of_centre.get(&c.id).copied().unwrap_or_default();
        match agencies.last_mut() {
            Some((id, _, sum)) if *id == c.agency_id => *sum = sum.add(counts),
            _ => agencies.push((c.agency_id, &c.agency_name, counts)),
        }
        by_centre.push((
            CentreStatistics {
                id: c.id,
                name: c.name.clone(),
                agency_id: c.agency_id,
                agency_name: c.agency_name.clone(),
                figures: counts.into(),
            },
            counts.booked,
        ));
    }
    by_centre.sort_by(|(a, x), (b, y)| (y, &a.name).cmp(&(x, &b.name)));
    let mut by_agency: Vec<AgencyStatistics> = agencies
        .into_iter()
        .map(|(id, name, counts)| AgencyStatistics {
            id,
            name: name.to_owned(),
            figures: counts.into(),
        })
        .collect();
    by_agency.sort_by(|a, b| (b.figures.bookings, &a.name).cmp(&(a.figures.bookings, &b.name)));
    (by_agency, by_centre.into_iter().map(|(c, _)| c).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, 1).unwrap()
    }

    #[test]
    fn a_period_defaults_to_the_twelve_months_ending_with_this_one() {
        let p = Period::parse(None, None, NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()).unwrap();
        assert_eq!(
            (p.from, p.to, p.months()),
            (day(2026, 1), day(2026, 12), 12)
        );
        let p = Period::parse(None, Some("2027-03"), day(2026, 12)).unwrap();
        assert_eq!((p.from, p.end()), (day(2026, 4), day(2027, 4)));
        assert_eq!(p.each_month().count(), 12);
    }

    #[test]
    fn a_period_is_refused_backwards_too_long_or_malformed() {
        let this = day(2026, 12);
        let field = |r: Result<Period>| match r {
            Err(Error::Unprocessable { details, .. }) => {
                details["field"].as_str().unwrap().to_owned()
            }
            other => panic!("{other:?}"),
        };
        assert_eq!(
            field(Period::parse(Some("2026-05"), Some("2026-04"), this)),
            "to"
        );
        assert_eq!(
            field(Period::parse(Some("2024-01"), Some("2026-01"), this)),
            "to"
        );
        assert_eq!(field(Period::parse(Some("2026-13"), None, this)), "from");
        assert_eq!(field(Period::parse(None, Some("26-01"), this)), "to");
        let longest = Period::parse(Some("2024-02"), Some("2026-01"), this).unwrap();
        assert_eq!(longest.months(), MAX_MONTHS);
    }

    #[test]
    fn agencies_sum_their_centres_and_both_lead_with_the_most_booked() {
        let (a, b) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let centre = |n: u128, agency: Uuid, name: &str| CentreRow {
            id: Uuid::from_u128(10 + n),
            name: format!("Centre {n}"),
            agency_id: agency,
            agency_name: name.to_owned(),
        };
        let centres = [
            centre(1, a, "Agence A"),
            centre(2, a, "Agence A"),
            centre(3, b, "Agence B"),
        ];
        let booked = |n: i64| Counts {
            booked: n,
            collected_cents: n * 100,
            ..Counts::default()
        };
        let of_centre = HashMap::from([
            (Uuid::from_u128(11), booked(2)),
            (Uuid::from_u128(12), booked(3)),
            (Uuid::from_u128(13), booked(9)),
        ]);
        let (agencies, centres) = parts(&centres, &of_centre);
        let agency_view: Vec<_> = agencies
            .iter()
            .map(|a| (a.name.as_str(), a.figures.bookings))
            .collect();
        assert_eq!(agency_view, [("Agence B", 9), ("Agence A", 5)]);
        assert_eq!(agencies[1].figures.revenue_cents, 500);
        let centre_view: Vec<_> = centres.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(centre_view, ["Centre 3", "Centre 2", "Centre 1"]);
    }
}
