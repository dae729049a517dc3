/* @pti-calendar/core: the package's declarations, written by hand. */
// Everything is the native addon's, declared by napi in native.d.ts (generated), except
// `Network.search`, whose hits index.js builds from the native `searchFast` / `searchRaw`
// (internal, not declared here): `Network`, `SearchHit` and `FreeSlot` are declared here, as
// napi declared them before.

import type { Placement } from './native.js'

export * from './native.js'

/** Centres with their availability over a horizon: search, book, release. */
export declare class Network {
  /**
   * Indexes `centres` (objects in the serde shape of `pti_core::model::Centre`) for `days`
   * local days from `firstDay` (`YYYY-MM-DD`), then places `existingBookings`. A bad booking
   * throws `ERR_INVALID_ARG_VALUE` naming its index and field.
   */
  constructor(centres: Array<Record<string, unknown>>, firstDay: string, days: number, existingBookings?: Array<ExistingBooking>)
  /** Number of centres. */
  get size(): number
  /** Existing bookings that no longer fit their centre's schedule (placed anyway). */
  get displaced(): Array<string>
  /** Searches centres; `query` in the serde shape of `pti_core::search::SearchQuery`. */
  search(query: Record<string, unknown>): Array<SearchHit>
  /**
   * Books an inspection of `durationMinutes` needing `agreements` (e.g. `['VL']`) at
   * `start` (a `Date` or an ISO string with offset) in a centre; the engine picks the
   * inspector. Throws `SLOT_TAKEN`, `OUTSIDE_OPENING_HOURS`, `NO_QUALIFIED_INSPECTOR`, ...
   */
  book(centreId: string, bookingId: string, start: string | Date, durationMinutes: number, agreements: Array<'VL' | 'L' | 'GAS' | 'PL'>): Placement
  /** Releases a booking; returns where it was. Throws `UNKNOWN_BOOKING`. */
  release(centreId: string, bookingId: string): Placement
}

/** A booking that already exists, placed when a network is built. */
export interface ExistingBooking {
  centre_id: string
  booking_id: string
  /** The inspector it was given. */
  inspector_id: string
  /** A `Date`, or an ISO 8601 string with an explicit offset. */
  start: string | Date
  duration_minutes: number
}

/** A free start found by a search. */
export interface FreeSlot {
  /** Start, ISO 8601 with the local UTC offset. */
  start: string
  /** End of the inspection, ISO 8601 with the local UTC offset. */
  end: string
  /** How many more bookings could start then. */
  capacity: number
}

/** One centre found by a search. */
export interface SearchHit {
  /** The centre. */
  centreId: string
  /** Its tenant. */
  tenantId: string
  /** Great-circle distance from the origin, km. */
  distanceKm: number
  /** Price, tax included, in cents. */
  priceCents: number
  /** Rating, 0 to 5. */
  rating: number
  /** Length of the inspection in minutes. */
  durationMinutes: number
  /** First free starts. */
  slots: Array<FreeSlot>
}
