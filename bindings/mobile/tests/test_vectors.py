"""Every file of tests/vectors/ through uniffi's generated Python: proves the FFI layer that
Kotlin and Swift share (records, enums, objects, errors). Plain python3 + unittest, with the
generated module `pti_calendar` and the cdylib on PYTHONPATH (see bindings/test.sh)."""

from __future__ import annotations

import json
import unittest
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pti_calendar as pti  # uniffi's module, not the pyo3 package

VECTORS = Path(__file__).resolve().parents[3] / "tests" / "vectors"


def load(name: str) -> Any:
    return json.loads((VECTORS / name).read_text())


def js(value: Any) -> str:
    return json.dumps(value)


def same_instant(a: str, b: str) -> bool:
    def parse(t: str) -> datetime:
        return datetime.fromisoformat(t.replace("Z", "+00:00"))

    return parse(a) == parse(b)


class Plates(unittest.TestCase):
    def test_every_case(self) -> None:
        cases = load("plates.json")["cases"]
        self.assertGreaterEqual(len(cases), 30)
        for c in cases:
            with self.subTest(c["name"]):
                e = c["expected"]
                if "error" in e:
                    with self.assertRaises(pti.PtiError.InvalidInput) as err:
                        pti.parse_plate(c["input"])
                    self.assertEqual(err.exception.code, e["error"])
                else:
                    plate = pti.parse_plate(c["input"])
                    self.assertEqual(plate.canonical, e["ok"])
                    self.assertEqual(plate.format.name.lower(), e["format"])


class Slots(unittest.TestCase):
    def test_every_case(self) -> None:
        cases = load("slots.json")["cases"]
        self.assertGreaterEqual(len(cases), 25)
        for c in cases:
            with self.subTest(c["name"]):
                i, e = c["input"], c["expected"]
                args = (js(i["centre"]), i["first_day"], i["days"], i["duration_minutes"])
                if "error" in e:
                    with self.assertRaises(pti.PtiError) as err:
                        pti.generate_slots(*args)
                    self.assertEqual(err.exception.code, e["error"])  # type: ignore[attr-defined]
                    continue
                got = pti.generate_slots(*args)
                starts = [s.start for s in got]
                if "count" in e:
                    self.assertEqual(len(starts), e["count"])
                if "slots" in e:
                    self.assertEqual(starts, e["slots"])
                if "first" in e:
                    self.assertEqual(starts[0], e["first"])
                if "last" in e:
                    self.assertEqual(starts[-1], e["last"])
                if "last_end" in e:
                    self.assertEqual(got[-1].end, e["last_end"])
                for s in e.get("includes", []):
                    self.assertIn(s, starts)
                for s in e.get("excludes", []):
                    self.assertNotIn(s, starts)
                if "per_day" in e:
                    counts = Counter(s[:10] for s in starts)
                    for d, n in e["per_day"].items():
                        self.assertEqual(counts.get(d, 0), n, d)


