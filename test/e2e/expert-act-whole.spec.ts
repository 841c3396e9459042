// The act the expert performs, whole (issue 21, first point of "What must be shown"), with a cart
// station and an expert station on the real hub. The cart opens an act for a patient with a
// qualified identity (Jeanne Martin, her INS taken from the INSi gateway's double) and calls the
// expert from it. On her call screen: the patient banner (names, age, identity status). The cart's
// simulated oximeter's SpO2 changes on her screen within a second of the cart's. She asks for a
// photo: the act on the cart holds a PNG at the camera track's full resolution, marked as asked by
// her. Signed in on the loopback provider, she writes and signs her report and a prescription; the
// cart's act shows both as signed by her (name and RPPS) and closes. The PDFs, read back with
// pdftotext, carry both professionals, the billing codes and the hash; both documents reach the
// hub's FHIR endpoint authored by her Practitioner.
import { expect, test } from '@playwright/test';
import { startInsiDouble, type InsiDouble } from '../helpers/insi-double';
import { qualifyThroughInsi } from '../helpers/insi-station';
import { MARTIN_IN_NATIONAL_BASE } from '../helpers/identities';
import { sayWhoIAm } from './author';
import { EXPERT, hangUp, openCallTab } from './call-fixture';
import { cartCameraTrackSize, keptFile, pngSize } from './cart-photo';
import { expectSpo2ShownWithinASecond } from './live-spo2';
import { useSignedInExpertCall } from './signed-in-expert';
import {
  cartReadsHub,
  downloadedPdf,
  expectAtHubAuthoredByHer,
  expectHerReportPdf,
  fillLineField,
} from './signed-documents';
import { connectStationClient } from './station-client';
import { actFor, callExpertFromAct } from './yvonne-act';

const signedInExpertCall = useSignedInExpertCall();
let insi: InsiDouble | null = null;
test.afterEach(async () => {
  await insi?.close();
  insi = null;
});

/** Her age today, as the banner counts it. */
function ageOn(birth: string, now = new Date()): number {
  const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
  const before = now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d);
  return now.getFullYear() - y - (before ? 1 : 0);
}

