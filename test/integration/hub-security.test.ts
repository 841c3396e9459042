// The hub's transport and token rules over real sockets: key rotation with a grace period for
// the previous key, the station's refresh path, a WebSocket closed when its token expires, TLS
// required off loopback (https/wss with a self-signed certificate made here by openssl), limits
// against floods on the FHIR endpoint and the uploads, and no impersonation in calls.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHub, type HubOptions, type RunningHub } from '../../src/hub/server';
import { issueToken, type NewClaims } from '../../src/hub/tokens';
import { HUB_PROTOCOL, type ServerMessage } from '../../src/shared/hub-protocol';

const nowSeconds = () => Math.floor(Date.now() / 1000);
const cart = (extra: Partial<NewClaims> = {}): NewClaims => ({
  sub: 'cart-1',
  role: 'station',
  name: 'Chariot 1',
  site: 'EHPAD',
  specialty: null,
  exp: nowSeconds() + 600,
  ...extra,
});
const expert = (extra: Partial<NewClaims> = {}): NewClaims => ({
  sub: 'dr-derm',
  role: 'expert',
  name: 'Dr Derm',
  site: 'CHU',
  specialty: 'dermatologie',
  exp: nowSeconds() + 600,
  ...extra,
});
const K1 = { id: 'k1', secret: 'old-secret' };
const K2 = { id: 'k2', secret: 'new-secret' };

// Uploads in a folder kept until the end: a hub stopped right after a request would otherwise
// remove its folder while the file store still creates it.
const uploadsRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-security-'));
afterAll(() => fs.rmSync(uploadsRoot, { recursive: true, force: true }));
const hubs: RunningHub[] = [];
const sockets: WebSocket[] = [];
async function hubWith(options: Partial<HubOptions>): Promise<RunningHub> {
  const hub = await startHub({
    secret: K2.secret,
    turnSecret: 'x',
    turnUrls: [],
    offers: [],
    uploadsDir: fs.mkdtempSync(path.join(uploadsRoot, 'hub-')),
    ...options,
  });
  hubs.push(hub);
  return hub;
}
afterEach(async () => {
  for (const s of sockets.splice(0)) s.terminate();
  for (const h of hubs.splice(0)) await h.close();
});
const metadata = async (hub: RunningHub, token: string) =>
  (await fetch(`${hub.fhirUrl}/metadata`, { headers: { Authorization: `Bearer ${token}` } })).status;

