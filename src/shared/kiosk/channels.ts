// The contract's kiosk channels and events (assembled in src/shared/contract.ts): the pharmacy cabin's
// kiosk mode.
import { z } from 'zod';
import { channel, noInput } from '../channel';
import { KioskStateSchema } from './kiosk';

export const KIOSK_CHANNELS = {
  'kiosk.state': channel(noInput, KioskStateSchema),
  /** The first PIN typed sets the pharmacist's PIN; afterwards it must match. */
  'kiosk.enter': channel(z.strictObject({ pin: z.string().max(40) }), KioskStateSchema),
  'kiosk.leave': channel(z.strictObject({ pin: z.string().max(40) }), KioskStateSchema),
  /** A cabin session ended: the shell wipes the browser's storage and caches. */
  'kiosk.endSession': channel(noInput, z.strictObject({ wiped: z.literal(true) })),
} as const;

export const KIOSK_EVENTS = {
  'kiosk.changed': KioskStateSchema,
  /** For the shell (Electron): a cabin session ended, wipe the renderer's storage and caches. */
  'kiosk.sessionEnded': z.object({ at: z.string() }),
  /** For the page (Electron): closing or quitting was refused in kiosk mode; the pharmacist's keypad opens. */
  'kiosk.exitRefused': z.object({ at: z.string() }),
} as const;
