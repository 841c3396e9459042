// Professional sign-in from a station's page against the test OpenID provider (its development
// login form), and the unlock PIN the station asks for next.
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { CLIENT, PROFESSIONAL, type TestProvider } from '../helpers/oidc-provider';

/** Signs the professional in from the header's badge, through the provider's own pages in a new tab. */
export async function signIn(page: Page, context: BrowserContext) {
  const badge = page.getByRole('group', { name: 'Professionnel connecté' });
  const providerTab = context.waitForEvent('page');
  await badge.getByRole('button', { name: 'Se connecter (Pro Santé Connect)' }).click();
  const tab = await providerTab;
  await expect(badge.getByRole('status')).toHaveText('Connexion en cours dans le navigateur…');

  // On the provider's pages (its development login form and consent).
  await tab.locator('input[name="login"]').fill(PROFESSIONAL.login);
  await tab.locator('input[name="password"]').fill('any');
  await tab.locator('button[type="submit"]').click();
  await tab.locator('button[type="submit"]').click();
  await expect(tab.getByRole('heading', { name: 'Connexion réussie / Signed in' })).toBeVisible();
  await tab.close();
}

/** Chooses her unlock PIN, as the station asks right after the sign-in. */
export async function choosePin(page: Page, pin: string) {
  await page.getByLabel('Votre code', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByLabel('Retapez le code').fill(pin);
  await page.getByRole('button', { name: 'Enregistrer le code' }).click();
}

/** A station's settings for signing in on the test provider (shaped like Pro Santé Connect). */
export const signInEnv = (provider: TestProvider): NodeJS.ProcessEnv => ({
  RELAIS_OIDC_DISCOVERY_URL: `${provider.issuer}/.well-known/wallet-openid-configuration`,
  RELAIS_OIDC_CLIENT_ID: CLIENT.id,
  RELAIS_OIDC_CLIENT_SECRET: CLIENT.secret,
});
