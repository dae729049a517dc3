#!/usr/bin/env python3
"""Binding overhead benchmarks, from Python (run with the bindings' venv after test.sh).

1. One national-scale search (6000 centres, the benches crate's `national(6000)` data rebuilt
   here with the public API from the same SplitMix64 seed), Paris, 50 km, 20 centres x 3 slots;
   compare with criterion's `search/national_6000_paris_50km_20x3` (`make bench`).
2. Slot expansion of the anchors' rule for 30 centres x 90 days from 2026-11-30:
   `pti_calendar.generate_slots` versus python-dateutil's rrule + zoneinfo.

Usage: bindings/python/.venv/bin/python bindings/bench.py [--centres 6000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from typing import Any, Callable
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

import pti_calendar as pti

PARIS = ZoneInfo("Europe/Paris")
UTC = dt.timezone.utc
BASE = dt.date(2026, 11, 30)
DAYS = 90
ANCHOR_RULE = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8,9,10,11,14,15,16,17;BYMINUTE=0,30"
MASK = (1 << 64) - 1


class Rng:
    """SplitMix64, as benches/src/lib.rs."""

    def __init__(self, seed: int) -> None:
        self.state = seed

    def unit(self) -> float:
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return ((z ^ (z >> 31)) >> 11) / float(1 << 53)


def uid(n: int) -> str:
    return f"{n:032x}"[:8] + "-" + f"{n:032x}"[8:12] + "-" + f"{n:032x}"[12:16] + "-" + f"{n:032x}"[16:20] + "-" + f"{n:032x}"[20:]


def anchor_centre(n: int, lat: float, lng: float, rng: Rng) -> dict[str, Any]:
    window = lambda h: {  # noqa: E731
        "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        "dtstart": f"2026-11-30T{h:02}:00:00",
        "duration_minutes": 240,
    }
    cents = 6500 + round(rng.unit() * 3000)
    return {
        "id": uid(n), "tenant_id": uid(1 + n % 600), "agency_id": uid(1 + n % 600),
        "name": f"Centre CT {n}", "location": {"lat": lat, "lng": lng}, "rating": 4.0,
        "opening_hours": [window(8), window(14)],
        "holidays": {"closed_on_public_holidays": False, "alsace_moselle": False},
        "grid_minutes": 30,
        "durations": {"overrides": [{"control_type": "CT", "category": "VP", "fuel": None, "minutes": 30}]},
        "offers": [{"control_type": "CT", "category": "VP", "price": {"gross": cents, "vat_rate": 2000}}],
        "inspectors": [
            {"id": uid(n * 2 + k), "name": f"Controleur {n}-{k}", "agreements": ["VL"], "blocks": []}
            for k in range(2)
        ],
    }


SLOT_TIMES = [(h, m) for h in (8, 9, 10, 11) for m in (0, 30)] + [(h, m) for h in (14, 15, 16, 17) for m in (0, 30)]


def national(n: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The benches crate's national(n): same seed, same draws, same order."""
    # Slot instants of each weekday of the horizon, local Paris time to UTC (zoneinfo).
    weekdays = []
    for d in range(DAYS):
        day = BASE + dt.timedelta(days=d)
        if day.weekday() < 5:
            weekdays.append([
                (
                    (s := dt.datetime(day.year, day.month, day.day, h, m, tzinfo=PARIS).astimezone(UTC)).isoformat(),
                    (s + dt.timedelta(minutes=30)).isoformat(),
                )
                for h, m in SLOT_TIMES
            ])
    rng = Rng(42)
    centres, bookings, next_booking = [], [], 0
    for i in range(1, n + 1):
        lat = 42.5 + rng.unit() * 8.5
        lng = -4.5 + rng.unit() * 12.5
        c = anchor_centre(i, lat, lng, rng)
        for slots in weekdays:
            for ins in c["inspectors"]:
                for start, end in slots:
                    taken = rng.unit() < 0.30
                    blocked = rng.unit() < 0.01
                    if taken:
                        next_booking += 1
                        bookings.append({"centre_id": c["id"], "booking_id": uid(next_booking),
                                         "inspector_id": ins["id"], "start": start, "duration_minutes": 30})
                    elif blocked:
                        ins["blocks"].append({"start": start, "end": end})
        centres.append(c)
    return centres, bookings


