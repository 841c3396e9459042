// A nurse imports a patient's images from a drive (Debian's pydicom DICOMDIR test set stands
// for the CD, holding three people's studies): the drive is read, what is not an image is said,
// each study shows the patient its images carry and none is ticked; a study in another person's
// name goes in only after a side-by-side comparison and a confirmation for that study. The
// viewer writes the patient, the study's date and the left/right markers over the image.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSyntheticCt } from '../helpers/synthetic-ct';
import { openPatient } from './patient-page';
import { connectStationClient } from './station-client';
import { startStation, type RunningStation } from './station-host';
import { answerWhoIAm } from './author';

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

test('a drive holding three people’s studies files only the chosen patient’s: another person’s study goes in only with its own confirmation, audited', async ({
  page,
}) => {
  const client = await connectStationClient(station.url);
  await client.value('patients.create', {
    identity: {
      birthName: 'Doe',
      firstName: 'Peter',
      birthDate: '1960-05-04',
      sex: 'M',
      birthplaceCode: '29019',
      identityStatus: 'PROV',
    },
    notDuplicateOf: [],
  });

  await page.goto(station.url);
  await openPatient(page, 'doe peter', /DOE.*PETER/);
  await expect(page.getByText('Aucune image pour ce patient.')).toBeVisible();

  await page.getByRole('button', { name: 'Importer des images (CD, clé USB, dossier)' }).click();
  await page.getByLabel('Lecteur ou dossier').fill(DRIVE);
  await page.getByRole('button', { name: 'Lire le disque' }).click();
  const found = page.getByRole('region', { name: 'Contenu du disque' });
  await expect(found.getByText('91 fichier(s) lus, 7 examen(s) trouvés.')).toBeVisible();
  await expect(found.getByText(/Non importables : index du disque \(DICOMDIR\) \(7\)/)).toBeVisible();

  // Each study with the patient its images carry; none ticked in advance.
  const boxes = found.getByRole('checkbox');
  await expect(boxes).toHaveCount(7);
  for (let i = 0; i < 7; i++) await expect(boxes.nth(i)).not.toBeChecked();
  await expect(found.getByText('Au nom de : Doe Peter', { exact: false })).toHaveCount(4);
  await expect(found.getByText(/Au nom de : Doe Archibald.*identifiant 77654033/)).toHaveCount(2);
  await expect(found.getByText(/Au nom de : Citizen Jan.*identifiant 12345678/)).toHaveCount(1);

  // Everything ticked: the three other studies each ask for their own comparison; nothing can be imported.
  for (let i = 0; i < 7; i++) await boxes.nth(i).check();
  const checks = found.getByRole('group', { name: 'Comparez avant de rattacher cet examen au dossier' });
  await expect(checks).toHaveCount(3);
  await expect(found.getByText('3 examens cochés attendent la confirmation de leur identité.')).toBeVisible();
  const importButton = found.getByRole('button', { name: /^Importer/ });
  await expect(importButton).toBeDisabled();

  // Archibald's radiographs, compared side by side: his first name differs from the record's, said in words.
  const archibaldCr = found
    .getByRole('listitem')
    .filter({ hasText: /Au nom de : Doe Archibald/ })
    .filter({ hasText: /— CR —/ });
  const check = archibaldCr.getByRole('group', { name: 'Comparez avant de rattacher cet examen au dossier' });
  await expect(check.getByRole('row', { name: /Prénom\(s\) PETER Archibald — différent/ })).toBeVisible();
  await expect(check.getByRole('row', { name: /Nom DOE Doe/ })).not.toContainText('différent');
  await check.getByRole('button', { name: 'Je confirme : cet examen est bien celui de ce patient' }).click();
  await answerWhoIAm(page, 'IDE Morvan');
  await expect(check.getByText('Rattachement de cet examen confirmé par IDE Morvan.')).toBeVisible();
  // One confirmation covers one study: the two others still wait.
  await expect(found.getByText('2 examens cochés attendent la confirmation de leur identité.')).toBeVisible();
  await expect(importButton).toBeDisabled();
  await expect(page.getByRole('list', { name: 'Examens d’imagerie' })).toHaveCount(0); // nothing imported meanwhile

  // Archibald's other study and Jan's unticked: Peter's four and the confirmed radiographs go in.
  await found
    .getByRole('listitem')
    .filter({ hasText: /Au nom de : Doe Archibald/ })
    .filter({ hasText: /— CT —/ })
    .getByRole('checkbox')
    .uncheck();
  await found
    .getByRole('listitem')
    .filter({ hasText: /Au nom de : Citizen Jan/ })
    .getByRole('checkbox')
    .uncheck();
  await expect(importButton).toHaveText('Importer les 5 examens cochés');
  await importButton.click();
  await expect(page.getByRole('status').filter({ hasText: 'importée' })).toContainText(
    /\d+ image\(s\) importée\(s\)\./,
  );
  const studies = page.getByRole('list', { name: 'Examens d’imagerie' });
  await expect(studies.locator(':scope > li')).toHaveCount(5);
  await expect(studies.getByText(/au nom de Doe Archibald, vérifié par IDE Morvan/)).toHaveCount(1);
  await expect(studies).not.toContainText('Citizen');

  // Archibald's radiograph in Peter's record says so over the image, with its markers from the
  // DICOM Patient Orientation L\F (a chest seen facing the patient: his right on the screen's left).
  await studies
    .getByRole('listitem')
    .filter({ hasText: /vérifié par IDE Morvan/ })
    .getByRole('button', { name: /^Ouvrir la série CR/ })
    .first()
    .click();
  await expect(page.getByTestId('overlay-patient')).toContainText(
    'Images au nom de Doe Archibald (rattachées après vérification par IDE Morvan)',
  );
  await expect(page.getByTestId('overlay-study')).toHaveText('Examen du 1er janvier 2001 — CR');
  const markers = await Promise.all(
    ['left', 'right', 'top', 'bottom'].map((edge) => page.getByTestId(`marker-${edge}`).textContent()),
  );
  expect(markers).toEqual(['D', 'G', 'H', 'B']);

  // The audit trail holds that one override, with who confirmed it and which study.
  const overrides = (await client.value('audit.recent', { limit: 100 })).filter(
    (e) => e.event === 'imaging.identity_override',
  );
  expect(overrides).toHaveLength(1);
  expect(overrides[0]).toMatchObject({ entityType: 'imaging_study', person: 'IDE Morvan' });
  const scan = await client.value('imaging.scan', { folder: DRIVE });
  expect(scan.studies.find((s) => s.studyUid === overrides[0]!.entityId)).toMatchObject({
    patient: { name: 'Doe^Archibald' },
    modalities: ['CR'],
  });
  client.close();
});

