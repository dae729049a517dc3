"""PTI Calendar: the booking engine of French vehicle technical inspection networks.

Everything here is implemented in Rust (``pti-core``) and reached through the private native
module :mod:`pti_calendar._native`. Errors raised by the engine derive from :class:`PtiError`
and carry its stable machine code in ``.code``.
"""

from ._native import (
    BookingError,
    Centre,
    DuplicateBooking,
    FreeSlot,
    InvalidInput,
    Network,
    NoQualifiedInspector,
    OutsideOpeningHours,
    Placement,
    Plate,
    PtiError,
    SearchHit,
    Slot,
    SlotTaken,
    UnknownBooking,
    UnknownCentre,
    UnknownInspector,
    generate_slots,
    parse_plate,
)

__all__ = [
    "BookingError",
    "Centre",
    "DuplicateBooking",
    "FreeSlot",
    "InvalidInput",
    "Network",
    "NoQualifiedInspector",
    "OutsideOpeningHours",
    "Placement",
    "Plate",
    "PtiError",
    "SearchHit",
    "Slot",
    "SlotTaken",
    "UnknownBooking",
    "UnknownCentre",
    "UnknownInspector",
    "generate_slots",
    "parse_plate",
]
