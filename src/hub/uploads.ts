// Resumable uploads for large attachments (auscultation WAVs, photos, later DICOM), with the tus
// protocol (@tus/server, file store): the client asks the server's offset (HEAD) and sends the
// rest in chunks (PATCH), across network drops and restarts. Behind the hub's tokens; each
// upload announces its SHA-256, checked when the last byte is in: a mismatch deletes the file
// and answers 460, so that nothing corrupt is ever kept.
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';
import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import stream from 'node:stream';
import type { RateLimiter } from './rate-limit';
import { createUploadQuota, type UploadQuota } from './upload-quota';
import { sweepUploads } from './upload-sweep';
import type { Claims, Verified } from './tokens';

export const UPLOADS_PATH = '/uploads';

export interface UploadEndpoint {
  handle(req: http.IncomingMessage, res: http.ServerResponse): boolean;
  /** Where a finished upload's bytes are, for the hub's own use (tests, FHIR links). */
  fileOf(id: string): string;
  /** Removes abandoned uploads and the pieces a crash left (upload-sweep.ts), freeing their quota. */
  sweep(): Promise<{ abandoned: number; pieces: number }>;
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The file store, hashing the bytes as they are written: an upload sent in order is checked at
 * the end without reading the file again. The running hash lives in memory only; after a failed
 * chunk or a hub restart the upload is hashed from its file at the end instead.
 */
class HashingFileStore extends FileStore {
  private readonly running = new Map<string, { hash: Hash; offset: number }>();

  constructor(
    options: ConstructorParameters<typeof FileStore>[0],
    private readonly quota: UploadQuota | null,
  ) {
    super(options);
  }

  override async create(upload: Parameters<FileStore['create']>[0]): ReturnType<FileStore['create']> {
    const created = await super.create(upload);
    this.running.set(upload.id, { hash: createHash('sha256'), offset: 0 });
    return created;
  }

  override async write(readable: stream.Readable, id: string, offset: number): Promise<number> {
    const state = this.running.get(id);
    if (!state || state.offset !== offset) {
      this.running.delete(id);
      return super.write(readable, id, offset);
    }
    const hashing = new stream.Transform({
      transform(chunk: Buffer, _encoding, callback) {
        state.hash.update(chunk);
        callback(null, chunk);
      },
    });
    readable.on('error', (error) => hashing.destroy(error));
    try {
      const next = await super.write(readable.pipe(hashing), id, offset);
      state.offset = next;
      return next;
    } catch (error) {
      // Some hashed bytes may not be on disk: this upload is checked from its file at the end.
      this.running.delete(id);
      throw error;
    }
  }

  /** The SHA-256 of a complete upload: from the running hash when it covered every byte. */
  async finalSha256(id: string, size: number, file: string): Promise<string> {
    const state = this.running.get(id);
    this.running.delete(id);
    return state && state.offset === size ? state.hash.digest('hex') : sha256Of(file);
  }

