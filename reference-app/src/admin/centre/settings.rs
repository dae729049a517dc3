//! A centre's operating settings — time zone, lanes, capacity, slot grid, buffer,
//! overbooking, public holidays, opening hours, vehicle categories — parsed at the boundary
//! with the limits the database and the engine hold.

use pti_core::model::VehicleCategory;
use serde_json::Value;

use super::hours::OpeningHours;
use super::views::{Centre, OpeningWindow};
use crate::error::{Error, Result};

/// The settings as a request gives them; on a change, `None` keeps a value.
#[derive(Clone, Copy, Debug, Default)]
pub struct SettingsInput<'a> {
    /// IANA time zone.
    pub time_zone: Option<&'a str>,
    /// Lanes, 1–20.
    pub lanes: Option<i64>,
    /// Bookings a day, 1–1000.
    pub daily_capacity: Option<i64>,
    /// Slot grid, 5–120 minutes.
    pub grid_minutes: Option<i64>,
    /// Buffer between bookings, 0–120 minutes.
    pub buffer_minutes: Option<i64>,
    /// Overbooking limit, 100–200 %.
    pub overbooking_percent: Option<i64>,
    /// `national`, `alsace_moselle` or `open`.
    pub holiday_policy: Option<&'a str>,
    /// Opening hours.
    pub opening_hours: Option<&'a [OpeningWindow]>,
    /// Vehicle category codes.
    pub vehicle_categories: Option<&'a [String]>,
}

/// A centre's settings, complete and checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// IANA time zone.
    pub time_zone: String,
    /// Lanes.
    pub lanes: i16,
    /// Bookings a day.
    pub daily_capacity: i32,
    /// Slot grid, minutes.
    pub grid_minutes: i16,
    /// Buffer, minutes.
    pub buffer_minutes: i16,
    /// Overbooking limit, percent.
    pub overbooking_percent: i16,
    /// Public holidays policy.
    pub holiday_policy: &'static str,
    /// Opening hours as stored.
    pub opening_hours: Value,
    /// Vehicle category codes, in the engine's order.
    pub vehicle_categories: Vec<String>,
}

impl Settings {
    /// A new centre's settings: `input` over the defaults (Europe/Paris, 2 lanes, 30 a day,
    /// 15-minute grid, no buffer, 110 %, national holidays, closed, cars and vans).
    pub fn new(input: SettingsInput<'_>) -> Result<Self> {
        let defaults = Self {
            time_zone: "Europe/Paris".into(),
            lanes: 2,
            daily_capacity: 30,
            grid_minutes: 15,
            buffer_minutes: 0,
            overbooking_percent: 110,
            holiday_policy: "national",
            opening_hours: Value::Array(Vec::new()),
            vehicle_categories: vec!["VP".into(), "VU".into()],
        };
        defaults.changed(input)
    }

    /// The settings of `centre`.
    pub fn of(centre: &Centre) -> Result<Self> {
        let hours = OpeningHours::parse(&centre.opening_hours)?;
        Ok(Self {
            time_zone: centre.time_zone.clone(),
            lanes: centre.lanes,
            daily_capacity: centre.daily_capacity,
            grid_minutes: centre.grid_minutes,
            buffer_minutes: centre.buffer_minutes,
            overbooking_percent: centre.overbooking_percent,
            holiday_policy: holiday_policy(&centre.holiday_policy)?,
            opening_hours: hours.stored(),
            vehicle_categories: centre.vehicle_categories.clone(),
        })
    }

    /// These settings changed by `input`, or 422 naming the first bad field.
    pub fn changed(self, input: SettingsInput<'_>) -> Result<Self> {
        Ok(Self {
            time_zone: match input.time_zone {
                Some(zone) => time_zone(zone)?,
                None => self.time_zone,
            },
            lanes: bounded("lanes", input.lanes, 1, 20)?.unwrap_or(self.lanes),
            daily_capacity: bounded("daily_capacity", input.daily_capacity, 1, 1000)?
                .unwrap_or(self.daily_capacity),
            grid_minutes: bounded("grid_minutes", input.grid_minutes, 5, 120)?
                .unwrap_or(self.grid_minutes),
            buffer_minutes: bounded("buffer_minutes", input.buffer_minutes, 0, 120)?
                .unwrap_or(self.buffer_minutes),
            overbooking_percent: bounded(
                "overbooking_percent",
                input.overbooking_percent,
                100,
                200,
            )?
            .unwrap_or(self.overbooking_percent),
            holiday_policy: input
                .holiday_policy
                .map(holiday_policy)
                .transpose()?
                .unwrap_or(self.holiday_policy),
            opening_hours: match input.opening_hours {
                Some(windows) => OpeningHours::parse(windows)?.stored(),
                None => self.opening_hours,
            },
            vehicle_categories: match input.vehicle_categories {
                Some(codes) => categories(codes)?,
                None => self.vehicle_categories,
            },
        })
    }
}

