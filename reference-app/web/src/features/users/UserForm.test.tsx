import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/api/client';
import { fakeFetch, header, json, type Call } from '@/api/testing';
import type { Agency, NetworkCentre, StaffUser } from '@/api/types';
import { grantableBy } from './grants';
import { UserForm } from './UserForm';

const agency = (id: string, name: string) => ({ id, name }) as Agency;
const centre = (id: string, agency_id: string, name: string) => ({ id, agency_id, name }) as NetworkCentre;
const AGENCIES = [agency('a1', 'Agence Paris'), agency('a2', 'Agence Lyon')];
const CENTRES = [centre('c1', 'a1', 'CT Paris 15'), centre('c2', 'a1', 'CT Paris 12'), centre('c3', 'a2', 'CT Lyon 3')];

const SAVED: StaffUser = {
  id: 'u9',
  email: 'paul.durand@exemple.fr',
  first_name: 'Paul',
  last_name: 'Durand',
  phone: null,
  role: 'CONTROLEUR',
  agency_id: 'a1',
  centre_id: 'c1',
  status: 'invited',
  last_login_at: null,
  created_at: '2026-11-01T10:00:00Z',
};

function open({ user, role = 'ADMIN_TENANT', agencies = AGENCIES }: { user?: StaffUser; role?: string; agencies?: Agency[] } = {}) {
  const saved = vi.fn();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <UserForm user={user} grantable={grantableBy(role)} agencies={agencies} centres={CENTRES} onSaved={saved} onCancel={vi.fn()} />
    </QueryClientProvider>,
  );
  return saved;
}

const field = (label: string | RegExp) => screen.getByLabelText(label);
const errorOf = (label: string | RegExp) => {
  const describedBy = field(label).getAttribute('aria-describedby') ?? '';
  return describedBy
    .split(' ')
    .map((id) => document.getElementById(id))
    .find((el) => el?.getAttribute('role') === 'alert')?.textContent;
};

async function fillNewControleur() {
  await userEvent.type(field(/Prénom/), 'Paul');
  await userEvent.type(field(/^Nom/), 'Durand');
  await userEvent.type(field(/E-mail/), 'paul.durand@exemple.fr');
  await userEvent.selectOptions(field(/Rôle/), 'CONTROLEUR');
  await userEvent.selectOptions(field(/Agence/), 'a1');
  await userEvent.selectOptions(field(/Centre/), 'c1');
}

let calls: Call[];
beforeEach(() => {
  localStorage.clear();
  session.set({ access_token: 'A', refresh_token: 'R' });
});
afterEach(() => vi.unstubAllGlobals());

