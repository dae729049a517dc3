// The forms of accounts: login, sign-up, the invited person's password and the profile's personal data.
import { z } from 'zod';
import { emailSchema, personName, phoneSchema } from '@/domain/fields';

/** Login: an e-mail and a password. */
export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Mot de passe requis.'),
});
/** The login form's values. */
export type LoginForm = z.input<typeof loginSchema>;

/** A new password with the server's rule: 8 to 128 characters, a letter and a digit. */
const newPassword = z
  .string()
  .min(8, '8 caractères minimum.')
  .max(128, '128 caractères au plus.')
  .refine((p) => /\p{L}/u.test(p) && /\d/.test(p), 'Au moins une lettre et un chiffre.');

const sameTwice = { path: ['confirm'], message: 'Les mots de passe diffèrent.' };

/** Sign-up: the server's password rule (8+ characters, a letter and a digit), typed twice. */
export const signupSchema = z
  .object({
    first_name: personName('Prénom'),
    last_name: personName('Nom'),
    email: emailSchema,
    phone: z.union([z.literal(''), phoneSchema]),
    password: newPassword,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, sameTwice);
/** The sign-up form's values. */
export type SignupForm = z.input<typeof signupSchema>;

/** The password an invited person chooses: the sign-up's rule, typed twice. */
export const setPasswordSchema = z.object({ password: newPassword, confirm: z.string() }).refine((v) => v.password === v.confirm, sameTwice);
/** The set-password form's values. */
export type SetPasswordForm = z.input<typeof setPasswordSchema>;

/** The profile's personal data. */
export const profileSchema = z.object({
  first_name: personName('Prénom'),
  last_name: personName('Nom'),
  phone: z.union([z.literal(''), phoneSchema]),
});
/** The profile form's values. */
export type ProfileForm = z.input<typeof profileSchema>;
