import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/api/client';
import { fakeFetch, json, type Call } from '@/api/testing';
import type { CentreDay, CentrePlanning, GlobalPlanning } from '@/api/types';
import Planning from './Planning';

const hours = (at: Record<number, number>) => Array.from({ length: 24 }, (_, h) => at[h] ?? 0);
const centre = (id: string, name: string, booked: number[], capacity: number[], warning: boolean): CentrePlanning => ({
  id,
  name,
  agency_id: 'ag-1',
  time_zone: 'Europe/Paris',
  booked: booked.reduce((a, b) => a + b, 0),
  capacity: capacity.reduce((a, b) => a + b, 0),
  fill_rate_percent: warning ? 95 : 10,
  warning,
  booked_by_day: booked,
  capacity_by_day: capacity,
  fill_rate_by_day: booked.map((b, i) => (capacity[i] ? Math.round((b * 1000) / capacity[i]!) / 10 : null)),
  booked_by_hour: hours({ 9: booked.reduce((a, b) => a + b, 0) }),
  capacity_by_hour: hours({ 8: 10, 9: 10, 14: 10 }),
});
const PLANNING: GlobalPlanning = {
  from: '2026-12-07',
  to: '2026-12-08',
  agency_id: null,
  centre_id: null,
  fill_warning_percent: 90,
  days: ['2026-12-07', '2026-12-08'],
  booked: 41,
  capacity: 60,
  fill_rate_percent: 68.3,
  warning_centres: 1,
  centres: [centre('c-bron', 'Centre Bron', [3, 0], [30, 0], false), centre('c-lyon', 'Centre Lyon 3', [29, 9], [30, 0], true)],
};
const DAY: CentreDay = {
  centre_id: 'c-lyon',
  centre_name: 'Centre Lyon 3',
  date: '2026-12-07',
  booked: 29,
  capacity: 30,
  fill_rate_percent: 96.7,
  bookings: [
    {
      id: 'r1',
      reference: 'PTI-AB12',
      start: '2026-12-07T08:30:00+01:00',
      end: '2026-12-07T09:10:00+01:00',
      status: 'confirmed',
      control_type: 'CT',
      vehicle_category: 'VP',
      plate: 'AB-123-CD',
      drop_off: false,
      inspector: 'Jean Martin',
    },
  ],
};

let calls: Call[];
/** Writes the router's location, for the test to read. */
function Where() {
  const l = useLocation();
  return <output data-testid="where">{`${l.pathname}${l.search}`}</output>;
}
const where = () => screen.getByTestId('where').textContent;

function show(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/tenant/planning" element={<Planning />} />
        </Routes>
        <Where />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  localStorage.clear();
  session.set({ access_token: 'A', refresh_token: 'R' });
  calls = fakeFetch(({ url }) => {
    if (url.includes('/planning/global/centre-day')) return json(200, DAY);
    if (url.includes('/planning/global')) return json(200, PLANNING);
    if (url.includes('/agences')) return json(200, [{ id: 'ag-1', name: 'Agence Rhône' }]);
    return json(200, []);
  });
});
afterEach(() => vi.unstubAllGlobals());

const apiCalls = (part: string) => calls.map((c) => c.url).filter((u) => u.includes(part));

describe('the planning page', () => {
  it('asks for the URL’s period and shows the figures, the flagged centre first', async () => {
    show('/tenant/planning?du=2026-12-07&au=2026-12-08');
    const rows = await screen.findAllByTestId('heatmap-row');
    expect(apiCalls('/planning/global')).toEqual(['/api/v1/planning/global?from=2026-12-07&to=2026-12-08']);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Centre Lyon 3 (alerte de remplissage)95 %', 'Centre Bron10 %']);
    expect(rows[0]).toHaveAttribute('data-warning', 'true');
    const figures = screen.getByTestId('planning-figures');
    expect(within(figures).getByText('68,3 %')).toBeInTheDocument();
    expect(within(figures).getByText('Centres en alerte (≥ 90 %)')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Légende des couleurs' })).toHaveTextContent('90 % et plus (alerte)');
  });

  it('says each day cell in full, a closed day included', async () => {
    show('/tenant/planning?du=2026-12-07&au=2026-12-08');
    const full = await screen.findByRole('button', { name: 'Centre Lyon 3, lundi 7 décembre 2026 : 29 réservations sur 30 (96,7 %)' });
    expect(full).toHaveTextContent('97');
    expect(full).toHaveAttribute('title', full.getAttribute('aria-label'));
    expect(screen.getByRole('button', { name: 'Centre Bron, mardi 8 décembre 2026 : fermé' })).toHaveTextContent('—');
  });

  it('opens a centre’s day from its cell, its bookings listed, and keeps it in the URL', async () => {
    show('/tenant/planning?du=2026-12-07&au=2026-12-08');
    await userEvent.click(await screen.findByRole('button', { name: /^Centre Lyon 3, lundi 7 décembre/ }));
    const panel = await screen.findByRole('dialog', { name: 'Centre Lyon 3 — lundi 7 décembre 2026' });
    expect(await within(panel).findByTestId('day-booking')).toHaveTextContent('08:30 – 09:10 · PTI-AB12');
    expect(within(panel).getByTestId('day-fill')).toHaveTextContent('29 réservations sur 30 (96,7 %)');
    expect(apiCalls('centre-day')).toEqual(['/api/v1/planning/global/centre-day?centre_id=c-lyon&date=2026-12-07']);
    expect(where()).toBe('/tenant/planning?du=2026-12-07&au=2026-12-08&detail=c-lyon_2026-12-07');
    await userEvent.click(within(panel).getByRole('button', { name: 'Fermer' }));
    expect(where()).toBe('/tenant/planning?du=2026-12-07&au=2026-12-08');
  });

  it('shows the hours of the period, and filters by agency in the URL', async () => {
    show('/tenant/planning?du=2026-12-07&au=2026-12-08');
    await userEvent.click(await screen.findByRole('button', { name: 'Par heure' }));
    const table = await screen.findByTestId('heatmap-hours');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Centre', '8 h', '9 h', '10 h', '11 h', '12 h', '13 h', '14 h']);
    expect(within(table).getAllByText('Centre Lyon 3, de 9 h à 10 h : 38 réservations sur 10 (380 %)')).toHaveLength(1);
    expect(where()).toContain('vue=heures');
    await userEvent.selectOptions(screen.getByLabelText('Agence'), 'ag-1');
    expect(where()).toContain('agence=ag-1');
    expect(apiCalls('/planning/global').at(-1)).toBe('/api/v1/planning/global?from=2026-12-07&to=2026-12-08&agency_id=ag-1');
  });

  it('names a wrong period next to its field and asks the server nothing', async () => {
    show('/tenant/planning?du=2026-12-01&au=2027-01-15');
    expect(await screen.findByText('Période invalide')).toBeInTheDocument();
    expect(screen.getByLabelText('Au')).toHaveAccessibleDescription(/31 jours au plus\./);
    expect(apiCalls('/planning/global')).toEqual([]);
  });
});
