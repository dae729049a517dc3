//! [`Reservation`]: a booking placed in the engine before the database has it. The placement
//! chooses the inspector in microseconds under the engine's lock; the database write follows.
//! Dropped without [`Reservation::commit`] (the write failed, or the request was abandoned), a
//! reservation undoes itself: the new placement is released and a moved booking goes back to
//! where it was. The exclusion constraint `rdv_no_double_booking` catches any race the
//! engine could not see.

use pti_core::availability::{AvailabilityError, Need, Placement};
use pti_core::model::{BookingId, CentreId};

use super::{Engine, SharedEngine};
use crate::error::Error;

/// A placement awaiting its database commit.
#[must_use = "a reservation dropped without commit() is undone"]
pub struct Reservation {
    engine: SharedEngine,
    centre: CentreId,
    placement: Placement,
    previous: Option<Previous>,
    committed: bool,
}

/// Where a moved booking was, to put it back.
struct Previous {
    centre: CentreId,
    placement: Placement,
    need: Need,
}

impl Reservation {
    /// Places booking `id` at `start` in `centre`, in `engine` (the caller holds the lock of
    /// `shared` so that its checks and the placement see the same state).
    pub fn place(
        shared: &SharedEngine,
        engine: &mut Engine,
        centre: CentreId,
        id: BookingId,
        start: chrono::DateTime<chrono::Utc>,
        need: &Need,
    ) -> Result<Self, Error> {
        let placement = engine
            .index
            .availability_mut(centre)
            .ok_or(Error::SlotTaken)?
            .book(id, start, need)
            .map_err(not_placed)?;
        Ok(Self {
            engine: shared.clone(),
            centre,
            placement,
            previous: None,
            committed: false,
        })
    }

    /// Moves booking `id` from its placement in `from` to `start` in `to`. When the new start
    /// cannot be had, the booking stays where it was.
    pub fn replace(
        shared: &SharedEngine,
        engine: &mut Engine,
        id: BookingId,
        from: CentreId,
        to: CentreId,
        start: chrono::DateTime<chrono::Utc>,
        need: &Need,
    ) -> Result<Self, Error> {
        let previous = engine
            .index
            .availability_mut(from)
            .and_then(|a| a.release(id).ok())
            .map(|placement| Previous {
                centre: from,
                need: Need {
                    duration_minutes: minutes(&placement),
                    agreements: need.agreements,
                },
                placement,
            });
        let placed = match engine.index.availability_mut(to) {
            Some(a) => a.book(id, start, need).map_err(not_placed),
            None => Err(Error::SlotTaken),
        };
        match placed {
            Ok(placement) => Ok(Self {
                engine: shared.clone(),
                centre: to,
                placement,
                previous,
                committed: false,
            }),
            Err(e) => {
                if let Some(p) = previous {
                    restore(engine, id, &p);
                }
                Err(e)
            }
        }
    }

    /// The placement: inspector, start and end.
    pub fn placement(&self) -> &Placement {
        &self.placement
    }

    /// The database committed the booking: the placement stays.
    pub fn commit(mut self) {
        self.committed = true;
    }
}

impl Drop for Reservation {
    fn drop(&mut self) {
        if self.committed {
            return;
        }
        let mut engine = self.engine.write();
        let id = self.placement.booking_id;
        if let Some(a) = engine.index.availability_mut(self.centre) {
            let _ = a.release(id);
        }
        if let Some(previous) = &self.previous {
            restore(&mut engine, id, previous);
        }
    }
}

/// Puts booking `id` back where it was, with the same inspector.
fn restore(engine: &mut Engine, id: BookingId, previous: &Previous) {
    if let Some(a) = engine.index.availability_mut(previous.centre) {
        let _ = a.book_with(
            id,
            previous.placement.start,
            &previous.need,
            Some(previous.placement.inspector_id),
        );
    }
}

fn minutes(placement: &Placement) -> u32 {
    u32::try_from((placement.end - placement.start).num_minutes()).unwrap_or(0)
}

