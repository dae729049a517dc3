//! Opening hours and shifts into concrete slots, in the centre's local time, across DST.
//!
//! The pipeline: each [`RecurringPeriod`] (an RRULE with a local DTSTART and a length) expands
//! into UTC windows over a [`Horizon`] of local days; the windows are merged; closed days
//! (public holidays, exceptional closures, leave) and blocked ranges are cut out; inspectors'
//! shifts are intersected with the centre's opening hours. Slots then start on a local grid
//! (default 15 minutes) inside the windows: a window is first snapped inward to the grid, and a
//! slot of `d` minutes starts at `t` when `t + ⌈d / grid⌉ × grid` stays inside it.
//!
//! Wall-clock times that do not exist (the spring-forward gap) are read with the offset before
//! the gap, as RFC 5545 says (a window due at 02:30 opens at 03:30 summer time); times that
//! occur twice (the autumn fold) count once, at their first occurrence.

mod holidays;
mod horizon;
mod intervals;
mod recurrence;

pub use holidays::{Holiday, easter_sunday, holiday_on, public_holidays};
pub use horizon::{Horizon, MAX_HORIZON_DAYS};
pub use intervals::{Span, intersect, normalize, subtract};
pub use recurrence::CompiledPeriod;

use crate::error::Coded;
use crate::model::{Centre, DateRange, Inspector, RecurringPeriod, TimeRange};
use chrono::{DateTime, Datelike, FixedOffset};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// Why a schedule could not be expanded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    /// The time zone is not an IANA name.
    #[error("unknown time zone '{0}'")]
    UnknownTimeZone(String),
    /// The RRULE does not parse or is not valid with its DTSTART.
    #[error("invalid RRULE '{rule}': {reason}")]
    InvalidRrule {
        /// The rule as given.
        rule: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A period or slot length outside 1 minute..=24 hours.
    #[error("invalid duration of {minutes} minutes")]
    InvalidDuration {
        /// The length given.
        minutes: u32,
    },
    /// A grid that does not divide the hour.
    #[error("invalid slot grid of {minutes} minutes (must divide 60)")]
    InvalidGrid {
        /// The grid given.
        minutes: u16,
    },
    /// A horizon of no day or too many days.
    #[error("invalid horizon of {days} days (1..={MAX_HORIZON_DAYS})")]
    InvalidHorizon {
        /// The number of days given.
        days: u32,
    },
}

impl Coded for ScheduleError {
    fn code(&self) -> &'static str {
        match self {
            ScheduleError::UnknownTimeZone(_) => "UNKNOWN_TIME_ZONE",
            ScheduleError::InvalidRrule { .. } => "INVALID_RRULE",
            ScheduleError::InvalidDuration { .. } => "INVALID_DURATION",
            ScheduleError::InvalidGrid { .. } => "INVALID_GRID",
            ScheduleError::InvalidHorizon { .. } => "INVALID_HORIZON",
        }
    }
}

/// Parses an IANA time zone name such as `Europe/Paris`.
pub fn parse_time_zone(name: &str) -> Result<Tz, ScheduleError> {
    name.parse()
        .map_err(|_| ScheduleError::UnknownTimeZone(name.to_string()))
}

/// A concrete slot in the centre's local time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Slot {
    /// Start, with the local UTC offset then.
    pub start: DateTime<FixedOffset>,
    /// End (start + duration), with the local UTC offset then.
    pub end: DateTime<FixedOffset>,
}

/// Checks that a grid divides the hour (5, 10, 12, 15, 20, 30 or 60 minutes).
pub fn check_grid(minutes: u16) -> Result<(), ScheduleError> {
    if (5..=60).contains(&minutes) && 60 % minutes == 0 {
        Ok(())
    } else {
        Err(ScheduleError::InvalidGrid { minutes })
    }
}

/// Checks a slot length: 1 minute to 24 hours.
pub fn check_duration(minutes: u32) -> Result<(), ScheduleError> {
    if (1..=24 * 60).contains(&minutes) {
        Ok(())
    } else {
        Err(ScheduleError::InvalidDuration { minutes })
    }
}

/// The merged windows of a set of periods over a horizon.
pub fn expand_periods(
    periods: &[RecurringPeriod],
    horizon: &Horizon,
) -> Result<Vec<Span>, ScheduleError> {
    let mut out = Vec::new();
    for period in periods {
        CompiledPeriod::compile(period, horizon.tz())?.expand_into(horizon, &mut out)?;
    }
    Ok(normalize(out))
}

