// A nurse imports a patient's images from a drive (Debian's pydicom DICOMDIR test set stands
// for the CD): the drive is read, what is not an image is said, the studies are picked and
// imported; a study in another patient's name is held back until she names herself as having
// checked it.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSyntheticCt } from '../helpers/synthetic-ct';
import { openPatient } from './patient-page';
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
  await client.value('patients.create', { identity: { birthName: 'Doe', firstName: 'Peter', birthDate: '1960-05-04', sex: 'M', birthplaceCode: '29019', identityStatus: 'PROV' }, notDuplicateOf: [] });
  client.close();

  await page.goto(station.url);
  await openPatient(page, 'doe peter', /DOE.*PETER/);
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

test('opens an imported series: scrolls the stack, windows it, measures a length in millimetres', async ({ page }) => {
  const client = await connectStationClient(station.url);
  const created = await client.value('patients.create', { identity: { birthName: 'Doe', firstName: 'Archibald', birthDate: '1960-05-04', sex: 'M', birthplaceCode: '29019', identityStatus: 'PROV' }, notDuplicateOf: [] });
  if (created.status !== 'created') throw new Error('patient');
  const scan = await client.value('imaging.scan', { folder: DRIVE });
  const archibald = scan.studies.filter((s) => s.patient.name === 'Doe^Archibald' && !s.alreadyImported);
  await client.value('imaging.import', { scanId: scan.scanId, studyUids: archibald.map((s) => s.studyUid), patientId: created.patient.id, acceptMismatchBy: 'IDE Morvan' });
  client.close();

  await page.goto(station.url);
  await openPatient(page, 'doe archibald', /DOE.*ARCHIBALD/);
  const thumbnails = page.getByRole('button', { name: /^Ouvrir la série/ });
  await expect(thumbnails.first()).toBeVisible();
  // The series with the most images.
  const names = await thumbnails.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  const counts = names.map((n) => Number(/\((\d+) image/.exec(n)?.[1] ?? 0));
  await thumbnails.nth(counts.indexOf(Math.max(...counts))).click();

  const state = page.getByTestId('viewer-state');
  await expect(state).toContainText(/Coupe \d+\/\d+/);
  const count = Math.max(...counts);
  const start = Number(await state.getAttribute('data-index'));
  expect(start).toBe(Math.floor(count / 2));
  await page.getByRole('img', { name: /coupe/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(state).toHaveAttribute('data-index', String(start + 1));
  await page.keyboard.press('Home');
  await expect(state).toHaveAttribute('data-index', '0');
  await expect(state).toContainText(`Coupe 1/${count}`);
  await page.getByRole('slider', { name: 'Coupe' }).fill(String(count));
  await expect(state).toHaveAttribute('data-index', String(count - 1));
  await expect(page.getByText(/images chargées/)).toHaveCount(0); // the whole series came

  // Window by dragging: right widens the window.
  const canvas = page.getByRole('img', { name: /coupe/ });
  const box = (await canvas.boundingBox())!;
  const widthBefore = Number(await state.getAttribute('data-width'));
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 100, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  expect(Number(await state.getAttribute('data-width'))).toBeGreaterThan(widthBefore);

  // A length across the image is in millimetres (the series has a pixel spacing).
  await page.getByRole('toolbar', { name: 'Outils de la visionneuse' }).getByRole('button', { name: 'Longueur' }).click();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByRole('list', { name: 'Mesures sur cette coupe' })).toContainText(/Longueur : \d+\.\d mm/);
});

test('imports CT slices dropped on the page', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-drop-'));
  const files = writeSyntheticCt(dir, 12, 128, 'LE ROUX^YANN', '1.2.826.0.1.3680043.10.1234.66');
  const client = await connectStationClient(station.url);
  await client.value('patients.create', { identity: { birthName: 'Le Roux', firstName: 'Yann', birthDate: '1970-01-15', sex: 'M', birthplaceCode: '29019', identityStatus: 'PROV' }, notDuplicateOf: [] });
  client.close();
  // The desktop's drag and drop, as the page receives it: a DataTransfer of File objects.
  const payload = JSON.stringify(files.map((f) => ({ name: path.basename(f), data: fs.readFileSync(f).toString('base64') })));
  fs.rmSync(dir, { recursive: true, force: true });
  await page.goto(station.url);
  await openPatient(page, 'le roux', /LE ROUX.*YANN/);
  await page.getByRole('button', { name: 'Importer des images (CD, clé USB, dossier)' }).click();
  const transfer = await page.evaluateHandle(`((items) => { const dt = new DataTransfer(); for (const it of items) { const bin = atob(it.data); const bytes = new Uint8Array(bin.length); for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i); dt.items.add(new File([bytes], it.name, { type: 'application/dicom' })); } return dt; })(${payload})`);
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
  const found = page.getByRole('region', { name: 'Contenu du disque' });
  await expect(found.getByText('12 fichier(s) lus, 1 examen(s) trouvés.')).toBeVisible();
  await found.getByRole('button', { name: 'Importer les examens cochés' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'importée' })).toContainText('12 image(s) importée(s).');
  await expect(page.getByRole('button', { name: /^Ouvrir la série CT — .*\(12 image/ })).toBeVisible();
});
