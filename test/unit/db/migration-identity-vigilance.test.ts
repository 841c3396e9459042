// The identity-vigilance migration (issue 18): a RECUP or QUAL identity stored before could have
// been reached by typing an INS, which proves nothing (RNIV volet 1, status matrix: RECUP and QUAL
// follow an answer of the INSi teleservice). None keeps a status it could not have: QUAL goes to
// VALI (its document had been checked), RECUP to PROV; the INS is kept "to be checked", the
// reason in the history, and the new version is queued for the region. Found by its name, so
// that renumbering it at merge time changes nothing here.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/platform/database/migrate';
import { MIGRATIONS } from '../../../src/main/platform/database/migrations';

const index = MIGRATIONS.findIndex((m) => m.name.endsWith('-identity-vigilance'));

function insertPatient(db: Database.Database, id: string, status: string, matricule: string | null) {
  db.prepare(
    `INSERT INTO patients (id, version, birth_name, first_name, birth_first_names, birth_date, sex, birthplace_code,
      identity_status, ins_matricule, ins_oid, birth_name_key, first_name_key, created_at, updated_at)
    VALUES (?, 3, 'MARTIN', 'JEANNE', 'JEANNE', '1906-12-03', 'F', '75111', ?, ?, ?, 'MARTIN', 'JEANNE', 'then', 'then')`,
  ).run(id, status, matricule, matricule ? '1.2.250.1.213.1.4.8' : null);
}

describe('the identity-vigilance migration (RNIV volet 1: RECUP and QUAL only after INSi)', () => {
  it('lowers every RECUP and QUAL identity, keeps its INS "to be checked", says why in its history, queues it for the region', () => {
    expect(index).toBeGreaterThan(0);
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, index));
    insertPatient(db, 'qual', 'QUAL', '206127511100564');
    insertPatient(db, 'recup', 'RECUP', '256122901900168');
    insertPatient(db, 'vali', 'VALI', null);
    insertPatient(db, 'prov', 'PROV', null);
    migrate(db, MIGRATIONS.slice(0, index + 1));

    const rows = db
      .prepare(
        'SELECT id, version, identity_status, ins_matricule, typed_ins_matricule, typed_ins_oid FROM patients ORDER BY id',
      )
      .all();
    expect(rows).toEqual([
      {
        id: 'prov',
        version: 3,
        identity_status: 'PROV',
        ins_matricule: null,
        typed_ins_matricule: null,
        typed_ins_oid: null,
      },
      {
        id: 'qual',
        version: 4,
        identity_status: 'VALI',
        ins_matricule: null,
        typed_ins_matricule: '206127511100564',
        typed_ins_oid: '1.2.250.1.213.1.4.8',
      },
      {
        id: 'recup',
        version: 4,
        identity_status: 'PROV',
        ins_matricule: null,
        typed_ins_matricule: '256122901900168',
        typed_ins_oid: '1.2.250.1.213.1.4.8',
      },
      {
        id: 'vali',
        version: 3,
        identity_status: 'VALI',
        ins_matricule: null,
        typed_ins_matricule: null,
        typed_ins_oid: null,
      },
    ]);
    const history = db
      .prepare('SELECT patient_id, version, by, operation, changes_json FROM identity_history ORDER BY patient_id')
      .all() as { changes_json: string }[];
    expect(history.map(({ changes_json: _c, ...h }) => h)).toEqual([
      { patient_id: 'qual', version: 4, by: 'Relais', operation: 'lowered_without_insi' },
      { patient_id: 'recup', version: 4, by: 'Relais', operation: 'lowered_without_insi' },
    ]);
    expect(JSON.parse(history[0]!.changes_json)).toEqual([
      { field: 'identityStatus', from: 'QUAL', to: 'VALI' },
      { field: 'ins', from: '206127511100564 (1.2.250.1.213.1.4.8)', to: null },
      { field: 'typedIns', from: null, to: '206127511100564 (1.2.250.1.213.1.4.8)' },
    ]);
    expect(
      db.prepare('SELECT entity, entity_id, entity_version, operation FROM outbox ORDER BY entity_id').all(),
    ).toEqual([
      { entity: 'patient', entity_id: 'qual', entity_version: 4, operation: 'update' },
      { entity: 'patient', entity_id: 'recup', entity_version: 4, operation: 'update' },
    ]);
    const revision = db
      .prepare("SELECT version, identity_json FROM patient_revisions WHERE patient_id = 'qual'")
      .get() as { version: number; identity_json: string };
    expect(revision.version).toBe(3);
    expect(JSON.parse(revision.identity_json)).toMatchObject({
      identityStatus: 'QUAL',
      ins: { matricule: '206127511100564' },
    });
    // The history is never rewritten.
    expect(() => db.prepare("UPDATE identity_history SET by = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM identity_history').run()).toThrow(/append-only/);
  });
});
