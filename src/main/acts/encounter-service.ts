// The clinical record of each act: created for a patient of this station, moved forward through
// its statuses, with the patient's consents and the vital signs taken. Every change writes the
// record and its outbox row in one transaction; an update names the version it read.
import { randomUUID } from 'node:crypto';
import {
  canMoveTo,
  type Consent,
  type ConsentInput,
  type Encounter,
  type EncounterStatus,
  type NewEncounter,
  type Observation,
  type ObservationInput,
  type Report,
  type ReportInput,
  type Professional,
} from '../../shared/acts/encounter';
import type { Attachment } from '../../shared/acts/attachments';
import { AppFailure, fieldFailure } from '../contract/failure';
import type { CallRepository } from '../calls';
import type { Db } from '../platform/database/connection';
import type { EncounterRepository } from './encounter-repository';
import type { OutboxRepository } from '../platform/database/outbox-repository';
import type { PatientRepository } from '../patients';
import type { Patient } from '../../shared/patients/patient';
import type { ReportPdfRepository, StoredReportPdf } from './report-pdf-repository';
import type { ReportPdfInfo } from '../../shared/acts/report-pdf';

export interface EncounterServiceDeps {
  db: Db;
  encounters: EncounterRepository;
  patients: PatientRepository;
  calls: CallRepository;
  outbox: OutboxRepository;
  /** Where each signed report's PDF is kept, and how it is rendered (report-pdf-service.ts). */
  pdfs: ReportPdfRepository;
  renderPdf: (report: Report, encounter: Encounter, signedSha256?: string) => Promise<StoredReportPdf>;
  now: () => Date;
  onChanged: (id: string) => void;
}

export interface EncounterRecord {
  encounter: Encounter;
  consents: Consent[];
  observations: Observation[];
  reports: Report[];
  attachments: Attachment[];
  reportPdfs: ReportPdfInfo[];
  chat: ReturnType<CallRepository['chatOf']>;
}

