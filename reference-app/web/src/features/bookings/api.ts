// The bookings of the network as its staff list them (`GET /rdv`): filters, search, order and
// pages by cursor, never counted (a national network holds millions); and their export as a CSV
// or XLSX file of every booking of the same filters and order (`GET /rdv/export`).
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, download } from '@/api/client';
import { keys } from '@/api/keys';
import type { BookingExportFormat, StaffBooking, StaffBookingQuery, UncountedPage } from '@/api/types';
import { addStaffMessages } from '@/api/staffMessages';

addStaffMessages();

/** The parameters of `GET /rdv` in the order they are sent. */
const PARAMS = ['format', 'from', 'to', 'agency_id', 'centre_id', 'status', 'payment_status', 'control_type', 'q', 'sort', 'order', 'limit', 'cursor'] as const;

/** `query` as a query string ('' when empty), without what is not set. */
export function bookingsSearch(query: StaffBookingQuery & { format?: BookingExportFormat }): string {
  const params = new URLSearchParams();
  for (const key of PARAMS) {
    const value = query[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** One page of the bookings the signed-in staff member may read. */
export const listBookings = (query: StaffBookingQuery) => api<UncountedPage<StaffBooking>>(`/rdv${bookingsSearch(query)}`);

/** The query of one page of bookings; the page shown stays while the next one loads. */
export const bookingsQuery = (query: StaffBookingQuery) =>
  queryOptions({ queryKey: keys.bookings.list(query), queryFn: () => listBookings(query), placeholderData: keepPreviousData });

/** Every booking of `query`'s filters and order (not only its page), as a file the server names (`reservations-2027-01-04.csv`). */
export function exportBookings(query: StaffBookingQuery, format: BookingExportFormat) {
  const filters: StaffBookingQuery = { ...query };
  delete filters.cursor;
  delete filters.limit;
  return download(`/rdv/export${bookingsSearch({ format, ...filters })}`, `reservations.${format}`);
}
