// The dashboard's refusals in French: a filter the server refused (a month, an agency or a
// centre it does not know) is named; any other refusal is worded by its code.
import { ApiError } from '@/api/client';
import { errorMessage, fieldMessage } from '@/api/messages';

/** The French sentence for a failed load of the dashboard. */
export function dashboardRefusal(error: unknown): string {
  if (error instanceof ApiError && error.code === 'VALIDATION' && error.field) return fieldMessage(error.field);
  return errorMessage(error);
}
