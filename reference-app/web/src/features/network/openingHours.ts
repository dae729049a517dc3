// A centre's opening hours as a week grid (Monday to Sunday, each day zero or more time ranges)
// and as the API's weekly windows (`{ rrule: "FREQ=WEEKLY;BYDAY=MO,TU", start, end }`, local
// time). Days with the same ranges share one window per range, so a grid and its windows
// round-trip; the checks are the server's (end after start, no two ranges of a day overlapping,
// at most 20 windows).
import type { OpeningWindow } from '@/api/types';

/** The days of a week, Monday first, as RFC 5545 names them. */
export const WEEK_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
/** A day of the week (`MO` … `SU`). */
export type WeekDay = (typeof WEEK_DAYS)[number];

/** Each day's French name. */
export const DAY_LABEL: Readonly<Record<WeekDay, string>> = {
  MO: 'Lundi',
  TU: 'Mardi',
  WE: 'Mercredi',
  TH: 'Jeudi',
  FR: 'Vendredi',
  SA: 'Samedi',
  SU: 'Dimanche',
};

/** The working days, Monday to Friday. */
export const WORKING_DAYS: readonly WeekDay[] = ['MO', 'TU', 'WE', 'TH', 'FR'];

/** The most windows a centre may have. */
export const MAX_WINDOWS = 20;

/** A time range of a day, `HH:MM` local. */
export interface TimeRange {
  start: string;
  end: string;
}

/** The week grid: each day's ranges, by start. */
export type WeekHours = Record<WeekDay, TimeRange[]>;

/** A week with every day closed. */
export const closedWeek = (): WeekHours => ({ MO: [], TU: [], WE: [], TH: [], FR: [], SA: [], SU: [] });

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const byStart = (a: TimeRange, b: TimeRange) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end);

/** The days a weekly rule names (`FREQ=WEEKLY;BYDAY=MO,TU` → MO, TU); none for another rule. */
export function ruleDays(rrule: string): WeekDay[] {
  const parts = Object.fromEntries(rrule.split(';').map((p) => p.split('=') as [string, string]));
  if (parts.FREQ !== 'WEEKLY' || !parts.BYDAY) return [];
  return parts.BYDAY.split(',').filter((d): d is WeekDay => (WEEK_DAYS as readonly string[]).includes(d));
}

/** The server's windows as a week grid. */
export function windowsToWeek(windows: readonly OpeningWindow[]): WeekHours {
  const week = closedWeek();
  for (const w of windows) for (const day of ruleDays(w.rrule)) week[day].push({ start: w.start, end: w.end });
  for (const day of WEEK_DAYS) week[day].sort(byStart);
  return week;
}

/** The week grid as windows: one per range, shared by the days with the same ranges. */
export function weekToWindows(week: WeekHours): OpeningWindow[] {
  const groups = new Map<string, { days: WeekDay[]; ranges: TimeRange[] }>();
  for (const day of WEEK_DAYS) {
    const ranges = [...week[day]].sort(byStart);
    if (ranges.length === 0) continue;
    const key = ranges.map((r) => `${r.start}-${r.end}`).join(',');
    const group = groups.get(key);
    if (group) group.days.push(day);
    else groups.set(key, { days: [day], ranges });
  }
  return [...groups.values()].flatMap(({ days, ranges }) => ranges.map((r) => ({ rrule: `FREQ=WEEKLY;BYDAY=${days.join(',')}`, start: r.start, end: r.end })));
}

/** The week with `from`'s ranges copied on every working day. */
export function copyToWorkingDays(week: WeekHours, from: WeekDay): WeekHours {
  const next = { ...week };
  for (const day of WORKING_DAYS) next[day] = week[from].map((r) => ({ ...r }));
  return next;
}

/** A refusal of the grid: the day and range it is about (no range: the whole week). */
export interface HoursProblem {
  day?: WeekDay;
  index?: number;
  message: string;
}

/** What the server would refuse in the grid, in French; none when it can be sent. */
export function hoursProblems(week: WeekHours): HoursProblem[] {
  const problems: HoursProblem[] = [];
  for (const day of WEEK_DAYS) {
    const ranges = week[day];
    ranges.forEach((r, index) => {
      if (!TIME.test(r.start) || !TIME.test(r.end)) problems.push({ day, index, message: 'Heures au format HH:MM.' });
      else if (r.end <= r.start) problems.push({ day, index, message: 'La fin doit suivre le début.' });
      else if (ranges.some((o, j) => j !== index && TIME.test(o.start) && TIME.test(o.end) && o.start < r.end && r.start < o.end))
        problems.push({ day, index, message: 'Cette plage en chevauche une autre du même jour.' });
    });
  }
  if (problems.length === 0 && weekToWindows(week).length > MAX_WINDOWS)
    problems.push({ message: `Trop de plages différentes : ${MAX_WINDOWS} au plus (regroupez les jours aux horaires identiques).` });
  return problems;
}
