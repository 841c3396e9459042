// The regional hub over a real WebSocket on 127.0.0.1: authentication, presence, directory, call
// flows, the signaling relay kept within a call, limits, and TURN credentials for coturn.
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken, type NewClaims } from '../../src/hub/tokens';
import { HUB_MAX_MESSAGE_BYTES, type Offer } from '../../src/shared/hub-protocol';
import { connectToHub } from '../helpers/hub-peer';
import { anOffer } from '../helpers/offers';

const SECRET = 'test-hub-secret';
const TURN_SECRET = 'coturn-static-auth-secret';
const OFFERS: Offer[] = [
  anOffer({
    id: 'neuro-avc',
    specialty: 'neurologie',
    hospital: 'CHU de Rennes',
    acts: ['teleconsultation'],
    experts: ['dr-neuro'],
    urgent: true,
  }),
];
let hub: RunningHub;
const sockets: WebSocket[] = [];

beforeEach(async () => {
  hub = await startHub({
    secret: SECRET,
    turnSecret: TURN_SECRET,
    turnUrls: ['turn:127.0.0.1:3478'],
    offers: OFFERS,
    ringTimeoutMs: 300,
    reconnectGraceMs: 400,
    ratePerSecond: 20,
    burst: 20,
  });
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.terminate();
  await hub.close();
});

const claims = (sub: string, role: NewClaims['role'] = 'station', extra: Partial<NewClaims> = {}): NewClaims => ({
  sub,
  role,
  name: sub,
  site: 'CH Vannes',
  specialty: role === 'expert' ? 'neurologie' : null,
  exp: Math.floor(Date.now() / 1000) + 600,
  ...extra,
});

const connect = (token?: string) => connectToHub(hub.url, token, sockets);
const peer = (sub: string, role?: NewClaims['role'], extra?: Partial<NewClaims>) =>
  connect(issueToken(SECRET, claims(sub, role, extra)));

async function callBetween() {
  const cart = await peer('cart-1');
  const expert = await peer('dr-neuro', 'expert');
  cart.send({ type: 'call.ring', to: 'dr-neuro', reason: 'AVC ?', urgent: true });
  const { callId } = await cart.next('call.ringing');
  const incoming = await expert.next('call.incoming');
  expect(incoming).toMatchObject({ callId, from: { id: 'cart-1', site: 'CH Vannes' }, reason: 'AVC ?', urgent: true });
  return { cart, expert, callId };
}

describe('hub authentication', () => {
  it('refuses a connection without a token, with a forged or an expired one', async () => {
    await expect(connect()).rejects.toThrow('HTTP 401');
    await expect(connect('garbage')).rejects.toThrow('HTTP 401');
    await expect(connect(issueToken('another-secret', claims('cart-1')))).rejects.toThrow('HTTP 401');
    await expect(
      connect(issueToken(SECRET, claims('cart-1', 'station', { exp: Math.floor(Date.now() / 1000) - 1 }))),
    ).rejects.toThrow('HTTP 401');
  });

  it('welcomes a peer with who is online, and tells the others', async () => {
    const cart = await peer('cart-1');
    expect((await cart.next('welcome')).you).toMatchObject({
      id: 'cart-1',
      role: 'station',
      availability: 'available',
    });
    await peer('dr-neuro', 'expert');
    // Told as a change: the one who came, nobody gone.
    const change = await cart.next('presence.changed', (m) => m.peers.some((p) => p.id === 'dr-neuro'));
    expect(change).toMatchObject({ peers: [{ id: 'dr-neuro', role: 'expert', availability: 'available' }], left: [] });
  });

  it('tells the others of a peer who leaves, and of an availability set, as changes', async () => {
    const cart = await peer('cart-1');
    const expert = await peer('dr-neuro', 'expert');
    await cart.next('presence.changed', (m) => m.peers.some((p) => p.id === 'dr-neuro'));
    expert.send({ type: 'presence.set', availability: 'busy' });
    const busy = await cart.next('presence.changed', (m) => m.peers.some((p) => p.id === 'dr-neuro'));
    expect(busy).toEqual({
      type: 'presence.changed',
      peers: [expect.objectContaining({ id: 'dr-neuro', availability: 'busy' })],
      left: [],
    });
    expert.ws.close();
    expect(await cart.next('presence.changed', (m) => m.left.length > 0)).toEqual({
      type: 'presence.changed',
      peers: [],
      left: ['dr-neuro'],
    });
  });

  it('serves the directory of offers', async () => {
    const cart = await peer('cart-1');
    cart.send({ type: 'directory.get' });
    expect((await cart.next('directory')).offers).toEqual(OFFERS);
  });
});

