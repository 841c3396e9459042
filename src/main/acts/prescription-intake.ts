// The requesting station's side of the expert's prescription (issue 21, point 5): a prescription
// she wrote and signed on her own station arrives over the call's data channel (through the page,
// which is not trusted) or through the regional hub, and is kept on the act only if every rule
// holds. Every prescription received, kept or refused, is in the audit trail with its reason.
//
// SECURITY: the sender is the act's expert as the hub named her, who signed it (act-expert-sender.ts);
// its SHA-256 matches what she signed; a correction comes from the same physician. Identity
// vigilance: the patient's traits she prescribed for must be those of the act's patient here, or
// the prescription is refused whole: a medicine given to the wrong person is the error this
// prevents.
import { createHash } from 'node:crypto';
import {
  prescriptionContent,
  SignedPrescriptionSchema,
  type PrescriptionPatient,
  type SignedPrescription,
} from '../../shared/acts/prescription';
import type { Patient } from '../../shared/patients/patient';
import { toFieldErrors } from '../../shared/validation';
import { AppFailure, fieldFailure } from '../contract/failure';
import type { Db } from '../platform/database/connection';
import type { OutboxRepository } from '../platform/database/outbox-repository';
import { actOfItsExpert, type ActExpertDeps, type DocumentSender } from './act-expert-sender';
import { queueOrders } from './prescription-orders';

export interface PrescriptionAudit {
  outcome: 'received' | 'refused';
  prescription: SignedPrescription;
  sender: DocumentSender;
  patientId: string | null;
  why: string | null;
}

export interface PrescriptionIntakeDeps extends ActExpertDeps {
  db: Db;
  patients: { get(id: string): Patient | null };
  audit: (row: PrescriptionAudit) => void;
  /** Its orders go to the region with the act's records (sync: prescription_medication, prescription_service). */
  outbox: Pick<OutboxRepository, 'enqueue'>;
  /** Renders and keeps the PDF of a prescription just kept (never fails: see keepAtArrival). */
  keepPdf: (prescriptionId: string) => Promise<void>;
  /** A prescription was kept on this act (its screen shows it). */
  kept: (encounterId: string) => void;
  now: () => Date;
}

