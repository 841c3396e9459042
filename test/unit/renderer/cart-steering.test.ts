// The cart page's side of remote steering, with a stand-in for the station: what it passes on is
// marked remote with its call, and the station's own refusal reaches the expert as a refusal.
import { describe, expect, it } from 'vitest';
import { createCartSteering } from '../../../src/renderer/webrtc/cart-steering';
import type { RelaisApi } from '../../../src/shared/contract';
import type { RemoteMessage } from '../../../src/shared/devices/remote-control';
import type { Result } from '../../../src/shared/result';

function station(answer: Result<unknown>) {
  const invoked: { channel: string; input: unknown }[] = [];
  const api = {
    invoke: async (channel: string, input: unknown) => {
      invoked.push({ channel, input });
      return answer;
    },
    on: () => () => {},
  } as unknown as RelaisApi;
  return { api, invoked };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const drive = (seq: number) => ({ type: 'camera', seq, command: { type: 'drive', pan: 1, tilt: 0 } });

describe('cart steering', () => {
  it('marks what it passes on as remote, with its call', async () => {
    const { api, invoked } = station({ ok: true, value: { accepted: true } });
    const replies: RemoteMessage[] = [];
    const steering = createCartSteering(api, 'call-7', 'dr-kerleau', (m) => replies.push(m));
    steering.setGranted(true);
    steering.handle(drive(1));
    await settle();
    const input = { command: { type: 'drive', pan: 1, tilt: 0 }, origin: { kind: 'remote', callId: 'call-7' } };
    expect(invoked).toEqual([{ channel: 'camera.command', input }]);
    expect(replies).toEqual([{ type: 'camera.result', seq: 1, outcome: 'done' }]);
  });

  it('passes a click on to camera.center, where main centres with the attached camera: no position read here', async () => {
    const { api, invoked } = station({ ok: true, value: { pan: 2750, tilt: 0, model: 'Pelco-D' } });
    const replies: RemoteMessage[] = [];
    const steering = createCartSteering(api, 'call-7', 'dr-kerleau', (m) => replies.push(m));
    steering.setGranted(true);
    expect(steering.handle({ type: 'center', seq: 4, x: 1, y: -0.5 })).toBe(true);
    await settle();
    expect(invoked).toEqual([
      { channel: 'camera.center', input: { x: 1, y: -0.5, origin: { kind: 'remote', callId: 'call-7' } } },
    ]);
    expect(replies).toEqual([{ type: 'camera.result', seq: 4, outcome: 'done' }]);
  });

  it('refuses garbage as invalid and passes nothing on', async () => {
    const { api, invoked } = station({ ok: true, value: { accepted: true } });
    const replies: RemoteMessage[] = [];
    const steering = createCartSteering(api, 'call-7', 'dr-kerleau', (m) => replies.push(m));
    steering.setGranted(true);
    expect(steering.handle({ type: 'camera', seq: 5, command: { type: 'move', pan: 9, tilt: 0, zoom: 0 } })).toBe(
      false,
    );
    expect(steering.handle('{"type":"camera"}')).toBe(false);
    await settle();
    expect(invoked).toEqual([]);
    expect(replies).toEqual([]); // nothing trustworthy to answer to
  });

  it("says the station's refusal to the expert as a refusal, not as a camera failure", async () => {
    const { api } = station({
      ok: false,
      error: { code: 'control_not_granted', message: 'not granted for this call' },
    });
    const replies: RemoteMessage[] = [];
    const steering = createCartSteering(api, 'call-7', 'dr-kerleau', (m) => replies.push(m));
    steering.setGranted(true); // the page has not heard yet that the station's grant ended
    steering.handle(drive(1));
    await settle();
    expect(replies).toEqual([{ type: 'camera.result', seq: 1, outcome: 'refused', reason: 'not_granted' }]);
  });

  it('passes nothing on without the grant, not even a Stop', async () => {
    const { api, invoked } = station({ ok: true, value: { accepted: true } });
    const replies: RemoteMessage[] = [];
    const steering = createCartSteering(api, 'call-7', 'dr-kerleau', (m) => replies.push(m));
    steering.handle({ type: 'camera', seq: 1, command: { type: 'stop' } });
    await settle();
    expect(invoked).toEqual([]);
    expect(replies).toEqual([{ type: 'camera.result', seq: 1, outcome: 'refused', reason: 'not_granted' }]);
  });

  it('drops a move overtaken on the unordered channel without a word, and still obeys a late Stop', async () => {
    const { api, invoked } = station({ ok: true, value: { accepted: true } });
    const replies: RemoteMessage[] = [];
    const steering = createCartSteering(api, 'call-7', 'dr-kerleau', (m) => replies.push(m));
    steering.setGranted(true);
    expect(steering.handle(drive(3))).toBe(true);
    expect(steering.handle(drive(2))).toBe(false);
    expect(steering.handle({ type: 'camera', seq: 1, command: { type: 'stop' } })).toBe(true);
    await settle();
    expect(invoked.map((i) => (i.input as { command: { type: string } }).command.type)).toEqual(['drive', 'stop']);
    expect(replies).toEqual([
      { type: 'camera.result', seq: 3, outcome: 'done' },
      { type: 'camera.result', seq: 1, outcome: 'done' },
    ]);
  });
});
