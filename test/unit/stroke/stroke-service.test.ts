// The stroke service's own guards, whatever screen sent the change: an act this station does not
// hold has no sheet, and a closed act's sheet takes no change (and nothing is written for it).
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EncounterRepository } from '../../../src/main/acts';
import { openDatabase, type Db } from '../../../src/main/platform/database/connection';
import { createStrokeService } from '../../../src/main/stroke';
import type { Encounter } from '../../../src/shared/acts/encounter';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir('relais-stroke-service-');
const dbs: Db[] = [];
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

const ACT_ID = '00000000-0000-4000-8000-000000000001';

function strokeService(acts: Record<string, Pick<Encounter, 'status' | 'patientId'>>) {
  const db = openDatabase(path.join(tempDir(), 'relais.sqlite'));
  dbs.push(db);
  const changed: string[] = [];
  // Only get() is read by the service: the act's status and patient.
  const encounters = { get: (id: string) => acts[id] ?? null } as unknown as EncounterRepository;
  const service = createStrokeService({
    db,
    encounters,
    patients: { get: () => null },
    now: () => new Date('2026-11-23T09:40:00Z'),
    onChanged: (id) => changed.push(id),
  });
  return { db, service, changed };
}

describe('stroke service', () => {
  it('has no sheet for an act this station does not hold', () => {
    const { service, changed } = strokeService({});
    expect(() => service.sheet(ACT_ID)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => service.change(ACT_ID, { kind: 'nihss', item: '1a', score: 1 }, 'Dr Kerleau')).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
    expect(changed).toEqual([]);
  });

  it('refuses a change to a closed act and writes nothing', () => {
    const { db, service, changed } = strokeService({ [ACT_ID]: { status: 'closed', patientId: 'p1' } });
    expect(() => service.change(ACT_ID, { kind: 'nihss', item: '1a', score: 1 }, 'Dr Kerleau')).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        fields: [{ path: 'encounterId', code: 'encounter.closed' }],
      }),
    );
    expect(db.prepare('SELECT COUNT(*) AS n FROM stroke_changes').get()).toEqual({ n: 0 });
    expect(changed).toEqual([]);
  });
});
