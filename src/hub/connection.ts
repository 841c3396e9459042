// One peer's WebSocket connection to the hub: its admission (one connection per identity, closed
// at its token's expiry), its welcome, and each message it sends, rate-limited and parsed before
// it reaches the call router or the directory. A bad message gets an error, never a crash.
import type { WebSocket } from 'ws';
import { ClientMessageSchema, type ClientMessage, type Peer, type ServerMessage } from '../shared/hub-protocol';
import type { CallRouter } from './call-router';
import type { createPresence } from './presence';
import type { createOfferMessages } from './scheduling/offer-messages';
import type { createQueues } from './scheduling/queue';
import { createTokenBucket } from './rate-limit';
import type { Claims } from './tokens';
import { turnCredentials } from './turn-credentials';

export interface ConnectedPeer {
  socket: WebSocket;
  peer: Peer;
  claims: Claims;
}

export type ErrorCode = Extract<ServerMessage, { type: 'error' }>['code'];
export type Outcome = { ok: true } | { ok: false; code: ErrorCode; message: string };

export interface ConnectionDeps {
  peers: Map<string, ConnectedPeer>;
  /** This hub's peer connected, changed or left; and the list a welcome carries. */
  presence: Pick<ReturnType<typeof createPresence>, 'changed' | 'listJson'>;
  router: CallRouter;
  /** The offers' waiting queues (scheduling/queue.ts). */
  queue: ReturnType<typeof createQueues>;
  /** Who is online now, as the welcome and presence say it. */
  list(): Peer[];
  /** The region's offers: the directory, and the coordinator's messages (scheduling/offer-messages.ts). */
  offers: ReturnType<typeof createOfferMessages>;
  turnSecret: string;
  turnUrls: string[];
  ratePerSecond: number;
  burst: number;
  now(): number;
  log(event: string, detail?: Record<string, unknown>): void;
}

/**
 * SECURITY: the coordinator publishes offers; she is in no call: nobody rings her (she is not in
 * presence either) and she rings nobody.
 */
function whyNoRing(deps: ConnectionDeps, from: Peer, to: string): Outcome | null {
  if (from.role === 'coordinator')
    return {
      ok: false,
      code: 'not_allowed',
      message: 'The region’s coordinator publishes offers: she makes no calls.',
    };
  if (deps.peers.get(to)?.peer.role === 'coordinator')
    return { ok: false, code: 'not_allowed', message: `${to} is the region’s coordinator: she is never rung.` };
  return null;
}

/** Answers one parsed message of a connected peer (an offer message once the store has written). */
function handle(
  deps: ConnectionDeps,
  peer: Peer,
  reply: (message: ServerMessage) => void,
  m: ClientMessage,
): Outcome | Promise<Outcome> {
  switch (m.type) {
    case 'queue.join':
    case 'queue.leave':
    case 'queue.take':
      return deps.queue.handle(peer, m);
    case 'presence.set':
      peer.availability = m.availability;
      deps.presence.changed(peer.id);
      // An expert's availability counts in the queues' estimates; a cabin stepped out is not taken.
      deps.queue.changed();
      return { ok: true };
    case 'directory.get':
      reply(deps.offers.directory());
      return { ok: true };
    case 'offer.publish':
    case 'offer.withdraw':
    case 'offer.duty':
      return deps.offers.handle(peer, m, reply);
    case 'call.ring':
      return (
        whyNoRing(deps, peer, m.to) ??
        deps.router.ring(peer.id, m.to, m.reason, m.urgent ?? false, deps.queue.passOn(peer.id, m.to, m.queueEntryId))
      );
    case 'call.accept':
      return deps.router.accept(peer.id, m.callId);
    case 'call.decline':
      return deps.router.decline(peer.id, m.callId, m.reason);
    case 'call.cancel':
      return deps.router.cancel(peer.id, m.callId);
    case 'call.hangup':
      return deps.router.hangup(peer.id, m.callId, m.reason);
    case 'signal':
      return deps.router.signal(peer.id, m.callId, m.data);
    case 'turn.credentials': {
      // SECURITY: the relay is for calls: credentials go only to a member of a call that rings
      // or is under way (a station asks for them once the call is accepted), never to anyone
      // who would use the region's relay for something else.
      if (!deps.router.inCall(peer.id)) {
        deps.log('hub.turn_refused', { peer: peer.id });
        const message = 'TURN credentials are given only for a call you are in (ringing or under way).';
        return { ok: false, code: 'not_in_call', message };
      }
      const credentials = turnCredentials(deps.turnSecret, peer.id, Math.floor(deps.now() / 1000));
      reply({ type: 'turn.credentials', ...credentials, urls: deps.turnUrls });
      return { ok: true };
    }
    default:
      return { ok: true }; // the waiting queue's messages are not served yet (issue 22)
  }
}

