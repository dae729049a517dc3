// Journeys 10 and 11 against a real pti-server (see journeys.spec.ts for how it runs): the
// network admin opens an agency and a centre in it, gives the centre its hours and prices,
// deactivates and reactivates it; then changes a seeded centre's price and finds it in the public search at once.
// Both viewport projects run against the same database one after the other: what a run creates
// carries the run's own code, and what it changes on seeded data is undone at the end.
import { expect, test, type Page } from '@playwright/test';
import { signInAs } from '../fixtures/auth';
import { StaffShell } from '../fixtures/staff';

test.describe.configure({ mode: 'serial' });

const RUN = Date.now().toString(36).toUpperCase();
const CAR_TEST = 'Prix TTC en euros : Contrôle périodique, Voiture (VP)';

/** The toast that says `text`. */
const toast = (page: Page, text: string | RegExp) => page.locator('[aria-live="polite"]').getByText(text);

/** Fills the place fields an agency and a centre share. */
async function fillPlace(page: Page, place: { code: string; name: string; address: string; postcode: string; city: string }) {
  const main = page.getByRole('main');
  await main.getByRole('textbox', { name: 'Code', exact: true }).fill(place.code);
  await main.getByRole('textbox', { name: 'Nom', exact: true }).fill(place.name);
  await main.getByRole('textbox', { name: 'Adresse', exact: true }).fill(place.address);
  await main.getByRole('textbox', { name: 'Code postal', exact: true }).fill(place.postcode);
  await main.getByRole('textbox', { name: 'Commune', exact: true }).fill(place.city);
}

/** Opens the tab `name` of the centre page shown. */
const tab = (page: Page, name: string) => page.getByRole('tab', { name }).click();

test('journeys 10–11: a network admin opens an agency, then a centre with its hours and prices, and switches it off and on', async ({ page }, info) => {
  const code = `J${RUN}${info.project.name.endsWith('768') ? 'T' : 'D'}`;
  const agencyName = `Agence des Brotteaux ${code}`;
  const centreName = `Centre des Brotteaux ${code}`;
  await signInAs(page, 'ADMIN_TENANT');

  // The agency: placed at its commune's centre, then found in the list.
  await page.goto('/tenant/agences');
  await page.getByRole('link', { name: 'Nouvelle agence' }).click();
  await fillPlace(page, { code, name: agencyName, address: '12 boulevard des Brotteaux', postcode: '69006', city: 'Lyon' });
  await page.getByTestId('agency-save').click();
  await expect(page).toHaveURL(/\/tenant\/agences\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: agencyName })).toBeVisible();
  await expect(page.getByTestId('figure-centres')).toHaveText('0');
  await expect(page.getByRole('navigation', { name: "Fil d'Ariane" })).toContainText('Agences');

  // The centre, from the agency's page: its agency chosen already.
  await page.getByRole('link', { name: 'Nouveau centre' }).click();
  await expect(page.getByRole('main').getByRole('combobox', { name: 'Agence', exact: true })).toHaveValue(/[0-9a-f-]{36}/);
  await fillPlace(page, { code, name: centreName, address: '14 boulevard des Brotteaux', postcode: '69006', city: 'Lyon' });
  await page.getByTestId('centre-save').click();
  await expect(page).toHaveURL(/\/tenant\/centres\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: centreName })).toBeVisible();
  await expect(toast(page, `Le centre ${centreName} est créé : réglez ses horaires et ses tarifs.`)).toBeVisible();
  await expect(page.getByRole('main').getByText('Active', { exact: true })).toBeVisible();

  // Hours: Monday 08:00–12:00 and 14:00–18:00, copied to the working days; kept after a reload.
  await tab(page, 'Horaires');
  await page.getByRole('button', { name: 'Ajouter une plage le lundi' }).click();
  await page.getByRole('button', { name: 'Ajouter une plage le lundi' }).click();
  await page.getByRole('button', { name: 'Copier le lundi sur tous les jours ouvrés' }).click();
  await page.getByTestId('hours-save').click();
  await expect(toast(page, 'Horaires enregistrés.')).toBeVisible();
  await page.reload();
  await tab(page, 'Horaires');
  await expect(page.getByLabel('Vendredi, plage 2 : fin')).toHaveValue('18:00');
  await expect(page.getByTestId('hours-SU')).toContainText('Fermé');

  // Prices: the periodic test of a car at 72.40 €, the centre's own.
  await tab(page, 'Tarifs');
  await page.getByLabel(CAR_TEST).fill('72,40');
  await page.getByTestId('offers-save').click();
  await expect(toast(page, 'Tarifs enregistrés.')).toBeVisible();
  await page.reload();
  await tab(page, 'Tarifs');
  await expect(page.getByLabel(CAR_TEST)).toHaveValue('72.40');
  await expect(page.getByTestId('offer-row').filter({ has: page.getByLabel(CAR_TEST) })).toContainText('Tarif du centre');

  // Deactivated, then active again; the agency counts it.
  await page.getByTestId('centre-toggle').click();
  await page.getByTestId('confirm-dialog').getByTestId('confirm-action').click();
  await expect(toast(page, `${centreName} est désactivé : il sort de la recherche.`)).toBeVisible();
  await expect(page.getByRole('main').getByText('Inactive', { exact: true })).toBeVisible();
  await page.getByTestId('centre-toggle').click();
  await page.getByTestId('confirm-dialog').getByTestId('confirm-action').click();
  await expect(toast(page, `${centreName} est activé : il apparaît dans la recherche.`)).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: agencyName }).click();
  await expect(page.getByTestId('figure-centres')).toHaveText('1');
  await expect(page.getByTestId('figure-active')).toHaveText('1');
  await expect(page.getByRole('main').getByRole('link', { name: centreName })).toBeVisible();

  await page.goto('/tenant/agences');
  await page.getByRole('main').getByRole('searchbox').fill(code);
  await expect(page.getByRole('main').getByRole('link', { name: agencyName })).toBeVisible();
});