interface Row {
  id: string;
  encounter_id: string;
  sha256: string;
  signed_json: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** Names compared as the INS rules compare traits: no case, no accents, single spaces. */
const trait = (value: string | null) =>
  (value ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[\s-]+/g, ' ')
    .trim();

/** The traits that differ between what she prescribed for and the act's patient; none when they match. */
export function differingTraits(seen: PrescriptionPatient, patient: Patient): string[] {
  const differ: string[] = [];
  if (trait(seen.birthName) !== trait(patient.birthName)) differ.push('birthName');
  if (trait(seen.firstName) !== trait(patient.firstName)) differ.push('firstName');
  if (seen.birthDate !== patient.birthDate) differ.push('birthDate');
  if (seen.sex !== patient.sex) differ.push('sex');
  return differ;
}

export function createPrescriptionIntake(deps: PrescriptionIntakeDeps) {
  const insert = deps.db.prepare(
    `INSERT INTO act_prescriptions (id, encounter_id, sender, via, call_id, sha256, signed_json, replaces, received_at)
     VALUES (@id, @encounterId, @sender, @via, @callId, @sha256, @signedJson, @replaces, @receivedAt)`,
  );
  const byId = deps.db.prepare<[string], Row>(
    'SELECT id, encounter_id, sha256, signed_json FROM act_prescriptions WHERE id = ?',
  );
  const replacedBy = deps.db.prepare<[string], { id: string }>('SELECT id FROM act_prescriptions WHERE replaces = ?');
  const ofAct = deps.db.prepare<[string], Row>(
    'SELECT id, encounter_id, sha256, signed_json FROM act_prescriptions WHERE encounter_id = ? ORDER BY received_at, rowid',
  );

  function keptAs(id: string): SignedPrescription | null {
    const row = byId.get(id);
    return row ? (JSON.parse(row.signed_json) as SignedPrescription) : null;
  }

  function check(p: SignedPrescription, sender: DocumentSender): void {
    const act = actOfItsExpert(deps, p.encounterId, sender, p.author.hubId, 'prescription');
    const { sha256: claimed, ...content } = p;
    if (sha256(prescriptionContent(content)) !== claimed)
      throw fieldFailure('prescription.sha256', 'prescription.hash_mismatch');
    const patient = deps.patients.get(act.patientId);
    if (!patient) throw new AppFailure('not_found', 'This act’s patient is not recorded on this station.');
    const differ = differingTraits(p.patient, patient);
    if (differ.length > 0)
      throw fieldFailure('prescription.patient', 'prescription.patient_mismatch', { traits: differ.join(', ') });
    if (p.replaces) {
      const previous = byId.get(p.replaces);
      if (!previous || previous.encounter_id !== p.encounterId)
        throw new AppFailure('forbidden', 'A correction must name a prescription of the same act.');
      const signer = (JSON.parse(previous.signed_json) as SignedPrescription).author.rpps;
      if (signer !== p.author.rpps)
        throw new AppFailure('forbidden', 'A prescription can only be corrected by the physician who signed it.');
    }
  }

  return {
    /**
     * Keeps the prescription on its act if it passes the rules, and its PDF with it; the same one
     * again is not kept twice. Checked and written without a pause, so two deliveries of one
     * prescription (over the call and through the hub) cannot both pass the check.
     */
    async receive(
      input: unknown,
      sender: DocumentSender,
    ): Promise<{ prescriptionId: string; outcome: 'filed' | 'already_filed' }> {
      // Parsed here too: the page and the hub are not trusted to have parsed it.
      const parsed = SignedPrescriptionSchema.safeParse(input);
      if (!parsed.success)
        throw new AppFailure('validation_failed', 'This is not a signed prescription.', toFieldErrors(parsed.error));
      const p = parsed.data;
      const patientId = deps.encounters.get(p.encounterId)?.patientId ?? null;
      const kept = byId.get(p.id);
      if (kept && kept.encounter_id === p.encounterId && kept.sha256 === p.sha256)
        return { prescriptionId: p.id, outcome: 'already_filed' };
      try {
        if (kept) throw new AppFailure('forbidden', 'Another prescription was already kept under this id.');
        check(p, sender);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        const fields = error instanceof AppFailure ? error.fields?.map((f) => f.code).join(', ') : undefined;
        deps.audit({
          outcome: 'refused',
          prescription: p,
          sender,
          patientId,
          why: fields ? `${why} (${fields})` : why,
        });
        throw error;
      }
      const at = deps.now().toISOString();
      // Kept and its orders queued in one transaction: a crash keeps both or neither.
      deps.db.transaction(() => {
        insert.run({
          id: p.id,
          encounterId: p.encounterId,
          sender: sender.peerId,
          via: sender.via,
          callId: sender.callId,
          sha256: p.sha256,
          signedJson: JSON.stringify(p),
          replaces: p.replaces,
          receivedAt: at,
        });
        queueOrders(deps.outbox, p, p.replaces ? keptAs(p.replaces) : null, at);
      })();
      deps.audit({ outcome: 'received', prescription: p, sender, patientId, why: null });
      // Its PDF now, so that the act's screen, told next, can print it at once.
      await deps.keepPdf(p.id);
      deps.kept(p.encounterId);
      return { prescriptionId: p.id, outcome: 'filed' };
    },
    /** The prescription kept under this id, as she signed it. */
    get: keptAs,
    /** A kept prescription as its orders are sent: the act's patient, and whether a correction replaced it. */
    forSync(id: string): { prescription: SignedPrescription; patientId: string; superseded: boolean } | null {
      const row = byId.get(id);
      const patientId = row ? deps.encounters.get(row.encounter_id)?.patientId : null;
      if (!row || !patientId) return null;
      return {
        prescription: JSON.parse(row.signed_json) as SignedPrescription,
        patientId,
        superseded: replacedBy.get(id) !== undefined,
      };
    },
    /** The act's prescriptions as she signed them, oldest first. */
    ofAct: (encounterId: string): SignedPrescription[] =>
      ofAct.all(encounterId).map((row) => JSON.parse(row.signed_json) as SignedPrescription),
  };
}

export type PrescriptionIntake = ReturnType<typeof createPrescriptionIntake>;
