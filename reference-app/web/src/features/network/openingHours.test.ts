import { describe, expect, it } from 'vitest';
import { closedWeek, copyToWorkingDays, hoursProblems, ruleDays, weekToWindows, windowsToWeek, type WeekHours } from './openingHours';

const morning = { start: '08:00', end: '12:00' };
const afternoon = { start: '14:00', end: '18:00' };

/** A week with a lunch break on working days and Saturday mornings. */
function usual(): WeekHours {
  return { ...closedWeek(), MO: [morning, afternoon], TU: [morning, afternoon], WE: [morning, afternoon], TH: [morning, afternoon], FR: [morning, afternoon], SA: [morning] };
}

describe('opening hours: grid and windows', () => {
  it('groups the days with the same ranges into one weekly rule per range', () => {
    expect(weekToWindows(usual())).toEqual([
      { rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', start: '08:00', end: '12:00' },
      { rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', start: '14:00', end: '18:00' },
      { rrule: 'FREQ=WEEKLY;BYDAY=SA', start: '08:00', end: '12:00' },
    ]);
  });

  it('round-trips a grid through its windows', () => {
    expect(windowsToWeek(weekToWindows(usual()))).toEqual(usual());
  });

  it('round-trips windows grouped as the server keeps them', () => {
    const windows = weekToWindows(usual());
    expect(weekToWindows(windowsToWeek(windows))).toEqual(windows);
  });

  it('reads windows whose days overlap another window, ranges by start', () => {
    const week = windowsToWeek([
      { rrule: 'FREQ=WEEKLY;BYDAY=MO,SA', start: '14:00', end: '17:00' },
      { rrule: 'FREQ=WEEKLY;BYDAY=MO', start: '08:00', end: '12:00' },
    ]);
    expect(week.MO).toEqual([{ start: '08:00', end: '12:00' }, { start: '14:00', end: '17:00' }]);
    expect(week.SA).toEqual([{ start: '14:00', end: '17:00' }]);
    expect(week.SU).toEqual([]);
  });

  it('sends no window for a closed week and ignores rules that are not weekly', () => {
    expect(weekToWindows(closedWeek())).toEqual([]);
    expect(ruleDays('FREQ=DAILY')).toEqual([]);
    expect(ruleDays('FREQ=WEEKLY;BYDAY=MO,XX,SU')).toEqual(['MO', 'SU']);
  });

  it('copies a day on every working day, not the weekend', () => {
    const week = copyToWorkingDays({ ...closedWeek(), WE: [morning], SA: [afternoon] }, 'WE');
    expect(week.MO).toEqual([morning]);
    expect(week.FR).toEqual([morning]);
    expect(week.SA).toEqual([afternoon]);
    week.MO[0]!.start = '09:00';
    expect(week.TU[0]!.start).toBe('08:00');
  });
});

describe('opening hours: checks before sending', () => {
  it('accepts a usual week', () => {
    expect(hoursProblems(usual())).toEqual([]);
  });

  it('refuses a range ending before or when it starts', () => {
    expect(hoursProblems({ ...closedWeek(), TU: [{ start: '12:00', end: '12:00' }] })).toEqual([{ day: 'TU', index: 0, message: 'La fin doit suivre le début.' }]);
  });

  it('refuses two ranges of a day that overlap, and accepts ranges that touch', () => {
    const overlapping = hoursProblems({ ...closedWeek(), MO: [morning, { start: '11:00', end: '13:00' }] });
    expect(overlapping.map((p) => p.index)).toEqual([0, 1]);
    expect(hoursProblems({ ...closedWeek(), MO: [morning, { start: '12:00', end: '13:00' }] })).toEqual([]);
  });

  it('refuses a time that is not HH:MM', () => {
    expect(hoursProblems({ ...closedWeek(), MO: [{ start: '8h', end: '12:00' }] })[0]?.message).toBe('Heures au format HH:MM.');
  });

  it('refuses more than 20 windows', () => {
    const week = closedWeek();
    week.MO = Array.from({ length: 21 }, (_, i) => ({ start: `${String(i).padStart(2, '0')}:00`, end: `${String(i).padStart(2, '0')}:30` }));
    expect(hoursProblems(week)).toHaveLength(1);
    expect(hoursProblems(week)[0]?.day).toBeUndefined();
  });
});
