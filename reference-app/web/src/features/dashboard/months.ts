// Months as the dashboard names them: `YYYY-MM` codes, their French names, the months a
// picker offers.
import { today } from '@/domain/format';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const long = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const short = new Intl.DateTimeFormat('fr-FR', { month: 'short', timeZone: 'UTC' });

/** Whether `text` is a month code, `YYYY-MM`. */
export const isMonth = (text: string): boolean => MONTH.test(text);

/** The first instant (UTC) of month `code`. */
function firstDay(code: string): Date {
  const [year, month] = code.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, 1));
}

/** "2026-12" → "décembre 2026". */
export const monthName = (code: string): string => long.format(firstDay(code));

/** "2026-12" → "déc.". */
export const monthShortName = (code: string): string => short.format(firstDay(code));

/** The month `n` months after `code` (before it when `n` is negative). */
export function addMonths(code: string, n: number): string {
  const [year, month] = code.split('-').map(Number);
  const index = year! * 12 + (month! - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** This month in France, `YYYY-MM`. */
export const currentMonth = (): string => today().slice(0, 7);

/** How far back and ahead of this month the picker reaches (bookings are taken 90 days ahead). */
const BACK = 23;
const AHEAD = 3;

/** The months a picker offers around `current`, `back` months back at most, the latest first, with `selected` among them. */
export function monthChoices(current: string, selected: string, back = BACK): string[] {
  const months = Array.from({ length: back + AHEAD + 1 }, (_, i) => addMonths(current, AHEAD - i));
  if (isMonth(selected) && !months.includes(selected)) months.push(selected);
  return months.sort().reverse();
}
