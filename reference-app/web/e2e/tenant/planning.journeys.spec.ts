// Journey 12 against a real pti-server (see journeys.spec.ts for how it runs): a guest books and
// pays an inspection through the API; the network admin finds it on the global planning — the
// centre's cell, its day opened from the heatmap, the hours — then the booking is cancelled and
// the day says so. The fill warning follows the network's setting, put back at the end. Both
// viewport projects run against the same database one after the other: each books its own slot
// with its own plate.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { signInAs } from '../fixtures/auth';
import { StaffShell } from '../fixtures/staff';
import { uniquePlate } from '../fixtures/plates';

test.describe.configure({ mode: 'serial' });

/** A booking made for the journey, and where it stands. */
interface Booked {
  id: string;
  reference: string;
  guestToken: string;
  centreName: string;
  day: string;
}

const longDay = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const frenchDay = (day: string) => longDay.format(new Date(`${day}T00:00:00Z`));
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Holds and pays, as a guest, the first slot from tomorrow of a centre of the portal's network. */
async function bookAndPay(request: APIRequestContext): Promise<Booked> {
  const tenant = (await (await request.get('/api/v1/tenant')).json()) as { id: string };
  const from = addDays(new Date().toISOString().slice(0, 10), 2);
  const search = await request.post('/api/v1/disponibilites/search', { data: { place: 'Lyon', date_from: from, slots_per_centre: 5, limit: 10 } });
  expect(search.status()).toBe(200);
  const results = ((await search.json()) as { results: Array<{ centre: { tenant_id: string; name: string }; slots: Array<{ disponibilite_id: string; start: string }> }> }).results;
  const result = results.find((r) => r.centre.tenant_id === tenant.id && r.slots.length > 0);
  expect(result, 'a centre of the network near Lyon offers a slot').toBeTruthy();
  const slot = result!.slots[0]!;
  const held = await request.post('/api/v1/rdv', {
    data: {
      disponibilite_id: slot.disponibilite_id,
      first_name: 'Jeanne',
      last_name: 'Planning',
      email: `planning+${Date.now()}@test.fr`,
      phone: '06 12 34 56 78',
      immatriculation: uniquePlate(),
      vehicle_type: 'VP',
      control_type: 'CT',
    },
  });
  expect(held.status(), await held.text()).toBe(201);
  const rdv = (await held.json()) as { id: string; reference: string; guest_token: string };
  const card = await request.post('/api/v1/payment/tokenize', { data: { card_number: '4242424242424242', exp_month: 12, exp_year: 2030, cvc: '123' } });
  const paid = await request.post('/api/v1/payment/process', {
    headers: { 'x-rdv-token': rdv.guest_token, 'idempotency-key': `planning-${rdv.id}` },
    data: { rdv_id: rdv.id, card_token: ((await card.json()) as { token: string }).token },
  });
  expect(paid.status(), await paid.text()).toBe(200);
  return { id: rdv.id, reference: rdv.reference, guestToken: rdv.guest_token, centreName: result!.centre.name, day: slot.start.slice(0, 10) };
}

/** Opens the planning from the portal's navigation. */
async function openPlanning(page: Page) {
  await signInAs(page, 'ADMIN_TENANT');
  const nav = await new StaffShell(page).navigation();
  await nav.getByRole('link', { name: 'Planning' }).click();
  await expect(page).toHaveURL(/\/tenant\/planning/);
  await expect(page.getByRole('heading', { name: 'Planning', level: 1 })).toBeVisible();
}

test('journey 12: a booking paid shows on the planning, in its centre’s day, then cancelled', async ({ page, request }) => {
  const booked = await bookAndPay(request);
  await openPlanning(page);
  await expect(page.getByTestId('heatmap-days')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Légende des couleurs' })).toContainText('90 % et plus (alerte)');

  // The booking's week, then its centre only.
  await page.goto(`/tenant/planning?du=${booked.day}&au=${addDays(booked.day, 6)}`);
  await page.getByLabel('Centre', { exact: true }).selectOption({ label: booked.centreName });
  await expect(page).toHaveURL(/centre=/);
  await expect(page.getByTestId('heatmap-row')).toHaveCount(1);
  const cell = page.getByRole('button', { name: new RegExp(`^${booked.centreName}, ${frenchDay(booked.day)} : \\d+ réservations? sur \\d+`) });
  await expect(cell).toBeVisible();
  await cell.click();

  const panel = page.getByRole('dialog', { name: `${booked.centreName} — ${frenchDay(booked.day)}` });
  const listed = panel.getByTestId('day-booking').filter({ hasText: booked.reference });
  await expect(listed).toContainText('Confirmé');
  await expect(page).toHaveURL(new RegExp(`detail=[^&]+_${booked.day}`));

  // Reloaded, the day stays open; the hours view counts the booking too.
  await page.reload();
  await expect(panel.getByTestId('day-booking').filter({ hasText: booked.reference })).toBeVisible();
  await panel.getByRole('button', { name: 'Fermer' }).click();
  await page.getByRole('button', { name: 'Par heure' }).click();
  const hours = page.getByTestId('heatmap-hours');
  await expect(hours.getByRole('columnheader', { name: '9 h' })).toBeVisible();
  await expect(hours.getByText(/ : [1-9]\d* réservations? sur/).first()).toBeAttached();

  const cancelled = await request.delete(`/api/v1/rdv/${booked.id}`, { headers: { 'x-rdv-token': booked.guestToken } });
  expect(cancelled.status()).toBe(200);
  await page.getByRole('button', { name: 'Par jour' }).click();
  await page.reload();
  await cell.click();
  await expect(panel.getByTestId('day-booking').filter({ hasText: booked.reference })).toContainText('Annulé');
});

test('journey 12: a period of more than 31 days is refused next to its field', async ({ page }) => {
  await openPlanning(page);
  const to = page.getByLabel('Au', { exact: true });
  const from = await page.getByLabel('Du', { exact: true }).inputValue();
  await to.fill(addDays(from, 40));
  await expect(page.getByText('31 jours au plus.')).toBeVisible();
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await to.fill(addDays(from, 30));
  await expect(page).toHaveURL(new RegExp(`au=${addDays(from, 30)}`));
  await expect(page.getByTestId('heatmap-days').getByRole('columnheader')).toHaveCount(32);
});

test('journey 12: the centres filled to the network’s warning are flagged', async ({ page }) => {
  await openPlanning(page);
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('pti.auth') ?? '{}').access_token as string);
  const setWarning = (percent: number) =>
    page.request.put('/api/v1/admin/tenant/settings', { headers: { authorization: `Bearer ${token}` }, data: { booking_policy: { fill_warning_percent: percent } } });
  expect((await setWarning(1)).status()).toBe(200);
  try {
    await expect(async () => {
      await page.reload();
      await expect(page.getByText('Centres en alerte (≥ 1 %)')).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    const flagged = page.locator('[data-testid="heatmap-row"][data-warning="true"]');
    await expect(flagged.first()).toBeVisible();
    await expect(flagged.first().getByRole('rowheader')).toContainText('(alerte de remplissage)');
    await expect(page.getByRole('list', { name: 'Légende des couleurs' })).toContainText('1 % et plus (alerte)');
  } finally {
    expect((await setWarning(90)).status()).toBe(200);
  }
});
