// The activity report's pure parts: the months of a range, the file name, and the CSV lines
// that say where the coordinates came from or why there are none.
import { describe, expect, it } from 'vitest';
import {
  activityCsvFileName,
  activityReportCsv,
  coordinatesNote,
  monthsBetween,
  type ActivityReport,
} from '../../../src/shared/activity/activity-report';

const empty: ActivityReport = {
  station: 'Chariot 3 — EHPAD Kerlann',
  from: '2026-10',
  to: '2026-11',
  rows: [],
  method: null,
  kmMissing: { patientCommune: 0, siteCommune: 0, noTable: 0, notInTable: 0 },
  coordinates: { status: 'missing', file: '/data/communes.csv' },
};

describe('activity report', () => {
  it('lists every month of a range, across a new year', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-03')).toEqual(['2026-03']);
    expect(monthsBetween('2026-04', '2026-03')).toEqual([]);
  });

  it('names the file after the station and the range, in plain characters', () => {
    expect(activityCsvFileName(empty)).toBe('activite-Chariot-3-EHPAD-Kerlann-2026-10-2026-11.csv');
    expect(activityCsvFileName({ ...empty, station: '???' })).toBe('activite-station-2026-10-2026-11.csv');
  });

  it('says in the CSV why km are missing: no table, or a table that cannot be read', () => {
    expect(activityReportCsv(empty).split('\r\n')[1]).toBe(
      'Aucune table des coordonnées des communes n’est chargée (fichier communes.csv absent) : les km évités ne sont pas estimés.',
    );
    const unreadable = coordinatesNote({
      status: 'unreadable',
      file: 'C:\\relais\\communes.csv',
      fr: 'lecture impossible (EACCES).',
      en: 'it cannot be read (EACCES).',
    });
    expect(unreadable).toBe(
      'La table des coordonnées des communes (communes.csv) est illisible : lecture impossible (EACCES). Les km évités ne sont pas estimés.',
    );
    expect(
      coordinatesNote({
        status: 'loaded',
        file: '/data/communes-france-2025.csv',
        reference: 'centre',
        communes: 34935,
        skipped: 0,
      }),
    ).toBe('Coordonnées des communes : centres (34935 communes, fichier communes-france-2025.csv)');
  });
});
