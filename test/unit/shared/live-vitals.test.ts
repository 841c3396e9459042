// The live measurements sent from the cart to the expert over the call's data channel (issue 21,
// point 2): parsed from a remote peer, so garbage is refused (out-of-range figures, oversized pleth
// batches, wrong types), real batches pass; and the batcher hands the pleth samples on in their
// order, none dropped, none twice.
import { describe, expect, it } from 'vitest';
import {
  createSampleBatcher,
  isStale,
  LiveVitalsMessageSchema,
  PLETH_BATCH_MAX,
  STALE_AFTER_MS,
} from '../../../src/shared/devices/live-vitals';
import { RemoteMessageSchema } from '../../../src/shared/devices/remote-control';

const oximeter = (over: Record<string, unknown> = {}) => ({
  type: 'vitals.oximeter',
  status: 'measuring',
  spo2: 97,
  pulseRate: 72,
  pleth: [12, 40, 88, 127, 90, 41, 0],
  ...over,
});
const ok = (m: unknown) => LiveVitalsMessageSchema.safeParse(m).success;

describe('live vitals messages', () => {
  it('accepts a real oximeter batch, a no-oximeter state, a result, a request and its answers', () => {
    expect(ok(oximeter())).toBe(true);
    expect(ok(oximeter({ pleth: Array.from({ length: PLETH_BATCH_MAX }, (_, i) => i % 128) }))).toBe(true);
    expect(ok(oximeter({ status: 'no_device', spo2: null, pulseRate: null, pleth: [] }))).toBe(true);
    expect(ok(oximeter({ status: 'finger_out', spo2: null, pulseRate: null }))).toBe(true);
    const bp = { code: 'blood_pressure', systolic: 128, diastolic: 82, unit: 'mm[Hg]' };
    expect(
      ok({ type: 'vitals.result', id: 'obs-1', vital: bp, takenAt: '2026-12-07T05:40:00.000Z', device: 'Omron' }),
    ).toBe(true);
    const temp = { code: 'body_temperature', value: 37.8, unit: 'Cel' };
    expect(ok({ type: 'vitals.result', id: 'obs-2', vital: temp, takenAt: '2026-12-07T05:40:00Z', device: null })).toBe(
      true,
    );
    expect(ok({ type: 'vitals.bp.request' })).toBe(true);
    for (const outcome of ['no_device', 'asked', 'started', 'declined', 'failed'])
      expect(ok({ type: 'vitals.bp.answer', outcome })).toBe(true);
    // They are messages of the call's data channel.
    expect(RemoteMessageSchema.safeParse(oximeter()).success).toBe(true);
    expect(RemoteMessageSchema.safeParse({ type: 'vitals.bp.request' }).success).toBe(true);
  });

  it('refuses figures out of their physiological ranges', () => {
    expect(ok(oximeter({ spo2: 101 }))).toBe(false);
    expect(ok(oximeter({ spo2: -1 }))).toBe(false);
    expect(ok(oximeter({ pulseRate: 0 }))).toBe(false);
    expect(ok(oximeter({ pulseRate: 601 }))).toBe(false);
    expect(ok(oximeter({ pleth: [12, 128] }))).toBe(false);
    expect(ok(oximeter({ pleth: [12, -3] }))).toBe(false);
    const result = (vital: unknown) => ({
      type: 'vitals.result',
      id: 'x',
      vital,
      takenAt: '2026-12-07T05:40:00Z',
      device: null,
    });
    expect(ok(result({ code: 'body_temperature', value: 60, unit: 'Cel' }))).toBe(false);
    expect(ok(result({ code: 'body_weight', value: 9000, unit: 'kg' }))).toBe(false);
    expect(ok(result({ code: 'blood_pressure', systolic: 400, diastolic: 80, unit: 'mm[Hg]' }))).toBe(false);
    expect(ok(result({ code: 'blood_pressure', systolic: 80, diastolic: 120, unit: 'mm[Hg]' }))).toBe(false);
    // Only the results the expert is shown live: SpO2 comes with the oximeter's stream.
    expect(ok(result({ code: 'spo2', value: 97, unit: '%' }))).toBe(false);
  });

  it('refuses oversized batches and long strings', () => {
    expect(ok(oximeter({ pleth: Array.from({ length: PLETH_BATCH_MAX + 1 }, () => 64) }))).toBe(false);
    const bp = { code: 'blood_pressure', systolic: 128, diastolic: 82, unit: 'mm[Hg]' };
    expect(
      ok({ type: 'vitals.result', id: 'x'.repeat(101), vital: bp, takenAt: '2026-12-07T05:40:00Z', device: null }),
    ).toBe(false);
    expect(
      ok({ type: 'vitals.result', id: 'x', vital: bp, takenAt: '2026-12-07T05:40:00Z', device: 'd'.repeat(201) }),
    ).toBe(false);
    expect(ok({ type: 'vitals.bp.answer', outcome: 'failed', reason: 'r'.repeat(201) })).toBe(false);
  });

  it('refuses wrong types and unknown fields', () => {
    expect(ok(oximeter({ spo2: '97' }))).toBe(false);
    expect(ok(oximeter({ spo2: 97.5 }))).toBe(false);
    expect(ok(oximeter({ spo2: Number.NaN }))).toBe(false);
    expect(ok(oximeter({ pleth: 'abc' }))).toBe(false);
    expect(ok(oximeter({ pleth: [1, null, 3] }))).toBe(false);
    expect(ok(oximeter({ status: 'on_fire' }))).toBe(false);
    expect(ok(oximeter({ extra: true }))).toBe(false);
    expect(ok({ type: 'vitals.bp.request', by: 'someone' })).toBe(false);
    expect(ok({ type: 'vitals.bp.answer', outcome: 'exploded' })).toBe(false);
    expect(ok({ type: 'vitals.result', id: 'x', vital: 'high', takenAt: 'yesterday', device: null })).toBe(false);
    expect(ok(null)).toBe(false);
    expect(ok('vitals.oximeter')).toBe(false);
  });
});

