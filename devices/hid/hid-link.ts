// node-hid as a Link for the reconnecting transport: one input report per onData call. HIDAsync
// does its I/O on a libuv thread, so reading a device never blocks the main thread.
import fs from 'node:fs';
import path from 'node:path';
import type { Link } from '../transport/reconnecting-transport';

export async function openHidLink(devicePath: string): Promise<Link> {
  const HID = (await import('node-hid')).default;
  const device = await HID.HIDAsync.open(devicePath).catch((error: Error) => {
    throw new Error(
      `cannot open ${devicePath}: ${error.message} (on Linux, check the udev rule giving the station's user access to hidraw)`,
    );
  });
  const closeListeners: ((reason: string) => void)[] = [];
  let closed = false;
  const fire = (reason: string) => {
    if (closed) return;
    closed = true;
    closeListeners.forEach((l) => l(reason));
  };
  device.on('error', (error: Error) => fire(error.message));
  return {
    write: async (bytes) => {
      await device.write(Buffer.from(bytes));
    },
    onData: (listener) => device.on('data', (report: Buffer) => listener(new Uint8Array(report))),
    onClose: (listener) => closeListeners.push(listener),
    close: async () => {
      fire('closed');
      await device.close().catch(() => {});
    },
  };
}

/** Linux exposes each hidraw device's report descriptor in sysfs; elsewhere the profile carries it. */
export function readReportDescriptor(devicePath: string): Uint8Array | null {
  const node = path.basename(devicePath);
  if (!/^hidraw\d+$/.test(node)) return null;
  try {
    return new Uint8Array(fs.readFileSync(`/sys/class/hidraw/${node}/device/report_descriptor`));
  } catch {
    return null;
  }
}
