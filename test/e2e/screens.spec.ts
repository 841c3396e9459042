// The main screens, each in French and in English, at the cart's 1366x768 and the desk's
// 1920x1080: what the person sees (the viewport) compared with its approved image
// (test/e2e/approved/, reviewed by a person; see the README's tests section to approve a change),
// checked with axe-core (WCAG 2.1 AA), and read for internal names (ids, environment variables,
// untranslated keys, the host name) and, in the French UI, for what an English browser would add
// (its validation bubbles and native widgets): every browser here is an en-US one, as on many
// hospital machines. One region for the whole file; each station stays open in one page per
// language, and the steps go from screen to screen as a person does.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { en } from '../../src/renderer/i18n/en';
import { fr } from '../../src/renderer/i18n/fr';
import { checkScreen, VIEWPORTS } from './screens-checks';
import { CART, EXPERT, startScreensRegion, type ScreensRegion } from './screens-fixture';
import type { RunningStation } from './station-host';

// A trace's screenshots of every action would double the time of the screenshots.
test.use({ trace: 'off' });

let region: ScreensRegion;
test.beforeAll(async () => {
  test.setTimeout(90_000);
  region = await startScreensRegion();
});
test.afterAll(async () => region?.stop());

const LANGUAGES = ['fr', 'en'] as const;
type Language = (typeof LANGUAGES)[number];
type Texts = typeof fr | typeof en;
const textsOf = (language: Language): Texts => (language === 'fr' ? fr : en);
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
const [CART_SIZE, DESK_SIZE] = VIEWPORTS as [{ width: number; height: number }, { width: number; height: number }];

/** A page of this station in an English (en-US) browser, the station's language set as a person sets it. */
async function openStation(browser: Browser, station: RunningStation, language: Language): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Paris', viewport: CART_SIZE });
  await context.addInitScript((l) => window.localStorage.setItem('relais.language', l), language);
  const page = await context.newPage();
  await page.goto(station.url);
  return page;
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('button', { name, exact: true }).click();

async function openPatient(page: Page, t: Texts): Promise<void> {
  await nav(page, t.app.patients);
  await page.getByLabel(t.patients.search, { exact: true }).fill('le bihan');
  await page.getByLabel(t.patients.search, { exact: true }).press('Enter');
  await page.getByRole('button', { name: /LE BIHAN/ }).click();
  await expect(page.getByRole('heading', { name: /LE BIHAN.*YVONNE/ })).toBeVisible();
}

async function openAct(page: Page, t: Texts, reason: string): Promise<void> {
  await openPatient(page, t);
  await page.getByRole('button', { name: new RegExp(reason) }).click();
  await expect(page.getByRole('heading', { name: new RegExp(reason) })).toBeVisible();
}

/** Says who is at the cart, once for the session (the header's badge), in the page's language. */
async function sayWhoIAm(page: Page, t: Texts, name: string): Promise<void> {
  const badge = page.getByTestId('author-badge');
  // The author is the session's: the second language's pages may find it already said.
  if (await badge.getByText(name).isVisible()) return;
  await badge.getByRole('button', { name: t.author.nobody }).click();
  const who = page.getByRole('dialog', { name: t.author.title });
  await who.getByLabel(t.author.name, { exact: true }).fill(name);
  await who.getByLabel(t.author.role, { exact: true }).selectOption({ label: t.acts.roles.nurse });
  await who.getByRole('button', { name: t.author.confirm }).click();
  await expect(who).toHaveCount(0);
}

