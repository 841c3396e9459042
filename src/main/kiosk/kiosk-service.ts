// The pharmacy cabin's kiosk mode: on until the pharmacist types her PIN. The PIN is kept as a
// salted scrypt hash in the data folder (kiosk-mode.json, readable by the station's user only); wrong
// PINs lock the keypad for a while, so a patient left alone in the cabin cannot try them all. The
// state lives here and not in the page, so that reloading the page never leaves kiosk mode.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { KioskPinSchema, type KioskState } from '../../shared/kiosk/kiosk';
import { AppFailure, fieldFailure } from '../contract/failure';
import { hashPin, pinMatches } from '../platform/security/pin-hash';
import { trivialPin } from '../../shared/identity/pin-rules';

const StoredSchema = z.object({
  active: z.boolean(),
  pin: z.object({ salt: z.string(), hash: z.string() }).nullable(),
  failures: z.number().int().min(0),
  lockedUntil: z.string().nullable(),
});
type Stored = z.infer<typeof StoredSchema>;

export const MAX_PIN_FAILURES = 5;
export const PIN_LOCK_MS = 5 * 60_000;
const FRESH: Stored = { active: false, pin: null, failures: 0, lockedUntil: null };

export interface KioskServiceDeps {
  dataDir: string;
  now: () => Date;
  /** The pharmacy's name, read each time (the hub identity arrives after start; cabin-site.ts). */
  site: () => string;
  onChanged: (state: KioskState) => void;
  /** A patient's session ended: the shell wipes what the browser kept (caches, storage). */
  onSessionEnded: () => void;
}

export function createKioskService(deps: KioskServiceDeps) {
  const file = path.join(deps.dataDir, 'kiosk-mode.json');

  function load(): Stored {
    try {
      return StoredSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    } catch (error) {
      // No file yet is the normal first start. A damaged file must not lock the pharmacy out of
      // its own station, nor leave it open: it is set aside, and the cabin starts out of kiosk
      // mode with no PIN, as on a new station.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') fs.renameSync(file, `${file}.damaged-${Date.now()}`);
      return { ...FRESH };
    }
  }
  let stored = load();

  function save(next: Stored): void {
    const temporary = `${file}.tmp`;
    // SECURITY: the PIN's hash is readable by the station's user only.
    fs.writeFileSync(temporary, JSON.stringify(next), { mode: 0o600 });
    fs.renameSync(temporary, file);
    stored = next;
    deps.onChanged(state());
  }

  function state(): KioskState {
    const locked =
      stored.lockedUntil && Date.parse(stored.lockedUntil) > deps.now().getTime() ? stored.lockedUntil : null;
    return { active: stored.active, pinSet: stored.pin !== null, lockedUntil: locked, site: deps.site() };
  }

  function parsePin(pin: string): string {
    const parsed = KioskPinSchema.safeParse(pin);
    if (!parsed.success) throw fieldFailure('pin', 'kiosk.pin_format');
    return parsed.data;
  }

  /** Checks a PIN against the stored one, counting wrong ones; throws when it is not the right one. */
  function verify(pin: string): void {
    const current = state();
    if (current.lockedUntil) throw fieldFailure('pin', 'kiosk.locked', { until: current.lockedUntil });
    if (!stored.pin) throw new AppFailure('not_found', 'No kiosk PIN is set on this station.');
    if (pinMatches(pin, { salt: Buffer.from(stored.pin.salt, 'hex'), hash: Buffer.from(stored.pin.hash, 'hex') })) {
      if (stored.failures > 0) save({ ...stored, failures: 0, lockedUntil: null });
      return;
    }
    const failures = stored.failures + 1;
    const lock = failures >= MAX_PIN_FAILURES;
    const lockedUntil = lock ? new Date(deps.now().getTime() + PIN_LOCK_MS).toISOString() : null;
    save({ ...stored, failures: lock ? 0 : failures, lockedUntil });
    if (lock) throw fieldFailure('pin', 'kiosk.locked', { until: lockedUntil! });
    throw fieldFailure('pin', 'kiosk.pin_wrong', { left: MAX_PIN_FAILURES - failures });
  }

  return {
    state,
    /** Enters kiosk mode. The first time, the PIN typed becomes the one that will let her out. */
    enter(pinInput: string): KioskState {
      const pin = parsePin(pinInput);
      if (stored.pin) verify(pin);
      else {
        // SECURITY: the PIN a patient alone in the cabin must not guess: no trivial one (pin-rules.ts).
        const trivial = trivialPin(pin);
        if (trivial) throw fieldFailure('pin', `pin.${trivial}`);
        const { salt, hash } = hashPin(pin);
        stored = { ...stored, pin: { salt: salt.toString('hex'), hash: hash.toString('hex') } };
      }
      save({ ...stored, active: true });
      return state();
    },
    leave(pinInput: string): KioskState {
      const pin = parsePin(pinInput);
      if (!stored.active) return state();
      verify(pin);
      save({ ...stored, active: false });
      return state();
    },
    endSession(): { wiped: true } {
      deps.onSessionEnded();
      return { wiped: true };
    },
  };
}
export type KioskService = ReturnType<typeof createKioskService>;
