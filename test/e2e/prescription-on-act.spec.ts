// The act completed by the expert, as the nurse finds it (issue 21, points 4 and 5): during the call
// about Yvonne Le Bihan's act, the expert, signed in at her station (the test OpenID provider,
// shaped like Pro Santé Connect), writes and signs on her screen a prescription ("Ordonnance") and
// her report ("Compte rendu"); both go over the call at once. Back on the act, the nurse finds both,
// signed by her (name and RPPS), and the act closed; "Télécharger le PDF" saves the prescription's
// kept PDF and "Imprimer l'ordonnance" prints those same bytes; both PDFs read back with pdftotext
// carry both professionals, the billing codes and the SHA-256. Both reach the region (the hub's
// FHIR endpoint): the report as the act's DocumentReference, the prescription as its orders, each
// authored by her Practitioner (IdNatPS).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { prescriptionLineId } from '../../src/main/sync/fhir/prescription';
import { hangUp, openCallTab } from './call-fixture';
import { useSignedInExpertCall } from './signed-in-expert';
import {
  cartReadsHub,
  downloadedPdf,
  expectAtHubAuthoredByHer,
  expectHerReportPdf,
  fillLineField,
  HER_IDNATPS,
} from './signed-documents';
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

test('the expert signs her prescription and report in the call; the cart’s act closes with both, printed and sent', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const setup = await signedInExpertCall(browser);
  const { cart, expert } = setup;
  await cart.page.addInitScript(KEEP_BLOBS);
  await cart.page.goto(cart.station.url);
  const actId = await actOfYvonne(cart.station.url);
  await callExpertFromYvonnesAct(cart.page, expert.page, /Plaie du talon/);

  // Her prescription, on her screen: a medicine whose generic she refuses (MTE) and nursing care.
  await openCallTab(expert.page, 'Ordonnance');
  const panel = expert.page.locator('#call-panel-prescription');
  await panel.getByRole('button', { name: 'Ajouter un médicament' }).click();
  const medicine = panel.getByRole('group', { name: 'Ligne 1 — Médicament' });
  await fillLineField(medicine, 'Médicament (DCI et dosage)', 'Lévothyroxine 50 µg');
  await fillLineField(medicine, 'Forme', 'comprimé');
  await fillLineField(medicine, 'Posologie (dose par prise)', '1 comprimé');
  await fillLineField(medicine, 'Voie', 'voie orale');
  await fillLineField(medicine, 'Fréquence', 'le matin à jeun');
  await fillLineField(medicine, 'Durée', '3 mois');
  await fillLineField(medicine, 'Quantité', '3 boîtes');
  await medicine.getByLabel('Non substituable', { exact: true }).selectOption('MTE');
  await panel.getByLabel('Type de prescription').selectOption('nursing');
  await panel.getByRole('button', { name: 'Ajouter une autre prescription' }).click();
  await fillLineField(
    panel.getByRole('group', { name: 'Ligne 2 — Soins infirmiers' }),
    'Prescription',
    'Pansement hydrocolloïde du talon tous les 3 jours.',
  );
  await panel.getByRole('button', { name: 'Signer l’ordonnance' }).click();
  await expect(panel.getByTestId('expert-prescription-versions')).toContainText(
    'Reçue par le poste demandeur pendant l’appel',
  );
  // The nurse is told at once, above her call's tabs.
  const notices = cart.page.getByTestId('call-work').getByRole('status').first();
  await expect(notices).toContainText('Anne KERLEAU a signé une ordonnance : elle est classée dans l’acte');
  await cart.page.screenshot({ path: '/tmp/look-cart/prescription-notice-1366.png' });
  await notices.getByRole('button', { name: 'Compris' }).click();
  await expect(cart.page.getByText('a signé une ordonnance')).toHaveCount(0);

  // Her report: the wound template, her conclusion, the sections she read confirmed.
  await openCallTab(expert.page, 'Compte rendu');
  const report = expert.page.locator('#call-panel-report');
  await report.getByLabel('Modèle').selectOption('wound');
  await report.getByLabel('Examen à distance').fill('Plaie du talon gauche de 2 × 3 cm, fond fibrineux.');
  await report.getByLabel('Conclusion').fill('Escarre du talon de stade 2.');
  await report.getByLabel('J’ai relu ces sections : elles disent ce que j’ai constaté.').check();
  await report.getByRole('button', { name: 'Signer et envoyer' }).click();
  await expect(report.getByTestId('expert-report-versions')).toContainText(
    'Reçu par le poste demandeur pendant l’appel',
  );

  // After the call, the nurse is back on the act: closed, with both, signed by her.
  await hangUp(cart.page);
  await cart.page.getByTestId('call-summary').getByRole('button', { name: 'Retour à l’acte' }).click();
  await expect(cart.page.getByTestId('act-status')).toHaveText('Compte rendu signé, acte clôturé');
  const act = cart.page.locator('main');
  await expect(act).toContainText('Escarre du talon de stade 2.');
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

  // "Télécharger le PDF": the prescription's kept PDF, named for the patient and the day.
  const {
    text: ordonnance,
    bytes: saved,
    name,
  } = await downloadedPdf(cart.page, prescription.getByRole('button', { name: 'Télécharger le PDF' }));
  expect(name).toMatch(/^ordonnance-LE-BIHAN-YVONNE-\d{4}-\d{2}-\d{2}\.pdf$/);
  for (const expected of [
    'Nom de naissance : LE BIHAN',
    'Nom : Anne KERLEAU',
    'Identifiant RPPS : 10001234567',
    'Lévothyroxine 50 µg',
    'Non substituable (MTE)',
    'Identifiant et QR code de l’ordonnance numérique : non attribués',
  ])
    expect(ordonnance).toContain(expected);
  expect(ordonnance).toMatch(/Empreinte SHA-256 de l’ordonnance signée : [0-9a-f]{64}/);

  // "Imprimer l'ordonnance": the browser prints those very bytes, from a frame of the page.
  await prescription.getByRole('button', { name: 'Imprimer l’ordonnance' }).click();
  const frame = cart.page.getByTestId('pdf-print-frame');
  await expect(frame).toHaveAttribute('src', /^blob:/);
  const src = (await frame.getAttribute('src'))!;
  const printed = (await cart.page.evaluate(`window.__blobBytes(${JSON.stringify(src)})`)) as number[];
  expect(sha256(Buffer.from(printed))).toBe(sha256(saved));

  // The report's PDF names both professionals, the billing codes and the hash she signed.
  expectHerReportPdf(
    (await downloadedPdf(cart.page, act.getByRole('button', { name: 'Compte rendu en PDF (à imprimer)' }).first()))
      .text,
  );

  // Both reach the region, authored by her Practitioner: the report and the prescription's orders.
  const station = await connectStationClient(cart.station.url);
  const [signed] = await station.value('encounters.prescriptions', { id: actId });
  const [filed] = (await station.value('encounters.get', { id: actId })).reports;
  station.close();
  const fhir = cartReadsHub(setup);
  await expectAtHubAuthoredByHer(fhir, filed!.id, signed!.id);
  const order = `/MedicationRequest/${prescriptionLineId(signed!.id, 0)}`;
  expect(await fhir(order)).toMatchObject({
    status: 'active',
    medicationCodeableConcept: { text: 'Lévothyroxine 50 µg' },
    substitution: { allowedBoolean: false, reason: { coding: [{ code: 'MTE' }] } },
    encounter: { reference: `Encounter/${actId}` },
  });
  const nursing = await fhir(`/ServiceRequest/${prescriptionLineId(signed!.id, 1)}`);
  expect(nursing).toMatchObject({
    requester: { identifier: { value: HER_IDNATPS } },
    category: [{ text: 'Soins infirmiers' }],
  });
});
