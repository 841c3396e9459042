// What is plugged into the cart right now: serial ports (serialport) and HID devices (node-hid's
// async enumeration, which runs off the main thread).
import type { PortInfo } from '../registry';

const hex4 = (n: number | string | undefined) =>
  n === undefined ? undefined : typeof n === 'number' ? n.toString(16).padStart(4, '0') : n.toLowerCase();

export async function listSerialPorts(): Promise<PortInfo[]> {
  const { SerialPort } = await import('serialport');
  return (await SerialPort.list()).map((p) => ({
    bus: 'serial' as const,
    path: p.path,
    vendorId: hex4(p.vendorId),
    productId: hex4(p.productId),
    manufacturer: p.manufacturer,
    serialNumber: p.serialNumber,
  }));
}

export async function listHidDevices(): Promise<PortInfo[]> {
  const HID = (await import('node-hid')).default;
  return (await HID.devicesAsync()).map((d) => ({
    bus: 'hid' as const,
    path: d.path ?? `${hex4(d.vendorId)}:${hex4(d.productId)}`,
    vendorId: hex4(d.vendorId),
    productId: hex4(d.productId),
    manufacturer: d.manufacturer,
    product: d.product,
    serialNumber: d.serialNumber,
  }));
}

export async function listAllPorts(): Promise<PortInfo[]> {
  const [serial, hid] = await Promise.all([listSerialPorts(), listHidDevices().catch(() => [])]);
  return [...serial, ...hid];
}
