// The staff account form, with the server's limits: names of 1 to 100 characters, an e-mail of
// at most 254, a French phone number or none, a role the signed-in user may grant, and the
// agency or centre that role needs. Only what the role needs is sent.
import { z } from 'zod';
import type { StaffUser, StaffUserInput, StaffUserUpdate } from '@/api/types';
import { emailSchema, personName, phoneSchema } from '@/domain/fields';
import type { Role } from '@/domain/vocabulary';
import { scopeOf } from './grants';

/** The form of a staff account, offering `roles` (those the signed-in user may grant, and the
 * account's own when it is edited). */
export const userSchema = (roles: readonly Role[]) =>
  z
    .object({
      email: emailSchema.pipe(z.string().max(254, '254 caractères au plus.')),
      first_name: personName('Prénom'),
      last_name: personName('Nom'),
      phone: z.union([z.literal(''), phoneSchema]),
      role: z.string().refine((r) => roles.includes(r as Role), 'Choisissez un rôle.'),
      /** The agency of an agency admin; for centre staff, it narrows the centres offered. */
      agency_id: z.string(),
      centre_id: z.string(),
    })
    .superRefine((v, ctx) => {
      const scope = scopeOf(v.role);
      if (scope === 'agency' && !v.agency_id) ctx.addIssue({ code: 'custom', path: ['agency_id'], message: 'Choisissez l’agence.' });
      if (scope === 'centre' && !v.centre_id) ctx.addIssue({ code: 'custom', path: ['centre_id'], message: 'Choisissez le centre.' });
    });

/** The staff account form's values. */
export type UserForm = z.input<ReturnType<typeof userSchema>>;

/** The fields of the form a server refusal may name. */
export const USER_FIELDS = ['email', 'first_name', 'last_name', 'phone', 'role', 'agency_id', 'centre_id'] as const;

/** The form's values for a new account, or for editing `user` (`centreAgency`: its centre's agency). */
export function userFormValues(user?: StaffUser, centreAgency?: string): UserForm {
  return {
    email: user?.email ?? '',
    first_name: user?.first_name ?? '',
    last_name: user?.last_name ?? '',
    phone: user?.phone ?? '',
    role: user?.role ?? '',
    agency_id: user?.agency_id ?? centreAgency ?? '',
    centre_id: user?.centre_id ?? '',
  };
}

/** The agency and centre an account of the form's role is given: what the role needs, and no other. */
function scopeIds(v: UserForm): { agency_id: string | null; centre_id: string | null } {
  const scope = scopeOf(v.role);
  return { agency_id: scope === 'agency' ? v.agency_id : null, centre_id: scope === 'centre' ? v.centre_id : null };
}

/** The body of `POST /users` for valid form values. */
export function toCreateBody(v: UserForm): StaffUserInput {
  const { agency_id, centre_id } = scopeIds(v);
  return {
    email: v.email.trim(),
    first_name: v.first_name.trim(),
    last_name: v.last_name.trim(),
    ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
    role: v.role as Role,
    ...(agency_id ? { agency_id } : {}),
    ...(centre_id ? { centre_id } : {}),
  };
}

/**
 * The body of `PUT /users/{id}` for valid form values: only what changed from `user`. Only the
 * id the role takes is sent: the server drops the ids a new role does not take, and sets the
 * agency of centre staff from their centre.
 */
export function toUpdateBody(v: UserForm, user: StaffUser): StaffUserUpdate {
  const body: StaffUserUpdate = {};
  const first = v.first_name.trim();
  const last = v.last_name.trim();
  const phone = v.phone.trim() || null;
  if (first !== user.first_name) body.first_name = first;
  if (last !== user.last_name) body.last_name = last;
  if (phone !== user.phone) body.phone = phone;
  if (v.role !== user.role) body.role = v.role as Role;
  const { agency_id, centre_id } = scopeIds(v);
  if (agency_id && agency_id !== user.agency_id) body.agency_id = agency_id;
  if (centre_id && centre_id !== user.centre_id) body.centre_id = centre_id;
  return body;
}
