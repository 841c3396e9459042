// The cart's side of the live measurements: while the call's link is open, the oximeter's figures
// and pleth samples go to the expert in batches (one message every PLETH_BATCH_MS, or at once when
// a figure changes; never one per sample, nothing awaited and no store updated on the way: the
// expert's steering shares the channel), and each result (blood pressure, temperature, weight) as the act records it or as the
// monitor gives it after her request, which the nurse confirms first.
import type { DeviceInfo, OximeterReading } from '../../../shared/devices/devices';
import {
  createSampleBatcher,
  PLETH_BATCH_MAX,
  PLETH_BATCH_MS,
  type LiveOximeterStatus,
  type LiveResultMessage,
} from '../../../shared/devices/live-vitals';
import type { RemoteMessage } from '../../../shared/devices/remote-control';
import { relais } from '../../api';
import { useDevices } from '../../ui/devices-store';
import { useLiveVitals } from './live-vitals-store';

type Send = (message: RemoteMessage) => boolean;

/** A reading older than this: the oximeter stopped talking; the expert is told so. */
const READING_SILENT_MS = 2000;
/** How often the cart repeats "no oximeter" (it changes nothing between two). */
const ABSENT_EVERY_MS = 1000;
/** How often the monitor is read after a measurement was started, and for how long at most. */
const MONITOR_POLL_MS = 1000;
const MONITOR_WAIT_MS = 3 * 60_000;

let send: Send | null = null;
let offReading: (() => void) | null = null;
let flushTimer: ReturnType<typeof setInterval> | null = null;
let pollTimer: ReturnType<typeof setInterval> | null = null;
let latest: { reading: OximeterReading; at: number } | null = null;
let absentSentAt = 0;
const batcher = createSampleBatcher(PLETH_BATCH_MAX);
/** The act's results and the monitor's, by id: all sent again when the link opens again. */
const results = new Map<string, LiveResultMessage>();

const whole = (n: number | null, min: number, max: number) =>
  n !== null && Number.isInteger(n) && n >= min && n <= max ? n : null;
const sample = (n: number) => Math.max(0, Math.min(127, Math.round(n)));

function oximeterConnected(): boolean {
  return Boolean(useDevices.getState().devices?.some((d) => d.kind === 'oximeter' && d.state === 'connected'));
}

function flush(): void {
  if (!send) return;
  const now = Date.now();
  if (latest && now - latest.at <= READING_SILENT_MS) {
    const { reading } = latest;
    const measuring = reading.status === 'measuring';
    // A figure the device gives out of the possible range is no figure: sent as none.
    const figures = {
      spo2: measuring ? whole(reading.spo2, 0, 100) : null,
      pulseRate: measuring ? whole(reading.pulseRate, 1, 600) : null,
    };
    const batches = batcher.take();
    for (const pleth of batches.length > 0 ? batches : [[]])
      send({ type: 'vitals.oximeter', status: reading.status, ...figures, pleth: pleth.map(sample) });
    return;
  }
  if (now - absentSentAt < ABSENT_EVERY_MS) return;
  absentSentAt = now;
  const status: LiveOximeterStatus = oximeterConnected() ? 'no_data' : 'no_device';
  batcher.take();
  send({ type: 'vitals.oximeter', status, spo2: null, pulseRate: null, pleth: [] });
}

/** Cart: the link opened (again): the stream starts, and the results known so far go again. */
export function cartLinkOpened(sender: Send): void {
  send = sender;
  if (!useDevices.getState().devices) void useDevices.getState().load();
  if (!offReading)
    offReading = relais.on('oximeter.reading', (reading) => {
      // One oximeter streams: the first heard, unless it went silent.
      if (latest && latest.reading.deviceId !== reading.deviceId && Date.now() - latest.at <= READING_SILENT_MS) return;
      const before = latest?.reading;
      latest = { reading, at: Date.now() };
      batcher.push(reading.pleth);
      // A figure that changes goes at once (about ten readings a second at most), with the wave so far:
      // waiting for the timer could lose a value the cart's own screen showed.
      const changed =
        before?.status !== reading.status || before.spo2 !== reading.spo2 || before.pulseRate !== reading.pulseRate;
      if (changed) flush();
    });
  if (!flushTimer) flushTimer = setInterval(flush, PLETH_BATCH_MS);
  for (const result of results.values()) send(result);
}

