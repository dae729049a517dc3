//! RFC 5545 recurrences: parsed and validated by the `rrule` crate, expanded by a fast path
//! for the daily and weekly rules that opening hours and shifts use, and by the `rrule` crate
//! itself for everything else. A property test holds both paths to the same answers.

use chrono::{Datelike, NaiveDateTime, TimeZone, Timelike, Weekday};
use rrule::{Frequency, NWeekday, RRule, RRuleSet, Unvalidated};

use super::ScheduleError;
use super::horizon::{Horizon, resolve};
use super::intervals::Span;
use crate::model::RecurringPeriod;

/// A recurring period, parsed once and ready to expand over any horizon.
#[derive(Clone, Debug)]
pub struct CompiledPeriod {
    rule: Rule,
    source: String,
    tz: chrono_tz::Tz,
    dtstart: NaiveDateTime,
    duration: i64,
}

#[derive(Clone, Debug)]
enum Rule {
    Fast(FastRule),
    Generic(Box<RRule>),
}

/// DAILY or WEEKLY with plain BYDAY, BYMONTH, BYHOUR, BYMINUTE, BYSECOND, INTERVAL, UNTIL.
#[derive(Clone, Debug)]
struct FastRule {
    weekly: bool,
    interval: i64,
    /// Last local date-time an occurrence may start at.
    until_utc: Option<i64>,
    /// Bit `n` set: weekday `n` (Monday = 0) is allowed.
    weekdays: u8,
    /// Bit `m` set: month `m` (January = 1) is allowed.
    months: u16,
    /// Local times of day of the occurrences, in seconds, ascending.
    times: Vec<u32>,
    week_start: Weekday,
}

impl CompiledPeriod {
    /// Parses and validates a period for the time zone `tz`.
    pub fn compile(period: &RecurringPeriod, tz: chrono_tz::Tz) -> Result<Self, ScheduleError> {
        let invalid = |reason: String| ScheduleError::InvalidRrule {
            rule: period.rrule.clone(),
            reason,
        };
        if period.duration_minutes == 0 || period.duration_minutes > 24 * 60 {
            return Err(ScheduleError::InvalidDuration {
                minutes: period.duration_minutes,
            });
        }
        let text = period.rrule.trim();
        let text = text.strip_prefix("RRULE:").unwrap_or(text);
        if text.contains(['\n', '\r']) || text.to_ascii_uppercase().contains("DTSTART") {
            return Err(invalid(
                "give DTSTART separately, one RRULE per period".into(),
            ));
        }
        let parsed: RRule<Unvalidated> = text
            .parse()
            .map_err(|e: rrule::RRuleError| invalid(e.to_string()))?;
        let rtz = rrule::Tz::Tz(tz);
        let dtstart = rtz
            .from_local_datetime(&period.dtstart)
            .earliest()
            .ok_or_else(|| invalid("DTSTART falls in a daylight-saving gap".into()))?;
        let rule = parsed
            .validate(dtstart)
            .map_err(|e| invalid(e.to_string()))?;
        let duration = i64::from(period.duration_minutes) * 60;
        let rule = match FastRule::from_rrule(&rule) {
            Some(fast) => Rule::Fast(fast),
            None => Rule::Generic(Box::new(rule)),
        };
        Ok(CompiledPeriod {
            rule,
            source: text.to_string(),
            tz,
            dtstart: period.dtstart,
            duration,
        })
    }

    /// The same period expanded by the `rrule` crate only (to check the fast path).
    pub fn without_fast_path(mut self) -> Self {
        if let Rule::Fast(_) = self.rule {
            let text = self.source.clone();
            let rtz = rrule::Tz::Tz(self.tz);
            if let Some(rule) = text
                .parse::<RRule<Unvalidated>>()
                .ok()
                .zip(rtz.from_local_datetime(&self.dtstart).earliest())
                .and_then(|(r, start)| r.validate(start).ok())
            {
                self.rule = Rule::Generic(Box::new(rule));
            }
        }
        self
    }

    /// Whether the fast path expands this period.
    pub fn is_fast(&self) -> bool {
        matches!(self.rule, Rule::Fast(_))
    }

    /// Appends the windows of every occurrence that starts on a day of the horizon.
    pub(crate) fn expand_into(
        &self,
        horizon: &Horizon,
        out: &mut Vec<Span>,
    ) -> Result<(), ScheduleError> {
        match &self.rule {
            Rule::Fast(fast) => {
                let days_on = (horizon.len() * (fast.weekdays.count_ones() as usize)).div_ceil(7);
                out.reserve(days_on * fast.times.len());
                fast.expand(self.dtstart, self.duration, horizon, out);
                Ok(())
            }
            Rule::Generic(rule) => self.expand_generic(rule, horizon, out),
        }
    }

