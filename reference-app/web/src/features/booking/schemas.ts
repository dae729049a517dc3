// The booking's form rules, as Zod schemas: the same rules as the API (plates, phones, e-mails).
import { z } from 'zod';
import { emailSchema, personName, phoneSchema } from '@/domain/fields';
import { plateSchema } from '@/domain/plate';
import { CONTROL_TYPES, FUELS, VEHICLE_CATEGORIES } from '@/domain/vocabulary';

const thisYear = new Date().getFullYear();
const annee = z
  .string()
  .trim()
  .refine((v) => v === '' || (/^\d{4}$/.test(v) && Number(v) >= 1900 && Number(v) <= thisYear + 1), `Année entre 1900 et ${thisYear + 1}.`)
  .transform((v) => (v === '' ? null : Number(v)));

/** A vehicle: plate, category, fuel, make, model and (optional) year. */
export const vehicleSchema = z.object({
  immatriculation: plateSchema,
  vehicle_type: z.enum(VEHICLE_CATEGORIES, 'Catégorie requise.'),
  fuel: z.enum(FUELS),
  marque: z.string().trim().min(1, 'Marque requise.').max(60),
  modele: z.string().trim().min(1, 'Modèle requis.').max(60),
  annee,
});
/** The vehicle form's values, as typed. */
export type VehicleForm = z.input<typeof vehicleSchema>;

/** The booking form: the driver, the vehicle, the control and notes. */
export const bookingSchema = vehicleSchema.extend({
  first_name: personName('Prénom'),
  last_name: personName('Nom'),
  email: emailSchema,
  phone: phoneSchema,
  control_type: z.enum(CONTROL_TYPES),
  notes: z.string().trim().max(500, '500 caractères au plus.'),
  vehicle_id: z.string(),
  /** For a re-inspection: when the failed inspection took place (YYYY-MM-DD), if known. */
  failed_inspection_date: z.string().refine((v) => v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v), 'Date invalide.'),
});
/** The booking form's values, as typed. */
export type BookingForm = z.input<typeof bookingSchema>;
/** The booking form's values, checked and normalised (canonical plate, year as a number). */
export type BookingValues = z.output<typeof bookingSchema>;

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
/** The card form's values, as typed. */
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
