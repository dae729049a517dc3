// The tenant admin's journeys against a real pti-server on a freshly seeded database, which
// serves the built web app itself. Only run by the `journeys-tenant` (1280 px) and
// `journeys-tenant-768` projects, when PTI_SERVER_URL is set:
//   PTI_SERVER_URL=http://127.0.0.1:8080 npx playwright test --project='journeys-tenant*'
// The tests of this file run one after the other: the second deactivates whom the first invited.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_ACCOUNTS, signIn, signInAs } from '../fixtures/auth';
import { StaffShell, UsersPage } from '../fixtures/staff';

test.describe.configure({ mode: 'serial' });

const RUN = Date.now().toString(36);

/** The person this run invites, one per project (both projects run against the same server). */
function invitee() {
  const who = `${RUN}${test.info().project.name.replace(/\W/g, '')}`;
  return { first_name: 'Paul', last_name: `Journée${who}`, email: `paul.journee+${who}@controle-auto-france.fr`, password: 'Controle2026' };
}

/** The path and query of the set-password link of the latest invitation e-mailed to `email`. */
async function invitationLink(request: APIRequestContext, email: string): Promise<string> {
  let link = '';
  await expect
    .poll(
      async () => {
        const messages = (await (await request.get(`/api/v1/dev/mailbox?recipient=${encodeURIComponent(email)}`)).json()) as Array<{ subject?: string; body: string }>;
        const invitation = messages.find((m) => m.subject?.startsWith('Votre accès à PTI Calendar'));
        link = invitation?.body.match(/\/definir-mot-de-passe\?token=[^\s]+/)?.[0] ?? '';
        return link;
      },
      { timeout: 15_000, message: 'the invitation e-mail reaches the dev mailbox' },
    )
    .not.toBe('');
  return link;
}

test('journey 9: a tenant admin invites an inspector, who sets a password from the e-mail and signs in', async ({ page, request }) => {
  const invited = invitee();
  await signInAs(page, 'ADMIN_TENANT');
  // The portal opens on its dashboard (dashboard.journeys.spec.ts); the users are a section.
  await expect(page).toHaveURL(/\/tenant$/);
  const shell = new StaffShell(page);
  const users = new UsersPage(page);
  await users.open();
  if ((page.viewportSize()?.width ?? 1280) >= 768) await expect(shell.header).toContainText('Administrateur du réseau');

  // A CONTROLEUR of the first centre of the first agency offered.
  await page.getByRole('button', { name: 'Nouvel utilisateur' }).click();
  const form = page.getByRole('dialog', { name: 'Nouvel utilisateur' });
  await form.getByLabel('Prénom').fill(invited.first_name);
  await form.getByLabel(/^Nom/).fill(invited.last_name);
  await form.getByLabel('E-mail').fill(invited.email);
  await form.getByLabel('Rôle').selectOption({ label: 'Contrôleur' });
  await form.getByLabel('Agence').selectOption({ index: 1 });
  await form.getByLabel('Centre').selectOption({ index: 1 });
  const centre = (await form.getByLabel('Centre').locator('option:checked').textContent())!;
  await form.getByRole('button', { name: 'Créer et inviter' }).click();
  await expect(form).toBeHidden();
  await expect(users.toast(`Invitation envoyée à ${invited.email}.`)).toBeVisible();
  await users.search(invited.last_name);
  const row = users.row(`${invited.first_name} ${invited.last_name}`);
  await expect(row).toContainText('Invité');
  await expect(row).toContainText(centre);

  // The e-mail's link, opened by the invited person on their own device (the admin signed out).
  const link = await invitationLink(request, invited.email);
  await shell.signOut();
  await page.goto(link);
  await page.getByLabel(/^Mot de passe/).fill(invited.password);
  await page.getByLabel('Confirmer le mot de passe').fill(invited.password);
  await page.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
  // Signed in; an inspector's portal comes later, meanwhile they land on the client portal.
  await expect(page).toHaveURL(/\/mes-rdv$/);
  await expect(page.getByTestId('nav-profil')).toHaveText(invited.first_name);

  // The link works once.
  await page.getByTestId('logout-button').click();
  await page.goto(link);
  await page.getByLabel(/^Mot de passe/).fill(invited.password);
  await page.getByLabel('Confirmer le mot de passe').fill(invited.password);
  await page.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
  await expect(page.getByTestId('invalid-token')).toContainText('Ce lien n’est plus valable');

  // And the password signs them in.
  await signIn(page, invited);
  await expect(page).toHaveURL(/\/mes-rdv$/);
});

test('journey 9: a tenant admin deactivates an account, which can no longer sign in', async ({ page }) => {
  const invited = invitee();
  await signInAs(page, 'ADMIN_TENANT');
  const users = new UsersPage(page);
  await users.open();
  await users.search(invited.last_name);
  const name = `${invited.first_name} ${invited.last_name}`;
  await users.act(name, 'Désactiver');
  await users.confirm();
  await expect(users.toast(`${name} est désactivé : ses sessions sont fermées.`)).toBeVisible();
  await expect(users.row(name)).toContainText('Désactivé');

  await new StaffShell(page).signOut();
  await page.fill('[data-testid="login-email"]', invited.email);
  await page.fill('[data-testid="login-password"]', invited.password);
  await page.click('[data-testid="login-button"]');
  await expect(page.getByTestId('login-form').getByRole('alert')).toContainText('incorrect');
});

test('an agency admin lands on the tenant portal and manages its agency only', async ({ page }) => {
  await signInAs(page, 'ADMIN_AGENCE');
  await expect(page).toHaveURL(/\/tenant$/);
  await expect(page.getByRole('banner').getByRole('link', { name: /Espace agence/ })).toBeVisible();
  const users = new UsersPage(page);
  await users.open();
  await expect(users.table.getByRole('combobox', { name: 'Agence', exact: true }).getByRole('option')).toHaveCount(2);
  await page.getByRole('button', { name: 'Nouvel utilisateur' }).click();
  const roles = page.getByRole('dialog', { name: 'Nouvel utilisateur' }).getByLabel('Rôle').getByRole('option');
  await expect(roles).toHaveText(['Choisir un rôle…', 'Chef de centre', 'Contrôleur']);
});

test('a client opening the tenant portal gets the French 403 page', async ({ page }) => {
  await signInAs(page, 'CLIENT');
  await page.goto('/tenant');
  await expect(page.getByRole('heading', { name: 'Accès refusé' })).toBeVisible();
  await expect(page.getByText('Vous êtes connecté en tant que Client.')).toBeVisible();
  await page.getByRole('link', { name: 'Retour à mon espace' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('a signed-out visitor of the tenant portal signs in, then comes back to it', async ({ page }) => {
  await page.goto('/tenant/utilisateurs');
  await expect(page).toHaveURL(/\/connexion\?next=%2Ftenant%2Futilisateurs$/);
  await signIn(page, DEMO_ACCOUNTS.ADMIN_TENANT);
  await expect(page).toHaveURL(/\/tenant\/utilisateurs$/);
});
