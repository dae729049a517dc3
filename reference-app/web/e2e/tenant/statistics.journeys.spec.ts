// Journey 13 against a real pti-server (see journeys.spec.ts for how it runs): the network admin
// opens Statistiques from the menu and reads the last 12 months as the API counts them, then
// exports them as Excel and PDF and finds in each file what it must hold; the server refuses a
// period of more than 24 months on its field `to`, as the page expects; an agency admin reads
// its own agency only. Read-only: other journeys may book meanwhile, so each figure is checked
// against the answer the page itself received.
//
// The XLSX is read with Python's standard zipfile and the PDF with poppler's pdftotext, both
// called through child_process: no reader joins the web app's dependencies.
import { execFileSync } from 'node:child_process';
import { expect, test, type Download, type Page } from '@playwright/test';
import { signInAs } from '../fixtures/auth';
import { plain } from '../fixtures/dashboard';
import { StaffShell } from '../fixtures/staff';
import { expectedStatisticsKpis, monthPlus, parisMonth, StatisticsPage, type StatisticsAnswer } from '../fixtures/statistics';

/** The sheets of the workbook, in their order. */
const SHEETS = ['Synthèse', 'Mois', 'Types de contrôle', 'Catégories', 'Agences', 'Centres'];

/** The sheets' names and every text of an XLSX file (shared strings and inline ones). */
const READ_XLSX = `
import json, sys, zipfile, xml.etree.ElementTree as ET
NS = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
with zipfile.ZipFile(sys.argv[1]) as z:
    sheets = [s.get('name') for s in ET.fromstring(z.read('xl/workbook.xml')).iter(NS + 'sheet')]
    texts = []
    for name in z.namelist():
        if name == 'xl/sharedStrings.xml' or (name.startswith('xl/worksheets/') and name.endswith('.xml')):
            texts += [t.text or '' for t in ET.fromstring(z.read(name)).iter(NS + 't')]
print(json.dumps({'sheets': sheets, 'texts': texts}, ensure_ascii=False))
`;

/** Saves `download` among the test's outputs and returns its path. */
async function saved(download: Download): Promise<string> {
  const path = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/** The sheets and texts of the workbook at `path`. */
function readXlsx(path: string): { sheets: string[]; texts: string[] } {
  return JSON.parse(execFileSync('python3', ['-c', READ_XLSX, path], { encoding: 'utf8' })) as { sheets: string[]; texts: string[] };
}

/** The text of the PDF at `path`, its spaces made plain. */
const readPdf = (path: string): string => plain(execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }));

