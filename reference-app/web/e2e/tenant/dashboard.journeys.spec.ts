// Journey 8 against a real pti-server (see journeys.spec.ts for how it runs): the network admin
// lands on the dashboard and reads the month's figures as the API counts them, changes the
// month and narrows to an agency and a centre; an agency admin reads its own agency only and
// cannot pick another. Read-only: other journeys may book meanwhile, so each figure is checked
// against the answer the page itself received, and a past month (which no journey changes)
// against a read of the API of its own.
import { expect, test, type Page } from '@playwright/test';
import { signInAs } from '../fixtures/auth';
import { DashboardPage, expectedKpis, plain, type StatsAnswer } from '../fixtures/dashboard';

/** The month before `YYYY-MM` `month`. */
function monthBefore(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return m === 1 ? `${year! - 1}-12` : `${year}-${String(m! - 1).padStart(2, '0')}`;
}

/** GET `path` of the API as the signed-in user of `page`. */
async function apiGet<T>(page: Page, path: string): Promise<T> {
  const token = await page.evaluate(() => (JSON.parse(localStorage.getItem('pti.auth') ?? '{}') as { access_token?: string }).access_token);
  const answer = await page.request.get(`/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(answer.status()).toBe(200);
  return (await answer.json()) as T;
}

/** The figures of a month that no longer changes: everything but the accounts in service. */
const settled = (kpis: StatsAnswer['kpis']) => ({ ...kpis, active_users: undefined });

test('journey 8: a network admin lands on the dashboard and reads the month as the API counts it', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  const first = dashboard.nextStats();
  await signInAs(page, 'ADMIN_TENANT');
  await expect(page).toHaveURL(/\/tenant$/);
  const network = await dashboard.shown(first);
  expect(network.agency_id).toBeNull();
  expect(await dashboard.kpis()).toEqual(expectedKpis(network.kpis));
  await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText('Tout le réseau');
  // The seed's network has bookings this month, its revenue drawn over twelve months.
  expect(network.kpis.bookings).toBeGreaterThan(0);
  await expect(page.getByTestId('revenue-chart').locator('svg.recharts-surface')).toBeVisible();
  await expect(page.getByTestId('revenue-table').getByRole('row')).toHaveCount(13);
  const top = dashboard.panel('Top 5 des agences').getByTestId('top-agency');
  await expect(top).toHaveCount(network.top_agencies.length);
  await expect(top.first()).toContainText(network.top_agencies[0]!.name);
  await expect(dashboard.panel('Dernières réservations').getByTestId('recent-booking').first()).toContainText(network.recent[0]!.reference);

  // The month before: in the address, and as the API gives it to a read of its own.
  const answer = dashboard.nextStats();
  await page.getByRole('button', { name: 'Mois précédent' }).click();
  const before = await dashboard.shown(answer);
  expect(before.month).toBe(monthBefore(network.month));
  await expect(page).toHaveURL(new RegExp(`/tenant\\?mois=${before.month}$`));
  expect(await dashboard.kpis()).toEqual(expectedKpis(before.kpis));
  expect(before.kpis.bookings).toBe(network.kpis.bookings_previous);
  const own = await apiGet<StatsAnswer>(page, `/admin/dashboard/stats?month=${before.month}`);
  expect(settled(own.kpis)).toEqual(settled(before.kpis));

  // One agency of that month: its figures are its line of the network's ranking.
  const leader = before.top_agencies[0]!;
  const agency = await dashboard.pick(dashboard.agency, leader.name);
  await expect(page).toHaveURL(new RegExp(`\\?mois=${before.month}&agence=${leader.agency_id}$`));
  expect(agency.agency_id).toBe(leader.agency_id);
  expect(agency.kpis.bookings).toBe(leader.bookings);
  expect(await dashboard.kpis()).toEqual(expectedKpis(agency.kpis));
  await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText(leader.name);
  await expect(dashboard.panel('Top 5 des agences')).toHaveCount(0);

  // One of its centres.
  const centreName = (await dashboard.centre.locator('option').nth(1).textContent())!;
  const centre = await dashboard.pick(dashboard.centre, centreName);
  await expect(page).toHaveURL(new RegExp(`&agence=${leader.agency_id}&centre=${centre.centre_id}$`));
  expect(centre.agency_id).toBe(leader.agency_id);
  expect(await dashboard.kpis()).toEqual(expectedKpis(centre.kpis));
  expect(centre.kpis.bookings).toBeLessThanOrEqual(agency.kpis.bookings);
  await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText(centreName);

  // The address is the view: it opens again as it was.
  const again = await dashboard.open(`?mois=${before.month}&agence=${leader.agency_id}&centre=${centre.centre_id}`);
  expect(settled(again.kpis)).toEqual(settled(centre.kpis));
  await expect(dashboard.centre).toHaveValue(centre.centre_id!);
});

test('journey 8: an agency admin reads its own agency only, and cannot pick another', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  const first = dashboard.nextStats();
  await signInAs(page, 'ADMIN_AGENCE');
  await expect(page).toHaveURL(/\/tenant$/);
  const stats = await dashboard.shown(first);
  const me = await apiGet<{ agency_id: string }>(page, '/users/me');
  expect(stats.agency_id).toBe(me.agency_id);
  expect(await dashboard.kpis()).toEqual(expectedKpis(stats.kpis));

  // Its agency is fixed: no agency to choose, its own centres only, no ranking of agencies.
  const agencies = await apiGet<Array<{ id: string; name: string }>>(page, '/agences');
  const own = agencies.find((a) => a.id === me.agency_id)!;
  await expect(page.getByTestId('fixed-agency')).toHaveText(`Agence : ${own.name}`);
  await expect(dashboard.agency).toHaveCount(0);
  await expect(dashboard.panel('Top 5 des agences')).toHaveCount(0);
  const centres = await apiGet<Array<{ name: string; agency_id: string }>>(page, '/cts');
  expect(centres.every((c) => c.agency_id === me.agency_id)).toBe(true);
  const names = centres.map((c) => c.name).sort((a, b) => a.localeCompare(b, 'fr'));
  await expect(dashboard.centre.locator('option')).toHaveText(['Toute l’agence', ...names]);

  // Narrowed to one of its centres.
  const centre = await dashboard.pick(dashboard.centre, names[0]!);
  expect(centre.agency_id).toBe(me.agency_id);
  await expect(page).toHaveURL(new RegExp(`\\?centre=${centre.centre_id}$`));
  expect(await dashboard.kpis()).toEqual(expectedKpis(centre.kpis));

  // Another agency typed in the address: the server refuses, the page says so in French.
  const other = agencies.find((a) => a.id !== me.agency_id)!;
  const refused = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/admin/dashboard/stats');
  await page.goto(`/tenant?agence=${other.id}`);
  expect((await refused).status()).toBe(403);
  const failure = page.getByTestId('error-state');
  await expect(failure).toContainText('Cette information ne relève pas de votre périmètre (agence ou centre).');
  expect(plain(await failure.textContent())).not.toMatch(/principal|scope/);
});
