"""Type stubs of the native module :mod:`pti_calendar._native` (Rust, pyo3)."""

import datetime
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, ClassVar, Literal, SupportsIndex, final, overload

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
    def __eq__(self, other: object, /) -> bool: ...

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
    """A slot of a centre's schedule; aware datetimes in the centre's ``ZoneInfo``."""

    def __hash__(self) -> int: ...
    def __eq__(self, other: object, /) -> bool: ...

    @property
    def start(self) -> datetime.datetime: ...
    @property
    def end(self) -> datetime.datetime: ...

@final
class Slots(Sequence[Slot]):
    """The slots of a schedule: a read-only sequence whose items are made when read."""

    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, index: SupportsIndex, /) -> Slot: ...
    @overload
    def __getitem__(self, index: slice, /) -> list[Slot]: ...
    def __iter__(self) -> SlotIter: ...

@final
class SlotIter(Iterator[Slot]):
    """The iterator of :class:`Slots`."""

    def __iter__(self) -> SlotIter: ...
    def __next__(self) -> Slot: ...

def generate_slots(
    centre: Centre | Mapping[str, Any],
    first_day: datetime.date,
    days: int,
    duration_minutes: int,
) -> Slots:
    """The slots of ``centre`` over ``days`` local days from ``first_day``, made when read."""

@final
class FreeSlot:
    """A free start found by a search; aware datetimes in the centre's ``ZoneInfo``."""

    def __eq__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

    @property
    def start(self) -> datetime.datetime: ...
    @property
    def end(self) -> datetime.datetime: ...
    @property
    def capacity(self) -> int: ...

@final
class SearchHit:
    """One centre found by a search."""

    def __eq__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

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

    def __hash__(self) -> int: ...
    def __eq__(self, other: object, /) -> bool: ...

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

class NoticeTooShort(BookingError):
    """NOTICE_TOO_SHORT: the start is too soon."""

    earliest: datetime.datetime
    """The first start allowed (UTC)."""

class BeyondHorizon(BookingError):
    """BEYOND_HORIZON: the start lies beyond the booking horizon."""

    latest: datetime.datetime
    """The first start no longer allowed (UTC)."""

class DeadlinePassed(BookingError):
    """DEADLINE_PASSED: the change or cancellation deadline has passed."""

    deadline: datetime.datetime
    """When it passed (UTC)."""

class RecheckWindowExpired(BookingError):
    """RECHECK_WINDOW_EXPIRED: the re-inspection window has closed."""

    closed_on: datetime.date
    """The last day of the window."""

class NoFailedInspection(BookingError):
    """NO_FAILED_INSPECTION: no failed periodic inspection of this vehicle to re-inspect."""

class VehicleAlreadyBooked(BookingError):
    """VEHICLE_ALREADY_BOOKED: the vehicle has an overlapping active booking."""

    booking_id: str
    """The booking in the way."""

class CategoryNotOffered(BookingError):
    """CATEGORY_NOT_OFFERED."""

class ControlTypeNotOffered(BookingError):
    """CONTROL_TYPE_NOT_OFFERED."""

class OverbookingLimitReached(BookingError):
    """OVERBOOKING_LIMIT_REACHED: the day is full, overbooking included."""

    limit: int
    """Bookings the day takes."""

class BookingNotModifiable(BookingError):
    """BOOKING_NOT_MODIFIABLE: the booking's status allows no change."""

    status: str
    """The booking's status, e.g. ``'completed'``."""

class AccessDenied(PtiError):
    """An action refused by :func:`authorize`."""

class Forbidden(AccessDenied):
    """FORBIDDEN: the role holds no permission for this resource and action."""

class CrossTenant(AccessDenied):
    """CROSS_TENANT: the row belongs to another tenant (or to none)."""

class OutOfScope(AccessDenied):
    """OUT_OF_SCOPE: the row lies outside the principal's agency, centre or own rows."""

class PlaceNotFound(PtiError):
    """PLACE_NOT_FOUND: no French commune or postcode matches the text."""

_ControlType = Literal["CT", "CTP", "CT_CONTRE_VISITE", "CV", "CVP", "CTC"]
_Action = Literal["create", "read", "update", "delete", "cancel", "status", "export"]

@final
class BookingPolicy:
    """A tenant's booking policy: the trade's defaults, overridden by keyword arguments.

    Raises :class:`InvalidInput` (``INVALID_POLICY``) when a value cannot be right.
    """

    def __new__(
        cls,
        *,
        min_notice_minutes: int = 120,
        horizon_days: int = 90,
        modification_deadline_hours: int = 24,
        cancellation_deadline_hours: int = 24,
        refund_before_deadline_percent: int = 100,
        refund_after_deadline_percent: int = 0,
        late_cancellation_allowed: bool = True,
        recheck_window_months: int = 2,
        overbooking_percent: int = 110,
        fill_warning_percent: int = 90,
        hold_minutes: int = 10,
    ) -> BookingPolicy: ...
    @property
    def min_notice_minutes(self) -> int: ...
    @property
    def horizon_days(self) -> int: ...
    @property
    def modification_deadline_hours(self) -> int: ...
    @property
    def cancellation_deadline_hours(self) -> int: ...
    @property
    def refund_before_deadline_percent(self) -> int: ...
    @property
    def refund_after_deadline_percent(self) -> int: ...
    @property
    def late_cancellation_allowed(self) -> bool: ...
    @property
    def recheck_window_months(self) -> int: ...
    @property
    def overbooking_percent(self) -> int: ...
    @property
    def fill_warning_percent(self) -> int: ...
    @property
    def hold_minutes(self) -> int: ...
    def __hash__(self) -> int: ...
    def __eq__(self, other: object, /) -> bool: ...

