// The bookings list's refusals in French. Its own fields are worded here (`from` and `to` are
// days of the inspections' start on this page, periods of other lengths elsewhere; `q` is its
// search; a `cursor` goes stale); a refused agency or centre and any other refusal take the
// app's words.
import { ApiError } from '@/api/client';
import { errorMessage, fieldMessage } from '@/api/messages';

/** The period's fields, as the server names them. */
export type PeriodField = 'from' | 'to';

/** Why the server refused the list or its export, in French, and the period's field it names if any. */
export interface BookingsRefusal {
  field: PeriodField | null;
  message: string;
}

const FIELDS: Readonly<Record<string, string>> = {
  from: 'Date de début invalide (AAAA-MM-JJ).',
  to: 'Date de fin refusée : choisissez le jour du début ou un jour suivant.',
  q: 'Recherche trop longue : 100 caractères au plus.',
  status: 'Statut de réservation inconnu.',
  payment_status: 'Statut de paiement inconnu.',
  control_type: 'Type de contrôle inconnu.',
  cursor: 'Cette page de résultats n’est plus valable : revenez à la première page.',
  limit: 'Nombre de lignes par page invalide : de 1 à 100.',
  format: 'Format d’export inconnu : CSV ou Excel.',
};

const isPeriodField = (field: string): field is PeriodField => field === 'from' || field === 'to';

/** The French reason of a failed load or export of the bookings. */
export function bookingsRefusal(error: unknown): BookingsRefusal {
  if (error instanceof ApiError && error.code === 'VALIDATION' && error.field) {
    const field = error.field;
    return { field: isPeriodField(field) ? field : null, message: FIELDS[field] ?? fieldMessage(field) };
  }
  return { field: null, message: errorMessage(error) };
}