/** The search card's text of the price typed `euros` (79.50 → « 79,50 € »). */
const searched = (euros: string) => new RegExp(`^${euros.replace('.', ',')}\\s€$`);

/** The price the public search shows for the first centre in Bordeaux (the network's one there). */
async function searchedPrice(page: Page, centre: string) {
  await page.goto('/recherche?place=Bordeaux&vehicle_type=VP&control_type=CT');
  const card = page.getByTestId('disponibilite-card').filter({ has: page.getByRole('heading', { name: centre }) });
  return card.getByTestId('price');
}

test('journey 11: a seeded centre’s new price is in the public search at once', async ({ page }) => {
  await signInAs(page, 'ADMIN_TENANT');
  await page.goto('/tenant/centres');
  await page.getByRole('main').getByRole('searchbox').fill('Bordeaux');
  const link = page.getByRole('main').getByRole('row').filter({ hasText: '33000' }).getByRole('link').first();
  const centre = (await link.textContent())!.trim();
  await link.click();
  await tab(page, 'Tarifs');
  const price = page.getByLabel(CAR_TEST);
  const before = await price.inputValue();
  const changed = before === '81.90' ? '82.90' : '81.90';
  await price.fill(changed);
  await page.getByTestId('offers-save').click();
  await expect(toast(page, 'Tarifs enregistrés.')).toBeVisible();
  const url = page.url();

  await new StaffShell(page).signOut();
  await expect(await searchedPrice(page, centre)).toHaveText(searched(changed));

  // Undo: the price found.
  await signInAs(page, 'ADMIN_TENANT');
  await page.goto(url);
  await tab(page, 'Tarifs');
  await page.getByLabel(CAR_TEST).fill(before);
  await page.getByTestId('offers-save').click();
  await expect(toast(page, 'Tarifs enregistrés.')).toBeVisible();
  await new StaffShell(page).signOut();
  await expect(await searchedPrice(page, centre)).toHaveText(searched(before));
});

