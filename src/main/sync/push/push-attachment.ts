// A file: its bytes go first (resumable, checked against their SHA-256), then the Media (photo,
// sound) or DocumentReference (PDF) that points at them. One step of the push (push-worker.ts).
import type { Resource } from '@medplum/fhirtypes';
import { createHash } from 'node:crypto';
import { DEFAULT_RETRY_AFTER_MS, parseRetryAfter } from '../../platform/hub/hub-pace';
import { SealedFileError } from '../../platform/security/sealed-file';
import { attachmentToDocumentReference } from '../fhir/document';
import { attachmentToMedia } from '../fhir/media';
import type { PushDeps, PushReport } from '../push-worker';
import { UploadRefusedError } from '../resumable-upload';
import type { OutboxRow } from '../sync-repository';
import type { PutResource } from './put-resource';
import type { RowOutcomes } from './row-outcomes';
import { UNSUPPORTED_WAIT_MS } from './unsupported';

export function createPushAttachment(
  deps: PushDeps,
  { later, waitAsAsked, park, waitForAct }: RowOutcomes,
  putResource: PutResource,
) {
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
    let sums: { sha256: string; sha1Base64: string };
    try {
      sums = await hashes(store.chunks(a.sha256));
    } catch (error) {
      if (error instanceof SealedFileError) return park(row, error.message, report);
      throw error;
    }
    if (sums.sha256 !== a.sha256)
      return park(row, `The stored file ${a.sha256} is damaged (its content no longer matches its SHA-256).`, report);
    const source = {
      size: store.size(a.sha256),
      read: (start: number, end: number) => store.readRange(a.sha256, start, end),
    };
    let url = deps.sync.upload(a.sha256);
    if (!url?.completed) {
      try {
        const progress = (sentBytes: number, totalBytes: number) =>
          deps.onUpload?.(a.id, { attachmentId: a.id, kind: a.kind, sentBytes, totalBytes });
        progress(0, a.size);
        const done = await deps
          .upload({
            source,
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
        // A corrupt transfer, or the hub's quota or size limit: a person must act (then retries).
        if (error instanceof UploadRefusedError && (error.status === 460 || error.status === 413))
          return park(row, error.message, report);
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
