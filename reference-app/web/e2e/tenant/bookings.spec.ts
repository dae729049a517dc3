// The tenant portal's bookings list against the in-memory staff API
// (e2e/fixtures/fake-staff-api.ts), at 1280, 768 and 390 px (projects staff-1280, staff-768,
// staff-390): the bookings the server answers, the latest start first, in French; the period,
// the scope, the filters, the search and the order live in the address and go to the server;
// pages by cursor without a total; a period refused on its field (by the page, and by the
// server); the exports download under the server's name; an agency admin is held to its agency;
// the empty and error states; dark theme.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { BOOKING_EXPORT_HEADERS, BookingsPage, wallClock } from '../fixtures/bookings';
import { plain } from '../fixtures/dashboard';
import { ADMIN, installFakeStaffApi, type FakeStaffApi } from '../fixtures/fake-staff-api';
import { parisDay } from '../fixtures/pages';
import { StaffShell } from '../fixtures/staff';

const AGENCY_ADMIN = { ...ADMIN, id: 'u9', first_name: 'Paul', role: 'ADMIN_AGENCE', agency_id: 'a1' };
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** Checks the page is no wider than the viewport (the table scrolls in its own box). */
async function fitsTheViewport(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
}

/** The query strings of the list's calls so far. */
const listCalls = (api: FakeStaffApi) => api.calls.filter((c) => c.path === '/rdv' && c.method === 'GET').map((c) => Object.fromEntries(c.query));

