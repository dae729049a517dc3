import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, session } from '@/api/client';
import { fakeFetch, header, json } from '@/api/testing';
import { exportStatistics, getTenantStatistics, statisticsSearch } from './api';
import { statisticsRefusal } from './refusal';

beforeEach(() => {
  localStorage.clear();
  session.set({ access_token: 'A', refresh_token: 'R' });
});
afterEach(() => vi.unstubAllGlobals());

describe('the statistics’ calls', () => {
  it('send the period and the filters set, nothing else', async () => {
    expect(statisticsSearch({ from: '2026-01', to: '2026-12', agency_id: undefined, centre_id: 'c1' })).toBe('from=2026-01&to=2026-12&centre_id=c1');
    const calls = fakeFetch(() => json(200, {}));
    await getTenantStatistics({ from: '2026-01', to: '2026-06', agency_id: 'a1' });
    expect(calls[0]!.url).toBe('/api/v1/statistics/tenant?from=2026-01&to=2026-06&agency_id=a1');
    expect(header(calls[0]!, 'Authorization')).toBe('Bearer A');
  });

  it('download an export with the same period and filters, under the server’s name', async () => {
    const calls = fakeFetch(
      () => new Response('PK', { status: 200, headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="statistiques-2026-01-2026-06.pdf"' } }),
    );
    const file = await exportStatistics({ from: '2026-01', to: '2026-06', agency_id: 'a1' }, 'pdf');
    expect(calls[0]!.url).toBe('/api/v1/statistics/tenant/export?format=pdf&from=2026-01&to=2026-06&agency_id=a1');
    expect(header(calls[0]!, 'Authorization')).toBe('Bearer A');
    expect(file.filename).toBe('statistiques-2026-01-2026-06.pdf');
    expect(await file.blob.text()).toBe('PK');
  });

  it('name the export after its period when the server gives no name', async () => {
    fakeFetch(() => new Response('x', { status: 200 }));
    expect((await exportStatistics({ from: '2026-01', to: '2026-06' }, 'xlsx')).filename).toBe('statistiques-2026-01-2026-06.xlsx');
  });
});

describe('the statistics’ refusals', () => {
  it('word a refused period on its field, in French', () => {
    expect(statisticsRefusal(new ApiError(422, 'VALIDATION', 'to: at most 24 months', { field: 'to' }))).toEqual({
      field: 'to',
      message: 'Période refusée : le mois de fin doit être celui du début ou un suivant, 24 mois au plus.',
    });
    expect(statisticsRefusal(new ApiError(422, 'VALIDATION', 'from: expected YYYY-MM', { field: 'from' }))).toEqual({ field: 'from', message: 'Mois de début invalide (AAAA-MM).' });
  });

  it('word any other refusal without a field, never in the server’s English', () => {
    expect(statisticsRefusal(new ApiError(422, 'VALIDATION', 'agency_id: unknown', { field: 'agency_id' }))).toEqual({ field: null, message: 'Choisissez une agence de votre périmètre.' });
    expect(statisticsRefusal(new ApiError(403, 'OUT_OF_SCOPE', "outside the principal's scope"))).toEqual({
      field: null,
      message: 'Cette information ne relève pas de votre périmètre (agence ou centre).',
    });
    expect(statisticsRefusal(new ApiError(503, 'HTTP_503', 'Service Unavailable')).message).toBe('Le service est momentanément indisponible. Réessayez dans un instant.');
  });
});
