// Pushes the outbox to the regional FHIR server, in order. Each record goes as its current state
// at its client-made id (PUT), so a retry after a lost answer never makes a second resource; an
// update names the server version it replaces (If-Match). A 412 whose server copy is what we
// sent was our own lost write: done. Any other 412 is a conflict kept with both versions for a
// person to decide, never merged. Invalid records are parked with the reason; network trouble
// waits with exponential back-off and jitter, without breaking the order. A 429 is the server
// asking for a pause: nothing more goes until its Retry-After, and the record's attempts do not grow.
// A 404 on an update is a region that lost the record: it is created again (reconciler.ts).
import type { Binary, Resource } from '@medplum/fhirtypes';
import { auditChainLinkOf } from '../../shared/audit/audit-chain-link';
import type { CallRepository } from '../calls';
import type { EncounterRepository } from '../acts';
import type { ImagingRepository } from '../imaging';
import type { PatientRepository } from '../patients';
import type { StoredReportPdf } from '../acts';
import type { OutboxRow, SyncRepository } from './sync-repository';
import type { TeleexpertiseRepository } from '../teleexpertise';
import { attachmentToMedia } from './fhir/media';
import { attachmentToDocumentReference } from './fhir/document';
import { contentHash } from './fhir/content-hash';
import { FhirValidationError, validateFhir } from './fhir/validate';
import { FhirNetworkError, FhirRateLimitedError, type FhirAnswer, type FhirClient } from './fhir-client';
import { DEFAULT_RETRY_AFTER_MS, parseRetryAfter, pausedMessage } from '../platform/hub/hub-pace';
import { namedProfessionals } from './fhir/named-professionals';
import { practitionerSearch, practitionerToFhir } from './fhir/practitioner';
import { reportPdfToBinary, reportToBinary } from './fhir/report';
import { chatToCommunication } from './fhir/communication';
import { parseChatEntityId } from './chat-entity';
import { UploadRefusedError, type UploadRequest } from './resumable-upload';
import { SealedFileError } from '../platform/security/sealed-file';
import type { AttachmentStore } from '../platform/files/attachment-store';
import { createLocalResources, type AuditSource, type LocalResource } from './local-resources';
import { refusalVerdict } from './server-refusal';
import type { ServerCapabilities } from './server-capabilities';
import { createHash } from 'node:crypto';

/** A record type the server does not take waits this long before the next try (the server may be upgraded). */
const UNSUPPORTED_WAIT_MS = 60 * 60_000;

export const CONFLICT_MESSAGE = 'Changed on the regional server too: a person must choose between both versions.';

/** The records this worker sends today; the others wait in the outbox for their mapping. */
export const PUSHED_ENTITIES = ['patient', 'service_request', 'encounter', 'consent', 'observation', 'report', 'attachment', 'call_chat', 'imaging_study', 'expertise_message'] as const;
/** With the audit trail given (deps.audit), its rows go too, after the records queued before them. */
export const PUSHED_WITH_AUDIT = [...PUSHED_ENTITIES, 'audit'] as const;

/** Sends a stored file resumably (resumable-upload.ts, bound to the region's endpoint and token). */
export type Uploader = (request: Pick<UploadRequest, 'source' | 'sha256' | 'contentType' | 'resumeUrl' | 'onUrl' | 'onProgress'>) => Promise<{ url: string }>;

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
  /** The audit trail's rows (sent as AuditEvent), and where the region's acknowledgements go. */
  audit?: AuditSource;
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

type Built = LocalResource | null;

