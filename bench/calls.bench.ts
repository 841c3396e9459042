// npm run bench -- calls (after npm run build): a cart and an expert station on one hub over
// loopback, each page in Debian's Chromium with fake camera and microphone.
// - call setup: the cart's click on "Appeler" to the first decoded remote frame on both sides,
//   the expert answering as soon as it rings (no human delay), 50 calls;
// - remote steering: the expert's arrow key to the first VISCA byte at the cart's camera (a
//   VISCA simulator on a socat pty, 9600 baud), 50 presses, beside the same key pressed by the
//   nurse on the cart's own Devices screen (the plain local command).
// Times are wall-clock (performance.timeOrigin + now) so the pages and Node compare.
import { chromium, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bench, describe } from 'vitest';
import { openPtyPair } from '../devices/transport/pty-pair';
import { startViscaSimulator, type ViscaSimulator } from '../devices/visca/simulator';
import { startHub } from '../src/hub/server';
import { issueToken } from '../src/hub/tokens';
import { startHost } from '../src/main/host/host-server';
import { silentLogger } from '../src/main/platform/logger';
import { createStation } from '../src/main/station';
import { CHROMIUM_ARGS } from '../playwright.config';
import { contractValue as value } from '../test/helpers/contract-value';
import { SYNTHETIC_CT_PATIENT, writeSyntheticCt } from '../test/helpers/synthetic-ct';

const RUNS = Number(process.env.RELAIS_BENCH_RUNS ?? 50);
const BAUD = 9600;
const BYTE_MS = 10_000 / BAUD;
const SECRET = 'bench-hub-secret';
const wall = () => performance.timeOrigin + performance.now();
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const ms = (v: number) => `${v.toFixed(1)} ms`;
const pct = (values: number[]) => `${ms(percentile(values, 50))} / ${ms(percentile(values, 99))}`;

/** Wall time at which the simulator received the first byte of the next drive command after `since`. */
async function nextDriveAt(simulator: ViscaSimulator, since: number, timeoutMs = 3000): Promise<number> {
  const deadline = wall() + timeoutMs;
  for (;;) {
    // The simulator records a command when its last byte is in, on performance.now(): back to the
    // first byte by the wire time of the other eight bytes.
    const hit = simulator.received.find(
      (r) =>
        performance.timeOrigin + r.at >= since &&
        r.bytes[1] === 0x01 &&
        r.bytes[2] === 0x06 &&
        r.bytes[3] === 0x01 &&
        !(r.bytes[6] === 0x03 && r.bytes[7] === 0x03),
    );
    if (hit) return performance.timeOrigin + hit.at - (hit.bytes.length - 1) * BYTE_MS;
    if (wall() > deadline) throw new Error('no drive command reached the camera');
    await new Promise((r) => setTimeout(r, 1));
  }
}

async function pressAndMeasure(page: Page, simulator: ViscaSimulator): Promise<number> {
  const start = wall();
  await page.keyboard.down('ArrowRight');
  const arrived = await nextDriveAt(simulator, start);
  await page.keyboard.up('ArrowRight');
  await new Promise((r) => setTimeout(r, 120)); // the stop goes out, the camera settles
  return arrived - start;
}

