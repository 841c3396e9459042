// Calls on the station's side: relays the page's call commands to the hub through the station's
// own hub connection, passes the hub's call messages to the page, keeps who is online and the
// directory, asks the hub for TURN credentials, and keeps the call journal (with an outbox row
// when a call ends, in the same transaction).
import type { CallCommand, CallRecord, ChatEntry, HubState, IceConfig } from '../../shared/calls/calls';
import type { ClientMessage, Offer, Peer, QueueEntry, QueuePlace, ServerMessage } from '../../shared/hub-protocol';
import { AppFailure } from '../contract/failure';
import type { CallRepository } from './call-repository';
import type { DirectoryCache } from './directory-cache';
import type { Db } from '../platform/database/connection';
import type { OutboxRepository } from '../platform/database/outbox-repository';
import { chatEntityId } from '../sync';
import type { HubLink } from '../platform/hub/hub-link';

export interface CallServiceDeps {
  db: Db;
  calls: CallRepository;
  outbox: OutboxRepository;
  link: HubLink;
  now: () => Date;
  /** "relay" forces calls through TURN (RELAIS_ICE_POLICY). */
  icePolicy: IceConfig['iceTransportPolicy'];
  onState: (state: HubState) => void;
  onMessage: (message: ServerMessage) => void;
  /** The hub sent its directory of offers (after a coordinator published or withdrew one). */
  onDirectory?: (offers: Offer[]) => void;
  /** The last directory kept on the station: read at start, replaced at each new one. */
  directory?: DirectoryCache;
  /** A line of a call's chat was kept: the act of the call (if any) shows it at once. */
  onChat?: (callId: string) => void;
  turnTimeoutMs?: number;
}

type Sender = (message: ClientMessage) => boolean;
type RingCommand = Extract<CallCommand, { type: 'call.ring' }>;

// A call record left open by a crash must not count as a call in progress for ever.
const OPEN_CALL_MAX_AGE_MS = 12 * 60 * 60 * 1000;
// More calls than this in progress at once is not a station's life: the newest are enough.
const RECENT_CALLS = 20;
type TurnReply = Extract<ServerMessage, { type: 'turn.credentials' }>;
/** The hub gives TURN credentials only during a call it knows of (ringing or under way). */
type TurnRefused = { refused: true };