describe('calls', () => {
  it('ring, accept, then signaling flows only between the two members', async () => {
    const { cart, expert, callId } = await callBetween();
    expert.send({ type: 'call.accept', callId });
    expect((await cart.next('call.accepted')).by.id).toBe('dr-neuro');
    cart.send({ type: 'signal', callId, data: { type: 'offer', sdp: 'v=0' } });
    expect(await expert.next('signal')).toEqual({
      type: 'signal',
      callId,
      from: 'cart-1',
      data: { type: 'offer', sdp: 'v=0' },
    });

    // A third peer cannot join or inject into someone else's session.
    const intruder = await peer('cart-2');
    intruder.send({ type: 'signal', callId, data: { type: 'offer', sdp: 'evil' } });
    expect(await intruder.next('error')).toMatchObject({ code: 'not_in_call' });
    intruder.send({ type: 'call.accept', callId });
    expect(await intruder.next('error')).toMatchObject({ code: 'not_in_call' });
    intruder.send({ type: 'call.hangup', callId });
    expect(await intruder.next('error')).toMatchObject({ code: 'not_in_call' });

    cart.send({ type: 'call.hangup', callId, reason: 'fin' });
    expect(await expert.next('call.ended')).toMatchObject({ callId, reason: 'hangup', detail: 'fin' });
  });

  it('decline, cancel and timeout end the call for both sides with the reason', async () => {
    let { cart, expert, callId } = await callBetween();
    expert.send({ type: 'call.decline', callId, reason: 'en garde ailleurs' });
    expect(await cart.next('call.ended')).toMatchObject({ reason: 'declined', detail: 'en garde ailleurs' });
    for (const s of sockets.splice(0)) s.terminate();

    ({ cart, expert, callId } = await callBetween());
    cart.send({ type: 'call.cancel', callId });
    expect(await expert.next('call.ended')).toMatchObject({ callId, reason: 'cancelled' });
    for (const s of sockets.splice(0)) s.terminate();

    ({ cart, expert, callId } = await callBetween());
    expect(await cart.next('call.ended')).toMatchObject({ callId, reason: 'timeout' }); // 300 ms ring timeout
    expect(await expert.next('call.ended')).toMatchObject({ callId, reason: 'timeout' });
  });

  it('says busy when the expert is in a call, and ends the call when a side goes offline', async () => {
    const { cart, expert, callId } = await callBetween();
    expert.send({ type: 'call.accept', callId });
    await cart.next('call.accepted');
    const other = await peer('cart-2');
    other.send({ type: 'call.ring', to: 'dr-neuro', urgent: true });
    expect(await other.next('call.ended')).toMatchObject({ reason: 'busy' });
    other.send({ type: 'call.ring', to: 'nobody' });
    expect(await other.next('error')).toMatchObject({ code: 'unknown_peer' });
    // The cart already in a call cannot ring a second one.
    cart.send({ type: 'call.ring', to: 'cart-2' });
    expect(await cart.next('error')).toMatchObject({ code: 'not_allowed' });

    expert.ws.close();
    expect(await cart.next('call.peer_away')).toMatchObject({ callId });
    expect(await cart.next('call.ended')).toMatchObject({ callId, reason: 'offline' }); // after the 400 ms grace
  });

  it('keeps an active call through a network drop: the side that comes back resumes it with both', async () => {
    const { cart, expert, callId } = await callBetween();
    expert.send({ type: 'call.accept', callId });
    await cart.next('call.accepted');
    cart.ws.terminate(); // the cart's Wi-Fi drops
    expect(await expert.next('call.peer_away')).toMatchObject({ callId });
    const back = await peer('cart-1');
    expect(await back.next('call.resumed')).toMatchObject({
      callId,
      caller: { id: 'cart-1' },
      callee: { id: 'dr-neuro' },
    });
    expect(await expert.next('call.resumed')).toMatchObject({ callId });
    back.send({ type: 'signal', callId, data: { type: 'offer', sdp: 'v=0 restart' } });
    expect(await expert.next('signal')).toMatchObject({ callId, from: 'cart-1', data: { sdp: 'v=0 restart' } });
    await new Promise((r) => setTimeout(r, 500)); // past the grace period: the call still stands
    expect(expert.inbox.some((m) => m.type === 'call.ended')).toBe(false);
  });
});

