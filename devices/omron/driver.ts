// Reads the Omron HEM-790IT's newest stored reading: selects the readings mode (feature report)
// and resynchronises, asks how many readings the bank holds, then asks for the newest. One
// exchange at a time; a "NO" or a garbled answer is asked again (the device does that now and
// then), a silent device fails after a timeout with a message a pharmacist can act on.
import {
  clearCommand,
  createAnswerReader,
  DATA_COUNT_ANSWER_LENGTH,
  dataCountCommand,
  featureReport,
  parseReading,
  readDataCount,
  READING_ANSWER_LENGTH,
  readingCommand,
  toOutputReports,
  type OmronAnswer,
  type OmronMode,
  type OmronReading,
} from './codec';
import type { OmronLink } from './link';

export class OmronError extends Error {}

export interface OmronDriverOptions {
  link: OmronLink;
  /** How long to wait for each answer (ms). */
  timeoutMs?: number;
  /** How many times to ask again after a "NO" or a garbled answer. */
  retries?: number;
}

export function createOmronDriver(options: OmronDriverOptions) {
  const { link } = options;
  const timeoutMs = options.timeoutMs ?? 2000;
  const retries = options.retries ?? 5;
  let mode: OmronMode | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  function exchange(command: Uint8Array, length: number): Promise<OmronAnswer> {
    return new Promise((resolve, reject) => {
      const read = createAnswerReader(length);
      const timer = setTimeout(() => {
        off();
        reject(
          new OmronError(
            `The blood pressure monitor did not answer within ${timeoutMs} ms: check that it is plugged in and switched on.`,
          ),
        );
      }, timeoutMs);
      const off = link.onReport((report) => {
        const answer = read(report);
        if (!answer) return;
        clearTimeout(timer);
        off();
        resolve(answer);
      });
      void (async () => {
        for (const report of toOutputReports(command)) await link.write(report);
      })().catch((error: unknown) => {
        clearTimeout(timer);
        off();
        reject(error);
      });
    });
  }

  async function ask(command: Uint8Array, length: number): Promise<Uint8Array> {
    let last = '';
    for (let attempt = 0; attempt <= retries; attempt++) {
      const answer = await exchange(command, length);
      if (answer.kind === 'ok') return answer.data;
      last = answer.kind === 'no' ? 'it answered NO' : answer.reason;
    }
    throw new OmronError(`The blood pressure monitor kept refusing (${last}): switch it off and on, then try again.`);
  }

  async function select(next: OmronMode): Promise<void> {
    if (mode === next) return;
    await link.sendFeature(featureReport(next));
    await ask(clearCommand(), 2);
    mode = next;
  }

  function serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => {});
    return run;
  }

  return {
    /** The newest reading in the bank, or null when the monitor holds none. */
    latestReading: (bank = 0): Promise<OmronReading | null> =>
      serialized(async () => {
        try {
          await select('readings');
          const count = readDataCount(await ask(dataCountCommand(bank), DATA_COUNT_ANSWER_LENGTH));
          if (count === 0) return null;
          const parsed = parseReading(await ask(readingCommand(bank, 0), READING_ANSWER_LENGTH));
          if (!parsed.ok)
            throw new OmronError(`The newest reading cannot be used: ${parsed.reason}. Take the measurement again.`);
          return parsed.reading;
        } catch (error) {
          mode = null; // resynchronise from scratch next time
          throw error;
        }
      }),
    close: () => link.close(),
  };
}
export type OmronDriver = ReturnType<typeof createOmronDriver>;
