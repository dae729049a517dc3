//! Free capacity per centre over time, booking and release.
//!
//! A centre's horizon is cut into cells of its slot grid (15 minutes by default). Each inspector
//! has a bit set of the cells they work (shift ∩ opening hours − closures − leave − blocks) and
//! one of the cells their bookings occupy (inspection plus buffer). A start `t` is free for an
//! inspection of `d` minutes when some inspector holding the needed agreements works the
//! ⌈d / grid⌉ cells from `t` with none of them booked, no booking of theirs starts within the
//! buffer, and a lane is free in each of those cells. Searching the first free starts is a few
//! word-wide ANDs per 64 cells; booking and releasing touch only the booking's own cells (O(1)
//! in the horizon's length), plus an O(log n) map from booking id to placement.
//!
//! The inspector given a booking is the least loaded that day among those free, ties going to
//! the smallest inspector id: the same state always gives the same answer.

mod bits;

use bits::Bits;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Utc, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::error::Coded;
use crate::model::{Agreements, BookingId, Centre, CentreId, InspectorId};
use crate::rules::RuleFacts;
use crate::schedule::{self, Horizon, LocalClock, ScheduleError, Slot};

/// Why a booking or query was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AvailabilityError {
    /// Every qualified inspector working then is busy, or every lane is.
    #[error("the slot at {start} is already taken")]
    SlotTaken {
        /// The start asked for.
        start: DateTime<Utc>,
    },
    /// No qualified inspector works then, the start is off the grid, or outside the index.
    #[error("no inspection can start at {start}: outside opening hours")]
    OutsideOpeningHours {
        /// The start asked for.
        start: DateTime<Utc>,
    },
    /// No inspector of the centre holds the agreements the vehicle needs.
    #[error("no inspector of this centre is qualified for this vehicle")]
    NoQualifiedInspector,
    /// The inspector named is not one of the centre's.
    #[error("inspector {0} does not work at this centre")]
    UnknownInspector(InspectorId),
    /// No booking with this id is placed in the centre.
    #[error("booking {0} is not placed in this centre")]
    UnknownBooking(BookingId),
    /// A booking with this id is already placed.
    #[error("booking {0} is already placed")]
    DuplicateBooking(BookingId),
    /// The schedule could not be expanded, or a duration or grid is invalid.
    #[error(transparent)]
    Schedule(#[from] ScheduleError),
}

impl Coded for AvailabilityError {
    fn code(&self) -> &'static str {
        match self {
            AvailabilityError::SlotTaken { .. } => "SLOT_TAKEN",
            AvailabilityError::OutsideOpeningHours { .. } => "OUTSIDE_OPENING_HOURS",
            AvailabilityError::NoQualifiedInspector => "NO_QUALIFIED_INSPECTOR",
            AvailabilityError::UnknownInspector(_) => "UNKNOWN_INSPECTOR",
            AvailabilityError::UnknownBooking(_) => "UNKNOWN_BOOKING",
            AvailabilityError::DuplicateBooking(_) => "DUPLICATE_BOOKING",
            AvailabilityError::Schedule(e) => e.code(),
        }
    }
}

impl AvailabilityError {
    /// The facts this refusal carries: the start asked for, the booking or inspector named.
    pub fn facts(&self) -> RuleFacts {
        let none = RuleFacts::default();
        match *self {
            AvailabilityError::SlotTaken { start }
            | AvailabilityError::OutsideOpeningHours { start } => RuleFacts {
                start: Some(start),
                ..none
            },
            AvailabilityError::UnknownInspector(id) => RuleFacts {
                inspector_id: Some(id),
                ..none
            },
            AvailabilityError::UnknownBooking(id) | AvailabilityError::DuplicateBooking(id) => {
                RuleFacts {
                    booking_id: Some(id),
                    ..none
                }
            }
            AvailabilityError::NoQualifiedInspector | AvailabilityError::Schedule(_) => none,
        }
    }
}

/// What an inspection needs: its length, the buffer after it, the inspector's agreements.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Need {
    /// Length of the inspection in minutes.
    pub duration_minutes: u32,
    /// Agreements the inspector must hold.
    pub agreements: Agreements,
}

