// The portal's form rules, as Zod schemas: the same rules as the API (plates, phones, e-mails).
import { z } from 'zod';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../api/client';
import { errorMessage, fieldMessage } from '../api/messages';
import { plateSchema } from '../lib/plate';

const PHONE = /^(?:0[1-9]\d{8}|\+33[1-9]\d{8})$/;

/** A French phone number: 0X XX XX XX XX or +33 X XX XX XX XX (spaces, dots and dashes allowed). */
export const phoneSchema = z
  .string()
  .trim()
  .refine((v) => PHONE.test(v.replace(/[\s.-]/g, '')), 'Numéro invalide : 06 12 34 56 78 ou +33 6 12 34 56 78.');

export const emailSchema = z.string().trim().min(1, 'Adresse e-mail requise.').pipe(z.email('Adresse e-mail invalide.'));

const name = (what: string) => z.string().trim().min(1, `${what} requis.`).max(100, '100 caractères au plus.');

export const FUELS = [
  { value: 'PETROL', label: 'Essence' },
  { value: 'DIESEL', label: 'Diesel' },
  { value: 'GAS', label: 'GPL / GNV' },
  { value: 'HYBRID', label: 'Hybride' },
  { value: 'ELECTRIC', label: 'Électrique' },
  { value: 'HYDROGEN', label: 'Hydrogène' },
] as const;

const vehicleType = z.enum(['VP', 'VU', 'L', 'CAMPING_CAR', 'TRAILER', 'PL'], 'Catégorie requise.');
const fuel = z.enum(['PETROL', 'DIESEL', 'GAS', 'HYBRID', 'ELECTRIC', 'HYDROGEN']);
const thisYear = new Date().getFullYear();
const annee = z
  .string()
  .trim()
  .refine((v) => v === '' || (/^\d{4}$/.test(v) && Number(v) >= 1900 && Number(v) <= thisYear + 1), `Année entre 1900 et ${thisYear + 1}.`)
  .transform((v) => (v === '' ? null : Number(v)));

export const vehicleSchema = z.object({
  immatriculation: plateSchema,
  vehicle_type: vehicleType,
  fuel,
  marque: z.string().trim().min(1, 'Marque requise.').max(60),
  modele: z.string().trim().min(1, 'Modèle requis.').max(60),
  annee,
});
export type VehicleForm = z.input<typeof vehicleSchema>;

export const bookingSchema = vehicleSchema.extend({
  first_name: name('Prénom'),
  last_name: name('Nom'),
  email: emailSchema,
  phone: phoneSchema,
  control_type: z.enum(['CT', 'CT_CONTRE_VISITE', 'CTC']),
  notes: z.string().trim().max(500, '500 caractères au plus.'),
  vehicle_id: z.string(),
  /** For a re-inspection: when the failed inspection took place (YYYY-MM-DD), if known. */
  failed_inspection_date: z.string().refine((v) => v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v), 'Date invalide.'),
});
export type BookingForm = z.input<typeof bookingSchema>;
export type BookingValues = z.output<typeof bookingSchema>;

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Mot de passe requis.'),
});
export type LoginForm = z.input<typeof loginSchema>;

export const signupSchema = z
  .object({
    first_name: name('Prénom'),
    last_name: name('Nom'),
    email: emailSchema,
    phone: z.union([z.literal(''), phoneSchema]),
    password: z
      .string()
      .min(8, '8 caractères minimum.')
      .max(128, '128 caractères au plus.')
      .refine((p) => /\p{L}/u.test(p) && /\d/.test(p), 'Au moins une lettre et un chiffre.'),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'Les mots de passe diffèrent.' });
export type SignupForm = z.input<typeof signupSchema>;

export const profileSchema = z.object({
  first_name: name('Prénom'),
  last_name: name('Nom'),
  phone: z.union([z.literal(''), phoneSchema]),
});
export type ProfileForm = z.input<typeof profileSchema>;

/** The card form: "4242 4242 4242 4242", "12/30", "123". */
export const cardSchema = z
  .object({
    card_number: z
      .string()
      .transform((v) => v.replace(/[\s-]/g, ''))
      .refine((v) => /^\d{13,19}$/.test(v) && luhn(v), 'Numéro de carte invalide.'),
    expiry: z
      .string()
      .trim()
      .regex(/^(0[1-9]|1[0-2])\s*\/\s*(\d{2})$/, 'Format MM/AA.'),
    cvc: z.string().trim().regex(/^\d{3,4}$/, '3 ou 4 chiffres.'),
  })
  .transform((v, ctx) => {
    const [mm, yy] = v.expiry.split('/').map((s) => Number(s.trim())) as [number, number];
    const year = 2000 + yy;
    const now = new Date();
    if (year < now.getFullYear() || (year === now.getFullYear() && mm < now.getMonth() + 1)) {
      ctx.addIssue({ code: 'custom', path: ['expiry'], message: 'Carte expirée.' });
      return z.NEVER;
    }
    return { card_number: v.card_number, exp_month: mm, exp_year: year, cvc: v.cvc };
  });
export type CardForm = z.input<typeof cardSchema>;

/** Luhn's checksum, as card numbers carry it. */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

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
