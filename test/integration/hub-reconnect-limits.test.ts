// The hub's presence and reconnections under a peer that reconnects in a loop (issue 17, point
// 7): such a peer used to make every other peer receive two presence messages per loop (200 for
// 100 reconnections in 670 ms). Presence is now sent to each peer at most once per short window
// and only when it changed for that peer, and an identity that reconnects abusively is refused
// (429 with Retry-After) for a moment; a station that reconnects after real network drops is not
// hurt, and one refused that way comes back by itself once the wait is over.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHub, type HubOptions, type RunningHub } from '../../src/hub/server';
import { issueToken, type NewClaims } from '../../src/hub/tokens';
import { silentLogger } from '../../src/main/platform/logger';
import { createStation, type Station } from '../../src/main/station';
import { HUB_PROTOCOL, type ServerMessage } from '../../src/shared/hub-protocol';
import { useCleanups } from '../helpers/cleanups';
import { presenceViews } from '../helpers/hub-peer';
import { startTcpProxy } from '../helpers/tcp-proxy';
import { useTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait';

const tempDir = useTempDir();
const cleanup = useCleanups();
const SECRET = 'hub-secret';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sockets: WebSocket[] = [];
afterEach(() => sockets.splice(0).forEach((s) => s.terminate()));

const token = (sub: string, role: NewClaims['role'] = 'station') =>
  issueToken(SECRET, {
    sub,
    role,
    name: sub,
    site: 'CH Vannes',
    specialty: role === 'expert' ? 'neurologie' : null,
    exp: Math.floor(Date.now() / 1000) + 600,
  });

async function hub(
  options: Partial<HubOptions> = {},
): Promise<{ running: RunningHub; logs: { event: string; detail?: Record<string, unknown> }[] }> {
  const logs: { event: string; detail?: Record<string, unknown> }[] = [];
  const running = await startHub({
    secret: SECRET,
    turnSecret: 'coturn-secret',
    turnUrls: [],
    offers: [],
    log: (event, detail) => logs.push({ event, detail }),
    ...options,
  });
  cleanup(() => running.close());
  return { running, logs };
}

/** Opens a connection: its messages, or the HTTP status and Retry-After of a refused upgrade. */
function open(url: string, sub: string, role?: NewClaims['role']) {
  const ws = new WebSocket(url, [HUB_PROTOCOL, `token.${token(sub, role)}`]);
  sockets.push(ws);
  const inbox: ServerMessage[] = [];
  ws.on('message', (d) => inbox.push(JSON.parse(String(d)) as ServerMessage));
  const outcome = new Promise<{ status: number; retryAfter: string | undefined }>((resolve, reject) => {
    ws.once('open', () => resolve({ status: 101, retryAfter: undefined }));
    ws.once('unexpected-response', (_q, res) =>
      resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined }),
    );
    ws.once('error', reject);
  });
  return { ws, inbox, outcome };
}

function stationOn(hubUrl: string, sub: string): { station: Station; online: () => boolean } {
  const station = createStation({
    dataDir: tempDir(),
    mode: 'browser',
    logger: silentLogger,
    hubUrl,
    hubToken: token(sub),
  });
  cleanup(() => station.close());
  let online = false;
  station.events.on(
    'calls.hubChanged',
    (s: { link: string; you: unknown }) => (online = s.link === 'online' && s.you !== null),
  );
  return { station, online: () => online };
}

