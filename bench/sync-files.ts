// The files half of `npm run bench -- sync` (issue 23, point 5), apart from the records half: a
// station whose calls kept RELAIS_BENCH_MB (500) of sounds, 5 MB each (made in a process of its
// own, bench/sync-files-maker.ts), pushed to a hub in its own process by the push worker as the
// station runs it (the sealed copy streamed by tus, checked by the hub's SHA-256, then the Media).
// Printed beside the same run's plain HTTP PUT of the same bytes to the same hub process, with
// the targets: rate >= 0.8 x the plain PUT, station RSS growth <= 64 MB while the files go out.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { issueToken } from '../src/hub/tokens';
import { openStationStorage } from '../src/main/platform/storage';
import { createFhirClient } from '../src/main/sync/fhir-client';
import { createPushWorker } from '../src/main/sync/push-worker';
import { fileSource, uploadFile } from '../src/main/sync/resumable-upload';
import { pushRecords } from '../test/helpers/push-records';
import { plainUploadRate } from './plain-put';
import { startThrottledLink } from './throttled-link';
import { loadFhirDefinitions } from '../src/main/sync/fhir/validate';

const MEGABYTES = Number(process.env.RELAIS_BENCH_MB ?? 500);
const FILE_MB = 5;
const SECRET = 'bench-sync-files-secret';
const mb = (bytes: number) => bytes / (1024 * 1024);
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))] ?? 0;

interface BenchHub {
  process: ChildProcess;
  uploadsUrl: string;
  fhirUrl: string;
  plainUrl: string;
}

/** The hub and a plain HTTP sink in one child process (bench/hub-child.ts): the station's memory is measured alone. */
export async function startHubChild(uploadsDir: string): Promise<BenchHub> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('bench/hub-child.ts')], {
    env: { ...process.env, SECRET, UPLOADS_DIR: uploadsDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const urls = await new Promise<Omit<BenchHub, 'process'>>((resolve, reject) => {
    child.stdout.once('data', (d: Buffer) => resolve(JSON.parse(d.toString()) as Omit<BenchHub, 'process'>));
    child.once('exit', (code) => reject(new Error(`the hub exited (${code})`)));
  });
  return { process: child, ...urls };
}

/** A process's resident memory from /proc (the hub's, from the bench process), or null elsewhere than Linux. */
function rssOf(pid: number | undefined): number | null {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

interface Sent {
  rate: number;
  /** The sender's CPU time per MB: far less moved by the machine's load than the rate. */
  cpuMsPerMb: number;
}

/** CPU time (user + system) a process used so far, from /proc (the hub's), or null elsewhere than Linux. */
function cpuMsOf(pid: number | undefined): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 1/100 s
  } catch {
    return null;
  }
}

/** The plain PUT of the files in `folder`, from a process of its own (bench/plain-put.ts). */
async function plainFromChild(plainUrl: string, folder: string): Promise<Sent> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('bench/plain-put.ts'), plainUrl, folder], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the plain PUT failed (exit ${code})`);
  return JSON.parse(out) as Sent;
}

/** The station with its sounds, made by bench/sync-files-maker.ts in a process of its own. */
async function made(dataDir: string, plainDir: string, count: number): Promise<void> {
  const maker = spawn(
    process.execPath,
    ['--import', 'tsx', path.resolve('bench/sync-files-maker.ts'), dataDir, plainDir, String(count), String(FILE_MB)],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const code = await new Promise<number | null>((resolve) => maker.once('exit', resolve));
  if (code !== 0) throw new Error(`the station's files were not made (exit ${code})`);
}