/** GET `path` of the API as the signed-in user of `page`: its status and JSON body. */
async function apiGet<T>(page: Page, path: string): Promise<{ status: number; body: T }> {
  const token = await page.evaluate(() => (JSON.parse(localStorage.getItem('pti.auth') ?? '{}') as { access_token?: string }).access_token);
  const answer = await page.request.get(`/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: answer.status(), body: (await answer.json()) as T };
}

/** Clicks an export button; returns the file saved and the server's answer to the export. */
async function exportAs(statistics: StatisticsPage, label: 'Exporter en Excel' | 'Exporter en PDF') {
  const answer = statistics.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/statistics/tenant/export');
  const download = await statistics.export(label);
  const response = await answer;
  expect(response.status()).toBe(200);
  return { path: await saved(download), filename: download.suggestedFilename(), response };
}

test('journey 13: a network admin reads the last 12 months’ statistics and exports them as Excel and PDF', async ({ page }) => {
  const statistics = new StatisticsPage(page);
  await signInAs(page, 'ADMIN_TENANT');
  const first = statistics.nextStats();
  const nav = await new StaffShell(page).navigation();
  await nav.getByRole('link', { name: 'Statistiques' }).click();
  await expect(page).toHaveURL(/\/tenant\/statistiques$/);
  const stats: StatisticsAnswer = await statistics.shown(first);

  // The last 12 months, this one included: the seeded network's bookings of the past month and
  // of the weeks ahead fall in them.
  const current = parisMonth();
  expect([stats.from, stats.to]).toEqual([monthPlus(current, -11), current]);
  expect(stats.months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => monthPlus(current, i - 11)));
  await statistics.preset('12 derniers mois').click();
  await expect(page).toHaveURL(new RegExp(`/tenant/statistiques\\?du=${stats.from}&au=${stats.to}$`));
  await expect(statistics.preset('12 derniers mois')).toHaveAttribute('aria-pressed', 'true');
  expect(stats.totals.bookings).toBeGreaterThan(0);
  expect(stats.totals.completed).toBeGreaterThan(0);
  expect(stats.totals.collected_cents).toBeGreaterThan(0);
  expect(stats.totals.revenue_cents).toBe(stats.totals.collected_cents - stats.totals.refunded_cents);
  expect(stats.by_agency.length).toBeGreaterThan(0);
  expect(stats.by_centre.length).toBeGreaterThan(0);
  expect(await statistics.kpis()).toEqual(expectedStatisticsKpis(stats));
  await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText('Tout le réseau');

  // The charts are drawn; the tables list the agencies and centres the server counted.
  await expect(page.getByTestId('revenue-chart').locator('svg.recharts-surface')).toBeVisible();
  await expect(page.getByTestId('revenue-table').getByRole('row')).toHaveCount(13);
  await expect(page.getByTestId('control-type-chart').locator('svg.recharts-surface')).toBeVisible();
  await expect(page.getByTestId('vehicle-category-chart').locator('svg.recharts-surface')).toBeVisible();
  const leader = stats.by_agency[0]!;
  await expect(page.getByTestId('agency-table').getByTestId('figures-row').first().getByRole('rowheader')).toHaveText(leader.name);
  const centres = stats.by_centre.length;
  expect(plain(await page.getByTestId('centre-table').getByTestId('figures-total').textContent())).toBe(`${plain(new Intl.NumberFormat('fr-FR').format(centres))} ${centres > 1 ? 'centres' : 'centre'}`);
  const agencies = (await apiGet<Array<{ name: string }>>(page, '/agences')).body;
  expect(agencies.map((a) => a.name)).toContain(leader.name);

  // Excel: its six sheets, the agencies and centres by name.
  const xlsx = await exportAs(statistics, 'Exporter en Excel');
  expect(xlsx.filename).toBe(`statistiques-${stats.from}-${stats.to}.xlsx`);
  expect(xlsx.response.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(xlsx.response.headers()['content-disposition']).toContain(`filename="statistiques-${stats.from}-${stats.to}.xlsx"`);
  const workbook = readXlsx(xlsx.path);
  expect(workbook.sheets).toEqual(SHEETS);
  expect(workbook.texts).toContain(leader.name);
  expect(workbook.texts).toContain(stats.by_centre[0]!.name);

  // PDF: a report of the network, titled.
  const pdf = await exportAs(statistics, 'Exporter en PDF');
  expect(pdf.filename).toBe(`statistiques-${stats.from}-${stats.to}.pdf`);
  expect(pdf.response.headers()['content-type']).toBe('application/pdf');
  const tenant = (await apiGet<{ name: string }>(page, '/tenant')).body;
  const report = readPdf(pdf.path);
  expect(report).toContain(tenant.name);
  expect(report).toContain('Statistiques');
});

test('journey 13: the server refuses a period of more than 24 months on its field `to`, as the page expects', async ({ page }) => {
  await signInAs(page, 'ADMIN_TENANT');
  const current = parisMonth();
  const tooLong = await apiGet<{ code: string; details: { field?: string } }>(page, `/statistics/tenant?from=${monthPlus(current, -24)}&to=${current}`);
  expect(tooLong.status).toBe(422);
  expect([tooLong.body.code, tooLong.body.details.field]).toEqual(['VALIDATION', 'to']);
  const backwards = await apiGet<{ code: string; details: { field?: string } }>(page, `/statistics/tenant?from=${current}&to=${monthPlus(current, -1)}`);
  expect([backwards.status, backwards.body.details.field]).toEqual([422, 'to']);
  const longest = await apiGet<StatisticsAnswer>(page, `/statistics/tenant?from=${monthPlus(current, -23)}&to=${current}`);
  expect(longest.status).toBe(200);
  expect(longest.body.months).toHaveLength(24);

  // The page says it before asking.
  const statistics = new StatisticsPage(page);
  await statistics.open(`?du=${monthPlus(current, -11)}&au=${current}`);
  await statistics.from.selectOption(monthPlus(current, -24));
  await expect(statistics.to).toHaveAccessibleDescription(/Période trop longue : 24 mois au plus\./);
});

test('journey 13: an agency admin reads its own agency’s statistics only', async ({ page }) => {
  const statistics = new StatisticsPage(page);
  await signInAs(page, 'ADMIN_AGENCE');
  const stats = await statistics.open();
  const me = (await apiGet<{ agency_id: string }>(page, '/users/me')).body;
  const agencies = (await apiGet<Array<{ id: string; name: string }>>(page, '/agences')).body;
  const own = agencies.find((a) => a.id === me.agency_id)!;
  await expect(page.getByTestId('fixed-agency')).toHaveText(`Agence : ${own.name}`);
  await expect(statistics.agency).toHaveCount(0);
  await expect(statistics.panel('Chiffres par agence')).toHaveCount(0);
  expect(stats.by_agency.every((a) => a.id === me.agency_id)).toBe(true);
  expect(stats.by_centre.every((c) => c.agency_id === me.agency_id)).toBe(true);
  // Its figures, or the empty state when the seed gave its centres nothing in the period.
  const { totals: t, funnel: f } = stats;
  const counted = t.bookings + t.cancelled + t.collected_cents + t.refunded_cents + f.searches + f.slot_views + f.holds + f.paid > 0;
  if (counted) expect(await statistics.kpis()).toEqual(expectedStatisticsKpis(stats));
  else await expect(page.getByTestId('empty-state')).toContainText('Aucun chiffre sur cette période.');

  // Another agency typed in the address: the server refuses, the page says so in French.
  const other = agencies.find((a) => a.id !== me.agency_id)!;
  expect((await apiGet<unknown>(page, `/statistics/tenant?agency_id=${other.id}`)).status).toBe(403);
  await page.goto(`/tenant/statistiques?agence=${other.id}`);
  const failure = page.getByTestId('error-state');
  await expect(failure).toContainText('Cette information ne relève pas de votre périmètre (agence ou centre).');
  expect(plain(await failure.textContent())).not.toMatch(/principal|scope/);
});
