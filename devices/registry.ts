// Discovery and hotplug: lists serial ports (with their USB ids) and HID devices every few
// seconds, matches them to device profiles, and reports what was plugged in or pulled out.
// serialport and node-hid have no plug events, hence the gentle polling.
import { z } from 'zod';

export interface PortInfo {
  bus: 'serial' | 'hid';
  path: string;
  vendorId?: string; // 4 hex digits, lower case
  productId?: string;
  manufacturer?: string;
  product?: string;
  serialNumber?: string;
}

export const SerialProfileSchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  bus: z.enum(['serial', 'hid']),
  kind: z.enum([
    'camera',
    'oximeter',
    'stethoscope',
    'dermatoscope',
    'blood_pressure',
    'thermometer',
    'scale',
    'other',
  ]),
  /** The protocol to try first; the USB ids of a cable chip only suggest it (probe to confirm). */
  protocol: z.string(),
  match: z.strictObject({
    vendorId: z.string().regex(/^[0-9a-f]{4}$/),
    productId: z.string().regex(/^[0-9a-f]{4}$/),
    manufacturer: z.string().optional(),
  }),
  note: z.string().optional(),
});
export type DeviceProfile = z.infer<typeof SerialProfileSchema>;
export const ProfilesFileSchema = z.strictObject({ profiles: z.array(SerialProfileSchema) });

export interface Detected {
  port: PortInfo;
  profile: DeviceProfile | null;
}

const norm = (id?: string) => id?.toLowerCase().replace(/^0x/, '').padStart(4, '0');

export function matchProfile(port: PortInfo, profiles: readonly DeviceProfile[]): DeviceProfile | null {
  return (
    profiles.find(
      (p) =>
        p.bus === port.bus &&
        p.match.vendorId === norm(port.vendorId) &&
        p.match.productId === norm(port.productId) &&
        (!p.match.manufacturer || (port.manufacturer ?? '').toLowerCase().includes(p.match.manufacturer.toLowerCase())),
    ) ?? null
  );
}

export interface WatcherOptions {
  list: () => Promise<PortInfo[]>;
  profiles: readonly DeviceProfile[];
  onChange(change: { added: Detected[]; removed: Detected[]; present: Detected[] }): void;
  onError?: (error: Error) => void;
  intervalMs?: number;
}

export function createDeviceWatcher(options: WatcherOptions) {
  let present = new Map<string, Detected>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const key = (p: PortInfo) => `${p.bus}:${p.path}:${norm(p.vendorId) ?? ''}:${norm(p.productId) ?? ''}`;

  async function scan(): Promise<void> {
    let ports: PortInfo[];
    try {
      ports = await options.list();
    } catch (error) {
      if (!stopped) options.onError?.(error as Error);
      return;
    }
    // Stopped while the ports were being listed: whoever stopped it (a station closing) hears no more.
    if (stopped) return;
    const next = new Map(
      ports.map((port) => [key(port), { port, profile: matchProfile(port, options.profiles) }] as const),
    );
    const added = [...next].filter(([k]) => !present.has(k)).map(([, d]) => d);
    const removed = [...present].filter(([k]) => !next.has(k)).map(([, d]) => d);
    present = next;
    if (added.length || removed.length) options.onChange({ added, removed, present: [...next.values()] });
  }

  async function loop(): Promise<void> {
    await scan();
    if (!stopped) timer = setTimeout(() => void loop(), options.intervalMs ?? 2_000);
  }

  return {
    start: () => loop(),
    scan,
    present: () => [...present.values()],
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
