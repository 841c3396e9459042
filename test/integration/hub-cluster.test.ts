// Two hubs of one region sharing presence and call signaling through a real Redis (Debian's
// redis-server on a port of its own, killed at the end): a cart on hub A sees and calls an expert
// on hub B, the call rings, is answered, and its offer, answer, ICE candidates and hang-up pass
// between the hubs. When Redis dies, each hub goes on serving its own peers (and says so in its
// log); when Redis is back, they find each other again.
import { describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken, type NewClaims } from '../../src/hub/tokens';
import type { Peer } from '../../src/shared/hub-protocol';
import { useCleanups } from '../helpers/cleanups';
import { connectToHub, presenceViews, type HubPeer } from '../helpers/hub-peer';
import { startTestRedis } from '../helpers/redis-server';
import { waitFor } from '../helpers/wait';

const SECRET = 'test-cluster-secret';
const cleanup = useCleanups();

interface Logged {
  event: string;
  detail?: Record<string, unknown>;
}

async function hubOn(redisUrl: string): Promise<{ hub: RunningHub; logs: Logged[] }> {
  const logs: Logged[] = [];
  const hub = await startHub({
    secret: SECRET,
    turnSecret: 'coturn-secret',
    turnUrls: [],
    offers: [],
    redisUrl,
    reconnectGraceMs: 20_000,
    presenceWindowMs: 50,
    log: (event, detail) => logs.push({ event, detail }),
  });
  cleanup(() => hub.close());
  return { hub, logs };
}

const token = (sub: string, role: NewClaims['role']) =>
  issueToken(SECRET, {
    sub,
    role,
    name: role === 'expert' ? 'Dr Kerleau' : sub,
    site: role === 'expert' ? 'CHU de Brest' : 'EHPAD de Carhaix',
    specialty: role === 'expert' ? 'neurologie' : null,
    exp: Math.floor(Date.now() / 1000) + 600,
  });

const sockets: WebSocket[] = [];
cleanup(() => sockets.splice(0).forEach((s) => s.terminate()));
const peerOn = (hub: RunningHub, sub: string, role: NewClaims['role'] = 'station') =>
  connectToHub(hub.url, token(sub, role), sockets, { waitMs: 5_000, name: sub });

/** Who the peer sees online now: its welcome and the presence changes since. */
const online = (peer: HubPeer) => (presenceViews(peer.inbox).at(-1) ?? []).map((p: Peer) => p.id).sort();