// In-page probes (bench only): when the remote video shows its first frame, and answering at once.
// Plain JavaScript strings: this file is type-checked for Node, without the DOM's types.
const PROBE = `(answer) => {
  delete window.firstFrameAt;
  window.benchObserver?.disconnect();
  let answered = false;
  window.benchObserver = new MutationObserver(() => {
    const ring = [...document.querySelectorAll('[role="alertdialog"] button')].find((b) => b.textContent === 'Répondre');
    if (answer && ring && !answered) {
      answered = true;
      ring.click();
    }
    const video = document.querySelector('video.remote-large');
    if (video && !video.dataset.probed) {
      video.dataset.probed = '1';
      video.requestVideoFrameCallback(() => (window.firstFrameAt = performance.timeOrigin + performance.now()));
    }
  });
  window.benchObserver.observe(document.body, { subtree: true, childList: true, attributes: true });
}`;
const armProbes = (page: Page, autoAnswer: boolean) => page.evaluate(`(${PROBE})(${autoAnswer})`);
// Polled with evaluate: waitForFunction would compile the string in the page, which the CSP forbids.
async function firstFrameAt(page: Page): Promise<number> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const at = (await page.evaluate('window.firstFrameAt')) as number | undefined;
    if (at) return at;
    if (Date.now() > deadline) throw new Error('no remote frame within 15 s');
    await new Promise((r) => setTimeout(r, 5));
  }
}
// The setup's steps as the page marks them (webrtc/call-timing.ts), in wall-clock time.
const STEPS = ['accepted', 'media-ready', 'ice-connected', 'link-open'] as const;
const STEP_TIMES = `(() => Object.fromEntries(${JSON.stringify(STEPS)}.map((step) => {
  const mark = performance.getEntriesByName('relais.call.' + step).at(-1);
  return [step, mark ? performance.timeOrigin + mark.startTime : null];
})))()`;
type StepTimes = Record<(typeof STEPS)[number], number | null>;

const CLICK_CALL = `(() => {
  const at = performance.timeOrigin + performance.now();
  [...document.querySelectorAll('button')].find((b) => b.textContent === 'Appeler expert').click();
  return at;
})()`;

/** Scans and imports a CT disc on the station over and over until stopped; resolves how many scans ran. */
function keepImporting(station: ReturnType<typeof createStation>, folder: string) {
  let running = true;
  let scans = 0;
  const started = (async () => {
    writeSyntheticCt(folder, 300);
    const created = await value(station, 'patients.create', { identity: SYNTHETIC_CT_PATIENT, notDuplicateOf: [] });
    if (created.status !== 'created') throw new Error('the CT patient was not created');
    return created.patient.id;
  })();
  const loop = started.then(async (patientId) => {
    while (running) {
      const scan = await value(station, 'imaging.scan', { folder });
      await value(station, 'imaging.import', {
        scanId: scan.scanId,
        studyUids: [scan.studies[0]!.studyUid],
        patientId,
      });
      scans++;
    }
  });
  return {
    started,
    async stop() {
      running = false;
      await loop;
      return scans;
    },
  };
}

