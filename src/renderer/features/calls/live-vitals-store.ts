// The live measurements of the call as this side shows them: on the expert's side, the cart's
// oximeter (figures, pleth wave), its latest blood pressure, temperature and weight and what became
// of her blood pressure request; on the cart's side, the expert's request waiting for the nurse.
import { create } from 'zustand';
import type { Vital } from '../../../shared/acts/encounter';
import type {
  BloodPressureOutcome,
  LiveOximeterMessage,
  LiveOximeterStatus,
  LiveResultMessage,
} from '../../../shared/devices/live-vitals';

/** The wave on the expert's screen: six seconds at the oximeter's 60 Hz, as on the cart. */
export const LIVE_PLETH_WINDOW = 360;

export type LiveResultCode = 'blood_pressure' | 'body_temperature' | 'body_weight';
export const LIVE_RESULT_CODES: readonly LiveResultCode[] = ['blood_pressure', 'body_temperature', 'body_weight'];

export interface LiveResult {
  id: string;
  vital: Vital;
  takenAt: string;
  device: string | null;
}

/** Expert: the cart's oximeter as last heard, and when (this station's clock). */
export interface LiveOximeter {
  status: LiveOximeterStatus;
  spo2: number | null;
  pulseRate: number | null;
  receivedAt: number;
}

/** Cart: the expert's request as the nurse sees it. */
export interface BloodPressureRequest {
  from: string;
  state: 'asked' | 'measuring' | 'no_device' | 'failed';
  /** A simulated monitor measures on request; on a real one the nurse presses START. */
  simulated: boolean;
  problem: string | null;
}

export interface LiveVitalsState {
  oximeter: LiveOximeter | null;
  pleth: number[];
  results: Partial<Record<LiveResultCode, LiveResult>>;
  /** Expert: her request, sent ('sent') then answered by the cart. */
  bloodPressure: { outcome: BloodPressureOutcome | 'sent'; reason: string | null } | null;
  /** Cart: the expert's request, until it is measured or put off. */
  request: BloodPressureRequest | null;
}

const empty = (): LiveVitalsState => ({ oximeter: null, pleth: [], results: {}, bloodPressure: null, request: null });

export const useLiveVitals = create<LiveVitalsState>(empty);

export function resetLiveVitals(): void {
  useLiveVitals.setState(empty());
}

/** Expert: one batch of the cart's oximeter (about five a second: one store update each). */
export function receiveOximeter(m: LiveOximeterMessage, now = Date.now()): void {
  useLiveVitals.setState((s) => ({
    oximeter: { status: m.status, spo2: m.spo2, pulseRate: m.pulseRate, receivedAt: now },
    pleth: m.status === 'measuring' ? [...s.pleth, ...m.pleth].slice(-LIVE_PLETH_WINDOW) : [],
  }));
}

/** Expert: a result; the newest of each kind is shown, and one sent again changes nothing. */
export function receiveResult(m: LiveResultMessage): void {
  const code = m.vital.code as LiveResultCode;
  useLiveVitals.setState((s) => {
    const shown = s.results[code];
    if (shown && (shown.id === m.id || Date.parse(shown.takenAt) > Date.parse(m.takenAt))) return s;
    const result: LiveResult = { id: m.id, vital: m.vital, takenAt: m.takenAt, device: m.device };
    // The blood pressure she asked for has come: her request is answered.
    const answered = code === 'blood_pressure' && s.bloodPressure?.outcome !== 'no_device';
    return { results: { ...s.results, [code]: result }, ...(answered ? { bloodPressure: null } : {}) };
  });
}
