import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/api/client';
import { fakeFetch } from '@/api/testing';
import { exportUsers } from './api';

beforeEach(() => {
  localStorage.clear();
  session.set({ access_token: 'A', refresh_token: 'R' });
});
afterEach(() => vi.unstubAllGlobals());

describe('the users export', () => {
  it('asks for every page of the current filters and order, in the chosen format', async () => {
    const calls = fakeFetch(() => new Response('x', { status: 200 }));
    const file = await exportUsers({ q: 'dupont', role: 'CONTROLEUR', sort: 'email', order: 'desc', cursor: 'next', limit: 25 }, 'xlsx');
    const url = new URL(calls[0]!.url, 'http://portal');
    expect(url.pathname).toBe('/api/v1/users/export');
    expect(Object.fromEntries(url.searchParams)).toEqual({ format: 'xlsx', q: 'dupont', role: 'CONTROLEUR', sort: 'email', order: 'desc' });
    expect(file.filename).toBe('utilisateurs.xlsx');
  });
});
