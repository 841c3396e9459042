// Remote steering enforced in the station's main process (issue 16, point 3): a cart with a real
// simulated VISCA camera on a socat pty, an expert, one real hub, everything through the contract
// dispatch the page uses. A camera command marked remote moves the camera only under a live grant
// for its call; grants, revocations, grants ended by the call and refused commands are audited.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPtyPair } from '../../devices/transport/pty-pair';
import { startViscaSimulator, type ViscaSimulator } from '../../devices/visca/simulator';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken, type Claims } from '../../src/hub/tokens';
import { silentLogger } from '../../src/main/platform/logger';
import { createStation } from '../../src/main/station';
import type { Channel, ChannelInput, ChannelOutput, EventPayload } from '../../src/shared/contract';
import type { ServerMessage } from '../../src/shared/hub-protocol';
import type { Result } from '../../src/shared/result';
import { useCleanups } from '../helpers/cleanups';
import { startTcpProxy } from '../helpers/tcp-proxy';
import { useTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait';

const tempDir = useTempDir();
const cleanup = useCleanups();
const SECRET = 'hub-secret';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const token = (sub: string, role: Claims['role'], name: string) =>
  issueToken(SECRET, {
    sub,
    role,
    name,
    site: role === 'expert' ? 'CHU de Brest' : 'EHPAD Les Tilleuls',
    specialty: role === 'expert' ? 'neurologie' : null,
    exp: Math.floor(Date.now() / 1000) + 600,
  });

async function hub(): Promise<RunningHub> {
  const running = await startHub({ secret: SECRET, turnSecret: 'coturn-secret', turnUrls: [], offers: [] });
  cleanup(() => running.close());
  return running;
}

function stationOn(hubUrl: string, sub: string, role: Claims['role'], name: string, camera?: string) {
  const visca = {
    id: 'camera',
    label: 'Caméra',
    kind: 'camera' as const,
    protocol: 'visca' as const,
    baudRate: 9600,
    address: 1,
  };
  const devices = camera
    ? { mode: 'configured' as const, devices: [{ ...visca, path: camera }] }
    : { mode: 'none' as const };
  const hubToken = token(sub, role, name);
  const station = createStation({
    dataDir: tempDir(),
    mode: 'browser',
    logger: silentLogger,
    hubUrl,
    hubToken,
    devices,
  });
  cleanup(() => station.close());
  const messages: ServerMessage[] = [];
  const grants: EventPayload<'calls.controlChanged'>[] = [];
  station.events.on('calls.message', (m: EventPayload<'calls.message'>) => messages.push(m));
  station.events.on('calls.controlChanged', (g: EventPayload<'calls.controlChanged'>) => grants.push(g));
  const call = <C extends Channel>(channel: C, input: ChannelInput<C>) =>
    station.dispatch(channel, input) as Promise<Result<ChannelOutput<C>>>;
  const value = async <C extends Channel>(channel: C, input: ChannelInput<C>) => {
    const result = await call(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  const next = async <T extends ServerMessage['type']>(type: T) => {
    await waitFor(() => messages.some((m) => m.type === type), `${sub} receives ${type}`);
    return messages.splice(
      messages.findIndex((m) => m.type === type),
      1,
    )[0] as Extract<ServerMessage, { type: T }>;
  };
  let hubOnline = false;
  station.events.on(
    'calls.hubChanged',
    (s: EventPayload<'calls.hubChanged'>) => (hubOnline = s.link === 'online' && s.you !== null),
  );
  const online = () => waitFor(() => hubOnline, `${sub} on the hub`);
  return { station, call, value, next, grants, online, isOnline: () => hubOnline };
}

/** A cart whose camera is the VISCA simulator at the far end of a socat pty pair, and an expert,
 * both on the hub (the cart through `cartHubUrl` when given: a proxy the test can cut). */
async function cartAndExpert(running: RunningHub, cartHubUrl = running.url) {
  const dir = tempDir();
  const pair = await openPtyPair(path.join(dir, 'cart-camera'), path.join(dir, 'camera'));
  cleanup(() => pair.close());
  const simulator = await startViscaSimulator({ path: pair.simulatorPath, seed: 11 });
  cleanup(() => simulator.stop());
  const cart = stationOn(cartHubUrl, 'cart-5', 'station', 'Chariot 5', pair.devicePath);
  const expert = stationOn(running.url, 'dr-kerleau', 'expert', 'Dr Kerleau');
  await cart.station.devicesReady;
  const cameraUp = async () =>
    (await cart.value('devices.list', {})).some((d) => d.kind === 'camera' && d.state === 'connected');
  for (let i = 0; i < 400 && !(await cameraUp()); i++) await sleep(10);
  // Answered once the driver has set the camera up (its address, its interface cleared): after
  // this the simulator hears only what the tests send.
  await cart.value('camera.position', {});
  await Promise.all([cart.online(), expert.online()]);
  return { cart, expert, simulator };
}

/** The cart rings the expert, who answers. */
async function callUp(cart: ReturnType<typeof stationOn>, expert: ReturnType<typeof stationOn>): Promise<string> {
  await cart.value('calls.send', { type: 'call.ring', to: 'dr-kerleau', reason: 'Suspicion d’AVC' });
  const { callId } = await cart.next('call.ringing');
  await expert.next('call.incoming');
  await expert.value('calls.send', { type: 'call.accept', callId });
  await cart.next('call.accepted');
  return callId;
}

const NOT_GRANTED = {
  ok: false,
  error: { code: 'control_not_granted', message: expect.stringContaining('not granted for this call') },
};
const drive = (callId: string) => ({
  command: { type: 'drive' as const, pan: 1, tilt: 0 },
  origin: { kind: 'remote' as const, callId },
});

/** What the simulator received after `mark`, a moment after the command (the line is 9600 baud). */
async function receivedSince(simulator: ViscaSimulator, mark: number): Promise<number[][]> {
  await sleep(250);
  return simulator.received.slice(mark).map((r) => r.bytes);
}

describe('remote camera steering, enforced by the station', () => {
  // The test named in the issue.
  it('during a call with no grant, a remote camera.command through the dispatch is refused and the simulator receives nothing', async () => {
    const { cart, expert, simulator } = await cartAndExpert(await hub());
    const callId = await callUp(cart, expert);

    const mark = simulator.received.length;
    const refused = await cart.call('camera.command', drive(callId));
    expect(refused).toMatchObject(NOT_GRANTED);
    // A click-to-center obeys the same grant: refused before the camera is even asked where it is.
    expect(await cart.call('camera.center', { x: 1, y: 0, origin: { kind: 'remote', callId } })).toMatchObject(
      NOT_GRANTED,
    );
    expect(await receivedSince(simulator, mark)).toEqual([]);
    expect(simulator.state().pan).toBe(0);

    // The nurse's own pad still steers (a local command needs no grant).
    const local = await cart.call('camera.command', {
      command: { type: 'move_to', pan: 300, tilt: 0 },
      origin: { kind: 'local' },
    });
    expect(local).toEqual({ ok: true, value: { accepted: true } });
    expect(simulator.state().pan).toBe(300);
  });

  it('moves under a grant, and refuses again after a revocation and after the hang-up; all of it in the audit trail', async () => {
    const { cart, expert, simulator } = await cartAndExpert(await hub());
    const callId = await callUp(cart, expert);

    // A burst of refused commands before any grant: one audit row for the streak.
    for (let i = 0; i < 5; i++) expect(await cart.call('camera.command', drive(callId))).toMatchObject(NOT_GRANTED);

    // A grant names the call's expert as the hub knows her, and who granted it.
    const grant = await cart.value('calls.grantControl', { callId, by: 'IDE Morvan' });
    expect(grant).toMatchObject({
      callId,
      expert: { peerId: 'dr-kerleau', name: 'Dr Kerleau' },
      grantedBy: { name: 'IDE Morvan', source: 'typed' },
    });
    expect(Date.parse(grant.since)).not.toBeNaN();
    expect(cart.grants.at(-1)).toMatchObject({ callId, grant: { expert: { peerId: 'dr-kerleau' } } });
    // A command for another call is still refused.
    expect(await cart.call('camera.command', drive('another-call'))).toMatchObject(NOT_GRANTED);

    expect(await cart.call('camera.command', drive(callId))).toEqual({ ok: true, value: { accepted: true } });
    await waitFor(() => simulator.state().pan > 50, 'the camera pans right');
    // Under the grant, her click centres the camera with its own optics (camera-center.test.ts).
    expect(await cart.call('camera.center', { x: 0, y: 0, origin: { kind: 'remote', callId } })).toMatchObject({
      ok: true,
      value: { model: expect.stringContaining('EVI-D70') },
    });

    // Revoked: the camera is stopped for her, and her next command is refused and sends nothing.
    expect(await cart.value('calls.revokeControl', { callId, by: 'IDE Morvan' })).toEqual({ revoked: true });
    expect(cart.grants.at(-1)).toMatchObject({ callId, grant: null, reason: 'revoked' });
    await sleep(200);
    const stoppedAt = simulator.state().pan;
    let mark = simulator.received.length;
    expect(await cart.call('camera.command', drive(callId))).toMatchObject(NOT_GRANTED);
    expect(await cart.call('camera.command', { ...drive(callId), command: { type: 'stop' } })).toMatchObject(
      NOT_GRANTED,
    );
    expect(await receivedSince(simulator, mark)).toEqual([]);
    expect(simulator.state().pan).toBe(stoppedAt);

    // Granted again, then the cart hangs up: the grant ends with the call.
    await cart.value('calls.grantControl', { callId, by: 'IDE Morvan' });
    await cart.value('calls.send', { type: 'call.hangup', callId });
    expect(cart.grants.at(-1)).toMatchObject({ callId, grant: null, reason: 'call_ended' });
    mark = simulator.received.length;
    expect(await cart.call('camera.command', drive(callId))).toMatchObject(NOT_GRANTED);
    expect(await receivedSince(simulator, mark)).toEqual([]);
    // And no grant for a call that is over.
    expect(await cart.call('calls.grantControl', { callId, by: 'IDE Morvan' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    await cart.next('call.ended');
    const rows = (await cart.value('audit.recent', { limit: 50 })).filter((r) => r.entityId === callId).reverse();
    expect(rows.map((r) => `${r.action} ${r.event} ${r.outcome}`)).toEqual([
      'call call.started success',
      'call call.answered success',
      'execute camera.remote_refused control_not_granted', // the first streak: 5 refusals, one row
      'grant control.granted success',
      'grant control.revoked success',
      'execute camera.remote_refused control_not_granted', // the second streak, after the revocation
      'grant control.granted success',
      'grant control.ended success',
      'execute camera.remote_refused control_not_granted', // the third streak, after the hang-up
      'call call.ended success',
    ]);
    const [granted, grantedAgain] = rows.filter((r) => r.event === 'control.granted');
    expect(granted).toMatchObject({ person: 'IDE Morvan', entityType: 'call' });
    expect(granted!.detail).toContain('Dr Kerleau (CHU de Brest; hub peer dr-kerleau) may steer');
    expect(granted!.detail).toContain('granted by IDE Morvan (name typed)');
    // The streak's count goes on the row that ends it (the drive then the stop after the revocation).
    expect(granted!.detail).toContain('after 5 refused remote commands');
    expect(grantedAgain!.detail).toContain('after 2 refused remote commands');
    const revoked = rows.find((r) => r.event === 'control.revoked');
    expect(revoked).toMatchObject({
      person: 'IDE Morvan',
      detail: expect.stringContaining('taken back from Dr Kerleau'),
    });
    expect(rows.find((r) => r.event === 'control.ended')!.detail).toContain('ended by itself (call ended)');
    // The command refused for "another-call" is recorded against that call id.
    const trail = await cart.value('audit.recent', { limit: 50 });
    expect(trail.some((r) => r.event === 'camera.remote_refused' && r.entityId === 'another-call')).toBe(true);
  });

  // Issue 21, point 3: the expert's zoom and focus buttons, relayed by the cart's page as remote
  // commands, reach the camera on the pty as the Sony VISCA bytes (EVI-D70 Technical Manual, CAM_Zoom, CAM_Focus).
  it('relays the expert’s zoom and focus to the simulated VISCA camera as the right bytes', async () => {
    const { cart, expert, simulator } = await cartAndExpert(await hub());
    const callId = await callUp(cart, expert);
    await cart.value('calls.grantControl', { callId, by: 'IDE Morvan' });
    const remote = (command: ChannelInput<'camera.command'>['command']) =>
      cart.value('camera.command', { command, origin: { kind: 'remote', callId } });
    const hex = (bytes: number[][]) => bytes.map((b) => b.map((x) => x.toString(16).padStart(2, '0')).join(' '));

    let mark = simulator.received.length;
    await remote({ type: 'zoom', speed: 1 });
    await waitFor(() => simulator.state().zoom > 0, 'the camera zooms in');
    await remote({ type: 'zoom', speed: 0 });
    expect(hex(await receivedSince(simulator, mark))).toEqual(['81 01 04 07 27 ff', '81 01 04 07 00 ff']);

    // Near and far drive the lens by hand: the camera is put in manual focus first (the camera
    // refuses them under autofocus), and the button's release stops the lens.
    mark = simulator.received.length;
    await remote({ type: 'focus', mode: 'near' });
    await remote({ type: 'focus', mode: 'stop' });
    await remote({ type: 'focus', mode: 'far' });
    await remote({ type: 'focus', mode: 'stop' });
    await remote({ type: 'focus', mode: 'one_push' });
    await remote({ type: 'focus', mode: 'auto' });
    expect(hex(await receivedSince(simulator, mark))).toEqual([
      '81 01 04 38 03 ff',
      '81 01 04 08 03 ff',
      '81 01 04 08 00 ff',
      '81 01 04 38 03 ff',
      '81 01 04 08 02 ff',
      '81 01 04 08 00 ff',
      '81 01 04 38 03 ff',
      '81 01 04 18 01 ff',
      '81 01 04 38 02 ff',
    ]);
  });

  it('ends the grant by itself when the expert hangs up, and when the cart loses the hub', async () => {
    const running = await hub();
    const proxy = await startTcpProxy(running.port);
    cleanup(() => proxy.close());
    const { cart, expert, simulator } = await cartAndExpert(running, `ws://127.0.0.1:${proxy.port}/hub`);

    // The expert hangs up: the hub's message ends the grant.
    let callId = await callUp(cart, expert);
    await cart.value('calls.grantControl', { callId, by: 'IDE Morvan' });
    await expert.value('calls.send', { type: 'call.hangup', callId });
    await cart.next('call.ended');
    expect(cart.grants.at(-1)).toMatchObject({ callId, grant: null, reason: 'call_ended' });
    expect(await cart.call('camera.command', drive(callId))).toMatchObject(NOT_GRANTED);

    // The cart's link to the hub drops mid-call: the station can no longer see the call, so the
    // grant ends, and none is given until the hub confirms the call again.
    callId = await callUp(cart, expert);
    await cart.value('calls.grantControl', { callId, by: 'IDE Morvan' });
    proxy.cut();
    await waitFor(() => !cart.isOnline(), 'the cart loses the hub');
    expect(cart.grants.at(-1)).toMatchObject({ callId, grant: null, reason: 'hub_lost' });
    const mark = simulator.received.length;
    expect(await cart.call('camera.command', drive(callId))).toMatchObject(NOT_GRANTED);
    expect(await receivedSince(simulator, mark)).toEqual([]);
    const regrant = await cart.call('calls.grantControl', { callId, by: 'IDE Morvan' });
    expect(regrant).toMatchObject({ ok: false, error: { code: 'hub_unavailable' } });
    proxy.restore();
    await cart.next('call.resumed');
    await cart.value('calls.grantControl', { callId, by: 'IDE Morvan' });
    expect(await cart.call('camera.command', drive(callId))).toEqual({ ok: true, value: { accepted: true } });
  });

  it('refuses a grant nobody answers for, and one asked of the expert’s own station', async () => {
    const { cart, expert } = await cartAndExpert(await hub());
    const callId = await callUp(cart, expert);
    // No professional signed in on this station and no name typed: who let her steer?
    const unnamed = await cart.call('calls.grantControl', { callId });
    expect(unnamed).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', fields: [{ path: 'by', code: 'required' }] },
    });
    // The expert's own station has nothing to grant: she is not steered by the cart.
    const fromExpert = await expert.call('calls.grantControl', { callId, by: 'Dr Kerleau' });
    expect(fromExpert).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
