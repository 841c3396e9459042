// Hubs of one region sharing presence and call signaling through Redis pub/sub
// (RELAIS_HUB_REDIS_URL). Each hub has an id of its own for this run and two channels: the
// region's (`relais:hub:all`: who came, changed or left, and a heartbeat) and its own
// (`relais:hub:<id>`: messages for its peers, call operations for the calls it owns, snapshots).
// Pub/sub keeps nothing: a hub that joins (or comes back after Redis went away) says hello and
// every other hub sends it the list of its own peers; a hub silent for three heartbeats is gone,
// and its peers with it.
//
// When Redis goes away the hub keeps serving its own peers as a hub alone, and says so in its log
// (`hub.cluster_lost`, then `hub.cluster_joined` when it is back): presence lists its own peers
// only, and a call with a peer on another hub waits for the grace period as for a dropped peer.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Peer, ServerMessage } from '../../shared/hub-protocol';
import type { CallRouter } from '../call-router';
import type { HubCluster, LocalHub } from './cluster';
import { createRemoteCalls, type CallOp } from './remote-calls';

type Envelope =
  | { t: 'hello'; hub: string }
  | { t: 'alive'; hub: string }
  | { t: 'snapshot'; hub: string; peers: Peer[] }
  | { t: 'peer'; hub: string; peer: Peer; joined: boolean }
  | { t: 'gone'; hub: string; id: string }
  | { t: 'deliver'; hub: string; to: string; message: ServerMessage }
  | { t: 'op'; hub: string; call: CallOp; caller?: Peer };

export interface RedisClusterOptions {
  url: string;
  log(event: string, detail?: Record<string, unknown>): void;
  /** How often each hub says it is alive (ms; 2 s): three missed and its peers are gone. */
  heartbeatMs?: number;
  /** How long a call with a peer on an unreachable hub waits for it (ms; the router's 30 s). */
  graceMs?: number;
  /** How long the start waits for Redis before serving alone (ms; 3 s). */
  startTimeoutMs?: number;
}

const ALL = 'relais:hub:all';
const channelOf = (hub: string) => `relais:hub:${hub}`;

