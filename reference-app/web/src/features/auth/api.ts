// Accounts and sessions: sign-up, login and logout in the portal's network, and the signed-in
// user. The network (tenant) comes from GET /tenant and is sent as X-Tenant-ID.
import { queryOptions } from '@tanstack/react-query';
import { api, session } from '@/api/client';
import { keys } from '@/api/keys';
import type { SetPasswordInput, Tenant, Tokens, User } from '@/api/types';

/** The network this portal serves. */
export const getTenant = () => api<Tenant>('/tenant', { anonymous: true });
/** The query of the network this portal serves (it changes only with a deployment). */
export const tenantQuery = () => queryOptions({ queryKey: keys.tenant(), queryFn: getTenant, staleTime: Infinity });

async function tenantHeader(): Promise<Record<string, string>> {
  try {
    return { 'X-Tenant-ID': (await getTenant()).id };
  } catch {
    return {};
  }
}

/** Creates a client account and signs it in. */
export async function register(body: { email: string; password: string; first_name: string; last_name: string; phone?: string }): Promise<Tokens> {
  const tokens = await api<Tokens>('/auth/register', { method: 'POST', body, anonymous: true, headers: await tenantHeader() });
  session.set(tokens);
  return tokens;
}

/** Signs a user in. */
export async function login(body: { email: string; password: string }): Promise<Tokens> {
  const tokens = await api<Tokens>('/auth/login', { method: 'POST', body, anonymous: true, headers: await tenantHeader() });
  session.set(tokens);
  return tokens;
}

/** Sets the password of an invited account with its invitation's token, and signs it in. */
export async function setPassword(body: SetPasswordInput): Promise<Tokens> {
  const tokens = await api<Tokens>('/auth/set-password', { method: 'POST', body, anonymous: true });
  session.set(tokens);
  return tokens;
}

/** Revokes the session on the server and forgets it here, whatever the server said. */
export async function logout(): Promise<void> {
  try {
    await api<void>('/auth/logout', { method: 'POST' });
  } finally {
    session.set(null);
  }
}

/** The signed-in user. */
export const getMe = () => api<User>('/users/me');
/** Changes the signed-in user's personal data. */
export const updateMe = (body: { first_name?: string; last_name?: string; phone?: string }) => api<User>('/users/me', { method: 'PUT', body });

/** The query of the signed-in user. */
export const meQuery = () => queryOptions({ queryKey: keys.me(), queryFn: getMe });
