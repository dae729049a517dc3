// The rules of the fields every form shares, as Zod schemas: the same rules as the API.
import { z } from 'zod';

const PHONE = /^(?:0[1-9]\d{8}|\+33[1-9]\d{8})$/;

/** A French phone number: 0X XX XX XX XX or +33 X XX XX XX XX (spaces, dots and dashes allowed). */
export const phoneSchema = z
  .string()
  .trim()
  .refine((v) => PHONE.test(v.replace(/[\s.-]/g, '')), 'Numéro invalide : 06 12 34 56 78 ou +33 6 12 34 56 78.');

/** A required e-mail address. */
export const emailSchema = z.string().trim().min(1, 'Adresse e-mail requise.').pipe(z.email('Adresse e-mail invalide.'));

/** A required first or last name of at most 100 characters; `what` names it in the message. */
export const personName = (what: string) => z.string().trim().min(1, `${what} requis.`).max(100, '100 caractères au plus.');
