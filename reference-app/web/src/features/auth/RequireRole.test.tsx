import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/api/client';
import { fakeFetch, json } from '@/api/testing';
import { ServedPortals } from './landing';
import { RequireRole } from './RequireRole';
import type { Role } from './roles';

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

/** Opens /profil?tab=vehicules, guarded for `roles`, as a user of `role` (signed out if null). */
function visitAs(role: Role | null, roles?: Role[]) {
  if (role) {
    session.set({ access_token: 'A', refresh_token: 'R' });
    fakeFetch(() => json(200, { id: 'u1', role, first_name: 'Jean' }));
  }
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/profil?tab=vehicules']}>
        <Routes>
          <Route
            path="/profil"
            element={
              <RequireRole roles={roles}>
                <p>Mon profil</p>
              </RequireRole>
            }
          />
          <Route path="*" element={<Where />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('RequireRole', () => {
  it('sends a signed-out visitor to sign in, and back to the page after', () => {
    visitAs(null, ['CLIENT']);
    expect(screen.getByTestId('where')).toHaveTextContent('/connexion?next=%2Fprofil%3Ftab%3Dvehicules');
  });

  it('lets a client in where clients belong', async () => {
    visitAs('CLIENT', ['CLIENT']);
    expect(await screen.findByText('Mon profil')).toBeInTheDocument();
  });

  it('lets any signed-in user in when no role is named', () => {
    visitAs('CALL_CENTER');
    expect(screen.getByText('Mon profil')).toBeInTheDocument();
  });

  it('sends a user of another role to the home of their portal', async () => {
    visitAs('CALL_CENTER', ['CLIENT']);
    expect(await screen.findByTestId('where')).toHaveTextContent('/callcenter');
  });
});

describe('RequireRole over a whole portal', () => {
  /** Opens /tenant, guarded for tenant admins with the 403 page, as a user of `role`. */
  function openTenantAs(role: Role) {
    session.set({ access_token: 'A', refresh_token: 'R' });
    fakeFetch(() => json(200, { id: 'u1', role, first_name: 'Jean' }));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <ServedPortals homes={['/tenant', '/']}>
          <MemoryRouter initialEntries={['/tenant']}>
            <Routes>
              <Route
                path="/tenant"
                element={
                  <RequireRole roles={['ADMIN_TENANT', 'ADMIN_AGENCE']} otherRoles="forbidden">
                    <p>Espace réseau</p>
                  </RequireRole>
                }
              />
              <Route path="*" element={<Where />} />
            </Routes>
          </MemoryRouter>
        </ServedPortals>
      </QueryClientProvider>,
    );
  }

  it('shows another role the French 403 page, with the way back to its own home', async () => {
    openTenantAs('CLIENT');
    expect(await screen.findByRole('heading', { name: 'Accès refusé' })).toBeInTheDocument();
    expect(screen.getByText('Client')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Retour à mon espace' })).toHaveAttribute('href', '/');
  });

  it('sends a role whose portal is not served yet back to where it works meanwhile', async () => {
    openTenantAs('CALL_CENTER');
    expect(await screen.findByRole('link', { name: 'Retour à mon espace' })).toHaveAttribute('href', '/mes-rdv');
  });

  it('lets an agency admin in', async () => {
    openTenantAs('ADMIN_AGENCE');
    expect(await screen.findByText('Espace réseau')).toBeInTheDocument();
  });
});
