// The regional hub: authenticated WebSocket signaling, presence, the directory of telemedicine
// offers, call routing and TURN credentials. Every message is size-limited, rate-limited and
// parsed; a bad one gets an error, never a crash. One process, alone or with the region's other
// hubs through Redis (cluster/; src/hub/README.md).
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { HUB_MAX_MESSAGE_BYTES, HUB_PROTOCOL, type Offer, type ServerMessage } from '../shared/hub-protocol';
import { AUDIT_HEAD_PATH, handleAuditHead } from './audit-chains';
import { createCallRouter } from './call-router';
import { createCluster } from './cluster';
import { acceptConnection, type ConnectedPeer, type ConnectionDeps } from './connection';
import { createFhirEndpoint } from './fhir-endpoint';
import { createUploadEndpoint, type UploadEndpoint } from './uploads';
import { makeTemporaryUploadsFolder } from './upload-sweep';
import { createPresence } from './presence';
import { createOfferMessages } from './scheduling/offer-messages';
import { createOfferStore } from './scheduling/offer-store';
import { createQueues } from './scheduling/queue';
import { createRateLimiter, createReconnectLimiter } from './rate-limit';
import { watchRevocations } from './revocations';
import { handleTokenRefresh, TOKEN_REFRESH_PATH } from './token-refresh';
import { verifyToken, type KeyRing, type Verified } from './tokens';

export interface HubOptions {
  secret: string; // signs access tokens (when keys is not given)
  /** The signing keys, for a rotation: the current one signs, the previous one verifies for a while. */
  keys?: KeyRing;
  /** Certificate and key (PEM): the hub then speaks https:// and wss://. Required off loopback. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Off loopback without tls: only behind the region's TLS reverse proxy (it says so). */
  behindTlsProxy?: boolean;
  /** Per token, on the FHIR and upload endpoints: requests a second and burst. */
  httpRatePerSecond?: number;
  httpBurst?: number;
  /** Lifetime of a token made by the refresh path (seconds). */
  refreshLifetimeSeconds?: number;
  /** How long after the region issued a station token its renewals go on (seconds); 90 days by default. */
  refreshMaxAgeSeconds?: number;
  /** The region's revocation list (JSON, format in README.md): read at start, then at each change. */
  revocationsFile?: string;
  /** How often the revocation list's file is checked for a change (ms); 2 s by default. */
  revocationsPollMs?: number;
  turnSecret: string; // coturn's static-auth-secret
  turnUrls: string[];
  /** The offers the hub starts with (the region's JSON file, a test's); then the coordinator publishes. */
  offers: Offer[];
  host?: string;
  port?: number;
  ringTimeoutMs?: number;
  reconnectGraceMs?: number;
  /** Where resumable uploads are kept; a fresh temporary folder by default. */
  uploadsDir?: string;
  /** The largest upload accepted (bytes); 2 GiB by default. */
  uploadMaxBytes?: number;
  /** What each token subject may keep in the uploads folder (bytes); 20 GB by default. */
  uploadQuotaBytes?: number;
  /** An upload left unfinished this long is removed, at start and hourly (ms); 7 days by default. */
  uploadAbandonedAfterMs?: number;
  ratePerSecond?: number;
  burst?: number;
  /** WebSocket connections each token subject may open: a burst, then so many a minute (10, 30). */
  reconnectBurst?: number;
  reconnectsPerMinute?: number;
  /** Each peer is told of presence changes at most once in this many ms (500). */
  presenceWindowMs?: number;
  /** How long a station whose connection dropped keeps its place in an offer's queue (ms); 10 minutes by default. */
  queueHoldMs?: number;
  /** The region's Redis (redis://…): the hubs share presence and call signaling through it (cluster/). Alone without. */
  redisUrl?: string;
  now?: () => number;
  log?: (event: string, detail?: Record<string, unknown>) => void;
}

export interface RunningHub {
  url: string;
  /** The FHIR R4 base, e.g. http://127.0.0.1:4790/fhir/R4 */
  fhirUrl: string;
  /** The resumable upload endpoint (tus), e.g. http://127.0.0.1:4790/uploads */
  uploadsUrl: string;
  uploads: UploadEndpoint;
  port: number;
  close(): Promise<void>;
}

