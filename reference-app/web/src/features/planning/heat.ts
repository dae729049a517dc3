// The heatmaps' colours: a fill rate falls in one of five levels, the last one being the
// network's fill warning; every level has its legend and its colours, light and dark.
import type { CentrePlanning } from '@/api/types';

/** A cell's level. */
export type HeatLevel = 'closed' | 'low' | 'medium' | 'high' | 'warning';

/** The level of fill rate `rate` (percent, null: nothing planned) under warning `warning`. */
export function heatLevel(rate: number | null | undefined, warning: number): HeatLevel {
  if (rate === null || rate === undefined) return 'closed';
  if (rate >= warning) return 'warning';
  if (rate >= 75) return 'high';
  if (rate >= 50) return 'medium';
  return 'low';
}

/** The colours of each level: background and text, contrast kept in both themes. */
export const HEAT_CLASSES: Readonly<Record<HeatLevel, string>> = {
  closed: 'bg-gray-100 text-ink dark:bg-gray-700 dark:text-gray-300',
  low: 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100',
  medium: 'bg-emerald-200 text-emerald-950 dark:bg-emerald-800 dark:text-emerald-50',
  high: 'bg-amber-200 text-amber-950 dark:bg-amber-700 dark:text-amber-50',
  warning: 'bg-red-600 text-white dark:bg-red-500 dark:text-white',
};

/** The legend: every level and what it means under warning `warning`. */
export function heatLegend(warning: number): Array<{ level: HeatLevel; label: string }> {
  const below = (n: number) => Math.min(n, warning);
  return [
    { level: 'closed', label: 'Fermé' },
    { level: 'low', label: `Moins de ${below(50)} %` },
    ...(warning > 50 ? [{ level: 'medium' as const, label: `${below(50)} à ${below(75)} %` }] : []),
    ...(warning > 75 ? [{ level: 'high' as const, label: `${75} à ${warning} %` }] : []),
    { level: 'warning', label: `${warning} % et plus (alerte)` },
  ];
}

const percentFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** "92,3 %", or "—" without a rate. */
export function formatPercent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${percentFormat.format(rate)} %`;
}

/** The fill rate of `booked` per `capacity`, percent with one decimal; null without capacity. */
export function fillRate(booked: number, capacity: number): number | null {
  return capacity > 0 ? Math.round((booked * 1000) / capacity) / 10 : null;
}

/** The centres in the order the heatmaps show them: those flagged first, then by name. */
export function warningsFirst(centres: readonly CentrePlanning[]): CentrePlanning[] {
  return [...centres].sort((a, b) => Number(b.warning) - Number(a.warning) || a.name.localeCompare(b.name, 'fr'));
}

/** The local hours some centre of `centres` opens or books in: the columns of the hourly heatmap. */
export function activeHours(centres: readonly CentrePlanning[]): number[] {
  const hours = Array.from({ length: 24 }, (_, h) => h).filter((h) => centres.some((c) => (c.capacity_by_hour[h] ?? 0) > 0 || (c.booked_by_hour[h] ?? 0) > 0));
  if (hours.length === 0) return [];
  // A continuous range, so that a lunch break shows as a column of its own.
  const [first, last] = [hours[0]!, hours[hours.length - 1]!];
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
