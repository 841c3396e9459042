// A nurse imports a patient's images from a drive (Debian's pydicom DICOMDIR test set stands
// for the CD): the drive is read, what is not an image is said, the studies are picked and
// imported; a study in another patient's name is held back until she names herself as having
// checked it.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectStationClient } from './station-client';
import { startStation, type RunningStation } from './station-host';

const DRIVE = '/usr/lib/python3/dist-packages/pydicom/data/test_files/dicomdirtests';
let station: RunningStation;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-imaging-'));
  station = await startStation(dataDir, { RELAIS_DEVICES: 'none' });
});
test.afterAll(async () => {
  await station.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('imports a patient’s studies from a drive, and holds back another patient’s until checked', async ({ page }) => {
  const client = await connectStationClient(station.url);
  await client.value('patients.create', { identity: { birthName: 'Doe', firstName: 'Peter', birthDate: '1960-05-04', sex: 'M', birthplaceCode: '29019', identityStatus: 'PROV', ins: null }, notDuplicateOf: [] });
  client.close();

  await page.goto(station.url);
  await page.getByRole('button', { name: 'Patients' }).click();
  await page.getByLabel('Rechercher un patient', { exact: true }).fill('doe peter');
  await page.getByLabel('Rechercher un patient', { exact: true }).press('Enter');
  await page.getByRole('button', { name: /DOE.*PETER/ }).click();
  await expect(page.getByText('Aucune image pour ce patient.')).toBeVisible();

  await page.getByRole('button', { name: 'Importer des images (CD, clé USB, dossier)' }).click();
  await page.getByLabel('Lecteur ou dossier').fill(DRIVE);
  await page.getByRole('button', { name: 'Lire le disque' }).click();
  const found = page.getByRole('region', { name: 'Contenu du disque' });
  await expect(found.getByText('91 fichier(s) lus, 7 examen(s) trouvés.')).toBeVisible();
  await expect(found.getByText(/Non importables : index du disque \(DICOMDIR\) \(7\)/)).toBeVisible();

  // Only Peter's two studies of 1997-98 and Archibald's first one ticked: untick the others.
  const boxes = found.getByRole('checkbox');
  const labels = await boxes.evaluateAll((els) => els.map((e) => e.parentElement?.textContent ?? ''));
  for (let i = 0; i < labels.length; i++) {
    if (!/Doe Peter|Doe Archibald/.test(labels[i]!) || (/Doe Archibald/.test(labels[i]!) && labels.slice(0, i).some((l) => /Doe Archibald/.test(l)))) await boxes.nth(i).uncheck();
  }
  await found.getByRole('button', { name: 'Importer les examens cochés' }).click();
  const warning = found.getByRole('alert');
  await expect(warning).toContainText('Ces images sont peut-être celles d’un autre patient.');
  await expect(warning).toContainText('Ces images sont au nom de Doe Archibald');
  await expect(warning).toContainText('l’identité diffère de celle du dossier (prénom)');
  await expect(page.getByRole('list', { name: 'Examens d’imagerie' })).toHaveCount(0); // nothing imported meanwhile

  await warning.getByLabel('Votre nom (vous avez vérifié que ce sont bien ses images)').fill('IDE Morvan');
  await warning.getByRole('button', { name: 'Ce sont bien ses images : importer' }).click();
  await expect(page.getByRole('status')).toContainText(/\d+ image\(s\) importée\(s\)\./);
  const studies = page.getByRole('list', { name: 'Examens d’imagerie' });
  await expect(studies.getByRole('listitem')).not.toHaveCount(0);
  await expect(studies.getByText(/au nom de Doe Archibald, vérifié par IDE Morvan/)).toBeVisible();
});