async function run(): Promise<void> {
  const rendererRoot = path.resolve('out/renderer');
  if (!fs.existsSync(path.join(rendererRoot, 'index.html')))
    throw new Error('Run `npm run build` first: the bench serves the built renderer.');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-calls-'));
  let rateLimited = 0;
  const hub = await startHub({
    secret: SECRET,
    turnSecret: 'x',
    turnUrls: [],
    offers: [],
    log: (event) => void (event === 'hub.rate_limited' && rateLimited++),
  });
  const pair = await openPtyPair(path.join(dir, 'cart-camera'), path.join(dir, 'camera'));
  const simulator = await startViscaSimulator({ path: pair.simulatorPath, baudRate: BAUD, seed: 5 });
  const token = (sub: string, role: 'station' | 'expert') =>
    issueToken(SECRET, {
      sub,
      role,
      name: sub,
      site: 'bench',
      specialty: null,
      exp: Math.floor(Date.now() / 1000) + 3600,
    });
  const cart = createStation({
    dataDir: path.join(dir, 'cart'),
    mode: 'browser',
    logger: silentLogger,
    hubUrl: hub.url,
    hubToken: token('cart', 'station'),
    devices: {
      mode: 'configured',
      devices: [
        {
          id: 'camera',
          label: 'Caméra',
          kind: 'camera',
          protocol: 'visca',
          path: pair.devicePath,
          baudRate: BAUD,
          address: 1,
        },
      ],
    },
  });
  const expert = createStation({
    dataDir: path.join(dir, 'expert'),
    mode: 'browser',
    logger: silentLogger,
    hubUrl: hub.url,
    hubToken: token('expert', 'expert'),
  });
  await cart.devicesReady;
  const cartHost = await startHost({ station: cart, rendererRoot, port: 0, logger: silentLogger });
  const expertHost = await startHost({ station: expert, rendererRoot, port: 0, logger: silentLogger });
  const browser = await chromium.launch({
    executablePath: process.env.RELAIS_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const open = async (url: string) => {
    const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    await page.goto(url);
    return page;
  };
  const cartPage = await open(cartHost.url);
  const expertPage = await open(expertHost.url);
  const nursePage = await open(cartHost.url); // the nurse's own Devices screen, for the local figure

  try {
    await cartPage.getByRole('button', { name: 'Appels', exact: true }).click();
    const callButton = cartPage.getByRole('button', { name: 'Appeler expert' });
    const setup: number[] = [];
    const firstSide: number[] = [];
    const split = {
      signaling: [] as number[],
      media: [] as number[],
      ice: [] as number[],
      dtls: [] as number[],
      frame: [] as number[],
      expertMedia: [] as number[],
    };
    let steerCall = false;
    for (let i = 0; i < RUNS; i++) {
      await callButton.waitFor();
      await armProbes(cartPage, false);
      await armProbes(expertPage, true);
      const clickedAt = (await cartPage.evaluate(CLICK_CALL)) as number;
      const [cartFrame, expertFrame] = await Promise.all([firstFrameAt(cartPage), firstFrameAt(expertPage)]);
      setup.push(Math.max(cartFrame, expertFrame) - clickedAt);
      firstSide.push(Math.min(cartFrame, expertFrame) - clickedAt);
      const cartSteps = (await cartPage.evaluate(STEP_TIMES)) as StepTimes;
      const expertSteps = (await expertPage.evaluate(STEP_TIMES)) as StepTimes;
      const { accepted, 'media-ready': mediaReady, 'ice-connected': iceConnected, 'link-open': linkOpen } = cartSteps;
      if (accepted && mediaReady && iceConnected && linkOpen) {
        split.signaling.push(accepted - clickedAt);
        split.media.push(Math.max(0, mediaReady - accepted));
        split.ice.push(iceConnected - Math.max(accepted, mediaReady));
        split.dtls.push(linkOpen - iceConnected);
        split.frame.push(Math.max(cartFrame, expertFrame) - linkOpen);
      }
      if (expertSteps.accepted && expertSteps['media-ready'])
        split.expertMedia.push(expertSteps['media-ready'] - expertSteps.accepted);
      if (i === RUNS - 1) {
        steerCall = true;
        break; // the last call stays up for the steering runs
      }
      // Hanging up asks for a confirmation (issue 20); then each side closes its "Appel terminé".
      await cartPage.getByRole('button', { name: 'Raccrocher', exact: true }).click();
      await cartPage.getByRole('dialog', { name: 'Raccrocher ?' }).getByRole('button', { name: 'Raccrocher' }).click();
      for (const page of [cartPage, expertPage])
        await page.getByRole('status', { name: 'Appel terminé' }).getByRole('button', { name: 'Fermer' }).click();
    }

    // Remote steering in the call that stays up: the nurse grants control, the expert presses.
    if (!steerCall) throw new Error('no call for the steering runs');
    // The camera is a tab of each side's working panel; nobody is signed in at this cart, so the
    // nurse names herself once when she grants it (issue 20).
    for (const page of [cartPage, expertPage])
      await page.getByTestId('call-work').getByRole('tab', { name: 'Caméra', exact: true }).click();
    await cartPage.getByRole('button', { name: /^Autoriser .* à piloter la caméra$/ }).click();
    const who = cartPage.getByRole('dialog', { name: 'Qui êtes-vous ?' });
    await who.getByLabel('Votre nom').fill('IDE Bench');
    await who.getByLabel('Votre profession').selectOption({ label: 'Infirmier·e' });
    await who.getByRole('button', { name: 'C’est moi' }).click();
    await expertPage.getByText('Vous pouvez piloter la caméra du chariot.').waitFor();
    await expertPage.locator('body').click({ position: { x: 5, y: 5 } });
    const remote: number[] = [];
    for (let i = 0; i < RUNS; i++) remote.push(await pressAndMeasure(expertPage, simulator));
    // The same presses while the cart's station reads a 300-slice CT from a disc again and again
    // (scan and import): the load a stroke call puts on the cart while the expert steers.
    const loaded: number[] = [];
    const importer = keepImporting(cart, path.join(dir, 'cdrom'));
    await importer.started;
    for (let i = 0; i < RUNS; i++) loaded.push(await pressAndMeasure(expertPage, simulator));
    const imports = await importer.stop();
    await cartPage.getByRole('button', { name: 'Raccrocher', exact: true }).click();
    await cartPage.getByRole('dialog', { name: 'Raccrocher ?' }).getByRole('button', { name: 'Raccrocher' }).click();

    await nursePage.getByRole('button', { name: 'Appareils' }).click();
    await nursePage.getByRole('button', { name: 'Droite', exact: true }).waitFor();
    await nursePage.locator('body').click({ position: { x: 5, y: 5 } });
    const local: number[] = [];
    for (let i = 0; i < RUNS; i++) local.push(await pressAndMeasure(nursePage, simulator));

    const overhead = percentile(remote, 99) - percentile(local, 99);
    const loadedOverhead = percentile(loaded, 99) - percentile(local, 99);
    const lines = [
      `\nCalls on loopback, ${RUNS} runs each (Chromium fake media, hub in-process, VISCA at ${BAUD} baud on a socat pty)`,
      `  ${'call setup p50 / p99 (click -> first decoded frame on both sides)'.padEnd(72)} ${pct(setup).padEnd(22)} target: p50 <= 300 ms`,
      `  ${'first decoded frame on the first side p50 / p99'.padEnd(72)} ${pct(firstSide)}`,
      `  split of the setup at the cart, p50 (${split.signaling.length} calls):`,
      `    ${'signaling: click -> the hub says the expert answered'.padEnd(70)} ${ms(percentile(split.signaling, 50))}`,
      `    ${'media: answered -> camera and microphone ready (opened while it rang)'.padEnd(70)} ${ms(percentile(split.media, 50))}`,
      `    ${'ICE: -> connected'.padEnd(70)} ${ms(percentile(split.ice, 50))}`,
      `    ${'DTLS and the data channel: -> open'.padEnd(70)} ${ms(percentile(split.dtls, 50))}`,
      `    ${'first decoded frame on both sides after that'.padEnd(70)} ${ms(percentile(split.frame, 50))}`,
      `    ${'the expert: answered -> her camera ready (opened at her click)'.padEnd(70)} ${ms(percentile(split.expertMedia, 50))}`,
      `  ${'call setup: first call (cold: cameras and codecs start), slowest three'.padEnd(72)} ${ms(setup[0] ?? NaN)}; ${[
        ...setup,
      ]
        .sort((a, b) => b - a)
        .slice(0, 3)
        .map(ms)
        .join(', ')}`,
      `  ${'remote steer p50 / p99 (expert key -> first VISCA byte at the cart)'.padEnd(72)} ${pct(remote)}`,
      `  ${'local command p50 / p99 (nurse key on the cart -> first VISCA byte)'.padEnd(72)} ${pct(local)}`,
      `  ${'remote-steer overhead at p99 (remote p99 - local p99)'.padEnd(72)} ${ms(overhead).padEnd(22)} target: <= 5 ms`,
      `  ${'remote steer p50 / p99 while the cart imports a 300-slice CT'.padEnd(72)} ${pct(loaded)}   (${imports} scans of the disc)`,
      `  ${'remote-steer overhead at p99 under that load (loaded p99 - local p99)'.padEnd(72)} ${ms(loadedOverhead).padEnd(22)} target: <= 5 ms`,
      `  ${'local command p99 above the wire time of one VISCA command'.padEnd(72)} ${ms(percentile(local, 99) - 9 * BYTE_MS).padEnd(22)} target: <= 5 ms`,
      `  hub refusals for too many messages during the run: ${rateLimited}`,
      '  Both steering paths include Playwright delivering the key press and, at 9600 baud, waiting for the line if a command is in flight.',
    ];
    console.log(lines.join('\n'));
  } finally {
    await browser.close();
    await cartHost.close();
    await expertHost.close();
    await cart.close();
    await expert.close();
    await simulator.stop();
    await pair.close();
    await hub.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('calls', () => {
  bench('call setup and remote steering on loopback', run, {
    iterations: 1,
    warmupIterations: 0,
    time: 0,
    warmupTime: 0,
  });
});