test('opens an imported series with its patient, study date and left/right markers over it: scrolls the stack, windows it, measures a length in millimetres', async ({
  page,
}) => {
  const client = await connectStationClient(station.url);
  const created = await client.value('patients.create', {
    identity: {
      birthName: 'Doe',
      firstName: 'Archibald',
      birthDate: '1960-05-04',
      sex: 'M',
      birthplaceCode: '29019',
      identityStatus: 'PROV',
    },
    notDuplicateOf: [],
  });
  if (created.status !== 'created') throw new Error('patient');
  const scan = await client.value('imaging.scan', { folder: DRIVE });
  const archibald = scan.studies.filter((s) => s.patient.name === 'Doe^Archibald' && !s.alreadyImported);
  const confirmations = archibald.map((s) => ({ studyUid: s.studyUid, checkedBy: 'IDE Morvan' }));
  await client.value('imaging.import', {
    scanId: scan.scanId,
    studyUids: archibald.map((s) => s.studyUid),
    patientId: created.patient.id,
    confirmations,
  });
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
  // Over the image: whose images on this station, the study's date, and the axial CT's markers
  // (DICOM Image Orientation 1\0\0\0\1\0: the patient's right on the screen's left).
  await expect(page.getByTestId('overlay-patient')).toContainText('DOE ARCHIBALD');
  await expect(page.getByTestId('overlay-patient')).toContainText('né le 4 mai 1960');
  await expect(page.getByTestId('overlay-patient')).not.toContainText('Images au nom de'); // his own name: nothing to say
  await expect(page.getByTestId('overlay-study')).toHaveText('Examen du 3 septembre 1995 — CT');
  const markers = await Promise.all(
    ['left', 'right', 'top', 'bottom'].map((edge) => page.getByTestId(`marker-${edge}`).textContent()),
  );
  expect(markers).toEqual(['D', 'G', 'A', 'P']);
  await expect(
    page.getByText('Repères : D droite du patient, G gauche, A avant, P arrière, H tête, B pieds.'),
  ).toBeVisible();
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
  await page
    .getByRole('toolbar', { name: 'Outils de la visionneuse' })
    .getByRole('button', { name: 'Longueur' })
    .click();
  // Clicking the tool may have scrolled the page to it: the image is measured where it is now.
  const now = (await canvas.boundingBox())!;
  await page.mouse.move(now.x + now.width * 0.3, now.y + now.height / 2);
  await page.mouse.down();
  await page.mouse.move(now.x + now.width * 0.7, now.y + now.height / 2, { steps: 5 });
  await page.mouse.up();
  const measures = page.getByRole('list', { name: 'Mesures sur cette coupe' });
  await expect(measures).toContainText(/Longueur : \d+,\d mm/);

  // On a busy cart a whole drag can arrive before the page draws again: the length is kept all the
  // same. The drag's events are sent in one go, with no frame between them.
  const lengths = measures.getByRole('listitem').filter({ hasText: /^Longueur/ });
  await expect(lengths).toHaveCount(1);
  await canvas.evaluate((c) => {
    const r = c.getBoundingClientRect();
    const at = (type: string, fraction: number) =>
      c.dispatchEvent(
        new PointerEvent(type, {
          bubbles: true,
          pointerId: 1,
          pointerType: 'mouse',
          isPrimary: true,
          buttons: type === 'pointerup' ? 0 : 1,
          clientX: r.left + r.width * fraction,
          clientY: r.top + r.height * 0.6,
        }),
      );
    at('pointerdown', 0.2);
    at('pointermove', 0.4);
    at('pointermove', 0.6);
    at('pointerup', 0.6);
  });
  await expect(lengths).toHaveCount(2);
});

