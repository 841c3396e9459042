// Two stations on one regional hub, as in a real region: the hub in the test process, a cart
// (simulated devices: the VISCA camera on a socat pty) and an expert workstation, each a built
// browser-mode host with its own data folder and hub token, each opened in its own browser context.
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHub, type HubOptions, type RunningHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { startStation, type RunningStation } from './station-host';
import { anOffer } from '../helpers/offers';

export const HUB_SECRET = 'e2e-hub-secret';
export const CART = { sub: 'cart-ehpad-3', name: 'Chariot EHPAD 3', site: 'EHPAD Les Tilleuls' };
export const EXPERT = { sub: 'dr-kerleau', name: 'Dr Kerleau', site: 'CHU de Brest', specialty: 'neurologie' };

export interface CallSetup {
  hub: RunningHub;
  cart: { station: RunningStation; context: BrowserContext; page: Page; dataDir: string };
  expert: { station: RunningStation; context: BrowserContext; page: Page; dataDir: string };
  /** The cart's station switched off (the page stays, disconnected) until `whileOff` is done, then started again on its folder. */
  restartCart(whileOff: () => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

/** A hub token for this setup's hub: what the stations use, and what a test reads the hub's FHIR endpoint with. */
export const token = (
  who: { sub: string; name: string; site: string; specialty?: string },
  role: 'station' | 'expert' | 'coordinator',
) =>
  issueToken(HUB_SECRET, {
    sub: who.sub,
    role,
    name: who.name,
    site: who.site,
    specialty: who.specialty ?? null,
    exp: Math.floor(Date.now() / 1000) + 3600,
  });

export async function startCallSetup(
  browser: Browser,
  options: {
    hub?: Partial<HubOptions>;
    stationEnv?: NodeJS.ProcessEnv;
    /** The expert's station only (her sign-in provider). */
    expertEnv?: NodeJS.ProcessEnv;
    /** The screen both sides are seen on (a cart's 1366x768, an expert's desk 1920x1080). */
    viewport?: { width: number; height: number };
  } = {},
): Promise<CallSetup> {
  const dirs = [
    fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-cart-')),
    fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-expert-')),
  ];
  const hub = await startHub({
    secret: HUB_SECRET,
    turnSecret: 'unused',
    turnUrls: [],
    offers: [
      anOffer({
        id: 'neuro-brest',
        specialty: 'neurologie',
        hospital: 'CHU de Brest',
        acts: ['teleconsultation'],
        experts: [EXPERT.sub],
        urgent: true,
      }),
    ],
    ...options.hub,
  });
  const env = (t: string) => ({ RELAIS_HUB_URL: hub.url, RELAIS_HUB_TOKEN: t, ...options.stationEnv });
  const cartEnv = env(token(CART, 'station'));
  const cartStation = await startStation(dirs[0]!, cartEnv);
  const expertStation = await startStation(dirs[1]!, {
    ...env(token(EXPERT, 'expert')),
    RELAIS_DEVICES: 'none',
    ...options.expertEnv,
  });
  const open = async (station: RunningStation, dataDir: string) => {
    const viewport = options.viewport ?? { width: 1280, height: 900 };
    const context = await browser.newContext({ locale: 'fr-FR', viewport });
    const page = await context.newPage();
    await page.goto(station.url);
    return { station, context, page, dataDir };
  };
  const cart = await open(cartStation, dirs[0]!);
  const expert = await open(expertStation, dirs[1]!);
  return {
    hub,
    cart,
    expert,
    async restartCart(whileOff) {
      await cart.station.stop();
      await whileOff();
      cart.station = await startStation(dirs[0]!, cartEnv);
      await cart.page.goto(cart.station.url);
    },
    async stop() {
      await cart.context.close();
      await expert.context.close();
      await cart.station.stop();
      await expertStation.stop();
      await hub.close();
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A station beyond the setup's two (a second expert, the region's coordinator), with no devices. */
export interface ExtraStation {
  station: RunningStation;
  context: BrowserContext;
  page: Page;
  /** Closes its browser context, stops it and removes its data folder. */
  stop(): Promise<void>;
}

/** One more station on the setup's hub, with its own data folder and token, opened in its own browser context. */
export async function startExtraStation(
  browser: Browser,
  setup: CallSetup,
  who: { sub: string; name: string; site: string; specialty?: string },
  role: 'expert' | 'coordinator',
  viewport?: { width: number; height: number },
): Promise<ExtraStation> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `relais-e2e-${who.sub}-`));
  const station = await startStation(dataDir, {
    RELAIS_HUB_URL: setup.hub.url,
    RELAIS_HUB_TOKEN: token(who, role),
    RELAIS_DEVICES: 'none',
  });
  const context = await browser.newContext({ locale: 'fr-FR', ...(viewport ? { viewport } : {}) });
  const page = await context.newPage();
  await page.goto(station.url);
  return {
    station,
    context,
    page,
    async stop() {
      await context.close();
      await station.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The cart calls the expert from the directory and the expert answers; both end up connected. */
export async function callAndAnswer(setup: CallSetup): Promise<void> {
  const { cart, expert } = setup;
  await cart.page.getByRole('button', { name: 'Appels', exact: true }).click();
  await cart.page.getByLabel('Motif de l’appel').fill('Suspicion d’AVC, début 9 h 40');
  await cart.page
    .getByRole('listitem')
    .filter({ hasText: 'neurologie — CHU de Brest' })
    .getByRole('button', { name: `Appeler ${EXPERT.name}` })
    .click();
  await expect(cart.page.getByRole('alertdialog')).toContainText(`Appel vers ${EXPERT.name}`);
  const ring = expert.page.getByRole('alertdialog');
  await expect(ring).toContainText(`Appel entrant de ${CART.name} (${CART.site})`);
  await expect(ring).toContainText('Motif : Suspicion d’AVC, début 9 h 40');
  await ring.getByRole('button', { name: 'Répondre' }).click();
  for (const page of [cart.page, expert.page])
    await expect(page.getByTestId('call-phase')).toHaveAttribute('data-phase', 'connected', { timeout: 20_000 });
}

/** Video frames decoded on this side, read from getStats by the station and shown on screen. */
export async function framesDecoded(page: Page): Promise<number> {
  return Number(await page.getByTestId('call-quality').getAttribute('data-frames-decoded'));
}

/** Opens one tab of the call's working panel (Messages, Consentement, Caméra, Examen, AVC, Images). */
export async function openCallTab(page: Page, name: string): Promise<void> {
  await page.getByTestId('call-work').getByRole('tab', { name, exact: true }).click();
}

/** Hangs up from this side: the button, then the confirmation. */
export async function hangUp(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Raccrocher', exact: true }).click();
  await page.getByRole('dialog', { name: 'Raccrocher ?' }).getByRole('button', { name: 'Raccrocher' }).click();
}
