// npm run bench -- hub-scale: one hub process and 5,000 simulated stations and experts (plain
// WebSocket clients in one child process; one expert for nine stations), presence kept fresh
// (every peer says its availability again every 20 s, 20 experts change theirs every second),
// then 200 calls set up at once (ring, answer, offer, answer, 10 ICE candidates each way) and a
// signal echoed 20 times through each. Prints, beside the target (p99 < 100 ms at 5,000
// connections) and the same run's reference (the same calls and round trips with 10 connections,
// on the same hub before the 5,000 arrive):
// - signaling round trip p50 / p99 (caller -> hub -> callee -> hub -> caller);
// - presence propagation p99 (an expert's change to an observing station; the hub coalesces
//   presence in a 500 ms window, so that window is its bound);
// - memory per connection (the hub's RSS after a full GC, before and after the 5,000, divided);
// - the hub's CPU while the calls are set up and signal.
// RELAIS_BENCH_CONNECTIONS (5000) scales it down for a quick look. File descriptors: the hub and
// the peers each hold one per connection; the bench checks the soft limit (`ulimit -n`) and says
// if it is too low rather than raising it behind anyone's back.
// Then the same round trips across two hub processes sharing signaling through Debian's
// redis-server, which the bench starts on a free port (issue 23: how the region runs more hubs).
// RELAIS_BENCH_CPU_PROF=<dir>: the hub runs with node --cpu-prof and writes its profile there.
import { execSync, fork, spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { bench, describe } from 'vitest';

const CONNECTIONS = Number(process.env.RELAIS_BENCH_CONNECTIONS ?? 5000);
const CALLS = Math.min(200, Math.floor(CONNECTIONS / 10));
const REFERENCE = 10;
const SECRET = 'bench-hub-scale-secret';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const ms = (v: number) => `${v.toFixed(1)} ms`;
const pct = (values: number[]) => `${ms(percentile(values, 50))} / ${ms(percentile(values, 99))}`;

function child(file: string, execArgv: string[] = [], env: Record<string, string> = {}): ChildProcess {
  return fork(path.resolve('bench', file), [], {
    execArgv: ['--import', 'tsx', ...execArgv],
    env: { ...process.env, SECRET, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

function firstMessage<T>(process: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    process.once('message', (m) => resolve(m as T));
    process.once('exit', (code) => reject(new Error(`${process.spawnfile} exited (${code})`)));
  });
}

/** Sends one command to the peers' process and waits for its answer. */
function commander(peers: ChildProcess) {
  let next = 0;
  return <T>(command: string, args: Record<string, unknown> = {}): Promise<T> => {
    const id = next++;
    return new Promise((resolve, reject) => {
      const listen = (m: { id?: number; result?: T; error?: string }) => {
        if (m.id !== id) return;
        peers.off('message', listen);
        if (m.error) reject(new Error(m.error));
        else resolve(m.result as T);
      };
      peers.on('message', listen);
      peers.send({ id, command, ...args });
    });
  };
}

interface Stats {
  rss: number;
  heapUsed: number;
  cpu: NodeJS.CpuUsage;
  /** The hub's event-loop delay p99 since the previous stats (ms). */
  delayP99Ms: number;
}
interface CallFigures {
  incoming: number[];
  accepted: number[];
  signaled: number[];
  rtt: number[];
}

async function run(): Promise<void> {
  const softLimit = Number(execSync('ulimit -n', { shell: '/bin/sh' }).toString().trim());
  if (softLimit < CONNECTIONS + 200)
    throw new Error(
      `${CONNECTIONS} connections need ${CONNECTIONS + 200} file descriptors per process; the soft limit is ${softLimit} (ulimit -n).`,
    );
  const profile = process.env.RELAIS_BENCH_CPU_PROF;
  const hub = child('hub-scale-hub.ts', [
    '--expose-gc',
    ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
  ]);
  const peers = child('hub-scale-peers.ts');
  try {
    const { url } = await firstMessage<{ url: string }>(hub);
    await firstMessage(peers);
    const command = commander(peers);
    const stats = () => {
      const answer = firstMessage<Stats>(hub);
      hub.send('stats');
      return answer;
    };
    const loadAverage = execSync('cat /proc/loadavg').toString().split(' ').slice(0, 3).join(' ');

    // Reference: the same calls and round trips on the same hub with 10 connections.
    await command('connect', { url, group: 'ref', count: REFERENCE });
    const reference = await command<CallFigures>('calls', {
      group: 'ref',
      count: REFERENCE,
      pairs: 1,
      rounds: 200,
      spacingMs: 5,
    });
    await command('hangup');
    const before = await stats();

    const connect = await command<{ ms: number }>('connect', { url, group: 'scale', count: CONNECTIONS });
    const connected = await stats();
    const fresh = await command<{ delays: number[]; expected: number }>('presence', {
      group: 'scale',
      count: CONNECTIONS,
      everyMs: 20_000,
      seconds: 10,
      togglers: 20,
      observers: 50,
    });
    const beforeCalls = await stats();
    const peersBefore = await command<NodeJS.CpuUsage>('cpu');
    const started = performance.now();
    const scale = await command<CallFigures>('calls', {
      group: 'scale',
      count: CONNECTIONS,
      pairs: CALLS,
      rounds: 20,
      spacingMs: 50,
    });
    const elapsed = performance.now() - started;
    const afterCalls = await stats();
    const peersAfter = await command<NodeJS.CpuUsage>('cpu');
    await command('hangup');
    await command('close');
    hub.send('stop'); // the 5,000's hub makes room for the two of the next figure
    await new Promise((r) => hub.once('exit', r));
    const across = await acrossHubs(command);

    const cpuMs = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user + b.system - a.user - a.system) / 1000;
    const perConnection = (connected.rss - before.rss) / CONNECTIONS / 1024;
    const label = (s: string) => `  ${s.padEnd(74)}`;
    const ratio = percentile(scale.rtt, 99) / percentile(reference.rtt, 99);
    const lines = [
      `\nHub at regional scale: ${CONNECTIONS} connections (${CONNECTIONS / 10} experts), ${CALLS} calls at once, ` +
        `one hub process (load average at start ${loadAverage}, 2 cores shared)`,
      `${label(`signaling round trip p50 / p99, ${CALLS} calls x 20, ${CONNECTIONS} connections`)}${pct(scale.rtt).padEnd(22)} target: p99 < 100 ms`,
      `${label(`  reference: 1 call x 200, ${REFERENCE} connections, same hub, same run`)}${pct(reference.rtt).padEnd(22)} ratio at p99: ${ratio.toFixed(1)}`,
      `${label(`ring -> call.incoming at the callee p50 / p99 (${CALLS} rung at once)`)}${pct(scale.incoming)}   reference ${pct(reference.incoming)}`,
      `${label('accept -> call.accepted at the caller p50 / p99')}${pct(scale.accepted)}   reference ${pct(reference.accepted)}`,
      `${label('offer, answer and 10 candidates each way relayed, p50 / p99')}${pct(scale.signaled)}   reference ${pct(reference.signaled)}`,
      `${label(`presence propagation p50 / p99 (${fresh.delays.length} of ${fresh.expected} changes seen)`)}${pct(fresh.delays).padEnd(22)} bound: the 500 ms presence window`,
      `${label('memory per connection (hub RSS after GC, delta / connections)')}${perConnection.toFixed(1)} KiB (RSS ${(before.rss / 2 ** 20).toFixed(0)} -> ${(connected.rss / 2 ** 20).toFixed(0)} MiB)`,
      `${label("  the same from the hub's heap used after GC")}${((connected.heapUsed - before.heapUsed) / CONNECTIONS / 1024).toFixed(1)} KiB (${(before.heapUsed / 2 ** 20).toFixed(0)} -> ${(connected.heapUsed / 2 ** 20).toFixed(0)} MiB)`,
      `${label(`hub CPU: connecting ${CONNECTIONS} (${(connect.ms / 1000).toFixed(1)} s)`)}${((cpuMs(before.cpu, connected.cpu) / connect.ms) * 100).toFixed(0)} % of a core`,
      `${label('hub CPU: presence kept fresh (10 s)')}${((cpuMs(connected.cpu, beforeCalls.cpu) / 11_500) * 100).toFixed(0)} % of a core`,
      `${label(`hub CPU: ${CALLS} calls set up and signaling (${(elapsed / 1000).toFixed(1)} s)`)}${((cpuMs(beforeCalls.cpu, afterCalls.cpu) / elapsed) * 100).toFixed(0)} % of a core`,
      `${label(`  the peers' process (${CONNECTIONS} clients, same 2 cores) meanwhile`)}${((cpuMs(peersBefore, peersAfter) / elapsed) * 100).toFixed(0)} % of a core`,
      `${label('hub event-loop delay p99: connecting / presence / calls')}${[connected, beforeCalls, afterCalls].map((s) => ms(s.delayP99Ms)).join(' / ')}`,
      `${label('across two hubs via Redis: round trip p50 / p99, 2 calls x 200, 20 peers')}${pct(across.rtt).padEnd(22)} ratio at p99 to the reference: ${(percentile(across.rtt, 99) / percentile(reference.rtt, 99)).toFixed(1)}`,
      `${label('  ring -> call.incoming on the other hub')}${pct(across.incoming)}`,
      `  File descriptors: soft limit ${softLimit}, not raised (each process needs about ${CONNECTIONS}).`,
    ];
    console.log(lines.join('\n'));
  } finally {
    peers.kill();
    if (hub.exitCode === null) {
      hub.send('stop');
      await new Promise((r) => hub.once('exit', r));
    }
  }
}

/**
 * Two hub processes sharing presence and signaling through Debian's redis-server (started here on
 * a free port, nothing saved, killed at the end): 18 stations on hub A, 2 experts on hub B, and the
 * reference's calls and round trips between them.
 */
async function acrossHubs(command: ReturnType<typeof commander>): Promise<CallFigures> {
  const port = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  const redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const hubs: ChildProcess[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      redis.stdout.on('data', (d: Buffer) => d.toString().includes('Ready to accept') && resolve());
      redis.once('error', reject);
    });
    const env = { RELAIS_HUB_REDIS_URL: `redis://127.0.0.1:${port}` };
    hubs.push(child('hub-scale-hub.ts', [], env), child('hub-scale-hub.ts', [], env));
    const [a, b] = await Promise.all(hubs.map((h) => firstMessage<{ url: string }>(h)));
    await command('connect', { url: a!.url, expertUrl: b!.url, group: 'across', count: 20 });
    await new Promise((r) => setTimeout(r, 1000)); // presence crosses to the other hub
    const figures = await command<CallFigures>('calls', {
      group: 'across',
      count: 20,
      pairs: 2,
      rounds: 200,
      spacingMs: 5,
    });
    await command('hangup');
    await command('close');
    return figures;
  } finally {
    for (const h of hubs) h.kill();
    redis.kill('SIGKILL');
  }
}

describe('hub-scale', () => {
  bench('one hub, 5,000 stations and experts, 200 calls at once', run, {
    iterations: 1,
    warmupIterations: 0,
    time: 0,
    warmupTime: 0,
  });
});
