// Journey 14 against a real pti-server (see journeys.spec.ts for how it runs): the network admin
// changes a booking rule and finds it saved after a reload; gives the client portal a colour, a
// title and a logo, and sees them on the portal. The client portal's network is the server's
// default one (the host 127.0.0.1 names none): Contrôle Auto France, the seeded admin's. Both
// viewport projects run against the same database one after the other, so every change is
// undone at the end, and each run starts from what it finds.
import { expect, test, type Page } from '@playwright/test';
import { signInAs } from '../fixtures/auth';
import { PIXEL_PNG, SettingsPage } from '../fixtures/settings';
import { StaffShell } from '../fixtures/staff';

test.describe.configure({ mode: 'serial' });

const COLOUR = '#0b5d1e';

/** Saves the form shown and waits for the server's answer. */
async function saveAndWait(page: Page, settings: SettingsPage) {
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/tenant/settings') && r.request().method() === 'PUT');
  await settings.save();
  expect((await answer).status()).toBe(200);
}

test('journey 14: a network admin changes the booking horizon, saved after a reload', async ({ page }) => {
  await signInAs(page, 'ADMIN_TENANT');
  const settings = new SettingsPage(page);
  await settings.open('regles');
  const horizon = settings.field('Horizon de réservation (jours)');
  const before = await horizon.inputValue();
  const changed = before === '120' ? '121' : '120';
  await horizon.fill(changed);
  await saveAndWait(page, settings);
  await expect(settings.toast('Paramètres enregistrés.')).toBeVisible();

  await page.reload();
  await expect(horizon).toHaveValue(changed);

  await horizon.fill(before);
  await saveAndWait(page, settings);
  await page.reload();
  await expect(horizon).toHaveValue(before);
});

test('journey 14: a network admin brands the client portal: colour, title and logo', async ({ page }) => {
  const title = `Contrôle ${test.info().project.name}`;
  await signInAs(page, 'ADMIN_TENANT');
  const settings = new SettingsPage(page);
  await settings.open('image');
  const colour = settings.field(/^Couleur principale/);
  const portalTitle = settings.field(/^Titre du portail/);
  const before = { colour: await colour.inputValue(), title: await portalTitle.inputValue() };

  await colour.fill(COLOUR);
  await portalTitle.fill(title);
  await saveAndWait(page, settings);
  await page.getByTestId('logo-input').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PIXEL_PNG });
  await expect(settings.toast('Logo enregistré.')).toBeVisible();
  await expect(page.getByTestId('logo-preview')).toHaveAttribute('src', /\/api\/v1\/tenants\/[^/]+\/logo\?v=/);

  // The client portal, signed out: the network's title, logo and colour.
  await new StaffShell(page).signOut();
  await page.goto('/');
  await expect(page.getByTestId('portal-title')).toHaveText(title);
  const logo = page.getByTestId('portal-logo');
  await expect(logo).toHaveAttribute('src', /\/api\/v1\/tenants\/[^/]+\/logo\?v=/);
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  await expect(page.getByTestId('search-button')).toHaveCSS('background-color', 'rgb(11, 93, 30)');
  await expect(page.getByTestId('search-button')).toHaveCSS('color', 'rgb(255, 255, 255)');

  // Undo: the colour and title found, no logo.
  await signInAs(page, 'ADMIN_TENANT');
  await settings.open('image');
  await colour.fill(before.colour);
  await portalTitle.fill(before.title);
  await saveAndWait(page, settings);
  await page.getByRole('button', { name: 'Supprimer le logo' }).click();
  await page.getByTestId('confirm-dialog').getByTestId('confirm-action').click();
  await expect(settings.toast('Logo supprimé.')).toBeVisible();
  await new StaffShell(page).signOut();
  await page.goto('/');
  await expect(page.getByTestId('portal-title')).toHaveText(before.title || 'PTI Calendar');
  await expect(page.getByTestId('portal-logo')).toHaveAttribute('src', '/icons/icon.svg');
});
