//! Data sets for the benchmarks, shaped like the anchors' (`../shared/anchors/`): the spec's
//! planning generator (two inspectors per centre, 16 half-hour slots per weekday, 08:00–12:00
//! and 14:00–18:00, 90 days from Monday 2026-11-30, weekends skipped, 30 % of slots taken and
//! 1 % blocked), drawn from a fixed seed so every run measures the same data.

use chrono::{DateTime, NaiveDate, Utc};
use pti_core::availability::TimeFilter;
use pti_core::availability::{CentreAvailability, ExistingBooking};
use pti_core::model::{
    AgencyId, Agreement, Agreements, BookingId, Centre, CentreId, ControlType, DurationOverride,
    GeoPoint, Inspector, InspectorId, RecurringPeriod, TenantId, TimeRange, VehicleCategory,
};
use pti_core::model::{DateRange, Fuel};
use pti_core::schedule::Horizon;
use pti_core::search::{Area, SearchIndex, SearchQuery, SortBy};

/// First day of the anchors' data.
pub const BASE_DATE: &str = "2026-11-30";
/// Days of planning.
pub const DAYS: u32 = 90;
/// The anchors' weekday rule: 16 half-hour slot starts a weekday.
pub const ANCHOR_RULE: &str =
    "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8,9,10,11,14,15,16,17;BYMINUTE=0,30";

/// The anchors' first day.
pub fn base_date() -> NaiveDate {
    BASE_DATE.parse().unwrap_or_default()
}

/// A small, fast, seeded generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform float in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A centre as the anchors have it: weekdays 08:00–12:00 and 14:00–18:00 on a 30-minute
/// grid, 30-minute inspections, holidays not closed (the spec's generator ignores them),
/// two VL inspectors, a price from 65 to 95 €.
pub fn anchor_centre(n: u128, location: GeoPoint, rng: &mut Rng) -> Centre {
    let mut c = Centre::typical(
        CentreId::from_u128(n),
        TenantId::from_u128(1 + n % 600),
        AgencyId::from_u128(1 + n % 600),
        &format!("Centre CT {n}"),
        location,
    );
    let window = |hour| RecurringPeriod {
        rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR".into(),
        dtstart: base_date().and_hms_opt(hour, 0, 0).unwrap_or_default(),
        duration_minutes: 240,
    };
    c.opening_hours = vec![window(8), window(14)];
    c.holidays.closed_on_public_holidays = false;
    c.grid_minutes = 30;
    c.durations.overrides = vec![DurationOverride {
        control_type: ControlType::Periodic,
        category: VehicleCategory::Vp,
        fuel: None,
        minutes: 30,
    }];
    c.offers[0].price.gross =
        pti_core::model::Money::from_cents(6500 + (rng.unit() * 3000.0).round() as i64);
    c.inspectors = (0..2u128)
        .map(|k| {
            Inspector::new(
                InspectorId::from_u128(n * 2 + k),
                &format!("Controleur {n}-{k}"),
                Agreements::of(&[Agreement::Vl]),
            )
        })
        .collect();
    c
}

/// The anchors' slot starts of one weekday (local hours and minutes).
fn slot_times() -> impl Iterator<Item = u32> {
    (0..8)
        .map(|i| 8 * 3600 + i * 1800)
        .chain((0..8).map(|i| 14 * 3600 + i * 1800))
}

