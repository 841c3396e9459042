// The call's signaling through the hub, with a stand-in station and media part: what is sent to
// the hub for each gesture, and what each hub message does to the call on this page.
import { beforeEach, describe, expect, it } from 'vitest';
import { createHubSignaling } from '../../src/renderer/webrtc/hub-signaling';
import { useCalls } from '../../src/renderer/webrtc/call-store';
import type { ServerMessage } from '../../src/shared/hub-protocol';
import { fakeStation, peer, resetCalls, settle } from './call-fakes';

const expert = peer('dr-kerleau', 'expert', 'Dr Kerleau');

function signaling(answers: Parameters<typeof fakeStation>[0] = {}) {
  // The hub as the station knows it: the same as the page was given in beforeEach.
  const station = fakeStation({ 'calls.hub': () => ({ ok: true, value: useCalls.getState().hub }), ...answers });
  const media: string[] = [];
  const rings: boolean[] = [];
  const stopped: number[] = [];
  const controls: unknown[] = [];
  const s = createHubSignaling({
    api: station.api,
    media: {
      begin: (callId) => void media.push(`begin ${callId}`),
      prepare: (callId) => void media.push(`prepare ${callId}`),
      startLink: async (callId, initiator) => void media.push(`link ${callId} ${initiator ? 'initiator' : 'answerer'}`),
      finish: (callId, reason, detail) => void media.push(`finish ${callId} ${reason} ${detail}`),
      signal: (callId, data) => void media.push(`signal ${callId} ${JSON.stringify(data)}`),
      resumed: (callId) => void media.push(`resumed ${callId}`),
    },
    startRingtone: (urgent) => {
      rings.push(urgent);
      return { stop: () => void stopped.push(1) };
    },
    onControlChanged: (change) => void controls.push(change),
  });
  const hub = (m: ServerMessage) => station.emit('calls.message', m);
  return { s, station, media, rings, stopped, controls, hub };
}

beforeEach(() => resetCalls(peer('cart-1', 'station', 'Chariot 1'), [expert]));

describe('hub signaling', () => {
  it('reads its hub identity again once a professional is signed in: refused before, at a gated station', async () => {
    const expertHub = { ...useCalls.getState().hub, you: expert };
    let signedIn = false;
    const { s, station } = signaling({
      'calls.hub': () =>
        signedIn
          ? { ok: true, value: expertHub }
          : { ok: false, error: { code: 'forbidden', message: 'Sign in first' } },
    });
    useCalls.setState({ hub: { ...expertHub, you: null } });
    await s.init();
    expect(useCalls.getState().hub.you).toBeNull();
    signedIn = true;
    const identity = { configured: true, user: { name: 'Anne KERLEAU' }, unlockPinSet: true, locked: false };
    station.emit('identity.changed', { ...identity, unlockPinSet: false });
    await settle();
    expect(useCalls.getState().hub.you).toBeNull(); // her PIN not chosen yet: the records stay closed
    station.emit('identity.changed', identity);
    await settle();
    expect(useCalls.getState().hub.you).toEqual(expert);
  });

  it('rings a peer: the call is pending until the hub names it, then its session begins and her media opens', async () => {
    const { s, station, media, hub } = signaling();
    await s.init();
    await s.ring('dr-kerleau', 'plaie', true);
    expect(station.sent()).toEqual([{ type: 'call.ring', to: 'dr-kerleau', reason: 'plaie', urgent: true }]);
    expect(useCalls.getState().call).toMatchObject({
      callId: 'pending',
      direction: 'outgoing',
      phase: 'ringing',
      urgent: true,
    });
    hub({ type: 'call.ringing', callId: 'c1', to: expert });
    expect(useCalls.getState().call?.callId).toBe('c1');
    // She chose to call: her camera opens while it rings there.
    expect(media).toEqual(['begin c1', 'prepare c1']);
    hub({ type: 'call.accepted', callId: 'c1', by: expert });
    expect(useCalls.getState().call?.phase).toBe('connecting');
    expect(media).toEqual(['begin c1', 'prepare c1', 'link c1 initiator']);
  });

  it('rings here for an incoming call, answers once however often it is pressed, and builds the link as the answerer', async () => {
    const { s, station, media, rings, stopped, hub } = signaling();
    await s.init();
    hub({ type: 'call.incoming', callId: 'c2', from: expert, urgent: true, reason: 'AVC' });
    expect(rings).toEqual([true]);
    // A ringing station does not turn its camera on: only her answer does.
    expect(media).toEqual(['begin c2']);
    await Promise.all([s.accept(), s.accept()]);
    expect(station.sent()).toEqual([{ type: 'call.accept', callId: 'c2' }]);
    expect(stopped.length).toBeGreaterThan(0);
    hub({ type: 'call.accepted', callId: 'c2', by: expert });
    expect(media).toEqual(['begin c2', 'prepare c2', 'link c2 answerer']);
  });

  it('steps aside when another window of the station answered the call', async () => {
    const { s, media, hub } = signaling();
    await s.init();
    hub({ type: 'call.incoming', callId: 'c3', from: expert, urgent: false });
    hub({ type: 'call.accepted', callId: 'c3', by: expert });
    expect(media).toEqual(['begin c3', 'finish c3 answered_elsewhere null']);
  });

  it('says busy when the hub refuses the ring, and ends the call here when the hub cannot be told of a hang-up', async () => {
    const busy = signaling();
    await busy.s.init();
    await busy.s.ring('dr-kerleau', '', false);
    busy.hub({ type: 'call.ended', callId: 'c4', reason: 'busy' });
    expect(useCalls.getState().call).toMatchObject({
      callId: 'c4',
      phase: 'ended',
      end: { reason: 'busy', detail: null },
    });
    busy.s.dismiss();
    expect(useCalls.getState().call).toBeNull();

    const offline = signaling({
      'calls.send': () => ({ ok: false, error: { code: 'hub_unavailable', message: 'no hub' } }),
    });
    await offline.s.init();
    offline.hub({ type: 'call.incoming', callId: 'c5', from: expert, urgent: false });
    await offline.s.hangup();
    expect(offline.media).toEqual(['begin c5', 'finish c5 hangup null']);
    expect(useCalls.getState().error?.code).toBe('hub_unavailable');
  });

  it('passes WebRTC signals, resumptions and the steering grant on to their parts', async () => {
    const { s, station, media, controls, hub } = signaling();
    await s.init();
    hub({ type: 'signal', callId: 'c6', from: 'dr-kerleau', data: { type: 'offer', sdp: 'x' } });
    hub({ type: 'call.resumed', callId: 'c6', caller: expert, callee: expert });
    station.emit('calls.controlChanged', { callId: 'c6', grant: null, reason: 'hub_lost' });
    await settle();
    expect(media).toEqual(['signal c6 {"type":"offer","sdp":"x"}', 'resumed c6']);
    expect(controls).toEqual([{ callId: 'c6', grant: null, reason: 'hub_lost' }]);
  });
});