export function createEncounterService({
  db,
  encounters,
  patients,
  calls,
  outbox,
  pdfs,
  renderPdf,
  now,
  onChanged,
}: EncounterServiceDeps) {
  const found = (id: string): Encounter => {
    const encounter = encounters.get(id);
    if (!encounter) throw new AppFailure('not_found', 'This act is not recorded on this station.');
    return encounter;
  };
  const record = (encounter: Encounter): EncounterRecord => ({
    encounter,
    consents: encounters.consents(encounter.id),
    observations: encounters.observations(encounter.id),
    reports: encounters.reports(encounter.id),
    attachments: encounters.attachments(encounter.id, encounter.callId),
    reportPdfs: pdfs.forEncounter(encounter.id),
    chat: encounter.callId ? calls.chatOf(encounter.callId) : [],
  });
  // A téléexpertise is also a request (ServiceRequest) to the expert: it goes before the act
  // that names it, in the same transaction, at each version of the act.
  const enqueueAct = (encounter: Encounter, operation: 'create' | 'update', at: string) => {
    if (encounter.act === 'teleexpertise')
      outbox.enqueue('service_request', encounter.id, encounter.version, operation, at);
    outbox.enqueue('encounter', encounter.id, encounter.version, operation, at);
  };
  /** The act whose report was just signed is closed; it ended at the signature unless it ended before. */
  const closeSigned = (current: Encounter, at: string, expert: Professional | null = null) => {
    const next: Encounter = {
      ...current,
      expert: current.expert ?? expert,
      version: current.version + 1,
      status: 'closed',
      endedAt: current.endedAt ?? at,
      updatedAt: at,
    };
    if (!encounters.update(next, current.version))
      throw new AppFailure('stale_version', 'This act was changed elsewhere since it was read.');
    enqueueAct(next, 'update', at);
  };
  const checkCall = (callId: string | null) => {
    if (callId && !calls.exists(callId))
      throw new AppFailure('not_found', 'This call is not in the journal of this station.');
  };

  /** One call per act and one act per call: the call's captures are the act's, and would leave it with a second call. */
  const linkTo = (id: string, callId: string, version: number | null): Encounter => {
    const updated = db
      .transaction((): Encounter => {
        const current = found(id);
        if (version !== null && current.version !== version)
          throw new AppFailure('stale_version', 'This act was changed elsewhere since it was read.');
        if (current.status === 'closed') throw fieldFailure('id', 'encounter.closed');
        checkCall(callId);
        if (current.callId === callId) return current;
        // SECURITY: an act keeps its call: a second one would take the first call's captures out of the act.
        if (current.callId) throw fieldFailure('callId', 'encounter.has_call');
        const held = encounters.ofCall(callId);
        if (held && held.id !== id) throw fieldFailure('callId', 'consent.call_has_act');
        const at = now().toISOString();
        const next: Encounter = { ...current, version: current.version + 1, callId, updatedAt: at };
        if (!encounters.update(next, current.version))
          throw new AppFailure('stale_version', 'This act was changed elsewhere since it was read.');
        enqueueAct(next, 'update', at);
        // Linked to its call now: the call's files and messages that waited for an act can go.
        outbox.releaseWaitingForAct();
        return next;
      })
      .immediate();
    onChanged(id);
    return updated;
  };

  /**
   * Files a signed report on its act (written here, or signed by the act's expert on her station
   * and checked by expert-report-intake.ts): its PDF kept, the outbox told, the act closed, and
   * the act's expert named from the signer when the act had none.
   */
  async function fileReport(
    signed: Report,
    expert: Professional | null,
    /** What must be written with the report, in its transaction (the receipt of an expert's report). */
    withReport: () => void = () => {},
    /** The SHA-256 the act's expert signed, printed on the PDF. */
    signedSha256?: string,
  ): Promise<Report> {
    const at = now().toISOString();
    const reportable = (): Encounter => {
      const encounter = found(signed.encounterId);
      const signedAlready = encounter.status === 'closed' && encounters.reports(encounter.id).length > 0;
      const open = encounter.status === 'in_progress' || encounter.status === 'awaiting_report';
      if (!open && !(signedAlready && signed.replaces)) {
        throw fieldFailure('encounterId', encounter.status === 'closed' ? 'encounter.closed' : 'encounter.not_started');
      }
      if (signed.replaces) {
        const previous = encounters.report(signed.replaces);
        if (!previous || previous.encounterId !== encounter.id)
          throw fieldFailure('replaces', 'report.not_of_this_act');
        if (encounters.reports(encounter.id).some((r) => r.replaces === signed.replaces))
          throw fieldFailure('replaces', 'report.already_replaced');
      }
      return encounter;
    };
    // pdfkit renders asynchronously, so before the transaction; what it checked is checked again inside.
    // The PDF names the expert the act is about to be given, when it had none.
    const before = reportable();
    const pdf = await renderPdf(signed, { ...before, expert: before.expert ?? expert }, signedSha256);
    const report = db
      .transaction((): Report => {
        const encounter = reportable();
        encounters.addReport(signed);
        withReport();
        pdfs.add(pdf);
        outbox.enqueue('report', signed.id, 1, 'create', at);
        // A report is replaced at most once: its second and last version is "superseded".
        if (signed.replaces) outbox.enqueue('report', signed.replaces, 2, 'update', at);
        if (encounter.status !== 'closed' || (expert && !encounter.expert)) closeSigned(encounter, at, expert);
        return signed;
      })
      .immediate();
    onChanged(signed.encounterId);
    return report;
  }

  return {
    create(input: NewEncounter): Encounter {
      if (!patients.get(input.patientId))
        throw new AppFailure('not_found', 'This patient is not recorded on this station.');
      checkCall(input.callId);
      const at = now().toISOString();
      const encounter: Encounter = {
        id: randomUUID(),
        version: 1,
        ...input,
        status: 'draft',
        startedAt: null,
        endedAt: null,
        createdAt: at,
        updatedAt: at,
      };
      db.transaction(() => {
        encounters.insert(encounter);
        enqueueAct(encounter, 'create', at);
        if (encounter.callId) outbox.releaseWaitingForAct();
      }).immediate();
      onChanged(encounter.id);
      return encounter;
    },

    get: (id: string): EncounterRecord => record(found(id)),

    /** The acts still to finish, each with its patient (an act whose patient is gone is left out). */
    open(limit: number): { act: Encounter; patient: Patient }[] {
      return encounters.open(limit).flatMap((act) => {
        const patient = patients.get(act.patientId);
        return patient ? [{ act, patient }] : [];
      });
    },
    forPatient(patientId: string, limit: number): Encounter[] {
      return encounters.forPatient(patientId, limit);
    },

    /** Forward only; starting stamps the start, closing the end; the version read must be current. */
    setStatus(id: string, version: number, status: EncounterStatus, callId?: string | null): Encounter {
      const updated = db
        .transaction((): Encounter => {
          const current = found(id);
          if (current.version !== version)
            throw new AppFailure('stale_version', 'This act was changed elsewhere since it was read.');
          if (!canMoveTo(current.status, status))
            throw fieldFailure('status', 'encounter.status_backwards', { from: current.status, to: status });
          // No act without the patient's consent to it: the latest word on the act must be "given".
          if (status === 'in_progress') {
            const onAct = encounters
              .consents(id)
              .filter((c) => c.scope === 'act')
              .at(-1);
            if (onAct?.decision !== 'given')
              throw fieldFailure('status', onAct ? 'encounter.consent_refused' : 'encounter.consent_missing');
          }
          if (callId !== undefined) checkCall(callId);
          const at = now().toISOString();
          const next: Encounter = {
            ...current,
            version: current.version + 1,
            status,
            callId: callId === undefined ? current.callId : callId,
            startedAt: current.startedAt ?? (status === 'in_progress' ? at : null),
            endedAt: status === 'awaiting_report' || status === 'closed' ? (current.endedAt ?? at) : current.endedAt,
            updatedAt: at,
          };
          if (!encounters.update(next, version))
            throw new AppFailure('stale_version', 'This act was changed elsewhere since it was read.');
          enqueueAct(next, 'update', at);
          // Linked to its call now: the call's files and messages that waited for an act can go.
          if (next.callId && next.callId !== current.callId) outbox.releaseWaitingForAct();
          return next;
        })
        .immediate();
      onChanged(id);
      return updated;
    },

    /** Links an open act to the call it is held in: the call's captures and consents are the act's from now on. */
    linkCall(id: string, version: number, callId: string): Encounter {
      return linkTo(id, callId, version);
    },

    /** The call placed from this act rings: the act names it from now on (no version: the station's own step). */
    bindRingingCall(id: string, callId: string): Encounter {
      return linkTo(id, callId, null);
    },

    /** A call that rang for this act is open: its reason is the act's (a closed act places no call). */
    reasonForCall(id: string): string {
      const act = found(id);
      if (act.status === 'closed') throw fieldFailure('encounterId', 'encounter.closed');
      return act.reason;
    },

    addConsent(input: ConsentInput): Consent {
      const encounter = found(input.encounterId);
      if (encounter.status === 'closed') throw fieldFailure('encounterId', 'encounter.closed');
      const consent: Consent = { id: randomUUID(), ...input };
      db.transaction(() => {
        encounters.addConsent(consent);
        outbox.enqueue('consent', consent.id, 1, 'create', now().toISOString());
      })();
      onChanged(encounter.id);
      return consent;
    },

    addObservation(input: ObservationInput): Observation {
      const encounter = found(input.encounterId);
      if (encounter.status === 'closed') throw fieldFailure('encounterId', 'encounter.closed');
      if (input.takenAt > new Date(now().getTime() + 5 * 60_000).toISOString())
        throw fieldFailure('takenAt', 'date.in_future');
      const observation: Observation = { id: randomUUID(), ...input };
      db.transaction(() => {
        encounters.addObservation(observation);
        outbox.enqueue('observation', observation.id, 1, 'create', now().toISOString());
      })();
      onChanged(encounter.id);
      return observation;
    },

    /**
     * Signs the act's report and keeps its PDF with it: the PDF is part of the signed record (what
     * the patient is given and the region files). Signing closes the act in the same transaction:
     * a signed act is finished, and the nurse sees it so at once (issue 20: it used to stay "En
     * attente du compte rendu"). A correction names the report it replaces, also on the closed
     * act: the first stays, marked replaced, and its DocumentReference goes again as superseded.
     */
    async addReport(input: ReportInput): Promise<Report> {
      return fileReport({ id: randomUUID(), ...input, signedAt: now().toISOString() }, null);
    },
    fileReport,
  };
}
