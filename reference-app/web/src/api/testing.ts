// Test doubles of the network for the API client's tests and the features' (never imported by
// the app itself).
import { vi } from 'vitest';

/** A request the fake fetch received. */
export type Call = { url: string; init: RequestInit };

/** A JSON answer (no body for `undefined`). */
export function json(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** A fake fetch answering from `handler` and recording every call. */
export function fakeFetch(handler: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const call = { url, init };
      calls.push(call);
      return handler(call);
    }),
  );
  return calls;
}

/** A header a request was sent with. */
export const header = (c: Call, name: string) => (c.init.headers as Record<string, string>)[name];
