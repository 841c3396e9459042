// A GCS coordinator's activity screen, on a station whose commune table is the test fixture
// (rounded coordinates, not real data): a nurse records a patient's commune and an act's expert
// site commune through the forms, more acts come through the station's contract, and the screen
// shows the acts of September and October by type and specialty with their minutes and the km
// avoided with the method; the CSV exported says the same.
//
// The station's clock cannot be set from outside, and acts take seconds here: between two runs
// of the station, the test moves the acts' start and end in its database to the dates and
// durations they would have had in September and October.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { transportAvoided } from '../../src/shared/activity/transport-avoided';
import { connectStationClient } from './station-client';
import { createYvonneLeBihan } from './patient-page';
import { startStation, type RunningStation } from './station-host';
import { sayWhoIAm } from './author';
import { stationDatabase } from '../helpers/station-database';

const FIXTURE = path.resolve('test/fixtures/communes/communes-fixture.csv');
const env = { RELAIS_COMMUNES_CSV: FIXTURE };
let station: RunningStation;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-activity-'));
  station = await startStation(dataDir, env);
});
test.afterAll(async () => {
  await station.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** When each act (by its reason) took place: start, minutes. */
const HELD: Record<string, [string, number]> = {
  'Plaie du talon': ['2026-10-05T08:00:00.000Z', 20],
  'Contrôle de la plaie': ['2026-10-12T09:00:00.000Z', 10],
  'Avis sur ECG': ['2026-09-20T13:00:00.000Z', 15],
};

test('the coordinator reads the station’s monthly activity, km avoided included, and exports it as CSV', async ({
  page,
}) => {
  // A patient living in Landerneau, and an act whose expert is in Brest, through the forms.
  await page.goto(station.url);
  await createYvonneLeBihan(page, { 'Code INSEE de la commune de résidence': '29103' });
  await page.getByRole('button', { name: 'Nouvel acte' }).click();
  const form = page.getByRole('form', { name: 'Nouvel acte' });
  await form.getByLabel('Motif').fill('Plaie du talon');
  await form.getByLabel('Lieu (site requérant)').fill('EHPAD Kerlann');
  await form.getByLabel('Commune du site de l’expert (code INSEE)').fill('29019');
  await form.getByLabel('Spécialité demandée').fill('dermatologie');
  await sayWhoIAm(page, 'IDE Morvan');
  await form.getByRole('button', { name: 'Créer l’acte' }).click();
  await expect(page.getByTestId('act-status')).toHaveText('Brouillon');

  // The rest through the contract: consent, start, end; a second act for her, one for a patient
  // whose commune is not known, and a draft that never took place.
  const client = await connectStationClient(station.url);
  try {
    const [yvonne] = await client.value('patients.search', { name: 'Le Bihan' });
    expect(yvonne!.residenceCode).toBe('29103');
    const other = await client.value('patients.create', {
      identity: {
        birthName: 'Riou',
        firstName: 'Jean',
        birthDate: '1950-03-02',
        sex: 'M',
        birthplaceCode: '29232',
        identityStatus: 'PROV',
      },
    });
    if (other.status !== 'created') throw new Error('patient not created');
    const nurse = { name: 'IDE Morvan', role: 'nurse' as const };
    const run = async (id: string, last: 'awaiting_report' | 'closed') => {
      await client.value('encounters.consent', {
        encounterId: id,
        scope: 'act',
        decision: 'given',
        givenBy: { kind: 'patient' },
        collectedBy: 'IDE Morvan',
        collectedAt: new Date().toISOString(),
      });
      let version = (await client.value('encounters.get', { id })).encounter.version;
      for (const status of ['in_progress', 'awaiting_report', 'closed'] as const) {
        version = (await client.value('encounters.setStatus', { id, version, status })).version;
        if (status === last) return;
      }
    };
    const [first] = await client.value('encounters.forPatient', { patientId: yvonne!.id, limit: 10 });
    expect(first!.siteCommune).toBe('29019');
    await run(first!.id, 'closed');
    const second = await client.value('encounters.create', {
      patientId: yvonne!.id,
      act: 'teleconsultation',
      assisted: true,
      requester: nurse,
      site: 'EHPAD Kerlann',
      siteCommune: '29019',
      specialty: 'dermatologie',
      reason: 'Contrôle de la plaie',
    });
    await run(second.id, 'closed');
    const ecg = await client.value('encounters.create', {
      patientId: other.patient.id,
      act: 'teleexpertise',
      assisted: false,
      requester: nurse,
      site: 'EHPAD Kerlann',
      siteCommune: '29019',
      specialty: 'cardiologie',
      reason: 'Avis sur ECG',
    });
    await run(ecg.id, 'awaiting_report');
    await client.value('encounters.create', {
      patientId: other.patient.id,
      act: 'teleconsultation',
      assisted: true,
      requester: nurse,
      site: 'EHPAD Kerlann',
      specialty: 'cardiologie',
      reason: 'Jamais démarré',
    });
  } finally {
    client.close();
  }

  // The acts as if held in September and October.
  await station.stop();
  const db = stationDatabase(dataDir);
  const move = db.prepare('UPDATE encounters SET started_at = ?, ended_at = ? WHERE reason = ?');
  for (const [reason, [start, minutes]] of Object.entries(HELD)) {
    expect(move.run(start, new Date(Date.parse(start) + minutes * 60_000).toISOString(), reason).changes).toBe(1);
  }
  db.close();
  station = await startStation(dataDir, env);

  await page.goto(station.url);
  await page.getByRole('button', { name: 'Activité' }).click();
  await expect(page.getByRole('heading', { name: 'Activité' })).toBeVisible();
  await expect(
    page.getByText(/^Activité de cette station : les actes enregistrés ici, pas ceux de toute la région\.$/),
  ).toBeVisible();
  // Months chosen in French (a month and a year), not through the browser's month picker.
  await page.getByLabel('Du mois', { exact: true }).selectOption({ label: 'septembre' });
  await page.getByLabel('Du mois : Année', { exact: true }).selectOption('2026');
  await page.getByLabel('Au mois (inclus)', { exact: true }).selectOption({ label: 'octobre' });
  await page.getByLabel('Au mois (inclus) : Année', { exact: true }).selectOption('2026');
  await page.getByRole('button', { name: 'Afficher' }).click();

  const km = 2 * transportAvoided({ latitude: 48.45, longitude: -4.25 }, { latitude: 48.39, longitude: -4.49 }).km;
  const table = page.getByRole('table', { name: /^Actes réalisés de 2026-09 à 2026-10/ });
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toHaveText(['2026-09', 'Téléexpertise', 'cardiologie', '1', '15', '0', '1'].join(''));
  await expect(rows.nth(2)).toHaveText(
    ['2026-10', 'Téléconsultation', 'dermatologie', '2', '30', String(km), '0'].join(''),
  );
  await expect(rows.nth(3)).toHaveText(['Total', '3', '45', String(km), '1'].join(''));
  await expect(page.getByRole('img', { name: 'Actes par mois et par type' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Temps passé par mois (minutes)' })).toBeVisible();
  await expect(page.getByTestId('activity-km-total')).toHaveText(
    `${km} km évités aux patients, estimés sur 2 acte(s).`,
  );
  await expect(page.getByTestId('activity-method')).toHaveText(
    'Méthode : aller-retour, distance à vol d’oiseau entre la mairie de la commune du patient et celle de la commune du site de l’expert × 1,3 (détour routier moyen).',
  );
  await expect(
    page.getByText('Coordonnées : mairies des communes (6 communes, fichier communes-fixture.csv).'),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: 'Actes sans estimation des km' })).toHaveText(
    '1 acte(s) : commune de résidence du patient non renseignée (fiche du patient).',
  );

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter en CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^activite-.+-2026-09-2026-10\.csv$/);
  const file = path.join(os.tmpdir(), `relais-e2e-activity-${Date.now()}.csv`);
  await download.saveAs(file);
  const csv = fs.readFileSync(file, 'utf8');
  fs.rmSync(file, { force: true });
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const lines = csv.slice(1).split('\r\n');
  expect(lines[0]).toBe(
    'station;mois;type d’acte;spécialité;actes;minutes;km évités;actes sans estimation de transport',
  );
  expect(lines[1]).toMatch(/^.+;2026-09;teleexpertise;cardiologie;1;15;0;1$/);
  expect(lines[2]).toMatch(new RegExp(`^.+;2026-10;teleconsultation;dermatologie;2;30;${km};0$`));
  expect(lines[3]).toMatch(/^Méthode des km évités : aller-retour/);
  expect(lines.slice(4)).toEqual([
    'Coordonnées des communes : mairies (6 communes, fichier communes-fixture.csv)',
    '1 acte(s) sans km : commune de résidence du patient non renseignée',
    '',
  ]);

  // The export is in the station's audit trail, with the file and where it was asked from.
  const auditor = await connectStationClient(station.url);
  try {
    await expect
      .poll(
        async () =>
          (await auditor.value('audit.recent', { limit: 20 })).find((e) => e.event === 'activity.csvExported') ?? null,
      )
      .toMatchObject({
        action: 'export',
        entityId: download.suggestedFilename(),
        detail: '2026-09..2026-10: 2 rows',
        origin: expect.stringMatching(/^websocket /),
      });
    expect(await auditor.value('audit.verify', {})).toMatchObject({ ok: true, brokenAt: null });
  } finally {
    auditor.close();
  }
});

test('without a commune table, the screen says why no km are estimated and where to put the file, in French and English', async ({
  page,
}) => {
  const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-activity-bare-'));
  const other = await startStation(bare, { RELAIS_COMMUNES_CSV: '' });
  try {
    await page.goto(other.url);
    await page.getByRole('button', { name: 'Activité' }).click();
    await expect(page.getByText('Aucun acte réalisé sur cette période.')).toBeVisible();
    await expect(page.getByRole('status')).toHaveText(
      `Aucune table des coordonnées des communes n’est chargée : les km évités ne sont pas estimés. Déposez le fichier « Communes et villes de France » de data.gouv.fr (CSV) ici : ${path.join(bare, 'communes.csv')}, ou demandez au service informatique d’indiquer son emplacement dans les réglages du poste.`,
    );
    // The setting's name is for the IT, in the tooltip only.
    await expect(page.getByRole('status')).toHaveAttribute(
      'title',
      'Réglage du poste pour le service informatique : RELAIS_COMMUNES_CSV',
    );
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: 'Activity' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText(
      'No commune coordinate table is loaded: the km avoided are not estimated.',
    );
    await expect(page.getByRole('button', { name: 'Export as CSV' })).toBeEnabled();
  } finally {
    await other.stop();
    fs.rmSync(bare, { recursive: true, force: true });
  }
});
