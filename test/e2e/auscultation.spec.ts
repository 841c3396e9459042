// Auscultation in a call: the stethoscope's own track with the browser's voice processing off
// (checked with getSettings and said on screen), the Opus parameters in the SDP the cart sends,
// the sound drawn on the expert's side, a lossless WAV of one body site saved into the cart's
// record, snapshots from both sides, and a second camera the expert can show large. Nothing is
// recorded before the patient's consent to recording (CSP R6316-2, L1111-4) is collected in the
// call's act, nor before the nurse picks the body site: each button says why it is off.
import { expect, test, type WebSocket } from '@playwright/test';
import path from 'node:path';
import { callAndAnswer, openCallTab, startCallSetup, type CallSetup } from './call-fixture';
import { sayWhoIAm } from './author';
import { connectStationClient } from './station-client';
import { stationFileSealer } from '../helpers/station-database';

let setup: CallSetup | null = null;
test.afterEach(async () => {
  await setup?.stop();
  setup = null;
});

// Stored sealed (encrypted at rest): read back with the station's key.
const fileOf = (dataDir: string, sha256: string) =>
  stationFileSealer(dataDir).read(path.join(dataDir, 'attachments', sha256.slice(0, 2), sha256));

test('the stethoscope goes as its own unprocessed track, is drawn on both sides and recorded losslessly', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  setup = await startCallSetup(browser);
  const { cart, expert } = setup;
  // Every SDP the cart sends through its station goes by the page's WebSocket.
  const sdps: string[] = [];
  cart.page.on('websocket', (ws: WebSocket) =>
    ws.on('framesent', (frame) => {
      const message = JSON.parse(String(frame.payload)) as {
        channel?: string;
        payload?: { type?: string; data?: { sdp?: string } };
      };
      if (message.channel === 'calls.send' && message.payload?.type === 'signal' && message.payload.data?.sdp)
        sdps.push(message.payload.data.sdp);
    }),
  );
  await cart.page.reload(); // so that the listener sees the page's socket from its start
  const cartClient0 = await connectStationClient(cart.station.url);
  await cartClient0.value('patients.create', {
    identity: {
      birthName: 'Le Bihan',
      firstName: 'Yvonne',
      birthDate: '1941-02-17',
      sex: 'F',
      birthplaceCode: '29019',
      identityStatus: 'PROV',
    },
    notDuplicateOf: [],
  });
  cartClient0.close();
  await callAndAnswer(setup);

  await openCallTab(cart.page, 'Examen');
  await openCallTab(expert.page, 'Examen');
  await cart.page.getByRole('button', { name: 'Ajouter le stéthoscope' }).click();
  await expect(cart.page.getByTestId('stethoscope-check')).toHaveText(
    'Stéthoscope : son brut (annulation d’écho, réduction de bruit et gain automatique coupés).',
  );

  // The renegotiation carries a second audio section; every Opus payload has the auscultation
  // parameters: high bitrate, no DTX, stereo, in-band FEC.
  await expect
    .poll(() => sdps.filter((s) => (s.match(/^m=audio/gm) ?? []).length >= 2).length, { timeout: 10_000 })
    .toBeGreaterThan(0);
  const offer = sdps.filter((s) => (s.match(/^m=audio/gm) ?? []).length >= 2).at(-1)!;
  const opusLines = offer
    .split(/\r?\n/)
    .filter((l) => /^a=fmtp:\d+ /.test(l) && offer.includes(`a=rtpmap:${l.slice(7).split(' ')[0]} opus/48000`));
  expect(opusLines.length).toBeGreaterThanOrEqual(2);
  for (const line of opusLines) {
    for (const parameter of ['maxaveragebitrate=128000', 'usedtx=0', 'stereo=1', 'useinbandfec=1'])
      expect(line).toContain(parameter);
  }

  // The expert hears it as a separate stream, drawn live.
  const scope = expert.page.getByRole('region', { name: 'Auscultation' }).getByTestId('sound-scope');
  await expect(scope).toBeVisible({ timeout: 15_000 });
  await expect.poll(async () => Number(await scope.getAttribute('data-level')), { timeout: 15_000 }).toBeGreaterThan(0);

  // No consent yet: no recording on either side, and each button says why.
  const panel = cart.page.getByRole('region', { name: 'Auscultation' });
  const record = panel.getByRole('button', { name: 'Enregistrer ce foyer' });
  await expect(record).toBeDisabled();
  await expect(panel.getByTestId('consent-blocked')).toHaveText(
    /Aucun acte n’est rattaché à cet appel, donc aucun consentement/,
  );
  await expect(expert.page.getByRole('button', { name: 'Photo de l’image affichée' })).toBeDisabled();
  await expect(expert.page.getByTestId('consent-blocked').first()).toHaveText(
    'Photo impossible : Chariot EHPAD 3 n’a pas encore transmis le consentement du patient à l’enregistrement.',
  );

  // The nurse links the call to the patient's act (opened for it), then records her consent to recording.
  await openCallTab(cart.page, 'Consentement');
  const consent = cart.page.getByRole('region', { name: 'Consentement pour cet appel' });
  await consent.getByRole('button', { name: 'Rattacher l’appel à l’acte du patient' }).click();
  await consent.getByLabel('Patient (nom, date de naissance)').fill('le bihan');
  await consent.getByLabel('Patient (nom, date de naissance)').press('Enter');
  await consent.getByRole('button', { name: /LE BIHAN.*YVONNE/ }).click();
  await sayWhoIAm(cart.page, 'IDE Morvan');
  await consent.getByRole('button', { name: 'Ouvrir un acte pour cet appel' }).click();
  await expect(consent.getByTestId('call-consents')).toContainText('à l’enregistrement : non recueilli');
  await openCallTab(cart.page, 'Examen');
  await expect(record).toBeDisabled(); // linked, but the patient has not consented to recording yet
  await expect(panel.getByTestId('consent-blocked')).toHaveText(
    /le consentement du patient à l’enregistrement n’est pas recueilli/,
  );
  await openCallTab(cart.page, 'Consentement');
  const form = consent.getByRole('form', { name: 'Consentement du patient' });
  await expect(form.getByLabel('Pour')).toHaveValue('recording');
  await expect(form.getByRole('button', { name: 'Donné' })).toBeDisabled(); // who consents is asked, never assumed
  await form.getByLabel('le patient lui-même').check();
  await form.getByRole('button', { name: 'Donné' }).click();
  await expect(consent.getByTestId('call-consents')).toContainText('à l’enregistrement : accepté');

  // No site is chosen for her: the button waits for one.
  await openCallTab(cart.page, 'Examen');
  await expect(panel.getByLabel('Foyer')).toHaveValue('');
  await expect(record).toBeDisabled();
  await expect(panel.getByTestId('consent-blocked')).toHaveText(
    'Choisissez d’abord le foyer où le stéthoscope est posé.',
  );
  for (const site of ['foyer d’Erb', 'base pulmonaire droite (dos)', 'sommet pulmonaire gauche (dos)']) {
    await expect(panel.getByLabel('Foyer').getByRole('option', { name: site })).toHaveCount(1);
  }

  // The nurse records the mitral area for a moment: a WAV in the cart's record, tagged.
  await panel.getByLabel('Foyer').selectOption({ label: 'foyer mitral (apex)' });
  const recordClickedAt = Date.now();
  await record.click();
  await cart.page.waitForTimeout(1500);
  await panel.getByRole('button', { name: /Arrêter et enregistrer/ }).click();
  const recordedForMs = Date.now() - recordClickedAt;
  await expect(cart.page.getByRole('region', { name: 'Pièces de l’appel' })).toContainText(
    'Auscultation, foyer mitral (apex)',
  );

  // Snapshots: the expert of the cart's picture (the cart's station told hers of the consent), the nurse of her own camera.
  await expect(expert.page.getByRole('button', { name: 'Photo de l’image affichée' })).toBeEnabled();
  await expert.page.getByRole('button', { name: 'Photo de l’image affichée' }).click();
  await expect(expert.page.getByRole('region', { name: 'Pièces de l’appel' })).toContainText('Photo');
  await cart.page.getByRole('button', { name: /^Photo : / }).click();
  await expect(cart.page.getByRole('region', { name: 'Pièces de l’appel' })).toContainText('Photo');

  // A second camera (the dermatoscope: here Chromium's fake camera opened again): the expert
  // gets both pictures and chooses which one is large.
  const examCamera = cart.page.getByLabel('Choisir l’entrée').first();
  await examCamera.selectOption({ index: 1 });
  await cart.page.getByRole('button', { name: 'Ajouter la caméra d’examen' }).click();
  const showExam = expert.page.getByRole('button', { name: /^Afficher en grand : Caméra d’examen/ });
  await expect(showExam).toBeVisible({ timeout: 15_000 });
  await expect(expert.page.getByLabel(/^Image de Chariot EHPAD 3 : Caméra de la pièce/)).toBeVisible();
  await showExam.click();
  await expect(expert.page.getByLabel(/^Image de Chariot EHPAD 3 : Caméra d’examen/)).toBeVisible();
  await expect(expert.page.getByRole('button', { name: /^Afficher en grand : Caméra de la pièce/ })).toBeVisible();

  const cartClient = await connectStationClient(cart.station.url);
  const [cartCall] = await cartClient.value('calls.history', { limit: 1 });
  cartClient.close();
  const wav = cartCall!.attachments.find((a) => a.kind === 'auscultation')!;
  // Its author is the nurse who said who she is at the cart (issue 20), not the station's name.
  expect(wav).toMatchObject({ bodySite: 'mitral', mime: 'audio/wav', author: 'IDE Morvan' });
  const bytes = fileOf(cart.dataDir, wav.sha256);
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('RIFF');
  expect(bytes.readUInt16LE(20)).toBe(1); // PCM, lossless
  const sampleRate = bytes.readUInt32LE(24);
  expect([44_100, 48_000]).toContain(sampleRate); // the track's own rate, never resampled (Chromium's fake input runs at 44.1 kHz)
  const seconds = bytes.readUInt32LE(40) / 2 / sampleRate;
  expect(seconds).toBeGreaterThan(1);
  // It stopped when she asked: no longer than the time between her two clicks (as long as the
  // machine took to act on them: 1.5 s quiet, 8 s on a loaded CI), plus a second for the stop.
  expect(seconds).toBeLessThan(recordedForMs / 1000 + 1);

  const photo = cartCall!.attachments.find((a) => a.kind === 'snapshot')!;
  const png = fileOf(cart.dataDir, photo.sha256);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBeGreaterThan(0); // width from the IHDR chunk
  const expertClient = await connectStationClient(expert.station.url);
  const [expertCall] = await expertClient.value('calls.history', { limit: 1 });
  expertClient.close();
  expect(expertCall!.attachments).toEqual([
    expect.objectContaining({ kind: 'snapshot', author: 'Dr Kerleau', bodySite: null }),
  ]);
});
