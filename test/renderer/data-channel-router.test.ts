// The call's data channel, with a stand-in station, link and shared screens: each message from
// the other side reaches what handles it, and what this side sends goes out (or waits) as it should.
import { beforeEach, describe, expect, it } from 'vitest';
import { createDataChannelRouter } from '../../src/renderer/webrtc/data-channel-router';
import { newSession, type CallSession } from '../../src/renderer/webrtc/call-session';
import { newCall, useCalls } from '../../src/renderer/webrtc/call-store';
import { fakeLink, fakeStation, fakeStream, peer, resetCalls, settle } from './call-fakes';
import { realContext } from '../helpers/act-context';
import { AMOXICILLIN, signedPrescription } from '../helpers/prescriptions';

const SHARE_ID = '3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b';
const ENCOUNTER_ID = '8c7b6a59-4e3d-4c2b-9a18-f7e6d5c4b3a2';
const expert = peer('dr-kerleau', 'expert', 'Dr Kerleau');

function router(answers: Parameters<typeof fakeStation>[0] = {}) {
  const station = fakeStation(answers);
  const { link, record } = fakeLink();
  const session: CallSession = { ...newSession('c1'), link };
  const shared: string[] = [];
  const r = createDataChannelRouter({
    api: station.api,
    session: () => session,
    shared: {
      imaging: {
        onMessage: (m) => void shared.push(`imaging ${m.type}`),
        linkOpened: () => void shared.push('imaging open'),
        callEnded: () => void shared.push('imaging end'),
      },
      stroke: {
        onMessage: (m, from) => void shared.push(`stroke ${m.type} from ${from}`),
        linkOpened: () => void shared.push('stroke open'),
        callEnded: () => void shared.push('stroke end'),
      },
      photo: {
        onMessage: (m, isCart) => void shared.push(`photo ${m.type} ${isCart ? 'at the cart' : 'at the expert'}`),
        linkOpened: () => void shared.push('photo open'),
        callEnded: () => void shared.push('photo end'),
      },
      context: {
        onMessage: (m) => void shared.push(`context ${m.context.act.id}`),
        linkOpened: () => void shared.push('context open'),
        callEnded: () => void shared.push('context end'),
      },
      vitals: {
        onMessage: (m, from) => void shared.push(`vitals ${m.type} from ${from}`),
        linkOpened: () => void shared.push('vitals open'),
        callEnded: () => void shared.push('vitals end'),
      },
      report: {
        onMessage: (m) => void shared.push(`report ${m.type}`),
        linkOpened: () => void shared.push('report open'),
        callEnded: () => void shared.push('report end'),
      },
      prescription: {
        onMessage: (m) => void shared.push(`prescription ${m.type}`),
        linkOpened: () => void shared.push('prescription open'),
        callEnded: () => void shared.push('prescription end'),
      },
    },
  });
  return { r, station, session, record, shared };
}

beforeEach(() => {
  resetCalls(peer('cart-1', 'station', 'Chariot 1'), [expert]);
  useCalls.setState({ call: { ...newCall('c1', 'incoming', expert, false, null), phase: 'connected' } });
});

