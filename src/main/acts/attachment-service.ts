// Receives the record's files (a call's, or an act's) in chunks: each chunk must start where the station's copy ends (so a
// resumed transfer neither skips nor repeats bytes), the whole is checked against the announced
// size and SHA-256, and only then is the file kept, once per content, in the sealed store (its
// sealed copy read back whole first: what is kept is what was received), with its row and an
// outbox row in one transaction. A failed check keeps nothing. Chunks are sealed as they arrive
// (a transfer in progress is never on disk in the clear either), each whole or not at all. At
// most MAX_TRANSFERS_IN_PROGRESS at once; one nobody sends to for ten minutes is let go with its file.
import { createHash, randomUUID, type Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Attachment, AttachmentBeginSchema } from '../../shared/acts/attachments';
import { AppFailure, fieldFailure } from '../contract/failure';
import type { CallRepository } from '../calls';
import type { Db } from '../platform/database/connection';
import type { EncounterRepository } from './encounter-repository';
import type { OutboxRepository } from '../platform/database/outbox-repository';
import { SealedFileError, type FileSealer, type SealedAppender } from '../platform/security/sealed-file';
import type { AttachmentStore, StoreOutcome } from '../platform/files/attachment-store';

type Begin = z.output<typeof AttachmentBeginSchema>;

export interface AttachmentServiceDeps {
  db: Db;
  dataDir: string;
  store: AttachmentStore;
  sealer: FileSealer;
  calls: CallRepository;
  encounters: EncounterRepository;
  /** An act got a file: its screen refreshes. */
  onActChanged: (encounterId: string) => void;
  outbox: OutboxRepository;
  now: () => Date;
  /** Throws disk_full when `bytes` more would eat into the space kept for the records (disk-space.ts). */
  roomFor: (bytes: number, what: string) => void;
  /** Throws consent_required unless the patient consents to this recording (station-consent.ts). */
  requireConsent: (meta: { kind: string; encounterId: string | null; callId: string | null }) => void;
}

/** Transfers in progress at once: a page sends its captures one after the other, a few at most. */
export const MAX_TRANSFERS_IN_PROGRESS = 16;
/** A transfer that received nothing for this long is abandoned (a closed page, a crashed tab). */
const ABANDONED_AFTER_MS = 10 * 60_000;
const SWEEP_EVERY_MS = 60_000;

