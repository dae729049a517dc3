// The planning page against an in-memory API (e2e/fixtures/fake-staff-api.ts), at 1280, 768 and
// 390 px (projects staff-1280, staff-768, staff-390): the page never scrolls sideways (the
// heatmap scrolls in its own frame), the flagged centre comes first, a day cell opens the
// centre's day, and the dark theme recolours the cells.
import { expect, test } from '@playwright/test';
import { installFakeStaffApi } from '../fixtures/fake-staff-api';
import { noHorizontalScroll } from '../fixtures/pages';

const PERIOD = '/tenant/planning?du=2026-12-07&au=2026-12-20';

test.describe('planning (in-memory API)', () => {
  test('shows the heatmap at every width, the flagged centre first, and opens a centre’s day', async ({ page }) => {
    await installFakeStaffApi(page);
    await page.goto(PERIOD);
    const rows = page.getByTestId('heatmap-row');
    await expect(rows).toHaveCount(3);
    await expect(rows.first()).toHaveAttribute('data-warning', 'true');
    await expect(rows.first().getByRole('rowheader')).toContainText('CT Paris 15');
    await expect(page.getByText('Centres en alerte (≥ 90 %)')).toBeVisible();
    await noHorizontalScroll(page);

    const cell = page.getByRole('button', { name: 'CT Paris 15, lundi 7 décembre 2026 : 38 réservations sur 40 (95 %)' });
    await cell.scrollIntoViewIfNeeded();
    await cell.click();
    const panel = page.getByRole('dialog', { name: 'CT Paris 15 — lundi 7 décembre 2026' });
    await expect(panel.getByTestId('day-booking')).toHaveCount(3);
    await expect(panel.getByTestId('day-booking').last()).toContainText('Annulé');
    const box = await panel.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
    await panel.getByRole('button', { name: 'Fermer' }).click();
    await expect(panel).toBeHidden();

    await page.getByRole('button', { name: 'Par heure' }).click();
    await expect(page.getByTestId('heatmap-hours').getByRole('columnheader')).toHaveText(['Centre', ...Array.from({ length: 10 }, (_, i) => `${8 + i} h`)]);
    await noHorizontalScroll(page);
  });

  test('narrows to an agency, then a centre, from the filters', async ({ page }) => {
    const api = await installFakeStaffApi(page);
    await page.goto(PERIOD);
    await page.getByLabel('Agence').selectOption({ label: 'Agence Lyon' });
    await expect(page.getByTestId('heatmap-row')).toHaveCount(1);
    await expect(page).toHaveURL(/agence=a2/);
    await page.getByLabel('Centre', { exact: true }).selectOption({ label: 'CT Lyon 3' });
    await expect(page).toHaveURL(/centre=c3/);
    const asked = () => api.calls.filter((c) => c.path === '/planning/global').map((c) => c.query.toString());
    await expect.poll(() => asked().at(-1)).toBe('from=2026-12-07&to=2026-12-20&agency_id=a2&centre_id=c3');
  });

  test('colours the cells for the dark theme too', async ({ page }) => {
    await installFakeStaffApi(page);
    await page.goto(PERIOD);
    const cell = page.getByRole('button', { name: /^CT Lyon 3, lundi 7 décembre 2026/ });
    const colour = () => cell.evaluate((el) => getComputedStyle(el).backgroundColor);
    const light = await colour();
    const toggle = page.getByRole('button', { name: 'Thème sombre' });
    if (!(await toggle.isVisible())) await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
    await page.getByRole('button', { name: 'Thème sombre' }).click();
    await expect.poll(colour).not.toBe(light);
  });
});
