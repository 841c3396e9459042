// A file's SHA-1 taken as its bytes are sent: right when every byte went out in order, whatever
// the chunks and however often a chunk was sent again after a lost answer; unknown (null) when the
// upload was resumed mid-file, so that the caller reads it from the stored copy instead.
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { sendingSums } from '../../../src/main/sync/push/sending-sums';
import type { UploadSource } from '../../../src/main/sync/resumable-upload';

const bytes = randomBytes(3_000_000);
const sha1 = createHash('sha1').update(bytes).digest('base64');

/** The bytes of a range in pieces of 100 kB, as a file's records come. */
const source: UploadSource = {
  size: bytes.length,
  stream: (start, end) =>
    Readable.from(
      Array.from({ length: Math.ceil((end - start) / 100_000) }, (_, i) =>
        bytes.subarray(start + i * 100_000, Math.min(end, start + (i + 1) * 100_000)),
      ),
      { objectMode: false },
    ),
};

async function send(stream: Readable, upTo = Infinity): Promise<void> {
  let read = 0;
  for await (const chunk of stream) {
    read += (chunk as Buffer).length;
    if (read >= upTo) {
      stream.destroy(); // a request cut mid-way
      return;
    }
  }
}

describe('the SHA-1 taken as a file is sent', () => {
  it('is the file’s when its bytes went out in order, in one request or in chunks', async () => {
    const whole = sendingSums(source);
    await send(whole.source.stream(0, bytes.length));
    expect(whole.sha1Base64()).toBe(sha1);

    const chunked = sendingSums(source);
    for (const [start, end] of [
      [0, 1_234_567],
      [1_234_567, 2_000_000],
      [2_000_000, bytes.length],
    ] as const)
      await send(chunked.source.stream(start, end));
    expect(chunked.sha1Base64()).toBe(sha1);
  });

  it('counts each byte once when a cut chunk is sent again from the server’s offset', async () => {
    const sums = sendingSums(source);
    await send(sums.source.stream(0, 2_000_000), 1_500_000); // cut after 1.5 MB
    await send(sums.source.stream(1_000_000, bytes.length)); // the server had kept 1 MB
    expect(sums.sha1Base64()).toBe(sha1);
  });

  it('is unknown when the upload resumed mid-file, its start sent by an earlier run', async () => {
    const sums = sendingSums(source);
    await send(sums.source.stream(1_000_000, bytes.length));
    expect(sums.sha1Base64()).toBeNull();
  });

  it('fails the stream the request reads when the source cannot be read', async () => {
    const failing: UploadSource = {
      size: 10,
      stream: () =>
        new Readable({
          read() {
            this.destroy(new Error('record 3 does not match its key'));
          },
        }),
    };
    await expect(send(sendingSums(failing).source.stream(0, 10))).rejects.toThrow(/record 3/);
  });
});
