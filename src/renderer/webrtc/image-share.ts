// Sends a shared series' frames to the other side of a call, once, and puts them back together
// there. Frames go nearest to the shown slice first, deflated (a CT slice halves), and the
// sender waits on the channel's buffer rather than queueing a whole series in memory. After a
// reconnection the viewer says which frames it holds, and only the others are sent again.
import { createFrameAssembler, frameParts, frameSampleBytes, type FrameMeta } from '../../shared/imaging/imaging-share';
import { outward, type FrameSource } from '../ui/imaging/frame-source';
import { loadFrame, type LoadedFrame } from '../ui/imaging/loaded-frame';

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflates at most `limit` bytes: a lying stream cannot fill the memory. */
async function inflate(bytes: Uint8Array, limit: number): Promise<Uint8Array | null> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate'))
    .getReader();
  const out = new Uint8Array(limit);
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (length + value.length > limit) {
        await reader.cancel();
        return null;
      }
      out.set(value, length);
      length += value.length;
    }
  } catch {
    return null;
  }
  return length === limit ? out : null;
}

const metaOf = ({ bytes: _bytes, value: _value, ...meta }: LoadedFrame): FrameMeta => meta;

export interface ShareSender {
  /** The viewer holds these frames (after a reconnection): send the others again. */
  resend(have: readonly number[]): void;
  stop(): void;
}

export function startSending(options: {
  shareId: string;
  source: FrameSource;
  from: number;
  sendBulk(part: Uint8Array): Promise<boolean>;
  onProgress(sent: number, count: number): void;
}): ShareSender {
  const { shareId, source } = options;
  const sent = new Set<number>();
  let run = 0;
  let stopped = false;

  async function send(order: number[], myRun: number): Promise<void> {
    for (const index of order) {
      if (stopped || myRun !== run) return;
      if (sent.has(index)) continue;
      let frame: LoadedFrame;
      try {
        frame = await source.get(index, { focus: false }); // sending must not move what the viewer keeps
      } catch {
        continue; // a frame this station cannot show is not sent; the viewer says it is missing
      }
      const payload = await deflate(frame.bytes);
      for (const part of frameParts({ shareId, index, deflated: true, meta: metaOf(frame) }, payload)) {
        if (stopped || myRun !== run) return;
        // The link is down: stop here; the viewer's list of what it holds restarts the rest.
        if (!(await options.sendBulk(part))) return;
      }
      sent.add(index);
      options.onProgress(sent.size, source.count);
    }
  }

  void send(outward(options.from, source.count), run);
  return {
    resend(have) {
      sent.clear();
      for (const index of have) if (index >= 0 && index < source.count) sent.add(index);
      run++;
      options.onProgress(sent.size, source.count);
      void send(outward(options.from, source.count), run);
    },
    stop() {
      stopped = true;
    },
  };
}

/** The viewer's side: parts in, frames out, each checked against its announced size. */
export function createShareReceiver(
  shareId: string,
  count: number,
  onFrame: (index: number, frame: LoadedFrame) => void,
) {
  const assembler = createFrameAssembler(shareId, count);
  return {
    async add(message: Uint8Array): Promise<void> {
      const assembled = assembler.add(message);
      if (!assembled) return;
      const expected = frameSampleBytes(assembled.meta);
      const bytes = assembled.deflated
        ? await inflate(assembled.payload, expected)
        : assembled.payload.length === expected
          ? assembled.payload
          : null;
      if (bytes) onFrame(assembled.index, loadFrame(assembled.meta, bytes));
    },
  };
}
