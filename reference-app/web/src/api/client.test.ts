import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, attachmentName, download, session } from './client';
import { fakeFetch, header, json } from './testing';

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('downloads', () => {
  it('read the file with the Bearer token and take the name the server gives', async () => {
    session.set({ access_token: 'A1', refresh_token: 'R1' });
    const calls = fakeFetch(
      () => new Response('Nom;Prénom\r\n', { status: 200, headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="utilisateurs-2026-12-02.csv"' } }),
    );
    const file = await download('/users/export?format=csv', 'utilisateurs.csv');
    expect(header(calls[0]!, 'Authorization')).toBe('Bearer A1');
    expect(file.filename).toBe('utilisateurs-2026-12-02.csv');
    expect(await file.blob.text()).toBe('Nom;Prénom\r\n');
  });

  it('fall back on a name of their own, and fail with the API error', async () => {
    expect(attachmentName(null, 'export.xlsx')).toBe('export.xlsx');
    expect(attachmentName('inline', 'export.xlsx')).toBe('export.xlsx');
    fakeFetch(() => json(403, { code: 'FORBIDDEN', message: 'no', details: null }));
    await expect(download('/users/export?format=csv', 'x.csv')).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });
});

describe('the API client', () => {
  it('prefixes /api/v1 and sends JSON with the Bearer token', async () => {
    session.set({ access_token: 'A1', refresh_token: 'R1' });
    const calls = fakeFetch(() => json(200, { ok: true }));
    await api('/users/me', { method: 'PUT', body: { first_name: 'Jean' } });
    expect(calls[0]!.url).toBe('/api/v1/users/me');
    expect(header(calls[0]!, 'Authorization')).toBe('Bearer A1');
    expect(header(calls[0]!, 'Content-Type')).toBe('application/json');
    expect(calls[0]!.init.body).toBe('{"first_name":"Jean"}');
  });

  it('refreshes the session on a 401 and retries once with the new token', async () => {
    session.set({ access_token: 'old', refresh_token: 'R1' });
    const calls = fakeFetch(({ url, init }) => {
      if (url.endsWith('/auth/refresh')) return json(200, { access_token: 'new', refresh_token: 'R2', token_type: 'Bearer', expires_in: 3600 });
      const auth = (init.headers as Record<string, string>).Authorization;
      return auth === 'Bearer new' ? json(200, { id: 'u1' }) : json(401, { code: 'UNAUTHORIZED', message: 'expired', details: {} });
    });
    await expect(api('/users/me')).resolves.toEqual({ id: 'u1' });
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/users/me', '/api/v1/auth/refresh', '/api/v1/users/me']);
    expect(JSON.parse(calls[1]!.init.body as string)).toEqual({ refresh_token: 'R1' });
    expect(session.get()).toEqual({ access_token: 'new', refresh_token: 'R2' });
  });

  it('shares one refresh between concurrent 401s', async () => {
    session.set({ access_token: 'old', refresh_token: 'R1' });
    const calls = fakeFetch(async ({ url, init }) => {
      if (url.endsWith('/auth/refresh')) {
        await new Promise((r) => setTimeout(r, 10));
        return json(200, { access_token: 'new', refresh_token: 'R2', token_type: 'Bearer', expires_in: 3600 });
      }
      const auth = (init.headers as Record<string, string>).Authorization;
      return auth === 'Bearer new' ? json(200, {}) : json(401, { code: 'UNAUTHORIZED', message: '', details: {} });
    });
    await Promise.all([api('/a'), api('/b'), api('/c')]);
    expect(calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1);
  });

  it('signs out when the refresh token is refused, and reports the 401', async () => {
    session.set({ access_token: 'old', refresh_token: 'spent' });
    fakeFetch(({ url }) => (url.endsWith('/auth/refresh') ? json(401, { code: 'UNAUTHORIZED', message: '', details: {} }) : json(401, { code: 'UNAUTHORIZED', message: 'no', details: {} })));
    await expect(api('/users/me')).rejects.toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    expect(session.get()).toBeNull();
  });

  it('does not refresh for a guest', async () => {
    const calls = fakeFetch(() => json(401, { code: 'UNAUTHORIZED', message: '', details: {} }));
    await expect(api('/rdv/x')).rejects.toBeInstanceOf(ApiError);
    expect(calls).toHaveLength(1);
  });

  it('turns {code, message, details} into an ApiError naming the field', async () => {
    fakeFetch(() => json(422, { code: 'VALIDATION', message: 'bad phone', details: { field: 'phone', reason: 'not a phone number' } }));
    const error = await api('/rdv', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: 'VALIDATION', message: 'bad phone', field: 'phone' });
  });

  it('reports a network failure as NETWORK', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(api('/tenant')).rejects.toMatchObject({ code: 'NETWORK', status: 0 });
  });

  it('keeps a non-JSON failure as an ApiError with its status', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })));
    await expect(api('/tenant')).rejects.toMatchObject({ code: 'HTTP_502', status: 502 });
  });
});