/// The UTC spans of whole local days, clipped to the horizon.
fn day_spans<'a>(horizon: &Horizon, ranges: impl Iterator<Item = &'a DateRange>) -> Vec<Span> {
    let (first, last) = (horizon.first_day(), horizon.date(horizon.len() - 1));
    let spans = ranges.filter(|r| r.to >= first && r.from <= last).map(|r| {
        let from = horizon.index_of(r.from.max(first)).unwrap_or(0);
        let to = horizon
            .index_of(r.to.min(last))
            .unwrap_or(horizon.len() - 1);
        Span::new(horizon.day_start(from), horizon.day_start(to + 1))
    });
    normalize(spans.collect())
}

/// The public holidays a centre closes on, inside the horizon.
fn holiday_days(centre: &Centre, horizon: &Horizon) -> Vec<DateRange> {
    if !centre.holidays.closed_on_public_holidays {
        return Vec::new();
    }
    let (first, last) = (
        horizon.first_day().year(),
        horizon.date(horizon.len() - 1).year(),
    );
    (first..=last)
        .flat_map(|y| public_holidays(y, centre.holidays.alsace_moselle))
        .map(|(d, _)| DateRange::day(d))
        .collect()
}

fn time_spans(ranges: &[TimeRange]) -> Vec<Span> {
    normalize(ranges.iter().map(|r| Span::from(*r)).collect())
}

/// When the centre is open: opening hours minus holidays, closures and blocked ranges.
pub fn centre_open_spans(centre: &Centre, horizon: &Horizon) -> Result<Vec<Span>, ScheduleError> {
    let open = expand_periods(&centre.opening_hours, horizon)?;
    let holidays = holiday_days(centre, horizon);
    let closed = normalize(
        [
            day_spans(horizon, holidays.iter().chain(&centre.closures)),
            time_spans(&centre.blocks),
        ]
        .concat(),
    );
    Ok(subtract(&open, &closed))
}

/// When an inspector can inspect: their shifts (or, with none, the opening hours) within the
/// centre's open spans, minus leave and their own blocked ranges.
pub fn inspector_spans(
    inspector: &Inspector,
    centre_open: &[Span],
    horizon: &Horizon,
) -> Result<Vec<Span>, ScheduleError> {
    let working = if inspector.shifts.is_empty() {
        centre_open.to_vec()
    } else {
        intersect(&expand_periods(&inspector.shifts, horizon)?, centre_open)
    };
    let away = normalize(
        [
            day_spans(horizon, inspector.leave.iter()),
            time_spans(&inspector.blocks),
        ]
        .concat(),
    );
    Ok(subtract(&working, &away))
}

/// Rounds a UTC instant up (or down) to the grid of local time, `offset` seconds from UTC.
fn snap(utc: i64, offset: i64, grid_secs: i64, up: bool) -> i64 {
    let local = utc + offset;
    let down = local.div_euclid(grid_secs) * grid_secs;
    let snapped = if up && down < local {
        down + grid_secs
    } else {
        down
    };
    snapped - offset
}

/// Calls `visit` with each slot start (UTC seconds) on the grid inside the spans for a slot
/// of `duration_minutes`.
fn for_each_start(
    spans: &[Span],
    horizon: &Horizon,
    grid_minutes: u16,
    duration_minutes: u32,
    mut visit: impl FnMut(i64),
) -> Result<(), ScheduleError> {
    check_grid(grid_minutes)?;
    check_duration(duration_minutes)?;
    let grid = i64::from(grid_minutes) * 60;
    let cells = i64::from(duration_minutes.div_ceil(u32::from(grid_minutes))) * grid;
    let mut clock = LocalClock::new(horizon);
    for span in spans {
        let (mut t, end) = (
            snap(span.start, clock.offset_secs(span.start), grid, true),
            snap(span.end, clock.offset_secs(span.end), grid, false),
        );
        while t + cells <= end {
            visit(t);
            t += grid;
        }
    }
    Ok(())
}

