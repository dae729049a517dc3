use super::*;
use crate::model::{AgencyId, Agreement, Fuel, GeoPoint, Inspector, TenantId, VehicleCategory};
use chrono::TimeZone;
use proptest::prelude::*;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn vl() -> Agreements {
    Agreements::of(&[Agreement::Vl])
}

fn centre(inspectors: usize) -> Centre {
    let mut c = Centre::typical(
        CentreId::from_u128(1),
        TenantId::from_u128(1),
        AgencyId::from_u128(1),
        "CT Lyon 3",
        GeoPoint::new(45.76, 4.85).unwrap(),
    );
    c.inspectors = (0..inspectors)
        .map(|i| {
            Inspector::new(
                InspectorId::from_u128(100 + i as u128),
                &format!("Inspecteur {i}"),
                vl(),
            )
        })
        .collect();
    c
}

fn need(minutes: u32) -> Need {
    Need {
        duration_minutes: minutes,
        agreements: vl(),
    }
}

fn index(c: &Centre) -> CentreAvailability {
    CentreAvailability::build(c, date("2026-11-30"), 14, &[])
        .unwrap()
        .0
}

fn week(idx: &CentreAvailability, n: &Need, filter: TimeFilter) -> Vec<FreeSlot> {
    idx.first_free(
        at("2026-11-30T00:00:00+01:00"),
        at("2026-12-07T00:00:00+01:00"),
        n,
        filter,
        10_000,
    )
}

fn starts(slots: &[FreeSlot]) -> Vec<String> {
    slots.iter().map(|s| s.start.to_rfc3339()).collect()
}

#[test]
fn a_booked_slot_is_not_offered_again_and_release_restores_it() {
    let c = centre(1);
    let mut idx = index(&c);
    let before = week(&idx, &need(35), TimeFilter::default());
    assert_eq!(before.len(), 5 * 32 + 14);
    let p = idx
        .book(
            BookingId::from_u128(1),
            at("2026-11-30T09:00:00+01:00"),
            &need(35),
        )
        .unwrap();
    assert_eq!(p.inspector_id, InspectorId::from_u128(100));
    let after = starts(&week(&idx, &need(35), TimeFilter::default()));
    // 09:00 takes 09:00–09:45; 08:30 and 08:45 would run into it.
    for gone in [
        "2026-11-30T08:30:00+01:00",
        "2026-11-30T08:45:00+01:00",
        "2026-11-30T09:00:00+01:00",
        "2026-11-30T09:30:00+01:00",
    ] {
        assert!(!after.contains(&gone.to_string()), "{gone}");
    }
    assert!(after.contains(&"2026-11-30T09:45:00+01:00".to_string()));
    assert_eq!(after.len(), before.len() - 5);
    let err = idx
        .book(
            BookingId::from_u128(2),
            at("2026-11-30T09:15:00+01:00"),
            &need(35),
        )
        .unwrap_err();
    assert_eq!(err.code(), "SLOT_TAKEN");
    idx.release(BookingId::from_u128(1)).unwrap();
    assert_eq!(week(&idx, &need(35), TimeFilter::default()), before);
}

#[test]
fn the_least_loaded_inspector_gets_the_booking_ties_to_the_smallest_id() {
    let c = centre(3);
    let mut idx = index(&c);
    let book = |idx: &mut CentreAvailability, id: u128, t: &str| {
        idx.book(BookingId::from_u128(id), at(t), &need(30))
            .unwrap()
            .inspector_id
    };
    assert_eq!(
        book(&mut idx, 1, "2026-11-30T08:00:00+01:00"),
        InspectorId::from_u128(100)
    );
    assert_eq!(
        book(&mut idx, 2, "2026-11-30T10:00:00+01:00"),
        InspectorId::from_u128(101)
    );
    assert_eq!(
        book(&mut idx, 3, "2026-11-30T10:00:00+01:00"),
        InspectorId::from_u128(102)
    );
    // Two lanes: a third inspection at 10:00 has no lane although inspector 100 is free.
    let full = idx
        .book(
            BookingId::from_u128(4),
            at("2026-11-30T10:00:00+01:00"),
            &need(30),
        )
        .unwrap_err();
    assert_eq!(full.code(), "SLOT_TAKEN");
    assert_eq!(
        idx.capacity_at(at("2026-11-30T10:00:00+01:00"), &need(30)),
        0
    );
    // 101 and 102 are free at 08:00 but one of the two lanes is in use.
    assert_eq!(
        idx.capacity_at(at("2026-11-30T08:00:00+01:00"), &need(30)),
        1
    );
    assert_eq!(
        idx.capacity_at(at("2026-11-30T09:00:00+01:00"), &need(30)),
        2
    );
    // Everyone has one booking that day: the tie goes to the smallest id.
    assert_eq!(
        book(&mut idx, 5, "2026-11-30T14:00:00+01:00"),
        InspectorId::from_u128(100)
    );
    assert_eq!(idx.bookings_on(date("2026-11-30")), 4);
}

