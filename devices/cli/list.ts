// `relais-devices list`: serial ports with their USB ids, HID devices, and the configured devices.
import { SerialPort } from 'serialport';

export async function listDevices(print: (line: string) => void): Promise<void> {
  const ports = await SerialPort.list();
  print(`Serial ports (${ports.length}):`);
  for (const p of ports) {
    const usb = p.vendorId ? ` usb ${p.vendorId}:${p.productId}` : '';
    const who = [p.manufacturer, p.serialNumber].filter(Boolean).join(' ');
    print(`  ${p.path}${usb}${who ? ` (${who})` : ''}`);
  }
  if (ports.length === 0) print('  none');
  try {
    // node-hid's enumeration is synchronous; a one-off call is fine in a command-line tool.
    const HID = (await import('node-hid')).default;
    const devices = HID.devices();
    print(`HID devices (${devices.length}):`);
    for (const d of devices)
      print(
        `  ${d.path ?? '?'} usb ${hex4(d.vendorId)}:${hex4(d.productId)} ${d.manufacturer ?? ''} ${d.product ?? ''}`.trimEnd(),
      );
    if (devices.length === 0) print('  none');
  } catch (error) {
    print(`HID devices: cannot enumerate (${(error as Error).message})`);
  }
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');
