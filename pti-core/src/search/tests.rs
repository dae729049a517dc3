use super::*;
use crate::availability::{DayPart, Need};
use crate::model::{AgencyId, Agreement, BookingId, Inspector, InspectorId, Offer};
use chrono::NaiveDate;
use proptest::prelude::*;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const PARIS: GeoPoint = GeoPoint {
    lat: 48.8566,
    lng: 2.3522,
};

/// A centre `km` kilometres north of Paris (along the meridian), one VL inspector.
fn centre_at(n: u128, lat: f64, lng: f64) -> Centre {
    let mut c = Centre::typical(
        CentreId::from_u128(n),
        TenantId::from_u128(1 + n % 2),
        AgencyId::from_u128(1),
        &format!("CT {n}"),
        GeoPoint::new(lat, lng).unwrap(),
    );
    c.inspectors = vec![Inspector::new(
        InspectorId::from_u128(1000 + n),
        "Insp",
        Agreements::of(&[Agreement::Vl]),
    )];
    c
}

fn north(n: u128, km: f64) -> Centre {
    centre_at(n, PARIS.lat + km / 111.195, PARIS.lng)
}

fn index(centres: Vec<Centre>) -> SearchIndex {
    SearchIndex::build(
        centres
            .into_iter()
            .map(|c| {
                let (a, _) = CentreAvailability::build(&c, date("2026-11-30"), 30, &[]).unwrap();
                (c, a)
            })
            .collect(),
    )
    .unwrap()
}

