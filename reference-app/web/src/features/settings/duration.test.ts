import { describe, expect, it } from 'vitest';
import { durationLabel, toHoursMinutes, toMinutes } from './duration';

describe('minutes and hours', () => {
  it('splits minutes into hours and minutes, and back', () => {
    expect(toHoursMinutes(150)).toEqual({ hours: 2, minutes: 30 });
    expect(toMinutes({ hours: 2, minutes: 30 })).toBe(150);
    for (const m of [0, 59, 60, 1439, 43200]) expect(toMinutes(toHoursMinutes(m))).toBe(m);
  });

  it('words a duration in French', () => {
    expect(durationLabel(45)).toBe('45 min');
    expect(durationLabel(1440)).toBe('24 h');
    expect(durationLabel(125)).toBe('2 h 05');
  });
});
