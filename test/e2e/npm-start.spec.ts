// `npm start` on a machine without Electron's binary: it says why, serves the station in browser
// mode on 127.0.0.1 and prints where; the page works.
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStation, stopChild, waitForReady } from './station-host';

test('falls back to browser mode, says why and where, and the page works', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-start-'));
  // An empty Electron dist folder: the binary is missing, whatever this machine has downloaded.
  const noElectron = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-no-electron-'));
  // The build is done by `npm test` before Playwright runs; this is the rest of `npm start`.
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: {
      ...process.env,
      RELAIS_DATA_DIR: dataDir,
      RELAIS_PORT: '0',
      ELECTRON_OVERRIDE_DIST_PATH: noElectron,
      DISPLAY: '',
      WAYLAND_DISPLAY: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const ready = await waitForReady(child);
    expect(ready.output()).toContain(
      "Electron n'est pas disponible sur cette machine : Relais démarre en mode navigateur.",
    );
    expect(ready.output()).toContain('Electron is not available on this machine: Relais starts in browser mode.');
    expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}$/);

    await page.goto(ready.url);
    // The cart's home starts a consultation; the station's details are on the Technique page.
    await expect(page.getByRole('button', { name: 'Nouvelle consultation' })).toBeVisible();
    await page.getByRole('button', { name: 'Technique', exact: true }).click();
    await expect(page.getByRole('region', { name: 'État de la station' })).toContainText(/Patients enregistrés\s*0/);
    await expect(page.getByRole('region', { name: 'État de la station' })).toContainText(dataDir);
    // Records are encrypted at rest; in browser mode the key is in a file, and the screen says it is weaker.
    expect(ready.output()).toContain(`Clé de chiffrement / data key: ${dataDir}.key`);
    expect(fs.statSync(`${dataDir}.key`).mode & 0o777).toBe(0o600);
    await expect(page.getByTestId('data-protection')).toContainText(
      'Chiffrées (AES-256), clé dans un fichier : protection plus faible',
    );
    await expect(page.getByTestId('data-protection')).toContainText('qui lit ce fichier lit les dossiers');
    // The embedded defaults run a regional hub in-process, and the station is connected to it.
    await expect(page.getByRole('region', { name: 'État de la station' })).toContainText(
      /Serveur régional\s*connecté \(ws:\/\/127\.0\.0\.1:\d+\/hub\)/,
    );
    // No provider in the embedded defaults: npm start chose no sign-in, and both the log and the screen say what it means.
    expect(ready.output()).toContain('Embedded defaults: no identity provider, RELAIS_NO_SIGN_IN=1');
    expect(ready.output()).toContain('"event":"sign_in.none"');
    // A new user's first start prints no error (the device profiles were once looked for in out/).
    expect(ready.output()).not.toContain('"level":"error"');
    await expect(page.getByTestId('record-access')).toContainText(
      'toute personne devant cette station lit tous les dossiers',
    );
  } finally {
    await stopChild(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(`${dataDir}.key`, { force: true });
    fs.rmSync(noElectron, { recursive: true, force: true });
  }
});

// Issue 20, point 6: the README's one-machine call. The expert station `npm start` prints is the
// one its sample offers name, so the cart's stroke alert rings it.
test('the expert station npm start prints is rung by the stroke alert', async ({ browser }) => {
  test.setTimeout(120_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-start-'));
  const expertDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-start-expert-'));
  const noElectron = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-no-electron-'));
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: {
      ...process.env,
      RELAIS_DATA_DIR: dataDir,
      RELAIS_PORT: '0',
      ELECTRON_OVERRIDE_DIST_PATH: noElectron,
      DISPLAY: '',
      WAYLAND_DISPLAY: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let expert: Awaited<ReturnType<typeof startStation>> | null = null;
  try {
    const ready = await waitForReady(child);
    // The printed command, as a person would copy it: its settings, with this test's data folder.
    await expect.poll(() => ready.output()).toContain('node out/main/host.cjs --open');
    const line = ready
      .output()
      .split('\n')
      .find((l) => l.includes('node out/main/host.cjs --open'))!;
    const printed = Object.fromEntries([...line.matchAll(/(RELAIS_[A-Z_]+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]));
    expect(Object.keys(printed)).toEqual(expect.arrayContaining(['RELAIS_HUB_URL', 'RELAIS_HUB_TOKEN']));
    expert = await startStation(expertDir, { ...printed, RELAIS_DATA_DIR: expertDir });
    const cartPage = await browser.newPage();
    const expertPage = await browser.newPage();
    await cartPage.goto(ready.url);
    await expertPage.goto(expert.url);
    await expect(expertPage.getByRole('heading', { name: 'Demandes reçues' })).toBeVisible();

    await cartPage.getByRole('button', { name: 'Appels', exact: true }).click();
    await expect(cartPage.getByText('Expert de test — disponible').first()).toBeVisible();
    await cartPage.getByRole('button', { name: /^Alerte AVC/ }).click();
    const ring = expertPage.getByRole('alertdialog');
    await expect(ring).toContainText('Alerte AVC');
    await ring.getByRole('button', { name: 'Répondre' }).click();
    for (const page of [cartPage, expertPage])
      await expect(page.getByTestId('call-phase')).toHaveAttribute('data-phase', 'connected', { timeout: 20_000 });
  } finally {
    await expert?.stop();
    await stopChild(child);
    for (const dir of [dataDir, expertDir, noElectron]) fs.rmSync(dir, { recursive: true, force: true });
    for (const dir of [dataDir, expertDir]) fs.rmSync(`${dir}.key`, { force: true });
  }
});

// Issue 16, point 8: a station with no provider opened every record and said nothing.
test('the station refuses to start without a provider unless the site chose no sign-in, and says what to set', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-no-provider-'));
  const env: NodeJS.ProcessEnv = { ...process.env, RELAIS_DATA_DIR: dataDir, RELAIS_PORT: '0' };
  delete env.RELAIS_NO_SIGN_IN;
  delete env.RELAIS_OIDC_DISCOVERY_URL;
  const child = spawn(process.execPath, [path.resolve('out/main/host.cjs')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  try {
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(1);
    expect(output).toContain('RELAIS_NO_SIGN_IN=1');
    expect(output).toContain('anyone at the station reads every record');
    expect(output).not.toContain('Relais station ready');
  } finally {
    child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(`${dataDir}.key`, { force: true });
  }
});
