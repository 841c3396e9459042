// The hub's uploads folder cleaned of what nobody will finish (issue 17, point 7): at start (and
// then hourly), an upload abandoned unfinished for longer than RELAIS_HUB_UPLOAD_ABANDONED_DAYS
// and the half-written pieces a crash leaves are removed, and their owner's quota freed; finished
// uploads are the region's files and stay. A development hub's temporary folder left by a hub
// killed outright is removed by the next one, and a refused start leaves no folder behind.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type HubOptions, type RunningHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const SECRET = 'uploads-secret';
const DAY = 86_400_000;
const token = issueToken(SECRET, {
  sub: 'cart-1',
  role: 'station',
  name: 'Chariot 1',
  site: 'EHPAD',
  specialty: null,
  exp: Math.floor(Date.now() / 1000) + 600,
});
const hubs: RunningHub[] = [];
afterEach(async () => {
  for (const hub of hubs.splice(0)) await hub.close();
});

async function hubOn(
  uploadsDir: string | undefined,
  logs: string[] = [],
  extra: Partial<HubOptions> = {},
): Promise<RunningHub> {
  const hub = await startHub({
    secret: SECRET,
    turnSecret: 'turn-secret',
    turnUrls: [],
    offers: [],
    uploadQuotaBytes: 3000,
    log: (event, detail) => logs.push(`${event} ${JSON.stringify(detail ?? {})}`),
    ...(uploadsDir ? { uploadsDir } : {}),
    ...extra,
  });
  hubs.push(hub);
  return hub;
}

