// A CMS50D+ on a serial transport: v2 firmware is started and kept streaming with a keep-alive
// every second; a watchdog says "no data" when frames stop (probe off, device asleep).
import type { Transport } from '../transport/transport';
import { Listeners } from '../transport/transport';
import { createCms50dDecoder, V2_KEEP_ALIVE, V2_START, V2_STOP, type Cms50dSample, type Generation } from './codec';

export type OximeterStatus = 'measuring' | 'finger_out' | 'probe_error' | 'searching' | 'no_data';

export interface OximeterReadingSample {
  spo2: number | null;
  pulseRate: number | null;
  pleth: number;
  status: OximeterStatus;
}

export function statusOf(sample: Cms50dSample): OximeterStatus {
  if (sample.probeError) return 'probe_error';
  if (sample.fingerOut) return 'finger_out';
  if (sample.searching || sample.spo2 === null || sample.pulseRate === null) return 'searching';
  return 'measuring';
}

export interface Cms50dDriverOptions {
  transport: Transport;
  generation: Generation;
  keepAliveMs?: number;
  watchdogMs?: number;
}

export function createCms50dDriver({
  transport,
  generation,
  keepAliveMs = 1_000,
  watchdogMs = 2_000,
}: Cms50dDriverOptions) {
  const decoder = createCms50dDecoder(generation);
  const samples = new Listeners<[OximeterReadingSample]>();
  let keepAlive: ReturnType<typeof setInterval> | null = null;
  let watchdog: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const send = (bytes: Uint8Array) => void transport.write(bytes).catch(() => {}); // the link state says why
  const armWatchdog = () => {
    if (watchdog) clearTimeout(watchdog);
    watchdog = setTimeout(() => samples.emit({ spo2: null, pulseRate: null, pleth: 0, status: 'no_data' }), watchdogMs);
  };
  const start = () => {
    armWatchdog();
    if (generation !== 'v2') return;
    send(V2_START);
    if (keepAlive) clearInterval(keepAlive);
    keepAlive = setInterval(() => send(V2_KEEP_ALIVE), keepAliveMs);
  };
  const pause = () => {
    if (keepAlive) clearInterval(keepAlive);
    keepAlive = null;
  };

  transport.onData((chunk) => {
    const decoded = decoder.push(chunk);
    if (decoded.length === 0) return;
    armWatchdog();
    for (const sample of decoded)
      samples.emit({ spo2: sample.spo2, pulseRate: sample.pulseRate, pleth: sample.pleth, status: statusOf(sample) });
  });
  transport.onState((state) => {
    if (closed) return;
    if (state === 'connected') start();
    else pause();
  });
  if (transport.state() === 'connected') start();

  return {
    onSample: (listener: (sample: OximeterReadingSample) => void) => samples.add(listener),
    async close(): Promise<void> {
      closed = true;
      pause();
      if (watchdog) clearTimeout(watchdog);
      if (generation === 'v2' && transport.state() === 'connected') await transport.write(V2_STOP).catch(() => {});
    },
  };
}
