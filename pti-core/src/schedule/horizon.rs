//! A run of local days in one time zone, with each day's UTC bounds: the frame in which
//! schedules expand and availability is indexed.
//!
//! Converting a local time to UTC costs a time-zone lookup; a horizon does that once per day
//! and answers in a few nanoseconds for every day without an offset change. On days with a
//! change (DST), it asks the time zone for each time. As RFC 5545 says, a local time in the
//! spring gap is read with the offset in force before the gap (02:30 becomes 03:30 summer
//! time), and one in the autumn fold is taken at its first occurrence (no double slot).

use chrono::{
    DateTime, Days, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc,
};
use chrono_tz::Tz;

use super::ScheduleError;

/// Longest horizon accepted, in days (a little over two years).
pub const MAX_HORIZON_DAYS: u32 = 800;

#[derive(Clone, Copy, Debug)]
struct Day {
    date: NaiveDate,
    /// UTC seconds of the first instant of the local day.
    start: i64,
    /// UTC offset in seconds at the start of the day.
    offset: i32,
    /// Whether the day starts at local midnight and keeps one offset all day.
    uniform: bool,
    /// Whether local midnight exists (it may fall in a gap in a few zones).
    midnight_exists: bool,
}

/// Consecutive local days `[first_day, first_day + len)` in a time zone.
#[derive(Clone, Debug)]
pub struct Horizon {
    tz: Tz,
    days: Vec<Day>,
    /// UTC seconds of the end of the last day.
    end: i64,
}

impl Horizon {
    /// The `days` local days from `first_day` in `tz`.
    pub fn new(tz: Tz, first_day: NaiveDate, days: u32) -> Result<Self, ScheduleError> {
        if days == 0 || days > MAX_HORIZON_DAYS {
            return Err(ScheduleError::InvalidHorizon { days });
        }
        let mut bounds = Vec::with_capacity(days as usize + 1);
        let mut date = first_day;
        for _ in 0..=days {
            let (start, offset, midnight_exists) =
                day_start(tz, date).ok_or(ScheduleError::InvalidHorizon { days })?;
            bounds.push(Day {
                date,
                start,
                offset,
                uniform: true,
                midnight_exists,
            });
            date = date
                .checked_add_days(Days::new(1))
                .ok_or(ScheduleError::InvalidHorizon { days })?;
        }
        for i in 0..days as usize {
            bounds[i].uniform =
                bounds[i].midnight_exists && bounds[i].offset == bounds[i + 1].offset;
        }
        let end = bounds.pop().map(|d| d.start).unwrap_or_default();
        Ok(Horizon {
            tz,
            days: bounds,
            end,
        })
    }

    /// The time zone.
    pub fn tz(&self) -> Tz {
        self.tz
    }

    /// The first local day.
    pub fn first_day(&self) -> NaiveDate {
        self.days[0].date
    }

    /// Number of days.
    pub fn len(&self) -> usize {
        self.days.len()
    }

    /// Always false: a horizon has at least one day.
    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
    }

    /// The local date of day `i`, if inside the horizon.
    pub fn date_of(&self, i: usize) -> Option<NaiveDate> {
        self.days.get(i).map(|d| d.date)
    }

    /// The local date of day `i < len()`.
    pub(crate) fn date(&self, i: usize) -> NaiveDate {
        self.days[i].date
    }

    /// Index of a local date, if inside the horizon.
    pub fn index_of(&self, date: NaiveDate) -> Option<usize> {
        let i = (date - self.first_day()).num_days();
        (0..self.days.len() as i64)
            .contains(&i)
            .then_some(i as usize)
    }

    /// UTC seconds of the start of day `i` (`i == len()` gives the end of the horizon).
    pub fn day_start(&self, i: usize) -> i64 {
        self.days.get(i).map_or(self.end, |d| d.start)
    }

    /// UTC seconds of the horizon's first and last-plus-one instants.
    pub fn bounds(&self) -> (i64, i64) {
        (self.days[0].start, self.end)
    }

    /// UTC seconds of a local time of day `i` (`secs` after local midnight on the wall clock);
    /// `None` outside the horizon.
    pub fn to_utc(&self, i: usize, secs_of_day: u32) -> Option<i64> {
        let day = self.days.get(i)?;
        if day.uniform {
            return Some(day.start + i64::from(secs_of_day));
        }
        let naive =
            day.date.and_hms_opt(0, 0, 0)? + chrono::Duration::seconds(i64::from(secs_of_day));
        resolve(self.tz, naive)
    }

    /// UTC seconds of a local date-time anywhere (inside the horizon or not).
    pub fn local_to_utc(&self, naive: NaiveDateTime) -> Option<i64> {
        match self.index_of(naive.date()) {
            Some(i) => self.to_utc(i, naive.time().num_seconds_from_midnight_u32()),
            None => resolve(self.tz, naive),
        }
    }

    /// Index of the local day containing the UTC instant, if inside the horizon.
    pub fn day_of(&self, utc: i64) -> Option<usize> {
        if utc < self.days[0].start || utc >= self.end {
            return None;
        }
        // Days last 23 to 25 hours: start from the 24-hour guess and step to the right day.
        let last = self.days.len() - 1;
        let mut i = (((utc - self.days[0].start) / 86_400) as usize).min(last);
        while i > 0 && self.days[i].start > utc {
            i -= 1;
        }
        while i < last && self.days[i + 1].start <= utc {
            i += 1;
        }
        Some(i)
    }

    /// The UTC offset in force at a UTC instant.
    pub fn offset_at(&self, utc: i64) -> FixedOffset {
        if let Some(i) = self.day_of(utc) {
            let day = &self.days[i];
            if day.uniform
                && let Some(offset) = FixedOffset::east_opt(day.offset)
            {
                return offset;
            }
        }
        let instant = DateTime::from_timestamp(utc, 0).unwrap_or_default();
        self.tz.offset_from_utc_datetime(&instant.naive_utc()).fix()
    }

    /// The offset at a UTC instant and the span of instants around it known to share it (a
    /// whole day without change, or just this instant on a day with one).
    pub fn offset_stretch(&self, utc: i64) -> (FixedOffset, (i64, i64)) {
        let offset = self.offset_at(utc);
        match self.day_of(utc) {
            Some(i) if self.days[i].uniform => {
                (offset, (self.days[i].start, self.day_start(i + 1)))
            }
            _ => (offset, (utc, utc + 1)),
        }
    }

    /// The instant as a local date-time with its offset.
    pub fn local(&self, utc: i64) -> DateTime<FixedOffset> {
        let instant = DateTime::<Utc>::from_timestamp(utc, 0).unwrap_or_default();
        instant.with_timezone(&self.offset_at(utc))
    }
}

