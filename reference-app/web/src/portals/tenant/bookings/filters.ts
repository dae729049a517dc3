// The bookings page's listing as its address keeps it, so that a reload, the browser's history or
// a shared link shows the same list: `?du=YYYY-MM-DD&au=YYYY-MM-DD&agence=<id>&centre=<id>
// &statut=<code>&paiement=<code>&controle=<code>&q=<text>&tri=creation&ordre=croissant&lignes=50`,
// each left out at its default (no period: every date; the latest start first; 25 lines). The
// page (a cursor) is not kept: a cursor belongs to one moment of the list.
import type { StaffBookingQuery, StaffBookingSort } from '@/api/types';
import { PAYMENT_STATUSES, type PaymentStatus } from '@/domain/staffVocabulary';
import { BOOKING_STATUSES, CONTROL_TYPES, type BookingStatus, type ControlType } from '@/domain/vocabulary';
import { isDay } from '@/features/planning/filters';
import { addDays, type IsoDate } from '@/ui/dates';
import type { TableListing, TableQuery } from '@/ui/staff';

/** The page sizes offered, the first by default. */
export const PAGE_SIZES = [25, 50, 100] as const;
const DEFAULT_LIMIT = PAGE_SIZES[0];

/** The longest search the server takes, characters. */
export const SEARCH_MAX = 100;

/** Each filter of the listing (the server's name) and its name in the address. */
const PARAMS = { from: 'du', to: 'au', agency_id: 'agence', centre_id: 'centre', status: 'statut', payment_status: 'paiement', control_type: 'controle' } as const;

/** A filter of the listing, by the server's name of it. */
export type BookingFilter = keyof typeof PARAMS;

/** The codes a coded filter takes; another code in the address is left out. */
const CODES: Partial<Record<BookingFilter, readonly string[]>> = { status: BOOKING_STATUSES, payment_status: PAYMENT_STATUSES, control_type: CONTROL_TYPES };

const SORTS: Readonly<Record<string, StaffBookingSort>> = { creation: 'created_at' };

/** The listing the address `params` holds. */
export function readListing(params: URLSearchParams): TableListing {
  const filters: Record<string, string> = {};
  for (const [key, name] of Object.entries(PARAMS) as Array<[BookingFilter, string]>) {
    const value = params.get(name) ?? '';
    filters[key] = CODES[key] && !CODES[key].includes(value) ? '' : value;
  }
  const limit = Number(params.get('lignes'));
  return {
    search: (params.get('q') ?? '').trim(),
    filters,
    sort: { key: SORTS[params.get('tri') ?? ''] ?? 'start', dir: params.get('ordre') === 'croissant' ? 'asc' : 'desc' },
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_LIMIT,
  };
}

/** The address of `listing`, its defaults left out. */
export function writeListing(listing: TableListing): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, name] of Object.entries(PARAMS) as Array<[BookingFilter, string]>) {
    const value = listing.filters[key];
    if (value) params.set(name, value);
  }
  if (listing.search) params.set('q', listing.search);
  if (listing.sort?.key === 'created_at') params.set('tri', 'creation');
  if (listing.sort?.dir === 'asc') params.set('ordre', 'croissant');
  if (listing.limit !== DEFAULT_LIMIT) params.set('lignes', String(listing.limit));
  return params;
}

/** What `GET /rdv` is asked for the table's `query`; the order always said. */
export function bookingQuery(query: TableQuery): StaffBookingQuery {
  const f = query.filters;
  const set = (key: BookingFilter) => f[key] || undefined;
  return {
    from: set('from'),
    to: set('to'),
    agency_id: set('agency_id'),
    centre_id: set('centre_id'),
    status: set('status') as BookingStatus | undefined,
    payment_status: set('payment_status') as PaymentStatus | undefined,
    control_type: set('control_type') as ControlType | undefined,
    q: query.search || undefined,
    sort: (query.sort?.key ?? 'start') as StaffBookingSort,
    order: query.sort?.dir ?? 'desc',
    limit: query.limit,
    cursor: query.cursor ?? undefined,
  };
}

/** A period of days, `YYYY-MM-DD` or '' for no bound, both included. */
export interface Period {
  from: string;
  to: string;
}

/** The presets of the period. */
export type PresetId = 'all' | 'today' | 'next-7' | 'last-30';

/** The presets, in the picker's order, with their French names. */
export const PRESETS: ReadonlyArray<{ id: PresetId; label: string }> = [
  { id: 'all', label: 'Toutes les dates' },
  { id: 'today', label: 'Aujourd’hui' },
  { id: 'next-7', label: '7 prochains jours' },
  { id: 'last-30', label: '30 derniers jours' },
];

/** The period of preset `id`, today being `today`: today and the 6 days after it, or the 29 days before it and today. */
export function presetPeriod(id: PresetId, today: IsoDate): Period {
  switch (id) {
    case 'all':
      return { from: '', to: '' };
    case 'today':
      return { from: today, to: today };
    case 'next-7':
      return { from: today, to: addDays(today, 6) };
    case 'last-30':
      return { from: addDays(today, -29), to: today };
  }
}

/** What is wrong with a period, in French, for the field it names; null when the server takes it. */
export function periodProblem({ from, to }: Period): { field: 'from' | 'to'; message: string } | null {
  if (from && !isDay(from)) return { field: 'from', message: 'Date de début invalide.' };
  if (to && !isDay(to)) return { field: 'to', message: 'Date de fin invalide.' };
  if (from && to && to < from) return { field: 'to', message: 'La fin précède le début.' };
  return null;
}
