// The client journeys against a real pti-server on a freshly seeded database, which serves the
// built web app itself. Only run by the `journeys` project, when PTI_SERVER_URL is set:
//   PTI_SERVER_URL=http://127.0.0.1:8080 npx playwright test --project=journeys
// The tests of this file run one after the other (each books the first free slot it is shown).
import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, signIn, signInAs } from '../fixtures/auth';
import { ClientPortal, pickFreeSlot } from '../fixtures/pages';
import { uniquePlate } from '../fixtures/plates';

const RUN = Date.now().toString(36);

/** Books and pays the first free slot a week ahead, as a guest booking with `email`. */
async function bookAndPayAhead(portal: ClientPortal, email: string) {
  await portal.searchParisAhead();
  await portal.reserveFirst();
  await portal.fillBooking({ email, plate: uniquePlate() });
  await portal.pay('4242424242424242');
  await portal.page.waitForSelector('[data-testid="confirmation-message"]');
}

test.describe.configure({ mode: 'serial' });

let portal: ClientPortal;
test.beforeEach(({ page }) => {
  portal = new ClientPortal(page);
});

test('spec journey: search Paris → book → pay 4242 → confirmation → my bookings', async ({ page, request }) => {
  const email = `jean.dupont+${RUN}@test.com`;
  await portal.fillSearch('Paris');
  const started = Date.now();
  await portal.submitSearch();
  test.info().annotations.push({ type: 'search-to-results-ms', description: String(Date.now() - started) });
  expect(await page.locator('[data-testid="disponibilite-card"]').count()).toBeGreaterThan(0);
  await expect(page.getByTestId('results-map').locator('path.pti-centre-marker').first()).toBeVisible();

  await portal.reserveFirst();
  await portal.fillBooking({ email, plate: uniquePlate() });
  await expect(page.getByTestId('hold-countdown')).toBeVisible();
  await portal.pay('4242424242424242');

  await page.waitForSelector('[data-testid="confirmation-message"]');
  expect(await page.textContent('[data-testid="confirmation-message"]')).toContain('Votre rendez-vous est confirmé');
  const pdf = await page.getByTestId('download-pdf').getAttribute('href');
  const ics = await page.getByTestId('download-ics').getAttribute('href');
  expect(pdf).toMatch(/\/api\/v1\/rdv\/[\w-]+\/pdf\?token=/);
  expect((await request.get(pdf!)).headers()['content-type']).toContain('application/pdf');
  expect((await request.get(ics!)).headers()['content-type']).toContain('text/calendar');
  // The worker sends the confirmation e-mail (with the ICS) and the SMS to the dev mailbox.
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/dev/mailbox?recipient=${encodeURIComponent(email)}`)).json()) as { subject?: string }[]).map((m) => m.subject ?? ''), { timeout: 10_000 })
    .toContainEqual(expect.stringContaining('Votre rendez-vous est confirmé'));

  await page.click('[data-testid="nav-mes-rdv"]');
  await page.waitForSelector('[data-testid="rdv-card"]');
  expect(await page.locator('[data-testid="rdv-card"]').count()).toBeGreaterThan(0);
});

test('a declined card, then insufficient funds, are explained and the hold is kept', async ({ page }) => {
  await portal.searchParisAhead(3);
  await portal.reserveFirst();
  await portal.fillBooking({ email: `refus+${RUN}@test.com`, plate: uniquePlate() });
  await portal.pay('4000 0000 0000 0002');
  await expect(page.getByTestId('payment-error')).toContainText('Carte refusée');
  await portal.pay('4000 0000 0000 9995');
  await expect(page.getByTestId('payment-error')).toContainText('fonds insuffisants');
  await expect(page.getByTestId('hold-countdown')).toBeVisible();
  await portal.pay('4242 4242 4242 4242');
  await expect(page.getByTestId('confirmation-message')).toContainText('Votre rendez-vous est confirmé');
});

test('modify a booking to another slot of its centre', async ({ page }) => {
  await bookAndPayAhead(portal, `modif+${RUN}@test.com`);
  await page.click('[data-testid="nav-mes-rdv"]');
  const card = page.getByTestId('rdv-card').first();
  const before = await card.getByTestId('rdv-when').textContent();
  await card.getByTestId('modify-button').click();
  const drawer = page.getByRole('dialog', { name: 'Choisir un nouveau créneau' });
  await pickFreeSlot(drawer.getByTestId('slot-picker'));
  await drawer.getByTestId('confirm-move').click();
  await expect(drawer).toBeHidden();
  await expect(card.getByTestId('rdv-when')).not.toHaveText(before!);
});

test('cancel a booking with its refund shown before confirming', async ({ page }) => {
  await bookAndPayAhead(portal, `annul+${RUN}@test.com`);
  await page.click('[data-testid="nav-mes-rdv"]');
  const card = page.getByTestId('rdv-card').first();
  await card.getByTestId('cancel-button').click();
  await expect(page.getByTestId('refund-amount')).toContainText(/Remboursement : \d+,\d{2}/);
  await page.getByTestId('confirm-cancel').click();
  await expect(page.getByText(/vous seront remboursés/)).toBeVisible();
  await expect(card.getByTestId('status-badge')).toHaveText('Annulé');
});

const account = { email: `client+${RUN}@pti-test.fr`, password: 'Client123!' };

test('sign up, log out and log in again', async ({ page }) => {
  await page.goto('/inscription');
  await page.fill('[data-testid="signup-first-name"]', 'Claire');
  await page.fill('[data-testid="signup-last-name"]', 'Martin');
  await page.fill('[data-testid="signup-email"]', account.email);
  await page.fill('[data-testid="signup-phone"]', '06 11 22 33 44');
  await page.fill('[data-testid="signup-password"]', account.password);
  await page.fill('[data-testid="signup-confirm"]', account.password);
  await page.click('[data-testid="signup-button"]');
  await expect(page.getByRole('heading', { level: 1, name: 'Mes rendez-vous' })).toBeVisible();
  await expect(page.getByTestId('nav-profil')).toHaveText('Claire');

  await page.click('[data-testid="logout-button"]');
  await expect(page.getByTestId('nav-connexion')).toBeVisible();

  await page.click('[data-testid="nav-connexion"]');
  await page.fill('[data-testid="login-email"]', account.email);
  await page.fill('[data-testid="login-password"]', 'wrong-password1');
  await page.click('[data-testid="login-button"]');
  await expect(page.getByTestId('login-form').getByRole('alert')).toContainText('incorrect');
  await page.fill('[data-testid="login-password"]', account.password);
  await page.click('[data-testid="login-button"]');
  await expect(page.getByTestId('logout-button')).toBeVisible();

  // An access token the server refuses is refreshed without the user noticing.
  const before = await page.evaluate(() => JSON.parse(localStorage.getItem('pti.auth')!) as { access_token: string; refresh_token: string });
  await page.evaluate((t) => localStorage.setItem('pti.auth', JSON.stringify({ ...t, access_token: 'expired.or.forged' })), before);
  await page.goto('/profil');
  await expect(page.getByTestId('profile-email')).toHaveValue(account.email);
  const after = await page.evaluate(() => JSON.parse(localStorage.getItem('pti.auth')!) as { access_token: string; refresh_token: string });
  expect(after.access_token).not.toBe('expired.or.forged');
  expect(after.refresh_token).not.toBe(before.refresh_token);
});

test('bookings made as a guest on this device stay listed after signing up', async ({ page }) => {
  const plate = uniquePlate();
  await portal.searchParisAhead();
  await portal.reserveFirst();
  await portal.fillBooking({ email: `guest+${RUN}@pti-test.fr`, plate });
  await portal.pay('4242424242424242');
  await page.waitForSelector('[data-testid="confirmation-message"]');
  await page.goto('/inscription');
  await page.fill('[data-testid="signup-first-name"]', 'Paul');
  await page.fill('[data-testid="signup-last-name"]', 'Durand');
  await page.fill('[data-testid="signup-email"]', `later+${RUN}-${test.info().project.name}@pti-test.fr`);
  await page.fill('[data-testid="signup-phone"]', '06 22 33 44 55');
  await page.fill('[data-testid="signup-password"]', 'Client123!');
  await page.fill('[data-testid="signup-confirm"]', 'Client123!');
  await page.click('[data-testid="signup-button"]');
  await expect(page.getByRole('heading', { level: 1, name: 'Mes rendez-vous' })).toBeVisible();
  await expect(page.getByTestId('rdv-card').filter({ hasText: plate })).toBeVisible();
});

test('profile, vehicles and notifications, then a booking with a saved vehicle', async ({ page }) => {
  await signIn(page, account);

  await page.click('[data-testid="nav-profil"]');
  await page.fill('[data-testid="profile-phone"]', '+33 6 99 88 77 66');
  await page.click('[data-testid="profile-save"]');
  await expect(page.getByText('Profil enregistré.')).toBeVisible();

  const plate = uniquePlate();
  await page.click('[data-testid="vehicle-add"]');
  await page.fill('[data-testid="vehicle-immatriculation"]', 'AI-123-CD');
  await page.fill('[data-testid="vehicle-marque"]', 'Peugeot');
  await page.fill('[data-testid="vehicle-modele"]', '208');
  await page.click('[data-testid="vehicle-save"]');
  await expect(page.getByTestId('vehicle-form').getByText('Les lettres I, O et U ne sont pas utilisées.')).toBeVisible();
  await page.fill('[data-testid="vehicle-immatriculation"]', plate);
  await page.fill('[data-testid="vehicle-annee"]', '2019');
  await page.click('[data-testid="vehicle-save"]');
  const row = page.getByTestId('vehicle-row').filter({ hasText: plate });
  await expect(row).toContainText('Peugeot 208');
  await row.getByTestId('vehicle-edit').click();
  await page.fill('[data-testid="vehicle-modele"]', '2008');
  await page.click('[data-testid="vehicle-save"]');
  await expect(row).toContainText('Peugeot 2008');

  const sms = page.getByTestId('notification-prefs').getByRole('switch').nth(1);
  const was = await sms.getAttribute('aria-checked');
  await sms.click();
  await expect(page.getByText('Préférences enregistrées.')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('notification-prefs').getByRole('switch').nth(1)).toHaveAttribute('aria-checked', was === 'true' ? 'false' : 'true');

  // A signed-in client books with the saved vehicle.
  await portal.searchParisAhead(10);
  await page.click('[data-testid="disponibilite-card"]:first-child [data-testid="reserver-button"]');
  await page.selectOption('[data-testid="saved-vehicle"]', { label: `${plate} — Peugeot 2008` });
  await expect(page.getByTestId('immatriculation')).toHaveValue(plate);
  await expect(page.getByTestId('first-name')).toHaveValue('Claire');
  await page.click('[data-testid="confirm-button"]');
  await portal.pay('4242424242424242');
  await expect(page.getByTestId('confirmation-message')).toBeVisible();
  await page.click('[data-testid="nav-mes-rdv"]');
  await expect(page.getByTestId('rdv-card').filter({ hasText: plate })).toBeVisible();

  // Deleting the vehicle leaves the booking alone.
  await page.click('[data-testid="nav-profil"]');
  await page.getByTestId('vehicle-row').filter({ hasText: plate }).getByTestId('vehicle-delete').click();
  await page.click('[data-testid="vehicle-delete-confirm"]');
  await expect(page.getByTestId('vehicle-row').filter({ hasText: plate })).toHaveCount(0);
});

test('the profile sends a signed-out visitor to sign in, then back to it', async ({ page }) => {
  await page.goto('/profil');
  await expect(page).toHaveURL(/\/connexion\?next=%2Fprofil$/);
  await signInAs(page, 'CLIENT');
  await expect(page).toHaveURL(/\/profil$/);
  await expect(page.getByTestId('profile-email')).toHaveValue(DEMO_ACCOUNTS.CLIENT.email);
});

test('the API documentation is generated, served by the app and needs no internet', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== new URL(baseURL!).origin) foreign.push(r.url());
  });
  const document = await (await page.request.get('/api/v1/openapi.json')).json();
  const documented = Object.values(document.paths as Record<string, object>).reduce((n, methods) => n + Object.keys(methods).length, 0);
  await page.goto('/api/docs');
  // Every operation renders, uploads whose body is not JSON included.
  const operations = page.locator('#operations details');
  await expect(operations).toHaveCount(documented);
  const upload = operations.filter({ hasText: /^PUT\/api\/v1\/admin\/tenant\/settings\/logo/ });
  await upload.locator('summary').click();
  await expect(upload.getByText('Corps (image/png)')).toBeVisible();
  await page.fill('#filter', '/api/v1/rdv');
  const createRdv = operations.filter({ hasText: 'Hold a slot' });
  await createRdv.locator('summary').click();
  await expect(createRdv.getByRole('cell', { name: 'Idempotency-Key', exact: true })).toBeVisible();
  await expect(createRdv.getByText('"disponibilite_id": "string"')).toBeVisible();
  await expect(createRdv.getByText('409 — The state changed meanwhile')).toBeVisible();
  expect(foreign).toEqual([]);
});
