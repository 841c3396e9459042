// One call's media and data link (simple-peer), kept alive through network drops:
// - ICE "disconnected" for a moment: the caller restarts ICE (new candidates, same connection);
// - the connection fails or closes: the caller builds a new one (a new "generation"); the callee
//   follows the newest generation it is offered and ignores late signals from older ones;
// - nothing back within the deadline: the call is given up with a reason, never left hanging.
import SimplePeer, { type SignalData, type SimplePeerInstance } from 'simple-peer/simplepeer.min.js';
import type { IceConfig } from '../../shared/calls/calls';
import { withAuscultationOpus } from './opus-sdp';
import { markCallTime } from './call-timing';

export type LinkState = 'connecting' | 'connected' | 'reconnecting';

/** Above simple-peer's own channel ids (0 and 1), below any stack's stream limit. */
const BULK_CHANNEL_ID = 100;
const STEER_CHANNEL_ID = 101;
const BULK_HIGH_WATER = 4 * 1024 * 1024;
const BULK_LOW_WATER = 1024 * 1024;

export interface CallLinkOptions {
  initiator: boolean;
  ice: IceConfig;
  streams: MediaStream[];
  /** Sends a signaling message to the other side through the hub. */
  sendSignal(data: SignalData & { gen: number }): void;
  onState(state: LinkState): void;
  onStream(stream: MediaStream): void;
  onData(message: unknown): void;
  /** The data channel of a (new) connection is open: resend what the other side must know. */
  onOpen(): void;
  /** The link could not be restored in time. */
  onGiveUp(reason: string): void;
  /** A binary message on the bulk channel (shared images). */
  onBulk?(message: Uint8Array): void;
  reconnectDeadlineMs?: number;
  iceRestartDelayMs?: number;
}

export interface CallLink {
  signal(data: unknown): void;
  send(message: unknown): boolean;
  /**
   * Sends continuous camera motion on the steering channel (unordered, never retransmitted), or on
   * the main channel while that one is not open; false if the link is down.
   */
  sendMotion(message: unknown): boolean;
  /** Sends on the bulk channel, waiting while its buffer is full; false if the link is down. */
  sendBulk(message: Uint8Array): Promise<boolean>;
  addStream(stream: MediaStream): void;
  /** The hub says the call resumed after a signaling drop: rebuild if media did not survive. */
  resumed(): void;
  connection(): RTCPeerConnection | null;
  destroy(): void;
}

