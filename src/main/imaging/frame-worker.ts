// The worker thread that decodes frames (built to out/main/imaging-worker.cjs): decoding a large
// JPEG 2000 slice takes tens of milliseconds, which must not be taken from the main process's
// event loop, where camera commands and the call's signaling run.
import { parentPort } from 'node:worker_threads';
import { readFrame } from './pixel-frame';

parentPort?.on('message', (message: { id: number; bytes: Uint8Array; index: number }) => {
  void readFrame(message.bytes, message.index).then(
    (result) =>
      parentPort!.postMessage({ id: message.id, result }, result.ok ? [result.frame.data.buffer as ArrayBuffer] : []),
    () =>
      parentPort!.postMessage({
        id: message.id,
        result: { ok: false, reason: 'unreadable', detail: 'The frame could not be decoded: the file may be damaged.' },
      }),
  );
});
