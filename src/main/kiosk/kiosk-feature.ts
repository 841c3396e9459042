// The kiosk feature as the station composes it: the cabin's kiosk mode, its handlers and its gate.
import type { Peer } from '../../shared/hub-protocol';
import type { StationPlatform } from '../platform/station-platform';
import { cabinSiteName } from './cabin-site';
import { createKioskGate } from './kiosk-gate';
import { kioskHandlers } from './kiosk-handlers';
import { createKioskService } from './kiosk-service';

/** hubIdentity: who the hub knows this station as (its token's name and site), null before it answers. */
export function createKioskFeature(platform: StationPlatform, deps: { hubIdentity: () => Peer | null }) {
  const { events, now } = platform;
  const service = createKioskService({
    dataDir: platform.dataDir,
    now,
    // Never platform.stationName (the host name): the site from the station's token, else a plain name.
    site: () => cabinSiteName(deps.hubIdentity()),
    onChanged: (state) => events.emit('kiosk.changed', state),
    onSessionEnded: () => events.emit('kiosk.sessionEnded', { at: now().toISOString() }),
  });
  return {
    service,
    handlers: kioskHandlers(service),
    active: () => service.state().active,
    gate: createKioskGate(() => service.state().active),
  };
}
