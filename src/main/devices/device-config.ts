// The station's devices as the technician configures them (devices.json in the data folder).
// Without that file the station runs simulated devices, so it can be tried without a cart.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const base = { id: z.string().min(1).max(100), label: z.string().min(1).max(200) };
const presets = z
  .array(z.object({ number: z.number().int().min(0).max(255), name: z.string().min(1).max(50) }))
  .optional();

export const DeviceConfigSchema = z.discriminatedUnion('protocol', [
  z.strictObject({
    ...base,
    kind: z.literal('camera'),
    protocol: z.literal('visca'),
    path: z.string(),
    baudRate: z.number().int().default(9600),
    address: z.number().int().min(1).max(7).default(1),
    presets,
  }),
  z.strictObject({
    ...base,
    kind: z.literal('camera'),
    protocol: z.literal('visca-ip'),
    host: z.string(),
    port: z.number().int().default(52381),
    header: z.boolean().default(true),
    presets,
  }),
  z.strictObject({
    ...base,
    kind: z.literal('camera'),
    protocol: z.literal('visca-tcp'),
    host: z.string(),
    port: z.number().int().default(5678),
    presets,
  }),
  z.strictObject({
    ...base,
    kind: z.literal('camera'),
    protocol: z.literal('pelco-d'),
    path: z.string(),
    baudRate: z.number().int().default(2400),
    address: z.number().int().min(1).max(255).default(1),
    presets,
  }),
  z.strictObject({
    ...base,
    kind: z.literal('oximeter'),
    protocol: z.literal('cms50d'),
    path: z.string(),
    generation: z.enum(['legacy', 'v2']).default('v2'),
  }),
  /** path: the monitor's hidraw node (or the hidapi path elsewhere). */
  z.strictObject({
    ...base,
    kind: z.literal('blood_pressure'),
    protocol: z.literal('omron-hem790it'),
    path: z.string(),
  }),
]);
export type DeviceConfig = z.infer<typeof DeviceConfigSchema>;
export const DevicesFileSchema = z.strictObject({ devices: z.array(DeviceConfigSchema).max(32) });

export const DEVICES_FILE = 'devices.json';

export type DeviceSetup = { mode: 'configured'; devices: DeviceConfig[] } | { mode: 'simulated' } | { mode: 'none' };

export class DeviceConfigError extends Error {}

/** Reads devices.json; a broken file is an error a technician must see, never silently ignored. */
export function loadDeviceSetup(dataDir: string, env: Record<string, string | undefined>): DeviceSetup {
  if (env.RELAIS_DEVICES === 'none') return { mode: 'none' };
  const file = path.join(dataDir, DEVICES_FILE);
  if (!fs.existsSync(file))
    return env.RELAIS_DEVICES === 'configured' ? { mode: 'configured', devices: [] } : { mode: 'simulated' };
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DeviceConfigError(
      `${file} is not valid JSON (${(error as Error).message}). Fix it or remove it to use simulated devices.`,
    );
  }
  const parsed = DevicesFileSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new DeviceConfigError(
      `${file}: ${first?.path.join('.') || 'file'}: ${first?.message}. Fix it or remove it to use simulated devices.`,
    );
  }
  return { mode: 'configured', devices: parsed.data.devices };
}
