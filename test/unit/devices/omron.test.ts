// The Omron HEM-790IT blood pressure monitor: the report framing and answers checked against the
// raw HID reports printed in openyou/libomron's protocol documentation, and the driver against the
// simulator (retries on "NO", an empty memory, a silent device).
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createAnswerReader,
  DATA_COUNT_ANSWER_LENGTH,
  dataCountCommand,
  parseReading,
  readDataCount,
  READING_ANSWER_LENGTH,
  readingCommand,
  toOutputReports,
  versionCommand,
} from '../../../devices/omron/codec';
import { createOmronDriver } from '../../../devices/omron/driver';
import type { OmronLink } from '../../../devices/omron/link';
import { createOmronSimulator } from '../../../devices/omron/simulator';
import { fromHex, hex } from '../../../devices/transport/hex';

const reports = (bytes: Uint8Array) => toOutputReports(bytes).map((r) => hex(r).toLowerCase());
/** Feeds the documented input reports to a reader; returns its answer. */
function answerOf(length: number, ...raw: string[]) {
  const read = createAnswerReader(length);
  let answer = null;
  for (const report of raw) answer = read(fromHex(report)) ?? answer;
  return answer;
}

describe('Omron codec (documented reports)', () => {
  it('frames commands as the documentation shows them', () => {
    expect(reports(versionCommand())).toEqual(['05 56 45 52 30 30 00 00']);
    expect(reports(dataCountCommand(0))).toEqual(['07 47 44 43 00 00 00 00', '01 00 00 00 00 00 00 00']);
    expect(reports(readingCommand(0, 0))).toEqual(['07 47 4d 45 00 00 00 00', '01 00 00 00 00 00 00 00']);
    expect(reports(readingCommand(1, 3))).toEqual(['07 47 4d 45 00 01 00 03', '01 02 00 00 00 00 00 00']);
  });

  it('reads the version answer spread over three reports', () => {
    const answer = answerOf(15, '07 4f 4b 00 4d 37 30 38', '07 30 49 54 20 32 30 37', '01 4a 00 00 00 00 00 00');
    expect(answer?.kind).toBe('ok');
    expect(Buffer.from((answer as { data: Uint8Array }).data.subarray(1, 12)).toString('ascii')).toBe('M7080IT 207');
  });

  it('reads the reading count and the documented reading (112/75, pulse 71, 3 January 2007 00:06:51)', () => {
    const count = answerOf(DATA_COUNT_ANSWER_LENGTH, '07 4f 4b 00 00 0a 00 08', '01 02 00 00 00 00 00 00');
    expect(count?.kind === 'ok' && readDataCount(count.data)).toBe(8);
    const reading = answerOf(
      READING_ANSWER_LENGTH,
      '07 4f 4b 00 07 01 03 00',
      '07 06 33 00 00 70 4b 47',
      '03 00 00 4c 00 00 00 00',
    );
    expect(reading?.kind).toBe('ok');
    expect(parseReading((reading as { data: Uint8Array }).data)).toEqual({
      ok: true,
      reading: {
        takenAt: { year: 2007, month: 1, day: 3, hour: 0, minute: 6, second: 51 },
        systolic: 112,
        diastolic: 75,
        pulseRate: 71,
        series: 0,
      },
    });
  });

  it('recognises NO, a wrong checksum, a wrong byte count and garbage', () => {
    expect(answerOf(READING_ANSWER_LENGTH, '02 4e 4f 00 00 00 00 00')).toEqual({ kind: 'no' });
    expect(
      answerOf(READING_ANSWER_LENGTH, '07 4f 4b 00 07 01 03 00', '07 06 33 00 00 71 4b 47', '03 00 00 4c 00 00 00 00'),
    ).toEqual({ kind: 'garbled', reason: 'checksum mismatch' });
    expect(answerOf(READING_ANSWER_LENGTH, '09 4f 4b 00 07 01 03 00')?.kind).toBe('garbled');
    expect(answerOf(READING_ANSWER_LENGTH, '03 ff ee dd 00 00 00 00')).toEqual({
      kind: 'garbled',
      reason: 'answer does not start with OK or NO',
    });
    expect(answerOf(READING_ANSWER_LENGTH, '')).toEqual({ kind: 'garbled', reason: 'empty report' });
  });

  it('refuses a reading with no valid pressure or an impossible date', () => {
    const reading = (bytes: number[]) => parseReading(Uint8Array.from([0, ...bytes, bytes.reduce((a, b) => a ^ b, 0)]));
    expect(reading([7, 1, 3, 0, 6, 51, 0, 0, 0, 0, 0, 0, 0])).toMatchObject({ ok: false });
    expect(reading([7, 13, 3, 0, 6, 51, 0, 0, 112, 75, 71, 0, 0])).toEqual({
      ok: false,
      reason: 'impossible date or time in the reading',
    });
    expect(reading([7, 1, 3, 0, 6, 51, 0, 0, 75, 112, 71, 0, 0])).toMatchObject({ ok: false });
    expect(parseReading(Uint8Array.from([0, 1, 2]))).toMatchObject({ ok: false });
  });

  it('never throws on random reports', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
    for (let i = 0; i < 2000; i++) {
      const read = createAnswerReader(READING_ANSWER_LENGTH);
      for (let j = 0; j < 4; j++) {
        const answer = read(Uint8Array.from({ length: random() % 10 }, random));
        if (answer?.kind === 'ok') expect(() => parseReading(answer.data)).not.toThrow();
        if (answer) break;
      }
    }
  });
});

