import { describe, expect, it } from 'vitest';
import {
  isLossyMotion,
  afterDecision,
  decideRemote,
  isSteeringMessage,
  shownAfterControl,
  shownSteerAnswer,
  type RemoteControlState,
  type SteerAnswer,
} from '../../../src/shared/devices/remote-control';

const granted: RemoteControlState = { expertPeerId: 'dr-neuro', granted: true, lastSeq: 0 };
const drive = (seq: number, pan = 0.5) => ({ type: 'camera', seq, command: { type: 'drive', pan, tilt: 0 } });

describe('remote camera steering, decided on the cart', () => {
  it("obeys the session's expert while control is granted", () => {
    expect(decideRemote(granted, 'dr-neuro', drive(1))).toEqual({ obey: true, message: drive(1) });
  });

  it('takes a gesture as one message, pan, tilt and zoom together, and passes it on as it came', () => {
    const gesture = { type: 'camera', seq: 2, command: { type: 'move', pan: -0.5, tilt: 0.25, zoom: 1 } };
    expect(decideRemote(granted, 'dr-neuro', gesture)).toEqual({ obey: true, message: gesture });
    // Each velocity is -1..1, all three are there, and nothing else rides along.
    for (const command of [
      { type: 'move', pan: 0, tilt: 0 },
      { type: 'move', pan: 0, tilt: 0, zoom: 1.5 },
      { type: 'move', pan: '1', tilt: 0, zoom: 0 },
      { type: 'move', pan: 0, tilt: 0, zoom: 0, focus: 'far' },
    ]) {
      expect(decideRemote(granted, 'dr-neuro', { ...gesture, command })).toEqual({ obey: false, reason: 'invalid' });
    }
  });

  it('refuses anyone else, and the expert once the nurse takes control back', () => {
    expect(decideRemote(granted, 'cart-2', drive(1))).toMatchObject({ obey: false, reason: 'not_expert' });
    expect(decideRemote({ ...granted, expertPeerId: null }, 'dr-neuro', drive(1))).toMatchObject({
      obey: false,
      reason: 'not_expert',
    });
    const revoked = { ...granted, granted: false };
    expect(decideRemote(revoked, 'dr-neuro', drive(1))).toEqual({ obey: false, reason: 'not_granted', seq: 1 });
    // A Stop too: once the grant ends, the station has stopped the camera itself.
    expect(decideRemote(revoked, 'dr-neuro', { type: 'camera', seq: 2, command: { type: 'stop' } })).toEqual({
      obey: false,
      reason: 'not_granted',
      seq: 2,
    });
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
    expect(decideRemote(granted, 'dr-neuro', center)).toEqual({ obey: true, message: center });
    expect(decideRemote({ ...granted, granted: false }, 'dr-neuro', center)).toMatchObject({
      obey: false,
      reason: 'not_granted',
    });
    expect(decideRemote(granted, 'dr-neuro', { ...center, x: 2 })).toEqual({ obey: false, reason: 'invalid' });
  });

  it('refuses garbage and out-of-range commands without throwing', () => {
    const garbage = [
      null,
      undefined,
      42,
      'drive',
      [],
      {},
      { type: 'camera' },
      drive(-1),
      drive(1.5),
      { ...drive(1), command: { type: 'drive', pan: 5, tilt: 0 } },
      { ...drive(1), extra: true },
      { type: 'center', seq: 1, x: Number.NaN, y: 0 },
      { type: 'camera', seq: 1, command: { type: 'self_destruct' } },
    ];
    for (const bad of garbage)
      expect(decideRemote(granted, 'dr-neuro', bad)).toEqual({ obey: false, reason: 'invalid' });
    // Only steering is decided here: a chat line is no camera command.
    expect(
      decideRemote(granted, 'dr-neuro', {
        type: 'chat',
        id: 'm1',
        author: 'Dr Le Goff',
        text: 'Bonjour',
        at: '2026-11-22T12:00:00Z',
      }),
    ).toEqual({ obey: false, reason: 'invalid' });
    expect([drive(1), { type: 'center' }, { type: 'chat' }, null, 'camera'].map(isSteeringMessage)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe("the cart's answers, as the expert's pad shows them", () => {
  const refused: SteerAnswer = { seq: 7, outcome: 'refused', reason: 'not_granted' };
  const failed: SteerAnswer = { seq: 7, outcome: 'failed', reason: 'device_refused' };

  it('keeps the refusal of a move when the Stop sent on letting go is refused too, or obeyed', () => {
    expect(shownSteerAnswer(refused, { seq: 8, outcome: 'refused', reason: 'not_granted' }, true)).toBe(refused);
    expect(shownSteerAnswer(refused, { seq: 8, outcome: 'done' }, true)).toBe(refused);
  });

  it('keeps the refusal of a move when that Stop fails', () => {
    expect(shownSteerAnswer(refused, { seq: 8, outcome: 'failed', reason: 'device_refused' }, true)).toBe(refused);
  });

  it('keeps a failure until a move works: a Stop that worked says nothing new', () => {
    expect(shownSteerAnswer(failed, { seq: 8, outcome: 'done' }, true)).toBe(failed);
    expect(shownSteerAnswer(failed, { seq: 9, outcome: 'done' }, false)).toEqual({ seq: 9, outcome: 'done' });
  });

  it('shows a Stop that failed while nothing was wrong: the camera may still be moving', () => {
    expect(
      shownSteerAnswer({ seq: 7, outcome: 'done' }, { seq: 8, outcome: 'failed', reason: 'device_unavailable' }, true),
    ).toEqual({ seq: 8, outcome: 'failed', reason: 'device_unavailable' });
    expect(shownSteerAnswer(null, { seq: 8, outcome: 'failed', reason: 'device_unavailable' }, true)).toMatchObject({
      outcome: 'failed',
    });
  });

  it("never lets a slow command's late answer hide a newer one's", () => {
    // A click-to-center before the revoke is answered when the move ends, after the refusal.
    expect(shownSteerAnswer(refused, { seq: 5, outcome: 'done' }, false)).toBe(refused);
  });

  it("shows a move's refusal over an earlier success", () => {
    expect(shownSteerAnswer({ seq: 6, outcome: 'done' }, refused, false)).toBe(refused);
  });

  it('drops a shown refusal when the nurse lets the expert steer again, and only then', () => {
    expect(shownAfterControl(refused, true)).toBeNull();
    expect(shownAfterControl(refused, false)).toBe(refused);
    expect(shownAfterControl(failed, true)).toBe(failed);
  });
});

describe('which steering messages may be lost rather than arrive late', () => {
  const camera = (command: object) => ({ type: 'camera', seq: 1, command }) as Parameters<typeof isLossyMotion>[0];
  it('sends continuous motion and clicks on the unordered channel', () => {
    expect(isLossyMotion(camera({ type: 'move', pan: 0.5, tilt: 0, zoom: 0 }))).toBe(true);
    expect(isLossyMotion(camera({ type: 'drive', pan: 0, tilt: -1 }))).toBe(true);
    expect(isLossyMotion(camera({ type: 'zoom', speed: 1 }))).toBe(true);
    expect(isLossyMotion({ type: 'center', seq: 1, x: 0.2, y: -0.1 })).toBe(true);
  });
  it('keeps what stops the camera or must happen once on the reliable channel', () => {
    expect(isLossyMotion(camera({ type: 'stop' }))).toBe(false);
    expect(isLossyMotion(camera({ type: 'move', pan: 0, tilt: 0, zoom: 0 }))).toBe(false);
    expect(isLossyMotion(camera({ type: 'drive', pan: 0, tilt: 0 }))).toBe(false);
    expect(isLossyMotion(camera({ type: 'zoom', speed: 0 }))).toBe(false);
    expect(isLossyMotion(camera({ type: 'preset_recall', preset: 2 }))).toBe(false);
    expect(isLossyMotion(camera({ type: 'home' }))).toBe(false);
    expect(isLossyMotion(camera({ type: 'move_to', pan: 100, tilt: 0 }))).toBe(false);
  });
});