class Search(unittest.TestCase):
    def test_every_case(self) -> None:
        data = load("search.json")
        setup = data["setup"]
        net = pti.Network([js(c) for c in setup["centres"]], setup["first_day"], setup["days"])
        self.assertEqual(net.size(), len(setup["centres"]))
        for b in setup["bookings"]:
            net.book(b["centre_id"], b["booking_id"], b["start"], b["duration_minutes"], b["agreements"])
        self.assertGreaterEqual(len(data["cases"]), 20)
        for c in data["cases"]:
            with self.subTest(c["name"]):
                e = c["expected"]
                if "error" in e:
                    with self.assertRaises(pti.PtiError) as err:
                        net.search(js(c["query"]))
                    self.assertEqual(err.exception.code, e["error"])  # type: ignore[attr-defined]
                    continue
                hits = net.search(js(c["query"]))
                self.assertEqual([h.centre_id for h in hits], [h["centre_id"] for h in e["hits"]])
                for hit, want in zip(hits, e["hits"]):
                    self.assertAlmostEqual(hit.distance_km, want["distance_km"], delta=1e-3)
                    self.assertEqual(hit.price_cents, want["price_cents"])
                    self.assertEqual(hit.duration_minutes, want["duration_minutes"])
                    self.assertEqual([s.start for s in hit.slots], want["slots"])

    def test_book_release_and_errors(self) -> None:
        setup = load("search.json")["setup"]
        net = pti.Network([js(c) for c in setup["centres"]], "2026-11-30", 30)
        c1, b1 = "00000000-0000-0000-0000-00000000c001", "00000000-0000-0000-0000-0000000000b1"
        placed = net.book(c1, b1, "2026-12-03T08:00:00+01:00", 35, ["VL"])
        self.assertEqual(placed.start, "2026-12-03T07:00:00+00:00")
        with self.assertRaises(pti.PtiError.Booking) as taken:
            net.book(c1, "00000000-0000-0000-0000-0000000000b2", "2026-12-03T08:00:00+01:00", 35, ["VL"])
        self.assertEqual(taken.exception.code, "SLOT_TAKEN")
        self.assertEqual(net.release(c1, b1).booking_id, b1)
        with self.assertRaises(pti.PtiError.Booking) as gone:
            net.release(c1, b1)
        self.assertEqual(gone.exception.code, "UNKNOWN_BOOKING")
        with self.assertRaises(pti.PtiError.InvalidInput) as naive:
            net.book(c1, b1, "2026-12-03T08:00:00", 35, ["VL"])
        self.assertEqual(naive.exception.code, "INVALID_ARGUMENT")

    def test_existing_bookings_take_capacity_and_a_bad_one_is_named(self) -> None:
        centres = [js(c) for c in load("search.json")["setup"]["centres"]]
        c1 = "00000000-0000-0000-0000-00000000c001"
        booked = {"centre_id": c1, "booking_id": "00000000-0000-0000-0000-0000000000b9",
                  "inspector_id": "00000000-0000-0000-0000-000000001001",
                  "start": "2026-12-03T08:00:00+01:00", "duration_minutes": 35}
        busy = pti.Network(centres, "2026-11-30", 30, [js(booked)])
        with self.assertRaises(pti.PtiError.Booking) as taken:
            busy.book(c1, "00000000-0000-0000-0000-0000000000b2", "2026-12-03T08:00:00+01:00", 35, ["VL"])
        self.assertEqual(taken.exception.code, "SLOT_TAKEN")
        with self.assertRaises(pti.PtiError.InvalidInput) as bad:
            pti.Network(centres, "2026-11-30", 30, [js(booked), js({**booked, "start": "tomorrow"})])
        self.assertEqual(bad.exception.code, "INVALID_ARGUMENT")
        self.assertIn("invalid existing booking #1", bad.exception.reason)


def run_rule(check: str, i: dict[str, Any]) -> Any:
    policy = pti.BookingPolicy(**i.get("policy", {}))
    if check == "timing":
        pti.check_timing(policy, i["now"], i["start"])
    elif check == "new_booking":
        pti.check_new_booking(
            policy, i["now"], js(i["centre"]), js(i["vehicle"]), i["control_type"], i["start"],
            js(i["last_periodic"]), [js(b) for b in i["bookings"]],
        )
    elif check == "modification":
        pti.check_modification(policy, i["now"], js(i["booking"]), i["new_start"])
    elif check == "cancellation":
        r = pti.cancellation_quote(policy, i["now"], js(i["booking"]), i["paid_cents"])
        return {"amount_cents": r.amount_cents, "percent": r.percent,
                "before_deadline": r.before_deadline, "deadline": r.deadline}
    elif check == "drop_off":
        pti.check_drop_off(policy, i["daily_capacity"], i["bookings"])
    elif check == "fill":
        f = pti.fill_level(policy, i["daily_capacity"], i["bookings"])
        return {"percent": f.percent, "warn": f.warn, "full": f.full}
    elif check == "policy":
        pti.validate_booking_policy(policy)
    else:
        raise AssertionError(check)
    return True


class Rules(unittest.TestCase):
    def check_facts(self, error: Any, i: dict[str, Any], e: dict[str, Any]) -> None:
        """The facts of a booking refusal, as the Python and Node bindings give them."""
        self.assertIsInstance(error, pti.PtiError.Booking)
        facts = error.facts
        for key in ("earliest", "latest", "deadline"):
            if key in e:
                self.assertTrue(same_instant(getattr(facts, key), e[key]), key)
        if "closed_on" in e:
            self.assertEqual(facts.closed_on, e["closed_on"])
        if "limit" in e:
            self.assertEqual(facts.limit, e["limit"])
        if e["error"] == "VEHICLE_ALREADY_BOOKED":
            self.assertIn(facts.booking_id, [b["id"] for b in i["bookings"]])
        if e["error"] == "BOOKING_NOT_MODIFIABLE":
            self.assertEqual(facts.status, i["booking"]["status"])
        set_ = {k for k in ("earliest", "latest", "deadline", "closed_on", "limit", "booking_id",
                            "status") if getattr(facts, k) is not None}
        want = {"NOTICE_TOO_SHORT": {"earliest"}, "BEYOND_HORIZON": {"latest"},
                "DEADLINE_PASSED": {"deadline"}, "RECHECK_WINDOW_EXPIRED": {"closed_on"},
                "OVERBOOKING_LIMIT_REACHED": {"limit"}, "VEHICLE_ALREADY_BOOKED": {"booking_id"},
                "BOOKING_NOT_MODIFIABLE": {"status"}}.get(e["error"], set())
        self.assertEqual(set_, want)

    def test_every_case(self) -> None:
        cases = load("rules.json")["cases"]
        self.assertGreaterEqual(len(cases), 40)
        for c in cases:
            with self.subTest(c["name"]):
                e = c["expected"]
                if "error" in e:
                    with self.assertRaises(pti.PtiError) as err:
                        run_rule(c["check"], c["input"])
                    self.assertEqual(err.exception.code, e["error"])  # type: ignore[attr-defined]
                    if e["error"] != "INVALID_POLICY":
                        self.check_facts(err.exception, c["input"], e)
                    continue
                got = run_rule(c["check"], c["input"])
                if c["check"] == "cancellation":
                    self.assertTrue(same_instant(got["deadline"], e["ok"]["deadline"]))
                    got["deadline"] = e["ok"]["deadline"]
                self.assertEqual(got, e["ok"])


