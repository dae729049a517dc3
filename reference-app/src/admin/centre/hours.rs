//! A centre's opening hours: weekly windows in local time (`FREQ=WEEKLY;BYDAY=...` with an
//! opening and a closing time), checked at the boundary so that what is saved always loads
//! into the engine, and stored as the JSON the engine reads.

use chrono::NaiveTime;
use serde_json::{Value, json};

use super::views::OpeningWindow;
use crate::error::{Error, Result};

/// At most this many windows a centre.
pub const MAX_WINDOWS: usize = 20;

/// The RFC 5545 day codes, Monday first.
const DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// One checked window: the days it covers (bit 0 Monday) and its times.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Window {
    days: u8,
    opens: NaiveTime,
    closes: NaiveTime,
}

/// Checked opening hours, ready to store.
#[derive(Clone, Debug, PartialEq)]
pub struct OpeningHours(Vec<(String, Window)>);

impl OpeningHours {
    /// Reads `windows`, or 422 naming the first bad one (`opening_hours[2].end`): a weekly
    /// rule of days only, `HH:MM` times with the opening first, no two windows of one day
    /// overlapping, at most [`MAX_WINDOWS`].
    pub fn parse(windows: &[OpeningWindow]) -> Result<Self> {
        if windows.len() > MAX_WINDOWS {
            return Err(Error::validation(
                "opening_hours",
                format!("at most {MAX_WINDOWS} windows"),
            ));
        }
        let mut checked: Vec<(String, Window)> = Vec::with_capacity(windows.len());
        for (i, w) in windows.iter().enumerate() {
            let field = |part: &str| format!("opening_hours[{i}].{part}");
            let days = days(&w.rrule).ok_or_else(|| {
                Error::validation(&field("rrule"), "FREQ=WEEKLY;BYDAY= with days MO to SU")
            })?;
            let opens =
                time(&w.start).ok_or_else(|| Error::validation(&field("start"), "HH:MM"))?;
            let closes = time(&w.end).ok_or_else(|| Error::validation(&field("end"), "HH:MM"))?;
            if closes <= opens {
                return Err(Error::validation(&field("end"), "after the opening time"));
            }
            let window = Window {
                days,
                opens,
                closes,
            };
            if checked.iter().any(|(_, o)| overlap(o, &window)) {
                return Err(Error::validation(
                    &field("start"),
                    "overlaps another window of the same day",
                ));
            }
            checked.push((rule(days), window));
        }
        Ok(Self(checked))
    }

    /// The JSON stored in `cts.opening_hours`.
    pub fn stored(&self) -> Value {
        Value::Array(
            self.0
                .iter()
                .map(|(rrule, w)| {
                    json!({
                        "rrule": rrule,
                        "start": w.opens.format("%H:%M:%S").to_string(),
                        "end": w.closes.format("%H:%M:%S").to_string(),
                    })
                })
                .collect(),
        )
    }
}

/// The windows stored in `cts.opening_hours`, with `HH:MM` times (a window that does not read
/// is left out: the engine refuses it too).
pub fn windows(stored: &Value) -> Vec<OpeningWindow> {
    let Some(items) = stored.as_array() else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|w| {
            let text = |k: &str| w.get(k).and_then(Value::as_str);
            let hhmm = |k: &str| {
                text(k)
                    .and_then(time)
                    .map(|t| t.format("%H:%M").to_string())
            };
            Some(OpeningWindow {
                rrule: text("rrule")?.to_owned(),
                start: hhmm("start")?,
                end: hhmm("end")?,
            })
        })
        .collect()
}

/// The days of a `FREQ=WEEKLY;BYDAY=MO,TU` rule as bits, Monday first.
fn days(rrule: &str) -> Option<u8> {
    let mut freq = false;
    let mut days = 0u8;
    for part in rrule.trim().split(';') {
        match part.split_once('=')? {
            ("FREQ", "WEEKLY") if !freq => freq = true,
            ("BYDAY", list) if days == 0 => {
                for day in list.split(',') {
                    let bit = DAYS.iter().position(|d| *d == day)?;
                    days |= 1 << bit;
                }
            }
            _ => return None,
        }
    }
    (freq && days != 0).then_some(days)
}

