// What the dashboard derives from the server's figures, and how it writes them in French:
// a month's trend against the one before, rates, the funnel's steps, a booking's local time.
import type { FunnelFigures, MonthFigures } from '@/api/types';

const count = new Intl.NumberFormat('fr-FR');
const rate = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });
const signed = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const compact = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 });
const day = new Intl.DateTimeFormat('fr-FR', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** 1234 → "1 234". */
export const formatCount = (n: number): string => count.format(n);

/** Euros in few characters, for a chart's axis: 7874 → "7,9 k€". */
export const compactEuros = (amount: number): string => compact.format(amount);

/** 33.3 → "33,3 %"; "—" when there is no rate (its divisor was 0). */
export const formatPercent = (percent: number | null | undefined): string => (percent == null ? '—' : rate.format(percent / 100));

/** How a month compares with the one before. */
export interface Trend {
  direction: 'up' | 'down' | 'flat';
  /** The change in percent of the month before, one decimal; null when that month had none. */
  percent: number | null;
}

/** The trend from `previous` to `current`. */
export function trend(current: number, previous: number): Trend {
  const direction = current > previous ? 'up' : current < previous ? 'down' : 'flat';
  const percent = previous > 0 ? Math.round(((current - previous) * 1000) / previous) / 10 : direction === 'flat' ? 0 : null;
  return { direction, percent };
}

/** A trend's change as a badge says it: "+65,6 %", "−12 %", "0 %"; "Nouveau" from nothing. */
export const formatTrend = (t: Trend): string => (t.percent === null ? 'Nouveau' : signed.format(t.percent / 100));

/** One step of the conversion funnel. */
export interface FunnelStep {
  key: keyof FunnelFigures;
  label: string;
  count: number;
  /** Its share of the funnel's largest step, percent (the bar's length). */
  share: number;
  /** Its count per the step before, percent; null for the first step or after an empty one. */
  fromPrevious: number | null;
}

const STEPS: ReadonlyArray<[keyof FunnelFigures, string]> = [
  ['searches', 'Recherches'],
  ['slot_views', 'Créneaux consultés'],
  ['holds', 'Créneaux bloqués'],
  ['paid', 'Réservations payées'],
];

/** The funnel's steps, from the searches to the paid bookings. */
export function funnelSteps(funnel: FunnelFigures): FunnelStep[] {
  const largest = Math.max(...STEPS.map(([key]) => funnel[key]));
  return STEPS.map(([key, label], i) => {
    const before = i > 0 ? funnel[STEPS[i - 1]![0]] : 0;
    return {
      key,
      label,
      count: funnel[key],
      share: largest > 0 ? (funnel[key] * 100) / largest : 0,
      fromPrevious: before > 0 ? Math.round((funnel[key] * 1000) / before) / 10 : null,
    };
  });
}

/** Whether the funnel counted anything. */
export const funnelIsEmpty = (funnel: FunnelFigures): boolean => STEPS.every(([key]) => funnel[key] === 0);

/** Whether any of the months had bookings or revenue. */
export const hasActivity = (months: readonly MonthFigures[]): boolean => months.some((m) => m.bookings > 0 || m.revenue_cents > 0);

/** An RFC 3339 time with its centre's offset, in that centre's wall-clock time: "sam. 5 déc. 2026 à 08:15". */
export function wallClock(iso: string): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!parts) return iso;
  const [, y, m, d, hh, mm] = parts;
  return `${day.format(new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))))} à ${hh}:${mm}`;
}
