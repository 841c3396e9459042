// Reads and writes encounters, consents and observations. Callers own transactions.
import type { Consent, Encounter, Observation, Professional, Report, Vital } from '../../shared/acts/encounter';
import type { StoredConsentGiver } from '../../shared/acts/consent';
import type { Attachment } from '../../shared/acts/attachments';
import { attachmentFromRow, type AttachmentRow } from '../calls';
import type { Db } from '../platform/database/connection';

interface EncounterRow {
  id: string;
  version: number;
  patient_id: string;
  act: Encounter['act'];
  assisted: number;
  requester: string;
  expert: string | null;
  site: string;
  site_commune: string | null;
  specialty: string | null;
  reason: string;
  call_id: string | null;
  status: Encounter['status'];
  started_at: string | null;
  ended_at: string | null;
  created_at: string;
  updated_at: string;
}

const fromRow = (r: EncounterRow): Encounter => ({
  id: r.id,
  version: r.version,
  patientId: r.patient_id,
  act: r.act,
  assisted: r.assisted === 1,
  requester: JSON.parse(r.requester) as Professional,
  expert: r.expert ? (JSON.parse(r.expert) as Professional) : null,
  site: r.site,
  siteCommune: r.site_commune,
  specialty: r.specialty,
  reason: r.reason,
  callId: r.call_id,
  status: r.status,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toRow = (e: Encounter) => ({
  id: e.id,
  version: e.version,
  patient_id: e.patientId,
  act: e.act,
  assisted: e.assisted ? 1 : 0,
  requester: JSON.stringify(e.requester),
  expert: e.expert ? JSON.stringify(e.expert) : null,
  site: e.site,
  site_commune: e.siteCommune,
  specialty: e.specialty,
  reason: e.reason,
  call_id: e.callId,
  status: e.status,
  started_at: e.startedAt,
  ended_at: e.endedAt,
  created_at: e.createdAt,
  updated_at: e.updatedAt,
});

interface ConsentRow {
  id: string;
  encounter_id: string;
  scope: Consent['scope'];
  decision: Consent['decision'];
  given_by: string;
  collected_by: string;
  collected_at: string;
}
const consentFromRow = (r: ConsentRow): Consent => ({
  id: r.id,
  encounterId: r.encounter_id,
  scope: r.scope,
  decision: r.decision,
  givenBy: JSON.parse(r.given_by) as StoredConsentGiver,
  collectedBy: r.collected_by,
  collectedAt: r.collected_at,
});
interface ObservationRow {
  id: string;
  encounter_id: string;
  vital: string;
  taken_at: string;
  method: Observation['method'];
  device: string | null;
  taken_by: string;
  unusual_confirmed: number;
}
const observationFromRow = (r: ObservationRow): Observation => ({
  id: r.id,
  encounterId: r.encounter_id,
  vital: JSON.parse(r.vital) as Vital,
  takenAt: r.taken_at,
  method: r.method,
  device: r.device,
  takenBy: r.taken_by,
  unusualConfirmed: r.unusual_confirmed === 1,
});

export interface EncounterRepository {
  insert(encounter: Encounter): void;
  /** Writes the new version over the one read; false when someone changed it meanwhile. */
  update(encounter: Encounter, expectedVersion: number): boolean;
  get(id: string): Encounter | null;
  forPatient(patientId: string, limit: number): Encounter[];
  /** The acts not closed yet, the last changed first. */
  open(limit: number): Encounter[];
  /** The act held during this call, if one was linked to it. */
  ofCall(callId: string): Encounter | null;
  addConsent(consent: Consent): void;
  consents(encounterId: string): Consent[];
  addObservation(observation: Observation): void;
  observations(encounterId: string): Observation[];
  observation(id: string): Observation | null;
  consent(id: string): Consent | null;
  addReport(report: Report): void;
  reports(encounterId: string): Report[];
  report(id: string): Report | null;
  /** The act's files: added to it directly, and those of the call it was held in. */
  attachments(encounterId: string, callId: string | null): Attachment[];
}

interface ReportRow {
  id: string;
  encounter_id: string;
  text: string;
  author: string;
  signed_at: string;
  replaces: string | null;
}
const reportFromRow = (r: ReportRow): Report => ({
  id: r.id,
  encounterId: r.encounter_id,
  text: r.text,
  author: JSON.parse(r.author) as Professional,
  signedAt: r.signed_at,
  replaces: r.replaces,
});

export function createEncounterRepository(db: Db): EncounterRepository {
  const insertStmt =
    db.prepare(`INSERT INTO encounters (id, version, patient_id, act, assisted, requester, expert, site, site_commune, specialty, reason, call_id, status, started_at, ended_at, created_at, updated_at)
    VALUES (@id, @version, @patient_id, @act, @assisted, @requester, @expert, @site, @site_commune, @specialty, @reason, @call_id, @status, @started_at, @ended_at, @created_at, @updated_at)`);
  const updateStmt =
    db.prepare(`UPDATE encounters SET version = @version, act = @act, assisted = @assisted, requester = @requester, expert = @expert, site = @site, site_commune = @site_commune,
    specialty = @specialty, reason = @reason, call_id = @call_id, status = @status, started_at = @started_at, ended_at = @ended_at, updated_at = @updated_at
    WHERE id = @id AND version = @expected`);
  const getStmt = db.prepare<[string], EncounterRow>('SELECT * FROM encounters WHERE id = ?');
  const forPatientStmt = db.prepare<[string, number], EncounterRow>(
    'SELECT * FROM encounters WHERE patient_id = ? ORDER BY created_at DESC LIMIT ?',
  );
  const consentStmt = db.prepare(
    'INSERT INTO encounter_consents (id, encounter_id, scope, decision, given_by, collected_by, collected_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const consentsStmt = db.prepare<[string], ConsentRow>(
    'SELECT * FROM encounter_consents WHERE encounter_id = ? ORDER BY collected_at, rowid',
  );
  const observationStmt =
    db.prepare(`INSERT INTO encounter_observations (id, encounter_id, code, vital, taken_at, method, device, taken_by, unusual_confirmed)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const observationsStmt = db.prepare<[string], ObservationRow>(
    'SELECT * FROM encounter_observations WHERE encounter_id = ? ORDER BY taken_at, rowid',
  );
  const consentByIdStmt = db.prepare<[string], ConsentRow>('SELECT * FROM encounter_consents WHERE id = ?');
  const observationByIdStmt = db.prepare<[string], ObservationRow>('SELECT * FROM encounter_observations WHERE id = ?');
  const reportStmt = db.prepare(
    'INSERT INTO encounter_reports (id, encounter_id, text, author, signed_at, replaces) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const reportsStmt = db.prepare<[string], ReportRow>(
    'SELECT * FROM encounter_reports WHERE encounter_id = ? ORDER BY signed_at, rowid',
  );
  const reportByIdStmt = db.prepare<[string], ReportRow>('SELECT * FROM encounter_reports WHERE id = ?');
  const attachmentsStmt = db.prepare<[string, string | null], AttachmentRow>(
    'SELECT * FROM attachments WHERE encounter_id = ? OR (call_id IS NOT NULL AND call_id = ?) ORDER BY taken_at, rowid',
  );
  const openStmt = db.prepare<[number], EncounterRow>(
    "SELECT * FROM encounters WHERE status <> 'closed' ORDER BY updated_at DESC LIMIT ?",
  );
  const ofCallStmt = db.prepare<[string], EncounterRow>(
    'SELECT * FROM encounters WHERE call_id = ? ORDER BY created_at DESC LIMIT 1',
  );
  return {
    ofCall: (callId) => {
      const row = ofCallStmt.get(callId);
      return row ? fromRow(row) : null;
    },
    insert: (e) => void insertStmt.run(toRow(e)),
    update: (e, expected) => updateStmt.run({ ...toRow(e), expected }).changes === 1,
    get: (id) => {
      const row = getStmt.get(id);
      return row ? fromRow(row) : null;
    },
    forPatient: (patientId, limit) => forPatientStmt.all(patientId, limit).map(fromRow),
    open: (limit) => openStmt.all(limit).map(fromRow),
    addConsent: (c) =>
      void consentStmt.run(
        c.id,
        c.encounterId,
        c.scope,
        c.decision,
        JSON.stringify(c.givenBy),
        c.collectedBy,
        c.collectedAt,
      ),
    consents: (id) => consentsStmt.all(id).map(consentFromRow),
    consent: (id) => {
      const row = consentByIdStmt.get(id);
      return row ? consentFromRow(row) : null;
    },
    observation: (id) => {
      const row = observationByIdStmt.get(id);
      return row ? observationFromRow(row) : null;
    },
    addObservation: (o) =>
      void observationStmt.run(
        o.id,
        o.encounterId,
        o.vital.code,
        JSON.stringify(o.vital),
        o.takenAt,
        o.method,
        o.device,
        o.takenBy,
        o.unusualConfirmed ? 1 : 0,
      ),
    observations: (id) => observationsStmt.all(id).map(observationFromRow),
    attachments: (encounterId, callId) => attachmentsStmt.all(encounterId, callId).map(attachmentFromRow),
    addReport: (r) =>
      void reportStmt.run(r.id, r.encounterId, r.text, JSON.stringify(r.author), r.signedAt, r.replaces),
    reports: (id) => reportsStmt.all(id).map(reportFromRow),
    report: (id) => {
      const row = reportByIdStmt.get(id);
      return row ? reportFromRow(row) : null;
    },
  };
}
