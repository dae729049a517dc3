"""Every case of tests/vectors/{plates,slots,search}.json, as the Rust runner reads them."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import pti_calendar as pti

VECTORS = Path(__file__).resolve().parents[3] / "tests" / "vectors"


def load(name: str) -> Any:
    return json.loads((VECTORS / name).read_text())


PLATES = load("plates.json")["cases"]
SLOTS = load("slots.json")["cases"]
SEARCH = load("search.json")


def test_vector_files_are_all_here() -> None:
    assert len(PLATES) >= 30 and len(SLOTS) >= 25 and len(SEARCH["cases"]) >= 20


@pytest.mark.parametrize("case", PLATES, ids=[c["name"] for c in PLATES])
def test_plates(case: dict[str, Any]) -> None:
    expected = case["expected"]
    if "error" in expected:
        with pytest.raises(pti.InvalidInput) as e:
            pti.parse_plate(case["input"])
        assert e.value.code == expected["error"]
        assert isinstance(e.value, pti.PtiError)
    else:
        plate = pti.parse_plate(case["input"])
        assert plate.canonical == expected["ok"]
        assert str(plate) == expected["ok"]
        assert plate.format == expected["format"]


def rfc3339(t: dt.datetime) -> str:
    assert t.tzinfo is not None
    return t.isoformat()


@pytest.mark.parametrize("case", SLOTS, ids=[c["name"] for c in SLOTS])
def test_slots(case: dict[str, Any]) -> None:
    inp, expected = case["input"], case["expected"]
    first_day = dt.date.fromisoformat(inp["first_day"])
    if "error" in expected:
        with pytest.raises(pti.PtiError) as e:
            pti.generate_slots(inp["centre"], first_day, inp["days"], inp["duration_minutes"])
        assert e.value.code == expected["error"]
        assert isinstance(e.value, pti.InvalidInput)
        return
    centre = pti.Centre(inp["centre"])
    slots = pti.generate_slots(centre, first_day, inp["days"], inp["duration_minutes"])
    starts = [rfc3339(s.start) for s in slots]
    utc = dt.timezone.utc
    for s in slots:
        # In UTC: Python subtracts datetimes that share a tzinfo in wall-clock time.
        assert s.end.astimezone(utc) - s.start.astimezone(utc) == dt.timedelta(minutes=inp["duration_minutes"])
    if "count" in expected:
        assert len(starts) == expected["count"]
    if "slots" in expected:
        assert starts == expected["slots"]
    if "first" in expected:
        assert starts[0] == expected["first"]
    if "last" in expected:
        assert starts[-1] == expected["last"]
    if "last_end" in expected:
        assert rfc3339(slots[-1].end) == expected["last_end"]
    for s in expected.get("includes", []):
        assert s in starts
    for s in expected.get("excludes", []):
        assert s not in starts
    if "per_day" in expected:
        counts = Counter(s[:10] for s in starts)
        for day, want in expected["per_day"].items():
            assert counts.get(day, 0) == want, day


def build_network() -> pti.Network:
    setup = SEARCH["setup"]
    network = pti.Network(
        setup["centres"], dt.date.fromisoformat(setup["first_day"]), setup["days"]
    )
    for b in setup["bookings"]:
        network.book(
            b["centre_id"],
            b["booking_id"],
            dt.datetime.fromisoformat(b["start"]),
            b["duration_minutes"],
            b["agreements"],
        )
    return network


NETWORK = build_network()


@pytest.mark.parametrize("case", SEARCH["cases"], ids=[c["name"] for c in SEARCH["cases"]])
def test_search(case: dict[str, Any]) -> None:
    expected = case["expected"]
    if "error" in expected:
        with pytest.raises(pti.InvalidInput) as e:
            NETWORK.search(**case["query"])
        assert e.value.code == expected["error"]
        return
    hits = NETWORK.search(**case["query"])
    assert [h.centre_id for h in hits] == [w["centre_id"] for w in expected["hits"]]
    for hit, want in zip(hits, expected["hits"]):
        assert abs(hit.distance_km - want["distance_km"]) < 1e-3
        assert hit.price_cents == want["price_cents"]
        assert hit.duration_minutes == want["duration_minutes"]
        assert [rfc3339(s.start) for s in hit.slots] == want["slots"]
        assert all(s.capacity >= 1 for s in hit.slots)


def test_search_accepts_python_dates() -> None:
    """The same query with date objects instead of ISO strings gives the same hits."""
    query = dict(SEARCH["cases"][0]["query"])
    query["dates"] = {"from": dt.date(2026, 12, 3), "to": dt.date(2026, 12, 10)}
    hits = NETWORK.search(**query)
    assert [h.centre_id for h in hits] == [
        w["centre_id"] for w in SEARCH["cases"][0]["expected"]["hits"]
    ]
