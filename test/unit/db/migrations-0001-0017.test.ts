// The migrations are numbered in order, and 0001 to 0017 each add their tables and rules and fill in or move rows.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/main/platform/database/migrate';
import { MIGRATIONS } from '../../../src/main/platform/database/migrations';
import { columns, upTo } from '../../helpers/migrations';

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
});