test('the expert performs the act whole: whom she sees, what she measures and asks, what she signs, where it goes', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  insi = await startInsiDouble({ people: [MARTIN_IN_NATIONAL_BASE] });
  const setup = await signedInExpertCall(browser, { RELAIS_INSI_URL: insi.url });
  const { cart, expert } = setup;

  // A qualified identity, the only way there is: validated on her passport, her INS from INSi.
  const station = await connectStationClient(cart.station.url);
  let actId: string;
  try {
    const patient = await qualifyThroughInsi(station);
    expect(patient.identityStatus).toBe('QUAL');
    actId = await actFor(cart.station.url, patient.id, {
      reason: 'Lésion pigmentée du dos',
      consent: { scope: 'act', givenBy: { kind: 'patient' } },
    });
    // Photos are recordings: she consents to them too.
    await station.value('encounters.consent', {
      encounterId: actId,
      scope: 'recording',
      decision: 'given',
      givenBy: { kind: 'patient' },
      collectedBy: 'IDE Morvan',
      collectedAt: new Date().toISOString(),
    });
  } finally {
    station.close();
  }
  await sayWhoIAm(cart.page, 'IDE Morvan');
  await callExpertFromAct(cart.page, expert.page, /Lésion pigmentée/, { search: 'Martin', line: /MARTIN/ });

  // Whom she examines: the banner of the act, its identity qualified.
  const banner = expert.page.getByRole('region', { name: 'Patient', exact: true });
  await expect(banner).toContainText('MARTIN');
  await expect(banner).toContainText('JEANNE');
  await expect(banner).toContainText(`né(e) le 03/12/1906 · ${ageOn('1906-12-03')} ans`);
  await expect(banner).toContainText('Identité qualifiée');
  await expect(banner).not.toContainText('identité non qualifiée');

  // What the cart measures: its oximeter's SpO2 on her screen within a second.
  await openCallTab(expert.page, 'Mesures');
  const live = expert.page.getByTestId('live-vitals');
  await expect(live.getByTestId('live-oximeter-status')).toHaveText('En direct', { timeout: 15_000 });
  await expectSpo2ShownWithinASecond(cart.station.url, expert.page);

  // What she asks: a photo of the room camera, filed on the act at the track's full resolution.
  const track = await cartCameraTrackSize(cart.page);
  await openCallTab(expert.page, 'Caméra');
  const photo = expert.page.getByRole('region', { name: 'Photo au chariot' });
  await photo.getByLabel('Caméra').selectOption({ index: 0 });
  await photo.getByRole('button', { name: 'Photo', exact: true }).press('Enter');
  await expect(photo.getByTestId('photo-taken')).toContainText(`${track.width} × ${track.height} pixels`, {
    timeout: 20_000,
  });

  // What she signs: a prescription, then her report.
  await openCallTab(expert.page, 'Ordonnance');
  const panel = expert.page.locator('#call-panel-prescription');
  await panel.getByRole('button', { name: 'Ajouter un médicament' }).click();
  const medicine = panel.getByRole('group', { name: 'Ligne 1 — Médicament' });
  await fillLineField(medicine, 'Médicament (DCI et dosage)', 'Bétaméthasone 0,05 % crème');
  await fillLineField(medicine, 'Posologie (dose par prise)', 'une application');
  await fillLineField(medicine, 'Voie', 'voie cutanée');
  await fillLineField(medicine, 'Fréquence', 'le soir');
  await fillLineField(medicine, 'Durée', '10 jours');
  await fillLineField(medicine, 'Quantité', '1 tube');
  await panel.getByRole('button', { name: 'Signer l’ordonnance' }).click();
  await expect(panel.getByTestId('expert-prescription-versions')).toContainText(
    'Reçue par le poste demandeur pendant l’appel',
  );
  await openCallTab(expert.page, 'Compte rendu');
  const report = expert.page.locator('#call-panel-report');
  await report.getByLabel('Examen à distance').fill('Lésion asymétrique de 8 mm, deux couleurs.');
  await report.getByLabel('Conclusion').fill('Lésion suspecte : exérèse à programmer.');
  const confirm = report.getByLabel('J’ai relu ces sections : elles disent ce que j’ai constaté.');
  if (await confirm.count()) await confirm.check();
  await report.getByRole('button', { name: 'Signer et envoyer' }).click();
  await expect(report.getByTestId('expert-report-versions')).toContainText(
    'Reçu par le poste demandeur pendant l’appel',
  );

  // On the cart: the act closed, both signed by her, the photo asked by her at full resolution.
  await hangUp(cart.page);
  await cart.page.getByTestId('call-summary').getByRole('button', { name: 'Retour à l’acte' }).click();
  await expect(cart.page.getByTestId('act-status')).toHaveText('Compte rendu signé, acte clôturé');
  const act = cart.page.locator('main');
  await expect(act).toContainText('Lésion suspecte : exérèse à programmer.');
  await expect(cart.page.getByTestId('act-prescription')).toContainText(
    /Signée par Anne KERLEAU \((.+, )?RPPS 10001234567\) le /,
  );
  const client = await connectStationClient(cart.station.url);
  const record = await client.value('encounters.get', { id: actId });
  const [prescription] = await client.value('encounters.prescriptions', { id: actId });
  client.close();
  expect(record.reports[0]).toMatchObject({ author: { name: 'Anne KERLEAU', rpps: '10001234567' } });
  const snapshots = record.attachments.filter((a) => a.kind === 'snapshot');
  expect(snapshots).toHaveLength(1);
  expect(snapshots[0]).toMatchObject({ mime: 'image/png', askedBy: EXPERT.name, author: 'IDE Morvan' });
  expect(pngSize(keptFile(cart.dataDir, snapshots[0]!.sha256))).toEqual(track);

  // The PDFs, read back: both professionals, the codes, the hashes; the INS of her qualified identity.
  const compteRendu = await downloadedPdf(
    cart.page,
    act.getByRole('button', { name: 'Compte rendu en PDF (à imprimer)' }).first(),
  );
  expectHerReportPdf(compteRendu.text);
  expect(compteRendu.text).toContain('identité qualifiée');
  const { text: ordonnance } = await downloadedPdf(
    cart.page,
    cart.page.getByTestId('act-prescription').getByRole('button', { name: 'Télécharger le PDF' }),
  );
  expect(ordonnance).toContain('Identifiant RPPS : 10001234567');
  expect(ordonnance).toContain('Bétaméthasone 0,05 % crème');
  expect(ordonnance).toContain('identité qualifiée');
  expect(ordonnance).toMatch(/Empreinte SHA-256 de l’ordonnance signée : [0-9a-f]{64}/);

  // Both at the region, authored by her Practitioner.
  await expectAtHubAuthoredByHer(cartReadsHub(setup), record.reports[0]!.id, prescription!.id);
});
