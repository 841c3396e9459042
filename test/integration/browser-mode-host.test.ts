// The browser-mode host with a real station: loopback only, a per-run key and the page's origin
// checked at upgrade, the contract with the same validation, garbage refused without a crash.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { HOST_ADDRESS, startHost, type RunningHost } from '../../src/main/host/host-server';
import { silentLogger } from '../../src/main/platform/logger';
import { createStation, type Station } from '../../src/main/station';
import { MAX_MESSAGE_BYTES } from '../../src/shared/wire';
import { provisionalIdentity } from '../helpers/identities';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const TOKEN = 'ab'.repeat(32);
let station: Station;
let host: RunningHost;
let rendererRoot: string;

beforeEach(async () => {
  const dir = tempDir();
  rendererRoot = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(rendererRoot, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererRoot, 'index.html'), '<!doctype html><title>Relais</title>');
  fs.writeFileSync(path.join(rendererRoot, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'patient data');
  station = createStation({ dataDir: path.join(dir, 'data'), mode: 'browser', logger: silentLogger });
  host = await startHost({ station, rendererRoot, port: 0, logger: silentLogger, token: TOKEN });
});
afterEach(async () => {
  await host.close();
  station.close();
});

function get(
  pathname: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: HOST_ADDRESS, port: host.port, path: pathname, headers: { host: `127.0.0.1:${host.port}`, ...headers } },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function connect(
  options: { token?: string; origin?: string; protocols?: string[]; host?: string } = {},
): Promise<WebSocket> {
  const protocols = options.protocols ?? ['relais.v1', `token.${options.token ?? TOKEN}`];
  const headers = options.host ? { host: options.host } : {};
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/relais`, protocols, {
    origin: options.origin ?? host.origin,
    headers,
  });
  return new Promise((resolve, reject) => {
    inbox(ws);
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

// Buffers every message from the moment the socket opens: several can arrive in one chunk.
const inboxes = new WeakMap<WebSocket, { messages: Record<string, unknown>[]; waiting: (() => void)[] }>();
function inbox(ws: WebSocket) {
  let box = inboxes.get(ws);
  if (!box) {
    const created = { messages: [] as Record<string, unknown>[], waiting: [] as (() => void)[] };
    ws.on('message', (data) => {
      created.messages.push(JSON.parse(String(data)));
      created.waiting.splice(0).forEach((wake) => wake());
    });
    inboxes.set(ws, created);
    box = created;
  }
  return box;
}
async function nextMessage(ws: WebSocket): Promise<Record<string, unknown>> {
  const box = inbox(ws);
  while (box.messages.length === 0) await new Promise<void>((resolve) => box.waiting.push(resolve));
  return box.messages.shift()!;
}

async function call(ws: WebSocket, id: number, channel: string, payload: unknown) {
  ws.send(JSON.stringify({ kind: 'invoke', id, channel, payload }));
  const box = inbox(ws);
  // Takes only its own result out of the inbox; events stay for the test to read.
  for (;;) {
    const index = box.messages.findIndex((m) => m.kind === 'result' && m.id === id);
    if (index >= 0) return box.messages.splice(index, 1)[0]!.result as { ok: boolean; value?: any; error?: any };
    await new Promise<void>((resolve) => box.waiting.push(resolve));
  }
}

describe('browser-mode host', () => {
  it('listens on 127.0.0.1 only and gives an address carrying the key in its fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${TOKEN}`);
  });

  it('serves the renderer with the CSP allowing only its own WebSocket', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Relais</title>');
    expect(page.headers['content-security-policy']).toContain(
      `connect-src 'self' ws://127.0.0.1:${host.port} ws://localhost:${host.port}`,
    );
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect((await get('/assets/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..\\secret.txt',
    '/%00index.html',
  ])('never serves a file outside the renderer: %s', async (pathname) => {
    const response = await get(pathname);
    expect([403, 404]).toContain(response.status);
    expect(response.body).not.toContain('patient data');
  });

  it('does not follow a symlink out of the renderer folder', async () => {
    fs.symlinkSync(path.join(rendererRoot, '..', 'secret.txt'), path.join(rendererRoot, 'assets', 'link.txt'));
    const response = await get('/assets/link.txt');
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('patient data');
  });

  it('refuses a request whose Host is not the loopback address (DNS rebinding)', async () => {
    expect((await get('/', { host: `evil.example:${host.port}` })).status).toBe(421);
  });

  it('refuses a socket upgrade whose Host is not the loopback address, even with the key and origin (DNS rebinding)', async () => {
    await expect(connect({ host: `evil.example:${host.port}` })).rejects.toThrow('HTTP 421');
    await expect(connect({ host: `127.0.0.1:${host.port + 1}` })).rejects.toThrow('HTTP 421');
    (await connect({ host: `localhost:${host.port}` })).close();
  });

  it('refuses a socket without the key, with a wrong key, or from another origin', async () => {
    await expect(connect({ protocols: ['relais.v1'] })).rejects.toThrow('HTTP 401');
    await expect(connect({ token: 'cd'.repeat(32) })).rejects.toThrow('HTTP 401');
    await expect(connect({ token: 'short' })).rejects.toThrow('HTTP 401');
    await expect(connect({ origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
  });

  it('runs the contract: create a patient, then find it', async () => {
    const ws = await connect();
    const created = await call(ws, 1, 'patients.create', { identity: provisionalIdentity() });
    expect(created).toMatchObject({ ok: true, value: { status: 'created', patient: { birthName: 'LEFEVRE' } } });
    const found = await call(ws, 2, 'patients.search', { name: 'lefevre' });
    expect(found.value).toHaveLength(1);
    ws.close();
  });

  it('pushes station events to the page', async () => {
    const ws = await connect();
    await call(ws, 1, 'patients.create', { identity: provisionalIdentity() });
    // The status follows once the change's turn of the event loop is over.
    const events = await vi.waitFor(() => {
      const seen = inbox(ws).messages.filter((m) => m.kind === 'event');
      if (seen.length < 2) throw new Error(`${seen.length} event(s) so far`);
      return seen;
    });
    expect(events.map((e) => e.event)).toEqual(['patients.changed', 'station.statusChanged']);
    expect(events[1]?.payload).toMatchObject({ patientCount: 1, sync: { pending: 1 } });
    ws.close();
  });

  it('answers garbage with an error and keeps serving', async () => {
    const ws = await connect();
    for (const garbage of ['not json', '{"kind":"invoke"}', '[]', '{"kind":"invoke","id":-1,"channel":"x"}']) {
      ws.send(garbage);
      expect(await nextMessage(ws)).toMatchObject({ kind: 'error' });
    }
    ws.send(Buffer.from([0xde, 0xad]), { binary: true });
    expect(await nextMessage(ws)).toMatchObject({ kind: 'error' });
    const invalid = await call(ws, 3, 'patients.create', { identity: { birthName: 42 } });
    expect(invalid.error.code).toBe('validation_failed');
    expect((await call(ws, 4, 'station.status', {})).ok).toBe(true);
    ws.close();
  });

  it('closes a socket that sends an oversized message, and the host stays up', async () => {
    const ws = await connect();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(
      JSON.stringify({
        kind: 'invoke',
        id: 1,
        channel: 'station.status',
        payload: { x: 'x'.repeat(MAX_MESSAGE_BYTES) },
      }),
    );
    expect(await closed).toBe(1009);
    const again = await connect();
    expect((await call(again, 1, 'station.status', {})).ok).toBe(true);
    again.close();
  });
});
