import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, session } from '@/api/client';
import { fakeFetch, header, json } from '@/api/testing';
import { bookingsSearch, exportBookings, listBookings } from './api';
import { controlLabel, paymentLabel, paymentTone, sourceLabel } from './format';
import { bookingsRefusal } from './refusal';

beforeEach(() => {
  localStorage.clear();
  session.set({ access_token: 'A', refresh_token: 'R' });
});
afterEach(() => vi.unstubAllGlobals());

describe('the bookings’ calls', () => {
  it('send the filters, the search, the order and the page set, nothing else', async () => {
    expect(bookingsSearch({})).toBe('');
    expect(bookingsSearch({ from: '2027-01-04', to: undefined, q: '', status: 'confirmed', sort: 'start', order: 'desc', limit: 25 })).toBe('?from=2027-01-04&status=confirmed&sort=start&order=desc&limit=25');
    const calls = fakeFetch(() => json(200, { items: [], next_cursor: null }));
    await listBookings({ centre_id: 'c1', q: 'AB-123-CD', cursor: 'k2', limit: 50 });
    expect(calls[0]!.url).toBe('/api/v1/rdv?centre_id=c1&q=AB-123-CD&limit=50&cursor=k2');
    expect(header(calls[0]!, 'Authorization')).toBe('Bearer A');
  });

  it('download every booking of the same filters and order, without the page, under the server’s name', async () => {
    const calls = fakeFetch(() => new Response('Référence;Centre', { status: 200, headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="reservations-2027-01-04.csv"' } }));
    const file = await exportBookings({ status: 'completed', payment_status: 'on_site', sort: 'created_at', order: 'asc', limit: 100, cursor: 'k9' }, 'csv');
    expect(calls[0]!.url).toBe('/api/v1/rdv/export?format=csv&status=completed&payment_status=on_site&sort=created_at&order=asc');
    expect(file.filename).toBe('reservations-2027-01-04.csv');
    expect(await file.blob.text()).toBe('Référence;Centre');
  });

  it('name the export by its format when the server gives no name', async () => {
    fakeFetch(() => new Response('PK', { status: 200 }));
    expect((await exportBookings({}, 'xlsx')).filename).toBe('reservations.xlsx');
  });
});

describe('the bookings’ refusals', () => {
  it('word a refused day of the period on its field, in French', () => {
    expect(bookingsRefusal(new ApiError(422, 'VALIDATION', 'to: before from', { field: 'to' }))).toEqual({ field: 'to', message: 'Date de fin refusée : choisissez le jour du début ou un jour suivant.' });
    expect(bookingsRefusal(new ApiError(422, 'VALIDATION', 'from: expected YYYY-MM-DD', { field: 'from' }))).toEqual({ field: 'from', message: 'Date de début invalide (AAAA-MM-JJ).' });
  });

  it('word the list’s other refusals without a field, never in the server’s English', () => {
    expect(bookingsRefusal(new ApiError(422, 'VALIDATION', 'q: at most 100 characters', { field: 'q' }))).toEqual({ field: null, message: 'Recherche trop longue : 100 caractères au plus.' });
    expect(bookingsRefusal(new ApiError(422, 'VALIDATION', 'cursor: stale', { field: 'cursor' })).message).toBe('Cette page de résultats n’est plus valable : revenez à la première page.');
    expect(bookingsRefusal(new ApiError(422, 'VALIDATION', 'centre_id: another network', { field: 'centre_id' })).message).toBe('Choisissez un centre de votre périmètre.');
    expect(bookingsRefusal(new ApiError(403, 'OUT_OF_SCOPE', "outside the principal's scope"))).toEqual({ field: null, message: 'Cette information ne relève pas de votre périmètre (agence ou centre).' });
    expect(bookingsRefusal(new ApiError(503, 'HTTP_503', 'Service Unavailable')).message).toBe('Le service est momentanément indisponible. Réessayez dans un instant.');
  });
});

describe('the bookings’ codes in French', () => {
  it('name every payment status, with a colour that tells paid from refused', () => {
    expect(['unpaid', 'pending', 'paid', 'failed', 'refunded', 'partially_refunded', 'on_site'].map(paymentLabel)).toEqual([
      'Non payé',
      'Paiement en cours',
      'Payé',
      'Paiement refusé',
      'Remboursé',
      'Remboursé en partie',
      'À régler au centre',
    ]);
    expect([paymentTone('paid'), paymentTone('failed'), paymentTone('pending')]).toEqual(['success', 'danger', 'warning']);
  });

  it('name the control types and the origins, and show a code they do not know as it is', () => {
    expect(['CT', 'CT_CONTRE_VISITE', 'CTC'].map(controlLabel)).toEqual(['Contrôle périodique', 'Contre-visite', 'Contrôle complémentaire']);
    expect(['web', 'call_center', 'pro', 'api', 'seed'].map(sourceLabel)).toEqual(['En ligne', 'Centre d’appels', 'Espace pro', 'API', 'Démonstration']);
    expect([paymentLabel('disputed'), paymentTone('disputed'), controlLabel('GPL'), sourceLabel('kiosk')]).toEqual(['disputed', 'neutral', 'GPL', 'kiosk']);
  });
});
