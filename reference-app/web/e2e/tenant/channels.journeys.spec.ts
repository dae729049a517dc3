// Journey 14 against a real pti-server, its payment and notification pages (see journeys.spec.ts
// for how it runs; the server needs PTI_SECRETS_KEY): the network admin gives its Stripe keys,
// finds the secret one shown only by its last four characters after a reload, and clears them;
// names the sender of its e-mails and sends itself a test e-mail, which the development mailbox
// receives. Both viewport projects run against the same database one after the other, so every
// change is undone at the end.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS, signInAs } from '../fixtures/auth';
import { SettingsPage } from '../fixtures/settings';

test.describe.configure({ mode: 'serial' });

/** Saves the form shown and waits for the server's answer. */
async function saveAndWait(page: Page, settings: SettingsPage) {
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/tenant/settings') && r.request().method() === 'PUT');
  await settings.save();
  expect((await answer).status()).toBe(200);
}

test('journey 14: a network admin gives its Stripe keys, sees only the end of the secret one, and clears them', async ({ page }) => {
  const suffix = test.info().project.name.endsWith('768') ? '0768' : '1280';
  await signInAs(page, 'ADMIN_TENANT');
  const settings = new SettingsPage(page);
  await settings.open('paiement');
  await settings.field('Prestataire de paiement').selectOption('stripe');
  await settings.field(/^Clé publiable Stripe/).fill('pk_test_51Journey');
  await settings.field(/^Clé secrète Stripe/).fill(`sk_test_51Journey${suffix}`);
  await saveAndWait(page, settings);
  await expect(settings.toast('Paramètres enregistrés.')).toBeVisible();

  await page.reload();
  await expect(settings.field('Prestataire de paiement')).toHaveValue('stripe');
  await expect(settings.field(/^Clé secrète Stripe/)).toHaveValue(`•••• ${suffix}`);
  await expect(page.getByRole('main')).not.toContainText('sk_test_51Journey');

  // Undo: the platform's provider, no keys.
  await settings.field('Prestataire de paiement').selectOption('sandbox');
  await settings.field(/^Clé publiable Stripe/).fill('');
  await page.getByTestId('secret-stripe_secret_key').getByRole('button', { name: 'Effacer' }).click();
  await saveAndWait(page, settings);
  await page.reload();
  await expect(settings.field('Prestataire de paiement')).toHaveValue('sandbox');
  await expect(page.getByTestId('secret-stripe_secret_key').getByRole('button', { name: 'Remplacer' })).toHaveCount(0);
});

test('journey 14: a network admin names its sender and sends itself a test e-mail', async ({ page, request }) => {
  await signInAs(page, 'ADMIN_TENANT');
  const settings = new SettingsPage(page);
  await settings.open('notifications');
  const name = settings.field('Nom de l’expéditeur');
  const before = await name.inputValue();
  await name.fill(`Réseau ${test.info().project.name}`);
  await saveAndWait(page, settings);
  await page.reload();
  await expect(name).toHaveValue(`Réseau ${test.info().project.name}`);

  // One test e-mail per network every 30 seconds: the other project may have sent one just now.
  const send = async () => {
    const answer = page.waitForResponse((r) => r.url().endsWith('/notification/test'));
    await page.getByRole('button', { name: 'Envoyer un test' }).click();
    return answer;
  };
  let answer = await send();
  if (answer.status() === 429) {
    await page.waitForTimeout(Number(answer.headers()['retry-after'] ?? 30) * 1000 + 500);
    answer = await send();
  }
  expect(answer.status()).toBe(200);
  const admin = DEMO_ACCOUNTS.ADMIN_TENANT.email;
  await expect(settings.toast(`E-mail de test envoyé à ${admin} par la boîte de développement.`)).toBeVisible();
  const mailbox = await request.get(`/api/v1/dev/mailbox?recipient=${encodeURIComponent(admin)}`);
  expect((await mailbox.json())[0]).toMatchObject({ channel: 'email', subject: 'PTI Calendar – e-mail de test' });

  await name.fill(before);
  await saveAndWait(page, settings);
});
