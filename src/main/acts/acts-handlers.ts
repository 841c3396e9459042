// The acts' contract handlers: the record of each act (status, consent, measurements, reports and
// their PDF) and the act's files received in chunks. The consent around calls answers its own
// channels (consent-handlers.ts).
import type { ActContext } from '../../shared/calls/act-context';
import type { Handlers } from '../../shared/contract';
import type { createAttachmentService } from './attachment-service';
import type { createEncounterService } from './encounter-service';
import type { ReportPdfService } from './report-pdf-service';
import type { BillingCodes } from './billing-codes';
import type { EncounterRepository } from './encounter-repository';
import { AppFailure } from '../contract/failure';

export interface ActsServices {
  encounters: ReturnType<typeof createEncounterService>;
  reportPdfs: ReportPdfService;
  attachments: ReturnType<typeof createAttachmentService>;
  billing: BillingCodes;
  encounterRepository: EncounterRepository;
  contextOf: (id: string) => ActContext;
}

export const actsHandlers = ({
  encounters,
  reportPdfs,
  attachments,
  billing,
  encounterRepository,
  contextOf,
}: ActsServices): Partial<Handlers> => ({
  'encounters.create': (input) => encounters.create(input),
  'encounters.get': ({ id }) => encounters.get(id),
  'encounters.context': ({ id }) => contextOf(id),
  'encounters.forPatient': ({ patientId, limit }) => encounters.forPatient(patientId, limit),
  'encounters.open': ({ limit }) => encounters.open(limit),
  'encounters.setStatus': ({ id, version, status, callId }) => encounters.setStatus(id, version, status, callId),
  'encounters.consent': (input) => encounters.addConsent(input),
  'encounters.linkCall': ({ id, version, callId }) => encounters.linkCall(id, version, callId),
  'encounters.observe': (input) => encounters.addObservation(input),
  'encounters.report': (input) => encounters.addReport(input),
  'encounters.reportPdf': ({ reportId }) => reportPdfs.pdf(reportId),
  'encounters.billing': ({ id }) => {
    const encounter = encounterRepository.get(id);
    if (!encounter) throw new AppFailure('not_found', 'This act is not recorded on this station.');
    return billing.suggest(encounter);
  },
  'attachments.begin': (meta) => attachments.begin(meta),
  'attachments.chunk': ({ uploadId, offset, data }) => attachments.chunk(uploadId, offset, data),
  'attachments.finish': ({ uploadId }) => attachments.finish(uploadId),
});
