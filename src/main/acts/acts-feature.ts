// The acts feature as the station composes it: encounters, their report PDF, the expert's
// prescriptions and their PDF, the act's files, and the patient's consent around calls.
import type { CallCommand } from '../../shared/calls/calls';
import type { Handlers } from '../../shared/contract';
import type { StationPlatform } from '../platform/station-platform';
import { composeActContext, type ActStudy } from './act-context';
import { actsHandlers } from './acts-handlers';
import { AppFailure } from '../contract/failure';
import { createAttachmentService, type AttachmentServiceDeps } from './attachment-service';
import { createStationConsent } from './consent-handlers';
import { createEncounterRepository } from './encounter-repository';
import { createEncounterService, type EncounterServiceDeps } from './encounter-service';
import { createReportPdfRepository } from './report-pdf-repository';
import { createReportPdfService, type ReportPdfServiceDeps } from './report-pdf-service';
import { createBillingCodes, readBillingTable } from './billing-codes';
import { createExpertReportIntake, type ReportAudit } from './expert-report-intake';
import { createPrescriptionIntake, type PrescriptionAudit } from './prescription-intake';
import { createPrescriptionPdfService } from './prescription-pdf-service';
import { createActEscalation, createEscalationRepository } from './act-escalation';

export interface ActsFeatureDeps {
  patients: ReportPdfServiceDeps['patients'] & EncounterServiceDeps['patients'];
  calls: EncounterServiceDeps['calls'] & AttachmentServiceDeps['calls'];
  roomFor: AttachmentServiceDeps['roomFor'];
  /** Sends a call command through the station's hub link (the consent's word to the other station). */
  sendToCall: (command: CallCommand) => void;
  statusChanged: () => void;
  /** The app's resources/ folder (the billing codes table); found from the code when not given. */
  resourcesDir?: string;
  /** Every report received from an act's expert, filed or refused, goes to the audit trail. */
  auditReport: (row: ReportAudit) => void;
  /** Every prescription received from an act's expert, kept or refused, goes to the audit trail. */
  auditPrescription: (row: PrescriptionAudit) => void;
  /** The imaging studies imported into an act (the imaging feature's), named in the act's context. */
  studiesOfAct?: (patientId: string, encounterId: string) => ActStudy[];
}

