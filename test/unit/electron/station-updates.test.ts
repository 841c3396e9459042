// The shell's update wiring: the feed from app-update.yml (or RELAIS_UPDATE_URL), and the
// station's open calls and kiosk mode as what holds an update back, asked of its services
// directly: a locked cart (whose sign-in gate refuses the contract) is idle and must update
// (mocked electron-updater).
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({ updater: null as unknown as ReturnType<typeof makeUpdater> }));
function makeUpdater() {
  const emitter = new EventEmitter();
  return Object.assign(emitter, {
    setFeedURL: vi.fn(),
    checkForUpdates: vi.fn(async () => ({ isUpdateAvailable: true })),
    downloadUpdate: vi.fn(async () => []),
    quitAndInstall: vi.fn(),
  });
}
vi.mock('electron-updater', () => ({
  get autoUpdater() {
    return fake.updater;
  },
}));

import { startStationUpdates } from '../../../src/main/electron/station-updates';

const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
function resources(yml: string | null) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-resources-'));
  if (yml !== null) fs.writeFileSync(path.join(dir, 'app-update.yml'), yml);
  return dir;
}
/**
 * A cart locked between acts, as the page sees it: the sign-in gate refuses every record channel
 * (kiosk.state stays open to it). `busy` is what its call and kiosk services say.
 */
function lockedCart(busy: { openCalls: number; kioskActive: boolean }) {
  return {
    dispatch: vi.fn(async (channel: string) => {
      if (channel === 'kiosk.state')
        return { ok: true, value: { active: busy.kioskActive, pinSet: true, lockedUntil: null, site: 'x' } };
      return {
        ok: false,
        error: { code: 'forbidden', message: 'The station is locked: type your PIN or present your badge to open it.' },
      };
    }),
    busyState: vi.fn(() => busy),
  };
}
const IDLE = { openCalls: 0, kioskActive: false };
const flush = () => new Promise((resolve) => setImmediate(resolve));
const YML = 'provider: generic\nurl: https://maj.region.example/relais\nupdaterCacheDirName: relais-updater\n';

afterEach(() => {
  delete process.env.RELAIS_UPDATE_URL;
});

describe('station updates', () => {
  it('on a locked cart with no call, downloads and then installs', async () => {
    fake.updater = makeUpdater();
    const cart = lockedCart(IDLE);
    const updates = startStationUpdates(cart as never, logger, resources(YML));
    await updates.check();
    expect(fake.updater.setFeedURL).toHaveBeenCalledWith({
      provider: 'generic',
      url: 'https://maj.region.example/relais',
    });
    expect(fake.updater.downloadUpdate).toHaveBeenCalled();
    fake.updater.emit('update-downloaded', { version: '0.2.0' });
    await flush();
    expect(fake.updater.quitAndInstall).toHaveBeenCalledTimes(1);
    // The services were asked, not the contract behind the sign-in gate.
    expect(cart.dispatch).not.toHaveBeenCalled();
  });

  it('waits while a call is in progress, the cart locked or not, and installs once it ended', async () => {
    fake.updater = makeUpdater();
    const busy = { openCalls: 1, kioskActive: false };
    const updates = startStationUpdates(lockedCart(busy) as never, logger, resources(YML));
    await updates.check();
    expect(fake.updater.downloadUpdate).not.toHaveBeenCalled();
    expect(logger.info).toHaveBeenCalledWith('update.waiting', { step: 'download', reason: 'a call is in progress' });
    busy.openCalls = 0;
    await updates.check();
    expect(fake.updater.downloadUpdate).toHaveBeenCalled();
    busy.openCalls = 1;
    fake.updater.emit('update-downloaded', { version: '0.2.0' });
    await flush();
    expect(fake.updater.quitAndInstall).not.toHaveBeenCalled();
    busy.openCalls = 0;
    expect(await updates.installIfIdle()).toBe(true);
    expect(fake.updater.quitAndInstall).toHaveBeenCalledTimes(1);
  });

  it('waits while the cabin is in kiosk mode', async () => {
    fake.updater = makeUpdater();
    const updates = startStationUpdates(
      lockedCart({ openCalls: 0, kioskActive: true }) as never,
      logger,
      resources(YML),
    );
    await updates.check();
    expect(fake.updater.downloadUpdate).not.toHaveBeenCalled();
  });

  it('waits when the station cannot say (a service throws), never installing on a guess', async () => {
    fake.updater = makeUpdater();
    const cart = lockedCart(IDLE);
    cart.busyState.mockImplementation(() => {
      throw new Error('database is locked');
    });
    const updates = startStationUpdates(cart as never, logger, resources(YML));
    await updates.check();
    expect(fake.updater.downloadUpdate).not.toHaveBeenCalled();
  });

  it('turns updates off when app-update.yml is missing or names an http server', async () => {
    for (const yml of [null, 'provider: generic\nurl: http://maj.region.example/\n']) {
      fake.updater = makeUpdater();
      const updates = startStationUpdates(lockedCart(IDLE) as never, logger, resources(yml));
      await updates.check();
      expect(fake.updater.setFeedURL).not.toHaveBeenCalled();
      expect(fake.updater.checkForUpdates).not.toHaveBeenCalled();
    }
  });

  it('lets RELAIS_UPDATE_URL override the packaged feed', async () => {
    fake.updater = makeUpdater();
    process.env.RELAIS_UPDATE_URL = 'https://autre.region.example/maj';
    startStationUpdates(lockedCart(IDLE) as never, logger, resources(YML));
    expect(fake.updater.setFeedURL).toHaveBeenCalledWith({
      provider: 'generic',
      url: 'https://autre.region.example/maj',
    });
  });
});
