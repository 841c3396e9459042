// The coordinator's activity report through the contract, on a real station (SQLite): acts that
// took place counted in their French month by type and specialty with their minutes, drafts and
// cancellations left out, km avoided from the commune table (a fixture, not real data) with the
// reason for each act left without an estimate, and the table read again when it changes.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { activityReportCsv } from '../../src/shared/activity/activity-report';
import { transportAvoided } from '../../src/shared/activity/transport-avoided';
import type { EncounterStatus } from '../../src/shared/acts/encounter';
import { provisionalIdentity, validatedIdentity } from '../helpers/identities';
import { openStation } from '../helpers/station';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

const FIXTURE = path.resolve('test/fixtures/communes/communes-fixture.csv');
// The fixture's (rounded) town halls.
const LANDERNEAU = { latitude: 48.45, longitude: -4.25 };
const BREST = { latitude: 48.39, longitude: -4.49 };
const RENNES = { latitude: 48.11, longitude: -1.68 };

async function stationWithActs(communesFile: string) {
  const dir = tempDir();
  let clock = new Date('2026-09-01T08:00:00.000Z');
  const station = openStation(dir, () => clock, { communesFile });
  opened.push(station);
  const patient = async (identity: ReturnType<typeof validatedIdentity>) => {
    const created = await station.value('patients.create', { identity });
    if (created.status !== 'created') throw new Error('patient not created');
    return created.patient.id;
  };
  const inLanderneau = await patient(validatedIdentity({ residenceCode: '29103' }));
  const unknownHome = await patient(provisionalIdentity());
  const act = async (a: {
    patientId: string;
    act?: 'teleconsultation' | 'teleexpertise';
    specialty: string;
    siteCommune: string | null;
    start?: string;
    minutes?: number;
    last: EncounterStatus;
  }) => {
    if (a.start) clock = new Date(a.start);
    const created = await station.value('encounters.create', {
      patientId: a.patientId,
      act: a.act ?? 'teleconsultation',
      assisted: true,
      requester: { name: 'IDE Morvan', role: 'nurse' },
      site: 'CHU',
      siteCommune: a.siteCommune,
      specialty: a.specialty,
      reason: 'Suivi',
    });
    if (a.last === 'draft') return;
    await station.value('encounters.consent', {
      encounterId: created.id,
      scope: 'act',
      decision: 'given',
      givenBy: { kind: 'patient' },
      collectedBy: 'IDE Morvan',
      collectedAt: clock.toISOString(),
    });
    let version = created.version;
    for (const status of ['in_progress', 'awaiting_report', 'closed'] as const) {
      if (status !== 'in_progress' && a.minutes !== undefined && status === 'awaiting_report')
        clock = new Date(clock.getTime() + a.minutes * 60_000);
      version = (await station.value('encounters.setStatus', { id: created.id, version, status })).version;
      if (status === a.last) return;
    }
  };
  // October: a téléconsultation from Landerneau to Brest (20 min), one to a site not in the table
  // (10 min), and a téléexpertise for a patient whose commune is not known (15 min).
  await act({
    patientId: inLanderneau,
    specialty: 'dermatologie',
    siteCommune: '29019',
    start: '2026-10-05T08:00:00.000Z',
    minutes: 20,
    last: 'closed',
  });
  await act({
    patientId: inLanderneau,
    specialty: 'dermatologie',
    siteCommune: '56260',
    start: '2026-10-12T08:00:00.000Z',
    minutes: 10,
    last: 'closed',
  });
  await act({
    patientId: unknownHome,
    act: 'teleexpertise',
    specialty: 'cardiologie',
    siteCommune: '29019',
    start: '2026-10-20T13:00:00.000Z',
    minutes: 15,
    last: 'awaiting_report',
  });
  // 23:30 UTC on 31 October is 1 November in Paris: November's, still in progress (no minutes yet).
  await act({
    patientId: inLanderneau,
    specialty: 'dermatologie',
    siteCommune: '35238',
    start: '2026-10-31T23:30:00.000Z',
    last: 'in_progress',
  });
  // November: an act whose site commune was not given (5 min); a draft; a draft cancelled.
  await act({
    patientId: inLanderneau,
    specialty: 'dermatologie',
    siteCommune: null,
    start: '2026-11-10T09:00:00.000Z',
    minutes: 5,
    last: 'closed',
  });
  await act({ patientId: inLanderneau, specialty: 'dermatologie', siteCommune: '29019', last: 'draft' });
  const cancelled = await station.value('encounters.create', {
    patientId: inLanderneau,
    act: 'teleconsultation',
    assisted: true,
    requester: { name: 'IDE Morvan', role: 'nurse' },
    site: 'CHU',
    reason: 'Annulé',
  });
  await station.value('encounters.setStatus', { id: cancelled.id, version: 1, status: 'closed' });
  // September and December: outside the range asked for.
  await act({
    patientId: inLanderneau,
    specialty: 'dermatologie',
    siteCommune: '29019',
    start: '2026-09-15T08:00:00.000Z',
    minutes: 30,
    last: 'closed',
  });
  await act({
    patientId: inLanderneau,
    specialty: 'dermatologie',
    siteCommune: '29019',
    start: '2026-12-01T08:00:00.000Z',
    minutes: 30,
    last: 'closed',
  });
  return { dir, station };
}

