// The tenant portal's settings against an in-memory API (e2e/fixtures/settings.ts), at 1280, 768
// and 390 px: only a network admin reaches them; each form sends only its changed fields, checks
// the server's limits first and puts the server's refusals on their field; the branding's
// contrast preview; the logo's checks, upload and removal.
import { expect, test } from '@playwright/test';
import { ADMIN, installFakeStaffApi } from '../fixtures/fake-staff-api';
import { PIXEL_PNG, SettingsPage, installFakeSettings, type FakeSettings } from '../fixtures/settings';
import { StaffShell } from '../fixtures/staff';

let fake: FakeSettings;
let settings: SettingsPage;

test.describe('tenant settings (in-memory API)', () => {
  test.beforeEach(async ({ page }) => {
    await installFakeStaffApi(page);
    fake = await installFakeSettings(page);
    settings = new SettingsPage(page);
  });

  test('a network admin finds the settings in the navigation, on their first page', async ({ page }) => {
    await page.goto('/tenant/utilisateurs');
    await expect(page.getByRole('heading', { name: 'Utilisateurs' })).toBeVisible();
    const nav = await new StaffShell(page).navigation();
    await nav.getByRole('link', { name: 'Paramètres' }).click();
    await expect(page).toHaveURL(/\/tenant\/parametres\/general$/);
    await expect(settings.field(/^Nom du réseau/)).toHaveValue('Contrôle Auto France');
  });

  test('the identity form checks the SIRET, then sends only what changed', async ({ page }) => {
    await settings.open('general');
    await settings.field('SIRET').fill('732 829 320 00075');
    await settings.save();
    await expect(page.getByText('SIRET invalide : 14 chiffres dont le dernier est une clé de contrôle.')).toBeVisible();
    expect(fake.puts).toEqual([]);
    await settings.field('SIRET').fill('732 829 320 00074');
    await settings.field('Ville').fill('Lyon');
    await settings.save();
    await expect(settings.toast('Paramètres enregistrés.')).toBeVisible();
    expect(fake.puts).toEqual([{ general: { city: 'Lyon' } }]);
  });

  test('the booking rules: the notice in hours and minutes, the limits, only the changed rules', async ({ page }) => {
    await settings.open('regles');
    await expect(settings.field('Délai minimum (heures)')).toHaveValue('2');
    await expect(settings.field('et minutes')).toHaveValue('0');
    await settings.field('et minutes').fill('30');
    await expect(page.getByText('Entre la réservation et le contrôle : 2 h 30.')).toBeVisible();
    await settings.field('Horizon de réservation (jours)').fill('731');
    await settings.save();
    await expect(page.getByText('730 au plus.')).toBeVisible();
    expect(fake.puts).toEqual([]);
    await settings.field('Horizon de réservation (jours)').fill('120');
    await settings.save();
    await expect(settings.toast('Paramètres enregistrés.')).toBeVisible();
    expect(fake.puts).toEqual([{ booking_policy: { min_notice_minutes: 150, horizon_days: 120 } }]);
  });

  test('a refusal of the server lands in French on the field it names', async ({ page }) => {
    await page.route('**/api/v1/admin/tenant/settings', (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ code: 'VALIDATION', message: 'horizon_days must be 1..=730', details: { field: 'booking_policy.horizon_days' } }) })
        : route.fallback(),
    );
    await settings.open('regles');
    await settings.field('Horizon de réservation (jours)').fill('365');
    await settings.save();
    await expect(page.getByText('De 1 à 730 jours.')).toBeVisible();
    await expect(settings.field('Horizon de réservation (jours)')).toHaveAttribute('aria-invalid', 'true');
  });

  test('unsaved changes are undone by « Annuler les modifications »', async ({ page }) => {
    await settings.open('regles');
    await settings.field('Surréservation (%)').fill('150');
    await expect(page.getByText('Modifications non enregistrées.')).toBeVisible();
    await page.getByRole('button', { name: 'Annuler les modifications' }).click();
    await expect(settings.field('Surréservation (%)')).toHaveValue('100');
    await expect(page.getByText('Modifications non enregistrées.')).toBeHidden();
  });

  test('the branding previews the contrast, warns below 4.5:1 and saves a readable colour', async ({ page }) => {
    await settings.open('image');
    const colour = settings.field(/^Couleur principale/);
    await colour.fill('#ffb800');
    await expect(page.getByTestId('branding-contrast')).toContainText('Contraste du texte blanc : 1,');
    await expect(page.getByText(/Contraste insuffisant/)).toBeVisible();
    await settings.save();
    expect(fake.puts).toEqual([]);
    await colour.fill('#0b5d1e');
    await expect(page.getByText(/Contraste insuffisant/)).toBeHidden();
    await settings.field(/^Titre du portail/).fill('Mon Contrôle');
    await settings.save();
    await expect(settings.toast('Paramètres enregistrés.')).toBeVisible();
    expect(fake.puts).toEqual([{ branding: { primary_color: '#0b5d1e', portal_title: 'Mon Contrôle' } }]);
  });

  test('the logo: an unknown or too large file is refused here; an image is sent, shown and removed', async ({ page }) => {
    await settings.open('image');
    const input = page.getByTestId('logo-input');
    await input.setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
    await expect(page.getByText('Le logo doit être une image PNG, JPEG ou WebP.')).toBeVisible();
    await input.setInputFiles({ name: 'grand.png', mimeType: 'image/png', buffer: Buffer.concat([PIXEL_PNG, Buffer.alloc(256 * 1024)]) });
    await expect(page.getByText('Le logo pèse 257 Kio : 256 Kio au plus.')).toBeVisible();
    expect(fake.logos).toEqual([]);

    await input.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PIXEL_PNG });
    await expect(settings.toast('Logo enregistré.')).toBeVisible();
    expect(fake.logos).toEqual([PIXEL_PNG.length]);
    await expect(page.getByTestId('logo-preview')).toHaveAttribute('src', '/api/v1/tenants/t1/logo?v=1');

    await page.getByRole('button', { name: 'Supprimer le logo' }).click();
    await page.getByTestId('confirm-dialog').getByTestId('confirm-action').click();
    await expect(settings.toast('Logo supprimé.')).toBeVisible();
    await expect(page.getByTestId('logo-preview')).toBeHidden();
  });
});

test.describe('tenant settings for an agency admin', () => {
  test('no « Paramètres » entry, and the page answers 403', async ({ page }) => {
    await installFakeStaffApi(page, { ...ADMIN, role: 'ADMIN_AGENCE', agency_id: 'a1' });
    await page.goto('/tenant/utilisateurs');
    await expect(page.getByRole('heading', { name: 'Utilisateurs' })).toBeVisible();
    const nav = await new StaffShell(page).navigation();
    await expect(nav.getByRole('link', { name: 'Utilisateurs' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Paramètres' })).toHaveCount(0);
    await page.goto('/tenant/parametres');
    await expect(page.getByTestId('forbidden')).toContainText('Accès refusé');
  });
});
