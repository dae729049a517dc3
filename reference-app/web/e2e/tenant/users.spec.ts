// The tenant portal's users page against an in-memory API (e2e/fixtures/fake-staff-api.ts), at
// 1280, 768 and 390 px: the list (search, filters, sort, pages, columns), create, edit,
// deactivate, reactivate, delete, bulk deactivate, the server's refusals, the error state.
import { expect, test } from '@playwright/test';
import { installFakeStaffApi, type FakeStaffApi } from '../fixtures/fake-staff-api';
import { UsersPage } from '../fixtures/staff';

let api: FakeStaffApi;
let users: UsersPage;
test.beforeEach(async ({ page }) => {
  api = await installFakeStaffApi(page);
  users = new UsersPage(page);
});

/** The query strings of the list's calls so far. */
const listCalls = () => api.calls.filter((c) => c.path === '/users' && c.method === 'GET').map((c) => Object.fromEntries(c.query));

test.describe('tenant users (in-memory API)', () => {
  test('lists the accounts by pages of the server, forward and back', async () => {
    await users.open();
    await expect(users.rows).toHaveCount(25);
    await expect(users.table.getByTestId('table-total')).toHaveText('33 résultats');
    expect(listCalls().at(-1)).toEqual({ sort: 'name', order: 'asc', limit: '25' });
    await users.table.getByTestId('table-next').click();
    await expect(users.rows).toHaveCount(8);
    await expect(users.table.getByTestId('table-page')).toHaveText('Page 2 sur 2');
    expect(listCalls().at(-1)).toMatchObject({ cursor: '25' });
    await users.table.getByTestId('table-previous').click();
    await expect(users.rows).toHaveCount(25);
    expect(listCalls().at(-1)).not.toHaveProperty('cursor');
  });

  test('searches once the typing pauses, filters and sorts on the server', async ({ page }) => {
    await users.open();
    await users.search('durand');
    await expect.poll(() => listCalls().at(-1)?.q).toBe('durand');
    expect(listCalls().filter((c) => c.q && c.q !== 'durand')).toEqual([]);
    await expect(users.rows.first()).toContainText('Durand');
    await users.search('');
    await users.filter('Rôle', 'Contrôleur');
    await users.filter('Statut', 'Actifs');
    await expect.poll(() => listCalls().at(-1)).toMatchObject({ role: 'CONTROLEUR', status: 'active' });
    for (const row of await users.rows.all()) await expect(row).toContainText('Contrôleur');

    // The centres offered follow the agency chosen.
    await users.filter('Agence', 'Agence Lyon');
    await expect(users.table.getByRole('combobox', { name: 'Centre', exact: true }).getByRole('option')).toHaveText(['Tous les centres', 'CT Lyon 3']);
    await expect.poll(() => listCalls().at(-1)).toMatchObject({ agency_id: 'a2' });

    const email = page.getByRole('columnheader', { name: /E-mail/ });
    await email.getByRole('button').click();
    await expect(email).toHaveAttribute('aria-sort', 'ascending');
    await expect.poll(() => listCalls().at(-1)).toMatchObject({ sort: 'email', order: 'asc' });
    await email.getByRole('button').click();
    await expect(email).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(() => listCalls().at(-1)).toMatchObject({ sort: 'email', order: 'desc' });
  });

  test('shows the columns chosen, and keeps the choice', async ({ page }) => {
    await users.open();
    await expect(page.getByRole('columnheader', { name: 'Téléphone' })).toHaveCount(0);
    await users.table.getByRole('button', { name: 'Colonnes' }).click();
    await page.getByRole('group', { name: 'Colonnes affichées' }).getByLabel('Téléphone').check();
    await expect(page.getByRole('columnheader', { name: 'Téléphone' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('columnheader', { name: 'Téléphone' })).toBeVisible();
  });

  test('creates a centre inspector: invited by e-mail, listed at once', async ({ page }) => {
    await users.open();
    const form = await users.create({ first_name: 'Paul', last_name: 'Lefèvre', email: 'paul.lefevre@controle-auto-france.fr', role: 'Contrôleur', agency: 'Agence Paris', centre: 'CT Paris 12' });
    await expect(form).toBeHidden();
    await expect(users.toast('Invitation envoyée à paul.lefevre@controle-auto-france.fr.')).toBeVisible();
    const created = api.calls.find((c) => c.path === '/users' && c.method === 'POST')!;
    expect(created.body).toEqual({ email: 'paul.lefevre@controle-auto-france.fr', first_name: 'Paul', last_name: 'Lefèvre', role: 'CONTROLEUR', centre_id: 'c2' });
    expect(created.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    await users.search('lefèvre');
    await expect(users.row('Paul Lefèvre')).toContainText('CT Paris 12');
    await expect(users.row('Paul Lefèvre')).toContainText('Invité');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('checks the form before sending, and shows the server’s refusals next to their field', async ({ page }) => {
    await users.open();
    await page.getByRole('button', { name: 'Nouvel utilisateur' }).click();
    const form = page.getByRole('dialog', { name: 'Nouvel utilisateur' });
    await form.getByLabel('Rôle').selectOption({ label: 'Responsable d’agence' });
    await form.getByRole('button', { name: 'Créer et inviter' }).click();
    await expect(form.getByText('Prénom requis.')).toBeVisible();
    await expect(form.getByText('Adresse e-mail requise.')).toBeVisible();
    await expect(form.getByText('Choisissez l’agence.')).toBeVisible();
    expect(api.calls.filter((c) => c.method === 'POST')).toEqual([]);

    await form.getByRole('button', { name: 'Annuler' }).click();
    const taken = api.users[1]!;
    const again = await users.create({ first_name: 'Anne', last_name: 'Autre', email: taken.email, role: 'Conseiller du centre d’appels' });
    const email = again.getByLabel('E-mail');
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(again.getByText('Un compte utilise déjà cette adresse e-mail.')).toBeVisible();
    await expect(email).toBeFocused();
  });

  test('edits an account: only what changed is sent', async ({ page }) => {
    await users.open();
    const name = await users.rows.nth(1).getByRole('cell').nth(1).textContent();
    await users.act(name!, 'Modifier');
    const form = page.getByRole('dialog', { name: `Modifier ${name}` });
    await expect(form.getByLabel('E-mail')).toHaveAttribute('readonly', '');
    await form.getByLabel('Téléphone').fill('06 99 88 77 66');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(users.toast('Modifications enregistrées.')).toBeVisible();
    expect(api.calls.find((c) => c.method === 'PUT')!.body).toEqual({ phone: '06 99 88 77 66' });
  });

  test('deactivates, reactivates and deletes an account after confirming', async ({ page }) => {
    await users.open();
    await users.search('camille');
    const name = 'Camille Martin';
    await expect(users.row(name)).toContainText('Actif');
    await users.act(name, 'Désactiver');
    await expect(page.getByRole('dialog', { name: `Désactiver ${name} ?` })).toContainText('Les sessions ouvertes sont fermées immédiatement');
    await users.confirm();
    await expect(users.toast(`${name} est désactivé : ses sessions sont fermées.`)).toBeVisible();
    await expect(users.row(name)).toContainText('Désactivé');
    await users.act(name, 'Réactiver');
    await users.confirm();
    await expect(users.row(name)).toContainText('Actif');
    expect(api.calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([{ status: 'disabled' }, { status: 'active' }]);

    await users.act(name, 'Supprimer');
    await expect(page.getByRole('dialog', { name: `Supprimer le compte de ${name} ?` })).toContainText('ne peut pas être annulée');
    await users.confirm();
    await expect(users.toast(`Le compte de ${name} est supprimé.`)).toBeVisible();
    await expect(users.row(name)).toHaveCount(0);
  });

  test('edits one’s own name but not one’s own access', async ({ page }) => {
    await users.open();
    await users.search('alice');
    await page.getByRole('button', { name: 'Actions pour Alice Admin' }).click();
    await expect(page.getByRole('menuitem', { name: 'Désactiver' })).toHaveAttribute('aria-disabled', 'true');
    await expect(page.getByRole('menuitem', { name: 'Supprimer' })).toHaveAttribute('aria-disabled', 'true');
    await page.getByRole('menuitem', { name: 'Modifier' }).click();
    const form = page.getByRole('dialog', { name: 'Modifier Alice Admin' });
    await expect(form.getByLabel('Rôle')).toHaveCount(0);
    await expect(form.getByTestId('user-own-access')).toContainText('Administrateur du réseau');
  });

  test('lists the network’s clients, whose accounts are theirs to manage', async ({ page }) => {
    await users.open();
    await users.filter('Rôle', 'Client');
    await expect(users.rows).toHaveCount(2);
    await expect(users.row('Claire Fontaine')).toContainText('Tout le réseau');
    await expect(page.getByRole('button', { name: /^Actions pour/ })).toHaveCount(0);
  });

  test('deactivates several accounts at once', async ({ page }) => {
    await users.open();
    await users.filter('Statut', 'Actifs');
    await expect(users.rows.filter({ hasNotText: 'Actif' })).toHaveCount(0);
    const shown = await Promise.all((await users.rows.all()).map(async (row) => (await row.getByRole('cell').nth(1).textContent())!));
    const names = shown.filter((n) => n !== 'Alice Admin').slice(0, 3);
    for (const name of names) await page.getByRole('checkbox', { name: `Sélectionner ${name}` }).check();
    const bar = page.getByRole('region', { name: 'Actions sur la sélection' });
    await expect(bar).toContainText('3 lignes sélectionnées');
    await bar.getByRole('button', { name: 'Désactiver' }).click();
    await expect(page.getByRole('dialog', { name: 'Désactiver 3 compte(s) ?' })).toBeVisible();
    await users.confirm();
    await expect(users.toast('3 comptes désactivés.')).toBeVisible();
    await expect(bar).toBeHidden();
    expect(api.calls.filter((c) => c.method === 'PUT')).toHaveLength(3);
    for (const name of names) await expect(users.row(name)).toHaveCount(0);
  });

  test('explains in French when the list cannot be loaded, and tries again', async ({ page }) => {
    let fail = true;
    await page.route('**/api/v1/users?*', (route) =>
      fail ? route.fulfill({ status: 503, contentType: 'application/json', body: '{"code":"UNAVAILABLE","message":"database is down","details":{}}' }) : route.fallback(),
    );
    await page.goto('/tenant/utilisateurs');
    const error = page.getByTestId('error-state');
    await expect(error).toContainText('Le service est momentanément indisponible.');
    await expect(error).not.toContainText('database');
    fail = false;
    await error.getByRole('button', { name: 'Réessayer' }).click();
    await expect(users.rows.first()).toBeVisible();
  });
});
