// Browser mode opens the station in Chromium without its key on the command line (issue 16,
// point 9): any local account reads a process's arguments (ps, /proc/<pid>/cmdline), and the key
// opens every record. A stand-in Chromium prints the arguments it was given.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openInChromium } from '../../src/main/host/open-browser';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir('relais-open-');
const KEY = 'c0ffee'.repeat(10) + 'abcd';
const URL_WITH_KEY = `http://127.0.0.1:4780/#token=${KEY}`;

function standInChromium(dir: string): { browser: string; argsFile: string } {
  const argsFile = path.join(dir, 'args.txt');
  const browser = path.join(dir, 'chromium');
  fs.writeFileSync(
    browser,
    `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}.tmp' && mv '${argsFile}.tmp' '${argsFile}'\n`,
    { mode: 0o755 },
  );
  return { browser, argsFile };
}

async function argumentsOf(argsFile: string): Promise<string[]> {
  for (let i = 0; i < 100 && !fs.existsSync(argsFile); i++) await new Promise((r) => setTimeout(r, 50));
  return fs.readFileSync(argsFile, 'utf8').trim().split('\n');
}

describe('opening the station in Chromium', () => {
  it('never puts the key on the command line; a file only this account reads hands it to the page', async () => {
    const dir = tempDir();
    const { browser, argsFile } = standInChromium(dir);
    const outcome = openInChromium(
      URL_WITH_KEY,
      path.join(dir, 'profile'),
      { DISPLAY: ':0', RELAIS_BROWSER: browser },
      { launcherLifetimeMs: 60_000 },
    );
    expect(outcome).toMatchObject({ opened: true, browser });

    const args = await argumentsOf(argsFile);
    expect(args.join(' ')).not.toContain(KEY);
    expect(args.join(' ')).not.toContain('token=');
    const app = args.find((a) => a.startsWith('--app='))!.slice('--app='.length);
    expect(app).toMatch(/^file:\/\//);

    // The page it opens sends the browser on to the station with the key, and only this account reads it.
    const launcher = fileURLToPath(app);
    expect(fs.readFileSync(launcher, 'utf8')).toContain(URL_WITH_KEY);
    expect(fs.statSync(launcher).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(launcher)).mode & 0o077).toBe(0);
  });

  it('removes the launcher once the browser has had time to read it', async () => {
    const dir = tempDir();
    const { browser, argsFile } = standInChromium(dir);
    openInChromium(
      URL_WITH_KEY,
      path.join(dir, 'profile'),
      { DISPLAY: ':0', RELAIS_BROWSER: browser },
      { launcherLifetimeMs: 200 },
    );
    const launcher = fileURLToPath(
      (await argumentsOf(argsFile)).find((a) => a.startsWith('--app='))!.slice('--app='.length),
    );
    await expect.poll(() => fs.existsSync(launcher), { timeout: 5_000 }).toBe(false);
  });

  it('opens nothing without a display or a browser', () => {
    const dir = tempDir();
    expect(
      openInChromium(URL_WITH_KEY, path.join(dir, 'profile'), { RELAIS_BROWSER: standInChromium(dir).browser }),
    ).toEqual({ opened: false, reason: 'no_display' });
    expect(
      openInChromium(URL_WITH_KEY, path.join(dir, 'profile'), {
        DISPLAY: ':0',
        RELAIS_BROWSER: path.join(dir, 'missing'),
      }),
    ).toEqual({ opened: false, reason: 'no_browser' });
    expect(fs.readdirSync(dir).filter((f) => f.includes('launch'))).toEqual([]);
  });
});
