import { expect, test } from '@playwright/test';

test.describe('progressive web app', () => {
  test('declares a manifest with its icons', async ({ page, request }) => {
    await page.goto('/');
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
    const manifest = await (await request.get('/manifest.webmanifest')).json();
    expect(manifest).toMatchObject({ lang: 'fr', display: 'standalone', start_url: '/', theme_color: '#FF6B00' });
    for (const icon of manifest.icons as Array<{ src: string }>) {
      expect((await request.get(icon.src)).ok()).toBe(true);
    }
  });

  test('shows the offline page when the network is gone', async ({ page, context }) => {
    await page.goto('/');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The page that registered the worker is not controlled until it reloads.
    await page.reload();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await context.setOffline(true);
    await page.goto('/mes-rdv').catch(() => undefined);
    await expect(page.getByTestId('offline-page')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Vous êtes hors connexion' })).toBeVisible();
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Réessayer' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mes rendez-vous' })).toBeVisible();
  });
});
