// The shell's update wiring: the feed from app-update.yml (or RELAIS_UPDATE_URL), and the
// station's open calls and kiosk mode as what holds an update back (mocked electron-updater).
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
const NOW = Date.parse('2026-11-23T14:00:00Z');
function resources(yml: string | null) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-resources-'));
  if (yml !== null) fs.writeFileSync(path.join(dir, 'app-update.yml'), yml);
  return dir;
}
function station(calls: { ringingAt: string; endedAt: string | null }[], kioskActive: boolean) {
  return {
    dispatch: vi.fn(async (channel: string) => {
      if (channel === 'calls.history') return { ok: true, value: calls };
      if (channel === 'kiosk.state') return { ok: true, value: { active: kioskActive, pinSet: true, lockedUntil: null, site: 'x' } };
      return { ok: false, error: { code: 'unknown', message: channel } };
    }),
  };
}
const YML = 'provider: generic\nurl: https://maj.region.example/relais\nupdaterCacheDirName: relais-updater\n';

afterEach(() => {
  delete process.env.RELAIS_UPDATE_URL;
});

describe('station updates', () => {
  it('uses the packaged feed and downloads when no call is open and the cabin is not in kiosk mode', async () => {
    fake.updater = makeUpdater();
    const updates = startStationUpdates(station([{ ringingAt: '2026-11-23T09:00:00Z', endedAt: '2026-11-23T09:20:00Z' }], false) as never, logger, resources(YML), () => NOW);
    await updates.check();
    expect(fake.updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://maj.region.example/relais' });
    expect(fake.updater.downloadUpdate).toHaveBeenCalled();
  });

  it('waits while a call is open', async () => {
    fake.updater = makeUpdater();
    const updates = startStationUpdates(station([{ ringingAt: '2026-11-23T13:50:00Z', endedAt: null }], false) as never, logger, resources(YML), () => NOW);
    await updates.check();
    expect(fake.updater.downloadUpdate).not.toHaveBeenCalled();
  });

  it('does not let a call record left open by a crash long ago block updates', async () => {
    fake.updater = makeUpdater();
    const updates = startStationUpdates(station([{ ringingAt: '2026-11-20T10:00:00Z', endedAt: null }], false) as never, logger, resources(YML), () => NOW);
    await updates.check();
    expect(fake.updater.downloadUpdate).toHaveBeenCalled();
  });

  it('waits while the cabin is in kiosk mode', async () => {
    fake.updater = makeUpdater();
    const updates = startStationUpdates(station([], true) as never, logger, resources(YML), () => NOW);
    await updates.check();
    expect(fake.updater.downloadUpdate).not.toHaveBeenCalled();
  });

  it('turns updates off when app-update.yml is missing or names an http server', async () => {
    for (const yml of [null, 'provider: generic\nurl: http://maj.region.example/\n']) {
      fake.updater = makeUpdater();
      const updates = startStationUpdates(station([], false) as never, logger, resources(yml), () => NOW);
      await updates.check();
      expect(fake.updater.setFeedURL).not.toHaveBeenCalled();
      expect(fake.updater.checkForUpdates).not.toHaveBeenCalled();
    }
  });

  it('lets RELAIS_UPDATE_URL override the packaged feed', async () => {
    fake.updater = makeUpdater();
    process.env.RELAIS_UPDATE_URL = 'https://autre.region.example/maj';
    startStationUpdates(station([], false) as never, logger, resources(YML), () => NOW);
    expect(fake.updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://autre.region.example/maj' });
  });
});
