//! Every code enum of the engine: its codes parse back, equal its serde names (so the JSON of
//! the API is the text of the codes), and unknown text is refused with `UNKNOWN_CODE`.

use pti_core::availability::DayPart;
use pti_core::model::{Agreement, BookingStatus, ControlType, Fuel, PlateFormat, VehicleCategory};
use pti_core::places::Precision;
use pti_core::policy::{Action, Resource, Role, Scope};
use pti_core::rules::InspectionResult;
use pti_core::schedule::Holiday;
use pti_core::search::SortBy;
use pti_core::{Code, Coded, UnknownCode};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fmt::Debug;

/// Runs `check::<T>()` for every code enum of the engine.
macro_rules! for_every_code {
    ($check:ident) => {
        $check::<VehicleCategory>();
        $check::<Fuel>();
        $check::<ControlType>();
        $check::<Agreement>();
        $check::<BookingStatus>();
        $check::<PlateFormat>();
        $check::<InspectionResult>();
        $check::<DayPart>();
        $check::<SortBy>();
        $check::<Precision>();
        $check::<Holiday>();
        $check::<Role>();
        $check::<Resource>();
        $check::<Action>();
        $check::<Scope>();
    };
}

fn parses_back<T: Code<Err = UnknownCode> + PartialEq + Debug>() {
    assert!(!T::ALL.is_empty());
    assert!(
        T::ALL.iter().all(|v| v.code().parse::<T>() == Ok(*v)),
        "{:?}",
        T::ALL
    );
}

fn is_its_serde_name<T: Code + PartialEq + Debug + Serialize + DeserializeOwned>() {
    for v in T::ALL {
        let json = serde_json::to_value(v).unwrap();
        assert_eq!(json, serde_json::Value::from(v.code()), "{v:?}");
        assert_eq!(serde_json::from_value::<T>(json).unwrap(), *v);
    }
}

fn refuses_unknown_text<T: Code<Err = UnknownCode> + Debug>() {
    for text in ["", "NOT_A_CODE", " VP"] {
        let err = text.parse::<T>().unwrap_err();
        assert_eq!(err.code(), "UNKNOWN_CODE");
        assert_eq!(err.text, text);
    }
}

#[test]
fn every_code_parses_back_to_its_value() {
    for_every_code!(parses_back);
}

#[test]
fn every_code_is_its_serde_name() {
    for_every_code!(is_its_serde_name);
}

#[test]
fn unknown_text_is_refused_with_unknown_code() {
    for_every_code!(refuses_unknown_text);
}

#[test]
fn an_unknown_code_names_its_kind_and_text() {
    let err = "XYZ".parse::<Fuel>().unwrap_err();
    assert_eq!(err.to_string(), "unknown fuel code 'XYZ'");
    assert_eq!(
        err,
        UnknownCode {
            kind: "fuel",
            text: "XYZ".to_string()
        }
    );
}

#[test]
fn codes_are_case_sensitive() {
    assert!("vp".parse::<VehicleCategory>().is_err());
    assert!("CONFIRMED".parse::<BookingStatus>().is_err());
}

#[test]
fn categories_accept_the_other_spellings_of_cars_and_vans() {
    assert_eq!("VL".parse(), Ok(VehicleCategory::Vp));
    assert_eq!("VUL".parse(), Ok(VehicleCategory::Vu));
    assert_eq!("VT".parse(), Ok(VehicleCategory::Vu));
}

#[test]
fn control_types_accept_the_other_spellings_of_ct_and_contre_visite() {
    assert_eq!("CTP".parse(), Ok(ControlType::Periodic));
    assert_eq!("CV".parse(), Ok(ControlType::Recheck));
    assert_eq!("CVP".parse(), Ok(ControlType::Recheck));
}

#[test]
fn verdict_letters_are_a_s_r_and_parse_back() {
    let letters: Vec<_> = InspectionResult::ALL.iter().map(|r| r.verdict()).collect();
    assert_eq!(letters, ["A", "S", "R"]);
    for r in InspectionResult::ALL {
        assert_eq!(InspectionResult::from_verdict(r.verdict()), Ok(r));
    }
    let err = InspectionResult::from_verdict("favourable").unwrap_err();
    assert_eq!(err.code(), "UNKNOWN_CODE");
    assert_eq!(err.to_string(), "unknown verdict code 'favourable'");
}
