// The staff's bookings list against a real pti-server (see journeys.spec.ts for how it runs): the
// demo network's admin opens Réservations from the menu, narrows the list to a centre and a
// status, finds a booking by its reference, exports it as Excel and finds the reference in the
// workbook; the server refuses what the contract says it refuses, on the field the page
// expects; an agency admin lists its own agency's bookings and centres only. Read-only: other
// journeys may book meanwhile, so each check is made against the answer the page itself
// received.
//
// The XLSX is read with Python's standard zipfile, called through child_process: no reader
// joins the web app's dependencies.
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { signInAs } from '../fixtures/auth';
import { BOOKING_EXPORT_HEADERS, BookingsPage, wallClock, type BookingsAnswer } from '../fixtures/bookings';
import { plain } from '../fixtures/dashboard';
import { parisDay } from '../fixtures/pages';
import { StaffShell } from '../fixtures/staff';

/** Every text of an XLSX file (shared strings and inline ones). */
const READ_XLSX = `
import json, sys, zipfile, xml.etree.ElementTree as ET
NS = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
with zipfile.ZipFile(sys.argv[1]) as z:
    texts = []
    for name in z.namelist():
        if name == 'xl/sharedStrings.xml' or (name.startswith('xl/worksheets/') and name.endswith('.xml')):
            texts += [t.text or '' for t in ET.fromstring(z.read(name)).iter(NS + 't')]
print(json.dumps(texts, ensure_ascii=False))
`;

/** The texts of the workbook at `path`. */
const readXlsx = (path: string): string[] => JSON.parse(execFileSync('python3', ['-c', READ_XLSX, path], { encoding: 'utf8' })) as string[];

