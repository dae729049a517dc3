"""Every case of tests/vectors/{rules,policy}.json, as the Rust runner reads them, plus the
exception hierarchy of the rules and of access control, and bad input."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

import pytest

import pti_calendar as pti

VECTORS = Path(__file__).resolve().parents[3] / "tests" / "vectors"
RULES = json.loads((VECTORS / "rules.json").read_text())["cases"]
POLICY = json.loads((VECTORS / "policy.json").read_text())["cases"]
NEW = next(c for c in RULES if c["check"] == "new_booking")["input"]


def instant(text: str) -> dt.datetime:
    """RFC 3339 text (``Z`` included) as an aware datetime."""
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def utc(t: dt.datetime) -> str:
    """An instant as the engine's serde writes it: UTC with ``Z``."""
    return t.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z")


def run_rule(check: str, inp: dict[str, Any]) -> Any:
    policy = pti.BookingPolicy(**inp.get("policy", {}))
    assert hash(policy) == hash(pti.BookingPolicy(**inp.get("policy", {})))
    if check == "timing":
        pti.check_timing(policy, instant(inp["now"]), instant(inp["start"]))
    elif check == "new_booking":
        pti.check_new_booking(
            policy,
            instant(inp["now"]),
            inp["centre"],
            inp["vehicle"],
            inp["control_type"],
            instant(inp["start"]),
            inp["last_periodic"],
            inp["bookings"],
        )
    elif check == "modification":
        pti.check_modification(
            policy, instant(inp["now"]), inp["booking"], instant(inp["new_start"])
        )
    elif check == "cancellation":
        r = pti.cancellation_quote(policy, instant(inp["now"]), inp["booking"], inp["paid_cents"])
        assert r == pti.cancellation_quote(policy, instant(inp["now"]), inp["booking"], inp["paid_cents"])
        return {
            "amount_cents": r.amount_cents,
            "percent": r.percent,
            "before_deadline": r.before_deadline,
            "deadline": utc(r.deadline),
        }
    elif check == "drop_off":
        pti.check_drop_off(policy, inp["daily_capacity"], inp["bookings"])
    elif check == "fill":
        f = pti.fill_level(policy, inp["daily_capacity"], inp["bookings"])
        assert f == pti.fill_level(policy, inp["daily_capacity"], inp["bookings"])
        return {"percent": f.percent, "warn": f.warn, "full": f.full}
    elif check == "policy":
        pass  # building the policy validated it
    else:
        raise AssertionError(f"unknown check {check}")
    return True


