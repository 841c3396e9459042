// The hospital PACS (Debian's Orthanc with DICOMweb, on loopback): a CT is stored there by
// STOW-RS; the nurse finds it from the patient's page (QIDO-RS), retrieves it into the record
// (WADO-RS) and opens it in the viewer.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDicomWebClient } from '../../src/main/imaging/dicomweb-client';
import { startOrthanc, type RunningOrthanc } from '../helpers/orthanc';
import { writeSyntheticCt } from '../helpers/synthetic-ct';
import { openPatient } from './patient-page';
import { connectStationClient } from './station-client';
import { startStation, type RunningStation } from './station-host';

let orthanc: RunningOrthanc;
let station: RunningStation;
let dir: string;
test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-pacs-'));
  orthanc = await startOrthanc();
  const files = writeSyntheticCt(
    path.join(dir, 'modality'),
    20,
    256,
    'KERGUELEN^YVONNE',
    '1.2.826.0.1.3680043.10.1234.55',
  );
  const stored = await createDicomWebClient({ baseUrl: orthanc.dicomWebUrl }).store(
    files.map((f) => new Uint8Array(fs.readFileSync(f))),
  );
  expect(stored.stored).toHaveLength(20);
  station = await startStation(path.join(dir, 'station'), {
    RELAIS_DEVICES: 'none',
    RELAIS_PACS_URL: orthanc.dicomWebUrl,
  });
});
test.afterAll(async () => {
  await station?.stop();
  await orthanc?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('finds the patient’s CT in the PACS, retrieves it into her record and shows it', async ({ page }) => {
  const client = await connectStationClient(station.url);
  await client.value('patients.create', {
    identity: {
      birthName: 'Kerguelen',
      firstName: 'Yvonne',
      birthDate: '1948-02-11',
      sex: 'F',
      birthplaceCode: '29019',
      identityStatus: 'PROV',
    },
    notDuplicateOf: [],
  });
  client.close();

  await page.goto(station.url);
  await openPatient(page, 'kerguelen', /KERGUELEN.*YVONNE/);
  await page.getByRole('button', { name: 'Chercher dans le PACS de l’hôpital' }).click();
  await expect(page.getByLabel('Nom du patient (* pour toute fin)')).toHaveValue('KERGUELEN*');
  await page.getByLabel('Modalité').selectOption('CT');
  await page.getByRole('button', { name: 'Chercher', exact: true }).click();
  const results = page.getByRole('list', { name: 'Examens trouvés dans le PACS' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results).toContainText('KERGUELEN YVONNE');
  await expect(results).toContainText('20 image(s)');
  await results.getByRole('button', { name: 'Récupérer dans le dossier' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'importée' })).toContainText('20 image(s) importée(s).');

  await page.getByRole('button', { name: /^Ouvrir la série CT/ }).click();
  const state = page.getByTestId('viewer-state');
  await expect(state).toContainText('Coupe 11/20');
  await expect(page.getByText(/images chargées/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Os', exact: true }).click();
  await expect(state).toHaveAttribute('data-width', '1800');
});
