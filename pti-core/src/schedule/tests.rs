use super::*;
use crate::model::{
    AgencyId, Agreement, Agreements, CentreId, GeoPoint, Inspector, InspectorId, TenantId,
};
use chrono::{NaiveDate, NaiveDateTime, Timelike};
use proptest::prelude::*;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn centre() -> Centre {
    Centre::typical(
        CentreId::from_u128(1),
        TenantId::from_u128(1),
        AgencyId::from_u128(1),
        "CT Paris 11",
        GeoPoint::new(48.857, 2.38).unwrap(),
    )
}

fn period(rule: &str, dtstart: &str, minutes: u32) -> RecurringPeriod {
    RecurringPeriod {
        rrule: rule.into(),
        dtstart: dtstart.parse().unwrap(),
        duration_minutes: minutes,
    }
}

fn paris(first: &str, days: u32) -> Horizon {
    Horizon::new(chrono_tz::Europe::Paris, date(first), days).unwrap()
}

fn local_times(slots: &[Slot]) -> Vec<String> {
    slots.iter().map(|s| s.start.to_rfc3339()).collect()
}

#[test]
fn a_typical_weekday_has_32_slots_of_35_minutes_and_saturday_14() {
    let c = centre();
    let monday = generate_slots(&c, &paris("2026-11-30", 1), 35).unwrap();
    assert_eq!(monday.len(), 14 + 18);
    assert_eq!(monday[0].start.to_rfc3339(), "2026-11-30T08:00:00+01:00");
    assert_eq!(monday[13].start.to_rfc3339(), "2026-11-30T11:15:00+01:00");
    assert_eq!(monday[13].end.to_rfc3339(), "2026-11-30T11:50:00+01:00");
    assert_eq!(monday[31].start.to_rfc3339(), "2026-11-30T18:15:00+01:00");
    let saturday = generate_slots(&c, &paris("2026-12-05", 1), 35).unwrap();
    assert_eq!(saturday.len(), 14);
    let sunday = generate_slots(&c, &paris("2026-12-06", 1), 35).unwrap();
    assert!(sunday.is_empty());
}

#[test]
fn dst_days_lose_and_double_no_slot() {
    let mut c = centre();
    c.holidays.closed_on_public_holidays = false;
    c.opening_hours = vec![period("FREQ=DAILY", "2027-01-01T08:00:00", 240)];
    for (first, before, after) in [
        ("2027-03-27", "+01:00", "+02:00"),
        ("2027-10-30", "+02:00", "+01:00"),
    ] {
        let h = paris(first, 3);
        let slots = generate_slots(&c, &h, 30).unwrap();
        assert_eq!(slots.len(), 3 * 15, "{first}");
        for (i, day) in slots.chunks(15).enumerate() {
            let starts: Vec<String> = day
                .iter()
                .map(|s| s.start.format("%H:%M").to_string())
                .collect();
            assert_eq!(starts[0], "08:00");
            assert_eq!(starts[14], "11:30");
            let offset = if i == 0 { before } else { after };
            assert!(
                day.iter().all(|s| s.start.to_rfc3339().ends_with(offset)),
                "{first} day {i}"
            );
        }
    }
}

#[test]
fn an_hourly_rule_through_the_night_shifts_the_gap_and_counts_the_fold_once() {
    let mut c = centre();
    c.holidays.closed_on_public_holidays = false;
    c.grid_minutes = 60;
    c.opening_hours = vec![period(
        "FREQ=DAILY;BYHOUR=0,1,2,3,4",
        "2027-01-01T00:00:00",
        60,
    )];
    let spring = generate_slots(&c, &paris("2027-03-28", 1), 60).unwrap();
    assert_eq!(
        local_times(&spring),
        [
            "2027-03-28T00:00:00+01:00",
            "2027-03-28T01:00:00+01:00",
            "2027-03-28T03:00:00+02:00",
            "2027-03-28T04:00:00+02:00"
        ]
    );
    let autumn = generate_slots(&c, &paris("2027-10-31", 1), 60).unwrap();
    let times = local_times(&autumn);
    assert_eq!(times.len(), 5, "{times:?}");
    assert_eq!(times[2], "2027-10-31T02:00:00+02:00");
    assert!(
        times
            .iter()
            .all(|t| times.iter().filter(|u| *u == t).count() == 1)
    );
}

