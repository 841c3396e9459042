// The call's media, with a stand-in station, link and devices: the room media opened and the link
// built when the call is answered, the devices added during it, and everything closed when it ends.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallLinkOptions } from '../../src/renderer/webrtc/call-link';
import { createCallMedia } from '../../src/renderer/webrtc/call-media';
import { newCall, useCalls } from '../../src/renderer/webrtc/call-store';
import type { LocalStream } from '../../src/renderer/webrtc/local-media';
import type { Result } from '../../src/shared/result';
import { fakeLink, fakeStation, fakeStream, peer, resetCalls, settle } from './call-fakes';

const expert = peer('dr-kerleau', 'expert', 'Dr Kerleau');
const ICE = { ok: true, value: { iceServers: [] } } as Result<unknown>;

function media(ice: Result<unknown> = ICE) {
  const station = fakeStation({ 'calls.ice': () => ice });
  const links: ReturnType<typeof fakeLink>[] = [];
  const events: string[] = [];
  const stopped: LocalStream[][] = [];
  const m = createCallMedia({
    api: station.api,
    devices: {
      openRoomMedia: async () => {
        events.push('room media opened');
        return { media: fakeStream('room-1'), problem: null };
      },
      openDeviceCamera: async (deviceId, label) => fakeStream(deviceId, 'device', label),
      openStethoscope: async (deviceId, label) => ({
        media: fakeStream(deviceId ?? 'mic', 'stethoscope', label),
        problems: ['echo cancellation is on'],
      }),
      stopAll: (streams) => void stopped.push([...streams]),
    },
    createLink: (options: CallLinkOptions) => {
      const made = fakeLink(options);
      links.push(made);
      return made.link;
    },
    createSteering: (_api, callId, expertId) => {
      events.push(`steering ${callId} for ${expertId}`);
      return { handle: () => false, setGranted: () => {}, granted: () => false };
    },
    recordings: {
      callStarted: (id) => void events.push(`recordings start ${id}`),
      callEnded: (id) => void events.push(`recordings end ${id}`),
    },
    sendSignal: (callId, data) => void events.push(`signal out ${callId} ${data.type}`),
    hangup: async (reason) => void events.push(`hangup ${reason}`),
    onData: (callId) => void events.push(`data ${callId}`),
    onOpen: (callId) => void events.push(`open ${callId}`),
    onBulk: () => void events.push('bulk'),
    onEnded: () => void events.push('ended'),
  });
  return { m, station, links, events, stopped };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  resetCalls(peer('cart-1', 'station', 'Chariot 1'), [expert]);
  useCalls.setState({ call: newCall('c1', 'incoming', expert, false, null) });
});
afterEach(() => vi.useRealTimers());

