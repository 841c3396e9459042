// The stroke feature as the station composes it: the tele-stroke sheet of an act and its handlers.
import type { StationPlatform } from '../platform/station-platform';
import { strokeHandlers } from './stroke-handlers';
import { createStrokeService, type StrokeServiceDeps } from './stroke-service';

export interface StrokeFeatureDeps {
  encounters: StrokeServiceDeps['encounters'];
  patients: StrokeServiceDeps['patients'];
}

export function createStrokeFeature(platform: StationPlatform, deps: StrokeFeatureDeps) {
  const service = createStrokeService({
    db: platform.db,
    encounters: deps.encounters,
    patients: deps.patients,
    now: platform.now,
    onChanged: (encounterId) => platform.events.emit('stroke.changed', { encounterId }),
  });
  return { service, handlers: strokeHandlers(service) };
}
