// The kiosk's contract handlers: the cabin's state, and the pharmacist's PIN to enter and leave it.
import type { Handlers } from '../../shared/contract';
import type { KioskService } from './kiosk-service';

export const kioskHandlers = (kiosk: KioskService): Partial<Handlers> => ({
  'kiosk.state': () => kiosk.state(),
  'kiosk.enter': ({ pin }) => kiosk.enter(pin),
  'kiosk.leave': ({ pin }) => kiosk.leave(pin),
  'kiosk.endSession': () => kiosk.endSession(),
});
