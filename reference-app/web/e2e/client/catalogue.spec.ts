import { expect, test } from '@playwright/test';
import { noHorizontalScroll } from '../fixtures/pages';

test.describe('design system catalogue', () => {
  test('renders every section in French without horizontal scrolling', async ({ page }) => {
    await page.goto('/catalogue');
    await expect(page.getByRole('heading', { level: 1, name: 'Système de design' })).toBeVisible();
    for (const title of ['Boutons', 'Formulaires', 'Statuts et badges', 'Messages', 'Navigation', 'Recherche et menus', 'Tableau', 'Calendrier', 'Fenêtres']) {
      await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
    }
    await noHorizontalScroll(page);
  });

  test('validates a plate as the engine does', async ({ page }) => {
    await page.goto('/catalogue');
    const plate = page.getByTestId('plate-input');
    await plate.fill('AI-123-CD');
    await expect(page.getByRole('alert').filter({ hasText: 'I, O et U' })).toBeVisible();
    await plate.fill('ab123cd');
    await expect(page.getByTestId('plate-canonical')).toHaveText('AB-123-CD');
  });

  test('picks a date with the keyboard', async ({ page }) => {
    await page.goto('/catalogue');
    await page.getByRole('gridcell', { name: /jeudi 3 décembre 2026/ }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('picked-day')).toHaveText('Date choisie : 2026-12-04');
  });

  test('opens a dialog, traps focus and closes on Escape', async ({ page }) => {
    await page.goto('/catalogue');
    const opener = page.getByRole('button', { name: 'Ouvrir une fenêtre' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Annuler le rendez-vous ?' });
    await expect(dialog).toBeVisible();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    await expect(dialog.locator(':focus')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });

  test('sorts and filters the table', async ({ page }) => {
    await page.goto('/catalogue');
    const table = page.getByRole('table', { name: 'Rendez-vous du centre' });
    await table.getByRole('button', { name: /Prix TTC/ }).click();
    await expect(table.getByRole('row').nth(1)).toContainText('35,00');
    await page.getByRole('searchbox', { name: 'Filtrer : Rendez-vous du centre' }).fill('martin');
    await expect(table.getByRole('row')).toHaveCount(2);
  });

  test('suggests places as one types', async ({ page }) => {
    await page.goto('/catalogue');
    const box = page.getByRole('combobox', { name: 'Ville ou code postal' });
    await box.fill('li');
    await expect(page.getByRole('option', { name: 'Lille' })).toBeVisible();
    await box.press('ArrowDown');
    await box.press('Enter');
    await expect(box).toHaveValue('Lille');
  });

  test('switches to the dark theme', async ({ page }) => {
    await page.goto('/catalogue');
    await page.getByRole('switch', { name: 'Thème sombre' }).click();
    await expect(page.locator('main.dark')).toHaveCount(1);
  });
});
