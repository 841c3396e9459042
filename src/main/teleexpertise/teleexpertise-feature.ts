// The téléexpertise feature as the station composes it: requests, replies and the expert's inbox,
// on the platform's database, outbox and events.
import type { StationPlatform } from '../platform/station-platform';
import { createStationTeleexpertise, type StationTeleexpertiseDeps } from './teleexpertise-handlers';

export interface TeleexpertiseFeatureDeps {
  acts: StationTeleexpertiseDeps['acts'];
  encounters: StationTeleexpertiseDeps['encounters'];
  sync: StationTeleexpertiseDeps['sync'];
  fhir: StationTeleexpertiseDeps['fhir'];
  hub: StationTeleexpertiseDeps['hub'];
}

export function createTeleexpertiseFeature(platform: StationPlatform, deps: TeleexpertiseFeatureDeps) {
  return createStationTeleexpertise({
    db: platform.db,
    outbox: platform.outbox,
    now: platform.now,
    events: platform.events,
    acts: deps.acts,
    encounters: deps.encounters,
    sync: deps.sync,
    fhir: deps.fhir,
    hub: deps.hub,
  });
}