#[test]
fn gas_vehicles_go_only_to_inspectors_with_the_gas_agreement() {
    let mut c = centre(2);
    c.inspectors[1].agreements = Agreements::of(&[Agreement::Vl, Agreement::Gas]);
    let mut idx = index(&c);
    let gas = Need {
        duration_minutes: 50,
        agreements: Agreements::required_for(VehicleCategory::Vp, Fuel::Gas),
    };
    let p = idx
        .book(
            BookingId::from_u128(1),
            at("2026-11-30T08:00:00+01:00"),
            &gas,
        )
        .unwrap();
    assert_eq!(p.inspector_id, InspectorId::from_u128(101));
    let err = idx
        .book(
            BookingId::from_u128(2),
            at("2026-11-30T08:00:00+01:00"),
            &gas,
        )
        .unwrap_err();
    assert_eq!(err.code(), "SLOT_TAKEN");
    let moto = Need {
        duration_minutes: 30,
        agreements: Agreements::required_for(VehicleCategory::L, Fuel::Petrol),
    };
    assert_eq!(
        idx.book(
            BookingId::from_u128(3),
            at("2026-11-30T08:00:00+01:00"),
            &moto
        )
        .unwrap_err()
        .code(),
        "NO_QUALIFIED_INSPECTOR"
    );
    assert!(week(&idx, &moto, TimeFilter::default()).is_empty());
}

#[test]
fn starts_off_the_grid_or_outside_hours_are_refused() {
    let mut idx = index(&centre(1));
    for t in [
        "2026-11-30T08:05:00+01:00",
        "2026-12-06T10:00:00+01:00",
        "2026-11-30T12:00:00+01:00",
        "2026-11-30T11:30:00+01:00",
        "2027-06-01T10:00:00+02:00",
    ] {
        let err = idx
            .book(BookingId::from_u128(1), at(t), &need(35))
            .unwrap_err();
        assert_eq!(err.code(), "OUTSIDE_OPENING_HOURS", "{t}");
    }
    assert_eq!(
        idx.release(BookingId::from_u128(9)).unwrap_err().code(),
        "UNKNOWN_BOOKING"
    );
    idx.book(
        BookingId::from_u128(1),
        at("2026-11-30T08:00:00+01:00"),
        &need(35),
    )
    .unwrap();
    let dup = idx
        .book(
            BookingId::from_u128(1),
            at("2026-11-30T14:00:00+01:00"),
            &need(35),
        )
        .unwrap_err();
    assert_eq!(dup.code(), "DUPLICATE_BOOKING");
    assert_eq!(
        idx.book(
            BookingId::from_u128(2),
            at("2026-11-30T14:00:00+01:00"),
            &need(0)
        )
        .unwrap_err()
        .code(),
        "INVALID_DURATION"
    );
}

#[test]
fn the_buffer_keeps_time_free_after_each_booking() {
    let mut c = centre(1);
    c.buffer_minutes = 10;
    let mut idx = index(&c);
    idx.book(
        BookingId::from_u128(1),
        at("2026-11-30T09:00:00+01:00"),
        &need(35),
    )
    .unwrap();
    // 09:00 + 35 + 10 = 09:45: the next start is 09:45; 08:15 + 35 + 10 = 09:00 fits before.
    let day = starts(&idx.first_free(
        at("2026-11-30T08:00:00+01:00"),
        at("2026-11-30T10:00:00+01:00"),
        &need(35),
        TimeFilter::default(),
        20,
    ));
    assert_eq!(
        day,
        [
            "2026-11-30T08:00:00+01:00",
            "2026-11-30T08:15:00+01:00",
            "2026-11-30T09:45:00+01:00"
        ]
    );
    // The last slot of a morning still fits: its buffer may run past closing time.
    assert!(
        idx.book(
            BookingId::from_u128(2),
            at("2026-11-30T11:15:00+01:00"),
            &need(35)
        )
        .is_ok()
    );
}