fn query() -> SearchQuery {
    SearchQuery {
        origin: PARIS,
        area: Area::Radius(50.0),
        dates: DateRange::new(date("2026-12-03"), date("2026-12-10")).unwrap(),
        not_before: None,
        category: VehicleCategory::Vp,
        fuel: Fuel::Diesel,
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

fn ids(hits: &[SearchHit]) -> Vec<u128> {
    hits.iter().map(|h| h.centre_id.0.as_u128()).collect()
}

#[test]
fn finds_centres_in_the_radius_nearest_first_with_their_first_slots() {
    let idx = index(vec![
        north(1, 30.0),
        north(2, 10.0),
        north(3, 60.0),
        north(4, 20.0),
    ]);
    let hits = idx.search(&query()).unwrap();
    assert_eq!(ids(&hits), [2, 4, 1]);
    assert!(
        (hits[0].distance_km - 10.0).abs() < 0.05,
        "{}",
        hits[0].distance_km
    );
    assert_eq!(hits[0].duration_minutes, 40);
    assert_eq!(hits[0].price.gross, Money::from_cents(7500));
    let starts: Vec<String> = hits[0].slots.iter().map(|s| s.start.to_rfc3339()).collect();
    assert_eq!(
        starts,
        [
            "2026-12-03T08:00:00+01:00",
            "2026-12-03T08:15:00+01:00",
            "2026-12-03T08:30:00+01:00"
        ]
    );
    assert_eq!(hits[0].slots[0].capacity, 1);
}

#[test]
fn nearest_mode_ignores_distance_and_limit_cuts() {
    let idx = index(vec![north(1, 300.0), north(2, 100.0), north(3, 600.0)]);
    let q = SearchQuery {
        area: Area::Nearest,
        limit: 2,
        ..query()
    };
    assert_eq!(ids(&idx.search(&q).unwrap()), [2, 1]);
}

#[test]
fn sorts_by_price_rating_and_earliest_with_distance_breaking_ties() {
    let mut a = north(1, 5.0);
    let mut b = north(2, 10.0);
    let mut c = north(3, 15.0);
    a.offers[0].price = Price::ttc(8000).unwrap();
    b.offers[0].price = Price::ttc(6500).unwrap();
    c.offers[0].price = Price::ttc(6500).unwrap();
    a.rating = 4.8;
    b.rating = 3.9;
    c.rating = 4.8;
    a.closures = vec![DateRange::new(date("2026-12-03"), date("2026-12-04")).unwrap()];
    let idx = index(vec![a, b, c]);
    let by = |sort| ids(&idx.search(&SearchQuery { sort, ..query() }).unwrap());
    assert_eq!(by(SortBy::Price), [2, 3, 1]);
    assert_eq!(by(SortBy::Rating), [1, 3, 2]);
    assert_eq!(by(SortBy::Earliest), [2, 3, 1]);
    assert_eq!(by(SortBy::Distance), [1, 2, 3]);
    // b: 0.40×0.8 + 0.25×1 + 0.20×0.78 + 0.15×1 = 0.876; c: 0.40×0.7 + 0.25 + 0.20×0.96 + 0.15
    // = 0.872; a is nearest but dearest and first free two days later: 0.36 + 0 + 0.192 + 0.
    let best = idx
        .search(&SearchQuery {
            sort: SortBy::Best,
            ..query()
        })
        .unwrap();
    assert_eq!(ids(&best), [2, 3, 1]);
    assert!((best[0].score - 0.876).abs() < 1e-6, "{}", best[0].score);
    assert!(best.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn equal_distances_are_ordered_by_centre_id() {
    let idx = index(vec![north(9, 10.0), north(3, 10.0), north(5, 10.0)]);
    assert_eq!(
        ids(&idx
            .search(&SearchQuery {
                limit: 2,
                ..query()
            })
            .unwrap()),
        [3, 5]
    );
}

#[test]
fn filters_drop_centres_that_do_not_match() {
    let mut dear = north(1, 5.0);
    dear.offers[0].price = Price::ttc(9000).unwrap();
    let mut poor = north(2, 6.0);
    poor.rating = 2.0;
    let mut no_moto = north(3, 7.0);
    no_moto.offers.retain(|o| o.category != VehicleCategory::L);
    let idx = index(vec![dear, poor, no_moto, north(4, 8.0)]);
    assert_eq!(
        ids(&idx
            .search(&SearchQuery {
                max_price: Some(Money::from_cents(8000)),
                ..query()
            })
            .unwrap()),
        [2, 3, 4]
    );
    assert_eq!(
        ids(&idx
            .search(&SearchQuery {
                min_rating: Some(3.5),
                ..query()
            })
            .unwrap()),
        [1, 3, 4]
    );
    assert_eq!(
        ids(&idx
            .search(&SearchQuery {
                tenant: Some(TenantId::from_u128(1)),
                ..query()
            })
            .unwrap()),
        [2, 4]
    );
    // Nobody holds the L agreement.
    assert!(
        idx.search(&SearchQuery {
            category: VehicleCategory::L,
            ..query()
        })
        .unwrap()
        .is_empty()
    );
}

#[test]
fn time_filters_and_not_before_move_the_first_slots() {
    let idx = index(vec![north(1, 5.0)]);
    let afternoon = TimeFilter {
        part: DayPart::Afternoon,
        saturday_only: false,
    };
    let hit = &idx
        .search(&SearchQuery {
            time: afternoon,
            ..query()
        })
        .unwrap()[0];
    assert_eq!(hit.slots[0].start.to_rfc3339(), "2026-12-03T14:00:00+01:00");
    let saturday = TimeFilter {
        part: DayPart::Any,
        saturday_only: true,
    };
    let hit = &idx
        .search(&SearchQuery {
            time: saturday,
            ..query()
        })
        .unwrap()[0];
    assert_eq!(hit.slots[0].start.to_rfc3339(), "2026-12-05T08:00:00+01:00");
    let not_before = "2026-12-03T10:05:00+01:00"
        .parse::<DateTime<chrono::FixedOffset>>()
        .unwrap()
        .with_timezone(&Utc);
    let hit = &idx
        .search(&SearchQuery {
            not_before: Some(not_before),
            ..query()
        })
        .unwrap()[0];
    assert_eq!(hit.slots[0].start.to_rfc3339(), "2026-12-03T10:15:00+01:00");
}

#[test]
fn a_tenants_window_bounds_its_own_centres_slots_only() {
    let idx = index(vec![north(1, 5.0), north(2, 6.0)]);
    let at = |s: &str| {
        s.parse::<DateTime<chrono::FixedOffset>>()
            .unwrap()
            .with_timezone(&Utc)
    };
    // Centre 1 belongs to tenant 2, whose notice and horizon leave one hour of 4 December.
    let window = TenantWindow {
        tenant: TenantId::from_u128(2),
        not_before: at("2026-12-04T08:00:00+01:00"),
        until: at("2026-12-04T09:00:00+01:00"),
    };
    let hits = idx
        .search(&SearchQuery {
            windows: vec![window],
            ..query()
        })
        .unwrap();
    let starts = |id: u128| -> Vec<String> {
        hits.iter()
            .find(|h| h.centre_id == CentreId::from_u128(id))
            .map(|h| h.slots.iter().map(|s| s.start.to_rfc3339()).collect())
            .unwrap_or_default()
    };
    assert_eq!(
        starts(1),
        [
            "2026-12-04T08:00:00+01:00",
            "2026-12-04T08:15:00+01:00",
            "2026-12-04T08:30:00+01:00"
        ],
        "the first slots of its window, as many as asked"
    );
    assert_eq!(
        starts(2)[0],
        "2026-12-03T08:00:00+01:00",
        "the other tenant's unchanged"
    );
    let closed = TenantWindow {
        until: window.not_before,
        ..window
    };
    let hits = idx
        .search(&SearchQuery {
            windows: vec![closed],
            ..query()
        })
        .unwrap();
    assert_eq!(
        ids(&hits),
        [2],
        "an empty window shows none of the tenant's centres"
    );
}

#[test]
fn a_booked_slot_disappears_from_search_and_comes_back_on_release() {
    let mut idx = index(vec![north(1, 5.0)]);
    let first = idx.search(&query()).unwrap()[0].slots[0];
    let need = Need {
        duration_minutes: 40,
        agreements: Agreements::of(&[Agreement::Vl]),
    };
    let avail = idx.availability_mut(CentreId::from_u128(1)).unwrap();
    avail
        .book(
            BookingId::from_u128(1),
            first.start.with_timezone(&Utc),
            &need,
        )
        .unwrap();
    let after = idx.search(&query()).unwrap()[0].slots[0];
    assert_eq!(after.start.to_rfc3339(), "2026-12-03T08:45:00+01:00");
    idx.availability_mut(CentreId::from_u128(1))
        .unwrap()
        .release(BookingId::from_u128(1))
        .unwrap();
    assert_eq!(idx.search(&query()).unwrap()[0].slots[0], first);
}

#[test]
fn upsert_and_remove_keep_the_tree_in_step() {
    let mut idx = index(vec![north(1, 5.0), north(2, 10.0)]);
    let moved = north(1, 80.0);
    let (a, _) = CentreAvailability::build(&moved, date("2026-11-30"), 30, &[]).unwrap();
    idx.upsert(moved, a).unwrap();
    assert_eq!(ids(&idx.search(&query()).unwrap()), [2]);
    assert!(idx.remove(CentreId::from_u128(2)));
    assert!(idx.search(&query()).unwrap().is_empty());
    assert!(!idx.remove(CentreId::from_u128(2)));
    assert_eq!(idx.len(), 1);
}

#[test]
fn bad_queries_get_typed_errors() {
    let idx = index(vec![north(1, 5.0)]);
    let code = |q: SearchQuery| idx.search(&q).unwrap_err().code();
    assert_eq!(
        code(SearchQuery {
            origin: GeoPoint {
                lat: f64::NAN,
                lng: 2.0
            },
            ..query()
        }),
        "INVALID_COORDINATES"
    );
    assert_eq!(
        code(SearchQuery {
            area: Area::Radius(-1.0),
            ..query()
        }),
        "INVALID_RADIUS"
    );
    assert_eq!(
        code(SearchQuery {
            area: Area::Radius(0.0),
            ..query()
        }),
        "INVALID_RADIUS"
    );
    assert_eq!(
        code(SearchQuery {
            area: Area::Radius(f64::NAN),
            ..query()
        }),
        "INVALID_RADIUS"
    );
    assert_eq!(
        code(SearchQuery {
            limit: 0,
            ..query()
        }),
        "INVALID_LIMIT"
    );
    assert_eq!(
        code(SearchQuery {
            slots_per_centre: 51,
            ..query()
        }),
        "INVALID_LIMIT"
    );
    assert_eq!(
        code(SearchQuery {
            min_rating: Some(6.0),
            ..query()
        }),
        "INVALID_RATING"
    );
    assert_eq!(
        code(SearchQuery {
            max_price: Some(Money::from_cents(-1)),
            ..query()
        }),
        "INVALID_PRICE"
    );
}

#[test]
fn dates_outside_the_index_find_nothing() {
    let idx = index(vec![north(1, 5.0)]);
    let q = SearchQuery {
        dates: DateRange::new(date("2027-06-01"), date("2027-06-30")).unwrap(),
        ..query()
    };
    assert!(idx.search(&q).unwrap().is_empty());
}

#[test]
fn offers_are_per_category() {
    let mut c = north(1, 5.0);
    c.offers = vec![Offer {
        control_type: ControlType::Recheck,
        category: VehicleCategory::Vp,
        price: Price::ttc(3500).unwrap(),
    }];
    let idx = index(vec![c]);
    assert!(idx.search(&query()).unwrap().is_empty());
    let hit = &idx
        .search(&SearchQuery {
            control_type: ControlType::Recheck,
            ..query()
        })
        .unwrap()[0];
    assert_eq!(hit.duration_minutes, 25);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn results_are_within_the_radius_and_match_a_brute_force_ranking(
        points in prop::collection::vec((48.3f64..49.4, 1.6f64..3.1, 0u8..3), 1..40),
        radius in 1.0f64..80.0,
        sort in prop::sample::select(vec![SortBy::Distance, SortBy::Price, SortBy::Rating, SortBy::Earliest, SortBy::Best]),
        limit in 1usize..15,
    ) {
        let centres: Vec<Centre> = points.iter().enumerate().map(|(i, (lat, lng, kind))| {
            let mut c = centre_at(i as u128 + 1, *lat, *lng);
            c.offers[0].price = Price::ttc(6500 + 500 * i64::from(*kind)).unwrap();
            c.rating = 3.0 + f32::from(*kind) * 0.5;
            if *kind == 2 { c.closures = vec![DateRange::new(date("2026-12-03"), date("2026-12-07")).unwrap()]; }
            c
        }).collect();
        let idx = index(centres.clone());
        let q = SearchQuery { area: Area::Radius(radius), sort, limit, ..query() };
        let hits = idx.search(&q).unwrap();
        let mut expected: Vec<&Centre> = centres.iter().filter(|c| PARIS.distance_km(&c.location) <= radius).collect();
        prop_assert!(hits.len() == expected.len().min(limit));
        for h in &hits {
            prop_assert!(h.distance_km <= radius);
            prop_assert!(!h.slots.is_empty());
        }
        for w in hits.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            let tie = (a.distance_km, a.centre_id) <= (b.distance_km, b.centre_id);
            let ordered = match sort {
                SortBy::Distance => tie,
                SortBy::Price => a.price.gross < b.price.gross || (a.price.gross == b.price.gross && tie),
                SortBy::Rating => a.rating > b.rating || (a.rating == b.rating && tie),
                SortBy::Earliest => a.slots[0].start < b.slots[0].start || (a.slots[0].start == b.slots[0].start && tie),
                SortBy::Best => a.score > b.score || (a.score == b.score && tie),
            };
            prop_assert!(ordered, "{:?} then {:?}", a.centre_id, b.centre_id);
        }
        if sort == SortBy::Distance {
            expected.sort_by(|a, b| PARIS.distance_km(&a.location).total_cmp(&PARIS.distance_km(&b.location)).then(a.id.cmp(&b.id)));
            let want: Vec<CentreId> = expected.iter().take(limit).map(|c| c.id).collect();
            prop_assert_eq!(hits.iter().map(|h| h.centre_id).collect::<Vec<_>>(), want);
        }
    }

    #[test]
    fn booking_a_found_slot_never_offers_it_again(pick in 0usize..3, centre in 0usize..3) {
        let mut idx = index(vec![north(1, 5.0), north(2, 6.0), north(3, 7.0)]);
        let hits = idx.search(&query()).unwrap();
        let hit = &hits[centre];
        let slot = hit.slots[pick];
        let need = Need { duration_minutes: hit.duration_minutes, agreements: Agreements::of(&[Agreement::Vl]) };
        idx.availability_mut(hit.centre_id).unwrap().book(BookingId::from_u128(1), slot.start.with_timezone(&Utc), &need).unwrap();
        let again = idx.search(&SearchQuery { slots_per_centre: 50, ..query() }).unwrap();
        let same = again.iter().find(|h| h.centre_id == hit.centre_id).unwrap();
        prop_assert!(same.slots.iter().all(|s| s.start != slot.start));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_query_is_answered_or_refused_without_panic(
        lat in prop::num::f64::ANY,
        lng in prop::num::f64::ANY,
        radius in prop::num::f64::ANY,
        nearest in any::<bool>(),
        from in -400i64..400,
        len in -5i64..40,
        limit in 0usize..300,
        slots in 0usize..60,
        rating in prop::option::of(prop::num::f32::ANY),
        price in prop::option::of(any::<i64>()),
        not_before in prop::option::of(-100_000_000i64..100_000_000),
    ) {
        let idx = index(vec![north(1, 5.0), north(2, 30.0)]);
        let first = date("2026-11-30") + chrono::Duration::days(from);
        let dates = match DateRange::new(first, first + chrono::Duration::days(len)) {
            Ok(d) => d,
            Err(e) => { prop_assert_eq!(e.code(), "INVERTED_RANGE"); return Ok(()); }
        };
        let q = SearchQuery {
            origin: GeoPoint { lat, lng },
            area: if nearest { Area::Nearest } else { Area::Radius(radius) },
            dates,
            not_before: not_before.and_then(|s| DateTime::from_timestamp(1_795_000_000 + s, 0)),
            min_rating: rating,
            max_price: price.map(Money::from_cents),
            limit,
            slots_per_centre: slots,
            ..query()
        };
        match idx.search(&q) {
            Ok(hits) => prop_assert!(hits.len() <= limit),
            Err(e) => prop_assert!(!e.code().is_empty()),
        }
    }
}

#[test]
fn a_refused_limit_is_the_fact_of_the_refusal() {
    let idx = index(vec![north(1, 5.0)]);
    let refused = idx
        .search(&SearchQuery {
            limit: 0,
            ..query()
        })
        .unwrap_err();
    assert_eq!(refused.code(), "INVALID_LIMIT");
    assert_eq!(
        refused.facts(),
        RuleFacts {
            limit: Some(0),
            ..RuleFacts::default()
        }
    );
    assert_eq!(
        SearchError::InvalidRadius(-1.0).facts(),
        RuleFacts::default()
    );
}