describe('activity report', () => {
  it('counts the acts that took place by French month, type and specialty, with minutes and km avoided', async () => {
    const { station } = await stationWithActs(FIXTURE);
    const report = await station.value('activity.monthly', { from: '2026-10', to: '2026-11' });
    const toBrest = transportAvoided(LANDERNEAU, BREST).km;
    const toRennes = transportAvoided(LANDERNEAU, RENNES).km;
    expect(toBrest).toBeGreaterThan(2 * 19);
    expect(toBrest).toBeLessThan(2 * 19 * 1.5);
    expect(report).toMatchObject({ station: 'test-cart', from: '2026-10', to: '2026-11' });
    expect(report.rows).toEqual([
      {
        month: '2026-10',
        act: 'teleconsultation',
        specialty: 'dermatologie',
        acts: 2,
        minutes: 30,
        km: toBrest,
        kmUnknown: 1,
      },
      { month: '2026-10', act: 'teleexpertise', specialty: 'cardiologie', acts: 1, minutes: 15, km: 0, kmUnknown: 1 },
      {
        month: '2026-11',
        act: 'teleconsultation',
        specialty: 'dermatologie',
        acts: 2,
        minutes: 5,
        km: toRennes,
        kmUnknown: 1,
      },
    ]);
    expect(report.kmMissing).toEqual({ patientCommune: 1, siteCommune: 1, noTable: 0, notInTable: 1 });
    expect(report.coordinates).toEqual({
      status: 'loaded',
      file: FIXTURE,
      reference: 'mairie',
      communes: 6,
      skipped: 4,
    });
    expect(report.method).toBe(
      'aller-retour, distance à vol d’oiseau entre la mairie de la commune du patient et celle de la commune du site de l’expert × 1,3 (détour routier moyen)',
    );

    const csv = activityReportCsv(report).split('\r\n');
    expect(csv[1]).toBe(`test-cart;2026-10;teleconsultation;dermatologie;2;30;${toBrest};1`);
    expect(csv.slice(4)).toEqual([
      `Méthode des km évités : ${report.method}`,
      'Coordonnées des communes : mairies (6 communes, fichier communes-fixture.csv)',
      '1 acte(s) sans km : commune de résidence du patient non renseignée',
      '1 acte(s) sans km : commune du site de l’expert non renseignée',
      '1 acte(s) sans km : commune absente de la table des coordonnées',
      '',
    ]);
  });

  it('says why no km is estimated without a table, and reads the table once it is put in place', async () => {
    const missing = path.join(tempDir(), 'communes.csv');
    const { station } = await stationWithActs(missing);
    const without = await station.value('activity.monthly', { from: '2026-10', to: '2026-10' });
    expect(without.rows.map((r) => [r.acts, r.minutes, r.km, r.kmUnknown])).toEqual([
      [2, 30, 0, 2],
      [1, 15, 0, 1],
    ]);
    expect(without.method).toBeNull();
    expect(without.coordinates).toEqual({ status: 'missing', file: missing });
    expect(without.kmMissing).toEqual({ patientCommune: 1, siteCommune: 0, noTable: 2, notInTable: 0 });
    expect(activityReportCsv(without)).toContain(
      'Aucune table des coordonnées des communes n’est chargée (fichier communes.csv absent) : les km évités ne sont pas estimés.',
    );

    fs.writeFileSync(missing, 'Code_commune_INSEE;Nom_de_la_commune;Code_postal\r\n29019;BREST;29200\r\n');
    const unreadable = await station.value('activity.monthly', { from: '2026-10', to: '2026-10' });
    expect(unreadable.coordinates).toMatchObject({
      status: 'unreadable',
      fr: expect.stringMatching(/^Ce fichier n’est pas une table des communes/),
      en: expect.stringMatching(/^This file is not a commune table/),
    });

    fs.copyFileSync(FIXTURE, missing);
    const loaded = await station.value('activity.monthly', { from: '2026-10', to: '2026-10' });
    expect(loaded.coordinates).toMatchObject({ status: 'loaded', communes: 6 });
    expect(loaded.rows[0]!.km).toBe(transportAvoided(LANDERNEAU, BREST).km);
  });

  it('refuses a range that runs backwards or spans more than five years, naming the field', async () => {
    const station = openStation(tempDir());
    opened.push(station);
    expect(await station.call('activity.monthly', { from: '2026-11', to: '2026-10' })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', fields: [{ path: 'to', code: 'activity.range_backwards' }] },
    });
    expect(await station.call('activity.monthly', { from: '2020-01', to: '2026-10' })).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'from', code: 'activity.range_too_long' }] },
    });
    expect(await station.call('activity.monthly', { from: '2026-13', to: '2026-10' })).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'from', code: 'month.invalid' }] },
    });
    expect(await station.value('activity.monthly', { from: '2026-01', to: '2026-12' })).toMatchObject({
      rows: [],
      method: null,
      kmMissing: { patientCommune: 0, siteCommune: 0, noTable: 0, notInTable: 0 },
    });
  });
});