describe('UserForm', () => {
  it('offers the roles the signed-in admin may grant, and the scope each one needs', async () => {
    calls = fakeFetch(() => json(201, SAVED));
    open();
    const roles = within(field(/Rôle/) as HTMLElement).getAllByRole('option').map((o) => o.textContent);
    expect(roles).toEqual(['Choisir un rôle…', 'Administrateur du réseau', 'Responsable d’agence', 'Chef de centre', 'Contrôleur', 'Conseiller du centre d’appels']);
    expect(screen.queryByLabelText(/Agence/)).not.toBeInTheDocument();
    await userEvent.selectOptions(field(/Rôle/), 'ADMIN_AGENCE');
    expect(field(/Agence/)).toBeRequired();
    expect(screen.queryByLabelText(/Centre/)).not.toBeInTheDocument();
    await userEvent.selectOptions(field(/Rôle/), 'CONTROLEUR');
    // The agency narrows the centres offered.
    await userEvent.selectOptions(field(/Agence/), 'a2');
    expect(within(field(/Centre/) as HTMLElement).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choisir un centre…', 'CT Lyon 3']);
    await userEvent.selectOptions(field(/Rôle/), 'CALL_CENTER');
    expect(screen.queryByLabelText(/Agence/)).not.toBeInTheDocument();
  });

  it('offers an agency admin the staff of its centres only', () => {
    fakeFetch(() => json(201, SAVED));
    open({ role: 'ADMIN_AGENCE', agencies: [AGENCIES[0]!] });
    expect(within(field(/Rôle/) as HTMLElement).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choisir un rôle…', 'Chef de centre', 'Contrôleur']);
  });

  it('says in French what is missing before sending anything', async () => {
    calls = fakeFetch(() => json(201, SAVED));
    open();
    await userEvent.selectOptions(field(/Rôle/), 'ADMIN_CT');
    await userEvent.click(screen.getByRole('button', { name: 'Créer et inviter' }));
    expect(errorOf(/Prénom/)).toBe('Prénom requis.');
    expect(errorOf(/^Nom/)).toBe('Nom requis.');
    expect(errorOf(/E-mail/)).toBe('Adresse e-mail requise.');
    expect(errorOf(/Centre/)).toBe('Choisissez le centre.');
    expect(calls).toHaveLength(0);
  });

  it('creates the account with the centre its role needs, once per submission', async () => {
    calls = fakeFetch(() => json(201, SAVED));
    const saved = open();
    await fillNewControleur();
    await userEvent.click(screen.getByRole('button', { name: 'Créer et inviter' }));
    await vi.waitFor(() => expect(saved).toHaveBeenCalledWith(SAVED));
    expect(calls[0]!.url).toBe('/api/v1/users');
    expect(calls[0]!.init.method).toBe('POST');
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ email: 'paul.durand@exemple.fr', first_name: 'Paul', last_name: 'Durand', role: 'CONTROLEUR', centre_id: 'c1' });
    expect(header(calls[0]!, 'Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    [409, 'EMAIL_TAKEN', {}, /E-mail/, 'Un compte utilise déjà cette adresse e-mail.'],
    [403, 'ROLE_NOT_GRANTABLE', {}, /Rôle/, 'Vous ne pouvez pas attribuer ce rôle sur ce périmètre.'],
    [422, 'VALIDATION', { field: 'centre_id', reason: 'not in your agency' }, /Centre/, 'Choisissez un centre de votre périmètre.'],
  ])('puts a %i %s next to its field, in French', async (status, code, details, label, french) => {
    calls = fakeFetch(() => json(status, { code, message: 'English', details }));
    const saved = open();
    await fillNewControleur();
    await userEvent.click(screen.getByRole('button', { name: 'Créer et inviter' }));
    await vi.waitFor(() => expect(errorOf(label)).toBe(french));
    expect(saved).not.toHaveBeenCalled();
  });

  it('sends the same submission again with its key after a network failure, a new one after an answer', async () => {
    let answer: 'network' | 'refused' = 'network';
    calls = fakeFetch(() => (answer === 'network' ? Promise.reject(new TypeError('Failed to fetch')) : json(409, { code: 'EMAIL_TAKEN', message: '', details: {} })));
    open();
    await fillNewControleur();
    const submit = screen.getByRole('button', { name: 'Créer et inviter' });
    await userEvent.click(submit);
    await screen.findByText(/Connexion au serveur impossible/);
    answer = 'refused';
    await userEvent.click(submit);
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    await userEvent.click(submit);
    await vi.waitFor(() => expect(calls).toHaveLength(3));
    const [first, second, third] = calls.map((c) => header(c, 'Idempotency-Key'));
    expect(second).toBe(first);
    expect(third).not.toBe(second);
  });

  it('edits an account: the e-mail stays, only what changed is sent', async () => {
    calls = fakeFetch(() => json(200, { ...SAVED, first_name: 'Pauline' }));
    const saved = open({ user: SAVED });
    expect(field(/E-mail/)).toHaveAttribute('readonly');
    expect(field(/Agence/)).toHaveValue('a1');
    expect(field(/Centre/)).toHaveValue('c1');
    await userEvent.clear(field(/Prénom/));
    await userEvent.type(field(/Prénom/), 'Pauline');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await vi.waitFor(() => expect(saved).toHaveBeenCalled());
    expect(calls[0]!.url).toBe('/api/v1/users/u9');
    expect(calls[0]!.init.method).toBe('PUT');
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ first_name: 'Pauline' });
  });
});