/// Which part of the day a search wants.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayPart {
    /// Any time.
    #[default]
    Any,
    /// Starts before 12:00 local time.
    Morning,
    /// Starts at 12:00 local time or later.
    Afternoon,
}

impl DayPart {
    /// Every part, in declaration order.
    pub const ALL: [DayPart; 3] = [DayPart::Any, DayPart::Morning, DayPart::Afternoon];
}

crate::error::impl_code!(DayPart, "part of the day" {
    Any = "any",
    Morning = "morning",
    Afternoon = "afternoon",
});

/// Restricts the starts a search returns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeFilter {
    /// Part of the day.
    #[serde(default)]
    pub part: DayPart,
    /// Only Saturdays.
    #[serde(default)]
    pub saturday_only: bool,
}

impl TimeFilter {
    fn is_any(&self) -> bool {
        self.part == DayPart::Any && !self.saturday_only
    }
}

/// A free start found by a query.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FreeSlot {
    /// Start in the centre's local time.
    pub start: DateTime<FixedOffset>,
    /// End of the inspection (start + duration).
    pub end: DateTime<FixedOffset>,
    /// How many such inspections could still start then (free qualified inspectors, capped
    /// by free lanes).
    pub capacity: u8,
}

/// Where a booking was placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placement {
    /// The booking.
    pub booking_id: BookingId,
    /// The inspector who will do it.
    pub inspector_id: InspectorId,
    /// Start.
    pub start: DateTime<Utc>,
    /// End of the inspection (without buffer).
    pub end: DateTime<Utc>,
}

/// A booking that already exists, to place when an index is built.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExistingBooking {
    /// The booking.
    pub booking_id: BookingId,
    /// Its inspector.
    pub inspector_id: InspectorId,
    /// Start.
    pub start: DateTime<Utc>,
    /// Length in minutes.
    pub duration_minutes: u32,
}

/// An existing booking with its centre, flat (`centre_id` beside the booking's fields): the
/// shape in which a network's bookings arrive from outside (the bindings' inputs).
// Speed: the fields are listed rather than `#[serde(flatten)]`ed from `ExistingBooking`, which
// buffers every field (its name copied) into an intermediate map before reading it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CentreBooking {
    /// The centre.
    pub centre_id: CentreId,
    /// The booking.
    pub booking_id: BookingId,
    /// Its inspector.
    pub inspector_id: InspectorId,
    /// Start.
    pub start: DateTime<Utc>,
    /// Length in minutes.
    pub duration_minutes: u32,
}

impl CentreBooking {
    /// The booking, as its centre's availability places it.
    pub fn booking(&self) -> ExistingBooking {
        ExistingBooking {
            booking_id: self.booking_id,
            inspector_id: self.inspector_id,
            start: self.start,
            duration_minutes: self.duration_minutes,
        }
    }
}

#[derive(Clone, Debug)]
struct Track {
    id: InspectorId,
    agreements: Agreements,
    working: Bits,
    booked: Bits,
    load: Vec<u16>,
}

#[derive(Clone, Copy, Debug)]
struct Placed {
    track: usize,
    cell: usize,
    fit: usize,
    occupied: usize,
    day: usize,
}

/// The free capacity of one centre over a horizon of days.
#[derive(Clone, Debug)]
pub struct CentreAvailability {
    centre_id: CentreId,
    horizon: Horizon,
    origin: i64,
    grid: i64,
    buffer_minutes: u32,
    lanes: u8,
    tracks: Vec<Track>,
    lane_load: Vec<u8>,
    lane_full: Bits,
    placed: BTreeMap<BookingId, Placed>,
    day_cells: Vec<usize>,
    /// Existing bookings placed over another one of the same inspector.
    overlaps: usize,
}

/// Cells needed by `minutes` on a grid of `grid` seconds.
fn cells(minutes: u32, grid: i64) -> usize {
    (u64::from(minutes) * 60).div_ceil(grid.max(1) as u64) as usize
}

