// Stand-ins for the call parts' tests: the station's contract (scripted answers, what was asked,
// events pushed), a WebRTC link that records what it is given, and local media streams.
import type { RelaisApi } from '../../src/shared/contract';
import type { Peer } from '../../src/shared/hub-protocol';
import type { Result } from '../../src/shared/result';
import type { CallLink, CallLinkOptions } from '../../src/renderer/webrtc/call-link';
import { newCall, useCalls } from '../../src/renderer/webrtc/call-store';
import type { RemoteMessage } from '../../src/shared/devices/remote-control';
import type { LocalStream } from '../../src/renderer/webrtc/local-media';

type Answer = (input: unknown) => Result<unknown>;

export function fakeStation(answers: Record<string, Answer> = {}) {
  const invoked: { channel: string; input: unknown }[] = [];
  // Several listeners per event, as the preload and the browser-mode client keep them.
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api = {
    invoke: async (channel: string, input: unknown) => {
      invoked.push({ channel, input });
      return answers[channel]?.(input) ?? { ok: true, value: {} };
    },
    on: (channel: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  } as unknown as RelaisApi;
  const emit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l(payload));
  const sent = () => invoked.filter((i) => i.channel === 'calls.send').map((i) => i.input);
  return { api, invoked, emit, sent };
}

export function fakeLink(options?: CallLinkOptions) {
  const record = {
    options,
    sent: [] as unknown[],
    /** What went on the unordered steering channel. */
    motion: [] as unknown[],
    signals: [] as unknown[],
    added: [] as MediaStream[],
    destroyed: false,
    resumed: 0,
    open: true,
  };
  const link: CallLink = {
    signal: (data) => void record.signals.push(data),
    send: (message) => (record.open ? (record.sent.push(message), true) : false),
    sendMotion: (message) => (record.open ? (record.motion.push(message), true) : false),
    sendBulk: async () => record.open,
    addStream: (stream) => void record.added.push(stream),
    resumed: () => void (record.resumed += 1),
    connection: () => null,
    destroy: () => void (record.destroyed = true),
  };
  return { link, record };
}

export function fakeStream(id: string, kind: LocalStream['kind'] = 'room', label = 'Caméra'): LocalStream {
  const stream = { id, getTracks: () => [], getVideoTracks: () => [] } as unknown as MediaStream;
  return { stream, kind, label };
}

export const peer = (id: string, role: Peer['role'], name: string): Peer => ({
  id,
  role,
  name,
  site: 'Site',
  specialty: null,
  availability: 'available',
});

export function resetCalls(you: Peer | null = peer('cart-1', 'station', 'Chariot 1'), peers: Peer[] = []): void {
  useCalls.setState({
    hub: { link: 'online', you, peers, offers: [] },
    call: null,
    error: null,
    hubError: null,
    grantBy: '',
  });
}

export const settle = () => new Promise((r) => setTimeout(r, 0));

/** The expert and the cart of the signed documents' tests (her report, her prescription). */
export const EXPERT_PEER = peer('dr-kerleau', 'expert', 'Dr Kerleau');
export const CART_PEER = peer('cart-7', 'station', 'Chariot 7');

/** This page's side of a connected call between them: the expert's, or the requesting station's. */
export function onSideOfCall(side: 'expert' | 'cart'): void {
  const [you, remote] = side === 'expert' ? [EXPERT_PEER, CART_PEER] : [CART_PEER, EXPERT_PEER];
  resetCalls(you, [remote]);
  useCalls.setState({ call: { ...newCall('call-1', 'incoming', remote, false, null), phase: 'connected' } });
}

/** Opens a share's link: what it sends on it is collected here. */
export function openedLink(open: (send: (message: RemoteMessage) => boolean) => void): RemoteMessage[] {
  const sent: RemoteMessage[] = [];
  open((message) => {
    sent.push(message);
    return true;
  });
  return sent;
}
