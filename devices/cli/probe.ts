// `relais-devices probe <port>`: which protocol answers on this port, and which camera it is.
import { createViscaReplyDecoder, visca } from '../visca/codec';
import { createCms50dDecoder, SERIAL_SETTINGS, V2_START, V2_STOP, type Generation } from '../cms50d/codec';
import { openSerialLink } from '../transport/serial-link';
import type { Link } from '../transport/reconnecting-transport';

export interface ProbeResult {
  protocol: 'visca' | 'pelco-d' | 'cms50d';
  baudRate: number;
  description: string;
}

const VENDORS: Record<number, string> = { 0x0020: 'Sony' };

async function exchange(
  link: Link,
  bytes: Uint8Array,
  done: (received: number[]) => boolean,
  timeoutMs: number,
): Promise<number[]> {
  const received: number[] = [];
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(received), timeoutMs);
    link.onData((chunk) => {
      received.push(...chunk);
      if (done(received)) {
        clearTimeout(timer);
        resolve(received);
      }
    });
    void link.write(bytes).catch(() => resolve(received));
  });
}

async function withLink<T>(
  path: string,
  baudRate: number,
  use: (link: Link) => Promise<T>,
  parity: 'none' | 'odd' = 'none',
): Promise<T> {
  const link = await openSerialLink({ path, baudRate, parity });
  try {
    return await use(link);
  } finally {
    await link.close();
  }
}

async function probeVisca(path: string, baudRate: number): Promise<ProbeResult | null> {
  return withLink(path, baudRate, async (link) => {
    const answer = await exchange(link, visca.addressSet(), (r) => r.includes(0xff), 400);
    const address = createViscaReplyDecoder()
      .push(answer)
      .find((r) => r.type === 'address_set');
    if (!address) return null;
    const versionBytes = await exchange(
      link,
      visca.inquiryVersion(1),
      (r) =>
        createViscaReplyDecoder()
          .push(r)
          .some((x) => x.type === 'completion' && x.socket === 0 && x.data.length > 0),
      400,
    );
    const version = createViscaReplyDecoder()
      .push(versionBytes)
      .find((x) => x.type === 'completion' && x.data.length >= 7);
    const cameras = address.type === 'address_set' ? address.next - 1 : 1;
    if (!version || version.type !== 'completion')
      return {
        protocol: 'visca',
        baudRate,
        description: `VISCA, ${cameras} camera(s) on the chain (no version answer)`,
      };
    const [v0 = 0, v1 = 0, m0 = 0, m1 = 0, r0 = 0, r1 = 0, sockets = 0] = version.data;
    const vendor = (v0 << 8) | v1;
    return {
      protocol: 'visca',
      baudRate,
      description: `VISCA, ${cameras} camera(s) on the chain; camera 1: vendor ${VENDORS[vendor] ?? '0x' + vendor.toString(16).padStart(4, '0')}, model 0x${((m0 << 8) | m1).toString(16).padStart(4, '0')}, ROM 0x${((r0 << 8) | r1).toString(16).padStart(4, '0')}, ${sockets} sockets`,
    };
  });
}

async function probePelcoD(path: string, baudRate: number): Promise<ProbeResult | null> {
  // Query pan position of address 1: FF 01 00 51 00 00 52; the answer is an extended 59 frame.
  return withLink(path, baudRate, async (link) => {
    const answer = await exchange(
      link,
      Uint8Array.of(0xff, 0x01, 0x00, 0x51, 0x00, 0x00, 0x52),
      (r) => r.length >= 7,
      400,
    );
    const start = answer.indexOf(0xff);
    if (start < 0 || answer[start + 3] !== 0x59) return null;
    return {
      protocol: 'pelco-d',
      baudRate,
      description: `Pelco-D camera at address ${answer[start + 1]} (answers position queries; pan ${((answer[start + 4] ?? 0) << 8) | (answer[start + 5] ?? 0)})`,
    };
  });
}

async function probeOximeter(path: string, generation: Generation): Promise<ProbeResult | null> {
  const { baudRate, parity } = SERIAL_SETTINGS[generation];
  return withLink(
    path,
    baudRate,
    async (link) => {
      const decoder = createCms50dDecoder(generation);
      let frames = 0;
      link.onData((chunk) => (frames += decoder.push(chunk).length));
      // v2 streams only once asked; the legacy firmware streams all the time.
      if (generation === 'v2') await link.write(V2_START);
      await new Promise((r) => setTimeout(r, 600));
      if (generation === 'v2') await link.write(V2_STOP).catch(() => {});
      return frames >= 10
        ? {
            protocol: 'cms50d',
            baudRate,
            description: `Contec CMS50D+ pulse oximeter (${generation === 'v2' ? 'v2 firmware, 115200 baud' : 'legacy firmware, 19200 baud 8O1'}), ${frames} frames in 0.6 s`,
          }
        : null;
    },
    parity,
  );
}

export async function probePort(path: string, log: (line: string) => void): Promise<ProbeResult | null> {
  for (const baudRate of [9600, 19200, 38400]) {
    log(`  VISCA at ${baudRate} baud…`);
    const found = await probeVisca(path, baudRate);
    if (found) return found;
  }
  for (const baudRate of [2400, 4800, 9600]) {
    log(`  Pelco-D position query at ${baudRate} baud…`);
    const found = await probePelcoD(path, baudRate);
    if (found) return found;
  }
  for (const generation of ['v2', 'legacy'] as const) {
    log(`  CMS50D+ oximeter (${generation} firmware)…`);
    const found = await probeOximeter(path, generation);
    if (found) return found;
  }
  return null;
}
