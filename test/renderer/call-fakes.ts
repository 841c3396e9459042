// Stand-ins for the call parts' tests: the station's contract (scripted answers, what was asked,
// events pushed), a WebRTC link that records what it is given, and local media streams.
import type { RelaisApi } from '../../src/shared/contract';
import type { Peer } from '../../src/shared/hub-protocol';
import type { Result } from '../../src/shared/result';
import type { CallLink, CallLinkOptions } from '../../src/renderer/webrtc/call-link';
import { useCalls } from '../../src/renderer/webrtc/call-store';
import type { LocalStream } from '../../src/renderer/webrtc/local-media';

type Answer = (input: unknown) => Result<unknown>;

export function fakeStation(answers: Record<string, Answer> = {}) {
  const invoked: { channel: string; input: unknown }[] = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  const api = {
    invoke: async (channel: string, input: unknown) => {
      invoked.push({ channel, input });
      return answers[channel]?.(input) ?? { ok: true, value: {} };
    },
    on: (channel: string, listener: (payload: unknown) => void) => {
      listeners.set(channel, listener);
      return () => listeners.delete(channel);
    },
  } as unknown as RelaisApi;
  const emit = (channel: string, payload: unknown) => listeners.get(channel)?.(payload);
  const sent = () => invoked.filter((i) => i.channel === 'calls.send').map((i) => i.input);
  return { api, invoked, emit, sent };
}

export function fakeLink(options?: CallLinkOptions) {
  const record = {
    options,
    sent: [] as unknown[],
    signals: [] as unknown[],
    added: [] as MediaStream[],
    destroyed: false,
    resumed: 0,
    open: true,
  };
  const link: CallLink = {
    signal: (data) => void record.signals.push(data),
    send: (message) => (record.open ? (record.sent.push(message), true) : false),
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
