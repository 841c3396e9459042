// Opens a serial port (serialport) as a Link for the reconnecting transport.
import { autoDetect } from '@serialport/bindings-cpp';
import { SerialPortStream } from '@serialport/stream';
import { hangupAwareLinuxBinding } from './hangup-read';
import type { Link } from './reconnecting-transport';

export interface SerialSettings {
  path: string;
  baudRate: number;
  dataBits?: 5 | 6 | 7 | 8;
  parity?: 'none' | 'even' | 'odd';
  stopBits?: 1 | 2;
}

export function openSerialLink(settings: SerialSettings): Promise<Link> {
  return new Promise((resolve, reject) => {
    const port = new SerialPortStream({
      // On Linux, a read that reports a hung-up line (see hangup-read.ts).
      binding: process.platform === 'linux' ? hangupAwareLinuxBinding : autoDetect(),
      path: settings.path,
      baudRate: settings.baudRate,
      dataBits: settings.dataBits ?? 8,
      parity: settings.parity ?? 'none',
      stopBits: settings.stopBits ?? 1,
      rtscts: false,
      autoOpen: false,
      // Exclusive: two programs driving one camera would fight over it.
      lock: true,
    });
    port.open((error) => {
      // serialport says "Error: No such file or directory, cannot open /dev/x": keep the cause only.
      if (error)
        return reject(
          new Error(
            `cannot open ${settings.path}: ${error.message.replace(/^Error: /, '').replace(/, cannot open .*$/, '')}`,
          ),
        );
      const closeListeners: ((reason: string) => void)[] = [];
      let closedOnce = false;
      const fireClose = (reason: string) => {
        if (closedOnce) return;
        closedOnce = true;
        for (const listener of closeListeners) listener(reason);
      };
      port.on('close', (err?: Error & { disconnected?: boolean }) =>
        fireClose(err?.disconnected ? 'unplugged' : 'closed'),
      );
      port.on('error', (err: Error) => fireClose(err.message));
      resolve({
        write: (bytes) =>
          new Promise((ok, fail) => {
            port.write(Buffer.from(bytes), (err) => (err ? fail(err) : ok()));
          }),
        onData: (listener) => port.on('data', (chunk: Buffer) => listener(new Uint8Array(chunk))),
        onClose: (listener) => closeListeners.push(listener),
        close: () =>
          new Promise((ok) => {
            if (!port.isOpen) return ok();
            port.close(() => ok());
          }),
      });
    });
  });
}
