//! Calendar data: recurring periods (RFC 5545 RRULE), day ranges and instant ranges.

use crate::error::Coded;
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

/// A period that recurs, as in an iCalendar VEVENT: each occurrence of `rrule`, counted from
/// `dtstart` in the centre's local time, opens a window of `duration_minutes`.
///
/// `FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR` from `2026-01-05T08:00` for 240 minutes is "weekdays
/// 08:00–12:00". A rule with `BYHOUR`/`BYMINUTE` gives several windows a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecurringPeriod {
    /// The RRULE value, without the `RRULE:` prefix.
    pub rrule: String,
    /// DTSTART in local time (no zone: the centre's zone applies).
    pub dtstart: NaiveDateTime,
    /// Length of each window in minutes.
    pub duration_minutes: u32,
}

/// The Monday that recurring periods start from when no other start is given.
pub const DEFAULT_PERIOD_START: NaiveDate = match NaiveDate::from_ymd_opt(2024, 1, 1) {
    Some(d) => d,
    None => unreachable!(),
};

impl RecurringPeriod {
    /// A window from `opens` to `closes` (same day) on every occurrence of `rrule`.
    pub fn window(rrule: &str, opens: NaiveTime, closes: NaiveTime) -> Result<Self, RangeError> {
        if closes <= opens {
            return Err(RangeError::Inverted);
        }
        let minutes = (closes - opens).num_minutes() as u32;
        Ok(RecurringPeriod {
            rrule: rrule.to_string(),
            dtstart: DEFAULT_PERIOD_START.and_time(opens),
            duration_minutes: minutes,
        })
    }
}

/// A range that ends before it starts, or is empty.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RangeError {
    /// The end is not after the start.
    #[error("the range ends before it starts")]
    Inverted,
}

impl Coded for RangeError {
    fn code(&self) -> &'static str {
        "INVERTED_RANGE"
    }
}

/// Whole local days, both ends included (a closure, a leave).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "DateRangeFields")]
pub struct DateRange {
    /// First day.
    pub from: NaiveDate,
    /// Last day, included.
    pub to: NaiveDate,
}

#[derive(Deserialize)]
struct DateRangeFields {
    from: NaiveDate,
    to: NaiveDate,
}

impl TryFrom<DateRangeFields> for DateRange {
    type Error = RangeError;
    fn try_from(f: DateRangeFields) -> Result<Self, RangeError> {
        DateRange::new(f.from, f.to)
    }
}

impl DateRange {
    /// Days `from..=to`; refuses `to < from`.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Self, RangeError> {
        if to < from {
            Err(RangeError::Inverted)
        } else {
            Ok(DateRange { from, to })
        }
    }

    /// A single day.
    pub fn day(day: NaiveDate) -> Self {
        DateRange { from: day, to: day }
    }

    /// Whether `day` lies in the range.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }
}

/// A half-open range of instants `[start, end)` (a blocked range, a booking).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "TimeRangeFields")]
pub struct TimeRange {
    /// First instant.
    pub start: DateTime<Utc>,
    /// First instant after the range.
    pub end: DateTime<Utc>,
}

#[derive(Deserialize)]
struct TimeRangeFields {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
}

impl TryFrom<TimeRangeFields> for TimeRange {
    type Error = RangeError;
    fn try_from(f: TimeRangeFields) -> Result<Self, RangeError> {
        TimeRange::new(f.start, f.end)
    }
}

impl TimeRange {
    /// `[start, end)`; refuses an empty or inverted range.
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>) -> Result<Self, RangeError> {
        if end <= start {
            Err(RangeError::Inverted)
        } else {
            Ok(TimeRange { start, end })
        }
    }

    /// Whether the two ranges share an instant.
    pub fn overlaps(&self, other: &TimeRange) -> bool {
        self.start < other.end && other.start < self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inverted_ranges_are_refused() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(
            DateRange::new(d("2027-01-02"), d("2027-01-01"))
                .unwrap_err()
                .code(),
            "INVERTED_RANGE"
        );
        assert!(DateRange::new(d("2027-01-01"), d("2027-01-01")).is_ok());
        let t = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        assert!(TimeRange::new(t("2027-01-01T10:00:00Z"), t("2027-01-01T10:00:00Z")).is_err());
        assert!(
            serde_json::from_str::<DateRange>(r#"{"from":"2027-01-02","to":"2027-01-01"}"#)
                .is_err()
        );
    }

    #[test]
    fn touching_ranges_do_not_overlap() {
        let t = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        let a = TimeRange::new(t("2027-01-01T10:00:00Z"), t("2027-01-01T11:00:00Z")).unwrap();
        let b = TimeRange::new(t("2027-01-01T11:00:00Z"), t("2027-01-01T12:00:00Z")).unwrap();
        assert!(!a.overlaps(&b));
        let c = TimeRange::new(t("2027-01-01T10:59:00Z"), t("2027-01-01T12:00:00Z")).unwrap();
        assert!(a.overlaps(&c));
    }

    #[test]
    fn window_needs_closing_after_opening() {
        let h = |s: &str| s.parse::<NaiveTime>().unwrap();
        let p = RecurringPeriod::window("FREQ=DAILY", h("08:00"), h("12:00")).unwrap();
        assert_eq!(p.duration_minutes, 240);
        assert!(RecurringPeriod::window("FREQ=DAILY", h("12:00"), h("08:00")).is_err());
    }
}
