// Migrations 0018 to 0024 each add their tables and rules, and fill in or mark the rows stored before.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/platform/database/migrate';
import { columns, upTo } from '../../helpers/migrations';

describe('migrations 0018 to 0024', () => {
  it('0018 adds the patient’s commune of residence and the act site’s commune, empty for older records', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(17));
    expect(columns(db, 'patients')).not.toContain('residence_code');
    migrate(db, upTo(18));
    expect(columns(db, 'patients')).toContain('residence_code');
    expect(columns(db, 'encounters')).toContain('site_commune');
  });

  it('0019 keeps téléexpertise details per act, the messages of each request, and the directory seen', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(19));
    expect(columns(db, 'teleexpertise_requests')).toEqual(['encounter_id', 'context', 'priority', 'submitted_at']);
    db.pragma('foreign_keys = ON');
    // Details belong to an act that exists.
    expect(() =>
      db.prepare("INSERT INTO teleexpertise_requests (encounter_id, priority) VALUES ('nowhere', 'urgent')").run(),
    ).toThrow(/FOREIGN KEY/);
    const message =
      db.prepare(`INSERT INTO teleexpertise_messages (id, request_id, patient_id, kind, author, sent_at, body, origin, received_at)
      VALUES (?, 'r1', 'p1', ?, '{}', 'now', '{}', ?, 'now')`);
    // A message may name a request this station does not hold (the expert's side).
    expect(() => message.run('m1', 'answer', 'here')).not.toThrow();
    expect(() => message.run('m2', 'gossip', 'here')).toThrow(/CHECK/);
    expect(() => message.run('m3', 'answer', 'elsewhere')).toThrow(/CHECK/);
    db.pragma('foreign_keys = OFF');
    expect(() =>
      db.prepare("INSERT INTO teleexpertise_requests (encounter_id, priority) VALUES ('e', 'whenever')").run(),
    ).toThrow(/CHECK/);
    expect(columns(db, 'directory_specialties')).toEqual(['specialty', 'seen_at']);
  });

  it('0020 adds the audit trail: numbered rows with their hashes, an action from the list, never updated nor deleted', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(20));
    expect(columns(db, 'audit_events')).toEqual([
      'seq',
      'id',
      'at',
      'station',
      'who',
      'person',
      'action',
      'event',
      'entity_type',
      'entity_id',
      'patient_ids',
      'outcome',
      'detail',
      'origin',
      'prev_hash',
      'hash',
    ]);
    const insert =
      db.prepare(`INSERT INTO audit_events (seq, id, at, station, who, action, event, outcome, origin, prev_hash, hash)
      VALUES (?, ?, 'now', 's', 's', ?, 'patients.get', 'success', 'ipc', ?, ?)`);
    const h = (c: string) => c.repeat(64);
    expect(() => insert.run(1, 'a', 'read', h('0'), h('1'))).not.toThrow();
    expect(() => insert.run(2, 'b', 'peek', h('1'), h('2'))).toThrow(/CHECK/);
    expect(() => insert.run(3, 'c', 'read', 'short', h('3'))).toThrow(/CHECK/);
    expect(() => insert.run(0, 'd', 'read', h('1'), h('4'))).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE audit_events SET who = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_events WHERE seq = 1').run()).toThrow(/append-only/);
  });

  it('0021 keeps the region’s acknowledgement of each audit row, never updated nor deleted, even when the row goes', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(21));
    expect(columns(db, 'audit_acknowledgements')).toEqual(['seq', 'hash', 'acknowledged_at']);
    const ack = db.prepare("INSERT INTO audit_acknowledgements (seq, hash, acknowledged_at) VALUES (?, ?, 'now')");
    // An acknowledgement does not depend on the row still being there: that is what it is for.
    expect(() => ack.run(1, 'a'.repeat(64))).not.toThrow();
    expect(() => ack.run(1, 'b'.repeat(64))).toThrow(/UNIQUE|PRIMARY/);
    expect(() => ack.run(0, 'b'.repeat(64))).toThrow(/CHECK/);
    expect(() => ack.run(2, 'short')).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE audit_acknowledgements SET hash = ? WHERE seq = 1').run('c'.repeat(64))).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM audit_acknowledgements').run()).toThrow(/append-only/);
  });

  it('0022 marks incomplete the studies an earlier import left partly there: no outbox row, push or conflict of their instance count', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(21));
    db.prepare(
      `INSERT INTO patients (id, version, birth_name, first_name, birth_first_names, birth_date, sex,
      birthplace_code, identity_status, birth_name_key, first_name_key, created_at, updated_at)
      VALUES ('p1', 1, 'A', 'B', 'B', '2000-01-01', 'F', '75111', 'PROV', 'A', 'B', 'now', 'now')`,
    ).run();
    /** A study of `n` instances, as the earlier import wrote it. */
    const study = (uid: string, n: number) => {
      db.prepare("INSERT INTO dicom_studies (study_uid, patient_id, imported_at) VALUES (?, 'p1', 'now')").run(uid);
      db.prepare('INSERT INTO dicom_series (series_uid, study_uid) VALUES (?, ?)').run(`${uid}.1`, uid);
      for (let i = 0; i < n; i++) {
        db.prepare(
          "INSERT INTO dicom_instances (sop_instance_uid, series_uid, sop_class_uid, sha256, size, transfer_syntax) VALUES (?, ?, 'c', ?, 1, 't')",
        ).run(`${uid}.1.${i}`, `${uid}.1`, 'a'.repeat(64));
      }
    };
    const outbox = db.prepare(
      "INSERT INTO outbox (entity, entity_id, entity_version, operation, created_at) VALUES ('imaging_study', ?, ?, 'create', 'now')",
    );
    study('waiting', 3); // announced, its row not sent yet
    outbox.run('waiting', 3);
    study('pushed', 2); // announced and sent
    db.prepare(
      "INSERT INTO sync_resources (entity, entity_id, resource_type, pushed_version, pushed_at) VALUES ('imaging_study', 'pushed', 'ImagingStudy', 2, 'now')",
    ).run();
    study('in-conflict', 2); // a person has it in hand on the sync screen
    db.prepare(
      "INSERT INTO sync_conflicts (entity, entity_id, local_resource, server_resource, detected_at) VALUES ('imaging_study', 'in-conflict', '{}', '{}', 'now')",
    ).run();
    study('cut-short', 45); // killed midway: no row at all
    study('grown-cut-short', 5); // sent at 4, then a second import from a fuller drive killed midway
    db.prepare(
      "INSERT INTO sync_resources (entity, entity_id, resource_type, pushed_version, pushed_at) VALUES ('imaging_study', 'grown-cut-short', 'ImagingStudy', 4, 'now')",
    ).run();
    outbox.run('grown-cut-short', 4);
    migrate(db, upTo(22));
    const marked = db.prepare('SELECT study_uid, incomplete FROM dicom_studies ORDER BY study_uid').all();
    expect(marked).toEqual([
      { study_uid: 'cut-short', incomplete: 1 },
      { study_uid: 'grown-cut-short', incomplete: 1 },
      { study_uid: 'in-conflict', incomplete: 0 },
      { study_uid: 'pushed', incomplete: 0 },
      { study_uid: 'waiting', incomplete: 0 },
    ]);
    expect(() => db.prepare("UPDATE dicom_studies SET incomplete = 2 WHERE study_uid = 'pushed'").run()).toThrow(
      /CHECK/,
    );
  });

  it('0023 marks the outbox rows sent again to a region that lost them, with their place in the dependency order', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(23));
    expect(columns(db, 'outbox')).toContain('resend');
    const insert = db.prepare(
      "INSERT INTO outbox (entity, entity_id, entity_version, operation, created_at, resend) VALUES ('patient', 'p', 1, 'update', 'now', ?)",
    );
    expect(() => insert.run(null)).not.toThrow();
    expect(() => insert.run(0)).not.toThrow();
    expect(() => insert.run(10)).toThrow(/CHECK/);
  });

  it('0024 records who gave each consent (old ones read "unknown") and whether an unusual measurement was confirmed', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(23));
    db.prepare(
      `INSERT INTO patients (id, version, birth_name, first_name, birth_first_names, birth_date, sex,
      birthplace_code, identity_status, birth_name_key, first_name_key, created_at, updated_at)
      VALUES ('p1', 1, 'A', 'B', 'B', '2000-01-01', 'F', '75111', 'PROV', 'A', 'B', 'now', 'now')`,
    ).run();
    db.prepare(
      `INSERT INTO encounters (id, version, patient_id, act, assisted, requester, site, reason, status, created_at, updated_at)
      VALUES ('e1', 1, 'p1', 'teleconsultation', 1, '{}', 's', 'r', 'draft', 'now', 'now')`,
    ).run();
    db.prepare(
      "INSERT INTO encounter_consents (id, encounter_id, scope, decision, collected_by, collected_at) VALUES ('c1', 'e1', 'act', 'given', 'IDE', 'now')",
    ).run();
    db.prepare(
      "INSERT INTO encounter_observations (id, encounter_id, code, vital, taken_at, method, taken_by) VALUES ('o1', 'e1', 'spo2', '{}', 'now', 'manual', 'IDE')",
    ).run();
    migrate(db, upTo(24));
    // Nothing stored before said who consented: "unknown", shown as "non précisé", never guessed.
    expect(db.prepare("SELECT given_by FROM encounter_consents WHERE id = 'c1'").get()).toEqual({
      given_by: '{"kind":"unknown"}',
    });
    expect(db.prepare("SELECT unusual_confirmed FROM encounter_observations WHERE id = 'o1'").get()).toEqual({
      unusual_confirmed: 0,
    });
    expect(() => db.prepare('UPDATE encounter_observations SET unusual_confirmed = 2').run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE encounter_consents SET given_by = 'patient'").run()).toThrow(/CHECK/);
  });
});