  override async remove(id: string): Promise<void> {
    this.running.delete(id);
    const upload = await this.getUpload(id).catch(() => null);
    const owner = upload?.metadata?.owner;
    if (!this.quota || !upload || !owner) return super.remove(id);
    // An upload removed (by its owner, or for a checksum mismatch) frees its owner's room.
    return this.quota.freeing(owner, upload.size ?? upload.offset, () => super.remove(id));
  }
}

// The store's folder is made synchronously before the store (createServer below). The base class
// makes it again with an asynchronous mkdir whose callback throws, outside any try: on a busy
// machine that callback can run after the folder is gone (a hub stopped at once, its folder
// removed), an uncaught exception that ends the whole process. Its method is private in the
// typings, so it is replaced on our prototype, where the base constructor finds it.
Object.defineProperty(HashingFileStore.prototype, 'checkOrCreateDirectory', { value: () => {} });

export interface UploadOptions {
  /** Verifies a Bearer token: signature, expiry and the revocation list. */
  authenticate: (token: string | undefined) => Verified;
  directory: string;
  maxBytes?: number;
  /** What each owner (token subject) may keep on the hub's disk, in bytes; no limit when absent. */
  quotaBytes?: number;
  /** An upload left unfinished this long is removed by the sweep (7 days by default). */
  abandonedAfterMs?: number;
  now?: () => number;
  limiter?: RateLimiter;
  /** Whether a token that did not send this upload may still download it (an expert, a file of a request routed to her). */
  canReadUpload?: (uploadId: string, owner: string, claims: Claims) => Promise<boolean>;
  log: (event: string, detail?: Record<string, unknown>) => void;
}

export function createUploadEndpoint(options: UploadOptions): UploadEndpoint {
  const refuse = (status_code: number, body: string) =>
    Object.assign(new Error(body), { status_code, body: `${body}\n` });
  const claimsOf = (req: Request): Claims => {
    const token = /^Bearer (.+)$/.exec(req.headers.get('authorization') ?? '')?.[1];
    const verified = options.authenticate(token);
    if (!verified.ok) throw refuse(401, `Access token ${verified.reason}.`);
    return verified.claims;
  };
  const quota = options.quotaBytes === undefined ? null : createUploadQuota(options.directory, options.quotaBytes);
  // Made on the first upload, so that a hub that never receives one makes no folder.
  let tus: Server | null = null;
  const server = () => (tus ??= createServer());
  function createServer(): Server {
    fs.mkdirSync(options.directory, { recursive: true, mode: 0o700 });
    const store = new HashingFileStore({ directory: options.directory }, quota);
    return new Server({
      path: UPLOADS_PATH,
      datastore: store,
      maxSize: options.maxBytes ?? 2 * 1024 * 1024 * 1024,
      relativeLocation: true,
      async onIncomingRequest(req, uploadId) {
        const claims = claimsOf(req);
        // SECURITY: the region's coordinator publishes offers and keeps no patient's file: her
        // token neither sends nor reads uploads (as over FHIR, where she writes only her audit trail).
        if (claims.role === 'coordinator')
          throw refuse(403, 'A coordinator’s token sends and reads no files: offers are published through the hub.');
        // SECURITY: a flood of requests from one token is refused before any byte is stored.
        if (options.limiter && !options.limiter.take(claims.sub))
          throw refuse(429, 'Too many upload requests with this token: slow down.');
        if (req.method === 'POST' || req.method === 'OPTIONS' || !uploadId) return;
        let owner: string | undefined;
        try {
          owner = (await store.getUpload(uploadId)).metadata?.owner ?? undefined;
        } catch {
          return; // no such upload: tus answers 404 itself
        }
        if (owner === claims.sub) return;
        // SECURITY: another token's upload is not found (404, like one that does not exist);
        // only a download (GET) may be allowed, to an expert reading a file of her request.
        if (
          req.method === 'GET' &&
          owner &&
          options.canReadUpload &&
          (await options.canReadUpload(uploadId, owner, claims))
        )
          return;
        throw refuse(404, 'No such upload.');
      },
      async onUploadCreate(req, upload) {
        const sha256 = upload.metadata?.sha256;
        if (!sha256 || !/^[0-9a-f]{64}$/.test(sha256))
          throw refuse(400, 'Each upload must announce its SHA-256 (metadata "sha256", lowercase hex).');
        if (upload.size === undefined) throw refuse(400, 'Each upload must announce its length (Upload-Length).');
        // SECURITY: the owner is the token's subject, whatever metadata the client sent.
        const owner = claimsOf(req).sub;
        // SECURITY: one station cannot fill the region's disk: each owner has its quota (413).
        const over = quota ? await quota.reserve(owner, upload.size) : null;
        if (over) {
          options.log('hub.upload_quota_reached', { owner });
          throw refuse(413, over);
        }
        return { metadata: { ...upload.metadata, owner } };
      },
      async onUploadFinish(_req, upload) {
        const file = path.join(options.directory, upload.id);
        const actual = await store.finalSha256(upload.id, upload.size ?? upload.offset, file);
        if (actual !== upload.metadata?.sha256) {
          await store.remove(upload.id).catch(() => {});
          options.log('hub.upload_corrupt', { id: upload.id });
          throw refuse(460, `Checksum mismatch: the file received has SHA-256 ${actual}, not the one announced.`);
        }
        return {};
      },
    });
  }
  return {
    handle(req, res) {
      const url = req.url ?? '';
      if (url !== UPLOADS_PATH && !url.startsWith(`${UPLOADS_PATH}/`)) return false;
      server()
        .handle(req, res)
        .catch((error: unknown) => {
          options.log('hub.upload_error', { error: (error as Error).message });
          if (!res.headersSent) res.writeHead(500).end();
        });
      return true;
    },
    fileOf: (id) => path.join(options.directory, path.basename(id)),
    sweep() {
      const removeFiles = async (names: string[]) => {
        await Promise.all(names.map((name) => fs.promises.rm(path.join(options.directory, name), { force: true })));
      };
      return sweepUploads(options.directory, {
        abandonedAfterMs: options.abandonedAfterMs ?? 7 * 86_400_000,
        now: options.now ?? Date.now,
        remove: (names, counted) =>
          quota && counted ? quota.freeing(counted.owner, counted.size, () => removeFiles(names)) : removeFiles(names),
      });
    },
  };
}
