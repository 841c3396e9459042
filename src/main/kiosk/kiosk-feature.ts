// The kiosk feature as the station composes it: the cabin's kiosk mode, its handlers and its gate.
import type { StationPlatform } from '../platform/station-platform';
import { createKioskGate } from './kiosk-gate';
import { kioskHandlers } from './kiosk-handlers';
import { createKioskService } from './kiosk-service';

export function createKioskFeature(platform: StationPlatform) {
  const { events, now } = platform;
  const service = createKioskService({
    dataDir: platform.dataDir,
    now,
    site: platform.stationName,
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
