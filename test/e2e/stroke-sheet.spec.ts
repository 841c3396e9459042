// The stroke sheet on an act's page (issue 18, points 6 to 10), in French: onset and last known
// well typed with their date, never "Maintenant"; the 4 h 30 window counted from last known
// well; the NIHSS scored on buttons that carry the scale's words, a second tap keeping the score,
// "NT" with its reason; a thrombolysis decision refused over an unanswered checklist, on screen
// and through the contract; then tenecteplase chosen over an "Inconnu" passed over with its
// reason, and the summary, the signed report and its PDF naming tenecteplase and never alteplase.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strokeFr } from '../../src/renderer/features/stroke/texts-fr';
import { openPatient } from './patient-page';
import { connectStationClient, type StationClient } from './station-client';
import { startStation, type RunningStation } from './station-host';
import { sayWhoIAm } from './author';

test.describe.configure({ mode: 'serial' });

let station: RunningStation;
let client: StationClient;
let dataDir: string;
let encounterId: string;
test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-stroke-sheet-'));
  station = await startStation(dataDir, { RELAIS_DEVICES: 'none' });
  client = await connectStationClient(station.url);
  const created = await client.value('patients.create', {
    identity: {
      birthName: 'Le Goff',
      firstName: 'Anne',
      birthDate: '1948-03-02',
      sex: 'F',
      birthplaceCode: '29019',
      identityStatus: 'PROV',
    },
    notDuplicateOf: [],
  });
  if (created.status !== 'created') throw new Error('patient not created');
  const act = await client.value('encounters.create', {
    patientId: created.patient.id,
    act: 'teleconsultation',
    assisted: false,
    requester: { name: 'Dr Urgences', role: 'physician' },
    site: 'CH Morlaix',
    reason: 'Suspicion d’AVC',
  });
  encounterId = act.id;
  await client.value('encounters.consent', {
    encounterId,
    scope: 'act',
    decision: 'given',
    givenBy: { kind: 'patient' },
    collectedBy: 'Dr Urgences',
    collectedAt: new Date().toISOString(),
  });
  await client.value('encounters.setStatus', { id: encounterId, version: act.version, status: 'in_progress' });
});
test.afterAll(async () => {
  client?.close();
  await station?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A time some minutes ago, as a person in France types it (the page and the test share the clock). */
function typedAgo(minutes: number): { date: string; time: string } {
  const at = new Date(Date.now() - minutes * 60_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${two(at.getDate())}/${two(at.getMonth() + 1)}/${at.getFullYear()}`,
    time: `${two(at.getHours())}:${two(at.getMinutes())}`,
  };
}

async function typeTime(page: Page, milestone: string, minutesAgo: number): Promise<void> {
  const { date, time } = typedAgo(minutesAgo);
  await page.getByLabel(`Date de : ${milestone} (JJ/MM/AAAA)`).fill(date);
  await page.getByLabel(`Heure de : ${milestone} (HH:MM, sur 24 h)`).fill(time);
  await page.getByRole('button', { name: `Enregistrer la date et l’heure de : ${milestone}` }).click();
}

const item = (page: Page, id: string) => page.getByRole('group', { name: new RegExp(`^Cotation de ${id}\\. `) });
const score = (page: Page, id: string, value: string) =>
  item(page, id).getByRole('button', { name: new RegExp(`^${value} `) });

/** The act's page, its stroke sheet open (a sheet already started opens by itself). */
async function openSheet(page: Page, started: boolean): Promise<void> {
  await page.goto(station.url);
  await openPatient(page, 'le goff', /LE GOFF.*ANNE/i);
  await page
    .getByRole('button', { name: /Suspicion d’AVC/ })
    .first()
    .click();
  await expect(page.getByTestId('act-status')).toHaveText('En cours');
  if (!started) await page.getByRole('button', { name: 'Ouvrir la fiche AVC' }).click();
  await sayWhoIAm(page, 'Dr Urgences', 'Médecin');
}

test('times carry their date, the windows count from last known well, and a decision over an unanswered checklist is refused', async ({
  page,
}) => {
  await openSheet(page, false);

  // Onset and last known well are past: a date and a time, or "Inconnu"; never "Maintenant".
  await expect(page.getByRole('button', { name: 'Début des symptômes : maintenant' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Dernière fois vu normal : maintenant' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Début des symptômes : inconnu' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await expect(page.getByTestId('stroke-windows')).toContainText(
    'Saisissez le début des symptômes ou la dernière fois vu normal',
  );
  await typeTime(page, 'Dernière fois vu normal', 90);
  await typeTime(page, 'Début des symptômes', 30);
  const lastKnownWell = typedAgo(90);
  await expect(page.getByTestId('milestone-last_known_well')).toHaveText(
    `${lastKnownWell.date} ${lastKnownWell.time} (Dr Urgences)`,
  );
  await page.getByRole('button', { name: 'Arrivée aux urgences : maintenant' }).click();
  await expect(page.getByTestId('milestone-arrival')).toContainText('(Dr Urgences)');

  // The clock runs from last known well; both elapsed times show; the sources are named.
  const windows = page.getByTestId('stroke-windows');
  await expect(windows.getByTestId('stroke-elapsed')).toHaveText(
    /^Depuis le début des symptômes : (30|31) min ; depuis la dernière fois vu normal : 1 h (30|31)$/,
  );
  await expect(windows.getByTestId('window-ivt')).toHaveText(/^Thrombolyse IV \(4 h 30\) : reste (3 h 00|2 h 59)$/);
  await expect(windows).toContainText('Comptées depuis la dernière fois vu normal');
  await expect(windows).toContainText('AHA/ASA 2019 (§ 3.5.1 et § 3.7) et ESO 2021');

  // A thrombolysis cannot be recorded while the checklist is unanswered; the screen says why and that it decides nothing.
  await expect(page.getByTestId('decision-help')).toHaveText(/^Aide à la décision, pas une prescription/);
  await page.getByLabel('Décision à enregistrer').selectOption('thrombolysis_tenecteplase');
  await expect(page.getByTestId('decision-blocked')).toHaveText(
    'Thrombolyse : répondez d’abord à chaque contre-indication (12 sans réponse).',
  );
  await expect(page.getByRole('button', { name: 'Enregistrer la décision' })).toBeDisabled();
  // Main refuses it too, whatever sends it.
  const change = { kind: 'decision', decision: 'thrombolysis_tenecteplase', note: '' } as const;
  await expect(client.value('stroke.change', { encounterId, change, by: 'Dr Kerleau' })).rejects.toThrow(
    /stroke\.checklist_unanswered/,
  );
  await expect(page.getByTestId('stroke-decision')).toHaveCount(0);
  expect((await client.value('stroke.sheet', { encounterId })).decision).toBeNull();
});

test('a stroke sheet with tenecteplase prints tenecteplase: the summary, the signed report and its PDF', async ({
  page,
}) => {
  await openSheet(page, true);

  // The NIHSS on the scale's words: a second tap keeps the score, "Effacer" clears it.
  await expect(score(page, '1a', '1')).toHaveText('1 Non vigilant, éveillable par une stimulation mineure');
  await score(page, '1a', '1').click();
  await expect(score(page, '1a', '1')).toHaveAttribute('aria-pressed', 'true');
  await score(page, '1a', '1').click();
  await expect(score(page, '1a', '1')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('nihss-subtotal')).toHaveText('Sous-total : 1 (1 item(s) coté(s) sur 15)');
  await page.getByRole('button', { name: 'Effacer la cotation de 1a. Vigilance' }).click();
  await expect(score(page, '1a', '1')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('nihss-subtotal')).toHaveText('Sous-total : 0 (0 item(s) coté(s) sur 15)');
  // An NIHSS of 6 (facial palsy 2, right arm 2, right leg 1, language 1), the left arm NT for an amputation.
  const scores: Record<string, string> = {
    '1a': '0',
    '1b': '0',
    '1c': '0',
    '2': '0',
    '3': '0',
    '4': '2',
    '5b': '2',
    '6a': '0',
    '6b': '1',
    '7': '0',
    '8': '0',
    '9': '1',
    '10': '0',
    '11': '0',
  };
  for (const [id, value] of Object.entries(scores)) {
    await score(page, id, value).click();
    await expect(score(page, id, value)).toHaveAttribute('aria-pressed', 'true');
  }
  await score(page, '5a', 'NT').click();
  const reason = page.getByRole('form', { name: 'Motif de NT pour 5a. Motricité membre supérieur gauche' });
  await expect(reason.getByRole('button', { name: 'Enregistrer NT' })).toBeDisabled();
  await reason.getByRole('radio', { name: 'Amputation' }).check();
  await reason.getByRole('button', { name: 'Enregistrer NT' }).click();
  await expect(page.getByText('NT : Amputation')).toBeVisible();
  await expect(page.getByTestId('nihss-total')).toHaveText('NIHSS 6 (AVC modéré)');

  // Weight: the label's band beside the exact 0.25 mg/kg.
  await page.getByLabel('Poids (kg)').fill('75');
  await page.getByRole('button', { name: 'Enregistrer le poids' }).click();
  await expect(page.getByRole('list', { name: 'Doses calculées' })).toContainText(
    'le tableau du RCP donne 20 mg (4 mL à 5 mg/mL) pour 70 à moins de 80 kg ; c’est la dose à préparer. Calcul exact : 0,25 mg/kg × 75 kg = 18,75 mg.',
  );

  // The checklist answered, the anticoagulant unknown: tenecteplase needs the override and its reason.
  for (const [item, label] of Object.entries(strokeFr.contraindications)) {
    const answer = item === 'anticoagulant' ? 'Inconnu' : 'Non';
    await page
      .getByRole('group', { name: label, exact: true })
      .getByRole('button', { name: answer, exact: true })
      .click();
    await expect(
      page.getByRole('group', { name: label, exact: true }).getByRole('button', { name: answer, exact: true }),
    ).toHaveAttribute('aria-pressed', 'true');
  }
  await page.getByLabel('Décision à enregistrer').selectOption('thrombolysis_tenecteplase');
  const record = page.getByRole('button', { name: 'Enregistrer la décision' });
  await expect(page.getByText('Thrombolyser malgré : Anticoagulant (AOD dans les 48 h, ou INR > 1,7)')).toBeVisible();
  await expect(record).toBeDisabled();
  await page.getByLabel('Je passe outre, par décision médicale').check();
  await page.getByLabel('Motif (obligatoire)').fill('Aucun anticoagulant selon le médecin traitant');
  await record.click();
  await expect(page.getByTestId('stroke-decision')).toContainText(
    'Thrombolyse par ténectéplase — décidé par Dr Urgences le',
  );
  await expect(page.getByTestId('stroke-decision')).toContainText(
    'Passé outre : Anticoagulant (AOD dans les 48 h, ou INR > 1,7) — motif : Aucun anticoagulant selon le médecin traitant',
  );
  await page.getByRole('button', { name: 'Début de la thrombolyse : maintenant' }).click();
  await expect(page.getByTestId('milestone-needle')).toContainText('(Dr Urgences)');

  // The summary names tenecteplase and its dose, never alteplase.
  await page.getByRole('button', { name: 'Insérer le résumé dans le compte rendu' }).click();
  const report = page.getByLabel('Texte du compte rendu');
  await expect(report).toHaveValue(
    /Décision : Thrombolyse par ténectéplase — décidé par Dr Urgences le \d\d\/\d\d\/\d{4} \d\d:\d\d/,
  );
  await expect(report).toHaveValue(
    /Thrombolytique : ténectéplase 20 mg \(4 mL à 5 mg\/mL\) en bolus unique, dose du RCP pour 70 à moins de 80 kg \(0,25 mg\/kg : 18,75 mg\)/,
  );
  await expect(report).toHaveValue(/- Dernière fois vu normal : \d\d\/\d\d\/\d{4} \d\d:\d\d \(Dr Urgences\)/);
  await expect(report).toHaveValue(/NT : 5a \(Amputation\)/);
  expect(await report.inputValue()).not.toMatch(/altéplase/i);

  // Signed, then printed: the PDF says tenecteplase, never alteplase.
  await sayWhoIAm(page, 'Dr Kerleau', 'Médecin', '10003456789');
  await page.getByRole('button', { name: 'Signer le compte rendu' }).click();
  await expect(page.getByText(/^Signé par Dr Kerleau le /)).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Compte rendu en PDF (à imprimer)' }).last().click(),
  ]);
  const pdfFile = path.join(os.tmpdir(), `relais-e2e-stroke-${Date.now()}.pdf`);
  await download.saveAs(pdfFile);
  const pdfText = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  fs.rmSync(pdfFile, { force: true });
  expect(pdfText).toContain('Décision : Thrombolyse par ténectéplase');
  expect(pdfText).toContain('Thrombolytique : ténectéplase 20 mg (4 mL à 5 mg/mL) en bolus unique');
  expect(pdfText).not.toMatch(/altéplase/i);
});
