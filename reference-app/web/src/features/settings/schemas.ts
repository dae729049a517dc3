// The settings forms with the server's limits (reference-app/src/admin/settings/input.rs and
// pti-core's `BookingPolicy::check`), and the body of each form's PUT: only what changed.
import { z } from 'zod';
import type { BookingPolicy, BrandingChange, BrandingSettings, GeneralSettings } from '@/api/types';
import { emailSchema, phoneSchema } from '@/domain/fields';
import { MIN_CONTRAST, contrastWithWhite } from './contrast';
import { toHoursMinutes, toMinutes } from './duration';
import { isSiret, siretDigits } from './siret';

const text = (max: number) => z.string().trim().max(max, `${max} caractères au plus.`);

/** The identity form: a name of 1 to 120 characters; the rest optional, checked when given. */
export const generalSchema = z.object({
  name: z.string().trim().min(1, 'Nom requis.').max(120, '120 caractères au plus.'),
  legal_name: text(160),
  siret: z.string().refine((s) => !s.trim() || isSiret(s), 'SIRET invalide : 14 chiffres dont le dernier est une clé de contrôle.'),
  address: text(200),
  postcode: z.string().trim().refine((p) => p === '' || /^\d{5}$/.test(p), 'Code postal : 5 chiffres.'),
  city: text(100),
  phone: z.union([z.literal(''), phoneSchema]),
  email: z.union([z.literal(''), emailSchema]),
});

/** The identity form's values. */
export type GeneralForm = z.input<typeof generalSchema>;

/** The changed identity fields of valid form values, against the saved `current`. */
export function toGeneralChange(v: GeneralForm, current: GeneralSettings): Partial<GeneralSettings> {
  const next: GeneralSettings = {
    name: v.name.trim(),
    legal_name: v.legal_name.trim(),
    siret: siretDigits(v.siret),
    address: v.address.trim(),
    postcode: v.postcode.trim(),
    city: v.city.trim(),
    phone: v.phone.trim(),
    email: v.email.trim(),
  };
  const saved = { ...current, siret: siretDigits(current.siret) };
  return Object.fromEntries(Object.entries(next).filter(([k, value]) => value !== saved[k as keyof GeneralSettings]));
}

/** A whole number from `min` to `max`. */
const int = (min: number, max: number) =>
  z
    .number({ error: 'Saisissez un nombre.' })
    .int('Nombre entier.')
    .min(min, `${min} au moins.`)
    .max(max, `${max} au plus.`);

/** The booking rules form; the minimum notice is entered as hours and minutes (30 days at most). */
export const policySchema = z
  .object({
    notice_hours: int(0, 720),
    notice_minutes: int(0, 59),
    horizon_days: int(1, 730),
    modification_deadline_hours: int(0, 720),
    cancellation_deadline_hours: int(0, 720),
    refund_before_deadline_percent: int(0, 100),
    refund_after_deadline_percent: int(0, 100),
    late_cancellation_allowed: z.boolean(),
    recheck_window_months: int(1, 24),
    overbooking_percent: int(100, 200),
    fill_warning_percent: int(1, 200),
    hold_minutes: int(1, 120),
  })
  .superRefine((v, ctx) => {
    if (toMinutes({ hours: v.notice_hours, minutes: v.notice_minutes }) > 30 * 24 * 60) ctx.addIssue({ code: 'custom', path: ['notice_hours'], message: '30 jours (720 h) au plus.' });
    if (v.refund_after_deadline_percent > v.refund_before_deadline_percent)
      ctx.addIssue({ code: 'custom', path: ['refund_after_deadline_percent'], message: 'Pas plus que le remboursement avant le délai.' });
  });

/** The booking rules form's values. */
export type PolicyForm = z.input<typeof policySchema>;

/** The form's values of the saved `policy`. */
export function policyFormValues(policy: BookingPolicy): PolicyForm {
  const { min_notice_minutes, ...rest } = policy;
  const notice = toHoursMinutes(min_notice_minutes);
  return { notice_hours: notice.hours, notice_minutes: notice.minutes, ...rest };
}

/** The changed rules of valid form values, against the saved `current`. */
export function toPolicyChange(v: PolicyForm, current: BookingPolicy): Partial<BookingPolicy> {
  const { notice_hours, notice_minutes, ...rest } = v;
  const next: BookingPolicy = { min_notice_minutes: toMinutes({ hours: notice_hours, minutes: notice_minutes }), ...rest };
  return Object.fromEntries(Object.entries(next).filter(([k, value]) => value !== current[k as keyof BookingPolicy]));
}

/** The form's fields named by the server's `<section>.<field>` refusals, for `fields` of `section`. */
export const sectionRename = (section: string, fields: readonly string[]): Record<string, string> => Object.fromEntries(fields.map((f) => [`${section}.${f}`, f]));

/** The branding form: a `#RRGGBB` colour white text reads on, a title of at most 60 characters. */
export const brandingSchema = z.object({
  primary_color: z
    .string()
    .trim()
    .regex(/^#[0-9a-f]{6}$/i, 'Couleur au format #RRVVBB.')
    .refine((c) => (contrastWithWhite(c) ?? 0) >= MIN_CONTRAST, 'Le texte blanc y serait peu lisible : contraste inférieur à 4,5:1.'),
  portal_title: text(60),
});

/** The branding form's values. */
export type BrandingForm = z.input<typeof brandingSchema>;

/** The form's values of the saved `branding`. */
export const brandingFormValues = (branding: BrandingSettings): BrandingForm => ({ primary_color: branding.primary_color, portal_title: branding.portal_title ?? '' });

/** The changed branding of valid form values, against the saved `current` (an empty title: the network's name). */
export function toBrandingChange(v: BrandingForm, current: BrandingSettings): BrandingChange {
  const change: BrandingChange = {};
  const colour = v.primary_color.trim().toLowerCase();
  const title = v.portal_title.trim() || null;
  if (colour !== current.primary_color.toLowerCase()) change.primary_color = colour;
  if (title !== (current.portal_title || null)) change.portal_title = title;
  return change;
}
