// The expert's prescription on the cart's act, as the nurse finds it (issue 21, point 5): during
// the call about Yvonne Le Bihan's act, the expert, signed in at her station, signs a prescription
// there (remoteActs.signPrescription: her name and RPPS from the sign-in, the patient's traits from
// the act's context); the cart's station receives it as its page will pass it on from the call's
// data channel (encounters.expertPrescription: that last hop, the expert's sending over the call,
// is being written beside this work, so the test passes the signed prescription on itself) and
// keeps it and its PDF. The act screen shows it in words with who signed it; "Télécharger le PDF"
// saves the kept PDF, which pdftotext reads back; "Imprimer l'ordonnance" prints those same bytes.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { pdfText } from '../helpers/pdf-text';
import { CART, hangUp } from './call-fixture';
import { useSignedInExpertCall } from './signed-in-expert';
import { connectStationClient } from './station-client';
import { actOfYvonne, callExpertFromYvonnesAct } from './yvonne-act';

// Headless Chromium has no print preview to open: without this, printing from a page crashes it.
// The print dialog is the browser's; what is checked is what it is given to print.
test.use({
  launchOptions: {
    executablePath: process.env.RELAIS_CHROMIUM ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--disable-print-preview'],
  },
});

const signedInExpertCall = useSignedInExpertCall();
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * The test's view of the blobs the page makes (the page's CSP lets no fetch read a blob: URL): the
 * print frame's PDF is read from the Blob itself.
 */
const KEEP_BLOBS = `(() => {
  const blobs = new Map();
  const create = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (blob) => { const url = create(blob); blobs.set(url, blob); return url; };
  window.__blobBytes = async (url) => Array.from(new Uint8Array(await blobs.get(url).arrayBuffer()));
})()`;

test('the expert’s prescription reaches the act; the nurse reads it, saves and prints its kept PDF', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const { cart, expert } = await signedInExpertCall(browser);
  await cart.page.addInitScript(KEEP_BLOBS);
  await cart.page.goto(cart.station.url);
  const actId = await actOfYvonne(cart.station.url);
  await callExpertFromYvonnesAct(cart.page, expert.page, /Plaie du talon/);

  // She signs on her station, for the act the cart sent her.
  const expertClient = await connectStationClient(expert.station.url);
  const cartClient = await connectStationClient(cart.station.url);
  try {
    await expect
      .poll(async () => (await expertClient.value('remoteActs.list', {})).some((a) => a.actId === actId))
      .toBe(true);
    const signed = await expertClient.value('remoteActs.signPrescription', {
      peerId: CART.sub,
      actId,
      lines: [
        {
          kind: 'medication',
          name: 'Lévothyroxine 50 µg',
          form: 'comprimé',
          dose: '1 comprimé',
          route: 'voie orale',
          frequency: 'le matin à jeun',
          duration: '3 mois',
          quantity: '3 boîtes',
          nonSubstitutable: 'MTE',
          note: '',
        },
        { kind: 'nursing', text: 'Pansement hydrocolloïde du talon tous les 3 jours.' },
      ],
      replaces: null,
    });
    const { callId } = (await cartClient.value('encounters.get', { id: actId })).encounter;
    expect(callId).not.toBeNull();
    const kept = await cartClient.value('encounters.expertPrescription', {
      callId: callId!,
      prescription: signed.prescription,
    });
    expect(kept.outcome).toBe('filed');
  } finally {
    expertClient.close();
    cartClient.close();
  }

  // After the call, the nurse is back on the act: the prescription is there, in words.
  await hangUp(cart.page);
  await cart.page.getByTestId('call-summary').getByRole('button', { name: 'Retour à l’acte' }).click();
  const card = cart.page.getByRole('region', { name: 'Ordonnances de l’expert' });
  const prescription = card.getByTestId('act-prescription');
  await expect(prescription).toContainText(
    'Lévothyroxine 50 µg, comprimé — 1 comprimé, voie orale, le matin à jeun, pendant 3 mois. Quantité : 3 boîtes. Non substituable (MTE).',
  );
  await expect(prescription).toContainText('Soins infirmiers : Pansement hydrocolloïde du talon tous les 3 jours.');
  await expect(prescription).toContainText(/Signée par Anne KERLEAU \((.+, )?RPPS 10001234567\) le /);
  await card.scrollIntoViewIfNeeded();
  fs.mkdirSync('/tmp/look-cart', { recursive: true });
  await cart.page.screenshot({ path: '/tmp/look-cart/act-prescription-1366.png' });

  // "Télécharger le PDF": the kept PDF, named for the patient and the day.
  const [download] = await Promise.all([
    cart.page.waitForEvent('download'),
    prescription.getByRole('button', { name: 'Télécharger le PDF' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^ordonnance-LE-BIHAN-YVONNE-\d{4}-\d{2}-\d{2}\.pdf$/);
  const saved = fs.readFileSync(await download.path());
  const text = pdfText(saved).replace(/\s+/g, ' ');
  for (const expected of ['Nom de naissance : LE BIHAN', 'Identifiant RPPS : 10001234567', 'Lévothyroxine 50 µg'])
    expect(text).toContain(expected);
  expect(text).toContain('Identifiant et QR code de l’ordonnance numérique : non attribués');

  // "Imprimer l'ordonnance": the browser prints those very bytes, from a frame of the page.
  await prescription.getByRole('button', { name: 'Imprimer l’ordonnance' }).click();
  const frame = cart.page.getByTestId('pdf-print-frame');
  await expect(frame).toHaveAttribute('src', /^blob:/);
  const src = (await frame.getAttribute('src'))!;
  const printed = (await cart.page.evaluate(`window.__blobBytes(${JSON.stringify(src)})`)) as number[];
  expect(sha256(Buffer.from(printed))).toBe(sha256(saved));
});
