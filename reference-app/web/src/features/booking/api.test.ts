import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadUrl, guestTokens } from '@/api/client';
import { fakeFetch, header, json } from '@/api/testing';
import { createRdv, getRdv, processPayment } from './api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('the booking API calls', () => {
  it('books with the given idempotency key and keeps the guest token for that booking', async () => {
    const calls = fakeFetch(({ url }) => (url === '/api/v1/rdv' ? json(201, { id: 'r1', guest_token: 'G1' }) : json(200, { id: 'r1' })));
    await createRdv({ disponibilite_id: 'd1' } as never, 'key-1');
    expect(header(calls[0]!, 'Idempotency-Key')).toBe('key-1');
    expect(guestTokens.get('r1')).toBe('G1');
    await getRdv('r1');
    expect(header(calls[1]!, 'X-Rdv-Token')).toBe('G1');
    expect(downloadUrl('/rdv/r1/pdf', 'r1')).toBe('/api/v1/rdv/r1/pdf?token=G1');
  });

  it('pays with a fresh UUID idempotency key each attempt', async () => {
    const calls = fakeFetch(() => json(200, { payment: {}, rdv: {} }));
    await processPayment('r1', 'tok_1');
    await processPayment('r1', 'tok_2');
    const keys = calls.map((c) => header(c, 'Idempotency-Key'));
    expect(keys[0]).toMatch(UUID);
    expect(keys[1]).toMatch(UUID);
    expect(keys[0]).not.toBe(keys[1]);
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ rdv_id: 'r1', card_token: 'tok_1' });
  });
});
