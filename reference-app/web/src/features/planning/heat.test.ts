import { describe, expect, it } from 'vitest';
import type { CentrePlanning } from '@/api/types';
import { activeHours, fillRate, formatPercent, heatLegend, heatLevel, warningsFirst } from './heat';

const centre = (name: string, warning: boolean, hours: Record<number, [number, number]> = {}): CentrePlanning => ({
  id: name,
  name,
  agency_id: 'a',
  time_zone: 'Europe/Paris',
  booked: 0,
  capacity: 0,
  fill_rate_percent: null,
  warning,
  booked_by_day: [],
  capacity_by_day: [],
  fill_rate_by_day: [],
  booked_by_hour: Array.from({ length: 24 }, (_, h) => hours[h]?.[0] ?? 0),
  capacity_by_hour: Array.from({ length: 24 }, (_, h) => hours[h]?.[1] ?? 0),
});

describe('the heatmaps’ levels', () => {
  it('put a rate in its level, the network’s warning last', () => {
    expect([null, 0, 49.9, 50, 74.9, 75, 89.9, 90, 130].map((r) => heatLevel(r, 90))).toEqual(['closed', 'low', 'low', 'medium', 'medium', 'high', 'high', 'warning', 'warning']);
    expect(heatLevel(60, 60)).toBe('warning');
  });

  it('explain every level shown under the warning', () => {
    expect(heatLegend(90).map((l) => l.label)).toEqual(['Fermé', 'Moins de 50 %', '50 à 75 %', '75 à 90 %', '90 % et plus (alerte)']);
    expect(heatLegend(60).map((l) => l.level)).toEqual(['closed', 'low', 'medium', 'warning']);
    expect(heatLegend(40).map((l) => l.label)).toEqual(['Fermé', 'Moins de 40 %', '40 % et plus (alerte)']);
  });

  it('write rates the French way', () => {
    expect(formatPercent(92.3)).toBe('92,3 %');
    expect(formatPercent(null)).toBe('—');
    expect(fillRate(1, 3)).toBe(33.3);
    expect(fillRate(4, 0)).toBeNull();
  });

  it('show the flagged centres first, then by name', () => {
    expect(warningsFirst([centre('Bron', false), centre('Vénissieux', true), centre('Anse', false)]).map((c) => c.name)).toEqual(['Vénissieux', 'Anse', 'Bron']);
  });

  it('show the hours some centre opens or books in, breaks included', () => {
    expect(activeHours([centre('A', false, { 8: [0, 2], 9: [1, 2] }), centre('B', false, { 14: [0, 3], 17: [2, 0] })])).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(activeHours([centre('A', false)])).toEqual([]);
  });
});
