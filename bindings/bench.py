#!/usr/bin/env python3
"""Binding overhead benchmarks, from Python (run with the bindings' venv after test.sh).

1. One national-scale search (6000 centres, the benches crate's `national(6000)` data rebuilt
   here with the public API from the same SplitMix64 seed), Paris, 50 km, 20 centres x 3 slots,
   sorted by distance and by "best", against the same searches in Rust: the benches crate's
   `search_loop --stdin` (release build) in a child process, 40 rounds of ~150 ms a side
   alternating with Python's, so that both sides see the machine at the same speed (it drifts
   by up to 1.7x within a minute); looked for in $PTI_SEARCH_LOOP, else
   $CARGO_TARGET_DIR/release/examples, else target/release/examples.
2. Slot expansion of the anchors' rule for 30 centres x 90 days from 2026-11-30:
   `pti_calendar.generate_slots` versus python-dateutil's rrule + zoneinfo.

Usage: bindings/python/.venv/bin/python bindings/bench.py [--centres 6000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import time
from pathlib import Path
from typing import Any, Callable

from dateutil.rrule import rrulestr

import pti_calendar as pti
from bench_data import BASE, DAYS, PARIS, Rng, anchor_centre, national

ANCHOR_RULE = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8,9,10,11,14,15,16,17;BYMINUTE=0,30"


def timeit(f: Callable[[], Any], min_seconds: float = 2.0) -> tuple[float, int]:
    f()
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < min_seconds:
        f()
        n += 1
    return (time.perf_counter() - t0) / n, n


def rust_loop() -> subprocess.Popen[str] | None:
    """The Rust side of the search benchmark, once it has built its data, or None."""
    target = os.environ.get("CARGO_TARGET_DIR", str(Path(__file__).resolve().parent.parent / "target"))
    path = os.environ.get("PTI_SEARCH_LOOP", f"{target}/release/examples/search_loop")
    if not Path(path).exists():
        print(f"(no {path}: Python's times only)")
        return None
    rust = subprocess.Popen([path, "--stdin"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    rust_time(rust, 1, "distance")
    return rust


def rust_time(rust: subprocess.Popen[str], calls: int, sort: str) -> float:
    """Seconds per search of `calls` Rust searches sorted by `sort`."""
    assert rust.stdin is not None and rust.stdout is not None
    rust.stdin.write(f"{calls} {sort}\n")
    rust.stdin.flush()
    return float(rust.stdout.readline()) / 1e6


def fmt(seconds: float) -> str:
    return f"{seconds * 1e6:,.1f} µs" if seconds < 1e-2 else f"{seconds * 1e3:,.2f} ms"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--centres", type=int, default=6000)
    args = ap.parse_args()

    rust = rust_loop()
    t0 = time.perf_counter()
    centres, bookings = national(args.centres)
    t1 = time.perf_counter()
    net = pti.Network(centres, BASE, DAYS, existing_bookings=bookings)
    t2 = time.perf_counter()
    print(f"national({args.centres}): data {t1 - t0:.1f} s in Python, Network() {t2 - t1:.2f} s, "
          f"{len(bookings)} existing bookings, {len(net.displaced)} displaced")
    del centres, bookings
    query: dict[str, Any] = {
        "origin": {"lat": 48.8566, "lng": 2.3522}, "area": {"radius": 50.0},
        "dates": {"from": "2026-12-03", "to": "2026-12-10"}, "category": "VP", "fuel": "PETROL",
        "control_type": "CT", "sort": "distance", "limit": 20, "slots_per_centre": 3,
    }
    queries = {"distance": query, "best": dict(query, sort="best")}
    rounds: dict[str, list[tuple[float, float]]] = {name: [] for name in queries}
    for _ in range(40):
        for name, q in queries.items():
            ours, _ = timeit(lambda: net.search(**q), 0.15)
            native = rust_time(rust, max(1, round(0.15 / ours)), name) if rust else float("nan")
            rounds[name].append((ours, native))
    if rust:
        rust.communicate("")
    for name, q in queries.items():
        r = rounds[name]
        ratios = [p / n for p, n in r]
        print(f"search/national_{args.centres}_paris_50km_{'20x3' if name == 'distance' else name} "
              f"({len(net.search(**q))} hits): Python {fmt(statistics.median(p for p, _ in r))}, "
              f"Rust {fmt(statistics.median(n for _, n in r))}, Python/Rust "
              f"{statistics.median(ratios):.2f}x (rounds: {min(ratios):.2f}-{max(ratios):.2f}x)")

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
