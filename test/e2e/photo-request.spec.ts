// The expert asks the cart for a photo (issue 21, point 3): the cart captures its room camera's
// local track at the track's own resolution (Chromium's fake camera), files the PNG in the act the
// call was placed from, marked as asked by her in the name the hub gave her, and she sees the copy.
// A request for the dermatoscope, which this cart does not have, is answered as such.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { EXPERT, openCallTab, startCallSetup, type CallSetup } from './call-fixture';
import { connectStationClient } from './station-client';
import { actOfYvonne, callExpertFromYvonnesAct } from './yvonne-act';
import { sayWhoIAm } from './author';
import { stationFileSealer } from '../helpers/station-database';

let setup: CallSetup | null = null;
test.afterEach(async () => {
  await setup?.stop();
  setup = null;
});

const fileOf = (dataDir: string, sha256: string) =>
  stationFileSealer(dataDir).read(path.join(dataDir, 'attachments', sha256.slice(0, 2), sha256));

/** The PNG's own pixel size, from its IHDR chunk (PNG spec, 11.2.2: width and height, big-endian, at bytes 16 and 20). */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

test('the expert asks for a photo: the act on the cart holds a PNG at the track’s full resolution, asked by her', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  setup = await startCallSetup(browser);
  const { cart, expert } = setup;
  const actId = await actOfYvonne(cart.station.url, {
    reason: 'Lésion pigmentée du dos',
    consent: { scope: 'recording', givenBy: { kind: 'patient' } },
  });
  await sayWhoIAm(cart.page, 'IDE Morvan');
  await callExpertFromYvonnesAct(cart.page, expert.page, /Lésion pigmentée/);

  // The cart's room camera as its track gives it: a capture track has capabilities (a range of
  // widths); the expert's video received on the cart has none (and is at the size it was sent).
  const track = await cart.page.evaluate(() => {
    for (const video of document.querySelectorAll('video')) {
      const t = (video.srcObject as MediaStream | null)?.getVideoTracks()[0];
      const s = t?.getSettings();
      if (t?.getCapabilities().width && s?.width && s.height) return { width: s.width, height: s.height };
    }
    return null;
  });
  expect(track).not.toBeNull();

  await openCallTab(expert.page, 'Caméra');
  const photo = expert.page.getByRole('region', { name: 'Photo au chariot' });
  // No dermatoscope at this cart: the cart says so.
  await photo.getByLabel('Caméra').selectOption({ label: 'Dermatoscope' });
  await photo.getByRole('button', { name: 'Photo', exact: true }).press('Enter');
  await expect(photo.getByTestId('photo-refused')).toContainText('Pas de dermatoscope branché au chariot');

  await photo.getByLabel('Caméra').selectOption({ index: 0 });
  await photo.getByRole('button', { name: 'Photo', exact: true }).press('Enter');
  const taken = photo.getByTestId('photo-taken');
  await expect(taken).toContainText(`${track!.width} × ${track!.height} pixels`, { timeout: 20_000 });
  await expect(taken).toContainText('classée dans l’acte, à votre demande');
  // Her copy arrived whole and checked: shown as an image of the same size.
  const shown = taken.getByRole('img');
  await expect(shown).toBeVisible({ timeout: 20_000 });
  expect(await shown.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([
    track!.width,
    track!.height,
  ]);

  // On the cart, the act holds the PNG at the track's full resolution, asked by her, taken by the nurse.
  const client = await connectStationClient(cart.station.url);
  try {
    const act = await client.value('encounters.get', { id: actId });
    const files = act.attachments.filter((a) => a.kind === 'snapshot');
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({
      encounterId: actId,
      mime: 'image/png',
      askedBy: EXPERT.name,
      author: 'IDE Morvan',
    });
    expect(pngSize(fileOf(cart.dataDir, files[0]!.sha256))).toEqual(track);
  } finally {
    client.close();
  }
  await openCallTab(cart.page, 'Examen');
  await expect(cart.page.getByRole('region', { name: 'Pièces de l’appel' })).toContainText(
    `demandée par ${EXPERT.name}`,
  );
});