export function createPushWorker(deps: PushDeps) {
  const random = deps.random ?? Math.random;

  const local = createLocalResources(deps);
  const build = (row: OutboxRow): Built => local.build(row.entity, row.entity_id);

  const backoffMs = (attempts: number) => Math.min(5 * 60_000, 1000 * 2 ** attempts) * (0.5 + random());

  /** SHA-256 (to check the stored file) and SHA-1 in base64 (FHIR's Attachment.hash), one read. */
  async function hashes(chunks: AsyncIterable<Buffer>): Promise<{ sha256: string; sha1Base64: string }> {
    const sha256 = createHash('sha256');
    const sha1 = createHash('sha1');
    for await (const chunk of chunks) {
      sha256.update(chunk);
      sha1.update(chunk);
    }
    return { sha256: sha256.digest('hex'), sha1Base64: sha1.digest('base64') };
  }

  const later = (row: OutboxRow, why: string, report: PushReport, stop: boolean, delayMs?: number): 'next' | 'stop' => {
    deps.sync.retryLater(row.seq, why, new Date(deps.now().getTime() + (delayMs ?? backoffMs(row.attempts))).toISOString());
    if (stop) report.stoppedBy = why;
    return stop ? 'stop' : 'next';
  };
  /**
   * The server asked for a pause (429): this record waits that long, its attempts unchanged (it
   * did nothing wrong), and the pass stops: the pause holds for every request to the server.
   */
  const waitAsAsked = (row: OutboxRow, report: PushReport): 'stop' => {
    const waitMs = Math.max(deps.client.pace.waitMs(), 1000);
    const why = pausedMessage(waitMs);
    deps.sync.waitAsAsked(row.seq, why, new Date(deps.now().getTime() + waitMs).toISOString());
    report.stoppedBy = why;
    return 'stop';
  };
  const park = (row: OutboxRow, why: string, report: PushReport): 'next' => {
    deps.sync.park(row.seq, why);
    if (row.entity === 'audit') report.auditRefused++;
    else report.parked++;
    return 'next';
  };

  /** A file: its bytes go first (resumable), then the Media (photo, sound) or DocumentReference (PDF) that points at them. */
  async function pushAttachment(row: OutboxRow, report: PushReport): Promise<'next' | 'stop'> {
    const a = deps.calls?.attachment(row.entity_id);
    if (!a) return park(row, 'The record is no longer on this station.', report);
    const refused = deps.capabilities?.().refuses(a.kind === 'document' ? 'DocumentReference' : 'Media');
    if (refused) return later(row, refused, report, false, UNSUPPORTED_WAIT_MS);
    // A file belongs to a patient through its act: given, or the one held during the call; a
    // call's file waits, apart and without holding the others back, until the call has an act.
    const encounter = a.encounterId ? deps.encounters.get(a.encounterId) : a.callId ? deps.encounters.ofCall(a.callId) : null;
    if (!encounter && a.encounterId) return park(row, 'Its act is no longer on this station.', report);
    if (!encounter) return waitForAct(row, 'Waiting for its act: link the call to an act to send this file.');
    const store = deps.attachments;
    if (!store || !deps.upload) return later(row, 'No upload endpoint configured.', report, false, 60_000);
    if (!store.has(a.sha256)) return park(row, `The stored file ${a.sha256} is missing from the data folder.`, report);
    let sums: { sha256: string; sha1Base64: string };
    try {
      sums = await hashes(store.chunks(a.sha256));
    } catch (error) {
      if (error instanceof SealedFileError) return park(row, error.message, report);
      throw error;
    }
    if (sums.sha256 !== a.sha256) return park(row, `The stored file ${a.sha256} is damaged (its content no longer matches its SHA-256).`, report);
    const source = { size: store.size(a.sha256), read: (start: number, end: number) => store.readRange(a.sha256, start, end) };
    let url = deps.sync.upload(a.sha256);
    if (!url?.completed) {
      try {
        const progress = (sentBytes: number, totalBytes: number) => deps.onUpload?.(a.id, { attachmentId: a.id, kind: a.kind, sentBytes, totalBytes });
        progress(0, a.size);
        const done = await deps
          .upload({ source, sha256: a.sha256, contentType: a.mime, resumeUrl: url?.url ?? null, onUrl: (u) => deps.sync.uploadStarted(a.sha256, u), onProgress: progress })
          .finally(() => deps.onUpload?.(a.id, null));
        deps.sync.uploadStarted(a.sha256, done.url);
        deps.sync.uploadCompleted(a.sha256, deps.now().toISOString());
        url = { url: done.url, completed: true };
      } catch (error) {
        // A corrupt transfer, or the hub's quota or size limit: a person must act (then retries).
        if (error instanceof UploadRefusedError && (error.status === 460 || error.status === 413)) return park(row, error.message, report);
        if (error instanceof UploadRefusedError && error.status === 429) {
          // The uploads and the FHIR endpoint share the region's limit for this token: one pause for both.
          deps.client.pace.holdUntil(Date.now() + (error.retryAfter === null ? DEFAULT_RETRY_AFTER_MS : parseRetryAfter(error.retryAfter, Date.now())));
          return waitAsAsked(row, report);
        }
        if (error instanceof UploadRefusedError && error.status !== null && error.status >= 400 && error.status < 500 && error.status !== 401 && error.status !== 403 && error.status !== 429) {
          return park(row, `Upload refused (${error.status}): ${error.message}`, report);
        }
        report.unreachable = error instanceof UploadRefusedError && error.status === null;
        return later(row, `Upload interrupted: ${(error as Error).message}`, report, true);
      }
    }
    const content = { url: url.url, sha1Base64: sums.sha1Base64 };
    const resource = (a.kind === 'document' ? attachmentToDocumentReference(a, encounter, content) : attachmentToMedia(a, encounter, content)) as Resource & { id: string };
    return putResource(row, { resource, version: 1 }, report);
  }

  /**
   * A report: its signed PDF and text first (Binaries, never changed once signed: sent again as
   * they are when the report is superseded, so that the DocumentReference never points at
   * nothing), then the DocumentReference.
   */
  async function pushReport(row: OutboxRow, report: PushReport): Promise<'next' | 'stop'> {
    const signed = deps.encounters.report(row.entity_id);
    if (!signed) return park(row, 'The record is no longer on this station.', report);
    const refused = deps.capabilities?.().refuses('Binary');
    if (refused) return later(row, refused, report, false, UNSUPPORTED_WAIT_MS);
    let pdf: StoredReportPdf;
    try {
      pdf = await deps.reportPdfs.sealed(signed.id);
    } catch (error) {
      return park(row, `The report's PDF could not be made: ${(error as Error).message}`, report);
    }
    try {
      for (const binary of [reportPdfToBinary(signed.id, pdf.data), reportToBinary(signed)]) {
        const answer = await deps.client.put(binary as Binary & { id: string }, null);
        if (answer.status !== 200 && answer.status !== 201) return answerNotOk(row, answer, report);
      }
    } catch (error) {
      if (error instanceof FhirRateLimitedError) return waitAsAsked(row, report);
      if (!(error instanceof FhirNetworkError)) throw error;
      report.unreachable = true;
      return later(row, error.message, report, true);
    }
    return putResource(row, build(row), report);
  }

  /**
   * The professionals a resource names by IdNatPS get a Practitioner on the server if it has
   * none (conditional create); once per professional and run. A failure here holds nothing back:
   * the resource names them by identifier anyway.
   */
  const practitionersKnown = new Set<string>();
  async function ensurePractitioners(resource: Resource): Promise<void> {
    if (deps.capabilities && !deps.capabilities().createsPractitioners) return;
    for (const p of namedProfessionals(resource)) {
      if (practitionersKnown.has(p.rpps!)) continue;
      const practitioner = practitionerToFhir(p);
      if (!practitioner) continue;
      const answer = await deps.client.createIfNone(practitioner, practitionerSearch(p.rpps!));
      if (answer.status === 200 || answer.status === 201) practitionersKnown.add(p.rpps!);
    }
  }

  /** Waits, apart from the rest, until the call is linked to an act (tried again then, or in 10 minutes). */
  const waitForAct = (row: OutboxRow, why: string): 'next' => {
    deps.sync.waitForAct(row.seq, why, new Date(deps.now().getTime() + 10 * 60_000).toISOString());
    return 'next';
  };

  /** A chat line goes as a Communication of the act the call is linked to; until then it waits. */
  async function pushChat(row: OutboxRow, report: PushReport): Promise<'next' | 'stop'> {
    const key = parseChatEntityId(row.entity_id);
    const line = key ? deps.calls?.chatLine(key.callId, key.lineId) : null;
    if (!key || !line) return park(row, 'The record is no longer on this station.', report);
    const encounter = deps.encounters.ofCall(key.callId);
    if (!encounter) return waitForAct(row, 'Waiting for its act: link the call to an act to send this message.');
    return putResource(row, { resource: chatToCommunication(line, encounter) as Resource & { id: string }, version: 1 }, report);
  }

  async function pushOne(row: OutboxRow, report: PushReport): Promise<'next' | 'stop'> {
    if (row.entity === 'attachment') return pushAttachment(row, report);
    if (row.entity === 'call_chat') return pushChat(row, report);
    if (row.entity === 'report') return pushReport(row, report);
    return putResource(row, build(row), report);
  }

  async function putResource(row: OutboxRow, built: Built, report: PushReport): Promise<'next' | 'stop'> {
    const at = () => deps.now().toISOString();
    if (!built) return park(row, 'The record is no longer on this station.', report);
    try {
      validateFhir(built.resource);
    } catch (error) {
      return park(row, error instanceof FhirValidationError ? error.message : String(error), report);
    }
    const refused = deps.capabilities?.().refuses(built.resource.resourceType);
    if (refused) return later(row, refused, report, false, UNSUPPORTED_WAIT_MS);
    const versioned = deps.capabilities?.().versionedUpdate(built.resource.resourceType) ?? true;
    const known = deps.sync.resource(row.entity, row.entity_id);
    const done = (versionId: string | null, stored: Resource | null) => {
      deps.inTransaction(() => {
        deps.sync.pushed(row.entity, row.entity_id, built.version, built.resource.resourceType, versionId, at());
        if (row.entity === 'audit') acknowledgeAudit(built.resource, stored, at());
      });
      report.pushed++;
      return 'next' as const;
    };
    const hash = contentHash(built.resource);
    // Remembered before sending: if the answer is lost, the server's copy is recognised as ours.
    deps.sync.sending(row.entity, row.entity_id, hash, at());
    const conflict = (server: Resource | null) => {
      deps.inTransaction(() => {
        deps.sync.addConflict(row.entity, row.entity_id, built.resource, server, at());
        deps.sync.parkRecord(row.entity, row.entity_id, CONFLICT_MESSAGE);
      });
      report.conflicts++;
      return 'next' as const;
    };
    let answer;
    try {
      await ensurePractitioners(built.resource);
      let ifMatch = known?.serverVersionId ?? null;
      if (!versioned && known) {
        // The server cannot refuse a write over a version we have not seen: look first.
        const server = await deps.client.read(built.resource.resourceType, built.resource.id);
        if (server.status === 200 && server.resource && server.versionId !== ifMatch) {
          const serverHash = contentHash(server.resource);
          if (serverHash === hash) return done(server.versionId, server.resource);
          if (!deps.sync.wasSent(row.entity, row.entity_id, serverHash)) return conflict(server.resource);
        }
      }
      answer = await deps.client.put(built.resource, versioned ? ifMatch : null);
      if (answer.status === 412) {
        const server = await deps.client.read(built.resource.resourceType, built.resource.id);
        const serverHash = server.status === 200 && server.resource ? contentHash(server.resource) : null;
        if (serverHash === hash) return done(server.versionId, server.resource);
        if (serverHash !== null && deps.sync.wasSent(row.entity, row.entity_id, serverHash) && server.versionId !== ifMatch) {
          // An earlier version of ours, whose answer was lost: write the current one over it.
          ifMatch = server.versionId;
          deps.sync.adoptServerVersion(row.entity, row.entity_id, built.resource.resourceType, ifMatch, at());
          answer = await deps.client.put(built.resource, ifMatch);
        }
      }
      if (answer.status === 412) return conflict((await deps.client.read(built.resource.resourceType, built.resource.id)).resource);
      if (answer.status === 404 && versioned && ifMatch !== null) {
        // The region lost a record it had acknowledged (restored from a backup, a development hub
        // restarted empty): created again, never parked for good. The pass stops, so that the
        // reconciliation first sends again what it points to (its patient, its act).
        deps.sync.forget(row.entity, row.entity_id);
        report.regionLost++;
        return 'stop';
      }
    } catch (error) {
      if (error instanceof FhirRateLimitedError) return waitAsAsked(row, report);
      if (!(error instanceof FhirNetworkError)) throw error;
      report.unreachable = true;
      deps.sync.retryLater(row.seq, error.message, new Date(deps.now().getTime() + backoffMs(row.attempts)).toISOString());
      report.stoppedBy = error.message;
      return 'stop';
    }
    if (answer.status === 200 || answer.status === 201) return done(answer.versionId, answer.resource);
    return answerNotOk(row, answer, report);
  }

  /**
   * SECURITY: the region's answer to an AuditEvent is the stored copy; when its chain hash is the
   * row's, the station keeps it as the region's acknowledgement of that row. An answer without it
   * (a server that answers nothing back) acknowledges nothing: the row is sent, not anchored.
   */
  function acknowledgeAudit(sent: Resource, stored: Resource | null, at: string): void {
    const mine = auditChainLinkOf(sent);
    const theirs = auditChainLinkOf(stored);
    if (mine && theirs && theirs.seq === mine.seq && theirs.hash === mine.hash) deps.audit?.acknowledge(mine.seq, mine.hash, at);
  }

  /** A refusal: waits and stops the pass when the server may take it later, parks it with the reason otherwise. */
  function answerNotOk(row: OutboxRow, answer: FhirAnswer, report: PushReport): 'next' | 'stop' {
    const verdict = refusalVerdict(answer);
    if (verdict.kind === 'pause') return waitAsAsked(row, report);
    return verdict.kind === 'later' ? later(row, verdict.why, report, verdict.stop) : park(row, verdict.why, report);
  }

  return {
    /** One pass over what is due; returns what happened. */
    async runOnce(limit = 500): Promise<PushReport> {
      const report: PushReport = { pushed: 0, parked: 0, auditRefused: 0, conflicts: 0, stoppedBy: null, regionLost: 0, unreachable: false };
      // Still within a pause the server asked for: nothing is sent, nothing is counted.
      const paused = deps.client.pace.waitMs();
      if (paused > 0) return { ...report, stoppedBy: pausedMessage(paused) };
      const rows = deps.sync.due(deps.audit ? PUSHED_WITH_AUDIT : PUSHED_ENTITIES, deps.now().toISOString(), limit);
      const seen = new Set<string>();
      for (const row of rows) {
        // Several rows of one record (versions 1..n) go as one push of its current state.
        const key = `${row.entity}/${row.entity_id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if ((await pushOne(row, report)) === 'stop') break;
      }
      if (report.stoppedBy === null && rows.length > 0) deps.sync.setLastSync(deps.now().toISOString());
      return report;
    },
  };
}
