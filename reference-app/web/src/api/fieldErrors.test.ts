import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from './client';
import { applyServerError } from './fieldErrors';
import { addStaffMessages } from './staffMessages';

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

describe('server refusals of staff accounts on their fields', () => {
  beforeAll(addStaffMessages);

  it('puts ROLE_NOT_GRANTABLE on the role', () => {
    const setError = vi.fn();
    expect(applyServerError(new ApiError(403, 'ROLE_NOT_GRANTABLE', 'x'), setError, ['role', 'email'])).toBeNull();
    expect(setError).toHaveBeenCalledWith('role', { type: 'server', message: 'Vous ne pouvez pas attribuer ce rôle sur ce périmètre.' }, { shouldFocus: true });
  });

  it('puts a refusal on the field its details name, before the field of its code', () => {
    const setError = vi.fn();
    applyServerError(new ApiError(403, 'ROLE_NOT_GRANTABLE', 'x', { field: 'centre_id' }), setError, ['role', 'centre_id']);
    expect(setError.mock.calls[0]![0]).toBe('centre_id');
  });

  it('words a VALIDATION of a scope field in French', () => {
    const setError = vi.fn();
    applyServerError(new ApiError(422, 'VALIDATION', 'x', { field: 'centre_id', reason: 'not a centre of your agency' }), setError, ['centre_id']);
    expect(setError).toHaveBeenCalledWith('centre_id', { type: 'server', message: 'Choisissez un centre de votre périmètre.' }, { shouldFocus: true });
  });
});
