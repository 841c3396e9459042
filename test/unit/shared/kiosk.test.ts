// The cabin's pure rules: when an oximeter reading is steady enough to record, and what a Carte
// Vitale number tells (and does not tell) about the patient.
import { describe, expect, it } from 'vitest';
import { readCarteVitaleNumber } from '../../../src/shared/kiosk/carte-vitale';
import { assessSteadiness, type TimedReading } from '../../../src/shared/kiosk/oximeter-steadiness';
import { insKey } from '../../../src/shared/patients/ins';

const measuring = (atMs: number, spo2: number, pulseRate: number): TimedReading => ({
  atMs,
  spo2,
  pulseRate,
  status: 'measuring',
});
/** One reading a second, from t=0, with the values given. */
const series = (values: [number, number][]) => values.map(([spo2, pulse], i) => measuring(i * 1000, spo2, pulse));

describe('oximeter steadiness', () => {
  it('asks for the finger when the probe reports it out', () => {
    expect(assessSteadiness([{ atMs: 0, spo2: null, pulseRate: null, status: 'finger_out' }], 100)).toEqual({
      kind: 'place_finger',
    });
  });

  it('says there is no reading when the device went quiet', () => {
    expect(assessSteadiness(series([[97, 70]]), 10_000)).toEqual({ kind: 'no_reading' });
    expect(assessSteadiness([], 0)).toEqual({ kind: 'no_reading' });
  });

  it('waits while the probe searches for a pulse', () => {
    expect(assessSteadiness([{ atMs: 0, spo2: null, pulseRate: null, status: 'searching' }], 0)).toEqual({
      kind: 'searching',
    });
  });

  it('asks to hold still until values have held for the whole window, with the progress', () => {
    const readings = series([
      [97, 70],
      [97, 71],
      [98, 70],
    ]);
    expect(assessSteadiness(readings, 2000)).toEqual({ kind: 'hold_still', progress: 0.4 });
  });

  it('records the median once values held for five seconds', () => {
    const readings = series([
      [97, 70],
      [97, 71],
      [98, 72],
      [97, 70],
      [96, 71],
      [97, 73],
    ]);
    expect(assessSteadiness(readings, 5000)).toEqual({ kind: 'steady', spo2: 97, pulseRate: 71 });
  });

  it('starts the wait again when a value jumps (a moving finger)', () => {
    const readings = series([
      [97, 70],
      [97, 70],
      [97, 70],
      [97, 70],
      [91, 70],
      [97, 70],
      [97, 71],
    ]);
    // The jump at t=4 s breaks the run: only t=5..6 s count.
    expect(assessSteadiness(readings, 6000)).toEqual({ kind: 'hold_still', progress: 0.2 });
    const pulseJump = series([
      [97, 70],
      [97, 70],
      [97, 70],
      [97, 70],
      [97, 70],
      [97, 95],
    ]);
    expect(assessSteadiness(pulseJump, 5000)).toEqual({ kind: 'hold_still', progress: 0 });
  });

  it('does not count readings from before the finger was taken out', () => {
    const readings = [
      ...series([
        [97, 70],
        [97, 70],
        [97, 70],
        [97, 70],
      ]),
      { atMs: 4000, spo2: null, pulseRate: null, status: 'finger_out' as const },
      measuring(5000, 97, 70),
      measuring(6000, 97, 70),
    ];
    expect(assessSteadiness(readings, 6000)).toEqual({ kind: 'hold_still', progress: 0.2 });
  });
});

describe('Carte Vitale number', () => {
  const nir13 = '2561229019123';
  const number = `${nir13}${insKey(nir13)}`;

  it('gives sex, birthplace and the birth year and month to check', () => {
    expect(readCarteVitaleNumber(number)).toEqual({
      ok: true,
      facts: { sex: 'F', birthplaceCode: '29019', birthYear2: '56', birthMonth: '12' },
    });
  });

  it('reads the number as typed from the card, with spaces', () => {
    const spaced = `2 56 12 29 019 123 ${insKey(nir13)}`;
    expect(readCarteVitaleNumber(spaced)).toMatchObject({ ok: true, facts: { birthplaceCode: '29019' } });
  });

  it('refuses a number whose key does not match, and a short one', () => {
    const wrongKey = insKey(nir13) === '01' ? '02' : '01';
    expect(readCarteVitaleNumber(`${nir13}${wrongKey}`)).toEqual({ ok: false, problem: 'ins.key_mismatch' });
    expect(readCarteVitaleNumber('25612')).toEqual({ ok: false, problem: 'ins.length' });
  });

  it('keeps a Corsican birthplace', () => {
    const corsica = '172032A004123';
    const facts = readCarteVitaleNumber(`${corsica}${insKey(corsica)}`);
    expect(facts).toMatchObject({ ok: true, facts: { sex: 'M', birthplaceCode: '2A004', birthMonth: '03' } });
  });
});
