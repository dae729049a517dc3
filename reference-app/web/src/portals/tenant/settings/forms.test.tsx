import type { ReactElement } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/api/client';
import { fakeFetch, json, type Call } from '@/api/testing';
import type { BookingPolicy, TenantSettings } from '@/api/types';
import { ToastProvider } from '@/ui';
import { BrandingForm } from './BrandingForm';
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
