// Receives the record's files (a call's, or an act's) in chunks: each chunk must start where the station's copy ends (so a
// resumed transfer neither skips nor repeats bytes), the whole is checked against the announced
// size and SHA-256, and only then is the file kept, once per content, in the sealed store, with
// its row and an outbox row in one transaction. A failed check keeps nothing. Chunks are sealed
// as they arrive: a transfer in progress is never on disk in the clear either. At most
// MAX_TRANSFERS_IN_PROGRESS at once; one nobody sends to for ten minutes is let go with its file.
import { createHash, randomUUID, type Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Attachment, AttachmentBeginSchema } from '../../shared/attachments';
import { AppFailure, fieldFailure } from '../contract/failure';
import type { CallRepository } from '../db/call-repository';
import type { Db } from '../db/connection';
import type { EncounterRepository } from '../db/encounter-repository';
import type { OutboxRepository } from '../db/outbox-repository';
import type { FileSealer, SealedAppender } from '../security/sealed-file';
import type { AttachmentStore } from './attachment-store';

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
}

/** Transfers in progress at once: a page sends its captures one after the other, a few at most. */
export const MAX_TRANSFERS_IN_PROGRESS = 16;
/** A transfer that received nothing for this long is abandoned (a closed page, a crashed tab). */
const ABANDONED_AFTER_MS = 10 * 60_000;
const SWEEP_EVERY_MS = 60_000;

export function createAttachmentService({ db, dataDir, store, sealer, calls, encounters, onActChanged, outbox, now }: AttachmentServiceDeps) {
  const uploadsDir = path.join(dataDir, 'uploads');
  // Transfers live in memory: what a stopped station left half-received is of no use to anyone.
  fs.rmSync(uploadsDir, { recursive: true, force: true });
  const uploads = new Map<string, { meta: Begin; file: string; sealed: SealedAppender; hash: Hash; lastChunkAt: number }>();
  const insert = db.prepare(`INSERT INTO attachments (id, call_id, encounter_id, kind, mime, size, sha256, title, body_site, device, author, taken_at)
    VALUES (@id, @callId, @encounterId, @kind, @mime, @size, @sha256, @title, @bodySite, @device, @author, @takenAt)`);

  function forget(uploadId: string, { keepFile = false } = {}): void {
    const upload = uploads.get(uploadId);
    uploads.delete(uploadId);
    if (upload && !keepFile) fs.rmSync(upload.file, { force: true });
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
      `${MAX_TRANSFERS_IN_PROGRESS} files are being received by this station already: wait for them to finish, then add this one again `
        + `(a transfer left unfinished is dropped after ${minutes} minutes without data).`,
      [{ path: 'transfer', code: 'upload.too_many_in_progress', params: { max: MAX_TRANSFERS_IN_PROGRESS, minutes } }],
    );
  }

  return {
    begin(meta: Begin): { uploadId: string } {
      if (meta.callId !== null && !calls.exists(meta.callId)) throw new AppFailure('not_found', 'This call is not in the journal of this station.');
      if (meta.encounterId !== null) {
        const act = encounters.get(meta.encounterId);
        if (!act) throw new AppFailure('not_found', 'This act is not recorded on this station.');
        if (act.status === 'closed') throw fieldFailure('encounterId', 'encounter.closed');
      }
      dropAbandoned();
      refuseOverCap();
      fs.mkdirSync(uploadsDir, { recursive: true, mode: 0o700 });
      const uploadId = randomUUID();
      const file = path.join(uploadsDir, `${uploadId}.part`);
      uploads.set(uploadId, { meta, file, sealed: sealer.appender(file), lastChunkAt: now().getTime(), hash: createHash('sha256') });
      return { uploadId };
    },

    chunk(uploadId: string, offset: number, base64: string): { received: number } {
      const upload = uploads.get(uploadId);
      if (!upload) throw new AppFailure('not_found', 'No transfer with this id (finished, abandoned or unknown): start again.');
      const received = upload.sealed.written;
      if (offset !== received) throw fieldFailure('offset', 'upload.wrong_offset', { expected: received });
      const bytes = Buffer.from(base64, 'base64');
      if (received + bytes.length > upload.meta.size) {
        forget(uploadId);
        throw fieldFailure('data', 'upload.too_long', { size: upload.meta.size });
      }
      upload.sealed.append(bytes);
      upload.hash.update(bytes);
      upload.lastChunkAt = now().getTime();
      return { received: upload.sealed.written };
    },

    finish(uploadId: string): Attachment {
      const upload = uploads.get(uploadId);
      if (!upload) throw new AppFailure('not_found', 'No transfer with this id (finished, abandoned or unknown): start again.');
      const { meta } = upload;
      if (upload.sealed.written !== meta.size) throw fieldFailure('size', 'upload.incomplete', { expected: meta.size, received: upload.sealed.written });
      // The hash is final once taken: the transfer ends here whatever the outcome.
      const actual = upload.hash.digest('hex');
      forget(uploadId, { keepFile: actual === meta.sha256 });
      if (actual !== meta.sha256) throw fieldFailure('sha256', 'upload.hash_mismatch', { actual });
      upload.sealed.close();
      store.adopt(meta.sha256, upload.file);
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
      };
      db.transaction(() => {
        insert.run(attachment);
        outbox.enqueue('attachment', attachment.id, 1, 'create', now().toISOString());
      })();
      if (attachment.encounterId) onActChanged(attachment.encounterId);
      return attachment;
    },

    /** The station stops: transfers in progress go with it (their files are removed at the next start). */
    close(): void {
      clearInterval(sweeper);
    },
  };
}
