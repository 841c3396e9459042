// Updates on a real cart behind its real sign-in gate (provider on loopback, a real hub, a
// doctor's station): locked between acts, with nobody in a call, the cart is idle and installs;
// a doctor ringing it holds the update back until the call ends (mocked electron-updater).
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHub } from '../../src/hub/server';
import { issueToken, type Claims } from '../../src/hub/tokens';
import { silentLogger } from '../../src/main/platform/logger';
import { createStation, type Station } from '../../src/main/station';
import type { ServerMessage } from '../../src/shared/hub-protocol';
import { contractValue } from '../helpers/contract-value';
import { CLIENT, signInInBrowser, startTestProvider } from '../helpers/oidc-provider';
import { useTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait';

const fake = vi.hoisted(() => ({ updater: null as unknown as ReturnType<typeof makeUpdater> }));
function makeUpdater() {
  const emitter = new EventEmitter();
  return Object.assign(emitter, {
    setFeedURL: vi.fn(),
    checkForUpdates: vi.fn(async () => ({ isUpdateAvailable: true })),
    downloadUpdate: vi.fn(async () => {
      emitter.emit('update-downloaded', { version: '0.2.0' });
      return [];
    }),
    quitAndInstall: vi.fn(),
  });
}
vi.mock('electron-updater', () => ({
  get autoUpdater() {
    return fake.updater;
  },
}));

import { startStationUpdates } from '../../src/main/electron/station-updates';

const tempDir = useTempDir('relais-updates-');
const SECRET = 'hub-secret-for-updates';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const token = (sub: string, role: Claims['role'], name: string) => {
  const site = role === 'expert' ? 'CHU de Brest' : 'EHPAD Les Tilleuls';
  const specialty = role === 'expert' ? 'neurologie' : null;
  return issueToken(SECRET, { sub, role, name, site, specialty, exp: Math.floor(Date.now() / 1000) + 600 });
};

/** Polls an asynchronous condition (the station answers through its contract). */
async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function feedFolder(): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'app-update.yml'), 'provider: generic\nurl: https://maj.region.example/relais\n');
  return dir;
}

describe('updates on a locked cart', () => {
  it('install when nobody is in a call, and wait while a doctor rings the cart', async () => {
    const provider = await startTestProvider();
    cleanups.push(() => provider.close());
    const hub = await startHub({ secret: SECRET, turnSecret: 'coturn-secret-for-updates', turnUrls: [], offers: [] });
    cleanups.push(() => hub.close());
    const oidc = {
      discoveryUrl: provider.issuer,
      clientId: CLIENT.id,
      clientSecret: CLIENT.secret,
      scope: 'openid profile',
    };
    const stationOptions = { mode: 'browser', logger: silentLogger, hubUrl: hub.url } as const;
    const cart: Station = createStation({
      ...stationOptions,
      dataDir: tempDir(),
      hubToken: token('cart-3', 'station', 'Chariot 3'),
      oidc,
    });
    cleanups.push(() => cart.close());
    const doctor: Station = createStation({
      ...stationOptions,
      dataDir: tempDir(),
      hubToken: token('dr-neuro', 'expert', 'Dr Kerleau'),
    });
    cleanups.push(() => doctor.close());
    const cartMessages: ServerMessage[] = [];
    cart.events.on('calls.message', (message) => cartMessages.push(message));

    // The nurse signs in, chooses her PIN, then locks the cart between acts.
    const { authorizationUrl } = await contractValue(cart, 'identity.login', {});
    await signInInBrowser(authorizationUrl);
    await until(async () => (await contractValue(cart, 'identity.state', {})).user !== null, 'the nurse is signed in');
    await contractValue(cart, 'identity.setPin', { pin: '4826' });
    await contractValue(cart, 'identity.lock', {});
    const refused = await cart.dispatch('calls.history', { limit: 5 });
    expect(!refused.ok && refused.error.code).toBe('forbidden');

    fake.updater = makeUpdater();
    const updates = startStationUpdates(cart, silentLogger, feedFolder());
    await updates.check();
    expect(fake.updater.downloadUpdate).toHaveBeenCalledTimes(1);
    await waitFor(
      () => fake.updater.quitAndInstall.mock.calls.length === 1,
      'the update installing on the idle locked cart',
    );

    // The doctor rings the locked cart: the next install waits for the call's end.
    const seesCart = async () => (await contractValue(doctor, 'calls.hub', {})).peers.some((p) => p.id === 'cart-3');
    await until(seesCart, 'the doctor sees the cart');
    await contractValue(doctor, 'calls.send', { type: 'call.ring', to: 'cart-3', reason: 'Avis neurologique' });
    await waitFor(() => cartMessages.some((m) => m.type === 'call.incoming'), 'the cart rings');
    expect(await updates.installIfIdle()).toBe(false);
    const ringing = cartMessages.find((m) => m.type === 'call.incoming') as Extract<
      ServerMessage,
      { type: 'call.incoming' }
    >;
    await contractValue(doctor, 'calls.send', { type: 'call.cancel', callId: ringing.callId });
    await waitFor(() => cartMessages.some((m) => m.type === 'call.ended'), 'the call ends on the cart');
    expect(await updates.installIfIdle()).toBe(true);
    expect(fake.updater.quitAndInstall).toHaveBeenCalledTimes(2);
  });
});