test('a series that holds no image says so, instead of opening for ever', async ({ page }) => {
  // Jan Citizen's CT on the drive is a series of objects without pixel data.
  const client = await connectStationClient(station.url);
  const created = await client.value('patients.create', {
    identity: {
      birthName: 'Citizen',
      firstName: 'Jan',
      birthDate: '1970-01-15',
      sex: 'M',
      birthplaceCode: '29019',
      identityStatus: 'PROV',
    },
    notDuplicateOf: [],
  });
  if (created.status !== 'created') throw new Error('patient');
  const scan = await client.value('imaging.scan', { folder: DRIVE });
  const jan = scan.studies.filter((s) => s.patient.name === 'Citizen^Jan');
  await client.value('imaging.import', {
    scanId: scan.scanId,
    studyUids: jan.map((s) => s.studyUid),
    patientId: created.patient.id,
  });
  client.close();

  await page.goto(station.url);
  await openPatient(page, 'citizen jan', /CITIZEN.*JAN/);
  await page
    .getByRole('button', { name: /^Ouvrir la série/ })
    .first()
    .click();
  await expect(page.getByRole('alert')).toHaveText(
    'Cette série ne contient aucune image à afficher (compte rendu, document ou autre objet).',
  );
  await expect(page.getByText('Ouverture de la série…')).toHaveCount(0);
});

test('imports CT slices dropped on the page', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-drop-'));
  const files = writeSyntheticCt(dir, 12, 128, 'LE ROUX^YANN', '1.2.826.0.1.3680043.10.1234.66');
  const client = await connectStationClient(station.url);
  await client.value('patients.create', {
    identity: {
      birthName: 'Le Roux',
      firstName: 'Yann',
      birthDate: '1970-01-15',
      sex: 'M',
      birthplaceCode: '29019',
      identityStatus: 'PROV',
    },
    notDuplicateOf: [],
  });
  client.close();
  // The desktop's drag and drop, as the page receives it: a DataTransfer of File objects.
  const payload = JSON.stringify(
    files.map((f) => ({ name: path.basename(f), data: fs.readFileSync(f).toString('base64') })),
  );
  fs.rmSync(dir, { recursive: true, force: true });
  await page.goto(station.url);
  await openPatient(page, 'le roux', /LE ROUX.*YANN/);
  await page.getByRole('button', { name: 'Importer des images (CD, clé USB, dossier)' }).click();
  const transfer = await page.evaluateHandle(
    `((items) => { const dt = new DataTransfer(); for (const it of items) { const bin = atob(it.data); const bytes = new Uint8Array(bin.length); for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i); dt.items.add(new File([bytes], it.name, { type: 'application/dicom' })); } return dt; })(${payload})`,
  );
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
  const found = page.getByRole('region', { name: 'Contenu du disque' });
  await expect(found.getByText('12 fichier(s) lus, 1 examen(s) trouvés.')).toBeVisible();
  await expect(
    found.getByText('Conforme au dossier : nom, prénom — Non vérifiable, absent de l’examen : date de naissance, sexe'),
  ).toBeVisible();
  await found.getByRole('checkbox').check();
  await found.getByRole('button', { name: 'Importer l’examen coché' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'importée' })).toContainText('12 image(s) importée(s).');
  await expect(page.getByRole('button', { name: /^Ouvrir la série CT — .*\(12 image/ })).toBeVisible();
});
