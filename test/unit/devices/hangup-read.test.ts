// The Linux serial read: data passes, "nothing yet" waits for the poller, and zero bytes
// (a hung-up line, see hangup-read.ts) is a disconnection instead of another read.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { LineHungUpError, readUntilHangup } from '../../../devices/transport/hangup-read';

function fakePort() {
  const poller = new EventEmitter();
  const port = { fd: 7 as number | null, isOpen: true, poller };
  return { port, poller };
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

describe('reading a Linux serial port', () => {
  it('returns the bytes read', async () => {
    const { port } = fakePort();
    const buffer = Buffer.alloc(8);
    const result = await readUntilHangup(port, buffer, 0, 8, async (_fd, b) => {
      b.write('OK');
      return { bytesRead: 2 };
    });
    expect(result.bytesRead).toBe(2);
    expect(result.buffer.subarray(0, 2).toString()).toBe('OK');
  });

  it('waits for the poller when the line has nothing yet, then reads again', async () => {
    const { port, poller } = fakePort();
    const answers = [() => Promise.reject(errno('EAGAIN')), () => Promise.resolve({ bytesRead: 3 })];
    let reads = 0;
    const pending = readUntilHangup(port, Buffer.alloc(8), 0, 8, () => answers[reads++]!());
    await new Promise((r) => setTimeout(r, 10));
    expect(reads).toBe(1); // not spinning: it waits for the poller
    poller.emit('readable', null);
    await expect(pending).resolves.toMatchObject({ bytesRead: 3 });
    expect(reads).toBe(2);
  });

  it('takes zero bytes for a hung-up line, once, as a disconnection serialport closes the port on', async () => {
    const { port } = fakePort();
    let reads = 0;
    const error = await readUntilHangup(port, Buffer.alloc(8), 0, 8, async () => {
      reads += 1;
      return { bytesRead: 0 };
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LineHungUpError);
    expect(error).toMatchObject({ disconnect: true });
    expect(reads).toBe(1);
  });

  it('says the port is closed, as a cancel and not a disconnection, when it was closed meanwhile', async () => {
    const { port } = fakePort();
    port.fd = null;
    port.isOpen = false;
    await expect(readUntilHangup(port, Buffer.alloc(8), 0, 8, async () => ({ bytesRead: 1 }))).rejects.toMatchObject({
      canceled: true,
    });
  });

  it('passes other read errors on (EIO: the far end closed)', async () => {
    const { port } = fakePort();
    await expect(
      readUntilHangup(port, Buffer.alloc(8), 0, 8, () => Promise.reject(errno('EIO'))),
    ).rejects.toMatchObject({ code: 'EIO' });
  });
});
