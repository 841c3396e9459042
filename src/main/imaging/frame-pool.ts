// Decodes frames off the main thread: one worker (a cart PC has few cores), started on first
// use, its jobs queued. A decoder that hangs past the deadline costs only its frame: the frame
// is refused with a reason, the worker is replaced, and the frames queued behind it are sent to
// the new one. A worker that crashes takes the frames it held with it (refused, with the
// reason); the next frame gets a new worker. Without a worker file (unit tests run the
// sources), frames are decoded inline.
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { readFrame, type FrameResult } from './pixel-frame';

export interface FramePool {
  read(bytes: Uint8Array, index: number): Promise<FrameResult>;
  close(): Promise<void>;
}

interface Job {
  id: number;
  worker: Worker;
  bytes: Uint8Array;
  index: number;
  resolve: (result: FrameResult) => void;
  timer: ReturnType<typeof setTimeout> | null;
}

export function createFramePool(options: { workerFile: string | null; deadlineMs?: number }): FramePool {
  if (!options.workerFile || !fs.existsSync(options.workerFile)) return { read: readFrame, close: async () => {} };
  const file = options.workerFile;
  const deadlineMs = options.deadlineMs ?? 20_000;
  let worker: Worker | null = null;
  let nextId = 1;
  const jobs = new Map<number, Job>();

  const finish = (job: Job, result: FrameResult) => {
    if (job.timer) clearTimeout(job.timer);
    jobs.delete(job.id);
    job.resolve(result);
  };
  const jobsOf = (w: Worker) => [...jobs.values()].filter((j) => j.worker === w);

  function current(): Worker {
    if (worker) return worker;
    const w = new Worker(file);
    w.unref();
    w.on('message', ({ id, result }: { id: number; result: FrameResult }) => {
      const job = jobs.get(id);
      if (job && job.worker === w) finish(job, result);
    });
    const died = (detail: string) => {
      if (worker === w) worker = null;
      for (const job of jobsOf(w)) finish(job, { ok: false, reason: 'corrupt_pixels', detail });
    };
    w.on('error', () =>
      died(
        'The decoder failed on this image: it may be damaged. Open it again; if it fails again, ask for a new copy.',
      ),
    );
    w.on('exit', () => died('The decoder stopped while decoding this image.'));
    worker = w;
    return w;
  }

  function send(job: Job): void {
    job.worker = current();
    // The worker decodes one frame at a time, in order: a frame's deadline runs from its turn.
    job.timer = setTimeout(() => hung(job), deadlineMs * (jobsOf(job.worker).length + 1));
    const copy = job.bytes.slice();
    job.worker.postMessage({ id: job.id, bytes: copy, index: job.index }, [copy.buffer]);
  }

  function hung(job: Job): void {
    const w = job.worker;
    finish(job, {
      ok: false,
      reason: 'corrupt_pixels',
      detail: `Decoding this image took too long (over ${Math.round(deadlineMs / 1000)} s): it was stopped.`,
    });
    const behind = jobsOf(w);
    if (worker === w) worker = null;
    for (const other of behind) if (other.timer) clearTimeout(other.timer);
    w.removeAllListeners('exit');
    void w.terminate();
    for (const other of behind) send(other);
  }

  return {
    read(bytes, index) {
      return new Promise<FrameResult>((resolve) => {
        const job: Job = { id: nextId++, worker: null as unknown as Worker, bytes, index, resolve, timer: null };
        jobs.set(job.id, job);
        send(job);
      });
    },
    async close() {
      const w = worker;
      worker = null;
      for (const job of [...jobs.values()])
        finish(job, { ok: false, reason: 'unreadable', detail: 'The station is closing.' });
      await w?.terminate();
    },
  };
}