/// Slot starts (UTC seconds) on the grid inside the spans for a slot of `duration_minutes`.
pub fn slot_starts(
    spans: &[Span],
    horizon: &Horizon,
    grid_minutes: u16,
    duration_minutes: u32,
) -> Result<Vec<i64>, ScheduleError> {
    let mut out = Vec::new();
    for_each_start(spans, horizon, grid_minutes, duration_minutes, |t| {
        out.push(t)
    })?;
    Ok(out)
}

/// Slots of `duration_minutes` inside the spans, with local offsets.
pub fn slots_in(
    spans: &[Span],
    horizon: &Horizon,
    grid_minutes: u16,
    duration_minutes: u32,
) -> Result<Vec<Slot>, ScheduleError> {
    let length = i64::from(duration_minutes) * 60;
    let mut local = LocalClock::new(horizon);
    let grid = i64::from(grid_minutes.max(1)) * 60;
    let mut out = Vec::with_capacity(
        spans
            .iter()
            .map(|s| ((s.end - s.start) / grid).max(0) as usize)
            .sum(),
    );
    for_each_start(spans, horizon, grid_minutes, duration_minutes, |t| {
        out.push(local.slot(t, length))
    })?;
    Ok(out)
}

/// Turns UTC instants into local date-times, looking the offset up once per stretch of time
/// that keeps one offset (a day without DST change) and the calendar date once per UTC day.
pub(crate) struct LocalClock<'a> {
    horizon: &'a Horizon,
    offset: FixedOffset,
    valid: (i64, i64),
    utc_day: (i64, chrono::NaiveDate),
}

impl<'a> LocalClock<'a> {
    /// A clock for the horizon's time zone.
    pub(crate) fn new(horizon: &'a Horizon) -> Self {
        LocalClock {
            horizon,
            offset: FixedOffset::east_opt(0).unwrap_or_else(|| unreachable!()),
            valid: (0, 0),
            utc_day: (i64::MIN, chrono::NaiveDate::MIN),
        }
    }

    /// The UTC offset in seconds at a UTC instant.
    #[inline]
    pub(crate) fn offset_secs(&mut self, utc: i64) -> i64 {
        if !(self.valid.0..self.valid.1).contains(&utc) {
            let (offset, valid) = self.horizon.offset_stretch(utc);
            self.offset = offset;
            self.valid = valid;
        }
        i64::from(self.offset.local_minus_utc())
    }

    /// The local date-time of a UTC instant.
    #[inline]
    pub(crate) fn at(&mut self, utc: i64) -> DateTime<FixedOffset> {
        self.offset_secs(utc);
        let secs = utc.wrapping_sub(self.utc_day.0);
        if !(0..86_400).contains(&secs) {
            let midnight = utc.div_euclid(86_400) * 86_400;
            let date = DateTime::from_timestamp(midnight, 0)
                .unwrap_or_default()
                .date_naive();
            self.utc_day = (midnight, date);
        }
        let secs = (utc - self.utc_day.0) as u32;
        let time =
            chrono::NaiveTime::from_num_seconds_from_midnight_opt(secs, 0).unwrap_or_default();
        DateTime::from_naive_utc_and_offset(self.utc_day.1.and_time(time), self.offset)
    }

    /// The slot `[utc, utc + length)` in local time.
    #[inline]
    pub(crate) fn slot(&mut self, utc: i64, length: i64) -> Slot {
        let start = self.at(utc);
        let end_secs = utc + length - self.utc_day.0;
        let end = match chrono::NaiveTime::from_num_seconds_from_midnight_opt(end_secs as u32, 0) {
            // Same UTC day and same offset: only the time of day moves.
            Some(time) if (0..86_400).contains(&end_secs) && utc + length < self.valid.1 => {
                DateTime::from_naive_utc_and_offset(self.utc_day.1.and_time(time), self.offset)
            }
            _ => self.at(utc + length),
        };
        Slot { start, end }
    }
}

/// Every slot a centre offers for an inspection of `duration_minutes` over the horizon,
/// whoever the inspector (opening hours only; see [`crate::availability`] for capacity).
pub fn generate_slots(
    centre: &Centre,
    horizon: &Horizon,
    duration_minutes: u32,
) -> Result<Vec<Slot>, ScheduleError> {
    let open = centre_open_spans(centre, horizon)?;
    slots_in(&open, horizon, centre.grid_minutes, duration_minutes)
}

#[cfg(test)]
mod tests;
