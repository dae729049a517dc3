import { describe, expect, it } from 'vitest';
import { periodLength, periodProblem, planningQuery, readFilters, writeFilters } from './filters';

describe('the planning filters in the URL', () => {
  it('show two weeks from today when the URL names no period', () => {
    const f = readFilters(new URLSearchParams(), '2026-12-03');
    expect(f).toEqual({ from: '2026-12-03', to: '2026-12-16', agencyId: '', centreId: '', view: 'jours', page: 1, detail: null });
    expect(periodLength(f.from, f.to)).toBe(14);
  });

  it('read back what they write, defaults left out', () => {
    const f = { from: '2026-12-01', to: '2026-12-31', agencyId: 'a1', centreId: 'c1', view: 'heures' as const, page: 3, detail: { centreId: 'c1', date: '2026-12-07' } };
    const params = writeFilters(f);
    expect(params.toString()).toBe('du=2026-12-01&au=2026-12-31&agence=a1&centre=c1&vue=heures&page=3&detail=c1_2026-12-07');
    expect(readFilters(params, '2026-12-03')).toEqual(f);
    expect(writeFilters({ ...f, agencyId: '', centreId: '', view: 'jours', page: 1, detail: null }).toString()).toBe('du=2026-12-01&au=2026-12-31');
    expect(readFilters(new URLSearchParams('page=-2&vue=autre&detail=c1_2026-02-30'), '2026-12-03')).toMatchObject({ page: 1, view: 'jours', detail: null });
  });

  it('name what is wrong with a period, on its field, in French', () => {
    expect(periodProblem('2026-12-01', '2026-12-31')).toBeNull();
    expect(periodProblem('2026-12-05', '2026-12-05')).toBeNull();
    expect(periodProblem('2026-02-30', '2026-03-01')).toEqual({ field: 'from', message: 'Date de début invalide.' });
    expect(periodProblem('2026-12-01', '')).toEqual({ field: 'to', message: 'Date de fin invalide.' });
    expect(periodProblem('2026-12-02', '2026-12-01')).toEqual({ field: 'to', message: 'La fin précède le début.' });
    expect(periodProblem('2026-12-01', '2027-01-01')).toEqual({ field: 'to', message: '31 jours au plus.' });
  });

  it('ask the server for the filters set', () => {
    const f = readFilters(new URLSearchParams('du=2026-12-01&au=2026-12-07&agence=a1'), '2026-12-03');
    expect(planningQuery(f)).toEqual({ from: '2026-12-01', to: '2026-12-07', agency_id: 'a1', centre_id: null });
  });
});
