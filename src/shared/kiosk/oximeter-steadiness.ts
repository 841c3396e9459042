// Whether the oximeter's reading is steady enough to record, and what to tell the patient while it
// is not: a cabin has no nurse watching the curve, so the station waits for values that hold still
// for a few seconds (a moving finger or a probe still warming up gives values that wander) and
// records their median, never a single instantaneous number.
export interface TimedReading {
  spo2: number | null;
  pulseRate: number | null;
  status: 'measuring' | 'finger_out' | 'probe_error' | 'searching' | 'no_data';
  /** Milliseconds on any steady clock. */
  atMs: number;
}

export type Steadiness =
  | { kind: 'no_reading' }
  | { kind: 'place_finger' }
  | { kind: 'probe_error' }
  | { kind: 'searching' }
  /** Values are coming but have not held still long enough; progress 0..1 of the wait. */
  | { kind: 'hold_still'; progress: number }
  | { kind: 'steady'; spo2: number; pulseRate: number };

export interface SteadinessRules {
  /** How long values must stay within the spreads below (ms). */
  windowMs: number;
  /** Largest SpO2 spread (points) and pulse spread (/min) still called steady. */
  spo2Spread: number;
  pulseSpread: number;
  /** A reading older than this is no reading at all (the device went quiet). */
  staleMs: number;
}

export const DEFAULT_STEADINESS: SteadinessRules = { windowMs: 5_000, spo2Spread: 2, pulseSpread: 5, staleMs: 3_000 };

const spread = (values: number[]) => Math.max(...values) - Math.min(...values);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

/** Readings oldest first. */
export function assessSteadiness(
  readings: readonly TimedReading[],
  nowMs: number,
  rules: SteadinessRules = DEFAULT_STEADINESS,
): Steadiness {
  const latest = readings.at(-1);
  if (!latest || nowMs - latest.atMs > rules.staleMs || latest.status === 'no_data') return { kind: 'no_reading' };
  if (latest.status === 'finger_out') return { kind: 'place_finger' };
  if (latest.status === 'probe_error') return { kind: 'probe_error' };
  if (latest.status === 'searching' || latest.spo2 === null || latest.pulseRate === null) return { kind: 'searching' };

  // The longest run of measured values, ending now, that stays within the spreads.
  const spo2: number[] = [];
  const pulse: number[] = [];
  let since = latest.atMs;
  for (let i = readings.length - 1; i >= 0; i--) {
    const r = readings[i]!;
    if (r.status !== 'measuring' || r.spo2 === null || r.pulseRate === null) break;
    if (spread([...spo2, r.spo2]) > rules.spo2Spread || spread([...pulse, r.pulseRate]) > rules.pulseSpread) break;
    spo2.push(r.spo2);
    pulse.push(r.pulseRate);
    since = r.atMs;
  }
  const held = latest.atMs - since;
  if (held < rules.windowMs) return { kind: 'hold_still', progress: Math.max(0, Math.min(1, held / rules.windowMs)) };
  return { kind: 'steady', spo2: median(spo2), pulseRate: median(pulse) };
}
