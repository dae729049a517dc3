// API refusals put on the form field they are about.
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from './client';
import { errorMessage, fieldMessage } from './messages';

/** Codes that are about one field of a form, whatever `details` says. */
const CODE_FIELDS: Record<string, string> = {
  INVALID_PLATE: 'immatriculation',
  VEHICLE_ALREADY_BOOKED: 'immatriculation',
  DUPLICATE_BOOKING: 'immatriculation',
  NO_FAILED_INSPECTION: 'failed_inspection_date',
  RECHECK_WINDOW_EXPIRED: 'failed_inspection_date',
  INVALID_VEHICLE_YEAR: 'annee',
  PLATE_ALREADY_BOOKED: 'immatriculation',
  VEHICLE_EXISTS: 'immatriculation',
  EMAIL_TAKEN: 'email',
};

/**
 * Puts a server refusal on the form field it names (`VALIDATION` with `details.field`, or a
 * field-specific code); returns the message left for the whole form, or null when a field took it.
 */
export function applyServerError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
  rename: Record<string, string> = {},
): string | null {
  if (error instanceof ApiError) {
    const raw = error.code === 'VALIDATION' ? error.field : CODE_FIELDS[error.code];
    const field = raw ? (rename[raw] ?? raw) : undefined;
    if (field && fields.includes(field)) {
      const message = error.code === 'VALIDATION' ? fieldMessage(raw!, error.details.reason) : errorMessage(error);
      setError(field as Path<T>, { type: 'server', message }, { shouldFocus: true });
      return null;
    }
  }
  return errorMessage(error);
}
