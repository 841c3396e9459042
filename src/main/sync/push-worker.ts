// Pushes the outbox to the regional FHIR server, in order. Each record goes as its current state
// at its client-made id (PUT), so a retry after a lost answer never makes a second resource; an
// update names the server version it replaces (If-Match). A 412 whose server copy is what we
// sent was our own lost write: done. Any other 412 is a conflict kept with both versions for a
// person to decide, never merged. Invalid records are parked with the reason; network trouble
// waits with exponential back-off and jitter, without breaking the order. A 429 is the server
// asking for a pause: nothing more goes until its Retry-After, and the record's attempts do not grow.
// A 404 on an update is a region that lost the record: it is created again (reconciler.ts).
// With a server that offers batches, records go up to 100 to a request (push-batch.ts), each
// entry's answer handled as a single one; files, reports, chat lines and bookings go alone.
// Its steps live in push/: what becomes of a row (row-outcomes.ts), a record's PUT (put-resource.ts),
// records in batch Bundles (push-batch.ts), a file (push-attachment.ts), a report (push-report.ts),
// a chat line (push-chat.ts) and a booking (push-appointment.ts: confirmed, or refused because its
// slot was taken).
import type { CallRepository } from '../calls';
import type { EncounterRepository } from '../acts';
import type { ImagingRepository } from '../imaging';
import type { PatientRepository } from '../patients';
import type { StoredReportPdf } from '../acts';
import type { OutboxRow, SyncRepository } from './sync-repository';
import type { TeleexpertiseRepository } from '../teleexpertise';
import type { FhirClient } from './fhir-client';
import { pausedMessage } from '../platform/hub/hub-pace';
import type { UploadRequest } from './resumable-upload';
import type { AttachmentStore } from '../platform/files/attachment-store';
import { createLocalResources, type AuditSource, type LocalResourcesDeps } from './local-resources';
import type { ServerCapabilities } from './server-capabilities';
import { createPushAppointment, type AppointmentSource } from './push/push-appointment';
import { createPushAttachment } from './push/push-attachment';
import { createPushChat } from './push/push-chat';
import { createPushReport } from './push/push-report';
import { createPushBatch } from './push/push-batch';
import { createResourceWrites, type Built } from './push/put-resource';
import { createRowOutcomes } from './push/row-outcomes';

export { CONFLICT_MESSAGE } from './push/put-resource';

/** The records this worker sends today; the others wait in the outbox for their mapping. */
export const PUSHED_ENTITIES = [
  'patient',
  'service_request',
  'encounter',
  'consent',
  'observation',
  'report',
  'attachment',
  'call_chat',
  'imaging_study',
  'expertise_message',
  'expert_report',
  'expert_prescription',
  'prescription_medication',
  'prescription_service',
  'appointment',
] as const;
/**
 * Rows with a path of their own go one request each, never in a batch: a file's bytes go by tus
 * before its Media; a report's Binaries before its DocumentReference, which must never point at
 * nothing; a chat line waits for its act; a booking's 409 carries the next free slots.
 */
const ALONE: ReadonlySet<string> = new Set(['attachment', 'report', 'call_chat', 'appointment']);

/** With the audit trail given (deps.audit), its rows go too, after the records queued before them. */
export const PUSHED_WITH_AUDIT = [...PUSHED_ENTITIES, 'audit'] as const;

/** Sends a stored file resumably (resumable-upload.ts, bound to the region's endpoint and token). */
export type Uploader = (
  request: Pick<UploadRequest, 'source' | 'sha256' | 'contentType' | 'resumeUrl' | 'onUrl' | 'onProgress'>,
) => Promise<{ url: string }>;

/** A file on its way to the region, for the progress bars. */
export interface UploadProgress {
  attachmentId: string;
  kind: string;
  sentBytes: number;
  totalBytes: number;
}

