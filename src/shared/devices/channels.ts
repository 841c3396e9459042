// The contract's devices channels and events (assembled in src/shared/contract.ts): the station's
// devices (cameras, blood pressure, oximeter, HID peripherals) and the remote steering grant
// (steering-grant.ts).
import { z } from 'zod';
import { channel, noInput } from '../channel';
import {
  BloodPressureReadingSchema,
  CameraCommandInputSchema,
  CameraPositionSchema,
  DeviceIdSchema,
  DeviceInfoSchema,
  OximeterReadingSchema,
  PeripheralEventSchema,
} from './devices';
import { CameraCenterInputSchema, CameraCenterOutputSchema } from './camera-center';
import { ControlChangeSchema, STEERING_CHANNELS } from './steering-grant';

export const DEVICES_CHANNELS = {
  'devices.list': channel(noInput, z.array(DeviceInfoSchema)),
  'camera.command': channel(CameraCommandInputSchema, z.strictObject({ accepted: z.literal(true) })),
  'camera.center': channel(CameraCenterInputSchema, CameraCenterOutputSchema),
  'camera.position': channel(z.strictObject({ deviceId: DeviceIdSchema.optional() }), CameraPositionSchema),
  /** The monitor's newest stored reading (null: it holds none). */
  'bloodPressure.latest': channel(z.strictObject({ deviceId: DeviceIdSchema }), BloodPressureReadingSchema.nullable()),
  /** Simulated monitors only: as if the patient pressed START. */
  'bloodPressure.simulateMeasurement': channel(
    z.strictObject({ deviceId: DeviceIdSchema }),
    z.strictObject({ measured: z.literal(true) }),
  ),
  ...STEERING_CHANNELS,
} as const;

export const DEVICES_EVENTS = {
  'devices.changed': z.array(DeviceInfoSchema),
  'oximeter.reading': OximeterReadingSchema,
  'peripheral.event': PeripheralEventSchema,
  /** Remote steering granted to the call's expert, or ended (taken back, or by itself). */
  'calls.controlChanged': ControlChangeSchema,
} as const;