    /// Windows of the occurrences starting in the horizon, as UTC spans.
    pub fn expand(&self, horizon: &Horizon) -> Result<Vec<Span>, ScheduleError> {
        let mut out = Vec::new();
        self.expand_into(horizon, &mut out)?;
        Ok(out)
    }

    fn expand_generic(
        &self,
        rule: &RRule,
        horizon: &Horizon,
        out: &mut Vec<Span>,
    ) -> Result<(), ScheduleError> {
        let rtz = rrule::Tz::Tz(horizon.tz());
        let (first, end) = horizon.bounds();
        let at = |secs: i64| rtz.timestamp_opt(secs, 0).earliest();
        let (Some(dtstart), Some(after), Some(before)) = (
            rtz.from_local_datetime(&self.dtstart).earliest(),
            at(first),
            at(end - 1),
        ) else {
            return Ok(());
        };
        let set = RRuleSet::new(dtstart)
            .rrule(rule.clone())
            .after(after)
            .before(before);
        let result = set.all(u16::MAX);
        for occurrence in result.dates {
            // Re-resolve the wall-clock time so both paths treat DST gaps and folds alike.
            if let Some(start) = resolve(horizon.tz(), occurrence.naive_local())
                && horizon.day_of(start).is_some()
            {
                out.push(Span::new(start, start + self.duration));
            }
        }
        Ok(())
    }
}

impl FastRule {
    fn from_rrule(rule: &RRule) -> Option<FastRule> {
        let weekly = match rule.get_freq() {
            Frequency::Daily => false,
            Frequency::Weekly => true,
            _ => return None,
        };
        let plain = rule.get_count().is_none()
            && rule.get_by_set_pos().is_empty()
            && rule.get_by_month_day().is_empty()
            && rule.get_by_year_day().is_empty()
            && rule.get_by_week_no().is_empty();
        if !plain {
            return None;
        }
        let mut weekdays = 0u8;
        for day in rule.get_by_weekday() {
            match day {
                NWeekday::Every(wd) => weekdays |= 1 << wd.num_days_from_monday(),
                NWeekday::Nth(..) => return None,
            }
        }
        if weekdays == 0 {
            weekdays = 0x7f;
        }
        let months = match rule.get_by_month() {
            [] => 0x1ffe,
            list => list.iter().fold(0u16, |acc, m| acc | 1 << m),
        };
        let mut times = Vec::new();
        for h in rule.get_by_hour() {
            for m in rule.get_by_minute() {
                for s in rule.get_by_second() {
                    times.push(u32::from(*h) * 3600 + u32::from(*m) * 60 + u32::from(*s));
                }
            }
        }
        times.sort_unstable();
        times.dedup();
        Some(FastRule {
            weekly,
            interval: i64::from(rule.get_interval().max(1)),
            until_utc: rule.get_until().map(|u| u.timestamp()),
            weekdays,
            months,
            times,
            week_start: rule.get_week_start(),
        })
    }

    fn expand(
        &self,
        dtstart: NaiveDateTime,
        duration: i64,
        horizon: &Horizon,
        out: &mut Vec<Span>,
    ) {
        let start_date = dtstart.date();
        let start_week = start_date.week(self.week_start).first_day();
        let dtstart_secs = dtstart.time().num_seconds_from_midnight();
        for i in 0..horizon.len() {
            let date = horizon.date(i);
            if date < start_date
                || self.weekdays & (1 << date.weekday().num_days_from_monday()) == 0
                || self.months & (1 << date.month()) == 0
            {
                continue;
            }
            // Weeks (or days) since DTSTART's; `start_week` is a week start, so flooring the day
            // count by 7 gives the week index without asking the calendar for each date.
            let step = if self.interval == 1 {
                0
            } else if self.weekly {
                (date - start_week).num_days().div_euclid(7)
            } else {
                (date - start_date).num_days()
            };
            if step % self.interval != 0 {
                continue;
            }
            for &t in &self.times {
                if date == start_date && t < dtstart_secs {
                    continue;
                }
                let Some(start) = horizon.to_utc(i, t) else {
                    continue;
                };
                if self.until_utc.is_some_and(|until| start > until) {
                    return;
                }
                push_merged(out, Span::new(start, start + duration));
            }
        }
    }
}

/// Appends a span, merging it into the last one when they overlap or touch (a union either way).
#[inline]
fn push_merged(out: &mut Vec<Span>, span: Span) {
    match out.last_mut() {
        Some(last) if last.start <= span.start && span.start <= last.end => {
            last.end = last.end.max(span.end)
        }
        _ => out.push(span),
    }
}