def fact(e: pti.PtiError, key: str) -> Any:
    value = getattr(e, key)
    if isinstance(value, dt.datetime):
        return utc(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def test_vector_files_are_all_here() -> None:
    assert len(RULES) >= 40 and len(POLICY) >= 40


@pytest.mark.parametrize("case", RULES, ids=[c["name"] for c in RULES])
def test_rules(case: dict[str, Any]) -> None:
    expected = case["expected"]
    if "error" in expected:
        with pytest.raises(pti.PtiError) as e:
            run_rule(case["check"], case["input"])
        assert e.value.code == expected["error"], str(e.value)
        want = pti.InvalidInput if expected["error"] == "INVALID_POLICY" else pti.BookingError
        assert isinstance(e.value, want)
        for key in ("earliest", "latest", "deadline", "closed_on", "limit"):
            if key in expected:
                assert fact(e.value, key) == expected[key], key
    else:
        assert run_rule(case["check"], case["input"]) == expected["ok"]


def principal(p: dict[str, Any]) -> pti.Principal:
    return pti.Principal(
        p.get("role", ""),
        user_id=p.get("user_id"),
        tenant_id=p.get("tenant_id"),
        agency_id=p.get("agency_id"),
        centre_id=p.get("centre_id"),
        grants=p.get("grants", []),
    )


@pytest.mark.parametrize("case", POLICY, ids=[c["name"] for c in POLICY])
def test_policy(case: dict[str, Any]) -> None:
    inp, expected = case["input"], case["expected"]
    if "error" in expected:
        with pytest.raises(pti.InvalidInput) as e:
            principal(inp["principal"])
        assert e.value.code == expected["error"]
        return
    who = principal(inp["principal"])
    if expected["allow"]:
        pti.authorize(who, inp["action"], inp["resource"])
    else:
        with pytest.raises(pti.AccessDenied) as denied:
            pti.authorize(who, inp["action"], inp["resource"])
        assert denied.value.code == expected["code"]


def test_rule_errors_are_classes_with_facts() -> None:
    now = dt.datetime(2026, 12, 1, 10, tzinfo=dt.timezone.utc)
    with pytest.raises(pti.NoticeTooShort) as e:
        pti.check_timing(pti.BookingPolicy(), now, now)
    assert e.value.earliest == now + dt.timedelta(hours=2)
    with pytest.raises(pti.BeyondHorizon):
        pti.check_timing(pti.BookingPolicy(horizon_days=1), now, now + dt.timedelta(days=2))
    with pytest.raises(pti.OverbookingLimitReached) as full:
        pti.check_drop_off(pti.BookingPolicy(), 10, 11)
    assert full.value.limit == 11 and full.value.code == "OVERBOOKING_LIMIT_REACHED"
    assert pti.booking_window(pti.BookingPolicy(), now)[0] == now + dt.timedelta(hours=2)


def test_access_denied_classes() -> None:
    client = pti.Principal(
        "CLIENT",
        user_id="00000000-0000-0000-0000-000000000051",
        tenant_id="00000000-0000-0000-0000-000000000001",
    )
    with pytest.raises(pti.Forbidden):
        pti.authorize(client, "delete", {"kind": "rdv", "tenant_id": client.tenant_id})
    with pytest.raises(pti.CrossTenant):
        pti.authorize(client, "read", {"kind": "rdv", "tenant_id": "00000000-0000-0000-0000-000000000002"})
    with pytest.raises(pti.OutOfScope):
        pti.authorize(client, "read", {"kind": "rdv", "tenant_id": client.tenant_id})
    assert client.role == "CLIENT"


def test_policy_defaults_and_bad_input() -> None:
    p = pti.BookingPolicy()
    assert p.min_notice_minutes == 120 and p.horizon_days == 90 and p.late_cancellation_allowed
    assert pti.BookingPolicy(horizon_days=90) == p
    now = dt.datetime(2026, 12, 1, 10, tzinfo=dt.timezone.utc)
    bad: list[Any] = [
        lambda: pti.BookingPolicy(horizon_dayz=3),  # type: ignore[call-arg]
        lambda: pti.BookingPolicy(horizon_days="3"),  # type: ignore[arg-type]
        lambda: pti.BookingPolicy(horizon_days=None),  # type: ignore[arg-type]
        lambda: pti.check_timing(p, None, now),  # type: ignore[arg-type]
        lambda: pti.check_timing(p, "2026-12-01T10:00:00Z", now),  # type: ignore[arg-type]
        lambda: pti.check_timing(None, now, now),  # type: ignore[arg-type]
        lambda: pti.check_drop_off(p, None, 1),  # type: ignore[arg-type]
        lambda: pti.fill_level(p, 1.5, 1),  # type: ignore[arg-type]
        lambda: pti.authorize(None, "read", {}),  # type: ignore[arg-type]
        lambda: pti.Principal(None),  # type: ignore[arg-type]
        # A dict's value of the wrong type, too: a number where an id string belongs.
        lambda: pti.cancellation_quote(p, now, {"id": 1}, 100),
    ]
    for call in bad:
        with pytest.raises(TypeError):
            call()
    values: list[Any] = [
        lambda: pti.BookingPolicy(horizon_days=-1),
        lambda: pti.BookingPolicy(min_notice_minutes=math.nan),  # type: ignore[arg-type]
        lambda: pti.check_timing(p, dt.datetime(2026, 12, 1), now),
        lambda: pti.check_drop_off(p, 70000, 1),
        lambda: pti.check_offer({"id": "x"}, "CT", {}),
        lambda: pti.check_offer(NEW["centre"], "XX", NEW["vehicle"]),  # type: ignore[arg-type]
        lambda: pti.authorize(pti.Principal("SUPER_ADMIN"), "fly", {"kind": "rdv"}),  # type: ignore[arg-type]
        lambda: pti.authorize(pti.Principal("SUPER_ADMIN"), "read", {"kind": "boat"}),
        lambda: pti.Principal("ADMIN_TENANT", tenant_id="not a uuid"),
    ]
    for call in values:
        with pytest.raises(ValueError):
            call()
    with pytest.raises(pti.InvalidInput) as e:
        pti.BookingPolicy(overbooking_percent=50)
    assert e.value.code == "INVALID_POLICY"
    with pytest.raises(pti.InvalidInput) as role:
        pti.Principal("KING")
    assert role.value.code == "UNKNOWN_ROLE"


CSV = """insee;name;postcodes;departement;population;lat;lng;precision
13055;Marseille;13001 13002;13;870000;43.2965;5.3698;city
51354;Mars;51800;51;120;49.1;4.9;postcode
"""


def test_gazetteer() -> None:
    g = pti.Gazetteer.from_csv(CSV)
    assert len(g) == 2
    assert [p.name for p in g.suggest("mars")] == ["Marseille", "Mars"]
    place = g.resolve("13002")
    assert place == g.by_insee("13055") and place != g.by_insee("51354")
    assert place.insee == "13055" and place.precision == "city" and place.lat == 43.2965
    assert g.by_insee("51354") is not None and g.by_insee("00000") is None
    with pytest.raises(pti.PlaceNotFound) as e:
        g.resolve("Atlantis")
    assert e.value.code == "PLACE_NOT_FOUND"
    with pytest.raises(pti.InvalidInput):
        pti.Gazetteer.from_csv("header\nnot;a;row")