#[test]
fn public_holidays_close_the_centre_unless_it_opts_out() {
    let mut c = centre();
    assert!(
        generate_slots(&c, &paris("2026-12-25", 1), 35)
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        generate_slots(&c, &paris("2026-12-26", 1), 35)
            .unwrap()
            .len(),
        14
    );
    c.holidays.alsace_moselle = true;
    assert!(
        generate_slots(&c, &paris("2026-12-26", 1), 35)
            .unwrap()
            .is_empty()
    );
    c.holidays.closed_on_public_holidays = false;
    assert_eq!(
        generate_slots(&c, &paris("2026-12-25", 1), 35)
            .unwrap()
            .len(),
        32
    );
}

#[test]
fn closures_and_blocks_remove_slots() {
    let mut c = centre();
    c.closures = vec![DateRange::new(date("2026-12-01"), date("2026-12-02")).unwrap()];
    let t = |s: &str| s.parse::<chrono::DateTime<chrono::Utc>>().unwrap();
    c.blocks = vec![TimeRange::new(t("2026-12-03T09:00:00Z"), t("2026-12-03T10:00:00Z")).unwrap()];
    let h = paris("2026-11-30", 4);
    let slots = generate_slots(&c, &h, 30).unwrap();
    let on = |d: &str| {
        slots
            .iter()
            .filter(|s| s.start.date_naive() == date(d))
            .count()
    };
    assert_eq!(on("2026-11-30"), 15 + 19);
    assert_eq!(on("2026-12-01"), 0);
    assert_eq!(on("2026-12-02"), 0);
    // Blocked 10:00–11:00 local: the five starts from 09:45 to 10:45 would overlap it.
    assert_eq!(on("2026-12-03"), 34 - 5);
}

#[test]
fn inspector_shifts_are_cut_by_opening_hours_and_leave() {
    let c = centre();
    let h = paris("2026-11-30", 7);
    let open = centre_open_spans(&c, &h).unwrap();
    let mut inspector = Inspector::new(
        InspectorId::from_u128(7),
        "Marie",
        Agreements::of(&[Agreement::Vl]),
    );
    inspector.shifts = vec![period(
        "FREQ=WEEKLY;BYDAY=MO,TU,WE",
        "2026-01-05T07:00:00",
        6 * 60,
    )];
    inspector.leave = vec![DateRange::day(date("2026-12-01"))];
    let spans = inspector_spans(&inspector, &open, &h).unwrap();
    let slots = slots_in(&spans, &h, 15, 15).unwrap();
    let days: std::collections::BTreeSet<NaiveDate> =
        slots.iter().map(|s| s.start.date_naive()).collect();
    assert_eq!(
        days.into_iter().collect::<Vec<_>>(),
        [date("2026-11-30"), date("2026-12-02")]
    );
    assert!(
        slots
            .iter()
            .all(|s| s.start.hour() >= 8 && s.end.hour() <= 12)
    );
}

#[test]
fn the_anchor_rule_gives_dateutils_1040_slots() {
    let mut c = centre();
    c.holidays.closed_on_public_holidays = false;
    c.grid_minutes = 30;
    c.opening_hours = vec![period(
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8,9,10,11,14,15,16,17;BYMINUTE=0,30",
        "2026-11-30T08:00:00",
        30,
    )];
    let slots = generate_slots(&c, &paris("2026-11-30", 90), 30).unwrap();
    assert_eq!(slots.len(), 1040);
    assert_eq!(slots[0].start.to_rfc3339(), "2026-11-30T08:00:00+01:00");
    assert_eq!(slots[1039].start.to_rfc3339(), "2027-02-26T17:30:00+01:00");
    let across_dst = generate_slots(&c, &paris("2027-03-01", 90), 30).unwrap();
    assert_eq!(across_dst.len(), 1040);
    assert_eq!(
        across_dst[1039].start.to_rfc3339(),
        "2027-05-28T17:30:00+02:00"
    );
}

