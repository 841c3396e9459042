// Issue 19, point 9: the built station (out/) finds the app's resources/ (USB device profiles, HID
// profiles) wherever its code sits: an entry (out/main/*.cjs) or a shared chunk (out/main/chunks/),
// whose __dirname is one level deeper. Runs on the build `npm test` makes before vitest.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { createStation } from '../../../src/main/station';

const root = path.resolve(__dirname, '../../..');
const built = path.join(root, 'out/main');

interface Entry {
  level: string;
  event: string;
  fields: Record<string, unknown>;
}

// The built file that defines the station (a chunk today, with a hashed name): found by what it exports.
function builtStationModule(): string {
  if (!fs.existsSync(path.join(built, 'index.cjs'))) throw new Error('out/ is missing: run `npm run build` first.');
  const candidates = [
    ...fs.readdirSync(built).map((f) => path.join(built, f)),
    ...fs.readdirSync(path.join(built, 'chunks')).map((f) => path.join(built, 'chunks', f)),
  ];
  const found = candidates.filter(
    (f) => f.endsWith('.cjs') && fs.readFileSync(f, 'utf8').includes('Object.defineProperty(exports, "createStation"'),
  );
  expect(found, 'the built file exporting createStation').toHaveLength(1);
  return found[0]!;
}

describe('the built station finds resources/', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loads the USB and HID device profiles from out/ when no folder is passed in', async () => {
    const requireBuilt = createRequire(__filename);
    const { createStation: createBuiltStation } = requireBuilt(builtStationModule()) as {
      createStation: typeof createStation;
    };
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-built-resources-'));
    dirs.push(dataDir);
    const entries: Entry[] = [];
    const log =
      (level: string) =>
      (event: string, fields: Record<string, unknown> = {}) =>
        entries.push({ level, event, fields });
    const logger = { info: log('info'), warn: log('warn'), error: log('error') };
    // Configured with no device: the plug watcher starts (and reads the profiles), nothing is opened.
    const station = createBuiltStation({
      dataDir,
      mode: 'browser',
      logger,
      devices: { mode: 'configured', devices: [] },
      dataKeyFile: path.join(dataDir, 'key'),
    });
    try {
      await station.devicesReady;
      const errors = entries.filter((e) => e.level === 'error');
      expect(errors.map((e) => `${e.event} ${JSON.stringify(e.fields)}`)).toEqual([]);
      const loaded = entries.find((e) => e.event === 'device.profiles_loaded');
      expect(loaded?.fields.dir).toBe(path.join(root, 'resources'));
      expect(loaded?.fields.usb).toBeGreaterThan(0);
      expect(loaded?.fields.hid).toBeGreaterThan(0);
    } finally {
      await station.close();
    }
  });
});