export function acceptConnection(deps: ConnectionDeps, socket: WebSocket, claims: Claims): void {
  const { peers, presence, router, log, now } = deps;
  const peer: Peer = {
    id: claims.sub,
    role: claims.role,
    name: claims.name,
    site: claims.site,
    specialty: claims.specialty,
    availability: 'available',
  };
  // One connection per identity: the newest (a station that reconnected) replaces the old one.
  peers.get(peer.id)?.socket.close(4000, 'replaced by a newer connection');
  peers.set(peer.id, { socket, peer, claims });
  // Setting up a call is a legitimate burst (offer, answer, a few dozen ICE candidates from
  // both sides); a flood is hundreds a second, sustained.
  const bucket = createTokenBucket(deps.ratePerSecond, deps.burst, now);
  let refused = 0;
  const reply = (message: ServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const error = (code: ErrorCode, message: string) => reply({ type: 'error', code, message });
  // SECURITY: a connection lives no longer than its token: at expiry it is closed (4001) and
  // the station reconnects with a fresh one (the upgrade checks it again).
  const expiry = setTimeout(
    () => socket.close(4001, 'token expired'),
    Math.min(2 ** 31 - 1, Math.max(0, claims.exp * 1000 - now())),
  );
  socket.on('close', () => clearTimeout(expiry));
  presence.changed(peer.id);
  // The list as presence keeps it, serialised once per change, not once per peer.
  socket.send(`{"type":"welcome","you":${JSON.stringify(peer)},"peers":${presence.listJson()}}`);
  router.connected(peer.id);
  deps.queue.connected(peer);

  socket.on('message', (data, isBinary) => {
    if (!bucket.take()) {
      // A flood is answered a few times, then the connection is closed.
      if (++refused === 1) log('hub.rate_limited', { peer: peer.id });
      if (refused > 100) socket.close(1008, 'too many messages');
      else error('rate_limited', 'Too many messages: slow down.');
      return;
    }
    refused = 0; // a pause ends a burst: only a sustained flood closes the connection
    if (isBinary) return error('invalid_message', 'Binary messages are not accepted.');
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.toString('utf8'));
    } catch {
      return error('invalid_message', 'The message is not JSON.');
    }
    const message = ClientMessageSchema.safeParse(parsed);
    if (!message.success)
      return error(
        'invalid_message',
        `The message is not a hub message (${message.error.issues[0]?.message ?? 'invalid'}).`,
      );
    const answered = (outcome: Outcome) => {
      if (!outcome.ok) error(outcome.code, outcome.message);
    };
    const outcome = handle(deps, peer, reply, message.data);
    if (!(outcome instanceof Promise)) return answered(outcome);
    outcome.then(answered, (e: unknown) => {
      log('hub.message_failed', { peer: peer.id, type: message.data.type, error: (e as Error).message });
      error('invalid_message', `The hub could not do ${message.data.type}: ${(e as Error).message}`);
    });
  });

  socket.on('close', () => {
    if (peers.get(peer.id)?.socket !== socket) return; // replaced: the newer connection stays
    peers.delete(peer.id);
    router.disconnected(peer.id);
    deps.queue.disconnected(peer.id);
    presence.changed(peer.id);
  });
  socket.on('error', (e) => log('hub.socket_error', { peer: peer.id, error: e.message }));
}
