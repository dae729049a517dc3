// The statistics page against a fake API: the period's figures as the server gives them, the
// period and the filters kept in the address and sent to the server, a period refused on its
// field (here or by the server), the tables by centre, the exports, the empty and error states.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/api/client';
import { fakeFetch, json, type Call } from '@/api/testing';
import type { StatisticsFigures, TenantStatistics } from '@/api/types';
import type { Role } from '@/domain/vocabulary';
import { addMonths, currentMonth } from '@/features/dashboard/months';
import { ToastProvider } from '@/ui';
import Statistics from './Statistics';

const AGENCIES = [
  { id: 'a1', name: 'Agence Paris', code: 'PAR', status: 'active' },
  { id: 'a2', name: 'Agence Lyon', code: 'LYO', status: 'active' },
];
const CENTRES = [
  { id: 'c1', agency_id: 'a1', name: 'CT Paris 15' },
  { id: 'c2', agency_id: 'a1', name: 'CT Paris 12' },
  { id: 'c3', agency_id: 'a2', name: 'CT Lyon 3' },
];

/** Figures of `bookings` inspections at 79 €, one in ten cancelled, one in twenty-five absent. */
function figures(bookings: number): StatisticsFigures {
  const [noShow, cancelled, refunds] = [Math.floor(bookings / 25), Math.floor(bookings / 10), Math.floor(bookings / 20)];
  const completed = bookings - noShow;
  const rate = (n: number, of: number) => (of > 0 ? Math.round((n * 1000) / of) / 10 : null);
  return {
    bookings,
    completed,
    no_show: noShow,
    cancelled,
    refunds,
    collected_cents: (completed + refunds) * 7900,
    refunded_cents: refunds * 7900,
    revenue_cents: completed * 7900,
    no_show_percent: rate(noShow, completed + noShow),
    cancellation_percent: rate(cancelled, bookings + cancelled),
  };
}

/** The server's answer for `q`, its centres `centres` (the three above by default). */
function stats(q: URLSearchParams, centres = CENTRES.map((c, i) => ({ ...c, agency_name: AGENCIES.find((a) => a.id === c.agency_id)!.name, bookings: 300 - 100 * i }))): TenantStatistics {
  const [from, to] = [q.get('from')!, q.get('to')!];
  const months: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m);
  const shown = centres.filter((c) => (!q.get('agency_id') || c.agency_id === q.get('agency_id')) && (!q.get('centre_id') || c.id === q.get('centre_id')));
  const total = shown.reduce((sum, c) => sum + c.bookings, 0);
  return {
    from,
    to,
    agency_id: q.get('agency_id'),
    centre_id: q.get('centre_id'),
    totals: figures(total),
    funnel: { searches: total * 8, slot_views: total * 4, holds: total > 0 ? total + 12 : 0, paid: total },
    conversion_percent: 12.5,
    months: months.map((month, i) => ({ month, figures: figures(i === months.length - 1 ? total : 0) })),
    by_control_type: [
      { code: 'CT', figures: figures(Math.round(total * 0.8)) },
      { code: 'CT_CONTRE_VISITE', figures: figures(Math.round(total * 0.2)) },
    ],
    by_vehicle_category: [{ code: 'VP', figures: figures(total) }],
    by_agency: AGENCIES.map((a) => ({ id: a.id, name: a.name, figures: figures(shown.filter((c) => c.agency_id === a.id).reduce((s, c) => s + c.bookings, 0)) })).filter((a) => a.figures.bookings > 0),
    by_centre: shown.map((c) => ({ id: c.id, name: c.name, agency_id: c.agency_id, agency_name: c.agency_name, figures: figures(c.bookings) })),
  };
}

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

let calls: Call[];
/** The calls of `path`, as their query parameters. */
const callsOf = (path: string) =>
  calls
    .map((c) => new URL(c.url, 'http://portal'))
    .filter((u) => u.pathname === `/api/v1${path}`)
    .map((u) => Object.fromEntries(u.searchParams));
const statsCalls = () => callsOf('/statistics/tenant');

