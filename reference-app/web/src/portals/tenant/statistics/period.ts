// The statistics page's period and filters as its address keeps them, so that a reload or a
// shared link shows the same figures: `?du=YYYY-MM&au=YYYY-MM&agence=<id>&centre=<id>`. The
// period is months, both included, 24 at most (as the server takes it); five presets name the
// usual ones.
import type { StatisticsQuery } from '@/api/types';
import { addMonths, isMonth, monthChoices, monthName } from '@/features/dashboard/months';

/** The longest period the server takes, months. */
export const MAX_MONTHS = 24;

/** A period of months, `YYYY-MM`, both included. */
export interface Period {
  from: string;
  to: string;
}

/** What the page shows: a period and maybe an agency or a centre. */
export interface StatisticsFilters extends Period {
  agency: string | null;
  centre: string | null;
}

/** The presets of the period picker. */
export type PresetId = '3m' | '6m' | '12m' | 'year' | 'last-year';

/** The presets, in the picker's order, with their French names. */
export const PRESETS: ReadonlyArray<{ id: PresetId; label: string }> = [
  { id: '3m', label: '3 derniers mois' },
  { id: '6m', label: '6 derniers mois' },
  { id: '12m', label: '12 derniers mois' },
  { id: 'year', label: 'Année en cours' },
  { id: 'last-year', label: 'Année précédente' },
];

/** The period of preset `id`, this month being `current`: the last months end with it, a year runs January to December. */
export function presetPeriod(id: PresetId, current: string): Period {
  const year = Number(current.slice(0, 4));
  switch (id) {
    case '3m':
      return { from: addMonths(current, -2), to: current };
    case '6m':
      return { from: addMonths(current, -5), to: current };
    case '12m':
      return { from: addMonths(current, -11), to: current };
    case 'year':
      return { from: `${year}-01`, to: `${year}-12` };
    case 'last-year':
      return { from: `${year - 1}-01`, to: `${year - 1}-12` };
  }
}

/** Whether `period` is preset `id`'s (in December the last 12 months are this year's too). */
export function isPreset(id: PresetId, period: Period, current: string): boolean {
  const preset = presetPeriod(id, current);
  return preset.from === period.from && preset.to === period.to;
}

/** How far back the period's lists reach: five years before this month. */
const HISTORY_MONTHS = 59;

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The months a bound of the period may be, the latest first, `selected` among them: "Décembre 2026". */
export function monthOptions(current: string, selected: string): Array<{ value: string; label: string }> {
  return monthChoices(current, selected, HISTORY_MONTHS).map((m) => ({ value: m, label: capitalized(monthName(m)) }));
}

/** The months from `from` to `to`, both included (0 when `to` comes first). */
export function monthCount(from: string, to: string): number {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  return Math.max(0, index(to) - index(from) + 1);
}

/** What is wrong with a period, in French, for the field it names; null when the server takes it. */
export function periodProblem(from: string, to: string): { field: 'from' | 'to'; message: string } | null {
  if (!isMonth(from)) return { field: 'from', message: 'Mois de début invalide.' };
  if (!isMonth(to)) return { field: 'to', message: 'Mois de fin invalide.' };
  if (to < from) return { field: 'to', message: 'La fin précède le début.' };
  if (monthCount(from, to) > MAX_MONTHS) return { field: 'to', message: `Période trop longue : ${MAX_MONTHS} mois au plus.` };
  return null;
}

/** The filters `params` holds; the last 12 months, `current` being this month, where it names no period. */
export function readFilters(params: URLSearchParams, current: string): StatisticsFilters {
  const preset = presetPeriod('12m', current);
  return {
    from: params.get('du') ?? preset.from,
    to: params.get('au') ?? preset.to,
    agency: params.get('agence') || null,
    centre: params.get('centre') || null,
  };
}

/** The filters as the page's query string: the period always (a shared link keeps its months), the rest when set. */
export function writeFilters(filters: StatisticsFilters): URLSearchParams {
  const params = new URLSearchParams({ du: filters.from, au: filters.to });
  if (filters.agency) params.set('agence', filters.agency);
  if (filters.centre) params.set('centre', filters.centre);
  return params;
}

/** What the server is asked for. */
export function statisticsQueryOf(filters: StatisticsFilters): StatisticsQuery {
  return { from: filters.from, to: filters.to, agency_id: filters.agency ?? undefined, centre_id: filters.centre ?? undefined };
}
