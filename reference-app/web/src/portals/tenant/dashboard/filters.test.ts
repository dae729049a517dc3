import { describe, expect, it } from 'vitest';
import { readFilters, statsQuery, writeFilters } from './filters';

describe('the dashboard’s filters in the address', () => {
  it('reads the month, the agency and the centre, and nothing for an empty value', () => {
    expect(readFilters(new URLSearchParams('mois=2026-11&agence=a1&centre=c1'))).toEqual({ month: '2026-11', agency: 'a1', centre: 'c1' });
    expect(readFilters(new URLSearchParams('agence='))).toEqual({ month: null, agency: null, centre: null });
  });

  it('writes only what is set, and reads back what it wrote', () => {
    const params = writeFilters({ month: '2026-11', agency: 'a1', centre: null });
    expect(params.toString()).toBe('mois=2026-11&agence=a1');
    expect(readFilters(params)).toEqual({ month: '2026-11', agency: 'a1', centre: null });
  });

  it('asks the server for this month when the address names none', () => {
    expect(statsQuery({ month: null, agency: null, centre: null }, '2026-12')).toEqual({ month: '2026-12', agency_id: undefined, centre_id: undefined });
    expect(statsQuery({ month: '2026-10', agency: 'a1', centre: 'c1' }, '2026-12')).toEqual({ month: '2026-10', agency_id: 'a1', centre_id: 'c1' });
  });
});
