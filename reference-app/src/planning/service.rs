//! Use cases of the planning service on the in-memory engine: the geo-ranked availability
//! search and a centre's month calendar. No database query on these paths.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use pti_core::availability::{FreeSlot, TimeFilter};
use pti_core::model::{CentreId, DateRange, GeoPoint, Money, TenantId};
use pti_core::rules::booking_window;
use pti_core::search::{Area, SearchQuery, SortBy, TenantWindow};

use super::views::{CalendarDay, CentreCalendar, CentreView, Origin, SearchResponse, SearchResult};
use super::wanted::Wanted;
use crate::engine::{Engine, SharedEngine, today};
use crate::error::{Error, Result};

/// A search, checked.
pub struct Search {
    /// Where distances are measured from.
    pub origin: GeoPoint,
    /// The commune found for a free-text place.
    pub label: Option<String>,
    /// Radius, km.
    pub radius_km: f64,
    /// Days searched.
    pub dates: DateRange,
    /// The inspection.
    pub wanted: Wanted,
    /// Highest price.
    pub max_price: Option<Money>,
    /// Lowest rating.
    pub min_rating: Option<f32>,
    /// Part of the day, Saturdays.
    pub time: TimeFilter,
    /// Order.
    pub sort: SortBy,
    /// Most centres.
    pub limit: usize,
    /// Slots per centre.
    pub slots_per_centre: usize,
}

/// The earliest start anyone may book now under the most lenient of these policies.
fn earliest_start(engine: &Engine, tenant: Option<TenantId>) -> DateTime<Utc> {
    let notice = match tenant {
        Some(t) => engine.policy(t).min_notice_minutes,
        None => engine
            .tenants
            .values()
            .map(|t| t.policy.min_notice_minutes)
            .min()
            .unwrap_or(120),
    };
    Utc::now() + Duration::minutes(i64::from(notice))
}

/// Each searched network's own notice and horizon, from now.
fn windows(engine: &Engine, tenant: Option<TenantId>) -> Vec<TenantWindow> {
    let now = Utc::now();
    engine
        .tenants
        .iter()
        .filter(|(id, _)| tenant.is_none_or(|t| t == **id))
        .map(|(id, info)| {
            let (not_before, until) = booking_window(&info.policy, now);
            TenantWindow {
                tenant: *id,
                not_before,
                until,
            }
        })
        .collect()
}

/// Centres offering the inspection within the radius, with their first free slots, in
/// `tenant` only when given; each centre's slots within its own network's notice and horizon.
pub fn search(
    engine: &SharedEngine,
    tenant: Option<TenantId>,
    s: &Search,
) -> Result<SearchResponse> {
    let engine = engine.read();
    let query = SearchQuery {
        origin: s.origin,
        area: Area::Radius(s.radius_km),
        dates: s.dates,
        not_before: Some(earliest_start(&engine, tenant)),
        category: s.wanted.category,
        fuel: s.wanted.fuel,
        control_type: s.wanted.control_type,
        tenant,
        max_price: s.max_price,
        min_rating: s.min_rating,
        time: s.time,
        sort: s.sort,
        limit: s.limit,
        slots_per_centre: s.slots_per_centre,
        windows: windows(&engine, tenant),
    };
    let hits = engine.index.search(&query).map_err(|e| Error::rule(&e))?;
    let results = hits
        .iter()
        .filter_map(|hit| {
            let centre = engine.centre(hit.centre_id)?;
            Some(SearchResult {
                centre: CentreView::from(centre),
                distance_km: (hit.distance_km * 10.0).round() / 10.0,
                price_cents: hit.price.gross.cents(),
                vat_cents: hit.price.vat().cents(),
                duration_minutes: hit.duration_minutes,
                slots: hit
                    .slots
                    .iter()
                    .map(|slot| s.wanted.slot(hit.centre_id, slot))
                    .collect(),
            })
        })
        .collect();
    Ok(SearchResponse {
        origin: Origin {
            lat: s.origin.lat,
            lng: s.origin.lng,
            label: s.label.clone(),
        },
        results,
    })
}

/// Centre `centre_id`'s days of `month` (its first day; default this month) with their free
/// starts for `wanted`, and the free slots of `date` when given.
pub fn calendar(
    engine: &SharedEngine,
    centre_id: CentreId,
    month: Option<NaiveDate>,
    date: Option<NaiveDate>,
    wanted: Wanted,
) -> Result<CentreCalendar> {
    let first = month.unwrap_or_else(|| today().with_day0(0).unwrap_or_else(today));
    let last = first
        .checked_add_months(chrono::Months::new(1))
        .map(|d| d - Duration::days(1))
        .unwrap_or(first);
    let engine = engine.read();
    let (Some(centre), Some(availability)) = (
        engine.centre(centre_id),
        engine.index.availability(centre_id),
    ) else {
        return Err(Error::NotFound);
    };
    let offer = centre
        .offer(wanted.control_type, wanted.category)
        .ok_or_else(|| Error::Unprocessable {
            code: "CONTROL_TYPE_NOT_OFFERED",
            message: "this centre does not offer this inspection for this vehicle".to_owned(),
            details: serde_json::Value::Null,
        })?;
    let need = wanted.need(centre);
    let policy = engine.policy(centre.tenant_id);
    let not_before = Utc::now() + Duration::minutes(i64::from(policy.min_notice_minutes));
    let not_after = Utc::now() + Duration::days(i64::from(policy.horizon_days));
    let horizon = availability.horizon();
    let day_bounds = |day: NaiveDate| {
        let i = horizon.index_of(day)?;
        let start = DateTime::from_timestamp(horizon.day_start(i), 0)?;
        let end = DateTime::from_timestamp(horizon.day_start(i + 1), 0)?;
        Some((start.max(not_before), end.min(not_after)))
    };
    let slots_of = |day: NaiveDate| -> Vec<FreeSlot> {
        match day_bounds(day) {
            Some((from, to)) if from < to => {
                availability.first_free(from, to, &need, TimeFilter::default(), 1000)
            }
            _ => Vec::new(),
        }
    };
    let days = first
        .iter_days()
        .take_while(|d| *d <= last)
        .filter(|d| horizon.index_of(*d).is_some())
        .map(|date| CalendarDay {
            date,
            free: slots_of(date).len(),
        })
        .collect();
    let slots = date
        .map(|d| {
            slots_of(d)
                .iter()
                .map(|s| wanted.slot(centre_id, s))
                .collect()
        })
        .unwrap_or_default();
    Ok(CentreCalendar {
        centre: CentreView::from(centre),
        price_cents: offer.price.gross.cents(),
        vat_cents: offer.price.vat().cents(),
        duration_minutes: need.duration_minutes,
        days,
        date,
        slots,
    })
}