export interface PushDeps {
  sync: SyncRepository;
  patients: PatientRepository;
  encounters: EncounterRepository;
  calls?: CallRepository;
  /** Imported imaging studies, sent as ImagingStudy. */
  imaging?: ImagingRepository;
  /**
   * Signed reports' kept PDFs (report-pdf-service.ts): `sealed` renders and keeps one, once, for
   * a report signed before PDFs were kept.
   */
  reportPdfs: { kept(reportId: string): StoredReportPdf | null; sealed(reportId: string): Promise<StoredReportPdf> };
  /** Téléexpertise details and messages (sent as ServiceRequest details and Communication). */
  teleexpertise?: TeleexpertiseRepository;
  /** The expert's signed reports of other stations' acts (sent as Communication to their station). */
  remoteReports?: LocalResourcesDeps['remoteReports'];
  /** Her signed prescriptions of other stations' acts (sent as Communication to their station). */
  remotePrescriptions?: LocalResourcesDeps['remotePrescriptions'];
  /** The prescriptions kept on this station's acts (sent as their orders). */
  actPrescriptions?: LocalResourcesDeps['actPrescriptions'];
  /** The audit trail's rows (sent as AuditEvent), and where the region's acknowledgements go. */
  audit?: AuditSource;
  /** The station's bookings (sent as Appointment; the hub confirms or refuses them). */
  appointments?: AppointmentSource;
  client: FhirClient;
  /** Files: the sealed store, and how to send them. Without them, files wait. */
  attachments?: Pick<AttachmentStore, 'has' | 'chunks' | 'size' | 'readRange'>;
  upload?: Uploader;
  now: () => Date;
  random?: () => number;
  /** What the server can do (its CapabilityStatement); without it, everything a standard server does. */
  capabilities?: () => ServerCapabilities;
  /** A file's progress while it is sent; null once it is done or stopped. */
  onUpload?: (attachmentId: string, progress: UploadProgress | null) => void;
  inTransaction: <T>(work: () => T) => T;
}

export interface PushReport {
  pushed: number;
  /** Records refused, for a person to look at (audit rows aside). */
  parked: number;
  /** Audit rows refused: the regional IT's to look at. */
  auditRefused: number;
  conflicts: number;
  /** Why the pass stopped early (network, server), when it did. */
  stoppedBy: string | null;
  /** Updates the region answered 404: it lost records it had acknowledged (the pass stopped for a reconciliation). */
  regionLost: number;
  /** The pass met a region it could not reach: it may have been restarted meanwhile. */
  unreachable: boolean;
}

export function createPushWorker(deps: PushDeps) {
  const local = createLocalResources(deps);
  const build = (row: OutboxRow): Built => local.build(row.entity, row.entity_id);
  const outcomes = createRowOutcomes(deps);
  const writes = createResourceWrites(deps, outcomes);
  const { putResource } = writes;
  const batch = createPushBatch(deps, outcomes, writes);
  const pushAttachment = createPushAttachment(deps, outcomes, putResource);
  const pushReport = createPushReport(deps, outcomes, putResource, build);
  const pushChat = createPushChat(deps, outcomes, putResource);
  const pushAppointment = createPushAppointment(deps, outcomes, build);

  /** A type whose versions the server does not check is read before it is written: it goes alone. */
  const goesInBatch = (built: Built) =>
    !built || (deps.capabilities?.().versionedUpdate(built.resource.resourceType) ?? true);

  async function pushOne(row: OutboxRow, report: PushReport): Promise<'next' | 'stop'> {
    if (row.entity === 'attachment') return pushAttachment(row, report);
    if (row.entity === 'call_chat') return pushChat(row, report);
    if (row.entity === 'report') return pushReport(row, report);
    if (row.entity === 'appointment') return pushAppointment(row, report);
    return putResource(row, build(row), report);
  }

  return {
    /** One pass over what is due; returns what happened. */
    async runOnce(limit = 500): Promise<PushReport> {
      const report: PushReport = {
        pushed: 0,
        parked: 0,
        auditRefused: 0,
        conflicts: 0,
        stoppedBy: null,
        regionLost: 0,
        unreachable: false,
      };
      // Still within a pause the server asked for: nothing is sent, nothing is counted.
      const paused = deps.client.pace.waitMs();
      if (paused > 0) return { ...report, stoppedBy: pausedMessage(paused) };
      const rows = deps.sync.due(deps.audit ? PUSHED_WITH_AUDIT : PUSHED_ENTITIES, deps.now().toISOString(), limit);
      const seen = new Set<string>();
      // Records waiting to go together, in outbox order, in as many Bundles as they need.
      const together: { row: OutboxRow; built: Built }[] = [];
      const sendTogether = async () => (together.length > 0 ? batch.send(together.splice(0), report) : 'next');
      let stopped = false;
      for (const row of rows) {
        // Several rows of one record (versions 1..n) go as one push of its current state.
        const key = `${row.entity}/${row.entity_id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const built = batch.enabled() && !ALONE.has(row.entity) ? build(row) : undefined;
        if (built !== undefined && goesInBatch(built)) {
          together.push({ row, built });
          continue;
        }
        // A row that goes alone goes after the records queued before it.
        stopped =
          (await sendTogether()) === 'stop' ||
          (await (built !== undefined ? putResource(row, built, report) : pushOne(row, report))) === 'stop';
        if (stopped) break;
      }
      if (!stopped) await sendTogether();
      if (report.stoppedBy === null && rows.length > 0) deps.sync.setLastSync(deps.now().toISOString());
      return report;
    },
  };
}
