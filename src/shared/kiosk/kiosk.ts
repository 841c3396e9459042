// The pharmacy cabin's kiosk mode as the station keeps it: whether it is on, whether the
// pharmacist's PIN is set, and until when wrong PINs lock it.
import { z } from 'zod';

/** 6 to 12 digits: typed on the cabin's touch keypad, long enough not to be guessed at a glance. */
export const KioskPinSchema = z.string().regex(/^\d{6,12}$/, 'kiosk.pin_format');

export const KioskStateSchema = z.object({
  active: z.boolean(),
  pinSet: z.boolean(),
  /** ISO time until which PIN attempts are refused after too many wrong ones; null when not locked. */
  lockedUntil: z.string().nullable(),
  /** The pharmacy's name, shown on the welcome screen and recorded as the act's site. */
  site: z.string(),
});
export type KioskState = z.infer<typeof KioskStateSchema>;