describe('Omron driver', () => {
  afterEach(() => vi.useRealTimers());
  const at = new Date(2026, 10, 23, 10, 42, 5);

  it('reads the newest reading through the mode change and the clearing block', async () => {
    const simulator = createOmronSimulator({
      readings: [{ at: new Date(2026, 10, 22, 9, 0, 0), systolic: 150, diastolic: 95, pulseRate: 80 }],
    });
    simulator.measure({ at, systolic: 128, diastolic: 82, pulseRate: 68 });
    const driver = createOmronDriver({ link: simulator.link });
    expect(await driver.latestReading()).toEqual({
      takenAt: { year: 2026, month: 11, day: 23, hour: 10, minute: 42, second: 5 },
      systolic: 128,
      diastolic: 82,
      pulseRate: 68,
      series: 0,
    });
  });

  it('says when the monitor holds no reading', async () => {
    const driver = createOmronDriver({ link: createOmronSimulator().link });
    expect(await driver.latestReading()).toBeNull();
  });

  it('asks again when the monitor answers NO', async () => {
    const simulator = createOmronSimulator({
      readings: [{ at, systolic: 128, diastolic: 82, pulseRate: 68 }],
      answerNoEvery: 2,
    });
    const driver = createOmronDriver({ link: simulator.link });
    expect((await driver.latestReading())?.systolic).toBe(128);
  });

  it('gives up with a message when the monitor stays silent', async () => {
    vi.useFakeTimers();
    const silent: OmronLink = {
      write: async () => {},
      sendFeature: async () => {},
      onReport: () => () => {},
      close: async () => {},
    };
    const reading = createOmronDriver({ link: silent, timeoutMs: 500 }).latestReading();
    const caught = reading.catch((error: Error) => error.message);
    await vi.advanceTimersByTimeAsync(600);
    expect(await caught).toMatch(/did not answer within 500 ms: check that it is plugged in/);
  });

  it('gives up after repeated refusals', async () => {
    const simulator = createOmronSimulator({ answerNoEvery: 1 });
    await expect(createOmronDriver({ link: simulator.link, retries: 2 }).latestReading()).rejects.toThrow(
      /kept refusing \(it answered NO\)/,
    );
  });
});
