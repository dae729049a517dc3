"""Slot expansion against python-dateutil's rrule + zoneinfo on the DST weeks of 2027."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr

import pti_calendar as pti

PARIS = ZoneInfo("Europe/Paris")
UTC = dt.timezone.utc

RULES = [
    ("FREQ=DAILY", "2027-01-01T08:00:00", 240),
    ("FREQ=DAILY", "2027-01-01T14:00:00", 300),
    ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2024-01-01T08:00:00", 240),
    ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA", "2024-01-01T14:00:00", 300),
    ("FREQ=WEEKLY;BYDAY=SA,SU", "2024-01-06T09:30:00", 150),
    (
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8,9,10,11,14,15,16,17;BYMINUTE=0,30",
        "2026-11-30T08:00:00",
        30,
    ),
]
WEEKS = [dt.date(2027, 3, 25), dt.date(2027, 10, 28)]  # each spans its DST Sunday


def centre(rule: str, dtstart: str, minutes: int) -> dict[str, Any]:
    return {
        "id": "00000000-0000-0000-0000-00000000c001",
        "tenant_id": "00000000-0000-0000-0000-000000000001",
        "agency_id": "00000000-0000-0000-0000-0000000000a1",
        "name": "CT",
        "location": {"lat": 48.8566, "lng": 2.3522},
        "opening_hours": [{"rrule": rule, "dtstart": dtstart, "duration_minutes": minutes}],
        "holidays": {"closed_on_public_holidays": False, "alsace_moselle": False},
    }


def dateutil_starts(
    rule: str, dtstart: str, minutes: int, first: dt.date, days: int, slot: int, grid: int = 15
) -> list[str]:
    """Occurrences by dateutil in local wall time, made aware with zoneinfo, cut into slots."""
    start = dt.datetime.fromisoformat(dtstart)
    lo = dt.datetime.combine(first, dt.time())
    hi = lo + dt.timedelta(days=days)
    spans: list[tuple[dt.datetime, dt.datetime]] = []
    for occ in rrulestr(rule, dtstart=start).between(lo, hi, inc=True):
        if occ >= hi:
            continue
        opening = occ.replace(tzinfo=PARIS).astimezone(UTC)
        closing = opening + dt.timedelta(minutes=minutes)
        if spans and opening <= spans[-1][1]:  # adjacent or overlapping periods merge
            spans[-1] = (spans[-1][0], max(spans[-1][1], closing))
        else:
            spans.append((opening, closing))
    out = []
    step, length = dt.timedelta(minutes=grid), dt.timedelta(minutes=slot)
    for opening, closing in spans:
        t = opening
        while t + length <= closing:
            out.append(t.astimezone(PARIS).isoformat())
            t += step
    return out


@pytest.mark.parametrize("first", WEEKS, ids=str)
@pytest.mark.parametrize("rule,dtstart,minutes", RULES, ids=[r[0] for r in RULES])
def test_same_starts_as_dateutil(rule: str, dtstart: str, minutes: int, first: dt.date) -> None:
    slot = 30 if minutes == 30 else 35
    got = [s.start.isoformat() for s in pti.generate_slots(centre(rule, dtstart, minutes), first, 7, slot)]
    want = dateutil_starts(rule, dtstart, minutes, first, 7, slot)
    assert got == want
    assert len(got) > 0
    offsets = {s[-6:] for s in got}
    assert offsets == {"+01:00", "+02:00"}
