"""Type stubs of the native module :mod:`pti_calendar._native` (Rust, pyo3)."""

import datetime
from collections.abc import Iterable, Mapping
from typing import Any, Literal, final

class PtiError(Exception):
    """Base of every error raised by the engine; ``code`` is its stable machine code."""

    code: str

class InvalidInput(PtiError):
    """Input refused by the engine (INVALID_PLATE, INVALID_RRULE, INVALID_RADIUS, ...)."""

class BookingError(PtiError):
    """A booking or release was refused."""

class SlotTaken(BookingError):
    """SLOT_TAKEN."""

class OutsideOpeningHours(BookingError):
    """OUTSIDE_OPENING_HOURS."""

class NoQualifiedInspector(BookingError):
    """NO_QUALIFIED_INSPECTOR."""

class UnknownInspector(BookingError):
    """UNKNOWN_INSPECTOR."""

class UnknownBooking(BookingError):
    """UNKNOWN_BOOKING."""

class DuplicateBooking(BookingError):
    """DUPLICATE_BOOKING."""

class UnknownCentre(BookingError):
    """UNKNOWN_CENTRE (raised by the binding: no such centre in the network)."""

@final
class Plate:
    """A validated French plate."""

    @property
    def canonical(self) -> str:
        """Canonical form, ``AB-123-CD`` (SIV) or ``123 ABC 45`` (FNI)."""
    @property
    def format(self) -> Literal["siv", "fni"]:
        """The numbering system."""
    def __hash__(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...

def parse_plate(text: str) -> Plate:
    """Validates and normalises a French plate; raises :class:`InvalidInput` (INVALID_PLATE)."""

@final
class Centre:
    """A centre, from a dict (or JSON text) in the serde shape of ``pti_core::model::Centre``."""

    def __new__(cls, data: Mapping[str, Any] | str) -> Centre: ...
    @property
    def id(self) -> str: ...
    @property
    def tenant_id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def time_zone(self) -> str: ...

@final
class Slot:
    """A slot of a centre's schedule; aware datetimes with the local UTC offset."""

    @property
    def start(self) -> datetime.datetime: ...
    @property
    def end(self) -> datetime.datetime: ...

def generate_slots(
    centre: Centre | Mapping[str, Any],
    first_day: datetime.date,
    days: int,
    duration_minutes: int,
) -> list[Slot]:
    """The slots of ``centre`` over ``days`` local days from ``first_day``."""

@final
class FreeSlot:
    """A free start found by a search."""

    @property
    def start(self) -> datetime.datetime: ...
    @property
    def end(self) -> datetime.datetime: ...
    @property
    def capacity(self) -> int: ...

@final
class SearchHit:
    """One centre found by a search."""

    @property
    def centre_id(self) -> str: ...
    @property
    def tenant_id(self) -> str: ...
    @property
    def distance_km(self) -> float: ...
    @property
    def price_cents(self) -> int: ...
    @property
    def rating(self) -> float: ...
    @property
    def duration_minutes(self) -> int: ...
    @property
    def slots(self) -> list[FreeSlot]: ...

@final
class Placement:
    """Where a booking was placed; start and end in UTC."""

    @property
    def booking_id(self) -> str: ...
    @property
    def inspector_id(self) -> str: ...
    @property
    def start(self) -> datetime.datetime: ...
    @property
    def end(self) -> datetime.datetime: ...

@final
class Network:
    """Centres with their availability over a horizon: search, book, release."""

    def __new__(
        cls,
        centres: Iterable[Centre | Mapping[str, Any]],
        first_day: datetime.date,
        days: int,
        existing_bookings: Iterable[Mapping[str, Any]] | None = None,
    ) -> Network: ...
    def __len__(self) -> int: ...
    @property
    def displaced(self) -> list[str]:
        """Existing bookings that no longer fit their centre's schedule."""
    def search(self, **query: Any) -> list[SearchHit]:
        """Searches; keyword arguments in the serde shape of ``pti_core::search::SearchQuery``."""
    def book(
        self,
        centre_id: str,
        booking_id: str,
        start: datetime.datetime,
        duration_minutes: int,
        agreements: Iterable[str],
    ) -> Placement:
        """Books an inspection at an aware ``start``; the engine picks the inspector."""
    def release(self, centre_id: str, booking_id: str) -> Placement:
        """Releases a booking; returns where it was."""
