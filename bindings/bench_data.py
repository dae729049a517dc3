"""The benches crate's `national(n)` data (benches/src/lib.rs), rebuilt in Python from the same
SplitMix64 seed as plain dicts in the engine's serde shape; shared by bindings/bench.py (pyo3)
and bindings/mobile/bench.py (uniffi). Standard library only."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
UTC = dt.timezone.utc
BASE = dt.date(2026, 11, 30)
DAYS = 90
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