/** GET `path` of the API as the signed-in user of `page`: its status and JSON body. */
async function apiGet<T>(page: Page, path: string): Promise<{ status: number; body: T }> {
  const token = await page.evaluate(() => (JSON.parse(localStorage.getItem('pti.auth') ?? '{}') as { access_token?: string }).access_token);
  const answer = await page.request.get(`/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: answer.status(), body: (await answer.json()) as T };
}

/** The query of the page's last call of `path`. */
const queryOf = (url: string) => Object.fromEntries(new URL(url).searchParams);

test('a network admin narrows the bookings to a centre and a status, finds one by its reference and exports it as Excel', async ({ page }) => {
  const bookings = new BookingsPage(page);
  await signInAs(page, 'ADMIN_TENANT');
  const first = bookings.nextList();
  const nav = await new StaffShell(page).navigation();
  await nav.getByRole('link', { name: 'Réservations' }).click();
  await expect(page).toHaveURL(/\/tenant\/reservations$/);
  const response = await first;
  expect(queryOf(response.url())).toEqual({ sort: 'start', order: 'desc', limit: '25' });
  const all: BookingsAnswer = await bookings.shown(Promise.resolve(response));

  // The seeded network's bookings, the latest start first, with no count of the whole list.
  expect(all.items.length).toBeGreaterThan(0);
  const starts = all.items.map((b) => Date.parse(b.start));
  expect(starts).toEqual([...starts].sort((a, b) => b - a));
  const top = all.items[0]!;
  await expect(bookings.row(top.reference).getByRole('cell', { name: wallClock(top.start), exact: true })).toBeVisible();
  await expect(bookings.row(top.reference)).toContainText(top.centre_name);
  if (all.next_cursor) await expect(bookings.range).toHaveText(`${all.items.length} premiers résultats`);

  // A centre with confirmed bookings (the seed books the weeks ahead), then that status.
  const seen = (await apiGet<BookingsAnswer>(page, '/rdv?status=confirmed&limit=1')).body.items[0]!;
  let answer = bookings.nextList();
  await bookings.centre.selectOption(seen.centre_id);
  let shown = await bookings.shown(answer);
  await expect(page).toHaveURL(new RegExp(`agence=${seen.agency_id}&centre=${seen.centre_id}$`));
  expect(shown.items.every((b) => b.centre_id === seen.centre_id)).toBe(true);
  answer = bookings.nextList();
  await bookings.tableFilter('Statut').selectOption({ label: 'Confirmés' });
  const response2 = await answer;
  expect(queryOf(response2.url())).toMatchObject({ centre_id: seen.centre_id, status: 'confirmed' });
  shown = await bookings.shown(Promise.resolve(response2));
  expect(shown.items.length).toBeGreaterThan(0);
  expect(shown.items.every((b) => b.centre_id === seen.centre_id && b.status === 'confirmed')).toBe(true);
  for (const row of await bookings.rows.all()) await expect(row).toContainText('Confirmé');

  // A booking by its reference, typed in lower case.
  const wanted = shown.items.at(-1)!;
  answer = bookings.nextList();
  await bookings.search.fill(wanted.reference.toLowerCase());
  const found = await answer;
  expect(queryOf(found.url())).toMatchObject({ q: wanted.reference.toLowerCase(), centre_id: seen.centre_id, status: 'confirmed' });
  shown = await bookings.shown(Promise.resolve(found));
  expect(shown.items.map((b) => b.reference)).toEqual([wanted.reference]);
  await expect(bookings.rows).toHaveCount(1);
  await expect(bookings.row(wanted.reference)).toContainText(wanted.plate);
  await expect(bookings.range).toHaveText('1 résultat');

  // Excel: every booking of the filters shown, under the server's name, its headers French.
  const exported = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/rdv/export');
  const download = await bookings.export('Exporter Excel');
  const file = await exported;
  expect(file.status()).toBe(200);
  expect(queryOf(file.url())).toEqual({ format: 'xlsx', agency_id: seen.agency_id, centre_id: seen.centre_id, status: 'confirmed', q: wanted.reference.toLowerCase(), sort: 'start', order: 'desc' });
  expect(file.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const name = download.suggestedFilename();
  expect(name).toMatch(/^reservations-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect([parisDay(0), new Date().toISOString().slice(0, 10)]).toContain(name.slice('reservations-'.length, -'.xlsx'.length));
  expect(file.headers()['content-disposition']).toContain(`filename="${name}"`);
  const path = test.info().outputPath(name);
  await download.saveAs(path);
  const texts = readXlsx(path);
  expect(texts).toEqual(expect.arrayContaining(BOOKING_EXPORT_HEADERS));
  expect(texts).toContain(wanted.reference);
  expect(texts).toContain(wanted.centre_name);
  expect(plain(await page.getByRole('main').textContent())).not.toMatch(/Une erreur est survenue|L’export a échoué/);
});

test('the server refuses what the contract refuses, on the field the page expects', async ({ page }) => {
  await signInAs(page, 'ADMIN_TENANT');
  type Refusal = { code: string; details: { field?: string } };
  const backwards = await apiGet<Refusal>(page, `/rdv?from=${parisDay(1)}&to=${parisDay(0)}`);
  expect([backwards.status, backwards.body.code, backwards.body.details.field]).toEqual([422, 'VALIDATION', 'to']);
  expect((await apiGet<Refusal>(page, '/rdv?status=paid')).body.details.field).toBe('status');
  expect((await apiGet<Refusal>(page, '/rdv/export?format=pdf')).body.details.field).toBe('format');
  const oneDay = await apiGet<BookingsAnswer>(page, `/rdv?from=${parisDay(0)}&to=${parisDay(0)}&limit=100`);
  expect(oneDay.status).toBe(200);
  expect(oneDay.body).not.toHaveProperty('total');
  // `from` and `to` are the local days of the start, as its offset writes it.
  expect(oneDay.body.items.every((b) => b.start.slice(0, 10) === parisDay(0))).toBe(true);

  // The page says it before asking.
  const bookings = new BookingsPage(page);
  await bookings.open();
  await bookings.from.fill(parisDay(1));
  await bookings.to.fill(parisDay(0));
  await expect(bookings.to).toHaveAccessibleDescription('La fin précède le début.');
});

test('an agency admin lists its own agency’s bookings and centres only', async ({ page }) => {
  const bookings = new BookingsPage(page);
  await signInAs(page, 'ADMIN_AGENCE');
  const shown = await bookings.open();
  const me = (await apiGet<{ agency_id: string }>(page, '/users/me')).body;
  const agencies = (await apiGet<Array<{ id: string; name: string }>>(page, '/agences')).body;
  const own = agencies.find((a) => a.id === me.agency_id)!;
  await expect(page.getByTestId('fixed-agency')).toHaveText(`Agence : ${own.name}`);
  await expect(bookings.agency).toHaveCount(0);
  const centres = (await apiGet<Array<{ id: string; name: string; agency_id: string }>>(page, `/cts?agency_id=${own.id}`)).body;
  expect(centres.length).toBeGreaterThan(0);
  expect(centres.every((c) => c.agency_id === own.id)).toBe(true);
  const offered = await bookings.centre.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  expect(offered.sort()).toEqual(centres.map((c) => c.id).sort());
  expect(shown.items.every((b) => b.agency_id === own.id)).toBe(true);
  const all = await apiGet<BookingsAnswer>(page, '/rdv?limit=100');
  expect(all.body.items.every((b) => b.agency_id === own.id)).toBe(true);

  // Another agency typed in the address: the server refuses, the page says so in French.
  const other = agencies.find((a) => a.id !== own.id);
  if (other) {
    expect((await apiGet<unknown>(page, `/rdv?agency_id=${other.id}`)).status).toBe(403);
    await page.goto(`/tenant/reservations?agence=${other.id}`);
    const failure = bookings.table.getByTestId('error-state');
    await expect(failure).toContainText('Cette information ne relève pas de votre périmètre (agence ou centre).');
    expect(plain(await failure.textContent())).not.toMatch(/principal|scope/);
  }
});