describe('call media', () => {
  it('begins a cart’s call with its steering and recordings; an expert’s side has no steering', () => {
    const cart = media();
    cart.m.begin('c1');
    expect(cart.events).toEqual(['recordings start c1', 'steering c1 for dr-kerleau']);
    resetCalls(expert, []);
    useCalls.setState({ call: newCall('c2', 'outgoing', peer('cart-1', 'station', 'Chariot 1'), false, null) });
    const side = media();
    side.m.begin('c2');
    expect(side.events).toEqual(['recordings start c2']);
  });

  it('opens the room media and builds the link on answer, with the signals that came before it', async () => {
    const { m, links, events } = media();
    m.begin('c1');
    m.signal('c1', { type: 'offer', sdp: 'early' });
    await m.startLink('c1', false);
    expect(links).toHaveLength(1);
    const { record } = links[0]!;
    const options = record.options;
    expect(options).toMatchObject({ initiator: false, ice: { iceServers: [] } });
    expect(options!.streams.map((s) => s.id)).toEqual(['room-1']);
    expect(record.signals).toEqual([{ type: 'offer', sdp: 'early' }]);
    expect(useCalls.getState().call?.local.map((l) => l.stream.id)).toEqual(['room-1']);
    m.signal('c1', { type: 'candidate' });
    expect(record.signals).toHaveLength(2);
    options!.sendSignal({ type: 'answer', sdp: 'x', gen: 1 } as never);
    options!.onOpen();
    options!.onState('connected');
    expect(events.slice(-2)).toEqual(['signal out c1 answer', 'open c1']);
    expect(useCalls.getState().call?.phase).toBe('connected');
  });

  it('hangs up when the station has no ICE servers to give, and closes the camera it opened meanwhile', async () => {
    const { m, links, events, stopped } = media({ ok: false, error: { code: 'hub_unavailable', message: 'no hub' } });
    m.begin('c1');
    await m.startLink('c1', true);
    expect(links).toEqual([]);
    expect(events).toContain('hangup ice_unavailable');
    expect(useCalls.getState().error?.code).toBe('hub_unavailable');
    expect(stopped.at(-1)?.map((l) => l.stream.id)).toEqual(['room-1']);
  });

  it('asks the ICE servers while it rings and opens the media once this side chose to talk, each once', async () => {
    const { m, station, links, events } = media();
    m.begin('c1');
    expect(station.invoked.map((i) => i.channel)).toEqual(['calls.ice']);
    expect(events).not.toContain('room media opened');
    m.prepare('c1');
    m.prepare('c1');
    expect(events.filter((e) => e === 'room media opened')).toHaveLength(1);
    await m.startLink('c1', true);
    expect(station.invoked.map((i) => i.channel)).toEqual(['calls.ice']);
    expect(events.filter((e) => e === 'room media opened')).toHaveLength(1);
    expect(links[0]!.record.options!.streams.map((stream) => stream.id)).toEqual(['room-1']);
  });

  it('closes the media opened for a call that ends before it is answered', async () => {
    const { m, stopped } = media();
    m.begin('c1');
    m.prepare('c1');
    m.finish('c1', 'cancelled', null);
    await settle();
    expect(stopped.at(-1)?.map((l) => l.stream.id)).toEqual(['room-1']);
  });

  it('adds a stethoscope to the link, says what the browser left on, and tells the other side', async () => {
    const { m, links } = media();
    m.begin('c1');
    await m.startLink('c1', true);
    await m.addStethoscope('mic-3', 'Stéthoscope');
    const { record } = links[0]!;
    expect(record.added.map((s) => s.id)).toEqual(['mic-3']);
    expect(useCalls.getState().call?.stethoscopeProblems).toEqual(['echo cancellation is on']);
    expect(record.sent.at(-1)).toEqual({
      type: 'media',
      streams: [
        { id: 'room-1', kind: 'room', label: 'Caméra' },
        { id: 'mic-3', kind: 'stethoscope', label: 'Stéthoscope' },
      ],
    });
  });

  it('ends the call: recordings saved, link closed, media stopped, a lost connection said as such', async () => {
    const { m, links, events, stopped } = media();
    m.begin('c1');
    await m.startLink('c1', true);
    m.finish('c1', 'hangup', 'connection_lost');
    await settle();
    expect(links[0]!.record.destroyed).toBe(true);
    expect(events).toContain('recordings end c1');
    expect(events).toContain('ended');
    expect(stopped.at(-1)?.map((l) => l.stream.id)).toEqual(['room-1']);
    expect(useCalls.getState().call).toMatchObject({
      phase: 'ended',
      end: { reason: 'connection_lost', detail: null },
      local: [],
    });
    expect(m.session()).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ends the previous call as replaced when another one begins', () => {
    const { m, events } = media();
    m.begin('c1');
    m.begin('c9');
    expect(events).toContain('recordings end c1');
    expect(useCalls.getState().call?.end).toEqual({ reason: 'replaced', detail: null });
    expect(m.session()?.callId).toBe('c9');
  });
});
