// HID peripheral profiles (resources/devices/hid/*.json): which device, and which of its
// report fields (found by usage page and usage) is the capture button, the LED, the filter...
import { z } from 'zod';

const hex4 = z.string().regex(/^[0-9a-f]{4}$/, 'four lower-case hex digits');

export const HidControlSchema = z.strictObject({
  name: z.string().regex(/^[a-z_]+$/),
  label: z.string(),
  report: z.enum(['input', 'output', 'feature']),
  usagePage: z.number().int().min(0).max(0xffff),
  usage: z.number().int().min(0).max(0xffff),
  /** button: press/release edges; toggle: on/off; level: a number; enum: named values. */
  type: z.enum(['button', 'toggle', 'level', 'enum']),
  values: z.record(z.string(), z.number().int()).optional(),
});
export type HidControl = z.infer<typeof HidControlSchema>;

export const HidProfileSchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['dermatoscope', 'stethoscope', 'other']),
  match: z.strictObject({ vendorId: hex4, productId: hex4 }),
  /** Which real devices this profile was written for, and what is unverified. */
  targets: z.string(),
  /** The report descriptor as hex, where the OS cannot give it (Linux reads it from sysfs). */
  descriptor: z
    .string()
    .regex(/^[0-9a-fA-F\s]+$/)
    .optional(),
  controls: z.array(HidControlSchema).min(1),
});
export type HidProfile = z.infer<typeof HidProfileSchema>;
