import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { applyServerError, bookingSchema, cardSchema, loginSchema, luhn, phoneSchema, signupSchema } from './forms';

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

describe('French phone numbers', () => {
  it.each(['0612345678', '06 12 34 56 78', '06.12.34.56.78', '+33 6 12 34 56 78', '+33612345678', '01-23-45-67-89'])('accepts %s', (p) => {
    expect(phoneSchema.safeParse(p).success).toBe(true);
  });
  it.each(['612345678', '0012345678', '+44 20 7946 0958', '06 12 34 56', 'appelez-moi'])('refuses %s', (p) => {
    expect(phoneSchema.safeParse(p).success).toBe(false);
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

describe('sign-up and login', () => {
  const ok = { first_name: 'Claire', last_name: 'Martin', email: 'claire@exemple.fr', phone: '', password: 'Client123', confirm: 'Client123' };
  it('takes the server password rule: 8+ characters, a letter and a digit', () => {
    expect(signupSchema.safeParse(ok).success).toBe(true);
    expect(issues(signupSchema.safeParse({ ...ok, password: 'onlyletters', confirm: 'onlyletters' }))).toEqual({ password: 'Au moins une lettre et un chiffre.' });
    expect(issues(signupSchema.safeParse({ ...ok, confirm: 'Client124' }))).toEqual({ confirm: 'Les mots de passe diffèrent.' });
  });
  it('needs an e-mail and a password to log in', () => {
    expect(issues(loginSchema.safeParse({ email: '', password: '' }))).toEqual({ email: 'Adresse e-mail requise.', password: 'Mot de passe requis.' });
  });
});

describe('server errors on form fields', () => {
  it('puts a VALIDATION error on the field it names', () => {
    const setError = vi.fn();
    const rest = applyServerError(new ApiError(422, 'VALIDATION', 'x', { field: 'phone', reason: 'not a phone number' }), setError, ['phone', 'email']);
    expect(rest).toBeNull();
    expect(setError).toHaveBeenCalledWith('phone', { type: 'server', message: 'Numéro de téléphone invalide.' }, { shouldFocus: true });
  });

  it('puts field-specific codes on their field', () => {
    const setError = vi.fn();
    applyServerError(new ApiError(422, 'INVALID_PLATE', 'x'), setError, ['immatriculation']);
    expect(setError.mock.calls[0]![0]).toBe('immatriculation');
  });

  it('renames API fields to form fields (exp_year → expiry)', () => {
    const setError = vi.fn();
    applyServerError(new ApiError(422, 'VALIDATION', 'x', { field: 'exp_year', reason: 'in the past' }), setError, ['expiry'], { exp_year: 'expiry' });
    expect(setError).toHaveBeenCalledWith('expiry', { type: 'server', message: 'Carte expirée.' }, { shouldFocus: true });
  });

  it('returns a French message for the whole form otherwise', () => {
    const setError = vi.fn();
    expect(applyServerError(new ApiError(409, 'SLOT_TAKEN', 'taken'), setError, ['email'])).toContain('vient d’être réservé');
    expect(applyServerError(new ApiError(402, 'CARD_DECLINED', 'declined'), setError, ['card_number'])).toContain('refusée');
    expect(setError).not.toHaveBeenCalled();
  });
});
