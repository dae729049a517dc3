// The payment and notification forms with the server's checks (reference-app/src/admin/settings/
// channels.rs), and the body of each form's PUT: only what changed. A secret is write-only: the
// form keeps it, replaces it with a typed value, or clears it.
import { z } from 'zod';
import type { NotificationChange, NotificationSettings, PaymentChange, PaymentSettings, SecretSetting } from '@/api/types';
import { emailSchema } from '@/domain/fields';

/** What the form does with a secret: keep the saved one, replace it with `value`, or clear it. */
export interface SecretInput {
  action: 'keep' | 'replace' | 'clear';
  value: string;
}

/** A secret the form leaves as saved. */
export const keepSecret = (): SecretInput => ({ action: 'keep', value: '' });

/** Whether a secret will be set after the save: saved and kept, or replaced. */
export const willBeSet = (saved: SecretSetting, input: SecretInput) => (input.action === 'keep' ? saved.set : input.action === 'replace');

/** The change of a secret (undefined: unchanged). */
export function secretChange(saved: SecretSetting, input: SecretInput): string | null | undefined {
  if (input.action === 'replace') return input.value.trim();
  if (input.action === 'clear' && saved.set) return null;
  return undefined;
}

const secretSchema = z.object({ action: z.enum(['keep', 'replace', 'clear']), value: z.string() });

/** "•••• 1234", or "••••" for a secret too short to show any character. */
export const maskedSecret = (secret: SecretSetting) => (secret.last4 ? `•••• ${secret.last4}` : '••••');

/** A replaced secret that must start with one of `prefixes`. */
function checkPrefix(ctx: z.RefinementCtx, path: string, input: SecretInput, prefixes: string[], message: string) {
  const value = input.value.trim();
  if (input.action !== 'replace') return;
  if (!prefixes.some((p) => value.startsWith(p) && value.length > p.length)) ctx.addIssue({ code: 'custom', path: [path], message });
}

/** The payment form. */
export function paymentSchema(saved: PaymentSettings) {
  return z
    .object({
      provider: z.enum(['sandbox', 'stripe']),
      stripe_publishable_key: z.string().trim(),
      stripe_secret_key: secretSchema,
      stripe_webhook_secret: secretSchema,
    })
    .superRefine((v, ctx) => {
      const pk = v.stripe_publishable_key;
      if (pk && !/^pk_(test|live)_[A-Za-z0-9_]+$/.test(pk)) ctx.addIssue({ code: 'custom', path: ['stripe_publishable_key'], message: 'La clé publiable commence par pk_test_ ou pk_live_.' });
      checkPrefix(ctx, 'stripe_secret_key', v.stripe_secret_key, ['sk_test_', 'sk_live_', 'rk_test_', 'rk_live_'], 'La clé secrète commence par sk_test_ ou sk_live_.');
      checkPrefix(ctx, 'stripe_webhook_secret', v.stripe_webhook_secret, ['whsec_'], 'Le secret de signature commence par whsec_.');
      if (v.provider === 'stripe') {
        if (!pk) ctx.addIssue({ code: 'custom', path: ['stripe_publishable_key'], message: 'Requise pour payer avec Stripe.' });
        if (!willBeSet(saved.stripe_secret_key, v.stripe_secret_key)) ctx.addIssue({ code: 'custom', path: ['stripe_secret_key'], message: 'Requise pour payer avec Stripe.' });
      }
    });
}

/** The payment form's values. */
export type PaymentForm = z.input<ReturnType<typeof paymentSchema>>;

/** The form's values of the saved `payment`. */
export const paymentFormValues = (p: PaymentSettings): PaymentForm => ({
  provider: p.provider,
  stripe_publishable_key: p.stripe_publishable_key ?? '',
  stripe_secret_key: keepSecret(),
  stripe_webhook_secret: keepSecret(),
});

/** Sets `key` of `change` to `value` unless it is undefined. */
function put<T extends object, K extends keyof T>(change: T, key: K, value: T[K] | undefined) {
  if (value !== undefined) change[key] = value;
}

/** The changed payment fields of valid form values, against the saved `current`. */
export function toPaymentChange(v: PaymentForm, current: PaymentSettings): PaymentChange {
  const change: PaymentChange = {};
  if (v.provider !== current.provider) change.provider = v.provider;
  const pk = v.stripe_publishable_key.trim() || null;
  if (pk !== current.stripe_publishable_key) change.stripe_publishable_key = pk;
  put(change, 'stripe_secret_key', secretChange(current.stripe_secret_key, v.stripe_secret_key));
  put(change, 'stripe_webhook_secret', secretChange(current.stripe_webhook_secret, v.stripe_webhook_secret));
  return change;
}

