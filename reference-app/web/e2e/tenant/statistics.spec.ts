// The tenant portal's statistics (journey 13) against the in-memory staff API
// (e2e/fixtures/fake-staff-api.ts), at 1280, 768 and 390 px (projects staff-1280, staff-768,
// staff-390): the figures are the server's, the period and the filters live in the address,
// a period too long is refused on its field (by the page, and by the server), the exports
// download under the server's name, an agency admin is held to its agency, dark theme.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { plain } from '../fixtures/dashboard';
import { ADMIN, installFakeStaffApi } from '../fixtures/fake-staff-api';
import { StaffShell } from '../fixtures/staff';
import { expectedStatisticsKpis, monthPlus, parisMonth, StatisticsPage } from '../fixtures/statistics';

const YEAR = '?du=2026-01&au=2026-12';

/** Checks the page is no wider than the viewport (on a phone the layout viewport grows to fit a
 * too wide page, so comparing with `innerWidth` would not tell). */
async function fitsTheViewport(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
}
const AGENCY_ADMIN = { ...ADMIN, id: 'u9', first_name: 'Paul', role: 'ADMIN_AGENCE', agency_id: 'a1' };

test.describe('statistics (in-memory API)', () => {
  test('shows the period’s key figures, charts and tables as the server counts them, at every width', async ({ page }) => {
    const api = await installFakeStaffApi(page);
    const statistics = new StatisticsPage(page);
    const stats = await statistics.open(YEAR);
    expect(Object.fromEntries(api.calls.filter((c) => c.path === '/statistics/tenant').at(-1)!.query)).toEqual({ from: '2026-01', to: '2026-12' });
    expect(await statistics.kpis()).toEqual(expectedStatisticsKpis(stats));
    expect(stats.totals.bookings).toBeGreaterThan(0);
    await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText('janvier 2026 – décembre 2026 · Tout le réseau');
    await expect(page.getByTestId('kpi-refunded')).toContainText(`${stats.totals.refunds} remboursements`);
    await expect(statistics.panel('Entonnoir de conversion').getByTestId('funnel-count')).toHaveText(
      [stats.funnel.searches, stats.funnel.slot_views, stats.funnel.holds, stats.funnel.paid].map((n) => new Intl.NumberFormat('fr-FR').format(n)),
    );

    // The charts are drawn (their chunks loaded on demand), their figures readable as tables.
    await expect(page.getByTestId('revenue-chart').locator('svg.recharts-surface')).toBeVisible();
    await expect(page.getByTestId('revenue-chart').locator('.recharts-bar-rectangle')).toHaveCount(12);
    await expect(page.getByTestId('revenue-table').getByRole('row')).toHaveCount(13);
    await expect(page.getByTestId('control-type-chart').locator('svg.recharts-surface')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Réservations par type de contrôle' }).getByRole('rowheader')).toHaveText([
      'Contrôle technique périodique',
      'Contre-visite',
      'Contrôle complémentaire',
    ]);
    await expect(page.getByRole('table', { name: 'Réservations par catégorie de véhicule' }).getByRole('rowheader')).toHaveText([
      'Voiture (VP)',
      'Utilitaire (VU)',
      'Deux-roues (L)',
      'Camping-car',
    ]);

    // By agency and by centre, the most bookings first, amounts the French way.
    const agencies = page.getByTestId('agency-table').getByTestId('figures-row');
    await expect(agencies).toHaveCount(stats.by_agency.length);
    await expect(agencies.first().getByRole('rowheader')).toHaveText(stats.by_agency[0]!.name);
    const centres = page.getByTestId('centre-table').getByTestId('figures-row');
    await expect(centres).toHaveCount(stats.by_centre.length);
    const top = stats.by_centre[0]!;
    expect(plain(await centres.first().textContent())).toContain(`${top.name}${top.agency_name}`);
    expect(plain(await centres.first().textContent())).toContain(plain(new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(top.figures.revenue_cents / 100)));

    const nav = await new StaffShell(page).navigation();
    await expect(nav.getByRole('link', { name: 'Statistiques' })).toHaveAttribute('aria-current', 'page');
    await page.keyboard.press('Escape');
    await fitsTheViewport(page);
  });

  test('a preset changes the address and the request; a reload and the history keep the view', async ({ page }) => {
    const api = await installFakeStaffApi(page);
    const statistics = new StatisticsPage(page);
    await statistics.open(YEAR);
    await expect(statistics.from).toHaveValue('2026-01');
    await expect(statistics.to).toHaveValue('2026-12');

    const current = parisMonth();
    const answer = statistics.nextStats();
    await statistics.preset('6 derniers mois').click();
    const six = await statistics.shown(answer);
    await expect(page).toHaveURL(new RegExp(`/tenant/statistiques\\?du=${monthPlus(current, -5)}&au=${current}$`));
    expect([six.from, six.to]).toEqual([monthPlus(current, -5), current]);
    expect(six.months).toHaveLength(6);
    expect(Object.fromEntries(api.calls.filter((c) => c.path === '/statistics/tenant').at(-1)!.query)).toEqual({ from: monthPlus(current, -5), to: current });
    await expect(statistics.preset('6 derniers mois')).toHaveAttribute('aria-pressed', 'true');
    await expect(statistics.from).toHaveValue(monthPlus(current, -5));
    expect(await statistics.kpis()).toEqual(expectedStatisticsKpis(six));

    // An agency: in the address too; its centres only, no table of agencies.
    const lyon = statistics.nextStats();
    await statistics.agency.selectOption({ label: 'Agence Lyon' });
    const agency = await statistics.shown(lyon);
    await expect(page).toHaveURL(/&agence=a2$/);
    expect(agency.by_centre.map((c) => c.name)).toEqual(['CT Lyon 3']);
    await expect(statistics.panel('Chiffres par agence')).toHaveCount(0);
    await expect(statistics.centre.getByRole('option')).toHaveText(['Toute l’agence', 'CT Lyon 3']);

    await page.reload();
    await expect(statistics.agency).toHaveValue('a2');
    await expect(statistics.from).toHaveValue(monthPlus(current, -5));
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`\\?du=${monthPlus(current, -5)}&au=${current}$`));
    await expect(statistics.agency).toHaveValue('');
  });

  test('a period of more than 24 months is refused on its field: by the page before asking, and by the server', async ({ page }) => {
    const api = await installFakeStaffApi(page);
    const statistics = new StatisticsPage(page);
    await statistics.open(YEAR);
    const asked = () => api.calls.filter((c) => c.path === '/statistics/tenant').length;
    const before = asked();
    await statistics.from.selectOption({ label: 'Décembre 2024' });
    await expect(statistics.to).toHaveAccessibleDescription(/Période trop longue : 24 mois au plus\./);
    await expect(page).toHaveURL(new RegExp(`${YEAR.replace('?', '\\?')}$`));
    expect(asked()).toBe(before);
    await expect(page.getByRole('button', { name: 'Exporter en Excel' })).toBeEnabled();

    // The server's own refusal of a period it will not take, in French beside the field.
    await page.route('**/api/v1/statistics/tenant?**', (route) =>
      route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ code: 'VALIDATION', message: 'to: at most 24 months after from', details: { field: 'to', reason: 'at most 24 months' } }) }),
    );
    await page.goto('/tenant/statistiques?du=2025-01&au=2026-12');
    const refused = 'Période refusée : le mois de fin doit être celui du début ou un suivant, 24 mois au plus.';
    await expect(statistics.to).toHaveAccessibleDescription(new RegExp(refused));
    await expect(page.getByRole('main')).not.toContainText('at most');
    await expect(page.getByRole('button', { name: 'Exporter en PDF' })).toBeDisabled();
  });

  test('the exports download the figures shown under the server’s name, and a failed one says so in French', async ({ page }) => {
    const api = await installFakeStaffApi(page);
    const statistics = new StatisticsPage(page);
    await statistics.open(`${YEAR}&agence=a1`);

    const xlsx = await statistics.export('Exporter en Excel');
    expect(xlsx.suggestedFilename()).toBe('statistiques-2026-01-2026-12.xlsx');
    const file = test.info().outputPath('exports', xlsx.suggestedFilename());
    await xlsx.saveAs(file);
    expect(readFileSync(file, 'utf8')).toBe('fake xlsx export of 2026-01 to 2026-12');
    const pdf = await statistics.export('Exporter en PDF');
    expect(pdf.suggestedFilename()).toBe('statistiques-2026-01-2026-12.pdf');
    const exports = api.calls.filter((c) => c.path === '/statistics/tenant/export');
    expect(exports.map((c) => Object.fromEntries(c.query))).toEqual([
      { format: 'xlsx', from: '2026-01', to: '2026-12', agency_id: 'a1' },
      { format: 'pdf', from: '2026-01', to: '2026-12', agency_id: 'a1' },
    ]);
    expect(exports.every((c) => c.headers.authorization === 'Bearer A')).toBe(true);

    await page.route('**/api/v1/statistics/tenant/export?**', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ code: 'UNAVAILABLE', message: 'down', details: {} }) }),
    );
    await page.getByRole('button', { name: 'Exporter en PDF' }).click();
    await expect(page.getByText('L’export a échoué. Le service est momentanément indisponible. Réessayez dans un instant.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Exporter en PDF' })).toBeEnabled();
  });

  test('an agency admin reads its agency only, and the server’s refusal of another is French', async ({ page }) => {
    const api = await installFakeStaffApi(page, AGENCY_ADMIN);
    const statistics = new StatisticsPage(page);
    const stats = await statistics.open(YEAR);
    await expect(page.getByTestId('fixed-agency')).toHaveText('Agence : Agence Paris');
    await expect(statistics.agency).toHaveCount(0);
    expect(stats.by_centre.every((c) => c.agency_id === 'a1')).toBe(true);
    await expect(page.getByTestId('centre-table').getByTestId('figures-row')).toHaveCount(2);
    await expect(statistics.panel('Chiffres par agence')).toHaveCount(0);
    expect(api.calls.filter((c) => c.path === '/statistics/tenant').every((c) => !c.query.get('agency_id'))).toBe(true);

    await page.goto(`/tenant/statistiques${YEAR}&agence=a2`);
    const failure = page.getByTestId('error-state');
    await expect(failure).toContainText('Cette information ne relève pas de votre périmètre (agence ou centre).');
    await expect(failure).not.toContainText('principal');
  });

  test('the dark theme darkens the cards and the tables, and lightens their figures', async ({ page }) => {
    await installFakeStaffApi(page);
    const statistics = new StatisticsPage(page);
    await statistics.open(YEAR);
    const colours = () =>
      page.evaluate(() => {
        const card = document.querySelector('[data-testid="kpi-revenue"]')!;
        const table = document.querySelector('[data-testid="centre-table"] table')!.parentElement!;
        return [getComputedStyle(card).backgroundColor, getComputedStyle(card.querySelector('[data-testid="kpi-value"]')!).color, getComputedStyle(table).backgroundColor];
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
