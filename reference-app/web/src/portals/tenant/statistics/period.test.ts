import { describe, expect, it } from 'vitest';
import { MAX_MONTHS, PRESETS, isPreset, monthCount, periodProblem, presetPeriod, readFilters, statisticsQueryOf, writeFilters } from './period';

describe('the statistics’ period', () => {
  it('names its presets in French, in the picker’s order', () => {
    expect(PRESETS.map((p) => p.label)).toEqual(['3 derniers mois', '6 derniers mois', '12 derniers mois', 'Année en cours', 'Année précédente']);
  });

  it.each([
    ['3m', { from: '2026-01', to: '2026-03' }],
    ['6m', { from: '2025-10', to: '2026-03' }],
    ['12m', { from: '2025-04', to: '2026-03' }],
    ['year', { from: '2026-01', to: '2026-12' }],
    ['last-year', { from: '2025-01', to: '2025-12' }],
  ] as const)('preset %s in March 2026', (id, period) => {
    expect(presetPeriod(id, '2026-03')).toEqual(period);
    expect(monthCount(period.from, period.to)).toBeLessThanOrEqual(MAX_MONTHS);
  });

  it('knows the presets a period is', () => {
    const are = (period: { from: string; to: string }) => PRESETS.filter(({ id }) => isPreset(id, period, '2026-12')).map((p) => p.id);
    expect(are({ from: '2026-10', to: '2026-12' })).toEqual(['3m']);
    expect(are({ from: '2026-01', to: '2026-12' })).toEqual(['12m', 'year']);
    expect(are({ from: '2026-02', to: '2026-12' })).toEqual([]);
  });

  it('counts its months, both ends included', () => {
    expect(monthCount('2026-01', '2026-01')).toBe(1);
    expect(monthCount('2025-11', '2026-02')).toBe(4);
    expect(monthCount('2025-01', '2026-12')).toBe(24);
    expect(monthCount('2026-03', '2026-01')).toBe(0);
  });

  it('says in French what is wrong with a period, on its field', () => {
    expect(periodProblem('2025-01', '2026-12')).toBeNull();
    expect(periodProblem('2026-05', '2026-05')).toBeNull();
    expect(periodProblem('2026-13', '2026-12')).toEqual({ field: 'from', message: 'Mois de début invalide.' });
    expect(periodProblem('2026-01', '')).toEqual({ field: 'to', message: 'Mois de fin invalide.' });
    expect(periodProblem('2026-03', '2026-02')).toEqual({ field: 'to', message: 'La fin précède le début.' });
    expect(periodProblem('2024-12', '2026-12')).toEqual({ field: 'to', message: 'Période trop longue : 24 mois au plus.' });
  });
});

describe('the statistics’ filters in the address', () => {
  it('show the last 12 months when the address names no period', () => {
    expect(readFilters(new URLSearchParams(), '2026-03')).toEqual({ from: '2025-04', to: '2026-03', agency: null, centre: null });
    expect(readFilters(new URLSearchParams('agence=&centre='), '2026-03')).toMatchObject({ agency: null, centre: null });
  });

  it('keep what the address says, even a wrong month (the page says what is wrong)', () => {
    expect(readFilters(new URLSearchParams('du=2026-1&au=2026-06&agence=a1&centre=c1'), '2026-03')).toEqual({ from: '2026-1', to: '2026-06', agency: 'a1', centre: 'c1' });
  });

  it('write the period always and the scope when set, and read back what they wrote', () => {
    const filters = { from: '2025-01', to: '2025-12', agency: 'a1', centre: null };
    const params = writeFilters(filters);
    expect(params.toString()).toBe('du=2025-01&au=2025-12&agence=a1');
    expect(readFilters(params, '2026-03')).toEqual(filters);
    expect(writeFilters({ ...filters, agency: 'a1', centre: 'c1' }).toString()).toBe('du=2025-01&au=2025-12&agence=a1&centre=c1');
  });

  it('ask the server for the period and the scope set', () => {
    expect(statisticsQueryOf({ from: '2025-01', to: '2025-12', agency: null, centre: 'c1' })).toEqual({ from: '2025-01', to: '2025-12', agency_id: undefined, centre_id: 'c1' });
  });
});
