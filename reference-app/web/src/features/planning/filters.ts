// The planning page's filters as they stand in its URL: the period (`du`, `au`), the agency and
// the centre, the view (by day or by hour), the page of centres and the centre's day opened.
import type { PlanningQuery } from '@/api/types';
import { addDays, type IsoDate } from '@/ui/dates';

/** The longest period the server shows, days. */
export const MAX_DAYS = 31;
/** The period shown when the URL names none: two weeks from today. */
export const DEFAULT_DAYS = 14;

/** The two heatmaps. */
export type PlanningView = 'jours' | 'heures';

/** The page's filters. */
export interface PlanningFilters {
  from: IsoDate;
  to: IsoDate;
  agencyId: string;
  centreId: string;
  view: PlanningView;
  page: number;
  /** The centre's day opened (drill down), if any. */
  detail: { centreId: string; date: IsoDate } | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `text` is a real `YYYY-MM-DD` day. */
export function isDay(text: string): boolean {
  return DAY.test(text) && addDays(text, 0) === text;
}

/** The days from `from` to `to`, both included (0 when `to` comes first). */
export function periodLength(from: IsoDate, to: IsoDate): number {
  const [a, b] = [from, to].map((d) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)));
  return Math.max(0, Math.round((b! - a!) / 86_400_000) + 1);
}

/** What is wrong with a period, in French, for the field it names; null when the server takes it. */
export function periodProblem(from: string, to: string): { field: 'from' | 'to'; message: string } | null {
  if (!isDay(from)) return { field: 'from', message: 'Date de début invalide.' };
  if (!isDay(to)) return { field: 'to', message: 'Date de fin invalide.' };
  if (to < from) return { field: 'to', message: 'La fin précède le début.' };
  if (periodLength(from, to) > MAX_DAYS) return { field: 'to', message: `${MAX_DAYS} jours au plus.` };
  return null;
}

/** The filters the URL holds, today's two weeks where it names no period. */
export function readFilters(params: URLSearchParams, today: IsoDate): PlanningFilters {
  const from = params.get('du') ?? today;
  const to = params.get('au') ?? addDays(isDay(from) ? from : today, DEFAULT_DAYS - 1);
  const page = Number(params.get('page'));
  const [centreId, date] = (params.get('detail') ?? '').split('_');
  return {
    from,
    to,
    agencyId: params.get('agence') ?? '',
    centreId: params.get('centre') ?? '',
    view: params.get('vue') === 'heures' ? 'heures' : 'jours',
    page: Number.isInteger(page) && page > 0 ? page : 1,
    detail: centreId && date && isDay(date) ? { centreId, date } : null,
  };
}

/** The URL of `filters` (the defaults left out). */
export function writeFilters(filters: PlanningFilters): URLSearchParams {
  const params = new URLSearchParams({ du: filters.from, au: filters.to });
  if (filters.agencyId) params.set('agence', filters.agencyId);
  if (filters.centreId) params.set('centre', filters.centreId);
  if (filters.view === 'heures') params.set('vue', 'heures');
  if (filters.page > 1) params.set('page', String(filters.page));
  if (filters.detail) params.set('detail', `${filters.detail.centreId}_${filters.detail.date}`);
  return params;
}

/** The server's query for `filters`. */
export function planningQuery(filters: PlanningFilters): PlanningQuery {
  return { from: filters.from, to: filters.to, agency_id: filters.agencyId || null, centre_id: filters.centreId || null };
}