const TOKEN_PREFIX = 'token.';

/** 127.0.0.0/8, ::1 and localhost: a listener there is reachable from this machine only. */
export const isLoopback = (host: string) =>
  host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

/**
 * SECURITY: coturn's static-auth-secret is written in turnserver.conf, read by another service
 * and often by more people than the hub's own settings: it must never be a key that signs
 * access tokens, or whoever reads it mints expert tokens.
 */
function refuseSharedTurnSecret(keys: KeyRing, turnSecret: string): void {
  const signing =
    typeof keys === 'string' ? [keys] : [keys.current.secret, ...(keys.previous ? [keys.previous.secret] : [])];
  if (!turnSecret)
    throw new Error('The TURN secret is empty: give the hub coturn’s static-auth-secret (RELAIS_TURN_SECRET).');
  if (signing.includes(turnSecret)) {
    throw new Error(
      'The TURN secret (coturn’s static-auth-secret) must differ from every key that signs the hub’s tokens: ' +
        'set RELAIS_TURN_SECRET to a secret of its own.',
    );
  }
}

/**
 * SECURITY: patients' photos, sounds and documents lie in the uploads folder in the clear (the
 * region encrypts the volume that holds it: README): it must be readable by the hub's account only.
 */
function refuseOpenFolder(folder: string): void {
  if (process.platform === 'win32' || !fs.existsSync(folder)) return; // created 0700 at the first upload
  const mode = fs.statSync(folder).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new Error(
      `The uploads folder ${folder} is readable by other accounts (mode ${mode.toString(8)}): ` +
        'make it the hub’s own (chmod 700), on an encrypted volume (RELAIS_HUB_UPLOADS).',
    );
  }
}