describe('a peer that reconnects in a loop', () => {
  it('is refused for a moment (429, Retry-After), and the other peers get a few presence messages, not two per loop', async () => {
    const { running, logs } = await hub();
    const observer = open(running.url, 'dr-neuro', 'expert');
    expect((await observer.outcome).status).toBe(101);
    await waitFor(() => observer.inbox.some((m) => m.type === 'welcome'), 'welcome');
    const presenceSeen = () => observer.inbox.filter((m) => m.type === 'presence.changed').length;

    const statuses: number[] = [];
    const retryAfters = new Set<string | undefined>();
    const started = Date.now();
    for (let i = 0; i < 100; i++) {
      const loop = open(running.url, 'cart-1');
      const { status, retryAfter } = await loop.outcome;
      statuses.push(status);
      if (status !== 101) retryAfters.add(retryAfter);
      loop.ws.terminate();
      await new Promise<void>((resolve) =>
        loop.ws.readyState === WebSocket.CLOSED ? resolve() : loop.ws.once('close', () => resolve()),
      );
    }
    const loopMs = Date.now() - started;
    await sleep(1_500); // any presence still to come has come

    expect(presenceSeen(), `presence messages to another peer during ${loopMs} ms of loop`).toBeLessThanOrEqual(
      Math.ceil(loopMs / 500) + 3,
    );
    const accepted = statuses.filter((s) => s === 101).length;
    expect(accepted).toBeGreaterThanOrEqual(10); // the burst passes at once
    expect(accepted).toBeLessThanOrEqual(10 + Math.ceil(loopMs / 2_000)); // then 30 a minute
    expect(statuses.filter((s) => s === 429)).toHaveLength(100 - accepted);
    expect([...retryAfters].every((r) => Number(r) >= 1 && Number(r) <= 5)).toBe(true);
    // Said once for the loop, not once per refusal, with the identity to look at.
    expect(logs.filter((l) => l.event === 'hub.reconnect_limited')).toEqual([
      { event: 'hub.reconnect_limited', detail: expect.objectContaining({ peer: 'cart-1' }) },
    ]);

    // The observer's view ends right (its welcome's list and the changes since): cart-1 is not online.
    expect(
      presenceViews(observer.inbox)
        .at(-1)!
        .map((p) => p.id),
    ).toEqual(['dr-neuro']);

    // Another identity is not affected.
    expect((await open(running.url, 'cart-2').outcome).status).toBe(101);
  });

  it('a station refused that way comes back by itself once the wait is over, without hammering', async () => {
    // One connection every 5 s once the burst is spent: a station that ignored Retry-After would
    // try at 0.25, 0.75, 1.75 and 3.75 s, refused each time.
    const { running, logs } = await hub({ reconnectBurst: 3, reconnectsPerMinute: 12 });
    let loopRefused = 0;
    for (let i = 0; i < 10; i++) {
      const loop = open(running.url, 'cart-3');
      if ((await loop.outcome).status === 429) loopRefused++;
      loop.ws.terminate();
    }
    expect(loopRefused).toBeGreaterThan(0);
    const { online } = stationOn(running.url, 'cart-3');
    await waitFor(online, 'the station online again', 10_000);
    // It waited as told instead of retrying on its own back-off: one refused try at most.
    const resumed = logs.filter((l) => l.event === 'hub.reconnect_resumed');
    expect(resumed).toEqual([
      { event: 'hub.reconnect_resumed', detail: { peer: 'cart-3', refused: expect.any(Number) } },
    ]);
    expect((resumed[0]!.detail!.refused as number) - loopRefused).toBeLessThanOrEqual(1);
  });
});

describe('presence, coalesced', () => {
  it('still tells every change made within a window, once, with the latest state', async () => {
    const { running } = await hub();
    const observer = open(running.url, 'dr-neuro', 'expert');
    await observer.outcome;
    // The observer's list after each presence message (its welcome first: dropped).
    const views = () => presenceViews(observer.inbox).slice(1);
    const a = open(running.url, 'cart-a');
    await a.outcome;
    const b = open(running.url, 'cart-b');
    await b.outcome;
    a.ws.send(JSON.stringify({ type: 'presence.set', availability: 'busy' }));
    await waitFor(
      () =>
        views().some((peers) => peers.length === 3 && peers.find((p) => p.id === 'cart-a')?.availability === 'busy'),
      'the latest list',
      2_000,
    );
    expect(views().length).toBeLessThanOrEqual(2); // at most one now and one at the end of the window
    // The peers that made the changes are told too (what the others did), once each at most.
    await waitFor(() => a.inbox.some((m) => m.type === 'presence.changed'), 'cart-a told of cart-b', 2_000);
    expect(a.inbox.filter((m) => m.type === 'presence.changed').length).toBeLessThanOrEqual(2);
  });
});

describe('a station whose network drops', () => {
  it('reconnects at once after each of several real drops, never refused', async () => {
    const { running, logs } = await hub();
    const proxy = await startTcpProxy(running.port);
    cleanup(() => proxy.close());
    const { online } = stationOn(`ws://127.0.0.1:${proxy.port}/hub`, 'cart-4');
    await waitFor(online, 'online');
    for (let drop = 0; drop < 6; drop++) {
      proxy.cut();
      await waitFor(() => !online(), 'offline');
      proxy.restore();
      const back = Date.now();
      await waitFor(online, `online again after drop ${drop + 1}`, 15_000);
      expect(Date.now() - back).toBeLessThan(12_000); // its own back-off, nothing added by the hub
    }
    expect(logs.filter((l) => l.event === 'hub.reconnect_limited')).toEqual([]);
  });
});
