import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './client';
import { applyServerError } from './fieldErrors';

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
