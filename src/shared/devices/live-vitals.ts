// The live measurements of a call (issue 21, point 2): the cart streams its oximeter (SpO2, pulse,
// pleth wave in batches) and each blood pressure, temperature or weight result to the expert, and
// the expert may ask the cart for a blood pressure. Pure: the messages' schemas, the pleth batcher
// and the staleness rule.
import { z } from 'zod';
import { VitalSchema } from '../acts/encounter';
import { VITAL_LIMITS } from '../acts/vital-limits';

/** At most this many pleth samples in one message: about 2 s at the oximeter's 60 Hz. */
export const PLETH_BATCH_MAX = 120;
/** How often the cart sends what the oximeter gave (ms): one message per batch, never per sample. */
export const PLETH_BATCH_MS = 200;
/** A figure received longer ago than this is shown as stale, never as live. */
export const STALE_AFTER_MS = 3000;

const limit = (range: { min: number; max: number }) => z.number().int().min(range.min).max(range.max);

export const LiveOximeterStatusSchema = z.enum([
  'measuring',
  'finger_out',
  'probe_error',
  'searching',
  'no_data',
  'no_device',
]);
export type LiveOximeterStatus = z.infer<typeof LiveOximeterStatusSchema>;

/** The results shown live: SpO2 and pulse come with the oximeter's own stream. */
const LiveResultSchema = VitalSchema.refine(
  (v) => v.code === 'blood_pressure' || v.code === 'body_temperature' || v.code === 'body_weight',
);

// SECURITY: parsed from the remote peer: every figure bounded by the station's own "possible"
// limits, every array and string bounded in length, no field beyond these (strict objects).
const OximeterMessageSchema = z.strictObject({
  type: z.literal('vitals.oximeter'),
  status: LiveOximeterStatusSchema,
  spo2: limit(VITAL_LIMITS.spo2.possible).nullable(),
  pulseRate: limit(VITAL_LIMITS.heart_rate.possible).nullable(),
  /** Pleth samples (0-127, the oximeter's scale) since the previous message, oldest first. */
  pleth: z.array(z.number().int().min(0).max(127)).max(PLETH_BATCH_MAX),
});

const ResultMessageSchema = z.strictObject({
  type: z.literal('vitals.result'),
  /** The result's own id: a result sent again (after a reconnection) is shown once. */
  id: z.string().min(1).max(100),
  vital: LiveResultSchema,
  takenAt: z.iso.datetime({ offset: true }),
  /** The device's name as the cart's nurse reads it; null when typed. */
  device: z.string().max(200).nullable(),
});

// SECURITY: a request starts nothing by itself: the nurse at the cart confirms (the patient must be
// ready), and the cart checks that a blood pressure monitor is there.
const BloodPressureRequestSchema = z.strictObject({ type: z.literal('vitals.bp.request') });

/** Cart -> expert: what became of her request. */
export const BloodPressureOutcomeSchema = z.enum(['no_device', 'asked', 'started', 'declined', 'failed']);
export type BloodPressureOutcome = z.infer<typeof BloodPressureOutcomeSchema>;
const BloodPressureAnswerSchema = z.strictObject({
  type: z.literal('vitals.bp.answer'),
  outcome: BloodPressureOutcomeSchema,
  reason: z.string().max(200).optional(),
});

/** Spread into the call's data-channel union (remote-control.ts). */
export const LiveVitalsMessageSchemas = [
  OximeterMessageSchema,
  ResultMessageSchema,
  BloodPressureRequestSchema,
  BloodPressureAnswerSchema,
] as const;
export const LiveVitalsMessageSchema = z.discriminatedUnion('type', [...LiveVitalsMessageSchemas]);
export type LiveVitalsMessage = z.infer<typeof LiveVitalsMessageSchema>;
export type LiveOximeterMessage = z.infer<typeof OximeterMessageSchema>;
export type LiveResultMessage = z.infer<typeof ResultMessageSchema>;

export interface SampleBatcher {
  /** Samples as the oximeter gave them; no copy of the whole buffer, no allocation per sample. */
  push(samples: readonly number[]): void;
  /** Everything pushed since the last take, in order, cut into batches of at most `batchMax`. */
  take(): number[][];
}

/**
 * The pleth samples waiting for the next message. When nothing takes them (the link is down) only
 * the newest `keepMax` are kept: an old wave is of no use live, and memory must not grow.
 */
export function createSampleBatcher(batchMax: number, keepMax = batchMax * 4): SampleBatcher {
  let waiting: number[] = [];
  return {
    push(samples) {
      for (const s of samples) waiting.push(s);
      if (waiting.length > keepMax) waiting = waiting.slice(-keepMax);
    },
    take() {
      const batches: number[][] = [];
      for (let i = 0; i < waiting.length; i += batchMax) batches.push(waiting.slice(i, i + batchMax));
      waiting = [];
      return batches;
    },
  };
}

/** Whether a figure received at `receivedAt` (ms) is too old to be shown as live at `now`. */
export function isStale(receivedAt: number | null, now: number): boolean {
  return receivedAt === null || now - receivedAt > STALE_AFTER_MS;
}
