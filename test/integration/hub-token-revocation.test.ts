// Station tokens end (issue 16, point 7): each token has an id (jti) and carries its refresh
// chain (the id and the time of the token the region issued); past the chain's maximum age the
// hub renews it no more, and a token listed in the region's revocation file is refused at its
// next request, everywhere, and its open WebSocket closed. Against a real hub on 127.0.0.1.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHub, type HubOptions, type RunningHub } from '../../src/hub/server';
import { issueToken, type Claims, type NewClaims } from '../../src/hub/tokens';
import { HUB_PROTOCOL } from '../../src/shared/hub-protocol';
import { waitFor } from '../helpers/wait';

const SECRET = 'revocation-secret';
const DAY = 24 * 3600;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-revocation-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let clock = Date.now();
const nowSeconds = () => Math.floor(clock / 1000);
const cart = (extra: Partial<NewClaims> = {}): NewClaims => ({
  sub: 'cart-1',
  role: 'station',
  name: 'Chariot 1',
  site: 'EHPAD',
  specialty: null,
  exp: nowSeconds() + 3600,
  ...extra,
});
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as Claims;

const hubs: RunningHub[] = [];
const sockets: WebSocket[] = [];
beforeEach(() => void (clock = Date.now()));
afterEach(async () => {
  for (const s of sockets.splice(0)) s.terminate();
  for (const h of hubs.splice(0)) await h.close();
});
async function hubWith(options: Partial<HubOptions> = {}): Promise<RunningHub> {
  const hub = await startHub({
    secret: SECRET,
    turnSecret: 'x',
    turnUrls: [],
    offers: [],
    now: () => clock,
    uploadsDir: fs.mkdtempSync(path.join(dir, 'uploads-')),
    ...options,
  });
  hubs.push(hub);
  return hub;
}
const refresh = (hub: RunningHub, token: string) =>
  fetch(hub.fhirUrl.replace('/fhir/R4', '/token/refresh'), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
  });

describe('a refresh chain has a maximum age', () => {
  it('renews within the chain’s age, keeping its id and origin, and refuses past it, saying what to do', async () => {
    const hub = await hubWith({ refreshMaxAgeSeconds: 30 * DAY, refreshLifetimeSeconds: 3600 });
    const first = issueToken(SECRET, cart(), nowSeconds());
    const origin = claimsOf(first);
    expect(origin).toMatchObject({ jti: expect.any(String), chain: origin.jti, auth_time: nowSeconds() });

    const answer = await refresh(hub, first);
    expect(answer.status).toBe(200);
    const second = ((await answer.json()) as { token: string }).token;
    expect(claimsOf(second)).toMatchObject({ chain: origin.jti, auth_time: origin.auth_time });
    expect(claimsOf(second).jti).not.toBe(origin.jti);

    // 30 days later (the token itself was kept fresh), the chain is too old to renew.
    clock += 30 * DAY * 1000 + 1000;
    const old = issueToken(SECRET, cart({ chain: origin.chain, auth_time: origin.auth_time }));
    const refused = await refresh(hub, old);
    expect(refused.status).toBe(403);
    const body = (await refused.json()) as { error: string; message: string };
    expect(body.error).toBe('max_age');
    expect(body.message).toContain('a new station token');
    expect(body.message).toContain('RELAIS_HUB_REFRESH_MAX_DAYS');
    // The token still works until its own expiry: only its renewal is refused.
    expect((await fetch(`${hub.fhirUrl}/metadata`, { headers: { Authorization: `Bearer ${old}` } })).status).toBe(200);
  });
});

async function connect(hub: RunningHub, token: string): Promise<WebSocket> {
  const ws = new WebSocket(hub.url, [HUB_PROTOCOL, `token.${token}`]);
  sockets.push(ws);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_q, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
  return ws;
}

