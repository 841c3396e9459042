// Receives the record's files (a call's, or an act's) in chunks: each chunk must start where the station's copy ends (so a
// resumed transfer neither skips nor repeats bytes), the whole is checked against the announced
// size and SHA-256, and only then is the file kept, once per content, under attachments/<hash>,
// with its row and an outbox row in one transaction. A failed check keeps nothing.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Attachment, AttachmentBeginSchema } from '../../shared/attachments';
import { AppFailure, fieldFailure } from '../contract/failure';
import type { CallRepository } from '../db/call-repository';
import type { Db } from '../db/connection';
import type { EncounterRepository } from '../db/encounter-repository';
import type { OutboxRepository } from '../db/outbox-repository';

type Begin = z.output<typeof AttachmentBeginSchema>;

export interface AttachmentServiceDeps {
  db: Db;
  dataDir: string;
  calls: CallRepository;
  encounters: EncounterRepository;
  /** An act got a file: its screen refreshes. */
  onActChanged: (encounterId: string) => void;
  outbox: OutboxRepository;
  now: () => Date;
}

const UPLOAD_TTL_MS = 24 * 3600 * 1000;

export function createAttachmentService({ db, dataDir, calls, encounters, onActChanged, outbox, now }: AttachmentServiceDeps) {
  const uploadsDir = path.join(dataDir, 'uploads');
  const filesDir = path.join(dataDir, 'attachments');
  const uploads = new Map<string, { meta: Begin; file: string; received: number; startedAt: number }>();
  const insert = db.prepare(`INSERT INTO attachments (id, call_id, encounter_id, kind, mime, size, sha256, title, body_site, device, author, taken_at)
    VALUES (@id, @callId, @encounterId, @kind, @mime, @size, @sha256, @title, @bodySite, @device, @author, @takenAt)`);

  /** Where a kept file lives: content-addressed, two-level to keep folders small. */
  const pathOf = (sha256: string) => path.join(filesDir, sha256.slice(0, 2), sha256);

  function forget(uploadId: string): void {
    const upload = uploads.get(uploadId);
    uploads.delete(uploadId);
    if (upload) fs.rmSync(upload.file, { force: true });
  }

  function dropAbandoned(): void {
    for (const [id, upload] of uploads) if (now().getTime() - upload.startedAt > UPLOAD_TTL_MS) forget(id);
  }

  function sha256Of(file: string): string {
    const hash = createHash('sha256');
    const fd = fs.openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(1 << 20);
      for (let n; (n = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, n));
    } finally {
      fs.closeSync(fd);
    }
    return hash.digest('hex');
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
      fs.mkdirSync(uploadsDir, { recursive: true, mode: 0o700 });
      const uploadId = randomUUID();
      const file = path.join(uploadsDir, `${uploadId}.part`);
      fs.writeFileSync(file, new Uint8Array(0), { mode: 0o600 });
      uploads.set(uploadId, { meta, file, received: 0, startedAt: now().getTime() });
      return { uploadId };
    },

    chunk(uploadId: string, offset: number, base64: string): { received: number } {
      const upload = uploads.get(uploadId);
      if (!upload) throw new AppFailure('not_found', 'No transfer with this id (finished, abandoned or unknown): start again.');
      if (offset !== upload.received) throw fieldFailure('offset', 'upload.wrong_offset', { expected: upload.received });
      const bytes = Buffer.from(base64, 'base64');
      if (upload.received + bytes.length > upload.meta.size) {
        forget(uploadId);
        throw fieldFailure('data', 'upload.too_long', { size: upload.meta.size });
      }
      fs.appendFileSync(upload.file, bytes);
      upload.received += bytes.length;
      return { received: upload.received };
    },

    finish(uploadId: string): Attachment {
      const upload = uploads.get(uploadId);
      if (!upload) throw new AppFailure('not_found', 'No transfer with this id (finished, abandoned or unknown): start again.');
      const { meta } = upload;
      if (upload.received !== meta.size) throw fieldFailure('size', 'upload.incomplete', { expected: meta.size, received: upload.received });
      const actual = sha256Of(upload.file);
      if (actual !== meta.sha256) {
        forget(uploadId);
        throw fieldFailure('sha256', 'upload.hash_mismatch', { actual });
      }
      const target = pathOf(meta.sha256);
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      // The same content twice (the same snapshot saved again) is stored once.
      if (fs.existsSync(target)) fs.rmSync(upload.file);
      else fs.renameSync(upload.file, target);
      uploads.delete(uploadId);
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

    pathOf,
  };
}
