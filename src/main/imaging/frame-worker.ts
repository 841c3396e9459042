// The imaging worker thread (built to out/main/imaging-worker.cjs). It decodes frames: decoding
// a large JPEG 2000 slice takes tens of milliseconds, which must not be taken from the main
// process's event loop, where camera commands and the call's signaling run. Started with the
// files key and the store's folder (keep-pool.ts), it also keeps imported files: each read once,
// hashed and sealed into the store, on its own core.
import { parentPort, workerData } from 'node:worker_threads';
import { readFrame } from './pixel-frame';
import { createFileSealer } from '../platform/security/sealed-file';
import { createAttachmentStore } from '../platform/files/attachment-store';
import { plainFiles, sealedFiles } from './file-source';
import { keepFile } from './keep-file';
import { AppFailure } from '../contract/failure';
import type { KeepRequest, KeepAnswer } from './keep-pool';

interface FrameRequest {
  id: number;
  bytes: Uint8Array;
  index: number;
}

const keeping = workerData as { filesKey: Uint8Array; storeDir: string } | null;
const sealer = keeping ? createFileSealer(Buffer.from(keeping.filesKey)) : null;
const store = keeping && sealer ? createAttachmentStore(keeping.storeDir, sealer) : null;

function keep(request: KeepRequest): KeepAnswer {
  if (!store || !sealer) return { id: request.id, failure: { message: 'This worker was started without the store.' } };
  try {
    const kept = keepFile(request.file, request.sealed ? sealedFiles(sealer) : plainFiles, store);
    return { id: request.id, kept };
  } catch (error) {
    const e = error as Error & { code?: unknown };
    return {
      id: request.id,
      failure: {
        message: e.message,
        appCode: error instanceof AppFailure ? error.code : undefined,
        errno: typeof e.code === 'string' && !(error instanceof AppFailure) ? e.code : undefined,
      },
    };
  }
}

parentPort?.on('message', (message: FrameRequest | KeepRequest) => {
  if ('kind' in message && message.kind === 'keep') {
    parentPort!.postMessage(keep(message));
    return;
  }
  const frame = message as FrameRequest;
  void readFrame(frame.bytes, frame.index).then(
    (result) =>
      parentPort!.postMessage({ id: frame.id, result }, result.ok ? [result.frame.data.buffer as ArrayBuffer] : []),
    () =>
      parentPort!.postMessage({
        id: frame.id,
        result: { ok: false, reason: 'unreadable', detail: 'The frame could not be decoded: the file may be damaged.' },
      }),
  );
});