class Policy(unittest.TestCase):
    def test_every_case(self) -> None:
        cases = load("policy.json")["cases"]
        self.assertGreaterEqual(len(cases), 40)
        for c in cases:
            with self.subTest(c["name"]):
                i, e = c["input"], c["expected"]
                p = i["principal"]
                who = pti.Principal(
                    role=p.get("role", ""), user_id=p.get("user_id"), tenant_id=p.get("tenant_id"),
                    agency_id=p.get("agency_id"), centre_id=p.get("centre_id"), grants=p.get("grants", []),
                )
                r = i["resource"]
                row = pti.ResourceRef(
                    kind=r["kind"], tenant_id=r.get("tenant_id"), agency_id=r.get("agency_id"),
                    centre_id=r.get("centre_id"), owner_id=r.get("owner_id"),
                )
                if "error" in e:
                    with self.assertRaises(pti.PtiError.InvalidInput) as err:
                        pti.authorize(who, i["action"], row)
                    self.assertEqual(err.exception.code, e["error"])
                elif e["allow"]:
                    pti.authorize(who, i["action"], row)
                else:
                    with self.assertRaises(pti.PtiError.AccessDenied) as denied:
                        pti.authorize(who, i["action"], row)
                    self.assertEqual(denied.exception.code, e["code"])


class BadInput(unittest.TestCase):
    def test_wrong_types_and_values_raise_python_errors(self) -> None:
        policy = pti.default_booking_policy()
        for call in (
            lambda: pti.parse_plate(None),
            lambda: pti.parse_plate(42),
            lambda: pti.fill_level(policy, "30", 1),
            lambda: pti.fill_level(policy, 30.5, 1),
        ):
            with self.assertRaises(TypeError):
                call()
        # uniffi's generated Python reads a record's fields before checking its type.
        with self.assertRaises((TypeError, AttributeError)):
            pti.check_timing(None, "2026-12-01T10:00:00Z", "2026-12-01T10:00:00Z")
        for call in (
            lambda: pti.fill_level(policy, -1, 1),
            lambda: pti.generate_slots("{}", "2026-11-30", 2**32, 35),
        ):
            with self.assertRaises(ValueError):
                call()
        with self.assertRaises(pti.PtiError.InvalidInput) as e:
            pti.generate_slots('{"id": "nope"}', "2026-11-30", 1, 35)
        self.assertEqual(e.exception.code, "INVALID_ARGUMENT")
        with self.assertRaises(pti.PtiError.InvalidInput) as p:
            pti.validate_booking_policy(pti.BookingPolicy(overbooking_percent=70000))
        self.assertEqual(p.exception.code, "INVALID_POLICY")

    def test_gazetteer(self) -> None:
        g = pti.Gazetteer.from_csv(
            "insee;name;postcodes;departement;population;lat;lng;precision\n"
            "13055;Marseille;13001 13002;13;870000;43.2965;5.3698;city\n"
            "51354;Mars;51800;51;120;49.1;4.9;postcode\n"
        )
        self.assertEqual(g.size(), 2)
        self.assertEqual([p.name for p in g.suggest("mars")], ["Marseille", "Mars"])
        self.assertEqual(g.resolve("13002").precision, pti.Precision.CITY)
        self.assertIsNone(g.by_insee("00000"))
        with self.assertRaises(pti.PtiError.NotFound) as e:
            g.resolve("Atlantis")
        self.assertEqual(e.exception.code, "PLACE_NOT_FOUND")


if __name__ == "__main__":
    unittest.main()
