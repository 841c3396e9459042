import { describe, expect, it } from 'vitest';
import { afterDecision, decideRemote, type RemoteControlState } from '../../../src/shared/remote-control';

const granted: RemoteControlState = { expertPeerId: 'dr-neuro', granted: true, lastSeq: 0 };
const drive = (seq: number, pan = 0.5) => ({ type: 'camera', seq, command: { type: 'drive', pan, tilt: 0 } });

describe('remote camera steering, decided on the cart', () => {
  it("obeys the session's expert while control is granted", () => {
    expect(decideRemote(granted, 'dr-neuro', drive(1))).toEqual({ obey: true, steering: { kind: 'command', command: { type: 'drive', pan: 0.5, tilt: 0 } }, seq: 1 });
  });

  it('refuses anyone else, and the expert once the nurse takes control back', () => {
    expect(decideRemote(granted, 'cart-2', drive(1))).toMatchObject({ obey: false, reason: 'not_expert' });
    expect(decideRemote({ ...granted, expertPeerId: null }, 'dr-neuro', drive(1))).toMatchObject({ obey: false, reason: 'not_expert' });
    const revoked = { ...granted, granted: false };
    expect(decideRemote(revoked, 'dr-neuro', drive(1))).toEqual({ obey: false, reason: 'not_granted', seq: 1 });
    // Stopping the camera is always allowed from the expert.
    expect(decideRemote(revoked, 'dr-neuro', { type: 'camera', seq: 2, command: { type: 'stop' } })).toMatchObject({ obey: true });
  });

  it('drops a late command older than one already obeyed', () => {
    let state = afterDecision(granted, decideRemote(granted, 'dr-neuro', drive(5)));
    expect(state.lastSeq).toBe(5);
    expect(decideRemote(state, 'dr-neuro', drive(4, -1))).toEqual({ obey: false, reason: 'stale', seq: 4 });
    state = afterDecision(state, decideRemote(state, 'dr-neuro', drive(6)));
    expect(state.lastSeq).toBe(6);
  });

  it('obeys a click-to-center from the expert like a command, with the same checks', () => {
    const center = { type: 'center', seq: 3, x: 0.5, y: -0.25 };
    expect(decideRemote(granted, 'dr-neuro', center)).toEqual({ obey: true, steering: { kind: 'center', x: 0.5, y: -0.25 }, seq: 3 });
    expect(decideRemote({ ...granted, granted: false }, 'dr-neuro', center)).toMatchObject({ obey: false, reason: 'not_granted' });
    expect(decideRemote(granted, 'dr-neuro', { ...center, x: 2 })).toEqual({ obey: false, reason: 'invalid' });
  });

  it('refuses garbage and out-of-range commands without throwing', () => {
    for (const bad of [null, 'drive', {}, { type: 'camera' }, drive(-1), { ...drive(1), command: { type: 'drive', pan: 5, tilt: 0 } }, { ...drive(1), extra: true }]) {
      expect(decideRemote(granted, 'dr-neuro', bad)).toEqual({ obey: false, reason: 'invalid' });
    }
    expect(decideRemote(granted, 'dr-neuro', { type: 'chat', id: 'm1', author: 'Dr Le Goff', text: 'Bonjour', at: '2026-11-22T12:00:00Z' })).toEqual({ obey: false, reason: 'not_camera' });
  });
});
