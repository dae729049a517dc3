import { describe, expect, it } from 'vitest';
import type { CentreOffer } from '@/api/types';
import { rowProblem, toOfferInputs, toRow } from './offers';

const offer = (patch: Partial<CentreOffer> = {}): CentreOffer => ({ control_type: 'CT', vehicle_category: 'VP', price_cents: 7950, vat_rate_bp: 2000, duration_minutes: null, source: 'network', active: true, ...patch });

describe('the tariffs table', () => {
  it('shows cents as euros and an unset duration as empty', () => {
    expect(toRow(offer())).toMatchObject({ price: '79.50', duration: '', own: false });
    expect(toRow(offer({ source: 'centre', duration_minutes: 40 }))).toMatchObject({ duration: '40', own: true });
  });

  it('sends the centre’s own rows only, prices in cents', () => {
    const rows = [{ ...toRow(offer()), price: '82,90', own: true }, toRow(offer({ vehicle_category: 'VU' }))];
    expect(toOfferInputs(rows)).toEqual([{ control_type: 'CT', vehicle_category: 'VP', price_cents: 8290, active: true }]);
    expect(toOfferInputs([{ ...toRow(offer()), duration: '45', active: false, own: true }])).toEqual([{ control_type: 'CT', vehicle_category: 'VP', price_cents: 7950, duration_minutes: 45, active: false }]);
  });

  it('refuses a price over 1 000 € or a duration outside 5–240 minutes', () => {
    expect(rowProblem({ price: '1000', duration: '' })).toBeNull();
    expect(rowProblem({ price: '1000,01', duration: '' })).not.toBeNull();
    expect(rowProblem({ price: '79', duration: '4' })).toBe('Durée de 5 à 240 minutes.');
    expect(rowProblem({ price: '79', duration: '240' })).toBeNull();
    expect(rowProblem({ price: '79', duration: '30.5' })).toBe('Durée en minutes entières.');
  });
});