export function createRedisCluster(options: RedisClusterOptions): HubCluster {
  const self = randomUUID();
  const heartbeatMs = options.heartbeatMs ?? 2000;
  const { log } = options;
  let local: LocalHub | null = null;
  let router: CallRouter | null = null;
  let joined = false;
  let lostSince: number | null = null;
  let onJoined: (() => void) | null = null;
  /** Peers connected to other hubs, and where. */
  const remote = new Map<string, { peer: Peer; hub: string }>();
  /** The other hubs heard from, with when. */
  const hubs = new Map<string, number>();

  // Retry every second, then up to every 5 s, for ever: the hub serves alone meanwhile. No
  // offline queue: a message published while Redis is away would arrive stale.
  // The subscriber subscribes again itself once ready, before the hub says hello.
  const redisOptions = {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt: number) => Math.min(5000, attempt * 1000),
    lazyConnect: true,
    autoResubscribe: false,
  };
  const publisher = new Redis(options.url, redisOptions);
  const subscriber = new Redis(options.url, redisOptions);
  let subscribed = false;
  // ioredis reports each failed try as an error: the hub's log says it once (cluster_lost).
  publisher.on('error', () => {});
  subscriber.on('error', () => {});

  const publish = (channel: string, envelope: Envelope) => {
    if (!joined) return;
    publisher.publish(channel, JSON.stringify(envelope)).catch(() => {});
  };

  const calls = createRemoteCalls({
    hubOf: (id) => (local?.peer(id) ? undefined : remote.get(id)?.hub),
    // A ring carries its caller as this hub sees it, in case its presence has not come yet.
    forward: (hub, call) => {
      const caller = call.op === 'ring' ? local?.peer(call.by) : undefined;
      publish(channelOf(hub), { t: 'op', hub: self, call, ...(caller ? { caller } : {}) });
    },
    deliver: (id, message) => local?.deliver(id, message),
    graceMs: options.graceMs ?? 30_000,
  });

  function forgetPeer(id: string, hub: string): void {
    if (remote.get(id)?.hub !== hub) return;
    remote.delete(id);
    local?.presenceChanged(id);
    // Calls this hub owns with that peer wait for it, as for a peer who lost its connection.
    router?.disconnected(id);
  }

  function notePeer(peer: Peer, hub: string, joinedNow: boolean): void {
    const before = remote.get(peer.id);
    remote.set(peer.id, { peer, hub });
    if (joinedNow && local?.peer(peer.id)) local.replaced(peer.id);
    local?.presenceChanged(peer.id);
    // A peer (back) on a hub: the calls this hub owns with it resume.
    if (joinedNow || !before || before.hub !== hub) router?.connected(peer.id);
  }

  function forgetHub(hub: string): void {
    hubs.delete(hub);
    for (const [id, where] of [...remote]) if (where.hub === hub) forgetPeer(id, hub);
  }

  const snapshotTo = (hub: string) =>
    publish(channelOf(hub), { t: 'snapshot', hub: self, peers: local?.peers() ?? [] });

  /** A hub not known yet (it started, or came back after Redis went away) is sent our peers and asked for its own. */
  function hearFrom(hub: string, asked: boolean): void {
    if (!hubs.has(hub) && !asked) {
      snapshotTo(hub);
      publish(channelOf(hub), { t: 'hello', hub: self });
    }
    hubs.set(hub, Date.now());
  }

  function receive(text: string): void {
    const envelope = JSON.parse(text) as Envelope;
    if (envelope.hub === self) return;
    hearFrom(envelope.hub, envelope.t === 'hello');
    switch (envelope.t) {
      case 'hello':
        return snapshotTo(envelope.hub);
      case 'alive':
        return;
      case 'snapshot': {
        const listed = new Set(envelope.peers.map((p) => p.id));
        for (const [id, where] of [...remote])
          if (where.hub === envelope.hub && !listed.has(id)) forgetPeer(id, envelope.hub);
        for (const peer of envelope.peers) notePeer(peer, envelope.hub, false);
        return;
      }
      case 'peer':
        return notePeer(envelope.peer, envelope.hub, envelope.joined);
      case 'gone':
        return forgetPeer(envelope.id, envelope.hub);
      case 'deliver':
        calls.delivered(envelope.hub, envelope.to, envelope.message);
        return local?.deliver(envelope.to, envelope.message);
      case 'op': {
        const { call, caller } = envelope;
        if (caller && remote.get(caller.id)?.hub !== envelope.hub) notePeer(caller, envelope.hub, false);
        const outcome = router ? calls.run(router, call) : { ok: true as const };
        if (!outcome.ok) send(call.by, { type: 'error', code: outcome.code, message: outcome.message });
        return;
      }
    }
  }

  function send(id: string, message: ServerMessage): boolean {
    const where = remote.get(id);
    if (!where || !joined) return false;
    publish(channelOf(where.hub), { t: 'deliver', hub: self, to: id, message });
    return true;
  }

  function lost(error?: string): void {
    if (!joined) return;
    joined = false;
    lostSince = Date.now();
    log('hub.cluster_lost', {
      error: error ?? 'connection closed',
      note: 'Redis is out of reach: this hub serves its own peers only until it is back',
    });
    for (const hub of [...hubs.keys()]) forgetHub(hub);
    calls.lostTouch();
  }

  function ready(): void {
    if (joined) return;
    joined = true;
    onJoined?.();
    onJoined = null;
    log('hub.cluster_joined', {
      hub: self,
      ...(lostSince === null ? {} : { afterSeconds: Math.round((Date.now() - lostSince) / 1000) }),
    });
    publish(ALL, { t: 'hello', hub: self });
    publish(ALL, { t: 'snapshot', hub: self, peers: local?.peers() ?? [] });
  }

  subscriber.on('message', (_channel: string, text: string) => {
    try {
      receive(text);
    } catch (e) {
      log('hub.cluster_bad_message', { error: (e as Error).message });
    }
  });
  // Both connections up and the channels subscribed: the hub takes part.
  const check = () => (publisher.status === 'ready' && subscribed ? ready() : undefined);
  publisher.on('ready', check);
  subscriber.on('ready', () => {
    subscriber.subscribe(ALL, channelOf(self)).then(
      () => {
        subscribed = true;
        check();
      },
      (e: unknown) => log('hub.cluster_subscribe_failed', { error: (e as Error).message }),
    );
  });
  publisher.on('close', () => lost());
  subscriber.on('close', () => {
    subscribed = false;
    lost();
  });
  const heartbeat = setInterval(() => {
    publish(ALL, { t: 'alive', hub: self });
    for (const [hub, seenAt] of hubs) if (Date.now() - seenAt > 3 * heartbeatMs) forgetHub(hub);
  }, heartbeatMs);
  heartbeat.unref();

  return {
    async start(hub) {
      local = hub;
      router = hub.router;
      const timeoutMs = options.startTimeoutMs ?? 3000;
      const connected = new Promise<'ok'>((resolve) => (onJoined = () => resolve('ok')));
      // A first try that fails is retried by ioredis (retryStrategy) while the hub serves alone.
      const failed = (e: unknown) => (e as Error).message;
      const tries = Promise.all([publisher.connect(), subscriber.connect()]).then(() => connected, failed);
      const timedOut = new Promise<string>((r) =>
        setTimeout(() => r(`no answer within ${timeoutMs} ms`), timeoutMs).unref(),
      );
      const first = await Promise.race([tries, timedOut]);
      if (first !== 'ok')
        log('hub.cluster_unreachable', {
          url: options.url.replace(/\/\/[^@]*@/, '//'),
          error: first,
          note: 'this hub serves its own peers only, and joins the others when Redis answers',
        });
    },
    remotePeer: (id) => (joined ? remote.get(id)?.peer : undefined),
    send,
    inRemoteCall: calls.inRemoteCall,
    route(own) {
      const routed = calls.route(own);
      // A peer connected (again) here: the hubs that own its calls resume them, and an older
      // connection of the same identity on another hub is closed.
      return {
        ...routed,
        connected(id) {
          routed.connected(id);
          const peer = local?.peer(id);
          if (peer) publish(ALL, { t: 'peer', hub: self, peer, joined: true });
        },
      };
    },
    changed(id) {
      const peer = local?.peer(id);
      if (peer) publish(ALL, { t: 'peer', hub: self, peer, joined: false });
      else publish(ALL, { t: 'gone', hub: self, id });
    },
    async close() {
      clearInterval(heartbeat);
      joined = false;
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
