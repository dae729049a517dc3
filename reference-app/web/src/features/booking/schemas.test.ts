import { describe, expect, it, vi } from 'vitest';
import { bookingSchema, cardSchema, luhn } from './schemas';

const booking = {
  first_name: 'Jean',
  last_name: 'Dupont',
  email: 'jean.dupont@test.com',
  phone: '0612345678',
  immatriculation: 'aa 123 bb',
  vehicle_type: 'VP',
  fuel: 'DIESEL',
  marque: 'Renault',
  modele: 'Clio',
  annee: '2018',
  control_type: 'CT',
  notes: '',
  vehicle_id: '',
  failed_inspection_date: '',
};

const issues = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('the booking form', () => {
  it('accepts the spec journey and outputs the plate canonically and the year as a number', () => {
    const r = bookingSchema.parse(booking);
    expect(r.immatriculation).toBe('AA-123-BB');
    expect(r.annee).toBe(2018);
  });

  it('names each wrong field in French', () => {
    const r = bookingSchema.safeParse({ ...booking, email: 'jean@', phone: '12', immatriculation: 'AI-123-CD', first_name: ' ', annee: '1800' });
    expect(issues(r)).toMatchObject({
      email: 'Adresse e-mail invalide.',
      phone: expect.stringContaining('Numéro invalide'),
      immatriculation: 'Les lettres I, O et U ne sont pas utilisées.',
      first_name: 'Prénom requis.',
      annee: expect.stringContaining('Année entre 1900'),
    });
  });

  it('leaves the year optional', () => {
    expect(bookingSchema.parse({ ...booking, annee: '' }).annee).toBeNull();
  });
});

describe('the card form', () => {
  it('checks Luhn', () => {
    expect(luhn('4242424242424242')).toBe(true);
    expect(luhn('4000000000000002')).toBe(true);
    expect(luhn('4242424242424241')).toBe(false);
  });

  it('outputs what /payment/tokenize takes', () => {
    expect(cardSchema.parse({ card_number: '4242 4242 4242 4242', expiry: '12/49', cvc: '123' })).toEqual({
      card_number: '4242424242424242',
      exp_month: 12,
      exp_year: 2049,
      cvc: '123',
    });
  });

  it('refuses an expired card, a bad number and a bad CVC', () => {
    vi.useFakeTimers({ now: new Date('2026-11-25T10:00:00Z') });
    try {
      expect(issues(cardSchema.safeParse({ card_number: '4242424242424242', expiry: '10/26', cvc: '123' }))).toEqual({ expiry: 'Carte expirée.' });
      expect(cardSchema.safeParse({ card_number: '4242424242424242', expiry: '11/26', cvc: '123' }).success).toBe(true);
      expect(issues(cardSchema.safeParse({ card_number: '1234', expiry: '13/30', cvc: '1' }))).toEqual({
        card_number: 'Numéro de carte invalide.',
        expiry: 'Format MM/AA.',
        cvc: '3 ou 4 chiffres.',
      });
    } finally {
      vi.useRealTimers();
    }
  });
});
