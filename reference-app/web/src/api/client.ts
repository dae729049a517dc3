// A small typed client for /api/v1: JSON in and out, `ApiError` for every failure, the Bearer
// token refreshed once on a 401 without the user noticing, guest tokens per booking, and
// idempotency keys for the calls that must not run twice.
import type { Tokens } from './types';

export const API_BASE = '/api/v1';

/** An error answered by the API (`{code, message, details}`), or a network failure (`NETWORK`). */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** The form field a `VALIDATION` error names, if any. */
  get field(): string | undefined {
    const field = this.details.field;
    return typeof field === 'string' ? field : undefined;
  }
}

const TOKENS_KEY = 'pti.auth';
const GUEST_KEY = 'pti.guest-tokens';

type StoredTokens = Pick<Tokens, 'access_token' | 'refresh_token'>;
const listeners = new Set<() => void>();

function readJson<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/** The signed-in session's tokens, kept in localStorage. */
export const session = {
  get(): StoredTokens | null {
    return readJson<StoredTokens>(TOKENS_KEY);
  },
  set(tokens: StoredTokens | null): void {
    if (tokens) localStorage.setItem(TOKENS_KEY, JSON.stringify({ access_token: tokens.access_token, refresh_token: tokens.refresh_token }));
    else localStorage.removeItem(TOKENS_KEY);
    listeners.forEach((l) => l());
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** Guest tokens of the bookings made on this device without an account, by booking id. */
export const guestTokens = {
  all(): Record<string, string> {
    return readJson<Record<string, string>>(GUEST_KEY) ?? {};
  },
  get(rdvId: string): string | undefined {
    return this.all()[rdvId];
  },
  set(rdvId: string, token: string): void {
    localStorage.setItem(GUEST_KEY, JSON.stringify({ ...this.all(), [rdvId]: token }));
  },
  remove(rdvId: string): void {
    const all = this.all();
    delete all[rdvId];
    localStorage.setItem(GUEST_KEY, JSON.stringify(all));
  },
};

/** A fresh idempotency key. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** A body sent as it is (an image), with the `Content-Type` of `headers`, instead of `body`. */
  raw?: Blob;
  headers?: Record<string, string>;
  /** The booking whose guest token goes in `X-Rdv-Token`. */
  rdvId?: string;
  idempotencyKey?: string;
  /** Send no Bearer token (sign-up, login, refresh). */
  anonymous?: boolean;
  signal?: AbortSignal;
}

let refreshing: Promise<boolean> | null = null;

/** Trades the refresh token for new tokens; one call at a time, shared by concurrent 401s. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const current = session.get();
    if (!current) return false;
    try {
      const res = await fetch(`${API_BASE}/auth/refresh`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ refresh_token: current.refresh_token }),
      });
      if (!res.ok) {
        session.set(null);
        return false;
      }
      session.set((await res.json()) as Tokens);
      return true;
    } catch {
      return false;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function toError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: a proxy or the server's HTML
  }
  if (body && typeof body === 'object' && 'code' in body) {
    const b = body as { code: unknown; message?: unknown; details?: unknown };
    const details = b.details && typeof b.details === 'object' ? (b.details as Record<string, unknown>) : {};
    return new ApiError(res.status, String(b.code), typeof b.message === 'string' ? b.message : res.statusText, details);
  }
  return new ApiError(res.status, res.status === 401 ? 'UNAUTHORIZED' : 'HTTP_' + res.status, res.statusText || 'Erreur du serveur');
}

/** Sends a request with the session's credentials (refreshed once on a 401); rejects with an `ApiError`. */
async function request(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const send = () => {
    const headers: Record<string, string> = { Accept: accept, ...options.headers };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const tokens = options.anonymous ? null : session.get();
    if (tokens) headers.Authorization = `Bearer ${tokens.access_token}`;
    const guest = options.rdvId ? guestTokens.get(options.rdvId) : undefined;
    if (guest) headers['X-Rdv-Token'] = guest;
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    return fetch(`${API_BASE}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  };
  let res: Response;
  try {
    res = await send();
    if (res.status === 401 && !options.anonymous && session.get() && (await refreshSession())) {
      res = await send();
    }
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', 'Connexion au serveur impossible.');
  }
  if (!res.ok) throw await toError(res);
  return res;
}

/** A file the API answered: its bytes and the name the server gave it. */
export interface Download {
  blob: Blob;
  filename: string;
}

/** The file name of a `Content-Disposition: attachment; filename="…"` header, else `fallback`. */
export function attachmentName(header: string | null, fallback: string): string {
  const match = header?.match(/filename="([^"]+)"/);
  return match?.[1] ?? fallback;
}

/** Downloads a file from the API (an export, a document); rejects with an `ApiError`. */
export async function download(path: string, fallbackName: string): Promise<Download> {
  const res = await request(path, {}, '*/*');
  return { blob: await res.blob(), filename: attachmentName(res.headers.get('Content-Disposition'), fallbackName) };
}

/** Calls the API; resolves with the JSON answer (undefined for 204), rejects with an `ApiError`. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await request(path, options, 'application/json');
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A URL of the API with the guest token as `?token=` (for plain download links). */
export function downloadUrl(path: string, rdvId: string): string {
  const token = guestTokens.get(rdvId);
  return `${API_BASE}${path}${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}
