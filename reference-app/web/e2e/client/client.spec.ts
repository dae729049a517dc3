// The client screens in the browser against an in-memory API (e2e/fixtures/fake-api.ts), at
// 360 px and 1280 px. The same journeys against the real server: journeys.spec.ts.
import { expect, test } from '@playwright/test';
import { installFakeApi } from '../fixtures/fake-api';
import { ClientPortal, noHorizontalScroll } from '../fixtures/pages';

test.describe('client portal (in-memory API)', () => {
  let portal: ClientPortal;
  test.beforeEach(({ page }) => {
    portal = new ClientPortal(page);
  });

  test('search → book → pay → confirmation → my bookings', async ({ page }) => {
    const api = await installFakeApi(page);
    await portal.search('Paris');
    await noHorizontalScroll(page);
    // Markers are drawn as vectors: they show with no map tiles at all.
    await expect(page.locator('[data-testid="results-map"] path.pti-centre-marker')).toHaveCount(3);
    await portal.reserveFirst();
    await portal.fillBooking();
    await expect(page.getByTestId('hold-countdown')).toContainText('min');
    await expect(page.getByTestId('test-cards')).toContainText('4242 4242 4242 4242');
    await portal.pay('4242424242424242');
    await page.waitForSelector('[data-testid="confirmation-message"]');
    expect(await page.textContent('[data-testid="confirmation-message"]')).toContain('Votre rendez-vous est confirmé');
    await expect(page.getByTestId('download-pdf')).toHaveAttribute('href', '/api/v1/rdv/r1/pdf?token=guest-r1');
    await expect(page.getByTestId('download-ics')).toHaveAttribute('href', '/api/v1/rdv/r1/ics?token=guest-r1');
    await noHorizontalScroll(page);
    await page.click('[data-testid="nav-mes-rdv"]');
    await page.waitForSelector('[data-testid="rdv-card"]');
    expect(await page.locator('[data-testid="rdv-card"]').count()).toBeGreaterThan(0);
    const booking = api.calls.find((c) => c.path === '/rdv' && c.method === 'POST')!;
    expect(booking.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(booking.body).toMatchObject({ first_name: 'Jean', immatriculation: 'AA-123-BB', vehicle_type: 'VP', control_type: 'CT' });
  });

  test('shows field errors before sending the booking', async ({ page }) => {
    await installFakeApi(page);
    await portal.search('Paris');
    await portal.reserveFirst();
    await page.fill('[data-testid="immatriculation"]', 'AI-123-CD');
    await page.fill('[data-testid="phone"]', '12');
    await page.click('[data-testid="confirm-button"]');
    const form = page.getByTestId('reservation-form');
    await expect(form.getByText('Les lettres I, O et U ne sont pas utilisées.')).toBeVisible();
    await expect(form.getByText(/Numéro invalide/)).toBeVisible();
    await expect(form.getByText('Prénom requis.')).toBeVisible();
  });

  test('a declined card and insufficient funds are explained, then another card pays', async ({ page }) => {
    await installFakeApi(page);
    await portal.search('Paris');
    await portal.reserveFirst();
    await portal.fillBooking();
    await portal.pay('4000 0000 0000 0002');
    await expect(page.getByTestId('payment-error')).toContainText('Carte refusée');
    await portal.pay('4000 0000 0000 9995');
    await expect(page.getByTestId('payment-error')).toContainText('fonds insuffisants');
    await portal.pay('4242 4242 4242 4242');
    await expect(page.getByTestId('confirmation-message')).toBeVisible();
  });

  test('modifies then cancels a booking with the refund shown first', async ({ page }) => {
    await installFakeApi(page);
    await portal.search('Paris');
    await portal.reserveFirst();
    await portal.fillBooking();
    await portal.pay('4242424242424242');
    await page.waitForSelector('[data-testid="confirmation-message"]');
    await page.click('[data-testid="nav-mes-rdv"]');
    const card = page.getByTestId('rdv-card').first();
    await card.getByTestId('modify-button').click();
    const drawer = page.getByRole('dialog', { name: 'Choisir un nouveau créneau' });
    await drawer.getByTestId('day-slot').last().click();
    await drawer.getByTestId('confirm-move').click();
    await expect(card.getByTestId('rdv-when')).toContainText('14:00');
    await card.getByTestId('cancel-button').click();
    await expect(page.getByTestId('refund-amount')).toContainText('79,00');
    await page.getByTestId('confirm-cancel').click();
    await expect(page.getByText(/79,00\s€ vous seront remboursés/)).toBeVisible();
    await expect(card.getByTestId('status-badge')).toHaveText('Annulé');
  });

  test('the centre calendar shows free counts, slots and the price', async ({ page }) => {
    await installFakeApi(page);
    await portal.search('Paris');
    await page.getByTestId('centre-calendar-link').first().click();
    await expect(page.getByTestId('slot-picker')).toBeVisible();
    await page.getByTestId('day-slot').first().click();
    await expect(page.getByTestId('pick-summary')).toContainText('79,00');
    await noHorizontalScroll(page);
    await page.getByTestId('pick-summary').getByTestId('reserver-button').click();
    await expect(page.getByTestId('reservation-form')).toBeVisible();
  });

  test('filters and sort ask the server again; "Utiliser ma position" searches around the device', async ({ page, context }) => {
    const api = await installFakeApi(page);
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: 45.76, longitude: 4.83 });
    await page.goto('/');
    await page.getByTestId('use-location').click();
    await expect(page.getByTestId('search-location')).toHaveValue('Ma position');
    await page.click('[data-testid="search-button"]');
    await page.waitForSelector('[data-testid="disponibilite-card"]');
    const searches = () => api.calls.filter((c) => c.path === '/disponibilites/search').map((c) => c.body as Record<string, unknown>);
    expect(searches().at(-1)).toMatchObject({ lat: 45.76, lng: 4.83, place: null });
    // On a phone the filters start folded (results first); on a desktop they are open.
    const panel = page.getByTestId('filters-panel');
    const open = await panel.evaluate((d) => (d as HTMLDetailsElement).open);
    expect(open).toBe(test.info().project.name !== 'mobile');
    if (!open) await panel.locator('summary').click();
    await page.selectOption('[data-testid="sort"]', 'price');
    await page.selectOption('[data-testid="day-part"]', 'morning');
    await page.getByLabel('Samedi uniquement').check();
    await page.fill('[data-testid="max-price"]', '85');
    await page.press('[data-testid="max-price"]', 'Enter');
    await expect.poll(() => searches().at(-1)).toMatchObject({ sort: 'price', day_part: 'morning', saturday_only: true, max_price_cents: 8500 });
  });

  test('the place box suggests communes and is driven by the keyboard', async ({ page }) => {
    const api = await installFakeApi(page);
    await page.goto('/');
    const box = page.getByTestId('search-location');
    await box.fill('par');
    await expect(page.getByRole('option', { name: /Paris/ })).toBeVisible();
    await box.press('ArrowDown');
    await box.press('Enter');
    await expect(box).toHaveValue('Paris (75001)');
    await box.press('Enter');
    await page.waitForSelector('[data-testid="disponibilite-card"]');
    const search = api.calls.filter((c) => c.path === '/disponibilites/search').at(-1)!;
    expect(search.body).toMatchObject({ lat: 48.86, lng: 2.34 });
  });

  test('the search shows an error state when the server fails', async ({ page }) => {
    await page.route('**/api/v1/**', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"code":"UNAVAILABLE","message":"Service indisponible","details":{}}' }));
    await page.goto('/recherche?place=Paris&date=2026-12-01&vehicle_type=VP&control_type=CT');
    await expect(page.getByTestId('error-state')).toBeVisible();
  });
});
