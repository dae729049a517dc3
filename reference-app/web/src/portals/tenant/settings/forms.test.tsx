import type { ReactElement } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/api/client';
import { fakeFetch, json, type Call } from '@/api/testing';
import type { BookingPolicy, NotificationSettings, PaymentSettings, TenantSettings } from '@/api/types';
import { ToastProvider } from '@/ui';
import { BrandingForm } from './BrandingForm';
import { NotificationForm } from './NotificationForm';
import { PaymentForm } from './PaymentForm';
import { PolicyForm } from './PolicyForm';

const POLICY: BookingPolicy = {
  min_notice_minutes: 120,
  horizon_days: 90,
  modification_deadline_hours: 24,
  cancellation_deadline_hours: 24,
  refund_before_deadline_percent: 100,
  refund_after_deadline_percent: 0,
  late_cancellation_allowed: true,
  recheck_window_months: 2,
  overbooking_percent: 100,
  fill_warning_percent: 90,
  hold_minutes: 10,
};
const SETTINGS = { booking_policy: POLICY, branding: { primary_color: '#1d4ed8', portal_title: null, logo_url: null } } as TenantSettings;

function show(form: ReactElement) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ToastProvider>{form}</ToastProvider>
    </QueryClientProvider>,
  );
}

const field = (label: string | RegExp) => screen.getByLabelText(label);
let calls: Call[];
beforeEach(() => {
  localStorage.clear();
  session.set({ access_token: 'A', refresh_token: 'R' });
});
afterEach(() => vi.unstubAllGlobals());

describe('PolicyForm', () => {
  it('sends only the changed rules, the notice in minutes, and says so', async () => {
    calls = fakeFetch(() => json(200, SETTINGS));
    show(<PolicyForm policy={POLICY} />);
    await userEvent.clear(field('et minutes'));
    await userEvent.type(field('et minutes'), '15');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Paramètres enregistrés.')).toBeInTheDocument();
    expect(calls.map((c) => [c.init.method, JSON.parse(c.init.body as string)])).toEqual([['PUT', { booking_policy: { min_notice_minutes: 135 } }]]);
  });

  it('puts the server’s refusal of the notice on the hours field, in French', async () => {
    calls = fakeFetch(() => json(422, { code: 'VALIDATION', message: 'min_notice_minutes must be at most 30 days', details: { field: 'booking_policy.min_notice_minutes' } }));
    show(<PolicyForm policy={POLICY} />);
    await userEvent.clear(field('Délai minimum (heures)'));
    await userEvent.type(field('Délai minimum (heures)'), '3');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('30 jours (720 h) au plus.')).toBeInTheDocument();
    expect(field('Délai minimum (heures)')).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('BrandingForm', () => {
  it('shows the contrast of white text and warns below 4.5:1, sending nothing', async () => {
    calls = fakeFetch(() => json(200, SETTINGS));
    show(<BrandingForm branding={SETTINGS.branding} />);
    expect(screen.getByTestId('branding-contrast')).toHaveTextContent('Contraste du texte blanc : 6,70:1');
    await userEvent.clear(field(/^Couleur principale/));
    await userEvent.type(field(/^Couleur principale/), '#ffcc00');
    expect(screen.getByText(/Contraste insuffisant/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Le texte blanc y serait peu lisible : contraste inférieur à 4,5:1.')).toBeInTheDocument();
    expect(calls).toEqual([]);
  });
});

const UNSET = { set: false, last4: null };

describe('PaymentForm', () => {
  const saved: PaymentSettings = { provider: 'stripe', stripe_publishable_key: 'pk_test_1', stripe_secret_key: { set: true, last4: '4242' }, stripe_webhook_secret: UNSET };

  it('shows a saved secret as its last four characters, replaces it only when asked', async () => {
    calls = fakeFetch(() => json(200, { ...SETTINGS, payment: saved }));
    show(<PaymentForm payment={saved} />);
    expect(field(/^Clé secrète Stripe/)).toHaveValue('•••• 4242');
    await userEvent.click(screen.getAllByRole('button', { name: 'Remplacer' })[0]!);
    await userEvent.type(field(/^Clé secrète Stripe/), 'sk_live_nouvelle');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Paramètres enregistrés.')).toBeInTheDocument();
    expect(calls.map((c) => JSON.parse(c.init.body as string))).toEqual([{ payment: { stripe_secret_key: 'sk_live_nouvelle' } }]);
  });

  it('puts the missing secrets key on the secret’s field, in French', async () => {
    calls = fakeFetch(() => json(422, { code: 'SECRETS_KEY_MISSING', message: 'no key', details: { field: 'payment.stripe_webhook_secret' } }));
    show(<PaymentForm payment={saved} />);
    await userEvent.type(field('Secret de signature des webhooks'), 'whsec_abc');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText(/Le serveur n’a pas de clé de chiffrement/)).toBeInTheDocument();
    expect(field('Secret de signature des webhooks')).toHaveAttribute('aria-invalid', 'true');
  });

  it('clears a saved secret with « Effacer »', async () => {
    const sandbox = { ...saved, provider: 'sandbox' as const };
    calls = fakeFetch(() => json(200, { ...SETTINGS, payment: { ...sandbox, stripe_secret_key: UNSET } }));
    show(<PaymentForm payment={sandbox} />);
    await userEvent.click(screen.getAllByRole('button', { name: 'Effacer' })[0]!);
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Paramètres enregistrés.')).toBeInTheDocument();
    expect(calls.map((c) => JSON.parse(c.init.body as string))).toEqual([{ payment: { stripe_secret_key: null } }]);
  });
});

describe('NotificationForm', () => {
  const notification: NotificationSettings = {
    email_provider: 'smtp',
    smtp_host: 'mail.reseau.fr',
    smtp_port: 587,
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

  it('puts the server’s refusal of the port on its field, in French', async () => {
    calls = fakeFetch(() => json(422, { code: 'VALIDATION', message: 'notification.smtp_port: 1 to 65535', details: { field: 'notification.smtp_port' } }));
    show(<NotificationForm notification={notification} />);
    await userEvent.clear(field(/^Port/));
    await userEvent.type(field(/^Port/), '2525');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Port requis : de 1 à 65535.')).toBeInTheDocument();
    expect(calls.map((c) => JSON.parse(c.init.body as string))).toEqual([{ notification: { smtp_port: 2525 } }]);
  });

  it('sends a test e-mail and says through which channel, or why not', async () => {
    calls = fakeFetch(() => json(200, { channel: 'smtp', recipient: 'admin@reseau.fr' }));
    show(<NotificationForm notification={notification} />);
    await userEvent.click(screen.getByRole('button', { name: 'Envoyer un test' }));
    expect(await screen.findByText('E-mail de test envoyé à admin@reseau.fr par le serveur SMTP.')).toBeInTheDocument();
    expect(calls.map((c) => [c.init.method, c.url])).toEqual([['POST', expect.stringContaining('/admin/tenant/settings/notification/test')]]);
  });

  it('names an unreachable server in French', async () => {
    calls = fakeFetch(() => json(502, { code: 'NOTIFICATION_UNREACHABLE', message: 'connection refused', details: null }));
    show(<NotificationForm notification={notification} />);
    await userEvent.click(screen.getByRole('button', { name: 'Envoyer un test' }));
    expect(await screen.findByText('Le serveur d’envoi ne répond pas : vérifiez l’hôte, le port et le chiffrement.')).toBeInTheDocument();
  });
});