describe('data-channel router', () => {
  it('keeps a chat line once, in the call journal too, whatever the repeats', () => {
    const { r, station } = router();
    const chat = { type: 'chat', id: 'l1', author: 'Dr Kerleau', text: 'Bonjour', at: '2026-01-01T10:00:00.000Z' };
    r.onData('c1', chat);
    r.onData('c1', chat);
    expect(useCalls.getState().call?.chat).toEqual([
      { id: 'l1', direction: 'received', author: 'Dr Kerleau', text: 'Bonjour', at: chat.at },
    ]);
    expect(station.invoked.filter((i) => i.channel === 'calls.chat')).toHaveLength(1);
  });

  it('passes the shared imaging and stroke messages to the screens the calls feature gave it', () => {
    const { r, shared } = router();
    r.onData('c1', { type: 'imaging.stop', shareId: SHARE_ID });
    r.onData('c1', {
      type: 'stroke.change',
      encounterId: ENCOUNTER_ID,
      change: { kind: 'clear_milestone', milestone: 'onset' },
    });
    expect(shared).toEqual(['imaging imaging.stop', 'stroke stroke.change from Dr Kerleau']);
  });

  it('passes the act’s context of this call only, and only a well-formed one (issue 21)', () => {
    const { r, shared } = router();
    r.onData('other', { type: 'act.context', context: realContext });
    r.onData('c1', { type: 'act.context', context: { ...realContext, files: 'all of them' } });
    r.onData('c1', { type: 'act.context', context: realContext });
    expect(shared).toEqual([`context ${realContext.act.id}`]);
  });

  it('passes the expert’s signed report and its receipt, and drops a report without its SHA-256 (issue 21)', () => {
    const { r, shared } = router();
    const report = {
      id: '6a1b9d2e-3c4f-4a5b-8c6d-7e8f9a0b1c2d',
      encounterId: realContext.act.id,
      sections: { motif: '', histoire: '', examen: '', mesures: '', conclusion: 'Escarre', conduite: '', suivi: '' },
      author: { name: 'Dr Kerleau', rpps: '10001234567', specialty: null, hubId: 'dr-kerleau' },
      signedAt: '2026-12-07T09:00:00.000Z',
      replaces: null,
      correctionReason: null,
      sha256: 'a'.repeat(64),
    };
    r.onData('c1', { type: 'act.report', report });
    r.onData('c1', { type: 'act.report', report: { ...report, sha256: undefined } });
    r.onData('c1', { type: 'act.report.receipt', reportId: report.id, outcome: 'filed', reason: null });
    expect(shared).toEqual(['report act.report', 'report act.report.receipt']);
  });

  it('passes the expert’s signed prescription and its receipt, and drops one without a line (issue 21)', () => {
    const { r, shared } = router();
    const prescription = signedPrescription({ encounterId: realContext.act.id, lines: [AMOXICILLIN] });
    r.onData('c1', { type: 'act.prescription', prescription });
    r.onData('c1', { type: 'act.prescription', prescription: { ...prescription, lines: [] } });
    r.onData('c1', {
      type: 'act.prescription.receipt',
      prescriptionId: prescription.id,
      outcome: 'refused',
      reason: 'forbidden',
    });
    expect(shared).toEqual(['prescription act.prescription', 'prescription act.prescription.receipt']);
  });

  it('passes the live vitals messages to the calls feature, and drops a garbled one', () => {
    const { r, shared } = router();
    r.onData('c1', { type: 'vitals.oximeter', status: 'measuring', spo2: 96, pulseRate: 70, pleth: [10, 20] });
    r.onData('c1', { type: 'vitals.bp.request' });
    r.onData('c1', { type: 'vitals.oximeter', status: 'measuring', spo2: 300, pulseRate: 70, pleth: [] });
    expect(shared).toEqual(['vitals vitals.oximeter from Dr Kerleau', 'vitals vitals.bp.request from Dr Kerleau']);
  });

  it('ignores messages of a call that is not the current one', () => {
    const { r } = router();
    r.onData('other', { type: 'chat', id: 'l2', author: 'x', text: 'y', at: '2026-01-01T10:00:00.000Z' });
    expect(useCalls.getState().call?.chat).toEqual([]);
  });

  it('names the other side’s streams from its manifest', () => {
    const { r } = router();
    useCalls.setState((s) => ({
      call: s.call && {
        ...s.call,
        remoteStreams: [{ id: 's1', stream: fakeStream('s1').stream, kind: 'room', label: '' }],
      },
    }));
    r.onData('c1', { type: 'media', streams: [{ id: 's1', kind: 'stethoscope', label: 'Stéthoscope' }] });
    expect(useCalls.getState().call?.remoteStreams[0]).toMatchObject({
      id: 's1',
      kind: 'stethoscope',
      label: 'Stéthoscope',
    });
  });

  it('numbers the expert’s steering messages, motion on the steering channel and stops on the reliable one', async () => {
    const { r, record } = router();
    expect(r.steer({ type: 'camera', command: { type: 'stop' } })).toBe(true);
    expect(r.steer({ type: 'center', x: 0.5, y: 0.5 })).toBe(true);
    expect(r.steer({ type: 'camera', command: { type: 'move', pan: 1, tilt: 0, zoom: 0 } })).toBe(true);
    // A zero move stops the camera: it must arrive.
    expect(r.steer({ type: 'camera', command: { type: 'move', pan: 0, tilt: 0, zoom: 0 } })).toBe(true);
    expect(record.sent).toEqual([
      { type: 'camera', command: { type: 'stop' }, seq: 1 },
      { type: 'camera', command: { type: 'move', pan: 0, tilt: 0, zoom: 0 }, seq: 4 },
    ]);
    expect(record.motion).toEqual([
      { type: 'center', x: 0.5, y: 0.5, seq: 2 },
      { type: 'camera', command: { type: 'move', pan: 1, tilt: 0, zoom: 0 }, seq: 3 },
    ]);
    // The pad's count follows once the messages are out, not before.
    expect(useCalls.getState().call?.steerAwaiting).toBe(0);
    await settle();
    expect(useCalls.getState().call?.steerAwaiting).toBe(4);
    r.onData('c1', { type: 'camera.result', seq: 1, outcome: 'done' });
    expect(useCalls.getState().call?.steerAwaiting).toBe(3);
    // The answer to 4: the moves before it (2, 3) were lost or dropped as late; none will be answered.
    r.onData('c1', { type: 'camera.result', seq: 4, outcome: 'done' });
    expect(useCalls.getState().call?.steerAwaiting).toBe(0);
    record.open = false;
    expect(r.steer({ type: 'center', x: 0.1, y: 0.1 })).toBe(false);
  });

  it('keeps chat typed while the link is down, and sends it with the manifest when the link opens', () => {
    const { r, record, shared, session } = router();
    record.open = false;
    r.sendChat('  Vous m’entendez ?  ');
    expect(useCalls.getState().call?.chat[0]).toMatchObject({
      direction: 'sent',
      text: 'Vous m’entendez ?',
      pending: true,
    });
    record.open = true;
    useCalls.setState((s) => ({ call: s.call && { ...s.call, local: [fakeStream('room-1')] } }));
    r.onOpen(session.callId);
    expect(record.sent[0]).toEqual({ type: 'media', streams: [{ id: 'room-1', kind: 'room', label: 'Caméra' }] });
    expect(record.sent[1]).toMatchObject({ type: 'chat', text: 'Vous m’entendez ?' });
    expect(useCalls.getState().call?.chat[0]?.pending).toBe(false);
    expect(shared).toEqual([
      'imaging open',
      'stroke open',
      'photo open',
      'context open',
      'vitals open',
      'report open',
      'prescription open',
    ]);
    r.callEnded();
    expect(shared).toEqual([
      'imaging open',
      'stroke open',
      'photo open',
      'context open',
      'vitals open',
      'report open',
      'prescription open',
      'imaging end',
      'stroke end',
      'photo end',
      'context end',
      'vitals end',
      'report end',
      'prescription end',
    ]);
  });

  it('cart: grants control through the station, then follows the grant and tells the expert', async () => {
    const grant = { callId: 'c1', expertPeerId: 'dr-kerleau', by: 'IDE Morvan', since: '2026-01-01T10:00:00.000Z' };
    const { r, station, session, record } = router({
      'calls.grantControl': () => ({ ok: true, value: grant }),
      'devices.list': () => ({
        ok: true,
        value: [{ kind: 'camera', state: 'connected', presets: [{ number: 1, name: 'Lit' }] }],
      }),
    });
    let granted = false;
    const handled: unknown[] = [];
    session.steering = {
      handle: (m) => handled.push(m) > 0,
      setGranted: (g) => void (granted = g),
      granted: () => granted,
    };
    useCalls.setState({ grantBy: ' IDE Morvan ' });
    await r.setControlGranted(true);
    await settle();
    expect(station.invoked[0]).toEqual({ channel: 'calls.grantControl', input: { callId: 'c1', by: 'IDE Morvan' } });
    expect(granted).toBe(true);
    expect(useCalls.getState().call?.controlGranted).toBe(true);
    expect(record.sent).toEqual([
      { type: 'control', granted: true, camera: true, presets: [{ number: 1, name: 'Lit' }] },
    ]);
    // A malformed steering message still goes to the cart's steering, which refuses it.
    r.onData('c1', { type: 'camera', seq: 'x' });
    expect(handled).toEqual([{ type: 'camera', seq: 'x' }]);
  });
});