/** The ids of the first agency and centre of another network, read through the API as its admin. */
async function foreignPlaces(page: Page): Promise<{ agency: string; centre: string }> {
  const login = await page.request.post('/api/v1/auth/login', { data: { email: 'admin@auto-securite-pro.fr', password: 'Admin123!' } });
  const { access_token: token } = (await login.json()) as { access_token: string };
  const read = async (path: string) => ((await (await page.request.get(path, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string }[])[0]!.id;
  return { agency: await read('/api/v1/agences'), centre: await read('/api/v1/cts') };
}

test('journeys 10–11: bad input is refused in French next to its field, and nothing is written', async ({ page }, info) => {
  const name = `Agence refusée ${RUN}${info.project.name.endsWith('768') ? 'T' : 'D'}`;
  await signInAs(page, 'ADMIN_TENANT');
  await page.goto('/tenant/agences/nouvelle');
  const form = page.getByTestId('agency-form');
  const save = page.getByTestId('agency-save');

  // Empty, then a postcode of four digits: the form's own checks.
  await save.click();
  for (const message of ['Code requis.', 'Nom requis.', 'Code postal à 5 chiffres.', 'Commune requis.']) await expect(form.getByText(message)).toBeVisible();
  await fillPlace(page, { code: 'AG 01', name, address: '', postcode: '6900', city: 'Lyon' });
  await save.click();
  await expect(form.getByText('Lettres, chiffres, « - » et « _ » seulement.')).toBeVisible();
  await expect(form.getByText('Code postal à 5 chiffres.')).toBeVisible();

  // The server's refusals: a code another agency has, a commune that the postcode doesn't name.
  await fillPlace(page, { code: 'AG01', name, address: '', postcode: '69006', city: 'Lyon' });
  await save.click();
  await expect(form.getByText('Ce code est déjà utilisé dans le réseau.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Code', exact: true })).toHaveAttribute('aria-invalid', 'true');
  await fillPlace(page, { code: `R${RUN}`, name, address: '', postcode: '69006', city: 'Marseille' });
  await save.click();
  await expect(form.getByText('Aucune commune de ce code postal ne porte ce nom.')).toBeVisible();
  await expect(page).toHaveURL(/\/tenant\/agences\/nouvelle$/);

  // Nothing was written.
  await page.goto('/tenant/agences');
  await page.getByRole('main').getByRole('searchbox').fill(name);
  await expect(page.getByText('Aucune agence ne correspond.')).toBeVisible();

  // A centre's hours and prices are checked before they are sent.
  await page.goto('/tenant/centres');
  await page.getByRole('main').getByRole('row').filter({ hasText: '33000' }).getByRole('link').first().click();
  await tab(page, 'Horaires');
  await page.getByLabel('Dimanche, plage 1 : début').waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Ajouter une plage le dimanche' }).click();
  await page.getByRole('button', { name: 'Ajouter une plage le dimanche' }).click();
  await page.getByLabel('Dimanche, plage 2 : début').fill('10:00');
  await page.getByLabel('Dimanche, plage 2 : fin').fill('09:00');
  let sent = false;
  page.on('request', (r) => {
    if (r.method() === 'PUT' && /\/api\/v1\/cts\//.test(r.url())) sent = true;
  });
  await page.getByTestId('hours-save').click();
  await expect(page.getByTestId('hours-SU').getByText('La fin doit suivre le début.')).toBeVisible();
  await tab(page, 'Tarifs');
  await page.getByLabel(CAR_TEST).fill('1200');
  await page.getByTestId('offers-save').click();
  await expect(page.getByText('Prix de 0 à 1 000 €, deux décimales au plus.')).toBeVisible();
  expect(sent).toBe(false);

  // Another network's agency and centre are unknown here.
  const foreign = await foreignPlaces(page);
  await page.goto(`/tenant/agences/${foreign.agency}`);
  await expect(page.getByTestId('error-state')).toContainText('Introuvable');
  await page.goto(`/tenant/centres/${foreign.centre}`);
  await expect(page.getByTestId('error-state')).toContainText('Introuvable');
});