describe('token rotation and refresh', () => {
  it('accepts the previous key during its grace period only, and never an unknown key', async () => {
    const during = await hubWith({ keys: { current: K2, previous: { ...K1, untilSeconds: nowSeconds() + 60 } } });
    expect(await metadata(during, issueToken(K2, cart()))).toBe(200);
    expect(await metadata(during, issueToken(K1, cart()))).toBe(200);
    expect(await metadata(during, issueToken({ id: 'k9', secret: 'guessed' }, cart()))).toBe(401);
    expect(await metadata(during, issueToken({ id: 'k1', secret: 'guessed' }, cart()))).toBe(401); // right id, wrong secret
    const after = await hubWith({ keys: { current: K2, previous: { ...K1, untilSeconds: nowSeconds() - 1 } } });
    expect(await metadata(after, issueToken(K2, cart()))).toBe(200);
    expect(await metadata(after, issueToken(K1, cart()))).toBe(401);
  });

  it('refreshes a station token to the current key, refuses an expert’s and an expired one', async () => {
    const hub = await hubWith({
      keys: { current: K2, previous: { ...K1, untilSeconds: nowSeconds() + 60 } },
      refreshLifetimeSeconds: 3600,
    });
    const refreshUrl = hub.fhirUrl.replace('/fhir/R4', '/token/refresh');
    const refresh = (token: string) =>
      fetch(refreshUrl, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    const answer = await refresh(issueToken(K1, cart()));
    expect(answer.status).toBe(200);
    const { token, exp } = (await answer.json()) as { token: string; exp: number };
    expect(exp).toBeGreaterThan(nowSeconds() + 3000);
    expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())).toMatchObject({
      sub: 'cart-1',
      role: 'station',
      kid: 'k2',
      exp,
    });
    expect(await metadata(hub, token)).toBe(200);
    expect((await refresh(issueToken(K2, expert()))).status).toBe(403);
    expect((await refresh(issueToken(K2, cart({ exp: nowSeconds() - 1 })))).status).toBe(401);
    expect((await refresh('forged.token')).status).toBe(401);
    expect((await fetch(refreshUrl, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(405);
  });

  it('refuses an expired token on the FHIR endpoint and the uploads', async () => {
    const hub = await hubWith({});
    const expired = issueToken(K2.secret, cart({ exp: nowSeconds() - 1 }));
    expect(await metadata(hub, expired)).toBe(401);
    expect(
      (
        await fetch(hub.uploadsUrl, {
          method: 'POST',
          headers: { Authorization: `Bearer ${expired}`, 'Tus-Resumable': '1.0.0', 'Upload-Length': '10' },
        })
      ).status,
    ).toBe(401);
  });
});

async function connect(url: string, token: string, options: WebSocket.ClientOptions = {}) {
  const ws = new WebSocket(url, [HUB_PROTOCOL, `token.${token}`], options);
  sockets.push(ws);
  const inbox: ServerMessage[] = [];
  ws.on('message', (d) => inbox.push(JSON.parse(String(d)) as ServerMessage));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_q, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
  const next = async (type: ServerMessage['type']): Promise<ServerMessage> => {
    for (;;) {
      const i = inbox.findIndex((m) => m.type === type);
      if (i >= 0) return inbox.splice(i, 1)[0]!;
      await new Promise((r) => ws.once('message', r));
    }
  };
  return { ws, inbox, next, send: (m: unknown) => ws.send(JSON.stringify(m)) };
}

describe('a WebSocket lives no longer than its token', () => {
  it('is closed with 4001 when the token expires, and the same token is then refused', async () => {
    const hub = await hubWith({});
    const token = issueToken(K2.secret, cart({ exp: nowSeconds() + 2 }));
    const station = await connect(hub.url, token);
    const closed = await new Promise<{ code: number; reason: string }>((r) =>
      station.ws.once('close', (code, reason) => r({ code, reason: String(reason) })),
    );
    expect(closed).toEqual({ code: 4001, reason: 'token expired' });
    await expect(connect(hub.url, token)).rejects.toThrow('HTTP 401');
  });
});

describe('calls: no impersonation, the callee only', () => {
  it('takes the sender from the connection, and rings only the peer called', async () => {
    const hub = await hubWith({});
    const a = await connect(hub.url, issueToken(K2.secret, cart()));
    const derm = await connect(hub.url, issueToken(K2.secret, expert()));
    const neuro = await connect(
      hub.url,
      issueToken(K2.secret, expert({ sub: 'dr-neuro', name: 'Dr Neuro', specialty: 'neurologie' })),
    );
    a.send({ type: 'call.ring', to: 'dr-derm', reason: 'Plaie' });
    await derm.next('call.incoming');
    // Messages reach a socket in order: the directory answered after the ring proves that no
    // call.incoming came to the neurologist before it.
    neuro.send({ type: 'directory.get' });
    await neuro.next('directory');
    expect(neuro.inbox.some((m) => m.type === 'call.incoming')).toBe(false);
    // A sender cannot name itself: a "from" in a signal is not a hub message.
    neuro.send({
      type: 'signal',
      callId: '00000000-0000-4000-8000-000000000000',
      from: 'cart-1',
      data: { type: 'offer', sdp: 'v=0' },
    });
    expect(await neuro.next('error')).toMatchObject({ code: 'invalid_message' });
  });
});

describe('TLS off loopback', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-tls-'));
  let cert = '';
  let key = '';
  beforeAll(() => {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    cert = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    key = fs.readFileSync(path.join(dir, 'key.pem'), 'utf8');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses to listen off loopback without a certificate, saying what to do', async () => {
    await expect(hubWith({ host: '0.0.0.0' })).rejects.toThrow(
      /Refusing to listen on 0\.0\.0\.0 without TLS: give the hub a certificate and key/,
    );
  });

  it('speaks https and wss with a certificate, anywhere', async () => {
    const hub = await hubWith({ host: '0.0.0.0', tls: { cert, key } });
    expect(hub.url).toMatch(/^wss:\/\/0\.0\.0\.0:\d+\/hub$/);
    const token = issueToken(K2.secret, cart());
    const status = await new Promise<number>((resolve, reject) => {
      https
        .get(
          `https://127.0.0.1:${hub.port}/fhir/R4/metadata`,
          { ca: cert, headers: { Authorization: `Bearer ${token}` } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        )
        .on('error', reject);
    });
    expect(status).toBe(200);
    const station = await connect(`wss://127.0.0.1:${hub.port}/hub`, token, { ca: cert });
    expect(await station.next('welcome')).toMatchObject({ you: { id: 'cart-1' } });
    // Plain HTTP to the TLS port gets no FHIR answer.
    await expect(
      fetch(`http://127.0.0.1:${hub.port}/fhir/R4/metadata`, { headers: { Authorization: `Bearer ${token}` } }),
    ).rejects.toThrow();
  });
});

describe('limits against floods', () => {
  it('answers 429 to a token flooding the FHIR endpoint, and serves the others', async () => {
    const hub = await hubWith({ httpRatePerSecond: 0.001, httpBurst: 5 });
    const flooder = issueToken(K2.secret, cart());
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push(await metadata(hub, flooder));
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    expect(await metadata(hub, issueToken(K2.secret, cart({ sub: 'cart-2' })))).toBe(200);
  });

  it('answers 429 to a token flooding the uploads', async () => {
    const hub = await hubWith({ httpRatePerSecond: 0.001, httpBurst: 3 });
    const flooder = issueToken(K2.secret, cart());
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (
          await fetch(hub.uploadsUrl, {
            method: 'POST',
            headers: {
              Authorization: `Bearer ${flooder}`,
              'Tus-Resumable': '1.0.0',
              'Upload-Length': '10',
              'Upload-Metadata': `sha256 ${Buffer.from('a'.repeat(64)).toString('base64')}`,
            },
          })
        ).status,
      );
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
  });

  it('refuses an upload past its owner’s quota with a 413 that says so, each owner counted apart, across a restart', async () => {
    const uploadsDir = fs.mkdtempSync(path.join(uploadsRoot, 'quota-'));
    const hub = await hubWith({ uploadQuotaBytes: 1000, uploadsDir });
    const create = (h: RunningHub, sub: string, length: number) =>
      fetch(h.uploadsUrl, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${issueToken(K2.secret, cart({ sub }))}`,
          'Tus-Resumable': '1.0.0',
          'Upload-Length': String(length),
          'Upload-Metadata': `sha256 ${Buffer.from('a'.repeat(64)).toString('base64')}`,
        },
      });
    const first = await create(hub, 'cart-1', 600);
    expect(first.status).toBe(201);
    const over = await create(hub, 'cart-1', 500);
    expect(over.status).toBe(413);
    expect(await over.text()).toMatch(/quota of 0\.001 MB .*RELAIS_HUB_UPLOAD_QUOTA_GB/);
    expect((await create(hub, 'cart-2', 900)).status).toBe(201); // another station's room is its own
    // The hub restarted on the same folder still counts what is there.
    await hub.close();
    hubs.splice(hubs.indexOf(hub), 1);
    const again = await hubWith({ uploadQuotaBytes: 1000, uploadsDir });
    expect((await create(again, 'cart-1', 500)).status).toBe(413);
    // An upload its owner removes frees its room.
    const removed = await fetch(new URL(first.headers.get('location')!, again.uploadsUrl), {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${issueToken(K2.secret, cart())}`, 'Tus-Resumable': '1.0.0' },
    });
    expect(removed.status).toBe(204);
    expect((await create(again, 'cart-1', 500)).status).toBe(201);
  });

  it('refuses an uploads folder other accounts may read, naming the setting', async () => {
    const open = fs.mkdtempSync(path.join(uploadsRoot, 'open-'));
    fs.chmodSync(open, 0o755);
    await expect(hubWith({ uploadsDir: open })).rejects.toThrow(/readable by other accounts .*RELAIS_HUB_UPLOADS/);
  });

  it('refuses an upload over the size limit before taking any byte', async () => {
    const hub = await hubWith({ uploadMaxBytes: 1024 });
    const token = issueToken(K2.secret, cart());
    const answer = await fetch(hub.uploadsUrl, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Tus-Resumable': '1.0.0',
        'Upload-Length': '1025',
        'Upload-Metadata': `sha256 ${Buffer.from('a'.repeat(64)).toString('base64')}`,
      },
    });
    expect(answer.status).toBe(413);
  });
});