def timeit(f: Callable[[], Any], min_seconds: float = 2.0) -> tuple[float, int]:
    f()
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < min_seconds:
        f()
        n += 1
    return (time.perf_counter() - t0) / n, n


def fmt(seconds: float) -> str:
    return f"{seconds * 1e6:,.1f} µs" if seconds < 1e-2 else f"{seconds * 1e3:,.2f} ms"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--centres", type=int, default=6000)
    args = ap.parse_args()

    t0 = time.perf_counter()
    centres, bookings = national(args.centres)
    t1 = time.perf_counter()
    net = pti.Network(centres, BASE, DAYS, existing_bookings=bookings)
    t2 = time.perf_counter()
    print(f"national({args.centres}): data {t1 - t0:.1f} s in Python, Network() {t2 - t1:.2f} s, "
          f"{len(bookings)} existing bookings, {len(net.displaced)} displaced")
    query: dict[str, Any] = {
        "origin": {"lat": 48.8566, "lng": 2.3522}, "area": {"radius": 50.0},
        "dates": {"from": "2026-12-03", "to": "2026-12-10"}, "category": "VP", "fuel": "PETROL",
        "control_type": "CT", "sort": "distance", "limit": 20, "slots_per_centre": 3,
    }
    hits = net.search(**query)
    per, n = timeit(lambda: net.search(**query))
    print(f"search/national_{args.centres}_paris_50km_20x3 from Python: {fmt(per)} per call "
          f"({n} calls, {len(hits)} hits)")
    best = dict(query, sort="best")
    per, n = timeit(lambda: net.search(**best))
    print(f"search/national_{args.centres}_paris_50km_best from Python: {fmt(per)} per call ({n} calls)")

    rng = Rng(7)
    rule_centres = []
    for i in range(1, 31):
        c = anchor_centre(i, 48.5 + rng.unit() * 0.7, 1.8 + rng.unit() * 1.1, rng)
        c["opening_hours"] = [{"rrule": ANCHOR_RULE, "dtstart": "2026-11-30T08:00:00", "duration_minutes": 30}]
        rule_centres.append(pti.Centre(c))

    def engine() -> int:
        return sum(len(pti.generate_slots(c, BASE, DAYS, 30)) for c in rule_centres)

    def engine_read() -> int:
        n = 0
        for c in rule_centres:
            for s in pti.generate_slots(c, BASE, DAYS, 30):
                s.start, s.end
                n += 1
        return n

    lo = dt.datetime(2026, 11, 30)
    hi = lo + dt.timedelta(days=DAYS)

    def dateutil() -> int:
        n = 0
        for _ in rule_centres:
            rule = rrulestr(ANCHOR_RULE, dtstart=lo.replace(hour=8))
            starts = [t.replace(tzinfo=PARIS) for t in rule.between(lo, hi, inc=True)]
            ends = [s + dt.timedelta(minutes=30) for s in starts]
            n += len(ends)
        return n

    assert engine() == dateutil(), (engine(), dateutil())
    ours, _ = timeit(engine)
    read, _ = timeit(engine_read)
    theirs, _ = timeit(dateutil)
    print(f"schedule/30_centres_90_days_anchor_rule ({engine()} slots): python-dateutil + zoneinfo "
          f"{fmt(theirs)}; pti_calendar {fmt(ours)} ({theirs / ours:.0f}x faster), "
          f"{fmt(read)} reading every start and end ({theirs / read:.1f}x faster)")


if __name__ == "__main__":
    main()
