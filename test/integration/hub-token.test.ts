// The station's hub token holder against the real hub's refresh path, on a clock driven by hand
// (the hub and the holder share it): renewed at 80% of its life with the hub's current key,
// back-off when the hub does not answer, a refused renewal said and not asked again, the hub's
// 429 honoured, and an expired token reported with what a person must do.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { startHub, type HubOptions, type RunningHub } from '../../src/hub/server';
import { issueToken, type Claims, type NewClaims } from '../../src/hub/tokens';
import {
  createHubToken,
  tokenExpiry,
  tokenRefreshUrl,
  type HubTokenOptions,
} from '../../src/main/platform/hub/hub-token';
import { waitFor } from '../helpers/wait';

const K1 = { id: 'k1', secret: 'old-secret' };
const K2 = { id: 'k2', secret: 'new-secret' };
const START = Math.floor(Date.now() / 1000) * 1000; // a whole second: token lives are exact

/** A clock and a timer queue moved by hand: a planned task runs when the test says so. */
function manualTime() {
  let t = START;
  const tasks: { at: number; ms: number; fn: () => void; cancelled: boolean }[] = [];
  const pending = () => tasks.filter((task) => !task.cancelled).sort((a, b) => a.at - b.at);
  return {
    now: () => t,
    schedule(ms: number, fn: () => void) {
      const task = { at: t + ms, ms, fn, cancelled: false };
      tasks.push(task);
      return () => void (task.cancelled = true);
    },
    /** The delays of the tasks still planned, soonest first. */
    planned: () => pending().map((task) => task.ms),
    /** Moves the clock to the soonest task and runs it. */
    runNext() {
      const next = pending()[0];
      if (!next) throw new Error('nothing is planned');
      next.cancelled = true;
      t = Math.max(t, next.at);
      next.fn();
    },
  };
}

const claims = (extra: Partial<NewClaims> = {}): NewClaims => ({
  sub: 'cart-1',
  role: 'station',
  name: 'Chariot 1',
  site: 'EHPAD',
  specialty: null,
  exp: START / 1000 + 600,
  ...extra,
});
const hubs: RunningHub[] = [];
afterEach(async () => {
  for (const h of hubs.splice(0)) await h.close();
});
async function hubWith(time: ReturnType<typeof manualTime>, options: Partial<HubOptions> = {}) {
  const hub = await startHub({
    secret: K2.secret,
    keys: { current: K2, previous: { ...K1, untilSeconds: START / 1000 + 100_000 } },
    turnSecret: 'x',
    turnUrls: [],
    offers: [],
    now: time.now,
    ...options,
  });
  hubs.push(hub);
  return hub;
}

function holder(time: ReturnType<typeof manualTime>, options: Pick<HubTokenOptions, 'token' | 'refreshUrl'>) {
  const events: { level: string; event: string; detail?: Record<string, unknown> }[] = [];
  const rotated: string[] = [];
  let changes = 0;
  const token = createHubToken({
    ...options,
    now: time.now,
    schedule: time.schedule,
    random: () => 0.5,
    log: (level, event, detail) => events.push({ level, event, ...(detail ? { detail } : {}) }),
    onChange: () => changes++,
  });
  token.onRotated((t) => rotated.push(t));
  const logged = (event: string) => events.filter((e) => e.event === event);
  /** Runs the next planned task and waits for the holder to say what came of it. */
  const step = async (expect: string) => {
    const before = logged(expect).length;
    time.runNext();
    await waitFor(() => logged(expect).length > before, expect);
  };
  return { token, events, rotated, logged, step, changes: () => changes };
}
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as Claims;

