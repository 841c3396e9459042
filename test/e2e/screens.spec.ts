// The main screens, each in French and in English, at the cart's 1366x768 and the desk's
// 1920x1080: compared with their approved images (test/e2e/approved/, reviewed by a person; see
// the README's tests section to approve a change), checked with axe-core (WCAG 2.1 AA), and read
// for internal names (ids, environment variables, untranslated keys, the host name) and, in the
// French UI, for what an English browser would add (its validation bubbles and native widgets):
// every browser here is an en-US one, as on many hospital machines.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { en } from '../../src/renderer/i18n/en';
import { fr } from '../../src/renderer/i18n/fr';
import { checkScreen } from './screens-checks';
import { CART, EXPERT, startScreensRegion, type ScreensRegion } from './screens-fixture';
import type { RunningStation } from './station-host';

// A trace's screenshots of every action would double the time of forty-odd screenshots.
test.use({ trace: 'off' });

let region: ScreensRegion;
test.beforeAll(async () => {
  test.setTimeout(90_000);
  region = await startScreensRegion();
});
test.afterAll(async () => region?.stop());

const LANGUAGES = ['fr', 'en'] as const;
type Language = (typeof LANGUAGES)[number];
const textsOf = (language: Language) => (language === 'fr' ? fr : en);
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

/** A page of this station in an English (en-US) browser, the station's language set as a person sets it. */
async function openStation(browser: Browser, station: RunningStation, language: Language): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Paris' });
  await context.addInitScript((l) => window.localStorage.setItem('relais.language', l), language);
  const page = await context.newPage();
  await page.goto(station.url);
  return page;
}

async function openPatient(page: Page, language: Language): Promise<void> {
  const t = textsOf(language);
  await page.getByRole('navigation').getByRole('button', { name: t.app.patients }).click();
  await page.getByLabel(t.patients.search, { exact: true }).fill('le bihan');
  await page.getByLabel(t.patients.search, { exact: true }).press('Enter');
  await page.getByRole('button', { name: /LE BIHAN/ }).click();
  await expect(page.getByRole('heading', { name: /LE BIHAN.*YVONNE/ })).toBeVisible();
}

async function openAct(page: Page, language: Language, reason: string): Promise<void> {
  await openPatient(page, language);
  await page.getByRole('button', { name: `${textsOf(language).acts.types.teleconsultation} — ${reason}` }).click();
}

interface Screen {
  name: string;
  station: (r: ScreensRegion) => RunningStation;
  /** Brings the page to the screen and gives the part to compare when the screen is part of a page. */
  open: (page: Page, language: Language) => Promise<ReturnType<Page['locator']> | undefined>;
}

const SCREENS: Screen[] = [
  {
    name: 'home',
    station: (r) => r.cart,
    open: async (page, language) => {
      await expect(page.getByRole('heading', { level: 1, name: textsOf(language).home.title })).toBeVisible();
      return undefined;
    },
  },
  {
    name: 'patients',
    station: (r) => r.cart,
    open: async (page, language) => {
      const t = textsOf(language);
      await page.getByRole('navigation').getByRole('button', { name: t.app.patients }).click();
      await expect(page.getByLabel(t.patients.search, { exact: true })).toBeVisible();
      return undefined;
    },
  },
  {
    name: 'patient',
    station: (r) => r.cart,
    open: async (page, language) => {
      await openPatient(page, language);
      return undefined;
    },
  },
  {
    name: 'act',
    station: (r) => r.cart,
    open: async (page, language) => {
      await openAct(page, language, 'Plaie du talon gauche');
      await expect(page.getByText('IDE Morvan').first()).toBeVisible();
      return undefined;
    },
  },
  {
    name: 'imaging',
    station: (r) => r.cart,
    open: async (page, language) => {
      await openPatient(page, language);
      return page.getByRole('region', { name: textsOf(language).imaging.title, exact: true });
    },
  },
  {
    name: 'stroke-sheet',
    station: (r) => r.cart,
    open: async (page, language) => {
      await openAct(page, language, 'Suspicion d’AVC');
      return page.getByRole('region', { name: textsOf(language).stroke.title });
    },
  },
  {
    name: 'sync',
    station: (r) => r.cart,
    open: async (page, language) => {
      const t = textsOf(language);
      await page.getByRole('button', { name: t.home.openSync }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.sync.title })).toBeVisible();
      return undefined;
    },
  },
  {
    name: 'devices',
    station: (r) => r.cart,
    open: async (page, language) => {
      await page
        .getByRole('navigation')
        .getByRole('button', { name: textsOf(language).app.devices })
        .click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      return undefined;
    },
  },
  {
    name: 'expertise-inbox',
    station: (r) => r.expert,
    open: async (page, language) => {
      const t = textsOf(language);
      await page.getByRole('navigation').getByRole('button', { name: t.app.expertise }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.expertise.inbox })).toBeVisible();
      await expect(page.getByText(/Céphalées inhabituelles/)).toBeVisible();
      return undefined;
    },
  },
  {
    name: 'cabin',
    station: (r) => r.cabin,
    open: async (page, language) => {
      await expect(page.getByRole('heading', { name: textsOf(language).kiosk.welcome.title })).toBeVisible();
      return undefined;
    },
  },
];

async function checkCall(browser: Browser, language: Language): Promise<void> {
  const t = textsOf(language);
  const cart = await openStation(browser, region.cart, language);
  const expert = await openStation(browser, region.expert, language);
  await cart.getByRole('navigation').getByRole('button', { name: t.app.calls, exact: true }).click();
  await cart.getByLabel(t.calls.reason).fill('Suspicion d’AVC, début 9 h 40');
  await cart
    .getByRole('listitem')
    .filter({ hasText: 'neurologie — CHU de Brest' })
    .getByRole('button', { name: fill(t.calls.call, { name: EXPERT.name }) })
    .click();
  await expert.getByRole('alertdialog').getByRole('button', { name: t.calls.accept }).click();
  for (const page of [cart, expert])
    await expect(page.getByTestId('call-phase')).toHaveAttribute('data-phase', 'connected', { timeout: 20_000 });
  await expect(expert.getByText(CART.name).first()).toBeVisible();
  // The link's figures (frames, bitrate) change every second.
  const quality = (page: Page) => [page.getByTestId('call-quality')];
  await checkScreen(cart, 'call-cart', language, undefined, quality(cart));
  await checkScreen(expert, 'call-expert', language, undefined, quality(expert));
  await cart.getByRole('button', { name: t.calls.hangup, exact: true }).click();
  await expect(expert.getByTestId('call-phase')).toHaveCount(0, { timeout: 10_000 });
  await cart.context().close();
  await expert.context().close();
}

// One test per language, one step per screen: a failed check discards Playwright's worker, and the
// region (four processes and their records) would be started again for each screen.
for (const language of LANGUAGES) {
  test(`the main screens in ${language}: approved images, axe WCAG 2.1 AA, visible text`, async ({ browser }) => {
    test.setTimeout(240_000);
    for (const screen of SCREENS)
      await test.step(screen.name, async () => {
        const page = await openStation(browser, screen.station(region), language);
        const part = await screen.open(page, language);
        await checkScreen(page, screen.name, language, part);
        await page.context().close();
      });
    await test.step('call (cart and expert)', () => checkCall(browser, language));
  });
}