impl CentreAvailability {
    /// Builds the index of `centre` for `days` local days from `first_day`, then places the
    /// existing bookings. Returns the index and the bookings that no longer fit (their
    /// inspector does not work then any more, or they overlap another); those are placed
    /// anyway so their capacity stays taken, and the caller should reschedule them.
    pub fn build(
        centre: &Centre,
        first_day: NaiveDate,
        days: u32,
        existing: &[ExistingBooking],
    ) -> Result<(CentreAvailability, Vec<BookingId>), AvailabilityError> {
        schedule::check_grid(centre.grid_minutes)?;
        let horizon = Horizon::new(centre.time_zone, first_day, days)?;
        let grid = i64::from(centre.grid_minutes) * 60;
        let (origin, end) = horizon.bounds();
        let n = ((end - origin) / grid) as usize;
        let day_cells = (0..=horizon.len())
            .map(|i| ((horizon.day_start(i) - origin) / grid) as usize)
            .collect();
        let open = schedule::centre_open_spans(centre, &horizon)?;
        let mut inspectors: Vec<_> = centre.inspectors.iter().collect();
        inspectors.sort_by_key(|i| i.id);
        let mut tracks = Vec::with_capacity(inspectors.len());
        for inspector in inspectors {
            let mut working = Bits::new(n);
            for span in schedule::inspector_spans(inspector, &open, &horizon)? {
                let from = (span.start - origin).div_euclid(grid)
                    + i64::from((span.start - origin).rem_euclid(grid) > 0);
                let to = (span.end - origin).div_euclid(grid);
                if to > from {
                    working.set_range(from.max(0) as usize, to.max(0) as usize, true);
                }
            }
            tracks.push(Track {
                id: inspector.id,
                agreements: inspector.agreements,
                working,
                booked: Bits::new(n),
                load: vec![0; horizon.len()],
            });
        }
        let mut index = CentreAvailability {
            centre_id: centre.id,
            horizon,
            origin,
            grid,
            buffer_minutes: u32::from(centre.buffer_minutes),
            lanes: centre.lanes.max(1),
            tracks,
            lane_load: vec![0; n],
            lane_full: Bits::new(n),
            placed: BTreeMap::new(),
            day_cells,
            overlaps: 0,
        };
        let mut displaced = Vec::new();
        for booking in existing {
            if index.place_existing(booking)? {
                displaced.push(booking.booking_id);
            }
        }
        Ok((index, displaced))
    }

    /// The centre.
    pub fn centre_id(&self) -> CentreId {
        self.centre_id
    }

    /// The horizon indexed.
    pub fn horizon(&self) -> &Horizon {
        &self.horizon
    }

    /// Number of bookings placed.
    pub fn booking_count(&self) -> usize {
        self.placed.len()
    }

    /// Bookings placed on a local day.
    pub fn bookings_on(&self, day: NaiveDate) -> usize {
        self.horizon.index_of(day).map_or(0, |d| {
            self.tracks.iter().map(|t| usize::from(t.load[d])).sum()
        })
    }

    fn cell_of(&self, start: DateTime<Utc>) -> Option<usize> {
        let offset = start.timestamp() - self.origin;
        let cell = offset / self.grid;
        (offset >= 0 && offset % self.grid == 0 && (cell as usize) < self.lane_load.len())
            .then_some(cell as usize)
    }

    fn time_of(&self, cell: usize) -> i64 {
        self.origin + cell as i64 * self.grid
    }

    fn utc(&self, secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(secs, 0).unwrap_or_default()
    }

    fn day_of_cell(&self, cell: usize) -> usize {
        self.day_cells
            .partition_point(|&c| c <= cell)
            .saturating_sub(1)
            .min(self.horizon.len() - 1)
    }

    fn lane_free(&self, cell: usize, fit: usize) -> bool {
        !self.lane_full.any(cell, cell + fit)
    }

    fn track_free(&self, t: &Track, cell: usize, fit: usize, occupied: usize) -> bool {
        t.working.all(cell, cell + fit) && !t.booked.any(cell, cell + occupied)
    }