#[test]
fn bad_input_gives_typed_errors() {
    let h = paris("2026-11-30", 7);
    let mut c = centre();
    c.opening_hours = vec![period("FREQ=SOMETIMES", "2026-01-05T08:00:00", 60)];
    assert_eq!(
        generate_slots(&c, &h, 30).unwrap_err().code(),
        "INVALID_RRULE"
    );
    c.opening_hours = vec![period("FREQ=DAILY", "2026-01-05T08:00:00", 0)];
    assert_eq!(
        generate_slots(&c, &h, 30).unwrap_err().code(),
        "INVALID_DURATION"
    );
    c.opening_hours = vec![period(
        "DTSTART:20260105T080000\nRRULE:FREQ=DAILY",
        "2026-01-05T08:00:00",
        60,
    )];
    assert_eq!(
        generate_slots(&c, &h, 30).unwrap_err().code(),
        "INVALID_RRULE"
    );
    let c = centre();
    assert_eq!(
        generate_slots(&c, &h, 0).unwrap_err().code(),
        "INVALID_DURATION"
    );
    assert_eq!(slots_in(&[], &h, 7, 30).unwrap_err().code(), "INVALID_GRID");
    assert_eq!(
        parse_time_zone("Europe/Atlantis").unwrap_err().code(),
        "UNKNOWN_TIME_ZONE"
    );
    assert_eq!(
        Horizon::new(chrono_tz::UTC, date("2026-01-01"), 0)
            .unwrap_err()
            .code(),
        "INVALID_HORIZON"
    );
}

#[test]
fn rules_outside_the_fast_path_still_expand() {
    let p = period("FREQ=MONTHLY;BYDAY=1SA", "2026-01-03T09:00:00", 120);
    let compiled = CompiledPeriod::compile(&p, chrono_tz::Europe::Paris).unwrap();
    assert!(!compiled.is_fast());
    let spans = compiled.expand(&paris("2026-11-30", 90)).unwrap();
    let h = paris("2026-11-30", 90);
    let days: Vec<String> = spans
        .iter()
        .map(|s| h.local(s.start).to_rfc3339())
        .collect();
    assert_eq!(
        days,
        [
            "2026-12-05T09:00:00+01:00",
            "2027-01-02T09:00:00+01:00",
            "2027-02-06T09:00:00+01:00"
        ]
    );
}

fn weekday_list() -> impl Strategy<Value = String> {
    prop::sample::subsequence(vec!["MO", "TU", "WE", "TH", "FR", "SA", "SU"], 0..=7)
        .prop_map(|v| v.join(","))
}