describe('the pleth batcher', () => {
  it('hands the samples on in their order, none dropped and none twice', () => {
    const batcher = createSampleBatcher(PLETH_BATCH_MAX);
    const sent: number[] = [];
    let next = 0;
    // Readings of 1 to 9 samples, taken every few readings, as the cart's 200 ms timer does.
    for (let reading = 0; reading < 200; reading++) {
      batcher.push(Array.from({ length: (reading % 9) + 1 }, () => next++ % 128));
      if (reading % 4 === 3) for (const batch of batcher.take()) sent.push(...batch);
    }
    for (const batch of batcher.take()) sent.push(...batch);
    expect(sent).toEqual(Array.from({ length: next }, (_, i) => i % 128));
    expect(batcher.take()).toEqual([]);
  });

  it('splits what piled up beyond one batch into several, each within the limit', () => {
    const batcher = createSampleBatcher(PLETH_BATCH_MAX);
    const samples = Array.from({ length: PLETH_BATCH_MAX * 2 + 5 }, (_, i) => i % 128);
    batcher.push(samples);
    const batches = batcher.take();
    expect(batches.map((b) => b.length)).toEqual([PLETH_BATCH_MAX, PLETH_BATCH_MAX, 5]);
    expect(batches.flat()).toEqual(samples);
    for (const b of batches) expect(ok(oximeter({ pleth: b }))).toBe(true);
  });

  it('keeps at most a few seconds when nothing takes them (the link is down): the oldest go first', () => {
    const batcher = createSampleBatcher(10, 25);
    batcher.push(Array.from({ length: 40 }, (_, i) => i));
    expect(batcher.take().flat()).toEqual(Array.from({ length: 25 }, (_, i) => i + 15));
  });
});

describe('staleness', () => {
  it('a figure older than the delay is stale', () => {
    expect(isStale(10_000, 10_000 + STALE_AFTER_MS)).toBe(false);
    expect(isStale(10_000, 10_001 + STALE_AFTER_MS)).toBe(true);
    expect(isStale(null, 10_000)).toBe(true);
  });
});
