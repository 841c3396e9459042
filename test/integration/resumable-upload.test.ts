// Large attachments to the hub's resumable upload endpoint (tus): streamed in chunks, stopped
// half-way (a network drop, a restart) and resumed from the server's offset, checked by SHA-256
// at the end; a file whose bytes do not match what it announced is refused and not kept.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import {
  CHUNK_BYTES,
  CREATION_DATA_BYTES,
  fileSource,
  storedFileSource,
  uploadFile,
  UploadRefusedError,
} from '../../src/main/sync/resumable-upload';
import { createFileSealer, SealedFileError } from '../../src/main/platform/security/sealed-file';
import { createAttachmentStore } from '../../src/main/platform/files/attachment-store';
import { startRecordingProxy } from '../helpers/recording-proxy';
import { useTempDir } from '../helpers/temp-dir';

const SECRET = 'upload-secret';
const token = issueToken(SECRET, {
  sub: 'cart-2',
  role: 'station',
  name: 'Chariot 2',
  site: 'EHPAD',
  specialty: null,
  exp: Math.floor(Date.now() / 1000) + 600,
});
const tempDir = useTempDir();
let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub({
    secret: SECRET,
    turnSecret: 'x',
    turnUrls: [],
    offers: [],
    uploadsDir: path.join(tempDir(), 'hub-uploads'),
  });
});
afterAll(() => hub.close());

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
function fileOf(bytes: number): { file: string; data: Buffer } {
  const data = randomBytes(bytes);
  const file = path.join(tempDir(), 'auscultation.wav');
  fs.writeFileSync(file, data);
  return { file, data };
}

