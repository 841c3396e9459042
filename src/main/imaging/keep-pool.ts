// Imported files kept by worker threads, one per core (two on a cart PC): each worker reads a
// file once, hashes and seals it into the store (keep-file.ts), while the main thread stays free
// for the camera, the call and the page. Workers start on first use and are let go when idle.
// A failure comes back as what it was (the station's refusal with its words, or the file
// system's code, so that a full disk is still answered as one). Without a worker file (the unit
// tests run the sources) there is no pool: files are kept inline.
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { AppFailure } from '../contract/failure';
import type { ErrorCode } from '../../shared/result';
import type { FileSource } from './file-source';
import type { FileToKeep, KeptFile } from './keep-file';

export interface KeepRequest {
  kind: 'keep';
  id: number;
  file: FileToKeep;
  /** The source is one of the station's sealed folders (drops, PACS retrievals). */
  sealed: boolean;
}
export interface KeepAnswer {
  id: number;
  kept?: KeptFile;
  failure?: { message: string; appCode?: string; errno?: string };
}

export interface KeepPool {
  /** How many files it keeps at once. */
  readonly width: number;
  keep(file: FileToKeep, source: FileSource): Promise<KeptFile>;
  close(): Promise<void>;
}

interface Lane {
  worker: Worker;
  jobs: Map<number, { resolve: (kept: KeptFile) => void; reject: (error: Error) => void }>;
}

function failureOf(answer: NonNullable<KeepAnswer['failure']>): Error {
  if (answer.appCode) return new AppFailure(answer.appCode as ErrorCode, answer.message);
  return Object.assign(new Error(answer.message), answer.errno ? { code: answer.errno } : {});
}

export function createKeepPool(options: {
  workerFile: string | null;
  filesKey: Uint8Array;
  storeDir: string;
  workers: number;
}): KeepPool | null {
  if (!options.workerFile || !fs.existsSync(options.workerFile) || options.workers < 1) return null;
  const file = options.workerFile;
  const lanes: (Lane | null)[] = Array.from({ length: options.workers }, () => null);
  let nextId = 1;

  function lane(index: number): Lane {
    const existing = lanes[index];
    if (existing) return existing;
    const worker = new Worker(file, { workerData: { filesKey: options.filesKey, storeDir: options.storeDir } });
    worker.unref();
    const created: Lane = { worker, jobs: new Map() };
    worker.on('message', (answer: KeepAnswer) => {
      const job = created.jobs.get(answer.id);
      if (!job) return;
      created.jobs.delete(answer.id);
      if (answer.kept) job.resolve(answer.kept);
      else job.reject(failureOf(answer.failure ?? { message: 'The worker gave no answer.' }));
    });
    const died = (why: string) => {
      if (lanes[index] === created) lanes[index] = null;
      for (const job of created.jobs.values()) job.reject(new Error(why));
      created.jobs.clear();
    };
    worker.on('error', (error) => died(`The import worker failed (${error.message}).`));
    worker.on('exit', () => died('The import worker stopped.'));
    lanes[index] = created;
    return created;
  }

  return {
    width: options.workers,
    keep(toKeep, source) {
      // The lane with the fewest files waiting.
      let best = 0;
      for (let i = 1; i < lanes.length; i++) if ((lanes[i]?.jobs.size ?? 0) < (lanes[best]?.jobs.size ?? 0)) best = i;
      const chosen = lane(best);
      const id = nextId++;
      return new Promise<KeptFile>((resolve, reject) => {
        chosen.jobs.set(id, { resolve, reject });
        const request: KeepRequest = {
          kind: 'keep',
          id,
          file: { file: toKeep.file, size: toKeep.size },
          sealed: source.sealed,
        };
        chosen.worker.postMessage(request);
      });
    },
    async close() {
      const running = lanes.splice(0).filter((l): l is Lane => l !== null);
      await Promise.all(running.map((l) => l.worker.terminate()));
    },
  };
}