export function createActsFeature(platform: StationPlatform, deps: ActsFeatureDeps) {
  const { db, now, events, outbox } = platform;
  const encounterRepository = createEncounterRepository(db);
  const reportPdfRepository = createReportPdfRepository(db);
  const billing = createBillingCodes(
    () => readBillingTable(deps.resourcesDir),
    (message) => platform.logger.warn('billing_table_unreadable', { message }),
  );
  const reportPdfs = createReportPdfService({
    billing,
    encounters: encounterRepository,
    patients: deps.patients,
    pdfs: reportPdfRepository,
    now,
  });
  const encounters = createEncounterService({
    db,
    encounters: encounterRepository,
    patients: deps.patients,
    calls: deps.calls,
    outbox,
    pdfs: reportPdfRepository,
    renderPdf: reportPdfs.render,
    now,
    onChanged: (id) => {
      events.emit('encounters.changed', { id });
      consent.actChanged(id);
      deps.statusChanged();
    },
  });
  // The patient's consent around calls: told to the other station, and checked before each recording.
  const consent = createStationConsent({
    encounters: encounterRepository,
    send: deps.sendToCall,
    events,
    logger: platform.logger,
  });
  const expertReports = createExpertReportIntake({
    db,
    encounters: encounterRepository,
    calls: deps.calls,
    fileReport: (report, expert, withReport, sha256) => encounters.fileReport(report, expert, withReport, sha256),
    audit: deps.auditReport,
    now,
  });
  const prescriptions = createPrescriptionIntake({
    db,
    encounters: encounterRepository,
    calls: deps.calls,
    patients: deps.patients,
    audit: deps.auditPrescription,
    outbox,
    keepPdf: (id) => prescriptionPdfs.keepAtArrival(id),
    kept: (id) => events.emit('encounters.changed', { id }),
    now,
  });
  const prescriptionPdfs = createPrescriptionPdfService({
    db,
    encounters: encounterRepository,
    patients: deps.patients,
    prescription: (id) => prescriptions.get(id),
    logger: platform.logger,
    now,
  });
  const attachments = createAttachmentService({
    db,
    dataDir: platform.dataDir,
    store: platform.fileStore,
    sealer: platform.sealer,
    calls: deps.calls,
    encounters: encounterRepository,
    onActChanged: (id) => events.emit('encounters.changed', { id }),
    outbox,
    now,
    roomFor: deps.roomFor,
    requireConsent: consent.requireForAttachment,
  });
  const escalation = createActEscalation({
    db,
    steps: createEscalationRepository(db),
    encounters: encounterRepository,
    calls: deps.calls,
    now,
    onChanged: (id) => events.emit('encounters.changed', { id }),
  });
  /** What the calls feature asks of the acts: a call placed from an act is bound at its ring, and its captures show on it. */
  const ofCalls = {
    reasonForCall: (encounterId: string) => encounters.reasonForCall(encounterId),
    bindRingingCall: (encounterId: string, callId: string) => void encounters.bindRingingCall(encounterId, callId),
    callChanged(callId: string): void {
      const act = encounterRepository.ofCall(callId);
      if (act) events.emit('encounters.changed', { id: act.id });
    },
    /**
     * The call placed from an act was answered: the teleconsultation is taking place, so its act
     * starts now (its start is the billing's and the report's), when the patient consented to it;
     * without the consent it stays a draft and the screen keeps asking for it.
     */
    callAccepted(callId: string): void {
      const act = encounterRepository.ofCall(callId);
      if (!act || act.status !== 'draft') return;
      try {
        encounters.setStatus(act.id, act.version, 'in_progress');
      } catch (error) {
        platform.logger.info('act.not_started_by_call', {
          encounterId: act.id,
          callId,
          why: error instanceof Error ? error.message : String(error),
        });
      }
    },
  };
  // Over the call: the sender is the call's remote peer in the journal, never what the page says.
  const reportHandlers: Partial<Handlers> = {
    'encounters.expertReport': ({ callId, report }) =>
      expertReports.receive(report, { peerId: deps.calls.remoteOf(callId)?.id ?? '', via: 'call', callId }),
    'encounters.expertPrescription': ({ callId, prescription }) =>
      prescriptions.receive(prescription, { peerId: deps.calls.remoteOf(callId)?.id ?? '', via: 'call', callId }),
    'encounters.prescriptions': ({ id }) => prescriptions.ofAct(id),
    'encounters.prescriptionPdf': ({ prescriptionId }) => prescriptionPdfs.pdf(prescriptionId),
    'encounters.escalationStep': (step) => escalation.record(step),
    'encounters.escalation': ({ id }) => escalation.ofAct(id),
  };
  /** The act's context for the expert of its call (act-context.ts). */
  const contextOf = (id: string) => {
    const record = encounters.get(id);
    const patient = deps.patients.get(record.encounter.patientId);
    if (!patient) throw new AppFailure('not_found', "This act's patient is not recorded on this station.");
    const studies = deps.studiesOfAct?.(patient.id, id) ?? [];
    return composeActContext(record, patient, studies, now().toISOString());
  };
  return {
    ofCalls,
    encounterRepository,
    reportPdfs,
    encounters,
    consent,
    attachments,
    billing,
    expertReports,
    prescriptions,
    prescriptionPdfs,
    escalation,
    handlers: {
      ...actsHandlers({ encounters, reportPdfs, attachments, billing, encounterRepository, contextOf }),
      ...consent.handlers,
      ...reportHandlers,
    },
  };
}
