// Sends one stored file to the regional upload endpoint (tus protocol, tus-js-client), streamed
// in chunks (unsealed on the way, for the station's own files) so memory stays flat whatever the size. The upload's address is handed to
// the caller as soon as the server gives it (onUrl): kept in SQLite, it lets a later run resume
// from the server's offset after a network drop or a restart instead of starting over.
import fs from 'node:fs';
import { Upload } from 'tus-js-client';

/** What is sent: its size and its bytes by range, so that a resumed upload starts where the server is. */
export interface UploadSource {
  size: number;
  read(start: number, end: number): Buffer;
}

/** A plain file on disk (not the station's sealed store: see attachment-store.ts). */
export function fileSource(file: string): UploadSource {
  return {
    size: fs.statSync(file).size,
    read(start, end) {
      const bytes = Buffer.alloc(Math.max(0, end - start));
      const fd = fs.openSync(file, 'r');
      try {
        return bytes.subarray(0, fs.readSync(fd, bytes, 0, bytes.length, start));
      } finally {
        fs.closeSync(fd);
      }
    },
  };
}

/** tus-js-client reads the source through this: any range, any time (its own stream reader cannot skip ahead to a resume offset). */
function rangeReader(source: UploadSource) {
  return {
    openFile: () =>
      Promise.resolve({
        size: source.size,
        slice: (start: number, end: number) => {
          const stop = Math.min(end, source.size);
          // tus-js-client measures a slice by its `size` (a Blob's), which a Buffer lacks.
          const value = Object.assign(source.read(start, stop), { size: stop - start });
          return Promise.resolve({ value, done: stop >= source.size });
        },
        close() {},
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
    const upload = new Upload(request.source as unknown as Buffer, {
      fileReader: rangeReader(request.source),
      endpoint: request.endpoint,
      uploadUrl: request.resumeUrl ?? null,
      uploadSize: request.source.size,
      chunkSize: request.chunkSize ?? 8 * 1024 * 1024,
      metadata: { sha256: request.sha256, contentType: request.contentType },
      // The token is read at each request: a long file outlives a token rotation.
      onBeforeRequest: (req) =>
        req.setHeader('Authorization', `Bearer ${typeof request.token === 'string' ? request.token : request.token()}`),
      // A few quick retries inside one run; the sync worker's back-off takes over after that.
      retryDelays: [0, 500, 2000],
      storeFingerprintForResuming: false,
      // The first chunk rides on the creation request (one round trip less per file); if that
      // request is cut, the upload has no address yet and starts again, losing one chunk at most.
      uploadDataDuringCreation: request.resumeUrl ? false : true,
      onUploadUrlAvailable: () => {
        if (upload.url) request.onUrl?.(upload.url);
      },
      onProgress: (sent, total) => request.onProgress?.(sent, total),
      onSuccess: () => resolve({ url: upload.url ?? '' }),
      onError: (error) => {
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
      reject(new UploadRefusedError(null, 'Upload stopped; it will resume from where the server is.'));
    });
    upload.start();
  });
}