export function createCallLink(options: CallLinkOptions): CallLink {
  const deadlineMs = options.reconnectDeadlineMs ?? 30_000;
  const streams = [...options.streams];
  let peer: SimplePeerInstance | null = null;
  let generation = 0;
  let state: LinkState = 'connecting';
  let destroyed = false;
  let deadline: ReturnType<typeof setTimeout> | null = null;
  let iceRestart: ReturnType<typeof setTimeout> | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let bulk: RTCDataChannel | null = null;
  let steer: RTCDataChannel | null = null;

  const setState = (next: LinkState) => {
    if (next === state) return;
    state = next;
    options.onState(next);
  };

  function startDeadline(): void {
    if (deadline) return;
    deadline = setTimeout(() => {
      deadline = null;
      if (destroyed || state === 'connected') return;
      options.onGiveUp('connection_lost');
    }, deadlineMs);
  }

  function reconnecting(): void {
    if (destroyed) return;
    setState('reconnecting');
    startDeadline();
  }

  function connected(): void {
    if (deadline) clearTimeout(deadline);
    deadline = null;
    if (retry) clearTimeout(retry);
    retry = null;
    setState('connected');
  }

  function build(gen: number, initiator: boolean): SimplePeerInstance {
    const old = peer;
    peer = null;
    old?.destroy();
    generation = gen;
    const p = new SimplePeer({
      initiator,
      trickle: true,
      streams,
      // max-bundle: one transport for all media, so candidates are gathered (and signaled) once.
      config: {
        iceServers: options.ice.iceServers,
        iceTransportPolicy: options.ice.iceTransportPolicy,
        bundlePolicy: 'max-bundle',
      },
      sdpTransform: (sdp) => withAuscultationOpus(sdp),
    });
    peer = p;
    bulk = openBulkChannel(p._pc);
    steer = openSteerChannel(p._pc, p);
    p.on('signal', (data) => {
      if (peer === p) options.sendSignal({ ...data, gen });
    });
    p.on('stream', (stream) => peer === p && options.onStream(stream));
    p.on('connect', () => {
      if (peer !== p) return;
      markCallTime('link-open');
      connected();
      options.onOpen();
    });
    p.on('data', (chunk) => {
      if (peer === p) receive(chunk);
    });
    p.on('iceStateChange', (ice) => {
      if (peer !== p) return;
      if (ice === 'connected' || ice === 'completed') {
        markCallTime('ice-connected');
        if (p.connected) connected();
        p.offerOptions = {};
      } else if (ice === 'disconnected') {
        reconnecting();
        // A short outage often heals by itself; if not, the caller restarts ICE.
        if (iceRestart) clearTimeout(iceRestart);
        iceRestart = setTimeout(() => {
          if (peer !== p || p.destroyed || p._pc.iceConnectionState !== 'disconnected' || !initiator) return;
          p.offerOptions = { iceRestart: true };
          p.negotiate();
        }, options.iceRestartDelayMs ?? 1500);
      }
    });
    p.on('error', () => {
      // Followed by 'close'; the reason is handled there.
    });
    p.on('close', () => {
      if (peer !== p || destroyed) return;
      peer = null;
      reconnecting();
      if (initiator) scheduleRebuild();
    });
    return p;
  }

  function scheduleRebuild(): void {
    if (retry || destroyed) return;
    retry = setTimeout(
      () => {
        retry = null;
        if (destroyed || state === 'connected') return;
        build(generation + 1, true);
        // Try again with a fresh connection every few seconds until the deadline.
        scheduleRebuild();
      },
      peer ? 5000 : 300,
    );
  }

  function receive(chunk: unknown): void {
    try {
      const text = typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk as Uint8Array);
      options.onData(JSON.parse(text));
    } catch {
      // Not JSON: dropped; the other side is a Relais station, this is noise.
    }
  }

  /**
   * Camera motion has a channel of its own, pre-negotiated on both sides: unordered and never
   * retransmitted, so that a move lost on a bad network is replaced by the next one instead of
   * holding back those behind it, and never waits behind a chat line or a manifest. The cart
   * drops a move older than one it obeyed (remote-control.ts).
   */
  function openSteerChannel(pc: RTCPeerConnection, owner: SimplePeerInstance): RTCDataChannel | null {
    try {
      const channel = pc.createDataChannel('relais-steer', {
        negotiated: true,
        id: STEER_CHANNEL_ID,
        ordered: false,
        maxRetransmits: 0,
      });
      channel.onmessage = (event) => {
        if (peer === owner && channel === steer) receive(event.data);
      };
      return channel;
    } catch {
      return null;
    }
  }

  /**
   * Shared images travel on their own channel, pre-negotiated on both sides (no renegotiation):
   * a series' pixels must never queue behind, or in front of, a camera command or a chat line.
   */
  function openBulkChannel(pc: RTCPeerConnection): RTCDataChannel | null {
    try {
      const channel = pc.createDataChannel('relais-bulk', { negotiated: true, id: BULK_CHANNEL_ID, ordered: true });
      channel.binaryType = 'arraybuffer';
      channel.bufferedAmountLowThreshold = BULK_LOW_WATER;
      channel.onmessage = (event) => {
        if (channel === bulk && event.data instanceof ArrayBuffer) options.onBulk?.(new Uint8Array(event.data));
      };
      return channel;
    } catch {
      return null;
    }
  }

  function sendReliable(message: unknown): boolean {
    if (!peer?.connected) return false;
    try {
      peer.send(JSON.stringify(message));
      return true;
    } catch {
      return false;
    }
  }

  build(1, options.initiator);

  return {
    signal(raw) {
      if (destroyed || !raw || typeof raw !== 'object') return;
      const { gen, ...data } = raw as SignalData & { gen?: unknown };
      if (typeof gen !== 'number') return;
      if (gen < generation) return; // late, from a connection already replaced
      if (gen > generation) {
        if (options.initiator) return; // only the caller starts generations
        build(gen, false);
        reconnecting();
      }
      try {
        peer?.signal(data);
      } catch {
        // A signal for a connection being torn down: the next generation will carry on.
      }
    },
    send: sendReliable,
    sendMotion(message) {
      const channel = steer;
      if (!peer?.connected) return false;
      if (!channel || channel.readyState !== 'open') return sendReliable(message);
      try {
        channel.send(JSON.stringify(message));
        return true;
      } catch {
        return sendReliable(message);
      }
    },
    async sendBulk(message) {
      const channel = bulk;
      if (!channel || channel.readyState !== 'open') return false;
      if (channel.bufferedAmount > BULK_HIGH_WATER) {
        await new Promise<void>((resolve) => {
          const done = () => {
            channel.removeEventListener('bufferedamountlow', done);
            channel.removeEventListener('close', done);
            resolve();
          };
          channel.addEventListener('bufferedamountlow', done);
          channel.addEventListener('close', done);
        });
      }
      if (channel !== bulk || channel.readyState !== 'open') return false;
      try {
        channel.send(message as Uint8Array<ArrayBuffer>);
        return true;
      } catch {
        return false;
      }
    },
    addStream(stream) {
      streams.push(stream);
      peer?.addStream(stream);
    },
    resumed() {
      if (destroyed || state === 'connected') return;
      reconnecting();
      if (options.initiator) {
        if (retry) clearTimeout(retry);
        retry = null;
        build(generation + 1, true);
        scheduleRebuild();
      }
    },
    connection: () => peer?._pc ?? null,
    destroy() {
      destroyed = true;
      for (const t of [deadline, iceRestart, retry]) if (t) clearTimeout(t);
      peer?.destroy();
      peer = null;
    },
  };
}
