import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/platform/database/connection';
import {
  migrate,
  NewerDatabaseError,
  schemaVersion,
  type Migration,
} from '../../../src/main/platform/database/migrate';
import { MIGRATIONS } from '../../../src/main/platform/database/migrations';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();
const upTo = (version: number) => MIGRATIONS.slice(0, version);
const columns = (db: Database.Database, table: string) =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

describe('migrations', () => {
  it('are numbered 1..n in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('0001 creates the patient registry with one INS per person', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(1));
    expect(schemaVersion(db)).toBe(1);
    expect(columns(db, 'patients')).toEqual(
      expect.arrayContaining(['id', 'birth_name', 'ins_matricule', 'ins_oid', 'identity_status']),
    );
    const insert =
      db.prepare(`INSERT INTO patients (id, version, birth_name, first_name, birth_first_names, birth_date, sex,
      birthplace_code, identity_status, ins_matricule, ins_oid, birth_name_key, first_name_key, created_at, updated_at)
      VALUES (?, 1, 'A', 'B', 'B', '2000-01-01', 'F', '75111', 'QUAL', ?, ?, 'A', 'B', 'now', 'now')`);
    insert.run('p1', '206127511100564', '1.2.250.1.213.1.4.8');
    expect(() => insert.run('p2', '206127511100564', '1.2.250.1.213.1.4.8')).toThrow(/UNIQUE/);
    // Matricule without its OID (or the reverse) cannot be stored.
    expect(() => insert.run('p3', '206127511100564', null)).toThrow(/CHECK/);
    // A revision belongs to a patient that exists.
    expect(() => db.prepare("INSERT INTO patient_revisions VALUES ('nobody', 1, '{}', 'now')").run()).toThrow(
      /FOREIGN KEY/,
    );
    expect(() => db.prepare("INSERT INTO patient_revisions VALUES ('p1', 1, '{}', 'now')").run()).not.toThrow();
  });

  it('0002 adds the outbox and the sync state', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(2));
    expect(schemaVersion(db)).toBe(2);
    expect(columns(db, 'outbox')).toEqual([
      'seq',
      'entity',
      'entity_id',
      'entity_version',
      'operation',
      'created_at',
      'attempts',
      'last_error',
    ]);
    expect(() =>
      db
        .prepare(
          "INSERT INTO outbox (entity, entity_id, entity_version, operation, created_at) VALUES ('patient', 'x', 1, 'merge', 'now')",
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it('0003 lets the duplicate check use indexes instead of scanning the registry', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(3));
    expect(schemaVersion(db)).toBe(3);
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT * FROM patients WHERE substr(birth_date, 1, 4) = '1950' OR substr(birth_date, 6) = '03-12'
        OR birth_name_key = 'X' OR used_name_key = 'X'`,
      )
      .all()
      .map((row) => (row as { detail: string }).detail)
      .join('\n');
    expect(plan).not.toMatch(/SCAN patients/);
    expect(plan).toContain('patients_birth_year');
    expect(plan).toContain('patients_birth_month_day');
  });

  it('0004 indexes name tokens, filling them in for the patients already stored', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(3));
    db.prepare(
      `INSERT INTO patients (id, version, birth_name, first_name, birth_first_names, birth_date, sex,
      birthplace_code, identity_status, used_name, birth_name_key, first_name_key, created_at, updated_at)
      VALUES ('p1', 1, 'LE GALL', 'ANNE', 'ANNE MARIE', '2000-01-01', 'F', '75111', 'PROV', 'MORVAN', 'LEGALL', 'ANNE MARIE', 'now', 'now')`,
    ).run();
    migrate(db, upTo(4));
    const tokens = (
      db.prepare("SELECT token FROM patient_name_tokens WHERE patient_id = 'p1' ORDER BY token").all() as {
        token: string;
      }[]
    ).map((r) => r.token);
    expect(tokens).toEqual(['ANNE', 'ANNEMARIE', 'GALL', 'LE', 'LEGALL', 'MARIE', 'MORVAN']);
    const plan = (
      db
        .prepare(
          "EXPLAIN QUERY PLAN SELECT * FROM patients WHERE id IN (SELECT patient_id FROM patient_name_tokens WHERE token >= 'GA' AND token < 'GA[')",
        )
        .all() as { detail: string }[]
    )
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/SEARCH patient_name_tokens USING (PRIMARY KEY|COVERING INDEX)/);
    db.prepare("DELETE FROM patients WHERE id = 'p1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM patient_name_tokens').get()).toEqual({ n: 0 }); // cascade
  });

  it('0005 keeps a journal of calls and their chat, each message once', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, upTo(5));
    expect(columns(db, 'calls')).toEqual(
      expect.arrayContaining(['id', 'direction', 'remote_id', 'accepted_at', 'end_reason', 'end_detail']),
    );
    db.prepare(
      "INSERT INTO calls (id, direction, remote_id, remote_name, remote_role, remote_site, ringing_at) VALUES ('c1', 'outgoing', 'dr', 'Dr', 'expert', 'CHU', 'now')",
    ).run();
    const chat = db.prepare("INSERT INTO call_chat VALUES (?, 'm1', 'sent', 'IDE', 'Bonjour', 'now')");
    chat.run('c1');
    expect(() => chat.run('c1')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => chat.run('no-such-call')).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO calls (id, direction, remote_id, remote_name, remote_role, remote_site, ringing_at) VALUES ('c2', 'sideways', 'dr', 'Dr', 'expert', 'CHU', 'now')",
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it('0006 keeps call attachments: a body site for each auscultation, none for a snapshot', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, upTo(6));
    db.prepare(
      "INSERT INTO calls (id, direction, remote_id, remote_name, remote_role, remote_site, ringing_at) VALUES ('c1', 'outgoing', 'dr', 'Dr', 'expert', 'CHU', 'now')",
    ).run();
    const insert = db.prepare(
      "INSERT INTO call_attachments VALUES (?, ?, ?, 'audio/wav', 10, ?, ?, 'steth', 'IDE', 'now')",
    );
    const sha = 'a'.repeat(64);
    insert.run('a1', 'c1', 'auscultation', sha, 'mitral');
    expect(() => insert.run('a2', 'c1', 'auscultation', sha, null)).toThrow(/CHECK/);
    expect(() => insert.run('a3', 'c1', 'snapshot', sha, 'mitral')).toThrow(/CHECK/);
    expect(() => insert.run('a4', 'nope', 'snapshot', sha, null)).toThrow(/FOREIGN KEY/);
    expect(() => insert.run('a5', 'c1', 'snapshot', 'short', null)).toThrow(/CHECK/);
  });

  it('0013 moves call attachments into attachments, of a call or of an act, documents included', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, upTo(12));
    db.prepare(
      "INSERT INTO calls (id, direction, remote_id, remote_name, remote_role, remote_site, ringing_at) VALUES ('c1', 'outgoing', 'dr', 'Dr', 'expert', 'CHU', 'now')",
    ).run();
    const sha = 'b'.repeat(64);
    db.prepare(
      "INSERT INTO call_attachments VALUES ('a1', 'c1', 'auscultation', 'audio/wav', 10, ?, 'mitral', 'steth', 'IDE', 'now')",
    ).run(sha);
    db.prepare(
      "INSERT INTO outbox (entity, entity_id, entity_version, operation, created_at) VALUES ('call_attachment', 'a1', 1, 'create', 'now')",
    ).run();
    migrate(db, upTo(13));
    expect(db.prepare('SELECT id, call_id, encounter_id, kind, body_site FROM attachments').all()).toEqual([
      { id: 'a1', call_id: 'c1', encounter_id: null, kind: 'auscultation', body_site: 'mitral' },
    ]);
    expect(db.prepare('SELECT entity FROM outbox').all()).toEqual([{ entity: 'attachment' }]);
    const insert = db.prepare(
      "INSERT INTO attachments (id, call_id, encounter_id, kind, mime, size, sha256, body_site, device, author, taken_at) VALUES (?, ?, ?, ?, 'application/pdf', 10, ?, NULL, 'import', 'IDE', 'now')",
    );
    expect(() => insert.run('a2', null, null, 'document', sha)).toThrow(/CHECK/); // of a call or of an act
    expect(() => insert.run('a3', 'c1', null, 'video', sha)).toThrow(/CHECK/);
    insert.run('a4', 'c1', null, 'document', sha);
    expect(() => insert.run('a5', null, 'no-such-act', 'document', sha)).toThrow(/FOREIGN KEY/);
  });

  it('0007 records acts for known patients, with their consents and vital signs', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, upTo(7));
    const insert =
      db.prepare(`INSERT INTO encounters (id, version, patient_id, act, assisted, requester, site, reason, status, created_at, updated_at)
      VALUES ('e1', 1, ?, ?, 1, '{}', 'EHPAD', 'Plaie', ?, 'now', 'now')`);
    expect(() => insert.run('nobody', 'teleconsultation', 'draft')).toThrow(/FOREIGN KEY/);
    db.prepare(
      `INSERT INTO patients (id, version, birth_name, first_name, birth_first_names, birth_date, sex,
      birthplace_code, identity_status, birth_name_key, first_name_key, created_at, updated_at)
      VALUES ('p1', 1, 'A', 'B', 'B', '2000-01-01', 'F', '75111', 'PROV', 'A', 'B', 'now', 'now')`,
    ).run();
    expect(() => insert.run('p1', 'telepresence', 'draft')).toThrow(/CHECK/);
    expect(() => insert.run('p1', 'teleconsultation', 'done')).toThrow(/CHECK/);
    insert.run('p1', 'teleconsultation', 'draft');
    expect(() =>
      db.prepare("INSERT INTO encounter_consents VALUES ('c1', 'e1', 'everything', 'given', 'IDE', 'now')").run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare("INSERT INTO encounter_observations VALUES ('o1', 'nope', 'spo2', '{}', 'now', 'device', NULL, 'IDE')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('0008 adds what the sync needs: server versions, parked or waiting rows, conflicts', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(8));
    expect(columns(db, 'outbox')).toEqual(expect.arrayContaining(['parked', 'next_attempt_at']));
    expect(columns(db, 'sync_resources')).toEqual([
      'entity',
      'entity_id',
      'resource_type',
      'server_version_id',
      'pushed_version',
      'pushed_at',
    ]);
    expect(columns(db, 'sync_conflicts')).toEqual(
      expect.arrayContaining(['local_resource', 'server_resource', 'resolved_at']),
    );
    expect(() =>
      db
        .prepare(
          "INSERT INTO outbox (entity, entity_id, entity_version, operation, created_at, parked) VALUES ('patient', 'x', 1, 'create', 'now', 2)",
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it('0009 keeps one resumable upload per stored file', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(9));
    const insert = db.prepare('INSERT INTO sync_uploads (sha256, url) VALUES (?, ?)');
    insert.run('a'.repeat(64), 'http://hub/uploads/1');
    expect(() => insert.run('a'.repeat(64), 'http://hub/uploads/2')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run('short', 'http://hub/uploads/3')).toThrow(/CHECK/);
  });

  it('0015 gives each image a position along its series, empty for images imported before', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(14));
    expect(columns(db, 'dicom_instances')).not.toContain('slice_position');
    migrate(db, upTo(15));
    expect(columns(db, 'dicom_instances')).toContain('slice_position');
  });

  it('0016 keeps each act’s stroke sheet and an append-only journal of its changes', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(16));
    expect(columns(db, 'stroke_sheets')).toEqual(['encounter_id', 'version', 'sheet', 'updated_at']);
    db.pragma('foreign_keys = OFF');
    const insert = db.prepare(
      "INSERT INTO stroke_changes (encounter_id, version, change, by, at) VALUES ('e1', ?, '{}', 'Dr A', 'now')",
    );
    insert.run(1);
    expect(() => insert.run(1)).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE stroke_changes SET by = 'someone else'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM stroke_changes').run()).toThrow(/append-only/);
  });

  it('0017 keeps one PDF per signed report, with its size and SHA-256, never changed nor deleted', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(17));
    expect(columns(db, 'report_pdfs')).toEqual(['report_id', 'file_name', 'size', 'sha256', 'data', 'rendered_at']);
    db.pragma('foreign_keys = OFF');
    const insert = db.prepare(
      "INSERT INTO report_pdfs (report_id, file_name, size, sha256, data, rendered_at) VALUES (?, 'cr.pdf', ?, ?, ?, 'now')",
    );
    const sha256 = 'a'.repeat(64);
    insert.run('r1', 4, sha256, Buffer.from('%PDF'));
    expect(() => insert.run('r1', 4, sha256, Buffer.from('%PDF'))).toThrow(/UNIQUE/);
    expect(() => insert.run('r2', 5, sha256, Buffer.from('%PDF'))).toThrow(/CHECK/); // the size is the bytes'
    expect(() => insert.run('r3', 4, 'abc', Buffer.from('%PDF'))).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE report_pdfs SET file_name = 'autre.pdf'").run()).toThrow(/never changed/);
    expect(() => db.prepare('DELETE FROM report_pdfs').run()).toThrow(/never changed/);
  });

  it('0017 queues the reports signed before to sync again, with their PDF; a corrected one as superseded (version 2)', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(16));
    db.pragma('foreign_keys = OFF');
    const report = db.prepare(
      "INSERT INTO encounter_reports (id, encounter_id, text, author, signed_at, replaces) VALUES (?, 'e1', 'Avis', '{}', ?, ?)",
    );
    report.run('first', '2026-11-20T10:00:00.000Z', null);
    report.run('correction', '2026-11-20T11:00:00.000Z', 'first');
    migrate(db, upTo(17));
    expect(db.prepare('SELECT entity, entity_id, entity_version, operation FROM outbox ORDER BY seq').all()).toEqual([
      { entity: 'report', entity_id: 'first', entity_version: 2, operation: 'update' },
      { entity: 'report', entity_id: 'correction', entity_version: 1, operation: 'update' },
    ]);
  });

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

  it('keeps data across an upgrade from an earlier version', () => {
    const file = path.join(tempDir(), 'db.sqlite');
    const old = new Database(file);
    migrate(old, upTo(1));
    old
      .prepare(
        `INSERT INTO patients (id, version, birth_name, first_name, birth_first_names, birth_date, sex,
      birthplace_code, identity_status, birth_name_key, first_name_key, created_at, updated_at)
      VALUES ('p1', 1, 'A', 'B', 'B', '2000-01-01', 'F', '75111', 'PROV', 'A', 'B', 'now', 'now')`,
      )
      .run();
    old.close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT count(*) AS n FROM patients').get()).toEqual({ n: 1 });
  });

  it('rolls a failing migration back whole and leaves the version as it was', () => {
    const db = new Database(':memory:');
    const broken: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'broken',
      up: (d) => d.exec('CREATE TABLE half (x); SELECT * FROM nowhere;'),
    };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow(/nowhere/);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
  });

  it('refuses a database written by a newer Relais, without touching it', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 99');
    expect(() => migrate(db, MIGRATIONS)).toThrow(NewerDatabaseError);
    expect(schemaVersion(db)).toBe(99);
  });

  it('opens with WAL, foreign keys and a busy timeout', () => {
    const db = openDatabase(path.join(tempDir(), 'db.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });
});
