// The codes of the trade only the staff portals name, and their French words: where a booking's
// payment stands, where the booking was made. Kept apart from vocabulary.ts, whose values the
// client portal's first load carries (every value a module exports that any chunk uses stays in
// the first chunk), as the staff's messages are (api/staffMessages.ts).

/** Where a booking's payment stands, in the order of its life. */
export const PAYMENT_STATUSES = ['unpaid', 'pending', 'paid', 'failed', 'refunded', 'partially_refunded', 'on_site'] as const;
/** A booking's payment status, as the API names it (`payment_status`). */
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** Each payment status's French name, as the server's documents write it too. */
export const PAYMENT_STATUS: Readonly<Record<PaymentStatus, { label: string }>> = {
  unpaid: { label: 'Non payé' },
  pending: { label: 'Paiement en cours' },
  paid: { label: 'Payé' },
  failed: { label: 'Paiement refusé' },
  refunded: { label: 'Remboursé' },
  partially_refunded: { label: 'Remboursé en partie' },
  on_site: { label: 'À régler au centre' },
};

/** Where a booking was made: online, by the call centre, by a professional, through the API, or by the demo seed. */
export const BOOKING_SOURCES = ['web', 'call_center', 'pro', 'api', 'seed'] as const;
/** A booking's origin, as the API names it (`source`). */
export type BookingSource = (typeof BOOKING_SOURCES)[number];

/** Each origin's French name. */
export const BOOKING_SOURCE: Readonly<Record<BookingSource, { label: string }>> = {
  web: { label: 'En ligne' },
  call_center: { label: 'Centre d’appels' },
  pro: { label: 'Espace pro' },
  api: { label: 'API' },
  seed: { label: 'Démonstration' },
};