/// `value` when within `min..=max`, as the column's integer type; 422 naming `field` otherwise.
fn bounded<T: TryFrom<i64>>(
    field: &str,
    value: Option<i64>,
    min: i64,
    max: i64,
) -> Result<Option<T>> {
    value
        .map(|v| {
            (min..=max)
                .contains(&v)
                .then(|| T::try_from(v).ok())
                .flatten()
                .ok_or_else(|| Error::validation(field, format!("{min} to {max}")))
        })
        .transpose()
}

fn time_zone(zone: &str) -> Result<String> {
    zone.trim()
        .parse::<chrono_tz::Tz>()
        .map(|tz| tz.name().to_owned())
        .map_err(|_| Error::validation("time_zone", "an IANA time zone (Europe/Paris)"))
}

fn holiday_policy(code: &str) -> Result<&'static str> {
    ["national", "alsace_moselle", "open"]
        .into_iter()
        .find(|p| *p == code.trim())
        .ok_or_else(|| Error::validation("holiday_policy", "national, alsace_moselle or open"))
}

/// Vehicle category codes: at least one, known, each once, in the engine's order.
fn categories(codes: &[String]) -> Result<Vec<String>> {
    let mut wanted = Vec::new();
    for code in codes {
        let category: VehicleCategory = code.trim().parse().map_err(|_| {
            Error::validation("vehicle_categories", format!("unknown code '{code}'"))
        })?;
        wanted.push(category);
    }
    if wanted.is_empty() {
        return Err(Error::validation(
            "vehicle_categories",
            "at least one category",
        ));
    }
    Ok(VehicleCategory::ALL
        .iter()
        .filter(|c| wanted.contains(c))
        .map(|c| c.code().to_owned())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(e: Error) -> String {
        match e {
            Error::Unprocessable { details, .. } => details["field"].as_str().unwrap().to_owned(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_new_centre_takes_the_defaults_under_what_is_given() {
        let lanes = SettingsInput {
            lanes: Some(4),
            ..SettingsInput::default()
        };
        let s = Settings::new(lanes).unwrap();
        assert_eq!(
            (s.lanes, s.daily_capacity, s.time_zone.as_str()),
            (4, 30, "Europe/Paris")
        );
        assert_eq!(s.vehicle_categories, ["VP", "VU"]);
    }

    #[test]
    fn out_of_range_and_unknown_values_are_named() {
        let bad = |input: SettingsInput<'_>| field(Settings::new(input).unwrap_err());
        let d = SettingsInput::default();
        assert_eq!(
            bad(SettingsInput {
                lanes: Some(0),
                ..d
            }),
            "lanes"
        );
        assert_eq!(
            bad(SettingsInput {
                daily_capacity: Some(1001),
                ..d
            }),
            "daily_capacity"
        );
        assert_eq!(
            bad(SettingsInput {
                overbooking_percent: Some(99),
                ..d
            }),
            "overbooking_percent"
        );
        assert_eq!(
            bad(SettingsInput {
                time_zone: Some("Mars/Olympus"),
                ..d
            }),
            "time_zone"
        );
        assert_eq!(
            bad(SettingsInput {
                holiday_policy: Some("never"),
                ..d
            }),
            "holiday_policy"
        );
        let none: Vec<String> = Vec::new();
        assert_eq!(
            bad(SettingsInput {
                vehicle_categories: Some(&none),
                ..d
            }),
            "vehicle_categories"
        );
        let boat = vec!["BATEAU".to_owned()];
        assert_eq!(
            bad(SettingsInput {
                vehicle_categories: Some(&boat),
                ..d
            }),
            "vehicle_categories"
        );
    }

    #[test]
    fn categories_are_deduplicated_in_the_engines_order() {
        let codes = vec!["L".to_owned(), "VP".into(), "L".into(), "VL".into()];
        assert_eq!(categories(&codes).unwrap(), ["VP", "L"]);
    }
}
