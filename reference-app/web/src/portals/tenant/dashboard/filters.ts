// The dashboard's filters as the page's address keeps them, so that a view can be bookmarked,
// shared and gone back to: `?mois=YYYY-MM&agence=<id>&centre=<id>`.
import type { DashboardQuery } from '@/api/types';

/** What the dashboard shows: a month (this one when null) and maybe an agency or a centre. */
export interface DashboardFilters {
  month: string | null;
  agency: string | null;
  centre: string | null;
}

/** The filters `params` holds. */
export function readFilters(params: URLSearchParams): DashboardFilters {
  return { month: params.get('mois') || null, agency: params.get('agence') || null, centre: params.get('centre') || null };
}

/** The filters as the page's query string, without those not set. */
export function writeFilters(filters: DashboardFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.month) params.set('mois', filters.month);
  if (filters.agency) params.set('agence', filters.agency);
  if (filters.centre) params.set('centre', filters.centre);
  return params;
}

/** What the server is asked for: the filters' month, or `current` when they name none. */
export function statsQuery(filters: DashboardFilters, current: string): DashboardQuery & { month: string } {
  return { month: filters.month ?? current, agency_id: filters.agency ?? undefined, centre_id: filters.centre ?? undefined };
}