def booking_window(
    policy: BookingPolicy, now: datetime.datetime
) -> tuple[datetime.datetime, datetime.datetime]:
    """The first start allowed at ``now`` and the first refused (UTC)."""

def check_timing(policy: BookingPolicy, now: datetime.datetime, start: datetime.datetime) -> None:
    """Minimum notice and horizon: raises :class:`NoticeTooShort` or :class:`BeyondHorizon`."""

def check_offer(
    centre: Centre | Mapping[str, Any], control_type: _ControlType, vehicle: Mapping[str, Any]
) -> None:
    """The centre offers the control type for the vehicle and has a qualified inspector."""

def check_new_booking(
    policy: BookingPolicy,
    now: datetime.datetime,
    centre: Centre | Mapping[str, Any],
    vehicle: Mapping[str, Any],
    control_type: _ControlType,
    start: datetime.datetime,
    last_periodic: Mapping[str, Any] | None = None,
    bookings: Iterable[Mapping[str, Any]] | None = None,
) -> None:
    """Every rule of a new booking (offer, timing, re-inspection window, overlaps)."""

def check_modification(
    policy: BookingPolicy,
    now: datetime.datetime,
    booking: Mapping[str, Any],
    new_start: datetime.datetime,
) -> None:
    """Moving ``booking`` to ``new_start``."""

@final
class Refund:
    """What a cancellation refunds."""

    def __hash__(self) -> int: ...
    def __eq__(self, other: object, /) -> bool: ...

    @property
    def amount_cents(self) -> int: ...
    @property
    def percent(self) -> int: ...
    @property
    def before_deadline(self) -> bool: ...
    @property
    def deadline(self) -> datetime.datetime: ...

def cancellation_quote(
    policy: BookingPolicy, now: datetime.datetime, booking: Mapping[str, Any], paid_cents: int
) -> Refund:
    """What cancelling ``booking`` at ``now`` would refund of ``paid_cents``."""

def check_drop_off(policy: BookingPolicy, daily_capacity: int, bookings: int) -> None:
    """A drop-off fits while the day has fewer bookings than its limit."""

@final
class FillLevel:
    """How full a centre's day is."""

    def __hash__(self) -> int: ...
    def __eq__(self, other: object, /) -> bool: ...

    @property
    def percent(self) -> int: ...
    @property
    def warn(self) -> bool: ...
    @property
    def full(self) -> bool: ...

def fill_level(policy: BookingPolicy, daily_capacity: int, bookings: int) -> FillLevel:
    """The fill of a day with ``bookings`` bookings."""

@final
class Principal:
    """Who acts; raises :class:`InvalidInput` (UNKNOWN_ROLE, INVALID_PERMISSION,
    INVALID_PRINCIPAL, GRANT_TOO_WIDE) when it cannot exist."""

    def __new__(
        cls,
        role: str,
        *,
        user_id: str | None = None,
        tenant_id: str | None = None,
        agency_id: str | None = None,
        centre_id: str | None = None,
        grants: list[str] = ...,
    ) -> Principal: ...
    @property
    def role(self) -> str: ...
    @property
    def user_id(self) -> str | None: ...
    @property
    def tenant_id(self) -> str | None: ...

def authorize(principal: Principal, action: _Action, resource: Mapping[str, Any]) -> None:
    """Raises :class:`Forbidden`, :class:`CrossTenant` or :class:`OutOfScope` when refused."""

@final
class Place:
    """A French commune."""

    def __eq__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

    @property
    def insee(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def postcodes(self) -> list[str]: ...
    @property
    def departement(self) -> str: ...
    @property
    def population(self) -> int: ...
    @property
    def lat(self) -> float: ...
    @property
    def lng(self) -> float: ...
    @property
    def precision(self) -> Literal["city", "postcode", "departement"]: ...

@final
class Gazetteer:
    """The places of France, searched by name or postcode."""

    @staticmethod
    def from_csv(text: str) -> Gazetteer: ...
    def __len__(self) -> int: ...
    def suggest(self, text: str, limit: int = 10) -> list[Place]: ...
    def resolve(self, text: str) -> Place:
        """Raises :class:`PlaceNotFound`."""
    def by_insee(self, insee: str) -> Place | None: ...