prop_compose! {
    fn simple_rule()(
        weekly in any::<bool>(),
        days in weekday_list(),
        interval in 1u16..4,
        hours in prop::sample::subsequence(vec![0u8, 1, 2, 3, 6, 8, 9, 12, 14, 17, 23], 1..4),
        minutes in prop::sample::subsequence(vec![0u8, 15, 30, 45], 1..3),
        until_day in prop::option::of(0u32..90),
    ) -> String {
        let freq = if weekly { "WEEKLY" } else { "DAILY" };
        let mut rule = format!("FREQ={freq};INTERVAL={interval}");
        if !days.is_empty() { rule += &format!(";BYDAY={days}"); }
        let join = |v: &[u8]| v.iter().map(u8::to_string).collect::<Vec<_>>().join(",");
        rule += &format!(";BYHOUR={};BYMINUTE={}", join(&hours), join(&minutes));
        if let Some(d) = until_day {
            let until = date("2027-03-05") + chrono::Days::new(u64::from(d));
            rule += &format!(";UNTIL={}T120000Z", until.format("%Y%m%d"));
        }
        rule
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_fast_path_agrees_with_the_rrule_crate(
        rule in simple_rule(),
        start_offset in 0u64..60,
        window_offset in 0u64..400,
        zone in prop::sample::select(vec![chrono_tz::Europe::Paris, chrono_tz::Indian::Reunion, chrono_tz::America::Guadeloupe, chrono_tz::Pacific::Noumea]),
    ) {
        let dtstart: NaiveDateTime = (date("2027-01-04") + chrono::Days::new(start_offset)).and_hms_opt(8, 0, 0).unwrap();
        let p = RecurringPeriod { rrule: rule, dtstart, duration_minutes: 30 };
        let fast = CompiledPeriod::compile(&p, zone).unwrap();
        prop_assert!(fast.is_fast());
        let generic = fast.clone().without_fast_path();
        prop_assert!(!generic.is_fast());
        let h = Horizon::new(zone, date("2026-12-01") + chrono::Days::new(window_offset), 60).unwrap();
        prop_assert_eq!(normalize(fast.expand(&h).unwrap()), normalize(generic.expand(&h).unwrap()));
    }

    #[test]
    fn every_slot_lies_in_opening_hours_and_off_closed_days(
        first in 0u64..730,
        closure_start in 0u64..30,
        closure_len in 0u64..5,
        duration in prop::sample::select(vec![20u32, 25, 30, 32, 35, 38, 40, 45, 50]),
        grid in prop::sample::select(vec![5u16, 10, 15, 20, 30]),
        alsace in any::<bool>(),
    ) {
        let mut c = centre();
        c.grid_minutes = grid;
        c.holidays.alsace_moselle = alsace;
        let first = date("2026-01-01") + chrono::Days::new(first);
        let closed = DateRange::new(first + chrono::Days::new(closure_start), first + chrono::Days::new(closure_start + closure_len)).unwrap();
        c.closures = vec![closed];
        let h = Horizon::new(c.time_zone, first, 35).unwrap();
        let slots = generate_slots(&c, &h, duration).unwrap();
        for s in &slots {
            let day = s.start.date_naive();
            prop_assert_eq!(s.end.date_naive(), day);
            let (from, to) = (s.start.time(), s.end.time());
            let minute = |t: chrono::NaiveTime| t.hour() * 60 + t.minute();
            prop_assert_eq!(minute(from) % u32::from(grid), 0);
            let weekday = day.weekday().num_days_from_monday();
            let inside = match weekday {
                0..=4 => (minute(from) >= 480 && minute(to) <= 720) || (minute(from) >= 840 && minute(to) <= 1140),
                5 => minute(from) >= 480 && minute(to) <= 720,
                _ => false,
            };
            prop_assert!(inside, "{:?}", s);
            prop_assert!(!closed.contains(day));
            prop_assert!(holiday_on(day, alsace).is_none());
            prop_assert_eq!((s.end - s.start).num_minutes(), i64::from(duration));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn inspector_slots_avoid_leave_and_blocks_and_stay_in_shift_and_opening_hours(
        leave_start in 0u64..20,
        leave_len in 0u64..4,
        block_day in 0u64..20,
        block_hour in 8u32..18,
        shift_hour in 6u32..16,
    ) {
        let c = centre();
        let first = date("2027-03-15");
        let h = Horizon::new(c.time_zone, first, 21).unwrap();
        let open = centre_open_spans(&c, &h).unwrap();
        let mut inspector = Inspector::new(InspectorId::from_u128(7), "Lina", Agreements::of(&[Agreement::Vl]));
        inspector.shifts = vec![period("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA", &format!("2027-01-04T{shift_hour:02}:00:00"), 6 * 60)];
        let leave = DateRange::new(first + chrono::Days::new(leave_start), first + chrono::Days::new(leave_start + leave_len)).unwrap();
        inspector.leave = vec![leave];
        let block_start = h.to_utc(block_day as usize, block_hour * 3600).unwrap();
        let block = TimeRange::new(
            chrono::DateTime::from_timestamp(block_start, 0).unwrap(),
            chrono::DateTime::from_timestamp(block_start + 3600, 0).unwrap(),
        ).unwrap();
        inspector.blocks = vec![block];
        let spans = inspector_spans(&inspector, &open, &h).unwrap();
        for s in slots_in(&spans, &h, 15, 30).unwrap() {
            prop_assert!(!leave.contains(s.start.date_naive()));
            let (start, end) = (s.start.timestamp(), s.end.timestamp());
            prop_assert!(end <= block_start || start >= block_start + 3600, "{:?} overlaps the block", s);
            let minute = |t: chrono::DateTime<chrono::FixedOffset>| t.hour() * 60 + t.minute();
            prop_assert!(minute(s.start) >= shift_hour * 60 && minute(s.end) <= (shift_hour + 6) * 60);
            prop_assert!(open.iter().any(|o| o.start <= start && end <= o.end));
        }
    }
}
