// The dashboard's call: a month of the network, an agency or a centre, as the signed-in admin's
// scope allows (an agency admin's own agency when it asks for no part of the network).
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '@/api/client';
import { keys } from '@/api/keys';
import type { DashboardQuery, DashboardStats } from '@/api/types';
import { addStaffMessages } from '@/api/staffMessages';

addStaffMessages();

// The rollups behind the figures follow every booking: a minute old is fresh enough.
const FRESH_MS = 60_000;

/** `query` as a query string ('' when empty), leaving out what is not set. */
function search(query: DashboardQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The dashboard of `query`'s month and part of the network. */
export const getDashboardStats = (query: DashboardQuery) => api<DashboardStats>(`/admin/dashboard/stats${search(query)}`);

/** The query of a dashboard; the figures shown stay while another month or filter loads. */
export const dashboardQuery = (query: DashboardQuery) =>
  queryOptions({ queryKey: keys.dashboard(query), queryFn: () => getDashboardStats(query), staleTime: FRESH_MS, placeholderData: keepPreviousData });