trait SecondsOfDay {
    fn num_seconds_from_midnight_u32(&self) -> u32;
}

impl SecondsOfDay for chrono::NaiveTime {
    fn num_seconds_from_midnight_u32(&self) -> u32 {
        chrono::Timelike::num_seconds_from_midnight(self)
    }
}

/// UTC seconds of a wall-clock time: the earlier instant in a fold; in a gap, the time read
/// with the offset before the gap (RFC 5545, 3.3.5).
pub(crate) fn resolve(tz: Tz, naive: NaiveDateTime) -> Option<i64> {
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(dt) => Some(dt.timestamp()),
        LocalResult::Ambiguous(first, _) => Some(first.timestamp()),
        LocalResult::None => {
            let before = tz
                .from_local_datetime(&(naive - chrono::Duration::days(1)))
                .earliest()?;
            let offset = i64::from(before.offset().fix().local_minus_utc());
            Some(naive.and_utc().timestamp() - offset)
        }
    }
}

/// First instant of a local day, the offset then, and whether local midnight exists (in a
/// few zones a DST gap swallows midnight and the day starts at the end of the gap).
fn day_start(tz: Tz, date: NaiveDate) -> Option<(i64, i32, bool)> {
    let midnight = date.and_hms_opt(0, 0, 0)?;
    (0..=12).find_map(|quarter| {
        let naive = midnight + chrono::Duration::minutes(15 * quarter);
        match tz.from_local_datetime(&naive) {
            LocalResult::Single(dt) | LocalResult::Ambiguous(dt, _) => Some((
                dt.timestamp(),
                dt.offset().fix().local_minus_utc(),
                quarter == 0,
            )),
            LocalResult::None => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paris(first: &str, days: u32) -> Horizon {
        Horizon::new(chrono_tz::Europe::Paris, first.parse().unwrap(), days).unwrap()
    }

    #[test]
    fn dst_days_are_23_and_25_hours_long() {
        let h = paris("2027-03-27", 3);
        assert_eq!(h.day_start(2) - h.day_start(1), 23 * 3600);
        let h = paris("2027-10-30", 3);
        assert_eq!(h.day_start(2) - h.day_start(1), 25 * 3600);
    }

    #[test]
    fn gap_times_shift_forward_and_fold_times_take_the_first() {
        let h = paris("2027-03-28", 1);
        let half_two = h.to_utc(0, 2 * 3600 + 30 * 60).unwrap();
        assert_eq!(h.local(half_two).to_rfc3339(), "2027-03-28T03:30:00+02:00");
        let eight = h.to_utc(0, 8 * 3600).unwrap();
        assert_eq!(h.local(eight).to_rfc3339(), "2027-03-28T08:00:00+02:00");
        let h = paris("2027-10-31", 1);
        let half_two = h.to_utc(0, 2 * 3600 + 30 * 60).unwrap();
        assert_eq!(h.local(half_two).to_rfc3339(), "2027-10-31T02:30:00+02:00");
        let eight = h.to_utc(0, 8 * 3600).unwrap();
        assert_eq!(h.local(eight).to_rfc3339(), "2027-10-31T08:00:00+01:00");
    }

    #[test]
    fn day_of_finds_the_local_day() {
        let h = paris("2027-01-01", 10);
        let t = h.to_utc(3, 23 * 3600 + 59 * 60).unwrap();
        assert_eq!(h.day_of(t), Some(3));
        assert_eq!(h.day_of(h.day_start(4)), Some(4));
        assert_eq!(h.day_of(h.bounds().1), None);
    }

    #[test]
    fn refuses_empty_and_huge_horizons() {
        let d = "2027-01-01".parse().unwrap();
        assert!(Horizon::new(chrono_tz::UTC, d, 0).is_err());
        assert!(Horizon::new(chrono_tz::UTC, d, MAX_HORIZON_DAYS + 1).is_err());
    }
}