describe('resumable uploads', () => {
  it('resumes from the server offset after a stop half-way, and keeps exactly the bytes sent', async () => {
    const { file, data } = fileOf(12 * 1024 * 1024);
    let url: string | null = null;
    const stop = new AbortController();
    const first = uploadFile({
      endpoint: hub.uploadsUrl,
      token,
      source: fileSource(file),
      sha256: sha256(data),
      contentType: 'audio/wav',
      chunkSize: 1024 * 1024,
      onUrl: (u) => (url = u),
      onProgress: (sent) => {
        if (sent >= 5 * 1024 * 1024) stop.abort();
      },
      signal: stop.signal,
    });
    await expect(first).rejects.toThrow(/resume/);
    expect(url).toMatch(/\/uploads\/.+/);

    // "After a restart": a new transfer given the stored address starts from the server's offset.
    const progress: number[] = [];
    const second = await uploadFile({
      endpoint: hub.uploadsUrl,
      token,
      source: fileSource(file),
      sha256: sha256(data),
      contentType: 'audio/wav',
      chunkSize: 1024 * 1024,
      resumeUrl: url,
      onProgress: (sent) => progress.push(sent),
    });
    expect(second.url).toBe(url);
    expect(progress[0]).toBeGreaterThanOrEqual(4 * 1024 * 1024); // not from zero
    const stored = fs.readFileSync(hub.uploads.fileOf(url!.split('/').pop()!));
    expect(stored.length).toBe(data.length);
    expect(sha256(stored)).toBe(sha256(data));
  });

  it('resumes a sealed file of the station at the server offset, sending its plain bytes', async () => {
    const data = randomBytes(6 * 1024 * 1024 + 12_345);
    const store = createAttachmentStore(path.join(tempDir(), 'attachments'), createFileSealer(randomBytes(32)));
    store.put(sha256(data), data);
    // Chunks of 768 KiB: the server's offset falls inside the file's 1 MiB sealed records.
    const source = storedFileSource(store, sha256(data));
    let url: string | null = null;
    const stop = new AbortController();
    const first = uploadFile({
      endpoint: hub.uploadsUrl,
      token,
      source,
      sha256: sha256(data),
      contentType: 'audio/wav',
      chunkSize: 768 * 1024,
      onUrl: (u) => (url = u),
      onProgress: (sent) => sent >= 2 * 1024 * 1024 && stop.abort(),
      signal: stop.signal,
    });
    await expect(first).rejects.toThrow(/resume/);
    const progress: number[] = [];
    await uploadFile({
      endpoint: hub.uploadsUrl,
      token,
      source,
      sha256: sha256(data),
      contentType: 'audio/wav',
      chunkSize: 768 * 1024,
      resumeUrl: url,
      onProgress: (sent) => progress.push(sent),
    });
    expect(progress[0]! % (1024 * 1024)).not.toBe(0);
    expect(progress[0]).toBeGreaterThanOrEqual(1536 * 1024);
    expect(sha256(fs.readFileSync(hub.uploads.fileOf(url!.split('/').pop()!)))).toBe(sha256(data));
  });

  it('sends a file of at most 8 MiB in one request, a larger one in a creation then one request per 64 MiB', async () => {
    const proxy = await startRecordingProxy(Number(new URL(hub.uploadsUrl).port));
    try {
      const endpoint = `${proxy.url}${new URL(hub.uploadsUrl).pathname}`;
      for (const [size, expected] of [
        [CREATION_DATA_BYTES, ['POST']],
        [CREATION_DATA_BYTES + 1, ['POST', 'PATCH']],
        [CHUNK_BYTES + 1000, ['POST', 'PATCH', 'PATCH']],
      ] as const) {
        proxy.clear();
        const { file, data } = fileOf(size);
        const done = await uploadFile({
          endpoint,
          token,
          source: fileSource(file),
          sha256: sha256(data),
          contentType: 'audio/wav',
        });
        expect(
          proxy.requests.map((r) => r.method),
          `${size} bytes`,
        ).toEqual(expected);
        expect(sha256(fs.readFileSync(hub.uploads.fileOf(done.url.split('/').pop()!)))).toBe(sha256(data));
      }
    } finally {
      await proxy.close();
    }
  });

  it('resumes a request cut mid-chunk from the bytes the hub had received, not from the chunk’s start', async () => {
    // 24 MiB in one PATCH (the chunk is 64 MiB), cut after 12 MiB.
    const { file, data } = fileOf(24 * 1024 * 1024);
    let url: string | null = null;
    const stop = new AbortController();
    const first = uploadFile({
      endpoint: hub.uploadsUrl,
      token,
      source: fileSource(file),
      sha256: sha256(data),
      contentType: 'audio/wav',
      onUrl: (u) => (url = u),
      onProgress: (sent) => sent >= 12 * 1024 * 1024 && stop.abort(),
      signal: stop.signal,
    });
    await expect(first).rejects.toThrow(/resume/);
    const progress: number[] = [];
    await uploadFile({
      endpoint: hub.uploadsUrl,
      token,
      source: fileSource(file),
      sha256: sha256(data),
      contentType: 'audio/wav',
      resumeUrl: url,
      onProgress: (sent) => progress.push(sent),
    });
    // What was still in the sockets when the request was cut is sent again; nothing before it.
    expect(progress[0]).toBeGreaterThanOrEqual(4 * 1024 * 1024);
    expect(sha256(fs.readFileSync(hub.uploads.fileOf(url!.split('/').pop()!)))).toBe(sha256(data));
  });

  it('stops at the first damaged record of a sealed file, saying so, and goes on from a good copy', async () => {
    const data = randomBytes(12 * 1024 * 1024);
    const dir = path.join(tempDir(), 'attachments');
    const store = createAttachmentStore(dir, createFileSealer(randomBytes(32)));
    store.put(sha256(data), data);
    const stored = path.join(dir, sha256(data).slice(0, 2), sha256(data));
    const sealed = fs.readFileSync(stored);
    sealed[sealed.length - 3 * 1024 * 1024]! ^= 0x01; // in the 10th of 12 records
    fs.writeFileSync(stored, sealed);
    let url: string | null = null;
    const damaged = await uploadFile({
      endpoint: hub.uploadsUrl,
      token,
      source: storedFileSource(store, sha256(data)),
      sha256: sha256(data),
      contentType: 'audio/wav',
      onUrl: (u) => (url = u),
    }).catch((e: unknown) => e);
    // Said at once, not left waiting for bytes that never come.
    expect(damaged).toBeInstanceOf(SealedFileError);
    expect(damaged).toMatchObject({ message: expect.stringMatching(/record 9 does not match its key/) });

    // The same file kept again (a good copy replaces the damaged one): it goes on where the hub is.
    expect(store.put(sha256(data), data)).toBe('replaced_damaged');
    await uploadFile({
      endpoint: hub.uploadsUrl,
      token,
      source: storedFileSource(store, sha256(data)),
      sha256: sha256(data),
      contentType: 'audio/wav',
      resumeUrl: url,
    });
    expect(sha256(fs.readFileSync(hub.uploads.fileOf(url!.split('/').pop()!)))).toBe(sha256(data));
  });

  it('refuses a file whose bytes do not match its announced SHA-256, and keeps nothing', async () => {
    const { file } = fileOf(300_000);
    // In one request, and in many (the hub hashes chunk by chunk as they are written).
    const uploadsDir = path.dirname(hub.uploads.fileOf('x'));
    const kept = () => (fs.existsSync(uploadsDir) ? fs.readdirSync(uploadsDir).sort() : []);
    for (const chunkSize of [8 * 1024 * 1024, 64 * 1024]) {
      const before = kept();
      const error = await uploadFile({
        endpoint: hub.uploadsUrl,
        token,
        source: fileSource(file),
        sha256: 'a'.repeat(64),
        contentType: 'audio/wav',
        chunkSize,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UploadRefusedError);
      expect(error).toMatchObject({ status: 460, message: expect.stringMatching(/SHA-256 mismatch/) });
      expect(kept()).toEqual(before); // neither the bytes nor their record
    }
  });

  it('keeps a file sent in many small chunks when every byte matches', async () => {
    const { file, data } = fileOf(1_000_003);
    const done = await uploadFile({
      endpoint: hub.uploadsUrl,
      token,
      source: fileSource(file),
      sha256: sha256(data),
      contentType: 'audio/wav',
      chunkSize: 64 * 1024,
    });
    expect(sha256(fs.readFileSync(hub.uploads.fileOf(done.url.split('/').pop()!)))).toBe(sha256(data));
  });

  it('refuses uploads without a valid token or without a SHA-256', async () => {
    const { file, data } = fileOf(1000);
    await expect(
      uploadFile({
        endpoint: hub.uploadsUrl,
        token: 'forged',
        source: fileSource(file),
        sha256: sha256(data),
        contentType: 'audio/wav',
      }),
    ).rejects.toMatchObject({ status: 401 });
    await expect(
      uploadFile({
        endpoint: hub.uploadsUrl,
        token,
        source: fileSource(file),
        sha256: 'not-a-hash',
        contentType: 'audio/wav',
      }),
    ).rejects.toMatchObject({ status: 400 });
  });
});