/// Draws 30 % of each inspector's slots as booked and 1 % as blocked, then indexes the centre;
/// returns the bookings drawn too.
pub fn fill(
    mut c: Centre,
    rng: &mut Rng,
    next_booking: &mut u128,
) -> (Centre, CentreAvailability, Vec<ExistingBooking>) {
    let horizon = Horizon::new(c.time_zone, base_date(), DAYS).unwrap_or_else(|e| panic!("{e}"));
    let mut existing = Vec::new();
    let at = |secs: i64| DateTime::<Utc>::from_timestamp(secs, 0).unwrap_or_default();
    for day in 0..horizon.len() {
        use chrono::Datelike;
        if horizon
            .date_of(day)
            .is_none_or(|d| d.weekday().num_days_from_monday() >= 5)
        {
            continue;
        }
        for inspector in c.inspectors.iter_mut() {
            for t in slot_times() {
                let Some(start) = horizon.to_utc(day, t) else {
                    continue;
                };
                let taken = rng.unit() < 0.30;
                let blocked = rng.unit() < 0.01;
                if taken {
                    *next_booking += 1;
                    existing.push(ExistingBooking {
                        booking_id: BookingId::from_u128(*next_booking),
                        inspector_id: inspector.id,
                        start: at(start),
                        duration_minutes: 30,
                    });
                } else if blocked {
                    inspector
                        .blocks
                        .extend(TimeRange::new(at(start), at(start + 1800)));
                }
            }
        }
    }
    let (availability, _) = CentreAvailability::build(&c, base_date(), DAYS, &existing)
        .unwrap_or_else(|e| panic!("{e}"));
    (c, availability, existing)
}

/// The national data set: `n` centres uniform over metropolitan France (lat 42.5–51,
/// lng −4.5–8), as the anchors' `national` scale.
pub fn national(n: usize) -> SearchIndex {
    let mut rng = Rng::new(42);
    let mut next_booking = 0;
    let centres = (1..=n as u128)
        .map(|i| {
            let location = GeoPoint {
                lat: 42.5 + rng.unit() * 8.5,
                lng: -4.5 + rng.unit() * 12.5,
            };
            let c = anchor_centre(i, location, &mut rng);
            let (c, availability, _) = fill(c, &mut rng, &mut next_booking);
            (c, availability)
        })
        .collect();
    SearchIndex::build(centres).unwrap_or_else(|e| panic!("{e}"))
}

/// `n` centres with the anchors' slot rule (one RRULE yielding each half-hour start).
pub fn rule_centres(n: usize) -> Vec<Centre> {
    let mut rng = Rng::new(7);
    (1..=n as u128)
        .map(|i| {
            let mut c = anchor_centre(
                i,
                GeoPoint {
                    lat: 48.5 + rng.unit() * 0.7,
                    lng: 1.8 + rng.unit() * 1.1,
                },
                &mut rng,
            );
            c.opening_hours = vec![RecurringPeriod {
                rrule: ANCHOR_RULE.into(),
                dtstart: base_date().and_hms_opt(8, 0, 0).unwrap_or_default(),
                duration_minutes: 30,
            }];
            c
        })
        .collect()
}

/// Gives each centre's two inspectors their own shifts: one works mornings, Monday to
/// Friday; the other afternoons, Tuesday to Saturday (cut by opening hours to Tuesday–Friday).
pub fn with_shifts(mut centres: Vec<Centre>) -> Vec<Centre> {
    let shift = |rule: &str, hour| RecurringPeriod {
        rrule: rule.into(),
        dtstart: base_date().and_hms_opt(hour, 0, 0).unwrap_or_default(),
        duration_minutes: 240,
    };
    for c in &mut centres {
        c.inspectors[0].shifts = vec![shift("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", 8)];
        c.inspectors[1].shifts = vec![shift("FREQ=WEEKLY;BYDAY=TU,WE,TH,FR,SA", 14)];
    }
    centres
}

/// The anchors' search: centres within 50 km of Paris with a free 30-minute slot from D+3 to
/// D+10, the nearest 20, each with its first 3 free slots.
pub fn paris_query() -> SearchQuery {
    let day = |s: &str| s.parse().unwrap_or_default();
    SearchQuery {
        origin: GeoPoint {
            lat: 48.8566,
            lng: 2.3522,
        },
        area: Area::Radius(50.0),
        dates: DateRange::new(day("2026-12-03"), day("2026-12-10"))
            .unwrap_or_else(|e| panic!("{e}")),
        not_before: None,
        category: VehicleCategory::Vp,
        fuel: Fuel::Petrol,
        control_type: ControlType::Periodic,
        tenant: None,
        max_price: None,
        min_rating: None,
        time: TimeFilter::default(),
        sort: SortBy::Distance,
        limit: 20,
        slots_per_centre: 3,
        windows: Vec::new(),
    }
}
