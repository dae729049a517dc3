use super::*;
use crate::model::{
    AgencyId, Agreement, CentreId, Fuel, GeoPoint, Inspector, InspectorId, Price, TenantId,
    VehicleCategory,
};
use proptest::prelude::*;

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn local(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn plate(s: &str) -> Plate {
    Plate::parse(s).unwrap()
}

fn car(fuel: Fuel) -> Vehicle {
    Vehicle::new(plate("AB-123-CD"), VehicleCategory::Vp, fuel)
}

fn centre() -> Centre {
    let mut c = Centre::typical(
        CentreId::from_u128(1),
        TenantId::from_u128(1),
        AgencyId::from_u128(1),
        "CT Marseille",
        GeoPoint::new(43.3, 5.37).unwrap(),
    );
    c.inspectors = vec![Inspector::new(
        InspectorId::from_u128(1),
        "Paul",
        Agreements::of(&[Agreement::Vl]),
    )];
    c
}

fn booking(start: &str, status: BookingStatus) -> Booking {
    let start = at(start);
    Booking {
        id: BookingId::from_u128(9),
        tenant_id: TenantId::from_u128(1),
        centre_id: CentreId::from_u128(1),
        inspector_id: Some(InspectorId::from_u128(1)),
        client_id: None,
        vehicle: car(Fuel::Diesel),
        control_type: ControlType::Periodic,
        time: TimeRange::new(start, start + Duration::minutes(40)).unwrap(),
        drop_off: false,
        status,
        price: Price::ttc(7500).unwrap(),
    }
}

const NOW: &str = "2026-12-01T10:00:00Z";

#[test]
fn notice_of_exactly_two_hours_is_enough() {
    let p = BookingPolicy::default();
    assert_eq!(
        check_timing(&p, at(NOW), at("2026-12-01T12:00:00Z")),
        Ok(())
    );
    let err = check_timing(&p, at(NOW), at("2026-12-01T11:59:00Z")).unwrap_err();
    assert_eq!(
        err,
        RuleError::NoticeTooShort {
            earliest: at("2026-12-01T12:00:00Z")
        }
    );
    assert_eq!(
        check_timing(&p, at(NOW), at("2026-11-30T12:00:00Z"))
            .unwrap_err()
            .code(),
        "NOTICE_TOO_SHORT"
    );
}

#[test]
fn the_horizon_is_ninety_days_exclusive() {
    let p = BookingPolicy::default();
    assert_eq!(
        check_timing(&p, at(NOW), at("2027-03-01T09:59:00Z")),
        Ok(())
    );
    assert_eq!(
        check_timing(&p, at(NOW), at("2027-03-01T10:00:00Z"))
            .unwrap_err()
            .code(),
        "BEYOND_HORIZON"
    );
}

#[test]
fn the_centre_must_offer_the_category_and_type_with_a_qualified_inspector() {
    let mut c = centre();
    assert_eq!(
        check_offer(&c, ControlType::Periodic, &car(Fuel::Diesel)),
        Ok(())
    );
    assert_eq!(
        check_offer(&c, ControlType::Pollution, &car(Fuel::Diesel))
            .unwrap_err()
            .code(),
        "CONTROL_TYPE_NOT_OFFERED"
    );
    let camper = Vehicle::new(
        plate("AB-123-CD"),
        VehicleCategory::CampingCar,
        Fuel::Diesel,
    );
    assert_eq!(
        check_offer(&c, ControlType::Periodic, &camper)
            .unwrap_err()
            .code(),
        "CATEGORY_NOT_OFFERED"
    );
    assert_eq!(
        check_offer(&c, ControlType::Periodic, &car(Fuel::Gas))
            .unwrap_err()
            .code(),
        "NO_QUALIFIED_INSPECTOR"
    );
    c.inspectors[0].agreements = Agreements::of(&[Agreement::Vl, Agreement::Gas]);
    assert_eq!(
        check_offer(&c, ControlType::Periodic, &car(Fuel::Gas)),
        Ok(())
    );
}

#[test]
fn a_recheck_needs_a_failure_of_the_same_plate_within_two_months() {
    let p = BookingPolicy::default();
    let failed = InspectionOutcome {
        plate: plate("AB-123-CD"),
        date: "2026-12-31".parse().unwrap(),
        result: InspectionResult::Major,
    };
    let start = |s| local(s);
    let same = plate("AB-123-CD");
    assert_eq!(
        check_recheck(
            &p,
            ControlType::Recheck,
            &same,
            start("2027-02-28T09:00:00+01:00"),
            Some(&failed)
        ),
        Ok(())
    );
    let late = check_recheck(
        &p,
        ControlType::Recheck,
        &same,
        start("2027-03-01T09:00:00+01:00"),
        Some(&failed),
    );
    assert_eq!(
        late,
        Err(RuleError::RecheckWindowExpired {
            closed_on: "2027-02-28".parse().unwrap()
        })
    );
    let other = plate("ZZ-999-ZZ");
    assert_eq!(
        check_recheck(
            &p,
            ControlType::Recheck,
            &other,
            start("2027-01-05T09:00:00+01:00"),
            Some(&failed)
        )
        .unwrap_err()
        .code(),
        "NO_FAILED_INSPECTION"
    );
    let passed = InspectionOutcome {
        result: InspectionResult::Favourable,
        ..failed.clone()
    };
    assert_eq!(
        check_recheck(
            &p,
            ControlType::Recheck,
            &same,
            start("2027-01-05T09:00:00+01:00"),
            Some(&passed)
        )
        .unwrap_err()
        .code(),
        "NO_FAILED_INSPECTION"
    );
    assert_eq!(
        check_recheck(
            &p,
            ControlType::Recheck,
            &same,
            start("2027-01-05T09:00:00+01:00"),
            None
        )
        .unwrap_err()
        .code(),
        "NO_FAILED_INSPECTION"
    );
    assert_eq!(
        check_recheck(
            &p,
            ControlType::Periodic,
            &same,
            start("2027-06-05T09:00:00+02:00"),
            None
        ),
        Ok(())
    );
}

#[test]
fn a_plate_cannot_hold_two_active_bookings_at_overlapping_times() {
    let existing = [booking("2026-12-10T09:00:00Z", BookingStatus::Confirmed)];
    let same = plate("AB-123-CD");
    let overlapping =
        TimeRange::new(at("2026-12-10T09:30:00Z"), at("2026-12-10T10:10:00Z")).unwrap();
    assert_eq!(
        check_no_overlap(&same, &overlapping, &existing, None),
        Err(RuleError::VehicleAlreadyBooked(BookingId::from_u128(9)))
    );
    assert_eq!(
        check_no_overlap(
            &same,
            &overlapping,
            &existing,
            Some(BookingId::from_u128(9))
        ),
        Ok(())
    );
    let after = TimeRange::new(at("2026-12-10T09:40:00Z"), at("2026-12-10T10:20:00Z")).unwrap();
    assert_eq!(check_no_overlap(&same, &after, &existing, None), Ok(()));
    let cancelled = [booking("2026-12-10T09:00:00Z", BookingStatus::Cancelled)];
    assert_eq!(
        check_no_overlap(&same, &overlapping, &cancelled, None),
        Ok(())
    );
    assert_eq!(
        check_no_overlap(&plate("ZZ-999-ZZ"), &overlapping, &existing, None),
        Ok(())
    );
}

#[test]
fn a_new_booking_checks_offer_then_timing_then_recheck_then_overlap() {
    let p = BookingPolicy::default();
    let c = centre();
    let v = car(Fuel::Diesel);
    let request = |start: &str, control_type| BookingRequest {
        centre: &c,
        vehicle: &v,
        control_type,
        start: local(start),
    };
    let existing = [booking("2026-12-10T09:00:00Z", BookingStatus::Confirmed)];
    let history = VehicleHistory {
        last_periodic: None,
        bookings: &existing,
    };
    assert_eq!(
        check_new_booking(
            &p,
            at(NOW),
            &request("2026-12-11T10:00:00+01:00", ControlType::Periodic),
            &history
        ),
        Ok(())
    );
    let clash = check_new_booking(
        &p,
        at(NOW),
        &request("2026-12-10T10:15:00+01:00", ControlType::Periodic),
        &history,
    );
    assert_eq!(clash.unwrap_err().code(), "VEHICLE_ALREADY_BOOKED");
    let soon = check_new_booking(
        &p,
        at(NOW),
        &request("2026-12-01T11:30:00+01:00", ControlType::Recheck),
        &history,
    );
    assert_eq!(soon.unwrap_err().code(), "NOTICE_TOO_SHORT");
    let recheck = check_new_booking(
        &p,
        at(NOW),
        &request("2026-12-11T10:00:00+01:00", ControlType::Recheck),
        &history,
    );
    assert_eq!(recheck.unwrap_err().code(), "NO_FAILED_INSPECTION");
    let pollution = check_new_booking(
        &p,
        at(NOW),
        &request("2026-12-01T11:30:00+01:00", ControlType::Pollution),
        &history,
    );
    assert_eq!(pollution.unwrap_err().code(), "CONTROL_TYPE_NOT_OFFERED");
}

#[test]
fn a_booking_moves_until_24_hours_before_it() {
    let p = BookingPolicy::default();
    let b = booking("2026-12-10T09:00:00Z", BookingStatus::Confirmed);
    assert_eq!(
        check_modification(
            &p,
            at("2026-12-09T09:00:00Z"),
            &b,
            at("2026-12-12T09:00:00Z")
        ),
        Ok(())
    );
    let late = check_modification(
        &p,
        at("2026-12-09T09:00:01Z"),
        &b,
        at("2026-12-12T09:00:00Z"),
    );
    assert_eq!(
        late,
        Err(RuleError::DeadlinePassed {
            deadline: at("2026-12-09T09:00:00Z")
        })
    );
    let soon = check_modification(
        &p,
        at("2026-12-05T09:00:00Z"),
        &b,
        at("2026-12-05T10:00:00Z"),
    );
    assert_eq!(soon.unwrap_err().code(), "NOTICE_TOO_SHORT");
    let done = booking("2026-12-10T09:00:00Z", BookingStatus::Completed);
    assert_eq!(
        check_modification(&p, at(NOW), &done, at("2026-12-12T09:00:00Z"))
            .unwrap_err()
            .code(),
        "BOOKING_NOT_MODIFIABLE"
    );
}

#[test]
fn cancelling_early_refunds_everything_and_late_nothing() {
    let p = BookingPolicy::default();
    let b = booking("2026-12-10T09:00:00Z", BookingStatus::Confirmed);
    let paid = Money::from_cents(7500);
    let early = cancellation_quote(&p, at("2026-12-09T09:00:00Z"), &b, paid).unwrap();
    assert_eq!(
        (early.amount, early.percent, early.before_deadline),
        (paid, 100, true)
    );
    let late = cancellation_quote(&p, at("2026-12-09T12:00:00Z"), &b, paid).unwrap();
    assert_eq!(
        (late.amount, late.percent, late.before_deadline),
        (Money::ZERO, 0, false)
    );
    assert_eq!(
        cancellation_quote(&p, at("2026-12-10T09:00:00Z"), &b, paid)
            .unwrap_err()
            .code(),
        "DEADLINE_PASSED"
    );
    let strict = BookingPolicy {
        late_cancellation_allowed: false,
        ..p.clone()
    };
    assert_eq!(
        cancellation_quote(&strict, at("2026-12-09T12:00:00Z"), &b, paid)
            .unwrap_err()
            .code(),
        "DEADLINE_PASSED"
    );
    let half = BookingPolicy {
        refund_after_deadline_percent: 50,
        ..p
    };
    assert_eq!(
        cancellation_quote(
            &half,
            at("2026-12-09T12:00:00Z"),
            &b,
            Money::from_cents(7501)
        )
        .unwrap()
        .amount,
        Money::from_cents(3751)
    );
}

#[test]
fn a_day_of_30_takes_33_bookings_and_warns_above_27() {
    let p = BookingPolicy::default();
    assert_eq!(day_limit(&p, 30), 33);
    assert_eq!(check_drop_off(&p, 30, 32), Ok(()));
    assert_eq!(
        check_drop_off(&p, 30, 33),
        Err(RuleError::OverbookingLimitReached { limit: 33 })
    );
    assert_eq!(
        fill_level(&p, 30, 27),
        FillLevel {
            percent: 90,
            warn: false,
            full: false
        }
    );
    assert_eq!(
        fill_level(&p, 30, 28),
        FillLevel {
            percent: 93,
            warn: true,
            full: false
        }
    );
    assert!(fill_level(&p, 30, 33).full);
    assert!(fill_level(&p, 0, 0).full);
}

#[test]
fn absurd_policies_are_refused() {
    assert_eq!(BookingPolicy::default().validate(), Ok(()));
    for bad in [
        BookingPolicy {
            horizon_days: 0,
            ..Default::default()
        },
        BookingPolicy {
            refund_before_deadline_percent: 101,
            ..Default::default()
        },
        BookingPolicy {
            refund_after_deadline_percent: 100,
            refund_before_deadline_percent: 50,
            ..Default::default()
        },
        BookingPolicy {
            overbooking_percent: 90,
            ..Default::default()
        },
        BookingPolicy {
            hold_minutes: 0,
            ..Default::default()
        },
        BookingPolicy {
            recheck_window_months: 0,
            ..Default::default()
        },
    ] {
        assert_eq!(
            bad.validate().unwrap_err().code(),
            "INVALID_POLICY",
            "{bad:?}"
        );
    }
    let late = BookingPolicy {
        refund_before_deadline_percent: 50,
        refund_after_deadline_percent: 80,
        ..Default::default()
    };
    assert_eq!(
        late.check().unwrap_err().field,
        "refund_after_deadline_percent"
    );
    let hold = BookingPolicy {
        hold_minutes: 121,
        ..Default::default()
    };
    assert_eq!(hold.check().unwrap_err().field, "hold_minutes");
    let p: BookingPolicy = serde_json::from_str(r#"{"min_notice_minutes": 60}"#).unwrap();
    assert_eq!((p.min_notice_minutes, p.horizon_days), (60, 90));
    assert_eq!(p.hold_expires_at(at(NOW)), at("2026-12-01T10:10:00Z"));
}

proptest! {
    #[test]
    fn refunds_never_exceed_what_was_paid(
        paid in 0i64..1_000_000,
        hours_before in -48i64..200,
        before in 0u8..=100,
        after_share in 0u8..=100,
    ) {
        let p = BookingPolicy { refund_before_deadline_percent: before, refund_after_deadline_percent: after_share.min(before), ..Default::default() };
        let b = booking("2026-12-10T09:00:00Z", BookingStatus::Confirmed);
        let now = at("2026-12-10T09:00:00Z") - Duration::hours(hours_before);
        if let Ok(r) = cancellation_quote(&p, now, &b, Money::from_cents(paid)) {
            prop_assert!(r.amount.cents() >= 0 && r.amount.cents() <= paid);
            let d = BookingPolicy::default();
            let default = cancellation_quote(&d, now, &b, Money::from_cents(paid)).unwrap();
            prop_assert!(default.amount == Money::ZERO || default.amount.cents() == paid);
        }
    }

    #[test]
    fn an_allowed_start_is_never_before_now_plus_notice(minutes in -1000i64..200_000, notice in 0u32..2000) {
        let p = BookingPolicy { min_notice_minutes: notice, ..Default::default() };
        let start = at(NOW) + Duration::minutes(minutes);
        if check_timing(&p, at(NOW), start).is_ok() {
            prop_assert!(start >= at(NOW) + Duration::minutes(i64::from(notice)));
            prop_assert!(start < at(NOW) + Duration::days(90));
        }
    }
}

#[test]
fn each_refusal_gives_the_fact_it_carries() {
    let when = at("2026-12-01T12:00:00Z");
    let day = NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
    let id = BookingId::from_u128(9);
    let cases = [
        (
            RuleError::NoticeTooShort { earliest: when },
            RuleFacts {
                earliest: Some(when),
                ..RuleFacts::default()
            },
        ),
        (
            RuleError::BeyondHorizon { latest: when },
            RuleFacts {
                latest: Some(when),
                ..RuleFacts::default()
            },
        ),
        (
            RuleError::DeadlinePassed { deadline: when },
            RuleFacts {
                deadline: Some(when),
                ..RuleFacts::default()
            },
        ),
        (
            RuleError::RecheckWindowExpired { closed_on: day },
            RuleFacts {
                closed_on: Some(day),
                ..RuleFacts::default()
            },
        ),
        (
            RuleError::VehicleAlreadyBooked(id),
            RuleFacts {
                booking_id: Some(id),
                ..RuleFacts::default()
            },
        ),
        (
            RuleError::OverbookingLimitReached { limit: 33 },
            RuleFacts {
                limit: Some(33),
                ..RuleFacts::default()
            },
        ),
        (
            RuleError::NotModifiable(BookingStatus::Completed),
            RuleFacts {
                status: Some(BookingStatus::Completed),
                ..RuleFacts::default()
            },
        ),
    ];
    for (error, facts) in cases {
        assert_eq!(error.facts(), facts, "{}", error.code());
    }
}

#[test]
fn refusals_without_data_give_no_fact() {
    for error in [
        RuleError::NoFailedInspection,
        RuleError::CategoryNotOffered,
        RuleError::ControlTypeNotOffered,
        RuleError::NoQualifiedInspector,
        RuleError::InvalidPolicy("hold_minutes must be 1..=120"),
    ] {
        assert_eq!(error.facts(), RuleFacts::default(), "{}", error.code());
    }
}

#[test]
fn facts_serialise_only_what_is_set_with_codes_for_statuses() {
    let notice = RuleError::NoticeTooShort {
        earliest: at("2026-12-01T12:00:00Z"),
    };
    assert_eq!(
        serde_json::to_value(notice.facts()).unwrap(),
        serde_json::json!({ "earliest": "2026-12-01T12:00:00Z" })
    );
    let done = RuleError::NotModifiable(BookingStatus::NoShow);
    assert_eq!(
        serde_json::to_value(done.facts()).unwrap(),
        serde_json::json!({ "status": "no_show" })
    );
    assert_eq!(
        serde_json::to_value(RuleFacts::default()).unwrap(),
        serde_json::json!({})
    );
}

#[test]
fn a_refusal_from_a_check_carries_its_fact() {
    let policy = BookingPolicy::default();
    let error = check_timing(&policy, at(NOW), at("2026-12-01T11:00:00Z")).unwrap_err();
    assert_eq!(error.facts().earliest, Some(at("2026-12-01T12:00:00Z")));
}
