// The live SpO2 view: the simulated CMS50D+ (v2 firmware, on a socat pty) streams to the page.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStation } from './station-host';

test('shows live SpO2, pulse and the pleth waveform from the oximeter', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-oxi-'));
  const station = await startStation(dataDir);
  try {
    await page.goto(station.url);
    await page.getByRole('button', { name: 'Appareils' }).click();
    const panel = page.getByRole('region', { name: 'Oxymètre de pouls (simulé, CMS50D+)' });
    await expect(panel.getByRole('status')).toHaveText('Mesure en cours');
    await expect(panel.getByText(/^9\d %$/)).toBeVisible();
    await expect(panel.getByText(/^\d{2,3} \/min$/)).toBeVisible();
    // The waveform is drawn on a canvas that changes as samples arrive.
    const plot = panel.getByRole('img', { name: 'Courbe de pléthysmographie' }).locator('canvas');
    const first = await plot.screenshot();
    await page.waitForTimeout(500);
    expect((await plot.screenshot()).equals(first)).toBe(false);
  } finally {
    await station.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
