//! Building the engine from PostgreSQL ([`super::repo`]): centres with their offers, closures
//! and blocks, inspectors with shifts, leave and blocks, and the active bookings of the
//! horizon, tenant by tenant.

use std::collections::HashMap;

use anyhow::Context;
use chrono::{NaiveDate, NaiveTime, Utc};
use pti_core::availability::{CentreAvailability, ExistingBooking};
use pti_core::model::{
    AgencyId, Agreements, BookingId, Centre, CentreId, ControlType, DurationOverride,
    DurationTable, GeoPoint, HolidayPolicy, Inspector, InspectorId, Money, Offer, Price,
    RecurringPeriod, TenantId, TimeRange, VatRate, VehicleCategory,
};
use pti_core::rules::BookingPolicy;
use pti_core::search::SearchIndex;
use serde::Deserialize;
use sqlx::PgPool;
use uuid::Uuid;

use super::repo::{self, CentreRow, ShiftRow};
use super::{Engine, TenantInfo};
use crate::db::{TenantContext, tenant_tx};

/// The active networks with their validated booking policies.
pub async fn active_tenants(pool: &PgPool) -> anyhow::Result<Vec<TenantInfo>> {
    repo::active_tenants(pool)
        .await?
        .into_iter()
        .map(|t| {
            let policy: BookingPolicy = serde_json::from_value(t.booking_policy)
                .with_context(|| format!("booking policy of tenant {}", t.slug))?;
            policy
                .validate()
                .map_err(|e| anyhow::anyhow!("booking policy of tenant {}: {e}", t.slug))?;
            Ok(TenantInfo {
                id: TenantId(t.id),
                slug: t.slug,
                name: t.name,
                policy,
            })
        })
        .collect()
}

/// Loads every active network for the horizon of `today`.
pub async fn load(pool: &PgPool, today: NaiveDate) -> anyhow::Result<Engine> {
    let tenants = active_tenants(pool).await?;
    let horizon = tenants
        .iter()
        .map(|t| t.policy.horizon_days)
        .max()
        .unwrap_or(BookingPolicy::default().horizon_days);
    let mut engine = Engine::empty(today, horizon);
    let mut centres = Vec::new();
    for tenant in &tenants {
        centres.extend(load_centres(pool, tenant.id, None, engine.first_day, engine.days).await?);
    }
    engine.index = SearchIndex::build(centres)?;
    engine.tenants = tenants.into_iter().map(|t| (t.id, t)).collect();
    Ok(engine)
}

/// Reloads the centres of `tenant` (only `centre` when given) into `engine`, dropping those
/// that are gone or inactive.
pub async fn reload(
    pool: &PgPool,
    engine: &super::SharedEngine,
    tenant: TenantId,
    centre: Option<CentreId>,
) -> anyhow::Result<()> {
    let (first_day, days, known) = {
        let e = engine.read();
        let known: Vec<CentreId> = match centre {
            Some(c) => vec![c],
            None => e
                .index
                .centres()
                .filter(|c| c.tenant_id == tenant)
                .map(|c| c.id)
                .collect(),
        };
        (e.first_day, e.days, known)
    };
    let fresh = load_centres(pool, tenant, centre, first_day, days).await?;
    let mut e = engine.write();
    for id in known {
        if !fresh.iter().any(|(c, _)| c.id == id) {
            e.index.remove(id);
        }
    }
    for (c, availability) in fresh {
        e.index.upsert(c, availability)?;
    }
    Ok(())
}

/// Reloads network `tenant` after its row changed: its booking policy, or its joining or
/// leaving the active networks (a suspended network's centres leave search). A horizon longer
/// than the engine holds reloads everything.
pub async fn reload_tenant(
    pool: &PgPool,
    engine: &super::SharedEngine,
    tenant: TenantId,
) -> anyhow::Result<()> {
    let fresh = active_tenants(pool)
        .await?
        .into_iter()
        .find(|t| t.id == tenant);
    let held = engine.read().days;
    match fresh {
        Some(info) if Engine::days_for(info.policy.horizon_days) > held => {
            engine.replace(load(pool, super::today()).await?);
            Ok(())
        }
        Some(info) => {
            engine.write().tenants.insert(tenant, info);
            reload(pool, engine, tenant, None).await
        }
        None => {
            let mut e = engine.write();
            e.tenants.remove(&tenant);
            let gone: Vec<CentreId> = e
                .index
                .centres()
                .filter(|c| c.tenant_id == tenant)
                .map(|c| c.id)
                .collect();
            for id in gone {
                e.index.remove(id);
            }
            Ok(())
        }
    }
}