/** The cart's screens, in the order a nurse goes through them. */
async function cartScreens(cart: Page, language: Language): Promise<void> {
  const t = textsOf(language);
  await test.step('home (cart)', async () => {
    const inProgress = cart.getByRole('region', { name: t.roleHome.cart.inProgress });
    await expect(inProgress).toContainText('LE BIHAN');
    await checkScreen(cart, 'home', language);
  });
  await test.step('patients', async () => {
    await nav(cart, t.app.patients);
    await expect(cart.getByLabel(t.patients.search, { exact: true })).toBeVisible();
    await checkScreen(cart, 'patients', language);
  });
  await test.step('patient', async () => {
    await openPatient(cart, t);
    // The acts are read after the page: their dates are marked for the mask once they are shown.
    await expect(cart.getByRole('button', { name: /Plaie du talon gauche/ })).toBeVisible();
    await checkScreen(cart, 'patient', language);
  });
  await test.step('imaging', async () => {
    // The patient's imaging, where the nurse scrolls to it on her page: the whole section with its
    // import and PACS buttons (at 768 px its heading alone was in view, the buttons below the fold).
    const imaging = cart.getByRole('region', { name: t.imaging.title, exact: true });
    await checkScreen(cart, 'imaging', language, { scrollTo: imaging, block: 'end' });
  });
  await test.step('act', async () => {
    await openAct(cart, t, 'Plaie du talon gauche');
    // The act's record is read after its heading: the consent and the report are waited for, so
    // that the masks are placed on the page the shot takes (a loaded CI shot it half-read).
    await expect(cart.getByText(/IDE Morvan, /)).toBeVisible();
    await expect(cart.getByText(t.acts.noReport)).toBeVisible();
    await checkScreen(cart, 'act', language);
  });
  await test.step('stroke sheet', async () => {
    await openAct(cart, t, 'Suspicion d’AVC');
    // The sheet's top (its title, the timeline), where the doctor lands when she scrolls to it.
    const sheet = cart.getByRole('region', { name: t.stroke.title });
    await checkScreen(cart, 'stroke-sheet', language, { scrollTo: sheet });
  });
  await test.step('devices', async () => {
    await nav(cart, t.app.devices);
    await expect(cart.getByRole('heading', { level: 1, name: t.devices.title })).toBeVisible();
    await checkScreen(cart, 'devices', language);
  });
  await test.step('Technique', async () => {
    await nav(cart, t.roleHome.nav.technique);
    await expect(cart.getByRole('heading', { level: 1, name: t.roleHome.technique.title })).toBeVisible();
    // The Technique page is for the regional IT: it may name the settings to change.
    await checkScreen(cart, 'technique', language, { technical: true });
  });
  await test.step('sync', async () => {
    await cart.getByRole('button', { name: t.roleHome.technique.syncAndDatabase }).click();
    await expect(cart.getByRole('heading', { level: 1, name: t.sync.title })).toBeVisible();
    // The first pull from the region runs in the background: the screen is shot once it has
    // (CI shot its time where the approved image said "jamais").
    await expect(cart.locator('main')).not.toContainText(`: ${t.home.never}.`, { timeout: 30_000 });
    await checkScreen(cart, 'sync', language, { technical: true });
  });
}

async function expertScreens(expert: Page, language: Language): Promise<void> {
  const t = textsOf(language);
  await test.step('home (expert)', async () => {
    await expect(expert.getByRole('region', { name: t.roleHome.expert.requests })).toContainText('LE BIHAN');
    await checkScreen(expert, 'home-expert', language);
  });
  await test.step('teleexpertise inbox', async () => {
    await nav(expert, t.app.expertise);
    await expect(expert.getByRole('heading', { level: 1, name: t.expertise.inbox })).toBeVisible();
    await expect(expert.getByText(/Céphalées inhabituelles/)).toBeVisible();
    await checkScreen(expert, 'expertise-inbox', language);
  });
}

/** The call placed from the act: the cart at 1366x768, the expert at her desk's 1920x1080. */
async function callScreens(cart: Page, expert: Page, language: Language): Promise<void> {
  const t = textsOf(language);
  await openAct(cart, t, 'Plaie du talon gauche');
  await sayWhoIAm(cart, t, 'IDE Morvan');
  await expert.setViewportSize(DESK_SIZE);
  await nav(expert, t.app.home);
  await cart.getByRole('button', { name: t.callAct.fromAct.open }).click();
  await cart
    .getByRole('list', { name: t.callAct.fromAct.experts })
    .getByRole('button', { name: fill(t.callAct.fromAct.call, { name: EXPERT.name }) })
    .click();
  await expert.getByRole('alertdialog').getByRole('button', { name: t.calls.accept }).click();
  for (const page of [cart, expert])
    await expect(page.getByTestId('call-phase')).toHaveAttribute('data-phase', 'connected', { timeout: 20_000 });
  await expect(expert.getByText(CART.name).first()).toBeVisible();
  // The link's figures (frames, bitrate) change every second.
  await checkScreen(cart, 'call-cart', language, { sizes: [CART_SIZE], masks: [cart.getByTestId('call-quality')] });
  await checkScreen(expert, 'call-expert', language, {
    sizes: [DESK_SIZE],
    masks: [expert.getByTestId('call-quality')],
  });
  await cart.getByRole('button', { name: t.calls.hangup, exact: true }).click();
  await cart
    .getByRole('dialog', { name: t.calls.hangupConfirm.title })
    .getByRole('button', { name: t.calls.hangupConfirm.confirm })
    .click();
  await expect(expert.getByTestId('call-phase')).toHaveCount(0, { timeout: 10_000 });
}

// French, then English, in one test: the English pages find what the French ones did (the
// session's author, the first call), always in this order, whatever test filter is used. A failed
// check is soft, so that one run reports every screen.
test('the main screens in French then English: approved images, axe WCAG 2.1 AA, visible text', async ({ browser }) => {
  test.setTimeout(480_000);
  for (const language of LANGUAGES) {
    const cart = await openStation(browser, region.cart, language);
    const expert = await openStation(browser, region.expert, language);
    const cabin = await openStation(browser, region.cabin, language);
    await cartScreens(cart, language);
    await expertScreens(expert, language);
    await test.step('cabin', async () => {
      await expect(cabin.getByRole('heading', { name: textsOf(language).kiosk.welcome.title })).toBeVisible();
      await checkScreen(cabin, 'cabin', language);
    });
    await test.step('call (cart 1366x768, expert 1920x1080)', () => callScreens(cart, expert, language));
    for (const page of [cart, expert, cabin]) await page.context().close();
  }
});