describe('the station’s hub token', () => {
  it('is renewed at 80% of its life with the hub’s current key, and every reader gets the new one', async () => {
    const time = manualTime();
    const hub = await hubWith(time, { refreshLifetimeSeconds: 1000 });
    const first = issueToken(K1, claims());
    const h = holder(time, { token: first, refreshUrl: tokenRefreshUrl(hub.url, null) });
    expect(h.token.current()).toBe(first);
    expect(time.planned()).toEqual([480_000, 600_000]); // the renewal, then the expiry report if none came

    await h.step('hub.token_refreshed');
    const second = h.token.current();
    expect(second).not.toBe(first);
    expect(claimsOf(second)).toMatchObject({ sub: 'cart-1', kid: 'k2', exp: START / 1000 + 480 + 1000 });
    expect(h.rotated).toEqual([second]);
    expect(h.token.status()).toEqual({
      state: 'valid',
      holder: 'station',
      expiresAt: new Date((START / 1000 + 1480) * 1000).toISOString(),
      reason: null,
      refusal: null,
    });
    expect(time.planned()).toEqual([800_000, 1_000_000]);
    const metadata = await fetch(`${hub.fhirUrl}/metadata`, {
      headers: { Authorization: `Bearer ${h.token.current()}` },
    });
    expect(metadata.status).toBe(200);

    // Past the first token's expiry the second is still renewed, with the same rules.
    await h.step('hub.token_refreshed');
    expect(claimsOf(h.token.current()).exp).toBe(START / 1000 + 1280 + 1000);
    expect(h.rotated).toHaveLength(2);
  });

  it('backs off while the hub does not answer, and reports the expiry with what to do', async () => {
    const time = manualTime();
    const h = holder(time, {
      token: issueToken(K2, claims({ exp: START / 1000 + 60 })),
      refreshUrl: 'http://127.0.0.1:9/token/refresh',
    });
    expect(time.planned()).toEqual([48_000, 60_000]);
    await h.step('hub.token_refresh_failed');
    expect(time.planned()).toEqual([5_000, 12_000]); // the retry, then the expiry (at 60 s)
    await h.step('hub.token_refresh_failed');
    expect(time.planned()).toEqual([7_000, 10_000]); // the expiry now comes before the next retry
    expect(h.token.status().state).toBe('valid');

    await h.step('hub.token_expired');
    expect(time.planned()).toEqual([]); // the hub does not renew an expired token: no more asking
    expect(h.token.status()).toMatchObject({ state: 'expired', expiresAt: new Date(START + 60_000).toISOString() });
    expect(h.logged('hub.token_expired')[0]).toMatchObject({
      level: 'error',
      detail: { action: expect.stringContaining('Ask the regional IT for a new station token') },
    });
    expect(h.logged('hub.token_expired')[0]!.detail!.action).toContain('Demandez un nouveau jeton de poste');
    expect(h.changes()).toBe(1);
    expect(h.rotated).toEqual([]);
  });

  it('never asks the hub to renew an expert’s access (it renews stations only), and says at its expiry what an expert does', async () => {
    const time = manualTime();
    const hub = await hubWith(time);
    const h = holder(time, {
      token: issueToken(K2, claims({ sub: 'dr-derm', role: 'expert', specialty: 'dermatologie' })),
      refreshUrl: tokenRefreshUrl(hub.url, null),
    });
    expect(time.planned()).toEqual([600_000]); // only the expiry report
    h.token.rejected(); // even a refusal seen by a request asks nothing
    expect(time.planned()).toEqual([600_000]);
    expect(h.token.status()).toMatchObject({ state: 'valid', holder: 'expert' });
    await h.step('hub.token_expired');
    expect(h.token.status()).toMatchObject({ state: 'expired', holder: 'expert', reason: null });
    expect(h.logged('hub.token_expired')[0]!.detail!.action).toContain('ask the regional IT for a new expert access');
    expect(h.logged('hub.token_refresh_refused')).toEqual([]);
  });

  it('never asks the hub to renew the coordination’s access either, and says at its expiry what to ask for', async () => {
    const time = manualTime();
    const hub = await hubWith(time);
    const h = holder(time, {
      token: issueToken(K2, claims({ sub: 'coord-bretagne', role: 'coordinator' })),
      refreshUrl: tokenRefreshUrl(hub.url, null),
    });
    expect(time.planned()).toEqual([600_000]); // only the expiry report: the hub would answer not_a_station
    expect(h.token.status()).toMatchObject({ state: 'valid', holder: 'coordinator' });
    await h.step('hub.token_expired');
    expect(h.token.status()).toMatchObject({ state: 'expired', holder: 'coordinator', reason: null });
    expect(h.logged('hub.token_expired')[0]!.detail!.action).toContain('new coordinator access');
  });

  it.each([
    [
      'past its chain’s maximum age',
      'max_age',
      403,
      { refreshMaxAgeSeconds: 1000 },
      { auth_time: START / 1000 - 1000 },
      'renewals stop after',
    ],
    ['revoked by the region', 'revoked', 401, {}, { jti: 'revoked-token' }, 'revoked by the region'],
  ] as const)(
    'says plainly that a station token %s needs a new one from the region',
    async (_name, refusal, status, options, extra, said) => {
      const time = manualTime();
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-token-'));
      onTestFinished(() => fs.rmSync(folder, { recursive: true, force: true }));
      const revocations = path.join(folder, 'revoked.json');
      fs.writeFileSync(revocations, JSON.stringify({ tokens: ['revoked-token'] }));
      const hub = await hubWith(time, { ...options, revocationsFile: revocations });
      const h = holder(time, {
        token: issueToken(K2, claims(extra), START / 1000),
        refreshUrl: tokenRefreshUrl(hub.url, null),
      });
      await h.step('hub.token_refresh_refused');
      expect(h.token.status()).toMatchObject({
        state: 'refresh_refused',
        refusal,
        reason: expect.stringContaining(`(${status}: ${'This station token'}`),
      });
      expect(h.token.status().reason).toContain(said);
      expect(h.logged('hub.token_refresh_refused')[0]).toMatchObject({
        level: 'error',
        detail: { status, refusal, action: expect.stringContaining('Ask the regional IT for a new station token') },
      });
      expect(time.planned()).toEqual([120_000]); // only the expiry report: nothing more is asked
    },
  );

  it.each([
    [
      'a token of a key the hub no longer knows (401)',
      () => issueToken({ id: 'k0', secret: 'retired' }, claims()),
      401,
      'bad_signature',
    ],
  ])('says a refused renewal of %s, and does not ask again', async (_name, make, status, said) => {
    const time = manualTime();
    const hub = await hubWith(time);
    const h = holder(time, { token: make(), refreshUrl: tokenRefreshUrl(hub.url, null) });
    await h.step('hub.token_refresh_refused');
    expect(h.token.status()).toMatchObject({ state: 'refresh_refused', reason: expect.stringContaining(`(${status}`) });
    expect(h.token.status().reason).toContain(said);
    expect(h.logged('hub.token_refresh_refused')[0]).toMatchObject({ level: 'error', detail: { status } });
    expect(time.planned()).toEqual([120_000]); // only the expiry report is left
    expect(h.changes()).toBe(1);
    await h.step('hub.token_expired');
    expect(h.token.status()).toMatchObject({ state: 'expired', reason: expect.stringContaining(`(${status}`) });
  });

  it('renews at once, at most once a minute, when a request is refused with the current token', async () => {
    const time = manualTime();
    const hub = await hubWith(time, { refreshLifetimeSeconds: 1000 });
    const h = holder(time, { token: issueToken(K1, claims()), refreshUrl: tokenRefreshUrl(hub.url, null) });
    h.token.rejected();
    expect(time.planned()).toEqual([1000, 600_000]); // the renewal moved from 480 s to now (1 s apart at least)
    h.token.rejected();
    expect(h.logged('hub.token_rejected')).toHaveLength(1);
    await h.step('hub.token_refreshed');
    expect(claimsOf(h.token.current())).toMatchObject({ kid: 'k2', exp: START / 1000 + 1 + 1000 });
    h.token.rejected(); // within the minute: nothing more
    expect(time.planned()).toEqual([800_000, 1_000_000]);
  });

  it('waits as the hub asks when its refresh path is over its rate (429)', async () => {
    const time = manualTime();
    const hub = await hubWith(time, { httpRatePerSecond: 0.001, httpBurst: 1 });
    const token = issueToken(K2, claims());
    expect((await fetch(`${hub.fhirUrl}/metadata`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(
      200,
    ); // the burst is used up
    const h = holder(time, { token, refreshUrl: tokenRefreshUrl(hub.url, null) });
    await h.step('hub.token_refresh_failed');
    expect(h.logged('hub.token_refresh_failed')[0]!.detail!.why).toContain('429');
    expect(time.planned()[0]).toBeGreaterThanOrEqual(5_000);
    expect(h.token.status().state).toBe('valid');
  });

  it('uses a token whose expiry cannot be read as it is, and plans nothing', () => {
    const time = manualTime();
    const h = holder(time, { token: 'not-a-readable-token', refreshUrl: 'http://127.0.0.1:9/token/refresh' });
    expect(h.token.current()).toBe('not-a-readable-token');
    expect(h.token.status()).toEqual({
      state: 'valid',
      holder: 'station',
      expiresAt: null,
      reason: null,
      refusal: null,
    });
    expect(time.planned()).toEqual([]);
    expect(h.logged('hub.token_expiry_unknown')).toHaveLength(1);
  });

  it('keeps a token that lives longer than a timer can wait (25 days and more) valid, asking nothing yet', async () => {
    const events: string[] = [];
    const token = createHubToken({
      token: issueToken(K2, claims({ exp: Math.floor(Date.now() / 1000) + 40 * 86_400 })),
      refreshUrl: 'http://127.0.0.1:9/token/refresh',
      log: (_level, event) => events.push(event),
    });
    // A timer past 2^31-1 ms would fire after 1 ms; one set after it for 20 ms runs after it.
    await new Promise((r) => setTimeout(r, 20));
    expect(token.status().state).toBe('valid');
    expect(events).toEqual([]);
    token.close();
  });

  it('reports at once a token that had already expired, without asking the hub', () => {
    const time = manualTime();
    const h = holder(time, {
      token: issueToken(K2, claims({ exp: START / 1000 - 1 })),
      refreshUrl: 'http://127.0.0.1:9/token/refresh',
    });
    expect(h.token.status().state).toBe('expired');
    expect(time.planned()).toEqual([]);
    expect(h.logged('hub.token_expired')).toHaveLength(1);
  });
});

describe('reading a token and the refresh address', () => {
  it('reads exp from the hub’s tokens and from JWTs, and nothing from garbage', () => {
    expect(tokenExpiry(issueToken(K2, claims({ exp: 1_900_000_000 })))).toBe(1_900_000_000);
    const jwtBody = Buffer.from(JSON.stringify({ sub: 'x', exp: 1_900_000_001 })).toString('base64url');
    expect(tokenExpiry(`eyJhbGciOiJFUzI1NiJ9.${jwtBody}.c2ln`)).toBe(1_900_000_001);
    for (const garbage of [
      '',
      'a.b',
      '..',
      'x.y.z.w',
      `${Buffer.from('{"exp":"soon"}').toString('base64url')}.sig`,
      `${Buffer.from('{"exp":1.5}').toString('base64url')}.sig`,
      `${Buffer.from('null').toString('base64url')}.sig`,
      'e30=.sig',
    ]) {
      expect(tokenExpiry(garbage)).toBeNull();
    }
  });

  it('finds the hub’s refresh path next to its WebSocket or its own FHIR endpoint only', () => {
    expect(tokenRefreshUrl('wss://hub.region.fr/hub', null)).toBe('https://hub.region.fr/token/refresh');
    expect(tokenRefreshUrl('ws://127.0.0.1:4790/hub', 'https://fhir.region.fr/fhir/R4')).toBe(
      'http://127.0.0.1:4790/token/refresh',
    );
    expect(tokenRefreshUrl(null, 'http://127.0.0.1:4790/fhir/R4')).toBe('http://127.0.0.1:4790/token/refresh');
    expect(tokenRefreshUrl(null, 'https://fhir.region.fr/baseR4')).toBeNull(); // a separate FHIR server has no refresh path
    expect(tokenRefreshUrl('not an address', null)).toBeNull();
    expect(tokenRefreshUrl(null, null)).toBeNull();
  });
});