/// The canonical rule of a set of days.
fn rule(days: u8) -> String {
    let list: Vec<&str> = (0..7)
        .filter(|bit| days & (1 << bit) != 0)
        .map(|bit| DAYS[bit])
        .collect();
    format!("FREQ=WEEKLY;BYDAY={}", list.join(","))
}

/// A time of day, `HH:MM` (or `HH:MM:SS` as stored).
fn time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(text.trim(), "%H:%M:%S"))
        .ok()
}

fn overlap(a: &Window, b: &Window) -> bool {
    a.days & b.days != 0 && a.opens < b.closes && b.opens < a.closes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window(rrule: &str, start: &str, end: &str) -> OpeningWindow {
        OpeningWindow {
            rrule: rrule.into(),
            start: start.into(),
            end: end.into(),
        }
    }

    fn field(e: Error) -> String {
        match e {
            Error::Unprocessable { details, .. } => details["field"].as_str().unwrap().to_owned(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_week_with_a_break_is_stored_as_the_engine_reads_it() {
        let hours = OpeningHours::parse(&[
            window("FREQ=WEEKLY;BYDAY=FR,MO,TU,WE,TH", "08:00", "12:00"),
            window("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "14:00", "18:30"),
            window("FREQ=WEEKLY;BYDAY=SA", "08:30", "12:00"),
        ])
        .unwrap();
        let stored = hours.stored();
        assert_eq!(stored[0]["rrule"], "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
        assert_eq!(stored[1]["end"], "18:30:00");
        assert_eq!(
            windows(&stored)[2],
            window("FREQ=WEEKLY;BYDAY=SA", "08:30", "12:00")
        );
    }

    #[test]
    fn bad_windows_are_named() {
        let bad =
            |w: OpeningWindow, ok: OpeningWindow| field(OpeningHours::parse(&[ok, w]).unwrap_err());
        let ok = window("FREQ=WEEKLY;BYDAY=MO", "08:00", "12:00");
        assert_eq!(
            bad(window("FREQ=DAILY", "08:00", "12:00"), ok.clone()),
            "opening_hours[1].rrule"
        );
        assert_eq!(
            bad(window("FREQ=WEEKLY;BYDAY=XX", "08:00", "12:00"), ok.clone()),
            "opening_hours[1].rrule"
        );
        assert_eq!(
            bad(
                window("FREQ=WEEKLY;BYDAY=MO;COUNT=2", "08:00", "12:00"),
                ok.clone()
            ),
            "opening_hours[1].rrule"
        );
        assert_eq!(
            bad(window("FREQ=WEEKLY;BYDAY=TU", "8h", "12:00"), ok.clone()),
            "opening_hours[1].start"
        );
        assert_eq!(
            bad(window("FREQ=WEEKLY;BYDAY=TU", "12:00", "08:00"), ok.clone()),
            "opening_hours[1].end"
        );
        assert_eq!(
            bad(window("FREQ=WEEKLY;BYDAY=SU,MO", "11:00", "13:00"), ok),
            "opening_hours[1].start"
        );
    }

    #[test]
    fn windows_of_other_days_or_touching_do_not_overlap() {
        let hours = OpeningHours::parse(&[
            window("FREQ=WEEKLY;BYDAY=MO", "08:00", "12:00"),
            window("FREQ=WEEKLY;BYDAY=MO", "12:00", "13:00"),
            window("FREQ=WEEKLY;BYDAY=TU", "08:00", "12:00"),
        ]);
        assert!(hours.is_ok());
        let many = vec![window("FREQ=WEEKLY;BYDAY=MO", "08:00", "09:00"); MAX_WINDOWS + 1];
        assert_eq!(
            field(OpeningHours::parse(&many).unwrap_err()),
            "opening_hours"
        );
    }
}
