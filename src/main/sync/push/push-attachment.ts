// A file: its bytes go first (resumable, checked against their SHA-256), then the Media (photo,
// sound) or DocumentReference (PDF) that points at them. One step of the push (push-worker.ts).
import type { Resource } from '@medplum/fhirtypes';
import { createHash } from 'node:crypto';
import { DEFAULT_RETRY_AFTER_MS, parseRetryAfter } from '../../platform/hub/hub-pace';
import { SealedFileError } from '../../platform/security/sealed-file';
import { attachmentToDocumentReference } from '../fhir/document';
import { attachmentToMedia } from '../fhir/media';
import type { PushDeps, PushReport } from '../push-worker';
import { storedFileSource, UploadRefusedError } from '../resumable-upload';
import type { OutboxRow } from '../sync-repository';
import type { PutResource } from './put-resource';
import type { RowOutcomes } from './row-outcomes';
import { sendingSums, type FileSums } from './sending-sums';
import { UNSUPPORTED_WAIT_MS } from './unsupported';

export function createPushAttachment(
  deps: PushDeps,
  { later, waitAsAsked, park, waitForAct }: RowOutcomes,
  putResource: PutResource,
) {
  /** SHA-256 (to check the stored file) and SHA-1 in base64 (FHIR's Attachment.hash), one read. */
  async function hashes(chunks: AsyncIterable<Buffer>): Promise<FileSums> {
    const sha256 = createHash('sha256');
    const sha1 = createHash('sha1');
    for await (const chunk of chunks) {
      sha256.update(chunk);
      sha1.update(chunk);
    }
    return { sha256: sha256.digest('hex'), sha1Base64: sha1.digest('base64') };
  }

  /** A file: its bytes go first (resumable), then the Media (photo, sound) or DocumentReference (PDF) that points at them. */
  async function pushAttachment(row: OutboxRow, report: PushReport): Promise<'next' | 'stop'> {
    const a = deps.calls?.attachment(row.entity_id);
    if (!a) return park(row, 'The record is no longer on this station.', report);
    const refused = deps.capabilities?.().refuses(a.kind === 'document' ? 'DocumentReference' : 'Media');
    if (refused) return later(row, refused, report, false, UNSUPPORTED_WAIT_MS);
    // A file belongs to a patient through its act: given, or the one held during the call; a
    // call's file waits, apart and without holding the others back, until the call has an act.
    const encounter = a.encounterId
      ? deps.encounters.get(a.encounterId)
      : a.callId
        ? deps.encounters.ofCall(a.callId)
        : null;
    if (!encounter && a.encounterId) return park(row, 'Its act is no longer on this station.', report);
    if (!encounter) return waitForAct(row, 'Waiting for its act: link the call to an act to send this file.');
    const store = deps.attachments;
    if (!store || !deps.upload) return later(row, 'No upload endpoint configured.', report, false, 60_000);
    if (!store.has(a.sha256)) return park(row, `The stored file ${a.sha256} is missing from the data folder.`, report);
    // The file is read once: its SHA-1 taken as it is sent (sending-sums.ts; the hub checks the
    // SHA-256 of what it received against the one announced), from the stored copy only when the
    // upload was resumed or done by an earlier run. Each sealed record is authenticated as it is
    // read: a damaged copy stops the upload at its first bad record.
    let sending: ReturnType<typeof sendingSums>;
    try {
      sending = sendingSums(storedFileSource(store, a.sha256));
    } catch (error) {
      if (error instanceof SealedFileError) return park(row, error.message, report);
      throw error;
    }
    /** The stored copy's sums, read whole, or why it is damaged (then parked). */
    const storedSums = async (): Promise<FileSums | string> => {
      try {
        const sums = await hashes(store.chunks(a.sha256));
        if (sums.sha256 === a.sha256) return sums;
        return `The stored file ${a.sha256} is damaged (its content no longer matches its SHA-256).`;
      } catch (error) {
        if (error instanceof SealedFileError) return error.message;
        throw error;
      }
    };
    let url = deps.sync.upload(a.sha256);
    if (!url?.completed) {
      try {
        const progress = (sentBytes: number, totalBytes: number) =>
          deps.onUpload?.(a.id, { attachmentId: a.id, kind: a.kind, sentBytes, totalBytes });
        progress(0, a.size);
        const done = await deps
          .upload({
            source: sending.source,
            sha256: a.sha256,
            contentType: a.mime,
            resumeUrl: url?.url ?? null,
            onUrl: (u) => deps.sync.uploadStarted(a.sha256, u),
            onProgress: progress,
          })
          .finally(() => deps.onUpload?.(a.id, null));
        deps.sync.uploadStarted(a.sha256, done.url);
        deps.sync.uploadCompleted(a.sha256, deps.now().toISOString());
        url = { url: done.url, completed: true };
      } catch (error) {
        if (error instanceof SealedFileError) return park(row, error.message, report);
        // The hub received other bytes than the station announced: the stored copy, or the transfer?
        if (error instanceof UploadRefusedError && error.status === 460) {
          const stored = await storedSums();
          return park(row, typeof stored === 'string' ? stored : error.message, report);
        }
        // The hub's quota or size limit: a person must act (then retries).
        if (error instanceof UploadRefusedError && error.status === 413) return park(row, error.message, report);
        if (error instanceof UploadRefusedError && error.status === 429) {
          // The uploads and the FHIR endpoint share the region's limit for this token: one pause for both.
          deps.client.pace.holdUntil(
            Date.now() +
              (error.retryAfter === null ? DEFAULT_RETRY_AFTER_MS : parseRetryAfter(error.retryAfter, Date.now())),
          );
          return waitAsAsked(row, report);
        }
        if (
          error instanceof UploadRefusedError &&
          error.status !== null &&
          error.status >= 400 &&
          error.status < 500 &&
          error.status !== 401 &&
          error.status !== 403 &&
          error.status !== 429
        ) {
          return park(row, `Upload refused (${error.status}): ${error.message}`, report);
        }
        report.unreachable = error instanceof UploadRefusedError && error.status === null;
        return later(row, `Upload interrupted: ${(error as Error).message}`, report, true);
      }
    }
    // Sent whole by this run: the hub checked its SHA-256. Otherwise both sums from the stored copy.
    const sent = sending.sha1Base64();
    const sums = sent === null ? await storedSums() : { sha256: a.sha256, sha1Base64: sent };
    if (typeof sums === 'string') return park(row, sums, report);
    const content = { url: url.url, sha1Base64: sums.sha1Base64 };
    const resource = (
      a.kind === 'document'
        ? attachmentToDocumentReference(a, encounter, content)
        : attachmentToMedia(a, encounter, content)
    ) as Resource & { id: string };
    return putResource(row, { resource, version: 1 }, report);
  }

  return pushAttachment;
}