/** Every way a token reaches the hub, and the status each answered. */
async function everywhere(hub: RunningHub, token: string) {
  const bearer = { Authorization: `Bearer ${token}` };
  const fhir = (await fetch(`${hub.fhirUrl}/Patient`, { headers: bearer })).status;
  const upload = (
    await fetch(hub.uploadsUrl, {
      method: 'POST',
      headers: {
        ...bearer,
        'Tus-Resumable': '1.0.0',
        'Upload-Length': '10',
        'Upload-Metadata': `sha256 ${Buffer.from('a'.repeat(64)).toString('base64')}`,
      },
    })
  ).status;
  const refreshed = await refresh(hub, token);
  const refreshError = ((await refreshed.json()) as { error?: string }).error ?? null;
  const socket = await connect(hub, token).then(
    () => 'open',
    (e: Error) => e.message,
  );
  return { fhir, upload, refresh: refreshed.status, refreshError, socket };
}

describe('the region’s revocation list', () => {
  it('refuses a revoked token at its next request, everywhere, and closes its WebSocket', async () => {
    const file = path.join(dir, 'revoked.json');
    fs.writeFileSync(file, '{}\n');
    const hub = await hubWith({ revocationsFile: file, revocationsPollMs: 50 });
    const issued = issueToken(SECRET, cart());
    const renewed = ((await (await refresh(hub, issued)).json()) as { token: string }).token;
    const other = issueToken(SECRET, cart({ sub: 'cart-2', name: 'Chariot 2' }));
    const ws = await connect(hub, renewed);
    const closed = new Promise<{ code: number; reason: string }>((r) =>
      ws.once('close', (code, reason) => r({ code, reason: String(reason) })),
    );

    // The region revokes the token it issued: its renewals go with it.
    fs.writeFileSync(file, JSON.stringify({ tokens: [claimsOf(issued).jti] }));
    expect(await closed).toEqual({ code: 4003, reason: 'token revoked' });
    const refused = { fhir: 401, upload: 401, refresh: 401, refreshError: 'revoked', socket: 'HTTP 401' };
    expect(await everywhere(hub, renewed)).toEqual(refused);
    expect(await everywhere(hub, issued)).toEqual(refused);
    expect(await everywhere(hub, other)).toMatchObject({ fhir: 200, upload: 201, refresh: 200, socket: 'open' });
  });

  it('revokes every token a station was given until a date, not the new one issued after it', async () => {
    const file = path.join(dir, 'revoked-subjects.json');
    fs.writeFileSync(file, '{}\n');
    const hub = await hubWith({ revocationsFile: file, revocationsPollMs: 50 });
    const stolen = issueToken(SECRET, cart({ sub: 'cart-3' }));
    const ws = await connect(hub, stolen);
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    fs.writeFileSync(file, JSON.stringify({ subjects: { 'cart-3': new Date(clock).toISOString() } }));
    expect(await closed).toBe(4003);
    expect((await fetch(`${hub.fhirUrl}/metadata`, { headers: { Authorization: `Bearer ${stolen}` } })).status).toBe(
      401,
    );
    clock += 60_000;
    const replacement = issueToken(SECRET, cart({ sub: 'cart-3', auth_time: nowSeconds() }));
    expect(
      (await fetch(`${hub.fhirUrl}/metadata`, { headers: { Authorization: `Bearer ${replacement}` } })).status,
    ).toBe(200);
  });

  it('refuses to start on a list it cannot read, and keeps the last good list when a change is broken', async () => {
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, '{ "tokens": [');
    await expect(hubWith({ revocationsFile: file })).rejects.toThrow(/RELAIS_HUB_REVOCATIONS/);
    const token = issueToken(SECRET, cart({ sub: 'cart-4' }));
    fs.writeFileSync(file, JSON.stringify({ tokens: [claimsOf(token).jti] }));
    const events: string[] = [];
    const hub = await hubWith({ revocationsFile: file, revocationsPollMs: 50, log: (event) => events.push(event) });
    fs.writeFileSync(file, 'not json at all');
    await waitFor(() => events.includes('hub.revocations_invalid'), 'the broken list reported');
    expect((await fetch(`${hub.fhirUrl}/metadata`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(
      401,
    );
  });
});
