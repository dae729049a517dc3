import { describe, expect, it } from 'vitest';
import { addMonths, isMonth, monthChoices, monthName, monthShortName } from './months';

describe('the dashboard’s months', () => {
  it('knows a month code', () => {
    expect(isMonth('2026-12')).toBe(true);
    for (const bad of ['2026-13', '2026-00', '2026-1', '26-12', '2026-12-01', '']) expect(isMonth(bad)).toBe(false);
  });

  it('names months in French', () => {
    expect(monthName('2026-12')).toBe('décembre 2026');
    expect(monthName('2027-01')).toBe('janvier 2027');
    expect(monthShortName('2026-02')).toBe('févr.');
  });

  it('steps across the years', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-03', -15)).toBe('2024-12');
    expect(addMonths('2026-03', 0)).toBe('2026-03');
  });

  it('offers two years back and three months ahead, the latest first', () => {
    const choices = monthChoices('2026-12', '2026-12');
    expect(choices).toHaveLength(27);
    expect(choices[0]).toBe('2027-03');
    expect(choices.at(-1)).toBe('2025-01');
  });

  it('reaches as far back as asked', () => {
    const choices = monthChoices('2026-12', '2026-12', 59);
    expect(choices).toHaveLength(63);
    expect(choices.at(-1)).toBe('2022-01');
  });

  it('keeps a month chosen beyond those among the choices, in its place', () => {
    const choices = monthChoices('2026-12', '2020-06');
    expect(choices).toHaveLength(28);
    expect(choices.at(-1)).toBe('2020-06');
    expect(monthChoices('2026-12', 'nonsense')).toHaveLength(27);
  });
});
