// Opens the station in Debian's Chromium as an app window, when one is installed and a display exists.
// SECURITY: the station's key never goes on Chromium's command line, which every local account can
// read (ps, /proc/<pid>/cmdline): Chromium opens a small launcher page in a folder only this
// account reads, which sends it on to the station with the key; the launcher is removed soon after.
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The browser to open: RELAIS_BROWSER when set (a site's own Chromium build), else the first installed. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.RELAIS_BROWSER) return fs.existsSync(env.RELAIS_BROWSER) ? env.RELAIS_BROWSER : null;
  return CANDIDATES.find((candidate) => fs.existsSync(candidate)) ?? null;
}

export type OpenOutcome = { opened: true; browser: string } | { opened: false; reason: 'no_browser' | 'no_display' };

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Writes the launcher page (0600, in a 0700 folder) and returns its path. */
function writeLauncher(folder: string, url: string): string {
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  fs.chmodSync(folder, 0o700);
  // A launcher left by a run stopped within its minute holds a key no longer valid: removed anyway.
  for (const stale of fs.readdirSync(folder))
    if (/^launch-[0-9a-f]{16}\.html$/.test(stale)) fs.rmSync(path.join(folder, stale), { force: true });
  const file = path.join(folder, `launch-${randomBytes(8).toString('hex')}.html`);
  const page = `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="refresh" content="0;url=${escapeHtml(url)}"><title>Relais</title>\n`;
  fs.writeFileSync(file, page, { mode: 0o600, flag: 'wx' });
  return file;
}

export function openInChromium(
  url: string,
  profileDir: string,
  env: NodeJS.ProcessEnv = process.env,
  options: { launcherLifetimeMs?: number } = {},
): OpenOutcome {
  const browser = findChromium(env);
  if (!browser) return { opened: false, reason: 'no_browser' };
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY)
    return { opened: false, reason: 'no_display' };
  fs.mkdirSync(profileDir, { recursive: true, mode: 0o700 });
  const launcher = writeLauncher(path.join(profileDir, 'launch'), url);
  // Its own profile, so the station's camera/microphone grants and storage stay apart from the user's browsing.
  const child = spawn(
    browser,
    [
      `--app=${pathToFileURL(launcher).href}`,
      `--user-data-dir=${path.resolve(profileDir)}`,
      '--no-first-run',
      '--disable-background-networking',
    ],
    {
      detached: true,
      stdio: 'ignore',
    },
  );
  child.on('error', () => fs.rmSync(launcher, { force: true }));
  child.unref();
  // Chromium reads the page as it starts; a slow first start on a loaded cart takes seconds, not a minute.
  setTimeout(() => fs.rmSync(launcher, { force: true }), options.launcherLifetimeMs ?? 60_000).unref();
  return { opened: true, browser };
}
