// Sends one stored file to the regional upload endpoint (tus protocol, tus-js-client), streamed
// (unsealed on the way, for the station's own files) so memory stays flat whatever the size. The
// upload's address is handed to the caller as soon as the server gives it (onUrl): kept in SQLite,
// it lets a later run resume from the server's offset after a network drop or a restart instead
// of starting over.
//
// Chunks of 64 MiB (CHUNK_BYTES): one request per file for photos and sounds, a few for a long
// recording or a study, so the per-request costs (token, quota, the upload's record) stay under 1 %
// of the time on the loopback, and a chunk still passes the body limits proxies commonly set for
// uploads (100 MB). The hub keeps what a cut request had delivered, so a resume starts at the
// byte where the server is, whatever the chunk size. Only the creation request is lost when cut
// (the address comes with its answer): it carries the first bytes only for a file of at most
// 8 MiB (CREATION_DATA_BYTES), so a cut never costs more than that, as with the earlier 8 MiB chunks.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { Upload } from 'tus-js-client';
import type { AttachmentStore } from '../platform/files/attachment-store';

export const CHUNK_BYTES = 64 * 1024 * 1024;
export const CREATION_DATA_BYTES = 8 * 1024 * 1024;

/** What is sent: its size and its bytes by range, so that a resumed upload starts where the server is. */
export interface UploadSource {
  size: number;
  /** The bytes [start, end) as a stream, read as they are sent: never a whole range in memory. */
  stream(start: number, end: number): Readable;
}

/** A plain file on disk (not the station's sealed store: see attachment-store.ts). */
export function fileSource(file: string): UploadSource {
  return {
    size: fs.statSync(file).size,
    stream: (start, end) =>
      end > start ? fs.createReadStream(file, { start, end: end - 1, highWaterMark: 256 * 1024 }) : Readable.from([]),
  };
}

/**
 * A file of the station's sealed store, unsealed record by record as it is sent: at most about a
 * megabyte of it in memory (a record or two), whatever its size. Throws SealedFileError when its
 * records cannot be mapped; a record that fails its check later fails the stream.
 */
export function storedFileSource(store: Pick<AttachmentStore, 'size' | 'chunks'>, sha256: string): UploadSource {
  return {
    size: store.size(sha256),
    stream: (start, end) =>
      Readable.from(store.chunks(sha256, start, end), { objectMode: false, highWaterMark: 1024 * 1024 }),
  };
}

/**
 * tus-js-client reads the source through this: any range, any time (its own stream reader cannot
 * skip ahead to a resume offset), each range a stream piped into its request. A stream that fails
 * (a damaged sealed file) is said through `failed`: piped, its error would otherwise leave the
 * request waiting for bytes that never come. The stream of a request given up is closed.
 */
function rangeReader(source: UploadSource, failed: (error: Error) => void) {
  let current: Readable | null = null;
  const closeCurrent = () => {
    current?.destroy();
    current = null;
  };
  return {
    closeCurrent,
    openFile: () =>
      Promise.resolve({
        size: source.size,
        slice: (start: number, end: number) => {
          closeCurrent();
          const stop = Math.min(end, source.size);
          const stream = source.stream(start, stop);
          stream.once('error', failed);
          current = stream;
          // tus-js-client measures a slice by its `size` (a Blob's), which a stream lacks.
          return Promise.resolve({ value: Object.assign(stream, { size: stop - start }), done: stop >= source.size });
        },
        close: closeCurrent,
      }),
  };
}

export interface UploadRequest {
  endpoint: string;
  /** The hub token, or where to read the current one at each request (it may rotate mid-file). */
  token: string | (() => string);
  source: UploadSource;
  sha256: string;
  contentType: string;
  /** An upload started earlier: resume it. */
  resumeUrl?: string | null;
  onUrl?: (url: string) => void;
  onProgress?: (sent: number, total: number) => void;
  chunkSize?: number;
  /** Stops the transfer (a shutdown); what the server has is kept for the next run. */
  signal?: AbortSignal;
}

