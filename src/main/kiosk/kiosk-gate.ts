// The pharmacy cabin's gate: while kiosk mode is on, only the channels the cabin's screens call
// run (src/shared/kiosk/cabin-channels.ts); composed beside the sign-in gate in station.ts.
import { isCabinChannel } from '../../shared/kiosk/cabin-channels';
import type { Gate } from '../contract/dispatch';
import { AppFailure } from '../contract/failure';

// SECURITY: a patient may be alone at the screen of a page that holds the pharmacist's session;
// whatever runs in that page (a console, an injected script) gets the cabin's channels only.
// Refused by default: a channel nobody listed for the cabin is refused there.
export function createKioskGate(kioskActive: () => boolean): Gate {
  return (channel) => {
    if (isCabinChannel(channel) || !kioskActive()) return null;
    const what = `The pharmacy cabin is in kiosk mode: ${channel} is not one of the cabin's screens.`;
    const todo =
      'The pharmacist leaves kiosk mode with her PIN ("Espace pharmacien") to use the station\'s other screens.';
    return new AppFailure('kiosk_mode', `${what} ${todo}`);
  };
}
