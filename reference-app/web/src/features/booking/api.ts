// Bookings and their payment: hold a slot, read, move and cancel a booking, pay it by card.
import { queryOptions } from '@tanstack/react-query';
import { api, guestTokens, idempotencyKey } from '@/api/client';
import { keys } from '@/api/keys';
import type { CardToken, PaymentResult, Rdv, RdvInput, RdvScope } from '@/api/types';

/** Books a slot; a guest's token is kept so the booking can be paid, seen and changed. */
export async function createRdv(input: RdvInput, key: string): Promise<Rdv> {
  const rdv = await api<Rdv>('/rdv', { method: 'POST', body: input, idempotencyKey: key });
  if (rdv.guest_token) guestTokens.set(rdv.id, rdv.guest_token);
  return rdv;
}

/** One booking (with its guest token when it was booked on this device without an account). */
export const getRdv = (id: string) => api<Rdv>(`/rdv/${id}`, { rdvId: id });
/** The signed-in user's bookings, optionally of one status. */
export const myRdvs = (scope: RdvScope, status?: string) =>
  api<{ items: Rdv[] }>(`/rdv/me?scope=${scope}${status ? `&status=${encodeURIComponent(status)}` : ''}`);
/** Moves a booking to another free slot of its centre. */
export const moveRdv = (id: string, disponibiliteId: string) =>
  api<Rdv>(`/rdv/${id}`, { method: 'PUT', body: { disponibilite_id: disponibiliteId }, rdvId: id });
/** Cancels a booking; answers the refund. */
export const cancelRdv = (id: string) => api<{ rdv: Rdv; refund_cents: number }>(`/rdv/${id}`, { method: 'DELETE', rdvId: id });

/** Trades card details for a provider token (the card never reaches the booking API). */
export const tokenizeCard = (card: { card_number: string; exp_month: number; exp_year: number; cvc: string }) =>
  api<CardToken>('/payment/tokenize', { method: 'POST', body: card, anonymous: true });

/** Pays a held booking with a card token. */
export const processPayment = (rdvId: string, cardToken: string, key: string = idempotencyKey()) =>
  api<PaymentResult>('/payment/process', { method: 'POST', body: { rdv_id: rdvId, card_token: cardToken }, rdvId, idempotencyKey: key });

/** The query of one booking. */
export const rdvQuery = (id: string) => queryOptions({ queryKey: keys.rdv(id), queryFn: () => getRdv(id) });

/** The query of the signed-in user's bookings of a scope, all statuses when `status` is ''. */
export const myRdvsQuery = (scope: RdvScope, status: string) =>
  queryOptions({ queryKey: keys.myRdvs.list(scope, status), queryFn: () => myRdvs(scope, status || undefined) });
