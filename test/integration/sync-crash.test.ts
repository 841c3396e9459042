// The station killed with SIGKILL at random points while it records acts and syncs them (during
// SQLite writes, between a request and its answer), restarted each time; then a final sync. The
// server must hold exactly what the station holds: nothing lost, nothing twice. Prints the counts.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { mulberry32 } from '../../devices/random';
import { reportPdfBinaryId } from '../../src/main/sync/fhir/report';
import { useTempDir } from '../helpers/temp-dir';
import { stationDatabase } from '../helpers/station-database';

const KILLS = Number(process.env.RELAIS_CRASH_KILLS ?? 50);
const SECRET = 'crash-secret';
const token = issueToken(SECRET, {
  sub: 'cart-crash',
  role: 'station',
  name: 'Chariot',
  site: 'EHPAD',
  specialty: null,
  exp: Math.floor(Date.now() / 1000) + 3600,
});
const tempDir = useTempDir();
let hub: RunningHub;
beforeAll(async () => {
  // Crash safety is what this test checks, not the hub's flood limits: with its per-token HTTP
  // limit, the drain of ~850 rows (records and their audit rows) outlasts the test's minute.
  hub = await startHub({
    secret: SECRET,
    turnSecret: 'x',
    turnUrls: [],
    offers: [],
    ratePerSecond: 1e6,
    burst: 1e6,
    httpRatePerSecond: 1e6,
    httpBurst: 1e6,
  });
});
afterAll(() => hub.close());