export async function startHub(options: HubOptions): Promise<RunningHub> {
  const host = options.host ?? '127.0.0.1';
  // SECURITY: tokens and patients' data never cross a network in clear: off loopback the hub
  // needs a certificate, or to be told that a TLS reverse proxy fronts it.
  if (!isLoopback(host) && !options.tls && !options.behindTlsProxy) {
    throw new Error(
      `Refusing to listen on ${host} without TLS: give the hub a certificate and key (https/wss), or put it behind the region's TLS proxy and say so.`,
    );
  }
  const keys: KeyRing = options.keys ?? options.secret;
  refuseSharedTurnSecret(keys, options.turnSecret);
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const peers = new Map<string, ConnectedPeer>();
  // SECURITY: every request, refresh and connection is checked against the region's revocation
  // list; when it changes, the connections of the tokens it now names are closed (4003).
  const revocationsFile = options.revocationsFile;
  const revocations = revocationsFile
    ? watchRevocations(revocationsFile, { pollMs: options.revocationsPollMs, log })
    : null;
  revocations?.onChange(() => {
    for (const { socket, claims } of peers.values())
      if (revocations.isRevoked(claims)) socket.close(4003, 'token revoked');
  });
  const authenticate = (token: string | undefined): Verified => {
    const verified = verifyToken(keys, token, Math.floor(now() / 1000));
    if (!verified.ok || !revocations?.isRevoked(verified.claims)) return verified;
    log('hub.token_revoked', { sub: verified.claims.sub, chain: verified.claims.chain });
    return { ok: false, reason: 'revoked' };
  };
  // The region's other hubs (through Redis), or none: a hub alone is a cluster of one.
  const cluster = await createCluster(options.redisUrl, { log, graceMs: options.reconnectGraceMs });
  const deliver = (peerId: string, message: ServerMessage) => {
    const entry = peers.get(peerId);
    if (entry && entry.socket.readyState === entry.socket.OPEN) entry.socket.send(JSON.stringify(message));
  };
  const send = (peerId: string, message: ServerMessage) => {
    if (!peers.has(peerId)) cluster.send(peerId, message);
    else deliver(peerId, message);
  };
  // The coordinator is nobody's to call: she is not in presence (connection.ts refuses a ring to her).
  const listed = (id: string) => {
    const peer = peers.get(id)?.peer;
    return peer?.role === 'coordinator' ? undefined : peer;
  };
  const list = () => [...peers.values()].map((p) => p.peer).filter((p) => p.role !== 'coordinator');
  const presence = createPresence({
    describe: (id) => listed(id) ?? cluster.remotePeer(id),
    // One serialised message, the same bytes to every connection (sent as text).
    broadcast: (text) => {
      const bytes = Buffer.from(text);
      for (const { socket } of peers.values())
        if (socket.readyState === socket.OPEN) socket.send(bytes, { binary: false });
    },
    windowMs: options.presenceWindowMs ?? 500,
  });
  // SECURITY: a client reconnecting in a loop (a bug, a stolen token) is told to wait; a station
  // back after a network drop reconnects once, and the station's own back-off stays far below this.
  const reconnects = createReconnectLimiter(options.reconnectsPerMinute ?? 30, options.reconnectBurst ?? 10, now);
  const ownRouter = createCallRouter({
    // The queue measures its consultations (take to hang-up) for its wait estimate.
    ended: (call) => queue.callEnded(call.queueEntryId),
    send,
    describe: (id) => peers.get(id)?.peer ?? cluster.remotePeer(id),
    inRemoteCall: cluster.inRemoteCall,
    ringTimeoutMs: options.ringTimeoutMs,
    reconnectGraceMs: options.reconnectGraceMs,
  });
  // What the connections use: a call owned by another hub is forwarded there.
  const router = cluster.route(ownRouter);
  // The FHIR R4 endpoint for development and tests (/fhir/R4), behind the same tokens.
  // SECURITY: one bucket per token subject for the HTTP endpoints (FHIR and uploads): a flooding
  // station gets 429 and the others are not slowed. A sync pushes a few hundred resources in a
  // burst; a flood is sustained.
  const limiter = createRateLimiter(options.httpRatePerSecond ?? 50, options.httpBurst ?? 500, now);
  const fhir = createFhirEndpoint({ authenticate, now, limiter, log });
  // The region's offers live in the FHIR repository, as HealthcareService and PractitionerRole.
  const offerStore = createOfferStore(fhir.repository);
  // Each offer's waiting queue reads the offers as the store has them now.
  const queue = createQueues({
    offers: () => offerStore.active(),
    peers: list,
    send,
    now,
    holdMs: options.queueHoldMs,
    log,
  });
  const connections: ConnectionDeps = {
    peers,
    // A change of this hub's peers is told to its peers and to the other hubs.
    presence: {
      changed: (id) => {
        presence.changed(id);
        cluster.changed(id);
      },
      listJson: presence.listJson,
    },
    router,
    queue,
    list,
    offers: createOfferMessages({
      store: offerStore,
      connected: () => peers.keys(),
      isOnline: (id) => peers.has(id) || cluster.remotePeer(id) !== undefined,
      // A withdrawn offer's waiting stations are told; a changed one's experts see its queue.
      changed: () => queue.changed(),
      send,
      now,
      log,
    }),
    turnSecret: options.turnSecret,
    turnUrls: options.turnUrls,
    ratePerSecond: options.ratePerSecond ?? 50,
    burst: options.burst ?? 200,
    now,
    log,
  };

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    if ((req.url ?? '').split('?')[0] === TOKEN_REFRESH_PATH) {
      const lifetimeSeconds = options.refreshLifetimeSeconds ?? 12 * 3600;
      const maxAgeSeconds = options.refreshMaxAgeSeconds ?? 90 * 86_400;
      return handleTokenRefresh(req, res, { keys, authenticate, now, limiter, log, lifetimeSeconds, maxAgeSeconds });
    }
    if ((req.url ?? '').split('?')[0] === AUDIT_HEAD_PATH) {
      return handleAuditHead(req, res, { authenticate, limiter, chains: fhir.auditChains });
    }
    if (!fhir.handle(req, res) && !uploads.handle(req, res)) res.writeHead(404).end();
  };
  const server = options.tls
    ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, onRequest)
    : http.createServer(onRequest);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: HUB_MAX_MESSAGE_BYTES,
    handleProtocols: () => HUB_PROTOCOL,
  });

  // Without a configured folder, uploads live in a temporary one, removed when the hub stops
  // (and by the next hub when this one is killed outright).
  if (options.uploadsDir) refuseOpenFolder(options.uploadsDir);
  const uploadsDir = options.uploadsDir ?? makeTemporaryUploadsFolder();
  const abandonedAfterMs = options.uploadAbandonedAfterMs ?? 7 * 86_400_000;
  const uploads = createUploadEndpoint({
    authenticate,
    directory: uploadsDir,
    log,
    limiter,
    now,
    abandonedAfterMs,
    ...(options.uploadMaxBytes ? { maxBytes: options.uploadMaxBytes } : {}),
    quotaBytes: options.uploadQuotaBytes ?? 20e9,
    canReadUpload: (id, owner, claims) => fhir.canReadUpload(id, owner, claims),
  });
  const sweepUploads = async () => {
    const swept = await uploads.sweep();
    if (swept.abandoned + swept.pieces === 0) return;
    log('hub.uploads_swept', {
      ...swept,
      abandonedAfterDays: abandonedAfterMs / 86_400_000,
      setting: 'RELAIS_HUB_UPLOAD_ABANDONED_DAYS',
    });
  };

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const answer = (status: number, reason: string, headers = '') =>
      socket.end(`HTTP/1.1 ${status} ${reason}\r\n${headers}Connection: close\r\nContent-Length: 0\r\n\r\n`);
    const refuse = (status: number, reason: string) => {
      log('hub.upgrade_refused', { status, reason });
      answer(status, reason);
    };
    if ((req.url ?? '').split('?')[0] !== '/hub') return refuse(404, 'Not found');
    const offered = String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim());
    const token = offered.find((p) => p.startsWith(TOKEN_PREFIX))?.slice(TOKEN_PREFIX.length);
    if (!offered.includes(HUB_PROTOCOL)) return refuse(400, 'Wrong protocol');
    const verified = authenticate(token);
    if (!verified.ok) return refuse(401, `Token ${verified.reason}`);
    // A loop is logged when it starts and when the identity is let in again, not at each refusal.
    const admitted = reconnects.take(verified.claims.sub);
    if (!admitted.allowed) {
      if (admitted.first)
        log('hub.reconnect_limited', { peer: verified.claims.sub, retryAfterSeconds: admitted.retryAfterSeconds });
      return answer(429, 'Too Many Requests', `Retry-After: ${admitted.retryAfterSeconds}\r\n`);
    }
    if (admitted.refusedBefore > 0)
      log('hub.reconnect_resumed', { peer: verified.claims.sub, refused: admitted.refusedBefore });
    wss.handleUpgrade(req, socket, head, (ws) => acceptConnection(connections, ws, verified.claims));
  });

  // The configured folder's leftovers go before the first request; then hourly.
  const sweeper = setInterval(
    () => void sweepUploads().catch((e: unknown) => log('hub.uploads_sweep_failed', { error: (e as Error).message })),
    3600_000,
  );
  sweeper.unref();
  const stopEverything = () => {
    router.close();
    queue.close();
    presence.close();
    revocations?.close();
    clearInterval(sweeper);
  };
  try {
    await cluster.start({
      peer: listed,
      peers: list,
      deliver,
      router: ownRouter,
      presenceChanged: presence.changed,
      replaced: (id) => {
        // Out of `peers` first: its close is then that of a replaced connection (connection.ts).
        const entry = peers.get(id);
        peers.delete(id);
        entry?.socket.close(4000, 'replaced by a newer connection');
      },
    });
    for (const offer of options.offers) await offerStore.publish(offer);
    await sweepUploads();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
  } catch (error) {
    // A refused start leaves nothing behind: no timer, no watcher, no Redis link, no temporary folder.
    stopEverything();
    await cluster.close();
    if (!options.uploadsDir) fs.rmSync(uploadsDir, { recursive: true, force: true });
    throw error;
  }
  const port = (server.address() as { port: number }).port;
  const secure = options.tls !== undefined;
  const origin = `${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
  return {
    port,
    url: `${secure ? 'wss' : 'ws'}://${origin}/hub`,
    fhirUrl: `${secure ? 'https' : 'http'}://${origin}/fhir/R4`,
    uploadsUrl: `${secure ? 'https' : 'http'}://${origin}/uploads`,
    uploads,
    close: () =>
      new Promise<void>((resolve) => {
        stopEverything();
        void cluster.close();
        for (const { socket } of peers.values()) socket.terminate();
        wss.close();
        server.close(() => {
          if (!options.uploadsDir) fs.rmSync(uploadsDir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
