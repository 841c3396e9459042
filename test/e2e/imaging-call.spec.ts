// The tele-stroke moment: during the call, the nurse imports the patient's CT from a drive and
// shares it; the neurologist's viewer receives the pixels once, then follows her scrolling and
// windowing, sees her pointer, and can scroll for both of them.
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSyntheticCt } from '../helpers/synthetic-ct';
import { callAndAnswer, openCallTab, startCallSetup, type CallSetup } from './call-fixture';
import { consentForCall } from './call-consent';
import { connectStationClient } from './station-client';

const SLICES = 40;
let setup: CallSetup;
let drive: string;
test.beforeAll(async ({ browser }) => {
  drive = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-ct-'));
  writeSyntheticCt(drive, SLICES, 256, 'KERGUELEN^YVONNE');
  setup = await startCallSetup(browser);
  const cart = await connectStationClient(setup.cart.station.url);
  await cart.value('patients.create', {
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
  cart.close();
});
test.afterAll(async () => {
  await setup?.stop();
  fs.rmSync(drive, { recursive: true, force: true });
});

const viewerState = (page: Page) => page.getByRole('region', { name: /Images partagées/ }).getByTestId('viewer-state');

/** A hash of what the viewer's canvas shows (the same canvas size on both sides). */
const canvasPixels = (page: Page) =>
  page
    .getByRole('region', { name: /Images partagées/ })
    .getByRole('img', { name: /coupe/ })
    .evaluate((element) => {
      // Runs in the page; typed loosely here, the e2e project has no DOM types.
      const canvas = element as unknown as {
        width: number;
        height: number;
        getContext(kind: '2d'): {
          getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
        };
      };
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let hash = 0;
      const greys = new Set<number>();
      for (let i = 0; i < data.length; i += 4) {
        hash = (hash * 31 + data[i]!) | 0;
        greys.add(data[i]!);
      }
      return { width: canvas.width, height: canvas.height, hash, greys: greys.size };
    });

test('the nurse imports a CT during the call; the expert sees the same slice and window as she scrolls', async () => {
  const { cart, expert } = setup;
  await callAndAnswer(setup);
  // The call's act, with the patient's consent to sharing her images (no image leaves without it).
  await consentForCall(cart.station.url, 'kerguelen', ['image_sharing']);

  await openCallTab(cart.page, 'Images');
  await cart.page.getByRole('button', { name: 'Montrer des images (scanner, IRM…)' }).click();
  await cart.page.getByLabel('Patient (nom, date de naissance)').fill('kerguelen');
  await cart.page.getByLabel('Patient (nom, date de naissance)').press('Enter');
  await cart.page.getByRole('button', { name: /KERGUELEN.*YVONNE/ }).click();
  await cart.page.getByRole('button', { name: 'Importer des images (CD, clé USB, dossier)' }).click();
  await cart.page.getByLabel('Lecteur ou dossier').fill(drive);
  await cart.page.getByRole('button', { name: 'Lire le disque' }).click();
  await expect(cart.page.getByText(`${SLICES} fichier(s) lus, 1 examen(s) trouvés.`)).toBeVisible();
  // No study is ticked in advance (issue 18, point 13): she ticks hers.
  await cart.page.getByRole('region', { name: 'Contenu du disque' }).getByRole('checkbox').check();
  await cart.page.getByRole('button', { name: 'Importer l’examen coché' }).click();
  await expect(cart.page.getByRole('status').filter({ hasText: 'importée' })).toContainText(
    `${SLICES} image(s) importée(s).`,
  );
  await cart.page.getByRole('button', { name: /^Ouvrir la série CT/ }).click();
  await cart.page.getByRole('button', { name: 'Partager cette série dans l’appel' }).click();

  // The pixels cross once; the expert's viewer opens on the nurse's slice and window.
  await openCallTab(expert.page, 'Images');
  await expect(expert.page.getByTestId('shared-imaging-progress')).toHaveText(`${SLICES}/${SLICES} images reçues`, {
    timeout: 20_000,
  });
  await expect(cart.page.getByTestId('shared-imaging-progress')).toHaveText(`${SLICES}/${SLICES} images envoyées`);
  const start = Math.floor(SLICES / 2);
  await expect(viewerState(expert.page)).toHaveAttribute('data-index', String(start));

  // She scrolls three slices down and picks the stroke window.
  await cart.page
    .getByRole('region', { name: /Images partagées/ })
    .getByRole('img', { name: /coupe/ })
    .focus();
  for (let i = 0; i < 3; i++) await cart.page.keyboard.press('ArrowDown');
  await cart.page
    .getByRole('region', { name: /Images partagées/ })
    .getByRole('button', { name: 'AVC' })
    .click();
  for (const page of [cart.page, expert.page]) {
    await expect(viewerState(page)).toHaveAttribute('data-index', String(start + 3));
    await expect(viewerState(page)).toHaveAttribute('data-center', '40');
    await expect(viewerState(page)).toHaveAttribute('data-width', '40');
    await expect(viewerState(page)).toContainText(`Coupe ${start + 4}/${SLICES} — F 40 / C 40`);
  }
  // The same image on both screens, pixel for pixel (and an image: many greys, not a black stage).
  expect((await canvasPixels(cart.page)).greys).toBeGreaterThan(10);
  await expect
    .poll(async () => JSON.stringify(await canvasPixels(expert.page)))
    .toBe(JSON.stringify(await canvasPixels(cart.page)));

  // Her pointer shows on the expert's image.
  const box = (await cart.page
    .getByRole('region', { name: /Images partagées/ })
    .getByRole('img', { name: /coupe/ })
    .boundingBox())!;
  await cart.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
  await expect(viewerState(expert.page)).toHaveAttribute('data-remote-pointer', /^\d+,\d+$/);

  // The neurologist scrolls back up; the cart follows.
  await expert.page
    .getByRole('region', { name: /Images partagées/ })
    .getByRole('img', { name: /coupe/ })
    .focus();
  await expert.page.keyboard.press('Home');
  for (const page of [cart.page, expert.page]) await expect(viewerState(page)).toHaveAttribute('data-index', '0');

  // Stopping the share takes the images off the expert's screen.
  await cart.page.getByRole('button', { name: 'Arrêter le partage' }).click();
  await expect(expert.page.getByRole('region', { name: /Images partagées/ })).toHaveCount(0);

  // The images shown to the other side are in the cart's audit trail, with the patient.
  const auditor = await connectStationClient(cart.station.url);
  try {
    const [yvonne] = await auditor.value('patients.search', { name: 'Kerguelen' });
    const shared = (await auditor.value('audit.recent', { limit: 100 })).find((e) => e.event === 'imaging.shared');
    expect(shared).toMatchObject({ action: 'export', patientIds: [yvonne!.id] });
  } finally {
    auditor.close();
  }
});