export class UploadRefusedError extends Error {
  constructor(
    readonly status: number | null,
    message: string,
    /** The server's Retry-After with a 429, as it came. */
    readonly retryAfter: string | null = null,
  ) {
    super(message);
    this.name = 'UploadRefusedError';
  }
}

/**
 * A 413 from the hub: its per-station quota is full, or the file is over its size limit. Said in
 * both languages, for the synchronisation screen where a person sends the file again.
 */
function refusedAsTooMuch(said: string): string {
  const hub = said.trim().slice(0, 300);
  if (/quota/i.test(hub)) {
    return (
      `The regional server refused this file: its quota for this station is full (${hub}). ` +
      'Ask the regional IT to raise it (RELAIS_HUB_UPLOAD_QUOTA_GB), then send the file again from this screen. / ' +
      'Le serveur régional refuse ce fichier : le quota de ce poste est plein. ' +
      'Demandez à l’informatique régionale de l’augmenter (RELAIS_HUB_UPLOAD_QUOTA_GB), puis renvoyez le fichier depuis cet écran.'
    );
  }
  return (
    `The regional server refused this file: it is larger than the region accepts (${hub || 'no reason given'}). Ask the regional IT. / ` +
    'Le serveur régional refuse ce fichier : il dépasse la taille que la région accepte. Prévenez l’informatique régionale.'
  );
}

export function uploadFile(request: UploadRequest): Promise<{ url: string }> {
  return new Promise((resolve, reject) => {
    // What the server has is kept: a damaged file's earlier records were sound, and a later
    // attempt with a good copy goes on from there.
    const unreadable = (error: Error) => {
      void upload.abort(false);
      reader.closeCurrent();
      reject(error);
    };
    const reader = rangeReader(request.source, unreadable);
    const upload = new Upload(request.source as unknown as Buffer, {
      fileReader: reader,
      endpoint: request.endpoint,
      uploadUrl: request.resumeUrl ?? null,
      uploadSize: request.source.size,
      chunkSize: request.chunkSize ?? CHUNK_BYTES,
      metadata: { sha256: request.sha256, contentType: request.contentType },
      // The token is read at each request: a long file outlives a token rotation.
      onBeforeRequest: (req) =>
        req.setHeader('Authorization', `Bearer ${typeof request.token === 'string' ? request.token : request.token()}`),
      // A few quick retries inside one run; the sync worker's back-off takes over after that.
      retryDelays: [0, 500, 2000],
      storeFingerprintForResuming: false,
      // A small file rides whole on the creation request (one round trip less per file); if that
      // request is cut, the upload has no address yet and starts again, losing at most 8 MiB.
      uploadDataDuringCreation: !request.resumeUrl && request.source.size <= CREATION_DATA_BYTES,
      onUploadUrlAvailable: () => {
        if (upload.url) request.onUrl?.(upload.url);
      },
      onProgress: (sent, total) => request.onProgress?.(sent, total),
      onSuccess: () => resolve({ url: upload.url ?? '' }),
      onError: (error) => {
        reader.closeCurrent();
        type Response = { getStatus(): number; getHeader(name: string): string | undefined; getBody(): string };
        const response = (error as { originalResponse?: Response | null }).originalResponse;
        const status = response?.getStatus() ?? null;
        const mismatch = 'The server received different bytes than this file (SHA-256 mismatch).';
        const message =
          status === 460 ? mismatch : status === 413 ? refusedAsTooMuch(response?.getBody() ?? '') : error.message;
        reject(new UploadRefusedError(status, message, response?.getHeader('Retry-After') ?? null));
      },
    });
    request.signal?.addEventListener('abort', () => {
      void upload.abort(false);
      reader.closeCurrent();
      reject(new UploadRefusedError(null, 'Upload stopped; it will resume from where the server is.'));
    });
    upload.start();
  });
}
