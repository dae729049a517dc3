// The tenant portal's dashboard (journey 8) against the in-memory staff API
// (e2e/fixtures/fake-staff-api.ts), at 1280, 768 and 390 px (projects staff-1280, staff-768,
// staff-390): the portal opens on it, its figures are the server's, the filters live in the
// address, an agency admin is held to its agency, refusals are French, dark theme.
import { expect, test } from '@playwright/test';
import { DashboardPage, expectedKpis, plain } from '../fixtures/dashboard';
import { ADMIN, installFakeStaffApi } from '../fixtures/fake-staff-api';
import { noHorizontalScroll } from '../fixtures/pages';
import { StaffShell } from '../fixtures/staff';

const AGENCY_ADMIN = { ...ADMIN, id: 'u9', first_name: 'Paul', role: 'ADMIN_AGENCE', agency_id: 'a1' };

test.describe('dashboard (in-memory API)', () => {
  test('the portal opens on the month’s figures, the chart and the panels, at every width', async ({ page }) => {
    await installFakeStaffApi(page);
    const dashboard = new DashboardPage(page);
    const stats = await dashboard.open();
    await expect(page).toHaveURL(/\/tenant$/);
    expect(await dashboard.kpis()).toEqual(expectedKpis(stats.kpis));
    await expect(page.getByRole('navigation', { name: "Fil d'Ariane" })).toContainText('Tableau de bord');
    const nav = await new StaffShell(page).navigation();
    await expect(nav.getByRole('link').first()).toHaveAccessibleName('Tableau de bord');
    await expect(nav.getByRole('link', { name: 'Tableau de bord' })).toHaveAttribute('aria-current', 'page');
    await expect(nav.getByRole('link', { name: 'Utilisateurs' })).not.toHaveAttribute('aria-current');
    await page.keyboard.press('Escape');

    // The chart is drawn (its chunk loaded on demand), its figures readable as a table.
    await expect(page.getByTestId('revenue-chart').locator('svg.recharts-surface')).toBeVisible();
    await expect(page.getByTestId('revenue-chart').locator('.recharts-bar-rectangle')).toHaveCount(12);
    await expect(page.getByTestId('revenue-table').getByRole('row')).toHaveCount(13);
    await expect(dashboard.panel('Entonnoir de conversion').getByTestId('funnel-count')).toHaveText(
      [stats.funnel.searches, stats.funnel.slot_views, stats.funnel.holds, stats.funnel.paid].map(String),
    );
    await expect(dashboard.panel('Top 5 des agences').getByTestId('top-agency')).toHaveCount(stats.top_agencies.length);
    await expect(dashboard.panel('Dernières réservations').getByTestId('recent-booking')).toHaveCount(stats.recent.length);
    await noHorizontalScroll(page);
  });

  test('the month and the agency are kept in the address, and going back restores them', async ({ page }) => {
    const api = await installFakeStaffApi(page);
    const dashboard = new DashboardPage(page);
    await dashboard.open('?mois=2026-12');
    await expect(dashboard.month).toHaveValue('2026-12');

    let stats = await dashboard.pick(dashboard.month, 'Octobre 2026');
    await expect(page).toHaveURL(/\/tenant\?mois=2026-10$/);
    expect(stats.month).toBe('2026-10');
    expect(await dashboard.kpis()).toEqual(expectedKpis(stats.kpis));

    stats = await dashboard.pick(dashboard.agency, 'Agence Lyon');
    await expect(page).toHaveURL(/\?mois=2026-10&agence=a2$/);
    expect(await dashboard.kpis()).toEqual(expectedKpis(stats.kpis));
    await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText('octobre 2026 · Agence Lyon');
    await expect(dashboard.centre.getByRole('option')).toHaveText(['Toute l’agence', 'CT Lyon 3']);
    await expect(dashboard.panel('Top 5 des agences')).toHaveCount(0);
    const last = api.calls.filter((c) => c.path === '/admin/dashboard/stats').at(-1)!;
    expect(Object.fromEntries(last.query)).toEqual({ month: '2026-10', agency_id: 'a2' });

    // The address is the view: a reload shows it again, going back shows the one before.
    await page.reload();
    await expect(dashboard.agency).toHaveValue('a2');
    await expect(dashboard.month).toHaveValue('2026-10');
    await page.goBack();
    await expect(page).toHaveURL(/\?mois=2026-10$/);
    await expect(dashboard.agency).toHaveValue('');
  });

  test('steps a month back and forth', async ({ page }) => {
    await installFakeStaffApi(page);
    const dashboard = new DashboardPage(page);
    await dashboard.open('?mois=2027-01');
    const back = dashboard.nextStats();
    await page.getByRole('button', { name: 'Mois précédent' }).click();
    expect((await dashboard.shown(back)).month).toBe('2026-12');
    await expect(page).toHaveURL(/\?mois=2026-12$/);
    const forth = dashboard.nextStats();
    await page.getByRole('button', { name: 'Mois suivant' }).click();
    await page.getByRole('button', { name: 'Mois suivant' }).click();
    await expect(page).toHaveURL(/\?mois=2027-02$/);
    await dashboard.shown(forth);
    await expect(dashboard.month).toHaveValue('2027-02');
  });

  test('an agency admin reads its agency only, and may narrow to one of its centres', async ({ page }) => {
    const api = await installFakeStaffApi(page, AGENCY_ADMIN);
    const dashboard = new DashboardPage(page);
    await dashboard.open('?mois=2026-12');
    await expect(page.getByTestId('fixed-agency')).toHaveText('Agence : Agence Paris');
    await expect(dashboard.agency).toHaveCount(0);
    await expect(dashboard.centre.getByRole('option')).toHaveText(['Toute l’agence', 'CT Paris 12', 'CT Paris 15']);
    const stats = await dashboard.pick(dashboard.centre, 'CT Paris 12');
    await expect(page).toHaveURL(/\?mois=2026-12&centre=c2$/);
    expect(stats.centre_id).toBe('c2');
    expect(await dashboard.kpis()).toEqual(expectedKpis(stats.kpis));
    expect(api.calls.filter((c) => c.path === '/admin/dashboard/stats').every((c) => !c.query.get('agency_id'))).toBe(true);

    // Another agency typed in the address: the server's refusal, in French.
    await page.goto('/tenant?agence=a2');
    const failure = page.getByTestId('error-state');
    await expect(failure).toContainText('Cette information ne relève pas de votre périmètre (agence ou centre).');
    await expect(failure).not.toContainText('principal');
  });

  test('a refused month and a failing server are explained in French, with a retry', async ({ page }) => {
    await installFakeStaffApi(page);
    await page.goto('/tenant?mois=2026-13');
    await expect(page.getByTestId('error-state')).toContainText('Mois invalide : choisissez un mois de 2000 à 2100.');

    let fail = true;
    await page.route('**/api/v1/admin/dashboard/stats**', (route) =>
      fail ? route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ code: 'SOMETHING', message: 'down', details: {} }) }) : route.fallback(),
    );
    await page.goto('/tenant?mois=2026-12');
    const failure = page.getByTestId('error-state');
    await expect(failure).toContainText('Le service est momentanément indisponible. Réessayez dans un instant.');
    fail = false;
    await failure.getByRole('button', { name: 'Réessayer' }).click();
    await expect(page.getByTestId('kpis')).toBeVisible();
  });

  test('the dark theme darkens the cards and lightens their figures', async ({ page }) => {
    await installFakeStaffApi(page);
    const dashboard = new DashboardPage(page);
    await dashboard.open();
    const card = page.getByTestId('kpi-revenue');
    const colours = () => card.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el.querySelector('[data-testid="kpi-value"]')!).color]);
    const [lightBackground, lightText] = await colours();
    await page.getByRole('button', { name: 'Thème sombre' }).click();
    await expect.poll(async () => (await colours())[0]).not.toBe(lightBackground);
    expect((await colours())[1]).not.toBe(lightText);
    expect(plain(await dashboard.kpi('revenue').textContent())).toMatch(/€$/);
    await noHorizontalScroll(page);
  });
});
