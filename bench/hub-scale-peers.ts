// The simulated stations and experts of `npm run bench -- hub-scale`: plain WebSocket clients of
// the hub (no browsers), all in this one child process, so that their clock is one: a time sent by
// one peer and read by another needs no synchronisation. Driven by bench/hub-scale.bench.ts over
// IPC, one command at a time ({id, command, ...}), each answered {id, result} or {id, error}.
// A peer parses only the messages it waits for: the hub's work is measured, not the clients'.
import WebSocket from 'ws';
import { HUB_PROTOCOL, type Peer } from '../src/shared/hub-protocol';
import { issueToken } from '../src/hub/tokens';

const { SECRET } = process.env;
if (!SECRET || !process.send) throw new Error('SECRET and an IPC channel are required');

interface SimPeer {
  id: string;
  ws: WebSocket;
  /** Called with each message whose type this peer is waiting for. */
  waiters: Map<string, (message: Record<string, unknown>, at: number) => void>;
  availability: Peer['availability'];
}

const peers = new Map<string, SimPeer>();
const typeOf = (data: Buffer) => /^\{"type":"([a-z.]+)"/.exec(data.toString('latin1', 0, 40))?.[1] ?? '';

function connect(url: string, id: string, role: 'station' | 'expert'): Promise<SimPeer> {
  const token = issueToken(SECRET!, {
    sub: id,
    role,
    name: role === 'expert' ? `Dr ${id}` : `Chariot ${id}`,
    site: role === 'expert' ? 'CHU de Brest' : `EHPAD ${id}`,
    specialty: role === 'expert' ? 'neurologie' : null,
    exp: Math.floor(Date.now() / 1000) + 6 * 3600,
  });
  const ws = new WebSocket(url, [HUB_PROTOCOL, `token.${token}`], { perMessageDeflate: false });
  const peer: SimPeer = { id, ws, waiters: new Map(), availability: 'available' };
  return new Promise((resolve, reject) => {
    ws.on('message', (data: Buffer) => {
      const at = performance.now();
      const type = typeOf(data);
      if (type === 'welcome') return resolve(peer);
      const waiter = peer.waiters.get(type);
      if (waiter) waiter(JSON.parse(data.toString('utf8')) as Record<string, unknown>, at);
    });
    ws.once('unexpected-response', (_q, res) => reject(new Error(`${id}: HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

const idOf = (group: string, i: number) => `${group}-${i % 10 === 0 ? 'expert' : 'station'}-${i}`;

/** `count` peers, one expert for nine stations; the experts on `expertUrl` when given (another hub). */
async function connectGroup(
  url: string,
  group: string,
  count: number,
  expertUrl = url,
  concurrency = 100,
): Promise<number> {
  const start = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const id = idOf(group, i);
      const role = i % 10 === 0 ? 'expert' : 'station';
      peers.set(id, await connect(role === 'expert' ? expertUrl : url, id, role));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return performance.now() - start;
}

const send = (peer: SimPeer, message: unknown) => peer.ws.send(JSON.stringify(message));
const once = (peer: SimPeer, type: string, matches: (m: Record<string, unknown>) => boolean = () => true) =>
  new Promise<{ message: Record<string, unknown>; at: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${peer.id}: no ${type} within 30 s`)), 30_000);
    peer.waiters.set(type, (message, at) => {
      if (!matches(message)) return;
      clearTimeout(timer);
      peer.waiters.delete(type);
      resolve({ message, at });
    });
  });

interface Call {
  caller: SimPeer;
  callee: SimPeer;
  callId: string;
}

/** `pairs` calls rung at once, answered at once, then offer, answer and 10 ICE candidates each way. */
async function setUpCalls(group: string, count: number, pairs: number) {
  const experts = [...Array(count).keys()].filter((i) => i % 10 === 0).map((i) => peers.get(idOf(group, i))!);
  const stations = [...Array(count).keys()].filter((i) => i % 10 !== 0).map((i) => peers.get(idOf(group, i))!);
  if (experts.length < pairs) throw new Error(`${pairs} calls need ${pairs} experts (${experts.length})`);
  const ringAt: number[] = [];
  const incoming: number[] = [];
  const accepted: number[] = [];
  const signaled: number[] = [];
  const calls = await Promise.all(
    Array.from({ length: pairs }, async (_, k): Promise<Call> => {
      const caller = stations[k]!;
      const callee = experts[k]!;
      const ringing = once(callee, 'call.incoming');
      const t0 = performance.now();
      send(caller, { type: 'call.ring', to: callee.id, reason: 'bench' });
      const { message, at } = await ringing;
      ringAt.push(t0);
      incoming.push(at - t0);
      const callId = message.callId as string;
      const answered = once(caller, 'call.accepted');
      const t1 = performance.now();
      send(callee, { type: 'call.accept', callId });
      accepted.push((await answered).at - t1);
      // Offer, answer, then the candidates both sides trickle; all of it relayed by the hub.
      const t2 = performance.now();
      const offer = once(callee, 'signal');
      send(caller, { type: 'signal', callId, data: { type: 'offer', sdp: 'v=0 '.repeat(800) } });
      await offer;
      const answer = once(caller, 'signal');
      send(callee, { type: 'signal', callId, data: { type: 'answer', sdp: 'v=0 '.repeat(800) } });
      await answer;
      for (let c = 0; c < 10; c++) {
        const candidate = { candidate: `candidate:${c} 1 udp 2122260223 127.0.0.1 ${50000 + c} typ host`, sdpMid: '0' };
        send(caller, { type: 'signal', callId, data: { type: 'candidate', candidate } });
        send(callee, { type: 'signal', callId, data: { type: 'candidate', candidate } });
      }
      signaled.push(performance.now() - t2);
      return { caller, callee, callId };
    }),
  );
  return { calls, incoming, accepted, signaled };
}

/** Each call's caller sends a signal, its callee echoes it back: the round trip, `rounds` times. */
async function roundTrips(calls: Call[], rounds: number, spacingMs: number): Promise<number[]> {
  // Let the ICE candidates of the setup drain before timing.
  await new Promise((r) => setTimeout(r, 500));
  const samples: number[] = [];
  for (const { callee, callId } of calls) {
    callee.waiters.set('signal', (m) => {
      const data = m.data as { type: string; seq: number };
      if (data.type === 'ping') send(callee, { type: 'signal', callId, data: { type: 'pong', seq: data.seq } });
    });
  }
  for (let round = 0; round < rounds; round++) {
    await Promise.all(
      calls.map(async ({ caller, callId }) => {
        const pong = once(caller, 'signal', (m) => (m.data as { type: string }).type === 'pong');
        const t = performance.now();
        send(caller, { type: 'signal', callId, data: { type: 'ping', seq: round } });
        samples.push((await pong).at - t);
      }),
    );
    await new Promise((r) => setTimeout(r, spacingMs));
  }
  for (const { callee } of calls) callee.waiters.delete('signal');
  return samples;
}

let fresh: ReturnType<typeof setInterval> | null = null;

/**
 * Presence kept fresh: every peer says its availability again every `everyMs` (spread over the
 * period), and `togglers` experts change theirs once a second; `observers` stations time how long
 * each change takes to reach them (the hub coalesces presence in a window: 500 ms by default).
 */
async function presence(
  group: string,
  count: number,
  everyMs: number,
  seconds: number,
  togglers: number,
  observers: number,
) {
  const all = [...Array(count).keys()].map((i) => peers.get(idOf(group, i))!);
  const experts = all.filter((p) => p.id.includes('-expert-')).slice(-togglers);
  const watching = all.filter((p) => p.id.includes('-station-')).slice(-observers);
  const changedAt = new Map<string, number>();
  const delays: number[] = [];
  const seen = new Map<string, Set<string>>();
  const record = (observer: SimPeer) => (message: Record<string, unknown>, at: number) => {
    const listed = (message.peers ?? []) as Peer[];
    for (const p of listed) {
      const key = `${p.id}:${p.availability}`;
      const since = changedAt.get(key);
      if (since === undefined) continue;
      const told = seen.get(observer.id) ?? new Set<string>();
      if (told.has(key)) continue;
      told.add(key);
      seen.set(observer.id, told);
      delays.push(at - since);
    }
  };
  for (const observer of watching) {
    observer.waiters.set('presence', record(observer));
    observer.waiters.set('presence.changed', record(observer));
  }
  let tick = 0;
  const step = Math.max(1, Math.round(count / (everyMs / 50)));
  fresh = setInterval(() => {
    for (let k = 0; k < step; k++) {
      const peer = all[(tick * step + k) % all.length]!;
      send(peer, { type: 'presence.set', availability: peer.availability });
    }
    tick++;
  }, 50);
  for (let s = 0; s < seconds; s++) {
    for (const expert of experts) {
      expert.availability = expert.availability === 'available' ? 'busy' : 'available';
      for (const observer of watching) seen.get(observer.id)?.delete(`${expert.id}:${expert.availability}`);
      changedAt.set(`${expert.id}:${expert.availability}`, performance.now());
      send(expert, { type: 'presence.set', availability: expert.availability });
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  await new Promise((r) => setTimeout(r, 1500)); // the last changes arrive
  for (const observer of watching) {
    observer.waiters.delete('presence');
    observer.waiters.delete('presence.changed');
  }
  const expected = seconds * togglers * observers;
  return { delays, expected };
}

async function hangUp(calls: Call[]): Promise<void> {
  await Promise.all(
    calls.map(async ({ caller, callee, callId }) => {
      const ended = once(callee, 'call.ended');
      send(caller, { type: 'call.hangup', callId });
      await ended;
    }),
  );
}

let lastCalls: Call[] = [];
const commands: Record<string, (args: Record<string, unknown>) => Promise<unknown>> = {
  connect: async (a) => ({
    ms: await connectGroup(a.url as string, a.group as string, a.count as number, (a.expertUrl ?? a.url) as string),
  }),
  calls: async (a) => {
    const setup = await setUpCalls(a.group as string, a.count as number, a.pairs as number);
    lastCalls = setup.calls;
    const rtt = await roundTrips(setup.calls, a.rounds as number, a.spacingMs as number);
    return { incoming: setup.incoming, accepted: setup.accepted, signaled: setup.signaled, rtt };
  },
  presence: async (a) =>
    presence(
      a.group as string,
      a.count as number,
      a.everyMs as number,
      a.seconds as number,
      a.togglers as number,
      a.observers as number,
    ),
  cpu: async () => process.cpuUsage(),
  hangup: async () => {
    await hangUp(lastCalls);
    return {};
  },
  close: async () => {
    if (fresh) clearInterval(fresh);
    fresh = null;
    for (const peer of peers.values()) peer.ws.terminate();
    peers.clear();
    return {};
  },
};

process.on('message', (message: { id: number; command: string } & Record<string, unknown>) => {
  const run = commands[message.command];
  if (!run) return process.send!({ id: message.id, error: `unknown command ${message.command}` });
  run(message).then(
    (result) => process.send!({ id: message.id, result }),
    (e: unknown) => process.send!({ id: message.id, error: (e as Error).stack ?? String(e) }),
  );
});
process.send({ ready: true });
