// Opens the station in Debian's Chromium as an app window, when one is installed and a display exists.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string | null {
  return CANDIDATES.find((candidate) => fs.existsSync(candidate)) ?? null;
}

export type OpenOutcome = { opened: true; browser: string } | { opened: false; reason: 'no_browser' | 'no_display' };

export function openInChromium(url: string, profileDir: string, env: NodeJS.ProcessEnv = process.env): OpenOutcome {
  const browser = findChromium();
  if (!browser) return { opened: false, reason: 'no_browser' };
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return { opened: false, reason: 'no_display' };
  fs.mkdirSync(profileDir, { recursive: true, mode: 0o700 });
  // Its own profile, so the station's camera/microphone grants and storage stay apart from the user's browsing.
  const child = spawn(browser, [`--app=${url}`, `--user-data-dir=${path.resolve(profileDir)}`, '--no-first-run', '--disable-background-networking'], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  return { opened: true, browser };
}