#[test]
fn time_filters_pick_mornings_afternoons_and_saturdays() {
    let idx = index(&centre(1));
    let morning = week(
        &idx,
        &need(30),
        TimeFilter {
            part: DayPart::Morning,
            saturday_only: false,
        },
    );
    assert_eq!(morning.len(), 6 * 15);
    assert!(
        morning
            .iter()
            .all(|s| s.start.format("%H").to_string().as_str() < "12")
    );
    let afternoon = week(
        &idx,
        &need(30),
        TimeFilter {
            part: DayPart::Afternoon,
            saturday_only: false,
        },
    );
    assert_eq!(afternoon.len(), 5 * 19);
    let saturday = week(
        &idx,
        &need(30),
        TimeFilter {
            part: DayPart::Any,
            saturday_only: true,
        },
    );
    assert_eq!(saturday.len(), 15);
    assert!(saturday.iter().all(|s| s.start.weekday() == Weekday::Sat));
}

#[test]
fn existing_bookings_are_placed_and_the_ones_that_no_longer_fit_reported() {
    let mut c = centre(1);
    let existing = [
        ExistingBooking {
            booking_id: BookingId::from_u128(1),
            inspector_id: InspectorId::from_u128(100),
            start: at("2026-11-30T08:00:00+01:00"),
            duration_minutes: 35,
        },
        ExistingBooking {
            booking_id: BookingId::from_u128(2),
            inspector_id: InspectorId::from_u128(100),
            start: at("2026-12-01T08:00:00+01:00"),
            duration_minutes: 35,
        },
    ];
    c.inspectors[0].leave = vec![crate::model::DateRange::day(date("2026-12-01"))];
    let (idx, displaced) =
        CentreAvailability::build(&c, date("2026-11-30"), 14, &existing).unwrap();
    assert_eq!(displaced, [BookingId::from_u128(2)]);
    assert_eq!(idx.booking_count(), 2);
    assert_eq!(
        idx.capacity_at(at("2026-11-30T08:00:00+01:00"), &need(35)),
        0
    );
    assert_eq!(
        idx.capacity_at(at("2026-11-30T08:45:00+01:00"), &need(35)),
        1
    );
}

#[test]
fn free_days_count_starts_per_day() {
    let idx = index(&centre(1));
    let days = idx.free_days(date("2026-12-04"), date("2026-12-06"), &need(35));
    assert_eq!(
        days,
        [
            (date("2026-12-04"), 32),
            (date("2026-12-05"), 14),
            (date("2026-12-06"), 0)
        ]
    );
}