test.describe('bookings (in-memory API)', () => {
  test('lists the bookings the server answers, the latest start first, in French, at every width', async ({ page }) => {
    const api = await installFakeStaffApi(page);
    const bookings = new BookingsPage(page);
    await page.goto('/tenant');
    await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
    const nav = await new StaffShell(page).navigation();
    const first = bookings.nextList();
    await nav.getByRole('link', { name: 'Réservations' }).click();
    await expect(page).toHaveURL(/\/tenant\/reservations$/);
    const answer = await bookings.shown(first);
    expect(listCalls(api)).toEqual([{ sort: 'start', order: 'desc', limit: '25' }]);

    await expect(bookings.rows).toHaveCount(25);
    expect(answer.items.map((b) => b.start)).toEqual([...answer.items.map((b) => b.start)].sort((a, b) => Date.parse(b) - Date.parse(a)));
    await expect(bookings.table.getByRole('columnheader')).toHaveText(['Référence', /^Début/, 'Centre', 'Statut', 'Paiement', 'Contrôle', 'Immatriculation', 'Client', 'Prix TTC', 'Origine']);
    await expect(page.getByRole('columnheader', { name: /Début/ })).toHaveAttribute('aria-sort', 'descending');
    const top = answer.items[0]!;
    const cells = (await bookings.row(top.reference).getByRole('cell').allTextContents()).map(plain);
    const booking = api.bookings.find((b) => b.id === top.id)!;
    expect(cells).toEqual([
      top.reference,
      wallClock(top.start),
      top.centre_name,
      { confirmed: 'Confirmé', cancelled: 'Annulé', pending_payment: 'En attente de paiement' }[top.status],
      { paid: 'Payé', on_site: 'À régler au centre', refunded: 'Remboursé', partially_refunded: 'Remboursé en partie', pending: 'Paiement en cours', failed: 'Paiement refusé' }[top.payment_status],
      { CT: 'Contrôle périodique', CT_CONTRE_VISITE: 'Contre-visite', CTC: 'Contrôle complémentaire' }[top.control_type],
      top.plate,
      top.customer_name,
      plain(euros.format(booking.price_cents / 100)),
      { web: 'En ligne', call_center: 'Centre d’appels', pro: 'Espace pro', seed: 'Démonstration' }[top.source],
    ]);
    await expect(bookings.range).toHaveText('25 premiers résultats');
    await expect(bookings.table.getByTestId('table-total')).toHaveCount(0);
    await expect(bookings.table.getByTestId('table-page')).toHaveText('Page 1');
    await expect(page.getByRole('navigation', { name: "Fil d'Ariane" })).toContainText('Réservations');

    // More columns on demand: the agency, the e-mail, the creation.
    await bookings.table.getByRole('button', { name: 'Colonnes' }).click();
    await page.getByRole('group', { name: 'Colonnes affichées' }).getByLabel('Agence').check();
    await expect(bookings.row(top.reference).getByRole('cell', { name: top.agency_name })).toBeVisible();
    await page.keyboard.press('Escape');
    await fitsTheViewport(page);
  });

  test('the period, the centre, the filters, the search and the order change the address and the request; the history keeps them', async ({ page }) => {
    const api = await installFakeStaffApi(page);
    const bookings = new BookingsPage(page);
    await bookings.open();
    const today = parisDay(0);
    const week = parisDay(6);

    let answer = bookings.nextList();
    await bookings.preset('7 prochains jours').click();
    let shown = await bookings.shown(answer);
    await expect(page).toHaveURL(new RegExp(`/tenant/reservations\\?du=${today}&au=${week}$`));
    expect(listCalls(api).at(-1)).toEqual({ from: today, to: week, sort: 'start', order: 'desc', limit: '25' });
    expect(shown.items.every((b) => b.start.slice(0, 10) >= today && b.start.slice(0, 10) <= week)).toBe(true);
    await expect(bookings.preset('7 prochains jours')).toHaveAttribute('aria-pressed', 'true');
    await expect(bookings.from).toHaveValue(today);
    await expect(bookings.to).toHaveValue(week);

    answer = bookings.nextList();
    await bookings.preset('30 derniers jours').click();
    await bookings.shown(answer);
    answer = bookings.nextList();
    await bookings.centre.selectOption({ label: 'CT Lyon 3' });
    shown = await bookings.shown(answer);
    await expect(page).toHaveURL(/&agence=a2&centre=c3$/);
    expect(listCalls(api).at(-1)).toMatchObject({ from: parisDay(-29), to: today, agency_id: 'a2', centre_id: 'c3' });
    expect(shown.items.every((b) => b.centre_name === 'CT Lyon 3')).toBe(true);
    await expect(bookings.agency).toHaveValue('a2');

    answer = bookings.nextList();
    await bookings.tableFilter('Statut').selectOption({ label: 'Terminés' });
    await bookings.shown(answer);
    answer = bookings.nextList();
    await bookings.tableFilter('Paiement').selectOption({ label: 'Payé' });
    await bookings.shown(answer);
    answer = bookings.nextList();
    await bookings.tableFilter('Contrôle').selectOption({ label: 'Contrôle périodique' });
    shown = await bookings.shown(answer);
    await expect(page).toHaveURL(/&statut=completed&paiement=paid&controle=CT$/);
    expect(listCalls(api).at(-1)).toMatchObject({ centre_id: 'c3', status: 'completed', payment_status: 'paid', control_type: 'CT' });
    for (const row of await bookings.rows.all()) await expect(row).toContainText('Terminé');

    // All the dates again, and a customer's name typed: asked once the typing pauses.
    answer = bookings.nextList();
    await bookings.preset('Toutes les dates').click();
    await bookings.shown(answer);
    const someone = api.bookings.find((b) => b.centre_id === 'c3' && b.status === 'completed' && b.payment_status === 'paid' && b.control_type === 'CT')!;
    const surname = someone.customer_name.split(' ')[1]!;
    answer = bookings.nextList();
    await bookings.search.fill(surname.toLowerCase());
    shown = await bookings.shown(answer);
    expect(listCalls(api).filter((c) => c.q && c.q !== surname.toLowerCase())).toEqual([]);
    await expect(page).toHaveURL(new RegExp(`&q=${surname.toLowerCase()}$`));
    expect(shown.items.map((b) => b.reference)).toContain(someone.reference);
    expect(shown.items.every((b) => b.customer_name.includes(surname))).toBe(true);

    // The order: by creation, the oldest first.
    answer = bookings.nextList();
    await bookings.order.selectOption({ label: 'Création : anciennes d’abord' });
    await bookings.shown(answer);
    await expect(page).toHaveURL(/&tri=creation&ordre=croissant$/);
    expect(listCalls(api).at(-1)).toMatchObject({ sort: 'created_at', order: 'asc' });

    // The address is the view: a reload shows it again, going back shows the one before.
    await page.reload();
    await expect(bookings.search).toHaveValue(surname.toLowerCase());
    await expect(bookings.centre).toHaveValue('c3');
    await expect(bookings.order).toHaveValue('created_at:asc');
    await page.goBack();
    await expect(page).not.toHaveURL(/tri=creation/);
    await expect(bookings.order).toHaveValue('start:desc');
    await page.goBack();
    await expect(bookings.search).toHaveValue('');
  });

  test('finds a booking by its reference or its plate in any form', async ({ page }) => {
    const api = await installFakeStaffApi(page);
    const bookings = new BookingsPage(page);
    await bookings.open();
    const wanted = api.bookings[42]!;
    let answer = bookings.nextList();
    await bookings.search.fill(wanted.reference.toLowerCase());
    let shown = await bookings.shown(answer);
    expect(shown.items.map((b) => b.reference)).toEqual([wanted.reference]);
    await expect(bookings.rows).toHaveCount(1);
    await expect(bookings.range).toHaveText('1 résultat');
    answer = bookings.nextList();
    await bookings.search.fill(wanted.plate.replace(/-/g, '').toLowerCase());
    shown = await bookings.shown(answer);
    expect(shown.items.map((b) => b.plate)).toEqual([wanted.plate]);
  });

  test('pages forward by the server’s cursor and back, without a count of the whole list', async ({ page }) => {
    const api = await installFakeStaffApi(page);
    const bookings = new BookingsPage(page);
    const first = await bookings.open();
    expect(first.next_cursor).not.toBeNull();
    let answer = bookings.nextList();
    await bookings.table.getByRole('button', { name: 'Page suivante' }).click();
    const second = await bookings.shown(answer);
    expect(listCalls(api).at(-1)).toEqual({ sort: 'start', order: 'desc', limit: '25', cursor: first.next_cursor });
    await expect(bookings.range).toHaveText('Résultats 26 à 50');
    await expect(bookings.table.getByTestId('table-page')).toHaveText('Page 2');
    expect(second.items.map((b) => b.id)).not.toContain(first.items[0]!.id);
    expect(Date.parse(second.items[0]!.start)).toBeLessThanOrEqual(Date.parse(first.items.at(-1)!.start));
    await bookings.table.getByRole('button', { name: 'Page précédente' }).click();
    await expect(bookings.row(first.items[0]!.reference)).toBeVisible();
    await expect(bookings.table.getByTestId('table-page')).toHaveText('Page 1');

    // A bigger page, from the first page again: in the address.
    answer = bookings.nextList();
    await bookings.table.getByRole('combobox', { name: 'Lignes par page' }).selectOption('100');
    await bookings.shown(answer);
    await expect(page).toHaveURL(/\?lignes=100$/);
    await expect(bookings.rows).toHaveCount(100);
    await expect(bookings.table.getByRole('combobox', { name: 'Lignes par page' }).getByRole('option')).toHaveText(['25', '50', '100']);
    answer = bookings.nextList();
    await bookings.table.getByRole('button', { name: 'Page suivante' }).click();
    await bookings.shown(answer);
    await expect(bookings.range).toHaveText(`Résultats 101 à ${api.bookings.length}`);
    await expect(bookings.table.getByRole('button', { name: 'Page suivante' })).toBeDisabled();
  });

  test('a period ending before it starts is refused on its field: by the page before asking, and by the server', async ({ page }) => {
    const api = await installFakeStaffApi(page);
    const bookings = new BookingsPage(page);
    await bookings.open();
    const asked = () => listCalls(api).length;
    const before = asked();
    await bookings.from.fill('2027-01-10');
    await bookings.to.fill('2027-01-05');
    await expect(bookings.to).toHaveAccessibleDescription('La fin précède le début.');
    await expect(bookings.to).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/\?du=2027-01-10$/);
    expect(asked()).toBe(before + 1);

    // A period the page lets through and the server refuses on `to`: its words beside the field.
    await page.route('**/api/v1/rdv?**', (route) =>
      route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ code: 'VALIDATION', message: 'to: too far from from', details: { field: 'to', reason: 'too far' } }) }),
    );
    await page.goto('/tenant/reservations?du=2027-01-01&au=2099-12-31');
    await expect(bookings.to).toHaveAccessibleDescription('Date de fin refusée : choisissez le jour du début ou un jour suivant.');
    await expect(bookings.table.getByTestId('error-state')).toContainText('Date de fin refusée');
    await expect(bookings.table.getByRole('button', { name: 'Réessayer' })).toHaveCount(0);
    await expect(page.getByRole('main')).not.toContainText('too far');
  });

  test('the exports download every booking of the filters shown, under the server’s name, and a failed one says so in French', async ({ page }) => {
    const api = await installFakeStaffApi(page);
    const bookings = new BookingsPage(page);
    const shown = await bookings.open('?centre=c2&agence=a1&statut=confirmed');
    const csv = await bookings.export('Exporter CSV');
    expect(csv.suggestedFilename()).toBe(`reservations-${parisDay(0)}.csv`);
    const file = test.info().outputPath('exports', csv.suggestedFilename());
    await csv.saveAs(file);
    const lines = readFileSync(file, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe(BOOKING_EXPORT_HEADERS.join(';'));
    expect(lines.slice(1).map((l) => l.split(';')[0])).toEqual(shown.items.map((b) => b.reference));
    const xlsx = await bookings.export('Exporter Excel');
    expect(xlsx.suggestedFilename()).toBe(`reservations-${parisDay(0)}.xlsx`);
    const exports = api.calls.filter((c) => c.path === '/rdv/export');
    const filters = { agency_id: 'a1', centre_id: 'c2', status: 'confirmed', sort: 'start', order: 'desc' };
    expect(exports.map((c) => Object.fromEntries(c.query))).toEqual([
      { format: 'csv', ...filters },
      { format: 'xlsx', ...filters },
    ]);
    expect(exports.every((c) => c.headers.authorization === 'Bearer A')).toBe(true);

    // While an export runs, its button is busy and the other waits.
    let release = () => {};
    const held = new Promise<void>((done) => (release = done));
    await page.route('**/api/v1/rdv/export?**', async (route) => {
      await held;
      await route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ code: 'UNAVAILABLE', message: 'down', details: {} }) });
    });
    await page.getByRole('button', { name: 'Exporter Excel' }).click();
    await expect(page.getByRole('button', { name: 'Exporter Excel' })).toHaveAttribute('aria-busy', 'true');
    await expect(page.getByRole('button', { name: 'Exporter CSV' })).toBeDisabled();
    release();
    await expect(page.getByText('L’export a échoué. Le service est momentanément indisponible. Réessayez dans un instant.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Exporter Excel' })).toBeEnabled();
  });

  test('an agency admin lists its agency’s bookings only, and the server’s refusal of another is French', async ({ page }) => {
    const api = await installFakeStaffApi(page, AGENCY_ADMIN);
    const bookings = new BookingsPage(page);
    const shown = await bookings.open();
    await expect(page.getByTestId('fixed-agency')).toHaveText('Agence : Agence Paris');
    await expect(bookings.agency).toHaveCount(0);
    await expect(bookings.centre.getByRole('option')).toHaveText(['Toute l’agence', 'CT Paris 12', 'CT Paris 15']);
    expect(shown.items.every((b) => b.agency_id === 'a1')).toBe(true);
    await expect(bookings.rows.filter({ hasText: 'CT Lyon 3' })).toHaveCount(0);
    expect(listCalls(api).every((c) => !c.agency_id)).toBe(true);

    await page.goto('/tenant/reservations?agence=a2');
    const failure = bookings.table.getByTestId('error-state');
    await expect(failure).toContainText('Cette information ne relève pas de votre périmètre (agence ou centre).');
    await expect(failure).not.toContainText('principal');
  });

  test('says so when nothing matches, and explains a failed load in French with a retry', async ({ page }) => {
    await installFakeStaffApi(page);
    const bookings = new BookingsPage(page);
    await bookings.open('?q=personne-introuvable');
    await expect(page.getByTestId('empty-state')).toHaveText('Aucune réservation ne correspond.Modifiez la recherche, la période ou les filtres.');

    let fail = true;
    await page.route('**/api/v1/rdv?**', (route) =>
      fail ? route.fulfill({ status: 503, contentType: 'application/json', body: '{"code":"UNAVAILABLE","message":"database is down","details":{}}' }) : route.fallback(),
    );
    await page.goto('/tenant/reservations');
    const error = bookings.table.getByTestId('error-state');
    await expect(error).toContainText('Le service est momentanément indisponible.');
    await expect(error).not.toContainText('database');
    fail = false;
    const answer = bookings.nextList();
    await error.getByRole('button', { name: 'Réessayer' }).click();
    await bookings.shown(answer);
    await expect(bookings.rows).toHaveCount(25);
  });

  test('the dark theme darkens the filters and the table, and lightens their text', async ({ page }) => {
    await installFakeStaffApi(page);
    const bookings = new BookingsPage(page);
    await bookings.open();
    const colours = () =>
      page.evaluate(() => {
        const filters = document.querySelector('[data-testid="bookings-filters"]')!;
        const table = document.querySelector('[data-testid="table-tenant-bookings"] table')!;
        const reference = table.querySelector('tbody td span')!;
        return [getComputedStyle(filters).backgroundColor, getComputedStyle(table.parentElement!).backgroundColor, getComputedStyle(reference).color];
      });
    const light = await colours();
    await page.getByRole('button', { name: 'Thème sombre' }).click();
    await expect.poll(async () => (await colours())[0]).not.toBe(light[0]);
    const dark = await colours();
    expect(dark[1]).not.toBe(light[1]);
    expect(dark[2]).not.toBe(light[2]);
    await fitsTheViewport(page);
  });
});