/// The engine's refusal to place a booking; a slot taken meanwhile is a 409 conflict.
fn not_placed(e: AvailabilityError) -> Error {
    match e {
        AvailabilityError::SlotTaken { .. } => Error::SlotTaken,
        other => Error::rule(&other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, NaiveDate, Utc};
    use pti_core::availability::CentreAvailability;
    use pti_core::model::{
        AgencyId, Agreement, Agreements, Centre, GeoPoint, Inspector, InspectorId, TenantId,
    };
    use pti_core::search::SearchIndex;

    const CENTRE: CentreId = CentreId::from_u128(1);
    const OTHER: CentreId = CentreId::from_u128(2);
    const BOOKING: BookingId = BookingId::from_u128(9);

    fn centre(id: CentreId) -> Centre {
        let mut c = Centre::typical(
            id,
            TenantId::from_u128(1),
            AgencyId::from_u128(1),
            "CT",
            GeoPoint::new(48.85, 2.35).unwrap(),
        );
        c.inspectors.push(Inspector::new(
            InspectorId::from_u128(7),
            "Marie",
            Agreements::of(&[Agreement::Vl]),
        ));
        c
    }

    /// An engine of two centres of one inspector each, from Monday 2026-11-30.
    fn engine() -> SharedEngine {
        let day: NaiveDate = "2026-11-30".parse().unwrap();
        let mut engine = Engine::empty(day, 10);
        let centres = [CENTRE, OTHER]
            .map(|id| {
                let c = centre(id);
                let (a, _) =
                    CentreAvailability::build(&c, engine.first_day, engine.days, &[]).unwrap();
                (c, a)
            })
            .to_vec();
        engine.index = SearchIndex::build(centres).unwrap();
        SharedEngine::new(engine)
    }

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    fn need() -> Need {
        Need {
            duration_minutes: 45,
            agreements: Agreements::of(&[Agreement::Vl]),
        }
    }

    fn place(shared: &SharedEngine, id: BookingId, start: &str) -> Result<Reservation, Error> {
        let mut engine = shared.write();
        Reservation::place(shared, &mut engine, CENTRE, id, at(start), &need())
    }

    #[test]
    fn a_dropped_reservation_frees_its_slot() {
        let shared = engine();
        drop(place(&shared, BOOKING, "2026-12-01T08:00:00Z").unwrap());
        let again = place(&shared, BookingId::from_u128(10), "2026-12-01T08:00:00Z");
        assert!(again.is_ok());
    }

    #[test]
    fn a_committed_reservation_keeps_its_slot() {
        let shared = engine();
        place(&shared, BOOKING, "2026-12-01T08:00:00Z")
            .unwrap()
            .commit();
        let again = place(&shared, BookingId::from_u128(10), "2026-12-01T08:00:00Z");
        assert!(matches!(again, Err(Error::SlotTaken)));
    }

    #[test]
    fn a_dropped_move_puts_the_booking_back_where_it_was() {
        let shared = engine();
        place(&shared, BOOKING, "2026-12-01T08:00:00Z")
            .unwrap()
            .commit();
        let moved = {
            let mut engine = shared.write();
            Reservation::replace(
                &shared,
                &mut engine,
                BOOKING,
                CENTRE,
                OTHER,
                at("2026-12-02T09:00:00Z"),
                &need(),
            )
            .unwrap()
        };
        assert_eq!(moved.placement().start, at("2026-12-02T09:00:00Z"));
        drop(moved);
        let mut engine = shared.write();
        let back = engine
            .index
            .availability_mut(CENTRE)
            .unwrap()
            .release(BOOKING);
        assert_eq!(back.unwrap().start, at("2026-12-01T08:00:00Z"));
        let gone = engine
            .index
            .availability_mut(OTHER)
            .unwrap()
            .release(BOOKING);
        assert!(gone.is_err());
    }

    #[test]
    fn a_refused_move_leaves_the_booking_where_it_was() {
        let shared = engine();
        place(&shared, BOOKING, "2026-12-01T08:00:00Z")
            .unwrap()
            .commit();
        place(&shared, BookingId::from_u128(10), "2026-12-01T10:00:00Z")
            .unwrap()
            .commit();
        let refused = {
            let mut engine = shared.write();
            Reservation::replace(
                &shared,
                &mut engine,
                BOOKING,
                CENTRE,
                CENTRE,
                at("2026-12-01T10:00:00Z"),
                &need(),
            )
        };
        assert!(matches!(refused, Err(Error::SlotTaken)));
        let mut engine = shared.write();
        let kept = engine
            .index
            .availability_mut(CENTRE)
            .unwrap()
            .release(BOOKING);
        assert_eq!(kept.unwrap().start, at("2026-12-01T08:00:00Z"));
    }
}