/** A host name (dot-separated labels of letters, digits and hyphens) or an IPv4 address. */
const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

/** The notification form. */
export function notificationSchema(saved: NotificationSettings) {
  return z
    .object({
      email_provider: z.enum(['platform', 'smtp', 'brevo']),
      smtp_host: z.string().trim().refine((h) => h === '' || HOST.test(h), 'Nom d’hôte ou adresse IP invalide.'),
      smtp_port: z.string().trim().refine((p) => p === '' || (/^\d{1,5}$/.test(p) && Number(p) >= 1 && Number(p) <= 65535), 'Port : de 1 à 65535.'),
      smtp_user: z.string().trim().max(200, '200 caractères au plus.'),
      smtp_password: secretSchema,
      smtp_tls: z.enum(['starttls', 'tls', 'none']),
      brevo_api_key: secretSchema,
      sms_provider: z.enum(['platform', 'smsmode', 'none']),
      smsmode_api_key: secretSchema,
      sender_name: z.string().trim().max(60, '60 caractères au plus.'),
      sender_email: z.union([z.literal(''), emailSchema]),
      reminder_j1: z.boolean(),
      reminder_h2: z.boolean(),
    })
    .superRefine((v, ctx) => {
      const need = (path: string, missing: boolean, message: string) => missing && ctx.addIssue({ code: 'custom', path: [path], message });
      if (v.email_provider === 'smtp') {
        need('smtp_host', !v.smtp_host, 'Requis pour envoyer par SMTP.');
        need('smtp_port', !v.smtp_port, 'Requis pour envoyer par SMTP.');
      }
      checkPrefix(ctx, 'brevo_api_key', v.brevo_api_key, ['xkeysib-'], 'La clé d’API Brevo commence par xkeysib-.');
      need('brevo_api_key', v.email_provider === 'brevo' && !willBeSet(saved.brevo_api_key, v.brevo_api_key), 'Requise pour envoyer par Brevo.');
      need('smsmode_api_key', v.sms_provider === 'smsmode' && !willBeSet(saved.smsmode_api_key, v.smsmode_api_key), 'Requise pour envoyer les SMS par SMS Mode.');
    });
}

/** The notification form's values. */
export type NotificationForm = z.input<ReturnType<typeof notificationSchema>>;

/** The form's values of the saved `notification`. */
export const notificationFormValues = (n: NotificationSettings): NotificationForm => ({
  email_provider: n.email_provider,
  smtp_host: n.smtp_host ?? '',
  smtp_port: n.smtp_port === null ? '' : String(n.smtp_port),
  smtp_user: n.smtp_user ?? '',
  smtp_password: keepSecret(),
  smtp_tls: n.smtp_tls,
  brevo_api_key: keepSecret(),
  sms_provider: n.sms_provider,
  smsmode_api_key: keepSecret(),
  sender_name: n.sender_name ?? '',
  sender_email: n.sender_email ?? '',
  reminder_j1: n.reminder_j1,
  reminder_h2: n.reminder_h2,
});

/** The changed notification fields of valid form values, against the saved `current`. */
export function toNotificationChange(v: NotificationForm, current: NotificationSettings): NotificationChange {
  const change: NotificationChange = {};
  const text = (value: string) => value.trim() || null;
  const differs = <K extends keyof NotificationChange>(key: K, value: NotificationChange[K], saved: unknown) => {
    if (value !== saved) change[key] = value;
  };
  differs('email_provider', v.email_provider, current.email_provider);
  differs('smtp_host', text(v.smtp_host)?.toLowerCase() ?? null, current.smtp_host);
  differs('smtp_port', v.smtp_port.trim() ? Number(v.smtp_port) : null, current.smtp_port);
  differs('smtp_user', text(v.smtp_user), current.smtp_user);
  differs('smtp_tls', v.smtp_tls, current.smtp_tls);
  differs('sms_provider', v.sms_provider, current.sms_provider);
  differs('sender_name', text(v.sender_name), current.sender_name);
  differs('sender_email', text(v.sender_email)?.toLowerCase() ?? null, current.sender_email);
  differs('reminder_j1', v.reminder_j1, current.reminder_j1);
  differs('reminder_h2', v.reminder_h2, current.reminder_h2);
  put(change, 'smtp_password', secretChange(current.smtp_password, v.smtp_password));
  put(change, 'brevo_api_key', secretChange(current.brevo_api_key, v.brevo_api_key));
  put(change, 'smsmode_api_key', secretChange(current.smsmode_api_key, v.smsmode_api_key));
  return change;
}
