// A simulated Omron HEM-790IT behind the OmronLink interface: it answers the mode feature
// report, the clearing block, VER, GDC and GME as the protocol notes describe, with readings
// stored newest first. `measure()` is the patient pressing START on the monitor.
import { REPORT_SIZE, toOutputReports } from './codec';
import type { OmronLink } from './link';

export interface SimulatedReading {
  at: Date;
  systolic: number;
  diastolic: number;
  pulseRate: number;
}

const xor = (bytes: number[]) => bytes.reduce((a, b) => a ^ b, 0);
const ok = (payload: number[]) => [0x4f, 0x4b, ...payload, xor(payload)];

/** Command length by its first bytes: twelve zeros (clearing), 8 for GDC/GME, 5 for VER and the like. */
function commandLength(bytes: number[]): number | null {
  if (bytes.length < 3) return null;
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0) return 12;
  const mnemonic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!);
  return mnemonic === 'GDC' || mnemonic === 'GME' ? 8 : 5;
}

export function createOmronSimulator(options: { readings?: SimulatedReading[]; answerNoEvery?: number } = {}) {
  const readings = [...(options.readings ?? [])];
  const listeners = new Set<(report: Uint8Array) => void>();
  let pending: number[] = [];
  let mode: string | null = null;
  let exchanges = 0;
  let closed = false;

  const send = (bytes: number[]) => {
    for (const report of toOutputReports(Uint8Array.from(bytes)))
      queueMicrotask(() => listeners.forEach((l) => l(report)));
  };

  function answer(command: number[]): void {
    exchanges++;
    if (options.answerNoEvery && exchanges % options.answerNoEvery === 0) return send([0x4e, 0x4f]);
    if (command.every((b) => b === 0)) return send([0x4f, 0x4b]);
    const mnemonic = String.fromCharCode(command[0]!, command[1]!, command[2]!);
    if (mnemonic === 'VER') return send(ok([0x00, ...Array.from('M7080IT 207', (c) => c.charCodeAt(0))]));
    if (mode !== '74bc') return send([0x4e, 0x4f]);
    if (mnemonic === 'GDC') return send(ok([0x00, 0x00, 0x0a, 0x00, Math.min(readings.length, 255)]));
    if (mnemonic === 'GME') {
      const reading = readings[command[6]!];
      if (!reading) return send([0x4e, 0x4f]);
      const t = reading.at;
      return send(
        ok([
          0x00,
          t.getFullYear() % 100,
          t.getMonth() + 1,
          t.getDate(),
          t.getHours(),
          t.getMinutes(),
          t.getSeconds(),
          0,
          0,
          reading.systolic,
          reading.diastolic,
          reading.pulseRate,
          0,
          0,
        ]),
      );
    }
    send([0x4e, 0x4f]);
  }

  const link: OmronLink = {
    async write(report) {
      if (closed) throw new Error('simulated monitor closed');
      if (report.length !== REPORT_SIZE) throw new Error(`output reports are ${REPORT_SIZE} bytes`);
      pending.push(...report.subarray(1, 1 + report[0]!));
      const length = commandLength(pending);
      if (length !== null && pending.length >= length) {
        const command = pending.slice(0, length);
        pending = [];
        answer(command);
      }
    },
    async sendFeature(report) {
      mode = Array.from(report.subarray(1), (b) => b.toString(16).padStart(2, '0')).join('');
      pending = [];
    },
    onReport(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
    },
  };

  return {
    link,
    /** The patient pressed START: a new newest reading. */
    measure(reading: SimulatedReading): void {
      readings.unshift(reading);
    },
  };
}