export function createAttachmentService({
  db,
  dataDir,
  store,
  sealer,
  calls,
  encounters,
  onActChanged,
  outbox,
  now,
  roomFor,
  requireConsent,
}: AttachmentServiceDeps) {
  const uploadsDir = path.join(dataDir, 'uploads');
  // Transfers live in memory: what a stopped station left half-received is of no use to anyone.
  fs.rmSync(uploadsDir, { recursive: true, force: true });
  /** `stored`: what keeping the file did, once it is in the store (its row may still be to write). */
  const uploads = new Map<
    string,
    { meta: Begin; file: string; sealed: SealedAppender; hash: Hash; lastChunkAt: number; stored?: StoreOutcome }
  >();
  const insert =
    db.prepare(`INSERT INTO attachments (id, call_id, encounter_id, kind, mime, size, sha256, title, body_site, device, author, taken_at, asked_by)
    VALUES (@id, @callId, @encounterId, @kind, @mime, @size, @sha256, @title, @bodySite, @device, @author, @takenAt, @askedBy)`);
  const unparkSameFile =
    db.prepare(`UPDATE outbox SET parked = 0, attempts = 0, next_attempt_at = NULL, last_error = NULL
    WHERE entity = 'attachment' AND parked = 1 AND entity_id IN (SELECT id FROM attachments WHERE sha256 = ?)`);

  function forget(uploadId: string, { keepFile = false } = {}): void {
    const upload = uploads.get(uploadId);
    uploads.delete(uploadId);
    if (upload && !keepFile) fs.rmSync(upload.file, { force: true });
  }

  /** Moves the transfer's sealed file into the store once it reads back whole; a copy that does not is a failure, nothing kept. */
  function keep(uploadId: string, file: string, sha256: string): StoreOutcome {
    try {
      return store.adopt(sha256, file);
    } catch (error) {
      if (!(error instanceof SealedFileError)) throw error;
      forget(uploadId);
      throw new AppFailure(
        'internal',
        `The file was received whole, but its stored copy on this station does not read back (${error.message}): nothing was kept. ` +
          'Send it again; if this happens again, the disk of the data folder may be failing: call support.',
      );
    }
  }

  /** What a new transfer must pass before it starts: room for it on the disk, the records' reserve kept. */
  function admitNewTransfer(meta: Begin): void {
    roomFor(meta.size, 'This file');
  }

  function dropAbandoned(): void {
    for (const [id, upload] of uploads) if (now().getTime() - upload.lastChunkAt > ABANDONED_AFTER_MS) forget(id);
  }
  // Abandoned files go within a minute, not only when another transfer starts.
  const sweeper = setInterval(dropAbandoned, SWEEP_EVERY_MS);
  sweeper.unref?.();

  // SECURITY: a page that begins transfers without end (a bug, or code holding browser mode's
  // key) cannot fill the disk with .part files nor the memory with their state.
  function refuseOverCap(): void {
    if (uploads.size < MAX_TRANSFERS_IN_PROGRESS) return;
    const minutes = ABANDONED_AFTER_MS / 60_000;
    throw new AppFailure(
      'validation_failed',
      `${MAX_TRANSFERS_IN_PROGRESS} files are being received by this station already: wait for them to finish, then add this one again ` +
        `(a transfer left unfinished is dropped after ${minutes} minutes without data).`,
      [{ path: 'transfer', code: 'upload.too_many_in_progress', params: { max: MAX_TRANSFERS_IN_PROGRESS, minutes } }],
    );
  }

  // SECURITY: who asked for a photo is the call's other side as the hub named her, read from the
  // call journal; the page only says which call. A call whose other side is not an expert asks nothing.
  function askedBy(meta: Begin): string | null {
    if (meta.askedInCall === null) return null;
    const remote = calls.remoteOf(meta.askedInCall);
    if (!remote)
      throw new AppFailure('not_found', 'The call that asked for this photo is not in the journal of this station.');
    if (remote.role !== 'expert') throw fieldFailure('askedInCall', 'attachment.asked_by_not_expert');
    return remote.name;
  }

  return {
    begin(meta: Begin): { uploadId: string } {
      if (meta.callId !== null && !calls.exists(meta.callId))
        throw new AppFailure('not_found', 'This call is not in the journal of this station.');
      if (meta.encounterId !== null) {
        const act = encounters.get(meta.encounterId);
        if (!act) throw new AppFailure('not_found', 'This act is not recorded on this station.');
        if (act.status === 'closed') throw fieldFailure('encounterId', 'encounter.closed');
      }
      askedBy(meta);
      requireConsent(meta);
      dropAbandoned();
      refuseOverCap();
      admitNewTransfer(meta);
      fs.mkdirSync(uploadsDir, { recursive: true, mode: 0o700 });
      const uploadId = randomUUID();
      const file = path.join(uploadsDir, `${uploadId}.part`);
      uploads.set(uploadId, {
        meta,
        file,
        sealed: sealer.appender(file),
        lastChunkAt: now().getTime(),
        hash: createHash('sha256'),
      });
      return { uploadId };
    },

    chunk(uploadId: string, offset: number, base64: string): { received: number } {
      const upload = uploads.get(uploadId);
      if (!upload)
        throw new AppFailure('not_found', 'No transfer with this id (finished, abandoned or unknown): start again.');
      const received = upload.sealed.written;
      if (offset !== received) throw fieldFailure('offset', 'upload.wrong_offset', { expected: received });
      const bytes = Buffer.from(base64, 'base64');
      if (received + bytes.length > upload.meta.size) {
        forget(uploadId);
        throw fieldFailure('data', 'upload.too_long', { size: upload.meta.size });
      }
      // Room for the whole file was there at its start; a transfer under way stops at the reserve
      // all the same (other writers share the disk). A piece the disk cannot take whole leaves nothing.
      roomFor(0, 'The rest of this file');
      upload.sealed.append(bytes);
      upload.hash.update(bytes);
      upload.lastChunkAt = now().getTime();
      return { received: upload.sealed.written };
    },

    finish(uploadId: string): Attachment {
      const upload = uploads.get(uploadId);
      if (!upload)
        throw new AppFailure('not_found', 'No transfer with this id (finished, abandoned or unknown): start again.');
      const { meta } = upload;
      // A consent withdrawn while the file came in is obeyed: nothing is kept.
      try {
        requireConsent(meta);
      } catch (error) {
        forget(uploadId);
        throw error;
      }
      if (upload.sealed.written !== meta.size)
        throw fieldFailure('size', 'upload.incomplete', { expected: meta.size, received: upload.sealed.written });
      const actual = upload.hash.copy().digest('hex');
      if (actual !== meta.sha256) {
        forget(uploadId);
        throw fieldFailure('sha256', 'upload.hash_mismatch', { actual });
      }
      // Until its row is written the transfer stays: a full disk at any step below is answered
      // as such, and the same finish asked again once space is back carries on from there.
      if (!upload.stored) {
        upload.sealed.close();
        upload.stored = keep(uploadId, upload.file, meta.sha256);
      }
      const attachment: Attachment = {
        id: randomUUID(),
        callId: meta.callId,
        encounterId: meta.encounterId,
        kind: meta.kind,
        mime: meta.mime,
        size: meta.size,
        sha256: meta.sha256,
        title: meta.title,
        bodySite: meta.bodySite,
        device: meta.device,
        author: meta.author,
        takenAt: meta.takenAt,
        askedBy: askedBy(meta),
      };
      db.transaction(() => {
        insert.run(attachment);
        outbox.enqueue('attachment', attachment.id, 1, 'create', now().toISOString());
        // The records parked because their copy was damaged have a sound one now: they go again.
        if (upload.stored === 'replaced_damaged') unparkSameFile.run(meta.sha256);
      })();
      forget(uploadId, { keepFile: true });
      // A capture of a call lands in the call's act as it happens: its screen refreshes too.
      const actId = attachment.encounterId ?? (attachment.callId ? encounters.ofCall(attachment.callId)?.id : null);
      if (actId) onActChanged(actId);
      return attachment;
    },

    /** The station stops: transfers in progress go with it (their files are removed at the next start). */
    close(): void {
      clearInterval(sweeper);
    },
  };
}