/// One opening window as stored in `cts.opening_hours`.
#[derive(Deserialize)]
struct OpeningWindow {
    rrule: String,
    start: NaiveTime,
    end: NaiveTime,
}

/// Reads the centres of one tenant (or one centre) and builds their availability.
pub(crate) async fn load_centres(
    pool: &PgPool,
    tenant: TenantId,
    only: Option<CentreId>,
    first_day: NaiveDate,
    days: u32,
) -> anyhow::Result<Vec<(Centre, CentreAvailability)>> {
    let mut tx = tenant_tx(pool, &TenantContext::system(tenant)).await?;
    let only = only.map(|c| c.0);
    let since = Utc::now() - chrono::Duration::days(2);
    let centres = repo::centres(&mut tx, tenant.0, only).await?;
    let offers = repo::offers(&mut tx, tenant.0, only).await?;
    let inspectors = repo::inspectors(&mut tx, tenant.0, only).await?;
    let shifts = repo::shifts(&mut tx, tenant.0, only).await?;
    let ranges = repo::ranges(&mut tx, tenant.0, only, since).await?;
    let bookings = repo::bookings(&mut tx, tenant.0, only, since).await?;
    tx.commit().await?;

    let mut tenant_durations = Vec::new();
    let mut tenant_offers = Vec::new();
    let mut centre_offers: HashMap<Uuid, (Vec<Offer>, Vec<DurationOverride>)> = HashMap::new();
    let mut withdrawn: HashMap<Uuid, Vec<(ControlType, VehicleCategory)>> = HashMap::new();
    for o in &offers {
        let (control_type, category) = (o.control_type.0, o.vehicle_category.0);
        if let (false, Some(c)) = (o.active, o.centre_id) {
            withdrawn
                .entry(c)
                .or_default()
                .push((control_type, category));
            continue;
        }
        let offer = Offer {
            control_type,
            category,
            price: Price {
                gross: Money::from_cents(i64::from(o.price_cents)),
                vat_rate: VatRate(u16::try_from(o.vat_rate_bp).unwrap_or(2000)),
            },
        };
        let duration = o.duration_minutes.map(|m| DurationOverride {
            control_type,
            category,
            fuel: None,
            minutes: u16::try_from(m).unwrap_or(45),
        });
        let (offers, durations) = match o.centre_id {
            Some(c) => {
                let entry = centre_offers.entry(c).or_default();
                (&mut entry.0, &mut entry.1)
            }
            None => (&mut tenant_offers, &mut tenant_durations),
        };
        offers.push(offer);
        durations.extend(duration);
    }

    let mut out = Vec::with_capacity(centres.len());
    for row in centres {
        let mut centre = centre_of(tenant, &row)?;
        let (own_offers, own_durations) = centre_offers.remove(&row.id).unwrap_or_default();
        let categories: Vec<VehicleCategory> = row
            .vehicle_categories
            .iter()
            .filter_map(|c| c.parse().ok())
            .collect();
        let mut offers = own_offers;
        let withdrawn = withdrawn.remove(&row.id).unwrap_or_default();
        for o in &tenant_offers {
            let taken = offers
                .iter()
                .any(|x| x.control_type == o.control_type && x.category == o.category);
            if !taken && !withdrawn.contains(&(o.control_type, o.category)) {
                offers.push(*o);
            }
        }
        offers.retain(|o| categories.contains(&o.category));
        centre.offers = offers;
        centre.durations = DurationTable {
            overrides: own_durations
                .into_iter()
                .chain(tenant_durations.iter().copied())
                .collect(),
        };
        for r in ranges.iter().filter(|r| r.centre_id == Some(row.id)) {
            let Ok(range) = TimeRange::new(r.starts_at, r.ends_at) else {
                continue;
            };
            if r.inspector_id.is_none() {
                centre.blocks.push(range);
            }
        }
        for i in inspectors.iter().filter(|i| i.centre_id == row.id) {
            let agreements = Agreements::of(
                &i.agreements
                    .iter()
                    .filter_map(|a| a.parse().ok())
                    .collect::<Vec<_>>(),
            );
            let mut inspector = Inspector::new(
                InspectorId(i.id),
                &format!("{} {}", i.first_name, i.last_name),
                agreements,
            );
            for s in shifts.iter().filter(|s| s.inspector_id == i.id) {
                inspector.shifts.push(shift_period(s)?);
            }
            for r in ranges.iter().filter(|r| r.inspector_id == Some(i.id)) {
                if let Ok(range) = TimeRange::new(r.starts_at, r.ends_at) {
                    inspector.blocks.push(range);
                }
            }
            centre.inspectors.push(inspector);
        }
        let existing: Vec<ExistingBooking> = bookings
            .iter()
            .filter(|b| b.centre_id == row.id)
            .filter_map(|b| {
                Some(ExistingBooking {
                    booking_id: BookingId(b.id),
                    inspector_id: InspectorId(b.inspector_id?),
                    start: b.start_at,
                    duration_minutes: u32::try_from((b.end_at - b.start_at).num_minutes())
                        .unwrap_or(0)
                        .max(1),
                })
            })
            .collect();
        let (availability, misfits) =
            CentreAvailability::build(&centre, first_day, days, &existing)
                .with_context(|| format!("availability of centre {}", row.id))?;
        if !misfits.is_empty() {
            tracing::warn!(centre = %row.id, count = misfits.len(),
                "bookings no longer fit the planning and need rescheduling");
        }
        out.push((centre, availability));
    }
    Ok(out)
}

