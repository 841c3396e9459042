// Click-to-center as a channel of its own: the page says where on the camera's picture it was
// clicked; the station's main process reads the camera's position and points it there with the
// attached camera's own optics (devices/<protocol>/optics.ts), in one round trip.
import { z } from 'zod';
import { CommandOriginSchema, DeviceIdSchema } from './devices';

/** A point of the picture, -1..1 from its centre (right and up positive). */
const normalized = z.number().min(-1).max(1);

export const CameraCenterInputSchema = z.strictObject({
  /** The camera to point; the station's first camera when absent. */
  deviceId: DeviceIdSchema.optional(),
  x: normalized,
  y: normalized,
  origin: CommandOriginSchema,
});
export type CameraCenterInput = z.infer<typeof CameraCenterInputSchema>;

/** Where the camera was sent, in its own units, and after which model's optics. */
export const CameraCenterOutputSchema = z.strictObject({ pan: z.number(), tilt: z.number(), model: z.string() });
