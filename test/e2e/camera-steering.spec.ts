// A nurse steers the cart's camera from the Devices screen: the simulated VISCA camera (on a
// socat pty, the station's embedded default) moves, stops, and returns to a stored position.
import { expect, test, type Page, type WebSocket } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStation, type RunningStation } from './station-host';

let dataDir: string;
let station: RunningStation | null = null;
test.beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-camera-'));
});
test.afterEach(async () => {
  await station?.stop();
  station = null;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

type Position = { pan: number; tilt: number; zoom: number };
let socket: WebSocket;

// Clicks "Lire la position", takes the station's answer off the page's WebSocket, and checks
// that the page shows exactly that (a text already on screen would prove nothing).
async function position(page: Page): Promise<Position> {
  const answer = new Promise<Position>((resolve) => {
    const onFrame = (frame: { payload: string | Buffer }) => {
      const message = JSON.parse(String(frame.payload)) as { kind: string; result?: { ok: boolean; value?: unknown } };
      const value = message.kind === 'result' ? (message.result?.value as Position | undefined) : undefined;
      if (value && typeof value === 'object' && 'tilt' in value) {
        socket.off('framereceived', onFrame);
        resolve(value);
      }
    };
    socket.on('framereceived', onFrame);
  });
  await page.getByRole('button', { name: 'Lire la position' }).click();
  const value = await answer;
  await expect(
    page.getByRole('status').filter({ hasText: `pan ${value.pan} · tilt ${value.tilt} · zoom ${value.zoom}` }),
  ).toBeVisible();
  return value;
}

test('steers the simulated camera with the pad, the keyboard and a stored position', async ({ page }) => {
  station = await startStation(dataDir);
  page.on('websocket', (ws) => (socket = ws));
  await page.goto(station.url);
  await page.getByRole('button', { name: 'Technique', exact: true }).click();
  await expect(page.getByRole('region', { name: 'État de la station' })).toContainText(
    'Caméra de la salle (simulée, VISCA) — connecté',
  );

  await page.getByRole('button', { name: 'Appareils' }).click();
  const right = page.getByRole('button', { name: 'Droite', exact: true });
  await expect(right).toBeEnabled();

  // Held down for a moment, then released: the camera pans right and stops.
  await right.hover();
  await page.mouse.down();
  await page.waitForTimeout(500);
  await page.mouse.up();
  const afterPad = await position(page);
  expect(afterPad.pan).toBeGreaterThan(50);
  await page.waitForTimeout(300);
  expect((await position(page)).pan).toBe(afterPad.pan); // it stopped

  // Stored as "visage", moved away with the keyboard, then recalled.
  await page.getByRole('button', { name: 'Mémoriser ici la position actuelle, comme « visage »' }).click();
  await page.keyboard.down('ArrowUp');
  await page.waitForTimeout(400);
  await page.keyboard.up('ArrowUp');
  await page.keyboard.press('Escape');
  const afterKeys = await position(page);
  expect(afterKeys.tilt).toBeGreaterThan(50);

  await page.getByRole('button', { name: '1. visage' }).click();
  await expect(page.getByRole('status').filter({ hasText: `pan ${afterPad.pan} · tilt 0 ·` })).toBeVisible();
});