    /// How many inspections of this need could start at `start`.
    pub fn capacity_at(&self, start: DateTime<Utc>, need: &Need) -> u8 {
        let Some(cell) = self.cell_of(start) else {
            return 0;
        };
        let (fit, occupied) = self.cells_for(need.duration_minutes);
        self.capacity(cell, fit, occupied, need.agreements)
    }

    fn capacity(&self, cell: usize, fit: usize, occupied: usize, agreements: Agreements) -> u8 {
        let inspectors = self
            .tracks
            .iter()
            .filter(|t| t.agreements.covers(agreements) && self.track_free(t, cell, fit, occupied))
            .count();
        let busiest = self.lane_load[cell..(cell + fit).min(self.lane_load.len())]
            .iter()
            .copied()
            .max()
            .unwrap_or(0);
        (inspectors.min(255) as u8).min(self.lanes.saturating_sub(busiest))
    }

    fn cells_for(&self, duration_minutes: u32) -> (usize, usize) {
        (
            cells(duration_minutes, self.grid),
            cells(duration_minutes + self.buffer_minutes, self.grid),
        )
    }

    /// Books `need` at `start`, choosing the inspector.
    pub fn book(
        &mut self,
        booking_id: BookingId,
        start: DateTime<Utc>,
        need: &Need,
    ) -> Result<Placement, AvailabilityError> {
        self.book_with(booking_id, start, need, None)
    }

    /// Books `need` at `start` with a given inspector, or the best one when `None`.
    pub fn book_with(
        &mut self,
        booking_id: BookingId,
        start: DateTime<Utc>,
        need: &Need,
        inspector: Option<InspectorId>,
    ) -> Result<Placement, AvailabilityError> {
        schedule::check_duration(need.duration_minutes)?;
        if self.placed.contains_key(&booking_id) {
            return Err(AvailabilityError::DuplicateBooking(booking_id));
        }
        if let Some(id) = inspector
            && !self.tracks.iter().any(|t| t.id == id)
        {
            return Err(AvailabilityError::UnknownInspector(id));
        }
        let qualified: Vec<usize> = (0..self.tracks.len())
            .filter(|&i| self.tracks[i].agreements.covers(need.agreements))
            .filter(|&i| inspector.is_none_or(|id| self.tracks[i].id == id))
            .collect();
        if qualified.is_empty() {
            return Err(AvailabilityError::NoQualifiedInspector);
        }
        let outside = AvailabilityError::OutsideOpeningHours { start };
        let cell = self.cell_of(start).ok_or(outside.clone())?;
        let (fit, occupied) = self.cells_for(need.duration_minutes);
        let working: Vec<usize> = qualified
            .into_iter()
            .filter(|&i| self.tracks[i].working.all(cell, cell + fit))
            .collect();
        if working.is_empty() {
            return Err(outside);
        }
        let day = self.day_of_cell(cell);
        let chosen = working
            .into_iter()
            .filter(|&i| !self.tracks[i].booked.any(cell, cell + occupied))
            .min_by_key(|&i| (self.tracks[i].load[day], self.tracks[i].id))
            .filter(|_| self.lane_free(cell, fit))
            .ok_or(AvailabilityError::SlotTaken { start })?;
        self.occupy(
            booking_id,
            Placed {
                track: chosen,
                cell,
                fit,
                occupied,
                day,
            },
        );
        Ok(self.placement(booking_id))
    }

    /// Places a booking that already exists; returns whether it no longer fits.
    fn place_existing(&mut self, b: &ExistingBooking) -> Result<bool, AvailabilityError> {
        schedule::check_duration(b.duration_minutes)?;
        if self.placed.contains_key(&b.booking_id) {
            return Err(AvailabilityError::DuplicateBooking(b.booking_id));
        }
        let track = self
            .tracks
            .iter()
            .position(|t| t.id == b.inspector_id)
            .ok_or(AvailabilityError::UnknownInspector(b.inspector_id))?;
        let Some(cell) = self.cell_of(b.start) else {
            // Off the grid or outside the horizon: nothing to hold in this index.
            return Ok(!self.in_horizon(b.start));
        };
        let (fit, occupied) = self.cells_for(b.duration_minutes);
        let fits =
            self.track_free(&self.tracks[track], cell, fit, occupied) && self.lane_free(cell, fit);
        if self.tracks[track].booked.any(cell, cell + occupied) {
            self.overlaps += 1;
        }
        let day = self.day_of_cell(cell);
        self.occupy(
            b.booking_id,
            Placed {
                track,
                cell,
                fit,
                occupied,
                day,
            },
        );
        Ok(!fits)
    }