describe('two hubs sharing presence and calls through Redis', () => {
  it('rings and connects a call between peers on different hubs; Redis gone, each hub keeps its own', async () => {
    const redis = await startTestRedis(cleanup);
    const a = await hubOn(redis.url);
    const b = await hubOn(redis.url);
    expect(a.logs.map((l) => l.event)).toContain('hub.cluster_joined');
    expect(b.logs.map((l) => l.event)).toContain('hub.cluster_joined');

    const cart = await peerOn(a.hub, 'cart-1');
    const otherCart = await peerOn(a.hub, 'cart-2');
    const expert = await peerOn(b.hub, 'dr-neuro', 'expert');
    // Presence lists the peers of both hubs, on both hubs.
    await waitFor(() => online(cart).join() === 'cart-1,cart-2,dr-neuro', 'cart-1 sees the expert on hub B');
    await waitFor(() => online(expert).join() === 'cart-1,cart-2,dr-neuro', 'the expert sees both carts on hub A');

    // The call rings across, is answered, and its signaling passes both ways.
    cart.send({ type: 'call.ring', to: 'dr-neuro', reason: 'AVC ?', urgent: true });
    const { callId } = await cart.next('call.ringing');
    expect(await expert.next('call.incoming')).toMatchObject({
      callId,
      from: { id: 'cart-1', site: 'EHPAD de Carhaix' },
      reason: 'AVC ?',
      urgent: true,
    });
    // Busy across hubs too: the expert is ringing, the other cart's call to her says so.
    otherCart.send({ type: 'call.ring', to: 'dr-neuro' });
    expect(await otherCart.next('call.ended')).toMatchObject({ reason: 'busy' });

    expert.send({ type: 'call.accept', callId });
    expect(await cart.next('call.accepted')).toMatchObject({ callId, by: { id: 'dr-neuro' } });
    expect(await expert.next('call.accepted')).toMatchObject({ callId });
    cart.send({ type: 'signal', callId, data: { type: 'offer', sdp: 'v=0 offer' } });
    expect(await expert.next('signal')).toEqual({
      type: 'signal',
      callId,
      from: 'cart-1',
      data: { type: 'offer', sdp: 'v=0 offer' },
    });
    expert.send({ type: 'signal', callId, data: { type: 'answer', sdp: 'v=0 answer' } });
    expect(await cart.next('signal')).toMatchObject({ from: 'dr-neuro', data: { type: 'answer' } });
    const candidate = { candidate: 'candidate:1 1 udp 2122260223 10.0.0.2 50000 typ host', sdpMid: '0' };
    cart.send({ type: 'signal', callId, data: { type: 'candidate', candidate } });
    expert.send({ type: 'signal', callId, data: { type: 'candidate', candidate } });
    expect(await expert.next('signal')).toMatchObject({ data: { type: 'candidate', candidate } });
    expect(await cart.next('signal')).toMatchObject({ data: { type: 'candidate', candidate } });
    // Each side may ask TURN credentials: it is in a call, whichever hub owns it.
    cart.send({ type: 'turn.credentials' });
    expect(await cart.next('turn.credentials')).toMatchObject({ ttlSeconds: expect.any(Number) });
    // Only a member signals within the call, across hubs as within one.
    otherCart.send({ type: 'signal', callId, data: { type: 'offer', sdp: 'intruder' } });
    expect(await otherCart.next('error')).toMatchObject({ code: 'not_in_call' });

    cart.send({ type: 'call.hangup', callId });
    expect(await expert.next('call.ended')).toMatchObject({ callId, reason: 'hangup' });
    expect(await cart.next('call.ended')).toMatchObject({ callId, reason: 'hangup' });

    // A second call under way when Redis dies.
    expert.send({ type: 'call.ring', to: 'cart-2' });
    const second = await otherCart.next('call.incoming');
    otherCart.send({ type: 'call.accept', callId: second.callId });
    await expert.next('call.accepted');
    await redis.kill();
    await waitFor(() => a.logs.some((l) => l.event === 'hub.cluster_lost'), 'hub A says it lost Redis');
    await waitFor(() => b.logs.some((l) => l.event === 'hub.cluster_lost'), 'hub B says it lost Redis');
    expect(a.logs.find((l) => l.event === 'hub.cluster_lost')!.detail!.note).toContain('serves its own peers');

    // Each hub lists its own peers only, and serves them: a call within hub A rings and connects.
    await waitFor(() => online(cart).join() === 'cart-1,cart-2', 'hub A lists its own peers only');
    await waitFor(() => online(expert).join() === 'dr-neuro', 'hub B lists its own peer only');
    // The call across waits for the other side, as for a dropped connection.
    expect(await otherCart.next('call.peer_away')).toMatchObject({ callId: second.callId });
    expect(await expert.next('call.peer_away')).toMatchObject({ callId: second.callId });
    otherCart.send({ type: 'call.hangup', callId: second.callId });
    const late = await peerOn(a.hub, 'cart-3');
    cart.send({ type: 'call.ring', to: 'cart-3' });
    const local = await late.next('call.incoming');
    late.send({ type: 'call.accept', callId: local.callId });
    expect(await cart.next('call.accepted')).toMatchObject({ callId: local.callId });
    late.send({ type: 'signal', callId: local.callId, data: { type: 'answer', sdp: 'v=0' } });
    expect(await cart.next('signal')).toMatchObject({ from: 'cart-3' });

    // Redis back: the hubs find each other, and presence lists both sides again.
    await redis.restart();
    await waitFor(() => online(expert).join() === 'cart-1,cart-2,cart-3,dr-neuro', 'hub B sees hub A again', 15_000);
    await waitFor(() => online(cart).join() === 'cart-1,cart-2,cart-3,dr-neuro', 'hub A sees hub B again', 15_000);
    expect(a.logs.filter((l) => l.event === 'hub.cluster_joined')).toHaveLength(2);
  }, 60_000);

  it('starts and serves alone when Redis does not answer, and joins when it does', async () => {
    const redis = await startTestRedis(cleanup);
    await redis.kill();
    const a = await hubOn(redis.url);
    expect(a.logs.find((l) => l.event === 'hub.cluster_unreachable')?.detail?.note).toContain('serves its own peers');
    const cart = await peerOn(a.hub, 'cart-1');
    const expert = await peerOn(a.hub, 'dr-neuro', 'expert');
    cart.send({ type: 'call.ring', to: 'dr-neuro' });
    await expert.next('call.incoming');

    await redis.restart();
    await waitFor(() => a.logs.some((l) => l.event === 'hub.cluster_joined'), 'hub A joins once Redis answers', 15_000);
    const b = await hubOn(redis.url);
    const other = await peerOn(b.hub, 'cart-9');
    await waitFor(() => online(other).join() === 'cart-1,cart-9,dr-neuro', 'a hub started later sees hub A’s peers');
  }, 40_000);
});
