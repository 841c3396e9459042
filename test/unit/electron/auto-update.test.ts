// Auto-update: the feed is checked, nothing is downloaded or installed while the station is
// busy, and a downloaded update installs once it is idle (mocked electron-updater).
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { AppUpdater } from 'electron-updater';
import { busyReasonFrom, startAutoUpdate } from '../../../src/main/electron/auto-update';

// The module must not need Electron itself: the updater is handed in.
vi.mock('electron', () => {
  throw new Error('auto-update must not import electron at run time');
});

function fakeUpdater(available: boolean) {
  const emitter = new EventEmitter();
  const updater = Object.assign(emitter, {
    allowDowngrade: true,
    allowPrerelease: true,
    autoDownload: true,
    autoInstallOnAppQuit: false,
    logger: null as unknown,
    setFeedURL: vi.fn(),
    checkForUpdates: vi.fn(async () => ({ isUpdateAvailable: available, updateInfo: { version: '0.2.0' } })),
    downloadUpdate: vi.fn(async () => {
      emitter.emit('update-downloaded', { version: '0.2.0' });
      return [];
    }),
    quitAndInstall: vi.fn(),
  });
  return updater;
}

function logs() {
  const lines: { level: string; event: string; fields?: Record<string, unknown> }[] = [];
  const at = (level: string) => (event: string, fields?: Record<string, unknown>) =>
    void lines.push({ level, event, fields });
  return { lines, logger: { info: at('info'), warn: at('warn'), error: at('error') } };
}

const noTimers = () => ({});
const start = (
  updater: ReturnType<typeof fakeUpdater>,
  busy: () => Promise<string | null>,
  feedUrl = 'https://maj.region.example/relais',
) => {
  const { lines, logger } = logs();
  const auto = startAutoUpdate({
    updater: updater as unknown as AppUpdater,
    feedUrl,
    busyReason: busy,
    logger,
    setInterval: noTimers,
  });
  return { auto, lines };
};

describe('auto-update', () => {
  it('points the updater at the regional server, with no downgrade, no prerelease and no download by itself', () => {
    const updater = fakeUpdater(false);
    start(updater, async () => null);
    expect(updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://maj.region.example/relais' });
    expect(updater.allowDowngrade).toBe(false);
    expect(updater.allowPrerelease).toBe(false);
    expect(updater.autoDownload).toBe(false);
  });

  it.each(['http://maj.region.example/relais', 'https://user:pw@maj.region.example/', 'ftp://x.example/', 'not a url'])(
    'refuses the feed %s and never checks it',
    async (feed) => {
      const updater = fakeUpdater(true);
      const { auto, lines } = start(updater, async () => null, feed);
      await auto.check();
      expect(updater.setFeedURL).not.toHaveBeenCalled();
      expect(updater.checkForUpdates).not.toHaveBeenCalled();
      expect(lines.find((l) => l.event === 'update.feed_refused')?.level).toBe('error');
    },
  );

  it('downloads and installs at once when the station is idle', async () => {
    const updater = fakeUpdater(true);
    const { auto, lines } = start(updater, async () => null);
    await auto.check();
    await vi.waitFor(() => expect(updater.quitAndInstall).toHaveBeenCalledTimes(1));
    expect(lines.map((l) => l.event)).toEqual(expect.arrayContaining(['update.downloaded', 'update.installing']));
  });

  it('does not even download during a call', async () => {
    const updater = fakeUpdater(true);
    const { auto, lines } = start(updater, async () => 'a call is in progress');
    await auto.check();
    expect(updater.downloadUpdate).not.toHaveBeenCalled();
    expect(lines).toContainEqual({
      level: 'info',
      event: 'update.waiting',
      fields: { step: 'download', reason: 'a call is in progress' },
    });
  });

  it('keeps a downloaded update waiting while a cabin session runs, then installs it once idle', async () => {
    const updater = fakeUpdater(true);
    let reason: string | null = null;
    const { auto } = start(updater, async () => reason);
    reason = null;
    updater.checkForUpdates.mockResolvedValueOnce({ isUpdateAvailable: true, updateInfo: { version: '0.2.0' } });
    // Idle for the download, busy by the time it finished.
    updater.downloadUpdate.mockImplementationOnce(async () => {
      reason = 'the cabin is in kiosk mode (a patient session may be in progress)';
      updater.emit('update-downloaded', { version: '0.2.0' });
      return [];
    });
    await auto.check();
    expect(await auto.installIfIdle()).toBe(false);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    reason = null;
    expect(await auto.installIfIdle()).toBe(true);
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
  });

  it('treats a station that cannot answer as busy', async () => {
    const updater = fakeUpdater(true);
    const { auto, lines } = start(updater, async () => {
      throw new Error('database locked');
    });
    await auto.check();
    expect(updater.downloadUpdate).not.toHaveBeenCalled();
    expect(String(lines.find((l) => l.event === 'update.waiting')?.fields?.reason)).toContain('database locked');
  });

  it('logs a refused update (bad signature) and installs nothing', async () => {
    const updater = fakeUpdater(true);
    updater.downloadUpdate.mockRejectedValueOnce(
      new Error('New version 0.2.0 is not signed by the application owner: publisherNames: Relais'),
    );
    const { auto, lines } = start(updater, async () => null);
    await auto.check();
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    expect(String(lines.find((l) => l.event === 'update.failed')?.fields?.error)).toContain(
      'not signed by the application owner',
    );
  });

  it('says the station is busy during an open call or in kiosk mode, idle otherwise', () => {
    expect(busyReasonFrom({ openCalls: 1, kioskActive: false })).toMatch(/call/);
    expect(busyReasonFrom({ openCalls: 0, kioskActive: true })).toMatch(/kiosk/);
    expect(busyReasonFrom({ openCalls: 0, kioskActive: false })).toBeNull();
  });
});