    fn in_horizon(&self, t: DateTime<Utc>) -> bool {
        let (from, to) = self.horizon.bounds();
        (from..to).contains(&t.timestamp())
    }

    fn occupy(&mut self, id: BookingId, p: Placed) {
        let track = &mut self.tracks[p.track];
        track.booked.set_range(p.cell, p.cell + p.occupied, true);
        track.load[p.day] = track.load[p.day].saturating_add(1);
        self.set_lanes(p.cell, p.fit, true);
        self.placed.insert(id, p);
    }

    fn set_lanes(&mut self, cell: usize, fit: usize, add: bool) {
        let end = (cell + fit).min(self.lane_load.len());
        for c in cell..end {
            let load = &mut self.lane_load[c];
            *load = if add {
                load.saturating_add(1)
            } else {
                load.saturating_sub(1)
            };
            let full = *load >= self.lanes;
            self.lane_full.set_range(c, c + 1, full);
        }
    }

    fn placement(&self, id: BookingId) -> Placement {
        let p = self.placed[&id];
        let start = self.time_of(p.cell);
        Placement {
            booking_id: id,
            inspector_id: self.tracks[p.track].id,
            start: self.utc(start),
            end: self.utc(start + p.fit as i64 * self.grid),
        }
    }

    /// Releases a booking: its cells are free again.
    pub fn release(&mut self, booking_id: BookingId) -> Result<Placement, AvailabilityError> {
        let placement = self
            .placed
            .get(&booking_id)
            .map(|_| self.placement(booking_id));
        let (Some(p), Some(placement)) = (self.placed.remove(&booking_id), placement) else {
            return Err(AvailabilityError::UnknownBooking(booking_id));
        };
        let track = &mut self.tracks[p.track];
        track.booked.set_range(p.cell, p.cell + p.occupied, false);
        track.load[p.day] = track.load[p.day].saturating_sub(1);
        self.set_lanes(p.cell, p.fit, false);
        if self.overlaps > 0 {
            // Existing bookings placed over one another: the others keep their cells booked.
            let others: Vec<Placed> = self
                .placed
                .values()
                .filter(|o| {
                    o.track == p.track
                        && o.cell < p.cell + p.occupied
                        && p.cell < o.cell + o.occupied
                })
                .copied()
                .collect();
            for o in others {
                self.tracks[o.track]
                    .booked
                    .set_range(o.cell, o.cell + o.occupied, true);
            }
        }
        Ok(placement)
    }

    /// The first `limit` free starts in `[from, to)` for `need`, matching `filter`.
    pub fn first_free(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        need: &Need,
        filter: TimeFilter,
        limit: usize,
    ) -> Vec<FreeSlot> {
        self.first_free_between(from.timestamp(), to.timestamp(), need, filter, limit)
    }

    /// [`CentreAvailability::first_free`] with UTC seconds.
    pub(crate) fn first_free_between(
        &self,
        from: i64,
        to: i64,
        need: &Need,
        filter: TimeFilter,
        limit: usize,
    ) -> Vec<FreeSlot> {
        let mut out = Vec::with_capacity(limit.min(64));
        let length = i64::from(need.duration_minutes) * 60;
        let mut local = LocalClock::new(&self.horizon);
        self.scan(from, to, need, filter, |cell, capacity| {
            let Slot { start, end } = local.slot(self.time_of(cell), length);
            out.push(FreeSlot {
                start,
                end,
                capacity,
            });
            out.len() < limit
        });
        out
    }

    /// Whether any start is free in `[from, to)` for `need` and `filter`.
    pub fn has_free(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        need: &Need,
        filter: TimeFilter,
    ) -> bool {
        let mut found = false;
        self.scan(from.timestamp(), to.timestamp(), need, filter, |_, _| {
            found = true;
            false
        });
        found
    }

