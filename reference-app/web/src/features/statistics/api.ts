// A period's statistics of the network, an agency or a centre, as the signed-in admin's scope
// allows (an agency admin's own agency, a centre admin's own centre, when it asks for no part),
// and their export as an Excel workbook or a PDF report with the same period and filters.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, download } from '@/api/client';
import { keys } from '@/api/keys';
import type { StatisticsFormat, StatisticsQuery, TenantStatistics } from '@/api/types';
import { addStaffMessages } from '@/api/staffMessages';

addStaffMessages();

// The figures follow every booking through rollups: a minute old is fresh enough.
const FRESH_MS = 60_000;

/** `query` as a query string, without what is not set. */
export function statisticsSearch(query: StatisticsQuery & { format?: StatisticsFormat }): string {
  const params = new URLSearchParams();
  for (const key of ['format', 'from', 'to', 'agency_id', 'centre_id'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

const path = (base: string, search: string) => (search ? `${base}?${search}` : base);

/** The statistics of `query`'s period and part of the network. */
export const getTenantStatistics = (query: StatisticsQuery) => api<TenantStatistics>(path('/statistics/tenant', statisticsSearch(query)));

/** The query of a period's statistics; the figures shown stay while another period or filter loads. */
export const statisticsQuery = (query: StatisticsQuery) =>
  queryOptions({ queryKey: keys.statistics(query), queryFn: () => getTenantStatistics(query), staleTime: FRESH_MS, placeholderData: keepPreviousData });

/** The statistics of `query` as a file named by the server (`statistiques-2026-01-2026-12.xlsx`). */
export function exportStatistics(query: StatisticsQuery, format: StatisticsFormat) {
  const fallback = query.from && query.to ? `statistiques-${query.from}-${query.to}.${format}` : `statistiques.${format}`;
  return download(path('/statistics/tenant/export', statisticsSearch({ ...query, format })), fallback);
}
