// The kiosk feature as the station composes it: the cabin's kiosk mode, its handlers, its gate, and
// the acts its sessions opened (cabin-acts.ts).
import type { Peer } from '../../shared/hub-protocol';
import type { StationPlatform } from '../platform/station-platform';
import { createCabinActs } from './cabin-acts';
import { cabinSiteName } from './cabin-site';
import { createKioskGate } from './kiosk-gate';
import { kioskHandlers } from './kiosk-handlers';
import { createKioskService } from './kiosk-service';

/**
 * hubIdentity: who the hub knows this station as (its token's name and site), null before it answers.
 * actOfPrescription: the act of a prescription kept here (the acts feature's), null when none.
 */
export function createKioskFeature(
  platform: StationPlatform,
  deps: { hubIdentity: () => Peer | null; actOfPrescription: (prescriptionId: string) => string | null },
) {
  const { events, now } = platform;
  const active = () => service.state().active;
  const cabinActs = createCabinActs({ kioskActive: active, actOfPrescription: deps.actOfPrescription });
  const service = createKioskService({
    dataDir: platform.dataDir,
    now,
    // Never platform.stationName (the host name): the site from the station's token, else a plain name.
    site: () => cabinSiteName(deps.hubIdentity()),
    onChanged: (state) => {
      if (!state.active) cabinActs.forget();
      events.emit('kiosk.changed', state);
    },
    onSessionEnded: () => {
      cabinActs.forget();
      events.emit('kiosk.sessionEnded', { at: now().toISOString() });
    },
  });
  return {
    service,
    handlers: kioskHandlers(service),
    active,
    gate: createKioskGate(active),
    /** The acts feature's handlers as the cabin may call them (cabin-acts.ts). */
    scopeActs: cabinActs.scope,
  };
}
