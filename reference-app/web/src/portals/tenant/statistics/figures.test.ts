import { describe, expect, it } from 'vitest';
import type { StatisticsFigures, TenantStatistics } from '@/api/types';
import { controlTypeName, counted, hasFigures, vehicleCategoryName } from './figures';

const NONE: StatisticsFigures = { bookings: 0, completed: 0, no_show: 0, cancelled: 0, refunds: 0, collected_cents: 0, refunded_cents: 0, revenue_cents: 0, no_show_percent: null, cancellation_percent: null };
const period = (totals: Partial<StatisticsFigures>, searches = 0): TenantStatistics => ({
  from: '2026-01',
  to: '2026-12',
  totals: { ...NONE, ...totals },
  funnel: { searches, slot_views: 0, holds: 0, paid: 0 },
  months: [],
  by_control_type: [],
  by_vehicle_category: [],
  by_agency: [],
  by_centre: [],
});

describe('the statistics’ words and figures', () => {
  it('name the control types and vehicle categories in French', () => {
    expect(['CT', 'CT_CONTRE_VISITE', 'CTC'].map(controlTypeName)).toEqual(['Contrôle technique périodique', 'Contre-visite', 'Contrôle complémentaire']);
    expect(['VP', 'VU', 'L', 'CAMPING_CAR', 'TRAILER', 'PL', 'VT'].map(vehicleCategoryName)).toEqual([
      'Voiture (VP)',
      'Utilitaire (VU)',
      'Deux-roues (L)',
      'Camping-car',
      'Remorque',
      'Poids lourd (PL)',
      'Utilitaire (VU)',
    ]);
    expect(controlTypeName('NOUVEAU')).toBe('NOUVEAU');
    expect(vehicleCategoryName('QUAD')).toBe('QUAD');
  });

  it('know a period with nothing to show from one with a booking, a cancellation, money or a search', () => {
    expect(counted(NONE)).toBe(false);
    expect(hasFigures(period({}))).toBe(false);
    expect(hasFigures(period({ bookings: 1 }))).toBe(true);
    expect(hasFigures(period({ cancelled: 1 }))).toBe(true);
    expect(hasFigures(period({ refunded_cents: 2500 }))).toBe(true);
    expect(hasFigures(period({}, 4))).toBe(true);
  });
});