fn centre_of(tenant: TenantId, row: &CentreRow) -> anyhow::Result<Centre> {
    let hours: Vec<OpeningWindow> = serde_json::from_value(row.opening_hours.clone())
        .with_context(|| format!("opening hours of centre {}", row.id))?;
    let opening_hours = hours
        .iter()
        .map(|w| RecurringPeriod::window(&w.rrule, w.start, w.end))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| anyhow::anyhow!("opening hours of centre {}: {e}", row.id))?;
    let location = GeoPoint::new(row.lat, row.lng)
        .map_err(|e| anyhow::anyhow!("location of centre {}: {e}", row.id))?;
    let mut centre = Centre::typical(
        CentreId(row.id),
        tenant,
        AgencyId(row.agency_id),
        &row.name,
        location,
    );
    centre.address = row.address.clone();
    centre.postcode = row.postcode.clone();
    centre.city = row.city.clone();
    centre.time_zone = row
        .time_zone
        .parse()
        .map_err(|_| anyhow::anyhow!("time zone of centre {}: {}", row.id, row.time_zone))?;
    centre.rating = row.rating.unwrap_or(0.0);
    centre.lanes = u8::try_from(row.lanes).unwrap_or(1);
    centre.daily_capacity = u16::try_from(row.daily_capacity).unwrap_or(30);
    centre.grid_minutes = u16::try_from(row.grid_minutes).unwrap_or(15);
    centre.buffer_minutes = u16::try_from(row.buffer_minutes).unwrap_or(0);
    centre.holidays = match row.holiday_policy.as_str() {
        "open" => HolidayPolicy {
            closed_on_public_holidays: false,
            alsace_moselle: false,
        },
        "alsace_moselle" => HolidayPolicy {
            closed_on_public_holidays: true,
            alsace_moselle: true,
        },
        _ => HolidayPolicy::default(),
    };
    centre.opening_hours = opening_hours;
    centre.offers.clear();
    Ok(centre)
}

/// A planning shift as a recurring period: its RRULE from `valid_from` at the local start time,
/// ending on `valid_until` when set.
fn shift_period(s: &ShiftRow) -> anyhow::Result<RecurringPeriod> {
    let mut period = RecurringPeriod::window(&s.rrule, s.starts_local, s.ends_local)
        .map_err(|e| anyhow::anyhow!("shift of inspector {}: {e}", s.inspector_id))?;
    period.dtstart = s.valid_from.and_time(s.starts_local);
    if let Some(until) = s.valid_until
        && !s.rrule.contains("UNTIL=")
        && !s.rrule.contains("COUNT=")
    {
        period.rrule = format!("{};UNTIL={}T235959", s.rrule, until.format("%Y%m%d"));
    }
    Ok(period)
}
