// The hub of `npm run bench -- hub-scale`, alone in its process so that its memory and CPU are its
// own. Started by bench/hub-scale.bench.ts with an IPC channel: it sends {url} once listening,
// then answers each 'stats' with its RSS (after a full GC, so that the figure is what the
// connections hold, not garbage) and its CPU time since start.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startHub } from '../src/hub/server';

// RELAIS_HUB_REDIS_URL (optional): the hub joins the region's other hubs through that Redis.
const { SECRET, RELAIS_HUB_REDIS_URL } = process.env;
if (!SECRET || !process.send) throw new Error('SECRET and an IPC channel are required');
const reply = (message: unknown) => process.send!(message);

const hub = await startHub({
  secret: SECRET,
  turnSecret: 'bench-turn-secret',
  turnUrls: [],
  offers: [],
  ...(RELAIS_HUB_REDIS_URL ? { redisUrl: RELAIS_HUB_REDIS_URL } : {}),
  // The 5,000 identities each connect once: the per-identity limits stay as in service.
  log: (event, detail) => {
    if (event !== 'hub.upgrade_refused' && !event.startsWith('hub.cluster')) return;
    process.stderr.write(`${JSON.stringify({ event, ...detail })}\n`);
  },
});
reply({ url: hub.url });

// How long a message may wait for the hub's event loop: the hub's own share of a delay.
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();

process.on('message', (message: string) => {
  if (message === 'stats') {
    const delayP99Ms = loopDelay.percentile(99) / 1e6;
    loopDelay.reset();
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    reply({ rss, heapUsed, cpu: process.cpuUsage(), delayP99Ms });
  }
  if (message === 'stop') void hub.close().then(() => process.exit(0));
});
