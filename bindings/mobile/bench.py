#!/usr/bin/env python3
"""Overhead of the uniffi binding (the phones' Kotlin and Swift share its FFI layer), from
uniffi's own Python: one national-scale search (the benches crate's `national(6000)` data,
rebuilt from the same seed by bindings/bench_data.py), Paris, 50 km, 20 centres x 3 slots;
compare with criterion's `search/national_6000_paris_50km_20x3`.

Usage (release library; generate.sh builds a debug one):
  export CARGO_TARGET_DIR=...    # or the default target/
  bindings/mobile/generate.sh python /tmp/uniffi-py
  cargo build -q -p pti-calendar-mobile --release --lib
  cp "$CARGO_TARGET_DIR/release/libpti_calendar_mobile.so" /tmp/uniffi-py/
  PYTHONPATH=/tmp/uniffi-py python3 bindings/mobile/bench.py [--centres 6000]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pti_calendar as pti  # noqa: E402  uniffi's module, not the pyo3 package
from bench_data import BASE, DAYS, national  # noqa: E402


def timeit(f: Callable[[], Any], min_seconds: float = 2.0) -> tuple[float, int]:
    f()
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < min_seconds:
        for _ in range(10):
            f()
        n += 10
    return (time.perf_counter() - t0) / n, n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--centres", type=int, default=6000)
    args = ap.parse_args()

    t0 = time.perf_counter()
    centres, bookings = national(args.centres)
    centres_json = [json.dumps(c) for c in centres]
    bookings_json = [json.dumps(b) for b in bookings]
    del centres, bookings
    t1 = time.perf_counter()
    net = pti.Network(centres_json, BASE.isoformat(), DAYS, bookings_json)
    t2 = time.perf_counter()
    print(f"national({args.centres}): data {t1 - t0:.1f} s in Python, Network() {t2 - t1:.2f} s, "
          f"{len(bookings_json)} existing bookings, {len(net.displaced())} displaced")
    del centres_json, bookings_json
    query: dict[str, Any] = {
        "origin": {"lat": 48.8566, "lng": 2.3522}, "area": {"radius": 50.0},
        "dates": {"from": "2026-12-03", "to": "2026-12-10"}, "category": "VP", "fuel": "PETROL",
        "control_type": "CT", "sort": "distance", "limit": 20, "slots_per_centre": 3,
    }
    for name, q in (("20x3", query), ("best", dict(query, sort="best"))):
        text = json.dumps(q)
        hits = net.search(text)
        per, n = timeit(lambda: net.search(text))
        print(f"search/national_{args.centres}_paris_50km_{name} through uniffi (Python): "
              f"{per * 1e6:,.1f} µs per call ({n} calls, {len(hits)} hits, "
              f"{sum(len(h.slots) for h in hits)} slots)")
    per, n = timeit(net.size)
    print(f"Network.size() through uniffi (Python), the floor of a call: {per * 1e6:,.2f} µs ({n} calls)")


if __name__ == "__main__":
    main()
