//! Runs the conformance vectors of `tests/vectors/` (plates, slots, search) against the engine.
//! The Python and Node bindings run the same files.

use chrono::{DateTime, NaiveDate, Utc};
use pti_core::Coded;
use pti_core::availability::{CentreAvailability, Need};
use pti_core::model::{Agreements, BookingId, Centre, CentreId, Plate};
use pti_core::schedule::{self, Horizon};
use pti_core::search::{SearchIndex, SearchQuery};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

fn load(name: &str) -> Value {
    let path = format!("{}/../tests/vectors/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn cases(file: &Value) -> &Vec<Value> {
    file["cases"].as_array().expect("cases")
}

#[test]
fn plates() {
    let file = load("plates.json");
    for case in cases(&file) {
        let name = case["name"].as_str().unwrap_or_default();
        let input = case["input"].as_str().expect("input");
        let expected = &case["expected"];
        match Plate::parse(input) {
            Ok(plate) => {
                assert_eq!(expected["ok"].as_str(), Some(plate.as_str()), "{name}");
                let format = serde_json::to_value(plate.format()).unwrap();
                assert_eq!(expected["format"], format, "{name}");
            }
            Err(e) => assert_eq!(expected["error"].as_str(), Some(e.code()), "{name}: {e}"),
        }
    }
}

#[derive(Deserialize)]
struct SlotInput {
    centre: Centre,
    first_day: NaiveDate,
    days: u32,
    duration_minutes: u32,
}

fn generate(input: &SlotInput) -> Result<Vec<String>, String> {
    let horizon = Horizon::new(input.centre.time_zone, input.first_day, input.days)
        .map_err(|e| e.code().to_string())?;
    let slots = schedule::generate_slots(&input.centre, &horizon, input.duration_minutes)
        .map_err(|e| e.code().to_string())?;
    Ok(slots.iter().map(|s| s.start.to_rfc3339()).collect())
}

#[test]
fn slots() {
    let file = load("slots.json");
    for case in cases(&file) {
        let name = case["name"].as_str().unwrap_or_default();
        let input: SlotInput =
            serde_json::from_value(case["input"].clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let expected = &case["expected"];
        let starts = match generate(&input) {
            Ok(starts) => starts,
            Err(code) => {
                assert_eq!(expected["error"].as_str(), Some(code.as_str()), "{name}");
                continue;
            }
        };
        assert!(
            expected.get("error").is_none(),
            "{name}: expected an error, got {} slots",
            starts.len()
        );
        if let Some(count) = expected["count"].as_u64() {
            assert_eq!(starts.len() as u64, count, "{name}");
        }
        if let Some(list) = expected["slots"].as_array() {
            let want: Vec<&str> = list.iter().filter_map(Value::as_str).collect();
            assert_eq!(starts, want, "{name}");
        }
        if let Some(first) = expected["first"].as_str() {
            assert_eq!(starts.first().map(String::as_str), Some(first), "{name}");
        }
        if let Some(last) = expected["last"].as_str() {
            assert_eq!(starts.last().map(String::as_str), Some(last), "{name}");
        }
        if let Some(end) = expected["last_end"].as_str() {
            let horizon =
                Horizon::new(input.centre.time_zone, input.first_day, input.days).unwrap();
            let slots =
                schedule::generate_slots(&input.centre, &horizon, input.duration_minutes).unwrap();
            assert_eq!(
                slots.last().map(|s| s.end.to_rfc3339()),
                Some(end.to_string()),
                "{name}"
            );
        }
        for s in expected["includes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            assert!(starts.iter().any(|t| t == s), "{name}: missing {s}");
        }
        for s in expected["excludes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            assert!(!starts.iter().any(|t| t == s), "{name}: unexpected {s}");
        }
        if let Some(per_day) = expected["per_day"].as_object() {
            let mut counts: BTreeMap<String, u64> = BTreeMap::new();
            for s in &starts {
                *counts.entry(s[..10].to_string()).or_default() += 1;
            }
            for (day, want) in per_day {
                assert_eq!(
                    counts.get(day).copied().unwrap_or(0),
                    want.as_u64().unwrap_or(0),
                    "{name}: {day}"
                );
            }
        }
    }
}

#[derive(Deserialize)]
struct SearchSetup {
    first_day: NaiveDate,
    days: u32,
    centres: Vec<Centre>,
    bookings: Vec<SetupBooking>,
}

#[derive(Deserialize)]
struct SetupBooking {
    centre_id: CentreId,
    booking_id: BookingId,
    start: DateTime<Utc>,
    duration_minutes: u32,
    agreements: Agreements,
}

#[test]
fn search() {
    let file = load("search.json");
    let setup: SearchSetup = serde_json::from_value(file["setup"].clone()).expect("setup");
    let centres = setup
        .centres
        .into_iter()
        .map(|c| {
            let (availability, _) =
                CentreAvailability::build(&c, setup.first_day, setup.days, &[]).expect("index");
            (c, availability)
        })
        .collect();
    let mut index = SearchIndex::build(centres).expect("valid centres");
    for b in &setup.bookings {
        let need = Need {
            duration_minutes: b.duration_minutes,
            agreements: b.agreements,
        };
        index
            .availability_mut(b.centre_id)
            .expect("centre")
            .book(b.booking_id, b.start, &need)
            .expect("booking");
    }
    for case in cases(&file) {
        let name = case["name"].as_str().unwrap_or_default();
        let query: SearchQuery =
            serde_json::from_value(case["query"].clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let expected = &case["expected"];
        match index.search(&query) {
            Err(e) => assert_eq!(expected["error"].as_str(), Some(e.code()), "{name}"),
            Ok(hits) => {
                let want = expected["hits"]
                    .as_array()
                    .unwrap_or_else(|| panic!("{name}: expected {}", expected));
                let got: Vec<String> = hits.iter().map(|h| h.centre_id.to_string()).collect();
                let ids: Vec<&str> = want
                    .iter()
                    .filter_map(|h| h["centre_id"].as_str())
                    .collect();
                assert_eq!(got, ids, "{name}");
                for (hit, w) in hits.iter().zip(want) {
                    let km = w["distance_km"].as_f64().unwrap_or(f64::NAN);
                    assert!(
                        (hit.distance_km - km).abs() < 1e-3,
                        "{name}: {} km vs {km}",
                        hit.distance_km
                    );
                    assert_eq!(
                        Some(hit.price.gross.cents()),
                        w["price_cents"].as_i64(),
                        "{name}"
                    );
                    assert_eq!(
                        Some(u64::from(hit.duration_minutes)),
                        w["duration_minutes"].as_u64(),
                        "{name}"
                    );
                    let slots: Vec<String> =
                        hit.slots.iter().map(|s| s.start.to_rfc3339()).collect();
                    let want_slots: Vec<&str> = w["slots"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                        .collect();
                    assert_eq!(slots, want_slots, "{name}: {}", hit.centre_id);
                }
            }
        }
    }
}

/// A principal from the vectors' JSON, going through the same checks an API would: role and
/// grants parsed from their codes, then the principal's coherence.
fn principal_from(v: &Value) -> Result<pti_core::policy::Principal, String> {
    use pti_core::policy::{Permission, Principal, PrincipalFields, Role};
    fn id<I: std::str::FromStr>(v: &Value, k: &str) -> Result<Option<I>, String> {
        v.get(k)
            .and_then(Value::as_str)
            .map(|s| s.parse().map_err(|_| format!("bad {k}")))
            .transpose()
    }
    let role: Role = v["role"]
        .as_str()
        .unwrap_or_default()
        .parse()
        .map_err(|e: pti_core::UnknownCode| e.code().to_string())?;
    let grants = v["grants"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|g| {
            g.as_str()
                .unwrap_or_default()
                .parse::<Permission>()
                .map_err(|e| e.code().to_string())
        })
        .collect::<Result<Vec<_>, _>>()?;
    let fields = PrincipalFields {
        role: Some(role),
        user_id: id(v, "user_id")?,
        tenant_id: id(v, "tenant_id")?,
        agency_id: id(v, "agency_id")?,
        centre_id: id(v, "centre_id")?,
        grants,
    };
    Principal::new(fields).map_err(|e| e.code().to_string())
}

#[test]
fn policy() {
    use pti_core::policy::{Action, ResourceRef, authorize};
    let file = load("policy.json");
    assert!(cases(&file).len() >= 40);
    for case in cases(&file) {
        let name = case["name"].as_str().unwrap_or_default();
        let input = &case["input"];
        let expected = &case["expected"];
        let principal = match principal_from(&input["principal"]) {
            Ok(p) => p,
            Err(code) => {
                assert_eq!(expected["error"].as_str(), Some(code.as_str()), "{name}");
                continue;
            }
        };
        let action: Action = serde_json::from_value(input["action"].clone())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let resource: ResourceRef = serde_json::from_value(input["resource"].clone())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        match authorize(&principal, action, &resource) {
            Ok(()) => assert_eq!(expected["allow"], Value::Bool(true), "{name}"),
            Err(denied) => {
                assert_eq!(expected["allow"], Value::Bool(false), "{name}: {denied}");
                assert_eq!(expected["code"].as_str(), Some(denied.code()), "{name}");
            }
        }
    }
}

/// One case of `rules.json`, run through the rule its `check` names.
fn run_rule(check: &str, input: &Value) -> Result<Value, pti_core::rules::RuleError> {
    use pti_core::model::{Booking, ControlType, Money, Vehicle};
    use pti_core::rules::*;
    fn field<T: serde::de::DeserializeOwned>(input: &Value, key: &str) -> T {
        serde_json::from_value(input[key].clone()).unwrap_or_else(|e| panic!("{key}: {e}"))
    }
    let policy: BookingPolicy = match input.get("policy") {
        Some(p) => serde_json::from_value(p.clone()).expect("policy"),
        None => BookingPolicy::default(),
    };
    let ok = Ok(Value::Bool(true));
    match check {
        "timing" => check_timing(&policy, field(input, "now"), field(input, "start")).and(ok),
        "new_booking" => {
            let centre: Centre = field(input, "centre");
            let vehicle: Vehicle = field(input, "vehicle");
            let last: Option<InspectionOutcome> = field(input, "last_periodic");
            let bookings: Vec<Booking> = field(input, "bookings");
            let control_type: ControlType = field(input, "control_type");
            let request = BookingRequest {
                centre: &centre,
                vehicle: &vehicle,
                control_type,
                start: field(input, "start"),
            };
            let history = VehicleHistory {
                last_periodic: last.as_ref(),
                bookings: &bookings,
            };
            check_new_booking(&policy, field(input, "now"), &request, &history).and(ok)
        }
        "modification" => {
            let booking: Booking = field(input, "booking");
            check_modification(
                &policy,
                field(input, "now"),
                &booking,
                field(input, "new_start"),
            )
            .and(ok)
        }
        "cancellation" => {
            let booking: Booking = field(input, "booking");
            let paid = Money::from_cents(field(input, "paid_cents"));
            let r = cancellation_quote(&policy, field(input, "now"), &booking, paid)?;
            Ok(serde_json::json!({
                "amount_cents": r.amount.cents(), "percent": r.percent,
                "before_deadline": r.before_deadline, "deadline": r.deadline,
            }))
        }
        "drop_off" => check_drop_off(
            &policy,
            field(input, "daily_capacity"),
            field(input, "bookings"),
        )
        .and(ok),
        "fill" => {
            let f = fill_level(
                &policy,
                field(input, "daily_capacity"),
                field(input, "bookings"),
            );
            Ok(serde_json::json!({ "percent": f.percent, "warn": f.warn, "full": f.full }))
        }
        "policy" => policy.validate().and(ok),
        other => panic!("unknown check {other}"),
    }
}

#[test]
fn rules() {
    use pti_core::rules::RuleError;
    let file = load("rules.json");
    assert!(cases(&file).len() >= 40);
    for case in cases(&file) {
        let name = case["name"].as_str().unwrap_or_default();
        let expected = &case["expected"];
        match run_rule(case["check"].as_str().unwrap_or_default(), &case["input"]) {
            Ok(value) => assert_eq!(expected.get("ok"), Some(&value), "{name}"),
            Err(e) => {
                assert_eq!(expected["error"].as_str(), Some(e.code()), "{name}: {e}");
                let fact = match &e {
                    RuleError::NoticeTooShort { earliest } => {
                        Some(("earliest", serde_json::json!(earliest)))
                    }
                    RuleError::BeyondHorizon { latest } => {
                        Some(("latest", serde_json::json!(latest)))
                    }
                    RuleError::DeadlinePassed { deadline } => {
                        Some(("deadline", serde_json::json!(deadline)))
                    }
                    RuleError::RecheckWindowExpired { closed_on } => {
                        Some(("closed_on", serde_json::json!(closed_on)))
                    }
                    RuleError::OverbookingLimitReached { limit } => {
                        Some(("limit", serde_json::json!(limit)))
                    }
                    _ => None,
                };
                if let Some((key, value)) = fact
                    && let Some(want) = expected.get(key)
                {
                    assert_eq!(want, &value, "{name}: {key}");
                }
            }
        }
    }
}
