"""JSON encoding of plain dicts for the engine (dates, aware datetimes; no NaN)."""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any


def default(value: Any) -> Any:
    """Encodes what :mod:`json` cannot: ``date``, aware ``datetime``, UUIDs, sets and tuples."""
    if isinstance(value, _dt.datetime):
        if value.utcoffset() is None:
            raise ValueError(f"naive datetime {value.isoformat()}: give a timezone-aware datetime")
        return value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    if type(value).__name__ == "UUID":
        return str(value)
    raise TypeError(f"object of type {type(value).__name__} cannot be given to the engine")


def dumps(value: Any, what: str) -> str:
    """``value`` as JSON text, or ``TypeError``/``ValueError`` naming ``what``."""
    try:
        return json.dumps(value, default=default, allow_nan=False)
    except ValueError as e:
        if "JSON compliant" in str(e):
            raise ValueError(f"invalid {what}: NaN and infinite numbers are not accepted") from None
        raise ValueError(f"invalid {what}: {e}") from None
    except TypeError as e:
        raise TypeError(f"invalid {what}: {e}") from None