/// A naive model: the same answer computed by brute force from the schedule's spans.
fn naive_free(
    c: &Centre,
    idx: &CentreAvailability,
    booked: &[(usize, i64, u32)],
    n: &Need,
) -> Vec<i64> {
    let h = idx.horizon();
    let open = schedule::centre_open_spans(c, h).unwrap();
    let grid = i64::from(c.grid_minutes) * 60;
    let cells = |m: u32| (i64::from(m) * 60 + grid - 1) / grid * grid;
    let (fit, occ) = (
        cells(n.duration_minutes),
        cells(n.duration_minutes + u32::from(c.buffer_minutes)),
    );
    let (from, to) = h.bounds();
    let mut out = Vec::new();
    let mut t = from;
    while t < to {
        let lanes_used = |cell: i64| {
            booked
                .iter()
                .filter(|(_, s, m)| *s <= cell && cell < s + cells(*m))
                .count()
        };
        let lanes_ok = (0..fit / grid).all(|k| lanes_used(t + k * grid) < usize::from(c.lanes));
        let any = c.inspectors.iter().enumerate().any(|(i, insp)| {
            let spans = schedule::inspector_spans(insp, &open, h).unwrap();
            let works = spans.iter().any(|s| s.start <= t && t + fit <= s.end);
            let clear = booked.iter().filter(|(j, _, _)| *j == i).all(|(_, s, m)| {
                let b_end = s + cells(*m + u32::from(c.buffer_minutes));
                t + occ <= *s || b_end <= t
            });
            insp.agreements.covers(n.agreements) && works && clear
        });
        if any && lanes_ok {
            out.push(t);
        }
        t += grid;
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_index_agrees_with_a_brute_force_model(
        inspectors in 1usize..4,
        lanes in 1u8..3,
        buffer in prop::sample::select(vec![0u16, 5, 10]),
        ops in prop::collection::vec((0usize..400, prop::sample::select(vec![20u32, 30, 35, 40, 50]), any::<bool>()), 1..40),
    ) {
        let mut c = centre(inspectors);
        c.lanes = lanes;
        c.buffer_minutes = buffer;
        let (mut idx, _) = CentreAvailability::build(&c, date("2026-11-30"), 3, &[]).unwrap();
        let (from, to) = idx.horizon().bounds();
        let all = |idx: &CentreAvailability, n: &Need| -> Vec<i64> {
            idx.first_free(Utc.timestamp_opt(from, 0).unwrap(), Utc.timestamp_opt(to, 0).unwrap(), n, TimeFilter::default(), usize::MAX)
                .iter().map(|s| s.start.timestamp()).collect()
        };
        let empty: Vec<Vec<i64>> = [20u32, 35].iter().map(|m| all(&idx, &need(*m))).collect();
        let mut live: Vec<(BookingId, usize, i64, u32)> = Vec::new();
        for (k, (pick, minutes, release)) in ops.into_iter().enumerate() {
            if release && !live.is_empty() {
                let (id, ..) = live.remove(pick % live.len());
                idx.release(id).unwrap();
            } else {
                let offered = all(&idx, &need(minutes));
                if offered.is_empty() { continue; }
                let t = offered[pick % offered.len()];
                let id = BookingId::from_u128(k as u128 + 1);
                let p = idx.book(id, Utc.timestamp_opt(t, 0).unwrap(), &need(minutes)).unwrap();
                let track = c.inspectors.iter().position(|i| i.id == p.inspector_id).unwrap();
                live.push((id, track, t, minutes));
                prop_assert!(!all(&idx, &need(minutes)).contains(&t) || idx.capacity_at(p.start, &need(minutes)) > 0);
            }
            let booked: Vec<(usize, i64, u32)> = live.iter().map(|(_, i, t, m)| (*i, *t, *m)).collect();
            for m in [20u32, 35] {
                prop_assert_eq!(all(&idx, &need(m)), naive_free(&c, &idx, &booked, &need(m)));
            }
        }
        for (id, ..) in live {
            idx.release(id).unwrap();
        }
        let restored: Vec<Vec<i64>> = [20u32, 35].iter().map(|m| all(&idx, &need(*m))).collect();
        prop_assert_eq!(restored, empty);
    }
}

#[test]
fn a_centre_booking_reads_flat_and_places_as_an_existing_booking() {
    let flat = r#"{"centre_id": "00000000-0000-0000-0000-000000000001",
        "booking_id": "00000000-0000-0000-0000-0000000000b1",
        "inspector_id": "00000000-0000-0000-0000-000000000064",
        "start": "2026-12-03T08:00:00+01:00", "duration_minutes": 35}"#;
    let read: CentreBooking = serde_json::from_str(flat).unwrap();
    assert_eq!(read.centre_id, CentreId::from_u128(1));
    assert_eq!(
        read.booking(),
        ExistingBooking {
            booking_id: BookingId::from_u128(0xb1),
            inspector_id: InspectorId::from_u128(100),
            start: at("2026-12-03T07:00:00Z"),
            duration_minutes: 35,
        }
    );
    let missing = flat.replace(r#""duration_minutes": 35"#, r#""minutes": 35"#);
    let error = serde_json::from_str::<CentreBooking>(&missing).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("missing field `duration_minutes`"),
        "{error}"
    );
}

#[test]
fn a_refused_start_or_id_is_the_fact_of_the_refusal() {
    let mut idx = index(&centre(1));
    let start = at("2026-11-30T08:05:00+01:00");
    let off_grid = idx
        .book(BookingId::from_u128(1), start, &need(35))
        .unwrap_err();
    assert_eq!(
        off_grid.facts(),
        RuleFacts {
            start: Some(start),
            ..RuleFacts::default()
        }
    );
    let unknown = idx.release(BookingId::from_u128(9)).unwrap_err();
    assert_eq!(unknown.facts().booking_id, Some(BookingId::from_u128(9)));
    let inspector = AvailabilityError::UnknownInspector(InspectorId::from_u128(5));
    assert_eq!(
        inspector.facts().inspector_id,
        Some(InspectorId::from_u128(5))
    );
    assert_eq!(
        AvailabilityError::NoQualifiedInspector.facts(),
        RuleFacts::default()
    );
}
