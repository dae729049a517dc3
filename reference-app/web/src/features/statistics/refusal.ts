// The statistics' refusals in French. The period's own fields are worded here (`from` and `to`
// are months on this page, days elsewhere); a refused agency or centre and any other refusal
// take the app's words.
import { ApiError } from '@/api/client';
import { errorMessage, fieldMessage } from '@/api/messages';

/** The period's fields, as the server names them. */
export type PeriodField = 'from' | 'to';

/** Why the server refused the statistics, in French, and the period's field it names if any. */
export interface StatisticsRefusal {
  field: PeriodField | null;
  message: string;
}

const PERIOD_FIELDS: Readonly<Record<PeriodField, string>> = {
  from: 'Mois de début invalide (AAAA-MM).',
  to: 'Période refusée : le mois de fin doit être celui du début ou un suivant, 24 mois au plus.',
};

const isPeriodField = (field: string | undefined): field is PeriodField => field === 'from' || field === 'to';

/** The French reason of a failed load or export of the statistics. */
export function statisticsRefusal(error: unknown): StatisticsRefusal {
  if (error instanceof ApiError && error.code === 'VALIDATION' && error.field) {
    const field = error.field;
    return isPeriodField(field) ? { field, message: PERIOD_FIELDS[field] } : { field: null, message: fieldMessage(field) };
  }
  return { field: null, message: errorMessage(error) };
}