const tus = { Authorization: `Bearer ${token}`, 'Tus-Resumable': '1.0.0' };
/** Creates an upload of `length` bytes and sends `sent` of them (all: a finished upload). */
async function upload(hub: RunningHub, length: number, sent: Buffer): Promise<string> {
  const whole = Buffer.concat([sent, Buffer.alloc(length - sent.length)]);
  const sha256 = createHash('sha256')
    .update(sent.length === length ? sent : whole)
    .digest('hex');
  const created = await fetch(hub.uploadsUrl, {
    method: 'POST',
    headers: {
      ...tus,
      'Upload-Length': String(length),
      'Upload-Metadata': `sha256 ${Buffer.from(sha256).toString('base64')}`,
      'Content-Type': 'application/offset+octet-stream',
    },
    body: sent,
  });
  expect(created.status).toBe(201);
  return new URL(created.headers.get('location')!, hub.uploadsUrl).pathname.split('/').pop()!;
}
/** Runs with os.tmpdir() pointing at a folder of the test's own (this file runs in its own process: pool forks). */
async function withTmpdir<T>(tmp: string, run: () => Promise<T>): Promise<T> {
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  try {
    return await run();
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
}
const head = async (hub: RunningHub, id: string) =>
  (await fetch(`${hub.uploadsUrl}/${id}`, { method: 'HEAD', headers: tus })).status;

describe('the hub uploads folder at start', () => {
  it('removes uploads abandoned past the limit and the pieces a crash leaves, frees their quota, and keeps finished ones', async () => {
    const folder = path.join(tempDir(), 'hub-uploads');
    fs.mkdirSync(folder, { mode: 0o700 });
    const first = await hubOn(folder);
    const report = randomBytes(1000);
    const finished = await upload(first, 1000, report);
    const abandoned = await upload(first, 1500, randomBytes(200)); // the station went away a week ago
    const recent = await upload(first, 400, randomBytes(100)); // still being sent
    await first.close();
    hubs.splice(0);
    const weekAgo = new Date(Date.now() - 8 * DAY);
    for (const name of [abandoned, `${abandoned}.json`, finished, `${finished}.json`])
      fs.utimesSync(path.join(folder, name), weekAgo, weekAgo);
    // What a crash leaves: a file whose description was never written, a description whose file
    // was removed, a description cut off mid-write.
    const hex = () => randomBytes(16).toString('hex');
    const [lonelyFile, lonelyInfo, cutInfo] = [hex(), hex(), hex()];
    fs.writeFileSync(path.join(folder, lonelyFile), randomBytes(300));
    fs.writeFileSync(
      path.join(folder, `${lonelyInfo}.json`),
      JSON.stringify({ id: lonelyInfo, size: 10, offset: 0, metadata: { owner: 'cart-1' } }),
    );
    fs.writeFileSync(path.join(folder, cutInfo), randomBytes(50));
    fs.writeFileSync(path.join(folder, `${cutInfo}.json`), '{"id":"');
    fs.writeFileSync(path.join(folder, 'lost+found'), 'not an upload'); // anything else is not the hub's to touch
    for (const name of [lonelyFile, `${lonelyInfo}.json`, cutInfo, `${cutInfo}.json`])
      fs.utimesSync(path.join(folder, name), new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000));

    const logs: string[] = [];
    const second = await hubOn(folder, logs);
    expect(fs.readdirSync(folder).sort()).toEqual(
      [finished, `${finished}.json`, 'lost+found', recent, `${recent}.json`].sort(),
    );
    expect(logs.filter((l) => l.startsWith('hub.uploads_swept'))).toEqual([
      `hub.uploads_swept ${JSON.stringify({ abandoned: 1, pieces: 4, abandonedAfterDays: 7, setting: 'RELAIS_HUB_UPLOAD_ABANDONED_DAYS' })}`,
    ]);
    // The finished file is still the region's: downloaded whole; the abandoned one is gone (404).
    const download = await fetch(`${second.uploadsUrl}/${finished}`, { headers: tus });
    expect(Buffer.from(await download.arrayBuffer()).equals(report)).toBe(true);
    expect(await head(second, abandoned)).toBe(404);
    expect(await head(second, recent)).toBe(200);
    // The abandoned 1,500 bytes no longer count against the station's quota of 3,000.
    expect(
      (
        await fetch(second.uploadsUrl, {
          method: 'POST',
          headers: {
            ...tus,
            'Upload-Length': '1500',
            'Upload-Metadata': `sha256 ${Buffer.from('a'.repeat(64)).toString('base64')}`,
          },
        })
      ).status,
    ).toBe(201);
  });

  it('a refused start (port taken, unreadable certificate) leaves no temporary folder behind', async () => {
    const tmp = tempDir();
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', () => resolve()));
    try {
      await withTmpdir(tmp, () =>
        expect(hubOn(undefined, [], { port: (taken.address() as net.AddressInfo).port })).rejects.toThrow(/EADDRINUSE/),
      );
      await withTmpdir(tmp, () =>
        expect(hubOn(undefined, [], { tls: { cert: 'not a certificate', key: 'not a key' } })).rejects.toThrow(),
      );
      expect(fs.readdirSync(tmp)).toEqual([]);
    } finally {
      taken.close();
    }
  });

  it('removes the temporary folder of a development hub killed outright, and no live hub’s', async () => {
    const tmp = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/crash/hub-child.ts')], {
      env: { ...process.env, TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const killedFolder = await new Promise<string>((resolve, reject) => {
      child.stdout.once('data', (d: Buffer) => resolve(String(d).trim()));
      child.once('exit', (code) => reject(new Error(`the child hub stopped (${code})`)));
    });
    expect(path.dirname(killedFolder)).toBe(tmp);
    fs.mkdirSync(killedFolder, { recursive: true });
    fs.writeFileSync(path.join(killedFolder, randomBytes(16).toString('hex')), 'a synced PDF, in the clear');
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(fs.existsSync(killedFolder)).toBe(true);

    await withTmpdir(tmp, async () => {
      const live = await hubOn(undefined);
      const liveFolder = path.dirname(live.uploads.fileOf('x'));
      expect(fs.existsSync(killedFolder)).toBe(false);
      await hubOn(undefined); // a second live hub does not take the first one's folder
      expect(fs.existsSync(liveFolder)).toBe(true);
    });
    for (const hub of hubs.splice(0)) await hub.close();
    expect(fs.readdirSync(tmp).filter((n) => n.startsWith('relais-hub-uploads-'))).toEqual([]); // (tsx keeps its cache there too)
  });
});