describe('limits and garbage', () => {
  it('answers malformed messages with an error and keeps the connection', async () => {
    const cart = await peer('cart-1');
    for (const bad of [
      'not json',
      '[]',
      '{"type":"call.ring"}',
      '{"type":"nope"}',
      JSON.stringify({ type: 'call.ring', to: 'x', extra: 1 }),
    ]) {
      cart.send(bad);
      expect(await cart.next('error')).toMatchObject({ code: 'invalid_message' });
    }
    cart.send({ type: 'directory.get' });
    await cart.next('directory');
  });

  it('closes a connection that sends an oversized message', async () => {
    const cart = await peer('cart-1');
    const closed = new Promise<number>((r) => cart.ws.once('close', (code) => r(code)));
    cart.send({ type: 'call.ring', to: 'x', reason: 'x'.repeat(HUB_MAX_MESSAGE_BYTES) });
    expect(await closed).toBe(1009);
  });

  it('rate-limits a flood', async () => {
    const cart = await peer('cart-1');
    for (let i = 0; i < 40; i++) cart.send({ type: 'presence.set', availability: 'available' });
    expect(await cart.next('error')).toMatchObject({ code: 'rate_limited' });
  });
});

describe('TURN credentials', () => {
  it('issues coturn use-auth-secret credentials to a member of a call: expiry:peer, HMAC-SHA1 of the shared secret', async () => {
    const { cart, expert, callId } = await callBetween();
    expert.send({ type: 'call.accept', callId });
    await cart.next('call.accepted');
    cart.send({ type: 'turn.credentials' });
    const credentials = await cart.next('turn.credentials');
    const [expiry, who] = credentials.username.split(':');
    expect(who).toBe('cart-1');
    expect(Number(expiry) - Date.now() / 1000).toBeGreaterThan(3500);
    expect(credentials.credential).toBe(createHmac('sha1', TURN_SECRET).update(credentials.username).digest('base64'));
    expect(credentials.urls).toEqual(['turn:127.0.0.1:3478']);
    cart.send({ type: 'call.hangup', callId });
    await cart.next('call.ended');
    // The call is over: no more relay for this peer.
    cart.send({ type: 'turn.credentials' });
    expect(await cart.next('error')).toMatchObject({ code: 'not_in_call' });
  });

  it('gives none to a peer in no call, and gives them to a caller while her call rings', async () => {
    const lurker = await peer('cart-2');
    lurker.send({ type: 'turn.credentials' });
    expect(await lurker.next('error')).toMatchObject({
      code: 'not_in_call',
      message: expect.stringContaining('only for a call'),
    });
    expect(lurker.inbox.some((m) => m.type === 'turn.credentials')).toBe(false);
    const expert = await peer('dr-neuro', 'expert');
    lurker.send({ type: 'call.ring', to: 'dr-neuro' });
    await expert.next('call.incoming');
    for (const side of [lurker, expert]) {
      side.send({ type: 'turn.credentials' });
      expect((await side.next('turn.credentials')).urls).toEqual(['turn:127.0.0.1:3478']);
    }
  });
});
