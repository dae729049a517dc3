import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { errorMessage, fieldMessage } from './messages';
import { addStaffMessages } from './staffMessages';

describe('the French words of API errors', () => {
  it('words a scope refusal in French, never with the server’s English', () => {
    const error = new ApiError(403, 'OUT_OF_SCOPE', "the Booking lies outside the principal's Agency scope");
    expect(errorMessage(error)).toBe('Cette information ne relève pas de votre périmètre (agence ou centre).');
  });

  it.each([
    [403, 'Accès refusé : votre compte ne permet pas cette action.'],
    [404, 'Introuvable.'],
    [503, 'Le service est momentanément indisponible. Réessayez dans un instant.'],
    [400, 'Une erreur est survenue.'],
  ])('falls back on a French sentence for the status (%i) of a code it does not know', (status, french) => {
    expect(errorMessage(new ApiError(status, 'SOMETHING_NEW', 'an English sentence'))).toBe(french);
  });

  it('prefers the caller’s French fallback to the status sentence', () => {
    expect(errorMessage(new ApiError(422, 'SOMETHING_NEW', 'x'), 'Modification impossible en ligne.')).toBe('Modification impossible en ligne.');
  });

  it('words the staff portals’ codes and fields once a staff screen added them', () => {
    expect(errorMessage(new ApiError(409, 'CODE_TAKEN', 'x'))).toBe('Les informations ont changé entre-temps. Rechargez la page.');
    expect(fieldMessage('lanes')).toBe('Valeur invalide.');
    addStaffMessages();
    expect(errorMessage(new ApiError(409, 'CODE_TAKEN', 'x'))).toBe('Ce code est déjà utilisé dans le réseau.');
    expect(fieldMessage('lanes')).toBe('Entre 1 et 20 lignes.');
  });

  it('words the staff accounts’ refusals', () => {
    addStaffMessages();
    expect(errorMessage(new ApiError(403, 'ROLE_NOT_GRANTABLE', 'x'))).toBe('Vous ne pouvez pas attribuer ce rôle sur ce périmètre.');
    expect(errorMessage(new ApiError(409, 'EMAIL_TAKEN', 'x'))).toBe('Un compte utilise déjà cette adresse e-mail.');
    expect(errorMessage(new ApiError(422, 'INVALID_TOKEN', 'x'))).toContain('Ce lien n’est plus valable');
  });

  it('words a refused month, and a query string the server could not read', () => {
    addStaffMessages();
    expect(fieldMessage('month')).toBe('Mois invalide : choisissez un mois de 2000 à 2100.');
    expect(fieldMessage('query')).toBe('L’adresse de la page contient un paramètre invalide.');
  });

  it('words a field it does not know without the server’s reason', () => {
    expect(fieldMessage('nickname')).toBe('Valeur invalide.');
  });
});
