// The network's global planning as its admins read it: every centre of their scope × each day of
// a period, and one centre's day with its bookings.
import { queryOptions } from '@tanstack/react-query';
import { api } from '@/api/client';
import { keys } from '@/api/keys';
import type { CentreDay, GlobalPlanning, PlanningQuery } from '@/api/types';
import { addStaffMessages } from '@/api/staffMessages';

addStaffMessages();

/** The query string of `query`, without the filters left empty. */
export function planningSearch(query: PlanningQuery): string {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.agency_id) params.set('agency_id', query.agency_id);
  if (query.centre_id) params.set('centre_id', query.centre_id);
  return params.toString();
}

/** The planning of the period and filters `query` names. */
export const getGlobalPlanning = (query: PlanningQuery) => api<GlobalPlanning>(`/planning/global?${planningSearch(query)}`);

/** The query of a planning; a new period keeps the last one on screen while it loads. */
export const globalPlanningQuery = (query: PlanningQuery) =>
  queryOptions({ queryKey: keys.planning.global(query), queryFn: () => getGlobalPlanning(query), staleTime: 60_000 });

/** One centre's day and its bookings. */
export const getCentreDay = (centreId: string, date: string) =>
  api<CentreDay>(`/planning/global/centre-day?${new URLSearchParams({ centre_id: centreId, date }).toString()}`);

/** The query of one centre's day. */
export const centreDayQuery = (centreId: string, date: string) =>
  queryOptions({ queryKey: keys.planning.centreDay(centreId, date), queryFn: () => getCentreDay(centreId, date) });
