import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/api/client';
import { fakeFetch, json, type Call } from '@/api/testing';
import { ServedPortals } from '@/features/auth/landing';
import SetPassword from './SetPassword';

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

function open(search: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ServedPortals homes={['/tenant', '/']}>
        <MemoryRouter initialEntries={[`/definir-mot-de-passe${search}`]}>
          <Routes>
            <Route path="/definir-mot-de-passe" element={<SetPassword />} />
            <Route path="*" element={<Where />} />
          </Routes>
        </MemoryRouter>
      </ServedPortals>
    </QueryClientProvider>,
  );
}

const TOKENS = {
  access_token: 'A',
  refresh_token: 'R',
  token_type: 'Bearer',
  expires_in: 3600,
  user: { id: 'u1', tenant_id: 't1', email: 'paul@exemple.fr', phone: null, first_name: 'Paul', last_name: 'Durand', role: 'ADMIN_AGENCE', notification_prefs: {}, status: 'active', created_at: '' },
};

async function choose(password: string, confirm = password) {
  await userEvent.type(screen.getByLabelText(/^Mot de passe/), password);
  await userEvent.type(screen.getByLabelText(/Confirmer/), confirm);
  await userEvent.click(screen.getByRole('button', { name: 'Enregistrer et me connecter' }));
}

let calls: Call[];
beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('the set-password page', () => {
  it('holds the sign-up’s password rule, typed twice', async () => {
    calls = fakeFetch(() => json(200, TOKENS));
    open('?token=tok-1');
    await choose('court1');
    expect(await screen.findByText('8 caractères minimum.')).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText(/^Mot de passe/));
    await userEvent.clear(screen.getByLabelText(/Confirmer/));
    await choose('Agence2026', 'Agence2027');
    expect(await screen.findByText('Les mots de passe diffèrent.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('sets the password with the link’s token, signs the person in and lands on their portal', async () => {
    calls = fakeFetch(() => json(200, TOKENS));
    open('?token=tok-1');
    await choose('Agence2026');
    expect(await screen.findByTestId('where')).toHaveTextContent('/tenant');
    expect(calls[0]!.url).toBe('/api/v1/auth/set-password');
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ token: 'tok-1', password: 'Agence2026' });
    expect(session.get()).toEqual({ access_token: 'A', refresh_token: 'R' });
  });

  it('explains a used or expired link in French, and what to do', async () => {
    fakeFetch(() => json(422, { code: 'INVALID_TOKEN', message: 'invalid or expired token', details: {} }));
    open('?token=spent');
    await choose('Agence2026');
    const dead = await screen.findByTestId('invalid-token');
    expect(dead).toHaveTextContent('Ce lien n’est plus valable : il a déjà servi ou il a expiré.');
    expect(dead).toHaveTextContent('Demandez à l’administrateur de votre réseau de vous inviter à nouveau');
    expect(screen.getByRole('link', { name: 'connectez-vous' })).toHaveAttribute('href', '/connexion');
    expect(dead).not.toHaveTextContent('invalid or expired');
  });

  it('says a link without a token is incomplete', () => {
    open('');
    expect(screen.getByTestId('invalid-token')).toHaveTextContent('Ce lien est incomplet');
    expect(screen.queryByRole('button', { name: 'Enregistrer et me connecter' })).not.toBeInTheDocument();
  });
});
