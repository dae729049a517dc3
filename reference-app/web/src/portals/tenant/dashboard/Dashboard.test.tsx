// The dashboard page against a fake API: the month's figures as the server gives them, the
// filters kept in the address and sent to the server, an agency admin held to its agency, the
// server's refusals in French, the empty states.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/api/client';
import { fakeFetch, json, type Call } from '@/api/testing';
import type { DashboardStats } from '@/api/types';
import type { Role } from '@/domain/vocabulary';
import { currentMonth } from '@/features/dashboard/months';
import Dashboard from './Dashboard';

const AGENCIES = [
  { id: 'a1', name: 'Agence Paris', code: 'PAR', status: 'active' },
  { id: 'a2', name: 'Agence Lyon', code: 'LYO', status: 'active' },
];
const CENTRES = [
  { id: 'c1', agency_id: 'a1', name: 'CT Paris 15' },
  { id: 'c2', agency_id: 'a1', name: 'CT Paris 12' },
  { id: 'c3', agency_id: 'a2', name: 'CT Lyon 3' },
];

/** The figures of `month`, for the agency or centre asked (the server's answer). */
function stats(month: string, agency: string | null, centre: string | null): DashboardStats {
  return {
    month,
    agency_id: agency,
    centre_id: centre,
    kpis: { active_users: 11, bookings: 106, bookings_previous: 64, revenue_cents: 787_400, revenue_previous_cents: 463_400, conversion_percent: null, fill_rate_percent: 1.4, no_show_percent: 33.3 },
    months: Array.from({ length: 12 }, (_, i) => ({ month: `2026-${String(i + 1).padStart(2, '0')}`, bookings: i === 11 ? 106 : i === 10 ? 64 : 0, revenue_cents: i === 11 ? 787_400 : i === 10 ? 463_400 : 0, cancelled: 0 })),
    funnel: { searches: 200, slot_views: 80, holds: 20, paid: 15 },
    top_agencies: [
      { agency_id: 'a1', name: 'Agence Paris', bookings: 70, revenue_cents: 520_000 },
      { agency_id: 'a2', name: 'Agence Lyon', bookings: 36, revenue_cents: 267_400 },
    ],
    recent: [{ id: 'r1', reference: 'PTI-S0000004', centre_name: 'CT Paris 15', start: '2026-12-05T08:15:00+01:00', status: 'confirmed', price_cents: 7900, created_at: '2026-12-01T10:00:00Z' }],
  };
}

const QUIET: Partial<DashboardStats> = {
  kpis: { active_users: 2, bookings: 0, bookings_previous: 0, revenue_cents: 0, revenue_previous_cents: 0, conversion_percent: null, fill_rate_percent: 0, no_show_percent: null },
  months: Array.from({ length: 12 }, (_, i) => ({ month: `2026-${String(i + 1).padStart(2, '0')}`, bookings: 0, revenue_cents: 0, cancelled: 0 })),
  funnel: { searches: 0, slot_views: 0, holds: 0, paid: 0 },
  top_agencies: [],
  recent: [],
};

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

let calls: Call[];
/** The dashboard calls made, as their query parameters. */
const statsCalls = () =>
  calls
    .map((c) => new URL(c.url, 'http://portal'))
    .filter((u) => u.pathname === '/api/v1/admin/dashboard/stats')
    .map((u) => Object.fromEntries(u.searchParams));