export function createCallService(deps: CallServiceDeps) {
  let you: Peer | null = null;
  /** Who the hub last said this station is: its token's subject does not change while the link is down. */
  let lastWelcomed: Peer | null = null;
  let peers: Peer[] = [];
  // Offline at start, the region's offers are those of the last directory seen.
  let offers: Offer[] = deps.directory?.load() ?? [];
  // The queues as the hub last told them, per offer: a page opened after the hub spoke sees them.
  const places = new Map<string, QueuePlace>();
  const entries = new Map<string, QueueEntry[]>();
  let sender: Sender = () => false;
  const turnWaiters: ((reply: TurnReply | TurnRefused) => void)[] = [];
  /** A call rung from an act, until the hub names it (call.ringing): the act is told its call then. */
  let boundRing: { to: string; onRinging: (callId: string) => void } | null = null;
  const at = () => deps.now().toISOString();

  const state = (): HubState => ({
    link: deps.link.state().state,
    you,
    peers: peers.filter((p) => p.id !== you?.id),
    offers,
    queue: {
      places: [...places.values()],
      entries: [...entries].map(([offerId, waiting]) => ({ offerId, entries: waiting })),
    },
  });
  const publish = () => deps.onState(state());

  function endCall(callId: string, reason: string, detail: string | null): void {
    deps.db.transaction(() => {
      deps.calls.ended(callId, at(), reason, detail);
    })();
  }

  function sendCommand(command: CallCommand): { sent: true } {
    if (!sender(command)) {
      // Hanging up without the hub still ends the call here, with the reason, so that the
      // journal never keeps a call open forever.
      if (command.type === 'call.hangup')
        endCall(command.callId, 'disconnected', command.reason ?? 'Ended while the hub was unreachable.');
      throw new AppFailure('hub_unavailable', 'The regional hub is not reachable; the message was not sent.');
    }
    return { sent: true };
  }

  function record(message: ServerMessage): void {
    switch (message.type) {
      case 'call.ringing':
        deps.db.transaction(() => {
          deps.calls.insert({
            id: message.callId,
            direction: 'outgoing',
            remote: message.to,
            reason: message.reason ?? null,
            urgent: message.urgent ?? false,
            at: at(),
          });
        })();
        if (boundRing?.to === message.to.id) {
          const { onRinging } = boundRing;
          boundRing = null;
          onRinging(message.callId);
        }
        break;
      case 'call.incoming':
        deps.db.transaction(() => {
          deps.calls.insert({
            id: message.callId,
            direction: 'incoming',
            remote: message.from,
            reason: message.reason ?? null,
            urgent: message.urgent,
            at: at(),
          });
        })();
        break;
      case 'call.accepted':
        deps.calls.accepted(message.callId, at());
        break;
      case 'call.ended':
        endCall(message.callId, message.reason, message.detail ?? null);
        break;
      default:
        break;
    }
  }

  return {
    /** The identity the hub gave this station at its last welcome, kept while the link is down. */
    lastIdentity: (): Peer | null => lastWelcomed,
    /** Wires the hub connection's send; called once the client exists. */
    useSender(send: Sender): void {
      sender = send;
    },

    /** Everything the hub sends arrives here, already parsed. */
    handle(message: ServerMessage): void {
      switch (message.type) {
        case 'welcome':
          you = message.you;
          lastWelcomed = message.you;
          peers = message.peers;
          return publish();
        case 'presence.changed': {
          // The hub tells changes only: replace or add by id, remove the gone.
          const gone = new Set([...message.left, ...message.peers.map((p) => p.id)]);
          peers = [...peers.filter((p) => !gone.has(p.id)), ...message.peers];
          // Our own availability as the hub now has it (after presence.set).
          you = message.peers.find((p) => p.id === you?.id) ?? you;
          return publish();
        }
        case 'directory':
          offers = message.offers;
          deps.directory?.save(offers, at());
          deps.onDirectory?.(offers);
          return publish();
        case 'queue.place': {
          const { type: _type, ...place } = message;
          places.set(message.offerId, place);
          return publish();
        }
        case 'queue.entries':
          entries.set(message.offerId, message.entries);
          return publish();
        case 'queue.taken':
        case 'queue.left':
          // The page acts on it (rings the expert who took it, says why the place is gone).
          places.delete(message.offerId);
          publish();
          deps.onMessage(message);
          return;
        case 'turn.credentials':
          turnWaiters.splice(0).forEach((w) => w(message));
          return;
        case 'error':
          // A TURN request refused (this call is over at the hub): no use asking again. The page
          // is told too, and says that the call no longer exists on the regional server.
          if (message.code === 'not_in_call') turnWaiters.splice(0).forEach((w) => w({ refused: true }));
          deps.onMessage(message);
          return;
        default:
          record(message);
          deps.onMessage(message);
      }
    },

    linkChanged(): void {
      if (deps.link.state().state !== 'online') {
        you = null;
        peers = [];
        // The hub tells them again when the link is back (a station away keeps its place there).
        places.clear();
        entries.clear();
      }
      publish();
    },

    state,

    /** Rings for an act: `onRinging` gets the call's id as soon as the hub gives it (before any answer). */
    ringBound(command: RingCommand, onRinging: (callId: string) => void): { sent: true } {
      boundRing = { to: command.to, onRinging };
      try {
        return sendCommand(command);
      } catch (error) {
        boundRing = null;
        throw error;
      }
    },

    /** Sends any message of the protocol on the station's hub connection; false when it is down. */
    sendToHub(message: ClientMessage): boolean {
      return sender(message);
    },

    send(command: CallCommand): { sent: true } {
      // A plain ring is bound to no act, even when a ring for an act never rang (the expert busy).
      if (command.type === 'call.ring') boundRing = null;
      return sendCommand(command);
    },

    /** ICE servers for a new call: fresh TURN credentials from the hub when it has TURN. */
    async iceConfig(): Promise<IceConfig> {
      const answer = await new Promise<TurnReply | TurnRefused | null>((resolve) => {
        // Asked again if no answer comes quickly (a request refused under load is not answered).
        const retry = setInterval(() => sender({ type: 'turn.credentials' }), 700);
        const timer = setTimeout(() => done(null), deps.turnTimeoutMs ?? 3000);
        const done = (r: TurnReply | TurnRefused | null) => {
          clearInterval(retry);
          clearTimeout(timer);
          resolve(r);
        };
        turnWaiters.push(done);
        if (!sender({ type: 'turn.credentials' })) done(null);
      });
      const reply = answer && !('refused' in answer) ? answer : null;
      const iceServers =
        reply && reply.urls.length > 0
          ? [{ urls: reply.urls, username: reply.username, credential: reply.credential }]
          : [];
      if (deps.icePolicy === 'relay' && iceServers.length === 0) {
        const refused = answer !== null && 'refused' in answer;
        const over = 'this call is no longer under way at the hub (it gives TURN credentials only during a call)';
        const why = refused ? over : 'the hub gave no TURN server';
        throw new AppFailure(
          'hub_unavailable',
          `Calls must go through the TURN relay (RELAIS_ICE_POLICY=relay) but ${why}.`,
        );
      }
      return { iceServers, iceTransportPolicy: deps.icePolicy };
    },

    saveChat(entry: ChatEntry): { saved: true } {
      if (!deps.calls.exists(entry.callId))
        throw new AppFailure('not_found', 'This call is not in the journal of this station.');
      // Each line goes to the region with the act the call is linked to (a Communication).
      deps.db.transaction(() => {
        if (deps.calls.addChat(entry))
          deps.outbox.enqueue('call_chat', chatEntityId(entry.callId, entry.id), 1, 'create', at());
      })();
      deps.onChat?.(entry.callId);
      return { saved: true };
    },

    history(limit: number): CallRecord[] {
      return deps.calls.recent(limit);
    },

    /** Calls rung or answered and not ended (what holds an update back), from the journal. */
    openCalls(): number {
      const now = deps.now().getTime();
      const open = (r: CallRecord) => r.endedAt === null && now - Date.parse(r.ringingAt) < OPEN_CALL_MAX_AGE_MS;
      return deps.calls.recent(RECENT_CALLS).filter(open).length;
    },
  };
}