/** Opens the page at `path` as `role`; `answer` may replace the server's answers to the statistics and the export. */
function open(path: string, role: Role = 'ADMIN_TENANT', answer?: (q: URLSearchParams, pathname: string) => Response | undefined) {
  calls = fakeFetch(({ url }) => {
    const { pathname, searchParams: q } = new URL(url, 'http://portal');
    if (pathname === '/api/v1/users/me') return json(200, { id: 'u1', role, agency_id: role === 'ADMIN_AGENCE' ? 'a1' : null, first_name: 'Alice', last_name: 'Martin' });
    if (pathname === '/api/v1/agences') return json(200, role === 'ADMIN_AGENCE' ? AGENCIES.slice(0, 1) : AGENCIES);
    if (pathname === '/api/v1/cts') return json(200, CENTRES.filter((c) => !q.get('agency_id') || c.agency_id === q.get('agency_id')));
    const answered = answer?.(q, pathname);
    if (answered) return answered;
    if (pathname === '/api/v1/statistics/tenant') return json(200, stats(role === 'ADMIN_AGENCE' ? new URLSearchParams({ ...Object.fromEntries(q), agency_id: 'a1' }) : q));
    return json(404, { code: 'NOT_FOUND', message: 'x', details: {} });
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/tenant/statistiques" element={<Statistics />} />
          </Routes>
          <Where />
        </MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
}

const kpi = (id: string) => within(screen.getByTestId(`kpi-${id}`)).getByTestId('kpi-value');
const spaced = (text: string | null) => (text ?? '').replace(/\s/g, ' ');
const where = () => screen.getByTestId('where').textContent;
const YEAR_2026 = '/tenant/statistiques?du=2026-01&au=2026-12';

beforeEach(() => {
  localStorage.clear();
  session.set({ access_token: 'A', refresh_token: 'R' });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the statistics page', () => {
  it('shows the last 12 months network-wide when the address names no period', async () => {
    open('/tenant/statistiques');
    expect(screen.getByTestId('statistics-skeleton')).toHaveTextContent('Chargement des statistiques…');
    expect(await screen.findByTestId('kpis')).toBeInTheDocument();
    expect(screen.queryByTestId('statistics-skeleton')).not.toBeInTheDocument();
    const current = currentMonth();
    expect(statsCalls()).toEqual([{ from: addMonths(current, -11), to: current }]);
    expect(screen.getByRole('button', { name: '12 derniers mois' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: '3 derniers mois' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('heading', { level: 1, name: 'Statistiques' }).parentElement).toHaveTextContent('Tout le réseau');
  });

  it('gives the period’s key figures, funnel, charts and tables as the server counts them', async () => {
    open(YEAR_2026);
    await screen.findByTestId('kpis');
    expect(statsCalls()).toEqual([{ from: '2026-01', to: '2026-12' }]);
    expect(screen.getByRole('heading', { level: 1 }).parentElement).toHaveTextContent('janvier 2026 – décembre 2026 · Tout le réseau');
    // 600 bookings: 24 absent, 60 cancelled, 30 refunded.
    expect(spaced(kpi('bookings').textContent)).toBe('600');
    expect(spaced(kpi('completed').textContent)).toBe('576');
    expect(spaced(kpi('revenue').textContent)).toBe('45 504,00 €');
    expect(spaced(kpi('collected').textContent)).toBe('47 874,00 €');
    expect(spaced(kpi('refunded').textContent)).toBe('2 370,00 €');
    expect(spaced(screen.getByTestId('kpi-refunded').textContent)).toContain('30 remboursements');
    expect(spaced(kpi('cancellation').textContent)).toBe('9,1 %');
    expect(spaced(kpi('no-show').textContent)).toBe('4 %');
    expect(spaced(kpi('conversion').textContent)).toBe('12,5 %');
    const funnel = screen.getByRole('region', { name: 'Entonnoir de conversion' });
    expect(within(funnel).getAllByTestId('funnel-count').map((c) => spaced(c.textContent))).toEqual(['4 800', '2 400', '612', '600']);

    const months = await screen.findByRole('table', { name: 'Chiffre d’affaires TTC et rendez-vous par mois' }, { timeout: 5000 });
    expect(within(months).getAllByRole('row').slice(1)).toHaveLength(12);
    const types = await screen.findByRole('table', { name: 'Réservations par type de contrôle' }, { timeout: 5000 });
    expect(within(types).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Contrôle technique périodique', 'Contre-visite']);
    const categories = screen.getByRole('table', { name: 'Réservations par catégorie de véhicule' });
    expect(spaced(within(categories).getAllByRole('row')[1]!.textContent)).toBe('Voiture (VP)60057645 504,00 €');

    const agencies = screen.getByRole('table', { name: 'Chiffres par agence' });
    expect(within(agencies).getByRole('link', { name: 'Agence Paris' })).toHaveAttribute('href', '/tenant/agences/a1');
    const centres = screen.getByRole('table', { name: 'Chiffres par centre' });
    const first = within(centres).getAllByTestId('figures-row')[0]!;
    expect(spaced(first.textContent)).toBe('CT Paris 15Agence Paris3002884 %9,1 %22 752,00 €23 937,00 €1 185,00 €');
  });

  it('keeps a preset, the agency and the centre in the address, and asks the server for them', async () => {
    open(YEAR_2026);
    await screen.findByTestId('kpis');
    const current = currentMonth();
    await userEvent.click(screen.getByRole('button', { name: '3 derniers mois' }));
    await waitFor(() => expect(where()).toBe(`/tenant/statistiques?du=${addMonths(current, -2)}&au=${current}`));
    await waitFor(() => expect(statsCalls().at(-1)).toEqual({ from: addMonths(current, -2), to: current }));
    expect(screen.getByRole('combobox', { name: 'Du' })).toHaveValue(addMonths(current, -2));
    await userEvent.click(screen.getByRole('button', { name: 'Année précédente' }));
    const last = `${Number(current.slice(0, 4)) - 1}`;
    await waitFor(() => expect(where()).toBe(`/tenant/statistiques?du=${last}-01&au=${last}-12`));

    const agency = screen.getByRole('combobox', { name: 'Agence' });
    await waitFor(() => expect(within(agency).getAllByRole('option')).toHaveLength(3));
    await userEvent.selectOptions(agency, 'Agence Lyon');
    await waitFor(() => expect(where()).toBe(`/tenant/statistiques?du=${last}-01&au=${last}-12&agence=a2`));
    await waitFor(() => expect(statsCalls().at(-1)).toEqual({ from: `${last}-01`, to: `${last}-12`, agency_id: 'a2' }));
    // An agency's figures have no table of agencies, and its centres no agency column.
    await waitFor(() => expect(screen.queryByRole('table', { name: 'Chiffres par agence' })).not.toBeInTheDocument());
    expect(within(screen.getByRole('table', { name: 'Chiffres par centre' })).queryByRole('columnheader', { name: /Agence/ })).not.toBeInTheDocument();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Centre' }), 'CT Lyon 3');
    await waitFor(() => expect(where()).toBe(`/tenant/statistiques?du=${last}-01&au=${last}-12&agence=a2&centre=c3`));
    expect(await screen.findByText(`janvier ${last} – décembre ${last} · CT Lyon 3`)).toBeInTheDocument();
  });

  it('says a period is too long before asking the server, on the field', async () => {
    open(YEAR_2026);
    await screen.findByTestId('kpis');
    const from = screen.getByRole('combobox', { name: 'Du' });
    await userEvent.selectOptions(from, 'Décembre 2024');
    expect(screen.getByRole('combobox', { name: 'Au' })).toHaveAccessibleDescription(/Période trop longue : 24 mois au plus\./);
    expect(statsCalls()).toHaveLength(1);
    expect(where()).toBe(YEAR_2026);
    await userEvent.selectOptions(from, 'Janvier 2025');
    await waitFor(() => expect(where()).toBe('/tenant/statistiques?du=2025-01&au=2026-12'));
    expect(screen.getByRole('combobox', { name: 'Au' })).not.toHaveAccessibleDescription(/Période trop longue/);
  });

  it('shows the server’s refusal of the period next to its field, and no export', async () => {
    open(YEAR_2026, 'ADMIN_TENANT', (_q, pathname) =>
      pathname === '/api/v1/statistics/tenant' ? json(422, { code: 'VALIDATION', message: 'to: at most 24 months after from', details: { field: 'to', reason: 'at most 24 months' } }) : undefined,
    );
    const message = 'Période refusée : le mois de fin doit être celui du début ou un suivant, 24 mois au plus.';
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Au' })).toHaveAccessibleDescription(new RegExp(message)));
    expect(screen.getByText('Période refusée').parentElement).toHaveTextContent(message);
    expect(screen.getByRole('button', { name: 'Exporter en Excel' })).toBeDisabled();
    expect(document.body).not.toHaveTextContent('at most');
  });

  it('says in French why the server failed, and offers to retry', async () => {
    open(YEAR_2026, 'ADMIN_TENANT', (_q, pathname) => (pathname === '/api/v1/statistics/tenant' ? json(503, { code: 'UNAVAILABLE', message: 'down', details: {} }) : undefined));
    const failure = await screen.findByTestId('error-state');
    expect(failure).toHaveTextContent('Le service est momentanément indisponible. Réessayez dans un instant.');
    await userEvent.click(within(failure).getByRole('button', { name: 'Réessayer' }));
    await waitFor(() => expect(statsCalls()).toHaveLength(2));
  });

  it('says when a period has nothing to show', async () => {
    open(YEAR_2026, 'ADMIN_TENANT', (q, pathname) => (pathname === '/api/v1/statistics/tenant' ? json(200, stats(q, [])) : undefined));
    expect(await screen.findByText('Aucun chiffre sur cette période.')).toBeInTheDocument();
    expect(screen.queryByTestId('kpis')).not.toBeInTheDocument();
  });

  it('holds an agency admin to its agency: no agency to pick, its centres without their agency', async () => {
    open(YEAR_2026, 'ADMIN_AGENCE');
    expect(await screen.findByTestId('fixed-agency')).toHaveTextContent('Agence : Agence Paris');
    expect(screen.queryByRole('combobox', { name: 'Agence' })).not.toBeInTheDocument();
    expect(statsCalls()).toEqual([{ from: '2026-01', to: '2026-12' }]);
    const centres = await screen.findByRole('table', { name: 'Chiffres par centre' });
    expect(within(centres).getAllByTestId('figures-row')).toHaveLength(2);
    expect(within(centres).queryByRole('columnheader', { name: /Agence/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Chiffres par agence' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 }).parentElement).toHaveTextContent('Agence Paris');
  });

  it('sorts, searches and pages a network’s many centres', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ id: `c${i}`, agency_id: 'a1', name: `CT Centre ${i + 1}`, agency_name: 'Agence Paris', bookings: 600 - i }));
    open(YEAR_2026, 'ADMIN_TENANT', (q, pathname) => (pathname === '/api/v1/statistics/tenant' ? json(200, stats(q, many)) : undefined));
    const table = await screen.findByTestId('centre-table');
    const rows = () => within(table).getAllByTestId('figures-row');
    const names = () => rows().map((r) => within(r).getByRole('rowheader').textContent);
    expect(rows()).toHaveLength(25);
    expect(within(table).getByTestId('figures-total')).toHaveTextContent('60 centres');
    await userEvent.click(within(table).getByRole('button', { name: 'Page 3' }));
    expect(names()).toEqual(Array.from({ length: 10 }, (_, i) => `CT Centre ${51 + i}`));
    await userEvent.selectOptions(within(table).getByLabelText('Lignes par page'), '50');
    expect(rows()).toHaveLength(50);

    const name = within(table).getByRole('columnheader', { name: /Centre/ });
    await userEvent.click(within(name).getByRole('button'));
    expect(name).toHaveAttribute('aria-sort', 'ascending');
    expect(names().slice(0, 3)).toEqual(['CT Centre 1', 'CT Centre 2', 'CT Centre 3']);
    await userEvent.click(within(name).getByRole('button'));
    expect(names()[0]).toBe('CT Centre 60');

    await userEvent.type(within(table).getByRole('searchbox', { name: 'Rechercher un centre' }), 'centre 4');
    expect(names()).toEqual(['CT Centre 49', 'CT Centre 48', 'CT Centre 47', 'CT Centre 46', 'CT Centre 45', 'CT Centre 44', 'CT Centre 43', 'CT Centre 42', 'CT Centre 41', 'CT Centre 40', 'CT Centre 4']);
    await userEvent.type(within(table).getByRole('searchbox', { name: 'Rechercher un centre' }), 'x');
    expect(within(table).getByText('Aucun centre ne porte ce nom.')).toBeInTheDocument();
  });

  it('exports the figures shown under the server’s name, and says so in French when an export fails', async () => {
    const saved: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved.push(blob as Blob);
      return 'blob:statistiques';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    let fail = false;
    open(`${YEAR_2026}&agence=a1`, 'ADMIN_TENANT', (q, pathname) => {
      if (pathname !== '/api/v1/statistics/tenant/export') return undefined;
      if (fail) return json(503, { code: 'UNAVAILABLE', message: 'down', details: {} });
      return new Response(`${q.get('format')}-file`, { status: 200, headers: { 'Content-Disposition': `attachment; filename="statistiques-${q.get('from')}-${q.get('to')}.${q.get('format')}"` } });
    });
    await screen.findByTestId('kpis');
    await userEvent.click(screen.getByRole('button', { name: 'Exporter en Excel' }));
    await waitFor(() => expect(names).toEqual(['statistiques-2026-01-2026-12.xlsx']));
    await userEvent.click(screen.getByRole('button', { name: 'Exporter en PDF' }));
    await waitFor(() => expect(names).toEqual(['statistiques-2026-01-2026-12.xlsx', 'statistiques-2026-01-2026-12.pdf']));
    expect(await saved[1]!.text()).toBe('pdf-file');
    expect(callsOf('/statistics/tenant/export')).toEqual([
      { format: 'xlsx', from: '2026-01', to: '2026-12', agency_id: 'a1' },
      { format: 'pdf', from: '2026-01', to: '2026-12', agency_id: 'a1' },
    ]);

    fail = true;
    await userEvent.click(screen.getByRole('button', { name: 'Exporter en PDF' }));
    expect(await screen.findByText('L’export a échoué. Le service est momentanément indisponible. Réessayez dans un instant.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Exporter en PDF' })).toBeEnabled();
  });
});