/** Runs the files half in `dir` (removed by the caller) and gives the lines it prints. */
export async function syncFilesFigures(dir: string): Promise<string[]> {
  const hub = await startHubChild(path.join(dir, 'hub-uploads'));
  const token = issueToken(SECRET, {
    sub: 'bench-files',
    role: 'station',
    name: 'Bench',
    site: 'Bench',
    specialty: null,
    exp: Math.floor(Date.now() / 1000) + 24 * 3600,
  });
  try {
    const dataDir = path.join(dir, 'station-files');
    const fileCount = Math.max(1, Math.round(MEGABYTES / FILE_MB));
    const plainDir = path.join(dir, 'plain-files');
    await made(dataDir, plainDir, fileCount);
    // The reference, before and after the push: the machine's load drifts.
    const hubCpuBefore = cpuMsOf(hub.process.pid);
    const plainBefore = await plainFromChild(hub.plainUrl, plainDir);
    const hubCpuPlainBefore = cpuMsOf(hub.process.pid);

    const { db, store } = openStationStorage(dataDir);
    let fileBytes = 0;
    let uploadSeconds = 0;
    const fileMs: number[] = [];
    const client = createFhirClient({ baseUrl: hub.fhirUrl, token: () => token });
    const worker = createPushWorker({
      ...pushRecords(db),
      client,
      attachments: store,
      upload: async (request) => {
        const start = performance.now();
        const done = await uploadFile({ ...request, endpoint: hub.uploadsUrl, token });
        uploadSeconds += (performance.now() - start) / 1000;
        fileMs.push(performance.now() - start);
        fileBytes += request.source.size;
        return done;
      },
      now: () => new Date(),
    });
    // The FHIR definitions load on first use, the hub's too: loaded before the baseline.
    loadFhirDefinitions();
    await fetch(`${hub.fhirUrl}/metadata`, { headers: { Authorization: `Bearer ${token}` } });
    const baseline = process.memoryUsage.rss();
    const buffersBaseline = process.memoryUsage().arrayBuffers;
    const hubBaseline = rssOf(hub.process.pid);
    let peak = baseline;
    let buffersPeak = buffersBaseline;
    let hubPeak = hubBaseline ?? 0;
    let samples = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
      // The buffers in flight, every 10th sample (reading them walks the heap's spaces).
      if (samples++ % 10 === 0) buffersPeak = Math.max(buffersPeak, process.memoryUsage().arrayBuffers);
      hubPeak = Math.max(hubPeak, rssOf(hub.process.pid) ?? 0);
    }, 10);
    const hubCpuPushStart = cpuMsOf(hub.process.pid);
    const cpuStart = process.cpuUsage();
    const pushStart = performance.now();
    for (;;) {
      const report = await worker.runOnce(2000);
      if (report.stoppedBy) throw new Error(report.stoppedBy);
      if (report.pushed === 0 && report.parked === 0 && report.conflicts === 0) break;
    }
    const pushSeconds = (performance.now() - pushStart) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const hubCpuPushEnd = cpuMsOf(hub.process.pid);
    clearInterval(sampler);
    const waiting = (db.prepare("SELECT count(*) AS n FROM outbox WHERE entity != 'audit'").get() as { n: number }).n;
    db.close();
    if (waiting > 0) throw new Error(`${waiting} records were not sent`);

    const plainAfter = await plainFromChild(hub.plainUrl, plainDir);
    const plainRate = (plainBefore.rate + plainAfter.rate) / 2;
    const files = fs.readdirSync(plainDir).map((name) => path.join(plainDir, name));
    const pushRate = mb(fileBytes) / pushSeconds;
    const tusRate = mb(fileBytes) / uploadSeconds;

    // The same comparison over a 100 Mbit/s link (20 of the files), where the network, not the
    // per-request costs of the loopback, sets the pace.
    const someFiles = files.slice(0, 20);
    const tusLink = await startThrottledLink(Number(new URL(hub.uploadsUrl).port));
    const plainLink = await startThrottledLink(Number(new URL(hub.plainUrl).port));
    const linkStart = performance.now();
    for (const file of someFiles) {
      await uploadFile({
        endpoint: `http://127.0.0.1:${tusLink.port}${new URL(hub.uploadsUrl).pathname}`,
        token,
        source: fileSource(file),
        sha256: path.basename(file),
        contentType: 'audio/wav',
      });
    }
    const linkBytes = someFiles.reduce((n, f) => n + fs.statSync(f).size, 0);
    const tusLinkRate = mb(linkBytes) / ((performance.now() - linkStart) / 1000);
    const plainLinkRate = await plainUploadRate(someFiles, `http://127.0.0.1:${plainLink.port}/`);
    await tusLink.close();
    await plainLink.close();

    // Resume: a 200 MB file stopped at half, then resumed from the server's offset.
    const big = path.join(dir, 'big.wav');
    const bigBytes = randomBytes(200 * 1024 * 1024);
    fs.writeFileSync(big, bigBytes);
    const bigSha = createHash('sha256').update(bigBytes).digest('hex');
    let url: string | null = null;
    const stop = new AbortController();
    await uploadFile({
      endpoint: hub.uploadsUrl,
      token,
      source: fileSource(big),
      sha256: bigSha,
      contentType: 'audio/wav',
      onUrl: (u) => (url = u),
      onProgress: (sent, total) => sent >= total / 2 && stop.abort(),
      signal: stop.signal,
    }).catch(() => {});
    const resumeStart = performance.now();
    let firstProgress = -1;
    await uploadFile({
      endpoint: hub.uploadsUrl,
      token,
      source: fileSource(big),
      sha256: bigSha,
      contentType: 'audio/wav',
      resumeUrl: url,
      onProgress: (sent) => firstProgress < 0 && (firstProgress = sent),
    });
    const resumeSeconds = (performance.now() - resumeStart) / 1000;

    const growth = mb(peak - baseline);
    const perMb = (from: number | null, to: number | null, bytes: number) =>
      from === null || to === null ? '?' : ((to - from) / mb(bytes)).toFixed(2);
    const hubGrowth = hubBaseline === null ? 'not measured' : `+${mb(hubPeak - hubBaseline).toFixed(0)} MB`;
    return [
      `\nFiles over loopback: ${files.length} sounds of ${FILE_MB} MB (${mb(fileBytes).toFixed(0)} MB), each in its act, pushed by the push worker`,
      `  plain HTTP PUT of the same bytes, same hub process   ${plainRate.toFixed(0)} MB/s (the reference: ${plainBefore.rate.toFixed(0)} before the push, ${plainAfter.rate.toFixed(0)} after)`,
      `  files by tus (sealed copy read, SHA-1 taken, hub checks SHA-256)  ${tusRate.toFixed(0)} MB/s; ratio ${(tusRate / plainRate).toFixed(2)} (target >= 0.80); per file: median ${percentile(fileMs, 0.5).toFixed(0)} ms, p90 ${percentile(fileMs, 0.9).toFixed(0)} ms, max ${Math.max(...fileMs).toFixed(0)} ms`,
      `  the whole push, with each act's records and Media (one PUT each)  ${pushRate.toFixed(0)} MB/s in ${pushSeconds.toFixed(1)} s; ratio ${(pushRate / plainRate).toFixed(2)}`,
      `  CPU per MB, station / hub: the whole push ${((cpu.user + cpu.system) / 1000 / mb(fileBytes)).toFixed(2)} / ${perMb(hubCpuPushStart, hubCpuPushEnd, fileBytes)} ms; the plain PUT ${plainBefore.cpuMsPerMb.toFixed(2)} / ${perMb(hubCpuBefore, hubCpuPlainBefore, fileBytes)} ms (less moved by the machine's load than the rates)`,
      `  station memory (RSS) while the files go out          ${mb(baseline).toFixed(0)} MB before, ${mb(peak).toFixed(0)} MB peak: +${growth.toFixed(0)} MB (target <= +64 MB); buffers in flight +${mb(buffersPeak - buffersBaseline).toFixed(0)} MB at most; the hub's RSS ${hubGrowth}`,
      `  the same over a 100 Mbit/s link (${someFiles.length} files)          tus ${tusLinkRate.toFixed(1)} MB/s, plain ${plainLinkRate.toFixed(1)} MB/s; ratio ${(tusLinkRate / plainLinkRate).toFixed(2)}`,
      `  200 MB file stopped at half, resumed                 from byte ${firstProgress} (${((100 * firstProgress) / bigBytes.length).toFixed(0)} %), done in ${resumeSeconds.toFixed(1)} s`,
    ];
  } finally {
    hub.process.kill('SIGTERM');
  }
}