    /// The first free start of each local day in the horizon between the two dates (both
    /// included), for calendars: `(day, count of free starts, first free start)`.
    pub fn free_days(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        need: &Need,
    ) -> Vec<(NaiveDate, usize)> {
        let mut out = Vec::new();
        let mut day = from;
        while day <= to {
            if let Some(d) = self.horizon.index_of(day) {
                let mut count = 0;
                self.scan(
                    self.horizon.day_start(d),
                    self.horizon.day_start(d + 1),
                    need,
                    TimeFilter::default(),
                    |_, _| {
                        count += 1;
                        true
                    },
                );
                out.push((day, count));
            }
            let Some(next) = day.succ_opt() else { break };
            day = next;
        }
        out
    }

    /// Calls `visit(cell, capacity)` on each free start in order until it returns false.
    fn scan(
        &self,
        from: i64,
        to: i64,
        need: &Need,
        filter: TimeFilter,
        mut visit: impl FnMut(usize, u8) -> bool,
    ) {
        let n = self.lane_load.len();
        let first = ((from - self.origin).max(0) + self.grid - 1) / self.grid;
        let last = (((to - self.origin).max(0)) / self.grid).min(n as i64);
        if first >= last || need.duration_minutes == 0 {
            return;
        }
        let (first, last) = (first as usize, last as usize);
        let (fit, occupied) = self.cells_for(need.duration_minutes);
        let qualified = || {
            self.tracks
                .iter()
                .filter(|t| t.agreements.covers(need.agreements))
        };
        if qualified().next().is_none() {
            return;
        }
        let mask = (!filter.is_any()).then(|| self.filter_mask(filter, first, last));
        for w in first / 64..=(last - 1) / 64 {
            let mut free = 0u64;
            if fit <= 64 && occupied <= 64 {
                for t in qualified() {
                    let mut ok = t.working.runs(w, fit) & t.booked.clear_runs(w, fit);
                    if occupied > fit {
                        ok &= t.booked.clear_runs(w, occupied);
                    }
                    free |= ok;
                }
                free &= self.lane_full.clear_runs(w, fit);
            } else {
                for j in 0..64 {
                    let c = w * 64 + j;
                    if c < n && self.capacity(c, fit, occupied, need.agreements) > 0 {
                        free |= 1 << j;
                    }
                }
            }
            let lo = first.saturating_sub(w * 64);
            let hi = (last - w * 64).min(64);
            if lo > 0 {
                free &= u64::MAX << lo;
            }
            if hi < 64 {
                free &= (1u64 << hi) - 1;
            }
            if let Some(mask) = &mask {
                free &= mask[w - first / 64];
            }
            while free != 0 {
                let j = free.trailing_zeros() as usize;
                free &= free - 1;
                let cell = w * 64 + j;
                if !visit(cell, self.capacity(cell, fit, occupied, need.agreements)) {
                    return;
                }
            }
        }
    }

    /// Cells allowed by a time filter, as words aligned with the scan.
    fn filter_mask(&self, filter: TimeFilter, first: usize, last: usize) -> Vec<u64> {
        let base = first / 64 * 64;
        let mut mask = Bits::new((last - base).div_ceil(64) * 64);
        let (d0, d1) = (
            self.day_of_cell(first),
            self.day_of_cell(last.saturating_sub(1)),
        );
        for d in d0..=d1 {
            if filter.saturday_only && self.horizon.date(d).weekday() != Weekday::Sat {
                continue;
            }
            let (start, end) = (self.day_cells[d], self.day_cells[d + 1]);
            let noon = self
                .horizon
                .to_utc(d, 12 * 3600)
                .map_or(end, |t| ((t - self.origin) / self.grid) as usize);
            let (a, b) = match filter.part {
                DayPart::Any => (start, end),
                DayPart::Morning => (start, noon),
                DayPart::Afternoon => (noon, end),
            };
            if b > a {
                mask.set_range(a.saturating_sub(base), b - base, true);
            }
        }
        (0..mask.len() / 64).map(|w| mask.runs(w, 1)).collect()
    }
}

#[cfg(test)]
mod tests;
