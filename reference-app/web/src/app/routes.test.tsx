// The app's router as a whole: each role lands on its portal, the tenant portal lets in its
// roles only (others get the French 403 page), a signed-out visitor signs in first.
import { render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/api/client';
import { fakeFetch, json } from '@/api/testing';
import type { Role } from '@/features/auth/roles';
import { ToastProvider } from '@/ui';
import { AppRoutes } from './routes';

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

/** Opens `path` as a user of `role` (signed out if null), against a small fake API. */
function open(path: string, role: Role | null) {
  if (role) session.set({ access_token: 'A', refresh_token: 'R' });
  fakeFetch(({ url }) => {
    const { pathname } = new URL(url, 'http://portal');
    if (pathname === '/api/v1/users/me') return json(200, { id: 'u1', role, first_name: 'Alice', last_name: 'Martin', email: 'a@b.fr' });
    if (pathname === '/api/v1/tenant') return json(200, { id: 't1', slug: 'caf', name: 'Contrôle Auto France' });
    if (pathname === '/api/v1/users') return json(200, { items: [], next_cursor: null, total: 0 });
    if (pathname === '/api/v1/agences' || pathname === '/api/v1/cts') return json(200, []);
    if (pathname === '/api/v1/admin/dashboard/stats') {
      const kpis = { active_users: 1, bookings: 0, bookings_previous: 0, revenue_cents: 0, revenue_previous_cents: 0 };
      return json(200, { month: '2026-12', kpis, months: [], funnel: { searches: 0, slot_views: 0, holds: 0, paid: 0 }, top_agencies: [], recent: [] });
    }
    return json(200, {});
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <MemoryRouter initialEntries={[path]}>
          <AppRoutes />
          <Where />
        </MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
}

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

// The first screen of a portal is a lazy chunk: under a busy CI machine its import may take over
// the one second findBy waits by default.
describe('the portals of the app', () => {
  it('opens the tenant portal on its dashboard for a tenant admin, in the staff shell', async () => {
    open('/tenant', 'ADMIN_TENANT');
    expect(await screen.findByRole('heading', { level: 1, name: 'Tableau de bord' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent(/^\/tenant$/);
    expect(await screen.findByTestId('kpis', {}, { timeout: 5000 })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Navigation : Espace réseau' });
    expect(within(nav).getAllByRole('link')[0]).toHaveAccessibleName('Tableau de bord');
    expect(within(nav).getByRole('link', { name: 'Tableau de bord' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Utilisateurs' })).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('navigation', { name: "Fil d'Ariane" })).toHaveTextContent('Espace réseau/Tableau de bord');
    expect(screen.getByRole('banner')).toHaveTextContent('Alice Martin');
    expect(await screen.findByText(/Contrôle Auto France/)).toBeInTheDocument();
  });

  it('sends a tenant admin who opens the app to the tenant portal', async () => {
    open('/', 'ADMIN_TENANT');
    expect(await screen.findByRole('heading', { level: 1, name: 'Tableau de bord' }, { timeout: 5000 })).toBeInTheDocument();
  });

  it('shows a client who opens the tenant portal the French 403 page', async () => {
    open('/tenant/utilisateurs', 'CLIENT');
    expect(await screen.findByRole('heading', { name: 'Accès refusé' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Retour à mon espace' })).toHaveAttribute('href', '/');
    expect(screen.queryByRole('heading', { name: 'Utilisateurs' })).not.toBeInTheDocument();
  });

  it('asks a signed-out visitor of the tenant portal to sign in, to come back after', async () => {
    open('/tenant/utilisateurs', null);
    expect(await screen.findByRole('heading', { name: 'Connexion' })).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent('/connexion?next=%2Ftenant%2Futilisateurs');
  });

  it('still serves the client portal to a guest', async () => {
    open('/mes-rdv', null);
    expect(await screen.findByRole('heading', { level: 1, name: 'Mes rendez-vous' })).toBeInTheDocument();
  });
});
