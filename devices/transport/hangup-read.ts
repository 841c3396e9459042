// Reads a Linux serial port so that a hung-up line is reported as unplugged.
//
// When a tty hangs up (a USB-serial adapter pulled out, the far end of a pty closed), Linux
// answers every later read with zero bytes. serialport's own read loop treats zero bytes as
// "nothing yet" and reads again at once: the port then spins a core for ever and never says
// the device went away. The port is opened with VMIN=1 and O_NONBLOCK, so a live line with
// nothing to say answers EAGAIN, never zero: zero can only mean the line hung up.
import fs from 'node:fs';
import { promisify } from 'node:util';
import {
  BindingsError,
  LinuxBinding,
  type LinuxBindingInterface,
  type LinuxOpenOptions,
  type LinuxPortBinding,
} from '@serialport/bindings-cpp';

type ReadAt = (
  fd: number,
  buffer: Buffer,
  offset: number,
  length: number,
  position: null,
) => Promise<{ bytesRead: number }>;

interface ReadablePort {
  readonly fd: number | null;
  readonly isOpen: boolean;
  readonly poller: { once(event: 'readable', listener: (error: Error | null) => void): unknown };
}

/** The error serialport's stream takes for a disconnection: it closes the port and says why. */
export class LineHungUpError extends Error {
  readonly disconnect = true;
  constructor() {
    super('the serial line hung up (device unplugged)');
  }
}

// serialport's stream ignores a canceled read instead of taking it for a disconnection.
const portClosed = () => new BindingsError('Port is not open', { canceled: true });

const TRY_AGAIN = new Set(['EAGAIN', 'EWOULDBLOCK', 'EINTR']);

function waitReadable(port: ReadablePort): Promise<void> {
  return new Promise((resolve, reject) => {
    port.poller.once('readable', (error) => (error ? reject(error) : resolve()));
  });
}

export async function readUntilHangup(
  port: ReadablePort,
  buffer: Buffer,
  offset: number,
  length: number,
  readAt: ReadAt = promisify(fs.read) as ReadAt,
): Promise<{ bytesRead: number; buffer: Buffer }> {
  for (;;) {
    if (!port.isOpen || port.fd === null) throw portClosed();
    try {
      const { bytesRead } = await readAt(port.fd, buffer, offset, length, null);
      if (bytesRead === 0) throw new LineHungUpError();
      return { bytesRead, buffer };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (!code || !TRY_AGAIN.has(code)) throw error;
      if (!port.isOpen) throw portClosed();
      await waitReadable(port);
    }
  }
}

/** serialport's Linux binding, with reads that report a hung-up line instead of spinning. */
export const hangupAwareLinuxBinding = {
  list: () => LinuxBinding.list(),
  async open(options: LinuxOpenOptions): Promise<LinuxPortBinding> {
    const port = await LinuxBinding.open(options);
    port.read = (buffer: Buffer, offset: number, length: number) => readUntilHangup(port, buffer, offset, length);
    return port;
  },
} satisfies LinuxBindingInterface;
