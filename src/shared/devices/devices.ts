// Devices as the page sees them: what is plugged in, camera commands, live oximeter readings.
import { z } from 'zod';
import { CallIdSchema } from '../hub-protocol';
import { DeviceStatusSchema } from '../station/station';

export const DeviceIdSchema = z.string().min(1).max(100);

/** Named camera presets, in the words nurses and experts use (preset number on the camera). */
export const DEFAULT_CAMERA_PRESETS = [
  { number: 1, name: 'visage' },
  { number: 2, name: 'thorax' },
  { number: 3, name: 'pupilles' },
  { number: 4, name: 'plaie' },
  // The NIHSS is examined on these (the stroke sheet recalls them item by item).
  { number: 5, name: 'membres supérieurs' },
  { number: 6, name: 'membres inférieurs' },
  { number: 7, name: 'plan large' },
] as const;

export const DeviceInfoSchema = DeviceStatusSchema.extend({
  protocol: z.string(),
  /** Where it is: a serial port, an IP address, a HID path. */
  location: z.string(),
  simulated: z.boolean(),
  presets: z.array(z.object({ number: z.number().int().min(0).max(255), name: z.string() })).optional(),
  /** A code the page translates (devices.details.<code>), e.g. detected_unconfigured. */
  detail: z.string().optional(),
});
export type DeviceInfo = z.infer<typeof DeviceInfoSchema>;

const unit = z.number().min(-1).max(1);

export const CameraCommandSchema = z.discriminatedUnion('type', [
  /** One gesture (a pad, keys, a gamepad): pan, tilt and zoom velocities together. */
  z.strictObject({ type: z.literal('move'), pan: unit, tilt: unit, zoom: unit }),
  z.strictObject({ type: z.literal('drive'), pan: unit, tilt: unit }),
  z.strictObject({ type: z.literal('zoom'), speed: unit }),
  z.strictObject({ type: z.literal('stop') }),
  z.strictObject({ type: z.literal('home') }),
  z.strictObject({ type: z.literal('preset_recall'), preset: z.number().int().min(0).max(255) }),
  z.strictObject({ type: z.literal('preset_set'), preset: z.number().int().min(0).max(255) }),
  z.strictObject({ type: z.literal('focus'), mode: z.enum(['auto', 'manual', 'one_push', 'near', 'far', 'stop']) }),
  z.strictObject({
    type: z.literal('move_to'),
    pan: z.number().int().min(-32768).max(32767),
    tilt: z.number().int().min(-32768).max(32767),
    speed: z.number().min(0).max(1).optional(),
  }),
  z.strictObject({ type: z.literal('zoom_to'), zoom: z.number().int().min(0).max(65535) }),
]);
export type CameraCommand = z.infer<typeof CameraCommandSchema>;

/**
 * SECURITY: who asks for a camera command, always said. "local": the station's own pad, keyboard
 * or gamepad. "remote": the expert of this call, relayed by the page from the call's data channel;
 * the main process obeys it only under a live grant for that call (steering-grant.ts).
 */
export const CommandOriginSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('local') }),
  z.strictObject({ kind: z.literal('remote'), callId: CallIdSchema }),
]);
export type CommandOrigin = z.infer<typeof CommandOriginSchema>;

export const CameraCommandInputSchema = z.strictObject({
  /** The camera to move; the station's first camera when absent. */
  deviceId: DeviceIdSchema.optional(),
  command: CameraCommandSchema,
  origin: CommandOriginSchema,
});

export const CameraPositionSchema = z.object({ pan: z.number(), tilt: z.number(), zoom: z.number() }).nullable();

export const OximeterReadingSchema = z.object({
  deviceId: DeviceIdSchema,
  spo2: z.number().nullable(),
  pulseRate: z.number().nullable(),
  status: z.enum(['measuring', 'finger_out', 'probe_error', 'searching', 'no_data']),
  /** Pleth samples (0-127) since the previous reading, oldest first, at about 60 Hz. */
  pleth: z.array(z.number()),
  at: z.string(),
});
export type OximeterReading = z.infer<typeof OximeterReadingSchema>;

/** The newest reading stored in a blood pressure monitor (the patient pressed START on it). */
export const BloodPressureReadingSchema = z.object({
  deviceId: DeviceIdSchema,
  systolic: z.number(),
  diastolic: z.number(),
  pulseRate: z.number(),
  /** From the monitor's clock. */
  takenAt: z.string(),
});
export type BloodPressureReading = z.infer<typeof BloodPressureReadingSchema>;

/** A press or change on a peripheral (a dermatoscope's capture button, a stethoscope's record). */
export const PeripheralEventSchema = z.object({
  deviceId: DeviceIdSchema,
  control: z.string(),
  type: z.enum(['pressed', 'released', 'changed']),
  value: z.number(),
  at: z.string(),
});
export type PeripheralEvent = z.infer<typeof PeripheralEventSchema>;