export function cartCallEnded(): void {
  send = null;
  offReading?.();
  offReading = null;
  if (flushTimer) clearInterval(flushTimer);
  if (pollTimer) clearInterval(pollTimer);
  flushTimer = pollTimer = null;
  latest = null;
  absentSentAt = 0;
  batcher.take();
  results.clear();
}

/** Cart: a result to show the expert (the act's, or the monitor's); one already sent is not sent again. */
export function shareResult(result: LiveResultMessage): void {
  if (results.has(result.id)) return;
  results.set(result.id, result);
  send?.(result);
}

async function bloodPressureMonitor(): Promise<DeviceInfo | null> {
  const devices = await relais.invoke('devices.list', {});
  if (!devices.ok) return null;
  return devices.value.find((d) => d.kind === 'blood_pressure' && d.state === 'connected') ?? null;
}

const answer = (outcome: 'no_device' | 'asked' | 'started' | 'declined' | 'failed', reason?: string) =>
  send?.({ type: 'vitals.bp.answer', outcome, ...(reason ? { reason: reason.slice(0, 200) } : {}) });

/** Cart: the expert asks for a blood pressure. Without a monitor she is told so at once; else the
 * nurse sees her request and starts the measurement when the patient is ready. */
export async function onBloodPressureRequest(from: string): Promise<void> {
  const monitor = await bloodPressureMonitor();
  if (!monitor) {
    answer('no_device');
    return;
  }
  useLiveVitals.setState({ request: { from, state: 'asked', simulated: monitor.simulated, problem: null } });
  answer('asked');
}

/** Cart: the nurse puts the request off (the patient is not ready). */
export function declineBloodPressure(): void {
  answer('declined');
  useLiveVitals.setState({ request: null });
}

const sameReading = (a: { takenAt: string; systolic: number } | null, b: { takenAt: string; systolic: number }) =>
  a !== null && a.takenAt === b.takenAt && a.systolic === b.systolic;

/** Cart: the nurse starts the measurement the expert asked for; the cuff starts only if a monitor is there. */
export async function startBloodPressure(): Promise<void> {
  const request = useLiveVitals.getState().request;
  if (!request) return;
  const set = (change: Partial<typeof request>) => useLiveVitals.setState({ request: { ...request, ...change } });
  const monitor = await bloodPressureMonitor();
  if (!monitor) {
    answer('no_device');
    return set({ state: 'no_device' });
  }
  const before = await relais.invoke('bloodPressure.latest', { deviceId: monitor.id });
  const previous = before.ok ? before.value : null;
  if (monitor.simulated) {
    const started = await relais.invoke('bloodPressure.simulateMeasurement', { deviceId: monitor.id });
    if (!started.ok) {
      answer('failed', started.error.message);
      return set({ state: 'failed', problem: started.error.message });
    }
  }
  set({ state: 'measuring', simulated: monitor.simulated });
  answer('started');
  const startedAt = Date.now();
  if (pollTimer) clearInterval(pollTimer);
  pollTimer = setInterval(() => {
    void relais.invoke('bloodPressure.latest', { deviceId: monitor.id }).then((r) => {
      const reading = r.ok ? r.value : null;
      if (reading && !sameReading(previous, reading)) {
        if (pollTimer) clearInterval(pollTimer);
        pollTimer = null;
        useLiveVitals.setState({ request: null });
        const vital = {
          code: 'blood_pressure' as const,
          systolic: reading.systolic,
          diastolic: reading.diastolic,
          unit: 'mm[Hg]' as const,
        };
        shareResult({
          type: 'vitals.result',
          id: `${monitor.id}-${reading.takenAt}-${reading.systolic}-${reading.diastolic}`.slice(0, 100),
          vital,
          // The monitor's clock, read as the station's local time; unreadable: when it reached the station.
          takenAt: new Date(Number.isNaN(Date.parse(reading.takenAt)) ? Date.now() : reading.takenAt).toISOString(),
          device: monitor.label.slice(0, 200),
        });
      } else if (Date.now() - startedAt > MONITOR_WAIT_MS) {
        if (pollTimer) clearInterval(pollTimer);
        pollTimer = null;
        answer('failed', 'no reading from the monitor');
        set({ state: 'failed', problem: null });
      }
    });
  }, MONITOR_POLL_MS);
}
