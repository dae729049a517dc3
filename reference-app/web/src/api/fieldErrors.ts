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
  ROLE_NOT_GRANTABLE: 'role',
  CODE_TAKEN: 'code',
};

/**
 * Puts a server refusal on the form field it names (`details.field`, or the field of a
 * field-specific code); returns the message left for the whole form, or null when a field took it.
 */
export function applyServerError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
  rename: Record<string, string> = {},
): string | null {
  if (error instanceof ApiError) {
    const validation = error.code === 'VALIDATION';
    const named = validation ? [error.field] : [error.field, CODE_FIELDS[error.code]];
    const raw = named.find((f) => f !== undefined && fields.includes(rename[f] ?? f));
    if (raw) {
      const message = validation ? fieldMessage(raw) : errorMessage(error);
      setError((rename[raw] ?? raw) as Path<T>, { type: 'server', message }, { shouldFocus: true });
      return null;
    }
  }
  return errorMessage(error);
}
