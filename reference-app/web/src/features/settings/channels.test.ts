import { describe, expect, it } from 'vitest';
import type { NotificationSettings, PaymentSettings } from '@/api/types';
import { maskedSecret, notificationFormValues, notificationSchema, paymentFormValues, paymentSchema, toNotificationChange, toPaymentChange } from './channels';

const UNSET = { set: false, last4: null };
const PAYMENT: PaymentSettings = { provider: 'sandbox', stripe_publishable_key: null, stripe_secret_key: UNSET, stripe_webhook_secret: UNSET };
const NOTIFICATION: NotificationSettings = {
  email_provider: 'platform',
  smtp_host: null,
  smtp_port: null,
  smtp_user: null,
  smtp_password: UNSET,
  smtp_tls: 'starttls',
  brevo_api_key: UNSET,
  sms_provider: 'platform',
  smsmode_api_key: UNSET,
  sender_name: null,
  sender_email: null,
  reminder_j1: true,
  reminder_h2: true,
};

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => (result.error?.issues ?? []).map((i) => i.path.join('.'));

describe('the payment form', () => {
  it('sends only what changed, a secret only when replaced or cleared', () => {
    const values = paymentFormValues(PAYMENT);
    expect(toPaymentChange(values, PAYMENT)).toEqual({});
    const stripe = { ...values, provider: 'stripe' as const, stripe_publishable_key: ' pk_test_1 ', stripe_secret_key: { action: 'replace' as const, value: 'sk_test_abc ' } };
    expect(toPaymentChange(stripe, PAYMENT)).toEqual({ provider: 'stripe', stripe_publishable_key: 'pk_test_1', stripe_secret_key: 'sk_test_abc' });
    const saved = { ...PAYMENT, stripe_secret_key: { set: true, last4: '4242' } };
    expect(toPaymentChange({ ...paymentFormValues(saved), stripe_secret_key: { action: 'clear', value: '' } }, saved)).toEqual({ stripe_secret_key: null });
  });

  it('wants both Stripe keys with Stripe and checks their prefixes', () => {
    const values = { ...paymentFormValues(PAYMENT), provider: 'stripe' as const };
    expect(issues(paymentSchema(PAYMENT).safeParse(values))).toEqual(['stripe_publishable_key', 'stripe_secret_key']);
    const wrong = { ...values, stripe_publishable_key: 'sk_test_1', stripe_secret_key: { action: 'replace' as const, value: 'pk_test_1' } };
    expect(issues(paymentSchema(PAYMENT).safeParse(wrong))).toEqual(['stripe_publishable_key', 'stripe_secret_key']);
    const kept = { ...PAYMENT, stripe_secret_key: { set: true, last4: '4242' } };
    expect(paymentSchema(kept).safeParse({ ...values, stripe_publishable_key: 'pk_live_1' }).success).toBe(true);
  });

  it('shows a saved secret by its last four characters only', () => {
    expect(maskedSecret({ set: true, last4: '1234' })).toBe('•••• 1234');
    expect(maskedSecret({ set: true, last4: null })).toBe('••••');
  });
});

describe('the notification form', () => {
  it('wants a host and a port for SMTP, in range', () => {
    const values = { ...notificationFormValues(NOTIFICATION), email_provider: 'smtp' as const };
    expect(issues(notificationSchema(NOTIFICATION).safeParse(values))).toEqual(['smtp_host', 'smtp_port']);
    const bad = { ...values, smtp_host: 'mail reseau', smtp_port: '70000' };
    expect(issues(notificationSchema(NOTIFICATION).safeParse(bad))).toEqual(['smtp_host', 'smtp_port']);
  });

  it('sends the changed fields with the port as a number and the host in lower case', () => {
    const values = { ...notificationFormValues(NOTIFICATION), email_provider: 'smtp' as const, smtp_host: 'Mail.Reseau.FR', smtp_port: '587', reminder_h2: false };
    expect(toNotificationChange(values, NOTIFICATION)).toEqual({ email_provider: 'smtp', smtp_host: 'mail.reseau.fr', smtp_port: 587, reminder_h2: false });
  });
});
