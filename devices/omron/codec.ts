// Omron HEM-790IT blood pressure monitor over USB HID, pure bytes <-> messages (protocol notes:
// PROTOCOLS.md, after openyou/libomron's protocol documentation). The device bypasses HID
// semantics: every 8-byte report starts with the count of meaningful bytes that follow; commands
// are an ASCII mnemonic, arguments and an XOR checksum of the arguments; answers start "OK"
// (then a checksum over everything after "OK") or "NO" (ask again).

export const REPORT_SIZE = 8;
const PAYLOAD_PER_REPORT = REPORT_SIZE - 1;

/** Feature reports selecting what the device answers about (report id 0, then two bytes). */
export const MODE = {
  deviceInfo: [0x01, 0x01],
  readings: [0x74, 0xbc],
  weeklyAverages: [0x10, 0x74],
} as const;
export type OmronMode = keyof typeof MODE;

export const featureReport = (mode: OmronMode): Uint8Array => Uint8Array.from([0x00, ...MODE[mode]]);

function xor(bytes: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i++) sum ^= bytes[i]!;
  return sum;
}

/** Splits bytes into output reports: [count, up to 7 bytes, zero padding]. */
export function toOutputReports(bytes: Uint8Array): Uint8Array[] {
  const reports: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += PAYLOAD_PER_REPORT) {
    const chunk = bytes.subarray(at, at + PAYLOAD_PER_REPORT);
    const report = new Uint8Array(REPORT_SIZE);
    report[0] = chunk.length;
    report.set(chunk, 1);
    reports.push(report);
  }
  return reports;
}

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

/** How many readings the bank holds (bank 0: user A; 1: user B, on two-user models). */
export const dataCountCommand = (bank: number): Uint8Array =>
  Uint8Array.from([...ascii('GDC'), 0x00, bank, 0x00, 0x00, bank]);
/** One reading; index 0 is the newest. The checksum is the XOR of the arguments. */
export const readingCommand = (bank: number, index: number): Uint8Array =>
  Uint8Array.from([...ascii('GME'), 0x00, bank, 0x00, index, index ^ bank]);
export const versionCommand = (): Uint8Array => Uint8Array.from(ascii('VER00'));
/** Twelve zero bytes: resynchronises the device after a mode change (it answers "OK"). */
export const clearCommand = (): Uint8Array => new Uint8Array(12);

export type OmronAnswer = { kind: 'ok'; data: Uint8Array } | { kind: 'no' } | { kind: 'garbled'; reason: string };

/**
 * Collects input reports until `length` bytes of answer have come (a "NO" ends at two bytes).
 * Returns null while more reports are needed.
 */
export function createAnswerReader(length: number) {
  const bytes: number[] = [];
  return (report: Uint8Array): OmronAnswer | null => {
    if (report.length < 1) return { kind: 'garbled', reason: 'empty report' };
    const count = report[0]!;
    if (count > PAYLOAD_PER_REPORT || count + 1 > report.length)
      return { kind: 'garbled', reason: `byte count ${count} in a ${report.length}-byte report` };
    bytes.push(...report.subarray(1, 1 + count));
    if (bytes.length >= 2 && bytes[0] === 0x4e && bytes[1] === 0x4f) return { kind: 'no' };
    if (bytes.length >= 2 && (bytes[0] !== 0x4f || bytes[1] !== 0x4b))
      return { kind: 'garbled', reason: 'answer does not start with OK or NO' };
    if (bytes.length < length) return null;
    const answer = Uint8Array.from(bytes.slice(0, length));
    if (length > 2 && xor(answer.subarray(2)) !== 0) return { kind: 'garbled', reason: 'checksum mismatch' };
    return { kind: 'ok', data: answer.subarray(2) };
  };
}

export const DATA_COUNT_ANSWER_LENGTH = 8;
export const READING_ANSWER_LENGTH = 17;

/** The reading count from a GDC answer (after "OK"). */
export const readDataCount = (data: Uint8Array): number => data[4] ?? 0;

export interface OmronReading {
  /** As the monitor's clock says it, with no time zone: local time where it was set. */
  takenAt: { year: number; month: number; day: number; hour: number; minute: number; second: number };
  systolic: number;
  diastolic: number;
  pulseRate: number;
  /** 0 standalone; 1-3 the readings of a three-reading average (TruRead). */
  series: number;
}

export type ReadingParse = { ok: true; reading: OmronReading } | { ok: false; reason: string };

/** A GME answer after "OK": a zero byte, then 14 bytes (date, time, SYS, DIA, pulse, flags, checksum). */
export function parseReading(data: Uint8Array): ReadingParse {
  if (data.length !== READING_ANSWER_LENGTH - 2)
    return { ok: false, reason: `reading of ${data.length} bytes, expected ${READING_ANSWER_LENGTH - 2}` };
  const r = data.subarray(1);
  const [year, month, day, hour, minute, second] = [r[0]!, r[1]!, r[2]!, r[3]!, r[4]!, r[5]!];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return { ok: false, reason: 'impossible date or time in the reading' };
  const systolic = r[8]!;
  const diastolic = r[9]!;
  const pulseRate = r[10]!;
  // The monitor stores 0 or 0xff for an aborted measurement (an error shown as E on its screen).
  if (systolic === 0 || diastolic === 0 || systolic === 0xff || diastolic >= systolic)
    return { ok: false, reason: `the monitor recorded no valid pressure (${systolic}/${diastolic})` };
  return {
    ok: true,
    reading: {
      takenAt: { year: 2000 + year, month, day, hour, minute, second },
      systolic,
      diastolic,
      pulseRate,
      series: r[12]! >> 4,
    },
  };
}
