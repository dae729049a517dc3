// One function per API call used by the client portal.
import { api, guestTokens, idempotencyKey, session } from './client';
import type {
  CardToken,
  CentreCalendar,
  NotificationPrefs,
  PaymentResult,
  Place,
  Rdv,
  RdvInput,
  SearchRequest,
  SearchResponse,
  Tenant,
  Tokens,
  User,
  Vehicle,
  VehicleInput,
} from './types';

export const getTenant = () => api<Tenant>('/tenant', { anonymous: true });

export const suggestPlaces = (q: string, signal?: AbortSignal) =>
  api<Place[]>(`/places/suggest?q=${encodeURIComponent(q)}&limit=8`, { signal });

export const searchDisponibilites = (body: SearchRequest) =>
  api<SearchResponse>('/disponibilites/search', { method: 'POST', body });

export interface CalendarQuery {
  month: string;
  date?: string;
  vehicle_type?: string;
  control_type?: string;
  fuel?: string;
}

export const getCentreCalendar = (centreId: string, q: CalendarQuery) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) params.set(k, v);
  return api<CentreCalendar>(`/disponibilites/centres/${encodeURIComponent(centreId)}?${params}`);
};

/** Books a slot; a guest's token is kept so the booking can be paid, seen and changed. */
export async function createRdv(input: RdvInput, key: string): Promise<Rdv> {
  const rdv = await api<Rdv>('/rdv', { method: 'POST', body: input, idempotencyKey: key });
  if (rdv.guest_token) guestTokens.set(rdv.id, rdv.guest_token);
  return rdv;
}

export const getRdv = (id: string) => api<Rdv>(`/rdv/${id}`, { rdvId: id });
export const myRdvs = (scope: 'upcoming' | 'past' | 'all', status?: string) =>
  api<{ items: Rdv[] }>(`/rdv/me?scope=${scope}${status ? `&status=${encodeURIComponent(status)}` : ''}`);
export const moveRdv = (id: string, disponibiliteId: string) =>
  api<Rdv>(`/rdv/${id}`, { method: 'PUT', body: { disponibilite_id: disponibiliteId }, rdvId: id });
export const cancelRdv = (id: string) => api<{ rdv: Rdv; refund_cents: number }>(`/rdv/${id}`, { method: 'DELETE', rdvId: id });

export const tokenizeCard = (card: { card_number: string; exp_month: number; exp_year: number; cvc: string }) =>
  api<CardToken>('/payment/tokenize', { method: 'POST', body: card, anonymous: true });

export const processPayment = (rdvId: string, cardToken: string, key: string = idempotencyKey()) =>
  api<PaymentResult>('/payment/process', { method: 'POST', body: { rdv_id: rdvId, card_token: cardToken }, rdvId, idempotencyKey: key });

async function tenantHeader(): Promise<Record<string, string>> {
  try {
    return { 'X-Tenant-ID': (await getTenant()).id };
  } catch {
    return {};
  }
}

export async function register(body: { email: string; password: string; first_name: string; last_name: string; phone?: string }): Promise<Tokens> {
  const tokens = await api<Tokens>('/auth/register', { method: 'POST', body, anonymous: true, headers: await tenantHeader() });
  session.set(tokens);
  return tokens;
}

export async function login(body: { email: string; password: string }): Promise<Tokens> {
  const tokens = await api<Tokens>('/auth/login', { method: 'POST', body, anonymous: true, headers: await tenantHeader() });
  session.set(tokens);
  return tokens;
}

export async function logout(): Promise<void> {
  try {
    await api<void>('/auth/logout', { method: 'POST' });
  } finally {
    session.set(null);
  }
}

export const getMe = () => api<User>('/users/me');
export const updateMe = (body: { first_name?: string; last_name?: string; phone?: string }) =>
  api<User>('/users/me', { method: 'PUT', body });

export const listVehicles = () => api<Vehicle[]>('/users/me/vehicles');
export const addVehicle = (v: VehicleInput) => api<Vehicle>('/users/me/vehicles', { method: 'POST', body: v });
export const updateVehicle = (id: string, v: VehicleInput) => api<Vehicle>(`/users/me/vehicles/${id}`, { method: 'PUT', body: v });
export const deleteVehicle = (id: string) => api<void>(`/users/me/vehicles/${id}`, { method: 'DELETE' });

export const getNotificationPrefs = () => api<NotificationPrefs>('/users/me/notifications');
export const putNotificationPrefs = (p: NotificationPrefs) => api<NotificationPrefs>('/users/me/notifications', { method: 'PUT', body: p });