function child(dataDir: string, mode: 'work' | 'drain', seed: number) {
  return spawn(process.execPath, ['--import', 'tsx', path.resolve('test/crash/sync-child.ts')], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      FHIR_URL: hub.fhirUrl,
      UPLOADS_URL: hub.uploadsUrl,
      TOKEN: token,
      MODE: mode,
      SEED: String(seed),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function serverIds(type: string): Promise<string[]> {
  const response = await fetch(`${hub.fhirUrl}/${type}?_count=100000`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const bundle = (await response.json()) as {
    entry?: { resource: { id: string; identifier?: { value: string }[]; masterIdentifier?: { value: string } } }[];
  };
  // By the client-made identifier (a second resource for one record would show twice): a
  // document's master identifier, another resource's first identifier; a Binary has none: its id
  // is the one the station chose.
  return (bundle.entry ?? []).map((e) =>
    (
      e.resource.masterIdentifier?.value ??
      e.resource.identifier?.[0]?.value ??
      (type === 'Binary' ? e.resource.id : `no-identifier:${e.resource.id}`)
    ).replace('urn:uuid:', ''),
  );
}

it(`loses nothing and duplicates nothing across ${KILLS} SIGKILLs during writes and sync`, async () => {
  const dataDir = tempDir();
  const random = mulberry32(2026);
  let killed = 0;
  for (let i = 0; i < KILLS; i++) {
    const process_ = child(dataDir, 'work', i + 1);
    let output = '';
    process_.stderr.on('data', (d: Buffer) => (output += d.toString()));
    // A station that stops by itself (a thrown error) is a failure of this test, said with its
    // output, at whatever moment it stops: waiting for its exit after it has exited would hang.
    const exited = new Promise<number | null>((r) => process_.once('exit', (code) => r(code)));
    const diedBeforeKill = async (): Promise<never> => {
      const code = await exited;
      throw new Error(`the station (run ${i}) exited by itself (${code}) before it was killed: ${output}`);
    };
    // Wait until it works, then kill it at a random moment.
    const working = new Promise<void>((resolve) =>
      process_.stdout.on('data', (d: Buffer) => d.toString().includes('working') && resolve()),
    );
    const stillRunning = diedBeforeKill();
    await Promise.race([working, stillRunning]);
    await Promise.race([new Promise((r) => setTimeout(r, 10 + Math.floor(random() * 600))), stillRunning]);
    stillRunning.catch(() => {});
    process_.kill('SIGKILL');
    await exited;
    killed++;
  }

  const drain = child(dataDir, 'drain', 0);
  let drainOutput = '';
  drain.stdout.on('data', (d: Buffer) => (drainOutput += d.toString()));
  drain.stderr.on('data', (d: Buffer) => (drainOutput += d.toString()));
  const code = await new Promise((r) => drain.once('exit', r));
  expect(code, drainOutput).toBe(0);

  const db = stationDatabase(dataDir, { readonly: true });
  const local = {
    Patient: (db.prepare('SELECT id FROM patients').all() as { id: string }[]).map((r) => r.id),
    Encounter: (db.prepare('SELECT id FROM encounters').all() as { id: string }[]).map((r) => r.id),
    Consent: (db.prepare('SELECT id FROM encounter_consents').all() as { id: string }[]).map((r) => r.id),
    Observation: (db.prepare('SELECT id FROM encounter_observations').all() as { id: string }[]).map((r) => r.id),
    // Files of acts (a file of a call that never got its act, killed in between, rightly waits).
    Media: (
      db.prepare('SELECT a.id FROM attachments a JOIN encounters e ON e.call_id = a.call_id').all() as { id: string }[]
    ).map((r) => r.id),
    ServiceRequest: (db.prepare("SELECT id FROM encounters WHERE act = 'teleexpertise'").all() as { id: string }[]).map(
      (r) => r.id,
    ),
    DocumentReference: (db.prepare('SELECT id FROM encounter_reports').all() as { id: string }[]).map((r) => r.id),
    // Each report's text and its PDF (kept in the report's own transaction).
    Binary: (db.prepare('SELECT id FROM encounter_reports').all() as { id: string }[]).flatMap((r) => [
      r.id,
      reportPdfBinaryId(r.id),
    ]),
  };
  const orphanFiles = (
    db
      .prepare(
        'SELECT count(*) AS n FROM attachments a WHERE NOT EXISTS (SELECT 1 FROM encounters e WHERE e.call_id = a.call_id)',
      )
      .get() as { n: number }
  ).n;
  // An act the server calls "finished" has ended: it awaits its report, or its signed report
  // closed it (issue 20). Closed without ever starting is a cancelled act, not a finished one.
  const finished = db
    .prepare(
      "SELECT count(*) AS n FROM encounters WHERE status = 'awaiting_report' OR (status = 'closed' AND started_at IS NOT NULL)",
    )
    .get() as { n: number };
  const keptPdfs = new Map(
    (db.prepare('SELECT report_id, sha256 FROM report_pdfs').all() as { report_id: string; sha256: string }[]).map(
      (r) => [r.report_id, r.sha256],
    ),
  );
  db.close();
  const counts: string[] = [];
  for (const [type, ids] of Object.entries(local)) {
    const remote = await serverIds(type);
    const lost = ids.filter((id) => !remote.includes(id)).length;
    const twice = remote.length - new Set(remote).size;
    const unknown = remote.filter((id) => !ids.includes(id)).length;
    counts.push(
      `${type}: ${ids.length} local, ${remote.length} on the server, ${lost} lost, ${twice} twice, ${unknown} unknown`,
    );
    expect({ type, lost, twice, unknown }).toEqual({ type, lost: 0, twice: 0, unknown: 0 });
    expect(ids.length).toBeGreaterThan(0);
  }
  // Every file on the server is the bytes its SHA-256 says.
  const media = await fetch(`${hub.fhirUrl}/Media?_count=100000`, {
    headers: { Authorization: `Bearer ${token}` },
  }).then(
    (r) =>
      r.json() as Promise<{ entry?: { resource: { identifier: { value: string }[]; content: { url: string } } }[] }>,
  );
  let checked = 0;
  for (const { resource } of media.entry ?? []) {
    const bytes = fs.readFileSync(hub.uploads.fileOf(resource.content.url.split('/').pop()!));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(resource.identifier[1]!.value);
    checked++;
  }
  counts.push(`files: ${checked} checked by SHA-256 on the server, ${orphanFiles} of calls without an act waiting`);
  // Every report's PDF on the server is the one kept at signing, byte for byte.
  const reports = await fetch(`${hub.fhirUrl}/DocumentReference?_count=100000`, {
    headers: { Authorization: `Bearer ${token}` },
  }).then(
    (r) =>
      r.json() as Promise<{
        entry?: { resource: { id: string; content: { attachment: { contentType: string; url: string } }[] } }[];
      }>,
  );
  for (const { resource } of reports.entry ?? []) {
    const url = resource.content.find((c) => c.attachment.contentType === 'application/pdf')!.attachment.url;
    const binary = await fetch(`${hub.fhirUrl}/${url}`, { headers: { Authorization: `Bearer ${token}` } }).then(
      (r) => r.json() as Promise<{ data: string }>,
    );
    expect(createHash('sha256').update(Buffer.from(binary.data, 'base64')).digest('hex')).toBe(
      keptPdfs.get(resource.id),
    );
  }
  counts.push(`report PDFs: ${reports.entry?.length ?? 0} on the server, each the one kept at signing`);
  // Professionals exist once each, however many kills fell between the check and the create.
  for (const idNatPs of ['810001234567', '810003456789']) {
    const found = await fetch(`${hub.fhirUrl}/Practitioner?identifier=urn:oid:1.2.250.1.71.4.2.1|${idNatPs}`, {
      headers: { Authorization: `Bearer ${token}` },
    }).then((r) => r.json() as Promise<{ entry?: unknown[] }>);
    expect(found.entry ?? []).toHaveLength(1);
  }
  counts.push('practitioners: 2 on the server, once each');
  // The last state of each act went out, not an older one.
  const remoteFinished = await fetch(`${hub.fhirUrl}/Encounter?status=finished&_count=100000`, {
    headers: { Authorization: `Bearer ${token}` },
  }).then((r) => r.json() as Promise<{ entry?: unknown[] }>);
  expect(remoteFinished.entry?.length ?? 0).toBe(finished.n);
  console.log(
    `crash test: ${killed} SIGKILLs, then a final sync\n  ${counts.join('\n  ')}\n  finished acts: ${finished.n} local, ${remoteFinished.entry?.length ?? 0} on the server`,
  );
});
