import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/api/client';
import { fakeFetch, json } from '@/api/testing';
import type { Tokens } from '@/api/types';
import { LandOnOwnPortal, ServedPortals, homeAmong, landingAmong, useLandAfterSignIn } from './landing';
import type { Role } from './roles';

const SERVED = ['/tenant', '/'];

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname}</p>;
}

/** Renders `element` at `path` in an app serving the tenant and client portals. */
function at(path: string, element: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ServedPortals homes={SERVED}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path={new URL(path, 'http://x').pathname} element={element} />
            <Route path="*" element={<Where />} />
          </Routes>
        </MemoryRouter>
      </ServedPortals>
    </QueryClientProvider>,
  );
}

function signedInAs(role: Role) {
  session.set({ access_token: 'A', refresh_token: 'R' });
  fakeFetch(() => json(200, { id: 'u1', role, first_name: 'Jean', last_name: 'Dupont' }));
}

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('where each role lands', () => {
  it.each([
    ['ADMIN_TENANT', '/tenant', '/tenant'],
    ['ADMIN_AGENCE', '/tenant', '/tenant'],
    ['CLIENT', '/', '/mes-rdv'],
    // Their portals come later: until then they work where they always did.
    ['SUPER_ADMIN', '/mes-rdv', '/mes-rdv'],
    ['ADMIN_CT', '/mes-rdv', '/mes-rdv'],
    ['CONTROLEUR', '/mes-rdv', '/mes-rdv'],
    ['CALL_CENTER', '/mes-rdv', '/mes-rdv'],
  ])('%s: home %s, lands on %s after signing in', (role, home, landing) => {
    expect(homeAmong(role, SERVED)).toBe(home);
    expect(landingAmong(role, SERVED)).toBe(landing);
  });

  it('sends a staff role to its portal once the app serves it', () => {
    expect(homeAmong('CALL_CENTER', ['/callcenter', '/'])).toBe('/callcenter');
  });
});

describe('opening the app with a session', () => {
  it('sends a tenant admin from the client home to the tenant portal', async () => {
    signedInAs('ADMIN_TENANT');
    at('/', <LandOnOwnPortal>client home</LandOnOwnPortal>);
    expect(await screen.findByTestId('where')).toHaveTextContent('/tenant');
  });

  it('keeps a client, and a role whose portal is not served yet, on the client home', async () => {
    signedInAs('CALL_CENTER');
    at('/', <LandOnOwnPortal>client home</LandOnOwnPortal>);
    expect(await screen.findByText('client home')).toBeInTheDocument();
  });

  it('shows a guest the client home at once', () => {
    at('/', <LandOnOwnPortal>client home</LandOnOwnPortal>);
    expect(screen.getByText('client home')).toBeInTheDocument();
  });
});

function SignIn({ tokens }: { tokens: Tokens }) {
  const land = useLandAfterSignIn();
  return <button onClick={() => land(tokens)}>signed in</button>;
}

const tokens = (role: Role): Tokens => ({
  access_token: 'A',
  refresh_token: 'R',
  token_type: 'Bearer',
  expires_in: 3600,
  user: { id: 'u1', tenant_id: 't1', email: 'a@b.fr', phone: null, first_name: 'A', last_name: 'B', role, notification_prefs: {}, status: 'active', created_at: '' },
});

describe('after signing in', () => {
  it.each([
    ['ADMIN_TENANT', '/tenant'],
    ['ADMIN_AGENCE', '/tenant'],
    ['CLIENT', '/mes-rdv'],
    ['CONTROLEUR', '/mes-rdv'],
  ] as const)('%s lands on %s', async (role, where) => {
    at('/connexion', <SignIn tokens={tokens(role)} />);
    await userEvent.click(screen.getByRole('button', { name: 'signed in' }));
    expect(await screen.findByTestId('where')).toHaveTextContent(where);
  });

  it('goes back to the page the visitor came from', async () => {
    at('/connexion?next=%2Ftenant%2Futilisateurs', <SignIn tokens={tokens('ADMIN_TENANT')} />);
    await userEvent.click(screen.getByRole('button', { name: 'signed in' }));
    expect(await screen.findByTestId('where')).toHaveTextContent('/tenant/utilisateurs');
  });

  it('asks the server who signed in when the tokens do not say', async () => {
    signedInAs('ADMIN_AGENCE');
    at('/connexion', <SignIn tokens={{ ...tokens('CLIENT'), user: undefined }} />);
    await userEvent.click(screen.getByRole('button', { name: 'signed in' }));
    expect(await screen.findByTestId('where')).toHaveTextContent('/tenant');
  });
});
