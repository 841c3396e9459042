// The expert asks the cart for a photo (issue 21, point 3): the cart captures its room camera's
// local track at the track's own resolution (Chromium's fake camera), files the PNG in the act the
// call was placed from, marked as asked by her in the name the hub gave her, and she sees the copy.
// A request for the dermatoscope, which this cart does not have, is answered as such.
import { expect, test } from '@playwright/test';
import { EXPERT, openCallTab, startCallSetup, type CallSetup } from './call-fixture';
import { connectStationClient } from './station-client';
import { actOfYvonne, callExpertFromYvonnesAct } from './yvonne-act';
import { sayWhoIAm } from './author';
import { cartCameraTrackSize, keptFile, pngSize } from './cart-photo';

let setup: CallSetup | null = null;
test.afterEach(async () => {
  await setup?.stop();
  setup = null;
});

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

  const track = await cartCameraTrackSize(cart.page);

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
    expect(pngSize(keptFile(cart.dataDir, files[0]!.sha256))).toEqual(track);
  } finally {
    client.close();
  }
  await openCallTab(cart.page, 'Examen');
  await expect(cart.page.getByRole('region', { name: 'Pièces de l’appel' })).toContainText(
    `demandée par ${EXPERT.name}`,
  );
});
