//! Criterion benchmarks of the engine; `benches/README.md` has the figures and the anchors.

use chrono::{DateTime, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use pti_benches::{DAYS, Rng, base_date, fill, national, paris_query, rule_centres, with_shifts};
use pti_core::availability::{CentreAvailability, Need, TimeFilter};
use pti_core::model::{Agreement, Agreements, BookingId, GeoPoint};
use pti_core::schedule::{self, Horizon};
use pti_core::search::{SearchQuery, SortBy};
use std::hint::black_box;

fn search(c: &mut Criterion) {
    let index = national(6000);
    let q = paris_query();
    let hits = index.search(&q).unwrap();
    assert_eq!(hits.len(), 20);
    assert!(hits.iter().all(|h| h.slots.len() == 3));
    c.bench_function("search/national_6000_paris_50km_20x3", |b| {
        b.iter(|| index.search(black_box(&q)).unwrap())
    });
    let best = SearchQuery {
        sort: SortBy::Best,
        ..paris_query()
    };
    c.bench_function("search/national_6000_paris_50km_best", |b| {
        b.iter(|| index.search(black_box(&best)).unwrap())
    });
}

fn slot_generation(c: &mut Criterion) {
    let centres = rule_centres(30);
    let count = |centres: &[pti_core::model::Centre]| {
        let horizon = Horizon::new(chrono_tz_paris(), base_date(), DAYS).unwrap();
        centres
            .iter()
            .map(|c| schedule::generate_slots(c, &horizon, 30).unwrap().len())
            .sum::<usize>()
    };
    assert_eq!(count(&centres), 31_200);
    c.bench_function("schedule/30_centres_90_days_anchor_rule", |b| {
        b.iter(|| count(black_box(&centres)))
    });
    let shifted = with_shifts(rule_centres(30));
    let per_inspector = |centres: &[pti_core::model::Centre]| {
        let horizon = Horizon::new(chrono_tz_paris(), base_date(), DAYS).unwrap();
        let mut n = 0;
        for c in centres {
            let open = schedule::centre_open_spans(c, &horizon).unwrap();
            for i in &c.inspectors {
                let spans = schedule::inspector_spans(i, &open, &horizon).unwrap();
                n += schedule::slots_in(&spans, &horizon, c.grid_minutes, 30)
                    .unwrap()
                    .len();
            }
        }
        n
    };
    assert!(per_inspector(&shifted) > 0);
    c.bench_function("schedule/30_centres_90_days_2_inspector_shifts", |b| {
        b.iter(|| per_inspector(black_box(&shifted)))
    });
}

fn chrono_tz_paris() -> chrono_tz::Tz {
    chrono_tz::Europe::Paris
}

fn booking(c: &mut Criterion) {
    let mut rng = Rng::new(1);
    let mut next = 0;
    let centre = pti_benches::anchor_centre(
        1,
        GeoPoint {
            lat: 48.85,
            lng: 2.35,
        },
        &mut rng,
    );
    let (centre, mut index, existing) = fill(centre, &mut rng, &mut next);
    let need = Need {
        duration_minutes: 30,
        agreements: Agreements::of(&[Agreement::Vl]),
    };
    let from: DateTime<Utc> = "2026-12-14T00:00:00Z".parse().unwrap();
    let to: DateTime<Utc> = "2027-02-27T00:00:00Z".parse().unwrap();
    let free = index.first_free(from, to, &need, TimeFilter::default(), 1)[0]
        .start
        .with_timezone(&Utc);
    let id = BookingId::from_u128(u128::MAX);
    c.bench_function("availability/book_and_release", |b| {
        b.iter(|| {
            index.book(id, black_box(free), &need).unwrap();
            index.release(id).unwrap()
        })
    });
    c.bench_function("availability/rebuild_centre_90_days", |b| {
        b.iter(|| {
            CentreAvailability::build(black_box(&centre), base_date(), DAYS, &existing).unwrap()
        })
    });
}

criterion_group!(benches, slot_generation, booking, search);
criterion_main!(benches);
