// The availability search: communes for the place box, centres around a place, and one
// centre's calendar of free slots.
import { queryOptions } from '@tanstack/react-query';
import { api } from '@/api/client';
import { keys } from '@/api/keys';
import type { CalendarQuery, CentreCalendar, Place, SearchRequest, SearchResponse } from '@/api/types';

/** Communes matching what was typed (at most 8). */
export const suggestPlaces = (q: string, signal?: AbortSignal) =>
  api<Place[]>(`/places/suggest?q=${encodeURIComponent(q)}&limit=8`, { signal });

/** Centres with free slots around a place. */
export const searchDisponibilites = (body: SearchRequest) =>
  api<SearchResponse>('/disponibilites/search', { method: 'POST', body });

/** A centre's month of free counts, and the free slots of `q.date` if given. */
export const getCentreCalendar = (centreId: string, q: CalendarQuery) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) params.set(k, v);
  return api<CentreCalendar>(`/disponibilites/centres/${encodeURIComponent(centreId)}?${params}`);
};

/** The query of the communes matching `q`. */
export const placesQuery = (q: string) => queryOptions({ queryKey: keys.places(q), queryFn: ({ signal }) => suggestPlaces(q, signal) });

/** The query of an availability search. */
export const searchQuery = (request: SearchRequest) => queryOptions({ queryKey: keys.search(request), queryFn: () => searchDisponibilites(request) });

/** The query of a centre's calendar. */
export const centreCalendarQuery = (centreId: string, q: CalendarQuery) =>
  queryOptions({ queryKey: keys.centreCalendar(centreId, q), queryFn: () => getCentreCalendar(centreId, q) });
