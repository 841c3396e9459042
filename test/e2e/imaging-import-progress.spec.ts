// A 300-slice CT imported from a drive: while the station imports it (the import workers read,
// hash and seal each file), the screen shows how far it has gone and the first image already
// sealed, painted, before the last slice is in; then the series is there whole. The page's own
// watcher records the first animation frame where both are on screen with the bar not full.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSyntheticCt } from '../helpers/synthetic-ct';
import { openPatient } from './patient-page';
import { connectStationClient } from './station-client';
import { startStation, type RunningStation } from './station-host';

const SLICES = 300;
let station: RunningStation;
let dataDir: string;
let drive: string;
test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-import-progress-'));
  drive = path.join(dataDir, 'cdrom');
  writeSyntheticCt(drive, SLICES, 512, 'KERHERVE^MAEL', '1.2.826.0.1.3680043.10.1234.301');
  station = await startStation(path.join(dataDir, 'station'), { RELAIS_DEVICES: 'none' });
});
test.afterAll(async () => {
  await station.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** In the page: on every frame, whether the bar (not full) and the first image (painted) are both shown. */
const WATCH = `(() => {
  window.__importSeen = null;
  const watch = () => {
    const bar = document.querySelector('.import-progress progress');
    const figure = document.querySelector('.import-first-image');
    const canvas = figure && figure.querySelector('canvas');
    if (bar && figure && !figure.hidden && canvas.width > 0 && bar.value < bar.max) {
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let lit = 0;
      for (let i = 0; i < data.length; i += 4 * 31) if (data[i] > 0) lit++;
      if (lit > 0) {
        window.__importSeen = { done: bar.value, total: bar.max, text: document.querySelector('.import-progress').textContent, size: canvas.width };
        return;
      }
    }
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
})()`;

test('shows the import’s progress and its first slice before the last slice is in', async ({ page }) => {
  const client = await connectStationClient(station.url);
  await client.value('patients.create', {
    identity: {
      birthName: 'Kerherve',
      firstName: 'Mael',
      birthDate: '1948-02-11',
      sex: 'M',
      birthplaceCode: '29019',
      identityStatus: 'PROV',
    },
    notDuplicateOf: [],
  });
  client.close();

  await page.goto(station.url);
  await openPatient(page, 'kerherve', /KERHERVE.*MAEL/);
  await page.getByRole('button', { name: 'Importer des images (CD, clé USB, dossier)' }).click();
  await page.getByLabel('Lecteur ou dossier').fill(drive);
  await page.getByRole('button', { name: 'Lire le disque' }).click();
  const found = page.getByRole('region', { name: 'Contenu du disque' });
  await expect(found.getByText(`${SLICES} fichier(s) lus, 1 examen(s) trouvés.`)).toBeVisible();
  await found.getByRole('checkbox').check();

  await page.evaluate(WATCH);
  await found.getByRole('button', { name: 'Importer l’examen coché' }).click();
  await page.waitForFunction(() => (window as unknown as { __importSeen: unknown }).__importSeen !== null, null, {
    timeout: 60_000,
    polling: 'raf',
  });
  await page.screenshot({ path: test.info().outputPath('import-first-slice.png') });
  const seen = (await page.evaluate('window.__importSeen')) as { done: number; total: number; text: string };
  expect(seen.total).toBe(SLICES);
  expect(seen.done).toBeLessThan(SLICES);
  expect(seen.text).toContain(`Import : ${seen.done}/${SLICES} images`);
  expect(seen.text).toContain('Première image importée (le reste arrive)');

  await expect(page.getByRole('status').filter({ hasText: 'importée' })).toContainText(
    `${SLICES} image(s) importée(s).`,
    { timeout: 60_000 },
  );
  await expect(
    page.getByRole('button', { name: new RegExp(`^Ouvrir la série CT — .*\\(${SLICES} image`) }),
  ).toBeVisible();
});