/** Opens the dashboard at `path` as `role`; `answer` may replace the server's answer to the stats. */
function open(path: string, role: Role = 'ADMIN_TENANT', answer?: (q: URLSearchParams) => Response) {
  calls = fakeFetch(({ url }) => {
    const { pathname, searchParams: q } = new URL(url, 'http://portal');
    if (pathname === '/api/v1/users/me') return json(200, { id: 'u1', role, agency_id: role === 'ADMIN_AGENCE' ? 'a1' : null, first_name: 'Alice', last_name: 'Martin' });
    if (pathname === '/api/v1/agences') return json(200, AGENCIES);
    if (pathname === '/api/v1/cts') return json(200, CENTRES.filter((c) => !q.get('agency_id') || c.agency_id === q.get('agency_id')));
    if (pathname === '/api/v1/admin/dashboard/stats') {
      if (answer) return answer(q);
      const centre = CENTRES.find((c) => c.id === q.get('centre_id'));
      return json(200, stats(q.get('month')!, q.get('agency_id') ?? centre?.agency_id ?? (role === 'ADMIN_AGENCE' ? 'a1' : null), q.get('centre_id')));
    }
    return json(404, { code: 'NOT_FOUND', message: 'x', details: {} });
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/tenant" element={<Dashboard />} />
        </Routes>
        <Where />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const kpi = (id: string) => screen.getByTestId(`kpi-${id}`);
const spaced = (text: string | null) => (text ?? '').replace(/\s/g, ' ');
const where = () => screen.getByTestId('where').textContent;

beforeEach(() => {
  localStorage.clear();
  session.set({ access_token: 'A', refresh_token: 'R' });
});
afterEach(() => vi.unstubAllGlobals());

describe('the dashboard', () => {
  it('shows this month’s key figures, network-wide, as the server counts them', async () => {
    open('/tenant');
    expect(await screen.findByTestId('kpis')).toBeInTheDocument();
    expect(statsCalls()).toEqual([{ month: currentMonth() }]);
    expect(within(kpi('users')).getByTestId('kpi-value')).toHaveTextContent('11');
    expect(within(kpi('bookings')).getByTestId('kpi-value')).toHaveTextContent('106');
    expect(spaced(within(kpi('bookings')).getByTestId('kpi-trend').textContent)).toContain('en hausse :+65,6 %');
    expect(spaced(within(kpi('revenue')).getByTestId('kpi-value').textContent)).toBe('7 874,00 €');
    expect(within(kpi('conversion')).getByTestId('kpi-value')).toHaveTextContent('—');
    expect(spaced(within(kpi('fill')).getByTestId('kpi-value').textContent)).toBe('1,4 %');
    expect(spaced(within(kpi('no-show')).getByTestId('kpi-value').textContent)).toBe('33,3 %');
    expect(screen.getByRole('heading', { level: 1, name: 'Tableau de bord' }).parentElement).toHaveTextContent('Tout le réseau');
  });

  it('compares with the month before, named', async () => {
    open('/tenant?mois=2026-12');
    const trend = await screen.findAllByTestId('kpi-trend');
    expect(spaced(trend[0]!.textContent)).toContain('novembre 2026 : 64');
    expect(spaced(trend[1]!.textContent)).toContain('novembre 2026 : 4 634,00 €');
  });

  it('gives the twelve months’ revenue, the funnel, the leading agencies and the latest bookings', async () => {
    open('/tenant?mois=2026-12');
    const table = await screen.findByRole('table', { name: 'Chiffre d’affaires TTC et rendez-vous par mois' }, { timeout: 5000 });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(12);
    expect(spaced(rows[11]!.textContent)).toBe('décembre 20267 874,00 €106');

    const funnel = screen.getByRole('region', { name: 'Entonnoir de conversion' });
    expect(within(funnel).getAllByTestId('funnel-count').map((c) => c.textContent)).toEqual(['200', '80', '20', '15']);
    expect(spaced(within(funnel).getByTestId('funnel-paid').textContent)).toContain('75 % de l’étape précédente');

    const top = screen.getByRole('region', { name: 'Top 5 des agences' });
    expect(within(top).getByRole('link', { name: 'Agence Paris' })).toHaveAttribute('href', '/tenant/agences/a1');
    expect(spaced(within(top).getAllByTestId('top-agency')[0]!.textContent)).toBe('1Agence Paris705 200,00 €');

    const recent = screen.getByRole('region', { name: 'Dernières réservations' });
    expect(spaced(within(recent).getByTestId('recent-booking').textContent)).toBe('PTI-S0000004ConfirméCT Paris 15 · sam. 5 déc. 2026 à 08:1579,00 €');
  });

  it('keeps the month in the address, from the list or a step either way', async () => {
    open('/tenant?mois=2026-12');
    const month = await screen.findByRole('combobox', { name: 'Mois' });
    expect(month).toHaveValue('2026-12');
    await userEvent.selectOptions(month, 'Septembre 2026');
    await waitFor(() => expect(where()).toBe('/tenant?mois=2026-09'));
    await userEvent.click(screen.getByRole('button', { name: 'Mois précédent' }));
    await waitFor(() => expect(where()).toBe('/tenant?mois=2026-08'));
    await userEvent.click(screen.getByRole('button', { name: 'Mois suivant' }));
    await userEvent.click(screen.getByRole('button', { name: 'Mois suivant' }));
    await waitFor(() => expect(where()).toBe('/tenant?mois=2026-10'));
    await waitFor(() => expect(statsCalls().map((q) => q.month)).toEqual(['2026-12', '2026-09', '2026-08', '2026-10']));
    expect(await screen.findByText('octobre 2026 · Tout le réseau')).toBeInTheDocument();
  });

  it('lets a network admin narrow to an agency, then to one of its centres', async () => {
    open('/tenant?mois=2026-12');
    const agency = await screen.findByRole('combobox', { name: 'Agence' });
    await waitFor(() => expect(within(agency).getAllByRole('option').map((o) => o.textContent)).toEqual(['Tout le réseau', 'Agence Lyon', 'Agence Paris']));
    await userEvent.selectOptions(agency, 'Agence Paris');
    await waitFor(() => expect(where()).toBe('/tenant?mois=2026-12&agence=a1'));
    const centre = screen.getByRole('combobox', { name: 'Centre' });
    await waitFor(() => expect(within(centre).getAllByRole('option').map((o) => o.textContent)).toEqual(['Toute l’agence', 'CT Paris 12', 'CT Paris 15']));
    await userEvent.selectOptions(centre, 'CT Paris 15');
    await waitFor(() => expect(where()).toBe('/tenant?mois=2026-12&agence=a1&centre=c1'));
    await waitFor(() => expect(statsCalls().at(-1)).toEqual({ month: '2026-12', agency_id: 'a1', centre_id: 'c1' }));
    expect(await screen.findByText('décembre 2026 · CT Paris 15')).toBeInTheDocument();
    // An agency's figures have no ranking of agencies.
    expect(screen.queryByRole('region', { name: 'Top 5 des agences' })).not.toBeInTheDocument();
    // Back to the network: the centre goes too.
    await userEvent.selectOptions(agency, 'Tout le réseau');
    await waitFor(() => expect(where()).toBe('/tenant?mois=2026-12'));
  });

  it('brings a centre’s agency along when a centre is picked network-wide', async () => {
    open('/tenant?mois=2026-12');
    const centre = await screen.findByRole('combobox', { name: 'Centre' });
    await waitFor(() => expect(within(centre).getAllByRole('option')).toHaveLength(4));
    await userEvent.selectOptions(centre, 'CT Lyon 3');
    await waitFor(() => expect(where()).toBe('/tenant?mois=2026-12&agence=a2&centre=c3'));
  });

  it('holds an agency admin to its agency: no agency to pick, only its centres', async () => {
    open('/tenant?mois=2026-12', 'ADMIN_AGENCE');
    expect(await screen.findByTestId('fixed-agency')).toHaveTextContent('Agence : Agence Paris');
    expect(screen.queryByRole('combobox', { name: 'Agence' })).not.toBeInTheDocument();
    const centre = screen.getByRole('combobox', { name: 'Centre' });
    await waitFor(() => expect(within(centre).getAllByRole('option').map((o) => o.textContent)).toEqual(['Toute l’agence', 'CT Paris 12', 'CT Paris 15']));
    expect(statsCalls()).toEqual([{ month: '2026-12' }]);
    expect(await screen.findByText('décembre 2026 · Agence Paris')).toBeInTheDocument();
    await userEvent.selectOptions(centre, 'CT Paris 12');
    await waitFor(() => expect(where()).toBe('/tenant?mois=2026-12&centre=c2'));
    await waitFor(() => expect(statsCalls().at(-1)).toEqual({ month: '2026-12', centre_id: 'c2' }));
  });

  it('says in French why the server refused another agency, and offers to retry', async () => {
    open('/tenant?agence=a2', 'ADMIN_AGENCE', () => json(403, { code: 'OUT_OF_SCOPE', message: "the Report lies outside the principal's Agency scope", details: null }));
    const failure = await screen.findByTestId('error-state');
    expect(failure).toHaveTextContent('Cette information ne relève pas de votre périmètre (agence ou centre).');
    expect(failure).not.toHaveTextContent('principal');
    await userEvent.click(within(failure).getByRole('button', { name: 'Réessayer' }));
    await waitFor(() => expect(statsCalls()).toHaveLength(2));
  });

  it('names the filter the server refused', async () => {
    open('/tenant?mois=2026-13', 'ADMIN_TENANT', () => json(422, { code: 'VALIDATION', message: 'month: expected YYYY-MM', details: { field: 'month', reason: 'expected YYYY-MM' } }));
    expect(await screen.findByTestId('error-state')).toHaveTextContent('Mois invalide : choisissez un mois de 2000 à 2100.');
    expect(screen.getByRole('combobox', { name: 'Mois' })).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Mois précédent' })).toBeDisabled();
  });

  it('says when a month has nothing to show', async () => {
    open('/tenant?mois=2026-12', 'ADMIN_TENANT', (q) => json(200, { ...stats(q.get('month')!, null, null), ...QUIET }));
    expect(await screen.findByText('Aucun rendez-vous sur ces 12 mois.')).toBeInTheDocument();
    expect(screen.getByText('Aucune recherche ni réservation ce mois-ci.')).toBeInTheDocument();
    expect(screen.getByText('Aucun rendez-vous ce mois-ci.')).toBeInTheDocument();
    expect(screen.getByText('Aucune réservation pour l’instant.')).toBeInTheDocument();
    expect(within(kpi('bookings')).getByTestId('kpi-trend')).toHaveTextContent('stable');
  });
});
