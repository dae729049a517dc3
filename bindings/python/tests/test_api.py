"""Booking, release, the error model and bad input from Python."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import pti_calendar as pti

SETUP = json.loads(
    (Path(__file__).resolve().parents[3] / "tests" / "vectors" / "search.json").read_text()
)["setup"]
C1 = "00000000-0000-0000-0000-00000000c001"
PARIS = ZoneInfo("Europe/Paris")
QUERY: dict[str, Any] = {
    "origin": {"lat": 48.8566, "lng": 2.3522},
    "area": {"radius": 50.0},
    "dates": {"from": "2026-12-03", "to": "2026-12-10"},
    "category": "VP",
    "fuel": "PETROL",
    "control_type": "CT",
    "limit": 20,
    "slots_per_centre": 3,
}


def network() -> pti.Network:
    return pti.Network(SETUP["centres"], dt.date(2026, 11, 30), 30)


def test_book_release_roundtrip() -> None:
    net = network()
    assert len(net) == len(SETUP["centres"])
    start = dt.datetime(2026, 12, 3, 8, 0, tzinfo=PARIS)
    placed = net.book(C1, "00000000-0000-0000-0000-0000000000b1", start, 35, ["VL"])
    assert placed.start == start
    # The engine reserves whole grid cells: 35 minutes on a 15-minute grid end at +45.
    assert placed.end == start + dt.timedelta(minutes=45)
    assert placed.start.utcoffset() == dt.timedelta(0)
    assert placed.inspector_id == "00000000-0000-0000-0000-000000001001"
    with pytest.raises(pti.SlotTaken) as e:
        net.book(C1, "00000000-0000-0000-0000-0000000000b2", start, 35, ["VL"])
    assert e.value.code == "SLOT_TAKEN"
    assert isinstance(e.value, pti.BookingError) and isinstance(e.value, pti.PtiError)
    with pytest.raises(pti.DuplicateBooking):
        net.book(C1, "00000000-0000-0000-0000-0000000000b1", start, 35, ["VL"])
    released = net.release(C1, "00000000-0000-0000-0000-0000000000b1")
    assert released.start == start
    # Results compare by value, as dataclasses do.
    assert released == placed and hash(released) == hash(placed)
    with pytest.raises(pti.UnknownBooking) as e2:
        net.release(C1, "00000000-0000-0000-0000-0000000000b1")
    assert e2.value.code == "UNKNOWN_BOOKING"


def test_booking_errors() -> None:
    net = network()
    sunday = dt.datetime(2026, 12, 6, 10, 0, tzinfo=PARIS)
    with pytest.raises(pti.OutsideOpeningHours) as e:
        net.book(C1, "00000000-0000-0000-0000-0000000000b1", sunday, 35, ["VL"])
    assert e.value.code == "OUTSIDE_OPENING_HOURS"
    monday = dt.datetime(2026, 12, 7, 10, 0, tzinfo=PARIS)
    with pytest.raises(pti.NoQualifiedInspector) as e2:
        net.book(C1, "00000000-0000-0000-0000-0000000000b1", monday, 35, ["GAS"])
    assert e2.value.code == "NO_QUALIFIED_INSPECTOR"
    with pytest.raises(pti.UnknownCentre) as e3:
        net.book("00000000-0000-0000-0000-00000000ffff", "00000000-0000-0000-0000-0000000000b1", monday, 35, ["VL"])
    assert e3.value.code == "UNKNOWN_CENTRE"


def test_existing_bookings_take_capacity() -> None:
    first = network().search(**QUERY)
    c1 = next(h for h in first if h.centre_id == C1)
    slot = c1.slots[0]
    net = pti.Network(
        SETUP["centres"],
        dt.date(2026, 11, 30),
        30,
        existing_bookings=[
            {
                "centre_id": C1,
                "booking_id": "00000000-0000-0000-0000-0000000000b9",
                "inspector_id": "00000000-0000-0000-0000-000000001001",
                "start": slot.start,
                "duration_minutes": 35,
            }
        ],
    )
    again = next(h for h in net.search(**QUERY) if h.centre_id == C1)
    assert again.slots[0].start != slot.start
    assert net.displaced == []


def test_search_results_compare_by_value() -> None:
    first, again = network().search(**QUERY), network().search(**QUERY)
    assert first == again and first[0] is not again[0]
    assert first[0].slots[0] == again[0].slots[0] and first[0].slots[0] != first[0].slots[1]
    assert first[0] != first[1]


def test_datetimes_carry_the_centres_zoneinfo() -> None:
    hit = next(h for h in network().search(**QUERY) if h.centre_id == C1)
    assert hit.slots[0].start.tzinfo is PARIS and hit.slots[0].end.tzinfo is PARIS
    # Over the spring change (28 March 2027) the names follow the zone, and adding a day keeps
    # the wall-clock time, as with any ZoneInfo datetime.
    slots = pti.generate_slots(SETUP["centres"][0], dt.date(2027, 3, 22), 14, 35)
    assert {s.start.tzname() for s in slots} == {"CET", "CEST"}
    before = next(s.start for s in slots if s.start.date() == dt.date(2027, 3, 26))
    assert before.tzinfo is PARIS
    week_later = before + dt.timedelta(days=7)
    assert (week_later.hour, week_later.utcoffset()) == (before.hour, dt.timedelta(hours=2))
    assert week_later in {s.start for s in slots}


def test_a_bad_existing_booking_is_named() -> None:
    good = {
        "centre_id": C1,
        "booking_id": "00000000-0000-0000-0000-0000000000b9",
        "inspector_id": "00000000-0000-0000-0000-000000001001",
        "start": dt.datetime(2026, 12, 3, 8, tzinfo=PARIS),
        "duration_minutes": 35,
    }
    for bad, message in [
        ({**good, "start": dt.datetime(2026, 12, 3, 8)}, "naive datetime"),
        ({**good, "start": "tomorrow"}, "invalid characters"),
        ({k: v for k, v in good.items() if k != "inspector_id"}, "missing field `inspector_id`"),
        ({**good, "duration_minutes": float("nan")}, "NaN"),
        ({**good, "duration_minutes": -1}, "integer `-1`"),
    ]:
        with pytest.raises(ValueError, match=f"invalid existing booking #1: .*{re.escape(message)}"):
            pti.Network(SETUP["centres"], dt.date(2026, 11, 30), 30, existing_bookings=[good, bad])
    # A value of the wrong type is a TypeError.
    wrong_types: list[tuple[dict[str, object] | None, str]] = [
        ({**good, "booking_id": None}, "invalid type: null, expected a formatted UUID string"),
        ({**good, "duration_minutes": "35"}, 'invalid type: string "35", expected u32'),
        (None, "invalid type: null"),
    ]
    for bad_type, message in wrong_types:
        with pytest.raises(TypeError, match=f"invalid existing booking #1: .*{re.escape(message)}"):
            pti.Network(SETUP["centres"], dt.date(2026, 11, 30), 30, existing_bookings=[good, bad_type])  # type: ignore[list-item]


def test_naive_datetime_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="naive"):
        network().book(C1, "00000000-0000-0000-0000-0000000000b1", dt.datetime(2026, 12, 3, 8), 35, ["VL"])
    with pytest.raises(ValueError, match="naive"):
        network().search(**{**QUERY, "not_before": dt.datetime(2026, 12, 3, 8)})


def test_wrong_types_are_type_errors() -> None:
    with pytest.raises(TypeError):
        pti.parse_plate(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        pti.parse_plate(123)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        network().book(C1, "00000000-0000-0000-0000-0000000000b1", "2026-12-03T08:00:00+01:00", 35, ["VL"])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        pti.generate_slots(SETUP["centres"][0], "2026-11-30", 1, 35)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        pti.generate_slots(SETUP["centres"][0], dt.datetime(2026, 11, 30, tzinfo=PARIS), 1, 35)
    with pytest.raises(TypeError):
        pti.Network(None, dt.date(2026, 11, 30), 30)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        pti.Centre(object())  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        network().search(**{**QUERY, "origin": object()})


def test_bad_values_are_value_errors() -> None:
    with pytest.raises(ValueError, match="NaN"):
        network().search(**{**QUERY, "min_rating": math.nan})
    with pytest.raises(ValueError, match="days"):
        pti.generate_slots(SETUP["centres"][0], dt.date(2026, 11, 30), -1, 35)
    with pytest.raises(ValueError, match="invalid centre"):
        pti.Centre({"id": "nope"})
    with pytest.raises(ValueError, match="centre_id"):
        network().release("not-a-uuid", "00000000-0000-0000-0000-0000000000b1")
    with pytest.raises(ValueError, match="search query"):
        network().search(**{**QUERY, "sort": "colour"})
    with pytest.raises(TypeError):
        network().search()
    with pytest.raises(ValueError):
        network().book(C1, "00000000-0000-0000-0000-0000000000b1", dt.datetime(2026, 12, 3, 8, tzinfo=PARIS), 35, ["XX"])


def test_engine_errors_are_not_value_errors() -> None:
    """Engine refusals are PtiError, distinct from host-language type/value errors."""
    with pytest.raises(pti.InvalidInput) as e:
        network().search(**{**QUERY, "area": {"radius": -1.0}})
    assert e.value.code == "INVALID_RADIUS"
    assert not isinstance(e.value, ValueError)


def test_centre_object() -> None:
    c = pti.Centre(SETUP["centres"][0])
    assert c.id == C1 and c.name == "CT 1" and c.time_zone == "Europe/Paris"
    assert pti.Centre(json.dumps(SETUP["centres"][0])).id == C1
    assert "CT 1" in repr(c)
    net = pti.Network([c], dt.date(2026, 11, 30), 7)
    assert len(net) == 1
