// The staff shell around the tenant portal, against an in-memory API
// (e2e/fixtures/fake-staff-api.ts), at 1280, 768 and 390 px (projects staff-1280, staff-768,
// staff-390).
import { expect, test } from '@playwright/test';
import { ADMIN, installFakeStaffApi } from '../fixtures/fake-staff-api';
import { noHorizontalScroll } from '../fixtures/pages';
import { StaffShell, UsersPage } from '../fixtures/staff';

const width = () => test.info().project.use.viewport?.width ?? 1280;

test.describe('staff shell (in-memory API)', () => {
  test('shows the users in the shell, with the person, role and network, at every width', async ({ page }) => {
    await installFakeStaffApi(page);
    await page.goto('/tenant/utilisateurs');
    const shell = new StaffShell(page);
    await expect(shell.main.getByRole('heading', { level: 1, name: 'Utilisateurs' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: "Fil d'Ariane" })).toContainText('Espace réseau');
    await expect(new UsersPage(page).rows.first()).toBeVisible();
    await noHorizontalScroll(page);

    const person = width() >= 768 ? shell.header.getByTestId('shell-person') : null;
    if (person) {
      await expect(person).toContainText('Alice Admin');
      await expect(person).toContainText('Administrateur du réseau · Contrôle Auto France');
      await expect(page.getByTestId('shell-sidebar')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Ouvrir le menu' })).toBeHidden();
    } else {
      // Under 768 px the sections and the person are in the drawer.
      await expect(page.getByTestId('shell-sidebar')).toBeHidden();
      await expect(page.getByTestId('shell-fold')).toBeHidden();
    }
    const nav = await shell.navigation();
    await expect(nav.getByRole('link', { name: 'Utilisateurs' })).toHaveAttribute('aria-current', 'page');
    if (!person) {
      await expect(page.getByRole('dialog', { name: 'Menu' })).toContainText('Administrateur du réseau · Contrôle Auto France');
      await nav.getByRole('link', { name: 'Utilisateurs' }).click();
      await expect(page.getByRole('dialog', { name: 'Menu' })).toBeHidden();
    }
    await expect(shell.header.getByRole('button', { name: 'Déconnexion' })).toBeVisible();
  });

  test('the keyboard reaches the skip link first, then the header, the sections and the page', async ({ page }) => {
    test.skip(width() < 768, 'the sections are in the drawer under 768 px');
    await installFakeStaffApi(page);
    await page.goto('/tenant/utilisateurs');
    await expect(new UsersPage(page).rows.first()).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => (document.activeElement?.getAttribute('aria-label') || document.activeElement?.textContent || '').trim()));
    }
    // The sidebar starts folded under 1024 px.
    const fold = width() >= 1024 ? 'Replier le menu' : 'Déplier le menu';
    expect(order).toEqual([fold, 'PTI CalendarEspace réseau', 'Thème sombre', 'Déconnexion', 'Tableau de bord']);
    // The skip link moves the focus into the page.
    await page.reload();
    await expect(new UsersPage(page).rows.first()).toBeVisible();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
  });

  test('folds the sidebar to icons, and keeps the choice', async ({ page }) => {
    test.skip(width() < 768, 'no sidebar under 768 px');
    await installFakeStaffApi(page);
    await page.goto('/tenant/utilisateurs');
    const sidebar = page.getByTestId('shell-sidebar');
    const sidebarWidth = async () => (await sidebar.boundingBox())!.width;
    // Unfolded on a desktop, folded on a tablet until the person chooses.
    if (width() < 1024) {
      expect(await sidebarWidth()).toBeLessThan(100);
      await page.getByRole('button', { name: 'Déplier le menu' }).click();
    }
    await expect.poll(sidebarWidth).toBeGreaterThan(200);
    await page.getByRole('button', { name: 'Replier le menu' }).click();
    await expect.poll(sidebarWidth).toBeLessThan(100);
    await expect(sidebar.getByRole('link', { name: 'Utilisateurs' })).toBeVisible();
    await noHorizontalScroll(page);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Déplier le menu' })).toBeVisible();
  });

  test('switches to the dark theme and keeps it', async ({ page }) => {
    await installFakeStaffApi(page);
    await page.goto('/tenant/utilisateurs');
    const background = () => page.getByTestId('staff-shell').locator('> div').evaluate((el) => getComputedStyle(el).backgroundColor);
    const light = await background();
    await page.getByRole('button', { name: 'Thème sombre' }).click();
    await expect(page.getByRole('button', { name: 'Thème sombre' })).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(background).not.toBe(light);
    // The page's text turns light too.
    const heading = page.getByRole('heading', { level: 1, name: 'Utilisateurs' });
    expect(await heading.evaluate((el) => getComputedStyle(el).color)).not.toBe('rgb(26, 32, 44)');
    await page.reload();
    await expect(page.getByTestId('staff-shell')).toHaveClass(/dark/);
  });

  test('signs out to the sign-in page', async ({ page }) => {
    const api = await installFakeStaffApi(page);
    await page.goto('/tenant/utilisateurs');
    await new StaffShell(page).signOut();
    expect(api.calls.some((c) => c.path === '/auth/logout')).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem('pti.auth'))).toBeNull();
  });

  test('a client opening the tenant portal gets the French 403 page, with the way back', async ({ page }) => {
    await installFakeStaffApi(page, { ...ADMIN, role: 'CLIENT', first_name: 'Claire' });
    await page.goto('/tenant/utilisateurs');
    await expect(page.getByRole('heading', { name: 'Accès refusé' })).toBeVisible();
    await expect(page.getByText('Vous êtes connecté en tant que Client.')).toBeVisible();
    await page.getByRole('link', { name: 'Retour à mon espace' }).click();
    await expect(page).toHaveURL(/\/$/);
    await noHorizontalScroll(page);
  });
});
