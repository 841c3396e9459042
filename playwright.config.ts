// End-to-end tests: Debian's Chromium drives the built station in browser mode (Electron's
// binary cannot be had on build machines). Run after `npm run build`.
import { defineConfig } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // The approved screenshots (screens.spec.ts), one readable name per screen, language and size.
  snapshotPathTemplate: '{testDir}/approved/{arg}{ext}',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'fr-FR',
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: { executablePath: process.env.RELAIS_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
});
